"""Units: the words a quantity's unit is written with -> one normalised unit, and a base unit to compare.

Numbers keep the unit as written, normalised (``"kilometres"`` -> ``"km"``, ``"miles"`` -> ``"mile"``),
so a reader sees what the source said; ``to_base`` converts for comparison ("940 miles" vs
"1,500 km"). Currencies are never converted: exchange rates change and the pipeline is offline.
Everything here is data plus two lookups; add a spelling to ``UNIT_WORDS`` to teach the extractor.
"""

from __future__ import annotations

import re

# unit as normalised -> (base unit, factor to base). Calibration: SI / international definitions.
BASE: dict[str, tuple[str, float]] = {
    # length
    "km": ("m", 1000.0),
    "m": ("m", 1.0),
    "cm": ("m", 0.01),
    "mm": ("m", 0.001),
    "mile": ("m", 1609.344),
    "nautical mile": ("m", 1852.0),
    "ft": ("m", 0.3048),
    "inch": ("m", 0.0254),
    "yard": ("m", 0.9144),
    # area
    "km2": ("m2", 1e6),
    "m2": ("m2", 1.0),
    "sq mile": ("m2", 2_589_988.110336),
    "ha": ("m2", 1e4),
    "acre": ("m2", 4046.8564224),
    # volume
    "m3": ("m3", 1.0),
    "litre": ("m3", 0.001),
    "gallon": ("m3", 0.003785411784),
    "barrel": ("m3", 0.158987294928),
    # mass
    "kg": ("kg", 1.0),
    "g": ("kg", 0.001),
    "tonne": ("kg", 1000.0),
    "lb": ("kg", 0.45359237),
    # power and energy
    "W": ("W", 1.0),
    "kW": ("W", 1e3),
    "MW": ("W", 1e6),
    "GW": ("W", 1e9),
    "TW": ("W", 1e12),
    "kWh": ("Wh", 1e3),
    "MWh": ("Wh", 1e6),
    "GWh": ("Wh", 1e9),
    "TWh": ("Wh", 1e12),
    # speed
    "km/h": ("m/s", 1000.0 / 3600.0),
    "mph": ("m/s", 1609.344 / 3600.0),
    "knot": ("m/s", 1852.0 / 3600.0),
    # data and compute
    "KB": ("B", 1e3),
    "MB": ("B", 1e6),
    "GB": ("B", 1e9),
    "TB": ("B", 1e12),
    "PB": ("B", 1e15),
    # temperature has offsets, so it only converts to itself
    "°C": ("°C", 1.0),
    "°F": ("°F", 1.0),
    # time (a year is 365.25 days, a month a twelfth of that: fine for "same order?" comparisons)
    "seconds": ("s", 1.0),
    "minutes": ("s", 60.0),
    "hours": ("s", 3600.0),
    "days": ("s", 86400.0),
    "weeks": ("s", 604800.0),
    "months": ("s", 2_629_800.0),
    "years": ("s", 31_557_600.0),
    "decades": ("s", 315_576_000.0),
    "centuries": ("s", 3_155_760_000.0),
    # ratios
    "percent": ("percent", 1.0),
    "percentage points": ("percentage points", 1.0),
    "basis points": ("percentage points", 0.01),
    "times": ("times", 1.0),
}

TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"})

# Spellings (lower case; the key is matched case-insensitively unless listed in CASED_UNIT_WORDS).
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
    "mph": "mph", "miles per hour": "mph", "knots": "knot", "knot": "knot",
    "degrees celsius": "°C", "°c": "°C", "degrees fahrenheit": "°F", "°f": "°F",
    "second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
    "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
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


def normalise_unit(word: str) -> str:
    """A unit as written -> its normalised spelling; unknown words come back lower-cased."""
    squeezed = re.sub(r"\s+", " ", word.strip())
    if squeezed in CASED_UNIT_WORDS:
        return CASED_UNIT_WORDS[squeezed]
    return UNIT_WORDS.get(squeezed.lower(), squeezed.lower())


def to_base(value: float | None, unit: str) -> tuple[float | None, str]:
    """(value, unit) -> (value in the base unit, base unit), so 940 mile and 1,500 km compare.

    Units without a conversion (currencies, counted nouns) come back unchanged.
    """
    base = BASE.get(unit)
    if base is None or value is None:
        return value, unit
    name, factor = base
    return value * factor, name
