"""Extract: clean documents -> mentions (entities, numbers, dates) with offsets into the clean text.

spaCy runs once per call over each process's share of the documents with ``nlp.pipe``; Docs never
leave the process that parsed them: each process turns its own into mentions.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence

from pipeline.clean.language import is_english
from pipeline.documents import CleanDocument, Mentions
from pipeline.extract.dates import extract_dates
from pipeline.extract.entities import extract_entities, link_people
from pipeline.extract.nlp import load_nlp
from pipeline.extract.numbers import extract_numbers
from pipeline.workers import forked_shares

__all__ = ["MULTIPROCESS_MIN_WORDS", "extract_mentions", "link_people", "processes_for"]

# Below this many words of clean text one process is as fast as two: a forked process shares the
# loaded model, but starting it and sending its mentions back cost a little (measured on 2 cores:
# 3,400 words 1.3 s in two processes against 1.5 s in one; 6,400 words 1.6 s against 2.4 s).
MULTIPROCESS_MIN_WORDS = 3_000


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
    """Mentions of each document, the documents shared by words between this process and
    ``n_process - 1`` forks of it (``workers.forked_shares``), each parsing its share and reading
    the mentions off its own Docs. spaCy's own ``n_process`` sends every Doc back to this process
    to be read here, beside the parsing: 18.3-18.8 s for 250 documents against 14.7-15.4 s this way
    (``bench scale`` times the model alone the same way)."""
    if not docs:
        return []
    load_nlp()  # before forking: the forks share the loaded model
    if n_process != 1 and sum(d.words_clean for d in docs) < MULTIPROCESS_MIN_WORDS:
        n_process = 1
    share = functools.partial(_share_mentions, batch_size=batch_size, on_progress=on_progress, total=len(docs))
    results = forked_shares(share, docs, cost=lambda d: d.words_clean, workers=n_process)
    if len(results) != len(docs):
        raise RuntimeError(f"spaCy returned {len(results)} of {len(docs)} documents")
    return results


def _share_mentions(docs: list[CleanDocument], here: bool, *, batch_size: int,
                    on_progress: Callable[[str], None] | None, total: int) -> list[Mentions]:
    """One process's share of the documents parsed and read (progress said from the flow's process)."""
    nlp = load_nlp()
    results: list[Mentions] = []
    for spacy_doc, clean in nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=batch_size):
        results.append(_mentions(spacy_doc, clean))
        if on_progress and here:
            of = "" if len(docs) == total else f" of this process's share ({total} documents in all)"
            on_progress(f"extract {len(results)}/{len(docs)}{of}: {clean.doc_id} ({len(spacy_doc):,} tokens)")
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
