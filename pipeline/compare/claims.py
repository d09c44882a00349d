"""Claims: what each document states, as frames ready to be compared.

A claim is one statement: the frame every kind shares (which document and sentence, the quote
span, the names around it, the words the encoder embeds, what it is about, when, whether it
concerns an earlier or other event) and one value type per kind of statement:

- ``Quantity``: a number as an interval in its family's base unit, with its rounding tolerance;
- ``CalendarDate`` and ``TimeOfDay``: a TimeML date, a time of day in minutes (``Dating``: the
  words around either);
- ``Judgement``: an axis and a polarity;
- ``Status``: a stage on an ordered scale; ``Outcome``: one class of exclusive outcomes;
- ``NameForm``: a name (person, firm, place) as one document writes it.

The builders (``figures``, ``dated``, ``judgements``, ``statuses``, ``names``) make them; ``registry`` says
which builder makes which kind. ``ClaimRow`` is what claims.csv holds (``Claim.row``).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from pipeline.compare.text import content_stems, stem
from pipeline.documents import CleanDocument, Mentions
from pipeline.schema import ClaimRow, DateRow, EntityRow, NumberRow
from pipeline.vocab import timeml, units
from pipeline.vocab.entities import PLACE_LABELS
from pipeline.vocab.kinds import ClaimKind
from pipeline.vocab.units import PHYSICAL_FAMILIES

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


def same_party(a: str, b: str) -> bool:
    """Two estimators (``Quantity.estimated_by``) that share a word of their names ("organisers
    union public workers" and "union")."""
    return bool({stem(w) for w in a.split()} & {stem(w) for w in b.split()})


def same_name(a: str, b: str) -> bool:
    """Two names of one entity: equal ignoring case and punctuation, or one inside the other
    ("LaCalamita" and "Anthony LaCalamita III", "Sukanya" and "INS Sukanya")."""
    x, y = name_key(a), name_key(b)
    if not x or not y:
        return False
    return x == y or set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split())


_NOT_ALNUM = re.compile(r"[\W_]+")  # what str.isalnum() rejects
_NAME_FILLERS = frozenset(("the", "mr", "mrs", "ms", "dr", "jr", "sr", "ii", "iii", "iv"))


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A name's words as compared: lower case, no punctuation, no titles or generational suffixes
    (cached: compare and the gazetteer ask for the same names many thousand times)."""
    return " ".join(w for w in _NOT_ALNUM.sub(" ", name.lower()).split() if w not in _NAME_FILLERS)


GAP = "gap"  # the concept of "two years behind", "caught up" (zero gap)
MINUTES_A_DAY = 24 * 60  # a time of day is minutes since midnight; the day's end is this many
DEPARTURE = "departure"  # the lexicon's act of setting off on a journey (a departure meets only a departure)
DISCOVERY = "discovery"  # the lexicon's act of noticing what had happened (a discovery meets only a discovery)
CAPACITY = "capacity"  # the concept of what a place or a vehicle can take ("carries 3,100 passengers")
POPULATION = "population"  # the concept of how many live in a place ("a town of 24,000")
PRICE = "price"  # the concept of what a thing costs ("cost $180 million", "a $150 million satellite")
SHARE_PRICE = "share_price"  # the lexicon's concept of a day's move of a company's shares ("shares fell 6%")


@dataclass(frozen=True)
class Quantity:
    """A number's value: an interval in its family's base unit, with what the source said around it."""

    family: str
    base_unit: str
    lo: float  # interval in base units (equal ends for a point value)
    hi: float
    tol: float = 0.0  # rounding tolerance in base units
    # "" | lower | upper | range | vague (what "a few days" admits) | tally (lo, hi: its two counts in
    # their order, "36-3")
    bound: str = ""
    unit: str = ""  # the unit as the extractor wrote it
    measure_keys: frozenset[str] = frozenset()
    head: str = ""  # last stem of the measure phrase (English noun phrases are head-final)
    sentence_concepts: frozenset[str] = frozenset()  # every measure concept the sentence names
    cumulative: bool = False  # a running toll, which may only grow
    revision: bool = False  # the sentence says the figure was revised
    zero_gap: bool = False  # "the gap has closed": a gap of zero
    increment: bool = False  # "an additional six engines": an addition, not a total
    starting_value: bool = False  # "up from £2.60": the value a change started from, not the value now
    part: str = ""  # "in cash", "latest round": one part of a larger amount
    total: bool = False  # a running or grand total ("so far", "in five operations")
    to_date: bool = False  # a running toll told as it stands now ("has infected 389"): the total to date
    scope: str = ""  # place phrase after a count ("in the province", "across Asia")
    direction: str = ""  # a distance's bearing as written ("north-northeast")
    attribution: str = ""  # who gives the figure ("according to the US military")
    alternates: tuple[tuple[float, float, float, str], ...] = ()  # conversion in brackets: lo, hi, tol, unit
    per: str = ""  # a rate's period: "year" of "$23 million a year"
    period: str = ""  # the stretch a flow is summed over: "quarter" of "third-quarter revenue", "year" of "full-year"
    over_term: tuple[float, float, float] = ()  # the rate times the term its sentence gives: lo, hi, tol
    enumerated: bool = False  # one item of a list: its sentence gives another value of the same measure
    window: bool = False  # "their last eight games": a span the writer chose to count over, no fact to dispute
    lasting: frozenset[str] = frozenset()  # stems of the words before "for" a length of time: what went on so long
    priced: str = ""  # the noun an amount is written before ("a $150 million weather satellite": satellite)
    offset: str = ""  # before | after: a duration that says when ("married two weeks ago"), not how long
    event: str = ""  # what an offset dates, as stems of its verb ("marri" of "married two weeks ago"); '' if unknown
    # an "after" offset's clause, as content stems ("four days after he was reported missing": report, miss)
    since: frozenset[str] = frozenset()
    of_whole: float = 0.0  # "three of his eight children": the whole's value (8) in base units; 0 for none
    holder: str = ""  # the model its clause names ("13 inch" of "$1,199 for the 13-inch") in a many-model article
    holder_unknown: bool = False  # a many-model article ties figures of this measure to models, and this one to none
    people: tuple[str, ...] = ()  # whose figure: the people its clause names as subject or object ("Rait fell 200 ft")
    estimated_by: str = ""  # whose estimate, for a concept each party estimates ("police" of "police put the crowd at")
    participle: str = ""  # what happened to the counted, when no concept says ("trapped" of "14 trapped miners")
    age_of: str = ""  # the noun an age is told of ("man" of "a 43-year-old man", "woman" of "a woman aged 61")
    stance: str = ""  # a bargain's demand or deal, as its clause says ("wants 15%", "will get 10%"); '' for none
    length_sense: str = ""  # a length's "distance" ("50 metres from the shore"), "size" ("a 3-metre shark") or ''


@dataclass(frozen=True, kw_only=True)
class Dating:
    """What the words around a date or a time of day say of it (shared by both kinds)."""

    qualifier: str = ""  # the extractor's qualifier ("by", "since", "approx" ...)
    near: tuple[str, ...] = ()  # the few words right around it (what it dates)
    phase: str = ""  # onset or end of the event, when the words next to it say
    act: str = ""  # the step of a procedure it dates (arrest, verdict, sentence ...), from the nearest word
    reported: bool = False  # it follows a reporting verb: it dates a statement, not the event
    forecast: bool = False  # given as expected ("should be fixed next week"), not as past
    record: bool = False  # "the worst violence since 2008": the date of the last comparable event, not this one
    resolved_against: str = ""  # for a relative expression: the publication date it was resolved against
    fiscal: bool = False  # written as a fiscal period ("its fiscal third quarter", "FY2013"): another calendar
    made: str = ""  # the made thing whose making it dates ("building": "which opened in 1987", "30-year-old building")
    ranked: str = ""  # the time ranked first that it dates ("busiest day" of "The busiest day was 4 August")
    owned: str = ""  # the noun a day is written as the owner of ("draw" of "Saturday's draw"): the happening it dates


@dataclass(frozen=True, kw_only=True)
class TimeOfDay(Dating):
    """A time of day in minutes since midnight, with its tolerance ("about 9:25" is 9:15-9:35)."""

    lo: float
    hi: float
    tol: float = 0.0
    day: str = ""  # the TimeML day the sentence gives, "" when it gives none
    zone: str = ""  # the time zone as written


@dataclass(frozen=True, kw_only=True)
class CalendarDate(Dating):
    """A TimeML calendar value (a day, week, month, season, year ...)."""

    value: str


@dataclass(frozen=True)
class Judgement:
    """A sentence's judgement on one axis (does it work, how long will it last)."""

    axis: str
    polarity: int  # +1 or -1
    strength: int  # absolute polarity score
    cues: str = ""
    rests_on_outcome: bool = False  # an outcome cue (worked, backfired), not just "good"


@dataclass(frozen=True)
class Status:
    """A stage on one of the lexicon's ordered scales (at large -> captured)."""

    scale: str
    stage: int  # the stage's position on the scale
    cue: str = ""


@dataclass(frozen=True)
class Outcome:
    """One class of a set of exclusive outcomes (rescued / captured)."""

    outcome_set: str
    outcome_class: str
    cue: str = ""
    thing: str = ""  # for an attribute: the words naming what it describes ("Toyota Camry")
    within: tuple[str, ...] = ()  # for a place: the places its source writes it in ("San Angelo, Texas")


@dataclass(frozen=True)
class NameForm:
    """A name as written ("Duncan Raite"), its entity label, and its spelling key: the tokens
    without initials, accents, punctuation or case, which two spellings of one name do not share."""

    form: str
    label: str
    tokens: tuple[str, ...]
    mentions: int = 1  # how often the document writes it


ClaimValue = Quantity | TimeOfDay | CalendarDate | Judgement | Status | Outcome | NameForm
V = TypeVar("V", Quantity, TimeOfDay, CalendarDate, Judgement, Status, Outcome, NameForm)


@dataclass(frozen=True)
class Claim(Generic[V]):
    """A statement ready to be aligned: the frame every kind shares, and its kind's ``value``.

    ``row`` is its CSV form (claims.csv)."""

    row: ClaimRow
    kind: ClaimKind
    value: V
    doc_id: str
    sent_no: int
    quote_start: int
    quote_end: int
    published: str
    subjects: frozenset[str]  # names in the sentence
    places: frozenset[str]
    sources: frozenset[str]
    context: tuple[str, ...]  # content stems of the sentence (and the one before, for judgements)
    frame: str = ""  # the words that say what the statement is about, the value masked (embedded)
    subject: str = ""  # the entity this statement belongs to when the sentence names one per figure
    concept: str = ""  # a lexicon concept (deaths, price ...) of what it measures
    measure_text: str = ""  # what a figure measures, in the source's words ("share of AI chips"); embedded
    as_of: str = ""  # the TimeML time the statement refers to
    text: str = ""  # the mention as written
    ref_time: str = ""  # publication date, or the corpus's median one when unknown
    outlet: str = ""  # the publication's name when known, for notes
    headline: bool = False  # the statement is the article's headline
    background: str = ""  # why the statement is about an earlier or other event; "" when current
    current: bool = False  # dated within days of publication: the story's own event

    @property
    def value_text(self) -> str:
        return self.row.value


def on_one_footing(x: Quantity, y: Quantity) -> tuple[Quantity, Quantity]:
    """Two values as one may compare them: a rate meets a total through the term its sentence
    gives ("$23 million a year" on an "eight-year contract" is $184 million over it). A rate
    without a term stays a rate, which no total can confirm or dispute."""
    def total(q: Quantity) -> Quantity:
        lo, hi, tol = q.over_term
        return dataclasses.replace(q, lo=lo, hi=hi, tol=tol, per="", over_term=())
    if x.per and not y.per and x.over_term:
        x = total(x)
    elif y.per and not x.per and y.over_term:
        y = total(y)
    return x, y


def year_of(c: Claim) -> int:
    """The year a statement speaks of: its own time, else its source's reference time or publication; 0 when unknown."""
    return next((y for value in (c.as_of, c.ref_time, c.published) if (y := _year(value))), 0)


# Every figure pair asks for its two statements' years (money is compared in dollars of that year):
# the same few thousand values, millions of times at 4,000 documents.
_year = functools.lru_cache(maxsize=1 << 16)(timeml.year)


def day_of(c: Claim) -> str:
    """The TimeML day or date a date or time claim gives ("" for other kinds)."""
    v = c.value
    if isinstance(v, CalendarDate):
        return v.value
    return v.day if isinstance(v, TimeOfDay) else ""


def days_may_meet(a: Claim, b: Claim) -> bool:
    """Two times of one day (or two told with no day), or a time told with no day ("shortly after midnight")
    and one of the day its article was published or the day before ("at 11.20pm on Monday" in Tuesday's
    paper)."""
    if day_of(a) == day_of(b):
        return True
    undated, dated = (a, day_of(b)) if not day_of(a) else (b, day_of(a)) if not day_of(b) else (None, "")
    gap = timeml.gap_days(dated, undated.published[:10]) if undated is not None and undated.published else None
    return gap is not None and gap <= 1


def sole_times_of_their_day(claims: Sequence[Claim]) -> set[int]:
    """The times of day that are their article's only time of that day ("at about 6:40 a.m. on
    Tuesday" in one report, "shortly after 7:15 a.m. on Tuesday" in another): aligned at all, two
    such times tell of the story's one happening, and differing, they dispute it, as a story's two
    sole counts of one noun do. An article that gives several times of a day tells several moments.
    A time with no day ("shortly after midnight") is one of them when it is its article's only time."""
    per_day: dict[tuple[str, str], list[int]] = {}
    times_per_doc: dict[str, int] = {}
    for i, c in enumerate(claims):
        if c.kind == ClaimKind.TIME:
            per_day.setdefault((c.doc_id, day_of(c)), []).append(i)
            times_per_doc[c.doc_id] = times_per_doc.get(c.doc_id, 0) + 1
    return {found[0] for (doc, day), found in per_day.items() if len(found) == 1 and (day or times_per_doc[doc] == 1)}


ONSET, END = "onset", "end"  # the lexicon's phases of a happening's start and end (`[phases]`)
END_TO_COME = "end to come"


def plan_phase(c: Claim) -> str:
    """A date's phase, with an end still to come told apart from an end told as done: "is due to be
    finished by 2045" is the plan's one end, as a schedule is its one date, while "reopened on
    Thursday" is one of a story's many ends (the road, the power, the trains)."""
    phase = c.value.phase
    return END_TO_COME if phase == END and c.value.forecast else phase


def sole_dates_of_their_phase(claims: Sequence[Claim], phases: frozenset[str]) -> dict[int, str]:
    """The dates that are their article's only date of a happening's phase (``phases``: when it
    started, ended, or was to take place), each with its phase: "a wildfire that started on Monday"
    in one report and "the fire, which broke out on Sunday" in another tell of the story's one start,
    as two articles' only times of a day tell of its one moment. An article that gives two dates of
    one phase tells of two happenings (a festival due on one date and moved to another)."""
    per_phase: dict[tuple[str, str], dict[str, list[int]]] = {}
    for i, c in enumerate(claims):
        if c.kind == ClaimKind.DATE and (phase := plan_phase(c)) in phases:
            per_phase.setdefault((c.doc_id, phase), {}).setdefault(c.row.value, []).append(i)
    return {i: phase for (_, phase), by_value in per_phase.items() if len(by_value) == 1
            for found in by_value.values() for i in found}


Row = TypeVar("Row", EntityRow, DateRow, NumberRow)


def by_sentence(rows: Sequence[Row]) -> dict[int, list[Row]]:
    """Mention rows by their sentence number, in their order."""
    out: dict[int, list[Row]] = {}
    for r in rows:
        out.setdefault(r.sent_no, []).append(r)
    return out


class DocContext:
    """Per-document sentence information shared by the claim builders (computed once per sentence)."""

    def __init__(self, doc: CleanDocument, men: Mentions):
        self.doc = doc
        self.men = men
        self.text = doc.text
        self.published = (doc.meta.published or "")[:10]
        self.entities: dict[int, list[EntityRow]] = by_sentence(men.entities)
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

    @functools.cached_property
    def _dates_by_sentence(self) -> dict[int, list[DateRow]]:
        return by_sentence(self.men.dates)

    @functools.cached_property
    def _numbers_by_sentence(self) -> dict[int, list[NumberRow]]:
        return by_sentence(self.men.numbers)

    def dates_in(self, sent_no: int) -> Sequence[DateRow]:
        """The date mentions of one sentence (claim builders ask per mention: a page of 3,000 dates
        read whole for each of them was quadratic)."""
        return self._dates_by_sentence.get(sent_no, ())

    def numbers_in(self, sent_no: int) -> Sequence[NumberRow]:
        """The number mentions of one sentence."""
        return self._numbers_by_sentence.get(sent_no, ())

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
    """The sentence around a mention as a stripped (start, end) span of the clean text; the
    sentences it runs across when the parser split it ("IE6 | through IE11 harbor ...")."""
    if 0 <= sent_no < len(sentences) and sentences[sent_no][0] <= start and end <= sentences[sent_no][1]:
        s, e = sentences[sent_no]
    elif 0 <= sent_no < len(sentences) and sentences[sent_no][0] <= start < sentences[sent_no][1]:
        s = sentences[sent_no][0]
        e = next((last for _, last in sentences[sent_no:] if last >= end), sentences[-1][1])
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


def claim_row(ctx: DocContext, kind: ClaimKind, sent_no: int, start: int, end: int, quote: str,
              **fields: str) -> ClaimRow:
    """The claims.csv row of a claim; unset columns are empty."""
    values = {f.name: "" for f in dataclasses.fields(ClaimRow)}
    values.update(claim_id=f"{ctx.doc.doc_id}:{kind}:{start}", doc_id=ctx.doc.doc_id, kind=str(kind), sent_no=sent_no,
                  start=start, end=end, text=ctx.text[start:end], published=ctx.published, quote=quote)
    values.update(fields)
    return ClaimRow(**values)


def people_named(ctx: DocContext, sent_no: int) -> frozenset[str]:
    """The people a sentence names, as canonical keys: the subjects of its outcome claims."""
    return frozenset(canonical(e.canonical) for e in ctx.entities.get(sent_no, [])
                     if e.label == "PERSON" and e.canonical)


# A number joined to its unit by a hyphen names a kind of thing ("the 13-inch model", "a 40-foot
# container"). A document that names two kinds with one unit ("the 13-inch and the 15-inch
# MacBook") lists variants: each value is one item of a list across the document, as a sentence's
# "aged 12 and 15" is. Ages ("15-year-old") are left to the ages' own rules.
_DESIGNATION = re.compile(r"^[$€£]?\d[\d.,]*-(?!year)([A-Za-z]+)$")


def designation_unit(text: str) -> str:
    """The unit of a number that names a kind of thing ("15-inch" -> "inch"), '' for any other."""
    m = _DESIGNATION.match(text.strip())
    return m.group(1).lower() if m else ""


# A measurement told as a thing's dimension: an adjective of dimension right after its unit ("a dam 35
# metres high"), with the dimension it names.
_DIMENSION_AFTER = re.compile(rf"#[\s-]*[a-z]+[\s-]+({units.DIMENSION_ADJECTIVES})\b")
# The thing a size told as a modifier measures: "The #-metre boat" -> "boat".
_SIZED_THING = re.compile(r"#-[a-z]+\s+([a-z]+)\b")


def sizes_a_thing(c: Claim) -> bool:
    """A physical figure told as a thing's dimension ("the 22-metre vessel", "a dam 35 metres
    high"), not how far something is or went ("sank 12 miles off the coast")."""
    return c.value.family in PHYSICAL_FAMILIES and bool(
        designation_unit(c.row.text) or _DIMENSION_AFTER.search(c.frame))


def dimension_told(c: Claim) -> str:
    """The dimension a size's adjective names ("35 metres high" -> "height"), '' when none does."""
    m = _DIMENSION_AFTER.search(c.frame)
    return units.DIMENSION_OF_ADJECTIVE[m.group(1)] if m else ""


def thing_sized(c: Claim) -> str:
    """The noun a size told as a modifier measures ("the 18-metre boat" -> "boat"), '' otherwise."""
    m = _SIZED_THING.search(c.frame) if designation_unit(c.row.text) else None
    return m.group(1) if m else ""


def a_size(row: NumberRow) -> bool:
    """A designator of two numbers that is a size ("1440 x 900"), not a range of versions ("IE 6 to 10")."""
    return (row.kind == "designator" and row.value_max is not None and not math.isnan(row.value_max)
            and row.qualifier != "range")


def states_a_size(c: Claim) -> bool:
    """A figure that is a size ("1440 x 900"): ``a_size`` of the statement's row."""
    return c.value.family == "designator" and bool(c.row.value_max) and c.row.qualifier != "range"


def fmt_number(v: float | None) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    v = float(v)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else format(v, ".10g")


__all__ = ["CalendarDate", "Claim", "ClaimValue", "DocContext", "Judgement", "Outcome", "Quantity", "Status",
           "TimeOfDay", "canonical", "claim_row", "day_of", "fmt_number", "name_key", "quote_span", "same_name"]
