"""Compare: mentions of several documents -> claims and findings (agreements and disagreements).

STUB: no claims, no findings. To be replaced by the real comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.documents import CleanDocument, Mentions
from pipeline.schema import ClaimRow, FindingRow


@dataclass(frozen=True)
class Comparison:
    claims: tuple[ClaimRow, ...] = ()
    findings: tuple[FindingRow, ...] = ()  # long form, grouped by finding_id, ordered by rank


def compare_documents(docs: Sequence[CleanDocument], mentions: Sequence[Mentions]) -> Comparison:
    return Comparison()
