"""Compare: mentions of several documents -> claims and ranked findings (agreements and disagreements).

Steps, one module each:

1. ``claims``: the extracted numbers, dates and judging sentences become claims, each with its
   value as an interval in base units, what it measures, its time, entities and quote.
2. ``align``: claims of different documents are blocked into buckets and scored; pairs about the
   same thing become edges, and connected components become groups.
3. ``number_findings``, ``date_findings``, ``assess``: each group is classified (corroboration,
   conflict, superseded) with the help of ``agreement`` (can two values both be true?),
   ``sources`` (representatives, wire copies), ``topics`` and ``notes`` (why values differ).
4. ``ranking``: importance, rank and the typed ``Finding`` objects handed to the report, with the
   positions (``sides``) of each statement.

Pure: no I/O beyond the packaged lexicon file, and no spaCy (``import pipeline.compare`` is light).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.compare.align import align_dates, align_numbers, components
from pipeline.compare.assess import assessment_findings
from pipeline.compare.claims import Claim, build_claims
from pipeline.compare.date_findings import date_findings
from pipeline.compare.model import DraftFinding
from pipeline.compare.number_findings import number_findings
from pipeline.compare.ranking import publish
from pipeline.compare.text import content_stems
from pipeline.documents import CleanDocument, Comparison, Mentions
from pipeline.textsim import TfIdf

__all__ = ["Comparison", "compare_documents", "find_findings"]


def _sentence_corpus(docs: Sequence[CleanDocument], mentions: Sequence[Mentions]) -> Iterator[list[str]]:
    """Content stems of every sentence, to fit the IDF weights on this corpus."""
    by_id = {d.doc_id: d.text for d in docs}
    for m in mentions:
        text = by_id.get(m.doc_id, "")
        for s, e in m.sentences:
            yield content_stems(text[s:e])


def find_findings(claims: Sequence[Claim], tfidf: TfIdf) -> list[DraftFinding]:
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
        findings=publish(findings, texts),
    )
