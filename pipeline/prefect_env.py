"""Prefect settings for a quiet, offline, project-local run; applied before Prefect is imported.

Prefect reads its settings when it is first imported, so ``flow.py`` calls ``configure()`` at
the top. Every value is a ``setdefault``: a user who points ``PREFECT_API_URL`` at their own
server (to watch runs in the UI) or sets any of these keeps their choice.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.resources import data_path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The checkout holding the package (editable install), else the current directory."""
    candidate = PACKAGE_DIR.parent
    return candidate if (candidate / "pyproject.toml").is_file() else Path.cwd()


def configure() -> None:
    home = project_root() / ".prefect"
    defaults = {
        "PREFECT_HOME": str(home),
        # No telemetry POST (it fails offline and logs an error on every run).
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
        "PREFECT_LOGGING_CONFIG_PATH": str(data_path("prefect_logging.yml")),
        # A fresh .prefect/ runs database migrations first; 20 s (the default) is too tight on 2 cores.
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(home / "storage"),
        "PREFECT_UI_ENABLED": "false",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
