"""Units and currencies: how quantities are written, what they measure, and how they convert.

One table serves extraction (which writes the normalised unit into numbers.csv) and comparison
(which converts values to their family's base unit, so "940 miles" meets "1,500 km" and
"200 ha" meets "2 km2"). Every unit the extractor can write has an entry in ``UNITS``; a unit
that is not in it is a counted noun ("people", "villages"). Currencies are a family of their
own and never convert: exchange rates change and the pipeline is offline.

Add a spelling to ``UNIT_WORDS`` (and, for a new unit, a row to ``UNITS``) to teach both stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """A normalised unit: what it measures (family), the base unit of that family, the factor to it
    and, for a scale with another zero (°F), the shift: base = value * factor + shift."""

    family: str
    base: str
    factor: float
    shift: float = 0.0


def _units(family: str, base: str, factors: dict[str, float]) -> dict[str, Unit]:
    return {name: Unit(family, base, factor) for name, factor in factors.items()}


# Normalised unit -> Unit. Calibration: SI and international definitions; a year is 365.25 days
# and a month a twelfth of that (fine for "same order of magnitude?" comparisons).
UNITS: dict[str, Unit] = {
    **_units("length", "m", {"km": 1000.0, "m": 1.0, "cm": 0.01, "mm": 0.001, "mile": 1609.344,
                             "nautical mile": 1852.0, "ft": 0.3048, "inch": 0.0254, "yard": 0.9144}),
    **_units("area", "m2", {"km2": 1e6, "m2": 1.0, "sq mile": 2_589_988.110336, "ha": 1e4,
                            "acre": 4046.8564224}),
    **_units("volume", "m3", {"m3": 1.0, "litre": 0.001, "ml": 1e-6, "gallon": 0.003785411784,
                              "barrel": 0.158987294928}),
    **_units("mass", "kg", {"kg": 1.0, "g": 0.001, "mg": 1e-6, "tonne": 1000.0, "lb": 0.45359237}),
    **_units("power", "W", {"W": 1.0, "kW": 1e3, "MW": 1e6, "GW": 1e9, "TW": 1e12}),
    **_units("energy", "Wh", {"kWh": 1e3, "MWh": 1e6, "GWh": 1e9, "TWh": 1e12}),
    **_units("speed", "m/s", {"km/h": 1000.0 / 3600.0, "mph": 1609.344 / 3600.0, "knot": 1852.0 / 3600.0}),
    **_units("data", "B", {"KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15}),
    # A temperature in °F is (F - 32) * 5/9 in °C: "46.2C" meets "115.2 degrees Fahrenheit".
    "°C": Unit("temperature", "°C", 1.0),
    "°F": Unit("temperature", "°C", 5.0 / 9.0, shift=-32.0 * 5.0 / 9.0),
    **_units("duration", "s", {"seconds": 1.0, "minutes": 60.0, "hours": 3600.0, "days": 86400.0,
                               "weeks": 604800.0, "months": 2_629_800.0, "years": 31_557_600.0,
                               "decades": 315_576_000.0, "centuries": 3_155_760_000.0}),
    **_units("percent", "percent", {"percent": 1.0}),
    **_units("points", "percentage points", {"percentage points": 1.0, "basis points": 0.01}),
    **_units("multiplier", "times", {"times": 1.0}),
    # An earthquake's magnitude is a scale value, never a count of anything.
    **_units("magnitude", "magnitude", {"magnitude": 1.0}),
    # A rank on a named scale ("a Category 3 hurricane"): compared only with the same scale's rank.
    **_units("category", "category", {"category": 1.0}),
}

TIME_UNITS = frozenset(name for name, unit in UNITS.items() if unit.family == "duration")
# Families whose values are physical measurements: the same number of different things is a
# different quantity; a length or an area is also bound to the places it lies between.
PHYSICAL_FAMILIES = frozenset({"length", "area", "volume", "mass", "speed"})
PLACE_BOUND_FAMILIES = frozenset({"length", "area"})
# Families of a measurement (an instrument's reading, a bill): the same value of several digits in
# two sources ("a 2.9 aftershock", "magnitude 2.9"; "$2,199") is evidence of one figure. Counts,
# spans of time and shares are not: "12 days" or "15%" recur for different things in one story.
MEASURED_FAMILIES = PHYSICAL_FAMILIES | frozenset({"currency", "magnitude", "power", "energy", "data", "temperature"})
# Adjectives of dimension after a measurement ("a dam 35 metres high", "a 20-metre-wide sinkhole"),
# and the dimension each names.
DIMENSION_OF_ADJECTIVE = {"high": "height", "tall": "height", "long": "length", "wide": "width", "deep": "depth",
                          "thick": "thickness"}
DIMENSION_ADJECTIVES = "|".join(DIMENSION_OF_ADJECTIVE)  # as a regex alternation
# Nouns a source uses to say which dimension of its family a measurement is ("at an altitude of about
# 40 km"): a finding's topic when the sources name one (else the family's own word, "distance").
DIMENSION_NOUNS = {
    "length": frozenset({"altitude", "height", "depth", "width", "distance", "elevation", "diameter", "length",
                         "thickness", "span", "range"}),
    "mass": frozenset({"weight", "mass"}), "area": frozenset({"area"}), "speed": frozenset({"speed"}),
}
COUNT = "count"
CURRENCY = "currency"
PERCENT = "percent"
DURATION = "duration"
# Words that name only a family's dimension ("a duration of three days", "a weight of 4 kg"): a
# measure phrase made of them says no more than the unit does.
DIMENSION_WORDS = {
    "duration": frozenset({"duration"}), "length": frozenset({"length"}), "area": frozenset({"area"}),
    "volume": frozenset({"volume"}), "mass": frozenset({"mass", "weight"}), "speed": frozenset({"speed"}),
    "temperature": frozenset({"temperature"}), "energy": frozenset({"energy"}), "power": frozenset({"power"}),
}

# Spellings (matched case-insensitively unless listed in CASED_UNIT_WORDS) -> normalised unit.
UNIT_WORDS: dict[str, str] = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
    "mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
    "mile": "mile", "miles": "mile", "mi": "mile",
    "nautical mile": "nautical mile", "nautical miles": "nautical mile",
    "ft": "ft", "foot": "ft", "feet": "ft", "inch": "inch", "inches": "inch", "yard": "yard", "yards": "yard",
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2", "square kilometer": "km2",
    "sq km": "km2", "km2": "km2", "km²": "km2",
    "square metres": "m2", "square meters": "m2", "sq m": "m2", "m2": "m2", "m²": "m2",
    "square miles": "sq mile", "square mile": "sq mile", "sq miles": "sq mile",
    "hectare": "ha", "hectares": "ha", "ha": "ha", "acre": "acre", "acres": "acre",
    "cubic metres": "m3", "cubic meters": "m3", "cubic metre": "m3", "cubic meter": "m3", "m3": "m3", "m³": "m3",
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre",
    "gallon": "gallon", "gallons": "gallon", "barrel": "barrel", "barrels": "barrel",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
    "gram": "g", "grams": "g", "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne",
    "metric tons": "tonne", "lb": "lb", "lbs": "lb",
    "watt": "W", "watts": "W", "kilowatt": "kW", "kilowatts": "kW", "megawatt": "MW", "megawatts": "MW",
    "gigawatt": "GW", "gigawatts": "GW", "terawatt": "TW", "terawatts": "TW",
    "kilowatt-hours": "kWh", "kilowatt hours": "kWh", "megawatt-hours": "MWh", "megawatt hours": "MWh",
    "gigawatt-hours": "GWh", "gigawatt hours": "GWh", "terawatt-hours": "TWh", "terawatt hours": "TWh",
    "km/h": "km/h", "kph": "km/h", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "mph": "mph", "miles per hour": "mph", "miles an hour": "mph", "kilometres an hour": "km/h",
    "kilometers an hour": "km/h", "km an hour": "km/h", "knots": "knot", "knot": "knot",
    "degrees celsius": "°C", "°c": "°C", "degrees fahrenheit": "°F", "°f": "°F",
    "second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes", "min": "minutes",
    "mins": "minutes", "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours",
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
    "month": "months", "months": "months", "year": "years", "years": "years",
    "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
    "percent": "percent", "per cent": "percent", "pct": "percent", "%": "percent",
    "percentage point": "percentage points", "percentage points": "percentage points",
    "basis points": "basis points", "basis point": "basis points", "bps": "basis points",
}
# Written in capitals or mixed case, these must match exactly ("MW" is a unit, "mw" is noise).
CASED_UNIT_WORDS: dict[str, str] = {
    "W": "W", "kW": "kW", "MW": "MW", "GW": "GW", "TW": "TW",
    "kWh": "kWh", "MWh": "MWh", "GWh": "GWh", "TWh": "TWh",
    "KB": "KB", "MB": "MB", "GB": "GB", "TB": "TB", "PB": "PB",
}

# Written glued to the number only: in capitals ("46.2C", "104F": British and wire style), and the
# short metric units in lower case ("200g", "5mg", "330ml"); apart from a number a lone "C" or "F"
# is a grade, a section or an initial, and a lone "g" anything.
GLUED_UNIT_WORDS: dict[str, str] = {"C": "°C", "F": "°F", "g": "g", "mg": "mg", "ml": "ml"}

# Currency written before the number (case-sensitive: "US$", "RMB", "Rs.") -> ISO 4217 code.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "HK$": "HKD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
    "S$": "SGD", "R$": "BRL", "NT$": "TWD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "₩": "KRW", "₽": "RUB", "Rs.": "INR", "Rs": "INR", "Dh": "AED", "RMB": "CNY", "CNY": "CNY",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "INR": "INR", "HKD": "HKD", "CHF": "CHF",
    "AUD": "AUD", "CAD": "CAD", "KRW": "KRW", "RUB": "RUB", "BRL": "BRL", "SGD": "SGD", "TWD": "TWD",
}
# Currency written after the number (lower case) -> ISO 4217 code.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "usd": "USD",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP", "rupee": "INR", "rupees": "INR", "yen": "JPY",
    "won": "KRW", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "rial": "IRR", "rials": "IRR", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
    "swiss francs": "CHF", "lira": "TRY", "naira": "NGN", "rand": "ZAR", "pesos": "MXN",
    "hong kong dollars": "HKD", "australian dollars": "AUD", "canadian dollars": "CAD",
}
# A currency's hundredth, written after the number ("92 cents a share", "45 pence"): the amount in
# the currency's own unit is the number times the factor.
MINOR_CURRENCY_WORDS: dict[str, tuple[str, float]] = {
    "cent": ("USD", 0.01), "cents": ("USD", 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01),
}
# A hundredth written glued to a figure of one or two digits: "an interim dividend of 5p a share",
# "a 99p loaf" (never "5p.m.", nor "1080p" of a screen).
GLUED_MINOR_CURRENCY: dict[str, tuple[str, float]] = {"p": ("GBP", 0.01)}
# Counted nouns the extractor keeps as written ("200 pounds") that are units of measure. "Pounds"
# is also money in British English; after a number with no "£" it is read as weight, as the
# comparison always has. Amounts written with "£" are GBP by their symbol.
NOUN_UNITS: dict[str, str] = {"pound": "lb", "pounds": "lb"}
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")


def normalise_unit(word: str) -> str:
    """A unit as written -> its normalised spelling; unknown words come back lower-cased."""
    squeezed = re.sub(r"\s+", " ", word.strip())
    if squeezed in CASED_UNIT_WORDS:
        return CASED_UNIT_WORDS[squeezed]
    if squeezed in GLUED_UNIT_WORDS:
        return GLUED_UNIT_WORDS[squeezed]
    return UNIT_WORDS.get(squeezed.lower(), squeezed.lower())


def currency_code(unit: str) -> str:
    """The ISO code of a currency unit ("USD", "euros" -> "EUR"), or '' when it is not money."""
    u = unit.strip()
    if _CURRENCY_CODE.match(u):
        return u
    return CURRENCY_WORDS.get(u.lower(), "")


def family(unit: str) -> str:
    """What a unit measures: length, area, currency, percent, ... A counted noun ("people",
    "villages") or no unit at all is a count; anything else is a family of its own."""
    u = unit.strip()
    if not u:
        return COUNT
    if currency_code(u):
        return CURRENCY
    known = _unit(u)
    if known is not None:
        return known.family
    if u.replace(" ", "").replace("-", "").isalpha():
        return COUNT
    return "unit:" + u.lower()


def to_base(value: float, unit: str) -> tuple[float, str]:
    """(value in the family's base unit, base unit name), so 940 mile and 1,500 km compare.

    Currencies come back unchanged with their ISO code (never converted); counted nouns and
    unknown units come back unchanged with the unit itself.
    """
    code = currency_code(unit)
    if code:
        return value, code
    known = _unit(unit)
    if known is None:
        return value, unit.strip().lower()
    return value * known.factor + known.shift, known.base


def scale(unit: str) -> tuple[float, float, str]:
    """(factor, shift, base unit) of a unit: its values in base units are value * factor + shift,
    its differences (a tolerance) difference * factor. Currencies and counted nouns: (1, 0, unit)."""
    code = currency_code(unit)
    if code:
        return 1.0, 0.0, code
    known = _unit(unit)
    if known is None:
        return 1.0, 0.0, unit.strip().lower()
    return known.factor, known.shift, known.base


def factor(unit: str) -> float:
    """The factor from a unit to its family's base unit (1 for counts and currencies)."""
    known = _unit(unit)
    return known.factor if known is not None else 1.0


def _unit(unit: str) -> Unit | None:
    u = unit.strip()
    return UNITS.get(u) or UNITS.get(normalise_unit(u)) or UNITS.get(NOUN_UNITS.get(u.lower(), ""))


def rate_period(per: str) -> str:
    """The period of a rate as news writes it: "a year", "an hour"."""
    return f"{'an' if per[:1] in 'aeiou' or per == 'hour' else 'a'} {per}"
