"""ReportContext: every figure, card, matrix and annotated paragraph the template shows, precomputed.

``build_context`` is pure: it takes the stage outputs and returns frozen dataclasses, so the
template only loops and prints, and every number it prints can be traced to a CSV row (finding
ids and claim ids are carried along for that). Sources are named as readers name them ("S3 CSIS",
``documents.source_infos``), never by document id.
"""

from __future__ import annotations

import dataclasses
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.clean.language import is_english, language_name
from pipeline.compare.text import STOPWORDS
from pipeline.documents import CleanDocument, Comparison, Finding, Mentions, SourceInfo, source_infos
from pipeline.documents import Statement as FoundStatement
from pipeline.report import story
from pipeline.report.annotate import (
    LEGEND,
    NON_NAME_LABELS,
    QuoteMark,
    Segment,
    annotate_text,
    entity_class,
)
from pipeline.report.charts import TimelinePoint, timeline_svg_data_uri
from pipeline.schema import ChangeRow, DocumentRow
from pipeline.vocab import kinds
from pipeline.vocab.kinds import Kind

# Rows and columns of the entity matrix: 25 rows fit one page at the matrix's font size, and
# 10 source columns keep a cell wide enough for a three-digit count on A4 portrait.
MATRIX_TOP_ENTITIES = 25
MATRIX_MAX_COLUMNS = 10
# Cell shading steps (share of the row's maximum) so heavy coverage stands out at a glance.
MATRIX_SHADES = (0.0, 0.34, 0.67)
# With that many documents, the matrix shows only the sources naming its names most often.
MATRIX_SOURCES_AT_SCALE = 30
# ... and the timeline only the sources with the most findings' dates, then the most dates: one
# row per source in 9 inches was unreadable at 1,000 sources (and 8 s to draw).
TIMELINE_SOURCES_AT_SCALE = 30
FINDING_DATE_WEIGHT = 1_000_000
# A highlight covering more of the quote than this is not a value (assessments cite sentences).
HIGHLIGHT_MAX_SHARE = 0.6
# Up to this many documents the annotated texts are complete; beyond, only the paragraphs that
# carry a statement used in a finding are shown (``full_texts=True`` forces complete texts).
FULL_TEXTS_MAX_DOCUMENTS = 30
# With that many documents, the first findings in rank order are shown as full cards (statements
# and quotes), the others as one line each (kind, topic, positions): the report stays readable
# and its size grows by a line, not half a page, per finding (every statement is in the CSVs).
FULL_CARDS_AT_SCALE = 50
# ... and a card shows at most this many statements (its positions line still names every side).
CARD_STATEMENTS_AT_SCALE = 8
# At scale, the long lists (sources, source agreement, annotated texts, the appendix's lines) are
# printed in chunks of about this many items, each laid out on its own (report/paged.py): a rerun
# that adds a source lays out again only the chunks it changes. A chunk ends after an item whose
# key hashes to 0 modulo the size (so an insertion moves no other boundary), or at twice the size.
CHUNK_ITEMS = {"sources": 100, "agreement": 100, "texts": 8, "removed": 60}
# Key findings at scale: full cards (half a page each) and one-line findings are chunked apart,
# so that the long section is laid out in parts of similar cost, in parallel and from the cache.
CHUNK_CARDS = {"full": 6, "compact": 100}
# The report's list of each kind's findings (vocab.kinds ``section``).
_CARD_SECTIONS = {"conflict": "conflicts", "agreement": "corroborations", "update": "superseded"}
# Appendix: removed blocks longer than this are cut (the full text is in processed/blocks.csv).
APPENDIX_MAX_CHARS = 300
# Subject inference: entities named by at least this share of the sources, at most this many.
SUBJECT_MIN_DOC_SHARE = 0.5
SUBJECT_MAX_TERMS = 3
# Title words that name no subject: compare's stop words and the headline's "vs".
_TITLE_STOPWORDS = STOPWORDS | {"vs"}


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    count: int


@dataclass(frozen=True)
class Summary:
    subject: str
    n_sources: int
    n_ok: int
    n_failed: int
    first_published: str
    last_published: str
    words_raw: int
    words_clean: int
    words_removed: int
    blocks_removed: int
    n_claims: int
    n_findings: int
    findings_by_kind: tuple[KindCount, ...]
    n_entities: int
    n_numbers: int
    n_dates: int


@dataclass(frozen=True)
class Statement:
    """One source's side of a finding."""

    doc_id: str
    source_label: str  # S1, S2, ...
    outlet: str
    title: str
    published: str
    value: str  # formatted for reading; the raw CSV value is in ``raw_value``
    raw_value: str
    as_of: str
    claim_id: str
    quote: tuple[Segment, ...]
    anchor: str  # id of the quote in the annotated text; empty when the doc has no text section
    side: str = ""  # A, B, ...: statements on one side agree (findings.csv's side column)
    position: str = ""  # the value as the side line shows it ("12 km", "7.5 mi", "2011-10-08")
    source_name: str = ""  # "S3 CSIS"
    value_kind: str = ""  # number | date | time | assessment | status | outcome
    claim_ref: str = ""  # the claim id with the source label for the document id ("S3:number:1623")


@dataclass(frozen=True)
class FindingCard:
    finding_id: str
    kind: str
    kind_label: str
    topic: str
    note: str
    rank: int
    score: str
    statements: tuple[Statement, ...]
    colour: str = "#7a8899"  # the kind's accent (pipeline.vocab.kinds)
    positions: str = ""  # "12 km (S2, S5) = 7.5 mi (S3) vs 20 km (S4)"
    compact: bool = False  # at scale, beyond the first findings in rank order: one line
    more_statements: int = 0  # at scale, statements not shown on the card (all are in the CSVs)


@dataclass(frozen=True)
class SourceCard:
    doc_id: str
    label: str
    title: str
    outlet: str
    authors: str
    published: str
    published_basis: str
    url: str
    status: str
    status_reason: str
    words_raw: int
    words_clean: int
    blocks_removed: int
    source_file: str
    not_compared_language: str = ""  # "Arabic": an article in another language, cleaned but not compared


@dataclass(frozen=True)
class MatrixRow:
    canonical: str
    css_class: str
    label: str
    n_sources: int
    cells: tuple[tuple[int, str], ...]  # (count, shade class) per column


@dataclass(frozen=True)
class EntityMatrix:
    columns: tuple[str, ...]  # source labels
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class AnnotatedText:
    doc_id: str
    label: str
    title: str
    outlet: str
    published: str
    paragraphs: tuple[tuple[Segment, ...], ...]
    finding_ids: tuple[str, ...]


@dataclass(frozen=True)
class RemovedBlock:
    block_no: int
    label: str
    reason: str
    text: str
    truncated: bool


@dataclass(frozen=True)
class RemovedSection:
    doc_id: str
    label: str
    title: str
    blocks: tuple[RemovedBlock, ...]  # empty at scale: then only ``counts`` is shown
    counts: str = ""  # "34 blocks: 20 boilerplate, 8 spillover, 6 byline"
    n_removed: int = 0


@dataclass(frozen=True)
class TimelineConflict:
    finding_id: str
    topic: str
    values: str  # "S1 2023-05 · S3 2023-06"


@dataclass(frozen=True)
class DayHours:
    """Times of day given for one day: "08:30 (S5 ITWeb, S6 MyBroadband) · 09:40 GMT (S5 ITWeb)"."""

    day: str
    times: str


@dataclass(frozen=True)
class ReportContext:
    title: str
    summary: Summary
    conflicts: tuple[FindingCard, ...]
    corroborations: tuple[FindingCard, ...]
    superseded: tuple[FindingCard, ...]
    sources: tuple[SourceCard, ...]
    matrices: tuple[EntityMatrix, ...]  # the entity matrix, split into column chunks
    timeline_svg: str  # data: URI, empty when no dated events
    timeline_points: int
    timeline_sources: int  # rows the chart draws
    timeline_sources_left_out: int  # at scale, sources whose rows the chart leaves out
    timeline_conflicts: tuple[TimelineConflict, ...]
    texts: tuple[AnnotatedText, ...]
    chunks: dict[str, tuple[tuple[object, ...], ...]]  # long lists and finding cards, chunked at scale, else whole
    legend: tuple[tuple[str, str], ...]
    removed: tuple[RemovedSection, ...]
    top: tuple[story.TopLine, ...] = ()
    agreement: tuple[story.AgreementRow, ...] = ()
    outlier: str = ""
    single_source: tuple[story.SingleClaim, ...] = ()
    changes: tuple[story.ChangeLine, ...] = ()
    first_run: bool = False
    texts_excerpted: bool = False  # annotated texts show only the paragraphs used in findings
    texts_left_out: tuple[str, ...] = ()  # at scale: labels of sources with no paragraph shown
    full_cards_at_scale: int = 0
    matrix_sources_at_scale: int = 0
    hours: tuple[DayHours, ...] = ()  # times of day the sources give, per day
    # The printed report at scale (``print_view``): items of each long list left out of the PDF
    # (report.html and the CSVs have them all).
    left_out: dict[str, int] = field(default_factory=dict)


def build_context(
    documents: Sequence[DocumentRow],
    cleaned: Sequence[CleanDocument],
    mentions: Sequence[Mentions],
    comparison: Comparison,
    *,
    subject: str = "",
    title: str = "Source comparison report",
    with_timeline: bool = True,
    changes: Sequence[ChangeRow] = (),
    full_texts: bool | None = None,
) -> ReportContext:
    """Everything the template shows; ``subject`` overrides the inferred one. ``changes`` are
    this run's changes.csv rows; ``full_texts`` forces complete (True) or excerpted (False)
    annotated texts (default: complete up to FULL_TEXTS_MAX_DOCUMENTS documents)."""
    docs = tuple(documents)
    clean_by_id = {c.doc_id: c for c in cleaned}
    mentions_by_id = {m.doc_id: m for m in mentions}
    # Sources are numbered S1..Sn in document order (documents.source_infos, shared with the CSVs).
    infos = source_infos(docs, cleaned)
    ids = list(infos)
    labels = {doc_id: info.label for doc_id, info in infos.items()}
    names = {doc_id: info.name for doc_id, info in infos.items()}
    doc_by_id = {d.doc_id: d for d in docs}
    excerpt = not full_texts if full_texts is not None else len(clean_by_id) > FULL_TEXTS_MAX_DOCUMENTS

    # At scale only the statements shown on full cards are marked in the texts (and so excerpted).
    in_full = ([_shown_at_scale(f) for f in comparison.findings[:FULL_CARDS_AT_SCALE]] if excerpt
               else comparison.findings)
    anchors = {
        (st.doc_id, st.quote_start): _anchor(st.doc_id, st.quote_start)
        for f in in_full
        for st in f.statements
        if st.doc_id in clean_by_id
    }
    cards = tuple(_finding_card(f, infos, anchors) for f in comparison.findings)
    if excerpt:
        shown = [_finding_card(f, infos, anchors).statements for f in in_full]
        cards = tuple(_at_scale(card, i, shown[i] if i < len(shown) else ()) for i, card in enumerate(cards))

    quote_marks = _quote_marks(in_full, clean_by_id, names, anchors)
    rank_of = {f.finding_id: f.rank for f in comparison.findings}  # a text's findings in rank order
    all_texts = tuple(
        AnnotatedText(
            doc_id=c.doc_id,
            label=labels[c.doc_id],
            title=infos[c.doc_id].title,
            outlet=infos[c.doc_id].outlet,
            published=infos[c.doc_id].published,
            paragraphs=_paragraphs(annotate_text(
                c.text, mentions_by_id.get(c.doc_id, _empty(c.doc_id)), quote_marks.get(c.doc_id, ())
            ), excerpt),
            finding_ids=tuple(sorted({q.finding_id for q in quote_marks.get(c.doc_id, ())}, key=rank_of.__getitem__)),
        )
        for c in (clean_by_id[i] for i in ids if i in clean_by_id)
    )
    texts = tuple(t for t in all_texts if t.paragraphs or not excerpt)

    summary = _summary(docs, cleaned, mentions, comparison, subject)
    short = {doc_id: story.short_name(info) for doc_id, info in infos.items()}
    points, conflicts = _timeline_points(ids, short, doc_by_id, clean_by_id, mentions_by_id, cards)
    all_rows = [short[i] for i in ids if i in clean_by_id]
    rows = busiest_rows(points, all_rows, TIMELINE_SOURCES_AT_SCALE) if excerpt else all_rows
    shown = set(rows)
    points = tuple(p for p in points if p.row in shown)
    agreement, outlier = story.agreement_rows(comparison.findings, names)
    sources = tuple(_source_card(doc_by_id.get(i), clean_by_id.get(i), infos[i]) for i in ids)
    removed = tuple(
        _removed_section(c, labels[c.doc_id], infos[c.doc_id].title, every_block=not excerpt)
        for c in (clean_by_id[i] for i in ids if i in clean_by_id)
        if any(not b.kept for b in c.blocks)
    )
    lists = {"sources": (sources, [d.label for d in sources]), "agreement": (agreement, [a.name for a in agreement]),
             "texts": (texts, [t.label for t in texts]), "removed": (removed, [r.label for r in removed])}
    chunks = {name: content_chunks(items, keys, CHUNK_ITEMS[name]) if excerpt else ((tuple(items),) if items else ())
              for name, (items, keys) in lists.items()}
    sections = {"conflicts": [], "corroborations": [], "superseded": []}
    for c in cards:
        sections[_CARD_SECTIONS[kinds.kind(c.kind).section]].append(c)
    chunks |= {name: card_chunks(section_cards) if excerpt else ((tuple(section_cards),) if section_cards else ())
               for name, section_cards in sections.items()}
    change_view, first_run = story.change_lines(changes, names)
    svg = timeline_svg_data_uri(points, rows) if (with_timeline and points) else ""
    return ReportContext(
        title=title,
        summary=summary,
        conflicts=tuple(sections["conflicts"]),
        corroborations=tuple(sections["corroborations"]),
        superseded=tuple(sections["superseded"]),
        sources=sources,
        matrices=_entity_matrices(ids, short, mentions_by_id, MATRIX_SOURCES_AT_SCALE if excerpt else None),
        timeline_svg=svg,
        timeline_points=len(points),
        timeline_sources=len(rows),
        timeline_sources_left_out=len(all_rows) - len(rows),
        timeline_conflicts=conflicts,
        texts=texts,
        chunks=chunks,
        legend=LEGEND,
        removed=removed,
        top=story.top_lines(comparison.findings, {c.finding_id: c.positions for c in cards}),
        agreement=agreement,
        outlier=outlier,
        single_source=story.single_source_claims(comparison.claims, comparison.findings, names),
        changes=change_view,
        first_run=first_run,
        texts_excerpted=excerpt,
        texts_left_out=tuple(t.label for t in all_texts if excerpt and not t.paragraphs),
        full_cards_at_scale=FULL_CARDS_AT_SCALE,
        matrix_sources_at_scale=MATRIX_SOURCES_AT_SCALE,
        hours=_day_hours(ids, short, mentions_by_id),
    )


def _day_hours(ids: Sequence[str], names: dict[str, str], mentions_by_id: dict[str, Mentions]) -> tuple[DayHours, ...]:
    """Same-day coverage at the resolution of hours: every time of day with a known day."""
    by_day: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for doc_id in ids:
        m = mentions_by_id.get(doc_id)
        for d in m.dates if m else ():
            if d.granularity == "time" and re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d", d.value):
                when = f"{d.value[11:16]} {d.zone}".strip()
                if names[doc_id] not in by_day[d.value[:10]][when]:
                    by_day[d.value[:10]][when].append(names[doc_id])
    return tuple(DayHours(day, " · ".join(f"{t} ({', '.join(srcs)})" for t, srcs in sorted(times.items())))
                 for day, times in sorted(by_day.items()))


def _at_scale(card: FindingCard, index: int, shown: Sequence[Statement]) -> FindingCard:
    """A card in a report of many sources: one line past the first findings; otherwise only the
    ``shown`` statements (the rest are counted; the positions line still names every source)."""
    if index >= FULL_CARDS_AT_SCALE:
        return dataclasses.replace(card, compact=True)
    return dataclasses.replace(card, statements=tuple(shown), more_statements=len(card.statements) - len(shown))


def _shown_at_scale(f: Finding) -> Finding:
    """The finding with at most CARD_STATEMENTS_AT_SCALE statements, taken in turn from each side
    (in source order within a side) so that every position is quoted on the card."""
    if len(f.statements) <= CARD_STATEMENTS_AT_SCALE:
        return f
    by_side: dict[str, list[FoundStatement]] = defaultdict(list)
    for st in sorted(f.statements, key=lambda x: (x.doc_id, x.quote_start)):
        by_side[st.side or _statement_value(st)].append(st)
    queues = list(by_side.values())
    picked: list[FoundStatement] = []
    while len(picked) < CARD_STATEMENTS_AT_SCALE:
        for queue in queues:
            if queue and len(picked) < CARD_STATEMENTS_AT_SCALE:
                picked.append(queue.pop(0))
    return dataclasses.replace(f, statements=tuple(sorted(picked, key=lambda x: (x.doc_id, x.quote_start))))


def _removed_section(doc: CleanDocument, label: str, title: str, *, every_block: bool) -> RemovedSection:
    """What cleaning removed from one source: every block, or (at scale) the counts by label."""
    removed = [b for b in doc.blocks if not b.kept]
    by_label = Counter(b.label for b in removed)
    counts = f"{len(removed)} blocks: " + ", ".join(f"{n} {lab}" for lab, n in by_label.most_common())
    blocks = tuple(
        RemovedBlock(b.block_no, b.label, b.reason, _cut(b.text), len(b.text) > APPENDIX_MAX_CHARS) for b in removed
    ) if every_block else ()
    return RemovedSection(doc.doc_id, label, title, blocks, counts, len(removed))


def _paragraphs(paragraphs: tuple[tuple[Segment, ...], ...], excerpt: bool) -> tuple[tuple[Segment, ...], ...]:
    """All paragraphs, or (for large sets) only those carrying a finding's footnote."""
    if not excerpt:
        return paragraphs
    return tuple(p for p in paragraphs if any(seg.css_class == "fn" for seg in p))


def _empty(doc_id: str) -> Mentions:
    return Mentions(doc_id=doc_id)


def _anchor(doc_id: str, start: int) -> str:
    return f"q-{doc_id}-{start}"


def _cut(text: str) -> str:
    return text if len(text) <= APPENDIX_MAX_CHARS else text[: APPENDIX_MAX_CHARS - 1].rstrip() + "…"


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_UNIT_SYMBOLS = {"percent": "%", "USD": "$", "EUR": "€", "GBP": "£"}


_NUMBER_RANGE = re.compile(rf"{_NUMBER.pattern}-{_NUMBER.pattern}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")  # "2024-03" is a month, not the range 2024 to 3
_QUALIFIER_WORDS = ((">=", "at least "), ("<=", "at most "), (">", "more than "), ("<", "less than "),
                    ("~", "about "))


_TIME_VALUE = re.compile(r"([0-9X]{4}-[0-9X]{2}-[0-9X]{2})T(\d\d:\d\d)")


_RATE_VALUE = re.compile(r"(?P<value>\S+) (?P<per>a (?:year|season|month|week|day))")


def format_value(value: str, unit: str, *, is_date: bool = False) -> str:
    """Readable value, one style everywhere: 13500000000 USD -> $13.5bn, 30 percent -> 30%, a rate
    "23000000 a year" USD -> "$23m a year",
    ">=10" -> "at least 10", "10-12" -> "10-12", "~2-5" days ("a few days") -> "about 2-5 days",
    66.66666667 percent -> 66.67%; dates unchanged but
    a time's "T" (TimeML "XXXX-XX-XXT19:00" -> "19:00")."""
    value = value.strip()
    if (rate := _RATE_VALUE.fullmatch(value)) and not is_date:  # "23000000 a year" -> "$23m a year"
        return f"{format_value(rate['value'], unit)} {rate['per']}"
    day, clock = _TIME_VALUE.fullmatch(value).groups() if _TIME_VALUE.fullmatch(value) else ("", "")
    if clock:  # TimeML "2013-09-13T19:01" -> "2013-09-13 19:01"; a time with no known day, "19:00"
        return f"{clock if day.startswith('X') else f'{day} {clock}'} {unit}".strip()
    if is_date:
        return f"{value} {unit}".strip()
    for mark, words in _QUALIFIER_WORDS:
        rest = value[len(mark):]
        if value.startswith(mark) and (_NUMBER.fullmatch(rest) or _NUMBER_RANGE.fullmatch(rest)):
            return words + format_value(rest, unit)  # "~2-5" days ("a few days") -> "about 2-5 days"
    low, dash, high = value.partition("-")
    if dash and low and _NUMBER.fullmatch(low) and _NUMBER.fullmatch(high) and not _ISO_MONTH.fullmatch(value):
        return f"{format_value(low, '')}-{format_value(high, unit)}"
    if not _NUMBER.fullmatch(value):
        return f"{value} {unit}".strip()
    x = float(value)
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(x) >= size:
            num = f"{x / size:.3g}{suffix}"
            break
    else:
        num = f"{x:,.2f}".rstrip("0").rstrip(".") if not x.is_integer() else f"{int(x):,}"
    symbol = _UNIT_SYMBOLS.get(unit)
    if unit == "percent":
        return f"{num}%"
    if symbol:
        return f"{symbol}{num}"
    return f"{num} {unit}".strip()


def _statement_value(st: FoundStatement) -> str:
    if not st.value:
        return ""
    return format_value(st.value, st.unit, is_date=st.value_kind == "date")


def _quote_segments(st: FoundStatement) -> tuple[Segment, ...]:
    """The quote with the statement's value highlighted (its mention's offsets inside the quote)."""
    quote = st.quote
    lo, hi = st.mention_start - st.quote_start, st.mention_end - st.quote_start
    # A judgement spans the whole sentence; bolding all of it would highlight nothing.
    if not (0 <= lo < hi <= len(quote)) or (hi - lo) > HIGHLIGHT_MAX_SHARE * len(quote):
        return (Segment(quote),)
    css = "date" if st.value_kind == "date" else "num"
    parts = [Segment(quote[:lo]), Segment(quote[lo:hi], f"{css} hl", f"value {st.value} {st.unit}".strip()),
             Segment(quote[hi:])]
    return tuple(p for p in parts if p.text)


def _finding_card(f: Finding, infos: dict[str, SourceInfo], anchors: dict[tuple[str, int], str]) -> FindingCard:
    statements = []
    names = {doc_id: info.name for doc_id, info in infos.items()}
    for st in sorted(f.statements, key=lambda x: (x.doc_id, x.quote_start)):
        info = infos.get(st.doc_id) or SourceInfo(st.doc_id, "?")
        statements.append(
            Statement(
                doc_id=st.doc_id,
                source_label=info.label,
                outlet=info.outlet,
                title=info.title,
                published=st.published or info.published,
                value=_statement_value(st),
                raw_value=f"{st.value} {st.unit}".strip(),
                as_of=st.as_of,
                claim_id=st.claim_id,
                quote=_quote_segments(st),
                anchor=anchors.get((st.doc_id, st.quote_start), ""),
                side=st.side,
                position=_position_value(st),
                source_name=info.name,
                value_kind=st.value_kind,
                claim_ref=st.claim_id.replace(st.doc_id, info.label, 1) if st.claim_id else "",
            )
        )
    return FindingCard(
        finding_id=f.finding_id,
        kind=f.kind,
        kind_label=kinds.kind(f.kind).label,
        colour=kinds.kind(f.kind).colour,
        topic=f.topic,
        note=story.name_sources(f.note, names),
        rank=f.rank,
        score=f"{f.score:.2f}" if f.score else "",
        statements=tuple(statements),
        positions=positions_line(f.kind, statements),
    )


# A mention longer than this reads as a phrase, not a value: the side line shows the value instead.
POSITION_MENTION_MAX = 28


def _position_value(st: FoundStatement) -> str:
    """The value as its source wrote it ("7.5 mi", "about 12 km"), else as normalised."""
    mention = " ".join(st.mention.split())
    if st.value_kind == "number" and mention and len(mention) <= POSITION_MENTION_MAX:
        return mention
    return _statement_value(st) or mention[:POSITION_MENTION_MAX]


def positions_line(kind: str, statements: Sequence[Statement]) -> str:
    """The sides of a finding on one line: values of one side joined by "=", sides by "vs" (a
    disagreement) or "→" (an update, in publication order), each value with its sources."""
    sides: dict[str, dict[str, list[str]]] = {}
    for st in sorted(statements, key=lambda x: (x.side, x.source_label)):
        if st.side and st.position:
            labels = sides.setdefault(st.side, {}).setdefault(st.position, [])
            name = st.source_name or st.source_label
            if name not in labels:
                labels.append(name)
    if not sides:
        return ""
    joiner = " → " if kind == Kind.SUPERSEDED else " vs "
    return joiner.join(" = ".join(f"{value} ({', '.join(labels)})" for value, labels in values.items())
                       for _, values in sorted(sides.items(), key=lambda kv: (len(kv[0]), kv[0])))


def _quote_marks(
    findings: Sequence[Finding],
    clean_by_id: dict[str, CleanDocument],
    labels: dict[str, str],
    anchors: dict[tuple[str, int], str],
) -> dict[str, tuple[QuoteMark, ...]]:
    """Footnotes for the annotated texts: per statement, what the other sources say."""
    marks: dict[str, list[QuoteMark]] = defaultdict(list)
    for f in findings:
        label = kinds.kind(f.kind).label
        for st in sorted(f.statements, key=lambda x: (x.doc_id, x.quote_start)):
            if st.doc_id not in clean_by_id:
                continue
            here = _statement_value(st)
            others = "; ".join(
                f"{labels.get(o.doc_id, o.doc_id)} " + (_statement_value(o) or "(no value)")
                for o in sorted(f.statements, key=lambda x: (x.doc_id, x.quote_start))
                if o is not st and o.doc_id != st.doc_id
            )
            text = f"{label}: {f.topic}."
            if here:
                text += f" Here {here}"
                text += f"; {others}." if others else "."
            elif others:
                text += f" Others: {others}."
            marks[st.doc_id].append(
                QuoteMark(
                    st.quote_start, st.quote_end, f.finding_id, anchors.get((st.doc_id, st.quote_start), ""), text
                )
            )
    return {k: tuple(v) for k, v in marks.items()}


def _source_card(doc: DocumentRow | None, clean: CleanDocument | None, info: SourceInfo) -> SourceCard:
    doc_id, label = info.doc_id, info.label
    if doc is None:
        meta = clean.meta if clean else None
        return SourceCard(
            doc_id,
            label,
            info.title,
            meta.outlet if meta else "",
            "; ".join(meta.authors) if meta else "",
            meta.published if meta else "",
            meta.published_basis if meta else "",
            meta.url if meta else "",
            "ok",
            "",
            clean.words_raw if clean else 0,
            clean.words_clean if clean else 0,
            sum(not b.kept for b in clean.blocks) if clean else 0,
            "",
            _not_compared_language(clean.language if clean else ""),
        )
    return SourceCard(
        doc.doc_id, label, info.title, doc.outlet, doc.authors, doc.published, doc.published_basis, doc.url,
        doc.status, doc.status_reason, doc.words_raw, doc.words_clean, doc.blocks_removed, doc.source_file,
        _not_compared_language(doc.language if doc.status == "ok" else ""),
    )


def _not_compared_language(code: str) -> str:
    return "" if is_english(code) else language_name(code)


def _entity_matrices(
    ids: Sequence[str], labels: dict[str, str], mentions_by_id: dict[str, Mentions], max_sources: int | None = None
) -> tuple[EntityMatrix, ...]:
    """Top canonical names by number of sources (then mentions), split into column chunks; with
    ``max_sources``, only the sources with the most mentions of those names (in source order)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id in ids:
        m = mentions_by_id.get(doc_id)
        if m is None:
            continue
        for e in m.entities:
            if e.label in NON_NAME_LABELS:
                continue
            name = e.canonical or e.text
            counts[name][doc_id] += 1
            label_votes[name][e.label] += 1
    top = sorted(counts, key=lambda n: (-len(counts[n]), -sum(counts[n].values()), n))[:MATRIX_TOP_ENTITIES]
    if not top:
        return ()
    with_mentions = [i for i in ids if i in mentions_by_id]
    if max_sources is not None and len(with_mentions) > max_sources:
        weight = {i: sum(counts[name][i] for name in top) for i in with_mentions}
        order = {i: n for n, i in enumerate(with_mentions)}
        chosen = set(sorted(with_mentions, key=lambda i: (-weight[i], order[i]))[:max_sources])
        with_mentions = [i for i in with_mentions if i in chosen]
    chunks = [with_mentions[i : i + MATRIX_MAX_COLUMNS] for i in range(0, len(with_mentions), MATRIX_MAX_COLUMNS)]
    matrices = []
    for chunk in chunks:
        rows = []
        for name in top:
            peak = max(counts[name].values())
            label = label_votes[name].most_common(1)[0][0]
            cells = tuple((counts[name][d], _shade(counts[name][d], peak)) for d in chunk)
            rows.append(MatrixRow(name, entity_class(label), label, len(counts[name]), cells))
        matrices.append(EntityMatrix(tuple(labels[d] for d in chunk), tuple(rows)))
    return tuple(matrices)


def _shade(count: int, peak: int) -> str:
    if count == 0:
        return "c0"
    share = count / peak
    return f"c{sum(share > t for t in MATRIX_SHADES)}"


def _timeline_points(
    ids: Sequence[str],
    labels: dict[str, str],
    doc_by_id: dict[str, DocumentRow],
    clean_by_id: dict[str, CleanDocument],
    mentions_by_id: dict[str, Mentions],
    cards: Sequence[FindingCard],
) -> tuple[tuple[TimelinePoint, ...], tuple[TimelineConflict, ...]]:
    points: list[TimelinePoint] = []
    for doc_id in ids:
        row = labels[doc_id]
        doc = doc_by_id.get(doc_id)
        published = doc.published if doc else (clean_by_id[doc_id].meta.published if doc_id in clean_by_id else "")
        if published:
            points.append(TimelinePoint(row, published, "published", ""))
        m = mentions_by_id.get(doc_id)
        for d in m.dates if m else ():
            if d.value:
                points.append(TimelinePoint(row, d.value, "event", ""))
    conflicts = []
    for card in cards:
        if card.kind in (Kind.CORROBORATION, Kind.SUPERSEDED):
            for s in card.statements:
                if s.value_kind == "date":
                    points.append(TimelinePoint(labels.get(s.doc_id, s.source_label), s.raw_value.split(" ")[0],
                                                "finding", card.finding_id))
        if card.kind != Kind.DATE_CONFLICT:
            continue
        for s in card.statements:
            points.append(TimelinePoint(labels.get(s.doc_id, s.source_label), s.raw_value.split(" ")[0], "conflict",
                                        card.finding_id))
        conflicts.append(
            TimelineConflict(
                card.finding_id, card.topic, " · ".join(f"{s.source_name or s.source_label} {s.value}"
                                                         for s in card.statements)
            )
        )
    return tuple(points), tuple(conflicts)


def content_chunks(items: Sequence[object], keys: Sequence[str], size: int) -> tuple[tuple[object, ...], ...]:
    """The items in consecutive chunks of about ``size``: one ends after an item whose key hashes
    to 0 modulo ``size`` (once it holds a quarter of the size), or at twice the size. Boundaries
    depend on the items' keys, not their positions, so inserting an item changes one chunk."""
    chunks: list[tuple[object, ...]] = []
    current: list[object] = []
    for item, key in zip(items, keys, strict=True):
        current.append(item)
        if (len(current) >= max(size // 4, 1) and zlib.crc32(key.encode("utf-8")) % size == 0) \
                or len(current) >= 2 * size:
            chunks.append(tuple(current))
            current = []
    if current:
        chunks.append(tuple(current))
    return tuple(chunks)


def card_chunks(cards: Sequence[FindingCard]) -> tuple[tuple[FindingCard, ...], ...]:
    """A section's cards in chunks: full cards apart from one-line ones (a full card costs many
    times a line to lay out), each run chunked by finding id (``content_chunks``)."""
    full = [c for c in cards if not c.compact]
    compact = [c for c in cards if c.compact]
    return (content_chunks(full, [c.finding_id for c in full], CHUNK_CARDS["full"])
            + content_chunks(compact, [c.finding_id for c in compact], CHUNK_CARDS["compact"]))


# The PDF at scale keeps at most this many items of each long list (one-line findings: beyond the
# full cards), so its size is bounded however many sources a run reads (about 150 pages: the full
# cards and the paragraphs they quote, these lists of about 4 pages each, and the fixed sections);
# reports/report.html has every item.
PRINT_MAX_ITEMS = {"sources": 100, "agreement": 100, "removed": 100,
                   "conflicts": 100, "corroborations": 100, "superseded": 100}
_FINDING_LISTS = ("conflicts", "corroborations", "superseded")


def print_view(ctx: ReportContext) -> ReportContext:
    """The context the PDF is laid out from. At scale (``texts_excerpted``) each long list keeps
    ``PRINT_MAX_ITEMS`` of its items, the ones a reader of a long report turns to first: the one-line
    findings of highest rank, the sources that failed then the first ones, the sources most often
    alone or in a minority, those cleaning removed most from; ``left_out`` counts the rest, which
    the template points to in report.html. The kept items are chunked anew as ``build_context``
    chunks (by content, so a rerun's chunks still match the cache). Below scale, ``ctx`` itself."""
    if not ctx.texts_excerpted:
        return ctx
    chunks = dict(ctx.chunks)
    left_out: dict[str, int] = {}
    for name, limit in PRINT_MAX_ITEMS.items():
        items = [item for chunk in ctx.chunks.get(name, ()) for item in chunk]
        if name in _FINDING_LISTS:
            compact = [c for c in items if c.compact]
            kept = [c for c in items if not c.compact] + compact[:limit]
            n_out = len(compact) - min(len(compact), limit)
        else:
            order = sorted(range(len(items)), key=lambda i: (*_PRINT_PRIORITY[name](items[i]), i))
            kept = [items[i] for i in sorted(order[:limit])]
            n_out = len(items) - len(kept)
        if n_out:
            chunks[name] = card_chunks(kept) if name in _FINDING_LISTS else content_chunks(
                kept, [_PRINT_KEY[name](item) for item in kept], CHUNK_ITEMS[name])
            left_out[name] = n_out
    return dataclasses.replace(ctx, chunks=chunks, left_out=left_out) if left_out else ctx


# Which items of a long list the PDF keeps first (lowest first), and each item's chunking key.
_PRINT_PRIORITY: dict[str, Callable[[Any], tuple]] = {
    "sources": lambda d: (d.status == "ok",),
    "agreement": lambda a: (-a.alone, -a.minority),
    "removed": lambda r: (-r.n_removed,),
}
_PRINT_KEY: dict[str, Callable[[Any], str]] = {
    "sources": lambda d: d.label, "agreement": lambda a: a.name, "removed": lambda r: r.label,
}


def busiest_rows(points: Sequence[TimelinePoint], rows: Sequence[str], limit: int) -> list[str]:
    """At most ``limit`` rows, in their order: those with the most points of findings (conflicts
    and agreed dates), then the most dated points."""
    weight: Counter[str] = Counter()
    for p in points:  # a date of a finding outweighs any number of other dates
        weight[p.row] += FINDING_DATE_WEIGHT if p.finding_id else 1
    order = {r: i for i, r in enumerate(rows)}
    kept = set(sorted(rows, key=lambda r: (-weight[r], order[r]))[:limit])
    return [r for r in rows if r in kept]


def _summary(
    docs: Sequence[DocumentRow],
    cleaned: Sequence[CleanDocument],
    mentions: Sequence[Mentions],
    comparison: Comparison,
    subject: str,
) -> Summary:
    ok = [d for d in docs if d.status == "ok"] if docs else []
    published = sorted(d.published for d in (ok or docs) if d.published) or sorted(
        c.meta.published for c in cleaned if c.meta.published
    )
    words_raw = sum(d.words_raw for d in ok) if docs else sum(c.words_raw for c in cleaned)
    words_clean = sum(d.words_clean for d in ok) if docs else sum(c.words_clean for c in cleaned)
    counts = Counter(f.kind for f in comparison.findings)
    return Summary(
        subject=subject or infer_subject(docs, mentions),
        n_sources=len(docs) if docs else len(cleaned),
        n_ok=len(ok) if docs else len(cleaned),
        n_failed=sum(d.status != "ok" for d in docs),
        first_published=published[0] if published else "",
        last_published=published[-1] if published else "",
        words_raw=words_raw,
        words_clean=words_clean,
        words_removed=max(words_raw - words_clean, 0),
        blocks_removed=sum(not b.kept for c in cleaned for b in c.blocks),
        n_claims=len(comparison.claims),
        n_findings=len(comparison.findings),
        findings_by_kind=tuple(KindCount(k, kinds.kind(k).label, counts.get(k, 0)) for k in kinds.NAMES),
        n_entities=sum(len(m.entities) for m in mentions),
        n_numbers=sum(len(m.numbers) for m in mentions),
        n_dates=sum(len(m.dates) for m in mentions),
    )


def infer_subject(docs: Sequence[DocumentRow], mentions: Sequence[Mentions]) -> str:
    """Names most sources share (by document frequency), else the commonest title words."""
    n_docs = max(len([m for m in mentions if m.entities]), 1)
    doc_freq: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for m in mentions:
        names = [e.canonical or e.text for e in m.entities if e.label not in NON_NAME_LABELS]
        doc_freq.update(set(names))
        total.update(names)
    ranked = sorted(doc_freq, key=lambda n: (-doc_freq[n], -total[n], n))
    shared = [n for n in ranked if doc_freq[n] / n_docs >= SUBJECT_MIN_DOC_SHARE][:SUBJECT_MAX_TERMS]
    if shared:
        return ", ".join(shared)
    words: Counter[str] = Counter()
    for d in docs:
        words.update({w for w in re.findall(r"[A-Za-z][\w'-]+", d.title.lower()) if w not in _TITLE_STOPWORDS})
    common = [w for w, c in words.most_common(SUBJECT_MAX_TERMS) if c > 1]
    return ", ".join(common) if common else "the document set"
