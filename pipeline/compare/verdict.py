"""Verdict: how likely a drafted disagreement or update is to be one a fact-checker would flag,
and so how high it ranks.

The finders draft a conflict whenever aligned statements state values that cannot both be true.
Many such drafts are not disagreements at all: three laptops' prices, the 13-inch and the 15-inch
model, a victim's age against a suspect's. Whether a draft is a real disagreement is decided by a
logistic model fitted on the compare benchmark's answer keys (``python -m pipeline bench compare
--fit`` writes ``data/conflict_model.json``), over features of the draft that say nothing of any
one story: its kind, how many positions and sources it has, whether single sources stand on
several sides (a source giving both values speaks of two things), whether it is about a central
measure, how far apart the values and the publication dates are, whether its statements are
background or headlines.

Disagreements and updates are ranked by importance times this probability, so the report opens
with the disagreement most likely to matter. No draft is dropped on the probability: measured
leaving one benchmark set out, a threshold fitted on the other sets did not raise the precision of
the conflicts on the set left out (0.39-0.41 against 0.39 with none) and cost recall, while the
ranking carried over (docs/compare.md, "Verdict model"). Without a model (``judge(..., None)``, as
when the model is fitted) every draft keeps probability 1.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipeline.compare.agreement import rel_diff
from pipeline.compare.claims import Quantity
from pipeline.compare.lexicon import Lexicon, load_lexicon
from pipeline.compare.model import DraftFinding
from pipeline.compare.sides import Positions
from pipeline.resources import data_text
from pipeline.vocab import kinds, timeml
from pipeline.vocab.kinds import Kind

MODEL_FILE = "conflict_model.json"

# The features, in the model file's order. Each is a number computed from the draft alone.
FEATURES: tuple[str, ...] = (
    "kind_numeric", "kind_date", "kind_account", "kind_assessment", "kind_superseded",
    "sides", "log_sources", "minority_share", "self_split", "central", "named_measure", "rel_diff",
    "log_importance", "log_spread_days", "headline_share", "background_share", "subject_share", "counted_noun",
)


def is_judged(f: DraftFinding) -> bool:
    """Drafts the model judges: disagreements and updates of what was said. Corroborations are not
    judged, nor names spelled two ways: a spelling is a fact of the texts themselves, decided by
    ``names`` (its bounds measured on the same keys), not a reading of what they state."""
    return kinds.kind(f.kind).section in ("conflict", "update") and f.kind != Kind.NAME_CONFLICT


def conflict_features(f: DraftFinding, positions: Positions, lexicon: Lexicon | None = None) -> dict[str, float]:
    """The features of one drafted disagreement or update."""
    lex = lexicon or load_lexicon()
    cs = f.claims
    groups = positions(cs)
    docs_per_side = [{cs[i].doc_id for i in g} for g in groups]
    docs = {c.doc_id for c in cs}
    sides_of_doc = {d: sum(d in side for side in docs_per_side) for d in docs}
    numbers = [c for c in cs if isinstance(c.value, Quantity)]
    published = sorted(p for c in cs if (p := timeml.parse_iso_date(c.published[:10])))
    return {
        "kind_numeric": float(f.kind == Kind.NUMERIC_CONFLICT),
        "kind_date": float(f.kind == Kind.DATE_CONFLICT),
        "kind_account": float(f.kind == Kind.ACCOUNT_CONFLICT),
        "kind_assessment": float(f.kind == Kind.ASSESSMENT_CONFLICT),
        "kind_superseded": float(f.kind == Kind.SUPERSEDED),
        "sides": float(len(groups)),
        "log_sources": math.log2(max(len(docs), 1)),
        "minority_share": min(map(len, docs_per_side)) / len(docs) if docs and docs_per_side else 0.0,
        "self_split": sum(n > 1 for n in sides_of_doc.values()) / len(docs) if docs else 0.0,
        "central": float(any(c.concept in lex.central for c in cs)),
        "named_measure": float(any(c.concept for c in cs)),
        "rel_diff": min(rel_diff(numbers), 1.0) if len(numbers) == len(cs) and numbers else 0.0,
        "log_importance": math.log1p(max(f.score, 0.0)),
        "log_spread_days": math.log1p((published[-1] - published[0]).days) if len(published) > 1 else 0.0,
        "headline_share": sum(c.headline for c in cs) / len(cs),
        "background_share": sum(bool(c.background) for c in cs) / len(cs),
        "subject_share": sum(bool(c.subject) for c in cs) / len(cs),
        "counted_noun": float(any(c.value.unit and c.value.family == "count" for c in numbers)),
    }


@dataclass(frozen=True)
class ConflictModel:
    """A logistic model over standardised features."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * (values[name] - m) / s for name, m, s, w
                                 in zip(self.features, self.mean, self.scale, self.weights, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def to_json(self, **provenance: object) -> str:
        return json.dumps({**dataclasses.asdict(self), **provenance}, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ConflictModel:
        data = json.loads(text)
        return cls(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]),
                   float(data["intercept"]))


@functools.lru_cache(maxsize=1)
def load_conflict_model() -> ConflictModel:
    """The packaged model (``data/conflict_model.json``)."""
    model = ConflictModel.from_json(data_text(MODEL_FILE))
    if model.features != FEATURES:
        raise ValueError(f"{MODEL_FILE} was fitted on other features: refit it "
                         "(python -m pipeline bench compare --fit)")
    return model


def judge(drafts: Sequence[DraftFinding], positions: Mapping[str, Positions],
          model: ConflictModel | None) -> list[DraftFinding]:
    """The drafts, each disagreement and update with the model's probability as its confidence
    (the ranking weighs its importance by it). Without a model, the drafts as they are."""
    if model is None:
        return list(drafts)
    def weighed(f: DraftFinding) -> DraftFinding:
        p = model.probability(conflict_features(f, positions[f.claims[0].kind]))
        return dataclasses.replace(f, confidence=round(p, 6))

    return [weighed(f) if is_judged(f) else f for f in drafts]
