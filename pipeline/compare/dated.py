"""Date and time claims: when things happened (or are expected to), by each source.

A date claim is a calendar value (``vocab.timeml``) with the event words around it (its frame:
the words between the neighbouring dates of the sentence, the date masked), whether it follows
a reporting verb ("said on Friday" dates the statement, not the event), whether it is a forecast
("should be fixed next week") and the signal before it ("by", "since"). A time claim is a time
of day in minutes since midnight with its tolerance (about 9:25 is 9:15-9:35), its zone as
written and its day when the sentence gives one.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence

from pipeline.compare.claims import (
    DEPARTURE,
    END,
    MINUTES_A_DAY,
    ONSET,
    CalendarDate,
    Claim,
    DocContext,
    TimeOfDay,
    claim_row,
)
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.text import CLAUSE_BREAK, LOST_DASH, content_stems, find_phrases, stem, words
from pipeline.schema import DateRow, NumberRow
from pipeline.vocab import timeml, units
from pipeline.vocab.kinds import ClaimKind
from pipeline.vocab.units import TIME_UNITS, UNITS

# A sentence needs this many content words to carry a dated event, unless a word of its onset or of an
# act says which happening it dates ("The fire, which broke out on Sunday, was 35% contained."), or of
# its end foretold ("is due to be finished by 2045"); not an end told as done, "reopened on Thursday
# after Tuesday's gas leak", which would meet the leak's date.
MIN_CONTENT_WORDS = 4
# A date more than this many days before its article is past, whatever word leads it ("until he
# returned to prison in June 1999"): a forecast of it would long be settled.
FORECAST_PAST_DAYS = 365
# Content words either side of a date that describe the dated event ("In October 2022, the
# administration began restricting exports ..."); the rest of a long sentence is other matter.
DATE_WINDOW_BEFORE = 6
DATE_WINDOW_AFTER = 10
# Content words either side that say which event a date belongs to, for conflicts: in "his
# cousin told reporters on Wednesday that the teen was shot", Wednesday dates the telling.
DATE_NEAR = 4
# A reporting verb this close before a date ("said on Friday", "told reporters Tuesday") makes
# the date that of the statement, not of the event.
REPORTED_WORDS = 3
# How many sentences back a time of day with no day of its own looks for the day it is told on.
TIME_DAY_SENTENCES_BACK = 2
# Words either side of a date or time that say whether it is the event's onset or end.
PHASE_WORDS = 8
# Frame words either side of a date or time, for the encoder.
FRAME_WORDS = 12
# A date this close (characters) to a number whose as_of it is, is that number's reference time.
AS_OF_ADJACENT = 25
# An explicit year this close to a relative date, with no clause break between, names its year
# ("the Boxing Day earthquake and tsunami in 2004").
SAME_PHRASE_CHARS = 40
# Calendar years outside this range are times of day or codes misread as years ("1023 GMT").
YEAR_RANGE = (1500, 2200)
# Times of day: "about 9:25" may be 9:15 to 9:35; "just after 6am" 6:00 to 6:15 (so "shortly after
# 3 p.m." agrees with "about 3:10" and not with "about 3:30"); a stated minute is that minute.
APPROX_MINUTES = 10
# A time on the quarter hour ("3:30", "7 a.m.") is often a clock rounded by the writer: it agrees
# with a time this close (3:30 and 3:33), not further (7:00 and 6:40 disagree); a time on five
# minutes ("9:25") with one 2 minutes off. Any other minute is that minute.
QUARTER_HOUR_MINUTES = 5
FIVE_MINUTES_MINUTES = 2


# A fiscal period ("its fiscal third quarter", "fiscal 2013", "FY2013") follows the company's
# year, which the text rarely gives: it is compared only with fiscal periods.
_FISCAL = re.compile(r"\bfiscal\b|\bFY\s?'?\d", re.IGNORECASE)
# "86-year-old" written before what it is the age of; the thing's name (capitalised words) may
# stand between: "the 86-year-old Carrow Mill building".
_AGE_BEFORE_NOUN = re.compile(r"[\s-]years?[\s-]old$", re.IGNORECASE)
_MADE_THING_AFTER = re.compile(r"\s+(?:[A-Z][\w'’.&-]*\s+){0,4}(?P<noun>[a-z]+)\b")
# A verb of making right before a year ("opened in 1987", "built 1935"), and how far before it
# the made thing may be named ("The Hallam warehouse, which opened in 1987").
_MAKING_VERB_BEFORE = re.compile(r"\b(?P<verb>[A-Za-z]+)\s+(?:in\s+)?$")
_MAKING_CHARS = 80


def stated_precision_minutes(minutes: int) -> float:
    """How far a time of day written at this minute may be from the moment it stands for."""
    if minutes % 15 == 0:
        return float(QUARTER_HOUR_MINUTES)
    return float(FIVE_MINUTES_MINUTES) if minutes % 5 == 0 else 0.0
AFTER_MINUTES = 15


def date_claims(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """A claim per resolved date (calendar values up to a year) that dates an event."""
    number_times: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for r in ctx.men.numbers:
        if r.as_of and not _inside_the_period(r, r.as_of):
            number_times.setdefault((r.sent_no, r.as_of), []).append((r.start, r.end))
    stated = _stated(ctx, (d for d in ctx.men.dates if d.granularity != "time"),
                     lambda d: _date_claim(ctx, lex, d, made=made_when(ctx, lex, d))
                     if _usable_date(ctx, d, number_times) else None)
    # A making date dates the making of the thing after it, not what its sentence tells before it
    # ("A fire destroyed the 86-year-old Carrow Mill building"): the frame says so.
    return stated + [c for d, thing in _making_dates(ctx, lex) if (c := _date_claim(ctx, lex, d, thing)) is not None]


def _making_dates(ctx: DocContext, lex: Lexicon) -> list[tuple[DateRow, str]]:
    """When a made thing was made, from its age: "the 86-year-old Carrow Mill building" in a 2021
    article was built in 1934 or 1935 (before or after its birthday), so it agrees with "built in
    1935" and disagrees with "built in 1925". Only an age written before a noun of the lexicon's
    `[made_things]` ("an 86-year-old man" is no date of anything); with the words naming the thing."""
    year = timeml.year(ctx.published) if ctx.published else None
    if not year:
        return []
    found = []
    for r in ctx.men.numbers:
        if r.kind != "age" or r.value_max is not None or not r.value or not _AGE_BEFORE_NOUN.search(r.text):
            continue
        noun = _MADE_THING_AFTER.match(ctx.text, r.end)
        if noun is None or noun["noun"] not in lex.made_things:
            continue
        made = year - int(r.value)
        found.append((DateRow(doc_id=r.doc_id, sent_no=r.sent_no, start=r.start, end=r.end, text=r.text,
                              value=f"{made - 1}/{made}", granularity="range", anchor=ctx.published, qualifier="",
                              sentence=r.sentence), noun.group().strip()))
    return found


def made_when(ctx: DocContext, lex: Lexicon, d: DateRow) -> str:
    """The made thing whose making a year dates ("The building, which opened in 1987", "a mill built
    in 1935": "building", "mill"), or '': a verb of making right before the year and one of the
    lexicon's made things among the words before it in its sentence. Such a date is compared with
    the making date an age gives ("the 30-year-old building"), however short its sentence."""
    if not re.fullmatch(r"\d{4}", d.value):
        return ""
    quote_start = ctx.sentence(d.sent_no, d.start, d.end, d.sentence)[0]
    before = ctx.text[max(quote_start, d.start - _MAKING_CHARS, 0):d.start]
    verb = _MAKING_VERB_BEFORE.search(before)
    if verb is None or verb["verb"].lower() not in lex.making_verbs:
        return ""
    things = [w for w in re.findall(r"[a-z]+", before[:verb.start()]) if w in lex.made_things]
    return things[-1] if things else ""


def time_claims(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """A claim per time of day; one given again in brackets ("4:30 a.m. local time (11.30 p.m.
    ET)") is the same moment told twice and makes no second claim."""
    return _stated(ctx, (d for d in ctx.men.dates if d.granularity == "time"), lambda d: _time_claim(ctx, lex, d))


def _inside_the_period(r: NumberRow, value: str) -> bool:
    """A span of time shorter than the period its date names lies inside it ("a three day trial
    hearing was penciled in for October"): the date says when, the figure how long, and each is
    a statement of its own. A longer one ("a 12-year sentence imposed in 1997") is dated by it."""
    period = timeml.interval(value)
    if r.unit not in TIME_UNITS or period is None or r.value is None:
        return False
    longest = r.value_max if r.value_max is not None and not math.isnan(r.value_max) else r.value
    return float(longest) * UNITS[r.unit].factor < ((period[1] - period[0]).days + 1) * UNITS["days"].factor


def _usable_date(ctx: DocContext, d: DateRow, number_times: dict[tuple[int, str], list[tuple[int, int]]]) -> bool:
    if not timeml.is_calendar(d.value) or d.anchor == "unresolved":
        return False
    year = timeml.year(d.value)
    if year is None or not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return False
    if d.anchor and not re.search(r"\b\d{4}\b", d.text) and any(
            r is not d and re.search(rf"\b{other}\b", r.text)
            and other != year and _same_phrase(ctx.text, d.start, d.end, r.start, r.end)
            for r in ctx.dates_in(d.sent_no) if (other := timeml.year(r.value))):
        # "the Boxing Day tsunami in 2004": the sentence names the year itself; a holiday
        # resolved against the publication date would date the wrong year.
        return False
    if _names_a_thing(ctx.text, d):
        return False
    if any(r is not d and r.granularity != "time" and len(r.value) > len(d.value) and r.value.startswith(d.value)
           and timeml.is_calendar(r.value) for r in ctx.dates_in(d.sent_no)):
        return False  # "this year's event, which was due to take place from 9 to 11 July": the day says it finer
    # A figure's reference time is compared with the figure: "34% in 2024", "In 2004 a tsunami
    # killed 170,000" (a year or month is a statistic's period, on either side). A day before a
    # count ("foiled an attack on Friday capturing 26 pirates") dates the event itself.
    # A lost dash between them ends the clause: "for October-the 23-year old's" dates no age.
    if _ends_a_running_state(ctx, d):
        return True  # "will stay at £2 until the end of June": when the state ends is a claim of its own
    if _POSSESSIVE_AFTER.match(ctx.text, d.end):
        return True  # "matching all six numbers in Saturday's draw": the day is the draw's, a claim of its own
    day = d.granularity in ("day", "time")
    return not any((0 <= d.start - e <= AS_OF_ADJACENT or (not day and abs(s - d.end) <= AS_OF_ADJACENT))
                   and not LOST_DASH.search(ctx.text, min(e, d.end), max(s, d.start))
                   for s, e in number_times.get((d.sent_no, d.value), ()))


# A day written as the owner of the noun after it ("Saturday's draw", "last Wednesday's vote") dates that noun.
_POSSESSIVE_AFTER = re.compile(r"['’]s\s+(?P<noun>[a-z]+)")


def _owned(ctx: DocContext, d: DateRow) -> str:
    """The stem of the noun a day is written as the owner of ("Saturday's draw": "draw"), or ''."""
    m = _POSSESSIVE_AFTER.match(ctx.text, d.end)
    return stem(m["noun"]) if m else ""


def _ends_a_running_state(ctx: DocContext, d: DateRow) -> bool:
    """An "until" date after the article: the end of a state still running when it was written (a
    freeze, a ban, a closure), not the reference time of the figure beside it."""
    published = timeml.parse_iso_date(ctx.published) if ctx.published else None
    start = timeml.start(d.value)
    return d.qualifier.split()[:1] == ["until"] and bool(published and start and start > published)


# A bare year between a determiner or adjective and a capitalised word modifies a name: "a silver
# 2007 Ford Fusion" (a model year), "the 2012 Olympics". It dates no event of the story.
_YEAR_IN_NAME_RE = re.compile(r"(?:\b(?:a|an|the|his|her|their|its|our|my|[a-z]+)\s+)$")
_NAME_AFTER_RE = re.compile(r"\s+(?:[a-z]+\s+){0,2}[A-Z][a-z]")
_DATE_PREPOSITIONS = frozenset("in on since by from until of during after before around about through to".split())


def _names_a_thing(text: str, d: DateRow) -> bool:
    if not re.fullmatch(r"\d{4}", d.text.strip()):
        return False
    before = text[max(0, d.start - 20):d.start]
    prev = before.split()[-1].lower() if before.split() else ""
    return (bool(_YEAR_IN_NAME_RE.search(before)) and prev not in _DATE_PREPOSITIONS
            and bool(_NAME_AFTER_RE.match(text, d.end)))


def _restatements(ctx: DocContext) -> dict[DateRow, DateRow]:
    """Each date or time given again in brackets right after another ("today (14 October 2011)",
    "4:30 a.m. (11.30 p.m. ET)"), keyed by the first: one mention, told twice."""
    rows = sorted(ctx.men.dates, key=lambda r: r.start)
    return {a: b for a, b in itertools.pairwise(rows)
            if a.sent_no == b.sent_no and re.fullmatch(r"\s*[(\[]\s*", ctx.text[a.end:b.start])}


def _stated(ctx: DocContext, rows: Iterable[DateRow], claim: Callable[[DateRow], Claim | None]) -> list[Claim]:
    """A claim per date (or time) of ``rows`` that ``claim`` makes one of; one given again in
    brackets makes no second claim, and the first's shows both as its text ("Friday (14 October
    2011)": the date as the source spelt it out), its value and its frame its own."""
    restated = _restatements(ctx)
    again = set(restated.values())
    out = []
    for d in rows:
        if d in again or (c := claim(d)) is None:
            continue
        if d in restated:
            close = re.match(r"\s*[)\]]", ctx.text[restated[d].end:])
            end = restated[d].end + (close.end() if close else 0)
            text = ctx.text[d.start:end]
            c = dataclasses.replace(c, text=text, row=dataclasses.replace(c.row, text=text, end=end))
        out.append(c)
    return out


# A time of year narrowed by the date right after it: "the end of the autumn term in December 2030",
# "the spring of 2029" (a noun or two and a preposition between them): one time, not a neighbour.
_ONE_TIME_TOLD_CLOSER = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:in|of)\s+")


def _event_bounds(ctx: DocContext, d: DateRow, qs: int, qe: int) -> tuple[int, int]:
    """The event words stop at the neighbouring dates of the same sentence and at its offsets
    (``_offsets_in``): in "won last week, named a cabinet on Tuesday", Tuesday dates the cabinet,
    not the win. A bracketed conversion
    of this very date is no neighbour, nor is "now" ("would now be held on March 21"): it dates no
    event of its own; nor is a century ("a 17th-century cottage in Little Sowerby on Monday": it dates
    the cottage, and no story's happening)."""
    others = [r for r in ctx.dates_in(d.sent_no) if r is not d and timeml.names_calendar_time(r.value)
              and timeml.granularity(r.value) != "century"
              and not re.fullmatch(r"[\s()\[\]]*", ctx.text[min(d.end, r.end):max(d.start, r.start)])
              and not _ONE_TIME_TOLD_CLOSER.fullmatch(ctx.text, r.end, d.start)]
    offsets = _offsets_in(ctx, d.sent_no)
    left = max([r.end for r in others if r.end <= d.start] + [e for _, e in offsets if e <= d.start] + [qs])
    right = min([r.start for r in others if r.start >= d.end] + [s for s, _ in offsets if s >= d.end] + [qe])
    lost = [m.start() for m in LOST_DASH.finditer(ctx.text, left, right)]
    left = max([s + 1 for s in lost if s < d.start] + [left])
    right = min([s for s in lost if s >= d.end] + [right])
    return left, right


# A span of time and a word that makes it count from another moment: "three days after it ran
# aground", "a week later".
_OFFSET_WORD_AFTER = re.compile(r"\s+(?:after|before|later|earlier)\b", re.IGNORECASE)


def _offsets_in(ctx: DocContext, sent_no: int) -> list[tuple[int, int]]:
    """Spans (start, end of its word) of the sentence's offsets ("three days after"): each dates
    another happening ("refloated on Wednesday, three days after it ran aground": the grounding),
    so a date's event words stop at it as at a neighbouring date."""
    out = []
    for r in ctx.numbers_in(sent_no):
        m = _OFFSET_WORD_AFTER.match(ctx.text, r.end) if r.unit and units.family(r.unit) == "duration" else None
        if m:
            out.append((r.start, m.end()))
    return out


def _frame(ctx: DocContext, d: DateRow, left: int, right: int) -> str:
    before = ctx.text[left:d.start].split()[-FRAME_WORDS:]
    after = ctx.text[d.end:right].split()[:FRAME_WORDS]
    return " ".join([*before, "#", *after]).strip(" ,;:")


def after_publication(ctx: DocContext, d: DateRow) -> bool:
    """The date starts after its article's publication: it lies ahead ("a strike starting on
    Saturday" in a Thursday article)."""
    published = timeml.parse_iso_date(ctx.published) if ctx.published else None
    start = timeml.start(d.value)
    return bool(published and start and start > published)


def _forecast(ctx: DocContext, lex: Lexicon, d: DateRow, before_words: Sequence[str]) -> bool:
    """Given as expected: a date after its article's, or one a forecast word leads ("expected to
    close in March") unless it lies over a year before the article ("until he returned to prison
    in June 1999" tells of the past: nobody forecasts a date long gone)."""
    if after_publication(ctx, d):
        return True
    published = timeml.parse_iso_date(ctx.published) if ctx.published else None
    start = timeml.start(d.value)
    long_gone = bool(published and start and (published - start).days > FORECAST_PAST_DAYS)
    window = before_words[-8:]
    leads = {w for k, w in enumerate(window) if w in lex.forecast
             and not (w == "set" and window[k + 1:k + 2] in (["out"], ["off"]))}  # "had set out on Monday": a journey
    return bool(leads) and not long_gone


def _date_claim(ctx: DocContext, lex: Lexicon, d: DateRow, made: str = "") -> Claim | None:
    """A date's claim; ``made`` names the thing whose making it dates (``made_when``)."""
    common = ctx.common(d.sent_no, d.start, d.end, d.sentence)
    qs, qe = common["quote_start"], common["quote_end"]
    quote = ctx.text[qs:qe]
    if d.anchor and _inside_quotation(quote, d.start - qs):
        return None  # "how many kids will you kill today": a quoted relative date is the speaker's
    left, right = _event_bounds(ctx, d, qs, qe)
    before = content_stems(ctx.text[left:d.start])[-DATE_WINDOW_BEFORE:]
    after = content_stems(ctx.text[d.end:right])
    event = tuple(before + after[:DATE_WINDOW_AFTER])
    before_words = words(ctx.text[left:d.start])
    ranked = _ranked_time(before_words)
    phase, act = _phase(ctx, lex, d, left, right), _act(ctx, lex, d, left, right)
    forecast = _forecast(ctx, lex, d, before_words)
    if len(event) < MIN_CONTENT_WORDS and not (made or ranked or phase == ONSET or act or (phase == END and forecast)):
        return None  # a short clause says which happening it dates with a word of its onset, its end to come or an act
    near = tuple(before[-DATE_NEAR:] + after[:DATE_NEAR])
    cues = "; ".join(cue for cue in ("forecast" if forecast else "", f"act: {act}" if act else "") if cue)
    row = claim_row(ctx, ClaimKind.DATE, d.sent_no, d.start, d.end, quote,
                    subject="; ".join(sorted(common["subjects"])), measure=" ".join(_top(event, 4)), value=d.value,
                    qualifier=d.qualifier, as_of=d.value, cues=cues)
    value = CalendarDate(value=d.value, qualifier=d.qualifier, near=near, phase=phase, act=act,
                         reported=_reported(ctx, lex, d, before_words), forecast=forecast,
                         record=_record(d, before_words),
                         resolved_against=d.anchor if d.anchor != "unresolved" else "",
                         fiscal=bool(_FISCAL.search(d.text)), made=made, ranked=ranked, owned=_owned(ctx, d))
    frame = _frame(ctx, d, left, right)
    return Claim(row=row, kind=ClaimKind.DATE, value=value, **{**common, "context": event},
                 frame=f"{made} made #{frame.partition('#')[2]}" if made else frame, as_of=d.value, text=d.text)


def _time_claim(ctx: DocContext, lex: Lexicon, d: DateRow) -> Claim | None:
    m = re.search(r"T(\d\d):(\d\d)$", d.value)
    if not m:
        return None
    minutes = int(m[1]) * 60 + int(m[2])
    quals = d.qualifier.split()
    if minutes == 0 and {"before", "by", "until"} & set(quals):
        minutes = MINUTES_A_DAY  # "shortly before midnight on Sunday", "by midnight": the end of the day named
    lo, hi, tol = float(minutes), float(minutes), stated_precision_minutes(minutes)
    if "approx" in quals:
        tol = APPROX_MINUTES
    if "after" in quals:
        hi += AFTER_MINUTES
    elif "by" in quals or "before" in quals:
        lo -= AFTER_MINUTES
    common = ctx.common(d.sent_no, d.start, d.end, d.sentence)
    qs, qe = common["quote_start"], common["quote_end"]
    quote = ctx.text[qs:qe]
    left, right = _event_bounds(ctx, d, qs, qe)
    event = tuple(content_stems(ctx.text[left:d.start])[-DATE_WINDOW_BEFORE:]
                  + content_stems(ctx.text[d.end:right])[:DATE_WINDOW_AFTER])
    day = _day_told_before(ctx, lex, d) if d.value.startswith("X") else d.value[:10]
    row = claim_row(ctx, ClaimKind.TIME, d.sent_no, d.start, d.end, quote,
                    subject="; ".join(sorted(common["subjects"])), measure=" ".join(_top(event, 4)), value=d.value,
                    unit=d.zone, qualifier=d.qualifier, as_of=day)
    before_words = words(ctx.text[left:d.start])
    value = TimeOfDay(lo=lo, hi=hi, tol=tol, day=day, zone=d.zone, qualifier=d.qualifier, near=event[:8],
                      phase=_phase(ctx, lex, d, left, right), act=_act(ctx, lex, d, left, right),
                      reported=after_a_reporting_verb(before_words, lex), forecast=_forecast(ctx, lex, d, before_words))
    return Claim(row=row, kind=ClaimKind.TIME, value=value, **{**common, "context": event},
                 frame=_frame(ctx, d, left, right), as_of=day, text=d.text)


def _day_told_before(ctx: DocContext, lex: Lexicon, d: DateRow) -> str:
    """The day of a time of day its sentence gives none to: the last day a sentence just before it
    names, the account going on ("died after falling on Ben Aran on Saturday. He slipped on ice
    near the summit at about 11 a.m."); not a day that dates a statement ("police said on
    Sunday"); '' when none of the sentences just before names a day."""
    for n in range(d.sent_no - 1, max(-1, d.sent_no - 1 - TIME_DAY_SENTENCES_BACK), -1):
        sentence_start = ctx.sentence(n)[0]
        days = [x for x in ctx.dates_in(n) if x.granularity == "day" and len(x.value) == 10
                and not after_a_reporting_verb(words(ctx.text[max(sentence_start, x.start - 30):x.start]), lex)]
        if days:
            return days[-1].value
    return ""


# "The first deaths since 1991", "the worst violence since 2008": a superlative before a "since"
# date makes it the date of the last comparable event.
_SUPERLATIVE = re.compile(r"^(?:first|last|only|worst|best|most|least|biggest|largest|highest|lowest|deadliest|"
                          r"strongest|heaviest|\w{3,}iest)$")
RECORD_WORDS = 10


def after_a_reporting_verb(before_words: Sequence[str], lex: Lexicon) -> bool:
    """A reporting verb just before a date ("said on Friday", "told reporters Tuesday"): the date
    dates the statement, not the event or the figure it reports."""
    return bool(set(before_words[-REPORTED_WORDS:]) & lex.reporting)


def _reported(ctx: DocContext, lex: Lexicon, d: DateRow, before_words: list[str]) -> bool:
    """The date dates a statement: a reporting verb just before it ("said on Friday"), or the date
    opens the sentence and a reporting verb follows ("Yesterday, the police explained that ...")."""
    if after_a_reporting_verb(before_words, lex):
        return True
    opens = not words(ctx.text[ctx.men.sentences[d.sent_no][0]:d.start]) if 0 <= d.sent_no < len(
        ctx.men.sentences) else False
    return opens and bool(set(words(ctx.text[d.end:d.end + 60])[:REPORTED_WORDS + 2]) & lex.reporting)


# "The busiest day was 4 August", "its wettest month came in June": a time that ranks first is a
# fact of its own, however few words tell it.
_RANKING_SUPERLATIVE = re.compile(r"^(?:worst|best|biggest|largest|highest|lowest|deadliest|strongest|heaviest|"
                                  r"hottest|coldest|warmest|wettest|longest|shortest|fastest|slowest|\w{3,}iest)$")
_RANKED_TIMES = frozenset({"day", "night", "week", "weekend", "month", "year", "hour", "morning", "evening",
                           "season", "quarter"})
RANKED_TIME_WORDS = 6


def _ranked_time(before_words: Sequence[str]) -> str:
    """The time ranked first that the date is the date of ("busiest day" of "The busiest day was 4
    August"), or ''."""
    recent = before_words[-RANKED_TIME_WORDS:]
    return next((f"{w} {n}" for w, n in itertools.pairwise(recent)
                 if _RANKING_SUPERLATIVE.match(w) and n in _RANKED_TIMES), "")


def _record(d: DateRow, before_words: list[str]) -> bool:
    return d.qualifier.startswith("since") and any(_SUPERLATIVE.match(w) for w in before_words[-RECORD_WORDS:])


def _phase(ctx: DocContext, lex: Lexicon, d: DateRow, left: int, right: int) -> str:
    """"onset", "progress" or "end" when the words next to the date in its clause say which (and
    not two of them), else "" ("began striking ... on January 11, but the attacks have continued":
    the continuing is another clause's)."""
    before = words(CLAUSE_BREAK.split(ctx.text[left:d.start])[-1])[-PHASE_WORDS:]
    clause_after = CLAUSE_BREAK.split(ctx.text[d.end:right], maxsplit=1)[0]
    # "still at the moor on Wednesday, where a fire that broke out on Sunday ...": the relative clause's
    # verb is its own date's
    after = words(_RELATIVE_CLAUSE.split(clause_after, maxsplit=1)[0])[:PHASE_WORDS]
    if set(before) & _RELATIVE_PRONOUNS and after[:1] and after[0] in _AUXILIARIES:
        after = []  # "a panda that escaped on Monday has been found": the date is the relative clause's
    tokens = before + after
    found = {name for name, index in lex.phases if find_phrases(tokens, index)}
    return found.pop() if len(found) == 1 else ""


_COORDINATED = re.compile(r"\band\b", re.IGNORECASE)
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})
_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would"})
_RELATIVE_CLAUSE = re.compile(r",\s*(?:where|which|who|whose|when)\b", re.IGNORECASE)
# "were left without water", "the storm left 9,000 homes without power": "left" of a state one is
# left in, not of a journey set off on.
_LEFT_IN_A_STATE = re.compile(r"\b(?:(?:is|are|was|were|be|been|being)\s+left\b|left\b[^,.;]{0,40}?\bwithout\b)",
                              re.IGNORECASE)


def _act(ctx: DocContext, lex: Lexicon, d: DateRow, left: int, right: int) -> str:
    """The step of a procedure named nearest the date in its clause ("convicted ... on Thursday":
    the verdict), "" when none is named or two are named equally near."""
    before_text, after_text = ctx.text[left:d.start], ctx.text[d.end:right]
    before = words(CLAUSE_BREAK.split(before_text)[-1])[-PHASE_WORDS:]
    # a verb coordinated after the date is another predicate ("left at 4 a.m. and capsized")
    after = words(_COORDINATED.split(CLAUSE_BREAK.split(after_text, maxsplit=1)[0], maxsplit=1)[0])[:PHASE_WORDS]
    distance: dict[str, int] = {}
    for name, index in lex.acts:
        if name == DEPARTURE and _LEFT_IN_A_STATE.search(ctx.text, left, right):
            continue
        near = [len(before) - i for i, _ in find_phrases(before, index)]
        near += [i + 1 for i, _ in find_phrases(after, index)]
        if near:
            distance[name] = min(near)
    if not distance:
        return ""
    nearest = min(distance.values())
    acts = [name for name, n in distance.items() if n == nearest]
    return acts[0] if len(acts) == 1 else ""


def _same_phrase(text: str, s1: int, e1: int, s2: int, e2: int) -> bool:
    lo, hi = (e1, s2) if e1 <= s2 else (e2, s1)
    return hi - lo <= SAME_PHRASE_CHARS and not re.search(r"[,;:()]", text[lo:hi])


def _inside_quotation(sentence: str, at: int) -> bool:
    """Whether a position lies between an opening and a closing quotation mark of the sentence."""
    marks = [m.start() for m in re.finditer(r'["“”‘’]', sentence)]
    before = [k for k in marks if k < at]
    after = [k for k in marks if k > at]
    return len(before) % 2 == 1 and bool(after)


def _top(stems, k: int) -> list[str]:
    seen: list[str] = []
    for s in stems:
        if s not in seen and not s.isdigit():
            seen.append(s)
    return seen[:k]
