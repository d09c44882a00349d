"""Session-wide fixtures: the spaCy pipeline and the seed documents, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED_DIR


@pytest.fixture(scope="session")
def encoder():
    """The sentence encoder the flow uses (all-MiniLM-L6-v2 from site-packages), loaded once."""
    from pipeline.extract.encoder import encode

    return encode
