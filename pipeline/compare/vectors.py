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
    """The distinct frames to embed, per document, in a stable order (the flow caches vectors
    per document; the encoder gives a text the same vector whatever it is batched with)."""
    by_doc: dict[str, set[str]] = {}
    for c in claims:
        for text in (c.frame, c.measure_text):
            if text:
                by_doc.setdefault(c.doc_id, set()).add(text)
    return {doc_id: sorted(texts) for doc_id, texts in sorted(by_doc.items())}


def embed_documents(texts: Mapping[str, Sequence[str]], encoder: Encoder) -> dict[str, np.ndarray]:
    """Every document's frames through ``encoder`` in one call (full batches), split back into one
    matrix per document (rows in the order of its texts; no rows for a document without any)."""
    vectors = encoder([text for doc_texts in texts.values() for text in doc_texts])
    bounds = np.cumsum([0, *map(len, texts.values())])
    return {doc_id: vectors[start:end] for doc_id, start, end in zip(texts, bounds[:-1], bounds[1:], strict=True)}


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
    """Embed every document's frames with ``encoder``: text -> vector."""
    if encoder is None or not any(texts.values()):
        return {}
    return frame_vectors(texts, embed_documents(texts, encoder))


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


def sparse_rows(vectors: Sequence[Mapping[str, float]]):
    """Sparse term vectors (token -> weight) as the rows of one CSR matrix, for products of all
    pairs at once (a row's dot product with another is ``textsim.cosine`` of the two)."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for vec in vectors:
        for term, weight in vec.items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            data.append(weight)
        indptr.append(len(indices))
    return csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), np.array(indptr)),
                      shape=(len(vectors), max(len(vocabulary), 1)))
