"""Importance: how much a finding matters, before the findings are ranked.

A finding's importance grows with its kind's weight (``pipeline.vocab.kinds``), the number of
independent sources, the strength of the alignment and the size of the difference; salience
(how much of the corpus speaks of the same words and names) lowers background facts. The
kinds' finders score their findings with it; ``ranking`` orders them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from pipeline.compare.agreement import settled
from pipeline.compare.claims import Claim
from pipeline.compare.lexicon import load_lexicon
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
        if not any(c.concept for c in cs) or all(c.value.family == "duration" for c in cs):
            f *= self.NO_CONCEPT
        return f
