"""End to end: the Prefect flow on the seeds (plus bad files) into a temporary folder.

Runs the CLI twice on a fresh Prefect test server; the second run reads extraction from the
cache and must give byte-identical CSVs. Checks every CSV against the contract in
``pipeline.schema`` and reads the PDF's text back.
"""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from pipeline import cli, schema

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 40,
}


HOSTILE = """# Council approves the harbour budget

The city council approved a harbour budget of 12 million euros on Tuesday, officials said.
<img src="file:///etc/passwd"> <link rel="stylesheet" href="http://127.0.0.1:9/x.css">
<style>body { background: url(file:///etc/shadow) }</style>
Opposition members said the plan would raise port fees by 8% next year.
"""


COUNCIL = """Harbour council votes on new ferry fees

The Port Alba harbour council voted on Monday to raise ferry fees by 12%, the council said.
The new fees take effect in June, officials said.
"""


@pytest.fixture(scope="module")
def runs(tmp_path_factory, prefect_api_url):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    base = tmp_path_factory.mktemp("e2e")
    raw = base / "raw"
    raw.mkdir()
    for seed in sorted((REPO / "raw").glob("*.txt")):
        shutil.copy(seed, raw / seed.name)
    for name, data in BAD_FILES.items():
        (raw / name).write_bytes(data)
    (raw / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in raw.iterdir()}
    collector_before = gc.get_threshold()
    outputs = []
    with temporary_settings({PREFECT_API_URL: prefect_api_url}):  # conftest's server, not a new one
        from pipeline import flow

        for n in (1, 2):
            processed, reports = base / f"processed{n}", base / f"reports{n}"
            code = cli.main(["run", "--raw", str(raw), "--processed", str(processed), "--reports", str(reports)])
            outputs.append((code, processed, reports))
        assert flow.DEFAULT_CACHE_DIR  # the flow module imported under these settings
        after = {p.name: p.read_bytes() for p in raw.iterdir()}
        # Later, the user edits the input folder (one document removed, one added) and runs again
        # into the first run's output folder.
        removed = sorted(raw.glob("0*.txt"))[0]
        removed.unlink()
        (raw / "council.txt").write_text(COUNCIL, encoding="utf-8")
        rerun = base / "processed_rerun"
        shutil.copytree(outputs[0][1], rerun)
        code = cli.main(["run", "--raw", str(raw), "--processed", str(rerun), "--reports", str(base / "reports3"),
                         "--xlsx"])
    return {"raw": raw, "outputs": outputs, "raw_unchanged": before == after,
            "collector": (collector_before, gc.get_threshold(), gc.get_freeze_count()),
            "rerun": (code, rerun, base / "reports3", removed.stem)}


def test_the_run_hands_the_garbage_collector_back_as_it_found_it(runs):
    before, after, frozen = runs["collector"]
    assert after == before and frozen == 0  # thresholds restored, nothing left frozen (flow._collector_for_a_batch)


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_exit_code_is_1_and_bad_files_are_listed(runs):
    code, processed, _ = runs["outputs"][0]
    assert code == cli.EXIT_SOME_FAILED
    docs = read_csv(processed / "documents.csv").set_index("source_file")
    assert docs.loc["empty.txt", "status"] == "skipped" and docs.loc["empty.txt", "status_reason"] == "empty file"
    assert docs.loc["binary.txt", "status"] == "error"
    assert (docs.drop(index=list(BAD_FILES)).status == "ok").all()


def test_raw_folder_is_never_modified(runs):
    assert runs["raw_unchanged"]


def test_every_csv_follows_the_contract(runs):
    _, processed, _ = runs["outputs"][0]
    for name, row_type in schema.CSV_SCHEMAS.items():
        frame = read_csv(processed / name)
        assert list(frame.columns) == schema.columns(row_type), name


def test_offsets_and_quotes_point_into_the_clean_text(runs):
    _, processed, _ = runs["outputs"][0]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (processed / "clean").glob("*.txt")}
    assert len(texts) == 6
    for name in ("entities.csv", "numbers.csv", "dates.csv"):
        frame = read_csv(processed / name)
        assert len(frame) > 0, name
        for row in frame.itertuples():
            assert texts[row.doc_id][int(row.start):int(row.end)] == row.text.removeprefix("'"), (name, row)
    for row in read_csv(processed / "findings.csv").itertuples():
        assert row.quote in texts[row.doc_id]


def test_blocks_cover_every_document(runs):
    _, processed, _ = runs["outputs"][0]
    blocks = read_csv(processed / "blocks.csv")
    assert set(blocks.doc_id) == {p.stem for p in (REPO / "raw").glob("*.txt")} | {"hostile"}
    assert set(blocks.kept) <= {"true", "false"}


def test_second_run_gives_byte_identical_csvs(runs):
    (_, first, _), (code, second, _) = runs["outputs"]
    assert code == cli.EXIT_SOME_FAILED
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_pdf_text_holds_titles_and_finding_quotes(runs):
    _, processed, reports = runs["outputs"][0]
    assert (reports / "report.html").is_file()
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(reports / "report.pdf").pages)
    docs = read_csv(processed / "documents.csv")
    for title in docs[docs.status == "ok"].title:
        if title:
            assert " ".join(title.split()) in pdf_text, title
    for quote in read_csv(processed / "findings.csv").quote:
        assert " ".join(quote.split())[:60] in pdf_text


def test_hostile_markup_in_a_document_is_shown_as_text_and_nothing_is_read(runs):
    _, _, reports = runs["outputs"][0]
    pdf_text = " ".join(page.extract_text() for page in PdfReader(reports / "report.pdf").pages)
    assert "file:///etc/passwd" in pdf_text
    assert "root:x:0:0" not in pdf_text
    html = (reports / "report.html").read_text(encoding="utf-8")
    assert '<img src="file:///etc/passwd">' not in html and "&lt;img src=" in html


def _pdf_pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_page_one_tells_the_top_findings_of_findings_csv(runs):
    _, processed, reports = runs["outputs"][0]
    first_page = _pdf_pages(reports / "report.pdf")[0]
    findings = read_csv(processed / "findings.csv")
    top = findings.drop_duplicates("finding_id").sort_values("rank").head(5)
    assert len(top) > 0
    position = -1
    for row in top.itertuples():
        at = first_page.find(row.finding_id)
        assert at > position, (row.finding_id, first_page[:500])  # listed, in rank order
        position = at
        assert row.topic.split(" (")[0].split(": ")[-1][:25] in first_page
    for source in findings.source.unique():
        assert source in first_page


def test_the_pdf_names_sources_never_by_document_id(runs):
    _, processed, reports = runs["outputs"][0]
    docs = read_csv(processed / "documents.csv")
    text = " ".join(_pdf_pages(reports / "report.pdf"))
    for name in docs.source_file:
        text = text.replace(f"file: {name}", "")  # the Sources section names each file once
    hash_like = [d for d in docs.doc_id if any(ch.isdigit() for ch in d)]  # "binary" is also a word
    assert hash_like
    for doc_id in hash_like:
        assert doc_id not in text, doc_id


def test_csvs_carry_source_names_and_a_data_dictionary(runs):
    _, processed, _ = runs["outputs"][0]
    findings = read_csv(processed / "findings.csv")
    assert findings.source.str.fullmatch(r"S\d+").all()
    package = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    assert package == schema.datapackage()
    for resource in package["resources"]:
        frame = read_csv(processed / resource["path"])
        assert [f["name"] for f in resource["schema"]["fields"]] == list(frame.columns)


def test_first_run_says_it_is_the_first(runs):
    _, processed, _ = runs["outputs"][0]
    assert list(read_csv(processed / "changes.csv").change) == ["first_run"]


def test_a_later_run_reports_documents_added_and_removed(runs):
    code, rerun, reports, removed = runs["rerun"]
    assert code == cli.EXIT_SOME_FAILED  # the two bad files are still there
    changes = read_csv(rerun / "changes.csv")
    assert set(changes[changes.change == "document_added"].doc_id) == {"council"}
    assert set(changes[changes.change == "document_removed"].doc_id) == {removed}
    assert "finding_resolved" in set(changes.change) or "finding_changed" in set(changes.change)
    first_page = _pdf_pages(reports / "report.pdf")[0]
    assert "What changed since the last run" in first_page and "document added" in first_page
    assert (rerun / "newscompare.xlsx").stat().st_size > 0
