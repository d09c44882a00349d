"""The folders of a run, checked before anything heavy is imported: the CLI refuses a bad folder in
a second, before spaCy, the encoder and Prefect load (about 12 s), and the flow checks again."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline import ingest

# Where a run records what its outputs were made from (the input folder), to refuse mixing stories,
# and the files it wrote into --processed (the only files a later run may remove there).
RUN_RECORD = "run.json"


def list_input_files(raw_dir: Path) -> list[Path]:
    """Every entry of the input folder that may be a document (not sidecars, hidden files or editor
    backups), links, special files and sub-folders included: they get a row saying why they were
    not read."""
    with os.scandir(raw_dir) as entries:
        names = [e.name for e in entries]
    return sorted(raw_dir / n for n in names if ingest.is_input_file(n))


def check_paths(raw: Path, processed: Path, reports: Path, *, replace: bool = False) -> str:
    """Why these folders cannot be used ('' when they can), before any stage runs: the input must
    be a folder; outputs must be folders (or not exist yet), must not overlap the input, and must
    not hold another input folder's results (unless ``replace``)."""
    if not raw.is_dir():
        return f"input folder {raw} does not exist or is not a folder"
    raw_real = raw.resolve()
    for label, out in (("--processed", processed), ("--reports", reports)):
        if out.exists() and not out.is_dir():
            return f"{label} {out} is a file, not a folder"
        real = out.resolve()
        if real == raw_real or raw_real in real.parents or real in raw_real.parents:
            return f"{label} {out} overlaps the input folder {raw}: outputs are never written inside the input"
    if (processed / "clean").is_symlink() or ((processed / "clean").exists() and not (processed / "clean").is_dir()):
        return (f"{processed / 'clean'} is a symbolic link or a file: the clean texts are only written into a real "
                "folder inside --processed")
    record = processed / RUN_RECORD
    if record.is_file() and not replace:
        try:
            previous = json.loads(record.read_text(encoding="utf-8")).get("input_folder", "")
        except (OSError, ValueError, AttributeError):
            previous = ""
        if previous and previous != str(raw_real):
            return (f"{processed} holds the results of another input folder ({previous}); use another --processed "
                    "folder, or --replace to overwrite them")
    return ""
