"""Compare benchmark: ingest -> clean -> extract -> compare on every set of ``bench/compare/sets``.

Each set's ``documents.csv``, ``claims.csv`` and ``findings.csv`` go to a temporary folder (or
``--keep DIR``), then the benchmark's own ``score.py`` scores them against ``gold/<set>.yaml``.
One line per set, then the total: ``compare recall=R precision=P top=T traps=N predicted=P
unmatched=U sets=N``, where precision is supported / predicted conflicts (every key is
``conflicts_complete``) and top the number of sets whose first finding is a key disagreement. The
stages run as plain functions in this process (the models are loaded once for all sets), exactly
as the flow's tasks call them; no report is rendered.

The verdict model (``compare/verdict.py``) is fitted here on the keys:

- ``--fit`` drafts every set's disagreements and updates without the model, labels each one with
  the scorer's own rule (does it join two sides of a key disagreement or update?), fits a logistic
  regression over the drafts' features, writes ``pipeline/data/conflict_model.json`` and scores
  every set with it (in-sample figures).
- ``--loso`` scores each set with a model fitted on the other sets only (leave one set out): the
  figure that predicts coverage the model has never seen, printed as ``compare-loso ...``.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline import clean, compare, extract, ingest, resources, schema
from pipeline.compare.ranking import publish
from pipeline.compare.registry import CLAIM_KINDS
from pipeline.compare.verdict import FEATURES, MODEL_FILE, ConflictModel, conflict_features, is_judged
from pipeline.documents import CleanDocument, Comparison, Mentions
from pipeline.extract.encoder import encode

BENCH_SUBDIR = ("bench", "compare")
SCORER_TIMEOUT_S = 120
_SCORE_LINE = re.compile(r"compare findings=(\d+)/(\d+) traps=(\d+) predicted=(\d+) unmatched=(\d+)"
                         r"(?: conflicts=(\d+) supported=(\d+) top=(\d))?")
# Logistic regression: L2 strength (sklearn's C). 0.05 and 0.5 rank the held-out sets alike
# (top 11/17 leaving one set out); the stronger one is kept for 70 training drafts.
REGULARISATION_C = 0.05


@dataclass(frozen=True)
class SetScore:
    name: str
    found: int
    gold: int
    traps: int
    predicted: int
    unmatched: int
    conflicts: int
    supported: int
    top: int
    details: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


@dataclass(frozen=True)
class PreparedSet:
    """A set run up to its claims and vectors, so that it can be compared under several models."""

    name: str
    documents: tuple[schema.DocumentRow, ...]
    docs: tuple[CleanDocument, ...]
    mentions: tuple[Mentions, ...]
    claims: tuple[compare.Claim, ...]
    vectors: dict


@dataclass(frozen=True)
class Draft:
    """One drafted disagreement or update: its features and whether the key supports it."""

    set_name: str
    features: tuple[float, ...]
    supported: bool


def prepare_set(set_dir: Path, encoder: Callable | None = None) -> PreparedSet:
    """The stages on one folder of articles, up to the claims and their frames' vectors."""
    files = sorted(p for p in set_dir.iterdir() if p.is_file() and ingest.is_input_file(p.name))
    ids = ingest.assign_doc_ids(p.name for p in files)
    raws = [ingest.read_document(p.name, p.read_bytes(), doc_id=ids[p.name]) for p in files]
    cleaned = [clean.clean_document(r) for r in raws if not r.problem]
    mentions = extract.extract_mentions(cleaned)
    claims = compare.build_claims(cleaned, mentions)
    vectors = compare.encode_texts(compare.embedding_texts(claims), encoder)
    by_id = {d.doc_id: d for d in cleaned}
    rows = tuple(
        schema.DocumentRow(r.doc_id, r.source_file, r.sha256, "ok" if r.doc_id in by_id else "error", r.problem,
                           by_id[r.doc_id].meta.title if r.doc_id in by_id else "", "", "", "", 0, 0)
        for r in raws
    )
    return PreparedSet(set_dir.name, rows, tuple(cleaned), tuple(mentions), tuple(claims), vectors)


def compare_set(prepared: PreparedSet, *, judged: bool = True, model: ConflictModel | None = None) -> Comparison:
    return compare.compare_claims(prepared.docs, prepared.mentions, prepared.claims, prepared.vectors,
                                  judged=judged, conflict_model=model)


def write_set(prepared: PreparedSet, comparison: Comparison, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data, row_type in (("documents.csv", prepared.documents, schema.DocumentRow),
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
    found, total, traps, predicted, unmatched = map(int, m.groups()[:5])
    conflicts, supported, top = (int(x or 0) for x in m.groups()[5:])
    return SetScore(gold.stem, found, total, traps, predicted, unmatched, conflicts, supported, top,
                    tuple(lines[:-1]))


# ---------------------------------------------------------------- labels and the model


def _load_scorer(path: Path):
    """The benchmark's score.py as a module, to label drafts with its own matching rule."""
    spec = importlib.util.spec_from_file_location("compare_bench_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def label_drafts(prepared: PreparedSet, gold: dict, scorer) -> list[Draft]:
    """Every drafted disagreement and update of a set (no model), with its features and whether it
    joins two sides of a key disagreement or update (the scorer's "supported")."""
    positions = {entry.kind: entry.positions for entry in CLAIM_KINDS}
    drafts = compare.draft_findings(prepared.docs, prepared.mentions, prepared.claims, prepared.vectors)
    by_claims = {tuple(c.row.claim_id for c in f.claims): f for f in drafts if is_judged(f)}
    findings = publish(drafts, {d.doc_id: d.text for d in prepared.docs}, positions)
    scorer.MENTION.clear()
    scorer.MENTION.update({c.row.claim_id: c.row.text for c in prepared.claims})
    doc_of_key = _doc_of_key(gold, prepared.documents)
    keyed = [g for g in gold.get("findings") or [] if g.get("kind") in ("disagreement", "superseded")]
    out = []
    for finding in findings:
        draft = by_claims.get(tuple(st.claim_id for st in finding.statements))
        if draft is None:
            continue
        rows = [{"doc_id": st.doc_id, "quote": st.quote, "claim_id": st.claim_id, "side": st.side}
                for st in finding.statements]
        supported = any(_joins_two_sides(rows, scorer.sides_of(g), doc_of_key, scorer) for g in keyed)
        values = conflict_features(draft, positions[draft.claims[0].kind])
        out.append(Draft(prepared.name, tuple(values[name] for name in FEATURES), supported))
    return out


def _doc_of_key(gold: dict, documents: Sequence[schema.DocumentRow]) -> dict[str, str]:
    keys = {k for g in gold.get("findings") or [] for side in (g.get("sides") or [g.get("docs", {})]) for k in side}
    out = {}
    for key in keys:
        for row in documents:
            name = Path(row.source_file).name
            if name == key or name.rsplit(".", 1)[0] == key or name.startswith(key + "_"):
                out[key] = row.doc_id
    return out


def _joins_two_sides(rows: list[dict], sides: list[dict], doc_of_key: dict[str, str], scorer) -> bool:
    """The scorer's "supported": statements matching two sides of the key item, on different sides."""
    hit_sides = []
    for side in sides:
        matched = {r["side"] for r in rows for key, phrases in side.items()
                   if scorer.matches(r, doc_of_key, key, phrases)}
        if matched:
            hit_sides.append(matched)
    return any(a != b for i, x in enumerate(hit_sides) for y in hit_sides[i + 1:] for a in x for b in y)


def fit_model(drafts: Sequence[Draft]) -> ConflictModel:
    """Logistic regression on standardised features, classes balanced. Deterministic (lbfgs, no
    randomness)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([d.features for d in drafts], dtype=float)
    y = np.array([d.supported for d in drafts], dtype=int)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    fitted = LogisticRegression(C=REGULARISATION_C, class_weight="balanced", max_iter=2000)
    fitted.fit((x - mean) / scale, y)
    return ConflictModel(FEATURES, tuple(round(float(v), 6) for v in mean), tuple(round(float(v), 6) for v in scale),
                         tuple(round(float(v), 6) for v in fitted.coef_[0]), round(float(fitted.intercept_[0]), 6))


# ---------------------------------------------------------------- the command


def run_compare_bench(*, shared_dir: Path, log: Callable[[str], None], keep: Path | None = None,
                      only: str = "", details: bool = False, use_encoder: bool = True, fit: bool = False,
                      loso: bool = False, sets_dirs: Sequence[Path] = (),
                      sweep: Sequence[tuple[str, tuple[float, ...]]] = ()) -> int:
    """Run and score every set (with the packaged model, a freshly fitted one, or leave one set
    out); the last line logged is the total. ``sets_dirs`` hold sets and keys in the benchmark's
    layout (``sets/``, ``gold/``: our own stories, the benchmark itself), scored by the same
    ``score.py``. ``sweep`` runs compare once per value of each named constant instead
    (``sweep_constant``)."""
    scorer_path = shared_dir.joinpath(*BENCH_SUBDIR) / "score.py"
    for name, _values in sweep:
        if not isinstance(getattr(_compare_module(name), name.rpartition(".")[2], None), int | float):
            log(f"error: {name} is no number of pipeline.compare")
            return 2
    gold = _set_keys(sets_dirs or [shared_dir.joinpath(*BENCH_SUBDIR)], only)
    t0 = time.perf_counter()
    prepared = []
    for set_dir in gold:
        prepared.append(prepare_set(set_dir, encode if use_encoder else None))
        log(f"{set_dir.name}: {len(prepared[-1].docs)} documents, {len(prepared[-1].claims)} claims")
    keys = {p.name: gold[set_dir] for p, set_dir in zip(prepared, gold, strict=True)}
    if sweep:
        for name, values in sweep:
            sweep_constant(prepared, keys, scorer_path, name, values, log)
        log(f"({time.perf_counter() - t0:.0f} s)")
        return 0
    models: dict[str, ConflictModel | None] = {p.name: None for p in prepared}
    if fit or loso:
        import yaml

        scorer = _load_scorer(scorer_path)
        drafts = {p.name: label_drafts(p, yaml.safe_load(keys[p.name].read_text("utf-8")), scorer) for p in prepared}
        all_drafts = [d for ds in drafts.values() for d in ds]
        log(f"drafts: {len(all_drafts)} disagreements and updates, {sum(d.supported for d in all_drafts)} "
            "supported by the keys")
        if fit:
            model = fit_model(all_drafts)
            path = resources.data_path(MODEL_FILE)
            path.write_text(model.to_json(fitted_on=[p.name for p in prepared], drafts=len(all_drafts),
                                          command="python -m pipeline bench compare --fit"), encoding="utf-8")
            log(f"model: written to {path}")
            models = {p.name: model for p in prepared}
        else:
            models = {p.name: fit_model([d for name, ds in drafts.items() if name != p.name for d in ds])
                      for p in prepared}
    scores: list[SetScore] = []
    with tempfile.TemporaryDirectory(prefix="compare-bench-") as tmp:
        root = keep or Path(tmp)
        for p in prepared:
            out = root / p.name
            write_set(p, compare_set(p, model=models[p.name]), out)
            s = score_set(scorer_path, keys[p.name], out)
            scores.append(s)
            log(f"{s.name}: found={s.found}/{s.gold} recall={s.recall:.2f} traps={s.traps} "
                f"conflicts={s.conflicts} supported={s.supported} top={s.top} predicted={s.predicted} "
                f"unmatched={s.unmatched}")
            if details:
                for line in s.details:
                    log(f"    {line}")
    log(f"({time.perf_counter() - t0:.0f} s; worst set recall {min((s.recall for s in scores), default=0):.2f})")
    log(_total_line("compare-loso" if loso else "compare", scores))
    return 0


def _set_keys(folders: Sequence[Path], only: str) -> dict[Path, Path]:
    """Each set folder (``<folder>/sets/<set>``) with its key (``<folder>/gold/<set>.yaml``), by name."""
    found: dict[Path, Path] = {}
    for folder in folders:
        for set_dir in sorted(p for p in (folder / "sets").iterdir() if p.is_dir() and only in p.name):
            if any(d.name == set_dir.name for d in found):
                raise ValueError(f"two sets named {set_dir.name}")
            found[set_dir] = folder / "gold" / f"{set_dir.name}.yaml"
    return found


# ---------------------------------------------------------------- fitting a constant end to end

# What a constant's value earns on one set: items found, a first finding that is a key one, less each
# conflict no key supports and three for each trap (sessions 32 and 45 chose constants so).
def sweep_objective(s: SetScore) -> int:
    return s.found + s.top - (s.conflicts - s.supported) - 3 * s.traps


def sweep_constant(prepared: Sequence[PreparedSet], keys: dict[str, Path], scorer_path: Path, name: str,
                   values: Sequence[float], log: Callable[[str], None]) -> dict[str, float]:
    """Compare every set once per value of the constant ``name`` ("align.FIGURE_ALIGN_MIN": a module
    of ``pipeline.compare`` and a name in it, read when comparing, not when building claims), one
    line per value; then each set scored with the value best on the other sets (ties keep the value
    in place): the leave-one-set-out line, and the value each set got."""
    module, constant = _compare_module(name), name.rpartition(".")[2]
    current = getattr(module, constant)
    grid = sorted({*values, current})
    results: dict[float, dict[str, SetScore]] = {}
    try:
        for value in grid:
            setattr(module, constant, value)
            with tempfile.TemporaryDirectory(prefix="compare-sweep-") as tmp:
                results[value] = {p.name: score_set(scorer_path, keys[p.name], _written(p, Path(tmp)))
                                  for p in prepared}
            log(_total_line(f"sweep {name}={value}", list(results[value].values())))
    finally:
        setattr(module, constant, current)
    chosen = choose_leaving_one_out(results, current)
    log(_total_line(f"sweep-loso {name}", [results[chosen[p.name]][p.name] for p in prepared]))
    moved = {set_name: value for set_name, value in chosen.items() if value != current}
    log(f"sweep-loso {name}: {current} in {len(chosen) - len(moved)} of {len(chosen)} folds"
        + (f"; other values: {moved}" if moved else ""))
    return chosen


def _compare_module(name: str) -> object | None:
    """The module of ``pipeline.compare`` a constant's name begins with ("align" of "align.X")."""
    try:
        return importlib.import_module(f"pipeline.compare.{name.rpartition('.')[0]}")
    except ImportError:
        return None


def _written(p: PreparedSet, root: Path) -> Path:
    write_set(p, compare_set(p), root / p.name)
    return root / p.name


def choose_leaving_one_out(results: dict[float, dict[str, SetScore]], current: float) -> dict[str, float]:
    """For each set, the value whose objective summed over the other sets is highest (the value in
    place when others only tie it)."""
    sets = list(next(iter(results.values())))
    chosen = {}
    for held in sets:
        def others(value: float, held: str = held) -> int:
            return sum(sweep_objective(s) for name, s in results[value].items() if name != held)
        chosen[held] = max(results, key=lambda v: (others(v), v == current))
    return chosen


def _total_line(label: str, scores: Sequence[SetScore]) -> str:
    found, gold = sum(s.found for s in scores), sum(s.gold for s in scores)
    conflicts, supported = sum(s.conflicts for s in scores), sum(s.supported for s in scores)
    precision = supported / conflicts if conflicts else math.nan
    return (f"{label} recall={found / gold if gold else 0:.3f} precision={precision:.3f} "
            f"top={sum(s.top for s in scores)}/{len(scores)} traps={sum(s.traps for s in scores)} "
            f"predicted={sum(s.predicted for s in scores)} unmatched={sum(s.unmatched for s in scores)} "
            f"sets={len(scores)}")
