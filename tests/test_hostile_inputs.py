"""Bad input and interrupted runs: one bad entry never stops a run, nothing outside the input
folder is read, outputs never overlap the input, one run per output folder, Ctrl-C and kill -9.

The hostile folder is built here, beside three valid articles: metadata of the wrong type, JSON
nested 100,000 deep, impossible dates, a YAML alias bomb, names that are not UTF-8 or hold a
newline, a 2 MB line without spaces, a file over the size limit, links to files outside, a
dangling link, a FIFO, a year 9999, a page of navigation only, formula-like text, an editor backup.
Unit-level cases (ingest, clean, schema) run without Prefect; the flow cases run the CLI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pandas as pd
import pytest

from pipeline import clean, cli, folders, ingest, schema

REPO = Path(__file__).resolve().parents[1]
ARTICLE = ("Officials said 12 people were injured in the fire in Tarrow on Monday.\n\n"
           "The fire started at 3 a.m. in a warehouse near the harbour, police said.\n")
BOMB = ("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: &t [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n")


def build_hostile_folder(folder: Path, outside: Path) -> dict[str, str]:
    """Valid seeds plus every bad entry; returns {entry name as listed: expected status}."""
    folder.mkdir(parents=True)
    for seed in sorted((REPO / "raw").glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (folder / "authors42.txt").write_text(ARTICLE)
    (folder / "authors42.txt.meta.json").write_text(json.dumps({"authors": 42, "title": ["not", "text"]}))
    (folder / "deepjson.txt").write_text(ARTICLE)
    (folder / "deepjson.txt.meta.json").write_text("[" * 30_000 + "]" * 30_000)
    (folder / "feb31.md").write_text("---\npublished: 2024-02-31\ntitle: Warehouse fire\n---\n" + ARTICLE)
    (folder / "feb31side.txt").write_text(ARTICLE)
    (folder / "feb31side.txt.meta.json").write_text(json.dumps({"published": "31 February 2024"}))
    (folder / "yamlbomb.md").write_text(BOMB + ARTICLE)
    Path(os.fsdecode(os.path.join(os.fsencode(folder), b"bad\xffname.txt"))).write_text(ARTICLE)
    (folder / "new\nline.txt").write_text(ARTICLE)
    (folder / "longline.txt").write_text("a" * 2_000_000)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(ingest.MAX_BYTES + 1)  # sparse: over the limit without writing 5 MB
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "fifo.txt")
    (folder / "year9999.txt").write_text("The treaty expires on 9999-12-31, officials said on Monday.\n\n"
                                         "It was signed on December 31, 9999, in Tarrow.\n")
    (folder / "allnav.txt").write_text("Home | News | Sport\nSubscribe to our newsletter\nCookie settings\n")
    (folder / "draft.txt~").write_text(ARTICLE)
    (folder / "page.html").write_text(
        "<!doctype html><html><head><title>Harbour fire</title><script>fetch('file:///etc/passwd')</script>"
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour fire</h1>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE.split("\n\n") if line.strip())
        + "<p>Firefighters from three stations attended, and the road was closed for six hours.</p>"
        "</article><footer>Subscribe to our newsletter</footer></body></html>")
    return {
        "page.html": "ok",
        "authors42.txt": "ok", "feb31.md": "ok", "feb31side.txt": "ok", "yamlbomb.md": "ok",
        "year9999.txt": "ok", "deepjson.txt": "error", "bad?name.txt": "skipped", "new?line.txt": "skipped",
        "longline.txt": "skipped", "huge.txt": "skipped", "passwd.txt": "error", "dangling.txt": "error",
        "fifo.txt": "error", "allnav.txt": "skipped",
    }


# --------------------------------------------------------------------------- without Prefect


def test_metadata_of_the_wrong_type_is_ignored_with_a_reason():
    raw = ingest.read_document("a.txt", ARTICLE.encode(), doc_id="a",
                               sidecar=json.dumps({"authors": 42, "title": {"x": 1},
                                                   "published": "2024-13-01"}).encode())
    assert not raw.problem and raw.user_meta.authors == () and raw.user_meta.title == ""
    assert any("authors" in w for w in raw.warnings) and any("not a real date" in w for w in raw.warnings)


def test_deep_json_and_yaml_aliases_fail_cleanly():
    deep = ingest.read_document("a.txt", ARTICLE.encode(), doc_id="a", sidecar=b"[" * 100_000 + b"]" * 100_000)
    assert deep.problem_status == "error" and "sidecar" in deep.problem
    bomb = ingest.read_document("b.md", (BOMB + ARTICLE).encode(), doc_id="b")
    assert not bomb.problem and bomb.user_meta.title == "" and "aliases" in bomb.warnings[0]
    assert bomb.text.startswith("Officials said")


def test_impossible_and_partial_dates():
    for value, ok in (("2024-02-29", True), ("2024-02-31", False), ("2024-03", True), ("9999-12-31", False),
                      ("31 February 2024", False), ("2024", True)):
        raw = ingest.read_document("a.md", f"---\npublished: {value}\n---\n{ARTICLE}".encode(), doc_id="a")
        assert (raw.user_meta.published == value) is ok, value


def test_a_long_line_without_spaces_cleans_in_linear_time():
    raw = ingest.read_document("a.txt", b"a" * 2_000_000, doc_id="a")
    start = time.perf_counter()
    doc = clean.clean_document(raw)
    assert time.perf_counter() - start < 20  # it took hours (a quadratic e-mail pattern)
    assert clean.why_unusable(doc).startswith("cleaning kept no article text")


@pytest.mark.parametrize("piece", ["[(", "![](", "A.", "1,", "a@", "-", '"', "http://x", "By Ann "])
def test_lines_of_markup_fragments_clean_in_linear_time(piece):
    """Each piece once made a pattern backtrack over the rest of the line (Markdown links took
    500 s on 400 kB of "[("); the bound is generous, the quadratic cases took minutes."""
    raw = ingest.read_document("a.txt", (piece * (400_000 // len(piece))).encode(), doc_id="a")
    start = time.perf_counter()
    clean.clean_document(raw)
    assert time.perf_counter() - start < 20


def test_names_that_cannot_be_printed_or_forge_lines():
    assert ingest.name_problem("new\nline.txt") and ingest.name_problem("bad\udcffname.txt")
    assert ingest.printable_name("new\nline.txt") == "new?line.txt"
    assert not ingest.is_input_file("draft.txt~") and not ingest.is_input_file(".#draft.txt")


def test_spreadsheet_guard_keeps_numbers_and_offsets():
    assert schema._cell("-3.5") == "-3.5" and schema._cell("-2+3") == "'-2+3" and schema._cell("=1") == "'=1"
    assert schema._cell("@x") == "'@x" and schema._cell("- a list item") == "'- a list item"


# --------------------------------------------------------------------------- the flow, as a user runs it



def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """The CLI in a subprocess, with ``env`` (conftest's cli_env: the shared Prefect server)."""
    return subprocess.run([sys.executable, "-m", "pipeline", "run", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=600)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, cli_env):
    base = tmp_path_factory.mktemp("hostile")
    raw = base / "raw"
    expected = build_hostile_folder(raw, base / "outside_secret.txt")
    before = {p.name: (p.is_symlink(), p.read_bytes() if p.is_file() and not p.is_symlink() else b"")
              for p in raw.iterdir() if not p.name.startswith("fifo")}
    done = _run(["--raw", str(raw), "--processed", str(base / "processed"), "--reports", str(base / "reports")],
                cli_env)
    after = {p.name: (p.is_symlink(), p.read_bytes() if p.is_file() and not p.is_symlink() else b"")
             for p in raw.iterdir() if not p.name.startswith("fifo")}
    return {"done": done, "base": base, "expected": expected, "unchanged": before == after}


@pytest.mark.slow
def test_a_hostile_folder_gives_exit_1_a_reason_per_bad_file_and_no_traceback(hostile_run):
    done, base = hostile_run["done"], hostile_run["base"]
    assert done.returncode == cli.EXIT_SOME_FAILED, done.stderr[-2000:]
    assert "Traceback" not in done.stdout + done.stderr
    docs = pd.read_csv(base / "processed" / "documents.csv", dtype=str, keep_default_na=False)
    status = dict(zip(docs.source_file, docs.status, strict=True))
    for name, expected in hostile_run["expected"].items():
        assert status.get(name) == expected, (name, status.get(name))
    reasons = dict(zip(docs.source_file, docs.status_reason, strict=True))
    for name, expected in hostile_run["expected"].items():
        if expected != "ok" or name in ("authors42.txt", "feb31.md", "feb31side.txt", "yamlbomb.md"):
            assert reasons[name] and "\n" not in reasons[name], name
    assert "draft.txt~" not in status  # an editor backup is no article
    assert (docs[docs.source_file.str.match(r"0\d\d_")].status == "ok").sum() == 3
    assert hostile_run["unchanged"]


@pytest.mark.slow
def test_nothing_outside_the_input_folder_is_read(hostile_run):
    base = hostile_run["base"]
    everything = "".join(p.read_text(encoding="utf-8", errors="replace")
                         for p in (base / "processed").rglob("*") if p.is_file() and p.suffix in (".csv", ".txt"))
    assert "root:x:0:0" not in everything
    assert "root:x:0:0" not in (base / "reports" / "report.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_outputs_are_ordinary_readable_files(hostile_run):
    mode = (hostile_run["base"] / "processed" / "documents.csv").stat().st_mode & 0o777
    assert mode & 0o044 or os.umask(os.umask(0)) & 0o044  # group/other may read unless the umask forbids it


def test_outputs_overlapping_the_input_or_being_files_are_refused_before_anything_runs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE)
    for args in (["--processed", str(raw / "out")], ["--reports", str(raw)], ["--processed", str(tmp_path)]):
        code = cli.main(["run", "--raw", str(raw), *args])
        assert code == cli.EXIT_NOTHING_PROCESSED, args
    (tmp_path / "afile").write_text("x")
    assert cli.main(["run", "--raw", str(raw), "--processed", str(tmp_path / "afile")]) == cli.EXIT_NOTHING_PROCESSED
    assert sorted(p.name for p in raw.iterdir()) == ["a.txt"]


def test_an_output_folder_of_another_story_is_not_overwritten(tmp_path):
    raw, other, processed = tmp_path / "raw", tmp_path / "other", tmp_path / "processed"
    for folder in (raw, other, processed):
        folder.mkdir()
    (processed / folders.RUN_RECORD).write_text(json.dumps({"input_folder": str(other.resolve())}))
    problem = folders.check_paths(raw, processed, tmp_path / "reports")
    assert "another input folder" in problem
    assert folders.check_paths(raw, processed, tmp_path / "reports", replace=True) == ""


def test_one_run_per_output_folder(tmp_path):
    from pipeline import flow

    held = flow._lock_outputs(tmp_path)
    try:
        with pytest.raises(BlockingIOError):
            flow._lock_outputs(tmp_path)
    finally:
        held.close()
    flow._lock_outputs(tmp_path).close()  # free again once the first run is done


def test_a_prefect_server_that_is_down_is_one_line_and_exit_2(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE)
    done = _run(["--raw", str(raw), "--processed", str(tmp_path / "p"), "--reports", str(tmp_path / "r")],
                {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api"})
    assert done.returncode == cli.EXIT_NOTHING_PROCESSED
    assert "does not answer" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def _server_processes() -> set[int]:
    """Prefect servers running now (read from /proc: ps truncates to $COLUMNS under pytest)."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            args = (entry / "cmdline").read_bytes()
        except OSError:
            continue  # not a process, or gone meanwhile
        if entry.name.isdigit() and b"uvicorn" in args and b"prefect.server" in args:
            found.add(int(entry.name))
    return found


def _uncached_story(raw: Path) -> None:
    """Three articles of our own, long enough to parse for seconds, with words of this run only:
    no stage cache (the README's first command warms them for the seeds) can serve them, so a run
    of them is still extracting when the tests stop it."""
    raw.mkdir()
    run_word = "Q" + uuid.uuid4().hex[:10]
    for n in range(3):
        paragraphs = [f"The {run_word} council said on Monday that {12 + i + n} homes in ward {i} were flooded "
                      f"after the river rose by {i % 7 + 1}.{n} metres, and {i * 3 + n} people were moved to "
                      f"a school hall, officials of {run_word} said." for i in range(150)]
        (raw / f"story_{n}.txt").write_text(f"Flooding in {run_word}\n\n" + "\n\n".join(paragraphs) + "\n")


def _start_run(tmp_path: Path) -> subprocess.Popen:
    raw = tmp_path / "raw"
    _uncached_story(raw)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--processed", str(tmp_path / "p"),
         "--reports", str(tmp_path / "r")], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for_server(run: subprocess.Popen, before: set[int], timeout: float = 120) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and run.poll() is None:
        new = _server_processes() - before
        if new:
            return new
        time.sleep(0.5)
    run.kill()
    raise AssertionError(f"the temporary server never started: {run.communicate()[1][-2000:]}")


def _start_run_with_its_server(tmp_path: Path) -> tuple[subprocess.Popen, set[int]]:
    before = _server_processes()
    run = _start_run(tmp_path)
    return run, _wait_for_server(run, before)


def _assert_gone_within(servers: set[int], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while servers & _server_processes() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not (servers & _server_processes())


LINUX_PROC = pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds processes through /proc")


@pytest.mark.slow
@LINUX_PROC
def test_ctrl_c_stops_a_run_within_seconds_with_exit_130(tmp_path):
    before = _server_processes()
    run = _start_run(tmp_path)
    # Stopped while its documents are being parsed: after a fixed delay, on a fast machine with warm
    # caches, a run had already finished.
    seen = []
    for line in run.stderr:
        seen.append(line)
        if re.search(r"extract: \d+ documents from cache, [1-9]\d* to analyse", line):
            break
    servers = _server_processes() - before
    os.killpg(run.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    started = time.monotonic()
    _, rest = run.communicate(timeout=60)
    err = "".join(seen) + rest
    assert servers, f"the run never started its server or never began parsing: {err[-3000:]}"
    # (the run's own last words on failure: one run ended in SIGABRT once, with no way to tell why)
    assert run.returncode == cli.EXIT_INTERRUPTED and time.monotonic() - started < 30, (run.returncode, err[-3000:])
    assert "interrupted: the run was stopped" in err and "Traceback" not in err, err[-3000:]
    assert not (tmp_path / "p" / "findings.csv").exists()  # nothing is published after a Ctrl-C
    _assert_gone_within(servers, 20)


@pytest.mark.slow
@LINUX_PROC
def test_no_temporary_server_outlives_a_killed_run(tmp_path):
    run, servers = _start_run_with_its_server(tmp_path)
    run.kill()  # kill -9: no handler runs
    run.communicate(timeout=30)
    _assert_gone_within(servers, 20)
