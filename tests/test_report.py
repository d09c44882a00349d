"""The rendered report: PDF text holds every quote and title, the TOC is right, nothing is fetched."""

from __future__ import annotations

import dataclasses
import re
from io import BytesIO

import pytest
import report_fixtures as fx
from pypdf import PdfReader

from pipeline.report import TemplateFetcher, build_context, render_html, render_pdf
from pipeline.resources import templates_dir

TEMPLATES = templates_dir()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def rendered():
    ctx = build_context(fx.documents(), fx.cleaned(), fx.mentions(), fx.comparison())
    html = render_html(ctx, TEMPLATES)
    fetcher = TemplateFetcher(TEMPLATES)
    pdf = render_pdf(html, TEMPLATES, fetcher=fetcher)
    reader = PdfReader(BytesIO(pdf))
    pages = [p.extract_text() for p in reader.pages]
    return ctx, html, fetcher, reader, pages


def test_pdf_holds_every_finding_quote_and_source_title(rendered):
    _ctx, _html, _fetcher, _reader, pages = rendered
    text = _squash("".join(pages))
    for f in fx.comparison().finding_rows():
        assert _squash(f.quote) in text, f.finding_id
        assert f.finding_id in text
    for d in fx.documents():
        assert _squash(d.title or d.doc_id) in text
    assert "notatextdocument" in text  # the failed file and its reason are listed


def test_every_footnote_reaches_the_pdf(rendered):
    """WeasyPrint 70 silently drops footnotes in some layouts (see report.css); catch a regression."""
    ctx, _html, _fetcher, _reader, pages = rendered
    text = _squash("".join(pages))
    notes = [s.text for t in ctx.texts for p in t.paragraphs for s in p if s.css_class == "fn"]
    assert len(notes) == 7
    for note in notes:
        assert _squash(note) in text


def _lines_as_printed(page) -> str:
    """The page's text line by line as it is printed (by position): page numbers are stamped
    after the sections are laid out, so in the text stream they come last."""
    pieces: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            pieces.append((y, x, text.strip()))

    page.extract_text(visitor_text=visit)
    lines: list[tuple[float, list[tuple[float, str]]]] = []  # top to bottom; a line takes pieces within 2 pt
    for y, x, text in sorted(pieces, key=lambda p: -p[0]):
        if lines and lines[-1][0] - y <= 2:
            lines[-1][1].append((x, text))
        else:
            lines.append((y, [(x, text)]))
    return "\n".join(" ".join(t for _, t in sorted(line)) for _, line in lines)


def test_toc_page_numbers_point_at_their_sections(rendered):
    _ctx, _html, _fetcher, reader, pages = rendered
    toc_index = next(i for i, p in enumerate(pages) if p.lstrip().startswith("Contents"))
    entries = re.findall(r"^(.+?)\s*\.{4,}\s*(\d+)\s*$", _lines_as_printed(reader.pages[toc_index]), re.M)
    labels = [label for label, _ in entries]
    assert labels[:7] == ["Key findings", "Source agreement", "Said by one source only", "Sources",
                          "Entities by source", "Timeline", "Annotated texts"]
    assert len(entries) == 11  # 8 sections + 3 annotated documents
    numbers = [int(n) for _, n in entries]
    assert numbers == sorted(numbers)
    lines = [[line.strip() for line in p.splitlines()] for p in pages]
    texts_page = int(dict(entries)["Annotated texts"])
    for label, n in entries:
        n = int(n)
        assert label in lines[n - 1], (label, n)  # the heading is on the printed page, as its own line
        if "·" in label:  # a document heading: inside the annotated-texts section
            assert n >= texts_page
        else:  # a section: no page between the TOC and n has that heading
            assert not any(label in lines[i] for i in range(toc_index + 1, n - 1)), (label, n)


def test_bookmarks_follow_sections_and_findings(rendered):
    _ctx, _html, _fetcher, reader, _pages = rendered
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(reader.outline)
    assert titles[:2] == ["Contents", "Key findings"]
    assert "F001 Numeric conflict: Acme engineers" in titles and "Appendix: what cleaning removed" in titles


def test_shipped_fonts_are_embedded(rendered):
    _ctx, _html, fetcher, reader, _pages = rendered
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("Report-Serif" in f for f in fonts) and any("Report-Sans" in f for f in fonts)
    assert any(url.endswith("fonts/DejaVuSerif.ttf") for url, ok in fetcher.attempts if ok)


def test_document_markup_prints_as_text_and_nothing_is_fetched(rendered):
    _ctx, html, fetcher, reader, pages = rendered
    text = _squash("".join(pages))
    assert _squash('<img src="file:///etc/passwd">') in text
    assert _squash('<link rel="attachment" href="http://169.254.169.254/latest">') in text
    assert _squash("<style>body{background:url(file:///etc/hostname)}</style>") in text
    assert _squash("What analysts say about Acme <b>not bold</b>") in text
    assert (
        '<img src="file:' not in html and "<link" not in html and "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    )
    root = TEMPLATES.resolve().as_uri() + "/"
    for url, allowed in fetcher.attempts:
        assert allowed and (url.startswith("data:") or url.startswith(root)), url
    assert not reader.attachments


def test_fetcher_refuses_anything_outside_templates(tmp_path):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "ok.css").write_text("p{}")
    (tmp_path / "fonts" / "escape.css").symlink_to("/etc/hostname")
    fetcher = TemplateFetcher(tmp_path)
    assert fetcher.fetch((tmp_path / "fonts" / "ok.css").as_uri()).read() == b"p{}"
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.com/a.css",
                (tmp_path / "fonts" / "escape.css").as_uri(), tmp_path.as_uri() + "/fonts/../../x",
                "ftp://example.com/x", "file://evil.example/etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert [ok for _, ok in fetcher.attempts] == [True, True] + [False] * 7


def test_raw_hostile_html_fetches_nothing_even_without_escaping(tmp_path):
    """Defence in depth: if markup ever got through, the fetcher still refuses file: and http:."""
    fetcher = TemplateFetcher(TEMPLATES)
    html = ('<p>x</p><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/a.png">'
            '<link rel="attachment" href="file:///etc/passwd"><a rel="attachment" href="file:///etc/hostname">a</a>'
            '<div style="background: url(file:///etc/hostname)">b</div><link rel="stylesheet" href="http://127.0.0.1:9/s.css">')
    pdf = render_pdf(html, TEMPLATES, fetcher=fetcher)
    reader = PdfReader(BytesIO(pdf))
    assert not reader.attachments
    refused = [url for url, ok in fetcher.attempts if not ok]
    assert refused and all(url.startswith(("file:///etc", "http://127.0.0.1")) for url in refused)
    assert not [url for url, ok in fetcher.attempts if ok]


def test_html_is_standalone_for_a_browser(rendered):
    _ctx, html, _fetcher, _reader, _pages = rendered
    assert "<style>" in html and "@page" in html and "<link" not in html
    assert not re.search(r'(?:src|href)="(?:https?:|file:)', html)
    assert html.count('class="card ') == 4


def test_a_card_of_many_statements_breaks_between_them_and_leaves_no_page_blank():
    """A conflict many sources take part in is taller than a page: it starts under its heading
    and runs on, instead of leaving the heading alone on a page (seen on a 14-source story)."""
    base = fx.comparison()
    big = base.findings[0]
    many = dataclasses.replace(big, statements=big.statements * 10)  # 20 statements
    comparison = dataclasses.replace(base, findings=(many, *base.findings[1:]))
    ctx = build_context(fx.documents(), fx.cleaned(), fx.mentions(), comparison)
    html = render_html(ctx, TEMPLATES)
    assert 'class="card conflict long" id="F001"' in html
    assert 'class="card conflict" id="F002"' in html  # two statements: kept whole on one page
    reader = PdfReader(BytesIO(render_pdf(html, TEMPLATES, fetcher=TemplateFetcher(TEMPLATES))))
    pages = [_squash(p.extract_text()) for p in reader.pages]
    heading = next(n for n, text in enumerate(pages) if "Conflicts(" in text)
    assert "F001" in pages[heading]  # the card starts on its heading's page
