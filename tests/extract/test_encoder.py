"""The sentence encoder: a text's vector does not depend on what it is batched with.

The flow caches vectors per document and embeds new documents together with nothing else, so a
cached vector and a fresh one must be the same bits; the model (all-MiniLM-L6-v2) is real.
"""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.compare import embed_documents
from pipeline.extract import encoder as encoder_module
from pipeline.extract.encoder import BATCH_ROWS, DIMENSIONS

SHORT = ["Fares rose 12%.", "Three people died.", "The vote is on Thursday."]
LONGER = [
    "A ticket on the harbour ferry now costs 15% more than it did last spring, the operator said on Monday.",
    "Officials said at least ten people were killed when the 5.9-magnitude quake struck the island.",
    "The council approved a budget of 12 million euros for the port after a long debate on Tuesday night.",
]
# Enough texts of one padded length to fill more than one batch, and a few of other lengths.
MANY = [f"Report number {i} says {i * 7} boats reached the port." for i in range(BATCH_ROWS + 5)]


def test_a_text_gets_the_same_bits_alone_in_a_crowd_and_in_any_order(encoder):
    alone = {t: encoder([t])[0] for t in SHORT + LONGER}
    crowd = MANY + LONGER + SHORT
    together = encoder(crowd)
    reversed_ = encoder(crowd[::-1])[::-1]
    for text, a, b in zip(crowd, together, reversed_, strict=True):
        assert np.array_equal(a, b), text
        if text in alone:
            assert np.array_equal(alone[text], a), text


def test_vectors_are_normalised_in_input_order_and_repeats_are_equal(encoder):
    out = encoder(["Three people died.", "Fares rose 12%.", "Three people died."])
    assert out.shape == (3, DIMENSIONS) and out.dtype == np.float32
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(out[0], out[2]) and not np.array_equal(out[0], out[1])
    assert encoder([]).shape == (0, DIMENSIONS)


def test_the_same_meaning_is_closer_than_another_subject(encoder):
    fares, tickets, quake = encoder(["Ferry fares rose 12%.", "A ferry ticket now costs 12% more.",
                                     "Ten people died in the earthquake."])
    assert fares @ tickets > fares @ quake + 0.2


def test_documents_embedded_together_equal_documents_embedded_one_by_one(encoder):
    texts = {"a": SHORT, "b": LONGER, "c": MANY[:3]}
    together = embed_documents(texts, encoder)
    assert list(together) == ["a", "b", "c"]
    for doc_id, doc_texts in texts.items():
        assert np.array_equal(together[doc_id], encoder(doc_texts)), doc_id


def test_a_load_in_the_background_is_the_model_later_calls_get(monkeypatch):
    """The flow starts the load while Prefect starts its server; the embed stage then finds it done."""
    monkeypatch.setattr(encoder_module, "_background", None)
    encoder_module._load_encoder.cache_clear()
    encoder_module.load_in_background()
    encoder_module.wait_for_background_load()
    assert encoder_module._load_encoder.cache_info().currsize == 1
    assert encoder_module.load_encoder() is encoder_module.load_encoder()


def test_a_failed_background_load_says_nothing_and_the_real_use_raises(monkeypatch, capfd):
    def broken():
        raise RuntimeError("model files missing")

    monkeypatch.setattr(encoder_module, "_background", None)
    monkeypatch.setattr(encoder_module, "_load_encoder", broken)
    encoder_module.load_in_background()
    encoder_module.wait_for_background_load()
    assert capfd.readouterr().err == ""  # no traceback from the thread
    with pytest.raises(RuntimeError, match="model files missing"):
        encoder_module.encode(["a sentence"])
