"""Study (session 48): can a model fitted on labelled figure pairs find the disagreements the hand-set
figure score misses, on coverage it was not fitted on?

Not part of the product. It reads the compare benchmark's 17 sets and our keyed stories, and for every
pair of figures of two documents that passes the hard constraints (``align.different_quantities``) with
values that differ, computes a few features and a label from the key: 1 when the two statements stand on
different sides of one key disagreement or update (the scorer's matching rule). Every key is
``conflicts_complete``, so a pair labelled 0 is no real disagreement. A classifier is fitted leaving one
group out (each benchmark set is a group, each story batch is one), and compare is run end to end with a
pair the hand score refuses accepted when the model's probability reaches a threshold.

    python bench/studies/pair_rescue.py --shared ../shared [--mode hand|rescue|gated] [--model lr|gbm]
        [--thr 0.85] [--show]

Figures and conclusions: docs/compare.md, "Session 48".
"""
from __future__ import annotations

import argparse
import collections
import math
import tempfile
from pathlib import Path

import numpy as np
import yaml

from pipeline.bench import compare as bench
from pipeline.compare import IDF_STEP, _sentence_corpus, align
from pipeline.extract.encoder import encode
from pipeline.textsim import TfIdf
from pipeline.vocab import timeml

STORIES = Path(__file__).resolve().parents[1] / "stories"
FAMILIES = ("count", "currency", "percent", "duration", "age", "length", "magnitude")
HAND_SCORE = align.figure_score
# Story batches written and scored before anything was read on them (s47f-s48i were read afterwards; s48j,
# written after this study's choices, was not): bench/stories/README.md.
SEALED = ("s47f", "s47g", "s48h", "s48i", "s48j")


def set_folders(shared: Path) -> list[tuple[str, Path, Path]]:
    """(group, set folder, key) for the benchmark's sets (one group each) and our stories (one group per batch)."""
    bench_root = shared / "bench" / "compare"
    return [(d.name if d.parent.parent == bench_root else d.name.split("_")[0], d, key)
            for d, key in bench._set_keys([bench_root, STORIES], "").items()]


def _peers(s: align.Scorer) -> dict[tuple[str, str], list[int]]:
    if not hasattr(s, "_study_peers"):
        by: dict[tuple[str, str], list[int]] = {}
        for k, c in enumerate(s.items):
            by.setdefault((c.doc_id, c.value.family), []).append(k)
        s._study_peers = by  # type: ignore[attr-defined]
    return s._study_peers  # type: ignore[attr-defined]


def pair_features(s: align.Scorer, i: int, j: int) -> dict[str, float]:
    """What the hand score reads, as numbers, and whether each figure is the other's closest (by frame)
    figure of its family in the other's document."""
    a, b = s.items[i], s.items[j]
    qa, qb = a.value, b.value
    frame, measure = s.frame(i, j), s.measure(i, j)
    ratio = align._value_ratio(a, b)
    noun_a, noun_b = (align._noun(q.unit) if q.unit else "" for q in (qa, qb))
    in_b = [k for k in _peers(s)[(b.doc_id, qb.family)] if k != j]
    in_a = [k for k in _peers(s)[(a.doc_id, qa.family)] if k != i]
    best_a, best_b = all(s.frame(k, j) <= frame for k in in_a), all(s.frame(i, k) <= frame for k in in_b)
    f = {
        "frame": frame, "context": s.context(i, j), "names": align.jaccard(a.subjects, b.subjects),
        "measure": measure or 0.0, "measure_none": float(measure is None),
        "same_concept": float(bool(a.concept) and a.concept == b.concept),
        "one_concept": float(bool(a.concept) != bool(b.concept)),
        "both_subject": float(bool(a.subject and b.subject)), "same_holder": float(align._same_holder(a, b)),
        "same_noun": float(bool(noun_a) and noun_a == noun_b),
        "nouns_differ": float(bool(noun_a and noun_b) and noun_a != noun_b),
        "one_bare": float(not (qa.unit or a.concept or a.measure_text) or not (qb.unit or b.concept or b.measure_text)),
        "log_ratio": min(abs(math.log(ratio)), 10.0) if ratio and ratio > 0 else 0.0,
        "same_event": float(align._date_one_happening(a, b)),
        "background": float(bool(a.background or b.background)), "headline": float(a.headline or b.headline),
        "same_published": float(a.published == b.published), "bound": float(bool(qa.bound or qb.bound)),
        "best_both": float(best_a and best_b), "best_one": float(best_a != best_b),
        "rivals": math.log1p(len(in_a) + len(in_b)),
        "days_apart": (math.log1p(abs(timeml.days_between(a.published, b.published)))
                       if a.published and b.published else 0.0),
    }
    raw = _score_without_bar(s, i, j)
    f["refused_by_a_gate"], f["score_without_bar"] = float(raw is None), raw or 0.0
    f.update({f"family_{fam}": float(qa.family == fam) for fam in FAMILIES})
    return f


def rival_pair(a, b) -> bool:
    """Two figures the study asks about: different documents, one family, possibly one quantity, values apart.
    Amounts in two currencies are left out: their values never meet (rates move), so they are never rivals."""
    return (a.doc_id != b.doc_id and a.value.family == b.value.family
            and not (a.value.family == "currency" and a.value.unit != b.value.unit)
            and not align.different_quantities(a, b) and not align.values_equal_loose(a, b))


def labelled_pairs(prepared: bench.PreparedSet, key: dict, score_module) -> list[dict]:
    items = [c for c in prepared.claims if c.kind == "number"]
    s = align.Scorer(items, prepared.vectors, TfIdf(_sentence_corpus(prepared.docs, prepared.mentions), step=IDF_STEP))
    score_module.MENTION.clear()
    score_module.MENTION.update({c.row.claim_id: c.row.text for c in prepared.claims})
    doc_of_key = bench._doc_of_key(key, prepared.documents)
    items_of_key = [g for g in key.get("findings") or [] if g.get("kind") in ("disagreement", "superseded")]

    def sides(c) -> set[tuple[str, int]]:
        row = {"doc_id": c.doc_id, "quote": c.row.quote, "claim_id": c.row.claim_id}
        return {(g["id"], k) for g in items_of_key for k, side in enumerate(score_module.sides_of(g))
                for name, phrases in side.items() if score_module.matches(row, doc_of_key, name, phrases)}

    where = [sides(c) for c in items]
    out = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if rival_pair(items[i], items[j]):
                label = any(x[0] == y[0] and x[1] != y[1] for x in where[i] for y in where[j])
                out.append({"pair": (items[i].row.claim_id, items[j].row.claim_id), "label": int(label),
                            "hand": int(HAND_SCORE(s, i, j) is not None), **pair_features(s, i, j)})
    return out


def fitter(kind: str):
    """A deterministic classifier: logistic regression on standardised features, or shallow boosted trees."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if kind == "lr":
        return make_pipeline(StandardScaler(), LogisticRegression(C=0.1, class_weight="balanced", max_iter=3000))
    return HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, max_iter=200, class_weight="balanced",
                                          random_state=0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--mode", choices=("hand", "rescue", "gated"), default="gated",
                    help="hand: the hand score alone; rescue: any refused pair; gated: only a pair refused by the "
                         "score's bar, not by its gates")
    ap.add_argument("--model", choices=("lr", "gbm"), default="gbm")
    ap.add_argument("--thr", type=float, default=0.85)
    ap.add_argument("--show", action="store_true", help="print each pair the model adds")
    ap.add_argument("--only", default="", help="score only the groups (story batches, or 'bench') starting so; "
                                               "the model is still fitted on every other group")
    args = ap.parse_args()
    score_module = bench._load_scorer(args.shared / "bench" / "compare" / "score.py")
    folders = set_folders(args.shared)
    prepared = {d: bench.prepare_set(d, encode) for _, d, _ in folders}
    rows = {d: labelled_pairs(prepared[d], yaml.safe_load(g.read_text("utf-8")), score_module) for _, d, g in folders}
    names = [k for k in next(r for r in rows.values() if r)[0] if k not in ("pair", "label", "hand")]
    print(f"pairs: {sum(map(len, rows.values()))}, labelled one disagreement: "
          f"{sum(r['label'] for rs in rows.values() for r in rs)}")
    model = {}

    def probability(s, i, j) -> float:
        x = np.array([[pair_features(s, i, j)[k] for k in names]])
        return float(model["fitted"].predict_proba(x)[0, 1])

    def figure_score(s, i, j):
        hand = HAND_SCORE(s, i, j)
        a, b = s.items[i], s.items[j]
        if args.mode == "hand" or hand is not None or not rival_pair(a, b) or probability(s, i, j) < args.thr:
            return hand
        if args.mode == "gated" and _score_without_bar(s, i, j) is None:
            return None
        if args.show:
            print(f"  added {a.doc_id} {a.text!r} / {b.doc_id} {b.text!r}: {a.row.quote[:70]!r} / {b.row.quote[:70]!r}")
        return align.FIGURE_ALIGN_MIN

    align.figure_score = figure_score
    scores = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for group, d, g in folders:
            if args.only and not (group if d.parent.parent.name != "compare" else "bench").startswith(args.only):
                continue
            train = [r for (gr, dd, _) in folders if gr != group for r in rows[dd]]
            model["fitted"] = fitter(args.model).fit(np.array([[r[k] for k in names] for r in train]),
                                                     np.array([r["label"] for r in train]))
            out = Path(tmp) / d.name
            bench.write_set(prepared[d], bench.compare_set(prepared[d]), out)
            scores["bench" if d.parent.parent.name == "compare" else group].append(
                bench.score_set(args.shared / "bench" / "compare" / "score.py", g, out))
    for name, group in scores.items():
        print(bench._total_line(name, group))
    print(bench._total_line("stories", [x for name, group in scores.items() if name != "bench" for x in group]))
    print(bench._total_line("sealed-at-writing", [x for name in SEALED for x in scores.get(name, [])]))


def _score_without_bar(s, i, j) -> float | None:
    """The hand score with its bar and its frame floor taken away: None when one of its gates refuses the pair."""
    saved = align.figure_align_min, align.DIFFERENT_VALUE_FRAME_MIN
    align.figure_align_min, align.DIFFERENT_VALUE_FRAME_MIN = (lambda a, b: -math.inf), -math.inf
    try:
        return HAND_SCORE(s, i, j)
    finally:
        align.figure_align_min, align.DIFFERENT_VALUE_FRAME_MIN = saved


if __name__ == "__main__":
    main()
