"""Outputs are published as one set (issue 20): a run killed with kill -9 at any stage leaves the
previous run's outputs whole, and the next run gives the CSVs one clean run gives, changes.csv
included (each run costs about 15 s, most of it the imports, so the sequence is kept short; the
runs share conftest's Prefect server). The moves themselves are checked on their own: a publish
cut off half-way is finished by the next run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import publish

REPO = Path(__file__).resolve().parents[1]
# A log line each stage writes when it begins; the run is killed the moment it appears.
STAGE_LINES = {"embed": "embed: ", "report": "report: rendering"}


def _args(raw: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--processed", str(out / "processed"),
            "--reports", str(out / "reports")]


def _run(raw: Path, out: Path, env: dict[str, str]) -> None:
    done = subprocess.run(_args(raw, out), cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


def _kill_at(raw: Path, out: Path, stage: str, env: dict[str, str]) -> None:
    """Start a run and kill -9 its whole process group the moment ``stage`` begins."""
    run = subprocess.Popen(_args(raw, out), cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, start_new_session=True)
    seen = []
    deadline = time.monotonic() + 300
    for line in run.stderr:
        seen.append(line)
        if STAGE_LINES[stage] in line:
            os.killpg(run.pid, signal.SIGKILL)
            break
        if time.monotonic() > deadline:
            break
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, f"the run ended before {stage} began: {''.join(seen)[-2000:]}"


def _outputs(out: Path) -> dict[str, bytes]:
    """Every output file (hidden names, i.e. the lock and staging folders, left out)."""
    files = {}
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            files[relative.as_posix()] = path.read_bytes()
    return files


def _csvs(out: Path) -> dict[str, bytes]:
    return {name: data for name, data in _outputs(out).items()
            if name.startswith("processed/") and name != "processed/run.json"}


@pytest.mark.slow
def test_a_run_killed_at_any_stage_leaves_the_previous_outputs_and_the_rerun_equals_a_clean_run(
        tmp_path, small_story, cli_env):
    raw = small_story
    clean_run = tmp_path / "clean_run"
    _run(raw, clean_run, cli_env)
    first_run = _csvs(clean_run)
    assert b"first_run" in first_run["processed/changes.csv"]

    victim = tmp_path / "victim"
    _kill_at(raw, victim, "embed", cli_env)  # the first run, killed while embedding: nothing is published
    assert _outputs(victim) == {}
    _run(raw, victim, cli_env)
    assert _csvs(victim) == first_run  # changes.csv says first_run, not "every finding is new"
    assert not publish.staging_folder(victim / "processed").exists()  # what the killed run left is gone
    published = _outputs(victim)
    assert "reports/report.pdf" in published
    # A killed run publishes nothing wherever it stops (the outputs move into place only after the
    # report), so the first run's kill in embed and a later run's kill while the PDF renders, the last
    # stage, stand for the stages between.
    _kill_at(raw, victim, "report", cli_env)
    assert _outputs(victim) == published, "killed while rendering: the previous outputs changed"


def _staged(target: Path, files: dict[str, str]) -> publish.Staging:
    staging = publish.begin([target])
    for name, text in files.items():
        path = staging.staged(target) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return staging


def test_a_publish_cut_off_half_way_is_finished_by_the_next_run(tmp_path, monkeypatch):
    target = tmp_path / "processed"
    target.mkdir()
    (target / "a.csv").write_text("old a")
    (target / "gone.csv").write_text("old, not written again")
    (target / "notes.txt").write_text("the user's own")
    staging = _staged(target, {"a.csv": "new a", "b.csv": "new b", "clean/x.txt": "new x"})
    real_replace, moves = os.replace, []

    def replace_then_die(src, dst):
        if Path(dst).name != publish.MANIFEST:
            if moves:
                raise KeyboardInterrupt  # stands for kill -9 after the first file moved
            moves.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(publish.os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        publish.commit(staging, {target: ["gone.csv"]})
    monkeypatch.setattr(publish.os, "replace", real_replace)
    assert (target / "a.csv").read_text() == "new a" and not (target / "b.csv").exists()  # a mix, for now

    publish.begin([target])  # the next run
    assert (target / "a.csv").read_text() == "new a" and (target / "b.csv").read_text() == "new b"
    assert (target / "clean" / "x.txt").read_text() == "new x"
    assert not (target / "gone.csv").exists() and (target / "notes.txt").read_text() == "the user's own"
    assert not any(p.name == publish.MANIFEST for p in target.rglob("*"))


def test_an_unfinished_run_is_discarded_and_nothing_else_is_touched(tmp_path):
    target = tmp_path / "processed"
    target.mkdir()
    (target / "a.csv").write_text("previous run")
    _staged(target, {"a.csv": "half-written run", "b.csv": "half-written run"})  # no manifest: killed
    outside = tmp_path / "outside.txt"
    outside.write_text("not the tool's")
    publish.begin([target])
    assert (target / "a.csv").read_text() == "previous run" and not (target / "b.csv").exists()
    assert publish.staging_folder(target).is_dir() and not any(publish.staging_folder(target).iterdir())
    assert outside.read_text() == "not the tool's"


def test_a_manifest_never_removes_files_outside_its_folder(tmp_path):
    target = tmp_path / "processed"
    target.mkdir()
    outside = tmp_path / "outside.csv"
    outside.write_text("not the tool's")
    staging = _staged(target, {"a.csv": "new"})
    publish.commit(staging, {target: ["../outside.csv", str(outside), f"{publish.STAGING_DIR}/x"]})
    assert outside.read_text() == "not the tool's" and (target / "a.csv").read_text() == "new"


def test_a_staging_name_that_is_a_link_is_removed_without_following_it(tmp_path):
    target = tmp_path / "processed"
    target.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep")
    publish.staging_folder(target).symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / publish.MANIFEST).write_text(json.dumps({"folders": [[str(elsewhere), str(target)]]}))
    publish.begin([target])
    assert (elsewhere / "keep.txt").read_text() == "keep" and not (target / "keep.txt").exists()
    assert publish.staging_folder(target).is_dir() and not publish.staging_folder(target).is_symlink()
    shutil.rmtree(elsewhere)
