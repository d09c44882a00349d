"""A finding as compare builds it, before ranking: a kind, a topic, the claims, a note, a score,
and (for a disagreement or update) the verdict model's probability that it is one."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.compare.claims import Claim


@dataclass(frozen=True)
class DraftFinding:
    kind: str
    topic: str
    claims: tuple[Claim, ...]
    note: str
    score: float
    confidence: float = 1.0  # verdict: the probability that a disagreement or update is real
