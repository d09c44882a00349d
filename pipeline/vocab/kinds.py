"""Finding kinds: one table that compare (weights), the CSVs (names) and the report (labels,
colours, sections) all read, so a new kind is one row here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FindingKind:
    """A kind of finding: its CSV name, what a reader sees, how much it weighs in the ranking."""

    name: str
    label: str
    weight: float  # base importance in the ranking: a disagreement matters more than an agreement
    colour: str  # the report's accent for this kind (card border, timeline mark)
    section: str  # report section: conflict | update | agreement
    description: str


KINDS: tuple[FindingKind, ...] = (
    FindingKind("numeric_conflict", "Numeric conflict", 3.0, "#c62828", "conflict",
                "sources give values for the same quantity that cannot both be true"),
    FindingKind("date_conflict", "Date conflict", 3.0, "#c62828", "conflict",
                "sources date the same event differently"),
    FindingKind("account_conflict", "Conflicting accounts", 2.8, "#c62828", "conflict",
                "sources describe what happened in ways that exclude each other (rescued vs captured)"),
    FindingKind("assessment_conflict", "Assessment conflict", 2.5, "#c62828", "conflict",
                "sources judge the same policy or outcome in opposite directions"),
    FindingKind("superseded", "Superseded", 2.0, "#ef8f00", "update",
                "a later report updates a running figure or status given by an earlier one"),
    FindingKind("corroboration", "Corroboration", 1.0, "#2e7d32", "agreement",
                "independent sources state the same value"),
)
BY_NAME: dict[str, FindingKind] = {k.name: k for k in KINDS}
NAMES: tuple[str, ...] = tuple(k.name for k in KINDS)


def kind(name: str) -> FindingKind:
    """The kind called ``name``; an unknown name gets a neutral row rather than an error."""
    return BY_NAME.get(name) or FindingKind(name, name.replace("_", " ").capitalize(), 1.0, "#7a8899", "agreement", "")


def is_conflict(name: str) -> bool:
    return kind(name).section == "conflict"
