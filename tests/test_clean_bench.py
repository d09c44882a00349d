"""Pinned quality floor on the shared cleaning benchmark (about 10 s; skipped without ../shared)."""

from __future__ import annotations

import re

import pytest

from pipeline.bench.cleaning import OTHER_LANGUAGES_PREFIX, run_cleaning_bench

# Measured 0.910 when pinned (docs/cleaning.md; 0.898 before the sentence rule); the target is 0.88.
# Raise the floor when the cleaner improves; never lower it to make a change pass.
F1_FLOOR = 0.90
# The 20 pages in other languages: 0.178 with English stop words alone, 0.816 with each language's
# stop words and sentence ends counting as prose (docs/cleaning.md).
OTHER_LANGUAGES_F1_FLOOR = 0.78


@pytest.mark.slow
def test_cleaning_benchmark_floor(shared_dir):
    if not (shared_dir / "bench" / "cleaning" / "score.py").is_file():
        pytest.skip("cleaning benchmark not available")
    lines: list[str] = []
    assert run_cleaning_bench(shared_dir=shared_dir, log=lines.append) == 0
    m = re.fullmatch(r"cleaning F1=([\d.]+) P=([\d.]+) R=([\d.]+) n=(\d+)", lines[-1])
    assert m, lines[-1]
    assert int(m.group(4)) == 160
    assert float(m.group(1)) >= F1_FLOOR
    other = next(line for line in lines if line.startswith(OTHER_LANGUAGES_PREFIX))
    m = re.search(r"cleaning F1=([\d.]+) .* n=(\d+)", other)
    assert m and int(m.group(2)) == 20 and float(m.group(1)) >= OTHER_LANGUAGES_F1_FLOOR, other
