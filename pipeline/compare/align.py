"""Alignment: which claims of different documents speak about the same thing.

Blocking first, scoring second. Claims are put in buckets by keys (family and concept, family
and subject, family and counted noun ...; every pair of a family when the corpus is small), and
only claims sharing a bucket are scored. A pair is first checked against what makes two
statements different quantities whatever their wording (another unit family, another concept,
another named subject, an addition against a total, background against the current event,
different reference times); then scored from the encoder's similarity of their frames (what
each figure is about), the words of their sentences and their shared names. The encoder never
decides alone: it says "killed 10" is as close to "ten houses destroyed" as to "a toll of 12".

Each document pair keeps a one-to-one matching (a figure of one source meets at most one figure
of another), so the items of two enumerations pair up by best match; connected components of
the kept edges are the groups the findings are made of.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from pipeline.compare.background import BACKGROUND_DAYS, ELSEWHERE
from pipeline.compare.claims import (
    DEPARTURE,
    DISCOVERY,
    END_TO_COME,
    GAP,
    Claim,
    day_of,
    days_may_meet,
    designation_unit,
    name_key,
    on_one_footing,
    same_name,
    same_party,
    sizes_a_thing,
    sole_dates_of_their_phase,
    sole_times_of_their_day,
    year_of,
)
from pipeline.compare.currency import usd_per_unit
from pipeline.compare.gazetteer import is_continent, is_country_or_continent, region_holds
from pipeline.compare.lexicon import (
    concept_noun_keys,
    concept_of_word,
    concepts_in,
    count_noun,
    counted_group,
    kind_of_count_noun,
    load_lexicon,
    stem_noun,
)
from pipeline.compare.memo import KEY_DTYPE, NO_SCORE, PairMemo
from pipeline.compare.text import STOPWORDS, content_stems, stem
from pipeline.compare.vectors import FrameVectors, sparse_rows
from pipeline.textsim import TfIdf, cosine, edit_distance
from pipeline.vocab import timeml, units
from pipeline.vocab.entities import ANYONE_NOUNS
from pipeline.vocab.kinds import ClaimKind
from pipeline.vocab.units import PHYSICAL_FAMILIES, PLACE_BOUND_FAMILIES

# Buckets with more members than this are skipped: the key is too common to mean "same thing".
MAX_BUCKET = 60
# Below this many claims of one family, every pair of the family is scored (no blocking needed).
ALL_PAIRS_MAX = 400
# Two numbers more than this many times apart are different quantities (10 dead in one quake vs
# 26,000 in an earlier one), unless both are the same named measure (a depth of 1.2 or 12 miles).
MAX_PLAUSIBLE_RATIO = 8.0
# Even of one named measure, values more than a thousand times apart are two quantities ($334m for
# a company, $9.21 a share): a slip of scale (million for billion) is a thousandfold, still compared.
MAX_SAME_MEASURE_RATIO = 1000.0
# Weights of a figure pair's score: the encoder on the two frames, TF-IDF on the two sentences,
# shared names. Calibrated on the compare benchmark and read on the multisource events as a set.
W_FRAME, W_SENTENCE, W_NAMES = 0.60, 0.25, 0.15
# Same measure concept ("deaths", "price") or the same named subject is strong evidence.
CONCEPT_BONUS = 0.12
SUBJECT_BONUS = 0.10
# Two sources counting the same thing with the same number ("two guards" and "two guards") need
# this much less score to be one quantity: a count of a named thing agreeing to the unit is
# evidence that frames written around different details miss. The smallest of 0.06-0.30 with the
# best benchmark score (docs/compare.md, session 28, with its leave-one-set-out figure).
SAME_COUNT_BONUS = 0.20
# Added when two counts name the same specific thing ("flooding 12 villages", "swept through nine
# villages"; or one concept: homes and properties without power) and each is its document's only
# figure for it: one article rarely counts one kind of thing twice unless it tells of two groups of it.
# Chosen by `--sweep` over the benchmark and our stories, each set scored with the value best on the
# others: 0.08 in all 197 folds at session 54 (0.05 chosen on 41 sets at session 46).
SOLE_COUNT_BONUS = 0.08
# This much less score to be one quantity when two measurements of one family (money, a length of
# time, a speed) are each the only value of that family their document gives; such a pair is also
# spared the measure gate, whose words ("costing", "of roof works") differ more than the amount
# does. Evidence of identity, not of importance: the edge keeps its score, which ranks the finding.
# Two different counts of one thing, each its document's only count of it, take it too (and are spared
# the frame bar). Read on our stories' batch AH; the value chosen by `--sweep` on the read sets
# (docs/compare.md, sessions 56 and 57).
SOLE_FIGURE_ALLOWANCE = 0.08
SOLE_FIGURE_FAMILIES = units.MEASURED_FAMILIES | {units.DURATION}
# Minimum score for two figures to be the same quantity.
FIGURE_ALIGN_MIN = 0.42
# Two figures with different values are one quantity (a disagreement) only when their frames are
# at least this close (and their score reaches FIGURE_ALIGN_MIN): a disagreement needs more
# evidence than an agreement. Chosen end to end on compare's benchmark from 0.20-0.50 (session 32,
# docs/compare.md): 0.35 was the best choice in every leave-one-set-out fold (0.45 before).
DIFFERENT_VALUE_FRAME_MIN = 0.35
# A background figure and an undated one are one quantity only when their frames are this close.
BACKGROUND_FRAME_MIN = 0.52
# Two counts of different nouns ("guards" vs "officers") are the same quantity only when their
# frames say so this clearly.
NOUN_FRAME_MIN = 0.55
# Two figures whose sources name what they measure ("share of AI chips", "share of conference
# papers"; "challenges" vs "paths") are different quantities when those names are this far apart.
# Paraphrases of one measure score 0.6-0.85 ("people killed" / "deaths", "vessels" / "boats");
# wordings that need the sentence to meet ("took part in the march" / "crowds numbered", 0.19)
# are rescued by a frame similarity of at least MEASURE_RESCUE_FRAME.
MEASURE_DIFFERENT_MAX = 0.40
MEASURE_RESCUE_FRAME = 0.70
# Shares: how common a word may be in the corpus's sentences and still tell two populations apart
# (words that say "a share of" without saying of what are the lexicon's share_words).
POPULATION_MAX_DF_SHARE = 0.25
POPULATION_SIM_MIN = 0.75
POPULATION_UNSAID_FRAME_MIN = 0.60
# Surnames this long may be one misspelling apart and still name one person ("Rait" / "Raite").
SURNAME_EDIT_LETTERS = 4
# ... and two apart after the same given names ("Peter Haldane" / "Peter Halden").
SURNAME_TWO_EDIT_LETTERS = 6
# Two ages belong to the same person only when the frames agree this much (when no name says so).
AGE_FRAME_MIN = 0.70
# Dates and times: the encoder on the event words, shared rare words, shared names.
W_DATE_FRAME, W_DATE_WORDS, W_DATE_NAMES = 0.55, 0.30, 0.15
DATE_ALIGN_MIN = 0.40
# Dates or times that agree need less: a second source saying "4:30 a.m." for the raid is
# worded differently ("drove into the store" / "rammed the front") but says the same.
DATE_AGREE_MIN = 0.28
SAME_MINUTE_BONUS = 0.20
# Two dates of the making of the same kind of thing ("the building, which opened in 1987", "the
# 30-year-old building"): a story has one such building, and its making is one happening. The
# same for two dates of one time ranked first ("The busiest day was 4 August", "Its busiest day
# came on 11 August").
SAME_THING_MADE_BONUS = 0.20
# Two dates (or times) of the story's onset, its end or its planned date ("started on Monday afternoon",
# "began on Monday"; "due to take place from 9 to 11 July"): a story has one start, one end and one
# planned date, whatever the sentences around them say; chosen by `--sweep` on the read sets
# (docs/compare.md, session 56; the planned date since session 58).
SAME_PHASE_BONUS = 0.15
ONE_MOMENT_PHASES = frozenset({"onset", "end", "schedule"})
# The phases whose dates, each its article's only one, are the story's one date (``Scorer.sole_dates_of_one_phase``):
# when the happening was to take place, and when a plan is to end ("due to be finished by 2045",
# ``claims.plan_phase``). Not its onset or an end told as done: "began clearing debris on Sunday" is no
# start of the tornado, and a second outage's "severed on Tuesday" no start of the first.
SOLE_DATE_PHASES = frozenset({"schedule", END_TO_COME})
# This much less score for two times of day that are each their article's only time of that day
# (`Scorer.sole_times_of_one_day`); chosen by `--sweep` on the read sets (docs/compare.md, session 56).
SOLE_TIME_ALLOWANCE = 0.24
# Two measurements given to the same digits ("a 2.9 aftershock", "magnitude 2.9") score this much
# more: rarely a coincidence (half the same minute's bonus of two times; the full 0.20 reorders set
# 40's prices, whose several exact amounts already meet on the lowered bar of figure_align_min).
SAME_AMOUNT_BONUS = 0.10
# Two dated sentences must share at least this many words that are not everywhere in the
# corpus (in at most DATE_RARE_DF_SHARE of its sentences).
DATE_MIN_SHARED = 1
DATE_RARE_DF_SHARE = 0.10
DATE_RARE_MIN_DF = 4
# Statuses and outcomes of the same subject; judgements of the same question.
STATUS_FRAME_MIN = 0.25
# Two statuses on one scale naming the same two parties (buyer and target, suspect and victim)
# are about one matter however they are worded ("the deal is expected to close" / "AMD has
# completed its acquisition of SeaMicro").
STATUS_SHARED_NAMES = 2
OUTCOME_FRAME_MIN = 0.45
# Words before a duration that may name what it measures ("hiker missing for #").
SPAN_WORDS_BEFORE = 4
JUDGEMENT_ALIGN_MIN = 0.42
# Without encoder vectors, TF-IDF of the frames stands in, on this scale.
TFIDF_FRAME_SCALE = 1.0


@dataclass(frozen=True)
class Edge:
    a: int
    b: int
    score: float


def candidate_pairs(items: Sequence[Claim], keys_of: Callable[[Claim], Iterable[Hashable]], *,
                    max_bucket: int = MAX_BUCKET) -> np.ndarray:
    """Index pairs (rows ``i < j``, different documents, in order) that share at least one
    informative key. An array: at 4,000 documents the buckets hold millions of pairs, which as
    a set of tuples cost more than scoring the few that are new."""
    buckets: dict[Hashable, list[int]] = {}
    for i, c in enumerate(items):
        for k in set(keys_of(c)):
            buckets.setdefault(k, []).append(i)
    n = len(items)
    doc_index: dict[str, int] = {}
    docs = np.array([doc_index.setdefault(c.doc_id, len(doc_index)) for c in items], dtype=np.int64)
    codes: list[np.ndarray] = []
    pending: list[np.ndarray] = []
    pending_size = 0
    for members in buckets.values():
        if len(members) < 2 or len(members) > max_bucket:
            continue
        for part in _bucket_pairs(np.array(members, dtype=np.int64), docs, n):
            pending.append(part)
            pending_size += len(part)
            if pending_size > PAIR_BATCH:  # memory for the distinct pairs, not every bucket's copy
                codes.append(_distinct(np.concatenate(pending)))
                pending, pending_size = [], 0
    if pending:
        codes.append(_distinct(np.concatenate(pending)))
    if not codes:
        return np.empty((0, 2), dtype=np.int64)
    return _pairs_of(_distinct(np.concatenate(codes)) if len(codes) > 1 else codes[0], n)


def _distinct(codes: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (``np.unique`` without its hashing pass, several times slower
    on millions of pair codes)."""
    codes = np.sort(codes)
    keep = np.ones(len(codes), dtype=bool)
    keep[1:] = codes[1:] != codes[:-1]
    return codes[keep]


def _pairs_of(codes: np.ndarray, n: int) -> np.ndarray:
    """Pair codes ``i * n + j`` back to rows ``(i, j)``."""
    return np.stack([codes // max(n, 1), codes % max(n, 1)], axis=1)


# Pairs of buckets gathered before their duplicates are dropped (memory: 8 bytes each).
PAIR_BATCH = 4_000_000
# A bucket's pairs are made this many rows of its triangle at a time (a scale of 10,000 statuses
# has 50 million pairs).
BUCKET_ROWS = 1_024


def _bucket_pairs(idx: np.ndarray, docs: np.ndarray, n: int) -> Iterator[np.ndarray]:
    """The pairs of one bucket's members (ascending item indices) from different documents, as
    codes ``i * n + j``."""
    m = len(idx)
    if m <= BUCKET_ROWS:
        x, y = _upper_triangle(m)
        a, b = idx[x], idx[y]
        keep = docs[a] != docs[b]
        yield a[keep] * n + b[keep]
        return
    for start in range(0, m - 1, BUCKET_ROWS):
        rows = np.arange(start, min(start + BUCKET_ROWS, m - 1))
        counts = m - 1 - rows
        x = np.repeat(rows, counts)
        y = np.arange(len(x)) - np.repeat(np.cumsum(counts) - counts, counts) + x + 1
        a, b = idx[x], idx[y]
        keep = docs[a] != docs[b]
        yield a[keep] * n + b[keep]


@functools.lru_cache(maxsize=64)
def _upper_triangle(m: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(m, 1)


def components(n: int, edges: Iterable[Edge]) -> list[list[int]]:
    """Connected components (sorted lists of indices) of the graph, singletons left out."""
    joined = join_groups([[i] for i in range(n)], ((e.a, e.b) for e in edges), lambda x, y: True)
    return [g for g in joined if len(g) > 1]


def join_groups(groups: Sequence[Sequence[int]], candidates: Iterable[tuple[int, int]],
                joins: Callable[[int, int], bool]) -> list[list[int]]:
    """The groups, those of each candidate pair ``joins`` accepts made one (transitively), in the
    order of each result's first group. A pair already joined through others is not asked."""
    parent = list(range(len(groups)))

    def root(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for x, y in candidates:
        if root(x) != root(y) and joins(x, y):
            parent[max(root(x), root(y))] = min(root(x), root(y))
    merged: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        merged.setdefault(root(g), []).extend(members)
    return [sorted(members) for _, members in sorted(merged.items())]


# Two clusters merge only when at least this share of their cross pairs are edges themselves:
# "5 vessels" - "5 boats" - "3 boats" must not chain into one quantity.
MIN_LINKAGE = 0.5


def cluster(items: Sequence[Claim], edges: Sequence[Edge], *, min_linkage: float = MIN_LINKAGE,
            cannot_link: Callable[[Claim, Claim], str] | None = None) -> list[list[int]]:
    """Groups of claims that speak of one thing: agglomerative, strongest edges first.

    Two clusters merge when they share no document (a source states a quantity once; a second
    statement of its own is a self-contradiction, attached afterwards), most of their cross
    pairs are edges and no cross pair is impossible (``cannot_link`` gives a reason: 2021's share
    and a 2027 forecast never join, even through a third figure close to both). Unlike connected
    components, chains of look-alikes do not fuse. The pair scores give no edge to a pair that
    cannot link, so only the cross pairs that are not edges are asked.
    """
    neighbours: dict[int, set[int]] = {}
    for e in edges:
        neighbours.setdefault(e.a, set()).add(e.b)
        neighbours.setdefault(e.b, set()).add(e.a)
    member_of = {i: i for i in neighbours}
    members: dict[int, list[int]] = {i: [i] for i in neighbours}
    docs: dict[int, set[str]] = {i: {items[i].doc_id} for i in neighbours}
    for e in sorted(edges, key=lambda e: (-e.score, e.a, e.b)):
        ca, cb = member_of[e.a], member_of[e.b]
        if ca == cb or docs[ca] & docs[cb]:
            continue
        small, large = sorted((ca, cb), key=lambda c: len(members[c]))
        in_large = set(members[large])
        linked = sum(len(neighbours[x] & in_large) for x in members[small])
        if linked < min_linkage * len(members[small]) * len(members[large]):
            continue
        if cannot_link and any(cannot_link(items[x], items[y]) for x in members[small]
                               for y in in_large - neighbours[x]):
            continue
        for x in members[small]:
            member_of[x] = large
        members[large].extend(members.pop(small))
        docs[large] |= docs.pop(small)
    groups = [sorted(m) for m in members.values() if len(docs[member_of[m[0]]]) > 1]
    return sorted(_with_self_contradictions(groups, items, neighbours), key=lambda g: g[0])


def _with_self_contradictions(groups: list[list[int]], items: Sequence[Claim],
                              neighbours: dict[int, set[int]]) -> list[list[int]]:
    """A second statement of a document joins its group when it is linked to most of the group:
    a headline's "$2.5m" over a body's "$2.6m" is the source contradicting itself. A statement that gives
    the value of its document's member again (a body's "approved a £1.2bn budget" under its headline's
    "£1.2bn") joins when linked to one member: the source telling it twice, whose body sentence may then
    represent it."""
    placed = {i for g in groups for i in g}
    out = []
    for g in groups:
        by_doc, members = {items[i].doc_id for i in g}, set(g)
        near = set().union(*(neighbours[i] for i in g))  # linked to most of g: a neighbour of some member
        extra = [i for i in near if i not in placed and items[i].doc_id in by_doc
                 and len(neighbours[i] & members) >= (1 if _told_again(g, items, i) else max(2, (len(g) + 1) // 2))]
        out.append(sorted(g + extra))
        placed.update(extra)
    return out


def _told_again(group: Sequence[int], items: Sequence[Claim], i: int) -> bool:
    """A member of the group from ``i``'s document states ``i``'s value."""
    return any(items[k].doc_id == items[i].doc_id and items[k].row.value == items[i].row.value for k in group)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_person(a: str, b: str) -> bool:
    """Two names of one person: the same surname, one of the two a single word of the other
    ("Rait", "Duncan Rait"), surnames one letter apart ("Rait" / "Raite": a misspelling is
    still the same person, and a name spelled two ways is a finding of its own), or two letters
    apart after the same given names ("Peter Haldane" / "Peter Halden")."""
    x, y = name_key(a).split(), name_key(b).split()
    if not x or not y:
        return False
    if x[-1] == y[-1] or (len(x) == 1 and x[0] in y) or (len(y) == 1 and y[0] in x):
        return True
    shortest = min(len(x[-1]), len(y[-1]))
    edits = edit_distance(x[-1], y[-1])
    return (shortest >= SURNAME_EDIT_LETTERS and edits == 1) or (
        len(x) > 1 and x[:-1] == y[:-1] and shortest >= SURNAME_TWO_EDIT_LETTERS and edits == 2)


def spelt_two_ways(a: str, b: str) -> bool:
    """One person's name with its surname misspelt ("Petra Velsen" / "Petra Velson", "Velsen" /
    "Petra Velson"): the same given names, if both give them, and surnames one letter apart.
    Whose figure it is does not change with the spelling."""
    x, y = name_key(a).split(), name_key(b).split()
    return bool(x and y) and (len(x) == 1 or len(y) == 1 or x[:-1] == y[:-1]) and same_person(a, b)


def _mix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser (a bijection of 64-bit words) after adding its constant: chained over
    a pair's words, a hash of the pair computed on arrays (``Scorer._pair_keys``)."""
    with np.errstate(over="ignore"):
        z = x + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


P = TypeVar("P")
PairScore = Callable[["Scorer", int, int], "float | None"]


def _sole_keys(kind: str, item: Claim) -> list[tuple[Hashable, Hashable]]:
    """The keys of ``kind`` a statement gives a value to, each with that value (``Scorer.each_gives_one_value``):
    "family", a figure's unit family (a measurement, not a duration that says when); "stance", a bargain's
    side and family; "act", each lasting act of a length of time; "thing", each specific thing a figure is
    of (``_specific_things``); "holder", each name in a percentage's sentence."""
    q = item.value
    if item.kind != ClaimKind.NUMBER:
        return []
    if kind == "family":
        return [(q.family, (q.lo, q.hi))] if q.family in SOLE_FIGURE_FAMILIES and not q.offset else []
    if kind == "stance":
        return [((q.stance, q.family), q.lo)] if q.stance else []
    if kind == "act":
        return [(act, q.lo) for act in q.lasting] if q.family == units.DURATION and not q.offset else []
    if kind == "thing":
        return [(thing, q.lo) for thing in _specific_things(item)]
    if kind == "holder":
        return [(name, q.lo) for name in item.subjects] if q.family == "percent" else []
    raise ValueError(f"no sole key of kind {kind!r}")


class Scorer:
    """Shared inputs of the pair scores: frame vectors, sentence TF-IDF, frame TF-IDF, and the
    scores of an earlier run (``memo``).

    A pair's memo key is what each of its statements is as a score reads it (``statement_key``):
    the key of its document's own claims, the fields the corpus sets on it (reference time,
    background), whether its texts have vectors (with the encoder's name, ``memo.version``), and
    the corpus weights of its words."""

    def __init__(self, items: Sequence[Claim], vectors: Mapping[str, np.ndarray] | None, tfidf: TfIdf,
                 memo: PairMemo | None = None):
        self.items = items
        self.vectors = FrameVectors(items, vectors)
        self.measures = FrameVectors(items, vectors, "measure_text")
        self.tfidf = tfidf
        self.memo = memo
        self._frames: list[dict[str, float]] | None = None
        self._statement_keys: np.ndarray | None = None  # 16-byte keys, computed when first asked for
        self._keyed = self._known = np.zeros(0, dtype=bool)
        self._word_weights: dict[str, str] = {}
        self.pairs_scored = 0  # pairs a pair score was computed for (blocking keeps this near linear)
        self.pairs_shared = 0  # pairs that took the score of an alike pair of this run (``_score``)
        self._content_ids: dict[int, int] = {}
        self._content_of: dict[bytes, int] = {}  # digest of a statement's content -> its content id
        self._sentences: dict[tuple[str, int], list[int]] | None = None  # (document, sentence) -> its statements
        # per kind of key (``_sole_keys``): (document, key) -> the values the document gives it
        self._values_per_key: dict[str, dict[tuple[str, Hashable], set[Hashable]]] = {}

    def each_gives_one_value(self, kind: str, i: int, j: int, key: Hashable) -> bool:
        """Statements ``i`` and ``j`` each stand in a document that gives ``key`` one value only (keys of
        ``kind`` as ``_sole_keys`` reads them: a family, a bargain's stance, a lasting act, a counted
        thing, a holder of shares): the story's one quantity of that key, as each article tells it. The
        table of each kind is built once per run."""
        table = self._values_per_key.get(kind)
        if table is None:
            table = {}
            for item in self.items:
                for item_key, value in _sole_keys(kind, item):
                    table.setdefault((item.doc_id, item_key), set()).add(value)
            self._values_per_key[kind] = table
        return all(len(table.get((c.doc_id, key), ())) == 1 for c in (self.items[i], self.items[j]))

    def sole_figures_of_a_family(self, i: int, j: int) -> bool:
        """Two measurements of one family (money, a length of time, a speed...), each the only value
        of that family its document gives: an article that states one amount of money tells of one
        amount, and two articles of one event that each state one most likely tell of the same."""
        a, b = self.items[i], self.items[j]
        family = a.value.family
        if family not in SOLE_FIGURE_FAMILIES or b.value.family != family or a.value.offset or b.value.offset:
            return False  # (a duration that says when, "married two weeks ago", is a date: its happening tells)
        return self.each_gives_one_value("family", i, j, family)

    def sole_figures_of_one_stance(self, i: int, j: int) -> bool:
        """Two figures of one stance of a bargain ("is asking for a 9% rise", "the union wants 11%"), each
        its document's only value of that stance: the story's one demand (or offer, or deal), as an
        article's only amount of money is its one amount."""
        qa, qb = self.items[i].value, self.items[j].value
        if not qa.stance or qa.stance != qb.stance or qa.family != qb.family:
            return False
        return self.each_gives_one_value("stance", i, j, (qa.stance, qa.family))

    def sole_spans_of_one_act(self, i: int, j: int) -> bool:
        """Two lengths of one lasting act ("the road is expected to stay shut for six weeks", "will be
        closed for at least two months"), each its document's only length of that act: evidence of one
        quantity, as each article's only amount of money is, in articles that give other lengths of
        other acts ("trains were halted for four hours")."""
        a, b = self.items[i], self.items[j]
        shared = a.value.lasting & b.value.lasting
        if not shared or a.value.offset or b.value.offset:
            return False
        return any(self.each_gives_one_value("act", i, j, act) for act in shared)

    @functools.cached_property
    def _ages_by_noun(self) -> dict[tuple[str, str], int]:
        """How many ages each document tells of each noun (its `alike_count_nouns` key; '' for an age told
        with no noun, "an 18-year-old", or of a name only, "Smith, 45,"): built once per run."""
        lex = load_lexicon()
        counts: dict[tuple[str, str], int] = {}
        for item in self.items:
            q = item.value
            if item.kind == ClaimKind.NUMBER and q.family == "age":
                key = (item.doc_id, count_noun(q.age_of, lex) if q.age_of else "")
                counts[key] = counts.get(key, 0) + 1
        return counts

    def sole_ages_of_one_noun(self, i: int, j: int) -> bool:
        """Two ages told of one noun and no name ("A 15-year-old boy was pulled from the river", "rescuing
        a 14-year-old boy"), each the only age its article tells of such a noun: the story's one boy;
        not when their sentences name different happenings ("a woman has been arrested", "a woman was
        stabbed": measure concepts of the sentence, as ``_one_described_person`` reads them). An age told
        with no noun ("Police have arrested an 18-year-old") or of a name in one article and of a noun in
        the other ("Fiona Drewett, 42", "a 41-year-old teacher") is of the one person when each article
        tells no other age at all."""
        a, b = self.items[i], self.items[j]
        qa, qb = a.value, b.value
        if not (qa.family == qb.family == "age") or (qa.people and qb.people):
            return False  # (two named people's ages are compared by their names: ``_aged_alike``)
        if not (qa.age_of or qb.age_of or qa.people or qb.people):
            return False
        if (qa.sentence_concepts or qb.sentence_concepts) and not qa.sentence_concepts & qb.sentence_concepts:
            return False
        lex = load_lexicon()
        if not (qa.age_of and qb.age_of) or qa.people or qb.people:
            return self.only_ages_of_their_articles(i, j)
        noun = count_noun(qa.age_of, lex)
        return (noun == count_noun(qb.age_of, lex) and self._ages_by_noun.get((a.doc_id, noun)) == 1
                and self._ages_by_noun.get((b.doc_id, noun)) == 1)

    def only_ages_of_their_articles(self, i: int, j: int) -> bool:
        """Two ages, each the only age its article tells: the story's one person as each article
        tells it, the stronger evidence of ``sole_ages_of_one_noun`` (it takes the sole-figure allowance)."""
        per_doc = self._ages_per_document
        return all(per_doc.get(c.doc_id) == 1 for c in (self.items[i], self.items[j]))

    @functools.cached_property
    def _ages_per_document(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for (doc, _), n in self._ages_by_noun.items():
            out[doc] = out.get(doc, 0) + n
        return out

    @functools.cached_property
    def _sole_times(self) -> set[int]:
        return sole_times_of_their_day(self.items)

    @functools.cached_property
    def _sole_phase_dates(self) -> dict[int, str]:
        return sole_dates_of_their_phase(self.items, SOLE_DATE_PHASES)

    def sole_dates_of_one_phase(self, i: int, j: int) -> bool:
        """Two dates of one phase of a happening (``SOLE_DATE_PHASES``: when it was to take place), each its
        article's only date of that phase (``claims.sole_dates_of_their_phase``): the story's one planned date."""
        phase = self._sole_phase_dates.get(i)
        return phase is not None and self._sole_phase_dates.get(j) == phase

    def sole_times_of_one_day(self, i: int, j: int) -> bool:
        """Two times of day of one day, each its article's only time of that day ("at about 2am" and
        "at around 3am" of one Monday's break-in): the story's one moment, told in words of its own."""
        a, b = self.items[i], self.items[j]
        return i in self._sole_times and j in self._sole_times and days_may_meet(a, b)

    def sole_counts_of_one_thing(self, i: int, j: int) -> bool:
        """Two counts of the same specific thing, each its document's only value for it: the same
        counted noun ("firefighters"), or the same concept of a count whatever its nouns ("85,000
        homes without power", "60,000 properties lost electricity")."""
        shared = set(_specific_things(self.items[i])) & set(_specific_things(self.items[j]))
        return any(self.each_gives_one_value("thing", i, j, t) for t in shared)

    def sole_shares_of_one_holder(self, i: int, j: int) -> bool:
        """Two percentages whose sentences name one holder ("Brightwell shareholders will own 60%",
        "Brightwell investors will hold 55%"), each its document's only percentage naming it: an
        article that gives a holder one share tells of one whole (in an article of many shares of
        China, "a tenth" and "47%" are shares of different things)."""
        shared = self.items[i].subjects & self.items[j].subjects
        return any(self.each_gives_one_value("holder", i, j, name) for name in shared)

    def list_gives(self, k: int, c: Claim) -> bool:
        """Statement ``k`` is an item of a list whose sentence gives ``c``, a reading of its own, to
        the digit ("magnitude 2.9 and 2.1" gives "a 2.9 aftershock"), of the same model if any: the
        list's other items are other things. ("$1,199 and $1,499 versions" of the 13-inch give no
        15-inch's $1,499.) Two lists are compared item by item: where they differ they disagree."""
        if not self.items[k].value.enumerated or c.value.enumerated or not measured_amount(c):
            return False
        if self._sentences is None:
            self._sentences = {}
            for n, item in enumerate(self.items):
                self._sentences.setdefault((item.doc_id, item.sent_no), []).append(n)
        mine = self.items[k]
        return any(same_exact_amount(self.items[n], c) and self.items[n].value.holder == c.value.holder
                   for n in self._sentences[mine.doc_id, mine.sent_no] if n != k)

    def scored(self, pairs: Iterable[P]) -> Iterator[P]:
        """The pairs, counted as they are scored."""
        for pair in pairs:
            self.pairs_scored += 1
            yield pair

    def scores(self, pairs: np.ndarray | Sequence[tuple[int, int]],
               score: PairScore) -> Iterator[tuple[int, int, float]]:
        """The pairs that have a ``score`` (not None), in order, with it: from the memo when an
        earlier run scored the same two statements (``PairMemo``), else computed (and counted in
        ``pairs_scored``). Known pairs are looked up and filtered as arrays: a rerun of 4,000
        documents holds millions of pairs and scores a few thousand."""
        pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        memo = self.memo
        shared: dict[tuple[int, int], float | None] = {}
        if memo is None:
            for i, j in pairs.tolist():
                value = self._score(score, i, j, shared)
                if value is not None:
                    yield i, j, value
            return
        keys, keyed = self._pair_keys(score.__name__, pairs)
        known, values = memo.earlier.lookup(keys)
        known &= keyed
        memo.reused += int(known.sum())
        values[~known] = NO_SCORE
        for n in np.flatnonzero(~known).tolist():
            value = self._score(score, int(pairs[n, 0]), int(pairs[n, 1]), shared)
            if value is not None:
                values[n] = value
        memo.record(keys[keyed], values[keyed])
        for n in np.flatnonzero(~np.isnan(values)).tolist():
            yield int(pairs[n, 0]), int(pairs[n, 1]), float(values[n])

    def _score(self, score: PairScore, i: int, j: int, shared: dict[tuple[int, int], float | None]) -> float | None:
        """``score(i, j)``, computed once per pair of statements that read alike: wire copies and
        reposts repeat a story's sentences, and a statement of one copy scores against another
        statement exactly as the same statement of any other copy (``content_id``). A pair within
        one document is always computed (a score refuses it; its twin across documents may not)."""
        if self.items[i].doc_id == self.items[j].doc_id:
            self.pairs_scored += 1
            return score(self, i, j)
        twin = (self.content_id(i), self.content_id(j))
        if twin in shared:
            self.pairs_shared += 1
            return shared[twin]
        self.pairs_scored += 1
        value = shared[twin] = score(self, i, j)
        return value

    def content_id(self, i: int) -> int:
        """A number shared by the statements that are alike in every field a pair score reads:
        all of the claim but where it sits (document, sentence number, offsets, ids, outlet and
        source names). Fields are compared as a digest of their ``repr`` (exact for strings,
        numbers, tuples; two equal sets may print in two orders, which only misses a twin)."""
        found = self._content_ids.get(i)
        if found is None:
            c = self.items[i]
            row = dataclasses.replace(c.row, claim_id="", doc_id="", sent_no=0, start=0, end=0, source="",
                                      outlet="", title="", url="")
            alike = dataclasses.replace(c, row=row, doc_id="", sent_no=0, quote_start=0, quote_end=0,
                                        outlet="", sources=frozenset())
            digest = hashlib.blake2b(repr(alike).encode("utf-8"), digest_size=16).digest()
            found = self._content_ids[i] = self._content_of.setdefault(digest, len(self._content_of))
        return found

    def _pair_keys(self, score_name: str, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each pair's memo key (16 bytes: the score's name and the two statements' keys, in
        order, mixed), and whether it has one (both statements' documents have keys)."""
        keys = self.statement_keys(_distinct(pairs.ravel()))
        words = keys.view("<u8").reshape(-1, 2)
        keyed = (self._keyed[pairs[:, 0]] & self._keyed[pairs[:, 1]]) if len(pairs) else np.zeros(0, dtype=bool)
        tag = np.frombuffer(hashlib.blake2b(score_name.encode(), digest_size=16).digest(), dtype="<u8")
        lanes = [words[pairs[:, 0], 0], words[pairs[:, 0], 1], words[pairs[:, 1], 0], words[pairs[:, 1], 1]]
        halves = []
        for seed in tag:
            h = np.full(len(pairs), seed, dtype=np.uint64)
            for lane in lanes:
                h = _mix64(h ^ lane)
            halves.append(h)
        mixed = np.stack(halves, axis=1) if len(pairs) else np.empty((0, 2), dtype=np.uint64)
        return np.ascontiguousarray(mixed).view(KEY_DTYPE).reshape(-1), keyed

    def statement_keys(self, wanted: np.ndarray) -> np.ndarray:
        """Every statement's key (16 bytes; zeros where its document has none), computing those
        of ``wanted`` not yet known (``_statement_key``)."""
        if self._statement_keys is None:
            self._statement_keys = np.zeros(len(self.items), dtype=KEY_DTYPE)
            self._keyed = np.zeros(len(self.items), dtype=bool)
            self._known = np.zeros(len(self.items), dtype=bool)
        for i in wanted[~self._known[wanted]].tolist():
            key = self._statement_key(i)
            self._known[i] = True
            if key is not None:
                self._statement_keys[i], self._keyed[i] = key, True
        return self._statement_keys

    def statement_key(self, i: int) -> bytes | None:
        """What statement ``i`` is, as a pair score reads it (``PairMemo``); None when its
        document has no key."""
        keys = self.statement_keys(np.array([i], dtype=np.int64))
        return keys[i].ljust(16, b"\x00") if self._keyed[i] else None

    def _statement_key(self, i: int) -> bytes | None:
        c = self.items[i]
        document = self.memo.document_keys.get(c.doc_id) if self.memo else None
        if document is None:
            return None
        words = sorted(set(c.context) | set(content_stems(c.frame)) | set(content_stems(c.measure_text)))
        weights = " ".join(self._word_weight(w) for w in words)
        said = "\x00".join((self.memo.version, document, c.row.claim_id, c.ref_time, c.background, str(c.current),
                            c.row.cues, f"{self.vectors.has(i)}{self.measures.has(i)}", weights))
        return hashlib.blake2b(said.encode("utf-8"), digest_size=16).digest()

    def _word_weight(self, word: str) -> str:
        """A word's corpus weight as the pair scores read it: IDF, and whether it is rare enough
        to tell populations (``same_population``) and dates (``date_score``) apart."""
        weight = self._word_weights.get(word)
        if weight is None:
            t = self.tfidf
            weight = (f"{t.idf(word)!r}{'p' if t.df_share(word) <= POPULATION_MAX_DF_SHARE else ''}"
                      f"{'r' if t.df.get(word, 0) <= max(DATE_RARE_DF_SHARE * t.n, DATE_RARE_MIN_DF) else ''}")
            self._word_weights[word] = weight
        return weight

    @functools.cached_property
    def sentence(self) -> list[dict[str, float]]:
        """Each claim's sentence as TF-IDF weights (computed when a score first needs them)."""
        return [self.tfidf.vector(c.context) for c in self.items]

    def frame(self, i: int, j: int) -> float:
        if self.vectors.known:
            return self.vectors.sim(i, j)
        if self._frames is None:
            self._frames = [self.tfidf.vector(content_stems(c.frame)) for c in self.items]
        return TFIDF_FRAME_SCALE * cosine(self._frames[i], self._frames[j])

    def measure(self, i: int, j: int) -> float | None:
        """Similarity of what the two figures say they measure; None when either does not say."""
        if not (self.measures.has(i) and self.measures.has(j)):
            return None
        return self.measures.sim(i, j)

    def same_population(self, i: int, j: int) -> bool:
        """Whether two shares may be of the same whole: their measure phrases share a word that is
        not everywhere in the corpus ("AI" in a corpus about AI says nothing), or the encoder
        finds the phrases near-identical. A share that does not say of what needs close frames."""
        a, b = self.items[i].measure_text, self.items[j].measure_text
        if not (a and b):
            return self.frame(i, j) >= POPULATION_UNSAID_FRAME_MIN
        wa, wb = (set(content_stems(t)) - load_lexicon().share_words for t in (a, b))
        if {w for w in wa & wb if self.tfidf.df_share(w) <= POPULATION_MAX_DF_SHARE}:
            return True
        measure = self.measure(i, j)
        return measure is not None and measure >= POPULATION_SIM_MIN

    def context(self, i: int, j: int) -> float:
        return cosine(self.sentence[i], self.sentence[j])

    @functools.cached_property
    def _context_words(self) -> list[tuple[frozenset[str], float]]:
        """Each claim's context words and their IDF mass, computed once per claim."""
        out = []
        for c in self.items:
            words = set(c.context)
            out.append((frozenset(words), sum(self.tfidf.idf(t) for t in words)))
        return out

    def overlap(self, i: int, j: int) -> tuple[float, frozenset[str]]:
        """How much of their context words two claims share: the IDF mass of the shared words over
        the smaller side's (forgiving of length), with the shared words."""
        (wa, mass_a), (wb, mass_b) = self._context_words[i], self._context_words[j]
        shared = wa & wb
        if not shared:
            return 0.0, shared
        return sum(self.tfidf.idf(t) for t in shared) / (min(mass_a, mass_b) or 1.0), shared


# --------------------------------------------------------------------------- figures


def _noun(unit: str) -> str:
    return counted_group(unit, load_lexicon())


def _specific_things(c: Claim) -> tuple[tuple[str, str, str], ...]:
    """What a figure is of, as specific things: a count's counted noun when it names a kind of thing
    ("villages"; not people at large or by sex or age, though a noun of a role keyed with one stays:
    "pupils", keyed as "children"), and any figure's concept in its family ("job_cuts" counted, a
    "prison_term" in years; not a length's or an area's concept that only names the family: a river's
    peak and its level now are two lengths of one story)."""
    q = c.value
    if c.kind != ClaimKind.NUMBER:
        return ()
    named = c.concept and not (c.concept == q.family and q.family in PHYSICAL_FAMILIES)
    things = [("concept", c.concept, q.family)] if named else []
    if q.family != units.COUNT:
        return tuple(things)
    lex = load_lexicon()
    noun = _noun(q.unit) if q.unit else ""
    specific = noun and noun not in lex.generic_count_nouns and stem_noun(q.unit) not in lex.sex_age_nouns
    return tuple(([("noun", noun, q.family)] if specific else []) + things)


def _figure_keys(c: Claim) -> list[Hashable]:
    fam = "*" if c.value.zero_gap or c.concept == GAP else c.value.family  # a closed gap meets gaps in years
    keys: list[Hashable] = [("concept", fam, c.concept)] if c.concept else []
    if c.subject:
        keys.append(("subject", fam, c.subject.lower()))
    if c.value.head:
        keys.append(("head", fam, c.value.head))
    if c.value.unit and fam == "count":
        keys.append(("noun", fam, _noun(c.value.unit)))
    return keys


def _usd(c: Claim, value: float) -> float:
    """A money value in approximate US dollars (yen and dollars differ a hundredfold in scale)."""
    rate = usd_per_unit(c.value.base_unit, year_of(c) or 2020)
    return value * rate if rate else value


def _value_ratio(a: Claim, b: Claim) -> float:
    """How many times the larger value is the smaller (in dollars for money); 1 when either is
    unbounded or a closed gap, infinite for zero against a number."""
    qa, qb = on_one_footing(a.value, b.value)
    if qa.zero_gap or qb.zero_gap:
        return 1.0
    va = qa.lo if math.isfinite(qa.lo) else qa.hi
    vb = qb.lo if math.isfinite(qb.lo) else qb.hi
    if qa.family == "currency":
        va, vb = _usd(a, va), _usd(b, vb)
    if not (math.isfinite(va) and math.isfinite(vb)):
        return 1.0
    small, big = sorted((abs(va), abs(vb)))
    if small == 0:
        return 1.0 if big == 0 else math.inf
    return big / small


def _magnitude_ok(a: Claim, b: Claim) -> bool:
    ratio = _value_ratio(a, b)
    return ratio <= MAX_PLAUSIBLE_RATIO or (math.isinf(ratio) and a.value.family == "percent")


def _days_of_one_running_count(a: Claim, b: Claim) -> bool:
    """Two days of one week of a running count ("burned 8,500 acres" on Monday, "grew to 12,000
    acres" on Tuesday): one quantity at two times, which the findings read as an update."""
    if not (a.value.cumulative and b.value.cumulative):
        return False
    if not all(timeml.granularity(c.as_of) == "day" for c in (a, b)):
        return False
    return abs((timeml.start(a.as_of) - timeml.start(b.as_of)).days) <= BACKGROUND_DAYS


def _one_named_one_plain(a: Claim, b: Claim) -> bool:
    """A measure a word names ("at a depth of about 12 metres") and one only its unit says ("reached
    him at 15 metres", whose concept is its family's): the plain one may be the named one."""
    family = a.value.family
    return family in PHYSICAL_FAMILIES and (a.concept == family) != (b.concept == family)


def _lasted_since(offset: Claim, span: Claim) -> bool:
    """"Found on Monday, four days after he was reported missing" and "missing for five days": the
    offset counts from the start of what the other measures (a word of its clause names the span's
    measure), so both say how long it lasted. So does a span the happening came after ("rescued on
    Monday after two days stranded") against an offset that dates that happening ("rescued on
    Monday, three days after it went missing")."""
    if not (offset.value.offset == "after" and offset.value.since and not span.value.offset
            and span.value.family == "duration"):
        return False
    before = span.frame.partition("#")[0].split()
    words_before = before[-SPAN_WORDS_BEFORE:]  # "hiker missing for #", "rescued on Monday after #"
    stems = frozenset(content_stems(" ".join(words_before) + " " + span.row.measure))
    came_after = bool(before) and before[-1].lower() == "after" and bool(set(offset.value.event.split()) & stems)
    return bool(offset.value.since & stems) or came_after


def _sizes_of_things(a: Claim, b: Claim) -> bool:
    """Two sizes each told as a thing's ("the 18-metre boat" that left port on Tuesday, "the
    22-metre vessel" that sank on Wednesday): what a thing measures holds from one day to the next,
    so days of one week are no reason to keep them apart (months apart, "a 40-foot container" is
    a kind of box two stories price)."""
    if not (sizes_a_thing(a) and sizes_a_thing(b)):
        return False
    days = [timeml.start(c.as_of) for c in (a, b)]
    return None not in days and abs((days[0] - days[1]).days) <= BACKGROUND_DAYS


def _both_to_date(a: Claim, b: Claim) -> bool:
    """A total ("412 cases since the outbreak began") and a running toll told as it stands now ("has
    infected 389 people"): both the count to date. A toll of one day or incident ("five were
    killed on Tuesday") stays apart from a total."""
    return a.concept == b.concept and ((a.value.total and b.value.to_date) or (b.value.total and a.value.to_date))


def _two_parties_named_alike(a: Claim, b: Claim) -> bool:
    """Two figures given to different names, each named in both sentences: one dealing between two
    parties, its figure put to either ("Rovers have signed Luca Ferri for £18m", "Ferri has completed a
    £22m move to Rovers"), not the figures of two."""
    return all(re.search(rf"(?<!\w){re.escape(x.subject)}(?!\w)", y.row.quote) for x, y in ((a, b), (b, a)))


def _the_nouns_own_concept(c: Claim) -> bool:
    """The figure's concept is only its counted noun's ("About 18,000 passengers were affected": aboard,
    from "passengers"): it tells nothing that happened to them, so no participle of another figure
    ("25,000 travellers had their plans disrupted") says a different thing happened."""
    return bool(c.value.unit) and c.concept in concepts_in(c.value.unit, load_lexicon())


def different_quantities(a: Claim, b: Claim) -> str:
    """Why two figures cannot be the same quantity, whatever their wording; '' when they may be."""
    qa, qb = a.value, b.value
    if qa.zero_gap or qb.zero_gap or GAP in (a.concept, b.concept):
        # "two years behind" is a gap only with another gap, never with a plain duration
        return "" if (a.concept == b.concept == GAP) else "not a gap"
    if qa.family != qb.family:
        return "unit family"
    if qa.per != qb.per and len({q.per for q in on_one_footing(qa, qb)}) > 1:
        return "rate"  # "$23 million a year" is no total, unless its sentence gives the term
    if qa.period and qb.period and qa.period != qb.period:
        return "period"  # a quarter's revenue and the year's are two quantities
    if a.concept and b.concept and a.concept != b.concept and not _one_named_one_plain(a, b):
        return "concept"
    if qa.length_sense and qb.length_sense and qa.length_sense != qb.length_sense:
        return "size and distance"  # "a 3-metre shark" is not "50 metres from the shore"
    if any(x.value.participle and y.concept in load_lexicon().people_concepts and not _the_nouns_own_concept(y)
           for x, y in ((a, b), (b, a))):
        return "what happened to them"  # "14 trapped miners" against "two miners were killed"
    if qa.family == "designator" and not values_equal_loose(a, b) and not _two_ranges_of_versions(a, b):
        return "designator"  # Internet Explorer 8 and 9 are two versions, never two readings of one
    for x, y in ((a, b), (b, a)):
        if x.concept and not y.concept and y.value.sentence_concepts and x.concept not in y.value.sentence_concepts:
            return "concept"  # "12 injured" vs "at least three people, a man and two women, were killed"
        if x.concept in load_lexicon().duration_concepts and not y.concept:
            return "concept"  # a prison term or a strike is named so: "for three decades feigned lunacy" is neither
    if _scopes_of_two_regions(a, b) or _scopes_of_two_widths(a, b):
        return "scope"  # "1.2 million SUVs in the United States", "400,000 in Europe", "across Asia"
    if a.subject and b.subject and not (same_name(a.subject, b.subject) or spelt_two_ways(a.subject, b.subject)) \
            and not _same_holder(a, b) and not (
            distinctive(a) and distinctive(b) and values_equal_loose(a, b)) and not _two_parties_named_alike(a, b):
        return "subject"  # (the same $9.3m from "the Department of Energy" and "the US government" is one grant)
    if qa.increment != qb.increment or qa.part != qb.part or (qa.total != qb.total and not _both_to_date(a, b)):
        return "addition, part or total"
    if _whole_of_the_other(a, b) or _whole_of_the_other(b, a):
        return "part and its whole"  # "three of his eight children" and "eight children"
    if qa.offset != qb.offset and not (_lasted_since(a, b) or _lasted_since(b, a)):
        return "offset"  # "two weeks ago" says when; "lasted two weeks" how long
    if qa.holder and qb.holder and qa.holder != qb.holder:
        return "holder"  # the 13-inch model's price and the 15-inch model's
    if qa.estimated_by and qb.estimated_by and not same_party(qa.estimated_by, qb.estimated_by):
        return "another party's estimate"  # the police's count of a crowd and the organisers'
    if qa.stance and qb.stance and qa.stance != qb.stance:
        return "stance"  # the union's demand and what the pilots will get: two figures of one bargain
    if _model_unknown(a, b) and not values_equal_loose(a, b):
        return "model unknown"  # "the basic model starts at $2,199" may agree with a price, never disagree
    if qa.people and qb.people and not any(same_person(x, y) for x in qa.people for y in qb.people):
        return "people"  # "Rait fell 200 ft" and "Buckley fell 700 m": two people's figures
    if (a.background and b.current) or (b.background and a.current):
        return "background"
    if any(c.background.startswith(ELSEWHERE) for c in (a, b)) and not (a.places & b.places) and not (
            values_equal_loose(a, b)):
        return "elsewhere"  # "a quake in eastern China killed more than a dozen" vs the story's toll in Iran
    if (a.as_of and b.as_of and not timeml.agree(a.as_of, b.as_of) and qa.family != "age"
            and not _days_of_one_running_count(a, b) and not _sizes_of_things(a, b)
            and not timeml.one_night(a.as_of, b.as_of, a.row.quote, b.row.quote)):
        return "reference time"  # (a person's ages at two times are compared by birthdays: _ageing)
    if a.concept == b.concept and a.concept in load_lexicon().level_concepts and (
            _told_before_its_time(a, b) or _told_before_its_time(b, a)):
        return "reference time"  # Monday's "a crowd of 70" is no count of Wednesday's crowd
    if (qa.family in PLACE_BOUND_FAMILIES and not a.concept == b.concept != qa.family
            and (qa.direction or qb.direction or a.subject or b.subject)):
        # A distance or area is only the same quantity between the same places and in the same
        # direction ("12 inches of rain" names no place and is compared like any measure).
        if not (a.subject and b.subject) and not _one_place_named(a, b) and not _one_reference_point(a, b):
            return "places"
        if qa.direction and qb.direction and not _same_bearing(qa.direction, qb.direction):
            return "direction"
    same_concept = bool(a.concept) and a.concept == b.concept
    if same_concept:
        if MAX_SAME_MEASURE_RATIO < _value_ratio(a, b) < math.inf:  # none against some is one measure
            return "magnitude"
    elif not _magnitude_ok(a, b):
        return "magnitude"
    return ""


def _one_place_named(a: Claim, b: Claim) -> bool:
    """Both sentences name the same place ("the 34-kilometre crossing" of "the Straits of Korran"
    and "the 32-kilometre Straits of Korran"; "80 km from Tessel" and "50 km off the Tessel coast"):
    the distances are of one stretch even when the parse gives one of them no subject."""
    return any(same_name(x, y) for x in a.places for y in b.places) or any(
        x.subject and re.search(rf"\b{re.escape(x.subject)}\b", y.frame) for x, y in ((a, b), (b, a)))


# What a distance is measured from, right after its unit: "8 km from the finish", "5 km from the finish".
_FROM_AFTER_THE_UNIT = re.compile(r"#\s*[a-z]*\s+from\s+(?:the\s+)?([a-z]+)")


def _one_reference_point(a: Claim, b: Claim) -> bool:
    """Both distances are measured from one point named by the same common noun ("8 km from the
    finish" and "5 km from the finish" of one stage): one stretch, though no name says where."""
    points = [_FROM_AFTER_THE_UNIT.search(c.frame) for c in (a, b)]
    return all(points) and points[0].group(1) == points[1].group(1) and points[0].group(1) not in STOPWORDS


def _told_before_its_time(undated: Claim, dated: Claim) -> bool:
    """An undated figure whose article came out before the other figure's date: it speaks of an
    earlier moment."""
    if undated.as_of or not dated.as_of or not undated.published:
        return False
    told, then = timeml.parse_iso_date(undated.published[:10]), timeml.start(dated.as_of)
    return bool(told and then and told < then)


# The place a scope names: its capitalised words ("in the United States" -> "United States").
_SCOPE_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*")


def _scopes_of_two_regions(a: Claim, b: Claim) -> bool:
    """Each figure covers a country or a continent, and neither lies in the other: two regions'
    counts, not two readings of one. (Smaller places are left to the frames: the gazetteer knows
    no province, so "in Aceh" and "in Indonesia" must not be kept apart.)"""
    x, y = _region(a), _region(b)
    if not (x and y) or same_name(x, y):
        return False
    return not (region_holds(x, y) or region_holds(y, x))


# A scope's width: several countries, one country, a place inside one (0: its words do not say).
SEVERAL_COUNTRIES, ONE_COUNTRY, INSIDE_A_COUNTRY = 3, 2, 1


def _scopes_of_two_widths(a: Claim, b: Claim) -> bool:
    """One figure covers several countries and the other one country or a place inside one
    ("230,000 across Asia", "170,000 in the province"): a whole and its part, or two parts, not
    two readings of one quantity."""
    x, y = _scope_width(a.value.scope), _scope_width(b.value.scope)
    return bool(x and y) and x != y


@functools.lru_cache(maxsize=4096)
def _scope_width(scope: str) -> int:
    """The width a scope's words give: a noun of the lexicon's widths first (a place inside a
    country outranks the country it names: "in the capital of France"), else the gazetteer's reading
    of the names ("across Asia", "in the US and Canada", "in Peru"); 0 for a name it does not know
    ("in Sumatra")."""
    if not scope:
        return 0
    lex = load_lexicon()
    words = {w.lower().strip(".,;:'’") for w in scope.split()}
    if words & lex.scope_several_countries:
        return SEVERAL_COUNTRIES
    if words & lex.scope_inside_a_country:
        return INSIDE_A_COUNTRY
    if words & lex.scope_one_country:
        return ONE_COUNTRY
    names = [m.group() for m in _SCOPE_NAME.finditer(scope)]
    if len([n for n in names if is_country_or_continent(n)]) > 1:
        return SEVERAL_COUNTRIES  # "in the US and Canada"
    m = _SCOPE_NAME.search(scope)
    if m and is_continent(m.group()):
        return SEVERAL_COUNTRIES
    if m and is_country_or_continent(m.group()):
        return ONE_COUNTRY
    return 0


def _region(c: Claim) -> str:
    """The country or continent a figure covers: its scope's ("400,000 SUVs in Europe"), else the
    one place its sentence names when that is a country or a continent; '' when unknown."""
    return _region_of(c.value.scope, c.places)


@functools.lru_cache(maxsize=65_536)
def _region_of(scope: str, places: frozenset[str]) -> str:  # per pair of a large run: cached
    m = _SCOPE_NAME.search(scope)
    if m:
        return m.group() if is_country_or_continent(m.group()) else ""
    if scope or len(places) != 1:
        return ""
    place = next(iter(places))
    return place if is_country_or_continent(place) else ""


def _model_unknown(a: Claim, b: Claim) -> bool:
    """One of the two is of an unknown model: its article gives the measure per model and ties
    it to none; or a figure tied to one product model meets one tied to none (an article about
    several models often gives a price, a battery life or a memory size without repeating whose
    it is). A quake named by its magnitude ("the 6.1-magnitude quake") is no product model: the
    island's population its clause gives is the island's, and a figure tied to no quake may
    dispute it."""
    qa, qb = a.value, b.value
    return qa.holder_unknown or qb.holder_unknown or (
        qa.holder != qb.holder and not any(_names_an_event(q.holder) for q in (qa, qb)))


def _names_an_event(holder: str) -> bool:
    """The holder is a magnitude ("6.1 magnitude"): it names a quake, not a model of a product."""
    return bool(holder) and units.family(holder.rsplit(" ", 1)[-1]) == "magnitude"


def _whole_of_the_other(part: Claim, other: Claim) -> bool:
    """``other`` states the whole ``part`` is a part of ("three of his eight children" against
    "eight children"), unless both say the same of it ("two of the three victims died" against
    "three people died" are two death tolls)."""
    whole = part.value.of_whole
    if not whole or (part.concept and part.concept == other.concept):
        return False
    q = other.value
    return q.lo - q.tol <= whole <= q.hi + q.tol


def _sorted_two_ways(nouns: set[str]) -> bool:
    """Two counted nouns that sort people along different lines, one by sex or age and one by
    role: of the others beside someone ("Jeffs and 11 other men were charged", "he will join 12
    other defendants charged") they may count one group. (Of everyone, "two women" may be a part
    of "three workers".)"""
    lex = load_lexicon()
    by_sex_or_age = nouns & lex.sex_age_nouns
    return len(nouns) == 2 and len(by_sex_or_age) == 1 and not nouns & lex.generic_count_nouns


def _everyone_by_role(a: Claim, b: Claim, nouns: set[str]) -> bool:
    """A toll counted as people and the same toll counted by the role they shared ("Five people
    died", "killed four skiers"): one group, for a people concept both name. (By sex or age, "two
    women" of "three people" is a part.)"""
    lex = load_lexicon()
    return (len(nouns) == 2 and bool(a.concept) and a.concept == b.concept and a.concept in lex.people_concepts
            and len(nouns & lex.generic_count_nouns) == 1 and not nouns & lex.sex_age_nouns)


def _concept_names_the_nouns(a: Claim, b: Claim) -> bool:
    """Two counts of one concept that counts people ("12 killed", "12 victims died") or nouns of its
    own (homes and customers without power), whatever noun each counts: the concept says what is
    counted. A concept of any noun ("cancelled") leaves "180 flights" and "5,000 operations" two things."""
    if not (a.concept and a.concept == b.concept):
        return False
    lex = load_lexicon()
    return a.concept in lex.people_concepts or a.concept in concept_noun_keys(lex)


def _part_exceeds_whole(a: Claim, b: Claim) -> bool:
    """A count of a narrower group larger than the count of everyone ("two firefighters were
    injured" against "no one was injured"), or of a sort larger than the count of its kind ("at
    least 40 cars" against "31 vehicles"): the two cannot both be true. Only of one concept: "43
    injured" is no count of everyone on a train "carrying about 250 passengers"."""
    lex = load_lexicon()
    generic = [c for c in (a, b) if _noun(c.value.unit) in lex.generic_count_nouns]
    if len(generic) != 1:  # or the kind of the other's sort ("31 vehicles" against "at least 40 cars")
        generic = [c for c, other in ((a, b), (b, a))
                   if kind_of_count_noun(_noun(other.value.unit), lex) == _noun(c.value.unit)]
    if len(generic) != 1:
        return False
    whole = generic[0]
    part = b if whole is a else a
    return part.concept == whole.concept and part.value.lo - part.value.tol > whole.value.hi + whole.value.tol


def distinctive(c: Claim) -> bool:
    """A value with two or more significant digits ("$9.3m", "334"): two sources giving it rarely do so by chance."""
    return len(re.sub(r"\D", "", c.row.value.split(".")[0] + c.row.value.partition(".")[2]).strip("0")) >= 2


def values_equal_loose(a: Claim, b: Claim) -> bool:
    """Same value within rounding (bounds admitting each other count), across units of one family."""
    qa, qb = on_one_footing(a.value, b.value)
    if qa.zero_gap or qb.zero_gap or (qa.family == "currency" and qa.base_unit != qb.base_unit):
        return False
    if qa.bound == "tally" or qb.bound == "tally":  # "36-3": both counts, in their order
        return (qa.lo, qa.hi) == (qb.lo, qb.hi)
    tol = max(qa.tol, qb.tol)
    lo_a, hi_a = (qa.lo, qa.hi)
    lo_b, hi_b = (qb.lo, qb.hi)
    return max(lo_a, lo_b) - min(hi_a, hi_b) <= tol + 1e-9 * max(abs(lo_a) if math.isfinite(lo_a) else 1, 1)


def _two_ranges_of_versions(a: Claim, b: Claim) -> bool:
    """Two ranges of versions of one product ("IE6 to 10", "IE 6 through 11"): each says which
    versions something holds for, so where their ends differ the sources disagree. A version and
    another, or two sizes, are two things."""
    return all(c.value.bound == "tally" and c.row.qualifier == "range" for c in (a, b)) and a.concept == b.concept


def _same_bearing(a: str, b: str) -> bool:
    """"north" and "north-northeast" may be one bearing written loosely; "northwest" and "east" are not."""
    pa, pb = set(a.replace("-", " ").split()), set(b.replace("-", " ").split())
    return a == b or bool(pa & pb) or a in b or b in a


def figure_score(s: Scorer, i: int, j: int) -> float | None:
    """How surely two figures are the same quantity; None when they cannot be or their score is
    below the bar (``figure_align_min``): a rerun's memo keeps only edges, not near misses."""
    a, b = s.items[i], s.items[j]
    qa, qb = a.value, b.value
    if a.doc_id == b.doc_id or different_quantities(a, b):
        return None
    frame = s.frame(i, j)
    same_event = _date_one_happening(a, b)
    if bool(a.background) != bool(b.background) and not same_event and (frame < BACKGROUND_FRAME_MIN or not (
            values_equal_loose(a, b) or (a.background and not a.as_of) or (b.background and not b.as_of))):
        # Background against a figure of the article's own time: only when the frames tell of one
        # event, and never with different values when the background one is dated ($1.1bn in
        # 2019 is no rival of a 2025 article's undated $5.2bn, which speaks of its own year).
        return None
    one_act = _one_act_timed(a, b)
    sole = (s.sole_figures_of_a_family(i, j) or s.sole_spans_of_one_act(i, j)) and _magnitude_ok(a, b)
    # each article's only count of one thing, of one concept (or none) and what happened to it, is
    # evidence of one quantity as each article's only amount of money is ("sole" above), for two
    # values the frames alone would keep apart (the same count already has a lower bar)
    sole_count = (not values_equal_loose(a, b) and _magnitude_ok(a, b) and a.concept == b.concept
                  and qa.participle == qb.participle and s.sole_counts_of_one_thing(i, j))
    # each article's only age, of one described person and no name or of a name in one only: the story's one person
    sole_age = qa.family == "age" and s.sole_ages_of_one_noun(i, j) and s.only_ages_of_their_articles(i, j)
    sole_stance = s.sole_figures_of_one_stance(i, j)  # the bargain's one demand, offer or deal
    if not (values_equal_loose(a, b) or frame >= DIFFERENT_VALUE_FRAME_MIN or same_event or one_act or sole_count
            or sole_age or sole_stance):
        return None  # calling two different values one quantity needs frames that say so (or one act timed)
    if qa.starting_value != qb.starting_value and not values_equal_loose(a, b):
        return None  # "£3.20, up from £2.60": what the toll was may agree with "the current toll", never dispute £3.10
    if _another_acts_length(a, b) or _another_acts_length(b, a):
        return None  # "married for 40 years" in a sentence that tells the playing apart: the marriage's length
    if not values_equal_loose(a, b) and (s.list_gives(j, a) or s.list_gives(i, b)):
        return None  # "magnitude 2.9 and 2.1" against "a 2.9 aftershock": the list's 2.1 is another one
    acts_counted = qa.family == "count" and (_the_act_and_its_noun(a, b) or _the_act_and_its_noun(b, a))
    if qa.family == "count" and (qa.unit or qb.unit) and _noun(qa.unit) != _noun(qb.unit) and not (
            _concept_names_the_nouns(a, b) or acts_counted) and frame < NOUN_FRAME_MIN:
        return None  # "50 people" vs "40 houses"; "two guards" and "two officers" pass on their frames
    if qa.family == "count" and not values_equal_loose(a, b) and not acts_counted:
        nouns = {_noun(qa.unit), _noun(qb.unit)} - _nouns_of_the_concept(a, b) - _nouns_of_a_compound(a, b)
        different_groups = (len(nouns) > 1 and not nouns <= load_lexicon().generic_count_nouns
                            and not (qa.increment and qb.increment and _sorted_two_ways(nouns))
                            and not _everyone_by_role(a, b, nouns))
        if different_groups and not _part_exceeds_whole(a, b):
            return None  # "two women" of "three people": a part of the count, not a rival figure
        if not (qa.unit or a.concept or a.measure_text) or not (qb.unit or b.concept or b.measure_text):
            return None  # a bare "275" says nothing of what it counts: it may agree, never dispute
        if qa.window or qb.window:
            return None  # "seven of their last eight games": the writer's span, no rival of "nine games"
    measure = s.measure(i, j)
    # an offset's measure is the happening it dates, if read; a span since a clause is measured by the clause
    lasted = _lasted_since(a, b) or _lasted_since(b, a)
    named = (not qa.offset or bool(qa.event and qb.event)) and not lasted
    if (measure is not None and measure < MEASURE_DIFFERENT_MAX and not (a.concept and a.concept == b.concept)
            and named and frame < MEASURE_RESCUE_FRAME and not one_act and not sole and not sole_count
            and not sole_stance):
        return None  # each names what it measures ("married", "moved back": what it dates), and the names differ
    if (qa.family == "percent" and not values_equal_loose(a, b) and not (a.concept and a.concept == b.concept)
            and not s.same_population(i, j) and not sole_stance
            and not (frame >= MEASURE_RESCUE_FRAME and s.sole_shares_of_one_holder(i, j))):
        # 26% of conference papers and 47% of researchers are shares of different wholes; a shared
        # concept says of what ("revenue climbs 6%", "revenue grew 8%"), and so do close frames of
        # one holder's only share ("Brightwell shareholders will own 60% of the new company" and
        # "Brightwell investors will hold 55% of the enlarged group")
        return None
    if (qa.family == "age" and not (a.subject and b.subject) and not _aged_alike(a, b) and frame < AGE_FRAME_MIN
            and not s.sole_ages_of_one_noun(i, j)):
        return None  # an age is compared only with the same person's age
    score = W_FRAME * frame + W_SENTENCE * s.context(i, j) + W_NAMES * jaccard(a.subjects, b.subjects)
    if (a.concept and a.concept == b.concept) or same_event or lasted or one_act or sole_stance:
        score += CONCEPT_BONUS  # (a span since a clause that names the other's measure names it too)
    if (a.subject and b.subject) or _same_holder(a, b) or _aged_alike(a, b) or sole_age:
        score += SUBJECT_BONUS
    if same_exact_amount(a, b):
        score += SAME_AMOUNT_BONUS  # "a 2.9 aftershock" outranks the area's usual "magnitude 2 and 3"
    if SOLE_COUNT_BONUS and _magnitude_ok(a, b) and s.sole_counts_of_one_thing(i, j):  # (55 on a shift, 2,300 staff)
        score += SOLE_COUNT_BONUS
    allowance = SOLE_FIGURE_ALLOWANCE if sole or sole_count or sole_age or sole_stance else 0.0
    return score if score >= figure_align_min(a, b) - allowance else None


def _another_acts_length(a: Claim, b: Claim) -> bool:
    """``b``'s sentence tells ``a``'s lasting act, and ``b``'s figure lasts another: "have played the same
    numbers for 25 years" and "The couple, who have been married for 40 years, have played the same numbers
    since 2015": the 40 years are the marriage's, and the sentence tells the playing apart from them."""
    la, lb = a.value.lasting, b.value.lasting
    return bool(la and lb and not la & lb and la <= set(content_stems(b.row.quote)))


def _one_act_timed(a: Claim, b: Claim) -> bool:
    """Two lengths of time of one act: the words before their "for" share a stem ("was stopped
    for 20 minutes", "stopped playing for around 45 minutes"), whoever's show or band it was."""
    return not (a.value.offset or b.value.offset) and bool(a.value.lasting & b.value.lasting)


def _the_act_and_its_noun(counted: Claim, done: Claim) -> bool:
    """One count counts acts by their noun and the other the people the act was done to: "issued
    45,000 fines" and "38,000 motorists were fined" count one thing (a fine per motorist)."""
    act, noun = done.value.participle.lower(), _noun(counted.value.unit)
    return bool(act and noun) and (stem(act) == noun or act in (f"{noun}d", f"{noun}ed"))


# "a 12-year-old", "the 12 year old boy": an age written to stand before a noun (not "12 years old").
_AGE_BEFORE_A_NOUN = re.compile(r"\byear[- ]old\b", re.IGNORECASE)


def _aged_alike(a: Claim, b: Claim) -> bool:
    """Two ages each told of the one person their clause names ("Rupert Vane ... has died at the age
    of 81", "Rupert Vane ... died on Monday aged 82"): the same person's age. An age before a noun
    ("sexually assaulting a 12-year-old") is the noun's, whoever the clause names; an age told of
    the subject ("Katya is eight years old") is the subject's."""
    def of(c: Claim) -> str:
        people = c.value.people
        return people[0] if c.value.family == "age" and len(people) == 1 and not _AGE_BEFORE_A_NOUN.search(
            c.text) else ""
    x, y = of(a), of(b)
    return (bool(x and y) and same_person(x, y)) or _one_described_person(a, b)


def _one_described_person(a: Claim, b: Claim) -> bool:
    """Two ages told of people the sentences name by one noun only (or nouns of one group, "the
    worker" and "an employee", lexicon `alike_count_nouns`): the same person when the
    noun is a role the story gives one person ("The 58-year-old driver", "The driver, 61"), or, for
    a noun anyone is ("man", "woman"), when both sentences tell the same happening ("A 41-year-old
    man has been arrested", "Police arrested a 43-year-old man"); a man stabbed and a man arrested
    stay two people."""
    qa, qb = a.value, b.value
    if not (qa.family == qb.family == "age" and qa.age_of and qb.age_of):
        return False
    lex = load_lexicon()
    if count_noun(qa.age_of, lex) != count_noun(qb.age_of, lex):  # "the worker" and "an employee" alike
        return False
    if qa.people or qb.people or a.subject or b.subject:
        return False
    return qa.age_of not in ANYONE_NOUNS or bool(qa.sentence_concepts & qb.sentence_concepts)


def _same_holder(a: Claim, b: Claim) -> bool:
    """Both clauses name the same model ("$1,099 for the base 13-inch version", "the 13-inch
    costs $1,199"): the model is whose figure it is, more surely than the nearest name of the
    sentence ("Apple will ask $1,099 ..." names the seller)."""
    return bool(a.value.holder) and a.value.holder == b.value.holder


def _nouns_of_the_concept(a: Claim, b: Claim) -> set[str]:
    """The counted nouns that name the two figures' shared concept ("1,100 employees" of a
    workforce) or that it counts alike (lexicon `[concept_nouns]`: "homes" and "customers" without
    power): no narrower group than the concept's own "people". A concept one figure has and the
    other lacks counts so when both nouns are its own."""
    concept = a.concept or b.concept
    if not concept or (a.concept and b.concept and a.concept != b.concept):
        return set()
    lex = load_lexicon()
    alike = {_noun(w) for name, nouns in lex.concept_nouns if name == concept for w in nouns}
    found = {_noun(q.unit) for q in (a.value, b.value)
             if q.unit and (concept_of_word(q.unit.lower(), lex) == concept or _noun(q.unit) in alike)}
    # one concept told by one source ("410,000 visitors") and another's noun it counts ("drew
    # 380,000 people"): only when both nouns are the concept's, or the concept's figure counts no
    # noun of its own ("a record crowd of 61,245" and "59,800 fans watching")
    named = a if a.concept else b
    return found if a.concept == b.concept or len(found) == 2 or (not named.value.unit and found) else set()


def _nouns_of_a_compound(a: Claim, b: Claim) -> set[str]:
    """A counted noun that the other figure's noun phrase holds as a modifier ("1,500 job cuts"
    counts jobs, as "1,200 jobs" does): the two count one group."""
    out = set()
    if not (a.value.unit and b.value.unit):
        return out  # "two of Egypt's largest providers" names no counted noun of its own: no compound
    for x, y in ((a, b), (b, a)):
        noun, own = _noun(x.value.unit), _noun(y.value.unit)
        if noun != own and noun in {_noun(w) for w in y.measure_text.split()}:
            out |= {noun, own}
    return out


def figure_align_min(a: Claim, b: Claim) -> float:
    """The score two figures need to be one quantity: lower for the same count of the same named
    thing ("two guards" and "two guards"), for the same measurement to the digit, the same score or
    the same range of one product's versions, for a figure converted to another unit and for two
    durations dating one happening, which are evidence of identity, not of importance (the edge
    keeps its score, which ranks the finding)."""
    qa, qb = a.value, b.value
    same_count = (qa.family == "count" and qa.unit and _noun(qa.unit) == _noun(qb.unit)
                  and _noun(qa.unit) not in load_lexicon().generic_count_nouns and values_equal_loose(a, b))
    same_versions = _two_ranges_of_versions(a, b) and values_equal_loose(a, b)  # "IE 6 through 11" twice
    same_tally = qa.bound == qb.bound == "tally" and values_equal_loose(a, b)  # "beat Eastfield 3-1", "a 3-1 win"
    evidence = (same_count or same_exact_amount(a, b) or same_versions or same_tally or _date_one_happening(a, b)
                or _converted(a, b))
    return FIGURE_ALIGN_MIN - SAME_COUNT_BONUS if evidence else FIGURE_ALIGN_MIN


def measured_amount(c: Claim) -> bool:
    """A measurement of several digits ("$2,199", "magnitude 2.9", "1.2 miles"), not a bound. A size
    that names a kind of thing ("the 15-inch") is no reading: every source names the model alike,
    whatever it says of it."""
    q = c.value
    return q.family in units.MEASURED_FAMILIES and not q.bound and distinctive(c) and not designation_unit(c.row.text)


def same_exact_amount(a: Claim, b: Claim) -> bool:
    """Two measurements given to the same digits ("a 2.9 aftershock" and "magnitude 2.9"): rarely a
    coincidence, and surer than a figure that agrees only within its rounding ("magnitude 2 and 3")."""
    qa, qb = a.value, b.value
    return (measured_amount(a) and measured_amount(b)
            and (qa.family, qa.base_unit, qa.lo, qa.hi) == (qb.family, qb.base_unit, qb.lo, qb.hi))


def _date_one_happening(a: Claim, b: Claim) -> bool:
    """Two durations that say when date the same happening ("married two weeks ago", "married
    three weeks before the shooting"): one quantity, as two figures of one concept are."""
    return bool(a.value.event) and a.value.event == b.value.event


def _converted(a: Claim, b: Claim) -> bool:
    """One figure is the other converted to another unit ("120 mph" and "193 km/h", "36,000 feet"
    and "11,000 metres"): a source that converts restates the same quantity, and two figures of
    several digits meeting after conversion rarely do so by chance. The same unit spelt two ways
    ("mph", "miles per hour") is no conversion; currencies never meet here (their rates move:
    values_equal_loose keeps them apart)."""
    qa, qb = a.value, b.value
    if qa.family != qb.family or qa.family == "count" or not (qa.unit and qb.unit):
        return False
    return (units.scale(qa.unit)[:2] != units.scale(qb.unit)[:2]
            and distinctive(a) and distinctive(b) and values_equal_loose(a, b))


def align_figures(items: Sequence[Claim], scorer: Scorer) -> list[Edge]:
    """Edges between figures of different documents that measure the same quantity."""
    small = {fam for fam in {c.value.family for c in items}
             if sum(1 for c in items if c.value.family == fam) <= ALL_PAIRS_MAX}

    def keys(c: Claim) -> list[Hashable]:
        out = _figure_keys(c)
        if c.value.family in small or c.value.zero_gap:
            out.append(("family", "*" if c.value.zero_gap else c.value.family))
        return out

    edges = []
    for i, j, score in scorer.scores(candidate_pairs(items, keys, max_bucket=max(MAX_BUCKET, ALL_PAIRS_MAX)),
                                     figure_score):
        edges.append(Edge(i, j, round(score, 6)))
    return edges


# --------------------------------------------------------------------------- dates and times


def _context_keys(c: Claim) -> list[Hashable]:
    return list(set(c.context) | {("E", s) for s in c.subjects})


def same_moment(a: Claim, b: Claim) -> bool:
    """Two dates that may be the same day (or two times the same minute, within their tolerances)."""
    ma, mb = a.value, b.value
    if a.kind == ClaimKind.TIME:
        return ma.lo - ma.tol <= mb.hi + mb.tol and mb.lo - mb.tol <= ma.hi + ma.tol
    return timeml.agree(day_of(a), day_of(b))


def dates_cannot_link(a: Claim, b: Claim) -> str:
    """A date that dates a statement ("announced today") joins only the same date: it is the day
    the event was told, so it backs a source that gives that day, but disputes nothing."""
    if (a.value.reported or b.value.reported) and not same_moment(a, b):
        return "reported"
    if a.value.phase and b.value.phase and a.value.phase != b.value.phase:
        return "phase"
    if _a_state_since(a, b) and not same_moment(a, b):
        # "trapped since Friday" says when a state began; "brought to the surface on Wednesday"
        # dates a later moment of it, no rival of the start ("began striking on January 11" is one)
        return "a start and a later moment"
    if a.value.act and b.value.act and a.value.act != b.value.act:
        return "act"  # a conviction and a sentencing: two days of one case
    if (a.value.act == DEPARTURE) != (b.value.act == DEPARTURE):
        return "a departure"  # "left Kelsa at 4 a.m." dates no moment of what happened on the way
    if (a.value.act == DISCOVERY) != (b.value.act == DISCOVERY):
        return "a discovery"  # "noticed she was missing at 10.30am" is no rival of "got out at about 8am"
    if a.value.fiscal != b.value.fiscal:
        return "fiscal"  # a company's fiscal third quarter is no calendar quarter, nor a month of one
    if a.kind == ClaimKind.TIME and timeml.days_between(a.value.day, b.value.day) % 7:
        # 8:30 p.m. on Tuesday and 11:30 p.m. on Saturday are two moments; "8.39am on Saturday"
        # may be read a week off the other's Saturday (the week is our reading, not the source's)
        return "another day"
    return ""


def _a_state_since(a: Claim, b: Claim) -> bool:
    """One date says since when a state holds ("trapped since Friday") and the other is a later
    moment, which the state holds at ("brought to the surface on Wednesday"). A moment before the
    start may still dispute it ("began striking on January 11" against "since January 12")."""
    since = [c.value.qualifier == "since" for c in (a, b)]
    if since[0] == since[1] or a.kind != ClaimKind.DATE or b.kind != ClaimKind.DATE:
        return False
    start, other = (a, b) if since[0] else (b, a)
    began, moment = timeml.interval(start.value.value), timeml.interval(other.value.value)
    return began is not None and moment is not None and moment[0] > began[1]


def owned_alike_days(a: Claim, b: Claim) -> bool:
    """Two days each written as the owner of one noun ("Saturday's draw", "last Wednesday's draw"): the
    noun names the happening both date, as a made thing's making or a ranked day does."""
    return a.kind == b.kind == ClaimKind.DATE and bool(a.value.owned) and a.value.owned == b.value.owned


def date_score(s: Scorer, i: int, j: int) -> float | None:
    """How surely two dates (or times) tell of one happening; None when they cannot or their
    score is below the bar (lower when they give the same moment)."""
    a, b = s.items[i], s.items[j]
    ma, mb = a.value, b.value
    if a.doc_id == b.doc_id or dates_cannot_link(a, b):
        return None
    if a.kind == ClaimKind.TIME and ma.zone and mb.zone and ma.zone.lower() != mb.zone.lower():
        return None  # 08:30 local and 06:31 GMT are not compared without the offset
    over, shared = s.overlap(i, j)
    common = max(DATE_RARE_DF_SHARE * s.tfidf.n, DATE_RARE_MIN_DF)
    rare = sum(1 for t in shared if s.tfidf.df.get(t, 0) <= common)
    rare += bool(ma.phase and ma.phase == mb.phase)  # "repaired" and "completed" name one moment
    made_alike = a.kind == ClaimKind.DATE and bool(ma.made) and ma.made == mb.made
    ranked_alike = a.kind == ClaimKind.DATE and bool(ma.ranked) and ma.ranked == mb.ranked
    owned_alike = owned_alike_days(a, b)
    if rare < DATE_MIN_SHARED and s.frame(i, j) < 0.6 and a.kind == ClaimKind.DATE and not (
            made_alike or ranked_alike or owned_alike):
        return None
    score = W_DATE_FRAME * s.frame(i, j) + W_DATE_WORDS * over + W_DATE_NAMES * jaccard(a.subjects, b.subjects)
    if a.kind == ClaimKind.TIME and ma.lo == mb.lo and ma.lo % 60:
        score += SAME_MINUTE_BONUS  # two sources giving the same 4:30 rarely tell of two moments
    if made_alike or ranked_alike or owned_alike:
        score += SAME_THING_MADE_BONUS  # a busiest day, a building's opening, a draw: one happening
    if ma.phase in ONE_MOMENT_PHASES and ma.phase == mb.phase:
        score += SAME_PHASE_BONUS
    bar = DATE_AGREE_MIN if same_moment(a, b) else DATE_ALIGN_MIN
    if (a.kind == ClaimKind.TIME and s.sole_times_of_one_day(i, j)) or (
            a.kind == ClaimKind.DATE and s.sole_dates_of_one_phase(i, j)):
        bar -= SOLE_TIME_ALLOWANCE  # evidence of one moment, not of importance: the edge keeps its score
    return score if score >= bar else None


def align_dates(items: Sequence[Claim], scorer: Scorer) -> list[Edge]:
    """Edges between dated events (or times of day) of different documents that tell of the same happening."""
    all_pairs = len(items) <= ALL_PAIRS_MAX

    def keys(c: Claim) -> list[Hashable]:
        return [*_context_keys(c), "all"] if all_pairs else _context_keys(c)

    edges = []
    for i, j, score in scorer.scores(candidate_pairs(items, keys, max_bucket=max(MAX_BUCKET, ALL_PAIRS_MAX)),
                                     date_score):
        edges.append(Edge(i, j, round(score, 6)))
    return edges


# --------------------------------------------------------------------------- statuses, outcomes, judgements


def align_grouped(items: Sequence[Claim], scorer: Scorer, group_of: Callable[[Claim], str],
                  accept: Callable[[Scorer, int, int], float | None]) -> list[Edge]:
    """Edges within the same scale, outcome set or judgement axis, scored by ``accept``."""
    edges = []
    for i, j, score in scorer.scores(candidate_pairs(items, lambda c: [group_of(c)], max_bucket=10**6), accept):
        edges.append(Edge(i, j, round(score, 6)))
    return edges


def status_score(s: Scorer, i: int, j: int) -> float | None:
    """Two statuses of one story: the same names and related frames, or frames that clearly match
    (an arson charge and "the cause of the fire" name no one in common)."""
    a, b = s.items[i], s.items[j]
    shared = a.subjects & b.subjects
    frame = s.frame(i, j)
    if a.doc_id == b.doc_id or not ((shared and frame >= STATUS_FRAME_MIN) or frame >= OUTCOME_FRAME_MIN
                                    or len(shared) >= STATUS_SHARED_NAMES):
        return None
    return frame + 0.2 * jaccard(a.subjects, b.subjects)


def outcome_score(s: Scorer, i: int, j: int) -> float | None:
    """Two outcomes of the same thing: close frames, and the same names when both name someone."""
    a, b = s.items[i], s.items[j]
    frame = s.frame(i, j)
    if a.doc_id == b.doc_id or frame < OUTCOME_FRAME_MIN:
        return None
    if a.subjects and b.subjects and not (a.subjects & b.subjects):
        return None
    return frame + 0.2 * jaccard(a.subjects, b.subjects)


# A judgement pair's score: frame and sentence similarity, plus what shared names add (at most
# JUDGEMENT_NAMES_WEIGHT, a Jaccard of 1).
JUDGEMENT_FRAME_WEIGHT = 0.7
JUDGEMENT_CONTEXT_WEIGHT = 0.3
JUDGEMENT_NAMES_WEIGHT = 0.2
# Rows of one axis compared per matrix product (memory: rows x judgements of the axis).
JUDGEMENT_BLOCK_ROWS = 512


def judgement_score(s: Scorer, i: int, j: int) -> float | None:
    a, b = s.items[i], s.items[j]
    if a.doc_id == b.doc_id:
        return None
    score = (JUDGEMENT_FRAME_WEIGHT * s.frame(i, j) + JUDGEMENT_CONTEXT_WEIGHT * s.context(i, j)
             + JUDGEMENT_NAMES_WEIGHT * jaccard(a.subjects, b.subjects))
    return score if score >= JUDGEMENT_ALIGN_MIN else None


def align_judgements(items: Sequence[Claim], scorer: Scorer) -> list[Edge]:
    """Edges between judgements of one axis that reach ``JUDGEMENT_ALIGN_MIN``.

    Judgements have no value or name to block on, and scoring every pair of an axis grew with its
    square (848,000 pairs at 1,000 documents). The frame and sentence similarities of all pairs of
    an axis are matrix products, so only the pairs whose score can reach the bar with the most
    shared names could add are scored one by one (the same score, the same edges)."""
    by_axis: dict[str, list[int]] = {}
    for i, c in enumerate(items):
        by_axis.setdefault(c.value.axis, []).append(i)
    found = [_judgement_candidates(scorer, members) for members in by_axis.values()]
    pairs = _pairs_of(_distinct(np.concatenate([np.empty(0, dtype=np.int64),
                                                *(a * len(items) + b for a, b in found)])), len(items))
    edges = []
    for i, j, score in scorer.scores(pairs, judgement_score):
        edges.append(Edge(i, j, round(score, 6)))
    return edges


def _judgement_candidates(scorer: Scorer, members: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of ``members`` (ascending) whose frame and sentence similarities, plus the
    most names can add, reach the bar (every pair when there are no frame vectors to multiply),
    as two arrays."""
    n = len(members)
    idx = np.array(members, dtype=np.int64)
    if n < 2:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    if not scorer.vectors.known:
        x, y = _upper_triangle(n)
        return idx[x], idx[y]
    frames = scorer.vectors.matrix[members]
    sentences = sparse_rows([scorer.sentence[i] for i in members])
    need = JUDGEMENT_ALIGN_MIN - JUDGEMENT_NAMES_WEIGHT - 1e-6  # float32 products: a margin, never a miss
    firsts, seconds = [], []
    for start in range(0, n, JUDGEMENT_BLOCK_ROWS):
        stop = min(start + JUDGEMENT_BLOCK_ROWS, n)
        bound = (JUDGEMENT_FRAME_WEIGHT * (frames[start:stop] @ frames.T)
                 + JUDGEMENT_CONTEXT_WEIGHT * (sentences[start:stop] @ sentences.T).toarray())
        rows, cols = np.nonzero(bound >= need)
        upper = start + rows < cols
        firsts.append(idx[start + rows[upper]])
        seconds.append(idx[cols[upper]])
    return np.concatenate(firsts), np.concatenate(seconds)

