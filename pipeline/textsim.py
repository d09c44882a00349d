"""TF-IDF similarity over token lists, and the edit distance of two spellings: the helpers cleaning
and comparison share.

Cleaning fits it on one page's blocks (is this paragraph about the same story?); compare fits it
on a corpus's sentences (do two statements speak about the same thing?). Each caller tokenises
its own way and passes token lists in. IDF is smoothed (``log((1 + n) / (1 + df)) + 1``), term
frequency is sub-linear (``1 + log tf``) and vectors are L2-normalised, so cosine is a dot product.
Small and dependency-free on purpose: corpora here are a few thousand sentences at most, and it
is deterministic to the last bit.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

Vector = dict[str, float]


class TfIdf:
    """Inverse document frequencies fitted on a corpus of token lists."""

    def __init__(self, corpus: Iterable[Sequence[str]], *, step: float | None = None):
        """``step``: weights rounded to multiples of it, and the corpus's size taken in
        quarter-octave steps, so that one more item in a large corpus moves only the weights of
        some of its own tokens (compare reuses pair scores across runs by the weights, and an
        unrelated document should not move the others' findings)."""
        df: Counter[str] = Counter()
        n = 0
        for tokens in corpus:
            n += 1
            df.update(set(tokens))
        self.n = max(n, 1) if step is None else max(round(2 ** (round(4 * math.log2(max(n, 1))) / 4)), 1)
        self.df = df
        self.step = step
        self._idf: dict[str, float] = {}  # compare asks for the same tokens' weights millions of times

    def idf(self, token: str) -> float:
        weight = self._idf.get(token)
        if weight is None:
            weight = math.log((1 + self.n) / (1 + self.df.get(token, 0))) + 1.0
            if self.step:
                weight = round(weight / self.step) * self.step
            self._idf[token] = weight
        return weight

    def df_share(self, token: str) -> float:
        """Share of the corpus's items that contain the token."""
        return self.df.get(token, 0) / self.n

    def vector(self, tokens: Iterable[str]) -> Vector:
        """L2-normalised TF-IDF weights of a bag of tokens (empty for no tokens)."""
        counts = Counter(tokens)
        vec = {t: (1 + math.log(c)) * self.idf(t) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {t: v / norm for t, v in vec.items()} if norm else {}

    def similarity(self, a: Iterable[str], b: Iterable[str]) -> float:
        """Cosine of two bags of tokens."""
        return cosine(self.vector(a), self.vector(b))


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return float(sum(v * b.get(t, 0.0) for t, v in a.items()))


def edit_distance(a: str, b: str) -> int:
    """Insertions, deletions, substitutions and swaps of neighbouring letters (optimal string
    alignment distance)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]
