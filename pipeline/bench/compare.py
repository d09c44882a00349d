"""Compare benchmark: ingest -> clean -> extract -> compare on every set of ``bench/compare/sets``.

Each set's ``documents.csv`` and ``findings.csv`` go to a temporary folder (or ``--keep DIR``),
then the benchmark's own ``score.py`` scores them against ``gold/<set>.yaml``. One line per set,
then the total: ``compare recall=R traps=T predicted=P unmatched=U sets=N``. The stages run as
plain functions in this process (the model is loaded once for all sets), exactly as the flow's
tasks call them; no report is rendered.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline import clean, compare, extract, ingest, schema
from pipeline.extract.encoder import encode

BENCH_SUBDIR = ("bench", "compare")
SCORER_TIMEOUT_S = 120
_SCORE_LINE = re.compile(r"compare findings=(\d+)/(\d+) traps=(\d+) predicted=(\d+) unmatched=(\d+)")


@dataclass(frozen=True)
class SetScore:
    name: str
    found: int
    gold: int
    traps: int
    predicted: int
    unmatched: int
    details: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def run_set(set_dir: Path, out_dir: Path, encoder: Callable | None = None) -> None:
    """The stages on one folder of articles; writes documents.csv and findings.csv into ``out_dir``."""
    files = sorted(p for p in set_dir.iterdir() if p.is_file() and ingest.is_input_file(p.name))
    ids = ingest.assign_doc_ids(p.name for p in files)
    raws = [ingest.read_document(p.name, p.read_bytes(), doc_id=ids[p.name]) for p in files]
    cleaned = [clean.clean_document(r) for r in raws if not r.problem]
    mentions = extract.extract_mentions(cleaned)
    comparison = compare.compare_documents(cleaned, mentions, encoder=encoder)
    by_id = {d.doc_id: d for d in cleaned}
    rows = [
        schema.DocumentRow(r.doc_id, r.source_file, r.sha256, "ok" if r.doc_id in by_id else "error", r.problem,
                           by_id[r.doc_id].meta.title if r.doc_id in by_id else "", "", "", "", 0, 0)
        for r in raws
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data, row_type in (("documents.csv", rows, schema.DocumentRow),
                                 ("findings.csv", comparison.finding_rows(), schema.FindingRow),
                                 ("claims.csv", comparison.claims, schema.ClaimRow)):
        schema.to_frame(data, row_type).to_csv(out_dir / name, index=False, lineterminator="\n")


def score_set(scorer: Path, gold: Path, out_dir: Path) -> SetScore:
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(out_dir)], capture_output=True, text=True,
                          timeout=SCORER_TIMEOUT_S)
    lines = done.stdout.strip().splitlines()
    m = _SCORE_LINE.search(lines[-1]) if lines else None
    if m is None:
        raise RuntimeError(f"scorer failed on {gold.name}: {done.stderr.strip() or done.stdout.strip()}")
    found, total, traps, predicted, unmatched = map(int, m.groups())
    return SetScore(gold.stem, found, total, traps, predicted, unmatched, tuple(lines[:-1]))


def run_compare_bench(*, shared_dir: Path, log: Callable[[str], None], keep: Path | None = None,
                      only: str = "", details: bool = False, use_encoder: bool = True) -> int:
    """Run and score every set; the last line logged is the total."""
    bench = shared_dir.joinpath(*BENCH_SUBDIR)
    scorer = bench / "score.py"
    sets = sorted(p for p in (bench / "sets").iterdir() if p.is_dir() and only in p.name)
    scores: list[SetScore] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="compare-bench-") as tmp:
        root = keep or Path(tmp)
        for set_dir in sets:
            out = root / set_dir.name
            run_set(set_dir, out, encode if use_encoder else None)
            s = score_set(scorer, bench / "gold" / f"{set_dir.name}.yaml", out)
            scores.append(s)
            log(f"{s.name}: found={s.found}/{s.gold} recall={s.recall:.2f} traps={s.traps} "
                f"predicted={s.predicted} unmatched={s.unmatched}")
            if details:
                for line in s.details:
                    log(f"    {line}")
    found = sum(s.found for s in scores)
    gold = sum(s.gold for s in scores)
    log(f"({time.perf_counter() - t0:.0f} s; worst set recall "
        f"{min((s.recall for s in scores), default=0):.2f})")
    log(f"compare recall={found / gold if gold else 0:.3f} traps={sum(s.traps for s in scores)} "
        f"predicted={sum(s.predicted for s in scores)} unmatched={sum(s.unmatched for s in scores)} sets={len(scores)}")
    return 0
