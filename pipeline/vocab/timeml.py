"""TimeML values: calendar names, value -> interval, date -> value.

The one definition of what a TimeML value means, shared by date extraction (which writes
values), comparison (which asks whether two values can name the same time and how old a figure
is) and the report's timeline (which draws them). Value forms (TimeML / TempEval-3):

=================  ==================  ========================================
form               example             interval
=================  ==================  ========================================
day                2013-03-22          that day
week               2013-W11            ISO week, Monday to Sunday
weekend            2013-W11-WE         Saturday and Sunday of that ISO week
month              2013-03             the month
quarter            2013-Q1             three months
half               2013-H2             six months
season             2013-WI             meteorological (northern hemisphere); winter is
                                       December of 2013 to February of 2014
year               2013                the year
decade             201                 2010-2019
century            20                  2000-2099 ("the 21st century")
range              2013-06/2013-08     from the start of one to the end of the other
=================  ==================  ========================================

Symbolic values (PRESENT_REF, PAST_REF, FUTURE_REF) and durations (P3Y) are not calendar times.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from pipeline.vocab.numbers import SMALL_CARDINALS

Date = dt.date

MONTH_NAMES: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july", "august",
                                "september", "october", "november", "december")
MONTHS: dict[str, int] = {
    **{name: n for n, name in enumerate(MONTH_NAMES, start=1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Month names of other languages seen in the header lines of scraped pages (dates only, not prose).
FOREIGN_MONTHS: dict[str, int] = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_NAMES: tuple[str, ...] = tuple(WEEKDAYS)
# Days named from the day of writing: as exact as the article's date, which may be a day off the
# writer's own (a story written Monday night in New York is dated Tuesday in UTC).
DEICTIC_DAYS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
SEASONS = ("SP", "SU", "FA", "WI")
SEASON_WORDS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Meteorological seasons (northern hemisphere), by month: winter belongs to the year of its December.
SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                   6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SYMBOLIC = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
# A duration followed by one of these words places a happening in time against another moment
# ("married two weeks ago", "one day after the bombings", "25 minutes into the flight"): it tells
# when, not how long. The word's direction: before or after that moment.
OFFSET_DIRECTION = {"ago": "before", "before": "before", "earlier": "before", "beforehand": "before",
                    "after": "after", "later": "after", "afterwards": "after", "into": "after"}
# A completed act before "in" and the time it took ("sold out in 40 minutes", "were sold in just over
# an hour", "swam the channel in 12 hours"): a regular past form or a common irregular one. A
# regular-expression fragment, shared by extraction ("in an hour" is then a length) and compare.
COMPLETED_ACT = r"(?:[a-z]+ed|sold|won|done|built|made|ran|run|swam|swum)"
# Granularities that name one stretch of the calendar no longer than a year.
CALENDAR_GRANULARITIES = ("day", "week", "weekend", "month", "quarter", "half", "season", "year")

_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+)?$")),
    ("weekend", re.compile(r"^(\d{4})-W(\d{2})-WE$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("half", re.compile(r"^(\d{4})-H([12])$")),
    ("season", re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")),
    ("year", re.compile(r"^(\d{4})$")),
    ("decade", re.compile(r"^(\d{3})$")),
    ("century", re.compile(r"^(\d{2})$")),
)


def fmt_day(d: Date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def fmt_weekend(d: Date) -> str:
    """The weekend of the ISO week containing ``d``."""
    return fmt_week(d) + "-WE"


def fmt_quarter(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def _month_end(year: int, month: int) -> Date:
    nxt = Date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def granularity(value: str) -> str:
    """day, week, weekend, month, quarter, half, season, year, decade, century, range, or ''."""
    value = (value or "").strip()
    if "/" in value:
        return "range" if interval(value) else ""
    for name, pattern in _FORMS:
        if pattern.match(value):
            return name if interval(value) else ""
    return ""


@functools.lru_cache(maxsize=1 << 16)  # compare asks for the same few thousand values again and again
def interval(value: str) -> tuple[Date, Date] | None:
    """A TimeML value -> (first day, last day), or None when it names no calendar time."""
    value = (value or "").strip()
    if "/" in value:
        a, _, b = value.partition("/")
        first, last = interval(a), interval(b)
        if first is None or last is None or last[1] < first[0]:
            return None
        return first[0], last[1]
    try:
        return _interval(value)
    except ValueError:
        return None


def _interval(value: str) -> tuple[Date, Date] | None:
    for name, pattern in _FORMS:
        m = pattern.match(value)
        if not m:
            continue
        if name == "day":
            d = Date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if name in ("week", "weekend"):
            monday = Date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if name == "weekend":
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if name == "month":
            y, mo = int(m[1]), int(m[2])
            return Date(y, mo, 1), _month_end(y, mo)
        if name in ("quarter", "half"):
            y, n = int(m[1]), int(m[2])
            months = 3 if name == "quarter" else 6
            first = months * (n - 1) + 1
            return Date(y, first, 1), _month_end(y, first + months - 1)
        if name == "season":
            y, start = int(m[1]), SEASON_START_MONTH[m[2]]
            end_y, end_m = (y + 1, 2) if m[2] == "WI" else (y, start + 2)
            return Date(y, start, 1), _month_end(end_y, end_m)
        if name == "year":
            y = int(m[1])
            return Date(y, 1, 1), Date(y, 12, 31)
        if name == "decade":
            y = int(m[1]) * 10
            return Date(y, 1, 1), Date(y + 9, 12, 31)
        if name == "century":
            y = int(m[1]) * 100
            return Date(max(y, 1), 1, 1), Date(y + 99, 12, 31)
    return None


def date_part(value: str) -> str:
    """The calendar part of a value: a date-time without its time of day ("2013-03-11T09:30" -> "2013-03-11")."""
    return (value or "").strip().partition("T")[0]


def names_calendar_time(value: str) -> bool:
    """The value (a date-time: its date) names a stretch of the calendar, of any length (a day ...
    a decade, a century, a range); not PRESENT_REF, a duration or an unknown year."""
    return interval(date_part(value)) is not None


def year(value: str) -> int | None:
    """The year a value names or starts in (a day, week, month ... year, a range, a date-time);
    None for a decade ("201" is the 2010s, not the year 201), a century or no calendar time."""
    part = date_part(value)
    m = re.match(r"(\d{4})(?!\d)", part)
    return int(m[1]) if m and interval(part) is not None else None


def is_calendar(value: str) -> bool:
    """A single stretch of the calendar no longer than a year (what a dated event can be)."""
    return granularity(value) in CALENDAR_GRANULARITIES


def contains(outer: str, inner: str) -> bool:
    """The interval of ``outer`` covers the interval of ``inner``."""
    a, b = interval(outer), interval(inner)
    return a is not None and b is not None and a[0] <= b[0] and b[1] <= a[1]


def agree(a: str, b: str) -> bool:
    """Two values can name the same time: one contains the other ("2022" and "2022-10",
    "2022-W40" and "2022-10-05", "2013-WI" and "2014-01")."""
    return a == b or contains(a, b) or contains(b, a)


# Words that place a happening in the night, which sources date to either of its two days ("late on
# Saturday night", "in the early hours of Sunday"; "at 11.20pm on Monday", "shortly after midnight").
# Not "nights", which counts them ("stranded for two nights").
AT_NIGHT_RE = re.compile(
    r"\b(?:(?:to|over)?night|midnight|early hours|small hours|before dawn|pre-?dawn|late on)\b"
    r"|\b(?:9|10|11)(?:[.:][0-5]\d)?\s*p\.?m\b|\b(?:12|[1-4])(?:[.:][0-5]\d)?\s*a\.?m\b", re.I)


def one_night(a: str, b: str, text_a: str, text_b: str) -> bool:
    """Two days one apart that may be one night's, as one source dates a happening to the evening and
    another to the small hours after it: the days are consecutive and both sentences tell of night (a
    count "late on Monday" and one "on Tuesday afternoon" are two times of a running count)."""
    return gap_days(a, b) == 1 and len(a) == len(b) == 10 and bool(
        AT_NIGHT_RE.search(text_a) and AT_NIGHT_RE.search(text_b))


def start(value: str) -> Date | None:
    span = interval(value)
    return span[0] if span else None


def end(value: str) -> Date | None:
    span = interval(value)
    return span[1] if span else None


def gap_days(a: str, b: str) -> int | None:
    """Days between two calendar values' nearer ends (0 when they overlap: "2007-03" and
    "2007-03-20"; 1 for 1969 and 1970); None when either names no calendar time."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return None
    (sa, ea), (sb, eb) = ia, ib
    return max(0, (sb - ea).days, (sa - eb).days)


def days_between(a: str, b: str) -> int:
    """Whole days between two ISO days (or timestamps); 0 when either is not one."""
    da, db = parse_iso_date(a), parse_iso_date(b)
    return abs((da - db).days) if da and db else 0


def parse_iso_date(text: str) -> Date | None:
    """'2023-05-09' (or a longer ISO timestamp) -> date; anything else -> None."""
    text = (text or "").strip()
    if len(text) < 10:
        return None
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None


# The words of a reporting period that a date closes: "the three months to September 30", "the
# quarter ended Sept. 30", "the year ending June 30, 2025", "the six months to June".
_NAMED_PERIOD_MONTHS = {"quarter": 3, "half": 6, "half year": 6, "year": 12}
_PERIOD_CLOSED_BY = re.compile(
    r"(?:\b(?P<n>\d{1,2}|" + "|".join(SMALL_CARDINALS) + r")[-\s]+(?P<unit>months?|weeks?|years?)"
    r"|\b(?P<named>quarter|half[-\s]year|half|year))\s+(?:ended|ending|to|through|thru)\s+$",
    re.IGNORECASE,
)


def reporting_period(text: str, start: int, value: str) -> str:
    """The period that the day or month mentioned at ``start`` of ``text`` closes, as a range,
    when the words before it name one ("the three months to September 30" ->
    2025-07-01/2025-09-30): a figure for that period is the period's, reported weeks after its
    last day, not an old figure of that day. Otherwise ``value`` unchanged."""
    if granularity(value) not in ("day", "month"):
        return value
    m = _PERIOD_CLOSED_BY.search(text[max(0, start - 60):start])
    last = end(value)
    if not m or last is None:
        return value
    after = last + dt.timedelta(days=1)
    if m["unit"] and m["unit"].lower().startswith("week"):
        first = after - dt.timedelta(weeks=_period_count(m["n"]))
    else:
        months = (_period_count(m["n"]) * (12 if m["unit"].lower().startswith("year") else 1) if m["unit"]
                  else _NAMED_PERIOD_MONTHS[re.sub(r"[-\s]+", " ", m["named"].lower())])
        y, m0 = divmod(after.year * 12 + after.month - 1 - months, 12)
        first = Date(y, m0 + 1, min(after.day, _month_end(y, m0 + 1).day))
    if first >= last:
        return value
    return f"{fmt_day(first)}/{fmt_day(last)}"


def _period_count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else SMALL_CARDINALS[word]


# The base of a change: a time relative to another, after "from", "than", "versus", "with", "on" or
# "over" ("up 6% from a year earlier", "higher than last year", "compared with the same quarter", "up
# 14% on a year earlier"). A plain date after "from" is not one ("from March to June").
_BASE_BEFORE = frozenset({"from", "than", "versus", "vs", "with", "on", "over"})
_RELATIVE_PERIOD = re.compile(
    r"(?:a|one|the)\s+(?:year|quarter|month|week)\s+(?:earlier|ago|before)"
    r"|last\s+(?:year|quarter|month|week)|(?:a\s+)?year-(?:earlier|ago)"
    r"|the\s+(?:same|previous|prior|year-earlier|year-ago)\s+(?:year|quarter|month|week|period)",
    re.IGNORECASE,
)


def is_relative_period(phrase: str) -> bool:
    """"last year", "a year earlier", "the previous quarter": a period named from the reference time."""
    return bool(_RELATIVE_PERIOD.match(phrase))


def names_a_comparison_base(previous_word: str, phrase: str) -> bool:
    """A time phrase after ``previous_word`` is the base a change is measured from."""
    return previous_word.lower().strip("(") in _BASE_BEFORE and bool(_RELATIVE_PERIOD.match(phrase))


def is_comparison_base(text: str, start: int) -> bool:
    """The time mentioned at ``start`` of ``text`` is what a change is measured from."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and names_a_comparison_base(before[-1], text[start:start + 40])


# "since July 3", "since the heatwave began on July 3", "since the start of the heat wave on July 4":
# the date opens the period a running count is counted over (no clause break in between).
# "since" a little before the date, or "beginning" / "starting" right before it ("beginning last
# October", "starting in March"; "the beginning of October" is a time of its own).
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.:!?]{0,70}$|\b(?:beginning|starting)\s+(?:in\s+|on\s+|from\s+)?$",
                           re.IGNORECASE)


def opens_a_running_period(text: str, start: int) -> bool:
    """The time mentioned at ``start`` of ``text`` is where a count "since" it starts: the count
    runs to the article's time, so the date is not the figure's time."""
    return bool(_SINCE_BEFORE.search(text, max(0, start - 80), start))


# "model years 2018 to 2023", "built between 2019 and 2023", "manufactured in 2021", "the coins date
# from the third century", "whisky distilled in 1975", "a portrait painted in 1889": the date of
# making a thing, not of an event of the story.
_MADE_BEFORE = re.compile(r"\b(?:model[- ]years?|built|made|manufactured|produced|assembled|distilled|brewed|"
                          r"bottled|painted|minted|carved|woven|"
                          r"(?:date|dates|dated|dating)(?:\s+back)?(?=\s+(?:from|to)\b))\s+"
                          r"(?:(?:between|from|in|during|since|to)\s+)?$", re.IGNORECASE)


def dates_a_made_thing(text: str, start: int) -> bool:
    """The time mentioned at ``start`` of ``text`` is when a thing was made (a model year, a
    building's construction): it dates the thing, not a figure or an account of the story."""
    return bool(_MADE_BEFORE.search(text, max(0, start - 40), start))
