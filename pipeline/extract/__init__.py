"""Extract: clean documents -> mentions (entities, numbers, dates) with offsets into the clean text.

spaCy runs once per call over all documents with ``nlp.pipe``; Docs never leave this package.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence

from pipeline.clean.language import is_english
from pipeline.documents import CleanDocument, Mentions
from pipeline.extract.dates import extract_dates
from pipeline.extract.entities import extract_entities, link_people
from pipeline.extract.nlp import load_nlp
from pipeline.extract.numbers import extract_numbers

__all__ = ["MULTIPROCESS_MIN_WORDS", "extract_mentions", "link_people", "processes_for"]

# spaCy's two-process mode only pays off on larger corpora: each worker re-loads the model and
# costs a few seconds of start-up (measured on 2 cores, ecosystem-notes 3.1). Below this many
# words of clean text one process is faster.
MULTIPROCESS_MIN_WORDS = 60_000


def processes_for(words: int, requested: int | None = None, cores: int | None = None) -> int:
    """spaCy processes for this many words: the user's choice, else two on a multi-core machine
    once the work repays starting a second process."""
    if requested:
        return requested
    return 2 if words >= MULTIPROCESS_MIN_WORDS and (cores or os.cpu_count() or 1) > 1 else 1



def extract_mentions(
    docs: Sequence[CleanDocument],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    on_progress: Callable[[str], None] | None = None,
    link: bool = True,
) -> list[Mentions]:
    """Run the NLP pipeline once over all English documents and turn each Doc into rows (a
    document in another language gets empty mentions: extraction is English-only).

    ``n_process`` > 1 is honoured only when the input is large enough to repay starting workers
    (``MULTIPROCESS_MIN_WORDS``).
    People's one-word names are then linked across documents ("Xi" -> "Xi Jinping"); with
    ``link=False`` the caller links them (``link_people``) once it holds every document's
    mentions: per-document results can then be cached and computed in batches anywhere.
    """
    english = [d for d in docs if is_english(d.language)]
    by_id = {m.doc_id: m for m in _extract_english(english, n_process, batch_size, on_progress)}
    # Another language: no mentions, as the English model would read its names and figures wrongly.
    results = [by_id.get(d.doc_id) or Mentions(d.doc_id) for d in docs]
    return link_people(results) if link else results


def _extract_english(docs: Sequence[CleanDocument], n_process: int, batch_size: int,
                     on_progress: Callable[[str], None] | None) -> list[Mentions]:
    if not docs:
        return []
    nlp = load_nlp()
    if n_process != 1 and sum(d.words_clean for d in docs) < MULTIPROCESS_MIN_WORDS:
        n_process = 1
    results: list[Mentions] = []
    pairs = ((d.text, d) for d in docs)
    with warnings.catch_warnings():
        # W127 "Not all Language.pipe worker processes completed successfully": spaCy's workers
        # may exit non-zero at teardown after every document came back; the count is checked
        # below, so the warning would only alarm the console.
        warnings.filterwarnings("ignore", message=r"\[W127\]")
        for done, (spacy_doc, clean) in enumerate(
            nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size), start=1
        ):
            results.append(_mentions(spacy_doc, clean))
            if on_progress:
                on_progress(f"extract {done}/{len(docs)}: {clean.doc_id} ({len(spacy_doc):,} tokens)")
    if len(results) != len(docs):
        raise RuntimeError(f"spaCy returned {len(results)} of {len(docs)} documents")
    return results


def _mentions(spacy_doc, clean: CleanDocument) -> Mentions:
    dates = extract_dates(spacy_doc, doc_id=clean.doc_id, published=clean.meta.published)
    return Mentions(
        doc_id=clean.doc_id,
        entities=extract_entities(spacy_doc, doc_id=clean.doc_id),
        numbers=extract_numbers(spacy_doc, doc_id=clean.doc_id, dates=dates),
        dates=dates,
        sentences=tuple((s.start_char, s.end_char) for s in spacy_doc.sents),
    )
