"""dateparser behind one cached parser, for absolute dates the rule table does not spell out.

Used for numeric dates ("05/09/2023") and for spaCy DATE spans no rule matched. Only
expressions that carry their own year are accepted: dateparser fills missing parts from the
current clock or RELATIVE_BASE (ecosystem notes, section 4), which would invent values.
RELATIVE_BASE is pinned so results never depend on today's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from dateparser.date import DateDataParser

from pipeline.extract.timex_types import Norm
from pipeline.vocab import timeml

# A fixed, impossible-to-confuse base: with an explicit year it is never used for the value.
_PINNED_BASE = dt.datetime(1900, 1, 1)
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[0-9]|20)\d{2}(?!\d)|(?<![\d])\d{1,2}[/.]\d{1,2}[/.]\d{2}(?!\d)")
# Words that make a span a duration or a set, not a point in time.
_NOT_A_POINT = re.compile(
    r"\b(?:for|past|last|next|over|every|each|per|annual|annually|yearly|monthly|weekly|daily|during|"
    r"years|months|weeks|days|decades|hours|minutes|old|long|ago|later|earlier|since|until|between)\b",
    re.IGNORECASE,
)
MAX_CHARS = 60  # dateparser is slow and unreliable on long strings; real dates are short


@functools.lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    """One parser per process: building one costs ~40 ms (ecosystem notes, section 4)."""
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": _PINNED_BASE,
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": False,
        },
    )


def parse_absolute(text: str) -> Norm | None:
    """A self-contained date string -> Norm at dateparser's granularity, or None."""
    text = text.strip()
    if not text or len(text) > MAX_CHARS or not _HAS_YEAR.search(text) or _NOT_A_POINT.search(text):
        return None
    try:
        data = _parser().get_date_data(text)
    except Exception:  # dateparser raises on odd input (overflow, bad locale data): no value, no crash
        return None
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    if d.year < 1000 or d.year > 2199:
        return None
    if period == "year":
        return Norm(f"{d.year:04d}", "year")
    if period == "month":
        return Norm(timeml.fmt_month(d.year, d.month), "month")
    if period == "week":
        return Norm(timeml.fmt_week(d.date()), "week")
    return Norm(timeml.fmt_day(d.date()), "day")
