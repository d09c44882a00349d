"""Date findings: the same event dated alike by several sources, or dated differently.

Claims are grouped by compatible date first, so one source can support two dated events
(controls imposed in 2022, tightened in 2023). Two groups conflict only when a strongly aligned
pair links them, the dates name the same event, and no single source states both dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.compare.agreement import dates_agree, group_by_agreement, times_agree
from pipeline.compare.align import Edge
from pipeline.compare.claims import Claim
from pipeline.compare.model import DraftFinding
from pipeline.compare.notes import date_note
from pipeline.compare.ranking import Salience, importance
from pipeline.compare.sources import EdgeStats, copies_note, independent_sources, representatives
from pipeline.compare.topics import event_topic, surface_topic, topic_label
from pipeline.vocab import timeml

# Dates with these qualifiers bound a period rather than date an event.
# ("since" dates the start of what is still going on, so it is compared like a point date.)
OPEN_DATE_QUALIFIERS = frozenset({"by", "before", "after", "until"})


# Words next to both dates that must be shared before different dates are called a conflict.
DATE_CONFLICT_NEAR_SHARED = 1


# Edges at least this strong can make two different dates a conflict (weaker ones only corroborate).
DATE_CONFLICT_MIN = 0.55


def _agree(a: Claim, b: Claim) -> bool:
    if a.kind == "time":
        return times_agree(a, b) is not False
    return dates_agree(a.date_value, b.date_value)


def date_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]],
                  edges: Sequence[Edge]) -> list[DraftFinding]:
    """Same event, same date or time (corroboration), different ones (conflict), or an expected
    date that later reports move (superseded).

    Claims are grouped by compatible date first, so one source can support two dated events
    (controls imposed in 2022, tightened in 2023). Two groups conflict only when a strongly aligned
    pair links them and no single source states both dates (a source that gives both is telling
    of two events, not disagreeing with itself).
    """
    out: list[DraftFinding] = []
    stats = EdgeStats(edges)
    salience = Salience(claims)
    strong = {(min(e.a, e.b), max(e.a, e.b)) for e in edges if e.score >= DATE_CONFLICT_MIN}
    for comp in comps:
        if len({claims[i].doc_id for i in comp}) < 2:
            continue
        groups = group_by_agreement(comp, claims, _agree)
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
            found = _disagreement([i for x in sorted(linked) for i in groups[x]], claims, stats)
            if found:
                out.append(found)
        for x, g in enumerate(groups):
            if x not in linked:
                found = _corroboration(g, claims, stats, salience)
                if found:
                    out.append(found)
    return out


def _disagreement(idx: Sequence[int], claims: Sequence[Claim], stats: EdgeStats) -> DraftFinding | None:
    reps = representatives(idx, claims, stats)
    cs = [claims[i] for i in reps]
    # A coarse date that fits every side ("last week") takes no side: leave it out.
    cs = [c for c in cs if not all(_agree(c, d) for d in cs)]
    if len({c.row.value for c in cs}) < 2 or len({c.doc_id for c in cs}) < 2:
        return None
    align = stats.mean(reps)
    what = "time" if cs[0].kind == "time" else "date"
    topic = topic_label(f"{what}: " + event_topic(cs), cs)
    if _moved_forecast(cs):
        ordered = sorted(cs, key=lambda c: (c.published or "9999", c.doc_id))
        steps = (f"{c.text} ({c.date_value}, {c.published or 'undated'}{', expected' if c.forecast else ''})"
                 for c in ordered)
        note = "the expected date moved as reports came in: " + ", ".join(steps)
        return DraftFinding("superseded", topic, tuple(ordered), note, importance("superseded", cs, align, 0.5))
    return DraftFinding("date_conflict", topic, tuple(cs), date_note(cs, conflict=True),
                        importance("date_conflict", cs, align, 0.5))


def _moved_forecast(cs: Sequence[Claim]) -> bool:
    """Every earlier statement is a forecast and publication order explains the change."""
    dated = [c for c in cs if c.published]
    if len(dated) < len(cs) or len({c.published[:10] for c in cs}) < 2:
        return False
    ordered = sorted(dated, key=lambda c: c.published)
    last_day = ordered[-1].published[:10]
    return all(c.forecast for c in ordered if c.published[:10] < last_day)


def _corroboration(g: Sequence[int], claims: Sequence[Claim], stats: EdgeStats,
                   salience: Salience) -> DraftFinding | None:
    reps = representatives([i for i in g if not claims[i].reported], claims, stats)
    cs = [claims[i] for i in reps]
    if len({c.doc_id for c in cs}) < 2:
        return None  # "told AFP late Tuesday" dates a statement, not the event
    wording = independent_sources(cs)
    if len(wording) < 2:
        return None  # one wire story printed twice
    surface = surface_topic(cs)
    if not surface and cs[0].kind != "time":
        return None  # the sentences share no telling word: same day, different happenings
    what = "time" if cs[0].kind == "time" else "date"
    topic = topic_label(f"{what}: " + event_topic(cs), cs)
    note = date_note(cs, conflict=False, independent=len(wording))
    copies = copies_note(wording)
    score = importance("corroboration", cs, stats.mean(g), 0.0, independent=len(wording))
    if cs[0].kind == "date" and all(_before_month_of(c.date_value, c.ref_time) for c in cs):
        score *= Salience.BACKGROUND  # a past event's date is context, not news
    return DraftFinding("corroboration", topic, tuple(cs), note + ("; " + copies if copies else ""),
                        round(score * salience.factor_dates(cs), 4))


def _before_month_of(value: str, ref_time: str) -> bool:
    """The dated time starts before the month of the article's reference time (a past event)."""
    first, ref = timeml.start(value), timeml.parse_iso_date(ref_time)
    return first is not None and ref is not None and first < ref.replace(day=1)


def _same_event(a: Claim, b: Claim) -> bool:
    """Strict test before calling two dates a conflict: both are point dates (not "by 2027",
    "since 2020") and the words right next to each date overlap."""
    if a.date_qualifier in OPEN_DATE_QUALIFIERS or b.date_qualifier in OPEN_DATE_QUALIFIERS:
        return False
    if a.reported or b.reported:
        return False  # "told reporters on Wednesday" dates the telling
    if a.record or b.record:
        return False  # "worst since 2008" and "first since 1991" date two different earlier events
    if all(c.anchor and c.date_value == c.published for c in (a, b)):
        return False  # "today" in two articles: each is its own publication day, not a dispute
    ages = sorted(_age_days(c) for c in (a, b))
    if ages[0] <= CURRENT_EVENT_DAYS and _days_apart(a.date_value, b.date_value) > PAST_EVENT_DAYS:
        return False  # this week's event vs one months before it: two events, not one misdated
    if _days_between(a.ref_time, b.ref_time) > PAST_EVENT_DAYS and max(ages) <= CURRENT_EVENT_DAYS:
        return False  # each the news of its own day, months apart: two events (two outages)
    return len(set(a.near) & set(b.near)) >= DATE_CONFLICT_NEAR_SHARED


# A date this many days or fewer before its article's publication is the current story; more than
# PAST_EVENT_DAYS before, it is an earlier event (February's quake in a November article).
CURRENT_EVENT_DAYS = 7


PAST_EVENT_DAYS = 60


def _days_between(a: str, b: str) -> int:
    da, db = timeml.parse_iso_date(a), timeml.parse_iso_date(b)
    return abs((da - db).days) if da and db else 0


def _days_apart(a: str, b: str) -> int:
    """Days between the starts of two TimeML dates of any precision ("2004" and "2013-07-02"); 0 when unknown."""
    da, db = timeml.start(a), timeml.start(b)
    return abs((da - db).days) if da and db else 0


def _age_days(c: Claim) -> int:
    """Days from the start of the date to the article's reference time; 0 when unknown."""
    ref, first = timeml.parse_iso_date(c.ref_time), timeml.start(c.date_value)
    if ref is None or first is None:
        return 0
    return (ref - first).days
