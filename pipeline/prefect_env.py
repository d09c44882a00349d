"""Prefect settings for a quiet, offline, project-local run; applied before Prefect is imported.

Prefect reads its settings when it is first imported, so ``flow.py`` calls ``configure()`` at
the top. Every value is a ``setdefault``: a user who points ``PREFECT_API_URL`` at their own
server (to watch runs in the UI) or sets any of these keeps their choice.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from pipeline.resources import data_path
from pipeline.workers import sigterm_when_parent_dies

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


class _ServerSubprocess:
    """``subprocess`` as Prefect's temporary-server module sees it: the same, except that the
    server starts in its own session (a Ctrl-C in the terminal reaches this process, which stops
    the flow and then the server, instead of killing the server under a running flow) and, on
    Linux, is sent SIGTERM when this process dies, even by ``kill -9`` (no orphaned server)."""

    def __getattr__(self, name: str):
        return getattr(subprocess, name)

    @staticmethod
    def Popen(*args, **kwargs):  # the name Prefect calls
        kwargs.setdefault("start_new_session", True)
        kwargs.setdefault("preexec_fn", _terminate_with_parent)
        return subprocess.Popen(*args, **kwargs)


def _terminate_with_parent() -> None:
    """In the child before exec: SIGTERM when the parent dies (not Linux: Prefect's own atexit stop
    still applies)."""
    sigterm_when_parent_dies()  # (imported at the top: no import in a forked child before exec)


def harden_temporary_server() -> None:
    """Make the temporary server Prefect starts (when no PREFECT_API_URL is set) die with us."""
    from prefect.server.api import server as prefect_server

    prefect_server.subprocess = _ServerSubprocess()


def stop_temporary_server() -> None:
    """Stop the temporary server now (Prefect would at exit), so that its shutdown message comes
    before whatever the caller prints next (the scale benchmark's last line)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.server.api import server as prefect_server

    # Logs and events still queued go first, as Prefect's own test harness does: sent to a server
    # that has stopped they are retried for a minute and end in "Error logging to API".
    APILogWorker.drain_all(timeout=5)
    EventsWorker.drain_all(timeout=5)
    for instance in list(prefect_server.SubprocessASGIServer._instances.values()):
        instance.stop()
