"""In-memory types passed between stages (CSV row types live in ``schema``).

Frozen dataclasses with tuples, so stage outputs are hashable, picklable and cacheable. The
comparison's result (``Comparison`` of ``Finding`` of ``Statement``) is typed all the way to the
report; it is flattened to CSV rows only when the flow writes ``findings.csv``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from pipeline.schema import BlockRow, ClaimRow, DateRow, DocumentRow, EntityRow, FindingRow, NumberRow

RowT = TypeVar("RowT", ClaimRow, FindingRow)


@dataclass(frozen=True)
class UserMetadata:
    """Metadata a user supplied (YAML front matter or a ``<file>.meta.json`` sidecar); wins over inference."""

    title: str = ""
    authors: tuple[str, ...] = ()
    published: str = ""
    outlet: str = ""
    url: str = ""


@dataclass(frozen=True)
class Failure:
    """Why one document stopped at a stage: ``skipped`` (unusable input) or ``error``."""

    doc_id: str
    status: str
    reason: str
    source_file: str = ""  # the input file's name, set by the flow when it records the failure
    blocks: tuple[BlockRow, ...] = ()  # a document cleaning kept nothing of: every block, on record


def one_line(text: str, limit: int = 200) -> str:
    """A reason for a CSV cell or a console line: whitespace collapsed, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_reason(exc: BaseException) -> str:
    """'ValueError: what went wrong', on one line."""
    return f"{type(exc).__name__}: {one_line(str(exc))}"


@dataclass(frozen=True)
class RawDocument:
    """One input file, decoded. ``problem`` is set (and ``text`` empty) when it cannot be used."""

    doc_id: str
    source_file: str
    sha256: str
    text: str
    fmt: str = "txt"  # txt | md | html (text is then the article trafilatura extracted)
    user_meta: UserMetadata = field(default_factory=UserMetadata)
    problem: str = ""
    problem_status: str = ""  # skipped | error, when problem is set
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()  # what was ignored while reading (bad metadata values ...)
    page_meta: UserMetadata = field(default_factory=UserMetadata)  # an HTML page's own metadata
    left_out: tuple[str, ...] = ()  # HTML: visible paragraphs outside the extracted article
    extractor: str = ""  # HTML: "trafilatura", or "visible text" when it found no article


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
    """A document reduced to its headline and article body, with the audit trail of every block.

    ``text`` starts with the headline (when the page shows one) as its own paragraph, so that
    what a headline claims is compared like the body; ``text[body_start:]`` is the body alone.
    """

    doc_id: str
    text: str
    blocks: tuple[BlockRow, ...]
    meta: DocumentMeta
    words_raw: int
    words_clean: int
    body_start: int = 0
    language: str = "en"  # ISO 639-1, detected in cleaning; extraction and compare read English only

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


@dataclass(frozen=True)
class Mentions:
    """Everything extraction found in one clean document (offsets index ``CleanDocument.text``)."""

    doc_id: str
    entities: tuple[EntityRow, ...] = ()
    numbers: tuple[NumberRow, ...] = ()
    dates: tuple[DateRow, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()  # (start, end) of each sentence, by sent_no


@dataclass(frozen=True)
class Statement:
    """One source's statement inside a finding: what it says, where it says it, which side it is on.

    ``quote_start:quote_end`` is the sentence and ``mention_start:mention_end`` the value inside
    it, both offsets into that document's clean text (for a judgement the mention is the sentence).
    """

    doc_id: str
    claim_id: str
    value_kind: str  # number | date | assessment: what ``value`` holds
    value: str  # as findings.csv writes it: ">=3", "10-12", "2022-10", ""
    unit: str
    as_of: str
    quote: str
    quote_start: int
    quote_end: int
    mention: str  # the value as written ("about 20 miles")
    mention_start: int
    mention_end: int
    published: str
    side: str = ""  # A, B, ...: statements on one side agree with each other
    number: float | None = None  # the parsed number (lower end of a range), for formatting
    number_max: float | None = None
    qualifier: str = ""


@dataclass(frozen=True)
class Finding:
    """A ranked finding: a kind (see ``pipeline.vocab.kinds``), a topic, the statements and why."""

    finding_id: str
    kind: str
    topic: str
    note: str
    rank: int
    score: float
    statements: tuple[Statement, ...]

    @property
    def sides(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.side for s in self.statements if s.side))

    def to_rows(self) -> tuple[FindingRow, ...]:
        """Long form for findings.csv: one row per statement."""
        return tuple(
            FindingRow(
                finding_id=self.finding_id, kind=self.kind, topic=self.topic, doc_id=s.doc_id, quote=s.quote,
                value=s.value, unit=s.unit, as_of=s.as_of, note=self.note, rank=self.rank, score=self.score,
                claim_id=s.claim_id, quote_start=s.quote_start, quote_end=s.quote_end, published=s.published,
                side=s.side,
            )
            for s in self.statements
        )


@dataclass(frozen=True)
class Comparison:
    """What compare hands on: every claim (claims.csv) and the ranked findings."""

    claims: tuple[ClaimRow, ...] = ()
    findings: tuple[Finding, ...] = ()
    pairs_scored: int = 0  # pairs of statements compare scored (bench scale: is the comparison linear?)
    pairs_shared: int = 0  # pairs that took the score of an alike pair (copies of one sentence)

    def finding_rows(self) -> tuple[FindingRow, ...]:
        return tuple(row for f in self.findings for row in f.to_rows())


# --------------------------------------------------------------------------- sources, as readers name them

# A title made from a document's first sentence is cut to this many characters.
FALLBACK_TITLE_CHARS = 90
_FIRST_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s|$)|\n|$)", re.S)


@dataclass(frozen=True)
class SourceInfo:
    """How the report and the CSVs name one source: "S3", its outlet, a readable title, its URL."""

    doc_id: str
    label: str
    outlet: str = ""
    title: str = ""
    url: str = ""
    published: str = ""

    @property
    def name(self) -> str:
        """"S3 CSIS" (or "S3" when the outlet is unknown): what cards, notes and charts print."""
        return f"{self.label} {self.outlet}".strip()


def document_title(title: str, text: str, source_file: str) -> str:
    """The headline; else the document's first sentence (cut); else its file name."""
    if title.strip():
        return " ".join(title.split())
    m = _FIRST_SENTENCE.search(text or "")
    first = " ".join(m.group(0).split()) if m else ""
    if first:
        return first if len(first) <= FALLBACK_TITLE_CHARS else first[:FALLBACK_TITLE_CHARS - 1].rstrip() + "…"
    return source_file


def source_infos(documents: Sequence[DocumentRow], cleaned: Sequence[CleanDocument] = ()) -> dict[str, SourceInfo]:
    """S1..Sn in documents.csv order (failed files included, so labels stay put when one fails);
    documents only in ``cleaned`` follow."""
    clean_by_id = {c.doc_id: c for c in cleaned}
    rows = {d.doc_id: d for d in documents}
    ids = [d.doc_id for d in documents] + [c.doc_id for c in cleaned if c.doc_id not in rows]
    out: dict[str, SourceInfo] = {}
    for n, doc_id in enumerate(ids, start=1):
        row, clean = rows.get(doc_id), clean_by_id.get(doc_id)
        meta = clean.meta if clean is not None else DocumentMeta()
        out[doc_id] = SourceInfo(
            doc_id=doc_id,
            label=f"S{n}",
            outlet=(row.outlet if row is not None else "") or meta.outlet,
            title=document_title((row.title if row is not None else "") or meta.title,
                                 clean.text if clean is not None else "",
                                 row.source_file if row is not None else doc_id),
            url=(row.url if row is not None else "") or meta.url,
            published=(row.published if row is not None else "") or meta.published,
        )
    return out


def with_sources(rows: Sequence[RowT], infos: dict[str, SourceInfo]) -> list[RowT]:
    """claims.csv / findings.csv rows with their source's label, outlet, title and URL filled in."""
    out = []
    for r in rows:
        info = infos.get(r.doc_id)
        out.append(dataclasses.replace(r, source=info.label, outlet=info.outlet, title=info.title, url=info.url)
                   if info else r)
    return out
