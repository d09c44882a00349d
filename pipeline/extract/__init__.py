"""Extract: clean documents -> mentions (entities, numbers, dates) with offsets into the clean text.

spaCy runs once per call over all documents with ``nlp.pipe``; Docs never leave this package.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pipeline.documents import CleanDocument, Mentions
from pipeline.extract.dates import extract_dates
from pipeline.extract.entities import extract_entities
from pipeline.extract.nlp import load_nlp
from pipeline.extract.numbers import extract_numbers

__all__ = ["extract_mentions"]


def extract_mentions(
    docs: Sequence[CleanDocument],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    on_progress: Callable[[str], None] | None = None,
) -> list[Mentions]:
    """Run the NLP pipeline once over all documents and turn each Doc into rows."""
    nlp = load_nlp()
    results: list[Mentions] = []
    pairs = ((d.text, d) for d in docs)
    for done, (spacy_doc, clean) in enumerate(
        nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size), start=1
    ):
        dates = extract_dates(spacy_doc, doc_id=clean.doc_id, published=clean.meta.published)
        results.append(
            Mentions(
                doc_id=clean.doc_id,
                entities=extract_entities(spacy_doc, doc_id=clean.doc_id),
                numbers=extract_numbers(spacy_doc, doc_id=clean.doc_id, dates=dates),
                dates=dates,
                sentences=tuple((s.start_char, s.end_char) for s in spacy_doc.sents),
            )
        )
        if on_progress:
            on_progress(f"extract {done}/{len(docs)}: {clean.doc_id} ({len(spacy_doc):,} tokens)")
    return results
