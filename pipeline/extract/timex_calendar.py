"""Calendar arithmetic and TimeML value formatting for date normalisation.

Pure functions over ``datetime.date``; no regexes and no spaCy here, so the arithmetic can be
tested on its own. TimeML value forms: ``2013-03-22`` (day), ``2013-W11`` (ISO week),
``2013-W11-WE`` (weekend), ``2013-03`` (month), ``2013-Q1``, ``2013-H1``, ``2013-SU`` (season),
``2013``, ``201`` (decade), ``20`` (century: "the 21st century" is the 2000s), ``PRESENT_REF``.
"""

from __future__ import annotations

import datetime as dt

Date = dt.date

SEASONS = ("SP", "SU", "FA", "WI")
# A year-less "May 9" this close to the publication date is taken as that date, ignoring tense
# (dev split: tense probes err more often than news refers to a date a year away).
NEAR_DAYS = 31
# Meteorological seasons (northern hemisphere), by month: winter belongs to the year of its December.
SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                   6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def parse_iso_date(text: str) -> Date | None:
    """'2023-05-09' (or a longer ISO timestamp) -> date; anything else -> None."""
    text = (text or "").strip()
    if len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


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


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def fmt_quarter(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def shift_quarter(year: int, q: int, n: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + n
    return idx // 4, idx % 4 + 1


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def add_days(d: Date, n: int) -> Date:
    return d + dt.timedelta(days=n)


def season_instance(d: Date) -> tuple[int, str]:
    """(year, season) of the season containing ``d`` (January belongs to last year's winter)."""
    s = SEASON_OF_MONTH[d.month]
    year = d.year - 1 if s == "WI" and d.month < 12 else d.year
    return year, s


def _season_index(year: int, s: str) -> int:
    return year * 4 + SEASONS.index(s)


def season_relative(anchor: Date, s: str, when: str) -> tuple[int, str]:
    """'last'/'next'/'this'/'' + season, relative to the anchor.

    last = the most recent instance that ended before the current season; next = the first one
    after it; this = the instance in the anchor's season-year; '' is decided by the caller's tense.
    """
    cy, cs = season_instance(anchor)
    cur = _season_index(cy, cs)
    # instances of season s around the anchor
    same_year = _season_index(cy, s)
    cands = [same_year - 4, same_year, same_year + 4]
    if when == "last":
        idx = max(c for c in cands if c < cur)
    elif when == "next":
        idx = min(c for c in cands if c > cur)
    else:  # this: the current season if it is s, else the instance in the anchor's calendar year
        idx = cur if cs == s else _season_index(anchor.year, s)
    return idx // 4, SEASONS[idx % 4]


def month_relative(anchor: Date, month: int, direction: str) -> tuple[int, int]:
    """Which year a bare or 'last'/'next' month name means.

    direction: 'last' = the most recent one strictly before the anchor's month, 'next' = the first
    strictly after, 'past' = the anchor's month or earlier, 'future' = the anchor's month or later,
    'this' / '' = the anchor's year.
    """
    y = anchor.year
    if direction == "last":
        return (y, month) if month < anchor.month else (y - 1, month)
    if direction == "next":
        return (y, month) if month > anchor.month else (y + 1, month)
    if direction == "past":
        return (y, month) if month <= anchor.month else (y - 1, month)
    if direction == "future":
        return (y, month) if month >= anchor.month else (y + 1, month)
    return y, month


def weekday_relative(anchor: Date, weekday: int, direction: str) -> Date:
    """Resolve a weekday (0 = Monday) against the anchor.

    'last' = strictly before, 'next' = strictly after, 'this' = in the anchor's ISO week,
    'past' = on or before, 'future' = on or after.
    """
    delta = weekday - anchor.weekday()
    if direction == "this":
        return add_days(anchor, delta)
    if direction in ("past", "last"):
        back = (anchor.weekday() - weekday) % 7
        if back == 0 and direction == "last":
            back = 7
        return add_days(anchor, -back)
    fwd = delta % 7
    if fwd == 0 and direction == "next":
        fwd = 7
    return add_days(anchor, fwd)


def nearest_year_for(month: int, day: int, anchor: Date, tense: str) -> int | None:
    """Year for a year-less 'May 9': the candidate nearest the anchor that fits the tense."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = safe_date(y, month, day)
        if d is not None:
            cands.append(d)
    if not cands:
        return None
    nearest = min(cands, key=lambda d: (abs((d - anchor).days), d))
    if abs((nearest - anchor).days) <= NEAR_DAYS:
        return nearest.year  # a date within weeks of publication is that one, whatever the tense
    if tense == "past":
        fit = [d for d in cands if d <= anchor]
    elif tense == "future":
        fit = [d for d in cands if d >= anchor]
    else:
        fit = cands
    pool = fit or cands
    best = min(pool, key=lambda d: (abs((d - anchor).days), d))
    return best.year
