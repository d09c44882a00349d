"""The claim kinds, each registered once: how it is built, compared, found and put on sides.

One row per kind of statement. ``compare`` loops over this table: it builds every kind's claims
per document, aligns and classifies each kind's claims on their own, and ranks the findings of
all kinds together. Adding a kind is one module (its value type in ``claims``, a builder, a
finder) and one row here; see "Add a kind" in ``docs/architecture.md``.

- ``build``: a document's statements of this kind (``DocContext``, ``Lexicon`` -> claims).
- ``find``: this kind's claims of all documents -> draft findings. It decides which claims speak
  of one thing (``align``) and whether they agree, disagree or one updates another; it labels
  and scores its findings with the finding kinds of ``vocab.kinds`` (listed in ``findings``).
- ``positions``: the statements of one finding that state the same value (its sides).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.compare.align import Scorer
from pipeline.compare.assess import assessment_findings
from pipeline.compare.claims import Claim, DocContext
from pipeline.compare.date_findings import find_date_findings, moment_positions
from pipeline.compare.dated import date_claims, time_claims
from pipeline.compare.figures import figure_claims
from pipeline.compare.judgements import judgement_claims
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.model import DraftFinding
from pipeline.compare.names import find_name_findings, name_claims, name_positions
from pipeline.compare.number_findings import find_number_findings, number_positions
from pipeline.compare.sides import Positions, by_label
from pipeline.compare.status_findings import find_outcome_findings, find_status_findings
from pipeline.compare.statuses import outcome_claims, status_claims
from pipeline.vocab.kinds import ClaimKind, Kind

Builder = Callable[[DocContext, Lexicon], Sequence[Claim]]
Finder = Callable[[Sequence[Claim], Scorer, Lexicon], list[DraftFinding]]


@dataclass(frozen=True)
class ClaimKindEntry:
    kind: ClaimKind
    build: Builder
    find: Finder
    positions: Positions
    findings: tuple[Kind, ...]  # the finding kinds ``find`` makes (labels, weights: vocab.kinds)


CLAIM_KINDS: tuple[ClaimKindEntry, ...] = (
    ClaimKindEntry(ClaimKind.NUMBER, figure_claims, find_number_findings, number_positions,
                   (Kind.NUMERIC_CONFLICT, Kind.SUPERSEDED, Kind.CORROBORATION)),
    ClaimKindEntry(ClaimKind.DATE, date_claims, find_date_findings, moment_positions,
                   (Kind.DATE_CONFLICT, Kind.SUPERSEDED, Kind.CORROBORATION)),
    ClaimKindEntry(ClaimKind.TIME, time_claims, find_date_findings, moment_positions,
                   (Kind.DATE_CONFLICT, Kind.SUPERSEDED, Kind.CORROBORATION)),
    ClaimKindEntry(ClaimKind.STATUS, status_claims, find_status_findings, by_label(lambda c: c.value.stage),
                   (Kind.SUPERSEDED,)),
    ClaimKindEntry(ClaimKind.OUTCOME, outcome_claims, find_outcome_findings,
                   by_label(lambda c: c.value.outcome_class), (Kind.ACCOUNT_CONFLICT,)),
    ClaimKindEntry(ClaimKind.ASSESSMENT, judgement_claims, assessment_findings, by_label(lambda c: c.value.polarity),
                   (Kind.ASSESSMENT_CONFLICT,)),
    ClaimKindEntry(ClaimKind.NAME, name_claims, find_name_findings, name_positions,
                   (Kind.NAME_CONFLICT, Kind.CORROBORATION)),
)
assert len({e.kind for e in CLAIM_KINDS}) == len(CLAIM_KINDS) == len(ClaimKind), "each claim kind registered once"


__all__ = ["CLAIM_KINDS", "Builder", "ClaimKindEntry", "Finder"]
