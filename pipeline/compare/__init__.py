"""Compare: mentions of several documents -> claims and ranked findings (agreements and disagreements).

Steps, one module each:

1. claims: ``figures`` (numbers with their own frames), ``dated`` (dates, times of day),
   ``judgements`` (outcome and duration judgements), ``statuses`` (status stages, exclusive
   outcomes), on the ``claims.Claim`` type.
2. ``align``: claims of different documents are blocked into buckets and scored, the sentence
   encoder's view of their frames (``vectors``) being one signal among units, concepts, names,
   times and values; each document pair keeps a one-to-one matching; components are groups.
3. ``number_findings``, ``date_findings``, ``status_findings``, ``assess``: each group is
   classified (corroboration, conflict, superseded) with ``agreement`` (can two values both be
   true? currencies through ``currency``), ``sources`` (representatives, wire copies),
   ``topics`` and ``notes`` (why values differ).
4. ``ranking``: importance, rank and the typed ``Finding`` objects handed to the report, with the
   positions (``sides``) of each statement.

The encoder is not imported here: the caller embeds ``embedding_texts(claims)`` (per document,
so the flow can cache them by content) and passes the text -> vector mapping in
(``compare_documents(..., encoder=...)`` does both). Pure: no I/O beyond packaged files.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from pipeline.compare.align import (
    Scorer,
    align_dates,
    align_figures,
    align_grouped,
    cluster,
    components,
    dates_cannot_link,
    different_quantities,
    outcome_score,
    status_score,
)
from pipeline.compare.assess import assessment_findings
from pipeline.compare.claims import Claim, DocContext
from pipeline.compare.date_findings import date_findings
from pipeline.compare.dated import dated_claims
from pipeline.compare.events import mark_background, mark_elsewhere
from pipeline.compare.figures import figure_claims
from pipeline.compare.judgements import judgement_claims
from pipeline.compare.lexicon import Lexicon, load_lexicon
from pipeline.compare.model import DraftFinding
from pipeline.compare.number_findings import number_findings
from pipeline.compare.ranking import publish
from pipeline.compare.status_findings import outcome_findings, status_findings
from pipeline.compare.statuses import status_claims
from pipeline.compare.text import content_stems
from pipeline.compare.vectors import Encoder, embed_documents, embedding_texts, encode_texts, frame_vectors
from pipeline.documents import CleanDocument, Comparison, Mentions
from pipeline.textsim import TfIdf

__all__ = [
    "Claim", "Comparison", "build_claims", "compare_claims", "compare_documents", "embed_documents", "embedding_texts",
    "find_findings", "frame_vectors",
]

Vectors = Mapping[str, np.ndarray]


def build_claims(docs: Sequence[CleanDocument], mentions: Sequence[Mentions], *,
                 lexicon: Lexicon | None = None) -> list[Claim]:
    """Every comparable statement of every document."""
    lex = lexicon or load_lexicon()
    by_id = {d.doc_id: d for d in docs}
    known = sorted(d.meta.published[:10] for d in docs if d.meta.published)
    # Articles in one run usually cover one story: an undated one is taken to be from the
    # middle of the dated ones when deciding whether a dated figure is background history.
    median = known[len(known) // 2] if known else ""
    claims: list[Claim] = []
    for men in mentions:
        doc = by_id.get(men.doc_id)
        if doc is None:
            continue
        ctx = DocContext(doc, men)
        for c in (*figure_claims(ctx, lex), *dated_claims(ctx, lex), *judgement_claims(ctx, lex),
                  *status_claims(ctx, lex)):
            claims.append(c if c.ref_time else dataclasses.replace(c, ref_time=c.published[:10] or median))
    return mark_elsewhere(mark_background(claims, docs, mentions), mentions)


def _sentence_corpus(docs: Sequence[CleanDocument], mentions: Sequence[Mentions]) -> Iterator[list[str]]:
    """Content stems of every sentence, to fit the IDF weights on this corpus."""
    by_id = {d.doc_id: d.text for d in docs}
    for m in mentions:
        text = by_id.get(m.doc_id, "")
        for s, e in m.sentences:
            yield content_stems(text[s:e])


def find_findings(claims: Sequence[Claim], vectors: Vectors | None, tfidf: TfIdf, *,
                  lexicon: Lexicon | None = None) -> list[DraftFinding]:
    """All findings of all kinds, unranked."""
    lex = lexicon or load_lexicon()

    def scorer(kind: str) -> tuple[list[Claim], Scorer]:
        items = [c for c in claims if c.kind == kind]
        return items, Scorer(items, vectors, tfidf)

    found: list[DraftFinding] = []
    numbers, s = scorer("number")
    edges = align_figures(numbers, s)
    found += number_findings(numbers, cluster(numbers, edges, cannot_link=different_quantities), edges)
    for kind in ("date", "time"):
        items, s = scorer(kind)
        edges = align_dates(items, s)
        found += date_findings(items, cluster(items, edges, cannot_link=dates_cannot_link), edges)
    statuses, s = scorer("status")
    edges = align_grouped(statuses, s, lambda c: c.scale, status_score)
    stages = {scale.name: [name for name, _ in scale.stages] for scale in lex.scales}
    found += status_findings(statuses, components(len(statuses), edges), edges, stages)
    outcomes, s = scorer("outcome")
    edges = align_grouped(outcomes, s, lambda c: c.outcome_set, outcome_score)
    found += outcome_findings(outcomes, components(len(outcomes), edges), edges)
    judgements, s = scorer("assessment")
    found += assessment_findings(judgements, s)
    return found


def compare_claims(docs: Sequence[CleanDocument], mentions: Sequence[Mentions], claims: Sequence[Claim],
                   vectors: Vectors | None) -> Comparison:
    """The ranked findings of claims already built, with their frames' vectors (or none)."""
    tfidf = TfIdf(_sentence_corpus(docs, mentions))
    findings = find_findings(claims, vectors, tfidf)
    texts = {d.doc_id: d.text for d in docs}
    return Comparison(
        claims=tuple(c.row for c in sorted(claims, key=lambda c: (c.doc_id, c.row.start, c.kind, c.row.claim_id))),
        findings=publish(findings, texts),
    )


def compare_documents(docs: Sequence[CleanDocument], mentions: Sequence[Mentions], *,
                      encoder: Encoder | None = None) -> Comparison:
    """Claims of every document and the ranked findings across documents (embedding frames with ``encoder``)."""
    claims = build_claims(docs, mentions)
    vectors = encode_texts(embedding_texts(claims), encoder)
    return compare_claims(docs, mentions, claims, vectors)
