"""Alignment: which claims from different documents talk about the same thing.

Blocking first, scoring second. Claims are put in buckets by compound keys (measure key plus
one content stem or canonical entity for numbers; content stem or entity for dates and
assessments); only claims sharing a bucket are scored, and buckets bigger than MAX_BUCKET are
dropped as uninformative (a word every sentence shares says nothing about sameness). That keeps
the work near-linear in the number of claims, so 1,000 documents stay fast.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from pipeline.compare.claims import Claim
from pipeline.textsim import TfIdf, cosine, weighted_overlap
from pipeline.vocab import timeml
from pipeline.vocab.units import PHYSICAL_FAMILIES

# Buckets with more members than this are skipped: the key is too common to mean "same thing".
# At 5-15 documents no bucket comes near it; at 1,000 it drops stems like "china" or "kill".
MAX_BUCKET = 40
# Keys marked STRONG (a measure together with an entity) are worth keeping even when crowded,
# up to HUGE_BUCKET members, each linked to its next WINDOW neighbours.
STRONG = "strong"
HUGE_BUCKET = 5000
WINDOW = 6
# Two numbers more than this many times apart are different quantities (10 dead in one quake vs
# 26,000 in an earlier one), not a disagreement about one quantity.
MAX_PLAUSIBLE_RATIO = 8.0
# Weights of the number-alignment score: sentence similarity, shared entities, shared places.
W_CONTEXT, W_SUBJECT, W_PLACE = 0.55, 0.25, 0.20
# A shared measure concept ("deaths", "magnitude") is stronger evidence than a shared word.
CONCEPT_BONUS = 0.15
# Minimum score for two numbers with the same measure key to be the same quantity. Calibrated on
# the seeds and the multisource events: pairs at 0.25-0.3 were already about different things.
NUMBER_ALIGN_MIN = 0.30
# A figure dated this many days or fewer before the other source's publication can still be the
# same current figure ("on Sunday ... killed 10" in a Monday paper).
BACKGROUND_DAYS = 7
# Score penalty when only one side states the reference time.
AS_OF_HALF_KNOWN_PENALTY = 0.10
# Dates: event-sentence similarity for "same event" (corroboration) and the stricter level needed
# to call two different dates a conflict (different events often share words: "controls began
# in 2022" vs "controls were tightened in 2023").
# Scores are IDF-weighted overlap of the words around the date (shared mass / smaller side).
DATE_ALIGN_MIN = 0.25
DATE_CONFLICT_MIN = 0.50
# Two dated sentences must share at least this many words that are not everywhere in the
# corpus (in at most DATE_RARE_DF_SHARE of its sentences): "China" and "AI" in an AI-race corpus
# say nothing about which event is dated.
DATE_MIN_SHARED = 2
DATE_RARE_DF_SHARE = 0.10
DATE_RARE_MIN_DF = 4  # in a handful of sentences any shared word is "common"; count it anyway
# Assessments: similarity (sentence plus the one before it) for "same question".
ASSESS_ALIGN_MIN = 0.12


@dataclass(frozen=True)
class Edge:
    a: int
    b: int
    score: float


def candidate_pairs(items: Sequence[Claim], keys_of: Callable[[Claim], Iterable[Hashable]], *,
                    max_bucket: int = MAX_BUCKET) -> list[tuple[int, int]]:
    """Index pairs (i < j, different documents) that share at least one informative key."""
    buckets: dict[Hashable, list[int]] = {}
    for i, c in enumerate(items):
        for k in set(keys_of(c)):
            buckets.setdefault(k, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in buckets.items():
        if len(members) < 2:
            continue
        if len(members) > max_bucket:
            if not (isinstance(key, tuple) and key and key[0] == STRONG) or len(members) > HUGE_BUCKET:
                continue
            # A big bucket under a strong key (measure + entity): link each claim to its next
            # WINDOW neighbours only; components still form, at linear cost.
            span = WINDOW
        else:
            span = len(members)
        for x in range(len(members)):
            ci = items[members[x]]
            for y in range(x + 1, min(len(members), x + 1 + span)):
                if items[members[y]].doc_id != ci.doc_id:
                    pairs.add((members[x], members[y]))
    return sorted(pairs)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _same_time(a: str, b: str) -> bool | None:
    """True if two as_of values are compatible, False if not, None if only one is known."""
    if not a and not b:
        return True
    if not a or not b:
        return None
    return a.startswith(b) or b.startswith(a)


def _background(a: Claim, b: Claim) -> bool:
    """One side dates its figure well before the other side's publication: a background fact
    (an earlier quake, last year's result), not the same quantity as an undated current figure."""
    dated, undated = (a, b) if a.as_of else (b, a)
    return is_background(dated.as_of, undated.ref_time)


# How long after the end of its period a figure is still current news: a day's (or week's) toll
# for a week, a month's figure for a month, a quarter's or a year's results for about a quarter
# (annual results for 2024 come out in February 2025).
STALE_AFTER_DAYS = {"day": BACKGROUND_DAYS, "week": BACKGROUND_DAYS, "weekend": BACKGROUND_DAYS, "month": 31}
STALE_AFTER_DAYS_DEFAULT = 92


def is_background(as_of: str, ref_time: str) -> bool:
    """True when a figure's reference period ended well before the article's reference time."""
    pub = timeml.parse_iso_date(ref_time)
    end = timeml.end(as_of)
    if pub is None or end is None:
        return False
    allowance = STALE_AFTER_DAYS.get(timeml.granularity(as_of), STALE_AFTER_DAYS_DEFAULT)
    return (pub - end).days > allowance


def _magnitude_ok(a: Claim, b: Claim) -> bool:
    if a.zero_gap or b.zero_gap:
        return True
    va = a.lo if math.isfinite(a.lo) else a.hi
    vb = b.lo if math.isfinite(b.lo) else b.hi
    if not (math.isfinite(va) and math.isfinite(vb)):
        return True
    small, big = sorted((abs(va), abs(vb)))
    if small == 0:
        return big == 0 or a.family == "percent"
    return big / small <= MAX_PLAUSIBLE_RATIO


def _families_match(a: Claim, b: Claim) -> bool:
    return a.family == b.family or "*" in (a.family, b.family)


def _noun(unit: str) -> str:
    u = unit.lower()
    return "people" if u in ("people", "persons", "person") else u.rstrip("s")


def number_keys(c: Claim) -> list[Hashable]:
    fam = "*" if c.zero_gap else c.family
    out: list[Hashable] = []
    for m in c.measure_keys:
        for extra in c.subjects:
            out.append((STRONG, m, extra))
        for extra in set(c.context):
            out.append((m, extra))
        out.append((m, fam, "~"))  # measure + unit family alone, for short sentences
    return out


def align_numbers(claims: Sequence[Claim], tfidf: TfIdf) -> list[Edge]:
    """Edges between number claims of different documents that measure the same quantity."""
    vecs = [tfidf.vector(c.context) for c in claims]
    edges: list[Edge] = []
    for i, j in candidate_pairs(claims, number_keys):
        a, b = claims[i], claims[j]
        if not _families_match(a, b) or not (a.measure_keys & b.measure_keys):
            continue
        if a.family == b.family == "count" and a.unit and b.unit and _noun(a.unit) != _noun(b.unit):
            continue  # "50 people" vs "40 houses": both "damaged", not the same thing counted
        if a.head != b.head:
            continue  # "26% of papers" vs "26% of experts": same modifier, different thing counted
        if a.zero_gap and b.zero_gap:
            continue
        same = _same_time(a.as_of, b.as_of)
        if same is None and _background(a, b):
            continue
        if same is False or not _magnitude_ok(a, b):
            continue
        if a.family in PHYSICAL_FAMILIES and not (a.places & b.places):
            continue  # a distance or area is only the same quantity between the same places
        place = 1.0 if (a.places & b.places) else (0.5 if not (a.places and b.places) else 0.0)
        about = jaccard(a.subjects - a.sources, b.subjects - b.sources)
        score = W_CONTEXT * cosine(vecs[i], vecs[j]) + W_SUBJECT * about + W_PLACE * place
        if a.concept and a.concept == b.concept:
            score += CONCEPT_BONUS
        if same is None:
            score -= AS_OF_HALF_KNOWN_PENALTY
        if score >= NUMBER_ALIGN_MIN:
            edges.append(Edge(i, j, round(score, 6)))
    return edges


def _context_keys(c: Claim) -> list[Hashable]:
    return list(set(c.context) | {("E", s) for s in c.subjects})


def align_by_context(claims: Sequence[Claim], tfidf: TfIdf, *, minimum: float) -> list[Edge]:
    """Edges between claims of different documents whose sentences are similar enough."""
    vecs = [tfidf.vector(c.context) for c in claims]
    edges: list[Edge] = []
    for i, j in candidate_pairs(claims, _context_keys):
        a, b = claims[i], claims[j]
        score = cosine(vecs[i], vecs[j]) + 0.2 * jaccard(a.subjects, b.subjects)
        if score >= minimum:
            edges.append(Edge(i, j, round(score, 6)))
    return edges


def align_dates(claims: Sequence[Claim], tfidf: TfIdf) -> list[Edge]:
    """Edges between dated events of different documents described with the same words."""
    edges: list[Edge] = []
    for i, j in candidate_pairs(claims, _context_keys):
        a, b = claims[i], claims[j]
        over, _ = weighted_overlap(a.context, b.context, tfidf)
        common = max(DATE_RARE_DF_SHARE * tfidf.n, DATE_RARE_MIN_DF)
        rare = sum(1 for t in set(a.context) & set(b.context) if tfidf.df.get(t, 0) <= common)
        if rare < DATE_MIN_SHARED:
            continue
        score = over + 0.2 * jaccard(a.subjects, b.subjects)
        if score >= DATE_ALIGN_MIN:
            edges.append(Edge(i, j, round(score, 6)))
    return edges


def components(n: int, edges: Iterable[Edge]) -> list[list[int]]:
    """Connected components (sorted lists of indices) of the graph, singletons left out."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in edges:
        ra, rb = find(e.a), find(e.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]
