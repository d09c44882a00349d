"""The scale benchmark's corpus: built from ../shared's articles, deterministic, no two documents
alike (so no cache hides work). The benchmark itself is a command, not a test (figures in README)."""

from __future__ import annotations

from pipeline.bench.scale import build_corpus, corpus_sources, perturbed


def test_the_corpus_comes_from_the_seeds_and_benchmarks_only(shared_dir):
    sources = corpus_sources(shared_dir)
    assert len(sources) > 300
    assert all(p.relative_to(shared_dir).parts[0] in ("seeds", "bench") for p in sources)
    assert not any(p.name.endswith(".gold.txt") or p.name.lower() == "readme.md" for p in sources)


def test_copies_beyond_the_sources_differ_and_the_corpus_is_deterministic(shared_dir, tmp_path):
    n = len(corpus_sources(shared_dir))
    (original,) = build_corpus(shared_dir, 1, tmp_path / "a", first=0)
    (copy,) = build_corpus(shared_dir, 1, tmp_path / "a", first=n)  # the same source, first copy
    (again,) = build_corpus(shared_dir, 1, tmp_path / "b", first=n)
    assert original.read_bytes() != copy.read_bytes()
    assert copy.read_bytes() == again.read_bytes()


def test_a_perturbed_copy_keeps_the_header_and_changes_the_body():
    text = "\n\n".join(["Headline", "By A Writer", "March 3, 2024", *(f"Paragraph {i}." for i in range(8))])
    copy = perturbed(text, 2, "x.txt")
    assert copy.startswith("Headline\n\nBy A Writer\n\nMarch 3, 2024\n\n")
    assert copy != text and perturbed(text, 2, "x.txt") == copy and perturbed(text, 0, "x.txt") == text


def test_the_score_line_comes_last_with_what_was_measured_when_a_phase_fails(shared_dir, monkeypatch):
    from pipeline.bench import scale

    def flow(run, shared, work, log):
        run.wall_s, run.words, run.compare_s, run.report_s, run.pairs_scored = 100.0, 50_000, 10.0, 20.0, 4_321
        log("flow done")

    def models(run, shared, work, log):
        raise RuntimeError("spaCy ran out of memory\nin the worker")

    monkeypatch.setitem(scale._PHASES, "flow", flow)
    monkeypatch.setitem(scale._PHASES, "models alone", models)
    monkeypatch.setitem(scale._PHASES, "rerun", lambda *a: None)
    lines: list[str] = []
    assert scale.run_scale_bench(shared_dir=shared_dir, docs=3, log=lines.append) == 1
    assert lines[0] == "flow done" and lines[-1].startswith("scale docs=3 words=50000 wall_s=100.0")
    assert "compare_share=0.10" in lines[-1] and "model_bound_ratio=n/a" in lines[-1]
    assert "pairs_scored=4321" in lines[-1]
    assert lines[-1].endswith("failed='models alone: RuntimeError: spaCy ran out of memory in the worker'")


def test_tree_memory_counts_a_child_process_and_the_line_reports_it(monkeypatch):
    """A child that holds 200 MB for a moment is in the peak; the score line prints it."""
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    from pipeline.bench import scale

    if not Path("/proc/self/smaps_rollup").exists():
        pytest.skip("no /proc/PID/smaps_rollup here")
    monkeypatch.setattr(scale, "MEMORY_SAMPLE_S", 0.1)
    with scale.TreeMemory() as memory:
        subprocess.run([sys.executable, "-c", "import time; held = bytearray(200 * 2**20); time.sleep(1.0)"],
                       check=True)
    assert memory.peak_mb is not None and memory.peak_mb >= 190
    run = scale.ScaleRun(3, words=10, wall_s=1.0, peak_rss_mb=500.0, peak_pss_mb=memory.peak_mb)
    assert run.line().endswith(f"peak_rss_mb=500 peak_pss_mb={memory.peak_mb:.0f}")
    assert scale.ScaleRun(3).line().endswith("peak_pss_mb=n/a")
