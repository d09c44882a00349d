"""Publishing a run's outputs as one set.

A run writes every output into a staging folder inside each output folder (same file system, so
a move is a rename). Only when all of them are written does it write a manifest into the first
staging folder and move the files into place. So a run that is killed or fails before that leaves
the previous run's outputs whole: the next run removes the unmarked staging folders. A run killed
while moving (milliseconds) leaves its manifest, and the next run finishes the moves before it
starts, so the folders never stay a mix of two runs.

Only the staging folders (a name of the tool's own) and the files a manifest names as the previous
run's outputs are ever removed; no link is followed (a link in the place of an output is replaced,
not written through).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.files import write_atomic

STAGING_DIR = ".newscompare-staging"
MANIFEST = "publish.json"


@dataclass(frozen=True)
class Staging:
    """The output folders of one run, in publishing order, each with its staging folder."""

    targets: tuple[Path, ...]

    def staged(self, target: Path) -> Path:
        """Where the outputs meant for ``target`` are written during the run."""
        return staging_folder(target)


def staging_folder(target: Path) -> Path:
    return target / STAGING_DIR


def begin(targets: list[Path]) -> Staging:
    """Finish or discard what an interrupted run left, then fresh, empty staging folders.

    ``targets`` are the output folders (existing, locked by this run); one folder named twice is
    staged once.
    """
    distinct: list[Path] = []
    for target in targets:
        if all(target.resolve() != seen.resolve() for seen in distinct):
            distinct.append(target)
    for target in distinct:
        recover(target)
    for target in distinct:
        staging_folder(target).mkdir()
    return Staging(tuple(distinct))


def recover(target: Path) -> None:
    """A marked staging folder in ``target`` is published (a run was killed while moving); an
    unmarked one is removed (a run was killed or failed before its outputs were complete)."""
    staging = staging_folder(target)
    manifest = staging / MANIFEST
    if manifest.is_file() and not staging.is_symlink():
        try:
            plan = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            plan = None
        if isinstance(plan, dict):
            _carry_out(plan)
            return
    _remove_staging(target)


def commit(staging: Staging, stale: dict[Path, list[str]]) -> None:
    """Move every staged file into place and remove ``stale`` (per target, paths relative to it:
    the previous run's outputs this run did not write again)."""
    plan = {
        "folders": [[str(staging.staged(t).resolve()), str(t.resolve())] for t in staging.targets],
        "stale": {str(t.resolve()): sorted(stale.get(t, [])) for t in staging.targets},
    }
    first = staging.staged(staging.targets[0])
    write_atomic(first / MANIFEST, (json.dumps(plan, indent=1) + "\n").encode("utf-8"))
    _carry_out(plan)


def abandon(staging: Staging) -> None:
    """After a failed run: staging folders without a manifest are removed; a marked one (the
    failure came while moving) is finished, as the next run would."""
    for target in staging.targets:
        recover(target)


def _carry_out(plan: dict) -> None:
    """The moves of a manifest; safe to repeat (what has moved is no longer staged)."""
    folders = [(Path(s), Path(t)) for s, t in plan.get("folders", [])]
    stale = plan.get("stale", {})
    for staged, target in folders:
        if staged.is_dir() and not staged.is_symlink():
            _move_tree(staged, target)
        for relative in stale.get(str(target), []):
            path = _inside(target, relative)
            if path is not None and path.is_file() and not path.is_symlink():
                path.unlink()
    for _, target in reversed(folders):  # the manifest's own folder last
        _remove_staging(target)


def _move_tree(staged: Path, target: Path) -> None:
    for path in sorted(staged.rglob("*")):
        if path.name == MANIFEST and path.parent == staged:
            continue
        if path.is_file() and not path.is_symlink():
            destination = target / path.relative_to(staged)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)


def _inside(target: Path, relative: str) -> Path | None:
    """``target/relative`` when ``relative`` names a file below ``target`` (no '..', not absolute,
    not in a staging folder); else None."""
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts or STAGING_DIR in parts:
        return None
    return target.joinpath(*parts)


def _remove_staging(target: Path) -> None:
    staging = staging_folder(target)
    if staging.is_symlink() or staging.is_file():
        staging.unlink()
    elif staging.is_dir():
        shutil.rmtree(staging)
