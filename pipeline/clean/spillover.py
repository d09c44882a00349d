"""Topic coherence: is a block (or run of blocks) about the same thing as the document's main body?

Aggregators append whole unrelated articles (after "Related Articles", or credited to another
outlet). Those may share names with the main story (a dam in Tibet under a story on Chinese AI),
so the decision uses TF-IDF cosine similarity to the main body rather than keyword lists: shared
country names weigh little because they are frequent, the story's own vocabulary weighs a lot.
IDF comes from the document's own blocks (no model, no corpus), so it is fast and deterministic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from pipeline.textsim import TfIdf

# Below this cosine to the main body, a run of prose after the body is another story. Appended
# stories in the seeds score 0.02-0.06 against their host; continuation paragraphs of an article
# score 0.15-0.45. The gap is wide, so the exact value matters little.
SPILLOVER_MAX_SIMILARITY = 0.10

_TOKEN = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def _terms(text: str, stopwords: frozenset[str]) -> Counter[str]:
    return Counter(t for t in (w.lower() for w in _TOKEN.findall(text)) if t not in stopwords)


class TopicModel:
    """TF-IDF over one document's blocks; compares any run of blocks with a reference set."""

    def __init__(self, texts: Sequence[str], stopwords: frozenset[str]) -> None:
        self._tfs = [_terms(t, stopwords) for t in texts]
        self._tfidf = TfIdf(self._tfs)

    def _bag(self, indices: Iterable[int]) -> Counter[str]:
        bag: Counter[str] = Counter()
        for i in indices:
            bag.update(self._tfs[i])
        return bag

    def similarity(self, indices: Iterable[int], reference: Iterable[int]) -> float:
        """Cosine between the summed terms of ``indices`` and of ``reference`` blocks."""
        return self._tfidf.similarity(self._bag(indices), self._bag(reference))
