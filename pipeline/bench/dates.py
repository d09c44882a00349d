"""``bench dates``: the project's date extraction against TempEval-3 TIMEX3 gold.

Runs the same code the flow runs (``load_nlp`` + ``nlp.pipe`` + ``extract_dates``) on a split's
documents with each document's creation time as the publication date, writes the prediction
CSV the shared scorer reads, runs ``score.py`` and relays its output; the scorer's last line
(``dates value-F1=... span-F1=... n=...``) is the last line logged.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from pipeline.extract.dates import extract_dates
from pipeline.extract.nlp import load_nlp

SPLITS = ("test", "dev")
BATCH_SIZE = 16


def predict_split(split_dir: Path) -> list[list[object]]:
    """Prediction rows (doc, start, end, text, value) for every document of a split."""
    docs = [json.loads(line) for line in (split_dir / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line]
    texts = ((split_dir / d["text_file"]).read_text(encoding="utf-8") for d in docs)
    nlp = load_nlp()
    rows: list[list[object]] = []
    for meta, doc in zip(docs, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=False):
        # TimeML annotates a range as two expressions, so the benchmark asks for split ranges.
        for r in extract_dates(doc, doc_id=meta["doc"], published=meta["dct"][:10], split_ranges=True):
            if r.granularity != "time":  # the benchmark scores DATE expressions; times of day are TIME
                rows.append([meta["doc"], r.start, r.end, r.text, r.value])
    return rows


def run_dates_bench(
    *,
    split: str = "test",
    shared_dir: Path,
    log: Callable[[str], None],
    errors: bool = False,
    keep: Path | None = None,
) -> int:
    """Score the date extraction on ``split``; returns the scorer's exit code (2 on bad input)."""
    if split not in SPLITS:
        log(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
        return 2
    bench_dir = Path(shared_dir) / "bench" / "dates"
    scorer = bench_dir / "score.py"
    if not scorer.is_file() or not (bench_dir / split / "docs.jsonl").is_file():
        log(f"date benchmark not found under {bench_dir}")
        return 2
    rows = predict_split(bench_dir / split)
    with tempfile.TemporaryDirectory(prefix="bench-dates-") as tmp:
        pred = Path(keep) if keep else Path(tmp) / f"pred_{split}.csv"
        with pred.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["doc", "start", "end", "text", "value"])
            w.writerows(rows)
        cmd = [sys.executable, str(scorer), str(pred), "--split", split]
        if errors:
            cmd.append("--errors")
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    for ln in proc.stderr.splitlines():
        if ln.strip():
            log(ln)
    for ln in lines:
        log(ln)
    return proc.returncode
