"""Property tests: the date finder never crashes and its offsets always point at the mention."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.dates import extract_dates
from pipeline.extract.timex_calendar import fmt_day, parse_iso_date, weekday_relative
from pipeline.extract.timex_find import find_timexes
from pipeline.extract.timex_parse import parse_absolute

# Words that exercise the rules: date vocabulary, signals, numbers and junk.
_WORDS = [
    "May", "March", "Sept.", "Jan", "Friday", "last", "next", "this", "the", "year", "week", "quarter", "half",
    "first", "third", "of", "2024", "1990s", "'90s", "21st", "century", "by", "since", "early", "late", "mid-",
    "2009-10", "2023/24", "Q3", "H1", "9th", "30,", "ago", "two", "a", "few", "now", "recently", "summer", "fall",
    "Christmas", "-", "to", "and", "between", "$2000", "2000", "%", "\n", ",", ".", "FY24", "fiscal", "today",
    "the end of", "that year", "the following day", "1/2/2023", "31.12.2023", "9999", "0", "Feb 30",
]
_TEXT = st.one_of(
    st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join),
    st.text(max_size=120),
    st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=15).map("".join),
)
_ANCHOR = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, anchor=_ANCHOR)
def test_find_timexes_never_crashes_and_offsets_match(text, anchor):
    found = find_timexes(text, anchor=anchor)
    last_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.text == t.text.strip()
        assert t.start >= last_end  # no overlaps, document order
        last_end = t.end
        for s, e, _ in t.parts:
            assert t.start <= s < e <= t.end
        if anchor is None and t.relative and not t.anchor:
            assert t.value == "" or t.value.endswith("_REF")


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_dateparser_fallback_never_crashes(text):
    norm = parse_absolute(text)
    assert norm is None or norm.value[:4].isdigit()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, published=st.one_of(st.just(""), st.dates().map(dt.date.isoformat), st.text(max_size=12)))
def test_extract_dates_rows_point_at_their_mentions(nlp, text, published):
    doc = nlp(text)
    rows = extract_dates(doc, doc_id="p", published=published)
    for r in rows:
        assert doc.text[r.start:r.end] == r.text
        assert r.sentence == "" or r.text in r.sentence or r.sent_no >= 0
        if parse_iso_date(published) is None and r.anchor == "unresolved":
            assert r.value == "" or r.value.endswith("_REF")


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), weekday=st.integers(0, 6))
def test_the_nearest_weekday_is_that_day_within_three_days(day, weekday):
    anchor = parse_iso_date(day.isoformat())
    got = dt.date.fromisoformat(fmt_day(weekday_relative(anchor, weekday, "nearest")))
    assert got.weekday() == weekday
    assert abs((got - day).days) <= 3
