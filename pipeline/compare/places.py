"""Places: where a trial sat (and, with the lexicon's roles, any place a question asks), as each source says.

A place name is a fact with sides when the sentence says what it is the place of: extraction
gives each place its role (entities.csv `role`: the word it is attached to, "live in" of "lived
in Cardiff", "jury" of "a San Antonio jury", "of" of "Singh, 59, of College Point"), and the
lexicon's `[place_roles]` put roles into questions (as packaged, two: where a trial sat and where a
flight, ship or cargo came from; residence and epicentre were tried and left out, docs/compare.md
"Session 27"), and a named court
("Southwark Crown Court") is where a trial sat whatever word it hangs on, asked per level of court
(a magistrates' court and a crown court are two stages of one case, not two answers). Each such
mention is an outcome claim: its set is the question, its class the place. Two sources naming
different places for one question about the same people disagree, as two colours of one car do.

Where a happening took place, told by a common noun rather than a name ("was found in a disused
barn" / "in a car park"), is asked per verb of the lexicon's `[happening_places]`
(`happening_place_claims`): its class is the phrase's head noun.

A place is no rival of the place it lies in: a source writing "San Angelo, Texas" or "Clearlake
in Lake County" says where the first is, and the second is not claimed on its own
(`Outcome.within`); `as_one_place` then reads "a Texas jury" and "a court in San Angelo" as one
answer when any source of the run puts San Angelo in Texas, or the gazetteer does (`gazetteer.py`:
cities, US counties and states, countries).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence

from pipeline.compare.claims import (
    PLACE_LABELS,
    Claim,
    DocContext,
    Outcome,
    canonical,
    claim_row,
    people_named,
    same_name,
)
from pipeline.compare.gazetteer import lies_in
from pipeline.compare.lexicon import Lexicon
from pipeline.schema import EntityRow
from pipeline.vocab.kinds import ClaimKind

PLACE_SET_PREFIX = "place: "
# What may stand between a place and the place it lies in: "San Angelo, Texas", "Clearlake in Lake County".
_INSIDE = re.compile(r"\s*(?:,|\bin\b|\bof\b)\s*$")


def place_claims(ctx: DocContext, sent_no: int, common: dict, quote: str, lex: Lexicon) -> list[Claim]:
    """One claim per place the sentence gives a role of the lexicon's ("lived in Cardiff"): the
    question is its set, the place its class, the sentence's people its subjects."""
    question_of = {role: name for name, roles in lex.place_roles for role in roles}
    entities = sorted(ctx.entities.get(sent_no, []), key=lambda e: e.start)
    people = people_named(ctx, sent_no)
    places = [e for e in entities if e.label in PLACE_LABELS or _names_a_court(e, lex)]
    out: list[Claim] = []
    for k, place in enumerate(places):
        court = _names_a_court(place, lex)
        question = (f"{question_of.get('court')} ({_court_level(place, lex)})" if court and question_of.get("court")
                    else question_of.get(place.role))
        if not question or (k and _lies_in(ctx.text, places[k - 1], place)):
            continue  # "Texas" of "San Angelo, Texas" is the address of the place before it
        within = tuple(canonical(p.canonical) for p in _containers(ctx.text, places[k:]))
        name = canonical(place.canonical)
        value = Outcome(outcome_set=PLACE_SET_PREFIX + question, outcome_class=name, cue=place.role, within=within)
        row = claim_row(ctx, ClaimKind.OUTCOME, sent_no, place.start, place.end, quote,
                        subject="; ".join(sorted(people)), measure=f"{question}: {name}", value=name,
                        cues="; ".join(filter(None, (place.role, *(f"in {w}" for w in within)))))
        out.append(Claim(row=row, kind=ClaimKind.OUTCOME, value=value, **dict(common, subjects=people),
                         frame=quote, text=place.text))
    return out


# What may stand between a happening's verb and the preposition of its place ("found safe in", "found
# dead in"), and what may not: "found guilty in the murder" names no place.
_NOT_A_PLACE_AFTER = frozenset({"guilty", "liable", "responsible", "innocent", "not", "to", "that", "out"})
# What ends the place's phrase: punctuation, or a word that opens another phrase or clause.
_PLACE_PHRASE_END = (r"(?=\s*[,.;:)]|\s+(?:in|at|near|on|of|off|with|by|and|or|after|before|when|while|where|which"
                     r"|that|from|to|for|around|holding|containing|during|as|but|not)\b|\s*$)")


@functools.lru_cache(maxsize=4)
def _happening_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """One question's verbs, then a few words, a preposition of place and the place's phrase."""
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True))
    return re.compile(
        rf"\b(?P<verb>{alternatives})\b(?P<gap>(?:\s+[a-z]+){{0,2}}?)\s+(?:in|at|inside|near|aboard)\s+"
        rf"(?:(?:a|an|the|its|his|her|their|one)\s+)?(?P<np>(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*){_PLACE_PHRASE_END}")


def happening_place_claims(ctx: DocContext, sent_no: int, common: dict, quote: str, lex: Lexicon) -> list[Claim]:
    """Where a happening took place, told by a common noun ("was found safe in a disused barn", "the
    fire started in a storage tank"): one claim per verb of the lexicon's `[happening_places]` with a
    place phrase after it; its class is the phrase's head, its subjects the sentence's people."""
    people = people_named(ctx, sent_no)
    out: list[Claim] = []
    for question, verbs in lex.happening_verbs:
        for m in _happening_pattern(tuple(sorted(verbs))).finditer(quote):
            if set(m.group("gap").split()) & _NOT_A_PLACE_AFTER:
                continue
            phrase = m.group("np")
            head = phrase.split()[-1]
            if head in lex.vague_places or phrase.split()[0] in lex.vague_places:
                continue
            start, end = common["quote_start"] + m.start("np"), common["quote_start"] + m.end("np")
            value = Outcome(outcome_set=PLACE_SET_PREFIX + question, outcome_class=head, cue=m.group("verb"))
            row = claim_row(ctx, ClaimKind.OUTCOME, sent_no, start, end, quote, subject="; ".join(sorted(people)),
                            measure=f"{question}: {phrase}", value=phrase, cues=m.group("verb"))
            out.append(Claim(row=row, kind=ClaimKind.OUTCOME, value=value, **dict(common, subjects=people),
                             frame=quote, text=phrase))
    return out


def _names_a_court(entity: EntityRow, lex: Lexicon) -> bool:
    """A name that ends in a court's word ("Southwark Crown Court", "Harlow Magistrates' Court"):
    where a trial sat, however the parse attaches it."""
    words = entity.text.split()
    return entity.label in ("ORG", "FAC") and len(words) > 1 and words[-1].lower() in lex.court_names


def _court_level(entity: EntityRow, lex: Lexicon) -> str:
    """What level a named court is ("crown court", "magistrates court", "court"): courts of two levels
    are two stages of a case, not two answers to where it was tried."""
    words = [w.lower().strip("'’") for w in entity.text.split()]
    return " ".join([w for w in words[:-1] if w in lex.court_levels] + [words[-1]])


def _lies_in(text: str, first: EntityRow, second: EntityRow) -> bool:
    """``second`` is written as the place ``first`` lies in ("San Angelo, Texas")."""
    return first.end <= second.start and bool(_INSIDE.match(text[first.end:second.start]))


def _containers(text: str, places: Sequence[EntityRow]) -> list[EntityRow]:
    """The places written right after the first one as where it lies ("Clearlake in Lake County, California")."""
    out: list[EntityRow] = []
    for prev, nxt in itertools.pairwise(places):
        if not _lies_in(text, prev, nxt):
            break
        out.append(nxt)
    return out


def is_place(c: Claim) -> bool:
    return isinstance(c.value, Outcome) and c.value.outcome_set.startswith(PLACE_SET_PREFIX)


def as_one_place(claims: Sequence[Claim], groups: Sequence[Sequence[int]]
                 ) -> tuple[list[Claim], list[list[int]]]:
    """Within each group, places that are one name written two ways ("Geysers", "The Geysers")
    or one inside the other (by any source's words, or the gazetteer) take one class: the one
    inside, the more precise answer. A place that holds two or more of the others ("Texas" for
    "San Angelo" and "San Antonio") agrees with each and stands on no side: it leaves the group."""
    inside: dict[str, set[str]] = {}
    for c in claims:
        if is_place(c):
            inside.setdefault(c.value.outcome_class, set()).update(c.value.within)
    out = list(claims)
    kept: list[list[int]] = []
    for group in groups:
        names = sorted({claims[i].value.outcome_class for i in group if is_place(claims[i])})
        if len(names) < 2:
            kept.append(list(group))
            continue

        def holds(a: str, b: str) -> bool:  # b is where a lies, or a shorter way of writing a
            return a != b and (b in inside.get(a, ()) or lies_in(a, b) or (same_name(a, b) and len(a) > len(b)))

        broad = {b for b in names if sum(holds(a, b) for a in names) >= 2}
        answer = {b: next((a for a in names if a not in broad and holds(a, b)), b) for b in names}
        kept.append([i for i in group if not (is_place(claims[i]) and claims[i].value.outcome_class in broad)])
        for i in kept[-1]:
            c = claims[i]
            if is_place(c) and answer[c.value.outcome_class] != c.value.outcome_class:
                out[i] = dataclasses.replace(c, value=dataclasses.replace(c.value,
                                                                          outcome_class=answer[c.value.outcome_class]))
    return out, kept
