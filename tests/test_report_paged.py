"""The report laid out section by section: page numbers, page references and links across
sections are those of the whole report; parts come from the cache; worker processes give the
same PDF as one process, and a worker that cannot start costs nothing but time."""

from __future__ import annotations

import dataclasses
import re
from io import BytesIO

import pytest
import report_fixtures as fx
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from test_report import _lines_as_printed, _squash

from pipeline import workers
from pipeline.report import build_context, paged, render_html, render_pdf_counted
from pipeline.resources import templates_dir
from pipeline.stage_cache import ReportPartCache

TEMPLATES = templates_dir()


class DictCache:
    """The part cache's protocol over a dict, counting what is stored."""

    def __init__(self):
        self.parts: dict[str, paged.RenderedPart] = {}

    def load(self, document):
        return self.parts.get(document)

    def store(self, document, part):
        self.parts[document] = part


@pytest.fixture(scope="module")
def html():
    ctx = build_context(fx.documents(), fx.cleaned(), fx.mentions(), fx.comparison())
    return render_html(ctx, TEMPLATES)


@pytest.fixture(scope="module")
def report(html):
    pdf, used = render_pdf_counted(html, TEMPLATES, workers=1)
    return PdfReader(BytesIO(pdf)), used


def _target_page(reader: PdfReader, annotation) -> int:
    """The page index a link annotation leads to (a named or an explicit destination)."""
    dest = annotation.get("/Dest")
    if dest is None:
        dest = annotation["/A"]["/D"]
    if isinstance(dest, str):
        dest = reader.named_destinations[dest]
        return reader.get_destination_page_number(dest)
    return reader.get_page_number(dest[0].get_object())


def test_every_page_is_numbered_once_against_the_whole(report):
    reader, used = report
    assert used.parts == 10 and used.from_cache == 0  # cover, contents and 8 sections
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert re.findall(r"Page \d+ of \d+", page.extract_text()) == [f"Page {number} of {total}"]


def test_in_text_page_references_lead_to_the_quote(report):
    reader, _ = report
    ctx = build_context(fx.documents(), fx.cleaned(), fx.mentions(), fx.comparison())
    texts = [p.extract_text() for p in reader.pages]
    printed = "\n".join(_lines_as_printed(p) for p in reader.pages)
    statements = [s for card in (*ctx.conflicts, *ctx.corroborations, *ctx.superseded) for s in card.statements
                  if s.anchor]
    assert len(statements) >= 6
    for statement in statements:
        found = re.search(rf"claim {re.escape(statement.claim_ref)} · in text p\. (\d+)", printed)
        assert found, statement.claim_ref
        quote = "".join(segment.text for segment in statement.quote)
        assert _squash(quote)[:40] in _squash(texts[int(found.group(1)) - 1]), (statement.claim_ref, found.group(1))


def test_links_across_sections_reach_their_targets(report):
    reader, _ = report
    texts = [p.extract_text() for p in reader.pages]
    cover_links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    assert len(cover_links) == 4  # the story's four findings, each a link to its card
    for link in cover_links:
        x1, y1, x2, y2 = (float(v) for v in link["/Rect"])
        assert x2 > x1 and y2 > y1
        target = _target_page(reader, link)
        assert target > 0 and re.search(r"F00\d", texts[target])
    contents = next(i for i, t in enumerate(texts) if t.lstrip().startswith("Contents"))
    leads = {_target_page(reader, a.get_object()) for a in reader.pages[contents]["/Annots"]}
    assert len(leads) >= 8  # every section and every annotated text has a working entry


def test_parts_come_from_the_cache_and_a_changed_part_is_laid_out_again(html, report, tmp_path):
    reader, _ = report
    cache = ReportPartCache(tmp_path / "report", TEMPLATES)
    _first, used = render_pdf_counted(html, TEMPLATES, cache=cache, workers=1)
    assert used.from_cache == 0 and len(list((tmp_path / "report").glob("*.pickle"))) == used.parts
    again, used = render_pdf_counted(html, TEMPLATES, cache=cache, workers=1)
    assert used.from_cache == used.parts
    assert [p.extract_text() for p in PdfReader(BytesIO(again)).pages] == [p.extract_text() for p in reader.pages]
    appendix = html.index('<section id="appendix"')
    changed = html[:appendix] + html[appendix:].replace("Appendix: what cleaning removed", "Appendix: removed", 1)
    pdf, used = render_pdf_counted(changed, TEMPLATES, cache=cache, workers=1)
    assert used.from_cache == used.parts - 1
    assert "Appendix: removed" in PdfReader(BytesIO(pdf)).pages[-1].extract_text()
    assert ReportPartCache(tmp_path / "report", tmp_path).version != cache.version  # other templates, other layouts


def test_workers_give_the_same_report_and_a_failed_worker_falls_back(html, report, monkeypatch):
    reader, _ = report
    monkeypatch.setattr(paged, "WORKER_START_ELEMENTS", 0)
    expected = [p.extract_text() for p in reader.pages]
    cache = DictCache()
    pdf, _ = render_pdf_counted(html, TEMPLATES, cache=cache, workers=2)
    assert [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages] == expected
    monkeypatch.setattr(workers.sys, "executable", "/nonexistent/python")
    pdf, used = render_pdf_counted(html, TEMPLATES, workers=2)
    assert used.from_cache == 0
    assert [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages] == expected
    # Less to lay out than a worker's start-up: everything is laid out here, no worker started.
    monkeypatch.setattr(paged, "WORKER_START_ELEMENTS", 10**9)
    monkeypatch.setattr(workers.subprocess, "run", lambda *a, **k: pytest.fail("a worker was started"))
    pdf, _ = render_pdf_counted(html, TEMPLATES, workers=2)
    assert [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages] == expected


def test_parts_split_only_at_the_templates_top_level_elements():
    parts = paged.split_parts('<html><body data-title="T">\n<section id="a">x &lt;section id="b"&gt;</section>\n'
                              '<nav id="toc">y</nav>\n</body></html>')
    assert [p.split("\n")[1].split(">")[0] for p in parts] == ['<section id="a"', '<nav id="toc"']
    assert all(p.startswith('<html><body data-title="T">\n') and p.rstrip().endswith("</body>\n</html>") for p in parts)
    assert paged.split_parts("<p>no sections</p>") == ["<p>no sections</p>"]


@given(st.lists(st.text(alphabet="abcdefS0123456789", min_size=1, max_size=6), max_size=300),
       st.integers(min_value=1, max_value=40))
@settings(max_examples=60, deadline=None)
def test_content_chunks_keep_every_item_in_order_and_bounded(keys, size):
    from pipeline.report.context import content_chunks

    chunks = content_chunks(keys, keys, size)
    assert [k for chunk in chunks for k in chunk] == keys
    assert all(1 <= len(chunk) <= 2 * size for chunk in chunks)


def test_a_source_added_in_the_middle_changes_one_chunk_of_the_sources():
    from pipeline.report.context import content_chunks

    labels = [f"S{n}" for n in range(1, 400)]
    before = set(content_chunks(labels, labels, 20))
    after = set(content_chunks([*labels[:150], "S1000", *labels[150:]], [*labels[:150], "S1000", *labels[150:]], 20))
    assert len(after - before) <= 2 and len(before - after) <= 2 and len(before) >= 10


def test_at_scale_long_lists_are_parts_of_their_own_with_their_section_named(monkeypatch):
    from pipeline.report import context

    monkeypatch.setattr(context, "CHUNK_ITEMS", {"sources": 1, "agreement": 1, "texts": 1, "removed": 1})
    ctx = build_context(fx.documents(), fx.cleaned(), fx.mentions(), fx.comparison(), full_texts=False)
    assert [len(c) for c in ctx.chunks["sources"]] == [1] * len(ctx.sources)
    html = render_html(ctx, TEMPLATES)
    pdf, used = render_pdf_counted(html, TEMPLATES, workers=1)
    reader = PdfReader(BytesIO(pdf))
    assert used.parts == 10 + (len(ctx.sources) - 1) + (len(ctx.agreement) - 1) + (len(ctx.texts) - 1) \
        + (len(ctx.removed) - 1)
    texts = [p.extract_text() for p in reader.pages]
    for source in ctx.sources:  # each row, on a page headed "Sources"
        assert any(source.title.split("<")[0].strip() in t and "Sources" in t.splitlines()[-2] for t in texts)
    assert texts[-1].count("Appendix: what cleaning removed") >= 1


def test_at_scale_key_findings_are_laid_out_in_parts_full_cards_apart_from_lines(monkeypatch):
    from pipeline.report import context

    monkeypatch.setattr(context, "CHUNK_CARDS", {"full": 1, "compact": 1})
    monkeypatch.setattr(context, "FULL_CARDS_AT_SCALE", 2)
    ctx = build_context(fx.documents(), fx.cleaned(), fx.mentions(), fx.comparison(), full_texts=False)
    sections = {"conflicts": ctx.conflicts, "corroborations": ctx.corroborations, "superseded": ctx.superseded}
    for name, cards in sections.items():
        chunks = ctx.chunks[name]
        assert [c for chunk in chunks for c in chunk] == list(cards)  # every card once, in rank order
        assert all(len({c.compact for c in chunk}) == 1 for chunk in chunks)  # no chunk mixes the two
    cards = [c for cards in sections.values() for c in cards]
    assert any(c.compact for c in cards) and any(not c.compact for c in cards)
    pdf, used = render_pdf_counted(render_html(ctx, TEMPLATES), TEMPLATES, workers=1)
    one_part_each = ctx.chunks | {name: (tuple(cards),) for name, cards in sections.items() if cards}
    _, whole = render_pdf_counted(render_html(dataclasses.replace(ctx, chunks=one_part_each), TEMPLATES),
                                  TEMPLATES, workers=1)
    assert used.parts - whole.parts == len(cards) - sum(1 for cards in sections.values() if cards)
    texts = [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages]
    for card in cards:  # each on a page of the Key findings section (named in its running header)
        assert any(f"{card.finding_id} " in t and "Key findings" in t for t in texts[2:]), card.finding_id
