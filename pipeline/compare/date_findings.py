"""Date findings: the same event dated alike by several sources, or dated differently.

Claims are grouped by compatible date first, so one source can support two dated events
(controls imposed in 2022, tightened in 2023). Two groups conflict only when a strongly aligned
pair links them, the dates name the same event, and no single source states both dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.compare.agreement import dates_agree, group_by_agreement
from pipeline.compare.align import DATE_CONFLICT_MIN, Edge
from pipeline.compare.claims import Claim
from pipeline.compare.model import DraftFinding
from pipeline.compare.notes import date_note
from pipeline.compare.ranking import Salience, importance
from pipeline.compare.sources import EdgeStats, copies_note, independent_sources, representatives
from pipeline.compare.topics import surface_topic, topic_label
from pipeline.vocab import timeml

# Dates with these qualifiers bound a period rather than date an event.
OPEN_DATE_QUALIFIERS = frozenset({"by", "since", "before", "after", "until"})


# Words next to both dates that must be shared before different dates are called a conflict.
DATE_CONFLICT_NEAR_SHARED = 1


def date_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]],
                  edges: Sequence[Edge]) -> list[DraftFinding]:
    """Same event, same date (corroboration) or different dates (date conflict).

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
        groups = group_by_agreement(comp, claims, lambda a, b: dates_agree(a.date_value, b.date_value))
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
            reps = representatives([i for x in sorted(linked) for i in groups[x]], claims, stats)
            cs = [claims[i] for i in reps]
            # A coarse date that fits every side ("last week") takes no side: leave it out.
            cs = [c for c in cs if not all(dates_agree(c.date_value, d.date_value) for d in cs)]
            if len({c.date_value for c in cs}) > 1 and len({c.doc_id for c in cs}) > 1:
                align = stats.mean(reps)
                topic = topic_label("date of " + surface_topic(cs), cs)
                out.append(DraftFinding("date_conflict", topic, tuple(cs), date_note(cs, conflict=True),
                                   importance("date_conflict", cs, align, 0.5)))
        for x, g in enumerate(groups):
            if x in linked:
                continue
            reps = representatives([i for i in g if not claims[i].reported], claims, stats)
            cs = [claims[i] for i in reps]
            if len({c.doc_id for c in cs}) < 2:
                continue  # "told AFP late Tuesday" dates a statement, not the event
            wording = independent_sources(cs)
            if len(wording) < 2:
                continue  # one wire story printed twice
            surface = surface_topic(cs)
            if not surface:
                continue  # the sentences share no telling word: same day, different happenings
            topic = topic_label("date of " + surface, cs)
            note = date_note(cs, conflict=False, independent=len(wording))
            copies = copies_note(wording)
            score = importance("corroboration", cs, stats.mean(g), 0.0, independent=len(wording))
            if all(_before_month_of(c.date_value, c.ref_time) for c in cs):
                score *= Salience.BACKGROUND  # a past event's date is context, not news
            out.append(DraftFinding("corroboration", topic, tuple(cs), note + ("; " + copies if copies else ""),
                               round(score * salience.factor_dates(cs), 4)))
    return out


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
    """Days from the start of the date to the article's reference time; 0 when unknown."""
    ref, first = timeml.parse_iso_date(c.ref_time), timeml.start(c.date_value)
    if ref is None or first is None:
        return 0
    return (ref - first).days
