"""Agreement predicates: can two statements both be true, are they the same value, which clash.

Values are intervals in base units with a rounding tolerance (``figures``); a bound ("at least
50") agrees with everything it admits. Amounts in two currencies are compared through the
conversion the text gives in brackets, else through approximate rates (``currency``). Dates
agree when one TimeML interval contains the other; times of day when their tolerances overlap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pipeline.compare.background import is_background
from pipeline.compare.claims import MINUTES_A_DAY, Claim, Quantity, day_of, on_one_footing, year_of
from pipeline.compare.currency import same_sum, usd_per_unit
from pipeline.vocab import timeml
from pipeline.vocab.kinds import ClaimKind

# Values that are statements of two numbers: a range's ends, a tally's two counts ("36-3").
TWO_ENDED = frozenset({"range", "tally"})


def settled(c: Claim) -> bool:
    """The figure is dated before the month its source was published: a closed count (the 2003
    toll), whose "more than" is a hedge on one number, not a running lower bound."""
    return is_background(c.as_of, c.ref_time)


def values_agree(a: Claim, b: Claim) -> bool | None:
    """True when two numbers can both be true (compatible), False when they cannot, None if not
    comparable. "At least 1" and 5 are compatible; so are "at least 1" and "at least 3", but not
    two bounds on a settled past figure ("more than 26,000" vs "more
    than 31,000" dead in a 2003 quake)."""
    if a.kind == ClaimKind.TIME:
        return times_agree(a, b)
    x, y = on_one_footing(a.value, b.value)
    if x.zero_gap or y.zero_gap:
        other = y if x.zero_gap else x
        return other.zero_gap or (other.lo - other.tol <= 0 <= other.hi + other.tol)
    if x.family == "currency" and x.base_unit != y.base_unit:
        return _cross_currency(a, b)
    tol = max(x.tol, y.tol)
    if x.bound in ("lower", "upper") and x.bound == y.bound:
        if not (settled(a) and settled(b)):
            return True  # "less than 25 km" and "less than 50 km" can both be true
        va, vb = (x.lo, y.lo) if x.bound == "lower" else (x.hi, y.hi)
        return abs(va - vb) <= tol + 1e-9 * max(abs(va), abs(vb), 1)
    if x.bound == y.bound and x.bound in TWO_ENDED:
        # A range is a statement of its two ends ("six to 75 years" for a penalty, "two to three
        # weeks" for a forecast): two ranges of one quantity agree when both ends do; so do two
        # tallies ("36-3" and "36-4" records disagree).
        return all(abs(u - v) <= tol + 1e-9 * max(abs(u), abs(v), 1) for u, v in ((x.lo, y.lo), (x.hi, y.hi)))
    gap, slack = max(x.lo, y.lo) - min(x.hi, y.hi), _float_slack(x.lo, y.lo)
    if x.unit == y.unit and not (x.bound or y.bound):
        # Written in one unit, a value right at the other's rounding edge is another value: "3.5%" is
        # no "4%" rounded, as "£3.50" is no "£4" (a source that knew 3.5 would have written it).
        # Across units ("2,000ft", "600 metres") the edge is the conversion's rounding.
        return gap <= slack or gap < tol - slack
    return gap <= tol + slack


def _float_slack(*values: float) -> float:
    """What two floats may differ by and still be one number: a billionth of the larger finite
    one. An open end ("up to 96 mph" runs from minus infinity) sets no scale: with it the slack
    would be infinite and an upper bound would admit every larger value."""
    return 1e-9 * max([abs(v) for v in values if math.isfinite(v)] + [1.0])


def values_equal(a: Claim, b: Claim) -> bool:
    """The same value stated twice, within rounding: two points, two identical bounds, or a bound
    and a point on the same number ("at least 50" and "around 50"). Merely compatible values
    ("at least 22" and "around 40") are not the same statement."""
    if a.kind == ClaimKind.TIME or a.value.zero_gap or b.value.zero_gap:
        return bool(values_agree(a, b))
    x, y = on_one_footing(a.value, b.value)
    if x.family == "currency" and x.base_unit != y.base_unit:
        return _cross_currency(a, b) is True
    tol = max(x.tol, y.tol)
    eps = 1e-9 * max(abs(_mid(x)), abs(_mid(y)), 1)
    if x.bound in TWO_ENDED or y.bound in TWO_ENDED:
        return x.bound == y.bound and abs(x.lo - y.lo) <= tol + eps and abs(x.hi - y.hi) <= tol + eps
    if x.bound and y.bound and x.bound != y.bound:
        return False
    return abs(_mid(x) - _mid(y)) <= tol + eps and bool(values_agree(a, b))


def times_agree(a: Claim, b: Claim) -> bool | None:
    """Two times of day can be the same moment: the gap between their intervals is within the
    larger tolerance (as for numbers: tolerances do not add up, so "about 3:10" and "about 3:30",
    20 minutes apart, disagree), on the same day if both say."""
    if day_of(a) and day_of(b) and day_of(a) != day_of(b):
        return None  # different days: different moments, not a disagreement about one
    x, y = a.value, b.value
    # around the clock: "shortly before midnight" (the day's last minutes) and "around midnight" (00:00)
    # are one moment, whichever end of the day a source counted midnight at
    gap = min(max(x.lo, y.lo + shift) - min(x.hi, y.hi + shift) for shift in (-MINUTES_A_DAY, 0, MINUTES_A_DAY))
    return gap <= max(x.tol, y.tol)


def _cross_currency(a: Claim, b: Claim) -> bool | None:
    """Amounts in two currencies: through a bracketed conversion if one matches, else approximate rates."""
    for x, y in ((a, b), (b, a)):
        for lo, hi, tol, unit in x.value.alternates:
            if unit == y.value.base_unit:
                t = max(tol, y.value.tol)
                return max(lo, y.value.lo) - min(hi, y.value.hi) <= t + 1e-9 * max(abs(lo), abs(y.value.lo), 1)
    year = year_of(a) or year_of(b)
    if not year or not (math.isfinite(mid(a)) and math.isfinite(mid(b))):
        return None
    return same_sum(abs(mid(a)), a.value.base_unit, abs(mid(b)), b.value.base_unit, year)


def comparable_value(c: Claim) -> float:
    """A value to order statements by: money in approximate US dollars, anything else as is."""
    m = mid(c)
    if isinstance(c.value, Quantity) and c.value.family == "currency" and math.isfinite(m):
        rate = usd_per_unit(c.value.base_unit, year_of(c) or 2020)
        return m * rate if rate else m
    return m


def dates_agree(a: str, b: str) -> bool:
    """Same date at the coarser of the two precisions ("2022" agrees with "2022-10")."""
    return timeml.agree(a, b)


def mid(c: Claim) -> float:
    return _mid(c.value)


def _mid(q: Quantity) -> float:
    if math.isfinite(q.lo) and math.isfinite(q.hi):
        return (q.lo + q.hi) / 2
    return q.lo if math.isfinite(q.lo) else q.hi


def group_by_agreement(reps: Sequence[int], claims: Sequence[Claim], agree) -> list[list[int]]:
    """Split claims, in value order, into runs whose members all agree.

    Sorting makes agreeing values contiguous, so each claim is checked against the current run
    only: its first and last member and its smallest and largest point value (bounds such as
    "at least 50" agree with much, and must not chain 70 and 80 together). Linear in the group
    size even when a thousand sources report the same quantity.
    """
    groups: list[list[int]] = []
    points: list[list[int]] = []  # per run: [min point, max point] claim indices
    ordered_by_value = (ClaimKind.NUMBER, ClaimKind.TIME)
    order = sorted(reps, key=lambda i: (comparable_value(claims[i]) if claims[i].kind in ordered_by_value else 0,
                                        day_of(claims[i]), i))
    for i in order:
        c = claims[i]
        if groups:
            probe = {groups[-1][0], groups[-1][-1], *points[-1]}
            if all(agree(c, claims[j]) for j in probe):
                groups[-1].append(i)
                if c.kind == ClaimKind.NUMBER and not c.value.bound:
                    pts = points[-1] + [i]
                    points[-1] = [min(pts, key=lambda k: comparable_value(claims[k])),
                                  max(pts, key=lambda k: comparable_value(claims[k]))]
                continue
        groups.append([i])
        points.append([i] if c.kind == ClaimKind.NUMBER and not c.value.bound else [])
    return groups


def value_groups(cs: Sequence[Claim]) -> list[list[Claim]]:
    idx = group_by_agreement(range(len(cs)), cs, values_equal)
    return [[cs[i] for i in g] for g in idx]


def rel_diff(cs: Sequence[Claim]) -> float:
    mids = [comparable_value(c) for c in cs if math.isfinite(comparable_value(c))]
    return (max(mids) - min(mids)) / max(max(abs(m) for m in mids), 1e-9) if mids else 0.0


# Above this many statements a group is checked for clashes against its extremes only (linear),
# not pair by pair.
CLASH_PAIRWISE_MAX = 60


def clash_of(cs: Sequence[Claim]) -> set[tuple[int, int]]:
    """Index pairs of statements from different documents whose values cannot both be true.

    In a big group each statement is only tested against the two extremes (the highest lower
    end and the lowest upper end of the others), which finds every statement that clashes with
    something, at linear cost."""
    n = len(cs)
    if n <= CLASH_PAIRWISE_MAX:
        return {(x, y) for x in range(n) for y in range(x + 1, n)
                if cs[x].doc_id != cs[y].doc_id and values_agree(cs[x], cs[y]) is False}
    top = max(range(n), key=lambda k: (cs[k].value.lo, k))
    bottom = min(range(n), key=lambda k: (cs[k].value.hi, k))
    out: set[tuple[int, int]] = set()
    for x in range(n):
        for y in (top, bottom):
            if x != y and cs[x].doc_id != cs[y].doc_id and values_agree(cs[x], cs[y]) is False:
                out.add((min(x, y), max(x, y)))
    return out


def later_lower(a: Claim, b: Claim) -> bool:
    """The later of two statements gives a figure wholly below the earlier one."""
    early, late = sorted((a, b), key=lambda c: c.published)
    return late.value.hi + max(a.value.tol, b.value.tol) < early.value.lo
