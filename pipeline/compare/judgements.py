"""Judgement claims: sentences that judge an outcome or how long something will last.

Two axes, each a polarity: whether a policy or action works (outcome cues "worked", "backfired"
weigh more than plain evaluative words "good", "bad"), and whether a situation is short-lived or
lasting ("a temporary shock" vs "will continue into 2025"). Negation flips a cue; a cue inside a
condition or question ("if it succeeds") judges nothing. The frame embedded is the sentence,
with the one before it when it opens by pointing back ("those restrictions have worked").
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.compare.claims import Claim, DocContext, Judgement, claim_row
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.text import PhraseIndex, content_stems, find_phrases, words
from pipeline.vocab.kinds import ClaimKind

# Polarity weights: outcome words (worked / backfired) judge more strongly than plain evaluatives.
OUTCOME_WEIGHT = 2
EVALUATIVE_WEIGHT = 1
# A cue is negated when a negator stands at most this many words before it.
NEGATION_WINDOW = 3
# A judgement can be short ("To an extent, those restrictions have worked." has three content words).
MIN_JUDGEMENT_WORDS = 3
# A cue inside a condition or question ("if it succeeds", "whether it works"), or of what has not
# happened ("until Microsoft comes up with a permanent fix", "help prevent successful attacks"), is
# not a judgement.
CONDITIONALS = frozenset({"if", "unless", "whether", "would", "should",
                          "until", "prevent", "prevents", "preventing", "avoid", "avoids", "avoiding"})
CONDITIONAL_WINDOW = 6
_WORKING_ON = frozenset({"on", "with", "to", "for", "at", "in", "toward", "towards"})
OUTCOME_AXIS = "outcome"
DURATION_AXIS = "duration"


def judgement_claims(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """One claim per sentence and axis that judges something."""
    out: list[Claim] = []
    prev_stems: list[str] = []
    prev_text = ""
    for n, (s0, _e0) in enumerate(ctx.men.sentences):
        common = ctx.common(n, s0, s0)
        qs, qe = common["quote_start"], common["quote_end"]
        quote = ctx.text[qs:qe]
        toks = words(quote)
        stems = content_stems(quote)
        if len(stems) >= MIN_JUDGEMENT_WORDS:
            for axis, (score, cues, outcome) in ((OUTCOME_AXIS, outcome_polarity(toks, lex)),
                                                 (DURATION_AXIS, duration_polarity(toks, lex))):
                if not score:
                    continue
                label = ("positive" if score > 0 else "negative") if axis == OUTCOME_AXIS else (
                    "lasting" if score > 0 else "short-lived")
                row = claim_row(ctx, ClaimKind.ASSESSMENT, n, qs, qe, quote,
                                subject="; ".join(sorted(common["subjects"])),
                                measure=axis + ": " + " ".join(_top(stems, 4)), polarity=label, value=label)
                value = Judgement(axis=axis, polarity=1 if score > 0 else -1, strength=abs(score), cues=cues,
                                  rests_on_outcome=outcome or axis == DURATION_AXIS)
                out.append(Claim(row=row, kind=ClaimKind.ASSESSMENT, value=value,
                                 **{**common, "context": tuple(prev_stems + stems)},
                                 frame=_frame(prev_text, quote, toks), text=quote))
        prev_stems, prev_text = stems, quote
    return out


def _signed_cues(tokens: Sequence[str], lex: Lexicon, indices: Sequence[tuple[PhraseIndex, int, int]]):
    negs = [i for i, _ in find_phrases(tokens, lex.negators)]
    negs += [i for i, t in enumerate(tokens) if t.endswith("n't")]
    for index, sign, weight in indices:
        for pos, phrase in find_phrases(tokens, index):
            after = pos + len(phrase.split())
            nxt = tokens[after] if after < len(tokens) else ""
            if phrase.endswith("working") and nxt in _WORKING_ON:
                continue  # "is working on/with ..." describes activity, not success
            if phrase.startswith("fail") and nxt == "to":
                continue  # "fail to realise" describes people, it does not judge an outcome
            if any(t in CONDITIONALS for t in tokens[max(0, pos - CONDITIONAL_WINDOW):pos]):
                continue
            negated = any(0 < pos - k <= NEGATION_WINDOW for k in negs)
            yield (-sign if negated else sign), weight, ("not " if negated else "") + phrase


def outcome_polarity(tokens: Sequence[str], lex: Lexicon) -> tuple[int, str, bool]:
    """Net judgement of whether something works, from outcome and evaluative cues, with negation."""
    score, outcome, cues = 0, False, []
    cue_sets = ((lex.success, 1, OUTCOME_WEIGHT), (lex.failure, -1, OUTCOME_WEIGHT),
                (lex.positive, 1, EVALUATIVE_WEIGHT), (lex.negative, -1, EVALUATIVE_WEIGHT))
    for s, weight, cue in _signed_cues(tokens, lex, cue_sets):
        score += s * weight
        outcome = outcome or weight == OUTCOME_WEIGHT
        cues.append(cue)
    return score, ", ".join(cues), outcome


def duration_polarity(tokens: Sequence[str], lex: Lexicon) -> tuple[int, str, bool]:
    """+ for lasting ("a new normal", "into 2025"), - for short-lived ("temporary", "a blip")."""
    score, cues = 0, []
    for s, weight, cue in _signed_cues(tokens, lex, ((lex.long, 1, 1), (lex.short, -1, 1))):
        score += s * weight
        cues.append(cue)
    return score, ", ".join(cues), True


def _top(stems: Sequence[str], k: int) -> list[str]:
    seen: list[str] = []
    for s in stems:
        if s not in seen and not s.isdigit():
            seen.append(s)
    return seen[:k]


# Words that, among a sentence's first few, point back to the sentence before ("those restrictions").
_POINTING_BACK = frozenset("it its this these those they their such that he she".split())
POINTING_BACK_WORDS = 5


def _frame(prev_text: str, quote: str, tokens: Sequence[str]) -> str:
    """The judging sentence, with the previous one when it opens by pointing back to it."""
    if set(tokens[:POINTING_BACK_WORDS]) & _POINTING_BACK:
        return f"{prev_text} {quote}".strip()
    return quote
