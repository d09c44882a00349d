"""Writing output files: atomically, with ordinary permissions.

The flow writes every output and the stage caches write their entries through ``write_atomic``,
so an interrupted run never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file + rename, so an interrupted run never leaves a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A short prefix: the temporary name never grows with the output's name (255-byte limit).
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".newscompare-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files others may read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
