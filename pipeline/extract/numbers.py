"""Numbers: spaCy Doc -> NumberRow tuple, every quantity with its value, unit and what it measures.

Two layers, so that the hard part is testable without a model:

1. ``find_quantities(text)`` is pure regex over the text: it finds a number (digits or words),
   scales it ("13.5bn", "RMB 50 billion"), reads the unit or currency, the hedge before it
   ("nearly", "more than") and a range ("between 10% and 30%", "two or three years").
   Fractions ("two-thirds", "a tenth") and multipliers ("twice", "half as many") have their own
   patterns. Each candidate carries its character span, so offsets are exact by construction.
2. ``extract_numbers(doc, ...)`` keeps the candidates that are quantities in context (not years,
   dates, clock times, product names like GPT-4, list markers or chart references), gives a bare
   count the noun it counts ("50 people"), reads ``measure`` from the dependency parse and
   ``as_of`` from the date mentions of the same sentence.

Qualifier vocabulary: ``approx`` (about, nearly, roughly, some, an estimated, ...),
``at_least`` (at least, no fewer than, ... or more), ``more_than`` (more than, over, above),
``less_than`` (less than, fewer than, under, below), ``at_most`` (up to, at most, as many as),
``range`` (value..value_max), ``vague`` (a span of time told as "a few days", "several weeks":
value..value_max is what the words admit, ``VAGUE_AMOUNTS``), or empty.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from spacy.tokens import Doc, Span, Token

from pipeline.schema import DateRow, NumberRow
from pipeline.vocab import timeml
from pipeline.vocab.entities import NAME_LABELS, PERSON_NOUNS  # NAME_LABELS own the digits in them (GPT-4)
from pipeline.vocab.numbers import (
    CARDINALS,
    COLLECTIVE_NOUNS,
    MAX_SCALE_RANK,
    MEMBER_NOUNS,
    MULTIPLIERS,
    SCALE_RANK_WORD,
    SMALL_CARDINALS,
    TENS,
    ordinals_between,
)
from pipeline.vocab.timeml import MONTHS as MONTH_NUMBERS
from pipeline.vocab.units import (
    CASED_UNIT_WORDS,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DIMENSION_ADJECTIVES,
    GLUED_MINOR_CURRENCY,
    GLUED_UNIT_WORDS,
    MINOR_CURRENCY_WORDS,
    TIME_UNITS,
    UNIT_WORDS,
    UNITS,
    currency_code,
    normalise_unit,
)

# --------------------------------------------------------------------------- vocabularies (data)

SMALL_NUMBERS = SMALL_CARDINALS
SCALES: dict[str, int] = {
    **MULTIPLIERS,
    "lakh": 10**5, "crore": 10**7,
    # news shorthand, written straight after the digits: $13.5bn, 5m, 2tn, 10k
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9,
    "tn": 10**12, "trn": 10**12,
}
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
}
QUALIFIERS: dict[str, str] = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "approx.": "approx", "nearly": "approx", "almost": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "close to": "approx", "circa": "approx",
    "~": "approx",  # (not "an average of": an average is a figure of its own, as exact as it is written)
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "above": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "greater than": "more_than", "higher than": "more_than",
    "just over": "more_than", "exceeding": "more_than",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "lower than": "less_than", "just under": "less_than",
    "at most": "at_most", "up to": "at_most", "no more than": "at_most", "as many as": "at_most",
    "as much as": "at_most", "a maximum of": "at_most", "a maximum": "at_most",
}
POST_QUALIFIERS: dict[str, str] = {"or more": "at_least", "or so": "approx", "+": "at_least", "-plus": "at_least"}

# A number right after one of these words labels something rather than counting it ("chart 2").
REFERENCE_WORDS = frozenset("""
chart charts figure figures fig fig. table tables page pages p. pp. section sections chapter chapters
article articles clause paragraph part vol vol. volume issue episode season version v level phase stage
round grade row column line step item room flight route highway no no. number num # rule resolution
gate platform terminal bus lane exit channel pier ward district zone block sector precinct apartment
suite unit mile junction lap hole
""".split())
MONTHS = frozenset(MONTH_NUMBERS)
_WEEKDAY_WORDS = frozenset(timeml.WEEKDAY_NAMES)
QUAKE_WORDS = frozenset({"quake", "earthquake", "tremor", "aftershock", "temblor", "shock", "jolt"})
# Light verbs add nothing to a measure ("capacity has"); contentful ones do ("people killed").
LIGHT_VERBS = frozenset({"be", "have", "do", "say", "make", "get", "take", "give", "include", "show", "see"})
# Calibration: a measure phrase longer than this reads as a clause, not a label (seed + ECB+ reading).
MAX_MEASURE_TOKENS = 8
# Calibration: Richter/moment magnitudes in news are below 10; anything larger is a count.
MAX_MAGNITUDE = 10.0
# A designated name is at most this many words ("GeForce GT", "Internet Explorer", "HD Graphics").
MAX_DESIGNATED_NAME_TOKENS = 3
# A sentence of at least this many longer words, none in lower case, is a title-case headline.
TITLE_CASE_MIN_WORDS = 3
YEAR_RANGE = (1000, 2100)

# --------------------------------------------------------------------------- regular expressions


def _alt(words: Sequence[str]) -> str:
    """Regex alternation, longest first so that "more than" wins over "more"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_NUMWORD = _alt([*CARDINALS, *MULTIPLIERS, "dozen"])
_FIRSTWORD = _alt(list(CARDINALS))
# A bare scale word is not a number ("110-billion", "billions"); "a hundred", "a dozen" are. The
# words of one number stay on one line: a headline's "kills five" and the body's "Five workers"
# are two numbers.
_WORDNUM = (
    rf"(?i:(?:\b(?:a|an)[^\S\n]+(?:dozen|hundred|thousand|million|billion|trillion)|\b(?:{_FIRSTWORD}))"
    rf"(?:(?:[^\S\n]+and[^\S\n]+|(?:[^\S\n]|-)+)(?:{_NUMWORD}))*\b)"
)
# Thousands grouped with commas or (as cleaning keeps them) narrow no-break spaces: "10 000 homes".
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\u202f\d{3})+|\d+)(?:\.\d+)?(?![.,]?\d)(?!:\d)(?!/\d)"
_NUMCORE = rf"(?:{_DIGITS}|{_WORDNUM})"
_SCALE = (
    r"(?:(?:[^\S\n]|-)?(?i:hundred|thousand|million|billion|trillion|lakh|crore)s?\b"
    r"|(?:bn|bln|mn|mln|tn|trn|m|b|k|M|B|K)\b|[^\S\n](?:bn|mn|tn|trn)\b)"
)
_CUR = _alt(list(CURRENCY_PREFIXES))
_PCT = r"(?:\s?%|\s?(?:per\s?cent|percent)\b)"
_UNIT_LOWER = _alt([w for w in UNIT_WORDS if w not in ("%", "per cent", "percent", "pct")])
_UNIT_CASED = _alt(list(CASED_UNIT_WORDS))
_UNIT_GLUED = _alt(list(GLUED_UNIT_WORDS))
_CUR_WORDS = _alt([*CURRENCY_WORDS, *MINOR_CURRENCY_WORDS])
_MINOR_GLUED = _alt(list(GLUED_MINOR_CURRENCY))
_QUAL = _alt([q for q in QUALIFIERS if q != "~"])

QUANTITY_RE = re.compile(
    rf"""
    (?<![\w.,\-/:$€£¥₹])
    (?P<qual>(?i:\b(?:{_QUAL}))\s+|~\s?)?
    (?:(?P<btw>(?i:\bbetween)\s+))?
    (?:(?P<cur>{_CUR})\s?)?
    (?P<n1>{_NUMCORE})(?P<s1>{_SCALE})?(?P<p1>{_PCT})?
    (?:
        (?(btw)[^\S\n]+(?i:and)[^\S\n]+|(?:[^\S\n]?[-–—][^\S\n]?|[^\S\n]+(?i:to|or)[^\S\n]+))
        (?:(?P<cur2>{_CUR})\s?)?
        (?P<n2>{_NUMCORE})(?P<s2>{_SCALE})?
    )?
    (?P<tail>
        {_PCT}
      | \s(?i:percentage\ points?|basis\ points?|bps)\b
      | [\s-](?i:times|fold)\b(?:\s+(?i:as\s+(?:many|much)\b))? | (?<=\d)x\b
      | [\s-](?i:years?|months?|weeks?|days?)[\s-]old\b
      | [\s-](?i:magnitude|strength)\b
      | [\s-](?i:{_CUR_WORDS})\b
      | (?:[\s-]?)(?:{_UNIT_CASED})\b
      | (?<=\d)(?:{_MINOR_GLUED})\b(?!\.?\s?m\b)
      | (?<=\d)(?:{_UNIT_GLUED})\b
      | (?:[\s-]?)(?i:{_UNIT_LOWER})(?![\w])(?:-(?i:{DIMENSION_ADJECTIVES})\b)?
    )?
    (?P<post>\s+(?i:or\ more|or\ so)\b|\+|-plus\b)?
    (?![\w])(?!-[^\W\d])
    """,
    re.VERBOSE,
)

_FRAC_NUMERATOR = _alt(["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
FRACTION_RE = re.compile(
    rf"""
    (?:(?P<qual>(?i:\b(?:{_QUAL}))\s+))?
    (?:
        (?i:\b(?P<num>{_FRAC_NUMERATOR})[\s-]+(?P<den>{_alt(list(DENOMINATORS))}))
      | (?i:\b(?P<num_d>\d+)\s+(?:in|out\ of)\s+(?P<den_d>\d+))
      | (?i:\b(?P<num_w>{_alt(list(SMALL_NUMBERS))})\s+(?:in|out\ of)\s+
            (?P<den_w>{_alt(list(SMALL_NUMBERS) + list(TENS))}))
      | (?P<half>(?i:\bhalf))
    )
    (?P<asmany>\s+(?i:as\s+(?:many|much)))?
    \b
    """,
    re.VERBOSE,
)
# Ordinals that count events ("the fifth successful operation", "its 3rd attack", "the bank's second
# increase"). "First" is left out: it ranks far more than it counts ("the first time", "first reported").
ORDINAL_WORDS: dict[str, int] = ordinals_between(2, 20)
# A match's minute is an ordinal of any size: "in the 87th minute" (when, in the game's clock).
ORDINAL_RE = re.compile(
    rf"(?:\b(?i:the|its|his|her|their|our|this|a|an)\s|\w['’]s\s)(?P<ord>(?i:{_alt(list(ORDINAL_WORDS))})|(?:[2-9]|1\d|20)(?:nd|rd|th)"
    r"|\d{1,3}(?:st|nd|rd|th)(?=\s+minute\b))\b"
    r"(?![-\u2010\u2011])(?=\s+[a-z])"
)
# Fractions of a unit: "two and a half miles", "a mile and a half", "half an hour", "a quarter of a
# mile", "three-quarters of a mile". The unit's count and the fraction add up to one value.
_UNIT_FRACTIONS = {"half": Decimal(1) / 2, "quarter": Decimal(1) / 4, "third": Decimal(1) / 3,
                   "three-quarters": Decimal(3) / 4, "three quarters": Decimal(3) / 4,
                   "two-thirds": Decimal(2) / 3, "two thirds": Decimal(2) / 3}
_A_FRACTION = r"(?:a|one)\s+(?:half|quarter|third)"
UNIT_FRACTION_RE = re.compile(
    rf"""
    (?:(?P<qual>(?i:\b(?:{_QUAL}))\s+))?
    (?i:
        \b(?P<whole_a>{_NUMCORE})\s+and\s+(?P<frac_a>{_A_FRACTION})\s+(?P<unit_a>{_UNIT_LOWER})
      | \b(?P<whole_b>an?|{_NUMCORE})\s+(?P<unit_b>{_UNIT_LOWER})\s+and\s+(?P<frac_b>{_A_FRACTION})
      | \b(?P<frac_c>half|(?:a|one)\s+(?:quarter|third)|three[\s-]quarters|two[\s-]thirds)\s+(?:of\s+)?an?\s+
        (?P<unit_c>{_UNIT_LOWER})
      | \b(?:an?\s+)(?P<frac_d>quarter|half)[\s-](?P<unit_d>{_UNIT_LOWER})
    )\b
    """,
    re.VERBOSE,
)
# "1hr 4 mins", "2 hours 15 minutes", "an hour and 35 minutes": one duration written in two units.
_HOURS_IN_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                   "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
COMPOUND_DURATION_RE = re.compile(
    rf"\b(?P<h>\d{{1,3}}|{_alt(list(_HOURS_IN_WORDS))})\s*(?:hr|hrs|hours?)\b,?\s*(?:and\s+)?(?P<mi>\d{{1,2}})\s*"
    r"(?:min|mins|minutes?)\b(?:,?\s*(?:and\s+)?(?P<s>\d{1,2})\s*(?:sec|secs|seconds?)\b)?", re.IGNORECASE
)
# A race or a record told as hours, minutes and seconds: "finishing in 2:00:48", "a record of 2:14:04".
# Three parts with no a.m., p.m. or zone after them and no "at" before them time how long, not when
# (a clock with seconds, "at 10:42:15 GMT", is a time of day: the dates' finder reads it).
ELAPSED_TIME_RE = re.compile(
    r"(?<![\d.:/,$])(?<!\bat\s)(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])"
    r"(?!\s*(?:[ap]\.?\s?m\b|local\b|(?-i:[A-Z]{2,5})\b))", re.IGNORECASE)
# A count written as a compound adjective: "a 30,000-seat stadium", "a 500-bed hospital", "a 40-strong
# team", "a 48-turbine wind farm" hold so many seats, beds, people, turbines (the general pattern
# leaves "N-word" alone: "COVID-19-era").
COMPOUND_COUNTS = {"seat": "seats", "bed": "beds", "room": "rooms", "member": "members", "strong": "people",
                   "person": "people", "man": "men", "vehicle": "vehicles", "page": "pages", "turbine": "turbines",
                   "storey": "storeys", "bedroom": "bedrooms", "lane": "lanes", "carriage": "carriages",
                   "berth": "berths", "screen": "screens", "hole": "holes", "pupil": "pupils", "student": "students",
                   "place": "places", "home": "homes", "house": "houses", "flat": "flats", "apartment": "apartments",
                   "cell": "cells"}
COMPOUND_COUNT_RE = re.compile(
    rf"(?<![\w.,\-/:$€£¥₹])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)-(?P<noun>{_alt(list(COMPOUND_COUNTS))})\b(?!-)",
    re.IGNORECASE)
# How many "a couple of", "a few" and "several" admit: a span of time told so ("a full patch within
# a few days") is vague but not empty; it agrees with "three days" and not with "two to three weeks".
VAGUE_AMOUNTS: dict[str, tuple[int, int]] = {"a couple of": (2, 3), "a few": (2, 5), "several": (3, 9)}
VAGUE_SPAN_RE = re.compile(
    r"\b(?P<amount>a\s+couple\s+of|a\s+few|several)\s+(?:more\s+)?"
    r"(?P<unit>minutes|hours|days|weeks|months|years)\b", re.IGNORECASE
)
# One unit of time "for" which something went on: "shut for a month", "jailed for a year", "closed for
# up to a year after the flood" (a length of one unit; "for the past month" or "a month ago" say when),
# or that it lasts ("the advice could last up to a week", "the hearing lasted about an hour").
# So is the one unit a completed act took: "sold out in just over an hour", "finished in about a day".
A_SPAN_FOR_RE = re.compile(
    rf"\b(?:for|last(?:s|ed|ing)?|{timeml.COMPLETED_ACT}(?:\s+[a-z]+){{0,3}}\s+in)\s+"
    r"(?:(?P<qual>about|around|nearly|almost|roughly|more\s+than|less\s+than|just\s+over|just\s+under|over|under|"
    r"up\s+to|at\s+least)\s+)?(?P<span>an?\s+(?P<unit>hour|day|week|fortnight|month|year|decade))\b"
    r"(?!['’]s\b|\s+(?:ago|earlier|later)\b)", re.IGNORECASE)
# A word size ("32-bit versions", "the 64-bit edition") designates a kind of the thing it modifies,
# as a version number does: a designator, never a count or a measure.
WORD_SIZE_RE = re.compile(r"\b(?P<bits>8|16|32|64|128)-bit\b", re.IGNORECASE)
# A size written as two numbers and "x" ("a 1440 x 900 display", "2880x1800 pixels", "a 30 x 40
# room"): one designator of the thing it sizes, its two numbers in order (value, value_max), never
# a year nor two counts.
DIMENSIONS_RE = re.compile(
    r"(?<![\w.,])(?P<a>\d{1,2},\d{3}|\d{2,5})\s?[x×]\s?(?P<b>\d{1,2},\d{3}|\d{2,5})(?![\w.,]?\d)(?P<px>\s+pixels\b)?",
    re.IGNORECASE)
# A range of versions of a named product ("IE6 to 10", "Internet Explorer 6 through 11", "IE 6
# through to the latest IE 11"): one designator stating both ends, as a set of versions, not two
# list items. The name (capitalised words or an acronym, checked against the parse in
# ``_version_range_name``) stands right before the first number or is glued to it; the second may
# repeat it. "to" or "through" joins them; a dash is left to scores and tallies ("Lakers 98-102").
VERSION_RANGE_RE = re.compile(
    r"(?<![\w.])(?P<name>[A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*){0,2})\s?(?P<lo>\d{1,2}(?:\.\d{1,2})?)"
    r"\s+(?:to|through|thru)\s+(?:to\s+)?(?:(?:the\s+)?(?:latest|current|newest)\s+)?"
    r"(?:(?P=name)\s?)?(?P<hi>\d{1,2}(?:\.\d{1,2})?)(?![\w%]|[.,]\d|\s?%)")
# A tally: two counts joined by a dash, the larger first ("a 36-3 record", "beat Carrow 88-86", "a 5-4
# vote"). A range is never written downwards, so a descending pair is a score, a record or a vote;
# "24-7" is round the clock. Not tallies: a model number ("Boeing's 787-9": a three-digit first
# count more than ten times the second), a phone number ("(254-2) 751-613", "666-015").
TALLY_RE = re.compile(r"(?<![\w.,\-/:$€£¥₹%])(?P<a>\d{1,3})\s?[-–—]\s?(?P<b>\d{1,3})(?![\w%])(?![.,:/-]?\d)")
TALLY_IDIOMS = frozenset({"24-7"})
_PHONE_PREFIX_RE = re.compile(r"\(\d+[-–]\d+\)\s*$")  # "(254-2) 751-613": the number after a code
_PHONE_SUFFIX_RE = re.compile(r"\)\s*\d")  # "(254-2) 751-613": the code


def _tally(m: re.Match[str], text: str) -> Quantity | None:
    """The tally a ``TALLY_RE`` match writes, or None when it is a range, an idiom, a model number
    or part of a phone number."""
    first, second = int(m["a"]), int(m["b"])
    model_number = first >= 100 and second * 10 < first
    phone = ((m["b"].startswith("0") and second) or _PHONE_PREFIX_RE.search(text[max(0, m.start() - 40):m.start()])
             or _PHONE_SUFFIX_RE.match(text, m.end()))
    if first <= second or f"{first}-{second}" in TALLY_IDIOMS or model_number or phone:
        return None
    return Quantity(m.start(), m.end(), m.group(0), float(first), float(second), "", "", "tally")


# A vote's tally in words: "voted eight to three", "a vote of eight to three", "by eight votes to
# three", "voted 8 to 3", "seven councillors in favour and five against" (the counts of one ballot,
# as "8-3" writes them).
VOTE_TALLY_RE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballot)\s+(?:of\s+|was\s+|by\s+)?(?P<tally>(?P<a>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:votes\s+)?to\s+(?P<b>\d{1,3}|[a-z]+(?:-[a-z]+)?))\b"
    r"|\bby\s+(?P<tally2>(?P<a2>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+votes\s+to\s+(?P<b2>\d{1,3}|[a-z]+(?:-[a-z]+)?))\b"
    r"|\b(?P<tally3>(?P<a3>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:[a-z]+\s+)?(?:voting\s+)?in\s+fav(?:ou)?r\s*,?\s+"
    r"(?:and|with)\s+(?P<b3>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:voting\s+)?against)\b",
    re.IGNORECASE)


def _vote_tally(m: re.Match[str]) -> Quantity | None:
    """The tally a ``VOTE_TALLY_RE`` match writes, the larger count first; None when a side is no
    number ("voted to close") or the counts ascend."""
    key = next(k for k in ("", "2", "3") if m[f"tally{k}"])
    counts = [_count_value(m[f"a{key}"]), _count_value(m[f"b{key}"])]
    if None in counts or counts[0] <= counts[1]:
        return None
    return Quantity(m.start(f"tally{key}"), m.end(f"tally{key}"), m[f"tally{key}"], float(counts[0]),
                    float(counts[1]), "", "", "tally")


def _count_value(word: str) -> int | None:
    """A ballot's count as written, in figures or words ("8", "eight"); None for any other word."""
    if word.isdigit():
        return int(word)
    value = words_to_number(word)
    return int(value) if value is not None and value == int(value) and word.lower() not in ("a", "an") else None


# An age told by its decade: "a man in his 40s", "in her early thirties", "in their late teens".
AGE_DECADE_RE = re.compile(
    r"\bin\s+(?:his|her|their)\s+(?:(?P<part>early|mid|late)[\s-]+)?"
    r"(?P<decade>[1-9]0s|teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.IGNORECASE)
_DECADE_WORDS = {"teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
_PART_OF_A_DECADE = {"": (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}


def _age_decade(m: re.Match[str]) -> Quantity:
    """An age by its decade as the range of years it admits ("in his 40s": 40 to 49; "in her late
    teens": 16 to 19; the teens start at 13)."""
    word = m["decade"].lower()
    decade = _DECADE_WORDS.get(word) or int(word[:-1])
    lo, hi = _PART_OF_A_DECADE[(m["part"] or "").lower()]
    low = max(decade + lo, 13) if decade == 10 else decade + lo
    return Quantity(m.start(), m.end(), m.group(0), float(low), float(decade + hi), "years", "", "age")


# "aged 24", "ages 47 and 48": the numbers after these words are ages.
_AGE_WORD_BEFORE_RE = re.compile(r"\b(?:aged|age|ages|ages of|age of)\s+(?:\d{1,3}\s*(?:,|and)\s*)*$",
                                 re.IGNORECASE)
MULTIPLIER_WORD_RE = re.compile(
    r"(?:(?P<qual>(?i:\b(?:" + _QUAL + r"))\s+))?\b(?P<word>(?i:twice|thrice))\b(?:\s+(?i:as\s+(?:many|much)\b))?"
)
_MULTIPLIER_WORDS = {"twice": 2, "thrice": 3}
# After a fraction, these make it a quantity ("a third of", "half as", "two-thirds."); else it may be
# an ordinal ("a fifth term", "the first half").
_FRACTION_FOLLOW_RE = re.compile(r"\s+(?:of|as|the|a|an)\b|\s*(?:[,.;:)!?\"”’]|$)", re.IGNORECASE)
_CLOCK_AFTER_RE = re.compile(
    r"\s?(?:[ap]\.?m\.?(?!\w)|(?:GMT|UTC|IST|EST|EDT|PST|PDT|BST|CET|CEST|ET|PT|local time)\b|h\b|hrs\b)", re.IGNORECASE
)
_LIST_MARKER_AFTER_RE = re.compile(r"[.)](?:\s+(?=[A-Z“\"])|\s*$)")
_LIST_MARKER_BEFORE_RE = re.compile(r"(?:^|[.!?:;]\s*|\n[ \t\u00a0(•*-]*)$")
# Calibration: list items in news rarely run past 20; "chapter 25." style references are caught separately.
MAX_LIST_MARKER = 20
_MAGNITUDE_BEFORE_RE = re.compile(r"(?i:magnitudes?|Richter|measur(?:ed|ing)|registered)[\s-](?:of\s|at\s)?$")
# "put the quake's magnitude at 5.9": the word a few words back, for decimals only
_MAGNITUDE_NEAR_RE = re.compile(r"(?i:magnitudes?|Richter)\b[^.;\n\d]{0,25}$")
_RICHTER_AFTER_RE = re.compile(r"\s+on\s+the\s+Richter", re.IGNORECASE)
# "a Category 3 storm", "Cat 4 hurricane": a rank on a named scale, not a count, and not part of
# the name the model may tag it as ("Category 3" is often a NORP or an ORG).
_CATEGORY_BEFORE_RE = re.compile(r"\b" + SCALE_RANK_WORD + r"[\s-]$")
_ADDRESS_AFTER_RE = re.compile(
    r"\s+(?:[A-Z0-9][\w.]*\s+){0,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Place|Square)\b"
)
# "Kimani Gray, 16, was shot": a bare number in commas right after a person's name is an age.
_AGE_AFTER_RE = re.compile(r"\s*[,)]")
# "He was 77.", "she is 45 when ...", "died in prison at 77,": a bare number stated of a person, or
# the age at which someone died, ending its clause.
_AGE_STATED_BEFORE_RE = re.compile(r"\b(?:he|she)\s+(?:was|is)\s+$", re.IGNORECASE)
_AGE_AT_DEATH_BEFORE_RE = re.compile(r"\b(?:died|dies|dying)\b[^.;,\d]{0,40}?\bat\s+(?:the\s+age\s+of\s+)?$",
                                     re.IGNORECASE)
_AGE_CLAUSE_END_RE = re.compile(r"[ \t]*(?:[.,;:)!?\n]|$)|\s+(?:when|after|following|years?\s+old)\b",
                                re.IGNORECASE)
# Calibration: ages in news appositions run up to about 110; larger numbers there are something else.
MAX_AGE = 110


# --------------------------------------------------------------------------- pure layer


@dataclass(frozen=True)
class Quantity:
    """A number found in text, before context decides whether it is a quantity."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    kind: str
    year_like: bool = False  # a bare integer that could be a year ("2021", "2019-2020")
    single_one: bool = False  # a lone "one"/"a", usually a pronoun or article, not a count
    name: str = ""  # the name written before a range of versions ("IE" of "IE6 to 10"), checked on the parse


def words_to_number(text: str) -> Decimal | None:
    """English number words -> value ("two hundred and forty-two" -> 242); None if not a number."""
    total = Decimal(0)
    current = Decimal(0)
    last = ""  # kind of the previous word: small | tens | hundred | scale
    seen = False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word in ("", "and"):
            continue
        if word in ("a", "an"):
            if seen:
                return None
            current, last, seen = Decimal(1), "small", True
            continue
        seen = True
        if word in SMALL_NUMBERS:
            if last in ("small",) or (last == "tens" and SMALL_NUMBERS[word] >= 10):
                return None
            current += SMALL_NUMBERS[word]
            last = "small"
        elif word in TENS:
            if last in ("small", "tens"):
                return None
            current += TENS[word]
            last = "tens"
        elif word == "dozen":
            current = (current or Decimal(1)) * 12
            last = "small"
        elif word == "hundred":
            if last == "hundred":
                return None
            current = (current or Decimal(1)) * 100
            last = "hundred"
        elif word in SCALES:
            if current == 0 and total == 0:
                current = Decimal(1)
            total += current * SCALES[word]
            current = Decimal(0)
            last = "scale"
        else:
            return None
    if not seen:
        return None
    return total + current


def parse_number(text: str) -> Decimal | None:
    """Digits ("1,500", "2.5") or words ("twenty-five") -> value."""
    cleaned = text.replace(",", "").replace("\u202f", "").strip()
    if cleaned and (cleaned[0].isdigit() or cleaned[0] == "."):
        try:
            return Decimal(cleaned)
        except InvalidOperation:
            return None
    return words_to_number(text)


def _scale(word: str | None) -> int:
    if not word:
        return 1
    w = word.strip(" -\t\n\u00a0").lower()
    if w not in SCALES and w.endswith("s"):
        w = w[:-1]
    return SCALES.get(w, 1)


def _num(d: Decimal) -> float:
    """Decimal -> float without binary noise (2.3 * 10**9 stays 2300000000)."""
    return float(d)


# "a 20-metre-wide sinkhole": the size's dimension, written after its unit, is no part of the unit.
_DIMENSION_SUFFIX = re.compile(rf"-(?:{DIMENSION_ADJECTIVES})$", re.IGNORECASE)


def _classify_tail(tail: str) -> tuple[str, str]:
    """The words after a number -> (kind, unit)."""
    t = re.sub(r"\s+", " ", tail.strip(" -")).lower()
    if t in ("%", "percent", "per cent", "percent.", "pct") or t.replace(" ", "") in ("percent",):
        return "percent", "percent"
    if t in ("percentage point", "percentage points"):
        return "percent", "percentage points"
    if t in ("basis point", "basis points", "bps"):
        return "percent", "basis points"
    if t in ("times", "fold", "x") or t.startswith("times as "):
        return "multiplier", "times"
    if t.endswith("old"):
        unit = normalise_unit(t.split("-")[0].split(" ")[0])
        return "age", unit
    if t in ("magnitude", "strength"):
        return "magnitude", "magnitude"
    if t in CURRENCY_WORDS:
        return "money", CURRENCY_WORDS[t]
    if t in MINOR_CURRENCY_WORDS:
        return "money", MINOR_CURRENCY_WORDS[t][0]
    if tail.strip(" -") in GLUED_MINOR_CURRENCY:
        return "money", GLUED_MINOR_CURRENCY[tail.strip(" -")][0]
    unit = normalise_unit(_DIMENSION_SUFFIX.sub("", tail.strip(" -")))
    if unit in TIME_UNITS:
        return "duration", unit
    return "measure", unit


def _quantity_from_match(m: re.Match[str], text: str) -> Quantity | None:
    n1 = parse_number(m["n1"])
    if n1 is None:
        return None
    n2 = parse_number(m["n2"]) if m["n2"] else None
    if m["n2"] and n2 is None:
        return None
    if _metres_not_millions(m, text):
        return Quantity(m.start(), m.end(), text[m.start():m.end()], _num(n1), None, "m", _qualifier(m), "measure",
                        False, False)
    s1, s2 = _scale(m["s1"]), _scale(m["s2"])
    if m["n2"] and not m["s1"] and m["s2"]:
        s1 = s2  # "$10-20bn": the scale of the upper end applies to both
    elif m["n2"] and m["s1"] and not m["s2"]:
        s2 = s1
    tail = re.sub(r"\s+", " ", m["tail"].strip(" -")) if m["tail"] else ""
    if tail in GLUED_MINOR_CURRENCY and not re.fullmatch(r"\d{1,2}", m["n1"]):
        return None  # "1080p", "2.5p": a screen's lines, or no amount news writes so
    minor = MINOR_CURRENCY_WORDS.get(tail.lower()) or GLUED_MINOR_CURRENCY.get(tail)
    factor = Decimal(str(minor[1])) if minor and not (m["cur"] or m["cur2"]) else 1  # "92 cents": $0.92
    value = n1 * s1 * factor
    value_max = n2 * s2 * factor if n2 is not None else None
    kind, unit = "count", ""
    cur = m["cur"] or m["cur2"]
    if cur:
        kind, unit = "money", CURRENCY_PREFIXES[cur]
    if m["p1"]:
        kind, unit = "percent", "percent"
    if m["tail"]:
        tail_kind, tail_unit = _classify_tail(m["tail"])
        if not (cur and tail_kind == "measure"):
            kind, unit = tail_kind, tail_unit
    qualifier = "" if _over_a_span(m, kind, text) else _qualifier(m)
    passed = _PASSED_BEFORE.search(text, max(0, m.start() - 20), m.start())
    if not qualifier and passed and _NOTHING_COUNTED_AFTER.match(text, m.end()):
        qualifier = "more_than"  # "Cholera cases pass 400 in Varo", "the toll topped 1,000": past that mark
    if m["post"]:
        qualifier = POST_QUALIFIERS.get(m["post"].strip().lower(), qualifier)
    if value_max is not None:
        qualifier = "range"
        if value_max < value:  # "10-5" is not a range; keep the first number only
            return None
    digits_only = m["n1"][0].isdigit() and "," not in m["n1"] and "." not in m["n1"]
    year_like = (
        digits_only
        and not (cur or m["s1"] or m["p1"] or m["tail"])
        and YEAR_RANGE[0] <= n1 <= YEAR_RANGE[1]
        and len(m["n1"]) == 4
    )
    single_one = (
        m["n1"].strip().lower() in ("one", "a", "an")
        and not (m["n2"] or m["s1"] or m["tail"] or cur or m["qual"])
    )
    start, end = m.start(), m.end()
    return Quantity(start, end, text[start:end], _num(value), None if value_max is None else _num(value_max),
                    unit, qualifier, kind, bool(year_like), single_one)


def _over_a_span(m: re.Match[str], kind: str, text: str) -> bool:
    """"Over" before a duration that spreads something across it ("a 9 percent raise over three years",
    "slowed decline by 27% over a year and a half"): the span, no "more than"."""
    return (kind == "duration" and (m["qual"] or "").strip().lower() == "over"
            and not _OVER_IS_MORE_THAN.search(text, max(0, m.start() - 30), m.start()))


# Words after which "over" before a span of time means "more than" ("for over three years", "lasted over
# two hours", "sentences of over 12 years"); after anything else it spreads something across the span.
_OVER_IS_MORE_THAN = re.compile(
    r"\b(?:for|in|of|than|after|within|lasted|lasting|lasts|last|took|take|takes|taking|spent|spend|served|serve|"
    r"serving|waited|lived|worked|aged|is|was|were|are|be|been|being|just|now|already)\s+(?:well\s+|just\s+)?$",
    re.IGNORECASE)


# A verb of going past a mark right before a figure that counts no noun of its own ("cases pass 400 in
# Varo", "the toll topped 1,000."): a lower bound. "Passed 12 laws" counts laws; "the top 10" is a rank.
_PASSED_BEFORE = re.compile(r"\b(?:pass|passes|passed|passing|tops|topped|topping|exceeds|exceeded|exceeding|"
                            r"surpass|surpasses|surpassed|surpassing)\s+$", re.IGNORECASE)
_NOTHING_COUNTED_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?:in|on|at|as|after|for|amid|since|across|worldwide|"
                                    r"nationwide|mark|threshold)\b", re.IGNORECASE)


def _qualifier(m: re.Match[str]) -> str:
    if (m["qual"] or "").strip() == "~":
        return "approx"
    qual = re.sub(r"\s+", " ", (m["qual"] or "").strip().lower())
    if qual == "up to" and _MOVED_BEFORE.search(m.string, max(0, m.start() - 40), m.start()):
        return ""  # "Marlow move up to 54 points", "climbed up to third": where it went, no bound
    if qual == "over" and _OVER_MEANS_ABOUT.search(m.string, max(0, m.start() - 30), m.start()):
        return ""  # "resigns over £38,000 expenses claims": what he quit about, no bound
    return QUALIFIERS.get(qual, "")


# Words after which "over" says what a quarrel or a quitting is about, not "more than": "resigns
# over £38,000 expenses claims", "a row over 300 jobs". Verbs that take a count as their object
# ("sacked over 200 workers", "arrested over 50 people") are not among them.
_OVER_MEANS_ABOUT = re.compile(
    r"\b(?:resign|resigns|resigned|resigning|quit|quits|quitting|stepped\s+down|steps\s+down|step\s+down|"
    r"stepping\s+down|apologi[sz]e[sd]?|apologi[sz]ing|row|rows|dispute|disputes|clash|clashes|clashed|"
    r"feud|standoff|stand-off|probe|inquiry|investigation|lawsuit|scandal|concerns?|fears|worries|anger|"
    r"outrage|fury|critici[sz]ed|questioned|under\s+fire)\s+$", re.IGNORECASE)


# A verb of moving before "up to", with at most its object between ("moves Hallam up to 54 points"): the
# figure is where the thing moved, not a ceiling ("rise by up to 5%" is one).
_MOVED_BEFORE = re.compile(r"\b(?:move|moves|moved|moving|go|goes|went|going|climb|climbs|climbed|climbing|"
                           r"jump|jumps|jumped|jumping|rise|rises|rose|risen|rising|lift|lifts|lifted)"
                           r"(?:\s+(?!by\b)[\w'’-]+){0,2}\s+$", re.IGNORECASE)


# A bare "m" glued to a number is millions ("600m users", "raised 600m") unless the words around
# it speak of length: "fell about 600m while climbing", "a 100m sprint", "300m from the shore".
_METRE_WORDS_AFTER = frozenset(
    "while when down up above below from away deep high tall long wide into off ahead behind short "
    "sprint race freestyle hurdles dash relay swim".split())
_METRE_WORDS_BEFORE = frozenset(
    "fell fall falls falling fallen plunged plummeted tumbled slid climbed swam ran sprinted".split())
_WORD_AFTER_M = re.compile(r"[\s-]+([a-z]+)\b")
_WORD_BEFORE_M = re.compile(r"\b([a-z]+)\s+(?:(?:about|around|some|nearly|almost|over|more\s+than)\s+)?$")


def _metres_not_millions(m: re.Match[str], text: str) -> bool:
    """A bare "m" glued to a number, with no currency or other unit, among words of length: metres."""
    if m["s1"] != "m" or m["cur"] or m["cur2"] or m["n2"] or m["p1"] or m["tail"] or m["post"]:
        return False
    after = _WORD_AFTER_M.match(text, m.end())
    before = _WORD_BEFORE_M.search(text[max(0, m.start() - 30):m.start()])
    return bool((after and after.group(1) in _METRE_WORDS_AFTER)
                or (before and before.group(1) in _METRE_WORDS_BEFORE))


_OF_A_POINT = re.compile(r"\s+(?:of\s+)?an?\s+point\b", re.IGNORECASE)


def _fraction_from_match(m: re.Match[str], text: str) -> Quantity | None:
    qualifier = _qualifier(m)
    start, end = m.start(), m.end()
    if m["half"]:
        share = Decimal(1) / 2
        before = text[max(0, start - 12):start].lower()
        follows = _FRACTION_FOLLOW_RE.match(text, end)
        if _OF_A_POINT.match(text, end):
            return None  # "half a point" is half of one point, no share of anything
        # "the first half", "second half": a period, not a share (dates own it)
        if re.search(r"(?:first|second|latter|other|the|a)\s+$", before) and not m["qual"] and not m["asmany"]:
            return None
        if not (m["qual"] or m["asmany"] or follows or re.search(r"\bby\s+$", before)):
            return None
    elif m["den"]:
        numerator = words_to_number(m["num"])
        if numerator is None:
            return None
        den = DENOMINATORS[m["den"].lower()]
        if numerator > den:
            return None
        share = numerator / den
        plural = m["den"].lower().endswith("s") and m["den"].lower() not in ("halves",)
        if not (plural or m["qual"] or m["asmany"] or _FRACTION_FOLLOW_RE.match(text, end)):
            return None
    elif m["num_d"] or m["num_w"]:
        a = parse_number(m["num_d"] or m["num_w"])
        b = parse_number(m["den_d"] or m["den_w"])
        if a is None or b is None or b == 0 or a > b or b >= YEAR_RANGE[0]:
            return None
        share = a / b
    else:
        return None
    if m["asmany"]:
        return Quantity(start, end, text[start:end], _num(share), None, "times", qualifier, "multiplier")
    percent = (share * 100).quantize(Decimal("0.0000000001")).normalize()
    return Quantity(start, end, text[start:end], _num(percent), None, "percent", qualifier, "fraction")


def _unit_fraction_from_match(m: re.Match[str], text: str) -> Quantity | None:
    """"two and a half miles" -> 2.5 mile; "a mile and a half" -> 1.5; "half an hour" -> 0.5 hours;
    "a quarter-century" -> 0.25 centuries; "a quarter of a percentage point" -> 0.25 points."""
    def fraction(words: str) -> Decimal:
        return _UNIT_FRACTIONS[re.sub(r"^(?:a|one)\s+", "", re.sub(r"\s+", " ", words.lower()))]

    if m["unit_a"]:
        whole, part, unit = parse_number(m["whole_a"]), fraction(m["frac_a"]), m["unit_a"]
    elif m["unit_b"]:
        whole = Decimal(1) if m["whole_b"].lower() in ("a", "an") else parse_number(m["whole_b"])
        part, unit = fraction(m["frac_b"]), m["unit_b"]
    elif m["unit_c"]:
        whole, part, unit = Decimal(0), fraction(m["frac_c"]), m["unit_c"]
    else:  # "a quarter-century", "a half-mile"
        whole, part, unit = Decimal(0), fraction(m["frac_d"]), m["unit_d"]
    if whole is None:
        return None
    kind, normalised = _classify_tail(unit)
    if kind not in ("measure", "duration", "percent") or not normalised:
        return None  # ("a quarter of a percentage point" is 0.25 points, not a share of 25%)
    qualifier = "" if _over_a_span(m, kind, text) else _qualifier(m)
    value = (whole + part).quantize(Decimal("0.0000000001")).normalize()
    return Quantity(m.start(), m.end(), text[m.start():m.end()], _num(value), None, normalised, qualifier, kind)


# Beyond this magnitude a figure is no quantity a news story states (a string of digits, an id):
# it is left out rather than read as infinity.
MAX_MAGNITUDE_VALUE = 1e15


def _readable(q: Quantity, text: str) -> bool:
    """A value that can be stated and compared: finite, not beyond MAX_MAGNITUDE_VALUE, and not a
    base or exponent of a power written with a caret ("10^400")."""
    values = [q.value] if q.value_max is None else [q.value, q.value_max]
    if not all(math.isfinite(v) and abs(v) <= MAX_MAGNITUDE_VALUE for v in values):
        return False
    return text[q.end:q.end + 1] != "^" and text[q.start - 1:q.start] != "^"


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every number-like expression in ``text`` with its value and unit, by regex alone.

    Overlaps are resolved in favour of the longer match, then the earlier one.
    """
    found: list[Quantity] = list(_quantities(text))
    for m in FRACTION_RE.finditer(text):
        q = _fraction_from_match(m, text)
        if q is not None:
            found.append(q)
    for m in ORDINAL_RE.finditer(text):
        word = m["ord"].lower()
        value = ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word))
        found.append(Quantity(m.start("ord"), m.end("ord"), m["ord"], float(value), None, "", "", "ordinal"))
    for m in UNIT_FRACTION_RE.finditer(text):
        q = _unit_fraction_from_match(m, text)
        if q is not None:
            found.append(q)
    for m in COMPOUND_DURATION_RE.finditer(text):
        hours = int(m["h"]) if m["h"].isdigit() else _HOURS_IN_WORDS[m["h"].lower()]
        minutes = hours * 60 + int(m["mi"])
        if m["s"]:
            found.append(Quantity(m.start(), m.end(), m.group(0), float(minutes * 60 + int(m["s"])), None, "seconds",
                                  "", "duration"))
        else:
            found.append(Quantity(m.start(), m.end(), m.group(0), float(minutes), None, "minutes", "", "duration"))
    for m in ELAPSED_TIME_RE.finditer(text):
        seconds = (int(m["h"]) * 60 + int(m["mi"])) * 60 + int(m["s"])
        found.append(Quantity(m.start(), m.end(), m.group(0), float(seconds), None, "seconds", "", "duration"))
    for m in COMPOUND_COUNT_RE.finditer(text):
        found.append(Quantity(m.start(), m.end(), m.group(0), float(m["n"].replace(",", "")), None,
                              COMPOUND_COUNTS[m["noun"].lower()], "", "count"))
    for m in VAGUE_SPAN_RE.finditer(text):
        lo, hi = VAGUE_AMOUNTS[" ".join(m["amount"].lower().split())]
        found.append(Quantity(m.start(), m.end(), m.group(0), float(lo), float(hi), m["unit"].lower(), "vague",
                              "duration"))
    for m in A_SPAN_FOR_RE.finditer(text):
        unit = "weeks" if m["unit"].lower() == "fortnight" else m["unit"].lower() + "s"
        value = 2.0 if m["unit"].lower() == "fortnight" else 1.0
        start = m.start("qual") if m["qual"] else m.start("span")  # the hedge is the figure's, as "about 20 days"
        found.append(Quantity(start, m.end("span"), text[start:m.end("span")], value, None, unit, _qualifier(m),
                              "duration"))
    for m in DIMENSIONS_RE.finditer(text):
        width, height = (float(m[g].replace(",", "")) for g in ("a", "b"))
        found.append(Quantity(m.start(), m.end(), m.group(0), width, height, "pixels" if m["px"] else "", "",
                              "designator"))
    for m in WORD_SIZE_RE.finditer(text):
        found.append(Quantity(m.start(), m.end(), m.group(0), float(m["bits"]), None, "bit", "", "designator"))
    for m in VERSION_RANGE_RE.finditer(text):
        lo, hi = float(m["lo"]), float(m["hi"])
        if lo < hi:
            found.append(Quantity(m.start("lo"), m.end("hi"), text[m.start("lo"):m.end("hi")], lo, hi, "", "range",
                                  "designator", name=m["name"]))
    for m in TALLY_RE.finditer(text):
        tally = _tally(m, text)
        if tally is not None:
            found.append(tally)
    for m in VOTE_TALLY_RE.finditer(text):
        tally = _vote_tally(m)
        if tally is not None:
            found.append(tally)
    found.extend(_age_decade(m) for m in AGE_DECADE_RE.finditer(text))
    for m in MULTIPLIER_WORD_RE.finditer(text):
        qualifier = _qualifier(m)
        value = _MULTIPLIER_WORDS[m["word"].lower()]
        found.append(Quantity(m.start(), m.end(), m.group(0), float(value), None, "times", qualifier, "multiplier"))
    found = [q for q in found if _readable(q, text)]
    found.sort(key=lambda q: (-(q.end - q.start), q.start))
    return tuple(_without_overlaps(found))


def _quantities(text: str) -> Iterator[Quantity]:
    """The matches of ``QUANTITY_RE`` in turn. Two numbers joined as a range whose ends measure
    different things ("grew 8% to $4.9 billion": a change and a level) are two: the first is taken
    alone and the scan goes on after it, so the second is found too. (A pair written downwards,
    "10-5", stays no quantity here: ``TALLY_RE`` reads it.)"""
    pos = 0
    while (m := QUANTITY_RE.search(text, pos)) is not None:
        pos = m.end()
        if m["n2"] and (_ends_differ(m) or (not m["btw"] and _after_a_change(text, m.start())
                                             and re.match(r"\s+to\s", text[m.end("n1"):m.start("n2")] + " "))):
            pos = max(m.end(g) for g in ("n1", "s1", "p1") if m[g] is not None)
            m = QUANTITY_RE.match(text, m.start(), pos)
        q = _quantity_from_match(m, text) if m is not None else None
        if q is not None:
            yield q


# Verbs of change: after one, "X to Y" is the change and the level it reached ("has dropped $100
# to $1,199", "rose by 40 to 250") or the old level and the new ("fell from 12 to 9"), never a range.
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:rose|risen|rise[sn]?|fell|fallen|falls?|dropped|drops?|climbed|climbs?|jumped|jumps?|surged|soared|"
    r"plunged|plummeted|slumped|slipped|dipped|declined|increased|decreased|grew|grown|gained|cut|raised|"
    r"lowered|reduced|shrank|shrunk)(?:\s+(?:by|from))?\s+$", re.IGNORECASE)


def _after_a_change(text: str, start: int) -> bool:
    return bool(_CHANGE_BEFORE_RE.search(text, max(0, start - 30), start))


def _ends_differ(m: re.Match[str]) -> bool:
    """The two ends of a would-be range measure different things: a percentage, then money
    ("8% to $4.9 billion"); two currencies."""
    second_money = bool(m["cur2"]) or bool(m["tail"] and _classify_tail(m["tail"])[0] == "money")
    return (bool(m["p1"]) and second_money) or bool(m["cur"] and m["cur2"] and m["cur"] != m["cur2"])


def _without_overlaps(ranked: Sequence[Quantity]) -> list[Quantity]:
    """The quantities in ``ranked`` order that overlap none taken before them, by offset. Taken
    spans never overlap, so a new one need only be checked against its neighbours by start
    (n log n: a page of 60,000 scores is no quadratic)."""
    starts: list[int] = []
    taken: list[Quantity] = []
    for q in ranked:
        k = bisect.bisect_left(starts, q.start)
        if (k == 0 or taken[k - 1].end <= q.start) and (k == len(taken) or q.end <= taken[k].start):
            starts.insert(k, q.start)
            taken.insert(k, q)
    return taken


# --------------------------------------------------------------------------- context layer


# Numeric dates the date extractor leaves alone ("Updated 4 / 9 / 2007 6:04 PM"): their parts are no counts.
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,2}\s?/\s?\d{1,2}\s?/\s?(?:\d{4}|\d{2})\b")


def _count_taken_for_a_name(ent: Span) -> bool:
    """A bare number the tagger called a name ("move its 210 pupils": "210" a PRODUCT) while it
    counts the plural noun after it. A name's number has a word or a letter with it ("Boeing 747",
    "3M"), or names one thing ("a 747 jet")."""
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (re.fullmatch(r"\d[\d,]*", ent.text) is not None and following is not None
            and following.tag_ == "NNS" and ent[-1].dep_ == "nummod" and ent[-1].head.i == following.i)


def _score_after_a_name(q: Quantity, start: int, end: int) -> bool:
    """A score the tagger took into the team's name before it ("beat Corton 2-1" tagged "Corton 2-1"):
    a tally ends the span, after a word of the name. A name's own digits are no descending pair."""
    return q.kind == "tally" and q.end == end and q.start > start


def _measure_before_a_name(q: Quantity, text: str, start: int, end: int) -> bool:
    """A measurement the tagger took into the name after it ("the 400MW Fenwick Moor solar farm"
    tagged "The 400MW Fenwick Moor"): a figure with its unit opens the span (after an article, if
    any) and a capitalised word follows. It sizes the named thing; a name's own digits ("3M",
    "Boeing 747") have no unit."""
    return (q.kind == "measure" and q.end < end and bool(re.fullmatch(r"(?:(?:the|a|an)\s+)?", text[start:q.start],
                                                                      re.IGNORECASE))
            and bool(re.match(r"\s+[A-Z]", text[q.end:end])))


# A lone "one" that counts the dead, the hurt or the missing ("One person died", "one worker was killed",
# "Tornado leaves one dead"): a toll of one, which another report may dispute ("Two people were killed").
# Without a noun only the bare word counts ("one dead"): "when one is killed" is the pronoun.
_CASUALTY = r"(?:died|dead|killed|injured|hurt|wounded|missing)\b"
_ONE_CASUALTY_AFTER = re.compile(
    r"\s+(?:person|man|woman|child|boy|girl|worker|passenger|resident|officer|firefighter|soldier|student|"
    rf"patient|driver|pedestrian|tourist|climber|miner|crew\s+member)\s+(?:(?:was|is|has|had)\s+(?:been\s+)?)?"
    rf"{_CASUALTY}|\s+{_CASUALTY}",
    re.IGNORECASE)


def _skip_reason(q: Quantity, text: str, *, date_spans: Sequence[tuple[int, int]],
                 name_spans: Sequence[tuple[int, int]]) -> str:
    """Why a candidate is not a quantity here; empty when it is one."""
    before = text[max(0, q.start - 30):q.start]
    after = text[q.end:q.end + 20]
    if q.single_one and not (q.text.lower() == "one" and _ONE_CASUALTY_AFTER.match(text, q.end)):
        return "lone 'one'/'a' is a pronoun or article"
    if q.year_like and q.kind == "count" and q.value_max is not None:
        return "range of years"
    if q.kind not in ("duration", "age") and any(s < q.end and q.start < e for s, e in date_spans):
        return "inside a date"
    if _is_category(q, before):
        return ""
    if any(s <= q.start and q.end <= e and not (_measure_before_a_name(q, text, s, e) or _score_after_a_name(q, s, e))
           for s, e in name_spans) or any(
        s < q.end and q.start < e and not (s <= q.start and q.end <= e) and q.kind == "count" for s, e in name_spans
    ):
        return "part of a name"
    if q.kind == "tally" and _CLOCK_AFTER_RE.match(after):
        return "hours of opening"  # "open 10-5 p.m."
    if q.kind == "duration" and q.value == 0 and "-" in q.text:
        return "a term, not a duration"  # "a zero-day flaw", "zero-hour contracts": no time is measured
    if q.kind == "count":
        if _CLOCK_AFTER_RE.match(after):
            return "clock time"
        words_before = before.split()
        prev = words_before[-1].lower().strip("(") if words_before else ""
        if prev in MONTHS or after.strip().split(" ")[0].lower().strip(",.") in MONTHS:
            return "day of a month"
        if _ADDRESS_AFTER_RE.match(text, q.end):
            return "street address"
        if prev in REFERENCE_WORDS or prev.endswith("#"):
            return "reference label"
        if len(words_before) >= 2 and prev in ("and", "or", "to", "&") and re.match(r"\d", words_before[-2]) and (
            len(words_before) >= 3 and words_before[-3].lower() in REFERENCE_WORDS
        ):
            return "reference label"
        if (q.value <= MAX_LIST_MARKER and q.text.isdigit() and _LIST_MARKER_AFTER_RE.match(text, q.end)
                and _LIST_MARKER_BEFORE_RE.search(text[max(0, q.start - 40):q.start].rstrip(" \t\u00a0("))):
            return "list marker"
    return ""


# "Pounds" after a number is a weight unless the words say money: a currency amount in brackets
# right after ("75 million pounds ($97 million)") or a word of money just before ("a fee of",
# "worth", "paid").
_CURRENCY_IN_BRACKETS = re.compile(r"\s*[(\[]\s*(?:US)?[$€£¥]|\s*[(\[]\s*(?:USD|EUR|GBP)\b")
_MONEY_BEFORE = re.compile(r"\b(?:worth|fee|fees|paid|pay|pays|cost|costs|price|priced|salary|wages?|fined?|"
                           r"deal|bid|offer|budget|sterling|transfer|sold|bought|raised|loan|debts?)\b"
                           r"(?:\W+\w+){0,4}?\W+$", re.IGNORECASE)


# A word of weight just before says a weight whatever money the clause named first ("costs $2,199
# and weighs 4.46 pounds").
_WEIGHT_BEFORE = re.compile(r"\b(?:weighs?|weighed|weighing|weight|heavy|heavier|lighter|tips\s+the\s+scales\s+at)"
                            r"(?:\s+(?:about|around|nearly|almost|just|only|over|under|some|roughly|at|of))*\s+$",
                            re.IGNORECASE)


def _pounds_of_money(text: str, start: int, end: int) -> bool:
    """The "pounds" of the number at [start, end) are sterling, by the words around them."""
    before = text[max(0, start - 60):start]
    if _WEIGHT_BEFORE.search(before):
        return False
    return bool(_CURRENCY_IN_BRACKETS.match(text, end) or _MONEY_BEFORE.search(before))


def _noun_of_all_of_them(span: Span) -> Token | None:
    """"Fans missed out on tickets after all 50,000 were sold": a bare "all N" that a verb follows
    counts the plural noun its sentence named before it (the nearest)."""
    doc = span.doc
    if span.start == span.sent.start or doc[span.start - 1].lower_ != "all":
        return None
    if span.end >= span.sent.end or doc[span.end].pos_ not in ("AUX", "VERB"):
        return None
    return next((t for t in reversed(doc[span.sent.start:span.start - 1]) if t.tag_ == "NNS" and t.pos_ == "NOUN"),
                None)


def _is_category(q: Quantity, before: str) -> bool:
    """A whole number right after "Category" / "Cat" is a rank on that scale ("a Category 3 storm",
    "category two calls")."""
    return (q.kind == "count" and (q.text.isdigit() or q.text.lower() in CARDINALS) and q.value <= MAX_SCALE_RANK
            and bool(_CATEGORY_BEFORE_RE.search(before)))


def _span_root(span: Span) -> Token:
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span[-1]


_NP_DEPS = {"compound", "amod", "poss", "nmod", "case", "npadvmod", "nummod", "quantmod", "punct", "hyph"}


def _noun_phrase(noun: Token, exclude: range) -> list[Token]:
    """Tokens of a short noun phrase around ``noun``: its modifiers and an "of" complement."""
    toks = {noun}
    for child in noun.lefts:
        if child.dep_ in _NP_DEPS and child.i not in exclude and child.pos_ not in ("NUM", "DET", "SYM"):
            toks.update(t for t in child.subtree if t.i not in exclude and t.pos_ not in ("DET", "NUM", "SYM"))
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i not in exclude:
                    inner = _noun_phrase(pobj, exclude)
                    toks.add(child)
                    toks.update(inner)
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.i == noun.i + 1:
            toks.add(child)  # "the computing resources required"
    return sorted(toks, key=lambda t: t.i)


def _phrase_text(tokens: list[Token], exclude: range = range(0)) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    lo, hi = tokens[0].i, tokens[-1].i
    if exclude and lo < exclude.stop <= hi:
        lo = exclude.stop  # never let the phrase run back over the number itself
    chosen = {t.i for t in tokens}
    # contiguous stretch around the head: drop tokens the phrase skipped over at its edges
    while lo < hi and (lo not in chosen or doc[lo].pos_ in ("DET", "PUNCT", "ADP", "CCONJ", "PART")):
        lo += 1
    while hi > lo and (hi not in chosen or doc[hi].pos_ in ("PUNCT", "ADP", "CCONJ", "DET")):
        hi -= 1
    if hi - lo + 1 > MAX_MEASURE_TOKENS:
        lo = hi - MAX_MEASURE_TOKENS + 1
        while lo < hi and doc[lo].pos_ in ("DET", "PUNCT", "ADP", "CCONJ", "PART"):
            lo += 1
    return re.sub(r"\s+", " ", doc[lo:hi + 1].text).strip()


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.pos_ == "PRON" and verb.dep_ == "relcl":
                return verb.head
            return child if child.pos_ != "PRON" else None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "conj":
        return _subject_of(verb.head)
    return None


def _relative_verb(noun: Token) -> Token | None:
    """The verb of a relative clause whose subject is ``noun`` ("men who robbed", "people that died")."""
    for child in noun.rights:
        if child.dep_ == "relcl" and child.pos_ == "VERB" and child.lemma_ not in LIGHT_VERBS and any(
                g.dep_ in ("nsubj", "nsubjpass") and g.tag_ in ("WP", "WDT") for g in child.children):
            return child
    return None


def measure_phrase(span: Span, kind: str) -> str:
    """What the quantity in ``span`` is about, read off the dependency parse (short, may be empty)."""
    root = _span_root(span)
    exclude = range(span.start, span.end)
    if kind == "duration" and _is_offset(span):
        return dated_happening(span)  # "married" of "married two weeks ago": no thing it measures
    if kind == "tally":
        # "a 36-3 record", "an 88-86 win": the noun it qualifies; "Menza (36-4)" or "beat Carrow
        # 88-86" name none, and the clause's verb or subject is not what a score counts.
        follower = span.doc[span.end] if span.end < len(span.doc) else None
        return follower.lower_ if follower is not None and follower.pos_ == "NOUN" else ""
    # "26% of AI conference publications", "$13.5bn of private investments"
    for tok in span:
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end - 1:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        phrase = _phrase_text(_noun_phrase(pobj, exclude), exclude)
                        if phrase:
                            return f"share of {phrase}" if kind in ("percent", "fraction") else phrase
    # multipliers govern the noun that follows: "four times the computing resources required"
    if kind == "multiplier":
        for tok in span.doc[span.end:min(span.end + 6, span.sent.end)]:
            if tok.pos_ in ("NOUN", "PROPN"):
                while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.i < span.sent.end:
                    tok = tok.head  # "power-generation capacity", not "power"
                return _phrase_text(_noun_phrase(tok, exclude), exclude)
            if (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("compound", "amod")) or (
                tok.is_punct and tok.text != "-"
            ):
                break
    if kind == "percent" and (changed := _figure_a_change_follows(span)) is not None:
        return " ".join([t.text for t in changed.lefts if t.dep_ == "compound"] + [changed.text])
    head = _over_a_participle(root)
    # climb over prepositions and adverbs ("up from RMB 23 billion" -> spent)
    steps = 0
    while head.i != head.head.i and head.pos_ in ("ADP", "ADV", "SCONJ", "NUM", "SYM", "PART") and steps < 4:
        head = head.head
        steps += 1
    if head.i in exclude:
        return ""
    if head.pos_ in ("NOUN", "PROPN"):
        phrase = _phrase_text(_noun_phrase(head, exclude), exclude)
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB" and head.head.lemma_ not in LIGHT_VERBS:
            phrase = f"{phrase} {head.head.text}"
        elif (verb := _relative_verb(head)) is not None:
            phrase = f"{phrase} {verb.text}"  # "four men who robbed a bank": the men are who robbed it
        return phrase
    if head.pos_ in ("VERB", "AUX"):
        subj = _subject_of(head)
        if subj is not None and subj.i not in exclude:
            return _phrase_text(_noun_phrase(subj, exclude), exclude)
        return head.text if head.lemma_ not in LIGHT_VERBS else ""
    return ""


def _figure_a_change_follows(span: Span) -> Token | None:
    """The counted noun of the figure a change follows: "handled 28.4 million passengers last year,
    up 6% on the year before" is a change of the passengers, not of who handled them. Not across
    the clause's verb, and not for money ("sales reached $4 billion, up 12%": the sales, its subject)."""
    doc, i = span.doc, span.start - 1
    if i >= span.sent.start and doc[i].lower_ == "by":
        i -= 1
    if i - 1 < span.sent.start or doc[i].lower_ not in ("up", "down") or doc[i - 1].text != ",":
        return None
    for tok in reversed(doc[span.sent.start:i - 1]):
        if tok.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in tok.children):
            return tok
        if tok.pos_ in ("VERB", "AUX") or tok.text == ",":
            return None
    return None


def _after_a_magnitude(rows: Sequence[NumberRow], q: Quantity, sent_no: int) -> bool:
    """The sentence's last figure before this bare decimal is a magnitude: "a 2.9 aftershock at
    2:12 a.m. and a 2.2 at 2:15 a.m." leaves the second one's noun unsaid."""
    prev = rows[-1] if rows else None
    return prev is not None and prev.sent_no == sent_no and prev.kind == "magnitude" and prev.end < q.start


def _is_offset(span: Span) -> bool:
    """A duration followed by an offset word ("two weeks ago", "three hours later"): a time, not a length."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in timeml.OFFSET_DIRECTION


# Steps up the parse from an offset to the verb it dates ("weeks" -> "ago" -> "married"; "weeks"
# -> "ago" -> "time" -> "for" -> "married" of "married for the second time two weeks ago").
MAX_OFFSET_CLIMB = 4
# Tokens before "three weeks before he was murdered" in which to look for the verb it dates.
OFFSET_VERB_WINDOW = 4


def dated_happening(span: Span) -> str:
    """The happening an offset dates, as its verb (and particle) is written: "married" of "was
    married two weeks ago" and of "married three weeks before he was murdered" (where the parse
    hangs the weeks on "murdered", the moment it counts from), "moved back" of "moved back six
    weeks ago", "wed" of "was wed three weeks ago"; '' when no such verb is found, or a light one
    ("said two days ago")."""
    after = span.doc[span.end]
    head, steps = _span_root(span).head, 0
    while head.pos_ not in ("VERB", "AUX") and head.i != head.head.i and steps < MAX_OFFSET_CLIMB:
        head, steps = head.head, steps + 1
    if after.dep_ == "mark" and after.head.i == head.i:
        # "before he was murdered" is the moment counted from; what it dates is the verb just
        # before the duration (the clause's head in a right parse, not always in a relative clause)
        head = next((t for t in reversed(span.doc[max(span.sent.start, span.start - OFFSET_VERB_WINDOW):span.start])
                     if t.pos_ == "VERB"), head.head)
    if head.pos_ == "AUX":
        head = next((c for c in head.children if c.dep_ in ("acomp", "attr", "xcomp") and c.pos_ in ("VERB", "ADJ")),
                    head)  # "was wed" (the parse reads "wed" as an adjective)
    if (head.pos_ not in ("VERB", "ADJ") or head.lemma_ in LIGHT_VERBS or head.i in range(span.start, span.end)
            or not head.is_alpha or len(head) < 3):
        return ""  # (the tokenizer reads "wed" as "we" + "d", as it reads "we'd")
    # its particle: "moved back" (to where one lived before) is no "moved"
    particles = [c for c in head.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back")]
    words = sorted([head, *particles], key=lambda t: t.i)
    return " ".join(t.lower_ for t in words)


def _over_a_participle(root: Token) -> Token:
    """The noun a count modifies across a participle the parse made its verb: "Three masked men"
    can come out as "Three" the subject of "masked", which modifies "men"."""
    head = root.head
    if (root.dep_ in ("nsubj", "nummod") and head.tag_ in ("VBD", "VBN") and head.dep_ == "amod"
            and head.head.pos_ == "NOUN" and root.i < head.i < head.head.i):
        return head.head
    return head


def _collective_before_members(noun: Token) -> str:
    """The collective noun a noun of belonging leaves the counting to ("crew" of "22 crew members"), or ''."""
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    return before.lower_ if (noun.lower_ in MEMBER_NOUNS and before is not None
                             and before.lower_ in COLLECTIVE_NOUNS) else ""


def _counted_noun(span: Span) -> Token | None:
    """The noun a bare count modifies ("50 people", "26 big Chinese models")."""
    root = _span_root(span)
    head = _over_a_participle(root)
    if head.i != root.head.i:
        return head if span.end <= head.i <= span.end + 4 else None
    if root.dep_ == "advmod" and head.pos_ == "ADJ" and head.dep_ == "amod":
        root, head = head, head.head  # "the fifth successful operation": the parse hangs "fifth" on "successful"
    modifies = root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.pos_ == "NOUN"
    if modifies and span.end <= head.i <= span.end + 4:
        return head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    while nxt is not None and nxt.dep_ == "compound" and nxt.pos_ == "NOUN" and span.end < nxt.head.i <= span.end + 3:
        nxt = nxt.head  # "and six fire engines attended", "six" misparsed: the engines, not the fire
    plain_noun = nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NN") and nxt.sent == span.sent
    if plain_noun and nxt.lower_ not in MONTHS:
        return nxt
    return None


# A designator: digits (a decimal point, a letter after them) written right after a name.
_DESIGNATOR_RE = re.compile(r"\d+(?:\.\d+)*[A-Za-z]?")
_LEADING_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _designated_name(span: Span, sent: Span, q: Quantity, text: str) -> str:
    """The name a number written right after it designates a version or model of ("Internet
    Explorer 8", "USB 3.0", "GeForce GT 650M", "Interstate 75", "Flight 370"); '' for a number that
    counts or measures. The name is proper nouns or capitalised acronyms, never the sentence's
    first word alone ("The 13 ..."), and a name-number-name-number run is a score ("Arsenal 2
    Chelsea 1"), not two designators. ``sent`` is the number's sentence and ``text`` the
    document's (``span.sent`` walks the sentence and ``doc.text`` joins every token on each call:
    a page that is one long sentence would cost its length per number)."""
    if not _DESIGNATOR_RE.fullmatch(q.text) or span.start == sent.start:
        return ""
    doc, i = span.doc, span.start - 1
    if text[doc[i].idx + len(doc[i].text):span.start_char] not in ("", " "):
        return ""  # the name stands right before the number
    if doc[i].dep_ == "dative":
        return ""  # "gave the Civic Union 151 seats": the name receives what the number counts
    names: list[str] = []
    while i >= sent.start and len(names) < MAX_DESIGNATED_NAME_TOKENS and (
            _name_like(doc[i]) or (names and doc[i].is_title and i > sent.start)):
        names.insert(0, doc[i].text)  # the word next to the number is a name; before it, any capitalised word
        i -= 1
    if not any(len(n) > 1 for n in names) or (i < sent.start and len(names) == 1 and not names[0].isupper()):
        return ""
    after, before = doc[span.end:min(span.end + 2, sent.end)], doc[max(sent.start, i - 1):i + 1]
    if any(len(pair) == 2 and _name_like(pair[0]) and pair[1].text[:1].isdigit() for pair in (after, before)):
        return ""  # "Arsenal 2 Chelsea 1"
    return " ".join(names)


def _version_range_name(doc: Doc, q: Quantity, text: str) -> str:
    """The product a range of versions is of ("IE" of "IE6 to 10", "Internet Explorer" of "Internet
    Explorer 6 through 11"), or '' when the capitalised words before it are no name: a sentence's
    first word ("From 6 to 10 people"), a month ("May 6 to 10"), a scale ("Category 3 to 5")."""
    name_start = q.start - len(q.name) - (text[q.start - 1] == " ")
    span = doc.char_span(name_start, q.start, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    words = q.name.split()
    if any(w.lower() in MONTHS or w.lower() in _WEEKDAY_WORDS for w in words) or _CATEGORY_BEFORE_RE.search(
            q.name + " "):
        return ""
    glued = span[-1].idx + len(span[-1]) > q.start  # "IE6": one token of name and number
    named = [t for t in span if t.idx < q.start]
    if glued:
        return q.name if q.name.isupper() and len(q.name) > 1 else ""
    if named[0].is_sent_start and not q.name.isupper():
        return ""
    return q.name if all(_name_like(t) for t in named) else ""


def _title_case(sent: Span) -> bool:
    """A headline in title case ("Quake Kills 12 In Delhi"): its capitals name nothing."""
    words = [t.text for t in sent if t.is_alpha and len(t.text) > 3]
    return len(words) >= TITLE_CASE_MIN_WORDS and not any(w.islower() for w in words)


# What joins the versions of a list ("Internet Explorer 8 and 9", "IE 6 through 10").
_VERSION_LIST_JOIN_RE = re.compile(r"\s*(?:,|,?\s*(?:and|or|to|through))\s*")


def _coordinated_name(rows: Sequence[NumberRow], q: Quantity, text: str) -> str:
    """The name of the version listed right before this number ("Internet Explorer 8 and 9")."""
    prev = rows[-1] if rows else None
    if prev is None or prev.kind != "designator" or not _DESIGNATOR_RE.fullmatch(q.text):
        return ""
    return prev.measure if _VERSION_LIST_JOIN_RE.fullmatch(text[prev.end:q.start]) else ""


def _name_like(tok: Token) -> bool:
    """A word of a product or route name: a proper noun, or an acronym in capitals ("USB", "GT")."""
    text = tok.text
    if tok.lower_ in MONTHS or tok.lower_ in _WEEKDAY_WORDS or normalise_unit(text) in UNITS:
        return False  # "1GB GeForce GT 650M": GB is the memory's unit
    return (tok.pos_ == "PROPN" and text[:1].isupper()) or (text.isupper() and text.isalpha())


_YEAR_IN_TEXT_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _date_value(d: DateRow) -> str:
    """A date's TimeML value usable as ``as_of``; durations and unresolved dates give ''."""
    value = d.value
    if value.startswith("P") or value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return ""
    if d.granularity == "time":
        return "" if value.startswith("X") else value[:10]  # a figure's time is its day
    if not value:
        m = _YEAR_IN_TEXT_RE.search(d.text)
        return m.group(1) if m else ""
    return value


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` is in (or the sentence root)."""
    cur = tok
    for _ in range(40):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in (
            "ROOT",
            "ccomp",
            "advcl",
            "conj",
            "relcl",
            "xcomp",
            "acl",
            "pcomp",
        ):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _as_of(span: Span, dates: Sequence[DateRow], doc: Doc, text: str) -> str:
    """The date mention of the same sentence governing the number: same clause first, then the
    clause a participle clause of the number hangs on ("In April 2003 he pleaded guilty to charges
    he feigned illness in the 1990s, adding three years": the plea's date, not the feigning's),
    then nearest, never across the edge of an aside (its date is not the main clause's, nor the
    other way round). ``text`` is ``doc.text``, joined once by the caller: spaCy joins it anew on
    each access, which made a 57,000-word page of 3,700 numbers take six minutes."""
    best: tuple[int, int, int, str] | None = None
    clause = _clause_head(_span_root(span))
    noun = _noun_of_the_figure(span)
    for d in dates:
        value = timeml.reporting_period(text, d.start, _date_value(d))
        if not value or d.end <= span.sent.start_char or d.start >= span.sent.end_char:
            continue
        if timeml.dates_a_made_thing(text, d.start) or timeml.opens_a_running_period(text, d.start):
            continue  # "SUVs from model years 2018 to 2023", "died since July 3": not the figure's time
        dspan = doc.char_span(d.start, d.end, alignment_mode="expand")
        if dspan is None:
            continue
        if _across_an_aside(span, dspan):
            continue
        if d.granularity in _ERAS and _modifies_another_noun(dspan, noun):
            continue  # "three paintings by 17th-century Dutch artists": the artists' era, not the theft's time
        date_clause = _clause_head(_span_root(dspan))
        if _conjoined(clause, date_clause) and _in_the_present(clause) and not _in_the_present(date_clause):
            # "has 1,100 employees and reported revenue of $310 million last year", "was founded in
            # 2007 and is backed with $60 million": a present beside a dated past is undated
            continue
        hops = 0 if date_clause == clause else _clauses_up(clause, date_clause)
        distance = min(abs(dspan.start - span.end), abs(span.start - dspan.end))
        key = (0 if _modifies(dspan, noun) else 1, hops, distance, value)
        if best is None or key < best:
            best = key
    return best[-1] if best else ""


def _conjoined(a: Token, b: Token) -> bool:
    return (a.dep_ == "conj" and a.head == b) or (b.dep_ == "conj" and b.head == a)


def _in_the_present(verb: Token) -> bool:
    """The clause's verb, or its auxiliary, is in the present ("has", "is backed")."""
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


# Far enough that any clause the number's hangs on comes first; a date of no such clause comes last.
_NOT_GOVERNING = 1_000


def _clauses_up(clause: Token, head: Token) -> int:
    """How many participle clauses up the parse the number's clause is from ``head`` ("In March
    2009 he pleaded guilty to charges he took bribes in the 1990s, adding two years": "adding" tells
    the plea's result, in the plea's time); ``_NOT_GOVERNING`` when ``head`` is not reached so.
    Only a participle clause ("adding", "killing 12") shares its main clause's time: a relative or
    a "when" clause has its own, and the small model misattaches others."""
    steps, cur = 0, clause
    while cur.dep_ == "advcl" and cur.tag_ == "VBG" and cur.head.i != cur.i:
        cur, steps = cur.head, steps + 1
        if cur.i == head.i:
            return steps
    return _NOT_GOVERNING


# How a date names the period of a noun: "third-quarter revenue", "2024 sales", "last year's profit".
_NOUN_DATE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})


def _noun_of_the_figure(span: Span) -> Token | None:
    """The noun the figure measures: "revenue" of "revenue of $4.82 billion", the counted noun of
    "1,200 jobs", the subject of "profit rose to $5 million"."""
    root = _span_root(span)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return root.head.head
    counted = _counted_noun(span)
    if counted is not None:
        return counted
    verb = root.head.head if root.dep_ == "pobj" else root.head if root.dep_ in ("dobj", "attr") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


# Dates that, modifying a noun, tell what era the thing is of ("17th-century artists", "a 1960s car").
_ERAS = frozenset({"century", "decade"})


def _modifies_another_noun(date: Span, noun: Token | None) -> bool:
    """The date modifies a noun that is not the figure's own ("by 17th-century Dutch artists")."""
    root = _span_root(date)
    return root.dep_ in _NOUN_DATE_DEPS and root.head.pos_ in ("NOUN", "PROPN") and (noun is None or root.head != noun)


def _modifies(date: Span, noun: Token | None) -> bool:
    """The date is a modifier of the figure's noun, so names the figure's period ("third-quarter
    revenue of $4.82 billion on Thursday": the quarter, not the day it was reported)."""
    if noun is None:
        return False
    root = _span_root(date)
    return root.head == noun and root.dep_ in _NOUN_DATE_DEPS and root != noun


_ASIDE_OPENERS = frozenset({",", "(", "-", "–", "—"})


def _across_an_aside(a: Span, b: Span) -> bool:
    """One of the two lies in an aside (a relative clause set off by a comma) the other is outside
    of ("The plant, which opened in 1978, employs 340 people"), unless that clause hangs on the
    other or its noun ("in 1959, when he received a five-year sentence"; "Twelve people, killed in
    the 2004 flood"). A restrictive clause tells of its noun's event and keeps its time ("in 2004
    a tsunami that killed 230,000")."""
    for inner, outer in ((a, b), (b, a)):
        island = _aside_of(_span_root(inner))
        if island is None or (island.left_edge.i <= outer.start and outer.end - 1 <= island.right_edge.i):
            continue
        root = _span_root(outer)
        own_noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") else root
        if not (outer.start <= island.head.i < outer.end or island.head.i == own_noun.i):
            return True
    return False


def _aside_of(tok: Token) -> Token | None:
    """The innermost aside: a relative clause ("which opened in 1978") or a participle's ("founded
    in 2009") after a comma, dash or bracket (its verb), if any."""
    cur = tok
    for _ in range(40):
        start = cur.left_edge.i
        if cur.dep_ in ("relcl", "acl") and start > 0 and cur.doc[start - 1].text in _ASIDE_OPENERS:
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


# Arguments of a clause that say whose figure it is: "Rait fell 200 ft", "the judge sentenced
# Smith to 12 years", "12 years for Smith" is left to the sentence (no argument names him).
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
# A clause without a subject of its own borrows the one of the clause it hangs from ("Rait died
# after slipping and falling 200 ft"; "Buckley slipped on ice and fell 700 m").
_BORROWS_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})
# Inside an argument, the words that still name it ("climber Robert Buckley", "the climber,
# Robert Buckley,"), not the ones that tell of someone else ("Smith's lawyer", "the man who shot Jones").
_NAMING_DEPS = frozenset({"compound", "appos", "flat", "amod", "nmod", "punct", "det"})
MAX_BORROW_STEPS = 4


def clause_people(span: Span, person_at: dict[int, Span] | None = None, *, age: bool = False) -> tuple[str, ...]:
    """Whose figure: the people named as the arguments (subject, object) of the figure's clause,
    in text order. Two figures whose clauses name different people are two quantities however
    alike their words ("Rait fell 200 ft" and "Buckley fell 700 m"); the passive and the active
    name the same people ("Smith was sentenced to 10 years", "the judge sentenced Smith to 12").
    A figure inside an argument is that argument's, and its owner's ("Jamie Cole's goal in the 108th
    minute gave Harbour United a win": Cole's minute), but an ``age`` is of the one it describes only
    ("the lorry's 52-year-old driver")."""
    person_at = people_by_token(span.doc) if person_at is None else person_at
    root = _span_root(span)
    verb = _clause_head(root)
    arguments = [c for c in verb.children if c.dep_ in _ARGUMENT_DEPS]
    inside = {t.i for t in root.ancestors}
    holder = next((a for a in arguments if a.i in inside), None)
    if holder is not None:
        named = _names_in(holder, span, person_at, deps=_NAMING_DEPS if age else _NAMING_DEPS | {"poss"})
        return tuple(named[k] for k in sorted(named))
    steps = 0
    while not any(a.dep_ in ("nsubj", "nsubjpass") for a in arguments) and verb.dep_ in _BORROWS_SUBJECT \
            and verb.head.i != verb.i and steps < MAX_BORROW_STEPS:
        verb = verb.head
        arguments += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        steps += 1
    found: dict[int, str] = {}
    for argument in arguments:
        found.update(_names_in(argument, span, person_at))
    return tuple(found[k] for k in sorted(found))


def _names_in(argument: Token, span: Span, person_at: dict[int, Span],
              deps: frozenset[str] = _NAMING_DEPS) -> dict[int, str]:
    """The people an argument names (``deps``: the words that still name it), by where each name starts."""
    found: dict[int, str] = {}
    for tok in _naming_tokens(argument, deps):
        if tok.i in person_at and tok.i not in range(span.start, span.end):
            ent = person_at[tok.i]
            found[ent.start] = _POSSESSIVE_END.sub("", ent.text)  # ("Jamie Cole's goal": the parse keeps the 's)
    return found


_POSSESSIVE_END = re.compile(r"['’]s?$")


def people_by_token(doc: Doc) -> dict[int, Span]:
    """Each token of a person's name -> the name."""
    return {t.i: ent for ent in doc.ents if ent.label_ == "PERSON" for t in ent}


def _naming_tokens(head: Token, deps: frozenset[str] = _NAMING_DEPS) -> list[Token]:
    out, todo = [], [head]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(c for c in tok.children if c.dep_ in deps)
    return out


# Nouns after an ordinal that do not count events: shares ("a third of"), halves, ranks.
ORDINAL_NOT_COUNTED = frozenset({"half", "quarter", "time", "place", "largest", "biggest", "term", "round"})


def _is_age(doc: Doc, text: str, q: Quantity, person_words: frozenset[str]) -> bool:
    """A bare number that is someone's age: "Comeaux, 49,", "LaCalamita III, 38", "aged 24", "aged
    nine", "He was 77.", "died in prison at 77". A number in words is one only after a word that says
    age ("aged nine"; "Smith, nine," may count anything). ``text`` is ``doc.text``, which spaCy joins
    anew on each access; ``person_words`` are the words of the document's people's names."""
    before = text[max(0, q.start - 60):q.start]
    if _AGE_WORD_BEFORE_RE.search(before):
        return True
    if not q.text.isdigit():
        return False
    if (_AGE_STATED_BEFORE_RE.search(before) or _AGE_AT_DEATH_BEFORE_RE.search(before)) and _AGE_CLAUSE_END_RE.match(
            text, q.end):
        return True
    if not _AGE_AFTER_RE.match(text, q.end) or not re.search(r"[A-Za-z.]\s*,\s*$", text[max(0, q.start - 3):q.start]):
        return False
    comma = text.rfind(",", 0, q.start)
    prev = doc.char_span(comma - 1, comma, alignment_mode="expand")
    if prev is None or len(prev) == 0:
        return False
    tok = prev[-1]
    # The small model often tags a lone surname as ORG, or as a place ("Ferreira, 47," after "Ana
    # Ferreira was elected"): a word of a person's name elsewhere in the article is that person; else a
    # place or a date before ", 49," is no person.
    return tok.ent_type_ == "PERSON" or tok.text in person_words or (
        tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "LOC", "DATE", "FAC")) or _one_described(doc, tok)


# Words before a person's noun that make it one person the story tells of: "the driver", "his wife",
# "a guard" (set off by commas, the number after it is still that one person's age).
_ONE_PERSON_DETERMINERS = frozenset({"the", "his", "her", "its", "their", "a", "an"})


def _one_described(doc: Doc, tok: Token) -> bool:
    """"The driver, 61," "the victim, 34," "its owner, 66," and "a security guard, 58,": a person's
    noun (`PERSON_NOUNS`) after an article or a possessive, past its own modifiers, stands for one
    person the story tells of, and the number set off after it is that person's age."""
    if tok.lower_ not in PERSON_NOUNS:
        return False
    before = tok.i - 1  # past the noun's own modifiers: "a security guard", "the former owner"
    while before >= 0 and doc[before].dep_ in ("compound", "amod") and doc[before].head.i == tok.i:
        before -= 1
    return before >= 0 and doc[before].lower_ in _ONE_PERSON_DETERMINERS


def extract_numbers(doc: Doc, *, doc_id: str, dates: Sequence[DateRow] = ()) -> tuple[NumberRow, ...]:
    """Quantities of one Doc as rows; ``dates`` are this Doc's date mentions (never numbers themselves)."""
    text = doc.text
    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]
    date_spans = [(d.start, d.end) for d in dates] + [m.span() for m in _NUMERIC_DATE_RE.finditer(text)]
    name_spans = [(e.start_char, e.end_char) for e in doc.ents
                  if e.label_ in NAME_LABELS and not _count_taken_for_a_name(e)]
    person_at = people_by_token(doc)
    person_words = frozenset(t.text for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_title)
    dates_in: dict[int, list[DateRow]] = {}  # by sentence: a number's reference time is in its own
    for d in dates:
        dates_in.setdefault(d.sent_no, []).append(d)
    rows: list[NumberRow] = []
    headline: dict[int, bool] = {}  # by sentence: a title-case headline (asked once per sentence)
    for q in find_quantities(text):
        if q.kind == "count" and q.value <= MAX_AGE and _is_age(doc, text, q, person_words):
            q = dataclasses.replace(q, kind="age", unit="years")
        if _skip_reason(q, text, date_spans=date_spans, name_spans=name_spans):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        kind, unit = q.kind, q.unit
        name = told_before = ""
        if kind == "designator" and q.name:  # a range of versions: of the name before it, if the parse agrees
            name = _version_range_name(doc, q, text)
            if not name:
                continue
        elif kind == "designator":  # a word size or a size: a kind of the noun it modifies ("32-bit versions")
            designated = _counted_noun(span)
            name = designated.lemma_.lower() if designated is not None else unit
        if kind == "ordinal":
            noun = _counted_noun(span)
            if noun is None or noun.lower_ in ORDINAL_NOT_COUNTED:
                continue  # "the second half", "a third of": no event is counted
            unit = noun.lower_
        if kind == "count":
            before = text[max(0, q.start - 40):q.start]
            noun = _counted_noun(span)
            decimal = "." in q.text
            quake_noun = noun is not None and (
                noun.lower_ in QUAKE_WORDS or (noun.lower_ in ("degree", "point") and noun.head.lower_ in QUAKE_WORDS)
            )
            sent_no = bisect.bisect_right(sent_starts, q.start) - 1
            if sent_no not in headline:
                headline[sent_no] = _title_case(sents[sent_no])
            name = "" if q.year_like or headline[sent_no] else _designated_name(span, sents[sent_no], q, text) or (
                _coordinated_name(rows, q, text) if noun is None else "")
            if _is_category(q, before):
                kind, unit = "category", "category"
            elif q.value < MAX_MAGNITUDE and (
                _MAGNITUDE_BEFORE_RE.search(before) or _RICHTER_AFTER_RE.match(text, q.end)
                or (decimal and (quake_noun or _MAGNITUDE_NEAR_RE.search(before)
                                 or (noun is None and _after_a_magnitude(rows, q, sent_no))))
            ):
                kind, unit = "magnitude", "magnitude"
            elif name:
                kind = "designator"  # "Internet Explorer 8", "USB 3.0", "GT 650M": a version or model, no count
                q = dataclasses.replace(q, value=float(_LEADING_NUMBER_RE.match(q.text).group().replace(",", "")))
            elif q.year_like and (noun is None or noun.tag_ != "NNS"):
                continue

            elif q.unit:
                pass  # "a 30,000-seat stadium": the compound says what is counted
            elif noun is not None and (noun.tag_ in ("NNS", "NNPS") or q.value == 1 or noun.lower_ in COLLECTIVE_NOUNS):
                unit = _collective_before_members(noun) or noun.lower_
            elif noun is None and (named_before := _noun_of_all_of_them(span)) is not None:
                unit = named_before.lower_
                told_before = unit
            if unit in ("pound", "pounds") and _pounds_of_money(text, q.start, noun.idx + len(noun.text)):
                kind, unit = "money", "GBP"
        n = bisect.bisect_right(sent_starts, q.start) - 1
        sent = sents[n]
        measure, as_of = measure_phrase(span, kind), _as_of(span, dates_in.get(n, ()), doc, text)
        if kind == "designator":
            measure = name  # what it designates a version of
        elif told_before and told_before not in measure:
            measure = f"{told_before} {measure}".strip()  # "all 50,000 were sold": the tickets sold
        if normalise_unit(measure) in UNITS or any(measure and measure in d.text for d in dates_in.get(n, ())) or (
                kind == "money" and (currency_code(measure) or measure in ("pound", "pounds"))):
            measure = ""  # "kilometres", "2023", "pounds": the parse attached the number to a unit or a date
        prev = rows[-1] if rows else None
        if prev is not None and prev.sent_no == n and re.fullmatch(r"\s*[(\[]\s*", text[prev.end:q.start]):
            measure, as_of = prev.measure, prev.as_of  # "10 kilometres (6.2 miles)": a conversion
        rows.append(NumberRow(
            doc_id=doc_id, sent_no=n, start=q.start, end=q.end, text=q.text,
            value=q.value, value_max=q.value_max, unit=unit, qualifier=q.qualifier, kind=kind,
            measure=measure, as_of=as_of, sentence=sent.text,
            people="; ".join(clause_people(span, person_at, age=kind == "age")),
        ))
    return tuple(rows)
