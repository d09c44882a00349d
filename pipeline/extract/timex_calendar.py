"""Calendar arithmetic for date normalisation: shifting months, quarters, seasons and weekdays.

Pure functions over ``datetime.date``; no regexes and no spaCy here, so the arithmetic can be
tested on its own. What the resulting TimeML values mean is defined in ``pipeline.vocab.timeml``.
"""

from __future__ import annotations

import datetime as dt

from pipeline.vocab.timeml import (
    SEASON_OF_MONTH,
    SEASON_START_MONTH,
    SEASONS,
    Date,
    fmt_day,
    fmt_month,
    fmt_quarter,
    fmt_week,
    fmt_weekend,
    parse_iso_date,
)

# The value formats and calendar names live in ``pipeline.vocab.timeml``; they are re-exported
# here because every handler in ``timex_rules`` writes ``cal.fmt_day(...)`` next to the arithmetic.
__all__ = [
    "NEAR_DAYS", "SEASONS", "SEASON_OF_MONTH", "SEASON_START_MONTH", "Date", "add_days", "fmt_day",
    "fmt_month", "fmt_quarter", "fmt_week", "fmt_weekend", "month_relative", "nearest_year_for",
    "parse_iso_date", "quarter_of", "safe_date", "season_instance", "season_relative", "shift_month",
    "shift_quarter", "weekday_relative",
]

# A year-less "May 9" this close to the publication date is taken as that date, ignoring tense
# (dev split: tense probes err more often than news refers to a date a year away).
NEAR_DAYS = 31


def safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


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
    'past' = on or before, 'future' = on or after, 'nearest' = whichever of those is closer.
    """
    delta = weekday - anchor.weekday()
    if direction == "this":
        return add_days(anchor, delta)
    if direction == "nearest":
        back, fwd = (anchor.weekday() - weekday) % 7, delta % 7
        return add_days(anchor, -back if back <= fwd else fwd)
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
