"""Scale benchmark: the whole flow on N documents, per-stage time, and the model-bound limit.

``python -m pipeline bench scale --docs N`` builds a corpus of N documents from the texts under
``../shared`` (the seeds and every benchmark text; perturbed copies when N is larger, so that no
two documents are identical and no cache hides work), runs the flow on it in this process with
empty caches, then reruns it after adding one new document. In a fresh process it times the
model passes alone on the same cleaned texts: spaCy ``nlp.pipe`` with the same model, the texts
shared between processes as extraction shares them (``workers.forked_shares``), and the sentence
encoder over the distinct frames the flow embedded (in its fixed-shape batches: 48 s against 87 s
for sentence-transformers' own length-sorted batches of 64 over the 10,743 distinct frames of
1,000 documents, model load included). Their sum, over the flow's wall time, is
``model_bound_ratio``: how close the pipeline is to what the models alone cost on this machine. The last line::

    scale docs=N words=W wall_s=... words_per_s=... model_bound_ratio=R compare_share=C
    rerun_share=S report_s=... pairs_scored=P peak_rss_mb=M peak_pss_mb=Q [failed='phase: why']

``peak_rss_mb`` is the kernel's peak resident memory of this process plus that of its largest
child, a bound that overstates (``peak_rss_mb()``); ``peak_pss_mb`` is what the first run's
processes held at once, sampled (``TreeMemory``). The line comes after Prefect's temporary
server has stopped, also when a phase fails (then with what was measured up to that phase,
``n/a`` for the rest, and exit code 1).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")
# Stages charged to "compare" in compare_share: building claims and comparing them (embedding
# the frames is a model pass, counted with the models).
COMPARE_STAGES = ("claims", "compare")
MODEL_TIMEOUT_S = 3_600


def corpus_sources(shared_dir: Path) -> list[Path]:
    """Every article text of ../shared/seeds and ../shared/bench, in a stable order."""
    found = [p for folder in ("seeds", "bench") for p in sorted((Path(shared_dir) / folder).rglob("*"))
             if p.is_file() and p.suffix in TEXT_SUFFIXES and not p.name.endswith(".gold.txt")
             and p.name.lower() != "readme.md"]
    return sorted(found, key=lambda p: hashlib.sha256(str(p.relative_to(shared_dir)).encode()).hexdigest())


def perturbed(text: str, copy: int, seed: str) -> str:
    """A different document with the same make-up: one body paragraph dropped, two swapped."""
    if copy == 0:
        return text
    paragraphs = text.split("\n\n")
    rng = random.Random(f"{seed}:{copy}")
    body = list(range(min(3, len(paragraphs)), len(paragraphs)))
    if len(body) >= 3:
        paragraphs.pop(rng.choice(body[:-1]))
        i = rng.randrange(min(3, len(paragraphs)), len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    return "\n\n".join(paragraphs) + f"\n\n(Copy {copy}.)\n"


def build_corpus(shared_dir: Path, n: int, out_dir: Path, *, first: int = 0) -> list[Path]:
    """Documents ``first`` .. ``first + n - 1`` of the corpus, written to ``out_dir``."""
    sources = corpus_sources(shared_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for k in range(first, first + n):
        source = sources[k % len(sources)]
        copy = k // len(sources)
        text = source.read_text(encoding="utf-8", errors="replace")
        path = out_dir / f"{k:05d}_{source.stem[:40]}{source.suffix}"
        path.write_text(perturbed(text, copy, source.name), encoding="utf-8")
        written.append(path)
    return written


def peak_rss_mb() -> float:
    """Peak resident memory of this process plus the largest of its finished children, in MB: a
    bound that overstates what the run held. Linux gives a child that forks and then runs a new
    program (``subprocess``: the cleaning and report workers, Prefect's server) the RSS its parent
    had at the fork as its peak, and pages a forked child shares with its parent (spaCy's workers)
    count in both. ``TreeMemory`` measures what the processes held at once."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


# Seconds between two readings of the process tree's memory: a stage's peak lasts seconds. A
# reading walks each process's pages (about 20 ms for 1.4 GB): every 0.25 s it slowed spaCy's
# workers by a tenth (250 documents: 17.8 s against 16.1 s), every second not measurably (16.8 s
# against 17.2 s), with the same peak (1,191 MB against 1,188 MB).
MEMORY_SAMPLE_S = 1.0


class TreeMemory:
    """The peak, in MB, of the memory this process and all its descendants held at once, read
    every ``MEMORY_SAMPLE_S`` in a thread: the sum of their proportional set sizes (Linux's
    ``/proc/PID/smaps_rollup`` ``Pss``, each page shared by n processes counted 1/n in each).
    ``peak_mb`` is None where ``/proc`` gives no such reading."""

    def __init__(self, root: int | None = None):
        self.root = root or os.getpid()
        self.peak_mb: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="tree-memory", daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while True:
            held = tree_pss_mb(self.root)
            if held is not None:
                self.peak_mb = max(self.peak_mb or 0.0, held)
            if self._stop.wait(MEMORY_SAMPLE_S):
                return


def tree_pss_mb(root: int) -> float | None:
    """The proportional set sizes of ``root`` and its descendants now, summed, in MB."""
    total_kb = 0
    for pid in _descendants(root):
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:  # ended meanwhile, or no /proc
            if pid == root:
                return None
            continue
        total_kb += next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return total_kb / 1024


def _descendants(root: int) -> list[int]:
    """``root`` and every process below it (from each process's parent id in ``/proc/*/stat``)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


_MODEL_PASSES = r"""
import json, sys, time
from pathlib import Path
from pipeline.workers import die_with_parent
die_with_parent(int(sys.argv[2]))  # a killed benchmark leaves no model pass running on
job = json.loads(Path(sys.argv[1]).read_text())
t0 = time.perf_counter()
from pipeline.extract.nlp import load_nlp
from pipeline.workers import forked_shares
nlp = load_nlp()
def parse(texts, here):
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return [None] * len(texts)
forked_shares(parse, job["texts"], cost=lambda text: len(text.split()), workers=job["n_process"])
t1 = time.perf_counter()
from pipeline.extract import encoder
encoder.encode(job["frames"])
t2 = time.perf_counter()
print(json.dumps({"spacy_s": t1 - t0, "encoder_s": t2 - t1}))
"""


def model_passes_alone(texts: list[str], frames: list[list[str]], n_process: int, work: Path) -> dict[str, float]:
    """spaCy over the texts and the encoder over the distinct frames (each is encoded once, as
    in the flow), models loaded included, in a fresh process so nothing is warm."""
    job = work / "model_job.json"
    job.write_text(json.dumps({"texts": texts, "frames": list(dict.fromkeys(f for doc in frames for f in doc)),
                                "n_process": n_process}), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _MODEL_PASSES, str(job), str(os.getpid())], capture_output=True,
                          text=True, timeout=MODEL_TIMEOUT_S, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def frames_of_run(raw_dir: Path, cache_dir: Path) -> tuple[list[str], list[list[str]]]:
    """The cleaned texts spaCy read and the frames the encoder embedded, rebuilt with the
    pipeline's own functions (extraction comes from the run's cache)."""
    from pipeline import clean, compare, ingest
    from pipeline.flow import cached_mentions

    names = sorted(p.name for p in raw_dir.iterdir())
    ids = ingest.assign_doc_ids(names)
    docs = []
    for name in names:
        raw = ingest.read_document(name, (raw_dir / name).read_bytes(), doc_id=ids[name])
        doc = clean.clean_document(raw)
        if not raw.problem and not clean.why_unusable(doc):
            docs.append(doc)
    mentions = cached_mentions(docs, cache_dir)
    kept = [d for d in docs if d.doc_id in mentions]
    claims = compare.build_claims(kept, [mentions[d.doc_id] for d in kept])
    return [d.text for d in kept], list(compare.embedding_texts(claims).values())


@dataclass
class ScaleRun:
    """What one scale run measured so far; ``line()`` reports it whatever stage it reached."""

    docs: int
    words: int = 0
    wall_s: float = 0.0
    model_s: float | None = None
    compare_s: float = 0.0
    rerun_s: float | None = None
    report_s: float = 0.0
    pairs_scored: int | None = None  # pairs compare computed a score for in the first run (not alike ones)
    peak_rss_mb: float = 0.0  # after the first flow run: a bound (``peak_rss_mb()``)
    peak_pss_mb: float | None = None  # what the first flow run's processes held at once (``TreeMemory``)
    failed: str = ""  # "<phase>: <why>" when a phase raised

    def line(self) -> str:
        def ratio(part: float | None) -> str:
            return f"{part / self.wall_s:.2f}" if part is not None and self.wall_s else "n/a"

        words_per_s = f"{self.words / self.wall_s:.0f}" if self.wall_s else "n/a"
        out = (f"scale docs={self.docs} words={self.words} wall_s={self.wall_s:.1f} words_per_s={words_per_s} "
               f"model_bound_ratio={ratio(self.model_s)} compare_share={ratio(self.compare_s)} "
               f"rerun_share={ratio(self.rerun_s)} report_s={self.report_s:.1f} "
               f"pairs_scored={self.pairs_scored if self.pairs_scored is not None else 'n/a'} "
               f"peak_rss_mb={self.peak_rss_mb:.0f} "
               f"peak_pss_mb={f'{self.peak_pss_mb:.0f}' if self.peak_pss_mb is not None else 'n/a'}")
        return out + (f" failed={self.failed!r}" if self.failed else "")


def run_scale_bench(*, shared_dir: Path, docs: int, log: Callable[[str], None], keep: Path | None = None) -> int:
    """The phases in turn; the score line is printed last, after Prefect's temporary server has
    stopped, also when a phase fails (with what was measured up to it and ``failed=...``)."""
    from pipeline import prefect_env

    if not Path(shared_dir).is_dir():
        log(f"scale benchmark: {shared_dir} not found")
        return 2
    run = ScaleRun(docs)
    phase = "corpus"
    try:
        with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
            work = Path(keep) if keep else Path(tmp)
            for phase in ("flow", "models alone", "rerun"):
                _PHASES[phase](run, Path(shared_dir), work, log)
    except Exception as exc:  # the line still comes, with the reason
        run.failed = f"{phase}: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    finally:
        prefect_env.stop_temporary_server()  # its "Stopping temporary server" message before our line
        run.peak_rss_mb = run.peak_rss_mb or peak_rss_mb()
        log(run.line())
    return 1 if run.failed else 0


def _flow_phase(run: ScaleRun, shared_dir: Path, work: Path, log: Callable[[str], None]) -> None:
    from pipeline.flow import run_pipeline_warm

    raw = work / "raw"
    build_corpus(shared_dir, run.docs, raw)
    log(f"scale: {run.docs} documents in {raw}; running the flow with empty caches ...")
    start = time.perf_counter()
    with TreeMemory() as memory:
        summary = run_pipeline_warm(raw_dir=raw, **_outputs(work))
    run.wall_s = time.perf_counter() - start
    run.peak_pss_mb = memory.peak_mb
    run.peak_rss_mb = peak_rss_mb()  # of the flow's run (the rerun holds a second run's objects too)
    run.words = summary.words_raw
    stages = summary.stage_seconds
    run.compare_s = sum(stages.get(s, 0.0) for s in COMPARE_STAGES)
    run.report_s = stages.get("report", 0.0)
    run.pairs_scored = summary.pairs_scored
    log(f"  {summary.ok} of {summary.documents} documents ok; {summary.words_raw:,} words raw, "
        f"{summary.words_clean:,} kept; {summary.claims:,} claims, {summary.findings:,} findings")
    _log_stages(stages, run.wall_s, log)
    if summary.ok == 0 or summary.report_error:
        raise RuntimeError(summary.reason or summary.report_error)


def _models_phase(run: ScaleRun, shared_dir: Path, work: Path, log: Callable[[str], None]) -> None:
    from pipeline import clean, extract

    texts, frames = frames_of_run(work / "raw", work / "cache")
    n_process = extract.processes_for(sum(clean.count_words(t) for t in texts))
    alone = model_passes_alone(texts, frames, n_process, work)
    run.model_s = alone["spacy_s"] + alone["encoder_s"]
    log(f"  models alone: spaCy {alone['spacy_s']:.1f} s ({n_process} process(es)), "
        f"encoder {alone['encoder_s']:.1f} s over {len({f for doc in frames for f in doc}):,} distinct frames "
        f"({sum(map(len, frames)):,} in all)")


def _rerun_phase(run: ScaleRun, shared_dir: Path, work: Path, log: Callable[[str], None]) -> None:
    from pipeline.flow import run_pipeline_warm

    build_corpus(shared_dir, 1, work / "raw", first=run.docs)  # one new document
    start = time.perf_counter()
    summary = run_pipeline_warm(raw_dir=work / "raw", **_outputs(work))
    run.rerun_s = time.perf_counter() - start
    log(f"  rerun after adding one document: {run.rerun_s:.1f} s")
    _log_stages(summary.stage_seconds, run.rerun_s, log)


def _log_stages(stages: dict[str, float], wall_s: float, log: Callable[[str], None]) -> None:
    """Each stage's seconds and share of the run; what is left of the wall time is Prefect's."""
    for stage, seconds in [("prefect (server, tasks)", wall_s - sum(stages.values())), *stages.items()]:
        log(f"  {stage:<24} {seconds:7.1f} s  {seconds / wall_s:6.1%}")


def _outputs(work: Path) -> dict[str, Path]:
    return {"processed_dir": work / "processed", "reports_dir": work / "reports", "cache_dir": work / "cache"}


_PHASES = {"flow": _flow_phase, "models alone": _models_phase, "rerun": _rerun_phase}
