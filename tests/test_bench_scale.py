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
