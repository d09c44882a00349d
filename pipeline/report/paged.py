"""The report's PDF in parts: each top-level section laid out alone, in parallel, cached by content.

WeasyPrint lays a document out as a whole, so a 200-page report cost a minute on one core and
again on every run, even when one source was added. Every section of the template already starts
a page (``h2 { break-before: page }``), so laying the sections out one by one gives the same
pages. What a section cannot know alone is page numbers: the footer's "Page N of M", the
contents' page column and the "in text p. N" of a statement. Those places are left blank in
the layout (``a.pageref`` reserves their width) and stamped when the parts are assembled, from
where each part's pages and anchors fell; links into another part are added then too. A part's
layout is cached by its HTML (and the code, stylesheet and fonts that draw it), so a rerun lays
out only the sections that changed.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import itertools
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import weasyprint
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, Fit, NameObject

from pipeline.report.render import TemplateFetcher
from pipeline.workers import shared_map

# A top-level element of the template (``<section ...>`` or ``<nav ...>`` at a line's start: a
# section, or a chunk of a long one): document text is escaped, so it cannot open one.
PART_START_RE = re.compile(r"^<(?:section|nav)\b", re.M)
BODY_END = "</body>"
# The class of a link whose target's page number is stamped into the space it reserves at its end
# (right-aligned, a contents column), with INLINE_CLASS at that space's start (running text).
PAGE_REF_CLASS = "pageref"
INLINE_CLASS = "inline"
# The reserved space: four figure spaces (report.css), each as wide as a digit, 0.636 em in DejaVu Sans.
RESERVED_EM = 4 * 0.636
# PDF points per CSS pixel: WeasyPrint gives positions in CSS px (96 per inch), PDF wants points (72).
PT_PER_PX = 0.75
# Stamps are drawn in a standard PDF font (no font program embedded: a few bytes a page), with its
# advance widths (per 1000 em, Helvetica's AFM) to centre and right-align them.
STAMP_FONT = "/Helvetica"
STAMP_FONT_RESOURCE = "/NCStamp"
STAMP_FONT_WIDTHS = {**dict.fromkeys("0123456789aegop", 556), " ": 278, "f": 278, ".": 278, "P": 667}
STAMP_FONT_DEFAULT_WIDTH = 556
# The footer: report.css's margin-box font (7.5 pt, #777), its baseline in the middle of the
# 18 mm bottom margin.
FOOTER_PT = 7.5
FOOTER_GREY = 0.467
FOOTER_BASELINE_PT = 18 / 25.4 * 72 / 2 - FOOTER_PT * 0.35
# A worker process costs about 2.5 s to start, import WeasyPrint and load the fonts: as long as
# this many elements take to lay out (about 1 ms each, ``layout_cost``, measured on the parts of the
# 1,000-document report). Workers get that much less to lay out than this process, and below
# three starts' worth of layout one process is quicker (a rerun's changed parts are often ~14,000).
WORKER_START_ELEMENTS = 2_500
CHARS_PER_ELEMENT = 200


@dataclass(frozen=True)
class PartLink:
    """An internal link of a part: its page in the part, its box (CSS px), where it points, and
    whether it is a page reference whose number is stamped at assembly."""

    page: int
    box: tuple[float, float, float, float]  # CSS px from the page's top left
    target: str
    page_ref: str  # "right" | "left": a page number goes into the space it reserves, aligned so; "" none
    font_px: float  # the link's font size
    baseline: float  # the y of its text's baseline
    grey: float  # its text colour as a grey level (0 black, 1 white)


@dataclass(frozen=True)
class PartsUsed:
    """How many parts the report had, and how many of them came from the cache."""

    parts: int
    from_cache: int


@dataclass(frozen=True)
class RenderedPart:
    """One section laid out: its PDF and what assembly needs to number and link it."""

    pdf: bytes
    page_sizes: tuple[tuple[float, float], ...]  # (width, height) of each page, CSS px
    anchors: dict[str, tuple[int, float, float]]  # id -> (page, x, y), CSS px from the page's top left
    links: tuple[PartLink, ...]


def split_parts(html: str) -> list[str]:
    """The document as one document per top-level section, each with the whole head (stylesheet,
    body attributes); a document without such sections stays whole."""
    starts = [m.start() for m in PART_START_RE.finditer(html)]
    if not starts:
        return [html]
    end = html.rfind(BODY_END)
    bounds = [*starts, end if end > starts[-1] else len(html)]
    head = html[: starts[0]]
    return [f"{head}{html[a:b]}\n{BODY_END}\n</html>\n" for a, b in itertools.pairwise(bounds)]


def _joined_links(page: int, page_links: Sequence[tuple]) -> list[PartLink]:
    """One link per link and line on a page: WeasyPrint lists a box for the ``<a>`` and for each
    box inside it (a ``<span>``, its ``::after``, a leader), so boxes that lead to the same place
    on the same line are joined; the link's own box gives its class, font and baseline."""
    joined: list[PartLink] = []
    for kind, target, (x1, y1, x2, y2), box in page_links:
        if kind != "internal" or box is None:
            continue
        link = _part_link(page, (x1, y1, x2, y2), target, box)
        same = next((k for k, seen in enumerate(joined) if seen.target == target
                     and seen.box[1] < y2 and y1 < seen.box[3]), None)
        if same is None:
            joined.append(link)
            continue
        seen = joined[same]
        owner = link if link.page_ref and not seen.page_ref else seen
        sx1, sy1, sx2, sy2 = seen.box
        joined[same] = dataclasses.replace(owner, box=(min(sx1, x1), min(sy1, y1), max(sx2, x2), max(sy2, y2)))
    return joined


def _part_link(page: int, box_rect: tuple[float, float, float, float], target: str, box) -> PartLink:
    classes = (box.element.get("class") or "").split() if box.element is not None else []
    align = ("left" if INLINE_CLASS in classes else "right") if PAGE_REF_CLASS in classes else ""
    grey = sum(box.style["color"].to("srgb").coordinates) / 3
    return PartLink(page, box_rect, target, align, box.style["font_size"], box.position_y + box.baseline, grey)


class _OtherPartsAnchors(logging.Filter):
    """WeasyPrint logs an error for each link to an anchor outside the document; a part's links
    into other parts are expected (assembly adds them), so those lines are dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("No anchor #")


_WEASYPRINT_LOG = logging.getLogger("weasyprint")


def render_part(document: str, templates_dir: Path, fetcher: weasyprint.urls.URLFetcher | None = None) -> RenderedPart:
    """Lay out one part's document and record its pages, anchors and internal links."""
    base = templates_dir.resolve().as_uri() + "/"
    quiet = _OtherPartsAnchors()
    _WEASYPRINT_LOG.addFilter(quiet)
    try:
        laid_out = weasyprint.HTML(string=document, base_url=base, url_fetcher=fetcher if fetcher is not None
                                   else TemplateFetcher(templates_dir)).render()
        pdf = laid_out.write_pdf()
    finally:
        _WEASYPRINT_LOG.removeFilter(quiet)
    assert pdf is not None
    anchors: dict[str, tuple[int, float, float]] = {}
    links: list[PartLink] = []
    for number, page in enumerate(laid_out.pages):
        for name, (x1, y1, *_rest) in page.anchors.items():
            anchors.setdefault(name, (number, x1, y1))
        links.extend(_joined_links(number, page.links))
    return RenderedPart(pdf, tuple((p.width, p.height) for p in laid_out.pages), anchors, tuple(links))


class PartCache(Protocol):
    """Where laid-out parts are kept between runs (``stage_cache.ReportPartCache``)."""

    def load(self, document: str) -> RenderedPart | None: ...

    def store(self, document: str, part: RenderedPart) -> None: ...


def render_parts(documents: Sequence[str], templates_dir: Path, *, cache: PartCache | None = None,
                 workers: int = 1, fetcher: weasyprint.urls.URLFetcher | None = None
                 ) -> tuple[list[RenderedPart], int]:
    """Each part's layout, from the cache when its document is unchanged; the others laid out in
    ``workers`` processes when there is enough to lay out, else here. Also
    returns how many came from the cache."""
    done: dict[int, RenderedPart] = {}
    for i, document in enumerate(documents):
        cached = cache.load(document) if cache is not None else None
        if cached is not None:
            done[i] = cached
    todo = [i for i in range(len(documents)) if i not in done]
    if fetcher is None:  # (a test watching the fetcher needs every part laid out here)
        laid_out = shared_map(functools.partial(render_part, templates_dir=templates_dir),
                              [documents[i] for i in todo], cost=layout_cost, workers=workers,
                              start_cost=WORKER_START_ELEMENTS)
    else:
        laid_out = [render_part(documents[i], templates_dir, fetcher) for i in todo]
    fresh = dict(zip(todo, laid_out, strict=True))
    for i, part in fresh.items():
        if cache is not None:
            cache.store(documents[i], part)
    from_cache = len(done)
    done.update(fresh)
    return [done[i] for i in range(len(documents))], from_cache


def layout_cost(document: str) -> int:
    """What laying a document out and drawing it costs, roughly, in elements: its tags, and its
    length for what is drawn without tags (a chart's ``data:`` URI). Measured on the 1,000-document
    report: a part's seconds follow this within a third, enough to share the parts out."""
    return document.count("<") + len(document) // CHARS_PER_ELEMENT


# ---------------------------------------------------------------- assembly


@dataclass(frozen=True)
class _Stamp:
    """Text printed on a page at assembly, in PDF points from the page's bottom left."""

    text: str
    x: float
    baseline: float
    size: float
    grey: float


def assemble(parts: Sequence[RenderedPart]) -> bytes:
    """One PDF of the parts in order: pages numbered, page references filled in, links across
    parts added, each part's bookmarks kept."""
    offsets = list(itertools.accumulate((len(p.page_sizes) for p in parts[:-1]), initial=0))
    anchors = {name: (offsets[k] + page, x, y) for k, part in enumerate(parts)
               for name, (page, x, y) in part.anchors.items()}
    sizes = [size for part in parts for size in part.page_sizes]
    stamps = [[_footer(number, len(sizes), width, height)] for number, (width, height) in enumerate(sizes, start=1)]
    cross_links: list[tuple[int, PartLink]] = []
    for k, part in enumerate(parts):
        for link in part.links:
            page = offsets[k] + link.page
            if link.page_ref and link.target in anchors:
                stamps[page].append(_page_ref(str(anchors[link.target][0] + 1), link, sizes[page][1]))
            if link.target not in part.anchors and link.target in anchors:
                cross_links.append((page, link))
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part.pdf)), import_outline=True)
    _stamp_pages(writer, stamps)
    for page, link in cross_links:
        writer.add_annotation(page, _link_annotation(link, sizes[page][1], anchors[link.target], sizes))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _footer(number: int, total: int, width: float, height: float) -> _Stamp:
    """"Page N of M", centred in the bottom margin (report.css: 18 mm, 7.5 pt, #777)."""
    text = f"Page {number} of {total}"
    return _Stamp(text, (width * PT_PER_PX - _text_width(text, FOOTER_PT)) / 2, FOOTER_BASELINE_PT, FOOTER_PT,
                  FOOTER_GREY)


def _page_ref(text: str, link: PartLink, page_height: float) -> _Stamp:
    """A page number in the space its link reserved, at the link's size and baseline:
    right-aligned at the space's end, or, in running text, at its start."""
    size = link.font_px * PT_PER_PX
    end = link.box[2] * PT_PER_PX
    x = end - RESERVED_EM * size if link.page_ref == "left" else end - _text_width(text, size)
    return _Stamp(text, x, (page_height - link.baseline) * PT_PER_PX, size, link.grey)


def _text_width(text: str, size: float) -> float:
    return sum(STAMP_FONT_WIDTHS.get(c, STAMP_FONT_DEFAULT_WIDTH) for c in text) * size / 1000


def _stamp_pages(writer: PdfWriter, stamps: Sequence[Sequence[_Stamp]]) -> None:
    """Each page's stamps drawn over it: its content wrapped in q ... Q (whatever state it leaves)
    and a stream of text in a standard font (nothing embedded, a few bytes a page)."""
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject(STAMP_FONT),
                             NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
    font_ref = writer._add_object(font)  # pypdf (pinned) has no public call for a shared object
    save = writer._add_object(_stream(b"q\n"))
    for page, page_stamps in zip(writer.pages, stamps, strict=True):
        resources = page[NameObject("/Resources")].get_object()
        fonts = resources.setdefault(NameObject("/Font"), DictionaryObject()).get_object()
        fonts[NameObject(STAMP_FONT_RESOURCE)] = font_ref
        text = b"".join(_stamp_operators(s) for s in page_stamps)
        drawn = writer._add_object(_stream(b"Q\n" + text))
        contents = page[NameObject("/Contents")]
        old = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
        page[NameObject("/Contents")] = ArrayObject([save, *old, drawn])


def _stamp_operators(stamp: _Stamp) -> bytes:
    text = stamp.text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return (f"BT {stamp.grey:.3f} g {STAMP_FONT_RESOURCE} {stamp.size:.2f} Tf {stamp.x:.2f} {stamp.baseline:.2f} Td "
            f"({text}) Tj ET\n").encode("latin-1")


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _link_annotation(link: PartLink, page_height: float, target: tuple[int, float, float],
                     sizes: Sequence[tuple[float, float]]) -> Link:
    x1, y1, x2, y2 = link.box
    to_page, x, y = target
    rect = (x1 * PT_PER_PX, (page_height - y2) * PT_PER_PX, x2 * PT_PER_PX, (page_height - y1) * PT_PER_PX)
    return Link(rect=rect, target_page_index=to_page,
                fit=Fit.xyz(left=x * PT_PER_PX, top=(sizes[to_page][1] - y) * PT_PER_PX))


def render_pdf(html: str, templates_dir: Path, *, cache: PartCache | None = None, workers: int | None = None,
               fetcher: weasyprint.urls.URLFetcher | None = None) -> bytes:
    """The report's PDF (``render_pdf_counted`` without the count)."""
    return render_pdf_counted(html, templates_dir, cache=cache, workers=workers, fetcher=fetcher)[0]


def render_pdf_counted(html: str, templates_dir: Path, *, cache: PartCache | None = None, workers: int | None = None,
                       fetcher: weasyprint.urls.URLFetcher | None = None) -> tuple[bytes, PartsUsed]:
    """The report's PDF: its parts laid out (from the cache, else in ``workers`` processes) and
    assembled. With ``fetcher`` (a test watching what is fetched) everything is laid out here."""
    documents = split_parts(html)
    rendered, from_cache = render_parts(documents, templates_dir, cache=cache,
                                        workers=workers or os.cpu_count() or 1, fetcher=fetcher)
    return assemble(rendered), PartsUsed(len(documents), from_cache)
