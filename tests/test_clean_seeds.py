"""Golden tests on the seed documents: clean text, must-keep / must-drop strings, metadata.

Golden files are tests/data/clean/golden/<doc_id>.txt; regenerate them after reviewing a change
with ``CLEAN_UPDATE_GOLDEN=1 pytest tests/test_clean_seeds.py`` and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.clean import clean_document
from pipeline.documents import CleanDocument
from pipeline.ingest import read_document

DATA = Path(__file__).parent / "data" / "clean"
RAW = Path(__file__).resolve().parents[1] / "raw"
EXPECT = json.loads((DATA / "seed_expectations.json").read_text(encoding="utf-8"))
UPDATE = os.environ.get("CLEAN_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def cleaned() -> dict[str, CleanDocument]:
    out = {}
    for path in sorted(RAW.glob("*.txt")):
        raw = read_document(path.name, path.read_bytes(), doc_id=path.stem)
        out[path.stem] = clean_document(raw)
    return out


def test_all_seeds_have_expectations(cleaned):
    assert sorted(cleaned) == sorted(EXPECT)


@pytest.mark.parametrize("doc_id", sorted(EXPECT))
def test_golden_text(cleaned, doc_id):
    golden = DATA / "golden" / f"{doc_id}.txt"
    text = cleaned[doc_id].text
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("doc_id", sorted(EXPECT))
def test_must_keep_and_drop(cleaned, doc_id):
    text = cleaned[doc_id].text
    for s in EXPECT[doc_id]["must_keep"]:
        assert s in text, f"lost body text: {s!r}"
    for s in EXPECT[doc_id]["must_drop"]:
        assert s not in text, f"junk survived: {s!r}"
    for s in EXPECT[doc_id]["once"]:
        assert text.count(s) == 1, f"expected once: {s!r}"


@pytest.mark.parametrize("doc_id", sorted(EXPECT))
def test_metadata(cleaned, doc_id):
    meta = cleaned[doc_id].meta
    want = EXPECT[doc_id]["meta"]
    if "authors" in want:
        assert list(meta.authors) == want["authors"]
    if "published" in want:
        assert meta.published == want["published"]
        if want["published"]:
            assert meta.published_basis.startswith("text: '")
        else:
            assert meta.published_basis == ""
    for key in ("title", "outlet"):
        if key in want:
            assert getattr(meta, key) == want[key]


@pytest.mark.parametrize("doc_id", sorted(EXPECT))
def test_every_raw_line_is_accounted_for(cleaned, doc_id):
    """Nothing is removed silently: every non-blank raw line is (part of) some block row."""
    doc = cleaned[doc_id]
    joined = "\n".join(b.text for b in doc.blocks)
    raw = (RAW / f"{doc_id}.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    for line in raw.splitlines():
        words = " ".join(line.split())
        if words:
            assert words[:60] in joined
    assert [b.block_no for b in doc.blocks] == list(range(len(doc.blocks)))
    assert all(b.reason and b.label for b in doc.blocks)
    removed = [b for b in doc.blocks if not b.kept]
    assert all(":" in b.reason for b in removed)


def test_title_opens_the_text_once_and_not_repeated_in_the_body(cleaned):
    for doc_id, doc in cleaned.items():
        titles = [b for b in doc.blocks if b.label == "title"]
        assert len(titles) <= 1
        if titles:
            title = doc.meta.title
            assert doc.text.startswith(title + "\n\n") and doc.body_start == len(title) + 2
            assert doc.body.count(title) == 0, doc_id
        else:
            assert doc.body_start == 0


def test_drop_cap_repaired(cleaned):
    doc = cleaned["000_294c7d3d1af13164"]
    assert doc.text.count("China has designated artificial intelligence") == 1
    assert "\nhina has" not in doc.text and not doc.text.startswith("hina")
    letter = next(b for b in doc.blocks if b.text == "C")
    assert letter.kept and "drop cap" in letter.reason


def test_spillover_is_labelled_with_reason(cleaned):
    doc = cleaned["003_fc9439f943109c8f"]
    spill = [b for b in doc.blocks if b.label == "spillover"]
    assert any("follows 'Related Articles' marker" in b.reason for b in spill)
    assert any("Brahmaputra" in b.text for b in spill)
    ads = next(b for b in doc.blocks if b.text.startswith("Tired of too many ads"))
    assert "Remove Ads" in ads.reason and not ads.kept


def test_long_line_is_split_into_paragraphs(cleaned):
    doc = cleaned["004_dd7b5839bcc03b36"]
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) >= 10
    assert max(len(p) for p in paragraphs) <= 1300
    bios = [b for b in doc.blocks if b.label == "bio"]
    assert len(bios) == 2 and not any(b.kept for b in bios)


def test_normalisation(cleaned):
    for doc in cleaned.values():
        assert "\u00a0" not in doc.text
        assert "  " not in doc.text
        assert "\u2019" in doc.text or "'" in doc.text  # curly quotes are kept as they are
    assert "China\u2019s" in cleaned["000_294c7d3d1af13164"].text
