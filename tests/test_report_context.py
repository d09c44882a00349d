"""ReportContext is pure: figures, cards, annotations and artifact payloads from hand-built rows."""

from __future__ import annotations

import report_fixtures as fx

from pipeline.documents import Mentions
from pipeline.report import artifact_payloads, build_context
from pipeline.report.annotate import FOOTNOTE_CLASS, QuoteMark, annotate_text, plain_text
from pipeline.report.context import Statement, format_value, infer_subject, positions_line
from pipeline.schema import DateRow, EntityRow, NumberRow
from pipeline.vocab.timeml import interval as parse_timeml


def _ctx(**kw):
    return build_context(fx.documents(), fx.cleaned(), fx.mentions(), fx.comparison(), with_timeline=False, **kw)


def test_summary_counts_trace_to_rows():
    s = _ctx().summary
    assert (s.n_sources, s.n_ok, s.n_failed) == (4, 3, 1)
    assert (s.first_published, s.last_published) == ("2024-03-04", "2024-04-02")
    assert s.words_raw - s.words_clean == s.words_removed == 120
    assert s.blocks_removed == 3 and s.n_claims == 5 and s.n_findings == 4
    assert {k.kind: k.count for k in s.findings_by_kind} == {
        "numeric_conflict": 1, "date_conflict": 1, "assessment_conflict": 0, "account_conflict": 0,
        "name_conflict": 0, "corroboration": 1, "superseded": 1,
    }


def test_subject_inferred_from_shared_names_or_given():
    assert _ctx().summary.subject == "Acme, Berlin, Jane Doe"
    assert _ctx(subject="Acme staffing").summary.subject == "Acme staffing"
    assert infer_subject(fx.documents(), []) == "acme"  # no names: commonest title word


def test_cards_group_findings_by_kind_in_rank_order():
    ctx = _ctx()
    assert [c.finding_id for c in ctx.conflicts] == ["F001", "F002"]
    assert [c.finding_id for c in ctx.corroborations] == ["F003"]
    assert [c.finding_id for c in ctx.superseded] == ["F004"]
    f1 = ctx.conflicts[0]
    assert [(s.doc_id, s.source_label, s.value) for s in f1.statements] == [
        ("alpha", "S1", "4,200 people"),
        ("beta", "S2", "3,900 people"),
    ]
    # The claim's mention is the highlighted segment of the quote, and the quote is intact.
    quote = f1.statements[1].quote
    assert (
        "".join(q.text for q in quote) == "Acme Corp now employs 3,900 engineers, according to a filing in March 2024."
    )
    assert [q.text for q in quote if "hl" in q.css_class] == ["3,900"]
    f2 = ctx.conflicts[1]
    assert [s.value for s in f2.statements] == ["2019", "2018"]  # dates are not formatted as numbers
    assert f1.statements[0].anchor and f1.statements[0].claim_id == "alpha:number:47"


def test_sources_include_failed_documents_with_reason():
    src = {s.doc_id: s for s in _ctx().sources}
    assert src["broken"].status == "skipped" and "not a text document" in src["broken"].status_reason
    assert src["alpha"].label == "S1" and src["gamma"].title == fx.TITLES["gamma"]


def test_entity_matrix_counts_per_source():
    (matrix,) = _ctx().matrices
    assert matrix.columns == ("S1 Alpha News", "S2 Beta News", "S3 Gamma News")  # source names, not ids
    rows = {r.canonical: r for r in matrix.rows}
    assert [n for n, _ in rows["Acme"].cells] == [1, 1, 1]
    assert [n for n, _ in rows["Northwind Bank"].cells] == [0, 0, 1]
    assert matrix.rows[0].canonical == "Acme"  # most sources first


def test_annotated_texts_keep_text_and_tie_quotes_to_findings():
    ctx = _ctx()
    by_id = {t.doc_id: t for t in ctx.texts}
    for c in fx.cleaned():
        assert plain_text(by_id[c.doc_id].paragraphs) == c.text.strip()
    alpha = by_id["alpha"]
    notes = [s for p in alpha.paragraphs for s in p if s.css_class == FOOTNOTE_CLASS]
    assert [s.title for s in notes] == ["F001", "F003", "F004"]
    assert "S2 Beta News 3,900 people" in notes[0].text
    assert alpha.finding_ids == ("F001", "F003", "F004")
    classes = {s.text: s.css_class for p in alpha.paragraphs for s in p}
    assert classes["4,200"] == "num q" and classes["Jane Doe"] == "e-per" and classes["3 March 2024"] == "date q"


def test_annotation_priority_and_bad_offsets():
    text = "In the 2024 Olympics, 5 teams.\n"
    m = Mentions(
        "d",
        entities=(
            EntityRow("d", 0, 3, 20, "the 2024 Olympics", "EVENT", "Olympics"),
            EntityRow("d", 0, 50, 60, "x", "ORG", "x"),
        ),
        numbers=(NumberRow("d", 0, 22, 23, "5", 5.0, None, "", "", "count", "", "", ""),),
        dates=(DateRow("d", 0, 7, 11, "2024", "2024", "year", "", "", ""),),
    )
    (para,) = annotate_text(text, m, (QuoteMark(0, 30, "F009", "q-d-0", "note"),))
    assert [(s.text, s.css_class) for s in para if s.css_class != FOOTNOTE_CLASS] == [
        ("In ", "q"),
        ("the ", "e-oth q"),
        ("2024", "date q"),
        (" Olympics", "e-oth q"),
        (", ", "q"),
        ("5", "num q"),
        (" teams.", "q"),
    ]
    assert para[0].anchor == "q-d-0" and para[-1].css_class == FOOTNOTE_CLASS


def test_format_value_and_timeml_parsing():
    assert format_value("13500000000", "USD") == "$13.5bn"
    assert format_value("30", "percent") == "30%"
    assert format_value("4200", "people") == "4,200 people"
    assert format_value("~2-5", "days") == "about 2-5 days"  # "a few days", told as what it admits
    assert format_value("23000000 a year", "USD") == "$23m a year"  # a rate keeps its period
    assert format_value("36-3", "") == "36-3"  # a tally, its two counts in order
    assert format_value("2019", "", is_date=True) == "2019"
    assert format_value("2024-03", "") == "2024-03"
    assert format_value("XXXX-XX-XXT19:00", "", is_date=True) == "19:00"  # a time of no known day
    assert format_value("2013-09-13T19:01", "", is_date=True) == "2013-09-13 19:01"
    assert parse_timeml("2024-Q2")[0].month == 4
    assert parse_timeml("2024-06/2024-08")[1].month == 8
    assert parse_timeml("PRESENT_REF") is None and parse_timeml("2024-13") is None


def test_artifact_payloads_escape_markdown():
    payload = artifact_payloads(_ctx(), pdf_path="reports/report.pdf", top_n=3)
    assert payload.table_key == "top-findings" and payload.markdown_key == "report-summary"
    assert [r["finding_id"] for r in payload.table] == ["F001", "F002", "F003"]
    assert payload.table[0]["values"] == "4,200 (S1 Alpha News) vs 3,900 (S2 Beta News)"
    assert "reports/report.pdf" in payload.markdown
    assert "| F001 | Numeric conflict | Acme engineers |" in payload.markdown


def _st(label: str, side: str, position: str) -> Statement:
    return Statement(doc_id=label.lower(), source_label=label, outlet="", title="", published="", value=position,
                     raw_value=position, as_of="", claim_id="", quote=(), anchor="", side=side, position=position)


def test_positions_line_groups_sources_by_side_and_wording():
    sts = [_st("S2", "A", "12 km"), _st("S3", "A", "7.5 mi"), _st("S4", "B", "20 km"), _st("S5", "A", "12 km")]
    assert positions_line("numeric_conflict", sts) == "12 km (S2, S5) = 7.5 mi (S3) vs 20 km (S4)"
    assert positions_line("superseded", sts[:3]) == "12 km (S2) = 7.5 mi (S3) → 20 km (S4)"
    assert positions_line("corroboration", []) == ""


def test_cards_carry_the_positions_of_their_statements():
    for card in _ctx().conflicts:
        assert card.positions and all(st.source_label in card.positions for st in card.statements if st.side)


def test_at_scale_the_report_grows_by_lines_not_pages(monkeypatch):
    """Excerpted (many sources): findings past the first few are one line, sources a table row,
    the appendix counts by label, texts without a finding are named, the matrix keeps the busiest
    sources; with complete texts nothing is shortened."""
    from pipeline.report import context

    monkeypatch.setattr(context, "FULL_CARDS_AT_SCALE", 2)
    monkeypatch.setattr(context, "MATRIX_SOURCES_AT_SCALE", 2)
    full, scaled = _ctx(full_texts=True), _ctx(full_texts=False)
    cards = [*scaled.conflicts, *scaled.corroborations, *scaled.superseded]
    assert sorted(c.rank for c in cards if not c.compact) == [1, 2]
    assert all(c.compact for c in cards if c.rank > 2)
    assert not any(c.compact for c in (*full.conflicts, *full.corroborations, *full.superseded))
    assert scaled.removed and all(not r.blocks and "blocks:" in r.counts for r in scaled.removed)
    assert all(r.blocks for r in full.removed)
    assert {t.label for t in scaled.texts}.isdisjoint(scaled.texts_left_out)
    assert all(t.paragraphs for t in scaled.texts) and not full.texts_left_out
    (matrix,) = scaled.matrices
    assert len(matrix.columns) == 2


def test_at_scale_the_rendered_report_says_what_it_shortened(monkeypatch):
    from pipeline.report import context, render_html
    from pipeline.resources import templates_dir

    monkeypatch.setattr(context, "FULL_CARDS_AT_SCALE", 1)
    html = render_html(_ctx(full_texts=False), templates_dir())
    assert "the first 1 findings in rank order are shown in full" in html
    assert 'class="sources-compact"' in html and "blocks:" in html


def test_at_scale_the_printed_report_keeps_a_bounded_share_of_each_long_list(monkeypatch):
    """The PDF's context keeps every full card and at most PRINT_MAX_ITEMS of each long list (the
    failed source first; the sources cleaning removed most from), counts what it leaves out and
    says where it is; the HTML's context keeps everything; below scale nothing is cut."""
    from pipeline.report import context, print_view, render_html
    from pipeline.resources import templates_dir

    monkeypatch.setattr(context, "FULL_CARDS_AT_SCALE", 1)
    monkeypatch.setattr(context, "PRINT_MAX_ITEMS", dict.fromkeys(context.PRINT_MAX_ITEMS, 1))
    scaled = _ctx(full_texts=False)
    printed = print_view(scaled)

    def items(ctx, name):
        return [item for chunk in ctx.chunks[name] for item in chunk]

    assert [d.label for d in items(printed, "sources")] == [
        d.label for d in items(scaled, "sources") if d.status != "ok"][:1]
    most = max(r.n_removed for r in items(scaled, "removed"))
    assert [r.n_removed for r in items(printed, "removed")] == [most]
    finding_lists = ("conflicts", "corroborations", "superseded")
    cards = [c for name in finding_lists for c in items(printed, name)]
    assert sum(not c.compact for c in cards) == 1  # the full card stays
    assert all(sum(c.compact for c in items(printed, name)) <= 1 for name in finding_lists)
    for name, n_out in printed.left_out.items():
        assert len(items(printed, name)) + n_out == len(items(scaled, name)), name
    assert printed.left_out["sources"] == len(items(scaled, "sources")) - 1
    html_full, html_print = render_html(scaled, templates_dir()), render_html(printed, templates_dir())
    assert "every one is in reports/report.html and processed/documents.csv" in html_print
    assert "every one is in reports/report.html" not in html_full
    assert print_view(_ctx(full_texts=True)) == _ctx(full_texts=True)


def test_at_scale_cards_show_a_bounded_number_of_statements_and_only_full_cards_mark_the_texts(monkeypatch):
    from pipeline.report import context

    monkeypatch.setattr(context, "FULL_CARDS_AT_SCALE", 1)
    monkeypatch.setattr(context, "CARD_STATEMENTS_AT_SCALE", 1)
    scaled = _ctx(full_texts=False)
    cards = sorted([*scaled.conflicts, *scaled.corroborations, *scaled.superseded], key=lambda c: c.rank)
    first = cards[0]
    assert len(first.statements) == 1 and first.more_statements >= 1
    marked = {fid for t in scaled.texts for fid in t.finding_ids}
    assert marked == {first.finding_id}


def test_at_scale_a_card_quotes_every_side_and_the_texts_mark_only_what_it_shows(monkeypatch):
    """With room for two statements, a conflict whose first two sources share a side quotes one
    source of each side, and only those two are footnoted in the texts."""
    from pipeline.compare import Comparison
    from pipeline.report import context

    base = fx.comparison()
    a, b, g = base.claims[:3]
    conflict = fx._finding("F001", "numeric_conflict", "Acme engineers", [(a, "A"), (b, "A"), (g, "B")], "", 1)
    comparison = Comparison(claims=base.claims, findings=(conflict,))
    monkeypatch.setattr(context, "CARD_STATEMENTS_AT_SCALE", 2)
    full, scaled = (build_context(fx.documents(), fx.cleaned(), fx.mentions(), comparison, with_timeline=False,
                                  full_texts=complete).conflicts[0] for complete in (True, False))
    assert [(st.doc_id, st.side) for st in full.statements] == [("alpha", "A"), ("beta", "A"), ("gamma", "B")]
    assert [(st.doc_id, st.side) for st in scaled.statements] == [("alpha", "A"), ("gamma", "B")]
    assert scaled.more_statements == 1 and scaled.positions == full.positions  # every source still named
    texts = build_context(fx.documents(), fx.cleaned(), fx.mentions(), comparison, with_timeline=False,
                          full_texts=False).texts
    assert sorted(t.doc_id for t in texts if t.finding_ids) == ["alpha", "gamma"]


def test_at_scale_the_timeline_keeps_the_sources_with_findings_dates_then_the_most_dates(monkeypatch):
    from pipeline.report import context
    from pipeline.report.charts import TimelinePoint

    points = [TimelinePoint("S1", "2024-01-01", "event", ""), TimelinePoint("S2", "2024-01-01", "event", ""),
              TimelinePoint("S2", "2024-01-02", "event", ""), TimelinePoint("S3", "2024-01-03", "conflict", "F001"),
              TimelinePoint("S4", "2024-01-01", "published", "")]
    assert context.busiest_rows(points, ["S1", "S2", "S3", "S4"], 2) == ["S2", "S3"]  # in the sources' order
    assert context.busiest_rows(points, ["S1", "S2", "S3", "S4"], 9) == ["S1", "S2", "S3", "S4"]
    monkeypatch.setattr(context, "TIMELINE_SOURCES_AT_SCALE", 2)
    scaled = build_context(fx.documents(), fx.cleaned(), fx.mentions(), fx.comparison(), with_timeline=False,
                           full_texts=False)
    assert (scaled.timeline_sources, scaled.timeline_sources_left_out) == (2, 1)
    full = build_context(fx.documents(), fx.cleaned(), fx.mentions(), fx.comparison(), with_timeline=False,
                         full_texts=True)
    assert (full.timeline_sources, full.timeline_sources_left_out) == (3, 0)
    assert full.timeline_points > scaled.timeline_points
