"""Numbers: spaCy Doc -> NumberRow tuple. STUB: spaCy numeric ents, no values."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.schema import DateRow, NumberRow

NUMERIC_LABELS = {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}


def extract_numbers(doc: Doc, *, doc_id: str, dates: Sequence[DateRow] = ()) -> tuple[NumberRow, ...]:
    rows = []
    for n, sent in enumerate(doc.sents):
        for e in sent.ents:
            if e.label_ in NUMERIC_LABELS:
                rows.append(NumberRow(doc_id, n, e.start_char, e.end_char, e.text, None, None, "", "",
                                      e.label_.lower(), "", "", sent.text))
    return tuple(rows)
