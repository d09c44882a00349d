"""Pair scores kept from one run to the next, so a rerun scores only the pairs that involve a new
or changed statement.

A pair's key mixes (16 bytes) the score's name and what each of its two statements is,
as a pair score reads it (``align.Scorer.statement_key``): an equal key is an equal score, so a
rerun gives what a fresh run gives. Scores are held in sorted NumPy arrays and looked up in bulk:
at 4,000 documents a run scores 4.4 million pairs, which as a dict of bytes held 855 MB.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

KEY_DTYPE = "S16"
# A pair that cannot be one quantity has no score; NaN stands for it in the arrays.
NO_SCORE = float("nan")


@dataclass(frozen=True)
class PairScores:
    """Pair scores by key: ``keys`` sorted and distinct (16-byte digests), ``values`` beside them
    (NaN: the pair was scored and cannot be one)."""

    keys: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=KEY_DTYPE))
    values: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.float64))

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def joined(cls, parts: Sequence[tuple[np.ndarray, np.ndarray]]) -> PairScores:
        """The scores of several batches, sorted, each key once (its first score)."""
        if not parts:
            return cls()
        keys = np.concatenate([k for k, _ in parts]).astype(KEY_DTYPE)
        values = np.concatenate([v for _, v in parts]).astype(np.float64)
        hi, lo = _halves(keys)
        order = np.lexsort((lo, hi))  # stable: among equal keys the first stays first
        hi, lo = hi[order], lo[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = (hi[1:] != hi[:-1]) | (lo[1:] != lo[:-1])
        return cls(keys[order[first]], values[order[first]])

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each key: whether it is known, and its score (NaN where unknown or no score).
        Searched as numbers (the first eight bytes, then all sixteen where two keys share them):
        sixteen-byte strings search several times slower."""
        if not len(self.keys) or not len(keys):
            return np.zeros(len(keys), dtype=bool), np.full(len(keys), NO_SCORE)
        hi, lo = self._halves
        q_hi, q_lo = _halves(keys)
        order = np.argsort(q_hi, kind="stable")  # searched in order: each search starts where the last ended
        at = np.empty(len(q_hi), dtype=np.int64)
        at[order] = np.minimum(np.searchsorted(hi, q_hi[order]), len(hi) - 1)
        known = (hi[at] == q_hi) & (lo[at] == q_lo)
        shared = np.flatnonzero(~known & (hi[at] == q_hi))  # the first eight bytes of two keys alike
        if len(shared):
            again = np.minimum(np.searchsorted(self.keys, keys[shared]), len(self.keys) - 1)
            at[shared] = again
            known[shared] = self.keys[again] == keys[shared]
        return known, np.where(known, self.values[at], NO_SCORE)

    @functools.cached_property
    def _halves(self) -> tuple[np.ndarray, np.ndarray]:
        return _halves(self.keys)


def _halves(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sixteen-byte keys as two unsigned 64-bit numbers, big-endian: their order is the keys'."""
    words = np.ascontiguousarray(keys, dtype=KEY_DTYPE).view(">u8").reshape(-1, 2).astype(np.uint64)
    return words[:, 0], words[:, 1]


@dataclass
class PairMemo:
    """The memo of one run: the earlier run's scores to reuse, and this run's, batch by batch.

    ``document_keys``: each document's key of its own claims (the document, its mentions and
    compare's code, as the flow's claims cache keys them); a statement of a document without one
    is always scored. ``version`` names what else the scores read (the encoder)."""

    document_keys: Mapping[str, str]
    version: str = ""
    earlier: PairScores = field(default_factory=PairScores)
    reused: int = 0
    _batches: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)

    def record(self, keys: np.ndarray, values: np.ndarray) -> None:
        self._batches.append((keys, values))

    def now(self) -> PairScores:
        """This run's scores, the next run's ``earlier``."""
        return PairScores.joined(self._batches)
