"""Ranking: how much a finding matters, and the ranked, typed findings compare hands on.

A finding's importance grows with its kind's weight (``pipeline.vocab.kinds``), the number of
independent sources, the strength of the alignment and the size of the difference; salience
(how much of the corpus speaks of the same words and names) lowers background facts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from pipeline.compare.agreement import settled
from pipeline.compare.claims import Claim
from pipeline.compare.lexicon import load_lexicon
from pipeline.compare.model import DraftFinding
from pipeline.compare.sides import assign_sides
from pipeline.documents import Finding, Statement
from pipeline.vocab import kinds

# A finding about a measure at the centre of a news event (deaths, injured, price: the lexicon's
# [ranking] central list) weighs this much more than one about anything else.
CENTRAL_BOOST = 1.3
# ... and one about a measure the lexicon has no concept for weighs this much.
UNNAMED_MEASURE = 0.7


def importance(kind: str, cs: Sequence[Claim], align: float, rel: float, *, independent: int = 0) -> float:
    """Importance: kind, number of sources, strength of the alignment, size of the difference,
    and whether it is about one of the story's central measures."""
    n = independent or len({c.doc_id for c in cs})
    if any(c.concept in load_lexicon().central for c in cs):
        central = CENTRAL_BOOST
    elif not any(c.concept for c in cs):
        central = UNNAMED_MEASURE  # "15 seconds" vs "one minute" of shaking: detail, not the story's figure
    else:
        central = 1.0
    return round(kinds.kind(kind).weight * (1 + math.log2(n)) * (0.5 + min(align, 1.0)) * (1 + min(rel, 1.0))
                 * central, 4)


class Salience:
    """How central a statement is to the corpus's story: the share of documents that use its
    sentence's words and names. Background facts and bare counts of things rank lower."""

    # Weight of a corroboration that is background (dated before its source's month), has no
    # measure concept ("2 trucks"), or is a duration ("15 seconds").
    BACKGROUND = 0.5
    NO_CONCEPT = 0.6
    TOP_WORDS = 5

    def __init__(self, claims: Sequence[Claim]):
        per_doc: dict[str, set[str]] = {}
        for c in claims:
            per_doc.setdefault(c.doc_id, set()).update(c.context)
            per_doc[c.doc_id].update(c.subjects)
        self.n = max(len(per_doc), 1)
        self.df: Counter[str] = Counter()
        for words_ in per_doc.values():
            self.df.update(words_)

    def of(self, c: Claim) -> float:
        shares = sorted((self.df[w] / self.n for w in set(c.context) | set(c.subjects)), reverse=True)
        top = shares[: self.TOP_WORDS]
        return sum(top) / len(top) if top else 0.0

    def factor_dates(self, cs: Sequence[Claim]) -> float:
        return 0.5 + sum(self.of(c) for c in cs) / len(cs)

    def factor(self, cs: Sequence[Claim]) -> float:
        f = 0.5 + sum(self.of(c) for c in cs) / len(cs)
        if all(settled(c) for c in cs):
            f *= self.BACKGROUND
        if not any(c.concept for c in cs) or all(c.family == "duration" for c in cs):
            f *= self.NO_CONCEPT
        return f


def _value_text(c: Claim) -> str:
    r = c.row
    if c.kind != "number":
        return r.value
    if r.value_max and r.value_max != r.value:
        return f"{r.value}-{r.value_max}"
    prefix = {"at_least": ">=", "more_than": ">", "at_most": "<=", "less_than": "<", "approx": "~"}
    return prefix.get(r.qualifier, "") + r.value


# Corroborations rank below every disagreement and update: a reader checks what is disputed first.
def rank_key(f: DraftFinding) -> tuple:
    return (f.kind == "corroboration", -f.score, f.kind, f.topic, [c.row.claim_id for c in f.claims])


def publish(findings: Sequence[DraftFinding], texts: dict[str, str]) -> tuple[Finding, ...]:
    """Rank findings (score, then stable keys), number them F001, F002, ... and type their statements."""
    out: list[Finding] = []
    for rank, f in enumerate(sorted(findings, key=rank_key), start=1):
        sides = assign_sides(f.kind, f.claims)
        statements = tuple(_statement(c, side, texts[c.doc_id]) for c, side in zip(f.claims, sides, strict=True))
        out.append(Finding(f"F{rank:03d}", f.kind, f.topic, f.note, rank, f.score, statements))
    return tuple(out)


def _statement(c: Claim, side: str, text: str) -> Statement:
    quote = text[c.quote_start:c.quote_end]
    assert quote == c.row.quote, "quote must be an exact substring of the clean text"
    r = c.row
    number = number_max = None
    if c.kind == "number" and not c.zero_gap:
        number = float(r.value)
        number_max = float(r.value_max) if r.value_max else None
    return Statement(
        doc_id=c.doc_id, claim_id=r.claim_id, value_kind=c.kind, value=_value_text(c), unit=c.unit,
        as_of=c.as_of, quote=quote, quote_start=c.quote_start, quote_end=c.quote_end, mention=r.text,
        mention_start=r.start, mention_end=r.end, published=c.published, side=side, number=number,
        number_max=number_max, qualifier=r.qualifier,
    )
