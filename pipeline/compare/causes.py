"""Causes: what a source says made a happening happen, as a fact with sides.

"The fire may have been caused by a sky lantern" and "a heater in the building was the most likely
cause" give one happening two causes: a fact-checker asks which. Each sentence that names a cause
in one of three English forms (lexicon `[causes]`) is an outcome claim of the set "cause" whose
class is the cause's head noun:

- by the verb's agent: "was caused by a sky lantern", "sparked by an electrical fault";
- as the subject of "cause": "said a heater in the building was the most likely cause";
- as the subject of a verb of causing and the happening: "whether a sky lantern started the fire";
- after "because of" or "owing to": "the pipe had cracked because of its age";
- as what is blamed: "said a fault in the braking system was to blame", "blamed a power failure",
  "blamed the crash on driver error", "was blamed on a faulty valve" (a person or a body blamed is
  a party held responsible, no cause: "blamed the council").

The claim's frame is its sentence with the cause masked ("Police said the fire may have been
caused by #."), so two sentences about the cause of one happening align on what they ask, not on
the answers that set them apart (the encoder scores the two sentences above 0.50 alike, their
masked frames 0.81). Hedged causes ("may have been", "investigating whether") are positions all the same:
what a reader is told. Negated ones ("was not caused by") place nothing.
"""

from __future__ import annotations

import functools
import re

from pipeline.compare.claims import Claim, DocContext, Outcome, claim_row, people_named
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.text import stem
from pipeline.vocab.entities import PERSON_NOUNS
from pipeline.vocab.kinds import ClaimKind

CAUSE_SET = "cause"
_DETERMINER = r"(?:(?:a|an|the|its|his|her|their)\s+)"
# The cause's phrase: up to three words, ending before a word that opens another phrase or clause.
_PHRASE = r"(?P<np>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
_PHRASE_END = (r"(?=\s*[,.;:)]|\s+(?:in|at|near|on|of|with|by|and|or|after|before|when|while|which|that|from|to|"
               r"for|during|as|but|was|is|had|has|may|might|could|started|caused|sparked|triggered)\b|\s*$)")
# What may stand between a cause's phrase and "was the cause": a phrase of place or time ("a heater
# in the building was the most likely cause", "ground movement after weeks of heavy rain was").
_PLACE_OF_IT = (r"(?:\s+(?:in|at|on|inside|near|after|during)\s+" + _DETERMINER
                + r"?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})?")
_HEDGE = r"(?:(?:may|might|could|must)\s+have\s+been|had\s+been|was|is|were|are|been|be)"
_NEGATED = re.compile(r"\b(?:not|never|no|ruled\s+out)\b[^.;]{0,25}$", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _patterns(verbs: tuple[str, ...], happenings: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The forms of a cause, each with the cause's phrase as ``np``."""
    verb = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True))
    happening = "|".join(re.escape(h) for h in sorted(happenings, key=len, reverse=True))
    opener = r"\b(?:said|says|that|whether|believe|believes|think|thinks|suspect|suspects)\s+"
    return (
        re.compile(rf"\b{_HEDGE}\s+(?:(?:probably|likely|possibly|deliberately|accidentally)\s+)?(?:{verb})\s+by\s+"
                   rf"{_DETERMINER}?{_PHRASE}{_PHRASE_END}", re.IGNORECASE),
        re.compile(rf"{opener}{_DETERMINER}?{_PHRASE}{_PLACE_OF_IT}\s+{_HEDGE}\s+(?:the|a)\s+"
                   rf"(?:(?:most\s+)?(?:likely|probable|possible|suspected|main|chief)\s+)?cause\b", re.IGNORECASE),
        re.compile(rf"{opener}{_DETERMINER}{_PHRASE}{_PLACE_OF_IT}\s+(?:(?:may|might|could)\s+have\s+|had\s+)?"
                   rf"(?:{verb})\s+the\s+(?:{happening})\b", re.IGNORECASE),
        re.compile(rf"\b(?:because\s+of|owing\s+to)\s+{_DETERMINER}?{_PHRASE}{_PHRASE_END}", re.IGNORECASE),
        re.compile(rf"{opener}{_DETERMINER}?{_PHRASE}{_PLACE_OF_IT}\s+{_HEDGE}\s+(?:(?:largely|partly|mainly|"
                   rf"probably|likely|possibly)\s+)?to\s+blame\b", re.IGNORECASE),
        re.compile(rf"\bblamed\s+on\s+{_DETERMINER}?{_PHRASE}{_PHRASE_END}", re.IGNORECASE),
        re.compile(rf"\bblam(?:ed|es|ing)\s+(?!(?:for|by|as|over|on|in|at)\b)"
                   rf"(?:(?:the|its|their|this)\s+(?:[a-z][\w-]*\s+){{0,2}}?on\s+)?{_DETERMINER}?"
                   rf"{_PHRASE}{_PHRASE_END}", re.IGNORECASE),
    )


@functools.lru_cache(maxsize=4)
def _happening_pattern(happenings: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in sorted(happenings, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def _happening_named(frame: str, lex: Lexicon) -> str:
    """The first happening of the lexicon the sentence names ("the fire"), for the finding's topic
    ("cause of the fire"); '' when it names none."""
    m = _happening_pattern(tuple(sorted(lex.caused_happenings))).search(frame)
    return m.group().lower() if m else ""


def cause_claims(ctx: DocContext, sent_no: int, common: dict, quote: str, lex: Lexicon) -> list[Claim]:
    """One outcome claim of the set "cause" per cause the sentence names (see the module's forms);
    its class is the phrase's head noun, its subjects the sentence's people."""
    people = people_named(ctx, sent_no)
    out: list[Claim] = []
    seen: set[int] = set()
    for pattern in _patterns(tuple(sorted(lex.cause_verbs)), tuple(sorted(lex.caused_happenings))):
        for m in pattern.finditer(quote):
            phrase = m.group("np").lower()
            head = phrase.split()[-1]
            if m.start("np") in seen or head in lex.vague_causes or _NEGATED.search(quote[:m.start()]):
                continue
            if head in PERSON_NOUNS or head in lex.blamed_parties:
                continue  # "blamed the driver", "blamed the council": a party held responsible, no cause
            seen.add(m.start("np"))
            start, end = common["quote_start"] + m.start("np"), common["quote_start"] + m.end("np")
            frame = quote[:m.start("np")] + "#" + quote[m.end("np"):]
            value = Outcome(outcome_set=CAUSE_SET, outcome_class=stem(head), cue=phrase,
                            thing=_happening_named(frame, lex))
            row = claim_row(ctx, ClaimKind.OUTCOME, sent_no, start, end, quote, subject="; ".join(sorted(people)),
                            measure=f"{CAUSE_SET}: {phrase}", value=phrase, cues=CAUSE_SET)
            out.append(Claim(row=row, kind=ClaimKind.OUTCOME, value=value, **dict(common, subjects=people),
                             frame=frame, text=m.group("np")))
    return out

