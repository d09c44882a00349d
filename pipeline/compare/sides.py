"""Positions: which statements of a finding agree with each other (side A, side B, ...).

A corroboration is one side. In a conflict or an update, statements that state the same value
(within rounding, or the same date at the coarser precision, or the same judgement) share a
side; the largest side is A. In an update the sides follow publication time instead.
"""

from __future__ import annotations

import string
from collections.abc import Sequence

from pipeline.compare.agreement import dates_agree, group_by_agreement, times_agree, values_equal
from pipeline.compare.claims import Claim


def assign_sides(kind: str, claims: Sequence[Claim]) -> tuple[str, ...]:
    """One side label per claim, in the claims' order."""
    if kind == "corroboration" or not claims:
        return ("A",) * len(claims)
    groups = _groups(claims)
    if kind == "superseded":
        groups.sort(key=lambda g: min((claims[i].published or "9999", claims[i].stage, i) for i in g))
    else:
        groups.sort(key=lambda g: (-len({claims[i].doc_id for i in g}), min(g)))
    side = {}
    for n, g in enumerate(groups):
        for i in g:
            side[i] = _letter(n)
    return tuple(side[i] for i in range(len(claims)))


def _groups(claims: Sequence[Claim]) -> list[list[int]]:
    kinds = {c.kind for c in claims}
    label = {"assessment": lambda c: c.polarity, "outcome": lambda c: c.outcome_class,
             "status": lambda c: c.stage}.get(next(iter(kinds)) if len(kinds) == 1 else "")
    if label is not None:
        by_label: dict[object, list[int]] = {}
        for i, c in enumerate(claims):
            by_label.setdefault(label(c), []).append(i)
        return list(by_label.values())
    if kinds == {"date"}:
        return group_by_agreement(range(len(claims)), claims, lambda a, b: dates_agree(a.date_value, b.date_value))
    if kinds == {"time"}:
        return group_by_agreement(range(len(claims)), claims, lambda a, b: times_agree(a, b) is not False)
    return group_by_agreement(range(len(claims)), claims, values_equal)


def _letter(n: int) -> str:
    letters = string.ascii_uppercase
    return letters[n] if n < len(letters) else f"{letters[n // len(letters) - 1]}{letters[n % len(letters)]}"
