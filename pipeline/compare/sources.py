"""Sources behind a group of statements: one representative per document, and wire copies.

Near-identical sentences in several outlets are one wire story told twice: they count as one
independent source. A document with several statements on one measure is represented by the
one the others agree with most. Whole documents that are near-identical copies of one another
(a story reposted, a page saved twice) are one source: they never stand against each other.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from pipeline.compare.agreement import values_agree, values_equal
from pipeline.compare.align import Edge
from pipeline.compare.claims import Claim
from pipeline.vocab.kinds import ClaimKind


class EdgeStats:
    """Per-node alignment strength and degree, computed once; a group's mean edge score is
    their ratio (edges never leave their connected component)."""

    def __init__(self, edges: Sequence[Edge]):
        self.strength: Counter[int] = Counter()
        self.degree: Counter[int] = Counter()
        for e in edges:
            for node in (e.a, e.b):
                self.strength[node] += e.score
                self.degree[node] += 1

    def mean(self, idx: Sequence[int]) -> float:
        deg = sum(self.degree[i] for i in set(idx))
        return sum(self.strength[i] for i in set(idx)) / deg if deg else 0.0


def representatives(idx: Sequence[int], claims: Sequence[Claim], stats: EdgeStats) -> list[int]:
    """One claim per document: the one most strongly aligned with the rest of the group."""
    best: dict[str, int] = {}
    for i in sorted(idx):
        d = claims[i].doc_id
        if d not in best or stats.strength[i] > stats.strength[best[d]]:
            best[d] = i
    return sorted(best.values(), key=lambda i: (claims[i].published or "9999", claims[i].doc_id))


# Above this many claims a group is too big to count agreeing partners pairwise; fall back to
# alignment strength alone.
SUPPORT_MAX_GROUP = 200


def number_representatives(idx: Sequence[int], claims: Sequence[Claim], stats: EdgeStats) -> list[int]:
    """One number per document: the one other documents agree with most, then one of the body over
    the headline's (the body's sentence says who says so and of what), then the best aligned.

    A source that says "152 of the 300 seats" holds two numbers on one measure; the one other
    sources repeat (152) represents it, so a part and its whole never read as a conflict.
    """
    support: Counter[int] = Counter()
    if len(idx) <= SUPPORT_MAX_GROUP:
        for i in idx:
            support[i] = len({claims[j].doc_id for j in idx
                              if claims[j].doc_id != claims[i].doc_id and values_equal(claims[i], claims[j])})
    best: dict[str, int] = {}
    for i in sorted(idx):
        d = claims[i].doc_id
        key = (support[i], not claims[i].headline, stats.strength[i])
        if d not in best or key > (support[best[d]], not claims[best[d]].headline, stats.strength[best[d]]):
            best[d] = i
    chosen = set(best.values())
    # A document that states two values for one quantity (a headline's $2.5m over a body's
    # $2.6m) keeps both: it contradicts itself, and the reader should see it.
    for i in idx:
        c, rep = claims[i], claims[best[claims[i].doc_id]]
        if i in chosen or not stats.degree[i] or c.background or rep.background or c.value.bound != rep.value.bound:
            continue
        same_measure = c.concept == rep.concept and c.value.family == rep.value.family
        if c.kind == rep.kind == ClaimKind.NUMBER and same_measure and values_agree(c, rep) is False:
            chosen.add(i)
    return sorted(chosen, key=lambda i: (claims[i].published or "9999", claims[i].doc_id, claims[i].quote_start))


# Two quotes at least this similar (rapidfuzz ratio, 0-100) are copies of one wire story.
# Calibrated on the multisource events: AFP copies differ by a word or two (~95); independent
# wordings of the same fact score 40-75.
WIRE_COPY_RATIO = 88.0
# A sentence this short ("He was 77.") is written alike by anyone: alone it shows no copying.
WIRE_MIN_WORDS = 6


# Each statement is compared with the last this-many distinct wordings only (linear cost).
WIRE_WINDOW = 50


def independent_sources(cs: Sequence[Claim]) -> list[list[Claim]]:
    """Statements grouped by wording: near-identical quotes from different outlets are one wire
    story told twice, so they count as one source."""
    from rapidfuzz import fuzz

    groups: list[tuple[str, list[Claim]]] = []
    for c in sorted(cs, key=lambda c: (c.published or "9999", c.doc_id)):
        q = wording(c)
        for key, g in groups[-WIRE_WINDOW:] if len(q.split()) >= WIRE_MIN_WORDS else ():
            if fuzz.ratio(q, key) >= WIRE_COPY_RATIO:
                g.append(c)
                break
        else:
            groups.append((q, [c]))
    return [g for _, g in groups]


_QUOTED = re.compile(r'["“”]([^"“”]{20,})["“”]')


def wording(c: Claim) -> str:
    """What to compare for copies: the quoted speech around the statement when there is one
    (two outlets quoting the same doctor are one source), else the whole sentence."""
    quote = c.row.quote
    at = c.row.start - c.quote_start
    for m in _QUOTED.finditer(quote):
        if c.kind != ClaimKind.NUMBER or m.start() <= at < m.end():
            return " ".join(m.group(1).lower().split())
    return " ".join(quote.lower().split())


# Two documents whose word 5-grams overlap this much (Jaccard) are copies of one text: a repost
# with another headline or footer stays above it, two outlets' own accounts of one event are far
# below (they share phrases, not whole passages).
COPY_MIN_OVERLAP = 0.8
_SHINGLE = 5


@functools.lru_cache(maxsize=1024)
def _shingles(text: str) -> frozenset[str]:
    """Word 5-grams of a text (cached: every drafted disagreement of a run asks about the same texts)."""
    words = re.findall(r"\w+", text.lower())
    return frozenset(" ".join(words[i:i + _SHINGLE]) for i in range(max(len(words) - _SHINGLE + 1, 1)))


def copies_of_one_text(doc_ids: Sequence[str], texts: Mapping[str, str]) -> bool:
    """The documents are all near-identical copies of one text (one source told several times)."""
    ids = sorted(set(doc_ids))
    if len(ids) < 2:
        return len(ids) == 1
    first = _shingles(texts.get(ids[0], ""))
    for other in ids[1:]:
        second = _shingles(texts.get(other, ""))
        union = len(first | second)
        if not union or len(first & second) / union < COPY_MIN_OVERLAP:
            return False
    return True


def copies_note(groups: Sequence[Sequence[Claim]]) -> str:
    copies = [g for g in groups if len({c.doc_id for c in g}) > 1]
    if not copies:
        return ""
    return "; ".join(" and ".join(sorted({c.doc_id for c in g})) + " carry the same wire sentence (counted once)"
                     for g in copies)
