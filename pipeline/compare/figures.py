"""Figure claims: every number with its own frame.

A sentence such as "Regulators set duties of 17.4% for Kestrel, 20% for Aldmoor and 38.1% for
Sarn Motors" holds three figures, each about its own company. So each figure gets its segment
of the sentence (from the separator after the previous figure to the next figure), and from it:

- the entity it belongs to (``subject``): a named entity or an unknown capitalised name in its
  segment, the person before an age ("Comeaux, 49"), the place a distance is measured from;
- what it measures: a lexicon concept (deaths, price, magnitude ...) or the extractor's measure
  phrase, and the counted noun;
- its frame: the segment with the number masked, which the sentence encoder embeds;
- cues that change what it is: an addition ("a further four engines"), a part ("$281m in
  cash"), a total ("so far", "a total of"), background (an earlier date or a record), who says so;
- a conversion in brackets ("EUR 2m ($2.6m)") folded into the figure as an alternate value.

Negated counts ("no one was hurt") become a count of zero; a gap said to be closed is a gap of zero.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re
from collections.abc import Sequence

from pipeline.compare.background import is_background
from pipeline.compare.claims import (
    CAPACITY,
    GAP,
    POPULATION,
    PRICE,
    SHARE_PRICE,
    Claim,
    DocContext,
    Quantity,
    a_size,
    claim_row,
    designation_unit,
    fmt_number,
    sizes_a_thing,
)
from pipeline.compare.dated import after_a_reporting_verb, after_publication, made_when
from pipeline.compare.lexicon import Lexicon, concept_noun_keys, concept_of_word, concepts_in, count_noun
from pipeline.compare.text import (
    CLAUSE_BREAK,
    STOPWORDS,
    content_stems,
    find_phrases,
    in_aside,
    members_tail,
    separated_by_aside,
    stem,
    without_other_asides,
    words,
)
from pipeline.schema import DateRow, EntityRow, NumberRow
from pipeline.vocab import timeml, units
from pipeline.vocab.kinds import ClaimKind
from pipeline.vocab.numbers import CARDINALS, FRACTIONS, MULTIPLIERS, ordinals_between
from pipeline.vocab.timeml import MONTH_NAMES, WEEKDAY_NAMES
from pipeline.vocab.units import PHYSICAL_FAMILIES, PLACE_BOUND_FAMILIES

# Relative tolerance of an "about/approximately/nearly" figure: reporters round to ~10%.
APPROX_REL = 0.10
# Relative tolerance of one unit written in words with a bound ("just over an hour", "less than a
# week"): the bound is its edge, not a rounding to half a unit either side.
BOUNDED_UNIT_REL = 0.05
# Trailing zeros ("1,500", "100") may be rounding or exact; allow at most 5% either way
# (940 miles = 1,513 km must match "1,500 km"; 100 vs 120 dead must not).
ROUNDING_MAX_REL = 0.05
# Words either side of a number searched for what it measures.
MEASURE_WINDOW_BEFORE = 6
MEASURE_WINDOW_AFTER = 6
# A frame is at most this many words either side of the figure: enough to say what is counted
# and where, short enough that the encoder is not swayed by the rest of a long sentence.
FRAME_WORDS_BEFORE = 12
FRAME_WORDS_AFTER = 14
# Cue words are looked for this close to the figure ("$281m of the purchase price will be in cash").
CUE_WORDS_BEFORE = 3
CUE_WORDS_AFTER = 4
PART_WORDS_AFTER = 10
# How far before a figure, within its clause, a word of a bargain's stance is read ("the union is
# demanding a 12% pay rise", "pilots will get a 10% rise").
STANCE_WORDS_BEFORE = 6
# A subject name is looked for this many words from the figure inside its segment.
SUBJECT_WORDS = 6
# A date this close (characters) to a number whose as_of it is, is that number's reference time.
AS_OF_ADJACENT = 25
# Number kinds that are compared: an age only with the same person's age, a tally with a tally.
NUMBER_KINDS = frozenset({"count", "money", "percent", "fraction", "multiplier", "measure", "duration",
                          "magnitude", "category", "age", "ordinal", "tally", "designator"})

# A rate: a figure per period ("$23 million a year", "2 million visitors annually") or per unit of
# something ("$1.12 a share", "$15 an hour", "$80 a barrel"); the unit its term is written in ("an
# eight-year contract").
_RATE_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?"  # a conversion may come first: "900 (Dh4,275) a month"
                         r"(?:(?:more|less|extra)\s+)?"  # a change's rate: "will pay £88 more a year"
                         r"(?:(?:a|an|per|each|every)\s+"
                         r"(?P<per>year|season|month|week|day|hour|share|person|head|barrel|gallon|tonne|ton)\b"
                         r"(?![\s-]+(?:ago|earlier|before|later|after|prior|back|since)\b)"  # "a year ago"
                         # "a year from now" is a time; "a year from 2027", "an hour from 1 April" a rate that
                         # starts then
                         r"(?![\s-]+from\s+(?!(?:\d{4}|next|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:january|february|march"
                         r"|april|may|june|july|august|september|october|november|december))\b))"
                         r"|(?P<adverb>annually|yearly|monthly|weekly|daily)\b)", re.IGNORECASE)
RATE_CHARS_AFTER = 60  # past the figure's segment: a bracketed conversion ends it ("900 (Dh4,275) a month")
RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}
PERIOD_UNITS = {"year": "years", "month": "months", "week": "weeks", "day": "days"}
_NUMBER_TEXT = re.compile(r"\d[\d,\u202f]*(?:\.\d+)?")  # thousands by commas or narrow spaces
# Number words masked in a frame: cardinals, multipliers, fractions and the ordinals that count.
_NUMBER_WORDS = re.compile(
    r"\b(?:" + "|".join([*CARDINALS, *MULTIPLIERS, "dozen", *FRACTIONS, *ordinals_between(2, 10)]) + r")s?\b",
    re.IGNORECASE)
_SEPARATOR = re.compile(r"[,;:]|\band\b|\bor\b|\bwhile\b|\bwhereas\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w&'’.-]*(?:\s+(?:of|de|du|la|le|van|von|al|&)?\s*[A-Z][\w&'’.-]*)*")
# "zero-sum", "one-sided": a spelled number glued to a word by a hyphen is an adjective.
_COMPOUND_AFTER = re.compile(r"^-[A-Za-z]")
# A figure's own subject is an organisation, person or thing it belongs to ("17.4% for Kestrel"):
# places are left to the encoder ("12 days to Rotterdam" is "10 days to northern Europe").
_SUBJECT_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART", "LAW"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# "12 km from Sarn", "40 miles south of the capital Ardon": the places a distance lies between.
# A place after "in", "at" ... is where a length was measured ("a surge of 9 feet in parts of
# Port Alcott"), no end of it.
_PLACE_AFTER = re.compile(r"(?:(?!\b(?:in|at|on|across|into|throughout|over)\b)[\w\s-]){0,40}?\b(?:of|from)\s+"
                          r"((?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
_DIRECTION = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?P<dir>(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))*"
    r"(?:-?(?:east|west))?)(?:ern|erly|ward)?\b",
    re.IGNORECASE)
_NOT_NAMES = frozenset(
    "the a an this that these those it its he she they we i in on at for of to by with from and or but as "
    "according said says".split()) | {*WEEKDAY_NAMES, *MONTH_NAMES}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*\d|\d|[,;:.!?()\"“”—–]")
# A concept word before a number names it only this close ("killing at least three people",
# "the death toll rose to 24"); further back it belongs to another part of the sentence.
CONCEPT_BEFORE_WORDS = 5
# Words after a count scanned for the verb or adjective that says what happened to it
# ("Five people had so far been confirmed dead").
CONCEPT_AFTER_WORDS = 7
# Concept phrases of the lexicon are at most this many words ("without electricity", "forced from their home").
PHRASE_CONCEPT_WORDS = 4
_PHRASE_END = frozenset({"and", "or", "but", "while", "when", "after", "before", "as", "because",
                         "which", "that", "who", "whom", "whose", "where", "since", "said", "says"})
# Words that open a new clause between a number and a later date: the date then dates that
# clause ("the 6.1 quake ... rocked a region that was devastated by the tsunami of 2004").
_CLAUSE_OPENERS = frozenset({"that", "which", "who", "whom", "whose", "as", "when", "while", "after",
                             "because", "since", "where"})
# Openers of a clause told of the same moment as the main one: its day is the main clause's day.
_AT_THE_SAME_TIME = frozenset({"as", "when", "while"})
SCOPE_MAX_WORDS = 6
_VERB_AUX = frozenset({"was", "were", "is", "are", "be", "been", "being", "had", "have", "has", "will", "would"})
_YEAR_TOKEN = re.compile(r"^(1[5-9]|2[01])\d\d$")
_MONTHS_DAYS = frozenset(
    [*MONTH_NAMES, *WEEKDAY_NAMES, *"today yesterday tonight morning afternoon evening night week month year".split()])


# A duration followed by an offset word tells when, not how long (``timeml.OFFSET_DIRECTION``).
_OFFSET_AFTER = re.compile(r"\s+(" + "|".join(timeml.OFFSET_DIRECTION) + r")\b", re.IGNORECASE)


# A duration up to now says when it began as "ago" does: "living there for the past three years"
# began three years ago, as "moved there three years ago" says.
_UP_TO_NOW_BEFORE = re.compile(r"\bfor\s+the\s+(?:past|last)\s+$", re.IGNORECASE)


# "for" (or "lasting") right before a duration makes it a length of time whatever follows it (the
# mention already holds its qualifier: "for [about six hours] before").
_SPAN_BEFORE = re.compile(r"\b(?:for|lasting|lasted)\s+(?:just\s+)?$", re.IGNORECASE)


def _offset_of(text: str, row: NumberRow) -> str:
    """'before' or 'after' for a duration that says when something happened relative to another
    moment (the publication, for "ago" and "for the past"); '' for any other figure."""
    if units.family(row.unit) != "duration" or row.kind == "age":
        return ""  # ("arrested an 18-year-old after four raiders smashed the cases": an age, told of a person)
    if _UP_TO_NOW_BEFORE.search(text[max(0, row.start - 30):row.start]):
        return "before"
    m = _OFFSET_AFTER.match(text, row.end)
    if m and _SPAN_BEFORE.search(text, max(0, row.start - 30), row.start):
        return ""  # "deliberated for about six hours before reaching a verdict": how long, not when
    return timeml.OFFSET_DIRECTION[m.group(1).lower()] if m else ""


# "four days after he was reported missing", "20 hours after falling in": an "after" and a clause of
# its own (a pronoun or determiner and its words, or a verb in -ing), up to the clause's end.
_AFTER_A_CLAUSE = re.compile(r"\s+after\s+((?:(?:he|she|it|they|the|a|an|his|her|their)\s+|[a-z]+ing\s+)[^,;.]{1,60})",
                             re.IGNORECASE)


def _since_the_clause(quote: str, rel_e: int) -> frozenset[str]:
    """The content stems of the clause an "after" offset counts from ("after he was reported
    missing": report, miss): the offset is also how long what that clause began has lasted."""
    m = _AFTER_A_CLAUSE.match(quote, rel_e)
    return frozenset(content_stems(m.group(1))) if m else frozenset()


def figure_claims(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """A claim per number of the document (conversions folded in), plus negated counts and closed gaps."""
    rows = _elided_units([r for r in ctx.men.numbers if r.value is not None and not math.isnan(r.value)], ctx.text)
    conversions = _conversions(rows, ctx.text)
    spans_by_sent: dict[int, list[tuple[int, int]]] = {}
    for r in rows:
        # a conversion restates its figure, a difference ("a quarter-inch thinner than") qualifies
        # it, a size before its noun ("from a 30-metre-deep well") describes the noun and a rank
        # names a kind ("category two calls"): none cuts another figure's frame
        if r not in conversions.values() and not _comparative(words(ctx.text[r.end:r.end + 40])) and not (
                _SIZE_BEFORE_ITS_NOUN.search(r.text)) and r.kind != "category":
            spans_by_sent.setdefault(r.sent_no, []).append((r.start, r.end))
    out = []
    for row in rows:
        if row in conversions.values() or row.kind not in NUMBER_KINDS:
            continue
        if not any(ch.isdigit() for ch in row.text) and _COMPOUND_AFTER.match(ctx.text[row.end:row.end + 2]):
            continue
        offset = _offset_of(ctx.text, row)
        out.append(_figure(ctx, lex, row, conversions.get(row), spans_by_sent.get(row.sent_no, []), offset))
    out = _mark_holders(_mark_enumerations(out), ctx.text)
    out.extend(_negated_counts(ctx, lex))
    out.extend(_closed_gaps(ctx, lex))
    return out


# The words that hedge a figure written before it ("about 400", "more than 200", "up to a year").
_HEDGE = (r"(?:about|around|some|nearly|almost|roughly|at\s+least|more\s+than|just\s+over|over|up\s+to|"
          r"fewer\s+than|less\s+than|under|only|just)")


# A size written as one compound before its noun: "a 30-metre-deep well", "a 20-metre-wide sinkhole".
_SIZE_BEFORE_ITS_NOUN = re.compile(rf"\d[\s-]*[A-Za-z]+-(?:{units.DIMENSION_ADJECTIVES})$")


# The count's own clause says it was added, in the passive ("Twenty-five species, among them the river
# dolphin, were added to the list"), as "added 27 species" does in the active.
_ADDED_AFTER = re.compile(r"[^.;:]{0,60}?\b(?:was|were|been|be|being)\s+(?:\w+ly\s+)?added\b", re.IGNORECASE)
# A count in the "after" clause of a rise tells what was added ("the toll has risen to 11 ... after three
# bodies were recovered"): the rise's cause, not a second total.
_AFTER_A_RISE = re.compile(r"\b(?:rose|risen|rising|climbed|jumped|increased|went\s+up)\s+to\b[^.;:]*\bafter"
                           r"(?:\s+[\w'’]+){0,3}\s+$", re.IGNORECASE)


# A change told by "up" or "down" right before its figure ("Levant Bridge toll up 50p", "fares were
# down £2"); not after a verb that "up" completes ("set up 30 stalls", "ended up 50 miles away").
_UP_OR_DOWN_BEFORE = re.compile(r"\b([A-Za-z]+)\s+(?:up|down)\s+$")
_VERBS_UP_COMPLETES = frozenset(
    "set sets put puts end ends pick picks make makes made take takes took hold holds held come comes came turn "
    "turns build builds built sign signs open opens line lines give gives gave use uses shot blew back backs go "
    "goes went get gets got sum sums wind winds wound break breaks broke cut cuts mark marks".split())


def _up_or_down_before(quote: str, rel_s: int) -> bool:
    """"Up" or "down" right before the figure tells a change, unless a verb it completes comes first."""
    m = _UP_OR_DOWN_BEFORE.search(quote, max(0, rel_s - 40), rel_s)
    return bool(m) and m[1].lower() not in _VERBS_UP_COMPLETES and not _VERB_FORM.search(m[1].lower())


# The value a change started from: "£3.20, up from £2.60", "fell from 41 to 36", "an increase from 12%".
_FROM_BEFORE_A_CHANGE = re.compile(
    r"\b(?:up|down|rise|rises|rose|risen|rising|fall|falls|fell|fallen|falling|increase|increases|increased|"
    r"increasing|decrease|decreased|decreasing|climb|climbed|jump|jumped|drop|dropped|cut|raised|reduced|grew|grown)"
    r"\s+from\s+(?:(?:about|around|some|nearly|almost|roughly|just)\s+)?$", re.IGNORECASE)


# A rise by an amount ("will go up by about £180", "rose by 300 to 2,100"): what is added, as "adding
# about £210" is, not the new level (a rise in percent is the usual way to tell a change, left as it is).
_RISE_BY_BEFORE = re.compile(r"\b(?:rise|rises|rose|risen|rising|go|goes|going|went|gone|increase|increases|increased|"
                             r"increasing|climb|climbs|climbed|jump|jumps|jumped)\s+(?:up\s+)?by\s+"
                             r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|up\s+to)\s+)?$", re.IGNORECASE)


# A winning margin: "won by about 4,300 votes", "won the race on Tuesday by 2,100 votes", "leads by
# 3 points", "a margin of 12". The verb may stand a few words before "by", with no other verb between
# ("lost their homes, as reported by 12 residents" is no margin; "led" is left out: "was led by 40
# officers" names who led).
_MARGIN_BEFORE = re.compile(
    r"(?:\b(?:won|wins|win|lost|loses|lose|leads?|trails?|trailed|beat|beats|ahead|behind)\b(?:(?!\w+ed\b)[^.,;]){0,40}?\s+by"
    r"|\b(?:margin|majority|lead)\s+of)\s+(?:(?:about|around|nearly|almost|some|just|only|more\s+than|over)\s+)?$",
    re.IGNORECASE)

# "confirmed as mayor by 312 votes": a count of votes after "by" is a margin whatever the verb, unless a
# tally follows ("passed by 312 votes to 286").
_BY_BEFORE = re.compile(r"\bby\s+(?:(?:about|around|nearly|almost|some|just|only|more\s+than|over)\s+)?$",
                        re.IGNORECASE)
_VOTES_NOT_A_TALLY = re.compile(r"\s+votes?\b(?!\s+to\b)", re.IGNORECASE)


def _comparative(after: Sequence[str]) -> bool:
    """The words after a figure compare it ("thinner than", "more than"; "two metres above its
    normal level"): it is a difference ("30 rather than 40" and "other than" are not, nor a height
    "above sea level", which is a level)."""
    if after[:1] and after[0] in ("above", "below") and after[1:3] != ["sea", "level"]:
        return True
    if len(after) < 2 or after[1] != "than" or after[0] in ("rather", "other"):
        return False
    return after[0].endswith("er") or after[0] in ("more", "less", "fewer")


def _mark_enumerations(figures: list[Claim]) -> list[Claim]:
    """Figures that are items of one list ("aged 12 and 15", "the 13- and 15-inch models", "$1,799
    and $2,199 versions"): a sentence that gives two values of the same measure speaks of two things,
    and their values are not readings of one quantity."""
    def measure(c: Claim) -> tuple:  # a rate is another measure than its total ("$312 million, or $1.12 a share")
        q = c.value
        # the size of a thing ("the 22-metre vessel") and a plain measure of its family ("sank 8 miles
        # off") are two measures, not a list, when no word names either
        size = sizes_a_thing(c) if c.concept == q.family else False
        return (c.row.sent_no, q.family, q.base_unit, c.concept or q.head, q.per, size)

    values: dict[tuple, set[tuple[float, float]]] = {}
    for c in figures:
        if not c.value.increment:  # "0.71 inches thin, a quarter-inch thinner": one value and a difference
            values.setdefault(measure(c), set()).add((c.value.lo, c.value.hi))
    designations: dict[str, set[tuple[float, float]]] = {}
    for c in figures:
        if unit := designation_unit(c.row.text):
            designations.setdefault(unit, set()).add((c.value.lo, c.value.hi))
    return [dataclasses.replace(c, value=dataclasses.replace(c.value, enumerated=True))
            if len(values.get(measure(c), ())) > 1 or len(designations.get(designation_unit(c.row.text), ())) > 1
            else c for c in figures]


def _mark_holders(figures: list[Claim], text: str) -> list[Claim]:
    """A figure whose clause names one of the document's models ("$1,199 for the 13-inch", "the
    15-inch will sell for $1,499") belongs to that model: its holder. Figures of two models are
    two quantities, whatever their wording. In such a document a figure of a measure it gives per
    model but tied to no model ("the basic model starts at $2,199") is of an unknown model."""
    models = [c for c in figures if c.value.enumerated and designation_unit(c.row.text)]
    held = [_with_holder(c, models, text) for c in figures]
    holders = {c.value.holder for c in held if c.value.holder}
    per_model = {_measure_of(c) for c in held if c.value.holder} if len(holders) > 1 else set()
    return _mark_model_lists([_of_unknown_model(c) if _measure_of(c) in per_model and not c.value.holder
                              and not designation_unit(c.row.text) else c for c in held])


def _of_unknown_model(c: Claim) -> Claim:
    cues = "; ".join(filter(None, (c.row.cues, "holder: none of the article's models")))
    return dataclasses.replace(c, row=dataclasses.replace(c.row, cues=cues),
                               value=dataclasses.replace(c.value, holder_unknown=True))


def _measure_of(c: Claim) -> tuple[str, str]:
    return c.value.family, c.value.base_unit


def _with_holder(c: Claim, models: Sequence[Claim], text: str) -> Claim:
    """``c`` with the model its clause names, the nearest when the clause names two."""
    if designation_unit(c.row.text):
        return c
    near = [(abs(m.row.start - c.row.start), m) for m in models
            if m.row.sent_no == c.row.sent_no and not _a_clause_between(text, c, m)]
    if not near:
        return c
    model = min(near, key=lambda pair: (pair[0], pair[1].row.start))[1]
    holder = f"{fmt_number(model.row.value)} {designation_unit(model.row.text)}"
    cues = "; ".join(filter(None, (c.row.cues, f"holder: {model.row.text}")))
    return dataclasses.replace(c, row=dataclasses.replace(c.row, cues=cues),
                               value=dataclasses.replace(c.value, holder=holder))


def _mark_model_lists(figures: list[Claim]) -> list[Claim]:
    """A sentence giving one model two values of one measure ("$1,799 for a 15-inch version, with
    an upgraded 15-inch model going for $2,199") lists that model's versions: list items. One value
    per model ("the 13-inch costs $1,199, while the 15-inch will sell for $1,499") is each model's
    own figure, no item of a list."""
    values: dict[tuple, set[tuple[float, float]]] = {}
    for c in figures:
        if c.value.holder:
            values.setdefault((c.row.sent_no, c.value.holder, *_measure_of(c)), set()).add((c.value.lo, c.value.hi))
    return [dataclasses.replace(c, value=dataclasses.replace(
                c.value, enumerated=len(values[(c.row.sent_no, c.value.holder, *_measure_of(c))]) > 1))
            if c.value.holder else c for c in figures]


# ", and" right before the last item of a series ("with 4GB RAM, 64GB flash storage, and 5 hours
# of battery life"): the series goes on, no new clause begins.
_SERIES_END = re.compile(r",[^,;]*,\s*and\s+(?:(?:a|an|the|up\s+to|about|some)\s+)?$")


def _a_clause_between(text: str, figure: Claim, model: Claim) -> bool:
    """A clause break stands between a model and a figure of its sentence ("$1199, while the
    15-inch ..."); the ", and" before the last item of a series the model's clause lists (the
    figure) is none."""
    between = _between(text, figure, model)
    breaks = list(CLAUSE_BREAK.finditer(between))
    last_item = model.row.start < figure.row.start and len(breaks) == 1 and bool(_SERIES_END.search(between))
    return bool(breaks) and not last_item


def _between(text: str, a: Claim, b: Claim) -> str:
    first, second = sorted((a, b), key=lambda c: c.row.start)
    return text[first.row.end:second.row.start]


def _figure(ctx: DocContext, lex: Lexicon, row: NumberRow, converted: NumberRow | None,
            spans: Sequence[tuple[int, int]], offset: str = "") -> Claim:
    common = ctx.common(row.sent_no, row.start, row.end, row.sentence)
    qs = common["quote_start"]
    quote = ctx.text[qs:common["quote_end"]]
    rel_s, rel_e = row.start - qs, row.end - qs
    others = [(a - qs, b - qs) for a, b in spans if (a, b) != (row.start, row.end)]
    left, right = _segment(quote, rel_s, rel_e, [o for o in others if not _appositive_age(quote, *o)])
    lo, hi, bound = _interval(row)
    factor_v, shift_v, base_unit = units.scale(row.unit) if row.unit else (1.0, 0.0, units.COUNT)
    family = units.family(row.unit)
    if row.kind in ("age", "ordinal", "tally", "designator"):
        family = row.kind  # an age, a rank, a score or a version is compared only with its like
    label = _label_noun(ctx.text, row, lex)
    tol = 0.0 if bound in ("range", "tally", "vague") or label else _rounding_tol(row.text, float(row.value))
    if row.qualifier == "approx":
        tol = max(tol, APPROX_REL * abs(float(row.value)))
    elif bound in ("lower", "upper") and not any(ch.isdigit() for ch in row.text):
        tol = min(tol, BOUNDED_UNIT_REL * abs(float(row.value)))  # "just over an hour" is not 40 minutes
    # An offset's sentence names what happened then ("was married two weeks ago"), not a measure
    # of the lexicon: "resident" there is no population.
    concept = "" if offset else _concept(lex, row, quote, rel_s, rel_e, others, family)
    whole = _whole_of_part(quote, rel_s, rel_e, others)
    if whole and not offset and _opens_its_clause(quote, rel_s, lex):
        # "two of the three victims died": what the sentence says of the whole is said of the part
        concept = _concept(lex, row, quote, *whole, [o for o in others if o != whole], family) or concept
    elif whole and not offset:
        concept = ""  # "recovered the bodies of four of the five people missing": "missing" is the five's
    participle = concept.removeprefix(PARTICIPLE_CONCEPT) if concept.startswith(PARTICIPLE_CONCEPT) else ""
    if participle:
        concept = ""
    if concept in lex.exact_concepts and row.qualifier != "approx":
        tol = 0.0  # "jailed for eight years" is no rounding of "seven and a half years"
    entities = ctx.entities.get(row.sent_no, [])
    # what an offset written before its word dates: extraction reads it as the figure's measure
    happening = row.measure if offset and _OFFSET_AFTER.match(ctx.text, row.end) else ""
    # Such an offset is told apart by its happening; the names beside it say where or with whom
    # ("moved back to Millom six weeks ago", "returned ... with John 12 weeks ago"), not whose it is.
    subject = "" if happening else _subject(quote, qs, rel_s, rel_e, left, right, entities, row, family,
                                            enumeration=bool(others))
    as_of = "" if offset else row.as_of  # "12 weeks ago" dates itself: its own date is no reference time
    dates_here = [(d.start - qs, d.end - qs) for d in ctx.dates_in(row.sent_no) if d.value == as_of]
    if dates_here and all(timeml.is_comparison_base(quote, s) for s, _ in dates_here):
        as_of = ""  # "up 6% from a year earlier": the base of the change, not the change's time
    if as_of and _as_of_in_other_clause(quote, rel_e, dates_here, as_of):
        as_of = ""  # the date belongs to a later clause of the sentence, not to this figure
    if as_of and family in PLACE_BOUND_FAMILIES and any(
            d.value == as_of and made_when(ctx, lex, d) for d in ctx.dates_in(row.sent_no)):
        as_of = ""  # "the 50-metre bridge opened in 1976": the year dates the bridge's making, not its length
    if as_of and dates_here and all(after_a_reporting_verb(words(quote[max(0, s - 30):s]), lex) for s, _ in dates_here):
        as_of = ""  # "her lawyer said on Tuesday she would appeal the 90-day sentence": Tuesday dates the saying
    if as_of and dates_here and all(_in_a_subjects_relative_clause(quote, s, e, rel_s, lex) for s, e in dates_here):
        as_of = ""  # "Criminals who attacked the council on 23 November are demanding $3.5m": the attack's day
    period = _summed_over(row, as_of, quote[:rel_s])
    if period and timeml.granularity(as_of) == "day":
        as_of = ""  # "posted quarterly earnings on Thursday": the day it was reported, not the quarter's
    keys, head = _measure_keys(quote, rel_s, rel_e, row.measure)
    if concept:
        keys, head = frozenset({concept}), concept
    cues = _cues(ctx, lex, row, quote, rel_s, rel_e, left, right, as_of)
    if concept not in lex.cumulative or "background" in cues:
        cues.pop("to date", None)  # only a running toll of the story's own time is a count to date
    if concept in lex.reading_concepts:
        cues.pop("total", None)  # "at a depth of 400 metres since Monday": a reading, no running total
    if label:
        cues["label"] = label  # "the 12200 block": exact, not a rounded 12,000
    of_whole = _whole_value(ctx, row.sent_no, qs, whole, family, factor_v) if whole else 0.0
    if of_whole:
        cues["part of"] = quote[whole[0]:whole[1]]  # "three of his eight children": part of: eight
    partitive = _PARTITIVE.match(quote, rel_e)
    if partitive and family == units.COUNT and not (concept or participle or whole or "part" in cues):
        # "brought the first five of the trapped miners to the surface": some of them, and no verb
        # says what of them; no rival of a count of them all ("16 miners have been trapped")
        cues["part"] = SOME_OF_THEM  # one part for every partitive: "two of them" is "two of the skiffs"
    if offset:
        cues["offset"] = offset
    people = tuple(filter(None, (name.strip() for name in row.people.split(";"))))
    if people:
        cues["whose"] = ", ".join(people)
    as_of = as_of or cues.pop("earlier", "")  # "It killed 612 people" after "In February, a quake ..."
    alternates = ()
    if converted is not None:
        c_lo, c_hi, _ = _interval(converted)
        c_factor, c_shift, c_base = units.scale(converted.unit) if converted.unit else (1.0, 0.0, units.COUNT)
        c_tol = _rounding_tol(converted.text, float(converted.value)) * c_factor
        alternates = ((c_lo * c_factor + c_shift, c_hi * c_factor + c_shift, c_tol, c_base),)
        cues["conversion"] = converted.text
    estimated_by = _estimator(quote, rel_s, rel_e) if concept in lex.held_concepts else ""
    if estimated_by:
        cues["estimate by"] = estimated_by
    stance = _stance(words(quote[left:rel_s])[-STANCE_WORDS_BEFORE:], lex)
    if stance == "offered" and concept not in lex.offered_stance_concepts and not _a_demand_told(quote, lex):
        stance = ""  # a buyer's offer is the price (but "is asking for a 9% rise; the board has offered 4.5%")
    if stance:
        cues["stance"] = stance
    per, per_chars = _rate_period(quote[rel_e:rel_e + RATE_CHARS_AFTER])
    end = row.end + per_chars  # a rate's mention holds its period: "$23 million a year"
    over_term = _over_term(ctx, row, per, family, (lo * factor_v, hi * factor_v, tol * factor_v)) if per else ()
    if per:
        cues["rate"] = units.rate_period(per) + (f"; over the term: {fmt_number(over_term[0])}" if over_term else "")
    measure = concept or " ".join(sorted(keys))
    row_out = claim_row(
        ctx, ClaimKind.NUMBER, row.sent_no, row.start, end, quote, subject="; ".join(sorted(common["subjects"])),
        measure=measure, value=fmt_number(row.value), value_max=fmt_number(row.value_max), unit=row.unit,
        qualifier=row.qualifier, as_of=as_of, subject_entity=subject, cues=_cue_text(cues),
        attributed_to=cues.get("attribution", ""),
    )
    value = Quantity(
        family=family, base_unit=base_unit, lo=lo * factor_v + shift_v, hi=hi * factor_v + shift_v,
        tol=tol * factor_v, bound=bound,
        unit=row.unit, measure_keys=keys, head=head, sentence_concepts=frozenset(
            c for c in concepts_in(without_other_asides(quote, rel_s), lex)
            if c not in lex.physical_concepts or family in PHYSICAL_FAMILIES),
        # ("taken to hospital with burns" tells of no burned area: a physical concept's words have other senses)
        # a share of a running toll is no toll ("cut cases by 75%"); a share that is one is ("10% contained")
        cumulative=concept in lex.cumulative and (family != units.PERCENT or concept in lex.percent_concepts),
        revision=_revised(quote, rel_s, rel_e, others, family, lex),
        increment="addition" in cues, starting_value="starting value" in cues,
        part=cues.get("part", "") or cues.get("whole", ""), total="total" in cues,
        to_date="to date" in cues, window=family == units.COUNT and bool(_WINDOW_BEFORE.search(quote, 0, rel_s)),
        lasting=_lasting(quote, rel_s, rel_e, family, lex),
        length_sense=_length_sense(quote, rel_s, rel_e) if family == "length" else "",
        priced=_priced_noun(quote, rel_e) if concept == PRICE and _prices_the_noun(quote, rel_s, rel_e, lex) else "",
        scope=_scope(quote, rel_e, lex),
        direction=_direction(quote[rel_e:right]) if family in PLACE_BOUND_FAMILIES else "",
        attribution=cues.get("attribution", ""), alternates=alternates, offset=offset, of_whole=of_whole,
        event=happening_event(happening, lex),
        since=_since_the_clause(quote, rel_e) if offset == "after" else frozenset(),
        people=people, per=per, over_term=over_term, period=period, estimated_by=estimated_by, participle=participle,
        stance=stance, age_of=_age_of(quote, rel_s, rel_e) if row.kind == "age" else "",
    )
    return Claim(
        row=row_out, kind=ClaimKind.NUMBER, value=value,
        **{**common, "context": ctx.previous_stems(row.sent_no) + common["context"]},
        frame=_frame(_without_members(quote[left:_frame_end(quote, rel_e, right, others)], rel_e - left),
                     rel_s - left, rel_e - left, row.unit), subject=subject,
        measure_text=happening or _measure_text(row, family), concept=concept, as_of=as_of,
        text=ctx.text[row.start:end],
        background=cues.get("background", ""), current="current" in cues,
    )


# --------------------------------------------------------------------------- values


def _second_number(row: NumberRow) -> bool:
    """The row states a second number (a range's other end, a size's height)."""
    return row.value_max is not None and not math.isnan(row.value_max)


def _interval(row: NumberRow) -> tuple[float, float, str]:
    v = float(row.value)  # type: ignore[arg-type]
    q = row.qualifier
    if row.kind in ("tally", "designator") and _second_number(row):
        # "36-3", "1440 x 900", "IE 6 to 10": both numbers in their order, each exact (versions 6 to
        # 10 are no versions 6 to 11, though one range holds the other)
        return v, float(row.value_max), "tally"  # type: ignore[arg-type]
    if _second_number(row) and row.value_max != v:
        # "a few days" admits two to five: any value inside agrees; "two to five days" states both ends
        return min(v, row.value_max), max(v, row.value_max), "vague" if q == "vague" else "range"
    if q in ("at_least", "more_than"):
        return v, math.inf, "lower"
    if q in ("at_most", "less_than"):
        return -math.inf, v, "upper"
    return v, v, ""


# Words that say which stretch a figure is summed over ("quarterly revenue", "full-year forecast",
# "third-quarter sales"; a bare "quarter" is as often a fraction: "a quarter of its budget").
_PERIOD_WORDS = {"quarterly": "quarter", "full-year": "year", "annual": "year", "yearly": "year",
                 "half-year": "half", "half-yearly": "half", "monthly": "month"}
_ORDINAL_PERIODS = {"quarter": "quarter", "half": "half"}  # "third-quarter", "first-half"
# Lengths of a range that are a reporting period: "the three months to September 30" is a quarter.
_PERIOD_OF_DAYS = ((85, 95, "quarter"), (178, 186, "half"), (360, 370, "year"))


def _summed_over(row: NumberRow, as_of: str, before: str) -> str:
    """The reporting period of an amount (money): the nearest period word before it in its
    sentence ("quarterly earnings of $1.12 a share ... on revenue of $4.82 billion"), else the
    length of the period it is dated to; '' for other figures and for a day."""
    if row.kind != "money":
        return ""
    for w in reversed(words(before)):
        head, _, last = w.rpartition("-")
        if (period := _PERIOD_WORDS.get(w) or (head and _ORDINAL_PERIODS.get(last))):
            return period
    granularity = timeml.granularity(as_of)
    if granularity in ("quarter", "half", "year"):
        return granularity
    span = timeml.interval(as_of) if granularity == "range" else None
    days = (span[1] - span[0]).days + 1 if span else 0
    return next((name for low, high, name in _PERIOD_OF_DAYS if low <= days <= high), "")


def _rate_period(after: str) -> tuple[str, int]:
    """The period of a rate written right after its figure ("$23 million a year", "annually") and
    how many characters it takes; ('', 0) for none."""
    m = _RATE_AFTER.match(after)
    if not m:
        return "", 0
    return (m["per"].lower() if m["per"] else RATE_ADVERBS[m["adverb"].lower()]), m.end()


def _over_term(ctx: DocContext, row: NumberRow, per: str, family: str,
               rate: tuple[float, float, float]) -> tuple[float, float, float]:
    """The rate over the one term its sentence gives in its period's unit ("an eight-year
    contract worth $23 million a year": 184 million): lo, hi, tol; () when it gives none or two.
    Amounts and counts add up over time; a share or a speed does not."""
    if family not in (units.CURRENCY, units.COUNT):
        return ()
    terms = {r.value for r in ctx.numbers_in(row.sent_no)
             if r.kind == "duration" and r.value_max is None and r.value
             and units.normalise_unit(r.unit) == PERIOD_UNITS.get(per)}
    if len(terms) != 1:
        return ()
    n = float(terms.pop())
    return rate[0] * n, rate[1] * n, rate[2] * n


def _label_noun(text: str, row: NumberRow, lex: Lexicon) -> str:
    """The noun that makes the number a label ("block" of "the 12200 block of"), '' for a measure."""
    if row.unit or not row.text.strip().isdigit():
        return ""
    after = words(text[row.end:row.end + 30])[:1]
    before = words(text[max(0, row.start - 30):row.start])[-1:]
    if after and after[0] in lex.label_nouns_after:
        return after[0]
    if before and before[0] in lex.label_nouns_before:
        return before[0]
    return ""


def _rounding_tol(text: str, value: float) -> float:
    """Half a unit of the last significant digit as written ("1,500" -> 50; "6.1" -> 0.05). A figure
    written in two or more units ("2 hours 15 minutes", "2:00:48") is a whole number of its last,
    smallest unit, in which its value is given: half of one."""
    if len(_NUMBER_TEXT.findall(text)) > 1 and float(value).is_integer():
        return 0.5
    m = _NUMBER_TEXT.search(text)
    if not m:
        if float(value).is_integer() and abs(value) < 100:
            return 0.5
        return min(0.5 * 10 ** math.floor(math.log10(abs(value))) if value else 0.5,
                   ROUNDING_MAX_REL * abs(value))
    digits = m.group().replace(",", "").replace("\u202f", "")
    try:
        num = float(digits)
    except ValueError:
        return 0.0
    scale = abs(value / num) if num else 1.0
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * scale
    zeros = len(digits) - len(digits.rstrip("0")) if num else 0
    if zeros == 0:
        return 0.5 * scale
    return min(0.5 * 10**zeros * scale, ROUNDING_MAX_REL * abs(value))


def _elided_units(rows: list[NumberRow], text: str) -> list[NumberRow]:
    """In an enumeration a unit said once holds for the items after it: "12 extra days to
    Rotterdam and as many as 20 to Genoa" is 20 days."""
    out: list[NumberRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and prev.sent_no == row.sent_no and row.kind == "count" and not row.unit
                and units.family(prev.unit) not in (units.COUNT, units.CURRENCY)
                and _ENUMERATION_GAP.fullmatch(text[prev.end:row.start])):
            row = dataclasses.replace(row, unit=prev.unit, kind=prev.kind)
        out.append(row)
    return out


# Between two items of an enumeration: a comma or "and", maybe the rest of the first item.
_ENUMERATION_GAP = re.compile(r"[^.;:!?]{0,60}?(?:,|\band\b|\bor\b)\s*(?:\w+\s+){0,3}", re.IGNORECASE)


def _conversions(rows: Sequence[NumberRow], text: str) -> dict[NumberRow, NumberRow]:
    """Figures given again in brackets in another unit or currency: {primary: conversion}."""
    out: dict[NumberRow, NumberRow] = {}
    for a, b in itertools.pairwise(rows):
        if a.sent_no != b.sent_no or not re.fullmatch(r"\s*[(\[]\s*", text[a.end:b.start]):
            continue
        fa, fb = units.family(a.unit), units.family(b.unit)
        if fa != fb or a.unit == b.unit or not (fa == units.CURRENCY or fa in PHYSICAL_FAMILIES):
            continue  # "$334m ($281m in cash)" is a part, not the same sum in other words
        if fa != units.CURRENCY:
            va, vb = units.to_base(float(a.value), a.unit)[0], units.to_base(float(b.value), b.unit)[0]
            if not (va and vb) or max(va, vb) / min(va, vb) > 1 + CONVERSION_REL:
                continue
        out[a] = b
    return out


# A bracketed figure in another unit is a conversion when it is within this share of the first.
CONVERSION_REL = 0.15


# --------------------------------------------------------------------------- what a figure is about


# A verb of movement right before a figure ("rose to 7.2 metres") is that figure's: the sentence's
# other figures were not revised by it.
_MOVED_TO = re.compile(r"\b(?:rose|risen|rise|rises|rising|climb|climbed|climbs|jump|jumped|jumps)\s+to\s*$",
                       re.IGNORECASE)
MOVED_TO_CHARS = 20  # how far before a figure its verb of movement is looked for


def _revised(quote: str, rel_s: int, rel_e: int, others: Sequence[tuple[int, int]], family: str,
             lex: Lexicon) -> bool:
    """A word of revision in the sentence says the figure was revised, unless it is part of the
    figure ("IE 6 through the latest IE 11") or moves another figure of the sentence ("eight people
    were killed where the river rose to 7.2 metres"). A measurement that rises ("the river rose to
    7.2 metres") tells of the world, not of a corrected report."""
    starts = [s for s, _ in others] + ([rel_s] if family in PHYSICAL_FAMILIES else [])
    cut = sorted([m.span() for s in starts if (m := _MOVED_TO.search(quote, max(0, s - MOVED_TO_CHARS), s))]
                 + [(rel_s, rel_e)])
    kept, at = [], 0
    for a, b in cut:
        kept.append(quote[at:max(at, a)])
        at = max(at, b)
    kept.append(quote[at:])
    return bool(find_phrases(words(" ".join(kept)), lex.revision))


# An age set off by commas after a name: "sentenced Gerald Pym, 62, to seven years".
_AGE_IN_COMMAS = re.compile(r"\d{1,3}")


def _appositive_age(quote: str, start: int, end: int) -> bool:
    """A figure that is an age in apposition ("Gerald Pym, 62, to seven years"): it ends no other
    figure's stretch of the sentence, as an item of an enumeration would, since the clause goes on
    round it ("sentenced Gerald Pym ... to seven years" is what the seven years are)."""
    return (bool(_AGE_IN_COMMAS.fullmatch(quote, start, end)) and quote[max(0, start - 2):start] == ", "
            and quote[end:end + 1] == "," and quote[start - 3:start - 2].isalpha())


def _segment(quote: str, rel_s: int, rel_e: int, others: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The figure's own stretch of the sentence: after the separator that follows the previous
    figure (so an enumeration item starts at its comma), up to the next figure."""
    prev_end = max((e for _, e in others if e <= rel_s), default=-1)
    next_start = min((s for s, _ in others if s >= rel_e), default=len(quote))
    left = 0
    if prev_end >= 0:
        seps = [m.end() for m in _SEPARATOR.finditer(quote, prev_end, rel_s)]
        left = seps[-1] if seps else prev_end
        changed = _changed_figure(quote, rel_s, rel_e, others)
        if changed and _COUNTED_NOUN_AFTER.match(quote, changed[1]):
            # "handled 28.4 million passengers last year, up 6% on the year before": the change is
            # the previous count's, and its frame tells what changed (as extraction reads its measure)
            left = _segment(quote, *changed, others)[0]
    return left, next_start


# A figure that counts the noun after it ("28.4 million passengers"); an amount is followed by a
# preposition or a time ("$4.1 billion on Wednesday, up 6%": the change is the sentence's subject's).
_COUNTED_NOUN_AFTER = re.compile(r"\s+(?!(?:on|in|at|by|for|from|to|of|and|or|the|a|an|last|this|next|per|each)\b)"
                                 r"[a-z][a-z-]+")


# The counted noun and a preposition, then the next figure: "residents of [eight villages]".
_COUNTED_NOUN_OF = re.compile(r"\s+[\w'-]+\s+(?:of|from|in)\s+(?:the\s+)?$", re.I)


def _frame_end(quote: str, rel_e: int, right: int, others: Sequence[tuple[int, int]]) -> int:
    """Where the figure's frame ends: its segment's end, or, when the next figure only stands in
    the counted noun's phrase ("4,500 residents of eight villages were moved to safety"), the end
    of that figure's segment, so the frame keeps what the clause says of the counted."""
    if right >= len(quote) or not _COUNTED_NOUN_OF.fullmatch(quote, rel_e, right):
        return right
    return min((s for s, _ in others if s > right), default=len(quote))


def _frame(segment: str, rel_s: int, rel_e: int, unit: str) -> str:
    """The segment, at most FRAME_WORDS either side, with the figure's digits and number words masked."""
    before = segment[:rel_s].split()[-FRAME_WORDS_BEFORE:]
    after = segment[rel_e:].split()[:FRAME_WORDS_AFTER]
    mention = _mask(segment[rel_s:rel_e])
    return " ".join([*before, mention, *after]).strip(" ,;:")


def _without_members(segment: str, rel_e: int) -> str:
    """The segment up to a list of the figure's members ("Four people were killed, including a man
    struck by a tree in Dunmore County"): the list tells of one member, the frame of the whole."""
    tail = members_tail(segment, rel_e)
    return segment[:tail[0]] if tail else segment


def _mask(text: str) -> str:
    text = _NUMBER_TEXT.sub("#", text)
    return _NUMBER_WORDS.sub("#", text)


def _subject(quote: str, qs: int, rel_s: int, rel_e: int, left: int, right: int, entities: Sequence[EntityRow],
             row: NumberRow, family: str, *, enumeration: bool) -> str:
    """The entity this figure belongs to, when the sentence says so per figure; else ''."""
    if row.kind == "age":
        # "Velsen, 52,", and the appositive "Petra Velson, a 53-year-old former manager"
        m = re.search(r"([A-Z][\w'’.-]+(?:\s+(?:Jr|Sr|II|III|IV)\.?)?)\s*,\s*(?:an?\s+)?$",
                      quote[max(0, rel_s - 40):rel_s])
        if m and m.group(1).lower() in _MONTHS_DAYS:
            m = None  # "On Saturday, 32-year-old Robert Buckley ...": a day, not whose age
        if m:
            return _entity_name(qs + rel_s - len(quote[max(0, rel_s - 40):rel_s]) + m.start(1), entities) or m.group(1)
        after = re.match(r"[\s-]*(?:year-old|years? old)?\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})", quote[rel_e:])
        if after and _a_nationality_as_the_noun(quote, qs, rel_e + after.start(1), rel_e + after.end(1), entities):
            return ""  # "the 24-year-old Italian will earn" describes the person, it names no one
        return after.group(1) if after else _described_person_after(quote, qs, rel_e, entities)
    if family in PLACE_BOUND_FAMILIES:
        m = _PLACE_AFTER.match(quote[rel_e:right])
        return m.group(1).removeprefix("the ").strip() if m else ""
    if not enumeration:
        return _holder_before(quote, qs, rel_s, entities)
    candidates: list[tuple[int, str]] = []
    places = [(e.start - qs, e.end - qs) for e in entities if e.label in _PLACE_LABELS]
    for e in entities:
        s, t = e.start - qs, e.end - qs
        if left <= s and t <= right and e.label in _SUBJECT_LABELS and not (s < rel_e and rel_s < t):
            candidates.append((_distance(quote, s, t, rel_s, rel_e), e.canonical or e.text))
    for m in _CAPITALISED.finditer(quote, left, right):
        name = m.group(0).strip(" .")
        first = re.sub(r"['’]s?$", "", name.split()[0].lower())  # "Saturday's crowd": a day, no name
        if m.start() == 0 or (m.start() < rel_e and rel_s < m.end()) or name.lower() in _NOT_NAMES:
            continue
        if first in _NOT_NAMES or any(s <= m.start() < t for s, t in places):
            continue  # known places are not subjects (see _SUBJECT_LABELS)
        candidates.append((_distance(quote, m.start(), m.end(), rel_s, rel_e) + 1, name))
    near = [c for c in candidates if c[0] <= SUBJECT_WORDS * 8]
    return min(near)[1] if near else ""


# A verb of having or standing right between a name and its figure ("Eastfield have 41 points", "Reyna
# now has 15 goals", "Quenta employs about 17,500 people"); no other word between ("AMD has made a $334
# million bet", "Reuters has confirmed 12 deaths": a perfect tells what was done, not what is held).
_HOLDS = re.compile(
    r"\s+(?:now\s+|still\s+|only\s+)?(?:have|has|had|hold|holds|held|sit|sits|sat|move|moves|moved|climb|climbs|"
    r"climbed|stay|stays|stayed|remain|remains|remained|lead|leads|led|trail|trails|trailed|employ|employs|employed)"
    r"\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least)\s+)?$",
    re.IGNORECASE)


def _holder_before(quote: str, qs: int, rel_s: int, entities: Sequence[EntityRow]) -> str:
    """The name whose figure it is when the sentence gives one figure: the name right before a verb of
    having or standing that governs it ("Eastfield have 41 points"); '' otherwise."""
    for e in entities:
        s, t = e.start - qs, e.end - qs
        if e.label in _SUBJECT_LABELS and s >= 0 and t <= rel_s and _HOLDS.fullmatch(quote, t, rel_s):
            return e.canonical or e.text
    return ""


# A name after a figure is its subject when a preposition links them ("17.4% for Kestrel", "$9m
# in funding from the Energy Department");
# after anything else ("19%, and Velmora 12.5%") it is the next item's.
_LINKS_TO_NAME = re.compile(r"\s*(?:[a-z]+\s+){0,3}?(?:for|to|at|in|by|of|from|on)\s+(?:the\s+)?$", re.IGNORECASE)
UNLINKED_NAME_PENALTY = 6


def _distance(quote: str, s: int, t: int, rel_s: int, rel_e: int) -> int:
    """Characters between a name and the figure, weighted by how enumerations are written: a
    name linked behind its figure counts as nearest ("17.4% for Kestrel"), one in front counts
    double ("Kestrel faces duties of 17.4%"), one behind without a link is another item's."""
    if s >= rel_e:
        gap = max(0, s - rel_e)
        return gap if _LINKS_TO_NAME.fullmatch(quote[rel_e:s]) else UNLINKED_NAME_PENALTY * max(gap, 1)
    return 2 * max(0, rel_s - t)


def _direction(after: str) -> str:
    """The bearing written right after a distance ("14 miles north-northeast of ..."), lower case."""
    m = _DIRECTION.match(after)
    return m["dir"].lower().replace(" ", "-") if m else ""


# "62-year-old retired farmer Alan Pike": words that describe a person, then the person's name.
_DESCRIBED_NAME_AFTER_AN_AGE = re.compile(r"[\s-]*(?:year-old|years? old)?\s+(?:[a-z]+\s+)?([a-z]+)\s+([A-Z])")


def _described_person_after(quote: str, qs: int, rel_e: int, entities: Sequence[EntityRow]) -> str:
    """The person an age describes through a noun before the name ("62-year-old retired farmer Alan
    Pike"): the name must be a person's, and the word before it no verb ("a 40-year-old man attacked
    Tom Reed" is the man's age)."""
    m = _DESCRIBED_NAME_AFTER_AN_AGE.match(quote, rel_e)
    if not m or _VERB_FORM.search(m.group(1)) or m.group(1) in STOPWORDS:
        return ""
    start = qs + m.start(2)
    return next((e.canonical or e.text for e in entities if e.label == "PERSON" and e.start == start), "")


def _a_nationality_as_the_noun(quote: str, qs: int, start: int, end: int, entities: Sequence[EntityRow]) -> bool:
    """The words at ``start:end`` of ``quote`` are a nationality (or a place's people) standing as the noun
    ("The 24-year-old Italian will earn"), not before one ("a 36-year-old Australian climber", whose
    nationality tells the climber from another)."""
    label = next((e.label for e in entities if e.start <= qs + start < e.end), "")
    following = re.match(r"\s*([a-z]+)", quote[end:])
    return label in _PLACE_LABELS and bool(following) and following.group(1) in STOPWORDS


def _entity_name(start: int, entities: Sequence[EntityRow]) -> str:
    for e in entities:
        if e.start <= start < e.end:
            return e.canonical or e.text
    return ""


# "a mother of two", "father of 12": the count is of the parent's children.
_PARENT_OF = re.compile(r"\b(?:mother|father|parent|mum|mom|dad|grandmother|grandfather|grandparent)s?\s+of\s+$",
                        re.IGNORECASE)


# "of the trapped miners", "of them" right after a count with no number in it: the count is some of them.
SOME_OF_THEM = "some of them"
_PARTITIVE = re.compile(
    r"\s+of\s+(?:them|(?:the|its|their|his|her|our|these|those)\s+(?:[a-z-]+\s+)?[a-z-]+)\b(?!\s+\d)", re.I)


def _whole_of_part(quote: str, rel_s: int, rel_e: int, others: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of the whole a figure is a part of ("two of the three victims": "three"), if any."""
    m = _PART_OF_A_WHOLE.match(quote, rel_e)
    if not m:
        return None
    # the match ends with the whole's number (or one past it: "of 300." takes the full stop)
    return next(((s, e) for s, e in others if rel_e <= s < m.end() <= e + 1), None)


def _whole_value(ctx: DocContext, sent_no: int, qs: int, whole: tuple[int, int], family: str, factor: float) -> float:
    """The value of the whole a figure is part of, in the part's base unit; 0 when it is of another
    family or not a figure of the text."""
    row = next((r for r in ctx.numbers_in(sent_no) if r.start == qs + whole[0]), None)
    if row is None or (row.unit and units.family(row.unit) != family):
        return 0.0
    return float(row.value) * factor


def _concept(lex: Lexicon, row: NumberRow, quote: str, rel_s: int, rel_e: int, others: Sequence[tuple[int, int]],
             family: str) -> str:
    if row.kind == "age":
        return "age"
    if row.kind == "magnitude" or row.unit.lower() == "magnitude":
        return "magnitude"  # a magnitude is only ever a magnitude, whatever it killed
    if row.kind == "category":
        return "category"  # "a Category 3 storm that killed four": the storm's rank, not the toll
    if row.kind == "designator" and row.unit == "bit":
        return "word size"  # "32-bit versions": which build, of whatever it modifies
    if a_size(row):
        return "dimensions"  # "a 1440 x 900 display"
    if row.kind == "designator":
        # Internet Explorer 8 is no count, nor a version of USB; the name's last word is the line
        # ("Nvidia GeForce GT" and "GeForce GT" are one), an acronym as written ("version of USB")
        return f"version of {_product(row.measure)}" if row.measure else "version"
    if _PARENT_OF.search(quote, max(0, rel_s - 30), rel_s):
        return ""  # "a mother of two died": two children, and the verb is the mother's
    restated = _restated_figure(quote, rel_s, others)
    if restated:  # "net income of $312 million, or $1.12 a share": the same measure in other terms
        others = [o for o in others if o != restated]
        done_to = _concept_of_the_verb_before(quote, restated[0], lex)
        a_share = quote[restated[0]:restated[1]].rstrip().endswith("%")
        if done_to and a_share and _concept_fits(done_to, row, family, lex):
            return done_to  # "will cut 15% of its workforce, about 400 jobs": 400 jobs cut, not a workforce
        return _concept(lex, row, quote, *restated, others, family)
    by_how_much = _phrase_right_before_the_count(quote, 0, rel_s, lex)
    if by_how_much and quote[:rel_s].rstrip().lower().endswith(" by"):
        return by_how_much  # "won by 1,914 votes": the margin, counted in votes
    found = (next(iter(concepts_in(row.text, lex)), "")  # a word of the figure itself ("a 30,000-seat stadium")
             or _added_to_concept(quote, rel_s, rel_e, lex) or _running_total_concept(quote, rel_s, lex)
             or _change_in_concept(quote, rel_e, lex) or _share_price_move(quote, rel_s, family)
             or _nearest_concept(quote, rel_s, rel_e, lex, others))
    unnamed = not found or found.startswith(PARTICIPLE_CONCEPT)  # ("an 11% rise helped by higher rates")
    changed = _changed_figure(quote, rel_s, rel_e, others) if family == "percent" and unnamed else None
    if changed:  # "a profit of £1.8 billion in the first half, up 14%": the change is of the profit
        return _concept(lex, row, quote, *changed, [o for o in others if o != changed], family)
    if family in PHYSICAL_FAMILIES:
        return found if found in lex.physical_concepts else family
    if family == units.CURRENCY and (not found or found.startswith(PARTICIPLE_CONCEPT)) and _prices_the_noun(
            quote, rel_s, rel_e, lex):
        return PRICE  # "carrying a $150 million weather satellite": what the satellite cost
    return found if _concept_fits(found, row, family, lex) else ""


# "Shares in Halden fell 2%": the lexicon's share_price words with the company named between them.
_SHARES_IN_A_COMPANY_MOVED = re.compile(
    r"\b(?i:shares|stock)\s+(?:in|of)\s+(?:[A-Z][\w&'’.-]*\s+){1,4}(?:(?:closed|ended|were)\s+)?"
    r"(?:fell|rose|dropped|slid|slumped|jumped|climbed|gained|lost|down|up)\b[^.;,\d]{0,20}$")


def _share_price_move(quote: str, rel_s: int, family: str) -> str:
    """``SHARE_PRICE`` for a percentage right after a company's shares and a verb of moving, else ''."""
    if family == "percent" and _SHARES_IN_A_COMPANY_MOVED.search(quote, max(0, rel_s - 80), rel_s):
        return SHARE_PRICE
    return ""


# A length between places: "200 metres off the shore", "50 metres from the shore", "3 km away",
# "12 miles north of Tessel".
_DISTANCE_AFTER = re.compile(r"\s+(?:(?:away|offshore|out)\b|(?:away\s+)?(?:off|from)\s|"
                             r"(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))*(?:erly)?\s+of\b)",
                             re.IGNORECASE)
# A thing's own dimension: "two metres long", "stands 26 metres tall", "a 3-metre shark".
_SIZE_AFTER = re.compile(r"\s+(?:long|tall|high|wide|across|in\s+(?:length|height|diameter))\b", re.IGNORECASE)
_BEFORE_ITS_NOUN = re.compile(r"-[a-z]+$", re.IGNORECASE)


def _length_sense(quote: str, rel_s: int, rel_e: int) -> str:
    """A length read as a distance from a place ("distance") or as a thing's size ("size"), when
    the words right after it say so, else '': a 3-metre shark is not 50 metres from the shore. Only
    told apart, never joined by it: "25 miles east of Houston" and "25 miles northwest of where he
    escaped" are two distances, and a fall "200ft from a ridge" is no distance between places."""
    if _DISTANCE_AFTER.match(quote, rel_e):
        return "distance"
    if _SIZE_AFTER.match(quote, rel_e) or (_BEFORE_ITS_NOUN.search(quote[rel_s:rel_e])
                                           and re.match(r"\s+[a-z]", quote[rel_e:rel_e + 2])):
        return "size"
    return ""


# An amount between a determiner and the noun it modifies: "a $150 million weather satellite", "the
# £4.2bn takeover", "the £16 million Harlow Quay footbridge" (the first lower-case word after it, past
# any name, that is no function word or participle).
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our)\s+$", re.IGNORECASE)
_WORTH_NEAR = re.compile(r"\b(?:worth|valued?|value)\b", re.IGNORECASE)
WORTH_CHARS = 40  # how near a word of worth says the amount is a value (left as the sources name it)
# The words after an amount, past any name ("the £16m Harlow Quay footbridge opened"): the lower-case run.
_NOUN_RUN = re.compile(r"\s*-?\s*(?:[A-Z][\w'’-]*\s+){0,3}((?:[a-z]+\s+){0,3}[a-z]+)")


def _prices_the_noun(quote: str, rel_s: int, rel_e: int, lex: Lexicon) -> bool:
    """An amount written before the noun it modifies is that thing's price or value, unless the
    noun is an amount of money itself ("a £540,000 lottery grant": the grant)."""
    run = _NOUN_RUN.match(quote, rel_e)
    first = run.group(1).split()[0] if run else ""
    if _WORTH_NEAR.search(quote, max(0, rel_s - WORTH_CHARS), min(len(quote), rel_e + WORTH_CHARS)):
        return False  # "a haul worth €103 million", "the €103 million diamonds, valued at": a value, said so
    if _priced_noun(quote, rel_e) in lex.money_nouns:
        return False
    return bool(_DETERMINER_BEFORE.search(quote, max(0, rel_s - 8), rel_s) and first
                and first not in STOPWORDS and not first.endswith("ed"))


def _priced_noun(quote: str, rel_e: int) -> str:
    """The thing an amount before it prices: the last word of the lower-case run after it, short of
    a verb or a function word ("weather satellite exploded": satellite; "footbridge opened": footbridge)."""
    run = _NOUN_RUN.match(quote, rel_e)
    nouns = []
    for w in run.group(1).split() if run else ():
        if w in STOPWORDS or w.endswith(("ed", "ing")):
            break
        nouns.append(w)
    return nouns[-1] if nouns else ""


# A change in percent set off after the figure it changes: ", up 14%", ", down 3%", ", an 11% increase".
_CHANGE_SET_OFF = re.compile(r",\s*(?:(?:up|down)\s+(?:by\s+)?|an?\s+)$", re.IGNORECASE)
_CHANGE_NOUN_AFTER = re.compile(r"\s*(?:increase|rise|jump|gain|fall|drop|decline|decrease)\b", re.IGNORECASE)


def _changed_figure(quote: str, rel_s: int, rel_e: int, others: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The figure a change in percent is of: the figure before it in its sentence when the change
    is set off after it ("£1.8 billion in the first half, up 14%", "£1.6bn on Thursday, an 11%
    increase"), no clause end between them."""
    before = [o for o in others if o[1] <= rel_s]
    if not before:
        return None
    previous = max(before, key=lambda o: o[1])
    between = quote[previous[1]:rel_s]
    m = _CHANGE_SET_OFF.search(between)
    if not m or re.search(r"[.;:!?]", between) or (m.group().strip(", ").lower() in ("a", "an") and not (
            _CHANGE_NOUN_AFTER.match(quote, rel_e))):
        return None
    return previous


def _product(name: str) -> str:
    """The product line a version is of, as sources write it: the name's last word ("Nvidia
    GeForce GT" and "GeForce GT" are one line), an acronym as written ("version of USB"), and a
    name of several words ending in a plain word by its initials, as its acronym is written
    ("Internet Explorer 8" and "IE 8")."""
    words = name.split()
    last = words[-1]
    if last.isupper():
        return last
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return "".join(w[0] for w in words)
    return last.lower()


# A change and what it is in, right after the figure: "a 20% drop in sales", "a 3% rise in the number of deaths".
_CHANGE_IN_AFTER = re.compile(_CHANGE_NOUN_AFTER.pattern + r"s?\s+in\s+((?:[a-z]+\s+){0,3}[a-z]+)", re.IGNORECASE)


def _change_in_concept(quote: str, rel_e: int, lex: Lexicon) -> str:
    """What a change written as a noun after the figure is a change in ("a 20% drop in sales":
    revenue), the first concept of the few words after its "in"; '' otherwise."""
    m = _CHANGE_IN_AFTER.match(quote, rel_e)
    return next(iter(concepts_in(m.group(1), lex)), "") if m else ""


# "adding three years to his sentence": the verb of adding right before the figure, and what it is added to.
_ADDING_BEFORE = re.compile(r"\b(\w+)\s+(?:(?:about|some|nearly|roughly|another|an\s+extra|a\s+further)\s+)?$", re.I)
_ADDED_TO = re.compile(r"\s+(?:\w+\s+)?to\s+(?:(?:the|a|an|his|her|its|their|our|my)\s+)?(\w+(?:\s+\w+)?)", re.I)


def _added_to_concept(quote: str, rel_s: int, rel_e: int, lex: Lexicon) -> str:
    """A figure added to something measures what it is added to: "adding three years to his
    sentence" is a prison term, "added 300 jobs to its workforce" a workforce ('' otherwise)."""
    verb = _ADDING_BEFORE.search(quote, max(0, rel_s - 40), rel_s)
    if not verb or verb.group(1).lower() not in lex.increment_verbs:
        return ""
    target = _ADDED_TO.match(quote, rel_e)
    if not target:
        return ""
    return next((c for w in target.group(1).lower().split() if (c := concept_of_word(w, lex))), "")


# A running total moved to a figure: "taking the number of deaths linked to the algae to three",
# "bringing the total of confirmed cases in the region to 212" (what it counts may be far from it).
_RUNNING_TOTAL_TO = re.compile(
    r"\b(?:tak(?:e|es|ing)|took|bring(?:s|ing)?|brought|rais(?:e|es|ing)|raised|push(?:es|ing)?|pushed)\s+"
    rf"(?:the|its|their)\s+(?:number|total|tally|count|toll)\s+of\s+([^.;:,]{{1,80}}?)\s+to\s+(?:{_HEDGE}\s+)?$",
    re.IGNORECASE)


RUNNING_TOTAL_CHARS = 160  # how far before the figure "taking the number of ..." may begin


def _running_total_concept(quote: str, rel_s: int, lex: Lexicon) -> str:
    """What a running total moved to this figure counts, named after "the number of" ('' otherwise)."""
    m = _RUNNING_TOTAL_TO.search(quote, max(0, rel_s - RUNNING_TOTAL_CHARS), rel_s)
    return next(iter(concepts_in(m.group(1), lex)), "") if m else ""


# ", or" between two figures: the second restates the first ("$312 million, or $1.12 a share";
# "12 people, or a third of the village").
_RESTATING = re.compile(r"\s*,\s*or\s+(?:about\s+|around\s+|nearly\s+|roughly\s+)?$", re.I)


# Words before a share in which its verb is looked for ("will cut 15% of ...").
VERB_BEFORE_SHARE_CHARS = 25


def _concept_of_the_verb_before(quote: str, start: int, lex: Lexicon) -> str:
    """The concept the words right before a figure name (its verb: "will cut", "plans to lay off"), or ''."""
    return next(iter(concepts_in(quote[max(0, start - VERB_BEFORE_SHARE_CHARS):start], lex)), "")


# A share and its size set off by a comma and a hedge: "cut 15% of its workforce, about 400 jobs".
_SHARE_RESTATED = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+\w+(?:\s+\w+)?\s*,\s*"
                             rf"(?:or\s+)?(?:{_HEDGE}\s+)?$", re.I)


def _restated_figure(quote: str, rel_s: int, others: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The figure right before this one that it restates after ", or", or a share it gives the size of, if any."""
    before = [o for o in others if o[1] <= rel_s]
    if not before:
        return None
    previous = max(before, key=lambda o: o[1])
    if _RESTATING.fullmatch(quote, previous[1], rel_s):
        return previous
    share = quote[previous[0]:previous[1]].rstrip().endswith("%")
    return previous if share and _SHARE_RESTATED.fullmatch(quote, previous[1], rel_s) else None


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# What a participle that is no concept of the lexicon says of the count right before it ("14
# trapped", "20 rescued"): marked so (``_concept`` passes it on, ``_figure`` keeps it as the
# figure's participle, not its concept), so "14 trapped miners" never meets "two miners were killed".
PARTICIPLE_CONCEPT = "participle: "


def _after_concept(sentence: str, rel_end: int, lexicon: Lexicon, others: Sequence[tuple[int, int]]) -> str | None:
    """Concept of the verb or adjective right after a count ("five people died" -> deaths; "14
    trapped" -> the participle, marked ``PARTICIPLE_CONCEPT``), else of the counted noun ("200
    residents" -> population), None when the phrase after the count says nothing (undecided)."""
    stop = min([s for s, _ in others if s >= rel_end] + [len(sentence)])
    spans = _tokens(sentence[rel_end:stop])[:CONCEPT_AFTER_WORDS]
    toks = [t for t, _, _ in spans]
    nouns = 0
    counted = None  # the concept the counted noun itself names ("200 residents"), if no verb says more
    noun_at = _after_the_names(toks)  # "Two Dornwick escapees recaptured": the noun after the name
    for k, tok in enumerate(toks):
        low = tok.lower()
        if not tok[0].isalpha():
            return counted
        if low in _COPULAS and counted is None and _opens_a_place(toks[k + 1:k + 2], lexicon):
            counted = ""  # "57 are in hospital": the count's own clause says where they are, and no concept
        found = _phrase_concept(toks[k:], lexicon)
        if found:
            return found  # "310,000 homes were without power", "customers had lost electricity"
        if low in ("and", "or") and _phrase_concept_after_nouns(toks[k + 1:], lexicon):
            continue  # "homes and businesses were without power": the counted nouns go on
        found = concept_of_word(low, lexicon)
        if found and k == noun_at and not low.endswith("ed"):
            counted = found  # "200 residents were evacuated": what happened to them decides
            nouns += 1
            continue
        if found:
            return found
        if low == "who" and nouns:
            return _relative_concept(toks[k + 1:], lexicon, counted)
        if (counted and low in ("of", "from", "in")) or (low == "of" and k == 0):
            # "4,500 residents of eight villages were moved to safety", "40 of the tortoises were dead"
            share = k == 0 and _A_SHARE_ENDS.search(sentence, 0, rel_end) is not None
            return _verb_past_the_phrase(sentence, rel_end + spans[k][1], lexicon, active=share) or counted
        if low in _PHRASE_END or low in lexicon.scope_prepositions or low in (
                "of", "from", "with", "by", "to", "for", "over", "during", "despite"):
            return counted
        if low in lexicon.auxiliaries or low.endswith("ly"):
            continue
        if low in lexicon.status_verbs:
            # "confirmed dead", "known to have died", "feared to have been killed"
            rest = [t.lower() for t in toks[k + 1:k + 5] if t.lower() not in ("to", "have", "be", "been")]
            return concept_of_word(rest[0] if rest else "", lexicon) or counted or ""
        if low.endswith("ed") and len(low) > 4:
            # a participle that is no concept: the count is of something else, unless what follows
            # "for" / "with" names it ("were treated for minor injuries", "hospitalised with burns"),
            # or it qualifies a counted noun that names one ("214 suspected cholera cases")
            return (_concept_after_cause(toks[k + 1:], lexicon) or counted
                    or _noun_after_an_adjective(toks[k + 1:k + 3], lexicon) or f"{PARTICIPLE_CONCEPT}{low}")
        nouns += 1
        if nouns > 3:
            return counted
    return counted


# A counted noun's own phrase and the verb after it: "residents [of eight villages] were moved to
# safety", "40 [of the tortoises] had died" (a few words, no clause break, then the auxiliary).
_PHRASE_THEN_PASSIVE = re.compile(
    r"(?:of|from|in)\s+(?:[\w'-]+\s+){1,4}?(?:were|was|have\s+been|had\s+been|has\s+been|had|have|has)\s+", re.I)


# ... or a verb in the past right after a few words of it: "82% of members voted in favour", "82% of
# those who voted" (shares only: ``_verb_past_the_phrase``).
_A_SHARE_ENDS = re.compile(r"(?:%|\bper\s*cent|\bpercent)\s*$", re.I)
_PHRASE_THEN_PAST = re.compile(r"(?:of|from|in)\s+(?:[\w'-]+\s+){1,4}?([a-z]{3,}ed)\b", re.I)


def _verb_past_the_phrase(sentence: str, at: int, lexicon: Lexicon, *, active: bool = False) -> str:
    """What the verb after the counted noun's phrase says happened to the counted ("4,500 residents
    of eight villages were moved to safety": displaced, not a population); '' when no auxiliary
    follows within a few words or its verb names no concept. With ``active`` (a share: "82% of those
    who voted backed the deal"), a verb in the past after a few words says it too; of a count, "two
    of the inmates who escaped" is some of the escaped, not a count of escapes."""
    m = _PHRASE_THEN_PASSIVE.match(sentence, at)
    if not m:
        past = _PHRASE_THEN_PAST.match(sentence, at) if active else None
        return concept_of_word(past[1].lower(), lexicon) if past else ""
    after = [t for t, _, _ in _tokens(sentence[m.end():])][:PHRASE_CONCEPT_WORDS]
    return _phrase_concept(after, lexicon) or (concept_of_word(after[0].lower(), lexicon) if after else "")


def _relative_concept(toks: Sequence[str], lexicon: Lexicon, counted: str | None) -> str | None:
    """What a relative clause on the counted people says happened to them or what they did ("four
    men who robbed the bank", "two people who were killed"): its verb, past auxiliaries and
    adverbs, names the concept, or a participle that names none marks the count as of its own kind."""
    for k, tok in enumerate(toks[:PHRASE_CONCEPT_WORDS]):
        low = tok.lower()
        if low in lexicon.auxiliaries or low.endswith("ly") or low in ("been", "being"):
            continue
        found = _phrase_concept(toks[k:], lexicon) or concept_of_word(low, lexicon)
        if found:
            return found
        if low.endswith("ed") and len(low) > 4:
            return counted or f"{PARTICIPLE_CONCEPT}{low}"
        return counted
    return counted


def _after_the_names(toks: Sequence[str]) -> int:
    """Where the counted noun stands after a count: past the capitalised names before a lower-case
    word ("Two Dornwick escapees", "40 Red Cross workers"), else right after it (a title-case
    headline capitalises everything)."""
    k = 0
    while k < len(toks) and toks[k][:1].isupper():
        k += 1
    return k if k < len(toks) and toks[k][:1].islower() else 0


# A verb that links a count to what is said of it ("57 are in hospital", "40 remain in serious condition").
_COPULAS = frozenset({"is", "are", "was", "were", "remain", "remains", "remained", "stay", "stays", "stayed"})


def _opens_a_place(toks: Sequence[str], lexicon: Lexicon) -> bool:
    return bool(toks) and toks[0].lower() in lexicon.scope_prepositions


def _phrase_concept(toks: Sequence[str], lexicon: Lexicon) -> str:
    """The concept of a phrase of several words the tokens open with ("without power"), or ''."""
    opening = " ".join(toks[:PHRASE_CONCEPT_WORDS]).lower()
    for name, pattern in lexicon.concepts:
        m = pattern.match(opening)
        if m and " " in m.group():
            return name
    return ""


def _phrase_concept_after_nouns(toks: Sequence[str], lexicon: Lexicon) -> bool:
    """A phrase of several words names a concept after nothing but a noun or two and auxiliaries
    ("businesses were without power"); a verb or a concept word before it ends the phrase."""
    for k, tok in enumerate(toks[:PHRASE_CONCEPT_WORDS]):
        low = tok.lower()
        if _phrase_concept(toks[k:], lexicon):
            return True
        if not tok[0].isalpha() or low in _PHRASE_END or concept_of_word(low, lexicon) or (
                low.endswith(("ing", "ed")) and low not in lexicon.auxiliaries):
            return False
    return False


def _noun_after_an_adjective(toks: Sequence[str], lexicon: Lexicon) -> str:
    """The concept of a counted noun that a participle qualifies ("suspected [cholera] cases",
    "confirmed cases"), '' when none names one ("14 trapped miners" stay trapped)."""
    for tok in toks:
        if not tok[0].isalpha() or tok.lower() in _PHRASE_END:
            return ""
        if (found := concept_of_word(tok.lower(), lexicon)):
            return found
    return ""


def _concept_after_cause(toks: Sequence[str], lexicon: Lexicon) -> str:
    """The concept named by a "for" / "with" phrase right after a participle, within two words of
    the preposition ("treated for minor injuries" -> injured); '' for none."""
    if not toks or toks[0].lower() not in ("for", "with"):
        return ""
    return next((found for tok in toks[1:4] if (found := concept_of_word(tok.lower(), lexicon))), "")


# A verb that links a clause's subject to the figure right after it ("rose to", "stood at").
_LINKING_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|climbed|jumped|reached|reaches|hit|increased|grew|stood|stands|is|was|were|are|"
    r"now|has\s+risen|had\s+risen)(?:\s+(?:to|at))?\s+(?:(?:at\s+least|more\s+than|over|about|nearly|almost)\s+)?$",
    re.I)


# A past participle or past tense right before a count, with at most a qualifier between.
_VERB_RIGHT_BEFORE = re.compile(
    r"\b([a-z]+ed)\s+(?:(?:about|around|some|nearly|almost|over|at\s+least|more\s+than|up\s+to)\s+)?$", re.I)


# The two words before "for" a length of time say what went on so long: "was stopped for 20 minutes",
# "stopped playing for around 45 minutes" (a hedge may open the figure or precede it).
_LASTED_BEFORE = re.compile(
    rf"\b([a-z]+)\s+([a-z]+)\s+for\s+(?:(?:{_HEDGE}|barely)\s+)?$", re.IGNORECASE)


# A completed act and the time it took: "sold out in 40 minutes", "were sold in just over an hour",
# "finished the course in three hours" (a past form right before "in", or one word before it).
_TOOK_IN_BEFORE = re.compile(
    rf"\b({timeml.COMPLETED_ACT})(?:\s+[a-z]+){{0,3}}\s+in\s+"
    rf"(?:(?:{_HEDGE}|just|barely)\s+){{0,2}}$", re.IGNORECASE)


def _lasting(quote: str, rel_s: int, rel_e: int, family: str, lex: Lexicon) -> frozenset[str]:
    """What a length of time "for" which something went on measures: the content stems of the two
    words before "for", one act's words as one ("shut" as "close"; the lexicon's ``lasting_acts``),
    the act named right after it ("after two years of closure"), or the completed act it took ("sold
    out in 40 minutes"); empty for other figures, and for "within two weeks", a deadline."""
    if family != "duration":
        return frozenset()
    act_of = _acts(lex.lasting_acts)
    m = _LASTED_BEFORE.search(quote, max(0, rel_s - 60), rel_s)
    if m:
        return frozenset(act_of.get(w, w) for w in content_stems(f"{m[1]} {m[2]}"))
    named = _OF_AN_ACT_AFTER.match(quote, rel_e)
    act = act_of.get(content_stems(named[1])[0], "") if named and content_stems(named[1]) else ""
    if act:
        return frozenset({act})
    took = _TOOK_IN_BEFORE.search(quote, max(0, rel_s - 60), rel_s)
    if took:
        return frozenset(act_of.get(w, w) for w in content_stems(took[1]))
    where = _SPENT_IN_AFTER.match(quote, rel_e) if _SPENT_BEFORE.search(quote, max(0, rel_s - 30), rel_s) else None
    return frozenset(content_stems(where[1])) if where else frozenset()


# Time spent somewhere is time there: "spent around 10 minutes in the freezing water" measures what
# "had been in the water for about 20 minutes" does (the place's words, as the two before "for").
_SPENT_BEFORE = re.compile(rf"\bspen(?:t|d|ds|ding)\s+(?:(?:{_HEDGE}|just|nearly|almost)\s+)?$", re.IGNORECASE)
_SPENT_IN_AFTER = re.compile(r"\s+(?:in|at|on|inside|under|aboard)\s+((?:[a-z]+\s+){0,2}[a-z]+)", re.IGNORECASE)


# A length of time and the act it is the length of: "two years of closure", "a week of suspension".
_OF_AN_ACT_AFTER = re.compile(r"\s+of\s+(?:the\s+|its\s+)?([a-z]+)", re.IGNORECASE)


@functools.lru_cache(maxsize=2)
def _acts(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(pairs)


# "seven of their last eight games", "in the past three matches": the count of a span the writer chose.
_WINDOW_BEFORE = re.compile(r"\b(?:the|their|its|his|her|our|my)\s+(?:last|past|previous)\s+$", re.IGNORECASE)


# A verb of holding in the simple present right before a count: what a ship, a hall or a hotel can take
# ("carries about 3,100 passengers", "seats 40,000", "sleeps six"), not who is on board now ("was
# carrying 250 people").
_HOLDS_RIGHT_BEFORE = re.compile(
    r"\b(?:carries|holds|seats|accommodates|sleeps|can\s+(?:carry|hold|seat|take|accommodate))\s+"
    r"(?:(?:about|around|some|nearly|almost|over|at\s+least|more\s+than|up\s+to)\s+)?$", re.I)


# A present participle right before a count, with at most a qualifier between ("carrying more than 250").
_GERUND_RIGHT_BEFORE = re.compile(
    r"\b([a-z]+ing)\s+(?:(?:about|around|some|nearly|almost|over|at\s+least|more\s+than|up\s+to)\s+)?$", re.I)


# An action noun and "of" right before a count, with at most a qualifier between ("the evacuation of
# some 3,000 residents").
_ACTION_OF_RIGHT_BEFORE = re.compile(
    r"\b([a-z]+)\s+of\s+(?:(?:about|around|some|nearly|almost|over|at\s+least|more\s+than|up\s+to)\s+)?$", re.I)


def _phrase_right_before(sentence: str, left: int, rel_start: int, lexicon: Lexicon) -> str:
    """A people concept's phrase of several words ending right before the count ("will lay off
    1,500 employees": what happens to them, not the workforce they are of), or ''. ("Home to
    22,000 refugees" says where they are: the counted noun keeps its own concept.)"""
    for name, pattern in lexicon.concepts:
        if name not in lexicon.people_concepts:
            continue
        for m in pattern.finditer(sentence, max(left, rel_start - 24), rel_start):
            if " " in m.group() and not sentence[m.end():rel_start].strip():
                return name
    return ""


def _names_the_counted(sentence: str, rel_end: int, concept: str, lexicon: Lexicon) -> bool:
    """The concept is the counted noun's own ("300 residents"), not what happened to them."""
    toks = _tokens(sentence[rel_end:])
    first = toks[0][0].lower() if toks else ""
    return bool(first) and not first.endswith("ed") and concept_of_word(first, lexicon) == concept


# Words that hedge or bound a figure written right after them ("about 24,000", "fewer than 400").
# "<noun> of [about] " right before a count: `_nearest_concept` asks the lexicon whether the noun is a settlement.
_SETTLEMENT_OF = re.compile(rf"\b([a-z]+)\s+of\s+(?:{_HEDGE}\s+)?$", re.IGNORECASE)


def _nearest_concept(sentence: str, rel_start: int, rel_end: int, lexicon: Lexicon,
                     others: Sequence[tuple[int, int]] = ()) -> str:
    """What a count measures: the verb right after it decides ("six children were killed and 14
    trapped": 14 is trapped, not dead); a counted noun that names a concept itself ("300
    residents") yields to that verb or to a participle right before the count ("evacuated about
    300 residents"); else a concept word just before it with no other number in between."""
    left = max([e for _, e in others if e <= rel_start] + [0])
    place_of = _SETTLEMENT_OF.search(sentence, left, rel_start)
    if place_of and place_of.group(1).lower() in lexicon.settlement_nouns:
        return POPULATION  # "in the town of 24,000 is employed there": the town's size, not the employed
    after = _after_concept(sentence, rel_end, lexicon, others)
    before = [t for t, _, _ in _tokens(sentence[left:rel_start]) if t[0].isalpha()][-CONCEPT_BEFORE_WORDS:]
    if after is not None:
        object_of = _GERUND_RIGHT_BEFORE.search(sentence, left, rel_start)
        if after.startswith(PARTICIPLE_CONCEPT) and object_of:
            # "a ferry carrying more than 250 people capsized": the count is the object of the verb
            # before it, and the verb after is the ferry's
            return concept_of_word(object_of.group(1).lower(), lexicon)
        if after and _names_the_counted(sentence, rel_end, after, lexicon):
            # "Police evacuated about 300 residents", "the evacuation of some 3,000 residents": the
            # verb or action noun right before says what happened to them
            if _HOLDS_RIGHT_BEFORE.search(sentence, left, rel_start):
                return CAPACITY  # "The vessel, which carries about 3,100 passengers": what it can take
            participle = _VERB_RIGHT_BEFORE.search(sentence, left, rel_start)
            verb = participle or _ACTION_OF_RIGHT_BEFORE.search(sentence, left, rel_start)
            return ((concept_of_word(verb.group(1).lower(), lexicon) if verb else "")
                    or (_phrase_around_the_counted(participle.group(1), sentence, rel_end, lexicon)
                        if participle else "")
                    or _phrase_right_before(sentence, left, rel_start, lexicon) or after)
        return after
    phrase = _phrase_right_before_the_count(sentence, left, rel_start, lexicon)
    if phrase:
        return phrase  # "cut power to about 60,000 homes": the phrase, not "cut" of job cuts
    for tok in reversed(before):
        found = concept_of_word(tok.lower(), lexicon)
        if found:
            return found
    if _LINKING_BEFORE.search(sentence[left:rel_start]):
        # "The death toll from the quake on Qeshm island rose to 13": the clause's subject names it
        for tok in reversed([t for t, _, _ in _tokens(sentence[left:rel_start]) if t[0].isalpha()]):
            found = concept_of_word(tok.lower(), lexicon)
            if found:
                return found
    return ""


def _phrase_right_before_the_count(sentence: str, left: int, rel_start: int, lexicon: Lexicon) -> str:
    """A concept's phrase of several words ending just before the count ("home to 120,000", "cut
    power to about 60,000"), '' for none."""
    for name, pattern in lexicon.concepts:
        m = pattern.search(sentence, left, rel_start)
        if m and " " in m.group() and rel_start - m.end() <= 12:
            return name
    return ""


def _phrase_around_the_counted(verb: str, sentence: str, rel_end: int, lexicon: Lexicon) -> str:
    """A concept's phrase that the count and its noun stand inside: "forced some 5,000 residents
    from their homes" is "forced from their homes" said of them (displaced, not a population), as
    "have been forced from their homes" is; '' when the verb right before and the words after the
    counted noun make no phrase of the lexicon."""
    after = [t for t, _, _ in _tokens(sentence[rel_end:])][1:PHRASE_CONCEPT_WORDS]
    return _phrase_concept([verb, *after], lexicon) if after else ""


def _concept_fits(concept: str, row: NumberRow, family: str, lex: Lexicon) -> bool:
    """A number's kind and counted noun must suit the concept: deaths are a count of people
    (not "13 countries", not a duration); a magnitude is a small bare number."""
    if not concept:
        return False
    if concept == GAP and row.kind in ("tally", "ordinal"):
        return False  # "came from behind to win 3-1", "ahead in the 87th minute": a score, a minute, never a gap
    if concept in lex.physical_concepts and family not in PHYSICAL_FAMILIES:
        return False  # "twenty homes have burned", "spread to 12 countries": a count, not a burned area
    if not _counts_its_nouns(concept, row.unit, lex):
        return False  # "More than 80 firefighters attended" is no crowd; "cut 30 flights" no job cuts
    if concept in lex.people_concepts:
        noun = row.unit.lower()
        return row.kind == "count" and family == "count" and not (
            noun in lex.non_person_nouns or noun.rstrip("s") in lex.non_person_nouns)
    if concept == "magnitude":
        return not row.unit and float(row.value or 0) < 10  # type: ignore[arg-type]
    if concept in lex.duration_concepts:
        return family == "duration"
    if concept in lex.percent_concepts:
        return family == "percent"
    if concept in lex.money_concepts:
        return family == units.CURRENCY
    if concept in lex.price_concepts:
        return family in (units.CURRENCY, "percent")
    return True


def _counts_its_nouns(concept: str, noun: str, lex: Lexicon) -> bool:
    """A concept with nouns of its own (lexicon `[concept_nouns]`) counts only those or people at
    large; a concept without them counts anything its other rules allow."""
    own = concept_noun_keys(lex).get(concept)
    if own is None or not noun:
        return True
    key = count_noun(noun.lower(), lex)
    return key in lex.generic_count_nouns or key in own


def _scope(sentence: str, rel_end: int, lexicon: Lexicon) -> str:
    """The place phrase after a count ("170,000 people in the province", "across Asia"): what
    the figure covers. Dates are not scope ("in 2004" is cut off)."""
    toks = _tokens(sentence[rel_end:])
    k = 0
    while k < len(toks) and k < 4 and toks[k][0][0].isalpha() and toks[k][0].lower() not in lexicon.scope_prepositions:
        if toks[k][0].lower() in _PHRASE_END:
            return ""
        k += 1
    if k >= len(toks) or toks[k][0].lower() not in lexicon.scope_prepositions:
        return ""
    out: list[str] = []
    words_of_scope = toks[k:k + 1 + SCOPE_MAX_WORDS]
    for n, (tok, _, _) in enumerate(words_of_scope):
        low = tok.lower()
        if low == "and" and out and out[-1][:1].isupper() and words_of_scope[n + 1:n + 2] and \
                words_of_scope[n + 1][0][:1].isupper():
            out.append(tok)  # "in the US and Canada": one scope of two names
            continue
        if out and (low in _PHRASE_END or low in _VERB_AUX or (tok.islower() and low.endswith("ed") and len(low) > 4)):
            break  # (a capitalised word is a name: "the United States", not a participle)
        if not tok[0].isalnum() or _YEAR_TOKEN.match(tok) or low in _MONTHS_DAYS:
            break
        if "-" in tok:
            head = tok.split("-")[0]
            if head and head.isalpha():
                out.append(head)
            break
        out.append(tok)
    if len(out) < 2:
        return ""
    if not any(w[0].isupper() or w.lower() in lexicon.scope_nouns for w in out[1:]):
        return ""  # "in the riots" says when, not where
    return " ".join(out)


# A word that reads as a verb form: a measure phrase of verbs alone ("reached", "depended") names nothing.
_VERB_FORM = re.compile(r"(?:ed|ing)$")


# The noun an age is told of: "a 43-year-old man", "a 58-year-old German woman" (names and
# nationalities skipped), "a woman aged 61", "the driver, 61,", "its owner, 66,".
_NOUN_AFTER_AN_AGE = re.compile(r"[\s-]*(?:year|yr)s?[\s-]*old\s+(?:[A-Z][\w'-]*\s+){0,2}([a-z]+)\b")
_NOUN_BEFORE_AGED = re.compile(
    r"\b([a-z]+),?\s+aged\s+$|\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]n?)\s+([a-z]+)\s*,\s*$")
# "Its owner, a 71-year-old woman": the age is told in apposition to the noun the story calls the person by.
_NOUN_OF_AN_APPOSITION = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+([a-z]+)\s*,\s*an?\s+$")
_NOUN_BEFORE_A_DECADE = re.compile(r"\b([a-z]+),?\s+$")  # "a man in his 40s": the age's mention is "in his 40s"
_NOUN_AFTER_AN_AGE_MENTION = re.compile(r"\s+(?:[A-Z][\w'-]*\s+){0,2}([a-z]+)\b")


def _age_of(quote: str, rel_s: int, rel_e: int) -> str:
    """The noun an age describes when the sentence gives it so ("a 43-year-old man": man), '' else."""
    if quote[rel_s:rel_e].lower().startswith("in "):  # "a man in his 40s", "the woman, in her early thirties"
        m = _NOUN_BEFORE_A_DECADE.search(quote, max(0, rel_s - 30), rel_s)
        return m[1] if m else ""
    m = (_NOUN_OF_AN_APPOSITION.search(quote, max(0, rel_s - 30), rel_s) or _NOUN_AFTER_AN_AGE.match(quote, rel_e)
         or _NOUN_BEFORE_AGED.search(quote, max(0, rel_s - 30), rel_s))
    if not m and quote[rel_s:rel_e].lower().endswith("old"):
        m = _NOUN_AFTER_AN_AGE_MENTION.match(quote, rel_e)  # "43-year-old" all in the mention
    noun = next((g for g in m.groups() if g), "") if m else ""
    return "" if noun in STOPWORDS else noun  # "arrested an 18-year-old after ...": no noun


def _a_demand_told(quote: str, lex: Lexicon) -> bool:
    """The sentence tells one side's demand: an offer beside it is the other side's, a stance of a bargain."""
    demand = dict(lex.stances).get("demand")
    return bool(demand and find_phrases(words(quote), demand))


def _stance(before: Sequence[str], lex: Lexicon) -> str:
    """The bargain's side a figure is, from the stance words before it: agreed or demand ('' when
    its clause says none). The lexicon's first stance of those found wins: "voted to accept a pay
    offer worth 11%" is agreed, an offer accepted."""
    return next((name for name, phrases in lex.stances if find_phrases(list(before), phrases)), "")


def _measure_text(row: NumberRow, family: str) -> str:
    """What the figure measures in the source's words: the parse's measure phrase when it holds a
    common noun ("share of AI chips", "people killed") other than its unit's dimension, else a
    count's noun ("challenges")."""
    phrase = " ".join(row.measure.split())
    dimension = units.DIMENSION_WORDS.get(family, frozenset())  # "a duration of three days" names no thing
    if any(w.isalpha() and w.islower() and len(w) > 2 and w not in STOPWORDS and not _VERB_FORM.search(w)
           and w not in dimension for w in phrase.split()):
        return phrase
    return row.unit if family == units.COUNT and row.unit.isalpha() else ""


def _as_of_in_other_clause(sentence: str, rel_end: int, date_spans: Sequence[tuple[int, int]],
                           as_of: str = "") -> bool:
    """The number's reference date stands after it, behind a clause opener: it dates that clause.
    A day in a clause of the same moment ("were hurt when the bridge fell on Monday", "were moved
    to safety as water poured over the dam on Sunday") dates the figure's happening too."""
    if not date_spans or any(s < rel_end for s, _ in date_spans):
        return False
    first = min(s for s, _ in date_spans)
    openers = {t.lower() for t, _, _ in _tokens(sentence[rel_end:first])} & _CLAUSE_OPENERS
    if openers and openers <= _AT_THE_SAME_TIME and timeml.granularity(as_of) == "day":
        openers = set()
    return bool(openers) or _dates_a_deed(sentence, rel_end, first) or ";" in sentence[rel_end:first]


# A word after a century that makes it a modifier: "17th-century Dutch artists", "a 19th century house".
_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z]+)")


def _an_era_of_a_thing(text: str, d: DateRow) -> bool:
    """A century written before a noun tells what era a thing is of ("three paintings by 17th-century
    Dutch artists"), not when the sentence's figure happened."""
    if d.granularity != "century":
        return False
    m = _WORD_AFTER.match(text, d.end)
    return bool(m) and m.group(1).lower() not in STOPWORDS


# A relative clause open before a date ("Criminals who attacked ... on"), and the main clause's verb
# after it, before the figure ("are demanding a ransom of"): the date is the clause's, not the figure's.
# "that" after a verb of saying opens what was said ("said that on 2 March the hackers were demanding $4m").
_OPEN_RELATIVE_CLAUSE = re.compile(r"\b(\w+)\s+(?:who|which|that)\s+[^,.;]*$", re.IGNORECASE)
_MAIN_CLAUSE_VERB = re.compile(r"^[^,.;]{0,40}?\b(?:is|are|was|were|has|have|had|will|would)\b", re.IGNORECASE)


def _in_a_subjects_relative_clause(sentence: str, date_start: int, date_end: int, rel_start: int,
                                   lex: Lexicon) -> bool:
    """The date stands in a relative clause that the main clause's verb closes before the figure."""
    if date_end > rel_start or not _MAIN_CLAUSE_VERB.match(sentence[date_end:rel_start]):
        return False
    opened = _OPEN_RELATIVE_CLAUSE.search(sentence, 0, date_start)
    return bool(opened) and not after_a_reporting_verb([opened[1].lower()], lex)


def _dates_a_deed(sentence: str, rel_end: int, date_start: int) -> bool:
    """A date after the figure in a "for" + gerund phrase dates the deed the figure is for ("fined
    135 million euros for taking part in a cartel between 2016 and 2023"), not the figure."""
    if date_start < rel_end:
        return False
    toks = [t.lower() for t, _, _ in _tokens(sentence[rel_end:date_start])]
    return any(a == "for" and b.endswith("ing") for a, b in itertools.pairwise(toks))


def _measure_keys(sentence: str, rel_start: int, rel_end: int, measure: str) -> tuple[frozenset[str], str]:
    """Stems naming what a number measures (and the head stem): the extractor's phrase, else the words after it."""
    if measure:
        stems = [s for s in content_stems(measure) if not s.isdigit()]
        if stems:
            return frozenset(stems[-3:]), stems[-1]
    after = words(sentence[rel_end:])
    run: list[str] = []
    for w in after[:MEASURE_WINDOW_AFTER]:
        if w in STOPWORDS:
            if run:
                break
            continue
        run.append(stem(w))
        if len(run) == 3:
            break
    if not run:
        before = [w for w in words(sentence[:rel_start])[-MEASURE_WINDOW_BEFORE:] if w not in STOPWORDS]
        run = [stem(w) for w in before[-2:]]
    return frozenset(run), (run[-1] if run else "")


# --------------------------------------------------------------------------- cues


_NUMBER_WRITTEN = r"(?:\d[\d,.]*%?|" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + ")"
_OF_DETERMINER = r"(?:out\s+)?of\s+(?:(?:the|all|its|their|his|her|our|these|those)\s+)?"
# "152 of the 300 seats", "three of his eight children": the first figure is a part of the second.
_OF_THE_WHOLE = re.compile(rf"\b{_NUMBER_WRITTEN}\s+(?:\w+\s+)?{_OF_DETERMINER}$", re.I)
_PART_OF_A_WHOLE = re.compile(rf"\s+{_OF_DETERMINER}{_NUMBER_WRITTEN}\b", re.I)
# A sentence that opens with its whole and then counts a part of it: "Of the 1,200 jobs Norvik plans
# to cut, 400 will go at its Bergen plant" (the figure follows the comma that ends the opening).
_OPENING_PARTITIVE = re.compile(
    rf"\s*[\"“]?\s*of\s+(?:the|its|their|his|her|these|those|all)\s+{_NUMBER_WRITTEN}\s[^,;.]*,\s*"
    rf"(?:{_HEDGE}\s+)?$", re.I)
# An amount "of the" money, haul or budget a sentence names is a part of it ("$120,000 of the stolen
# cash", "£2m of its budget"); "$13.5bn of private investments" (no determiner) says what it is.
_MONEY_OF_A_WHOLE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+(?![\d$€£¥])\w", re.I)
# An amount "in" two kinds of payment is their sum ("$250,000 in prize money and bonuses"): a whole of
# which "a $100,000 bonus" is a part. (A deal's "in cash and stock" is its price: `_cues` keeps it plain.)
_SUM_OF_KINDS = re.compile(r"\s+in\s+(?:[a-z]+\s+){0,2}[a-z]+\s+and\s+(?:[a-z]+\s+){0,2}[a-z]+\b")


# The ways a price is paid: a price a share paid one way is the offer, no part of it ("$10m in cash and
# $5m in stock" are parts).
_PAYMENT_FORMS = frozenset({"in cash", "in stock", "in shares", "in equity"})
_PAYMENT_FORM_WORDS = re.compile(r"\b(?:cash|stock|shares|equity)\b(?! price)", re.IGNORECASE)
_PER_SHARE_AFTER = re.compile(r"\s+(?:a|per)\s+share\b", re.IGNORECASE)


# A comparison set off by a comma comments on the figure ("worth 6 million euros, higher than first
# estimated"); one right after it says how much more ("a quarter-inch thinner than").
_SET_OFF = re.compile(r"\s*[,;:(\u2013\u2014]")


# A superlative before "since" compares the figure with the years since ("its highest level since
# 2007", "the first rise since March"): a record, not a running total.
_A_RECORD_SINCE = re.compile(
    r"\b(?:[a-z]+est|most|least|first|worst|best)\b(?:\s+[a-z]+){0,3}\s+since\b(?:\s+[a-z]+){0,3}\s+$", re.I)
# A verb of beating before a record phrase ("beating the record set in 2003"): the record is
# another figure, and the one beating it is the story's own.
_BEATING_VERBS = frozenset({"beat", "beats", "beating", "broke", "breaks", "breaking", "smashed", "smashing",
                            "surpassed", "surpassing", "topped", "topping", "eclipsed", "eclipsing", "exceeded",
                            "exceeding", "equalled", "equalling", "equaled", "equaling", "matched", "matching"})
# ... and a date after it dates that record ("beating the record set in 2003"), not the new figure.
_BEATEN_RECORD_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(_BEATING_VERBS)) + r")\s+(?:(?:the|a|its|their|his|her)\s+)?(?:[a-z-]+\s+){0,2}"
    r"record\b[^,;.]{0,30}$", re.I)


def _tells_of_background(segment_words: Sequence[str], k: int, phrase: str, own_period: bool) -> bool:
    """A background phrase of the lexicon at ``k`` puts the figure in an earlier or other event,
    unless it is the base of a change ("up 6% from a year earlier"), a record the figure beats
    ("beating the record set in 2003"), a period that names the story's own time ("last year" in
    a January report of the year's figures: the date the figure has is not background), or a
    superlative "ever" told of a figure of the story's own days ("reached 19.8C on Tuesday, the
    highest February temperature ever recorded": the figure sets the record; "the largest quake
    ever recorded there was 4.5", undated, tells of an old one)."""
    before = segment_words[k - 1] if k else ""
    if before and (timeml.names_a_comparison_base(before, phrase) or (before in _BEATING_VERBS and "record" in phrase)):
        return False
    return not (own_period and (timeml.is_relative_period(phrase) or "ever" in phrase.split()))


def _whole_of_its_own_kind(ctx: DocContext, lex: Lexicon, row: NumberRow, phrase: str) -> bool:
    """"14 structures had burned, including at least six homes": the six are a part of the
    structures but all the homes, a count of a kind of its own, to be compared with another
    source's homes. Only when the count before it counts another noun, of things: "$5 million,
    including $2 million in cash" stays a part, and so do people sorted by sex or age ("20 people,
    including five children") or at large."""
    if phrase != "including":
        return False
    mine = _noun_unlike_the_count_before(ctx, lex, row) or _first_count_of_its_sentence(ctx, lex, row)
    return bool(mine) and mine not in lex.sex_age_nouns and mine not in lex.generic_count_nouns


def _first_count_of_its_sentence(ctx: DocContext, lex: Lexicon, row: NumberRow) -> str:
    """This count's noun when no figure comes before it in the sentence ("files stolen from the
    council, including the details of 65,000 tenants"): a part of a whole nobody counts is all
    of its own kind the sentence tells of."""
    if not row.unit or row.kind != "count":
        return ""
    if any(r.end <= row.start for r in ctx.numbers_in(row.sent_no)):
        return ""
    return count_noun(row.unit, lex)


def _noun_unlike_the_count_before(ctx: DocContext, lex: Lexicon, row: NumberRow) -> str:
    """This count's noun when the count before it in the sentence counts another noun ("4,500
    residents of eight villages": villages), '' when either counts no noun or both count one."""
    if not row.unit or row.kind != "count":
        return ""
    before = [r for r in ctx.numbers_in(row.sent_no) if r.end <= row.start and r.kind == "count"]
    if not before or not before[-1].unit:
        return ""
    mine = count_noun(row.unit, lex)
    return mine if mine != count_noun(before[-1].unit, lex) else ""


def _cues(ctx: DocContext, lex: Lexicon, row: NumberRow, quote: str, rel_s: int, rel_e: int, left: int,
          right: int, as_of: str) -> dict[str, str]:
    """addition / part / total / background / attribution, as far as the sentence says."""
    cues: dict[str, str] = {}
    before = words(quote[left:rel_s])[-CUE_WORDS_BEFORE:]
    after = words(quote[rel_e:right])[:CUE_WORDS_AFTER]
    mention = words(row.text)
    if (set(before) & lex.increment_before or (after[:1] and after[0] in lex.increment_after)
            or (before[-1:] and before[-1] in lex.increment_verbs) or _ADDED_AFTER.match(quote, rel_e, right)
            or _AFTER_A_RISE.search(quote, 0, rel_s) or (
                units.family(row.unit) != "percent" and (_RISE_BY_BEFORE.search(quote, max(0, rel_s - 40), rel_s)
                                                         or _up_or_down_before(quote, rel_s)))):
        cues["addition"] = "addition"
    elif _FROM_BEFORE_A_CHANGE.search(quote, max(0, rel_s - 40), rel_s) and not (
            as_of and is_background(as_of, ctx.published)):  # ("up from 44 minutes in September" is dated)
        cues["starting value"] = "starting value"  # "will pay £3.20, up from £2.60": what it was before
    elif (_comparative(after) and not _SET_OFF.match(quote, rel_e)) or _MARGIN_BEFORE.search(
            quote, max(0, rel_s - 80), rel_s) or (_BY_BEFORE.search(quote, max(0, rel_s - 30), rel_s)
                                                  and _VOTES_NOT_A_TALLY.match(quote, rel_e)):
        # "a quarter-inch thinner than", "won by 4,300 votes": how much more, not how much
        cues["addition"] = "difference"
    after_part = words(quote[rel_e:right])[:PART_WORDS_AFTER]
    part = find_phrases(after_part, lex.part_after) or find_phrases(words(quote[left:rel_s])[-4:], lex.part_before)
    whole = re.search(r"\bin cash and (?:stock|shares)\b", quote[rel_e:right], re.IGNORECASE)
    if part and part[0][1] in _PAYMENT_FORMS and _PER_SHARE_AFTER.match(quote, rel_e) and len(
            _PAYMENT_FORM_WORDS.findall(quote)) < 2:
        # "$48 a share in cash" is the offer, paid one way; "$281 million of the price will be in cash" a part
        part = []
    if part and not whole and not _whole_of_its_own_kind(ctx, lex, row, part[0][1]):
        cues["part"] = part[0][1]
    elif _OPENING_PARTITIVE.match(quote[:rel_s]):
        cues["part"] = "of the whole"  # "Of the 1,200 jobs it plans to cut, 400 will go in Bergen"
    elif row.kind == "money" and _MONEY_OF_A_WHOLE.match(quote, rel_e):
        cues["part"] = "of the whole"  # "recovered $120,000 of the stolen cash": some of it, not all
    if _OF_THE_WHOLE.search(quote[max(0, rel_s - 120):rel_s]) and not _noun_unlike_the_count_before(ctx, lex, row):
        cues["whole"] = "whole"  # "152 of the 300 seats": 300 is the whole, not a rival of 152
    elif row.kind == "money" and not whole and _SUM_OF_KINDS.match(quote, rel_e):
        cues["whole"] = "whole"  # "$250,000 in prize money and bonuses": no rival of "a $100,000 bonus"
    sentence_words = words(quote)
    # a running period makes a count a total; a span's start it only dates ("held for 42 days since May 22")
    since = row.kind != "duration" and any(
        (d.qualifier.startswith("since") or timeml.opens_a_running_period(ctx.text, d.start))
        and not _A_RECORD_SINCE.search(ctx.text, max(0, d.start - 60), d.start) and not after_publication(ctx, d)
        for d in ctx.dates_in(row.sent_no))
    if find_phrases(sentence_words, lex.total) or since or "total" in mention:
        cues["total"] = "total"
    elif _TOLD_TO_DATE.search(quote, _clause_start(quote, rel_s), rel_s) or _TOLD_TO_DATE_AFTER.match(quote, rel_e):
        # "has infected 389 people and killed nine", "deaths have risen to 14": a running count as of now
        cues["to date"] = "to date"
    segment_words = words(quote[left:right])
    age = row.kind == "age"
    own_period = bool(as_of) and not is_background(as_of, ctx.published, lasting=age)
    background = [(k, phrase) for k, phrase in find_phrases(segment_words, lex.background)
                  if _tells_of_background(segment_words, k, phrase, own_period)]
    sentence_start = ctx.sentence(row.sent_no)[0]
    segment_dates = [_figure_time(ctx, d) for d in ctx.dates_in(row.sent_no)
                     if timeml.names_calendar_time(d.value) and not timeml.is_comparison_base(ctx.text, d.start)
                     and not timeml.opens_a_running_period(ctx.text, d.start)
                     and not timeml.dates_a_made_thing(ctx.text, d.start)
                     and not _an_era_of_a_thing(ctx.text, d)
                     and left <= d.start - sentence_start < right
                     and not separated_by_aside(quote, d.start - sentence_start, rel_s, rel_e)
                     and not _dates_a_deed(quote, rel_e, d.start - sentence_start)
                     and not _in_a_subjects_relative_clause(quote, d.start - sentence_start, d.end - sentence_start,
                                                            rel_s, lex)
                     and not _BEATEN_RECORD_BEFORE.search(quote, 0, d.start - sentence_start)]
    earlier = _continued_earlier_event(ctx, row.sent_no) if not (as_of or segment_dates) else ""
    if background:
        cues["background"] = f"'{background[0][1]}'"
    elif earlier:
        cues["background"] = f"continues the account of {earlier}"
        cues["earlier"] = earlier
    elif as_of and is_background(as_of, ctx.published, lasting=age):
        cues["background"] = f"dated {as_of}"
    elif any(is_background(v, ctx.published, lasting=age) for v in segment_dates):
        cues["background"] = "dated " + next(v for v in segment_dates if is_background(v, ctx.published, lasting=age))
    elif ctx.published and any(timeml.granularity(v) in ("day", "week", "weekend") for v in [as_of, *segment_dates]
                               if v):
        cues["current"] = "current"  # dated this week: the story's own event
    who = _attribution(quote, sentence_words, lex, ctx.entities.get(row.sent_no, []), ctx.sentence(row.sent_no)[0])
    if who:
        cues["attribution"] = who
    return cues


# A clause that tells a count as it stands now: a perfect ("has infected 389 people", "Fourteen
# people have died") or a rise to the figure ("the toll rose to 36").
_TOLD_TO_DATE = re.compile(
    r"\b(?:has|have|had)\s+(?:(?:now|so\s+far|already|since|\w+ly)\s+)?(?:been\s+)?"
    r"(?:[a-z]+ed|risen|grown|fallen|died|killed|infected)\b|\b(?:risen|rose|climbed|jumped)\s+to\b",
    re.IGNORECASE)
# ... or after it as its own predicate ("Fourteen people have died"; "refugees who have fled" describes them).
_TOLD_TO_DATE_AFTER = re.compile(r"\s+(?:(?!who\b|that\b|which\b)[a-z]+\s+){0,2}?(?:" + _TOLD_TO_DATE.pattern + ")",
                                 re.IGNORECASE)


# Words that govern a count as their object: "the bodies of four of the five", "rescued three of".
_GOVERNING_PREPOSITIONS = frozenset({"of", "for", "with", "to", "from", "by", "among", "including"})
_IRREGULAR_PAST = frozenset({"found", "took", "saw", "left", "held", "hit", "shot", "struck", "caught", "freed",
                             "brought", "sent", "lost", "got", "made", "put", "kept"})
# Words that may stand between a governing word and the count: "recovered at least four of".
_BEFORE_A_COUNT = frozenset({"the", "a", "an", "at", "least", "some", "about", "around", "nearly", "almost",
                             "only", "just", "all", "but"})


def _opens_its_clause(quote: str, rel_s: int, lex: Lexicon) -> bool:
    """The figure is its clause's subject, not the object of a verb or a preposition before it:
    "(In the Troy shooting) two of the three victims died" and "Police said two of ...", but not
    "recovered the bodies of four of the five people missing" or "freed three of the hostages"."""
    before = [w for w in words(quote[_clause_start(quote, rel_s):rel_s])]
    while before and before[-1] in _BEFORE_A_COUNT and before[-1] not in _GOVERNING_PREPOSITIONS:
        before.pop()
    if not before:
        return True
    last = before[-1]
    if last in lex.reporting:
        return True  # "said two of the three victims died": the reported clause's subject
    return not (last in _GOVERNING_PREPOSITIONS or last in _IRREGULAR_PAST or (last.endswith("ed") and len(last) > 3))


def _clause_start(quote: str, rel_s: int) -> int:
    """Where the figure's clause opens: after the last comma, semicolon or colon before it (verbs
    coordinated with "and" share their auxiliary: "has infected 389 people and killed nine")."""
    return max(quote.rfind(mark, 0, rel_s) for mark in ",;:") + 1


def _figure_time(ctx: DocContext, d: DateRow) -> str:
    """The time a date mention gives the figures near it: its calendar value, or the reporting
    period it closes ("the quarter ended Sept. 30": the quarter)."""
    return timeml.reporting_period(ctx.text, d.start, timeml.date_part(d.value))


# How many undated sentences an account of an earlier event may run on after its dated one.
EARLIER_EVENT_SENTENCES = 2


# What a going verb with "back" stands for as a happening.
RETURN_EVENT = "return"


def happening_event(happening: str, lex: Lexicon) -> str:
    """The happening an offset dates, as compare matches it: the stems of its verb and particle,
    and a return for a verb of going with "back" ("moved back" and "returned" date one return)."""
    written = happening.split()
    if "back" in written and any(w in lex.going_back_verbs for w in written):
        return RETURN_EVENT
    return " ".join(stem(w) for w in written)


def _continued_earlier_event(ctx: DocContext, sent_no: int) -> str:
    """The date of the earlier event an undated sentence goes on telling ("The region was last
    struck in 2019. Three people died and eight were injured."): the nearest sentence before it
    that carries a date, when that date is background; else "". A sentence in the present tells
    of now. (A blank line the parser leaves between two sentences ends the search; it usually
    keeps the blank line inside the sentence before, so an account runs across paragraphs, as
    news accounts do: docs/compare.md, Session 36.)"""
    def dated(n: int) -> list[str]:  # an aside's date is the aside's ("Solberg, who took over in 2021, said")
        first, last = ctx.men.sentences[n]
        return [_figure_time(ctx, d) for d in ctx.dates_in(n) if timeml.names_calendar_time(d.value)
                and not in_aside(ctx.text[first:last], d.start - first)
                and not timeml.opens_a_running_period(ctx.text, d.start)
                and not timeml.dates_a_made_thing(ctx.text, d.start)]
    if dated(sent_no) or _in_the_present(ctx.text[slice(*ctx.men.sentences[sent_no])]):
        return ""
    for back in range(sent_no - 1, max(-1, sent_no - 1 - EARLIER_EVENT_SENTENCES), -1):
        if back < 0 or "\n\n" in ctx.text[ctx.men.sentences[back][1]:ctx.men.sentences[back + 1][0]]:
            return ""
        if values := dated(back):
            lead = ctx.men.sentences[back][0] <= ctx.doc.body_start <= ctx.men.sentences[back][1] or all(
                ctx.men.sentences[k][1] <= ctx.doc.body_start for k in range(back))  # (or the headline)
            # the lead tells the story's news ("told it requires improvement after a visit in April", in June)
            # unless its date is long past ("pleaded guilty in March 2009", in 2010)
            past = [v for v in values if is_background(v, ctx.published, lead=lead)]
            return values[0] if len(past) == len(values) else ""
    return ""


# The first auxiliary of a sentence tells its tense: "The gang is demanding $2 million" speaks of
# the article's present, "It had killed 612" of a past.
_FIRST_AUXILIARY = re.compile(r"\b(is|are|has|have|was|were|had)\b", re.I)


def _in_the_present(sentence: str) -> bool:
    """The sentence's first auxiliary is in the present tense: it tells of now, not of an earlier
    event the sentences before it date ("The intrusion was detected on April 29. The gang is
    demanding $2 million")."""
    m = _FIRST_AUXILIARY.search(sentence)
    return bool(m) and m.group(1).lower() in ("is", "are", "has", "have")


def _attribution(quote: str, sentence_words: Sequence[str], lex: Lexicon, entities: Sequence[EntityRow],
                 qs: int) -> str:
    """Who gives the figures of a sentence: the body after "according to", else the speaker of "said"."""
    low = quote.lower()
    k = low.find("according to ")
    sources = [e for e in entities if e.label in ("ORG", "PERSON", "GPE", "NORP")]
    if k >= 0:
        after = [e for e in sources if e.start - qs >= k]
        if after:
            return min(after, key=lambda e: e.start).canonical or ""
    m = re.search(r"\b(?:said|says|told|estimated|reported)\b", low)
    if m:
        near = [e for e in sources if abs(e.end - qs - m.start()) <= 40 or abs(e.start - qs - m.end()) <= 20]
        if near:
            return min(near, key=lambda e: abs(e.end - qs - m.start())).canonical or ""
    return ""


# Who makes an estimate, in the figure's own clause: "according to police", "police said 45,000
# marched", "organisers from the union said 120,000", "a police estimate put the crowd at 42,000".
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?P<party>[^,;.()]{2,60})", re.I)
_PARTY_SAYS = re.compile(r"(?P<party>(?:[\w'’-]+\s+){1,6}?)(?:said|say|says|claimed|claim|claims|estimated|estimate|"
                         r"estimates|put|puts|counted|count|reported)\b", re.I)
_PARTY_ESTIMATE = re.compile(r"\b(?:a|an|the)\s+(?P<party>[\w'’-]+(?:\s+[\w'’-]+)?)\s+"
                             r"(?:estimate|count|tally|figure)s?\b", re.I)
# Words that name no party: determiners, and the estimate's own words.
_NO_PARTY = frozenset("a an the its their his her of from by put puts estimate count figure crowd while whereas "
                      "but and".split())


def _estimator(quote: str, rel_s: int, rel_e: int) -> str:
    """The party whose estimate the figure is, named in its own clause (lower case, its content
    words: "police", "organisers union public workers"); '' when the clause names none."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(quote, 0, rel_s)]
    start = breaks[-1] if breaks else 0
    after = CLAUSE_BREAK.search(quote, rel_e)
    clause = quote[start:after.start() if after else len(quote)]
    for pattern in (_PARTY_ESTIMATE, _ACCORDING_TO, _PARTY_SAYS):
        m = pattern.search(clause)
        if m:
            party = [re.sub(r"['’]s?$", "", w) for w in words(m["party"])]
            party = [w for w in party if w not in _NO_PARTY and not w[0].isdigit()]
            if party:
                return " ".join(party)
    return ""


def _cue_text(cues: dict[str, str]) -> str:
    parts = []
    for key in ("addition", "starting value", "part", "part of", "whole", "total", "to date", "background",
                "conversion", "current", "offset", "whose", "label", "rate", "estimate by", "stance"):
        if key in cues:
            value = cues[key]
            parts.append(key if value == key else f"{key}: {value}")
    return "; ".join(parts)


# --------------------------------------------------------------------------- counts the text denies


@functools.lru_cache(maxsize=4)
def _negation_pattern(negated_counts: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
                      ) -> tuple[re.Pattern[str], dict[str, str]]:
    """The lexicon's negated counts as one pattern, and each word's concept."""
    concept_of = {w: concept for concept, verbs, nouns in negated_counts for w in (*verbs, *nouns)}
    verbs = "|".join(w for _, vs, _ in negated_counts for w in vs)
    nouns = "|".join(w for _, _, ns in negated_counts for w in ns)
    pattern = re.compile(
        r"\b(?:no(?:-|\s)?one|nobody|no people|none)\s+(?:\w+\s+){0,3}?(?:was|were|has been|have been|had been|is|are)?"
        rf"\s*(?P<verb>{verbs})\b|\bno\s+(?P<noun>{nouns})\b", re.IGNORECASE)
    return pattern, concept_of


def _negated_counts(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """"No one was hurt", "there were no casualties": a count of zero for that concept."""
    out = []
    pattern, concept_of = _negation_pattern(lex.negated_counts)
    for m in pattern.finditer(ctx.text):
        sent_no = next((n for n, (s, e) in enumerate(ctx.men.sentences) if s <= m.start() < e), -1)
        if sent_no < 0:
            continue
        concept = concept_of[(m["verb"] or m["noun"]).lower()]
        common = ctx.common(sent_no, m.start(), m.end())
        quote = ctx.text[common["quote_start"]:common["quote_end"]]
        row = claim_row(ctx, ClaimKind.NUMBER, sent_no, m.start(), m.end(), quote,
                        subject="; ".join(sorted(common["subjects"])), measure=concept, value="0", unit="people",
                        qualifier="", cues="negated: nobody")
        value = Quantity(family=units.COUNT, base_unit="people", lo=0.0, hi=0.0, unit="people",
                         measure_keys=frozenset({concept}), head=concept, cumulative=concept in lex.cumulative)
        out.append(Claim(row=row, kind=ClaimKind.NUMBER, value=value, **common, frame=_mask(quote), concept=concept,
                         text=m.group(0)))
    return out


def _closed_gaps(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """A gap, lag or lead said to be gone ("the gap has essentially disappeared") is a gap of zero."""
    out = []
    for n, (s0, _e0) in enumerate(ctx.men.sentences):
        common = ctx.common(n, s0, s0)
        qs, qe = common["quote_start"], common["quote_end"]
        quote = ctx.text[qs:qe]
        toks = words(quote)
        closed = find_phrases(toks, lex.gap_closed)
        if not (find_phrases(toks, lex.gap) and closed) or _NUMBER_TEXT.search(quote):
            continue
        cue = closed[0][1]
        k = quote.lower().find(cue.split()[0])
        start = qs + max(k, 0)
        end = start + (len(cue) if k >= 0 else 0)
        row = claim_row(ctx, ClaimKind.NUMBER, n, start, end, quote, subject="; ".join(sorted(common["subjects"])),
                        measure="gap", value="0", qualifier="approx")
        value = Quantity(family="*", base_unit="*", lo=0.0, hi=0.0, measure_keys=frozenset({"gap"}), head="gap",
                         zero_gap=True)
        out.append(Claim(row=row, kind=ClaimKind.NUMBER, value=value,
                         **{**common, "context": ctx.previous_stems(n) + common["context"]},
                         frame=quote, concept="gap", text=ctx.text[start:end]))
    return out
