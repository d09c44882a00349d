"""The output contract: one frozen dataclass per CSV, defined once.

Field order is column order. Each field's ``metadata`` carries its CSV type and meaning; the
README's tables are generated from here (``python -m pipeline schema``) and a test checks that
the README and this module agree. Later changes may add columns, never rename or drop them.
Row types double as the in-memory types the stages return, so there is no mapping layer.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from pipeline.vocab import kinds

Status = Literal["ok", "skipped", "error"]
# Cells a spreadsheet would run as a formula get a leading apostrophe (CSV injection): those
# starting with = + @ tab or CR, and those starting with - that are not a plain number ("-3.5"
# stays a number; "-2+3" or "-cmd|..." is guarded). The apostrophe is the only change, so a
# guarded text still maps to the clean text by its offsets (start/end, quote_start/quote_end),
# which are the contract; strip one leading apostrophe to compare strings.
_FORMULA_PREFIXES = ("=", "+", "@", "\t", "\r")
_PLAIN_NEGATIVE = re.compile(r"-\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def col(kind: str, meaning: str, default: Any = dataclasses.MISSING) -> Any:
    """Declare a column: its CSV type and what it means to a reader."""
    meta = {"type": kind, "meaning": meaning}
    if default is dataclasses.MISSING:
        return field(metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class DocumentRow:
    """processed/documents.csv: one row per input file, whatever happened to it."""

    doc_id: str = col("str", "Stable id of the document: the file name without extension, made unique.")
    source_file: str = col("str", "File name inside the raw folder.")
    sha256: str = col("str", "SHA-256 of the raw file's bytes.")
    status: str = col("str", "ok | skipped | error.")
    status_reason: str = col("str", "Why the document was skipped or failed; for an ok document, what a reader "
                             "should know (decoded from a legacy charset, control characters removed, another "
                             "language: cleaned, not compared); usually empty when ok.")
    title: str = col("str", "Headline, from the text or user metadata; empty when unknown.")
    authors: str = col("str", 'Author names joined by "; ".')
    published: str = col("date", "Publication date, ISO 8601, as precise as known; empty when unknown.")
    outlet: str = col("str", "Publisher or site: user metadata, else the HTML page's, else the text.")
    words_raw: int = col("int", "Words in the raw text.")
    words_clean: int = col("int", "Words in the cleaned article body.")
    published_basis: str = col(
        "str", "Where `published` comes from: metadata (the user's), page metadata (an HTML page's), "
        "text (with the line), or empty.", ""
    )
    url: str = col("str", "Source URL: user metadata, else an HTML page's canonical URL, else the text.", "")
    blocks_removed: int = col("int", "Blocks the cleaner removed (see blocks.csv).", 0)
    language: str = col("str", "ISO 639-1 code of the article's language, detected in cleaning (en unless the text "
                        "is clearly another); empty when the document was not cleaned.", "")


@dataclass(frozen=True)
class BlockRow:
    """processed/blocks.csv: every block of every raw document, kept or removed, with the reason."""

    doc_id: str = col("str", "Document id.")
    block_no: int = col("int", "Position of the block in the raw document, from 0 (HTML: in the extracted "
                        "article, then the page's left-out paragraphs in page order).")
    label: str = col(
        "str",
        "body, title, subtitle, byline, dateline, heading, caption, pull_quote, boilerplate, "
        "spillover, duplicate, bio, metadata, outside_article (HTML, left out by trafilatura), ...",
    )
    kept: bool = col("bool", "True when the block is part of the clean text.")
    reason: str = col("str", "Human-readable reason for the label and the decision.")
    text: str = col("str", "The block's text as it appeared in the raw document (normalised whitespace).")


@dataclass(frozen=True)
class EntityRow:
    """processed/entities.csv: one row per named-entity mention in the clean text."""

    doc_id: str = col("str", "Document id.")
    sent_no: int = col("int", "Sentence number in the clean text, from 0.")
    start: int = col("int", "Character offset of the mention's start in processed/clean/<doc_id>.txt.")
    end: int = col("int", "Character offset just past the mention's end.")
    text: str = col("str", "The mention exactly as in the clean text.")
    label: str = col("str", "Entity type: PERSON, ORG, GPE, NORP, LOC, PRODUCT, EVENT, LAW, ...; CODE for an "
                            "identifier (\"CVE-2013-3893\", \"MS13-008\").")
    canonical: str = col("str", "Canonical name, so variants (U.S./US/United States) merge across sources.")
    role: str = col("str", "For a place: the word it is the place of, lemmatised, with its preposition (\"live in\" "
                           "of \"lived in Cardiff\", \"court in\" of \"a court in San Angelo\", \"jury\" of \"a San "
                           "Antonio jury\"; \"of\" after a person's name: \"Singh, 59, of College Point\"); empty "
                           "otherwise.", "")


@dataclass(frozen=True)
class NumberRow:
    """processed/numbers.csv: one row per quantity mentioned in the clean text."""

    doc_id: str = col("str", "Document id.")
    sent_no: int = col("int", "Sentence number in the clean text, from 0.")
    start: int = col("int", "Character offset of the mention's start in the clean text.")
    end: int = col("int", "Character offset just past the mention's end.")
    text: str = col("str", "The mention exactly as in the clean text.")
    value: float | None = col("float", "The number, scaled (\"$13.5bn\" -> 13500000000).")
    value_max: float | None = col("float", "Upper end of a range (\"10% to 30%\" -> 30), or a tally's second count "
                                           "(\"a 36-3 record\" -> 3); empty otherwise.")
    unit: str = col("str", "Unit: percent, USD, CNY, times, years, people, ...; empty for a bare count.")
    qualifier: str = col("str", "approx | at_least | at_most | more_than | less_than | range | vague "
                                "(\"a few days\": value..value_max is what the words admit) | empty.")
    kind: str = col("str", "percent | money | multiplier | fraction | count | measure | duration | magnitude | "
                           "category (a rank on a named scale: \"Category 3\") | age | ordinal | tally (a score, "
                           "record or vote: \"88-86\") | designator (a version or model a name carries: "
                           "\"Internet Explorer 8\", \"USB 3.0\"; measure is the name).")
    measure: str = col("str", "What the number is about, a short phrase from the sentence's syntax; for a "
                       "duration that says when, the happening it dates (\"married\" of \"married two weeks ago\").")
    as_of: str = col("str", "The time the number refers to when the sentence says so (TimeML value).")
    sentence: str = col("str", "The sentence the mention is in.")
    people: str = col("str", "Whose figure: the people its clause names as subject or object (\"Rait fell 200 ft\" "
                             "-> Rait), '; '-joined; empty when the clause names none.", "")


@dataclass(frozen=True)
class DateRow:
    """processed/dates.csv: one row per temporal expression in the clean text."""

    doc_id: str = col("str", "Document id.")
    sent_no: int = col("int", "Sentence number in the clean text, from 0.")
    start: int = col("int", "Character offset of the mention's start in the clean text.")
    end: int = col("int", "Character offset just past the mention's end.")
    text: str = col("str", "The mention exactly as in the clean text.")
    value: str = col(
        "str",
        "Normalised TimeML value: 2023-05-09, 2022-09, 2024-H1, 2024-W11, PRESENT_REF, "
        "2024-06/2024-08 for a range, 2011-11-10T09:25 (or XXXX-XX-XXT09:25 when the day is not said) "
        "for a time of day; empty when unresolved.",
    )
    granularity: str = col("str", "time | day | week | month | quarter | half | season | year | decade | century | "
                                  "range | ref")
    anchor: str = col(
        "str",
        "The date a relative expression was resolved against (the publication date), "
        "or 'unresolved' when that date is unknown; empty for absolute dates.",
    )
    qualifier: str = col("str", "by | since | before | after | until | early | mid | late | approx | empty.")
    sentence: str = col("str", "The sentence the mention is in.")
    zone: str = col("str", "For a time of day: the time zone as written (GMT, BST, ET, local time); else empty.", "")


@dataclass(frozen=True)
class ClaimRow:
    """processed/claims.csv: one row per comparable statement (a figure, date, status, outcome, assessment or name)."""

    claim_id: str = col("str", "Stable id: <doc_id>:<kind>:<start>.")
    doc_id: str = col("str", "Document id.")
    kind: str = col("str", " | ".join(kinds.ClaimKind) + ".")
    sent_no: int = col("int", "Sentence number in the clean text.")
    start: int = col("int", "Offset of the mention (or sentence, for assessments) in the clean text.")
    end: int = col("int", "Offset just past the mention.")
    text: str = col("str", "The mention itself.")
    subject: str = col("str", "Canonical entities the sentence is about, joined by '; '.")
    measure: str = col("str", "What is measured or what happened, normalised to keywords.")
    value: str = col("str", "The number or TimeML date value, as text; for a name, the name as written.")
    value_max: str = col("str", "Upper end of a range, or a tally's second count (\"36-3\" -> 3).")
    unit: str = col("str", "Unit of a number.")
    qualifier: str = col("str", "approx, at_least, by, since, ...")
    as_of: str = col("str", "Time the statement refers to.")
    polarity: str = col("str", "For assessments: positive | negative | empty.")
    published: str = col("date", "Publication date of the document, when known.")
    quote: str = col("str", "The sentence, an exact substring of the clean text.")
    subject_entity: str = col(
        "str", "The entity this statement belongs to when the sentence names one per figure "
        "(\"17% for Kestrel, 20% for Aldmoor\", \"Comeaux, 49\") or right before a verb of having "
        "that governs its one figure (\"Eastfield Rovers have 41 points\"); else empty.", "")
    cues: str = col(
        "str", "What else the sentence says about the figure, joined by '; ': addition (\"a further six\"), "
        "part (\"in cash\"), part of: the whole (\"three of his eight children\": eight), "
        "whole (\"152 of the 300 seats\": the 300), total (\"so far\"), "
        "to date (a running toll told as it stands now, \"has infected 389 people\": the total to date), "
        "background (an earlier or other event, with why), "
        "forecast (an expected date), act: arrest | charge | plea | verdict | sentence | appeal | departure | "
        "discovery | unveiling | release (the step of a case a date belongs to: \"convicted on Thursday\"; the "
        "start of a journey: \"left Kelsa at 4 a.m.\"; when someone noticed what had happened: \"staff noticed "
        "she was missing at around 10.30am\"; a product's unveiling or its going on sale), "
        "conversion (a figure given in two units), "
        "offset: before | after (a duration that says when: \"married two weeks ago\"), "
        "label: the noun that makes a number a name, exact to its last digit (\"the 12200 block of\": block), "
        "stance: agreed | demand (a figure of a bargain, as its clause tells it: \"pilots will get 10%\", "
        "\"the union wants 15%\"), "
        "cause (an outcome statement naming what made a happening happen: \"caused by a sky lantern\"; "
        "its value is the cause's phrase), "
        "holder (the model its clause names when the article names several: \"$1,199 for the 13-inch\"; "
        "\"none of the article's models\" for a figure of a measure the article gives per model but ties "
        "to none: it may agree with a figure, never disagree).", "")
    attributed_to: str = col(
        "str", "Who gives the figure, when the sentence says (\"according to X\", \"X said\").", "")
    source: str = col("str", "Source label used in the report (S1, S2, ... in documents.csv order).", "")
    outlet: str = col("str", "Publisher of the source document, when known.", "")
    title: str = col("str", "Headline of the source document (its first sentence or file name when it has none).", "")
    url: str = col("str", "URL of the source document, when known.", "")


@dataclass(frozen=True)
class FindingRow:
    """processed/findings.csv: long form, one row per source statement in a finding."""

    finding_id: str = col("str", "Id of the finding (F7K2Q): a digest of its kind and first statement, "
                                 "kept across reruns; rank gives the order.")
    kind: str = col("str", " | ".join(kinds.NAMES) + ".")
    topic: str = col("str", "Short label of what the finding is about.")
    doc_id: str = col("str", "Document the statement comes from.")
    quote: str = col("str", "The statement, an exact substring of that document's clean text.")
    value: str = col("str", "The value the statement gives (number or TimeML date), as text.")
    unit: str = col("str", "Unit of the value.")
    as_of: str = col("str", "Time the statement refers to.")
    note: str = col("str", "Explanation a reader can act on (different years, units, rounding, ...).")
    rank: int = col("int", "1 = most important finding.", 0)
    score: float = col("float", "Importance score used for the rank.", 0.0)
    claim_id: str = col("str", "The claims.csv row behind this statement.", "")
    quote_start: int = col("int", "Offset of the quote in the clean text.", 0)
    quote_end: int = col("int", "Offset just past the quote.", 0)
    published: str = col("date", "Publication date of the source document.", "")
    side: str = col("str", "Position within the finding: statements with the same letter (A, B, ...) agree with "
                           "each other; A is the side most sources take (in an update, the earliest).", "")
    source: str = col("str", "Source label used in the report (S1, S2, ... in documents.csv order).", "")
    outlet: str = col("str", "Publisher of the source document, when known.", "")
    title: str = col("str", "Headline of the source document (its first sentence or file name when it has none).", "")
    url: str = col("str", "URL of the source document, when known.", "")


@dataclass(frozen=True)
class ChangeRow:
    """processed/changes.csv: what changed since the previous run on the same output folder."""

    change: str = col("str", "first_run | document_added | document_removed | document_changed | finding_new | "
                             "finding_resolved | finding_changed.")
    doc_id: str = col("str", "Document concerned (document changes); empty for findings.", "")
    finding_id: str = col("str", "Finding id in this run (new, changed) or in the previous run (resolved).", "")
    kind: str = col("str", "Finding kind (this run's; the previous one for resolved findings).", "")
    topic: str = col("str", "Finding topic or document title.", "")
    detail: str = col("str", "What changed, in words (values before and after, kind before and after).", "")


CSV_SCHEMAS: dict[str, type] = {
    "documents.csv": DocumentRow,
    "blocks.csv": BlockRow,
    "entities.csv": EntityRow,
    "numbers.csv": NumberRow,
    "dates.csv": DateRow,
    "claims.csv": ClaimRow,
    "findings.csv": FindingRow,
    "changes.csv": ChangeRow,
}

# Stable sort keys per CSV so that the same inputs give byte-identical files.
SORT_KEYS: dict[type, tuple[str, ...]] = {
    DocumentRow: ("doc_id",),
    BlockRow: ("doc_id", "block_no"),
    EntityRow: ("doc_id", "start", "end", "label"),
    NumberRow: ("doc_id", "start", "end"),
    DateRow: ("doc_id", "start", "end"),
    ClaimRow: ("doc_id", "start", "kind", "claim_id"),
    FindingRow: ("rank", "finding_id", "doc_id", "quote_start"),
    ChangeRow: ("change", "finding_id", "doc_id"),
}


def columns(row_type: type) -> list[str]:
    return [f.name for f in dataclasses.fields(row_type)]


def _cell(value: Any) -> Any:
    """Fixed, locale-free formatting so CSVs are byte-stable and safe to open in a spreadsheet."""
    if type(value) is str:  # most cells: checked first
        if value.startswith(_FORMULA_PREFIXES) or (value.startswith("-") and not _PLAIN_NEGATIVE.fullmatch(value)):
            return "'" + value
        return value
    if type(value) is int:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".10g")
    if isinstance(value, str) and (value.startswith(_FORMULA_PREFIXES) or (
            value.startswith("-") and not _PLAIN_NEGATIVE.fullmatch(value))):
        return "'" + value
    return value


def table(rows: Iterable[Any], row_type: type) -> list[list[Any]]:
    """Rows -> the schema's cells, row by row: stably sorted by the schema's keys, cells formatted."""
    names = columns(row_type)
    getters = [operator.attrgetter(n) for n in names]  # rows are flat: no deep copy (astuple's) needed
    records = [tuple(g(r) for g in getters) for r in rows]
    keys = SORT_KEYS.get(row_type, ())
    if keys:
        index = [names.index(k) for k in keys]
        records.sort(key=lambda r: tuple((x is None, x) for x in (r[i] for i in index)))
    return [[_cell(v) for v in r] for r in records]


def to_frame(rows: Iterable[Any], row_type: type) -> pd.DataFrame:
    """Rows -> DataFrame with the schema's columns (even when empty), stably sorted, cells formatted."""
    return pd.DataFrame(table(rows, row_type), columns=columns(row_type), dtype=object)


def to_csv_bytes(rows: Iterable[Any], row_type: type) -> bytes:
    """The CSV file of these rows, byte for byte what ``to_frame(...).to_csv(index=False,
    lineterminator="\n")`` writes (pandas writes through the same ``csv`` module), without
    building the DataFrame: at 1,000 documents the CSVs are a million cells."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns(row_type))
    writer.writerows(table(rows, row_type))
    return out.getvalue().encode("utf-8")


def markdown_table(row_type: type) -> str:
    """The README table for one CSV: column, type, meaning."""
    lines = ["| column | type | meaning |", "| --- | --- | --- |"]
    for f in dataclasses.fields(row_type):
        meaning = f.metadata["meaning"].replace("|", "\\|")
        lines.append(f"| `{f.name}` | {f.metadata['type']} | {meaning} |")
    return "\n".join(lines)


def schema_markdown() -> str:
    """All CSV tables, as the README embeds them between its schema markers."""
    parts = []
    for name, row_type in CSV_SCHEMAS.items():
        parts.append(f"#### `processed/{name}`\n\n{(row_type.__doc__ or '').strip()}\n\n{markdown_table(row_type)}")
    return "\n\n".join(parts)


def check_rows(rows: Sequence[Any], row_type: type) -> None:
    """Raise if any row is not of the declared type (guards the CSV boundary)."""
    for r in rows:
        if not isinstance(r, row_type):
            raise TypeError(f"expected {row_type.__name__}, got {type(r).__name__}")


# CSV column types -> Frictionless Table Schema field types.
_FRICTIONLESS_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "date": "string"}


def datapackage(name: str = "newscompare-output") -> dict[str, Any]:
    """A Frictionless Data Package describing every CSV (types, meanings, keys), from this module.

    Written as ``processed/datapackage.json`` so pandas, spreadsheet and frictionless users get
    each column's type and meaning. Dates are strings: they may be partial ("2024-03", "2024-W11").
    """
    resources = []
    for file_name, row_type in CSV_SCHEMAS.items():
        fields = []
        for f in dataclasses.fields(row_type):
            spec: dict[str, Any] = {"name": f.name, "type": _FRICTIONLESS_TYPES[f.metadata["type"]],
                                    "description": f.metadata["meaning"]}
            if spec["type"] == "boolean":
                spec.update(trueValues=["true"], falseValues=["false"])
            if f.metadata["type"] == "date":
                spec["format"] = "default"
                spec["description"] += " (ISO 8601, possibly partial: 2024, 2024-03, 2024-03-05.)"
            fields.append(spec)
        resources.append({
            "name": file_name.removesuffix(".csv"),
            "path": file_name,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": (row_type.__doc__ or "").strip(),
            "schema": {"fields": fields, "missingValues": [""]},
        })
    return {"name": name, "profile": "tabular-data-package", "resources": resources}
