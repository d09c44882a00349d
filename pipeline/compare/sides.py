"""Positions: which statements of a finding agree with each other (side A, side B, ...).

A corroboration is one side. In a conflict or an update, statements that state the same value
share a side, as the claim kind's ``positions`` says (within rounding, the same date at the
coarser precision, the same judgement ...; ``registry``); the largest side is A. In an update
the sides follow publication time instead.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence

from pipeline.compare.claims import Claim, Status
from pipeline.vocab.kinds import Kind

# Statements (of one claim kind) -> groups of indices of those that state the same value.
Positions = Callable[[Sequence[Claim]], list[list[int]]]


def assign_sides(kind: str, claims: Sequence[Claim], positions: Positions) -> tuple[str, ...]:
    """One side label per claim, in the claims' order."""
    if kind == Kind.CORROBORATION or not claims:
        return ("A",) * len(claims)
    groups = positions(claims)
    if kind == Kind.SUPERSEDED:
        groups.sort(key=lambda g: min((claims[i].published or "9999", _stage(claims[i]), i) for i in g))
    else:
        groups.sort(key=lambda g: (-len({claims[i].doc_id for i in g}), min(g)))
    side = {}
    for n, g in enumerate(groups):
        for i in g:
            side[i] = _letter(n)
    return tuple(side[i] for i in range(len(claims)))


def by_label(label: Callable[[Claim], object]) -> Positions:
    """Positions of a kind whose values are labels: the statements with the same label."""

    def positions(claims: Sequence[Claim]) -> list[list[int]]:
        groups: dict[object, list[int]] = {}
        for i, c in enumerate(claims):
            groups.setdefault(label(c), []).append(i)
        return list(groups.values())

    return positions


def _stage(c: Claim) -> int:
    """An update's statements of one day are in the order of their stage (statuses), else as given."""
    return c.value.stage if isinstance(c.value, Status) else -1


def _letter(n: int) -> str:
    letters = string.ascii_uppercase
    return letters[n] if n < len(letters) else f"{letters[n // len(letters) - 1]}{letters[n % len(letters)]}"
