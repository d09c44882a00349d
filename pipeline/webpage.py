"""HTML pages: the article's text and metadata through trafilatura, and what it left out.

trafilatura is the best-scoring open extractor of article text (F1 0.964 on the cleaning
benchmark's English pages as HTML, against 0.900 for our visible-text dump fed to the cleaner;
``python -m pipeline bench cleaning --html``). It also reads the page's own metadata (title,
author, date, site name, canonical URL), which ranks beneath what the user supplied.

Nothing is lost silently: every paragraph of the page's visible text that is not in the
extracted article comes back in ``WebPage.left_out``, and the cleaner records each one in
blocks.csv with the reason. When trafilatura finds no article (a short or unusual page), the
whole visible text goes to our own cleaner instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from pipeline.documents import UserMetadata

# Past this many visible paragraphs, left-out paragraphs are found by exact line only (the
# substring test costs paragraphs x text).
MAX_SUBSTRING_CHECKS = 5_000
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|\band\b|&|\|)\s*")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class WebPage:
    text: str  # headline, blank line, article paragraphs separated by blank lines
    meta: UserMetadata  # what the page says about itself
    left_out: tuple[str, ...]  # visible paragraphs outside the article, in page order
    extractor: str  # "trafilatura" or "visible text" (trafilatura found no article)


def read_page(markup: str) -> WebPage:
    """The article of an HTML page (trafilatura), its metadata, and the paragraphs left out."""
    import trafilatura  # imported here: loading it costs half a second, plain-text runs skip it

    visible = visible_text(markup)
    found = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
    )
    body = (found.text or "").strip() if found is not None else ""
    if not body:
        return WebPage(visible, UserMetadata(), (), "visible text")
    meta = _page_meta(found)
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if meta.title and (not paragraphs or _norm(paragraphs[0]) != _norm(meta.title)):
        paragraphs.insert(0, meta.title)  # headlines make claims too; the cleaner labels it title
    text = "\n\n".join(paragraphs)
    return WebPage(text, meta, _left_out(visible, paragraphs), "trafilatura")


def _page_meta(found) -> UserMetadata:
    date = (found.date or "").strip()
    authors = tuple(a for a in _AUTHOR_SEPARATORS.split(found.author or "") if a.strip())
    return UserMetadata(
        title=_SPACE.sub(" ", found.title or "").strip()[:500],
        authors=authors[:20],
        published=date if _ISO_DAY.fullmatch(date) else "",
        outlet=_SPACE.sub(" ", found.sitename or "").strip()[:200],
        url=(found.url or "").strip()[:500],
    )


def _left_out(visible: str, kept: list[str]) -> tuple[str, ...]:
    kept_lines = {_norm(p) for p in kept}
    kept_text = _norm(" ".join(kept))
    visible_paragraphs = [p for p in visible.split("\n\n") if p.strip()]
    check_substrings = len(visible_paragraphs) <= MAX_SUBSTRING_CHECKS
    return tuple(
        p for p in visible_paragraphs
        if _norm(p) not in kept_lines and not (check_substrings and _norm(p) in kept_text)
    )


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


class _VisibleText(HTMLParser):
    """Visible text of an HTML page, one paragraph per block element; scripts and styles dropped."""

    _BLOCK = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                        "article", "header", "footer", "nav", "aside", "table", "tr", "td", "th", "blockquote",
                        "figure", "figcaption", "main", "pre", "hr", "title"})
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def visible_text(markup: str) -> str:
    """All text a reader sees on the page, paragraphs separated by blank lines."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)  # convert_charrefs: entities are already decoded
    text = re.sub(r"[ \t\f\v]+", " ", text)
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()
