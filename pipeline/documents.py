"""In-memory document types passed between stages (CSV row types live in ``schema``).

Frozen dataclasses with tuples, so stage outputs are hashable, picklable and cacheable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.schema import BlockRow, DateRow, EntityRow, NumberRow


@dataclass(frozen=True)
class UserMetadata:
    """Metadata a user supplied (YAML front matter or a ``<file>.meta.json`` sidecar); wins over inference."""

    title: str = ""
    authors: tuple[str, ...] = ()
    published: str = ""
    outlet: str = ""
    url: str = ""


@dataclass(frozen=True)
class RawDocument:
    """One input file, decoded. ``problem`` is set (and ``text`` empty) when it cannot be used."""

    doc_id: str
    source_file: str
    sha256: str
    text: str
    fmt: str = "txt"  # txt | md
    user_meta: UserMetadata = field(default_factory=UserMetadata)
    problem: str = ""
    problem_status: str = ""  # skipped | error, when problem is set
    encoding: str = "utf-8"


@dataclass(frozen=True)
class DocumentMeta:
    """What the cleaner learnt about a document; empty strings mean unknown."""

    title: str = ""
    authors: tuple[str, ...] = ()
    published: str = ""
    published_basis: str = ""
    outlet: str = ""
    url: str = ""


@dataclass(frozen=True)
class CleanDocument:
    """A document reduced to its article body, with the audit trail of every block."""

    doc_id: str
    text: str
    blocks: tuple[BlockRow, ...]
    meta: DocumentMeta
    words_raw: int
    words_clean: int


@dataclass(frozen=True)
class Mentions:
    """Everything extraction found in one clean document (offsets index ``CleanDocument.text``)."""

    doc_id: str
    entities: tuple[EntityRow, ...] = ()
    numbers: tuple[NumberRow, ...] = ()
    dates: tuple[DateRow, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()  # (start, end) of each sentence, by sent_no
