"""Frame vectors: the sentence encoder's view of each claim, as one matrix row per claim.

Compare never loads the encoder itself (``import pipeline.compare`` stays light): the flow embeds
``embedding_texts(claims)`` with ``pipeline.extract.encoder`` (cached by content) and passes a
text -> vector mapping in. Without one (a caller with no encoder), every similarity is 0 and the
comparison falls back on words, entities and values alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from pipeline.compare.claims import Claim

Encoder = Callable[[Sequence[str]], np.ndarray]


def embedding_texts(claims: Sequence[Claim]) -> dict[str, list[str]]:
    """The distinct frames to embed, per document, in a stable order.

    Documents are embedded one batch each, so a document's vectors depend on its own text only:
    a cached document and a freshly embedded one give the same numbers, bit for bit.
    """
    by_doc: dict[str, set[str]] = {}
    for c in claims:
        for text in (c.frame, c.measure_text):
            if text:
                by_doc.setdefault(c.doc_id, set()).add(text)
    return {doc_id: sorted(texts) for doc_id, texts in sorted(by_doc.items())}


def frame_vectors(texts: Mapping[str, Sequence[str]], matrices: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """text -> vector from per-document matrices (a text in several documents: the first document's row)."""
    out: dict[str, np.ndarray] = {}
    for doc_id in sorted(texts):
        matrix = matrices.get(doc_id)
        if matrix is None:
            continue
        for i, text in enumerate(texts[doc_id]):
            out.setdefault(text, matrix[i])
    return out


def encode_texts(texts: Mapping[str, Sequence[str]], encoder: Encoder | None) -> dict[str, np.ndarray]:
    """Embed every document's frames with ``encoder`` (one batch per document)."""
    if encoder is None:
        return {}
    return frame_vectors(texts, {doc_id: encoder(list(t)) for doc_id, t in texts.items() if t})


class FrameVectors:
    """Normalised vectors of one text field of a list of claims (``frame`` or ``measure_text``);
    ``sim(i, j)`` is a cosine, 0 when a text is unknown; ``has(i)`` says whether it is known."""

    def __init__(self, claims: Sequence[Claim], vectors: Mapping[str, np.ndarray] | None, field: str = "frame"):
        vectors = vectors or {}
        dim = len(next(iter(vectors.values()))) if vectors else 1
        self.known = bool(vectors)
        self.matrix = np.zeros((len(claims), dim), dtype=np.float32)
        self.present = np.zeros(len(claims), dtype=bool)
        for i, c in enumerate(claims):
            v = vectors.get(getattr(c, field))
            if v is not None:
                self.matrix[i] = v
                self.present[i] = True

    def has(self, i: int) -> bool:
        return bool(self.present[i])

    def sim(self, i: int, j: int) -> float:
        return float(self.matrix[i] @ self.matrix[j])
