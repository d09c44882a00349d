"""Date findings: the same event dated alike by several sources, or dated differently.

Claims are grouped by compatible date first, so one source can support two dated events
(controls imposed in 2022, tightened in 2023). Two groups conflict only when a strongly aligned
pair links them, the dates name the same event, and no single source states both dates.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from pipeline.compare.agreement import dates_agree, group_by_agreement, times_agree
from pipeline.compare.align import (
    Edge,
    Scorer,
    align_dates,
    cluster,
    dates_cannot_link,
    join_groups,
    owned_alike_days,
)
from pipeline.compare.claims import Claim, day_of
from pipeline.compare.importance import Salience, importance
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.model import DraftFinding
from pipeline.compare.notes import date_note
from pipeline.compare.sources import EdgeStats, copies_note, independent_sources, representatives
from pipeline.compare.text import stem, words
from pipeline.compare.topics import event_topic, surface_topic, topic_label
from pipeline.vocab import timeml
from pipeline.vocab.kinds import ClaimKind, Kind

# Dates with these qualifiers bound a period rather than date an event. ("since" dates the start of
# what is still going on, so it is compared like a point date; a time of day "just after" or
# "shortly before" one is a window of minutes, ``dated.AFTER_MINUTES``, compared as a point too.)
OPEN_DATE_QUALIFIERS = frozenset({"by", "before", "after", "until"})


# Words next to both dates that must be shared before different dates are called a conflict.
DATE_CONFLICT_NEAR_SHARED = 1


# Edges at least this strong can make two different dates a conflict (weaker ones only corroborate).
DATE_CONFLICT_MIN = 0.55
# ... less this for two dates of one step of a case (``one_step_misdated``): the smallest of
# 0.06 / 0.12 / 0.20 with the best benchmark figures (docs/compare.md, session 39).
SAME_STEP_ALLOWANCE = 0.12
# Two different dates of one step of a case at most this many days apart are that step misdated
# by a source (``one_step_misdated``); further apart, two cases.
SAME_ACT_MAX_GAP_DAYS = 366


def _agree(a: Claim, b: Claim) -> bool:
    if a.kind == ClaimKind.TIME:
        return times_agree(a, b) is not False
    return dates_agree(day_of(a), day_of(b))


def find_date_findings(claims: Sequence[Claim], scorer: Scorer, lexicon: Lexicon) -> list[DraftFinding]:
    """Dates (or times of day) aligned into dated events, then classified."""
    edges = align_dates(claims, scorer)
    groups = cluster(claims, edges, cannot_link=dates_cannot_link)
    return date_findings(claims, merge_dates_told_twice(claims, groups), edges, scorer)


def merge_dates_told_twice(claims: Sequence[Claim], groups: Sequence[Sequence[int]]) -> list[list[int]]:
    """Groups that a source joins by telling one event on one date in both (a story's "the June 20
    shooting" in four sentences, each grouped with another source's telling of it) are one dated
    event: one corroboration, not four. The source's two statements give the same day and share
    a word of the event next to it ("shooting", not a name); a step of a case or a phase the two
    groups name differently ("charged", "convicted") keeps them apart, as two events of one day are."""
    told_in: dict[tuple[int, int], list[tuple[str, str]]] = {}  # two groups -> (source, day) told in both
    by_doc_value: dict[tuple[str, str], list[int]] = {}
    for g, members in enumerate(groups):
        for i in members:
            by_doc_value.setdefault((claims[i].doc_id, claims[i].row.value), []).append(g)
    for (doc, value), gs in sorted(by_doc_value.items()):
        if len(value) >= len("YYYY-MM-DD"):  # "September" twice is a month told twice, not one event
            for pair in itertools.pairwise(gs):
                told_in.setdefault(pair, []).append((doc, value))
    return join_groups(groups, told_in, lambda x, y: any(
        _one_event(claims, groups[x], groups[y], doc, value) for doc, value in told_in[x, y]))


def _name_stems(c: Claim) -> set[str]:
    return {stem(w) for name in (*c.subjects, *c.places) for w in words(name)}


def _one_event(claims: Sequence[Claim], a: Sequence[int], b: Sequence[int], doc: str, value: str) -> bool:
    """The source ``doc`` tells ``value`` in both groups next to a shared event word, and the
    groups name no two steps or phases."""
    told = [[claims[i] for i in g if claims[i].doc_id == doc and claims[i].row.value == value] for g in (a, b)]
    if not any((set(x.value.near) & set(y.value.near)) - _name_stems(x) - _name_stems(y)
               for x in told[0] for y in told[1]):
        return False  # (a name beside both, "Khartoum" or "Sudan", is no event: a day has many)
    every = [claims[i] for i in (*a, *b)]
    return len({c.value.act for c in every} - {""}) <= 1 and len({c.value.phase for c in every} - {""}) <= 1


def moment_positions(claims: Sequence[Claim]) -> list[list[int]]:
    """Statements of one finding that give the same date (at the coarser precision) or time."""
    return group_by_agreement(range(len(claims)), claims, _agree)


def date_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]],
                  edges: Sequence[Edge], scorer: Scorer) -> list[DraftFinding]:
    """Same event, same date or time (corroboration), different ones (conflict), or an expected
    date that later reports move (superseded).

    Claims are grouped by compatible date first, so one source can support two dated events
    (controls imposed in 2022, tightened in 2023). Two groups conflict only when a strongly aligned
    pair links them and no single source states both dates (a source that gives both is telling
    of two events, not disagreeing with itself). ``scorer`` is the one the edges were scored with (its
    statements are ``claims``): it knows each article's only times of a day and only dates of a phase.
    """
    out: list[DraftFinding] = []
    stats = EdgeStats(edges)
    salience = Salience(claims)

    def sole(i: int, j: int) -> bool:  # each its article's only time of the day, or only date of one phase
        return scorer.sole_times_of_one_day(i, j) or scorer.sole_dates_of_one_phase(i, j)

    strong = {(min(e.a, e.b), max(e.a, e.b)) for e in edges if e.score >= DATE_CONFLICT_MIN or (
        e.score >= DATE_CONFLICT_MIN - SAME_STEP_ALLOWANCE and one_step_misdated(claims[e.a], claims[e.b]))
        or sole(e.a, e.b) or owned_alike_days(claims[e.a], claims[e.b])}
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
                if any((min(i, j), max(i, j)) in strong and _same_event(claims[i], claims[j], sole(i, j))
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
    what = "time" if cs[0].kind == ClaimKind.TIME else "date"
    topic = topic_label(f"{what}: " + event_topic(cs), cs)
    if _moved_forecast(cs):
        ordered = sorted(cs, key=lambda c: (c.published or "9999", c.doc_id))
        steps = (f"{c.text} ({day_of(c)}, {c.published or 'undated'}{', expected' if c.value.forecast else ''})"
                 for c in ordered)
        note = "the expected date moved as reports came in: " + ", ".join(steps)
        return DraftFinding(Kind.SUPERSEDED, topic, tuple(ordered), note, importance(Kind.SUPERSEDED, cs, align, 0.5))
    return DraftFinding(Kind.DATE_CONFLICT, topic, tuple(cs), date_note(cs, conflict=True),
                        importance(Kind.DATE_CONFLICT, cs, align, 0.5))


def _moved_forecast(cs: Sequence[Claim]) -> bool:
    """Every earlier statement is a forecast and publication order explains the change: the
    sources of one day agree ("a strike on March 19" and "on March 21" the same day is a dispute,
    whatever a later report says)."""
    dated = [c for c in cs if c.published]
    if len(dated) < len(cs) or len({c.published[:10] for c in cs}) < 2:
        return False
    told_on: dict[str, set[str]] = {}  # publication day -> the days its sources give
    for c in dated:
        told_on.setdefault(c.published[:10], set()).add(day_of(c))
    if any(len(days) > 1 for days in told_on.values()):
        return False
    ordered = sorted(dated, key=lambda c: c.published)
    last_day = ordered[-1].published[:10]
    return all(c.value.forecast for c in ordered if c.published[:10] < last_day)


def _corroboration(g: Sequence[int], claims: Sequence[Claim], stats: EdgeStats,
                   salience: Salience) -> DraftFinding | None:
    reps = representatives([i for i in g if not claims[i].value.reported], claims, stats)
    cs = [claims[i] for i in reps]
    if len({c.doc_id for c in cs}) < 2:
        return None  # "told AFP late Tuesday" dates a statement, not the event
    wording = independent_sources(cs)
    if len(wording) < 2:
        return None  # one wire story printed twice
    surface = surface_topic(cs)
    if not surface and cs[0].kind != ClaimKind.TIME:
        return None  # the sentences share no telling word: same day, different happenings
    what = "time" if cs[0].kind == ClaimKind.TIME else "date"
    topic = topic_label(f"{what}: " + event_topic(cs), cs)
    note = date_note(cs, conflict=False, independent=len(wording))
    copies = copies_note(wording)
    score = importance(Kind.CORROBORATION, cs, stats.mean(g), 0.0, independent=len(wording))
    if cs[0].kind == ClaimKind.DATE and all(_before_month_of(day_of(c), c.ref_time) for c in cs):
        score *= Salience.BACKGROUND  # a past event's date is context, not news
    return DraftFinding(Kind.CORROBORATION, topic, tuple(cs), note + ("; " + copies if copies else ""),
                        round(score * salience.factor_dates(cs), 4))


def _before_month_of(value: str, ref_time: str) -> bool:
    """The dated time starts before the month of the article's reference time (a past event)."""
    first, ref = timeml.start(value), timeml.parse_iso_date(ref_time)
    return first is not None and ref is not None and first < ref.replace(day=1)


def one_step_misdated(a: Claim, b: Claim) -> bool:
    """Two different dates of the same step of a case (both the indictment, the verdict or the
    sentence) less than a year apart: "In 1969, he was indicted" and "In 1970, he was indicted",
    "convicted March 20" and "found guilty in April": one step, misdated by a source, more likely
    than two such steps (decades apart they are two cases: a 1958 trial and a 1997 one)."""
    gap = timeml.gap_days(day_of(a), day_of(b)) if a.value.act and a.value.act == b.value.act else None
    return gap is not None and gap <= SAME_ACT_MAX_GAP_DAYS


def _two_ends(a: Claim, b: Claim) -> bool:
    """Both dates end one state ("will stay at £2 until the end of June", "has been extended until
    the end of March"): the ends of one freeze, ban or closure are compared as points."""
    return a.value.qualifier.split()[:1] == b.value.qualifier.split()[:1] == ["until"]


# Qualifiers of a date that bound its happening from above ("finished by 2045") or below ("after 2030").
_UPPER_BOUNDS, _LOWER_BOUNDS = frozenset({"by", "before"}), frozenset({"after"})


def _point_past_the_bound(bound: Claim, point: Claim) -> bool:
    """A date with no qualifier lies wholly outside the other's bound: "complete in 2046" breaks "is
    due to be finished by 2045" (and may dispute it), while "in 2044" keeps it (and cannot)."""
    if point.value.qualifier or bound.value.qualifier not in _UPPER_BOUNDS | _LOWER_BOUNDS:
        return False
    limit, told = timeml.interval(day_of(bound)), timeml.interval(day_of(point))
    if limit is None or told is None:
        return False
    if bound.value.qualifier in _UPPER_BOUNDS:
        return told[0] > limit[1]
    return told[1] < limit[0]


def _same_event(a: Claim, b: Claim, sole_times: bool = False) -> bool:
    """Strict test before calling two dates a conflict: both are point dates (not "by 2027",
    "since 2020", unless the other lies past the bound; a time of day "shortly after" one is a window,
    compared as a point) and the words
    right next to each date overlap (or both are their articles' only times of that day, which
    name the happening in words of their own: "caught fire at about 6:40", "burst into flames
    shortly after 7:15")."""
    if a.kind == ClaimKind.DATE and (a.value.qualifier in OPEN_DATE_QUALIFIERS
                                     or b.value.qualifier in OPEN_DATE_QUALIFIERS) and not (
            _two_ends(a, b) or _point_past_the_bound(a, b) or _point_past_the_bound(b, a)):
        return False
    if a.value.reported or b.value.reported:
        return False  # "told reporters on Wednesday" dates the telling
    if a.kind == ClaimKind.TIME and a.value.forecast != b.value.forecast:
        return False  # "will now lift off at 10:42" and "lifted off at 10:47": the plan and what happened
    if a.value.record or b.value.record:
        return False  # "worst since 2008" and "first since 1991" date two different earlier events
    if all(c.value.resolved_against and day_of(c) == c.published for c in (a, b)):
        return False  # "today" in two articles: each is its own publication day, not a dispute
    if _same_weekday_other_week(a, b):
        return False  # both say "on Saturday": they agree on the day; the week is our reading
    if _a_day_off_by_the_article_dates(a, b):
        return False  # "Monday" in one story, "today" in a copy dated Tuesday
    if _last_week_as_the_past_seven_days(a, b) or _last_week_as_the_past_seven_days(b, a):
        return False  # "last week" in a Saturday article and "Monday" five days before it
    if _two_ends(a, b):  # months apart are two ends of one state, not two happenings
        return len(set(a.value.near) & set(b.value.near)) >= DATE_CONFLICT_NEAR_SHARED
    ages = sorted(_age_days(c) for c in (a, b))
    # (two dates both after their articles are plans, "finished by 2045" and "complete in 2046": one may be late)
    if ages[0] <= CURRENT_EVENT_DAYS and ages[1] >= 0 and _days_apart(day_of(a), day_of(b)) > PAST_EVENT_DAYS:
        return False  # this week's event vs one months before it: two events, not one misdated
    if timeml.days_between(a.ref_time, b.ref_time) > PAST_EVENT_DAYS and max(ages) <= CURRENT_EVENT_DAYS:
        return False  # each the news of its own day, months apart: two events (two outages)
    return sole_times or len(set(a.value.near) & set(b.value.near)) >= DATE_CONFLICT_NEAR_SHARED


def _a_day_off_by_the_article_dates(a: Claim, b: Claim) -> bool:
    """One day apart, and one of them a day named from the day of writing ("today", "yesterday"):
    that day is only as exact as its article's date, which may be a day off the writer's own (a
    story written Monday evening in New York is dated Tuesday in UTC)."""
    if not any(set(words(c.text)) & timeml.DEICTIC_DAYS.keys() for c in (a, b)):
        return False
    day_a, day_b = timeml.parse_iso_date(day_of(a)), timeml.parse_iso_date(day_of(b))
    return bool(day_a and day_b) and abs((day_a - day_b).days) == 1


DAYS_PER_WEEK = 7


def _last_week_as_the_past_seven_days(last: Claim, other: Claim) -> bool:
    """``last`` says "last week" and ``other``'s day is one of the seven days before ``last``'s
    article: "last week" is read as the calendar week before the article's, but writers use it of
    the past seven days too (a Saturday story's "escaped last week" of that Monday)."""
    if not (last.value.resolved_against and re.search(r"\blast week\b", last.text, re.IGNORECASE)):
        return False
    ref = timeml.parse_iso_date(last.value.resolved_against[:10])
    day = timeml.parse_iso_date(day_of(other))
    return bool(ref and day) and 1 <= (ref - day).days <= DAYS_PER_WEEK


def _same_weekday_other_week(a: Claim, b: Claim) -> bool:
    """Both name the same weekday and at least one was placed in a week by its article's date:
    a later article's "on Saturday" may be the Saturday before last. Whole weeks apart, they
    do not disagree on the day they name."""
    said = [set(re.findall(r"[a-z]+", c.text.lower())) & set(timeml.WEEKDAY_NAMES) for c in (a, b)]
    apart = timeml.days_between(day_of(a), day_of(b))
    return (len(said[0]) == 1 and said[0] == said[1] and apart % 7 == 0 and apart > 0
            and any(c.value.resolved_against for c in (a, b)))


# A date this many days or fewer before its article's publication is the current story; more than
# PAST_EVENT_DAYS before, it is an earlier event (February's quake in a November article).
CURRENT_EVENT_DAYS = 7


PAST_EVENT_DAYS = 60


def _days_apart(a: str, b: str) -> int:
    """Days between the starts of two TimeML dates of any precision ("2004" and "2013-07-02"); 0 when unknown."""
    da, db = timeml.start(a), timeml.start(b)
    return abs((da - db).days) if da and db else 0


def _age_days(c: Claim) -> int:
    """Days from the start of the date to the article's reference time; 0 when unknown."""
    ref, first = timeml.parse_iso_date(c.ref_time), timeml.start(day_of(c))
    if ref is None or first is None:
        return 0
    return (ref - first).days
