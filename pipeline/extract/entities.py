"""Entities: spaCy Doc -> EntityRow tuple. STUB: raw NER labels, canonical = text."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.schema import EntityRow

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}


def sentence_index(doc: Doc) -> dict[int, int]:
    """Token index -> sentence number."""
    return {tok.i: n for n, sent in enumerate(doc.sents) for tok in sent}


def extract_entities(doc: Doc, *, doc_id: str) -> tuple[EntityRow, ...]:
    sent_of = sentence_index(doc)
    return tuple(
        EntityRow(doc_id, sent_of[e.start], e.start_char, e.end_char, e.text, e.label_, e.text)
        for e in doc.ents
        if e.label_ in ENTITY_LABELS
    )
