"""Cleaning benchmark: run the cleaner on every page of ``bench/cleaning`` and score it.

The pages and the scorer live in the shared folder (never copied into the repo). Each page's
raw text goes through ``clean_document`` into a temporary folder; the benchmark's own
``score.py`` then compares it with the human-annotated article bodies. The scorer's output is
logged line by line, so the last line logged is the scorer's headline
(``cleaning F1=... P=... R=... n=160``), after the line of the pages in other languages
(``other languages: cleaning F1=... n=20``). ``--html`` reads the pages' original HTML instead, the
way the flow reads an HTML file (trafilatura, then our cleaner).
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipeline import ingest
from pipeline.clean import clean_document
from pipeline.documents import RawDocument
from pipeline.ingest import sha256_hex

BENCH_SUBDIR = ("bench", "cleaning")
# English pages are the benchmark's headline (extraction and compare read English); the pages in
# other languages (20) are scored on their own line, logged first with this prefix.
SCORE_LANG = "English"
OTHER_LANGUAGES_PREFIX = "other languages: "
SCORER_TIMEOUT_S = 600


def clean_pages(bench_dir: Path, out_dir: Path) -> int:
    """Clean every ``NAME.txt`` (not ``NAME.gold.txt``) of the benchmark into ``out_dir``; returns the count."""
    pages = sorted(p for p in bench_dir.glob("*.txt") if not p.name.endswith(".gold.txt"))
    for page in pages:
        data = page.read_bytes()
        text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
        raw = RawDocument(page.stem, page.name, sha256_hex(data), text)
        # The benchmark's gold is the article body without its headline.
        (out_dir / page.name).write_text(clean_document(raw).body, encoding="utf-8")
    return len(pages)


def clean_html_pages(bench_dir: Path, out_dir: Path) -> int:
    """The same pages from their original HTML, through ingest as the flow reads them (trafilatura,
    then our cleaner on its text); returns the count."""
    pages = sorted((bench_dir / "html").glob("*.html.gz"))
    for page in pages:
        name = page.name.removesuffix(".html.gz")
        raw = ingest.read_document(f"{name}.html", gzip.decompress(page.read_bytes()), doc_id=name)
        (out_dir / f"{name}.txt").write_text(clean_document(raw).body, encoding="utf-8")
    return len(pages)


def run_cleaning_bench(*, shared_dir: Path, log: Callable[[str], None], html: bool = False) -> int:
    """Clean all benchmark pages (their flattened text, or with ``html`` their original HTML), score
    them with ``score.py --lang English``; returns an exit code."""
    bench_dir = Path(shared_dir).joinpath(*BENCH_SUBDIR)
    scorer = bench_dir / "score.py"
    if not scorer.is_file():
        log(f"cleaning benchmark not found: {scorer}")
        return 2
    with tempfile.TemporaryDirectory(prefix="clean-bench-") as tmp:
        out_dir = Path(tmp)
        t0 = time.perf_counter()
        n = (clean_html_pages if html else clean_pages)(bench_dir, out_dir)
        elapsed = time.perf_counter() - t0
        log(f"cleaned {n} pages in {elapsed:.2f} s ({1000 * elapsed / max(n, 1):.1f} ms per page)")
        other = [x for lang in _other_languages(bench_dir) for x in ("--lang", lang)]
        others = _score(bench_dir, out_dir, other) if other else None
        proc = _score(bench_dir, out_dir, ["--lang", SCORE_LANG])
    if others is not None and others.returncode == 0 and others.stdout.strip():
        log(f"{OTHER_LANGUAGES_PREFIX}{others.stdout.strip().splitlines()[-1]}")
    for line in proc.stderr.splitlines():
        log(line)
    for line in proc.stdout.splitlines():
        log(line)
    return 0 if proc.returncode == 0 else 1


def _score(bench_dir: Path, out_dir: Path, languages: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "score.py", str(out_dir), *languages], cwd=bench_dir,
                          capture_output=True, text=True, timeout=SCORER_TIMEOUT_S, check=False)


def _other_languages(bench_dir: Path) -> list[str]:
    """The manifest's languages other than English (and not 'und', undetermined)."""
    manifest = bench_dir / "manifest.tsv"
    if not manifest.is_file():
        return []
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lang_i = lines[0].split("\t").index("lang")
    langs = {cols[lang_i] for cols in (ln.split("\t") for ln in lines[1:]) if len(cols) > lang_i}
    return sorted(langs - {SCORE_LANG, "und"})
