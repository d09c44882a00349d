"""Hostile cases on the output side and in the text (issue 20, in part), each through the CLI.

One folder holds every case that still gives a report (a 255-byte name, control characters in a
text and in a sidecar, a sub-folder, a page declaring a codec that is no charset, numbers grouped
with spaces or beyond any float), run twice into a project folder that holds a file of the user's
own; the refusals (a reports folder another run writes to, a clean folder that links into the
input, a full disk) run on their own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline import cli, ingest

REPO = Path(__file__).resolve().parents[1]
LANGUAGES = Path(__file__).parent / "data" / "languages"
ARTICLE = ("Officials said 12 people were injured in the fire in Tarrow on Monday.\n\n"
           "The fire started at 3 a.m. in a warehouse near the harbour, police said.\n")
WIRE = ("Forty homes were evacuated in Tarrow on Monday after the warehouse fire spread to a timber yard, "
        "the council said.\n\nThe council leader, Ann Reeve, said the evacuation had been a success and thanked "
        "the 40 firefighters who worked through the night.\n\nResidents were allowed back on Tuesday morning, "
        "and the timber yard will stay closed for a week while the damage is assessed.\n")
LONG_NAME = "a" * 251 + ".txt"  # 255 bytes: the longest name the file system allows
NOTES = "the user's own notes, not the tool's\n"
CONTROL_BYTES = [bytes([c]) for c in (*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), 0x7F)]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """The CLI in a subprocess, with ``env`` (conftest's cli_env: the shared Prefect server)."""
    return subprocess.run([sys.executable, "-m", "pipeline", "run", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=600)


def _build(raw: Path) -> None:
    raw.mkdir()
    (raw / LONG_NAME).write_text(ARTICLE * 3)
    page = ARTICLE * 8
    # Text pulled from a PDF: a form feed between pages; a NUL and an ESC inside sentences.
    (raw / "frompdf.txt").write_bytes((page + "\f" + page.replace("fire in", "fire\x00 in") + "\x1b[31m"
                                       + page).encode())
    (raw / "plain.txt").write_text(ARTICLE.replace("12", "14") * 4)
    (raw / "plain.txt.meta.json").write_text('{"title": "Fire \\u0001in Tarrow", "outlet": "Evil\\u001b[2J Times", '
                                             '"published": "2024-05-01T99:99:99", '
                                             '"authors": [' + ", ".join(f'"Author {i}"' for i in range(25)) + "]}")
    (raw / "more articles").mkdir()
    (raw / "more articles" / "c.txt").write_text(ARTICLE)
    html = ("<html><head><meta charset=\"hex\"><title>Caf\u00e9 fire in Tarrow</title></head><body>"
            "<p>The caf\u00e9 fire in Tarrow injured 12 people on Monday, police said. It started at 3 a.m. in a "
            "warehouse near the harbour, and firefighters fought it for six hours.</p></body></html>")
    (raw / "page.html").write_bytes(html.encode("cp1252"))
    storm = ("The storm damaged 10\u00a0000 homes in Tarrow on Monday, officials said.\n\n"
             "The council set aside 1\u2009200\u2009000 euros for repairs, the mayor said.\n\n"
             "A serial number of " + "9" * 401 + " was printed on the form.\n\n"
             "The odds were put at 10^400 to one by a local bookmaker.\n")
    (raw / "storm.txt").write_text(storm * 2)
    (raw / "dropped.txt").write_text(ARTICLE.replace("Tarrow", "Kell") * 3)  # gone before the second run
    (raw / "menu.txt").write_text("Home\n\nWorld\n\nSport\n\nSign in\n")  # nothing but a menu
    # Three copies of one wire story, two identical, one with a figure changed (one edit: still a copy).
    for name, text in (("copy1.txt", WIRE), ("copy2.txt", WIRE), ("copy3.txt", WIRE.replace("40 fire", "45 fire"))):
        (raw / name).write_text(text)
    for language in ("de", "zh"):
        (raw / f"{language}.txt").write_bytes((LANGUAGES / f"{language}.txt").read_bytes())


@pytest.fixture(scope="module")
def runs(tmp_path_factory, cli_env):
    """(first run, second run after dropped.txt is removed, the project and reports folders, the
    input before and after the first run, the clean texts after the first run). Every assertion on
    the project's CSVs reads the second run's."""
    base = tmp_path_factory.mktemp("outputs")
    raw = base / "raw"
    _build(raw)
    project = base / "proj"
    (project / "clean").mkdir(parents=True)
    (project / "clean" / "my notes.txt").write_text(NOTES)
    before = {p.name: p.read_bytes() for p in raw.iterdir() if p.is_file()}
    args = ["--raw", str(raw), "--processed", str(project), "--reports", str(base / "reports"), "--xlsx"]
    first = _run(args, cli_env)
    after_first = {p.name: p.read_bytes() for p in raw.iterdir() if p.is_file()}
    texts_first = sorted(p.name for p in (project / "clean").iterdir())
    (raw / "dropped.txt").unlink()
    second = _run(args, cli_env)
    return first, second, project, base / "reports", before, after_first, texts_first


def _documents(project: Path) -> pd.DataFrame:
    return pd.read_csv(project / "documents.csv", dtype=str, keep_default_na=False).set_index("source_file")


def test_the_runs_finish_without_a_traceback_and_leave_the_input_alone(runs):
    first, second, _, reports, before, after_first, _ = runs
    for done in (first, second):
        assert done.returncode == cli.EXIT_SOME_FAILED, done.stderr[-2000:]  # the sub-folder is skipped
        assert "Traceback" not in done.stderr
    assert after_first == before
    assert (reports / "report.pdf").read_bytes().startswith(b"%PDF")


def test_a_legal_name_of_255_bytes_is_processed_and_its_outputs_stay_short(runs):
    _, _, project, *_ = runs
    assert _documents(project).loc[LONG_NAME, "status"] == "ok"
    assert all(len(p.name.encode()) <= ingest.MAX_DOC_ID_CHARS + 4 for p in (project / "clean").iterdir())


def test_doc_ids_of_long_names_are_bounded_unique_and_stable():
    names = ["x" * 200 + ".txt", "x" * 200 + ".md", "x" * 199 + "y.txt", "short.txt"]
    ids = ingest.assign_doc_ids(names)
    assert len(set(ids.values())) == 4 and ids["short.txt"] == "short"
    assert all(len(i) <= ingest.MAX_DOC_ID_CHARS for i in ids.values())
    assert ingest.assign_doc_ids(reversed(names)) == ids


def test_control_characters_never_leave_the_tool(runs):
    first, _, project, reports, *_ = runs
    assert "\x1b" not in first.stdout + first.stderr
    written = [p for p in project.rglob("*") if p.is_file() and p.suffix in (".csv", ".json")]
    written += [p for p in (project / "clean").iterdir() if p.name != "my notes.txt"] + [reports / "report.html"]
    for path in written:
        data = path.read_bytes()
        assert not any(c in data for c in CONTROL_BYTES), path.name
    assert (project / "newscompare.xlsx").stat().st_size > 0  # a form feed used to fail the workbook
    docs = _documents(project)
    assert "control characters removed" in docs.loc["frompdf.txt", "status_reason"]
    assert "'outlet' held 1 control character" in docs.loc["plain.txt", "status_reason"]
    assert docs.loc["plain.txt", "outlet"] == "Evil[2J Times"


def test_metadata_promises_hold(runs):
    _, _, project, *_ = runs
    reason = _documents(project).loc["plain.txt", "status_reason"]
    assert "not a real date" in reason  # a time of 99:99:99 is refused, with the reason
    assert "names 25 people; the first 20 were kept" in reason


def test_a_sub_folder_gets_a_row_and_an_unknown_charset_is_detected(runs):
    _, _, project, *_ = runs
    docs = _documents(project)
    assert docs.loc["more articles", "status"] == "skipped" and "folder" in docs.loc["more articles", "status_reason"]
    assert docs.loc["page.html", "status"] == "ok" and "detected" in docs.loc["page.html", "status_reason"]
    assert "café" in (project / "clean" / "page.txt").read_text(encoding="utf-8")


def test_numbers_grouped_by_spaces_are_read_and_unreadable_figures_left_out(runs):
    _, _, project, *_ = runs
    numbers = pd.read_csv(project / "numbers.csv", dtype=str, keep_default_na=False)
    values = {float(v) for v in numbers[numbers.doc_id == "storm"].value}
    assert {10000.0, 1200000.0} <= values
    assert not {0.0, 400.0} & values and all(abs(v) <= 1e15 for v in values)
    assert "inf" not in " ".join(numbers.value).lower()


def test_articles_in_other_languages_are_cleaned_and_said_not_to_be_compared(runs):
    _, _, project, reports, *_ = runs
    docs = _documents(project)
    for doc_id, name in (("de", "German"), ("zh", "Chinese")):
        row = docs.loc[f"{doc_id}.txt"]
        assert row.status == "ok" and row.language == doc_id and int(row.words_clean) > 30
        assert f"{name} ({doc_id})" in row.status_reason and "not compared" in row.status_reason
    claims = pd.read_csv(project / "claims.csv", dtype=str, keep_default_na=False)
    assert not set(claims.doc_id) & {"de", "zh"}
    html = (reports / "report.html").read_text(encoding="utf-8")
    assert "in German (de): cleaned, not compared" in html  # the Sources section
    assert "(in German: not compared)" in html and "(in Chinese: not compared)" in html  # page one


def test_a_document_cleaning_kept_nothing_of_has_its_blocks_on_record(runs):
    _, _, project, *_ = runs
    row = _documents(project).loc["menu.txt"]
    assert row.status == "skipped" and row.status_reason.startswith("cleaning kept no article text")
    blocks = pd.read_csv(project / "blocks.csv", dtype=str, keep_default_na=False)
    menu = blocks[blocks.doc_id == row.doc_id]
    assert list(menu.text) == ["Home", "World", "Sport", "Sign in"] and set(menu.kept) == {"false"}
    assert all(menu.reason)


def test_copies_of_one_article_never_stand_against_each_other(runs):
    _, _, project, *_ = runs
    findings = pd.read_csv(project / "findings.csv", dtype=str, keep_default_na=False)
    copies = set(_documents(project).loc[["copy1.txt", "copy2.txt", "copy3.txt"], "doc_id"])
    for finding_id, rows in findings.groupby("finding_id"):
        if set(rows.doc_id) <= copies:
            assert rows.side.nunique() == 1, f"{finding_id} sets copies of one text against each other"


def test_only_files_a_run_recorded_writing_are_ever_removed(runs):
    _, _, project, _, _, _, texts_first = runs
    assert "my notes.txt" in texts_first and "dropped.txt" in texts_first
    now = sorted(p.name for p in (project / "clean").iterdir())
    assert now == sorted(set(texts_first) - {"dropped.txt"})  # the dropped document's text went, nothing else
    assert (project / "clean" / "my notes.txt").read_text() == NOTES


def test_a_reports_folder_another_run_is_writing_to_is_refused(tmp_path, cli_env):
    from pipeline import flow

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE)
    reports = tmp_path / "shared_reports"
    reports.mkdir()
    held = flow._lock_outputs(reports)  # another run, with its own --processed, writing its report here
    try:
        done = _run(["--raw", str(raw), "--processed", str(tmp_path / "p2"), "--reports", str(reports)], cli_env)
    finally:
        held.close()
    assert done.returncode == cli.EXIT_NOTHING_PROCESSED
    assert "another run is writing to" in done.stderr and "--reports" in done.stderr
    assert "Traceback" not in done.stderr and not (reports / "report.pdf").exists()


def test_a_clean_folder_that_links_into_the_input_is_refused(tmp_path, cli_env):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE * 3)
    (raw / "b.txt").write_text(ARTICLE.replace("12", "14") * 3)
    before = {p.name: p.read_bytes() for p in raw.iterdir()}
    processed = tmp_path / "p"
    processed.mkdir()
    (processed / "clean").symlink_to(raw)
    done = _run(["--raw", str(raw), "--processed", str(processed), "--reports", str(tmp_path / "r")], cli_env)
    assert done.returncode == cli.EXIT_NOTHING_PROCESSED
    assert "symbolic link" in done.stderr and "Traceback" not in done.stderr
    assert {p.name: p.read_bytes() for p in raw.iterdir()} == before


PREVIOUS_RUN = {"documents.csv": "a previous run's documents\n", "findings.csv": "a previous run's findings\n"}


def _mounted_with_a_previous_run(tmp_path: Path, options: str) -> Path:
    """A small file system of its own holding a previous run's outputs; skipped without root."""
    mount_point = tmp_path / "mounted"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("a file system of its own cannot be mounted here (needs root)")
    (mount_point / "p").mkdir()
    for name, text in PREVIOUS_RUN.items():
        (mount_point / "p" / name).write_text(text)
    return mount_point


def _assert_refused_with_the_previous_run_whole(done: subprocess.CompletedProcess, processed: Path, why: str) -> None:
    assert done.returncode == cli.EXIT_NOTHING_PROCESSED
    assert "could not be written" in done.stderr and why in done.stderr
    assert "Traceback" not in done.stderr
    names = {p.name for p in processed.iterdir() if not p.name.startswith(".")}
    assert names == set(PREVIOUS_RUN)  # no partial set of CSVs beside the previous ones
    assert all((processed / n).read_text() == text for n, text in PREVIOUS_RUN.items())


def _one_article(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE * 3)
    return raw


def test_a_full_disk_is_one_line_and_exit_2_with_the_previous_outputs_whole(tmp_path, cli_env):
    raw = _one_article(tmp_path)
    tiny = _mounted_with_a_previous_run(tmp_path, "size=16k")
    try:
        done = _run(["--raw", str(raw), "--processed", str(tiny / "p"), "--reports", str(tmp_path / "r")], cli_env)
        _assert_refused_with_the_previous_run_whole(done, tiny / "p", "No space left")
    finally:
        subprocess.run(["umount", str(tiny)], check=False)


def test_a_read_only_output_folder_is_one_line_and_exit_2_with_the_previous_outputs_whole(tmp_path, cli_env):
    raw = _one_article(tmp_path)
    frozen = _mounted_with_a_previous_run(tmp_path, "size=1m")
    try:
        subprocess.run(["mount", "-o", "remount,ro", str(frozen)], check=True)
        done = _run(["--raw", str(raw), "--processed", str(frozen / "p"), "--reports", str(tmp_path / "r")], cli_env)
        _assert_refused_with_the_previous_run_whole(done, frozen / "p", "Read-only file system")
    finally:
        subprocess.run(["umount", str(frozen)], check=False)
