"""Page one and the overview sections, changes between runs, the data package and the workbook."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import schema
from pipeline.documents import Finding, SourceInfo, Statement, document_title, source_infos
from pipeline.report import story
from pipeline.report.changes import run_changes
from pipeline.report.workbook import workbook_bytes
from pipeline.schema import ClaimRow, DocumentRow, FindingRow


def _st(doc_id: str, value: str, side: str, claim: str = "") -> Statement:
    return Statement(doc_id=doc_id, claim_id=claim or f"{doc_id}:number:0", value_kind="number", value=value,
                     unit="people", as_of="", quote="q", quote_start=0, quote_end=1, mention=value,
                     mention_start=0, mention_end=1, published="", side=side)


NAMES = {"a": "S1 AP", "b": "S2 BBC", "c": "S3 CNN", "d": "S4 DW"}
FINDINGS = (
    Finding("F001", "numeric_conflict", "death toll", "a says 10", 1, 9.0,
            (_st("a", "10", "A"), _st("b", "10", "A"), _st("c", "3", "B"))),
    Finding("F002", "numeric_conflict", "number injured", "", 2, 5.0,
            (_st("a", "40", "A"), _st("c", "12", "B"), _st("d", "12", "B"), _st("b", "40", "A"))),
    Finding("F003", "corroboration", "magnitude", "", 3, 1.0, (_st("c", "6.1", "A"), _st("d", "6.1", "A"))),
)


def test_agreement_counts_majority_minority_and_alone():
    rows, outlier = story.agreement_rows(FINDINGS, NAMES)
    by_name = {r.name: r for r in rows}
    # S3 is alone on F001 and on one of two equal sides of F002 (a tie is no minority)
    assert (by_name["S3 CNN"].findings, by_name["S3 CNN"].alone, by_name["S3 CNN"].with_majority) == (3, 1, 2)
    assert by_name["S1 AP"].with_majority == 2 and by_name["S1 AP"].alone == 0
    assert outlier == "S3 CNN"


def test_top_lines_are_sentences_with_positions():
    lines = story.top_lines(FINDINGS, {"F001": "10 (S1 AP, S2 BBC) vs 3 (S3 CNN)"})
    assert lines[0].sentence == "Numeric conflict on the death toll: 10 (S1 AP, S2 BBC) vs 3 (S3 CNN)."
    assert [t.finding_id for t in lines] == ["F001", "F002", "F003"]


def test_single_source_figures_leave_out_used_and_background_claims():
    def claim(doc, cid, measure, value, cues=""):
        return ClaimRow(cid, doc, "number", 0, 0, 2, value, "", measure, value, "", "people", "", "", "", "",
                        f"{value} people died.", cues=cues)
    claims = [claim("a", "a:number:0", "deaths", "10"), claim("d", "d:number:5", "deaths", "7"),
              claim("d", "d:number:9", "deaths", "300", cues="background: dated 2004"),
              claim("b", "b:number:3", "", "4")]
    out = story.single_source_claims(claims, FINDINGS, NAMES)
    assert [(s.name, s.value) for s in out] == [("S4 DW", "7")]


def test_notes_name_sources_not_document_ids():
    names = {"002_262cf0c68eb79aee": "S3 CSIS", "002_262cf0c68eb79aee_2": "S4 CSIS"}
    assert story.name_sources("002_262cf0c68eb79aee_2 and 002_262cf0c68eb79aee agree", names) == (
        "S4 CSIS and S3 CSIS agree")


def _doc(doc_id: str, sha: str, title: str = "") -> DocumentRow:
    return DocumentRow(doc_id, f"{doc_id}.txt", sha, "ok", "", title, "", "", "", 10, 10)


def _row(fid: str, kind: str, doc: str, value: str, claim: str) -> FindingRow:
    return FindingRow(fid, kind, "death toll", doc, "q", value, "people", "", "", claim_id=claim, outlet=doc.upper())


def test_changes_between_runs():
    assert [c.change for c in run_changes(None, [], [_doc("a", "1")], [])] == ["first_run"]
    before_docs = [{"doc_id": "a", "sha256": "1"}, {"doc_id": "b", "sha256": "2"}, {"doc_id": "c", "sha256": "3"}]
    before = [dict(finding_id="F001", kind="numeric_conflict", topic="death toll", doc_id=d, value=v, unit="people",
                   claim_id=f"{d}:number:1", outlet=d.upper(), title="") for d, v in (("a", "10"), ("b", "12"))]
    before += [dict(finding_id="F002", kind="corroboration", topic="magnitude", doc_id=d, value="6", unit="",
                    claim_id=f"{d}:number:9", outlet="", title="") for d in ("b", "c")]
    now_docs = [_doc("a", "1"), _doc("c", "30"), _doc("d", "4", "New report")]
    now = [_row("F001", "superseded", "a", "10", "a:number:1"), _row("F001", "superseded", "d", "13", "d:number:1"),
           _row("F002", "corroboration", "c", "5", "c:number:40"),
           _row("F002", "corroboration", "d", "5", "d:number:40")]
    changes = {(c.change, c.doc_id or c.finding_id) for c in run_changes(before_docs, before, now_docs, now)}
    assert changes == {("document_added", "d"), ("document_removed", "b"), ("document_changed", "c"),
                       ("finding_changed", "F001"), ("finding_new", "F002"), ("finding_resolved", "F002")}
    changed = next(c for c in run_changes(before_docs, before, now_docs, now) if c.change == "finding_changed")
    assert "was numeric_conflict" in changed.detail and "now superseded" in changed.detail and "(A)" in changed.detail


def _matches_all_against_all(before: list[dict[str, str]], now: list[FindingRow]) -> dict[str, str | None]:
    """The matching as first written: every new finding scored against every previous one."""
    old: dict[str, set[str]] = {}
    for r in before:
        old.setdefault(r["finding_id"], set()).add(r["claim_id"])
    new: dict[str, set[str]] = {}
    for f in now:
        new.setdefault(f.finding_id, set()).add(f.claim_id)
    taken: set[str] = set()
    out: dict[str, str | None] = {}
    for fid, claims in new.items():
        scores = [(len(claims & theirs) / min(len(claims), len(theirs)), o) for o, theirs in sorted(old.items())
                  if o not in taken]
        best = max(scores, key=lambda pair: pair[0], default=(0.0, None))  # the first of the best
        out[fid] = best[1] if best[0] >= 0.5 else None
        if out[fid]:
            taken.add(out[fid])
    return out


@given(st.lists(st.tuples(st.sampled_from("ABCDE"), st.integers(0, 7)), max_size=25),
       st.lists(st.tuples(st.sampled_from("FGHIJ"), st.integers(0, 7)), max_size=25))
def test_findings_are_matched_to_the_previous_run_as_scoring_all_against_all_would(before_claims, now_claims):
    """Only previous findings sharing a claim are scored (changes._best_match): the same matches."""
    before = [dict(finding_id=f"F{fid}", kind="corroboration", topic="t", doc_id="d", value="1", unit="",
                   claim_id=f"d:number:{n}", outlet="", title="") for fid, n in before_claims]
    now = [_row(f"F{fid}", "corroboration", "d", "1", f"d:number:{n}") for fid, n in now_claims]
    expected = _matches_all_against_all(before, now)
    changes = run_changes([], before, [], now)
    new_ids = {c.finding_id for c in changes if c.change == "finding_new"}
    resolved = {c.finding_id for c in changes if c.change == "finding_resolved"}
    assert new_ids == {fid for fid, match in expected.items() if match is None}
    assert resolved == {r["finding_id"] for r in before} - {m for m in expected.values() if m}


def test_titles_fall_back_to_the_first_sentence_then_the_file():
    assert document_title("", "Floods hit the coast. More rain is due.", "x.txt") == "Floods hit the coast."
    assert document_title("", "", "x.txt") == "x.txt"
    infos = source_infos([_doc("z", "1"), _doc("y", "2", "Title")])
    assert [i.label for i in infos.values()] == ["S1", "S2"] and infos["y"].title == "Title"
    assert SourceInfo("q", "S9", outlet="Reuters").name == "S9 Reuters" and SourceInfo("q", "S9").name == "S9"


def test_data_package_describes_every_csv_column():
    package = schema.datapackage()
    assert json.loads(json.dumps(package)) == package
    by_name = {r["path"]: r for r in package["resources"]}
    assert set(by_name) == set(schema.CSV_SCHEMAS)
    for name, row_type in schema.CSV_SCHEMAS.items():
        fields = by_name[name]["schema"]["fields"]
        assert [f["name"] for f in fields] == schema.columns(row_type)
        assert all(f["description"] and f["type"] in ("string", "integer", "number", "boolean") for f in fields)
    kept = next(f for f in by_name["blocks.csv"]["schema"]["fields"] if f["name"] == "kept")
    assert kept["type"] == "boolean" and kept["trueValues"] == ["true"]


def test_workbook_keeps_guarded_cells_as_text():
    from openpyxl import load_workbook

    frame = schema.to_frame([_row("F001", "numeric_conflict", "a", "=HYPERLINK(1)", "a:number:1")], FindingRow)
    book = load_workbook(io.BytesIO(workbook_bytes({"findings.csv": frame})))
    sheet = book["findings"]
    headers = [c.value for c in sheet[1]]
    value = sheet.cell(row=2, column=headers.index("value") + 1)
    assert value.value == "'=HYPERLINK(1)" and value.data_type == "s"
    assert isinstance(pd.DataFrame(sheet.values), pd.DataFrame)


def test_times_of_day_are_listed_per_day_with_their_sources():
    from pipeline.documents import Mentions
    from pipeline.report.context import _day_hours
    from pipeline.schema import DateRow

    def time(doc, value, zone=""):
        return DateRow(doc, 0, 0, 1, value[11:], value, "time", "", "", "", zone=zone)

    mentions = {"a": Mentions("a", dates=(time("a", "2011-08-16T08:30"), time("a", "XXXX-XX-XXT09:00"))),
                "b": Mentions("b", dates=(time("b", "2011-08-16T06:31", "GMT"), time("b", "2011-08-16T08:30")))}
    (day,) = _day_hours(["a", "b"], {"a": "S1 ITWeb", "b": "S2 BBC"}, mentions)
    assert day.day == "2011-08-16" and day.times == "06:31 GMT (S2 BBC) · 08:30 (S1 ITWeb, S2 BBC)"


@pytest.mark.parametrize(("topic", "phrase"), [
    ("death toll", "the death toll"),
    ("Nvidia’s revenue (China, AI)", "Nvidia’s revenue (China, AI)"),
    ("FBI estimate", "the FBI estimate"),
    ("date: Gray was killed (NYPD)", "the date of “Gray was killed” (NYPD)"),
    ("assessment: restrictions", "the judgement of “restrictions”"),
    ("how well equipped (Robert Buckley)", "how well equipped (Robert Buckley)"),
])
def test_a_topic_keeps_its_case_and_takes_an_article_unless_possessive(topic, phrase):
    from pipeline.report.story import _topic_phrase

    assert _topic_phrase(topic) == phrase
