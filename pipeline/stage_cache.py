"""The stage caches: cleaning, extraction and embedding results per document, by content.

An entry's key is the content a stage reads (the document as read, its clean text, its frames)
plus a fingerprint of the code and data that stage runs: the source of every ``pipeline``
module the stage imports, followed through their imports (read off the code, so nobody keeps a
list of packages up to date), and the packaged data files those modules name (refitting
compare's model does not invalidate extraction). A code or rule change therefore
invalidates exactly the entries it could change, without a hand-kept version number. Entries
are written atomically; an absent, truncated or stale one is simply computed again.

The report's laid-out parts (``report.paged``) are cached the same way, by each part's HTML with
the layout code, the templates folder (stylesheet, fonts) and WeasyPrint's version.

Layout under the cache folder: ``clean/<sha256>.pickle``, ``extract/<sha256>.pickle``,
``claims/<sha256>.pickle`` (a document's own claims, before they are read against the corpus),
``embed/<sha256>.npy``, ``report/<sha256>.pickle``, and ``pairs/scores.npz``: the last run's
pair scores (``compare.PairMemo``), one file replaced by each run, so it never outgrows a run.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import io
import pickle
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from pipeline.compare.memo import KEY_DTYPE, PairScores
from pipeline.documents import CleanDocument, Mentions, RawDocument
from pipeline.files import write_atomic
from pipeline.report import RenderedPart

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
# Stages whose results are cached, by the module that runs them.
CLEAN_STAGE = "pipeline.clean"
EXTRACT_STAGE = "pipeline.extract"
CLAIMS_STAGE = "pipeline.compare"
REPORT_LAYOUT = "pipeline.report.paged"


# ---------------------------------------------------------------- fingerprints


def _module_files(module: str) -> list[Path]:
    """The source files of a ``pipeline`` module (a package: every module in it)."""
    rel = Path(*module.split(".")[1:])
    package = PACKAGE_DIR / rel
    if package.is_dir():
        return sorted(package.rglob("*.py"))
    path = PACKAGE_DIR / rel.with_suffix(".py")
    return [path] if path.is_file() else []


def _imported_modules(path: Path) -> set[str]:
    """The ``pipeline`` modules a source file imports ("from pipeline.x import y" names x and,
    when it is a module, x.y)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("pipeline")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pipeline"):
            if node.module != "pipeline":  # "from pipeline import clean" imports pipeline.clean, not all of pipeline
                names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names if _module_files(f"{node.module}.{a.name}")}
    return names


def stage_sources(module: str) -> list[Path]:
    """Every source file the stage ``module`` runs: its own and those of the ``pipeline`` modules
    it imports, transitively."""
    seen: set[str] = set()
    files: set[Path] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for path in _module_files(name):
            if path not in files:
                files.add(path)
                todo.extend(_imported_modules(path))
    return sorted(files)


def stage_data(sources: Sequence[Path]) -> list[Path]:
    """The packaged data files these sources name (a string constant equal to the file's name)."""
    named = {node.value for path in sources for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    return sorted(p for p in DATA_DIR.rglob("*") if p.is_file() and p.name in named)


@functools.lru_cache(maxsize=8)
def fingerprint(module: str) -> str:
    """Hash of the code the stage ``module`` runs and of the packaged data files it reads."""
    digest = hashlib.sha256()
    sources = stage_sources(module)
    for path in [*sources, *stage_data(sources)]:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------- keys


def clean_key(raw: RawDocument, rules_text: str | None) -> str:
    """The document as read (text, metadata, name, encoding) with the cleaning code and rules."""
    code = f"{fingerprint(CLEAN_STAGE)}\x00{rules_text or ''}".encode()
    return hashlib.sha256(code + pickle.dumps(raw)).hexdigest()


def extract_key(doc: CleanDocument) -> str:
    """The clean text and the date it is read against, with the extraction code."""
    payload = "\x00".join((fingerprint(EXTRACT_STAGE), doc.doc_id, doc.meta.published, doc.text))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def claims_key(doc: CleanDocument, mentions: Mentions) -> str:
    """A document (text, metadata) and its mentions as compare reads them (people linked across
    the run, so a new document that renames someone changes them), with the compare code. Hashed
    through ``repr``, not pickle: equal mentions pickle differently when fresh from spaCy (strings
    shared or not) and when read back from the cache, which missed two thirds of the entries."""
    payload = "\x00".join((fingerprint(CLAIMS_STAGE), repr(doc), repr(mentions)))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def embed_key(texts: Sequence[str], model: str, version: str) -> str:
    """A document's frames with the encoder's name and cache version."""
    return hashlib.sha256("\x00".join((model, version, *texts)).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- entries


class PickleCache:
    """Pickled results in one folder, one file per key."""

    def __init__(self, folder: Path):
        self.folder = folder

    def load(self, keys: Mapping[str, str]) -> dict:
        """The results cached under these keys (doc_id -> key), by doc_id; absent, truncated or
        stale entries are left out (and recomputed)."""
        found = {}
        for doc_id, key in keys.items():
            try:
                found[doc_id] = pickle.loads((self.folder / f"{key}.pickle").read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                continue
        return found

    def store(self, key: str, result: object) -> None:
        write_atomic(self.folder / f"{key}.pickle", pickle.dumps(result))


class MatrixCache:
    """Float matrices (a document's frame vectors) in one folder, as ``.npy`` files without pickles."""

    def __init__(self, folder: Path, columns: int):
        self.folder = folder
        self.columns = columns

    def load(self, key: str, rows: int) -> np.ndarray:
        """The matrix under ``key``; OSError or ValueError when absent, unreadable or of another shape."""
        path = self.folder / f"{key}.npy"
        matrix = np.load(path, allow_pickle=False)
        if matrix.shape != (rows, self.columns):
            raise ValueError(f"cached matrix {path.name} has shape {matrix.shape}")
        return matrix

    def store(self, key: str, matrix: np.ndarray) -> None:
        buffer = io.BytesIO()
        np.save(buffer, matrix, allow_pickle=False)
        write_atomic(self.folder / f"{key}.npy", buffer.getvalue())


class ReportPartCache:
    """The report's laid-out parts in one folder, one pickle per part, keyed by the part's HTML
    and everything else that draws it: the layout code, the templates folder (stylesheet and
    fonts) and WeasyPrint's version."""

    def __init__(self, folder: Path, templates_dir: Path):
        self.folder = folder
        digest = hashlib.sha256(f"{fingerprint(REPORT_LAYOUT)}\x00{importlib.metadata.version('weasyprint')}".encode())
        for path in sorted(p for p in Path(templates_dir).rglob("*") if p.is_file()):
            digest.update(path.relative_to(templates_dir).as_posix().encode())
            digest.update(path.read_bytes())
        self.version = digest.hexdigest()[:16]

    def _path(self, document: str) -> Path:
        key = hashlib.sha256("\x00".join((self.version, document)).encode()).hexdigest()
        return self.folder / f"{key}.pickle"

    def load(self, document: str) -> RenderedPart | None:
        """The part laid out from ``document``; None when absent, truncated or of another shape."""
        try:
            part = pickle.loads(self._path(document).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return part if isinstance(part, RenderedPart) else None

    def store(self, document: str, part: RenderedPart) -> None:
        write_atomic(self._path(document), pickle.dumps(part))


class PairScoreCache:
    """The last run's pair scores (``compare.PairScores``) in one ``.npz`` file (no pickles), with
    the version of what else they read (the encoder); another version reads as none."""

    def __init__(self, folder: Path):
        self.path = folder / "scores.npz"

    def load(self, version: str) -> PairScores:
        try:
            with np.load(self.path, allow_pickle=False) as stored:
                if str(stored["version"]) != version:
                    return PairScores()
                scores = PairScores(stored["keys"], stored["values"])
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return PairScores()
        ok = (scores.keys.dtype == np.dtype(KEY_DTYPE) and scores.values.dtype == np.float64
              and scores.keys.shape == scores.values.shape and bool(np.all(scores.keys[1:] > scores.keys[:-1])))
        return scores if ok else PairScores()

    def store(self, version: str, scores: PairScores) -> None:
        buffer = io.BytesIO()
        np.savez(buffer, version=np.array(version), keys=scores.keys, values=scores.values)
        write_atomic(self.path, buffer.getvalue())
