"""The language of a document, and what cleaning measures prose with in it.

Detection is py3langid's model (97 languages, bundled, deterministic) over the document's longer
blocks, so an English site's menus around a German article do not outvote it. Cleaning's prose test
is stop-word density (jusText's); other languages use spaCy's stop-word list for that language (a
look-up table shipped with spaCy, no model), and scripts written without spaces between words
(Chinese, Japanese, Thai ...) fall back on length, sentence ends and position. Extraction and
compare are English-only: a document in another language is cleaned and listed, not compared
(see ``is_english``).
"""

from __future__ import annotations

import importlib
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

ENGLISH = "en"
# Below this many letters the guess is noise (a caption, a name list): the text counts as English.
MIN_LETTERS_TO_DETECT = 120
# A guess below this probability is not trusted: the text counts as English.
MIN_CONFIDENCE = 0.80
# Enough text to decide; more only costs time.
MAX_CHARS_TO_DETECT = 20_000
# Scripts written without spaces between words: a \w+ "word" is a whole clause, so neither word
# counts nor stop-word density mean anything; every character of these scripts counts as a word.
UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo", "dz"})
# A word: one Han character or kana (scripts without spaces), else a run of word characters.
_UNSPACED_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
UNSPACED_CHAR = re.compile(f"[{_UNSPACED_CHARS}]")
WORD = re.compile(f"[{_UNSPACED_CHARS}]|[^\\W{_UNSPACED_CHARS}]+")


def count_words(text: str) -> int:
    return len(WORD.findall(text))


@dataclass(frozen=True)
class Language:
    """What cleaning needs to know about a document's language."""

    code: str  # ISO 639-1 (py3langid's label)
    name: str  # in English: "German"
    stopwords: frozenset[str]  # for the density test; empty when the language has no list
    spaced: bool = True  # words separated by spaces


def detect_language(texts: list[str]) -> str:
    """The ISO code of the language of these texts (longest first), or English when the text is
    too short or the model unsure."""
    sample = ""
    for text in sorted(texts, key=len, reverse=True):
        if len(sample) >= MAX_CHARS_TO_DETECT:
            break
        sample += text + "\n"
    sample = sample[:MAX_CHARS_TO_DETECT]
    letters = (c for c in sample if c.isalpha())
    if sum(1 for _ in itertools.islice(letters, MIN_LETTERS_TO_DETECT)) < MIN_LETTERS_TO_DETECT:
        return ENGLISH  # counted up to the bar only: a long sample costs no more than a short one
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_CONFIDENCE else ENGLISH


def language_profile(code: str, english_stopwords: frozenset[str]) -> Language:
    """The profile of ``code``; English keeps the cleaning rules' own stop words."""
    if code == ENGLISH:
        return Language(ENGLISH, "English", english_stopwords)
    return Language(code, language_name(code), _spacy_stopwords(code), code not in UNSPACED_LANGUAGES)


def is_english(code: str) -> bool:
    """Extraction and compare read English; '' (unknown, an older cache) counts as English."""
    return code in ("", ENGLISH)


def english_only_note(code: str) -> str:
    """What documents.csv and the report's Sources say about a document in another language."""
    if is_english(code):
        return ""
    return (f"in {language_name(code)} ({code}): cleaned, not compared (extraction and compare read English "
            "only)")


def language_name(code: str) -> str:
    """'German' for 'de'; the code itself when Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=64)
def _spacy_stopwords(code: str) -> frozenset[str]:
    try:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))
