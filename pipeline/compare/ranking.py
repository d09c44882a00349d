"""Ranking: the findings in the order a reader checks them, numbered and typed for the report.

Disagreements and updates come before corroborations, each by its importance (``importance``);
every statement is put on a side (``sides``) with its kind's notion of "the same value".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.compare.claims import Claim, Quantity
from pipeline.compare.model import DraftFinding
from pipeline.compare.sides import Positions, assign_sides
from pipeline.documents import Finding, Statement
from pipeline.vocab import kinds
from pipeline.vocab.kinds import ClaimKind


def _value_text(c: Claim) -> str:
    r = c.row
    if c.kind != ClaimKind.NUMBER:
        return r.value
    if r.value_max and r.value_max != r.value:
        return f"{r.value}-{r.value_max}"
    prefix = {"at_least": ">=", "more_than": ">", "at_most": "<=", "less_than": "<", "approx": "~"}
    return prefix.get(r.qualifier, "") + r.value


# Corroborations rank below every disagreement and update: a reader checks what is disputed first.
def rank_key(f: DraftFinding) -> tuple:
    """Disagreements and updates of what happened, then names spelled two ways, then agreements
    (``vocab.kinds`` tiers); within a tier by importance weighed by the verdict's confidence."""
    return (kinds.kind(f.kind).tier, -f.score * f.confidence, f.kind, f.topic, [c.row.claim_id for c in f.claims])


def publish(findings: Sequence[DraftFinding], texts: Mapping[str, str],
            positions: Mapping[str, Positions]) -> tuple[Finding, ...]:
    """Rank findings (score, then stable keys), number them F001, F002, ... and type their
    statements, each on a side (``positions``: per claim kind, which statements say the same)."""
    out: list[Finding] = []
    for rank, f in enumerate(sorted(findings, key=rank_key), start=1):
        sides = assign_sides(f.kind, f.claims, positions[f.claims[0].kind])
        statements = tuple(_statement(c, side, texts[c.doc_id]) for c, side in zip(f.claims, sides, strict=True))
        out.append(Finding(f"F{rank:03d}", f.kind, f.topic, f.note, rank, f.score, statements))
    return tuple(out)


def _statement(c: Claim, side: str, text: str) -> Statement:
    quote = text[c.quote_start:c.quote_end]
    assert quote == c.row.quote, "quote must be an exact substring of the clean text"
    r = c.row
    number = number_max = None
    if c.kind == ClaimKind.NUMBER and not c.value.zero_gap:
        number = float(r.value)
        number_max = float(r.value_max) if r.value_max else None
    return Statement(
        doc_id=c.doc_id, claim_id=r.claim_id, value_kind=c.kind, value=_value_text(c),
        unit=c.value.unit if isinstance(c.value, Quantity) else "",
        as_of=c.as_of, quote=quote, quote_start=c.quote_start, quote_end=c.quote_end, mention=r.text,
        mention_start=r.start, mention_end=r.end, published=c.published, side=side, number=number,
        number_max=number_max, qualifier=r.qualifier,
    )
