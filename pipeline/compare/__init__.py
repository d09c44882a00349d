"""Compare: mentions of several documents -> claims and findings (agreements and disagreements).

Steps: (1) build claims from the extracted numbers, dates and judging sentences (``claims``);
(2) block and align claims of different documents that speak about the same thing (``align``);
(3) classify each aligned group as corroboration, numeric/date conflict or superseded, and find
opposite judgements (``findings``, ``assess``); (4) explain, rank and flatten to long-form rows.
Pure: no I/O beyond the packaged lexicon file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.compare.align import align_dates, align_numbers, components
from pipeline.compare.assess import assessment_findings
from pipeline.compare.claims import Claim, build_claims
from pipeline.compare.findings import Finding, date_findings, number_findings, to_rows
from pipeline.compare.text import TfIdf, content_stems
from pipeline.documents import CleanDocument, Mentions
from pipeline.schema import ClaimRow, FindingRow

__all__ = ["Comparison", "compare_documents", "find_findings"]


@dataclass(frozen=True)
class Comparison:
    claims: tuple[ClaimRow, ...] = ()
    findings: tuple[FindingRow, ...] = ()  # long form, grouped by finding_id, ordered by rank


def _sentence_corpus(docs: Sequence[CleanDocument], mentions: Sequence[Mentions]):
    """Content stems of every sentence, to fit the IDF weights on this corpus."""
    by_id = {d.doc_id: d.text for d in docs}
    for m in mentions:
        text = by_id.get(m.doc_id, "")
        for s, e in m.sentences:
            yield content_stems(text[s:e])


def find_findings(claims: Sequence[Claim], tfidf: TfIdf) -> list[Finding]:
    """All findings of all kinds, unranked."""
    numbers = [c for c in claims if c.kind == "number"]
    n_edges = align_numbers(numbers, tfidf)
    findings = number_findings(numbers, components(len(numbers), n_edges), n_edges)
    dates = [c for c in claims if c.kind == "date"]
    d_edges = align_dates(dates, tfidf)
    findings += date_findings(dates, components(len(dates), d_edges), d_edges)
    a_findings, _ = assessment_findings(claims, tfidf)
    return findings + a_findings


def compare_documents(docs: Sequence[CleanDocument], mentions: Sequence[Mentions]) -> Comparison:
    """Claims of every document and the ranked findings across documents."""
    claims = build_claims(docs, mentions)
    tfidf = TfIdf(_sentence_corpus(docs, mentions))
    findings = find_findings(claims, tfidf)
    texts = {d.doc_id: d.text for d in docs}
    return Comparison(
        claims=tuple(c.row for c in sorted(claims, key=lambda c: (c.doc_id, c.row.start, c.kind, c.row.claim_id))),
        findings=to_rows(findings, texts),
    )
