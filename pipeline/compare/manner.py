"""Manner: how well something was done or is, where sources give opposite grades.

"The climber was well equipped" in one source and "the party was insufficiently equipped" in
another cannot both be right; nor can "a well-maintained bridge" and "a poorly maintained bridge",
or "understaffed" and "well staffed". English grades a participle with an adverb right before it
(or the prefix "under-"; "as well" is no grade); the lexicon's `[manner]` lists the adverbs of
each grade and the fused "under-" words. Each such phrase is an outcome claim: its set is the
participle ("how well equipped"), its class the grade, its subjects the names near it, so two
sources' grades of one party's equipment meet and a bridge's upkeep never meets a team's
training. An adverb of degree grades nothing that could be disputed ("badly damaged" has no "well
damaged"), and a negated phrase ("not well equipped") places nothing, as with every outcome.
"""

from __future__ import annotations

import functools
import re

from pipeline.compare.claims import Claim, DocContext, Outcome, canonical, claim_row
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.text import find_phrases, words
from pipeline.vocab.kinds import ClaimKind

MANNER_SET_PREFIX = "how well "
# The grade an "under-" word gives (the lexicon's name of the class).
UNDER_GRADE = "poor"
# A negator this many words before the adverb places nothing ("was not well equipped").
NEGATION_WORDS = 3
# The names this close (characters) to the phrase are whose it is.
SUBJECT_CHARS = 80
# Quotation marks or a hyphen may stand between the adverb and its participle ('"insufficiently" equipped').
_BETWEEN = r"[\"'“”‘’]?[\s-]+[\"'“”‘’]?"


@functools.lru_cache(maxsize=4)
def _pattern(adverbs: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, sorted(adverbs, key=len, reverse=True)))
    return re.compile(rf"(?<!\bas )\b(?P<adverb>{alternatives}){_BETWEEN}(?P<participle>[a-z]{{3,}}(?:ed|en))\b"
                      rf"|\bunder-?(?P<under>[a-z]{{3,}}(?:ed|en))\b", re.IGNORECASE)


def manner_claims(ctx: DocContext, sent_no: int, common: dict, quote: str, lex: Lexicon) -> list[Claim]:
    """One claim per graded participle of the sentence ("well equipped", "ill-equipped",
    "understaffed")."""
    grade_of = {adverb: grade for grade, adverbs in lex.manner for adverb in adverbs}
    if not grade_of:
        return []
    qs = common["quote_start"]
    out = []
    for m in _pattern(frozenset(grade_of)).finditer(quote):
        if m["under"]:
            if f"under{m['under'].lower()}" not in lex.manner_under:
                continue  # "undermined", "underlined": no grade of anything
            participle, grade = m["under"].lower(), UNDER_GRADE
        else:
            participle, grade = m["participle"].lower(), grade_of[m["adverb"].lower()]
        if find_phrases(words(quote[:m.start()])[-NEGATION_WORDS:], lex.negators):
            continue
        value = Outcome(outcome_set=MANNER_SET_PREFIX + participle, outcome_class=grade, cue=m.group())
        subjects = _names_near(ctx, sent_no, qs + m.start(), qs + m.end()) or common["subjects"]
        row = claim_row(ctx, ClaimKind.OUTCOME, sent_no, qs + m.start(), qs + m.end(), quote,
                        subject="; ".join(sorted(subjects)), measure=f"{value.outcome_set}: {grade}",
                        value=grade, cues=m.group())
        out.append(Claim(row=row, kind=ClaimKind.OUTCOME, value=value, **dict(common, subjects=subjects),
                         frame=quote, text=m.group()))
    return out


def _names_near(ctx: DocContext, sent_no: int, start: int, end: int) -> frozenset[str]:
    return frozenset(canonical(e.canonical) for e in ctx.entities.get(sent_no, [])
                     if e.canonical and min(abs(e.end - start), abs(e.start - end)) <= SUBJECT_CHARS)


def is_manner(c: Claim) -> bool:
    return isinstance(c.value, Outcome) and c.value.outcome_set.startswith(MANNER_SET_PREFIX)
