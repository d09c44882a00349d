"""Amounts in two currencies: one sum converted, or two sums that cannot be the same?

Offline there are no live rates, so ``data/exchange_rates.csv`` holds approximate annual averages;
the test is deliberately loose: within ``CONSISTENT_REL`` of each other at the year's rate is the
same sum (EUR 2m and GBP 1.7m in 2013), beyond ``INCONSISTENT_REL`` it is not (GBP 910,000 is
not "almost $2 million" at any 2013 rate); in between the answer is "cannot tell". A conversion
the text gives in brackets ("EUR 2m ($2.6m)") beats the table.
"""

from __future__ import annotations

import csv
import functools
import io

from pipeline.resources import data_text

RATES_FILE = "exchange_rates.csv"
# Calibration: annual averages move 5-15% within a year, reporters round conversions; 20% keeps
# every consistent conversion seen in the benchmarks, 30% still flags a third too much or too little.
CONSISTENT_REL = 0.20
INCONSISTENT_REL = 0.30


@functools.lru_cache(maxsize=1)
def rates() -> dict[int, dict[str, float]]:
    """{year: {currency code: US dollars per unit}}, USD itself included."""
    lines = [line for line in data_text(RATES_FILE).splitlines() if line and not line.startswith("#")]
    table: dict[int, dict[str, float]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        year = int(row.pop("year"))
        table[year] = {code: float(v) for code, v in row.items() if v}
        table[year]["USD"] = 1.0
    return table


def usd_per_unit(code: str, year: int) -> float | None:
    table = rates()
    if not table:
        return None
    year = min(max(year, min(table)), max(table))
    return table[year].get(code)


def same_sum(a: float, code_a: str, b: float, code_b: str, year: int) -> bool | None:
    """True: the same sum at that year's rate; False: cannot be; None: cannot tell (or no rate)."""
    ra, rb = usd_per_unit(code_a, year), usd_per_unit(code_b, year)
    if ra is None or rb is None or a <= 0 or b <= 0:
        return None
    usd_a, usd_b = a * ra, b * rb
    rel = abs(usd_a - usd_b) / max(usd_a, usd_b)
    if rel <= CONSISTENT_REL:
        return True
    if rel > INCONSISTENT_REL:
        return False
    return None
