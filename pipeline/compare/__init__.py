"""Compare: mentions of several documents -> claims and ranked findings (agreements and disagreements).

Each kind of statement (number, date, time, status, outcome, assessment) is one row of
``registry.CLAIM_KINDS``; this module loops over it. Floors, lowest first (a module imports
only from its own floor or below; ``tests/test_architecture.py`` checks it):

1. base: ``claims`` (the ``Claim`` frame and one value type per kind), ``background`` (is a
   statement about an earlier or other event), ``lexicon``, ``text``, ``currency``,
   ``gazetteer`` (which region a place lies in), ``memo`` (pair scores kept from the last run).
2. builders: ``figures`` (numbers with their own frames), ``dated`` (dates, times of day),
   ``judgements``, ``statuses`` (status stages, exclusive outcomes), ``places`` (where a trial
   sat), ``events`` (background across the corpus).
3. aligner: ``align`` (blocking and pair scores, the encoder's view of the frames from
   ``vectors`` being one signal among units, concepts, names, times and values) and
   ``agreement`` (can two values both be true?).
4. findings: per kind, ``number_findings``, ``date_findings``, ``status_findings``, ``assess``
   classify the groups (corroboration, conflict, superseded), with ``sources``
   (representatives, wire copies), ``topics``, ``notes`` (why values differ), ``importance``.
5. ranking: ``verdict`` weighs each drafted disagreement and update by a model fitted on the
   benchmark's keys; ``ranking`` orders and numbers the typed ``Finding`` objects handed to the
   report, with the positions (``sides``) of each statement.
6. ``registry``: the table of kinds.

The encoder is not imported here: the caller embeds ``embedding_texts(claims)`` (per document,
so the flow can cache them by content) and passes the text -> vector mapping in
(``compare_documents(..., encoder=...)`` does both). Pure: no I/O beyond packaged files.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from pipeline.compare.align import Scorer
from pipeline.compare.claims import Claim, DocContext
from pipeline.compare.events import mark_background, mark_elsewhere
from pipeline.compare.lexicon import Lexicon, load_lexicon
from pipeline.compare.memo import PairMemo, PairScores
from pipeline.compare.model import DraftFinding
from pipeline.compare.ranking import publish
from pipeline.compare.registry import CLAIM_KINDS, ClaimKindEntry
from pipeline.compare.sources import copies_of_one_text
from pipeline.compare.text import content_stems
from pipeline.compare.vectors import Encoder, embed_documents, embedding_texts, encode_texts, frame_vectors
from pipeline.compare.verdict import ConflictModel, is_judged, judge, load_conflict_model
from pipeline.documents import CleanDocument, Comparison, Mentions
from pipeline.textsim import TfIdf

__all__ = [
    "Claim", "Comparison", "PairMemo", "PairScores", "build_claims", "compare_claims", "compare_documents",
    "corpus_claims", "document_claims", "draft_findings", "embed_documents", "embedding_texts", "find_findings",
    "frame_vectors",
]

Vectors = Mapping[str, np.ndarray]


def build_claims(docs: Sequence[CleanDocument], mentions: Sequence[Mentions], *,
                 lexicon: Lexicon | None = None, kinds: Sequence[ClaimKindEntry] = CLAIM_KINDS) -> list[Claim]:
    """Every comparable statement of every document, of every registered kind."""
    lex = lexicon or load_lexicon()
    by_id = {d.doc_id: d for d in docs}
    per_document = [document_claims(by_id[m.doc_id], m, lexicon=lex, kinds=kinds) for m in mentions
                    if m.doc_id in by_id]
    return corpus_claims(per_document, docs, mentions)


def document_claims(doc: CleanDocument, mentions: Mentions, *, lexicon: Lexicon | None = None,
                    kinds: Sequence[ClaimKindEntry] = CLAIM_KINDS) -> list[Claim]:
    """One document's statements, of every registered kind: they depend on that document and
    its mentions alone (the flow caches them per document)."""
    lex = lexicon or load_lexicon()
    ctx = DocContext(doc, mentions)
    return [c for entry in kinds for c in entry.build(ctx, lex)]


def corpus_claims(per_document: Sequence[Sequence[Claim]], docs: Sequence[CleanDocument],
                  mentions: Sequence[Mentions]) -> list[Claim]:
    """The documents' statements read against the whole corpus: a reference date for the undated
    ones, and figures about background events or foreign places marked as background. The fields
    set here (``ref_time``, ``background``, ``current``, the row's ``cues``) are part of the pair
    scores' memo keys (``Scorer.statement_key``): a field set here must be added there."""
    known = sorted(d.meta.published[:10] for d in docs if d.meta.published)
    # Articles in one run usually cover one story: an undated one is taken to be from the
    # middle of the dated ones when deciding whether a dated figure is background history.
    median = known[len(known) // 2] if known else ""
    claims = [c if c.ref_time else dataclasses.replace(c, ref_time=c.published[:10] or median)
              for document in per_document for c in document]
    return mark_elsewhere(mark_background(claims, docs, mentions), docs, mentions)


def _sentence_corpus(docs: Sequence[CleanDocument], mentions: Sequence[Mentions]) -> Iterator[list[str]]:
    """Content stems of every sentence, to fit the IDF weights on this corpus."""
    by_id = {d.doc_id: d.text for d in docs}
    for m in mentions:
        text = by_id.get(m.doc_id, "")
        for s, e in m.sentences:
            yield content_stems(text[s:e])


# IDF weights in steps of this size: one more document leaves almost every weight, and so almost
# every pair score, as it was (``PairMemo``); compare's benchmark gives the same figures as with
# exact weights.
IDF_STEP = 0.25


def find_findings(claims: Sequence[Claim], vectors: Vectors | None, tfidf: TfIdf, *,
                  lexicon: Lexicon | None = None, kinds: Sequence[ClaimKindEntry] = CLAIM_KINDS) -> list[DraftFinding]:
    """All findings of all kinds, unranked: each kind's claims are aligned and classified on their own."""
    return _find(claims, vectors, tfidf, lexicon, kinds)[0]


def _find(claims: Sequence[Claim], vectors: Vectors | None, tfidf: TfIdf, lexicon: Lexicon | None,
          kinds: Sequence[ClaimKindEntry], memo: PairMemo | None = None) -> tuple[list[DraftFinding], tuple[int, int]]:
    """Every kind's findings, and how many pairs of statements were scored to find them and how
    many took the score of an alike pair."""
    lex = lexicon or load_lexicon()
    found: list[DraftFinding] = []
    scored = shared = 0
    for entry in kinds:
        items = [c for c in claims if c.kind == entry.kind]
        scorer = Scorer(items, vectors, tfidf, memo)
        found += entry.find(items, scorer, lex)
        scored, shared = scored + scorer.pairs_scored, shared + scorer.pairs_shared
    return found, (scored, shared)


def draft_findings(docs: Sequence[CleanDocument], mentions: Sequence[Mentions], claims: Sequence[Claim],
                   vectors: Vectors | None, *, kinds: Sequence[ClaimKindEntry] = CLAIM_KINDS) -> list[DraftFinding]:
    """Every kind's findings as drafted, not yet judged or ranked. A copy of a source adds no side:
    a disagreement or update among near-identical copies of one text is none."""
    return _drafts(docs, mentions, claims, vectors, kinds)[0]


def _drafts(docs: Sequence[CleanDocument], mentions: Sequence[Mentions], claims: Sequence[Claim],
            vectors: Vectors | None, kinds: Sequence[ClaimKindEntry],
            memo: PairMemo | None = None) -> tuple[list[DraftFinding], tuple[int, int]]:
    texts = {d.doc_id: d.text for d in docs}
    found, pairs = _find(claims, vectors, TfIdf(_sentence_corpus(docs, mentions), step=IDF_STEP), None, kinds, memo)
    return [f for f in found if not (is_judged(f) and copies_of_one_text([c.doc_id for c in f.claims], texts))], pairs


def compare_claims(docs: Sequence[CleanDocument], mentions: Sequence[Mentions], claims: Sequence[Claim],
                   vectors: Vectors | None, *, kinds: Sequence[ClaimKindEntry] = CLAIM_KINDS,
                   judged: bool = True, conflict_model: ConflictModel | None = None,
                   memo: PairMemo | None = None) -> Comparison:
    """The ranked findings of claims already built, with their frames' vectors (or none).

    Drafted disagreements and updates are judged by the verdict model (``conflict_model``, else
    the packaged one); ``judged=False`` keeps every draft (to fit the model). With ``memo``, pair
    scores of an earlier run are reused and this run's are collected (``memo.now()``)."""
    positions = {entry.kind: entry.positions for entry in kinds}
    drafts, pairs = _drafts(docs, mentions, claims, vectors, kinds, memo)
    if judged:
        drafts = judge(drafts, positions, conflict_model or load_conflict_model())
    texts = {d.doc_id: d.text for d in docs}
    return Comparison(
        claims=tuple(c.row for c in sorted(claims, key=lambda c: (c.doc_id, c.row.start, c.kind, c.row.claim_id))),
        findings=publish(drafts, texts, positions),
        pairs_scored=pairs[0],
        pairs_shared=pairs[1],
    )


def compare_documents(docs: Sequence[CleanDocument], mentions: Sequence[Mentions], *,
                      encoder: Encoder | None = None, kinds: Sequence[ClaimKindEntry] = CLAIM_KINDS) -> Comparison:
    """Claims of every document and the ranked findings across documents (embedding frames with ``encoder``)."""
    claims = build_claims(docs, mentions, kinds=kinds)
    vectors = encode_texts(embedding_texts(claims), encoder)
    return compare_claims(docs, mentions, claims, vectors, kinds=kinds)
