"""Dates: spaCy Doc + publication date -> DateRow tuple. STUB: spaCy DATE ents, no values."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.schema import DateRow


def extract_dates(doc: Doc, *, doc_id: str, published: str) -> tuple[DateRow, ...]:
    sents = list(doc.sents)
    rows = []
    for n, sent in enumerate(sents):
        for e in sent.ents:
            if e.label_ == "DATE":
                rows.append(DateRow(doc_id, n, e.start_char, e.end_char, e.text, "", "", "", "", sent.text))
    return tuple(rows)
