"""The comparison's word lists (pipeline/data/compare_lexicon.toml), loaded once and indexed.

Users extend the TOML file, not this module: polarity and duration cues for judgements, measure
concepts that let "killed" and "death toll" line up, cues that make a figure an addition, a part,
a total or background, status scales (a manhunt, a prosecution, a deal, a repair) and sets of
exclusive outcomes ("rescued" vs "captured", "destroyed" vs "intact").
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from pipeline.compare.text import PhraseIndex, compile_phrases, stem
from pipeline.resources import data_text

LEXICON_FILE = "compare_lexicon.toml"


@dataclass(frozen=True)
class Scale:
    """An ordered status scale: ``stages[i]`` is the i-th stage's name and phrase index."""

    name: str
    stages: tuple[tuple[str, PhraseIndex], ...]


@dataclass(frozen=True)
class OutcomeSet:
    """Exclusive outcomes: a statement in one class excludes the other classes for the same subject."""

    name: str
    classes: tuple[tuple[str, PhraseIndex], ...]


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
    duration_concepts: frozenset[str] = frozenset()  # lengths of time: only a duration takes them
    percent_concepts: frozenset[str] = frozenset()  # shares: only a percentage takes them
    money_concepts: frozenset[str] = frozenset()  # amounts of money: only an amount takes them
    price_concepts: frozenset[str] = frozenset()  # what a thing costs: an amount or its change, never a count
    exact_concepts: frozenset[str] = frozenset()  # told to the unit, never rounded ("eight years" in prison)
    reading_concepts: frozenset[str] = frozenset()  # where or how strong ("a depth of 400 m"): never a total
    held_concepts: frozenset[str] = frozenset()  # estimates each party makes ("the police put the crowd at")
    offered_stance_concepts: frozenset[str] = frozenset()  # an offer is one side's figure ("offered a 5% pay rise")
    stances: tuple[tuple[str, PhraseIndex], ...] = ()  # a bargain's deal or demand ("will get", "wants")
    level_concepts: frozenset[str] = frozenset()  # a level at a moment ("a crowd of 70" on Monday)
    # the nouns one concept counts alike ("homes", "customers" cut off from power): no part of each other
    concept_nouns: tuple[tuple[str, frozenset[str]], ...] = ()
    label_nouns_after: frozenset[str] = frozenset()  # "the 12200 block": the number names, exact to its last digit
    label_nouns_before: frozenset[str] = frozenset()  # "Route 66", "flight 370"
    non_person_nouns: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    status_verbs: frozenset[str] = frozenset()
    scope_prepositions: frozenset[str] = frozenset()
    scope_nouns: frozenset[str] = frozenset()
    scope_several_countries: frozenset[str] = frozenset()  # nouns of a scope's width ("across the world")
    scope_one_country: frozenset[str] = frozenset()
    scope_inside_a_country: frozenset[str] = frozenset()
    increment_before: frozenset[str] = frozenset()
    increment_after: frozenset[str] = frozenset()
    increment_verbs: frozenset[str] = frozenset()  # right before the figure: "adding three years"
    part_after: PhraseIndex | None = None
    part_before: PhraseIndex | None = None
    money_nouns: frozenset[str] = frozenset()  # nouns that are an amount of money ("a £540,000 grant"), no thing priced
    total: PhraseIndex | None = None
    background: PhraseIndex | None = None
    attribution: PhraseIndex | None = None
    scales: tuple[Scale, ...] = ()
    outcomes: tuple[OutcomeSet, ...] = ()
    attributes: tuple[OutcomeSet, ...] = ()  # a thing's exclusive attributes (its colour)
    attribute_idioms: frozenset[str] = frozenset()  # "red tape": no colour of anything
    place_roles: tuple[tuple[str, frozenset[str]], ...] = ()  # role group -> the entities' roles in it
    happening_verbs: tuple[tuple[str, frozenset[str]], ...] = ()  # "found", "started": the verbs of each question
    vague_places: frozenset[str] = frozenset()  # "area", "house": nouns no rival of a place they hold or lie in
    cause_verbs: frozenset[str] = frozenset()  # "caused", "sparked": verbs whose agent is a happening's cause
    caused_happenings: frozenset[str] = frozenset()  # "fire", "crash": what "a heater started the fire" causes
    vague_causes: frozenset[str] = frozenset()  # "something", "people": heads that name no cause
    blamed_parties: frozenset[str] = frozenset()  # bodies blamed: parties held responsible, no causes
    roles: tuple[OutcomeSet, ...] = ()  # titles of a named holder that exclude each other (its office)
    manner: tuple[tuple[str, frozenset[str]], ...] = ()  # grade -> adverbs that grade a participle so
    manner_under: frozenset[str] = frozenset()  # "understaffed": a poor grade of "staffed"
    made_things: frozenset[str] = frozenset()  # nouns whose age dates their making ("86-year-old building")
    making_verbs: frozenset[str] = frozenset()  # verbs whose year dates a thing's making ("opened in 1987")
    short: PhraseIndex | None = None
    long: PhraseIndex | None = None
    central: frozenset[str] = frozenset()
    notable: tuple[str, ...] = ()  # measures whose single-source figures the report lists, in order
    count_labels: tuple[tuple[str, str], ...] = ()  # concept -> how a sentence names its running count
    phases: tuple[tuple[str, PhraseIndex], ...] = ()
    acts: tuple[tuple[str, PhraseIndex], ...] = ()  # steps of a procedure (arrest, verdict, sentence)
    hypothetical: frozenset[str] = frozenset()
    topics: tuple[tuple[str, str], ...] = ()  # concept -> how a topic label names it
    forecast: frozenset[str] = frozenset()  # words before a date that make it a forecast
    generic_count_nouns: frozenset[str] = frozenset()  # stems; "" (no noun) included
    sex_age_nouns: frozenset[str] = frozenset()  # stems
    alike_count_nouns: tuple[tuple[str, str], ...] = ()  # stem -> the stem of its group's first noun
    sorts_of_count_nouns: tuple[tuple[str, str], ...] = ()  # stem of a sort -> the stem of its kind ("car" -> "vehicl")
    going_back_verbs: frozenset[str] = frozenset()  # as written: with "back", a return
    lasting_acts: tuple[tuple[str, str], ...] = ()  # stem -> the stem of its act's first word ("shut" -> "close")
    settlement_nouns: frozenset[str] = frozenset()  # "a town of 24,000": the count is its population
    court_names: frozenset[str] = frozenset()  # last word of a named court: where a trial sat
    court_levels: frozenset[str] = frozenset()  # words of a named court that say its level ("crown")
    trades: frozenset[str] = frozenset()  # role sets whose titles stay true once held ("a former teacher")
    share_words: frozenset[str] = frozenset()  # stems
    negated_counts: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()  # (concept, verbs, nouns)


def _ordered(table: dict) -> tuple[tuple[str, PhraseIndex], ...]:
    return tuple((name, compile_phrases(words)) for name, words in table.items())


def _concept_pattern(words: list[str]) -> re.Pattern[str]:
    """A concept's words as one pattern: each a prefix ("injur" for injured, injuries), or a whole
    word when written with a final "$" ("trail$": "trailing" is not "Trailmaster")."""
    parts = [re.escape(w[:-1]) + r"\b" if w.endswith("$") else re.escape(w) for w in sorted(words)]
    return re.compile(r"\b(?:" + "|".join(parts) + r")", re.I)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Parse and index the lexicon file (cached: the file is read once per process)."""
    data = tomllib.loads(data_text(LEXICON_FILE))

    def words_of(section: str, key: str) -> frozenset[str]:
        """One list of a section as a set ("causes", "vague"): empty when the file has none."""
        return frozenset(data.get(section, {}).get(key, ()))

    pol, mea = data["polarity"], data["measures"]
    rules = data.get("concept_rules", {})
    cues = data.get("cues", {})
    concepts = tuple((name, _concept_pattern(ws)) for name, ws in sorted(data.get("concepts", {}).items()))
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
        duration_concepts=frozenset(rules.get("durations", ())),
        percent_concepts=frozenset(rules.get("percentages", ())),
        money_concepts=frozenset(rules.get("money", ())),
        price_concepts=frozenset(rules.get("prices", ())),
        exact_concepts=frozenset(rules.get("exact", ())),
        reading_concepts=frozenset(rules.get("readings", ())),
        held_concepts=frozenset(rules.get("held_estimates", ())),
        offered_stance_concepts=frozenset(rules.get("offered_stance", ())),
        stances=tuple((name, compile_phrases(words)) for name, words in data.get("stances", {}).items()),
        level_concepts=frozenset(rules.get("levels", ())),
        concept_nouns=tuple(sorted((name, frozenset(ws)) for name, ws in data.get("concept_nouns", {}).items())),
        label_nouns_after=frozenset(rules.get("label_nouns_after", ())),
        label_nouns_before=frozenset(rules.get("label_nouns_before", ())),
        non_person_nouns=frozenset(rules.get("non_person_nouns", ())),
        auxiliaries=frozenset(rules.get("auxiliaries", ())),
        status_verbs=frozenset(rules.get("status_verbs", ())),
        scope_prepositions=frozenset(rules.get("scope_prepositions", ())),
        scope_nouns=frozenset(rules.get("scope_nouns", ())),
        scope_several_countries=frozenset(rules.get("scope_several_countries", ())),
        scope_one_country=frozenset(rules.get("scope_one_country", ())),
        scope_inside_a_country=frozenset(rules.get("scope_inside_a_country", ())),
        increment_before=frozenset(cues.get("increment_before", ())),
        increment_after=frozenset(cues.get("increment_after", ())),
        increment_verbs=frozenset(cues.get("increment_verbs", ())),
        part_after=compile_phrases(cues.get("part_after", ())),
        part_before=compile_phrases(cues.get("part_before", ())),
        money_nouns=frozenset(cues.get("money_nouns", ())),
        total=compile_phrases(cues.get("total", ())),
        background=compile_phrases(cues.get("background", ())),
        attribution=compile_phrases(cues.get("attribution", ())),
        scales=tuple(Scale(name, _ordered(stages)) for name, stages in data.get("scales", {}).items()),
        outcomes=tuple(OutcomeSet(name, _ordered(classes)) for name, classes in data.get("outcomes", {}).items()),
        attributes=tuple(OutcomeSet(name, _ordered(classes))
                         for name, classes in data.get("attributes", {}).items()),
        attribute_idioms=words_of("attribute_idioms", "phrases"),
        place_roles=tuple((name, frozenset(roles)) for name, roles in data.get("place_roles", {}).items()),
        happening_verbs=tuple((name, frozenset(verbs)) for name, verbs in data.get("happening_places", {}).items()
                              if name != "vague"),
        vague_places=words_of("happening_places", "vague"),
        cause_verbs=words_of("causes", "verbs"),
        caused_happenings=words_of("causes", "happenings"),
        vague_causes=words_of("causes", "vague"),
        blamed_parties=words_of("causes", "blamed_parties"),
        roles=tuple(OutcomeSet(name, _ordered(classes)) for name, classes in data.get("roles", {}).items()),
        manner=tuple((grade, frozenset(adverbs)) for grade, adverbs in data.get("manner", {}).items()
                     if grade != "under"),
        manner_under=words_of("manner", "under"),
        made_things=words_of("made_things", "nouns"),
        making_verbs=words_of("made_things", "verbs"),
        short=compile_phrases(data.get("duration", {}).get("short", ())),
        long=compile_phrases(data.get("duration", {}).get("long", ())),
        central=words_of("ranking", "central"),
        notable=tuple(sorted(data.get("ranking", {}).get("notable", ()))),
        count_labels=tuple(sorted(data.get("concept_labels", {}).items())),
        phases=_ordered(data.get("phases", {})),
        acts=_ordered(data.get("acts", {})),
        hypothetical=frozenset(cues.get("hypothetical", ())),
        topics=tuple(sorted(data.get("topics", {}).items())),
        forecast=frozenset(cues.get("forecast", ())),
        generic_count_nouns=frozenset({"", *(stem_noun(w) for w in rules.get("generic_count_nouns", ()))}),
        sex_age_nouns=frozenset(stem_noun(w) for w in rules.get("sex_age_nouns", ())),
        alike_count_nouns=tuple(sorted((stem_noun(w), stem_noun(group[0]))
                                       for group in rules.get("alike_count_nouns", ()) for w in group)),
        sorts_of_count_nouns=tuple(sorted((stem_noun(w), stem_noun(kind))
                                          for kind, sorts in rules.get("sorts_of_count_nouns", {}).items()
                                          for w in sorts)),
        going_back_verbs=frozenset(rules.get("going_back_verbs", ())),
        lasting_acts=tuple(sorted({(stem(w), stem(group[0]))
                                   for group in rules.get("lasting_acts", ()) for w in group})),
        settlement_nouns=frozenset(rules.get("settlement_nouns", ())),
        court_names=frozenset(rules.get("court_names", ())),
        court_levels=frozenset(rules.get("court_levels", ())),
        trades=frozenset(rules.get("trades", ())),
        share_words=frozenset(stem(w) for w in rules.get("share_words", ())),
        negated_counts=tuple((concept, tuple(words.get("verbs", ())), tuple(words.get("nouns", ())))
                             for concept, words in sorted(data.get("negated_counts", {}).items())),
    )


def stem_noun(word: str) -> str:
    """A counted noun as the aligner keys it: "people" as is, anything else stemmed."""
    return word if word == "people" else stem(word)


def counted_group(unit: str, lexicon: Lexicon) -> str:
    """The group a count's noun counts, one key per group ("persons" and "people" alike)."""
    u = unit.lower()
    return "people" if u in ("people", "persons", "person") else count_noun(u, lexicon)


def count_noun(word: str, lexicon: Lexicon) -> str:
    """A counted noun as the aligner keys it, one key for nouns that name the same people
    (`alike_count_nouns`: "300 workers" and "500 staff" evacuated count one group)."""
    noun = stem_noun(word)
    return _as_mapping(lexicon.alike_count_nouns).get(noun, noun)


def kind_of_count_noun(noun: str, lexicon: Lexicon) -> str:
    """The kind a counted noun's key is a sort of (`sorts_of_count_nouns`: "car" -> "vehicl"), or ''."""
    return _as_mapping(lexicon.sorts_of_count_nouns).get(noun, "")


def concept_noun_keys(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Each concept's own counted nouns (`[concept_nouns]`) as ``count_noun`` keys them."""
    return _noun_keys(lexicon.concept_nouns, lexicon.alike_count_nouns)


@functools.lru_cache(maxsize=4)
def _as_mapping(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(pairs)


@functools.lru_cache(maxsize=4)
def _noun_keys(concept_nouns: tuple[tuple[str, frozenset[str]], ...],
               alike: tuple[tuple[str, str], ...]) -> dict[str, frozenset[str]]:
    return {name: frozenset(_as_mapping(alike).get(stem_noun(w), stem_noun(w)) for w in nouns)
            for name, nouns in concept_nouns}


def count_label(concept: str, lexicon: Lexicon) -> str:
    """How a sentence names the running count of ``concept`` ("the death toll"); '' when the lexicon has no label."""
    return dict(lexicon.count_labels).get(concept, "")


def concept_of_word(word: str, lexicon: Lexicon) -> str:
    """The concept a single word belongs to ("killing" -> deaths), or ""."""
    for name, pattern in lexicon.concepts:
        if pattern.match(word):
            return name
    return ""


def concepts_in(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Names of the measure concepts whose words occur in a text, in lexicon order."""
    return tuple(name for name, pattern in lexicon.concepts if pattern.search(text))
