"""The shared vocabularies: one unit table, one TimeML module, one table of finding kinds."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract.numbers import find_quantities
from pipeline.vocab import kinds, timeml, units


def test_every_unit_the_extractor_writes_has_a_family_and_a_conversion():
    written = {q.unit for text in ("200 ha", "3 litres", "5 km2", "4 GW", "12 knots", "30 basis points",
                                   "7 sq miles", "2 gallons", "60 mph", "3 TWh", "8 GB")
               for q in find_quantities(text)}
    assert written == {"ha", "litre", "km2", "GW", "knot", "basis points", "sq mile", "gallon", "mph", "TWh", "GB"}
    for unit in written:
        assert units.family(unit) not in (units.COUNT, units.CURRENCY) and not units.family(unit).startswith("unit:")
        value, base = units.to_base(1.0, unit)
        assert base == units.UNITS[unit].base and value == units.UNITS[unit].factor


def test_hectares_meet_square_kilometres_and_litres_are_a_volume():
    assert units.to_base(200, "ha") == pytest.approx(units.to_base(2, "km2"))
    assert units.family("ha") == units.family("km2") == "area"
    assert units.family("litre") == units.family("m3") == units.family("barrel") == "volume"
    assert units.to_base(30, "basis points") == pytest.approx((0.3, "percentage points"))


def test_base_unit_is_always_a_unit_name_never_a_family_name():
    for name, unit in units.UNITS.items():
        assert units.to_base(1.0, name)[1] == unit.base
        assert unit.base != unit.family or unit.family in ("percent", "magnitude", "category")  # unitless scales


def test_counts_and_currencies():
    assert units.family("") == units.family("people") == units.family("men") == units.family("villages") == "count"
    assert units.family("USD") == units.family("euros") == "currency"
    assert units.to_base(5, "euros") == (5, "EUR")  # never converted
    assert units.family("pounds") == "mass"  # a bare "pounds" is weight; "£" amounts are GBP


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2013-03-22", "2013-03-22", "2013-03-22"),
    ("2013-W11", "2013-03-11", "2013-03-17"),
    ("2013-W11-WE", "2013-03-16", "2013-03-17"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2013-Q4", "2013-10-01", "2013-12-31"),
    ("2013-H1", "2013-01-01", "2013-06-30"),
    ("2013-WI", "2013-12-01", "2014-02-28"),  # winter belongs to the year of its December
    ("2013-SU", "2013-06-01", "2013-08-31"),
    ("2013", "2013-01-01", "2013-12-31"),
    ("201", "2010-01-01", "2019-12-31"),
    ("20", "2000-01-01", "2099-12-31"),
    ("2024-06/2024-08", "2024-06-01", "2024-08-31"),
])
def test_timeml_values_are_intervals(value, first, last):
    assert timeml.interval(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", ["PRESENT_REF", "P3Y", "2024-13", "2014-W53", "", "2024-08/2024-06", "XXXX-05"])
def test_non_calendar_values_have_no_interval(value):
    assert timeml.interval(value) is None and not timeml.is_calendar(value)


def test_agreement_is_containment():
    assert timeml.agree("2022", "2022-10") and timeml.agree("2022-Q4", "2022-10-05")
    assert timeml.agree("2022-W40", "2022-10-05") and timeml.agree("2013-WI", "2014-01")
    assert not timeml.agree("2022-W40", "2022-10-12") and not timeml.agree("2013-WI", "2013-01")
    assert timeml.is_calendar("2013-SU") and not timeml.is_calendar("201")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_value_written_for_a_day_contains_it(d):
    for value in (timeml.fmt_day(d), timeml.fmt_week(d), timeml.fmt_month(d.year, d.month),
                  timeml.fmt_quarter(d.year, (d.month - 1) // 3 + 1), str(d.year), str(d.year // 10)):
        first, last = timeml.interval(value)
        assert first <= d <= last, value
    year, season = d.year - (d.month < 3 and d.month != 12), timeml.SEASON_OF_MONTH[d.month]
    first, last = timeml.interval(f"{year:04d}-{season}")
    assert first <= d <= last


def test_finding_kinds_come_from_one_table():
    assert set(kinds.NAMES) == {"numeric_conflict", "date_conflict", "assessment_conflict", "account_conflict",
                                "name_conflict", "superseded", "corroboration"}
    assert all(kinds.kind(n).colour.startswith("#") and kinds.kind(n).label for n in kinds.NAMES)
    assert kinds.is_conflict("date_conflict") and not kinds.is_conflict("corroboration")
    assert kinds.is_conflict("account_conflict")
    assert kinds.kind("numeric_conflict").weight > kinds.kind("corroboration").weight
    # Ranking tiers: what happened, then spellings, then agreements.
    assert kinds.kind("numeric_conflict").tier < kinds.kind("name_conflict").tier < kinds.kind("corroboration").tier
    with pytest.raises(ValueError):
        kinds.kind("numeric_conflcit")  # a misspelt kind is an error, not a neutral row


@pytest.mark.parametrize("before, value, period", [
    ("Revenue for the three months to ", "2025-09-30", "2025-07-01/2025-09-30"),
    ("profit in the quarter ended ", "2025-05-31", "2025-03-01/2025-05-31"),
    ("net income for the six months ended ", "1989-10-01", "1989-04-02/1989-10-01"),
    ("sales in the fiscal year ending ", "2025-06-30", "2024-07-01/2025-06-30"),
    ("In the six months to ", "2025-06", "2025-01-01/2025-06-30"),
    ("over the 52 weeks to ", "2025-03-29", "2024-03-31/2025-03-29"),
    ("the half-year to ", "2025-06-30", "2025-01-01/2025-06-30"),
    # no period before it: the day itself
    ("The plant closed on ", "2025-09-30", "2025-09-30"),
    ("the year ", "2025", "2025"),
])
def test_a_day_that_closes_a_reporting_period_stands_for_the_period(before, value, period):
    assert timeml.reporting_period(before + "x", len(before), value) == period
    if period != value:
        assert timeml.end(period) == timeml.end(value)


@pytest.mark.parametrize("text, at, base", [
    ("sales were up 6% from a year earlier", "a year", True),
    ("profit was higher than last year", "last year", True),
    ("compared with the same quarter of 2024", "the same", True),
    # a date after "on", "over" or "from" is the figure's own time
    ("On April 6, a quake struck", "April", False),
    ("the rains from March to June", "March", False),
    ("from previous altercations", "previous", False),
])
def test_a_comparison_base_is_a_relative_time_after_from_or_than(text, at, base):
    assert timeml.is_comparison_base(text, text.index(at)) is base


def test_fahrenheit_is_celsius_with_another_zero():
    assert units.to_base(212.0, "°F") == pytest.approx((100.0, "°C"))
    assert units.to_base(32.0, "°F")[0] == pytest.approx(0.0)
    assert units.family("°F") == units.family("°C") == "temperature"
    factor, shift, base = units.scale("°F")
    assert (factor * 9 / 5, shift, base) == (pytest.approx(1.0), pytest.approx(-160 / 9), "°C")


def test_a_made_things_date_and_a_counts_start_are_no_figures_time():
    text = "Norvik recalled SUVs from model years 2018 to 2023; 11 have died since July 3."
    assert timeml.dates_a_made_thing(text, text.index("2018"))
    assert timeml.opens_a_running_period(text, text.index("July 3"))
    assert not timeml.dates_a_made_thing(text, text.index("July 3"))
    assert not timeml.opens_a_running_period("It began on July 3, and since then 11 died.", 13)
    # a count "beginning" or "starting" at a date runs from it; "the beginning of" a month is a time
    march = "In a run beginning last October, five Corvale officials have been convicted."
    assert timeml.opens_a_running_period(march, march.index("last October"))
    assert timeml.opens_a_running_period("Starting in March, 40 shops closed.", len("Starting in "))
    assert not timeml.opens_a_running_period("At the beginning of March, 40 shops closed.", len("At the beginning of "))


def test_gap_days_between_two_calendar_values():
    assert timeml.gap_days("2007-03", "2007-03-20") == 0  # the day lies in the month
    assert timeml.gap_days("2007-03-20", "2007-04") == 12
    assert timeml.gap_days("1969", "1970") == 1  # 31 December to 1 January
    assert timeml.gap_days("1997", "1958") == timeml.gap_days("1958", "1997") > 365 * 38
    assert timeml.gap_days("PRESENT_REF", "1970") is None
