"""Findings: aligned claim groups -> classified, explained and ranked statements (long form).

Each group of aligned claims becomes at most a few findings: values that agree within rounding
are a corroboration; values that do not are a conflict, or an update (superseded) when a running
count grows with publication time. Every finding carries a note saying why the values differ,
as far as the text tells: units, reference years, definitions or scope, who gave the figure,
revisions, rounding, or "unexplained".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pipeline.compare.align import DATE_CONFLICT_MIN, Edge
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


def values_agree(a: Claim, b: Claim) -> bool | None:
    """True/False when two numbers agree/disagree within rounding; None if not comparable."""
    if a.zero_gap or b.zero_gap:
        other = b if a.zero_gap else a
        return other.zero_gap or (other.lo - other.tol <= 0 <= other.hi + other.tol)
    if a.family == "currency" and a.base_unit != b.base_unit:
        return None
    tol = max(a.tol, b.tol)
    if a.bound in ("lower", "upper") and a.bound == b.bound:
        va, vb = (a.lo, b.lo) if a.bound == "lower" else (a.hi, b.hi)
        return abs(va - vb) <= tol + 1e-9 * max(abs(va), abs(vb), 1)
    if a.bound == "range" and b.bound == "range":
        overlap = min(a.hi, b.hi) - max(a.lo, b.lo)
        return overlap >= 0.5 * min(a.hi - a.lo, b.hi - b.lo) - 1e-9
    return max(a.lo, b.lo) - min(a.hi, b.hi) <= tol + 1e-9 * max(abs(a.lo), abs(b.lo), 1)


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
                              if claims[j].doc_id != claims[i].doc_id and values_agree(claims[i], claims[j])})
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
    if len(stated) > 1 and kind != "corroboration":
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
            place_sets = [frozenset().union(*(c.places for c in g)) for g in groups]
            if all(place_sets) and not frozenset.intersection(*place_sets):
                notes.append("different scope: " + " vs ".join(", ".join(sorted(p)) for p in place_sets))
            src_sets = [frozenset().union(*(c.sources for c in g)) for g in groups]
            if all(src_sets) and not frozenset.intersection(*src_sets):
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


def number_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]],
                    edges: Sequence[Edge]) -> list[Finding]:
    """Classify each group of aligned numbers as corroboration, conflict or superseded."""
    out: list[Finding] = []
    stats = _EdgeStats(edges)
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
        groups = _group_by_agreement(reps, claims, lambda a, b: bool(values_agree(a, b)))
        if len(groups) == 1:
            if not _worth_corroborating(cs):
                continue
            out.append(Finding("corroboration", topic, tuple(cs), _number_note("corroboration", cs),
                               _score("corroboration", cs, align, 0.0)))
            continue
        kind = "superseded" if _is_update(cs) else "numeric_conflict"
        mids = [_mid(c) for c in cs if math.isfinite(_mid(c))]
        rel = (max(mids) - min(mids)) / max(max(abs(m) for m in mids), 1e-9) if mids else 0.0
        note = _number_note(kind, cs, [[claims[i] for i in g] for g in groups])
        out.append(Finding(kind, topic, tuple(cs), note, _score(kind, cs, align, rel)))
    return out


def _worth_corroborating(cs: Sequence[Claim]) -> bool:
    """Agreement on a small bare count ("two aid workers") with no known measure says little;
    keep it only when it is about a known concept, a distinctive value, or many sources."""
    if any(c.concept for c in cs) or len({c.doc_id for c in cs}) >= MIN_SOURCES_PLAIN_AGREEMENT:
        return True
    return any(abs(_mid(c)) >= MIN_DISTINCTIVE_VALUE for c in cs if math.isfinite(_mid(c)))


def _is_update(cs: Sequence[Claim]) -> bool:
    """A running count that never falls as publication dates advance, with later dates strictly later."""
    if not all(c.cumulative and c.published for c in cs):
        return False
    ordered = sorted(cs, key=lambda c: (c.published, _mid(c)))
    for x, y in zip(ordered, ordered[1:]):
        if values_agree(x, y):
            continue
        if not (y.published > x.published and _mid(y) > _mid(x)):
            return False
    return True


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
            reps = _representatives(g, claims, stats)
            cs = [claims[i] for i in reps]
            if len({c.doc_id for c in cs}) < 2:
                continue
            topic = _topic("date of " + _surface_topic(cs), cs)
            out.append(Finding("corroboration", topic, tuple(cs), _date_note(cs, conflict=False),
                               _score("corroboration", cs, stats.mean(g), 0.0)))
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
    return len(set(a.near) & set(b.near)) >= DATE_CONFLICT_NEAR_SHARED


def _date_note(cs: Sequence[Claim], *, conflict: bool) -> str:
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
        notes.append(f"{n} sources give the same date")
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


def _score(kind: str, cs: Sequence[Claim], align: float, rel: float) -> float:
    """Importance: kind, number of sources, strength of the alignment, size of the difference."""
    n = len({c.doc_id for c in cs})
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
    ordered = sorted(findings, key=lambda f: (-f.score, f.kind, f.topic, [c.row.claim_id for c in f.claims]))
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
