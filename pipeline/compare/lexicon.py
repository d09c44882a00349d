"""The comparison's word lists (pipeline/data/compare_lexicon.toml), loaded once and indexed.

Users extend the TOML file, not this module: polarity cues for assessments, measure concepts
that let "killed" and "death toll" line up, cumulative measures (updates, not conflicts) and
revision cues.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from pipeline.compare.text import PhraseIndex, compile_phrases
from pipeline.resources import data_text

LEXICON_FILE = "compare_lexicon.toml"


@dataclass(frozen=True)
class Lexicon:
    success: PhraseIndex
    failure: PhraseIndex
    positive: PhraseIndex
    negative: PhraseIndex
    negators: PhraseIndex
    revision: PhraseIndex
    reporting: frozenset[str]
    gap: PhraseIndex
    gap_closed: PhraseIndex
    cumulative: frozenset[str]
    concepts: tuple[tuple[str, re.Pattern[str]], ...]
    people_concepts: frozenset[str] = frozenset()
    physical_concepts: frozenset[str] = frozenset()
    non_person_nouns: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    status_verbs: frozenset[str] = frozenset()
    scope_prepositions: frozenset[str] = frozenset()
    scope_nouns: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Parse and index the lexicon file (cached: the file is read once per process)."""
    data = tomllib.loads(data_text(LEXICON_FILE))
    pol, mea = data["polarity"], data["measures"]
    rules = data.get("concept_rules", {})
    concepts = tuple(
        (name, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(ws)) + r")", re.I))
        for name, ws in sorted(data.get("concepts", {}).items())
    )
    return Lexicon(
        success=compile_phrases(pol["success"]),
        failure=compile_phrases(pol["failure"]),
        positive=compile_phrases(pol["positive"]),
        negative=compile_phrases(pol["negative"]),
        negators=compile_phrases(pol["negators"]),
        revision=compile_phrases(mea["revision"]),
        reporting=frozenset(mea.get("reporting", ())),
        gap=compile_phrases(mea["gap"]),
        gap_closed=compile_phrases(mea["gap_closed"]),
        cumulative=frozenset(mea["cumulative"]),
        concepts=concepts,
        people_concepts=frozenset(rules.get("people", ())),
        physical_concepts=frozenset(rules.get("physical", ())),
        non_person_nouns=frozenset(rules.get("non_person_nouns", ())),
        auxiliaries=frozenset(rules.get("auxiliaries", ())),
        status_verbs=frozenset(rules.get("status_verbs", ())),
        scope_prepositions=frozenset(rules.get("scope_prepositions", ())),
        scope_nouns=frozenset(rules.get("scope_nouns", ())),
    )


def concept_of_word(word: str, lexicon: Lexicon) -> str:
    """The concept a single word belongs to ("killing" -> deaths), or ""."""
    for name, pattern in lexicon.concepts:
        if pattern.match(word):
            return name
    return ""


def concepts_in(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Names of the measure concepts whose words occur in a text, in lexicon order."""
    return tuple(name for name, pattern in lexicon.concepts if pattern.search(text))
