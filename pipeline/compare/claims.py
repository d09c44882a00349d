"""Claims: what each document states, as frames ready to be compared.

A claim is one statement with its frame: the value (an interval in the family's base unit with
its rounding tolerance, a TimeML date, a time of day, a status stage, an outcome class or a
judgement), what it is about (the entity it belongs to, what it measures, the words around it),
when, who says so, and whether it concerns an earlier or other event. Builders, one per kind of
statement:

- ``figures``: numbers (counts, amounts, shares, distances, ages, ordinals), negated counts
  ("no one was hurt" is 0 injured);
- ``dated``: dates and times of day;
- ``judgements``: sentences that judge an outcome or a duration;
- ``statuses``: status stages (at large -> captured) and exclusive outcomes (rescued / captured).

``pipeline.compare.build_claims`` runs them over every document.

``ClaimRow`` is what claims.csv holds; ``Claim`` carries what the comparison needs besides.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.compare.text import content_stems
from pipeline.documents import CleanDocument, Mentions
from pipeline.schema import ClaimRow, EntityRow

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SOURCE_LABELS = frozenset({"ORG", "PERSON"})
_SPACE = " \t\r\n\u00a0"


def canonical(name: str) -> str:
    """Loose key for an entity's canonical name, so "U.S." and "US" or "the EU" and "EU" meet."""
    key = name.strip().replace(".", "").replace("’", "'")
    if key.lower().startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key.strip()


@dataclass(frozen=True)
class Claim:
    """A statement ready to be aligned; ``row`` is its CSV form."""

    row: ClaimRow
    kind: str  # number | date | time | assessment | status | outcome
    doc_id: str
    sent_no: int
    quote_start: int
    quote_end: int
    published: str
    subjects: frozenset[str]
    places: frozenset[str]
    sources: frozenset[str]
    context: tuple[str, ...]  # content stems of the sentence (and the one before, for judgements)
    frame: str = ""  # the words that say what the statement is about, the value masked (embedded)
    subject: str = ""  # the entity this statement belongs to when the sentence names one per figure
    measure_keys: frozenset[str] = frozenset()
    measure_text: str = ""  # what a figure measures, in the source's words ("share of AI chips"); embedded
    head: str = ""  # last stem of the measure phrase (English noun phrases are head-final)
    concept: str = ""
    sentence_concepts: frozenset[str] = frozenset()  # every measure concept the sentence names
    family: str = ""
    base_unit: str = ""
    lo: float = math.nan  # interval in base units (equal ends for a point value); minutes for times
    hi: float = math.nan
    tol: float = 0.0  # rounding tolerance in base units
    bound: str = ""  # "" | lower | upper | range
    as_of: str = ""
    date_value: str = ""
    polarity: int = 0
    cue: str = ""
    cumulative: bool = False
    revision: bool = False
    zero_gap: bool = False
    anchor: str = ""  # for dates resolved from a relative expression: the publication date used
    text: str = ""  # the mention as written
    unit: str = ""
    strength: int = 0  # absolute polarity score of a judgement
    near: tuple[str, ...] = ()  # for dates: the few words right around the date (what it dates)
    date_qualifier: str = ""
    reported: bool = False  # the date follows a reporting verb: it dates a statement, not the event
    ref_time: str = ""  # publication date, or the corpus's median one when unknown
    outcome: bool = False  # the judgement rests on an outcome cue (worked, backfired), not just "good"
    scope: str = ""  # place phrase after a count ("in the province", "across Asia")
    outlet: str = ""  # the publication's name when known, for notes
    kind_of_number: str = ""  # the extractor's kind (count, magnitude, duration, age, ordinal, ...)
    increment: bool = False  # "an additional six engines": an addition, not a total
    part: str = ""  # "in cash", "latest round": one part of a larger amount
    total: bool = False  # a running or grand total ("so far", "in five operations")
    background: str = ""  # why the statement is about an earlier or other event; "" when current
    attribution: str = ""  # who gives the figure ("according to the US military")
    alternates: tuple[tuple[float, float, float, str], ...] = ()  # conversion in brackets: lo, hi, tol, unit
    record: bool = False  # "the worst violence since 2008": the date of the last comparable event, not this one
    phase: str = ""  # dates and times: onset or end of the event, when the words next to it say
    forecast: bool = False  # a date given as expected ("should be fixed next week"), not as past
    zone: str = ""  # a time of day's time zone as written
    direction: str = ""  # a distance's bearing as written ("north-northeast")
    current: bool = False  # dated within days of publication: the story's own event
    headline: bool = False  # the statement is the article's headline
    scale: str = ""  # status claims: the scale (manhunt, prosecution, ...)
    stage: int = -1  # status claims: the stage's position on the scale
    outcome_set: str = ""  # outcome claims: the set of exclusive outcomes
    outcome_class: str = ""  # outcome claims: which one this statement asserts

    @property
    def value_text(self) -> str:
        return self.row.value


class DocContext:
    """Per-document sentence information shared by the claim builders (computed once per sentence)."""

    def __init__(self, doc: CleanDocument, men: Mentions):
        self.doc = doc
        self.men = men
        self.text = doc.text
        self.published = (doc.meta.published or "")[:10]
        self.entities: dict[int, list[EntityRow]] = {}
        for e in men.entities:
            self.entities.setdefault(e.sent_no, []).append(e)
        self._info: dict[int, tuple[int, int, tuple[str, ...], frozenset[str], frozenset[str], frozenset[str]]] = {}

    def sentence(self, sent_no: int, start: int = 0, end: int = 0, sentence: str = ""):
        """(quote start, quote end, stems, entities, places, sources) of the sentence around a mention."""
        key = sent_no if 0 <= sent_no < len(self.men.sentences) else -1 - start
        if key not in self._info:
            qs, qe = quote_span(self.text, self.men.sentences, sent_no, start, end, sentence)
            es = self.entities.get(sent_no, [])
            self._info[key] = (
                qs, qe, tuple(content_stems(self.text[qs:qe])),
                frozenset(canonical(e.canonical) for e in es if e.canonical),
                frozenset(canonical(e.canonical) for e in es if e.label in PLACE_LABELS),
                frozenset(canonical(e.canonical) for e in es if e.label in SOURCE_LABELS),
            )
        return self._info[key]

    def previous_stems(self, sent_no: int) -> tuple[str, ...]:
        """Stems of the sentence before: it often names what "it" or "the toll" refers to."""
        if 0 < sent_no <= len(self.men.sentences):
            s, e = self.men.sentences[sent_no - 1]
            return tuple(content_stems(self.text[s:e]))
        return ()

    def common(self, sent_no: int, start: int, end: int, sentence: str = "") -> dict:
        """The fields every claim of a sentence shares."""
        qs, qe, stems, subj, places, sources = self.sentence(sent_no, start, end, sentence)
        return dict(doc_id=self.doc.doc_id, sent_no=sent_no, quote_start=qs, quote_end=qe,
                    published=self.published, subjects=subj, places=places, sources=sources, context=stems,
                    outlet=self.doc.meta.outlet, headline=qs < self.doc.body_start)


def quote_span(text: str, sentences: Sequence[tuple[int, int]], sent_no: int, start: int, end: int,
               sentence: str) -> tuple[int, int]:
    """The sentence around a mention as a stripped (start, end) span of the clean text."""
    if 0 <= sent_no < len(sentences) and sentences[sent_no][0] <= start and end <= sentences[sent_no][1]:
        s, e = sentences[sent_no]
    else:
        s, e = start, end
        if sentence:
            k = text.rfind(sentence, 0, end + len(sentence))
            if k != -1 and k <= start and end <= k + len(sentence):
                s, e = k, k + len(sentence)
    while s < e and text[s] in _SPACE:
        s += 1
    while e > s and text[e - 1] in _SPACE:
        e -= 1
    return s, e


def claim_row(ctx: DocContext, kind: str, sent_no: int, start: int, end: int, quote: str, **fields: str) -> ClaimRow:
    """The claims.csv row of a claim; unset columns are empty."""
    values = {f.name: "" for f in dataclasses.fields(ClaimRow)}
    values.update(claim_id=f"{ctx.doc.doc_id}:{kind}:{start}", doc_id=ctx.doc.doc_id, kind=kind, sent_no=sent_no,
                  start=start, end=end, text=ctx.text[start:end], published=ctx.published, quote=quote)
    values.update(fields)
    return ClaimRow(**values)


def fmt_number(v: float | None) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    v = float(v)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else format(v, ".10g")


__all__ = ["Claim", "DocContext", "canonical", "claim_row", "fmt_number", "quote_span"]
