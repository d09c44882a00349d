"""Generic block features and the main-body decision (a jusText-style cascade plus a densest region).

1. Features per block: characters, words, stop-word density, link density, sentence end.
2. A context-free class per block: ``bad`` (rules boilerplate, images, link lists, low stop-word
   density), ``short``, ``near`` (borderline prose) or ``good`` (long prose), as in jusText.
3. Context: short and near blocks take the class their neighbours suggest.
4. The main body is the densest run of good text (maximum-sum segment over block weights), so
   prose-like chrome far from the article (comments, footers, other stories) stays out; section
   markers such as "Related Articles" weigh heavily against crossing them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.clean.blocks import Block
from pipeline.clean.language import ENGLISH, UNSPACED_CHAR, WORD, Language
from pipeline.clean.rules import Rules, normalise_key

# jusText's defaults (length 70/200 characters, stop-word density 0.30/0.32, link density 0.2),
# calibrated on the cleaning benchmark's 160 English pages as a set (docs/cleaning.md); do not
# tune one in isolation.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOP_LOW = 0.30
STOP_HIGH = 0.32
MAX_LINK_DENSITY = 0.2
# Rules patterns only condemn short blocks: a long paragraph that mentions "newsletter" is prose.
MAX_PATTERN_BLOCK_WORDS = 40
# Region weights: a bad block costs a base plus its words (capped, so one long footer cannot
# outweigh the article); a section marker costs as much as a medium paragraph of good text.
BAD_BASE_COST = 3.0
BAD_WORD_CAP = 25
SHORT_COST = 1.0
NEAR_WEIGHT = 0.6
MARKER_COST = 120.0
# A complete sentence (capitalised, ends with . ! ? or a closing quote, has function words) that
# jusText would call short or bad still counts for the region at this much per word: pages with
# one sentence per paragraph (wire copy, re-joined corpora) are made of such blocks, and their
# short factual sentences ("The island's airport was also damaged.") were cut from the body.
# Calibrated on the cleaning benchmark (F1 about 0.911 at 0.3, 0.912 at 0.5 and 0.8, 0.906 at 1.0,
# where captions and teaser sentences start to pull the region) and on the five ECB+ multisource
# sets (no body sentence lost anywhere in 0.3-1.0); 0.5 sits in the middle of the flat part.
SENTENCE_WEIGHT = 0.5
MIN_SENTENCE_WORDS = 3
# Below this stop-word density a "sentence" is a name list or a caption-like label.
MIN_SENTENCE_STOP_DENSITY = 0.12
# Headline case: at least this share of the words of 4+ letters capitalised ("How China Is
# Girding for an AI Battle With the U.S."). Name-heavy news sentences stay below ~0.5.
HEADLINE_CASE_SHARE = 0.75
MIN_HEADLINE_CASE_WORDS = 3

# In a script without spaces one character is about a word: it counts as this many characters of
# an alphabetic script in the length thresholds (an English word and its space average about 6).
CHARS_PER_UNSPACED_WORD = 4
# Full stops of Chinese and Japanese too (English text never ends with them).
_SENTENCE_END = re.compile(r"[.!?…。！？][”\"’')\]」』]*$")
# Sentence end for the sentence feature: also "... common sense. \"" (a closing quote after a space).
_SENTENCE_END_LOOSE = re.compile(r"[.!?…。！？][”\"’')\]」』\s]*$")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# Where a sentence starts inside a block: its first word is capitalised whatever the style.
_INNER_SENTENCE_START = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])")
_SENTENCE_START = re.compile(r"^[\"'“‘(\[]?\s?[A-Z0-9]")


@dataclass(frozen=True)
class Features:
    chars: int  # in a script without spaces, each character counts as CHARS_PER_UNSPACED_WORD
    words: int
    stop_density: float
    link_density: float
    sentence_end: bool
    rules_boilerplate: str  # which rule matched, '' when none
    marker: str  # spillover | comments | footer | ''
    sentence: bool = False  # a complete prose sentence (see is_sentence)


def block_features(block: Block, rules: Rules, language: Language | None = None) -> Features:
    """The block's features; stop words are ``rules.stopwords`` (extended for the document's
    language by the caller). The thresholds were calibrated on English pages only, and stop-word
    density is measured differently in other languages (Arabic joins "and", "in" and "the" to the
    word; Chinese has no spaces), so outside English a block that ends like a sentence also counts
    as dense prose: length, sentence ends and position decide, as the docs promise."""
    text = block.text
    words = WORD.findall(text.lower())
    n = len(words)
    chars = len(text)
    stop_density = sum(1 for w in words if w in rules.stopwords) / n if n else 0.0
    if language is not None and language.code != ENGLISH and _SENTENCE_END_LOOSE.search(text):
        stop_density = max(stop_density, STOP_HIGH)
    if language is not None and not language.spaced:
        chars += (CHARS_PER_UNSPACED_WORD - 1) * len(UNSPACED_CHAR.findall(text))
    key = normalise_key(text)
    marker = rules.marker_kind(key) if n <= 8 else ""
    f = Features(
        chars=chars,
        words=n,
        stop_density=stop_density,
        link_density=block.links / max(1, len(block.raw)),
        sentence_end=bool(_SENTENCE_END.search(text)),
        rules_boilerplate=_rules_boilerplate(text, key, n, rules),
        marker=marker,
    )
    return replace(f, sentence=is_sentence(block, f))


def is_sentence(block: Block, f: Features) -> bool:
    """A complete prose sentence: capitalised, closed by . ! ? (maybe a quote), with function words.

    Chrome is rarely a full sentence; when it is, it matches a rule ("Sign up for our newsletter.").
    """
    text = block.text
    return (
        not block.image
        and not f.rules_boilerplate
        and not f.marker
        and f.words >= MIN_SENTENCE_WORDS
        and f.stop_density >= MIN_SENTENCE_STOP_DENSITY
        and f.link_density <= MAX_LINK_DENSITY
        and bool(_SENTENCE_START.match(text))
        and bool(_SENTENCE_END_LOOSE.search(text))
        and not text.isupper()
        and not _headline_case(text)
    )


def _headline_case(text: str) -> bool:
    """Most long words capitalised, not counting each sentence's first word (capitalised in any style):
    "Patel beat Joan Fairlie. Turnout was 31%." is prose about names, not a headline."""
    long_words = [w for part in _INNER_SENTENCE_START.split(text) for w in _LONG_WORD.findall(_after_first_word(part))]
    if len(long_words) < MIN_HEADLINE_CASE_WORDS:
        return False
    return sum(w[0].isupper() for w in long_words) >= HEADLINE_CASE_SHARE * len(long_words)


def _after_first_word(sentence: str) -> str:
    parts = sentence.split(maxsplit=1)
    return parts[1] if len(parts) == 2 else ""


def _rules_boilerplate(text: str, key: str, n_words: int, rules: Rules) -> str:
    if key in rules.boilerplate_lines:
        return f"'{text}' is a known UI phrase"
    if n_words <= MAX_PATTERN_BLOCK_WORDS:
        m = rules.boilerplate_any.search(text)
        if m:
            return f"matches site-chrome rule '{m.group(0).strip()}'"
    return ""


def initial_class(block: Block, f: Features) -> str:
    """Context-free class: bad | short | near | good."""
    if block.image or f.rules_boilerplate or f.marker or f.words == 0:
        return "bad"
    if f.link_density > MAX_LINK_DENSITY:
        return "bad"
    if f.chars < LENGTH_LOW:
        return "short"
    if f.stop_density >= STOP_HIGH:
        return "good" if f.chars >= LENGTH_HIGH else "near"
    if f.stop_density >= STOP_LOW:
        return "near"
    return "bad"


def _neighbour(classes: list[str], i: int, step: int, *, ignore_near: bool) -> str:
    j = i + step
    while 0 <= j < len(classes):
        c = classes[j]
        if c in ("good", "bad") or (c == "near" and not ignore_near):
            return c
        j += step
    return "bad"


def resolve_context(classes: list[str]) -> list[str]:
    """jusText's context step: short and near blocks follow their good/bad neighbours."""
    out = list(classes)
    for i, c in enumerate(classes):
        if c != "short":
            continue
        prev, nxt = _neighbour(classes, i, -1, ignore_near=True), _neighbour(classes, i, 1, ignore_near=True)
        if prev == "good" and nxt == "good":
            out[i] = "good"
        elif prev == "bad" and nxt == "bad":
            out[i] = "bad"
        elif (prev == "bad" and _neighbour(classes, i, -1, ignore_near=False) == "near") or (
            nxt == "bad" and _neighbour(classes, i, 1, ignore_near=False) == "near"
        ):
            out[i] = "good"
        else:
            out[i] = "bad"
    for i, c in enumerate(classes):
        if c != "near":
            continue
        prev, nxt = _neighbour(out, i, -1, ignore_near=True), _neighbour(out, i, 1, ignore_near=True)
        out[i] = "bad" if prev == "bad" and nxt == "bad" else "good"
    return out


def block_weight(cls: str, f: Features) -> float:
    """Weight of a block for the region search, from its context-free class."""
    if f.marker:
        return -MARKER_COST
    if cls == "good":
        return float(f.words)
    if cls == "near":
        return max(NEAR_WEIGHT, SENTENCE_WEIGHT if f.sentence else 0.0) * f.words
    if f.sentence:
        return SENTENCE_WEIGHT * f.words
    if cls == "short":
        return -SHORT_COST
    return -(BAD_BASE_COST + min(f.words, BAD_WORD_CAP))


def densest_region(weights: list[float]) -> tuple[int, int]:
    """Maximum-sum contiguous segment [start, end) (Kadane); (0, 0) when nothing is positive."""
    best, best_span = 0.0, (0, 0)
    run, run_start = 0.0, 0
    for i, w in enumerate(weights):
        if run <= 0:
            run, run_start = w, i
        else:
            run += w
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best_span
