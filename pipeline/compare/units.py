"""Unit families and conversion to a base unit, so 940 miles and 1,500 km can be compared.

Currencies form one family but are never converted (no exchange rates offline): two amounts
in different currencies are flagged, not compared.
"""

from __future__ import annotations

import re

from pipeline.extract import units as extract_units

# unit (as the numbers extractor writes it, lower case) -> (family, factor to the base unit)
UNIT_TABLE: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0), "kilometer": ("length", 1000.0), "kilometre": ("length", 1000.0),
    "m": ("length", 1.0), "meter": ("length", 1.0), "metre": ("length", 1.0),
    "cm": ("length", 0.01), "mm": ("length", 0.001),
    "mile": ("length", 1609.344), "miles": ("length", 1609.344), "mi": ("length", 1609.344),
    "ft": ("length", 0.3048), "foot": ("length", 0.3048), "feet": ("length", 0.3048),
    "yard": ("length", 0.9144), "inch": ("length", 0.0254),
    "nautical mile": ("length", 1852.0),
    "km2": ("area", 1e6), "sq km": ("area", 1e6), "square kilometer": ("area", 1e6),
    "square kilometre": ("area", 1e6), "sq mile": ("area", 2.589988e6), "square mile": ("area", 2.589988e6),
    "hectare": ("area", 1e4), "acre": ("area", 4046.8564),
    "kg": ("mass", 1.0), "kilogram": ("mass", 1.0), "g": ("mass", 0.001), "gram": ("mass", 0.001),
    "tonne": ("mass", 1000.0), "ton": ("mass", 1000.0), "t": ("mass", 1000.0),
    "lb": ("mass", 0.45359237), "pound": ("mass", 0.45359237),
    "second": ("duration", 1.0), "seconds": ("duration", 1.0), "minute": ("duration", 60.0),
    "hour": ("duration", 3600.0), "day": ("duration", 86400.0), "week": ("duration", 604800.0),
    "month": ("duration", 2629746.0), "year": ("duration", 31556952.0), "years": ("duration", 31556952.0),
    "months": ("duration", 2629746.0), "days": ("duration", 86400.0), "hours": ("duration", 3600.0),
    "km/h": ("speed", 1 / 3.6), "kph": ("speed", 1 / 3.6), "mph": ("speed", 0.44704),
    "percent": ("percent", 1.0), "%": ("percent", 1.0), "percentage points": ("points", 1.0),
    "times": ("multiplier", 1.0),
    "people": ("count", 1.0), "persons": ("count", 1.0), "": ("count", 1.0),
}
_CURRENCY = re.compile(r"^[A-Z]{3}$")
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound sterling": "GBP",
                  "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupee": "INR", "rupees": "INR"}


def _external_to_base(value: float, unit: str) -> tuple[float, str] | None:
    """Defer to the extractor's unit table for units this module does not list."""
    converted, base = extract_units.to_base(value, unit)
    return None if converted is None else (float(converted), base)


def unit_family(unit: str) -> str:
    """Family of a unit: length, mass, percent, currency, count, ... or the unit itself."""
    u = unit.strip()
    if _CURRENCY.match(u):
        return "currency"
    low = u.lower()
    if low in CURRENCY_WORDS:
        return "currency"
    if low in UNIT_TABLE:
        return UNIT_TABLE[low][0]
    if low.endswith("s") and low[:-1] in UNIT_TABLE:
        return UNIT_TABLE[low[:-1]][0]
    if low.replace(" ", "").isalpha() and len(low) > 3:
        # A counted noun the extractor used as unit ("seats", "villages"): a count; the noun
        # itself goes into the measure keys.
        return "count"
    return "unit:" + low


def to_base(value: float, unit: str) -> tuple[float, str]:
    """(value in the family's base unit, base unit name); currencies and unknown units unchanged."""
    fam = unit_family(unit)
    if fam == "currency":
        code = CURRENCY_WORDS.get(unit.strip().lower(), unit.strip())
        return value, code
    low = unit.strip().lower()
    entry = UNIT_TABLE.get(low) or UNIT_TABLE.get(low[:-1] if low.endswith("s") else low)
    if entry:
        return value * entry[1], fam
    ext = _external_to_base(value, unit)
    if ext is not None:
        return ext
    return value, fam
