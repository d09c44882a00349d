"""Pages written for the tests in boilerplate styles the seeds do not have.

newswire: dateline "WASHINGTON (Reuters) -", "Reporting by ...; Editing by ..." trailer, caption,
"Read Next" list; newspaper: newsletter sign-up insert and an ad mid-article, "More from" and
"Most read" lists; blog: cookie banner, hashtags, share buttons, a comments section.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean_document
from pipeline.documents import CleanDocument, RawDocument

PAGES = Path(__file__).parent / "data" / "clean" / "pages"


def _clean(name: str) -> CleanDocument:
    text = (PAGES / name).read_text(encoding="utf-8")
    return clean_document(RawDocument(name.rsplit(".", 1)[0], name, "", text))


@pytest.fixture(scope="module")
def wire() -> CleanDocument:
    return _clean("newswire.txt")


@pytest.fixture(scope="module")
def paper() -> CleanDocument:
    return _clean("newspaper_newsletter.txt")


@pytest.fixture(scope="module")
def blog() -> CleanDocument:
    return _clean("blog_cookies.txt")


def _label(doc: CleanDocument, start: str) -> tuple[str, bool, str]:
    b = next(b for b in doc.blocks if b.text.startswith(start))
    return b.label, b.kept, b.reason


def test_newswire_body_kept_with_dateline(wire):
    assert wire.body.startswith("WASHINGTON (Reuters) - A group of U.S. lawmakers")
    assert "The Commerce Department has said it is reviewing reports" in wire.text
    assert '"Export controls only work if they are enforced,"' in wire.text


def test_newswire_junk_removed(wire):
    for junk in ("Reporting by", "Editing by", "Read Next", "Microsoft to invest", "© 2023 Reuters",
                 "Skip to main content", "Sign In", "REUTERS/Dado Ruvic", "Trust Principles", "flags.jpg"):
        assert junk not in wire.text, junk
    assert _label(wire, "(Reporting by")[0] == "byline"
    assert _label(wire, "U.S. and Chinese flags")[0] == "caption"
    label, kept, reason = _label(wire, "Microsoft to invest")
    assert (label, kept) == ("spillover", False) and "Read Next" in reason


def test_newswire_metadata(wire):
    m = wire.meta
    assert m.title == "U.S. lawmakers press chipmakers over sales to China"
    assert m.authors == ("Karen Freifeld", "Alexandra Alper")
    assert m.published == "2023-03-14"  # the update line is not the publication date
    assert m.published_basis == "text: 'March 14, 2023 9:41 AM GMT'"
    assert m.outlet == "Reuters"


def test_newspaper_newsletter_insert_removed_body_kept(paper):
    for kept in ("The city council voted 9-2 on Tuesday night", "The barrier, expected to cost",
                 "Residents who spoke at the meeting were divided.", "Others worried about the cost",
                 "Construction is due to begin next spring"):
        assert kept in paper.text, kept
    for junk in ("Sign up for", "delivered to your inbox", "Enter your email", "Subscribe", "Advertisement",
                 "More from Local", "Bus fares", "Heatwave warning", "Privacy policy", "Share", "Print"):
        assert junk not in paper.text, junk
    assert _label(paper, "Get the day's top stories")[0] == "boilerplate"


def test_newspaper_subtitle_once_and_metadata(paper):
    sub = "The vote ends a decade of debate"
    assert paper.text.count(sub) == 1
    assert _label(paper, sub)[0] == "subtitle"
    assert paper.meta.authors == ("Maria Lopez",)
    assert paper.meta.published == "2024-06-12"
    assert paper.meta.title.startswith("City council approves new flood barrier")
    assert paper.meta.outlet == "The Daily Courier"


def test_blog_cookie_banner_and_comments_removed(blog):
    assert blog.body.startswith("For months my starter sat on the counter")
    assert blog.text.rstrip().endswith("at least in my kitchen.")
    for junk in ("cookies", "Accept all", "#sourdough", "Share this", "12 Comments", "Anna says",
                 "sulking all winter", "Leave a Reply", "Powered by WordPress"):
        assert junk not in blog.text, junk
    label, kept, reason = _label(blog, "Thanks for this, my starter")
    assert (label, kept) == ("comments", False) and "12 Comments" in reason
    assert _label(blog, "We use cookies")[0] == "boilerplate"


def test_blog_metadata(blog):
    assert blog.meta.title == "Why my sourdough starter finally rose"
    assert blog.meta.authors == ("Tom Baker",)
    assert blog.meta.published == "2022-04-03"
