"""Ranking: the findings in the order a reader checks them, numbered and typed for the report.

Disagreements and updates come before corroborations, each by its importance (``importance``);
every statement is put on a side (``sides``) with its kind's notion of "the same value".
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from pipeline.compare.claims import Claim, Quantity, states_a_size
from pipeline.compare.model import DraftFinding
from pipeline.compare.sides import Positions, assign_sides
from pipeline.documents import Finding, Statement
from pipeline.vocab import kinds, units
from pipeline.vocab.kinds import ClaimKind


def _value_text(c: Claim) -> str:
    r = c.row
    if c.kind != ClaimKind.NUMBER:
        return r.value
    per = f" {units.rate_period(c.value.per)}" if c.value.per else ""  # a rate: "23000000 a year"
    if states_a_size(c):
        return f"{r.value} x {r.value_max}"  # a size, "1440 x 900"
    if r.value_max and r.value_max != r.value:
        vague = "~" if r.qualifier == "vague" else ""  # "a few days": about two to five
        return f"{vague}{r.value}-{r.value_max}{per}"
    prefix = {"at_least": ">=", "more_than": ">", "at_most": "<=", "less_than": "<", "approx": "~"}
    return prefix.get(r.qualifier, "") + r.value + per


# Corroborations rank below every disagreement and update: a reader checks what is disputed first.
def rank_key(f: DraftFinding) -> tuple:
    """Disagreements and updates of what happened, then names spelled two ways, then agreements
    (``vocab.kinds`` tiers); within a tier by importance weighed by the verdict's confidence."""
    return (kinds.kind(f.kind).tier, -f.score * f.confidence, f.kind, f.topic, [c.row.claim_id for c in f.claims])


def publish(findings: Sequence[DraftFinding], texts: Mapping[str, str],
            positions: Mapping[str, Positions]) -> tuple[Finding, ...]:
    """Rank findings (score, then stable keys), give each its id (``finding_ids``) and type their
    statements, each on a side (``positions``: per claim kind, which statements say the same)."""
    ranked = sorted(findings, key=rank_key)
    out: list[Finding] = []
    for rank, (f, finding_id) in enumerate(zip(ranked, finding_ids(ranked), strict=True), start=1):
        sides = assign_sides(f.kind, f.claims, positions[f.claims[0].kind])
        statements = tuple(_statement(c, side, texts[c.doc_id]) for c, side in zip(f.claims, sides, strict=True))
        out.append(Finding(finding_id, f.kind, f.topic, f.note, rank, f.score, statements))
    return tuple(out)


# Crockford's base32: no I, L, O or U, so an id read out or retyped is not misread.
ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ID_CHARS = 4  # 1,048,576 ids: a longer one only where two findings of a run share the first four


def finding_ids(ranked: Sequence[DraftFinding]) -> list[str]:
    """Ids that survive a rerun: "F" and a digest of the finding's kind and first statement
    (the least claim id), so adding, dropping or re-ranking other findings changes no id, and a
    reader's "F7K2Q" from yesterday's report is the same finding today. Digests that share their
    first ``ID_CHARS`` characters take as many more as tell them apart; findings with the same
    kind and first statement (rare) are told apart by a suffix in rank order."""
    digests = [_digest(f"{f.kind}\n{min(c.row.claim_id for c in f.claims)}") for f in ranked]
    by_prefix: dict[str, set[str]] = {}
    for d in digests:
        by_prefix.setdefault(d[:ID_CHARS], set()).add(d)
    seen: Counter[str] = Counter()
    out = []
    for d in digests:
        n = ID_CHARS
        while any(o[:n] == d[:n] for o in by_prefix[d[:ID_CHARS]] - {d}):
            n += 1
        seen[d] += 1
        out.append(f"F{d[:n]}" if seen[d] == 1 else f"F{d[:n]}-{seen[d]}")
    return out


def _digest(text: str) -> str:
    """16 base32 characters (80 bits) of the text's SHA-256."""
    number = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:10], "big")
    return "".join(ID_ALPHABET[(number >> (5 * k)) & 31] for k in range(16))


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
