"""CLI: argument parsing, help and the exit codes that need no Prefect run."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import cli


def test_run_defaults_and_options():
    args = cli.parse_args(["run"])
    assert (str(args.raw), str(args.processed), str(args.reports)) == ("raw", "processed", "reports")
    args = cli.parse_args(["run", "--raw", "in", "--processed", "p", "--reports", "r"])
    assert (str(args.raw), str(args.processed), str(args.reports)) == ("in", "p", "r")


def test_help_explains_each_option(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.parse_args(["run", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for option in ("--raw", "--processed", "--reports", "--rules", "--processes"):
        assert option in out


def test_missing_input_folder_exits_2_with_one_line(tmp_path, capsys):
    assert cli.main(["run", "--raw", str(tmp_path / "nope")]) == cli.EXIT_NOTHING_PROCESSED
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "does not exist" in err


def test_folder_without_documents_exits_2(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / ".hidden.txt").write_text("x")
    outputs = ["--processed", str(tmp_path / "processed"), "--reports", str(tmp_path / "reports")]
    assert cli.main(["run", "--raw", str(raw), *outputs]) == cli.EXIT_NOTHING_PROCESSED
    assert "no input files" in capsys.readouterr().err


def test_schema_command_prints_every_csv(capsys):
    assert cli.main(["schema"]) == 0
    out = capsys.readouterr().out
    for name in ("documents.csv", "blocks.csv", "entities.csv", "numbers.csv", "dates.csv", "findings.csv"):
        assert name in out


def test_bench_without_shared_folder_exits_2(tmp_path):
    assert cli.main(["bench", "cleaning", "--shared", str(tmp_path)]) == cli.EXIT_NOTHING_PROCESSED


def test_fitting_the_packaged_model_on_other_sets_is_refused(shared_dir, capsys):
    stories = Path(__file__).resolve().parents[1] / "bench" / "stories"
    assert cli.main(["bench", "compare", "--shared", str(shared_dir), "--sets", str(stories), "--fit"]) == 2
    assert "--loso" in capsys.readouterr().err


def test_our_stories_are_scored_by_the_benchmarks_scorer(shared_dir, nlp, encoder, capsys):
    """`bench compare --sets bench/stories`: our keyed stories, scored by the shared score.py."""
    stories = Path(__file__).resolve().parents[1] / "bench" / "stories"
    args = ["bench", "compare", "--shared", str(shared_dir), "--sets", str(stories), "--set", "s45a_stadium"]
    assert cli.main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("compare recall=") and lines[-1].endswith("sets=1"), lines[-3:]
    assert any(line.startswith("s45a_stadium_crush: found=") for line in lines), lines


def test_broken_rules_file_exits_2_before_anything_runs(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Some article text.")
    rules = tmp_path / "rules.toml"
    rules.write_text("this is = = not toml")
    assert cli.main(["run", "--raw", str(tmp_path), "--rules", str(rules)]) == cli.EXIT_NOTHING_PROCESSED
    assert "rules file" in capsys.readouterr().err
    assert cli.main(["run", "--raw", str(tmp_path), "--rules", str(tmp_path / "none.toml")]) == 2


def test_a_sweep_names_a_constant_of_compare_and_numbers(capsys):
    with pytest.raises(SystemExit):
        cli.parse_args(["bench", "compare", "--sweep", "FIGURE_ALIGN_MIN=0.4"])
    with pytest.raises(SystemExit):
        cli.parse_args(["bench", "compare", "--sweep", "align.FIGURE_ALIGN_MIN=high"])
    args = cli.parse_args(["bench", "compare", "--sweep", "align.FIGURE_ALIGN_MIN=0.38,0.42"])
    assert args.sweep == [("align.FIGURE_ALIGN_MIN", (0.38, 0.42))]


def test_a_sweep_is_refused_with_a_model_fitted_in_the_same_run(shared_dir, capsys):
    assert cli.main(["bench", "compare", "--shared", str(shared_dir), "--sweep", "align.FIGURE_ALIGN_MIN=0.4",
                     "--loso"]) == cli.EXIT_NOTHING_PROCESSED
    assert "--sweep" in capsys.readouterr().err


def test_a_sweep_scores_each_value_and_leaves_each_set_out(shared_dir, nlp, encoder, capsys):
    """`bench compare --sweep align.NAME=...`: a line per value, the leave-one-set-out line, and the
    constant back at its value afterwards."""
    from pipeline.compare import align

    stories = Path(__file__).resolve().parents[1] / "bench" / "stories"
    before = align.FIGURE_ALIGN_MIN
    args = ["bench", "compare", "--shared", str(shared_dir), "--sets", str(stories), "--set", "s45a_stadium",
            "--sweep", "align.FIGURE_ALIGN_MIN=0.30,0.90"]
    assert cli.main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert before == align.FIGURE_ALIGN_MIN
    values = [line for line in lines if line.startswith("sweep align.FIGURE_ALIGN_MIN=")]
    assert len(values) == 3 and all(line.endswith("sets=1") for line in values), lines  # 0.30, the value, 0.90
    assert any(line.startswith("sweep-loso align.FIGURE_ALIGN_MIN recall=") for line in lines), lines
    with_bar_090 = next(line for line in values if "=0.9 " in line)
    assert "recall=0.000" in with_bar_090, with_bar_090  # nothing aligns at 0.90


def test_an_unknown_constant_is_refused_before_anything_runs(shared_dir, capsys):
    assert cli.main(["bench", "compare", "--shared", str(shared_dir), "--sweep", "align.NO_SUCH=1"]) == 2
    assert "no number" in capsys.readouterr().out
