"""Number findings: each group of aligned numbers becomes a corroboration, a conflict or an update.

The same value from independent sources is a corroboration; values that cannot both be true are
a numeric conflict; a running count (deaths, injured) that grows with publication time is
superseded by later reports. Merely compatible values ("at least 1" and 5) are neither.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import math
from collections.abc import Callable, Sequence

from pipeline.compare.agreement import (
    CLASH_PAIRWISE_MAX,
    clash_of,
    group_by_agreement,
    later_lower,
    mid,
    rel_diff,
    settled,
    value_groups,
    values_equal,
)
from pipeline.compare.align import (
    Edge,
    Scorer,
    align_figures,
    cluster,
    different_quantities,
    distinctive,
    join_groups,
    measured_amount,
    same_exact_amount,
)
from pipeline.compare.claims import Claim
from pipeline.compare.importance import Salience, importance
from pipeline.compare.lexicon import Lexicon, count_label, counted_group, load_lexicon
from pipeline.compare.model import DraftFinding
from pipeline.compare.notes import number_note, say, who
from pipeline.compare.sources import EdgeStats, copies_note, independent_sources, number_representatives
from pipeline.compare.topics import measure_topic, topic_label
from pipeline.vocab import timeml, units
from pipeline.vocab.kinds import Kind

# Corroborations of numbers with no measure concept need this many sources or a value at least
# this large ("2 sources agree on two aid workers" is noise; "on $3.7bn" is not).
MIN_SOURCES_PLAIN_AGREEMENT = 3


MIN_DISTINCTIVE_VALUE = 10
# A drafted numeric conflict whose statements are mostly list items is not drafted. Measured on the
# 44 numeric conflicts the 17 benchmark sets draft (docs/compare.md): all 8 with more than half list
# items are false; both real ones with any list items have exactly half. Leaving one set out, the
# highest share of a real one in the other sets is 0.5 in every fold, so the bound stands.
MAX_LIST_ITEM_SHARE = 0.5
# A person has at most ceil(days / DAYS_PER_YEAR) birthdays between two reports; between reports
# fewer than BIRTHDAY_MIN_DAYS apart a year's difference is far likelier a disagreement than a birthday
# (8 in a 20 May report and 9 on 21 May: a chance of 1 in 365), and it is shown as one.
DAYS_PER_YEAR = units.UNITS["years"].factor / units.UNITS["days"].factor
BIRTHDAY_MIN_DAYS = 30


def find_number_findings(claims: Sequence[Claim], scorer: Scorer, lexicon: Lexicon) -> list[DraftFinding]:
    """Figures aligned into quantities (never joining two that cannot be one), then classified."""
    edges = align_figures(claims, scorer)
    groups = cluster(claims, edges, cannot_link=different_quantities)
    return number_findings(claims, merge_groups_told_twice(claims, groups), edges)


def merge_groups_told_twice(claims: Sequence[Claim], groups: Sequence[Sequence[int]]) -> list[list[int]]:
    """Groups of one concept that a source joins by giving the same value in both (the headline's
    "kills five" in one group, the body's "Five workers were killed" in another) are one
    quantity told twice: one group, so the update or the dispute is one finding. A source giving
    two values across them, or a background group against a current one, keeps them apart.
    Only groups that share a source and a concept are compared (a look-up, not all pairs)."""
    by_key: dict[tuple[str, bool, str], list[int]] = {}
    unnamed: dict[tuple[bool, str], list[int]] = {}  # groups that name no concept, by source
    for g, members in enumerate(groups):
        concepts = {claims[i].concept for i in members} - {""}  # a member may leave it unsaid
        backgrounds = {bool(claims[i].background) for i in members}
        if len(concepts) > 1 or len(backgrounds) != 1:
            continue
        concept, background = next(iter(concepts), ""), next(iter(backgrounds))
        for doc in sorted({claims[i].doc_id for i in members}):
            if concept:
                by_key.setdefault((concept, background, doc), []).append(g)
            else:
                unnamed.setdefault((background, doc), []).append(g)
    pairs = [pair for bucket in by_key.values() for pair in itertools.combinations(bucket, 2)]
    pairs += _headline_pairs(claims, groups, by_key, unnamed)
    return join_groups(groups, pairs, lambda x, y: _told_twice(claims, groups[x], groups[y]))


def _headline_pairs(claims: Sequence[Claim], groups: Sequence[Sequence[int]],
                    by_key: dict[tuple[str, bool, str], list[int]],
                    unnamed: dict[tuple[bool, str], list[int]]) -> list[tuple[int, int]]:
    """A group that names no concept ("loss of 850 jobs" / "900 jobs at risk" of the headlines)
    and one group of a concept ("cutting 850 jobs" / "putting 900 jobs at risk") whose sources
    give the same values of the same counted things: one figure told twice. Only when a single
    concept's groups are told twice by it: a bare "five" must not join deaths with the injured.
    Only groups that share a source are looked at (a look-up by source, not all pairs)."""
    named: dict[tuple[bool, str], list[tuple[str, int]]] = {}
    for (concept, background, doc), hs in by_key.items():
        named.setdefault((background, doc), []).extend((concept, h) for h in hs)
    candidates: dict[int, set[tuple[str, int]]] = {}
    for key, bare in unnamed.items():
        for g in bare:
            candidates.setdefault(g, set()).update(named.get(key, ()))
    out = []
    for g, partners in sorted(candidates.items()):
        told = {(concept, h) for concept, h in partners
                if _same_things(claims, groups[g], groups[h], concept) and _told_twice(claims, groups[g], groups[h])}
        if len({concept for concept, _ in told}) == 1:
            out.extend((min(g, h), max(g, h)) for _, h in sorted(told))
    return sorted(set(out))


def _same_things(claims: Sequence[Claim], a: Sequence[int], b: Sequence[int], concept: str) -> bool:
    """Two groups of one family that count the same things: "850 jobs" and "850 jobs", or nouns the
    concept counts alike ("210,000 homes" and "180,000 customers" without power), or no noun at all
    on one side ("180,000 without power" in a headline)."""
    lex = load_lexicon()
    alike = {counted_group(w, lex) for name, nouns in lex.concept_nouns if name == concept for w in nouns}

    def things(members: Sequence[int]) -> tuple[set[str], set[str]]:
        return ({claims[i].value.family for i in members},
                {counted_group(claims[i].value.unit, lex) for i in members} - {""})
    (fam_a, nouns_a), (fam_b, nouns_b) = things(a), things(b)
    return len(fam_a) == 1 and fam_a == fam_b and (
        not nouns_a or not nouns_b or bool(nouns_a & nouns_b) or (nouns_a | nouns_b) <= alike)


def _told_twice(claims: Sequence[Claim], a: Sequence[int], b: Sequence[int]) -> bool:
    """Every source in both groups gives a value in one that it gives in the other (a statement
    of its own a group holds besides, "140 injured in the neighbouring district" beside "over 200
    injured", keeps no source's "over 200" from being one figure told twice)."""
    shared = {claims[i].doc_id for i in a} & {claims[j].doc_id for j in b}
    return all(any(values_equal(claims[i], claims[j]) for i in a for j in b
                   if claims[i].doc_id == claims[j].doc_id == doc) for doc in shared)


def number_positions(claims: Sequence[Claim]) -> list[list[int]]:
    """Statements of one finding that state the same figure (within rounding, across units)."""
    return group_by_agreement(range(len(claims)), claims, values_equal)


def number_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]],
                    edges: Sequence[Edge]) -> list[DraftFinding]:
    """Classify each group of aligned numbers: corroboration (the same value from independent
    sources), superseded (a running count that grows with publication time), or numeric conflict
    (values that cannot both be true). Merely compatible values ("at least 1" and 5) are neither."""
    out: list[DraftFinding] = []
    stats = EdgeStats(edges)
    salience = Salience(claims)
    for comp in comps:
        if len({claims[i].doc_id for i in comp}) < 2:
            continue
        reps = number_representatives(comp, claims, stats)
        align = stats.mean(comp)
        cs = [claims[i] for i in reps]
        topic = topic_label(measure_topic(cs), cs)
        clash = clash_of(cs)
        running = all((c.value.cumulative or c.value.total) and c.published for c in cs)
        if not clash and running and not all(settled(c) for c in cs) and _raised_bounds(cs):
            out.extend(_running_count(cs, topic, align, changes=_raised_bounds))
            continue
        if not clash:
            found = _corroboration(cs, topic, align, salience)
            if found:
                out.append(found)
            continue
        if all(c.value.family == "age" for c in cs) and _ageing(cs, clash):
            found = _corroboration(cs, topic, align, salience)  # 38 in April 2007, 39 a year later
            if found:
                out.append(found)
            continue
        if running and not all(settled(c) for c in cs):
            out.extend(_running_count(cs, topic, align))
            continue
        if _mostly_list_items(cs) and not _a_model_figure_no_list_gives(cs, [claims[i] for i in comp]):
            # Values of several things (models, victims, aftershocks), not readings of one: no
            # disagreement, but the items several sources list alike are corroborated (every item
            # of every list, not one representative figure per source).
            items = [claims[i] for i in comp]
            out.extend(f for g in value_groups(items) if (f := _corroboration(g, topic, align, salience)))
            continue
        if _only_self_split_sides(cs):  # no one disagrees; what several sources state alike is corroborated
            out.extend(f for g in value_groups(cs) if (f := _corroboration(g, topic, align, salience)))
            continue
        out.append(_conflict(cs, clash, topic, align))
    return _merge_corroborations(out, salience)


def _only_self_split_sides(cs: Sequence[Claim]) -> bool:
    """Fewer than two values are held by a source that gives no other: a source stating two values
    for what reads as one quantity speaks of two things ("$334 million" for the deal and "$150
    million" of revenue), so a value only such sources give stands against no one."""
    sides = [{c.doc_id for c in g} for g in value_groups(cs)]
    own = [side for k, side in enumerate(sides)
           if not all(any(doc in other for j, other in enumerate(sides) if j != k) for doc in side)]
    return len(own) < 2


def _mostly_list_items(cs: Sequence[Claim]) -> bool:
    """More than half the statements are items of a list ("aged 12 and 15", "$1,799 and $2,199
    versions"): the sources enumerate several things of one measure, so their values differ without
    disagreeing."""
    return sum(c.value.enumerated for c in cs) > MAX_LIST_ITEM_SHARE * len(cs)


def _a_model_figure_no_list_gives(cs: Sequence[Claim], group: Sequence[Claim]) -> bool:
    """A source gives one model a single figure that no other source gives it ("the 15-inch will
    sell for $1,499") while the others list that model's versions ("$1,799 and $2,199 versions"):
    the lists agree on what the model costs, and the lone figure is none of their items."""
    holders = {c.value.holder for c in cs}
    if len(holders) != 1 or not next(iter(holders)):
        return False
    listing = {c.doc_id for c in group if c.value.enumerated}
    return len(listing) >= 2 and any(
        not c.value.enumerated and c.doc_id not in listing
        and not any(values_equal(c, o) for o in group if o.doc_id != c.doc_id) for c in cs)


def _ageing(cs: Sequence[Claim], clash: set[tuple[int, int]]) -> bool:
    """Every clash between two ages is birthdays passed between the two publications (a person
    ages: 27 in a June 2005 report, 29 in a March 2007 one). An undated statement stands at the
    time of a dated one that gives its age, else its clash is not explained."""
    def dates_of(c: Claim) -> list[datetime.date]:
        stated = [c] if c.published else [d for d in cs if d.published and values_equal(c, d)]
        return [day for d in stated if (day := timeml.parse_iso_date(d.published[:10]))]

    for x, y in clash:
        younger, older = sorted((cs[x], cs[y]), key=mid)
        grown = round((mid(older) - mid(younger)) / units.UNITS["years"].factor)
        birthdays = [math.ceil((later - earlier).days / DAYS_PER_YEAR)
                     for earlier in dates_of(younger) for later in dates_of(older)
                     if (later - earlier).days >= BIRTHDAY_MIN_DAYS]
        if not any(0 < grown <= n for n in birthdays):
            return False
    return True


def _merge_corroborations(found: list[DraftFinding], salience: Salience) -> list[DraftFinding]:
    """One fact told in two sentences by the same outlets ("three people died", "the death of the
    three workers") can land in two groups, and one fact told in two wordings by two sets of
    outlets ("injured two", "two hurt") too; corroborations with the same concept and value that
    share a source, or that are both about the story's own event, become one, as do two that give
    the same measurement to the digit ("a $334 million bet", "the $334 million deal")."""
    keep: list[DraftFinding] = []
    merged: dict[int, list[DraftFinding]] = {}
    corr = [f for f in found if f.kind == Kind.CORROBORATION
            and (f.claims[0].concept or measured_amount(f.claims[0]))]
    for f in found:
        if f not in corr:
            keep.append(f)
    used: set[int] = set()
    for x, f in enumerate(corr):
        if x in used:
            continue
        merged[x] = [f]
        docs = {c.doc_id for c in f.claims}
        for y in range(x + 1, len(corr)):
            g = corr[y]
            if y in used:
                continue
            shared = docs & {c.doc_id for c in g.claims}
            if _one_exact_amount(f, g) or _one_concept_one_value(f, g, bool(shared)):
                merged[x].append(g)
                docs |= {c.doc_id for c in g.claims}
                used.add(y)
    for group in merged.values():
        if len(group) == 1:
            keep.append(group[0])
            continue
        by_doc: dict[str, Claim] = {}
        for f in group:
            for c in f.claims:
                by_doc.setdefault(c.doc_id, c)
        cs = sorted(by_doc.values(), key=lambda c: (c.published or "9999", c.doc_id))
        top = max(group, key=lambda f: f.score)
        best = _corroboration(cs, top.topic, 0.5, salience)
        keep.append(best if best and best.score >= top.score else top)
    return keep


def _one_exact_amount(f: DraftFinding, g: DraftFinding) -> bool:
    """Two corroborations of one measurement to the digit ("a $334 million bet", "the $334 million
    deal") of no two different models: one fact."""
    holders = {c.value.holder for c in (*f.claims, *g.claims)} - {""}
    return len(holders) <= 1 and same_exact_amount(f.claims[0], g.claims[0])


def _one_concept_one_value(f: DraftFinding, g: DraftFinding, shared: bool) -> bool:
    """Two corroborations of one concept and value that share a source or are both of the story's own event."""
    if not f.claims[0].concept or g.claims[0].concept != f.claims[0].concept:
        return False
    current = not any(all(c.background or settled(c) for c in h.claims) for h in (f, g))
    return (shared or current) and values_equal(f.claims[0], g.claims[0])


def _conflict(cs: Sequence[Claim], clash: set[tuple[int, int]], topic: str, align: float,
              extra: str = "") -> DraftFinding:
    """All statements of the group, in positions; scored on those that clash."""
    involved = [c for k, c in enumerate(cs) if any(k in pair for pair in clash)] or list(cs)
    groups = value_groups(cs)
    note = number_note(Kind.NUMERIC_CONFLICT, cs, groups)
    if extra:
        note = extra + "; " + note
    score = importance(Kind.NUMERIC_CONFLICT, involved, align, rel_diff(involved))
    if all(settled(c) or c.background for c in cs):
        score = round(score * Salience.BACKGROUND, 4)  # a dispute about past events is context
    return DraftFinding(Kind.NUMERIC_CONFLICT, topic, tuple(cs), note, score)


def _raised_bounds(cs: Sequence[Claim]) -> set[tuple[int, int]]:
    """Pairs of a running count's statements, from different days, whose later one puts the count
    higher ("more than 30 attacks" in January, "more than 50" in February): compatible values, but
    the later report moves the floor up, an update a reader wants to see. Each statement is paired
    with the lowest floor of the days before its own (in publication order: n log n, not all pairs)."""
    order = sorted(range(len(cs)), key=lambda k: (cs[k].published[:10], k))
    out: set[tuple[int, int]] = set()
    lowest: int | None = None  # the lowest floor of the days already passed
    for _day, members in itertools.groupby(order, key=lambda k: cs[k].published[:10]):
        day = list(members)
        if lowest is not None:
            out.update((min(lowest, k), max(lowest, k)) for k in day if _floor_rises(cs[lowest], cs[k]))
        low = min(day, key=lambda k: (cs[k].value.lo, k))
        if lowest is None or cs[low].value.lo < cs[lowest].value.lo:
            lowest = low
    return out


def _floor_rises(early: Claim, late: Claim) -> bool:
    return late.value.lo - max(early.value.tol, late.value.tol) > early.value.lo


def _running_count(cs: Sequence[Claim], topic: str, align: float,
                   changes: Callable[[Sequence[Claim]], set[tuple[int, int]]] = clash_of) -> list[DraftFinding]:
    """A running count (deaths, injured) read in publication order: rising figures are updates;
    figures that differ on the same publication date, or fall later, are real disagreements.
    ``changes`` gives the pairs that differ: values that clash, or floors that rise."""
    # A wire sentence reprinted a day later still speaks of the day it was written: each
    # statement is dated by the first publication of its wording.
    first: dict[str, str] = {}
    for g in independent_sources(cs):
        day = min(c.published[:10] for c in g)
        first.update({c.row.claim_id: day for c in g})
    original = {c.row.claim_id: c for c in cs}
    cs = sorted((dataclasses.replace(c, published=first[c.row.claim_id]) for c in cs),
                key=lambda c: (c.published, original[c.row.claim_id].published, c.doc_id))
    found = _running_count_dated(cs, changes(cs), topic, align)
    return [dataclasses.replace(f, claims=tuple(original[c.row.claim_id] for c in f.claims)) for f in found]


def _running_count_dated(
    cs: Sequence[Claim], clash: set[tuple[int, int]], topic: str, align: float
) -> list[DraftFinding]:
    """The running-count analysis on statements dated by the first publication of their wording."""
    out: list[DraftFinding] = []
    same_day = {pair for pair in clash if cs[pair[0]].published[:10] == cs[pair[1]].published[:10]}
    falls = {pair for pair in clash - same_day if later_lower(cs[pair[0]], cs[pair[1]])}
    rises = clash - same_day - falls
    if falls:
        lower = sorted({c for k, c in enumerate(cs) if any(k in pair for pair in falls)},
                       key=lambda c: (c.published, mid(c)))
        out.append(_conflict(cs, clash, topic, align, extra="a later report gives a lower figure ("
                             + ", ".join(f"{say(c)} on {c.published[:10]}" for c in lower) + ")"))
        return out
    sides_only = same_day and len(cs) <= CLASH_PAIRWISE_MAX and _sides_of_a_days_dispute(cs, rises, same_day, clash)
    if rises and not sides_only:
        ordered = sorted(cs, key=lambda c: (c.published, mid(c)))
        first_day = ordered[0].published[:10]
        last_day = ordered[-1].published[:10]
        low = min((c for c in ordered if c.published[:10] == first_day), key=mid)
        high = max((c for c in ordered if c.published[:10] == last_day), key=mid)
        label = (count_label(ordered[0].concept, load_lexicon())
                 or f"the '{ordered[0].concept or ordered[0].value.head}' count")
        note = (f"{label} rose from {say(low)} ({first_day}, {who(low)}) to {say(high)} ({last_day}, "
                f"{who(high)}): later reports update earlier ones")
        out.append(DraftFinding(Kind.SUPERSEDED, topic, tuple(ordered), note,
                                importance(Kind.SUPERSEDED, ordered, align, rel_diff(ordered))))
    for day in sorted({cs[a].published[:10] for a, _ in same_day}):
        pairs = {p for p in same_day if cs[p[0]].published[:10] == day}
        involved = [c for k, c in enumerate(cs) if any(k in p for p in pairs)]
        out.append(_conflict(involved, clash_of(involved), topic, align,
                             extra=f"published the same day ({day}) with different figures"))
    return out


def _sides_of_a_days_dispute(cs: Sequence[Claim], rises: set[tuple[int, int]], same_day: set[tuple[int, int]],
                             clash: set[tuple[int, int]]) -> bool:
    """Every rise starts from a figure its own day disputes, and ends at one that figure's rival of
    that day gives too: day one's "no one was killed" against "12 killed", then "at least 12". The
    later report sides with one of them; the finding is the day's dispute, not an update. (``clash``
    holds every differing pair only up to ``CLASH_PAIRWISE_MAX`` statements: beyond, the caller
    keeps the update.)"""
    disputed = {k for pair in same_day for k in pair}
    for pair in rises:
        before, after = sorted(pair, key=lambda k: (cs[k].published[:10], k))
        day = cs[before].published[:10]
        if before not in disputed or not any(
                j != before and cs[j].published[:10] == day and (min(j, after), max(j, after)) not in clash
                and _says_no_more(cs[after], cs[j]) for j in range(len(cs))):
            return False
    return True


def _says_no_more(later: Claim, rival: Claim) -> bool:
    """The later figure admits every value the day's rival does ("at least 12" after "12"): it sides
    with the rival. A figure narrower than it ("nine" after "at least eight") says more: an update."""
    tol = max(later.value.tol, rival.value.tol)
    return later.value.lo <= rival.value.lo + tol and rival.value.hi <= later.value.hi + tol


def _corroboration(cs: Sequence[Claim], topic: str, align: float, salience: Salience) -> DraftFinding | None:
    """The same value from two or more independent sources, or nothing."""
    groups = value_groups(cs)
    best = max(groups, key=lambda g: (len(independent_sources(g)), len({c.doc_id for c in g}), -mid(g[0])))
    if len({c.doc_id for c in best}) < 2 or not _worth_corroborating(best):
        return None
    wording = independent_sources(best)
    if len(wording) < 2:
        return None  # one wire story printed twice is one source, not an agreement
    n = len({c.doc_id for c in best})
    # "$2.3 million" and "about $2.5 million" agree only as far as the second is loose: say both
    exact = len({mid(c) for c in best}) == 1
    agreed = (f"agree on {say(best[0])}" if exact
              else "agree within their stated precision (" + ", ".join(dict.fromkeys(say(c) for c in best)) + ")")
    parts = [f"{len(wording)} independent sources {agreed}" + (f" ({n} outlets)" if n > len(wording) else "")]
    unit_names = sorted({c.value.unit for c in best if c.value.unit})
    if len({units.factor(u) for u in unit_names}) > 1:
        parts.append("different units (" + " vs ".join(unit_names) + "), compared after conversion")
    copies = copies_note(wording)
    if copies:
        parts.append(copies)
    rest = [c for c in cs if c not in best]
    if rest:
        parts.append("also consistent, not counted: " + ", ".join(f"{say(c)} ({c.doc_id})" for c in rest))
    score = importance(Kind.CORROBORATION, best, align, 0.0, independent=len(wording)) * salience.factor(best)
    return DraftFinding(Kind.CORROBORATION, topic, tuple(best), "; ".join(parts), round(score, 4))


def _worth_corroborating(cs: Sequence[Claim]) -> bool:
    """Agreement on a small bare count ("two aid workers") with no known measure says little;
    keep it only when it is about a known concept, a distinctive value (ten or more, or given to
    two digits: "4.75%"; a tally's two counts in their order, "3-2"), or many sources."""
    if any(c.concept for c in cs) or len({c.doc_id for c in cs}) >= MIN_SOURCES_PLAIN_AGREEMENT:
        return True
    if all(c.value.bound == "tally" for c in cs):
        return True
    return any(abs(mid(c)) >= MIN_DISTINCTIVE_VALUE or distinctive(c) for c in cs if math.isfinite(mid(c)))
