"""A finding as compare builds it, before ranking: a kind, a topic, the claims, a note, a score."""

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
