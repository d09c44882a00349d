"""Session-wide fixtures: the spaCy pipeline and the seed documents, loaded once; one Prefect
server for the tests that run the CLI in a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
# Three short reports of one fire (14 vs 12 injured, 3 a.m. in all): enough for every stage to
# have work and a finding, small enough that a run in a subprocess is its fixed costs.
SMALL_STORY = {
    "harbour.txt": ("Twelve people were injured in a fire at a warehouse in Tarrow on Monday, officials said. "
                    "The fire started at 3 a.m. near the harbour and burned for six hours.\n\n"
                    "The owner, Mara Lind, said the building was 40 years old.\n"),
    "gazette.txt": ("A fire at a Tarrow warehouse injured 14 people on Monday, police said. "
                    "It began at 3 a.m. and firefighters fought it for six hours.\n\n"
                    "Mara Lind, who owns the warehouse, said it had been empty since March.\n"),
    "wire.txt": ("At least 12 people were hurt when fire swept through a warehouse in Tarrow on Monday. "
                 "The blaze started at about 3 a.m., fire officials said.\n\n"
                 "Investigators have not named a cause.\n"),
}


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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_prefect_server(home: Path) -> tuple[subprocess.Popen, str]:
    """A Prefect server of our own on a free port, and its API URL (as a user's shared server)."""
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                return server, url
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise AssertionError("the Prefect server did not start")


@pytest.fixture(scope="session")
def prefect_api_url(tmp_path_factory):
    """One Prefect server for every test that runs the CLI in a subprocess: each run would otherwise
    start a temporary server of its own (about 8 s). The temporary server itself is tested in
    test_hostile_inputs (it must die with the run)."""
    server, url = start_prefect_server(tmp_path_factory.mktemp("prefect-home"))
    yield url
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="session")
def cli_env(prefect_api_url) -> dict[str, str]:
    """The environment of a CLI subprocess: the user's, pointed at the shared Prefect server."""
    return {**os.environ, "PREFECT_API_URL": prefect_api_url}


@pytest.fixture(scope="session")
def small_story(tmp_path_factory) -> Path:
    """An input folder of SMALL_STORY (runs only read it)."""
    raw = tmp_path_factory.mktemp("small-story")
    for name, text in SMALL_STORY.items():
        (raw / name).write_text(text)
    return raw
