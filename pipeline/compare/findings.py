"""Findings: aligned claim groups -> classified, explained and ranked statements (long form).

Each group of aligned claims becomes at most a few findings: values that agree within rounding
are a corroboration; values that do not are a conflict, or an update (superseded) when a running
count grows with publication time. Every finding carries a note saying why the values differ,
as far as the text tells: units, reference years, definitions or scope, who gave the figure,
revisions, rounding, or "unexplained".
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pipeline.compare.align import DATE_CONFLICT_MIN, Edge, is_background
from pipeline.compare.claims import Claim
from pipeline.compare.text import stem, words
from pipeline.compare.units import to_base
from pipeline.schema import FindingRow

# Base importance of each kind: a disagreement matters more to a reader than an agreement.
KIND_WEIGHT = {
    "numeric_conflict": 3.0,
    "date_conflict": 3.0,
    "assessment_conflict": 2.5,
    "superseded": 2.0,
    "corroboration": 1.0,
}
# Two values whose relative difference is below this multiple of their rounding tolerance read
# as "possibly rounding" in the note.
ROUNDING_NOTE_FACTOR = 2.0
# Corroborations of numbers with no measure concept need this many sources or a value at least
# this large ("2 sources agree on two aid workers" is noise; "on $3.7bn" is not).
MIN_SOURCES_PLAIN_AGREEMENT = 3
MIN_DISTINCTIVE_VALUE = 10
# Dates with these qualifiers bound a period rather than date an event.
OPEN_DATE_QUALIFIERS = frozenset({"by", "since", "before", "after", "until"})
# Words next to both dates that must be shared before different dates are called a conflict.
DATE_CONFLICT_NEAR_SHARED = 1
# Two values whose relative difference is below this read as "small difference".
SMALL_REL_DIFF = 0.05


@dataclass(frozen=True)
class Finding:
    kind: str
    topic: str
    claims: tuple[Claim, ...]
    note: str
    score: float


def _settled(c: Claim) -> bool:
    """The figure is dated before the month its source was published: a closed count (the 2003
    toll), whose "more than" is a hedge on one number, not a running lower bound."""
    return is_background(c.as_of, c.ref_time)


def values_agree(a: Claim, b: Claim) -> bool | None:
    """True when two numbers can both be true (compatible), False when they cannot, None if not
    comparable. "At least 1" and 5 are compatible; so are "at least 1" and "at least 3", but not
    two bounds on a settled past figure ("more than 26,000" vs "more
    than 31,000" dead in a 2003 quake)."""
    if a.zero_gap or b.zero_gap:
        other = b if a.zero_gap else a
        return other.zero_gap or (other.lo - other.tol <= 0 <= other.hi + other.tol)
    if a.family == "currency" and a.base_unit != b.base_unit:
        return None
    tol = max(a.tol, b.tol)
    if a.bound in ("lower", "upper") and a.bound == b.bound:
        if not (_settled(a) and _settled(b)):
            return True  # "less than 25 km" and "less than 50 km" can both be true
        va, vb = (a.lo, b.lo) if a.bound == "lower" else (a.hi, b.hi)
        return abs(va - vb) <= tol + 1e-9 * max(abs(va), abs(vb), 1)
    if a.bound == "range" and b.bound == "range":
        overlap = min(a.hi, b.hi) - max(a.lo, b.lo)
        return overlap >= 0.5 * min(a.hi - a.lo, b.hi - b.lo) - 1e-9
    return max(a.lo, b.lo) - min(a.hi, b.hi) <= tol + 1e-9 * max(abs(a.lo), abs(b.lo), 1)


def values_equal(a: Claim, b: Claim) -> bool:
    """The same value stated twice, within rounding: two points, two identical bounds, or a bound
    and a point on the same number ("at least 50" and "around 50"). Merely compatible values
    ("at least 22" and "around 40") are not the same statement."""
    if a.zero_gap or b.zero_gap:
        return bool(values_agree(a, b))
    if a.family == "currency" and a.base_unit != b.base_unit:
        return False
    tol = max(a.tol, b.tol)
    eps = 1e-9 * max(abs(_mid(a)), abs(_mid(b)), 1)
    if a.bound == "range" or b.bound == "range":
        return a.bound == b.bound and abs(a.lo - b.lo) <= tol + eps and abs(a.hi - b.hi) <= tol + eps
    if a.bound and b.bound and a.bound != b.bound:
        return False
    return abs(_mid(a) - _mid(b)) <= tol + eps and bool(values_agree(a, b))


def dates_agree(a: str, b: str) -> bool:
    """Same date at the coarser of the two precisions ("2022" agrees with "2022-10")."""
    if a.startswith(b) or b.startswith(a):
        return True
    for x, y in ((a, b), (b, a)):
        if "-W" in x and len(y) == 10:
            try:
                iso = date.fromisoformat(y).isocalendar()
            except ValueError:
                continue
            if x == f"{iso[0]}-W{iso[1]:02d}":
                return True
    for q, months in (("Q1", "01 02 03"), ("Q2", "04 05 06"), ("Q3", "07 08 09"), ("Q4", "10 11 12"),
                      ("H1", "01 02 03 04 05 06"), ("H2", "07 08 09 10 11 12")):
        for x, y in ((a, b), (b, a)):
            if x[:4] == y[:4] and x.endswith(q) and y[5:7] in months.split():
                return True
    return False


class _EdgeStats:
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


def _representatives(idx: Sequence[int], claims: Sequence[Claim], stats: _EdgeStats) -> list[int]:
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


def _number_representatives(idx: Sequence[int], claims: Sequence[Claim], stats: _EdgeStats) -> list[int]:
    """One number per document: the one other documents agree with most, then the best aligned.

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
        key = (support[i], stats.strength[i])
        if d not in best or key > (support[best[d]], stats.strength[best[d]]):
            best[d] = i
    return sorted(best.values(), key=lambda i: (claims[i].published or "9999", claims[i].doc_id))


def _mid(c: Claim) -> float:
    if math.isfinite(c.lo) and math.isfinite(c.hi):
        return (c.lo + c.hi) / 2
    return c.lo if math.isfinite(c.lo) else c.hi


def _surface_topic(claims: Sequence[Claim], k: int = 3) -> str:
    """A few words the statements share, as written in the first quote."""
    shared = Counter(s for c in claims for s in set(c.context))
    need = max(2, (len({c.doc_id for c in claims}) + 1) // 2)
    first = claims[0].row.quote
    out: list[str] = []
    for w in words(first):
        st = stem(w)
        if shared.get(st, 0) >= need and w not in out and len(w) > 2 and st in claims[0].context:
            out.append(w)
        if len(out) == k:
            break
    return " ".join(out)


def _subjects(claims: Sequence[Claim], k: int = 2) -> str:
    counts = Counter(s for c in claims for s in c.subjects - c.sources)
    return ", ".join(s for s, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:k])


def _topic(prefix: str, claims: Sequence[Claim]) -> str:
    subj = _subjects(claims)
    label = prefix.strip()
    return f"{label} ({subj})" if subj else label


def _group_by_agreement(reps: Sequence[int], claims: Sequence[Claim], agree) -> list[list[int]]:
    """Split claims, in value order, into runs whose members all agree.

    Sorting makes agreeing values contiguous, so each claim is checked against the current run
    only: its first and last member and its smallest and largest point value (bounds such as
    "at least 50" agree with much, and must not chain 70 and 80 together). Linear in the group
    size even when a thousand sources report the same quantity.
    """
    groups: list[list[int]] = []
    points: list[list[int]] = []  # per run: [min point, max point] claim indices
    order = sorted(reps, key=lambda i: (_mid(claims[i]) if claims[i].kind == "number" else 0,
                                        claims[i].date_value, i))
    for i in order:
        c = claims[i]
        if groups:
            probe = {groups[-1][0], groups[-1][-1], *points[-1]}
            if all(agree(c, claims[j]) for j in probe):
                groups[-1].append(i)
                if c.kind == "number" and not c.bound:
                    pts = points[-1] + [i]
                    points[-1] = [min(pts, key=lambda k: _mid(claims[k])), max(pts, key=lambda k: _mid(claims[k]))]
                continue
        groups.append([i])
        points.append([i] if c.kind == "number" and not c.bound else [])
    return groups


def _fmt_num(c: Claim) -> str:
    return c.text or c.row.value


def _number_note(kind: str, cs: Sequence[Claim], groups: Sequence[Sequence[Claim]] = ()) -> str:
    """Why numbers differ (or how they agree), in the order a reader would check.

    Scope and attribution are compared between the value groups (the sources saying one value
    vs those saying another), not statement by statement, so the note names what separates them.
    """
    notes: list[str] = []
    units = sorted({c.unit for c in cs if c.unit})
    if any(c.family == "currency" for c in cs) and len({c.base_unit for c in cs if c.family == "currency"}) > 1:
        notes.append("different currencies (" + " vs ".join(units) + "): not comparable without an exchange rate")
    elif len({to_base(1.0, u)[0] for u in units}) > 1:
        notes.append("different units (" + " vs ".join(units) + "), compared after conversion")
    if any(c.zero_gap for c in cs):
        notes.append("one source says the gap has closed (read as zero)")
    stated = sorted({c.as_of for c in cs if c.as_of})
    pubs = sorted({c.published for c in cs if c.published})
    clashing_times = any(not (x.startswith(y) or y.startswith(x)) for x in stated for y in stated)
    if clashing_times and kind != "corroboration":
        notes.append("different reference times: " + " vs ".join(stated))
    if kind == "superseded":
        notes.append(
            "later report: the count grows with publication date (" + ", ".join(pubs)
            + "), so the later figure updates the earlier one"
        )
    elif len(pubs) > 1 and kind != "corroboration":
        years = sorted({p[:4] for p in pubs})
        if len(years) > 1:
            ordered = sorted(cs, key=lambda c: c.published or "9999")
            notes.append(
                "sources published at different times (" + ", ".join(
                    f"{c.published}: {_fmt_num(c)}" for c in ordered if c.published)
                + "); part of the difference may be change over time"
            )
    if kind != "corroboration":
        keysets = {c.measure_keys for c in cs if not c.concept}
        if len(keysets) > 1:
            notes.append("different definitions or populations: " + " vs ".join(
                "'" + " ".join(sorted(k)) + "'" for k in sorted(keysets, key=sorted)))
        if len(groups) > 1:
            scopes = [sorted({c.scope for c in g if c.scope}) for g in groups]
            place_sets = [frozenset().union(*(c.places for c in g)) for g in groups]
            if all(scopes) and _pairwise_disjoint([{x.lower().removeprefix("the ") for x in sc} for sc in scopes]):
                notes.append("different scope: " + " vs ".join("'" + "' / '".join(sc[:2]) + "'" for sc in scopes))
            elif all(place_sets) and _pairwise_disjoint(place_sets):
                notes.append("different scope: " + " vs ".join(", ".join(sorted(p)) for p in place_sets))
            src_sets = [frozenset().union(*(c.sources for c in g)) for g in groups]
            if all(src_sets) and _pairwise_disjoint(src_sets):
                notes.append("figures attributed to different bodies: " + " vs ".join(
                    ", ".join(sorted(x)) for x in src_sets))
        if any(c.revision for c in cs):
            notes.append("revised figures: a source says the figure was updated")
        if any(c.cumulative for c in cs) and kind == "numeric_conflict" and not stated:
            notes.append("a running count: the lower figure may come from an earlier report; "
                         "publication times do not settle it")
        mids = [_mid(c) for c in cs if not c.zero_gap and math.isfinite(_mid(c))]
        if len(mids) > 1 and max(abs(m) for m in mids):
            rel = (max(mids) - min(mids)) / max(abs(m) for m in mids)
            tol = max((c.tol / abs(_mid(c)) if _mid(c) else 0.0) for c in cs if not c.zero_gap)
            if rel <= ROUNDING_NOTE_FACTOR * tol and rel <= SMALL_REL_DIFF:
                notes.append(f"small difference ({rel:.1%}): possibly rounding")
            elif rel <= SMALL_REL_DIFF:
                notes.append(f"small difference ({rel:.1%})")
        if not notes:
            notes.append("unexplained: the sources give different values for the same quantity")
    else:
        n = len({c.doc_id for c in cs})
        notes.insert(0, f"{n} sources agree within rounding")
    return "; ".join(notes)


def _pairwise_disjoint(sets: Sequence[set[str] | frozenset[str]]) -> bool:
    return all(not (sets[x] & sets[y]) for x in range(len(sets)) for y in range(x + 1, len(sets)))


def number_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]],
                    edges: Sequence[Edge]) -> list[Finding]:
    """Classify each group of aligned numbers: corroboration (the same value from independent
    sources), superseded (a running count that grows with publication time), or numeric conflict
    (values that cannot both be true). Merely compatible values ("at least 1" and 5) are neither."""
    out: list[Finding] = []
    stats = _EdgeStats(edges)
    salience = _Salience(claims)
    for comp in comps:
        if len({claims[i].doc_id for i in comp}) < 2:
            continue
        reps = _number_representatives(comp, claims, stats)
        align = stats.mean(comp)
        cs = [claims[i] for i in reps]
        measure = next((c.concept for c in cs if c.concept), "") or " ".join(sorted(cs[0].measure_keys))
        topic = _topic(measure, cs)
        currencies = {c.base_unit for c in cs if c.family == "currency"}
        if len(currencies) > 1:
            note = _number_note("numeric_conflict", cs)
            out.append(Finding("numeric_conflict", topic, tuple(cs), note, _score("numeric_conflict", cs, align, 0.2)))
            continue
        clash = clash_of(cs)
        if not clash:
            found = _corroboration(cs, topic, align, salience)
            if found:
                out.append(found)
            continue
        if all(c.cumulative and c.published for c in cs) and not all(_settled(c) for c in cs):
            out.extend(_running_count(cs, topic, align))
            continue
        involved = [c for k, c in enumerate(cs) if any(k in pair for pair in clash)]
        out.append(_conflict(involved, topic, align))
    return _merge_corroborations(out, salience)


def _merge_corroborations(found: list[Finding], salience: "_Salience") -> list[Finding]:
    """One fact told in two sentences by the same outlets ("three people died", "the death of the
    three workers") can land in two groups; corroborations with the same concept and value that
    share a source become one."""
    keep: list[Finding] = []
    merged: dict[int, list[Finding]] = {}
    corr = [f for f in found if f.kind == "corroboration" and f.claims[0].concept]
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
            if y in used or g.claims[0].concept != f.claims[0].concept:
                continue
            if docs & {c.doc_id for c in g.claims} and values_equal(f.claims[0], g.claims[0]):
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


def _value_groups(cs: Sequence[Claim]) -> list[list[Claim]]:
    idx = _group_by_agreement(range(len(cs)), cs, values_equal)
    return [[cs[i] for i in g] for g in idx]


def _rel_diff(cs: Sequence[Claim]) -> float:
    mids = [_mid(c) for c in cs if math.isfinite(_mid(c))]
    return (max(mids) - min(mids)) / max(max(abs(m) for m in mids), 1e-9) if mids else 0.0


def _conflict(cs: Sequence[Claim], topic: str, align: float, extra: str = "") -> Finding:
    groups = _value_groups(cs)
    note = _number_note("numeric_conflict", cs, groups)
    if extra:
        note = extra + "; " + note
    score = _score("numeric_conflict", cs, align, _rel_diff(cs))
    if all(_settled(c) for c in cs):
        score = round(score * _Salience.BACKGROUND, 4)  # a dispute about past events is context
    return Finding("numeric_conflict", topic, tuple(cs), note, score)


def _running_count(cs: Sequence[Claim], topic: str, align: float) -> list[Finding]:
    """A running count (deaths, injured) read in publication order: rising figures are updates;
    figures that differ on the same publication date, or fall later, are real disagreements."""
    # A wire sentence reprinted a day later still speaks of the day it was written: each
    # statement is dated by the first publication of its wording.
    first: dict[str, str] = {}
    for g in independent_sources(cs):
        day = min(c.published[:10] for c in g)
        first.update({c.row.claim_id: day for c in g})
    original = {c.row.claim_id: c for c in cs}
    cs = sorted((dataclasses.replace(c, published=first[c.row.claim_id]) for c in cs),
                key=lambda c: (c.published, original[c.row.claim_id].published, c.doc_id))
    found = _running_count_dated(cs, clash_of(cs), topic, align)
    return [dataclasses.replace(f, claims=tuple(original[c.row.claim_id] for c in f.claims)) for f in found]


# Above this many statements a group is checked for clashes against its extremes only (linear),
# not pair by pair.
CLASH_PAIRWISE_MAX = 60


def clash_of(cs: Sequence[Claim]) -> set[tuple[int, int]]:
    """Index pairs of statements from different documents whose values cannot both be true.

    In a big group each statement is only tested against the two extremes (the highest lower
    end and the lowest upper end of the others), which finds every statement that clashes with
    something, at linear cost."""
    n = len(cs)
    if n <= CLASH_PAIRWISE_MAX:
        return {(x, y) for x in range(n) for y in range(x + 1, n)
                if cs[x].doc_id != cs[y].doc_id and values_agree(cs[x], cs[y]) is False}
    top = max(range(n), key=lambda k: (cs[k].lo, k))
    bottom = min(range(n), key=lambda k: (cs[k].hi, k))
    out: set[tuple[int, int]] = set()
    for x in range(n):
        for y in (top, bottom):
            if x != y and cs[x].doc_id != cs[y].doc_id and values_agree(cs[x], cs[y]) is False:
                out.add((min(x, y), max(x, y)))
    return out


def _running_count_dated(cs: Sequence[Claim], clash: set[tuple[int, int]], topic: str, align: float) -> list[Finding]:
    """The running-count analysis on statements dated by the first publication of their wording."""
    out: list[Finding] = []
    same_day = {pair for pair in clash if cs[pair[0]].published[:10] == cs[pair[1]].published[:10]}
    falls = {pair for pair in clash - same_day if _later_lower(cs[pair[0]], cs[pair[1]])}
    rises = clash - same_day - falls
    if falls:
        involved = [c for k, c in enumerate(cs) if any(k in pair for pair in falls | same_day)]
        ordered = sorted(involved, key=lambda c: (c.published, _mid(c)))
        out.append(_conflict(ordered, topic, align, extra="a later report gives a lower figure ("
                             + ", ".join(f"{_say(c)} on {c.published[:10]}" for c in ordered) + ")"))
        return out
    if rises:
        ordered = sorted(cs, key=lambda c: (c.published, _mid(c)))
        first_day = ordered[0].published[:10]
        last_day = ordered[-1].published[:10]
        low = min((c for c in ordered if c.published[:10] == first_day), key=_mid)
        high = max((c for c in ordered if c.published[:10] == last_day), key=_mid)
        label = COUNT_LABEL.get(ordered[0].concept, f"the '{ordered[0].concept}' count")
        note = (f"{label} rose from {_say(low)} ({first_day}, {_who(low)}) to {_say(high)} ({last_day}, "
                f"{_who(high)}): later reports update earlier ones")
        out.append(Finding("superseded", topic, tuple(ordered), note,
                           _score("superseded", ordered, align, _rel_diff(ordered))))
    for day in sorted({cs[a].published[:10] for a, _ in same_day}):
        pairs = {p for p in same_day if cs[p[0]].published[:10] == day}
        involved = [c for k, c in enumerate(cs) if any(k in p for p in pairs)]
        out.append(_conflict(involved, topic, align,
                             extra=f"published the same day ({day}) with different figures"))
    return out


# How a running count is named in a superseded note.
COUNT_LABEL = {"deaths": "the death toll", "injured": "the number of injured", "missing": "the number missing",
               "arrested": "the number of arrests", "displaced": "the number displaced"}


def _later_lower(a: Claim, b: Claim) -> bool:
    """The later of two statements gives a figure wholly below the earlier one."""
    early, late = sorted((a, b), key=lambda c: c.published)
    return late.hi + max(a.tol, b.tol) < early.lo


def _say(c: Claim) -> str:
    words_for = {"at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
                 "less_than": "less than ", "approx": "about "}
    r = c.row
    if c.family == "currency" or c.zero_gap:
        return c.text  # "$3.7 billion" reads better than 3700000000
    unit = f" {c.unit}" if c.unit and c.family not in ("count", "percent") else ("%" if c.family == "percent" else "")
    if r.value_max and r.value_max != r.value:
        return f"{_grouped(r.value)}-{_grouped(r.value_max)}{unit}"
    return words_for.get(r.qualifier, "") + _grouped(r.value) + unit


def _grouped(value: str) -> str:
    """Thousands separators for big whole numbers ("170000" -> "170,000")."""
    return f"{int(value):,}" if value.isdigit() and len(value) > 4 else value


def _who(c: Claim) -> str:
    return c.outlet or c.doc_id


# Two quotes at least this similar (rapidfuzz ratio, 0-100) are copies of one wire story.
# Calibrated on the multisource events: AFP copies differ by a word or two (~95); independent
# wordings of the same fact score 40-75.
WIRE_COPY_RATIO = 88.0
# Each statement is compared with the last this-many distinct wordings only (linear cost).
WIRE_WINDOW = 50


def independent_sources(cs: Sequence[Claim]) -> list[list[Claim]]:
    """Statements grouped by wording: near-identical quotes from different outlets are one wire
    story told twice, so they count as one source."""
    from rapidfuzz import fuzz

    groups: list[tuple[str, list[Claim]]] = []
    for c in sorted(cs, key=lambda c: (c.published or "9999", c.doc_id)):
        q = _wording(c)
        for key, g in groups[-WIRE_WINDOW:]:
            if fuzz.ratio(q, key) >= WIRE_COPY_RATIO:
                g.append(c)
                break
        else:
            groups.append((q, [c]))
    return [g for _, g in groups]


_QUOTED = re.compile(r'["“”]([^"“”]{20,})["“”]')


def _wording(c: Claim) -> str:
    """What to compare for copies: the quoted speech around the statement when there is one
    (two outlets quoting the same doctor are one source), else the whole sentence."""
    quote = c.row.quote
    at = c.row.start - c.quote_start
    for m in _QUOTED.finditer(quote):
        if c.kind != "number" or m.start() <= at < m.end():
            return " ".join(m.group(1).lower().split())
    return " ".join(quote.lower().split())


def _copies_note(groups: Sequence[Sequence[Claim]]) -> str:
    copies = [g for g in groups if len({c.doc_id for c in g}) > 1]
    if not copies:
        return ""
    return "; ".join(" and ".join(sorted({c.doc_id for c in g})) + " carry the same wire sentence (counted once)"
                     for g in copies)


def _corroboration(cs: Sequence[Claim], topic: str, align: float, salience: "_Salience") -> Finding | None:
    """The same value from two or more independent sources, or nothing."""
    groups = _value_groups(cs)
    best = max(groups, key=lambda g: (len(independent_sources(g)), len({c.doc_id for c in g}), -_mid(g[0])))
    if len({c.doc_id for c in best}) < 2 or not _worth_corroborating(best):
        return None
    wording = independent_sources(best)
    if len(wording) < 2:
        return None  # one wire story printed twice is one source, not an agreement
    n = len({c.doc_id for c in best})
    parts = [f"{len(wording)} independent sources agree on {_say(best[0])}" + (f" ({n} outlets)" if n > len(wording) else "")]
    if len({to_base(1.0, c.unit)[0] for c in best if c.unit}) > 1:
        parts.append("different units (" + " vs ".join(sorted({c.unit for c in best if c.unit})) + "), compared after conversion")
    copies = _copies_note(wording)
    if copies:
        parts.append(copies)
    rest = [c for c in cs if c not in best]
    if rest:
        parts.append("also consistent, not counted: " + ", ".join(f"{_say(c)} ({c.doc_id})" for c in rest))
    score = _score("corroboration", best, align, 0.0, independent=len(wording)) * salience.factor(best)
    return Finding("corroboration", topic, tuple(best), "; ".join(parts), round(score, 4))


class _Salience:
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
        if all(_settled(c) for c in cs):
            f *= self.BACKGROUND
        if not any(c.concept for c in cs) or all(c.family == "duration" for c in cs):
            f *= self.NO_CONCEPT
        return f


def _worth_corroborating(cs: Sequence[Claim]) -> bool:
    """Agreement on a small bare count ("two aid workers") with no known measure says little;
    keep it only when it is about a known concept, a distinctive value, or many sources."""
    if any(c.concept for c in cs) or len({c.doc_id for c in cs}) >= MIN_SOURCES_PLAIN_AGREEMENT:
        return True
    return any(abs(_mid(c)) >= MIN_DISTINCTIVE_VALUE for c in cs if math.isfinite(_mid(c)))


def date_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]],
                  edges: Sequence[Edge]) -> list[Finding]:
    """Same event, same date (corroboration) or different dates (date conflict).

    Claims are grouped by compatible date first, so one source can support two dated events
    (controls imposed in 2022, tightened in 2023). Two groups conflict only when a strongly aligned
    pair links them and no single source states both dates (a source that gives both is telling
    of two events, not disagreeing with itself).
    """
    out: list[Finding] = []
    stats = _EdgeStats(edges)
    salience = _Salience(claims)
    strong = {(min(e.a, e.b), max(e.a, e.b)) for e in edges if e.score >= DATE_CONFLICT_MIN}
    for comp in comps:
        if len({claims[i].doc_id for i in comp}) < 2:
            continue
        groups = _group_by_agreement(comp, claims, lambda a, b: dates_agree(a.date_value, b.date_value))
        docs_of = [{claims[i].doc_id for i in g} for g in groups]
        linked: set[int] = set()
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                if docs_of[x] & docs_of[y]:
                    continue
                if any((min(i, j), max(i, j)) in strong and _same_event(claims[i], claims[j])
                       for i in groups[x] for j in groups[y]):
                    linked.update((x, y))
        if linked:
            reps = _representatives([i for x in sorted(linked) for i in groups[x]], claims, stats)
            cs = [claims[i] for i in reps]
            # A coarse date that fits every side ("last week") takes no side: leave it out.
            cs = [c for c in cs if not all(dates_agree(c.date_value, d.date_value) for d in cs)]
            if len({c.date_value for c in cs}) > 1 and len({c.doc_id for c in cs}) > 1:
                align = stats.mean(reps)
                topic = _topic("date of " + _surface_topic(cs), cs)
                out.append(Finding("date_conflict", topic, tuple(cs), _date_note(cs, conflict=True),
                                   _score("date_conflict", cs, align, 0.5)))
        for x, g in enumerate(groups):
            if x in linked:
                continue
            reps = _representatives([i for i in g if not claims[i].reported], claims, stats)
            cs = [claims[i] for i in reps]
            if len({c.doc_id for c in cs}) < 2:
                continue  # "told AFP late Tuesday" dates a statement, not the event
            wording = independent_sources(cs)
            if len(wording) < 2:
                continue  # one wire story printed twice
            surface = _surface_topic(cs)
            if not surface:
                continue  # the sentences share no telling word: same day, different happenings
            topic = _topic("date of " + surface, cs)
            note = _date_note(cs, conflict=False, independent=len(wording))
            copies = _copies_note(wording)
            score = _score("corroboration", cs, stats.mean(g), 0.0, independent=len(wording))
            if all(c.ref_time and c.date_value[:7] < c.ref_time[:7] for c in cs):
                score *= _Salience.BACKGROUND  # a past event's date is context, not news
            out.append(Finding("corroboration", topic, tuple(cs), note + ("; " + copies if copies else ""),
                               round(score * salience.factor_dates(cs), 4)))
    return out


def _same_event(a: Claim, b: Claim) -> bool:
    """Strict test before calling two dates a conflict: both are point dates (not "by 2027",
    "since 2020") and the words right next to each date overlap."""
    if a.date_qualifier in OPEN_DATE_QUALIFIERS or b.date_qualifier in OPEN_DATE_QUALIFIERS:
        return False
    if a.reported or b.reported:
        return False  # "told reporters on Wednesday" dates the telling
    if all(c.anchor and c.date_value == c.published for c in (a, b)):
        return False  # "today" in two articles: each is its own publication day, not a dispute
    ages = sorted(_age_days(c) for c in (a, b))
    if ages[0] <= CURRENT_EVENT_DAYS and ages[1] > PAST_EVENT_DAYS:
        return False  # this week's event vs one months before: two events, not one misdated
    return len(set(a.near) & set(b.near)) >= DATE_CONFLICT_NEAR_SHARED


# A date this many days or fewer before its article's publication is the current story; more than
# PAST_EVENT_DAYS before, it is an earlier event (February's quake in a November article).
CURRENT_EVENT_DAYS = 7
PAST_EVENT_DAYS = 60


def _age_days(c: Claim) -> int:
    """Days from the (start of the) date to the article's reference time; large when unknown."""
    if not c.ref_time:
        return 0
    v = c.date_value
    start = v if len(v) == 10 else (v[:7] + "-01" if len(v) == 7 and v[5:7].isdigit() else v[:4] + "-01-01")
    try:
        return (date.fromisoformat(c.ref_time[:10]) - date.fromisoformat(start)).days
    except ValueError:
        return 0


def _date_note(cs: Sequence[Claim], *, conflict: bool, independent: int = 0) -> str:
    notes: list[str] = []
    values = sorted({c.date_value for c in cs})
    if conflict:
        days = [v for v in values if len(v) == 10]
        if len(days) == len(values) == 2 and _days_apart(days[0], days[1]) == 1:
            notes.append("one day apart: likely different time zones (local date vs GMT/UTC)")
        else:
            notes.append("different dates for what reads as the same event: " + " vs ".join(values))
    else:
        n = len({c.doc_id for c in cs})
        notes.append(f"{independent or n} independent sources give the same date"
                     + (f" ({n} outlets)" if independent and n > independent else ""))
        if len({len(v) for v in values}) > 1:
            notes.append("at different precision (" + ", ".join(values) + ")")
    rel = [c for c in cs if c.anchor]
    if rel:
        notes.append("relative dates resolved against the publication date: " + ", ".join(
            f"'{c.text}' in a {c.anchor[:10]} article" for c in rel))
    return "; ".join(notes)


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return -1


def _score(kind: str, cs: Sequence[Claim], align: float, rel: float, *, independent: int = 0) -> float:
    """Importance: kind, number of sources, strength of the alignment, size of the difference."""
    n = independent or len({c.doc_id for c in cs})
    return round(KIND_WEIGHT[kind] * (1 + math.log2(n)) * (0.5 + min(align, 1.0)) * (1 + min(rel, 1.0)), 4)


def _value_text(c: Claim) -> str:
    r = c.row
    if c.kind != "number":
        return r.value
    if r.value_max and r.value_max != r.value:
        return f"{r.value}-{r.value_max}"
    prefix = {"at_least": ">=", "more_than": ">", "at_most": "<=", "less_than": "<", "approx": "~"}
    return prefix.get(r.qualifier, "") + r.value


def to_rows(findings: Sequence[Finding], texts: dict[str, str]) -> tuple[FindingRow, ...]:
    """Rank findings (score, then stable keys) and flatten them to one row per statement."""
    ordered = sorted(findings, key=lambda f: (f.kind == "corroboration", -f.score, f.kind, f.topic,
                                              [c.row.claim_id for c in f.claims]))
    rows: list[FindingRow] = []
    for rank, f in enumerate(ordered, start=1):
        fid = f"F{rank:03d}"
        for c in f.claims:
            quote = texts[c.doc_id][c.quote_start:c.quote_end]
            assert quote == c.row.quote, "quote must be an exact substring of the clean text"
            rows.append(FindingRow(
                finding_id=fid, kind=f.kind, topic=f.topic, doc_id=c.doc_id, quote=quote,
                value=_value_text(c), unit=c.unit, as_of=c.as_of, note=f.note, rank=rank, score=f.score,
                claim_id=c.row.claim_id, quote_start=c.quote_start, quote_end=c.quote_end,
                published=c.published,
            ))
    return tuple(rows)
