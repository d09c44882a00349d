"""Kinds: what a claim states (``ClaimKind``) and what a finding says (``FindingKind``).

The finding kinds are one table that compare (weights), the CSVs (names) and the report (labels,
colours, sections) all read, so a new finding kind is one member and one row here. Both are
enums of strings: they are written to the CSVs as their values, compare equal to them, and an
unknown name is an error (``ValueError``), not a silently neutral kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ClaimKind(StrEnum):
    """What a claim states: claims.csv's ``kind`` column."""

    NUMBER = "number"
    DATE = "date"
    TIME = "time"
    ASSESSMENT = "assessment"
    STATUS = "status"
    OUTCOME = "outcome"
    NAME = "name"


class Kind(StrEnum):
    """What a finding says: findings.csv's ``kind`` column."""

    NUMERIC_CONFLICT = "numeric_conflict"
    DATE_CONFLICT = "date_conflict"
    ACCOUNT_CONFLICT = "account_conflict"
    ASSESSMENT_CONFLICT = "assessment_conflict"
    NAME_CONFLICT = "name_conflict"
    SUPERSEDED = "superseded"
    CORROBORATION = "corroboration"


@dataclass(frozen=True)
class FindingKind:
    """A kind of finding: its CSV name, what a reader sees, how much it weighs in the ranking."""

    name: Kind
    label: str
    weight: float  # base importance in the ranking: a disagreement matters more than an agreement
    colour: str  # the report's accent for this kind (card border, timeline mark)
    section: str  # report section: conflict | update | agreement
    description: str
    tier: int = 0  # ranking: every finding of a lower tier comes first, then by score


KINDS: tuple[FindingKind, ...] = (
    FindingKind(Kind.NUMERIC_CONFLICT, "Numeric conflict", 3.0, "#c62828", "conflict",
                "sources give values for the same quantity that cannot both be true"),
    FindingKind(Kind.DATE_CONFLICT, "Date conflict", 3.0, "#c62828", "conflict",
                "sources date the same event differently"),
    FindingKind(Kind.ACCOUNT_CONFLICT, "Conflicting accounts", 2.8, "#c62828", "conflict",
                "sources describe what happened in ways that exclude each other (rescued vs captured)"),
    FindingKind(Kind.ASSESSMENT_CONFLICT, "Assessment conflict", 2.5, "#c62828", "conflict",
                "sources judge the same policy or outcome in opposite directions"),
    FindingKind(Kind.NAME_CONFLICT, "Spelling conflict", 1.0, "#c62828", "conflict",
                "sources spell one name in different ways (a person, a firm, a place)", tier=1),
    FindingKind(Kind.SUPERSEDED, "Superseded", 2.0, "#ef8f00", "update",
                "a later report updates a running figure or status given by an earlier one"),
    FindingKind(Kind.CORROBORATION, "Corroboration", 1.0, "#2e7d32", "agreement",
                "independent sources state the same value", tier=2),
)
BY_NAME: dict[Kind, FindingKind] = {k.name: k for k in KINDS}
NAMES: tuple[str, ...] = tuple(str(k.name) for k in KINDS)
assert set(BY_NAME) == set(Kind), "every finding kind has one row in KINDS"


def kind(name: str) -> FindingKind:
    """The kind called ``name``; a name that is not a kind raises ``ValueError``."""
    return BY_NAME[Kind(name)]


def is_conflict(name: str) -> bool:
    return kind(name).section == "conflict"
