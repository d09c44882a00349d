"""Annotated text: a clean article plus its mentions and finding quotes -> paragraphs of segments.

The template only loops over ``Segment``s, so every decision about what is highlighted, how
overlaps resolve and where a footnote goes is made here, in plain Python that tests can read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.documents import Mentions

# spaCy labels that are quantities or times: the numbers/dates extractors own those spans, so
# an entity row with one of these labels is not coloured as a named entity (nor put in the matrix).
NON_NAME_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
)
ENTITY_CLASSES: dict[str, str] = {
    "PERSON": "e-per",
    "ORG": "e-org",
    "GPE": "e-loc",
    "LOC": "e-loc",
    "FAC": "e-loc",
}
OTHER_ENTITY_CLASS = "e-oth"
NUMBER_CLASS = "num"
DATE_CLASS = "date"
QUOTE_CLASS = "q"
FOOTNOTE_CLASS = "fn"

# When mentions overlap, the more specific annotation wins the characters: a date or number
# inside an entity span ("the 2024 Olympics") is what a reader checks against the findings.
_PRIORITY = {DATE_CLASS: 3, NUMBER_CLASS: 2}
_ENTITY_PRIORITY = 1

LEGEND: tuple[tuple[str, str], ...] = (
    ("e-per", "person"),
    ("e-org", "organisation"),
    ("e-loc", "place"),
    ("e-oth", "other name (group, product, law, event)"),
    ("num", "number"),
    ("date", "date"),
    ("q", "statement used in a finding (footnote gives the finding id)"),
)

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", re.S)


class Segment(NamedTuple):
    """A run of text with one CSS class; ``fn`` segments are footnotes whose ``title`` is the label."""

    text: str
    css_class: str = ""
    title: str = ""
    anchor: str = ""  # element id, so a finding card can link here and print the page number
    href: str = ""  # for footnotes: id of the finding card


@dataclass(frozen=True)
class QuoteMark:
    """A finding's statement inside this document: where it is and what its footnote says."""

    start: int
    end: int
    finding_id: str
    anchor: str
    note: str


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    css_class: str
    title: str
    priority: int


def entity_class(label: str) -> str:
    return ENTITY_CLASSES.get(label, OTHER_ENTITY_CLASS)


def _mention_spans(mentions: Mentions) -> list[_Span]:
    spans: list[_Span] = []
    for e in mentions.entities:
        if e.label in NON_NAME_LABELS:
            continue
        title = f"{e.label}: {e.canonical}" if e.canonical and e.canonical != e.text else e.label
        spans.append(_Span(e.start, e.end, entity_class(e.label), title, _ENTITY_PRIORITY))
    for n in mentions.numbers:
        unit = f" {n.unit}" if n.unit else ""
        value = "" if n.value is None else f"{n.value:g}"
        spans.append(
            _Span(n.start, n.end, NUMBER_CLASS, f"{n.kind or 'number'} {value}{unit}".strip(), _PRIORITY[NUMBER_CLASS])
        )
    for d in mentions.dates:
        title = f"date {d.value or 'unresolved'} ({d.granularity})" if d.granularity else f"date {d.value}"
        spans.append(_Span(d.start, d.end, DATE_CLASS, title, _PRIORITY[DATE_CLASS]))
    return spans


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs are separated by blank lines (the cleaner joins kept blocks that way)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def annotate_text(
    text: str, mentions: Mentions, quotes: Sequence[QuoteMark] = ()
) -> tuple[tuple[Segment, ...], ...]:
    """Split ``text`` into paragraphs of segments; overlapping mentions resolve by priority.

    Out-of-range or inverted spans are ignored rather than trusted, so a stale offset can
    never raise or shift the text; the concatenated segment texts always equal the paragraphs.
    """
    n = len(text)
    owner: list[int] = [-1] * n  # index into spans, per character
    best: list[int] = [0] * n
    spans = [s for s in _mention_spans(mentions) if 0 <= s.start < s.end <= n]
    # Longer spans first so that, at equal priority, the first-placed (longer) span keeps its chars.
    order = sorted(
        range(len(spans)), key=lambda i: (-spans[i].priority, spans[i].start, -(spans[i].end - spans[i].start))
    )
    for i in order:
        s = spans[i]
        for c in range(s.start, s.end):
            if owner[c] == -1 or s.priority > best[c]:
                owner[c], best[c] = i, s.priority
    in_quote = [False] * n
    starts: dict[int, list[QuoteMark]] = {}
    ends: dict[int, list[QuoteMark]] = {}
    for q in quotes:
        if not 0 <= q.start < q.end <= n:
            continue
        for c in range(q.start, q.end):
            in_quote[c] = True
        starts.setdefault(q.start, []).append(q)
        ends.setdefault(q.end, []).append(q)

    paragraphs: list[tuple[Segment, ...]] = []
    for p_start, p_end in paragraph_spans(text):
        segs: list[Segment] = []
        cuts = sorted(
            {p_start, p_end}
            | {c for c in range(p_start + 1, p_end) if owner[c] != owner[c - 1] or in_quote[c] != in_quote[c - 1]}
            | {k for k in starts if p_start < k < p_end}
            | {k for k in ends if p_start < k < p_end}
        )
        for a, b in itertools.pairwise(cuts):
            for q in ends.get(a, ()):
                if a != p_start:
                    segs.append(_footnote(q))
            anchor = _anchor_at(starts.get(a, ()))
            i = owner[a]
            classes = []
            title = ""
            if i >= 0:
                classes.append(spans[i].css_class)
                title = spans[i].title
            if in_quote[a]:
                classes.append(QUOTE_CLASS)
            segs.append(Segment(text[a:b], " ".join(classes), title, anchor))
        # Quotes ending at (or beyond) the paragraph's end get their footnote here.
        for k in sorted(ends):
            if p_end <= k and (k <= _next_paragraph_start(text, p_end)):
                segs.extend(_footnote(q) for q in ends[k])
        paragraphs.append(tuple(segs))
    return tuple(paragraphs)


def _next_paragraph_start(text: str, p_end: int) -> int:
    m = re.compile(r"\S").search(text, p_end)
    return m.start() if m else len(text)


def _anchor_at(marks: Iterable[QuoteMark]) -> str:
    for q in marks:
        return q.anchor
    return ""


def _footnote(q: QuoteMark) -> Segment:
    return Segment(q.note, FOOTNOTE_CLASS, q.finding_id, "", q.finding_id)


def plain_text(paragraphs: Sequence[Sequence[Segment]]) -> str:
    """The visible article text (footnotes excluded): what a test compares with the clean text."""
    return "\n\n".join("".join(s.text for s in p if s.css_class != FOOTNOTE_CLASS) for p in paragraphs)
