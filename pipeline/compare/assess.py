"""Assessment conflicts: opposite judgements on the same question in different sources.

A judging sentence (``judgements``) has an axis (does it work; how long will it last) and a
polarity. Two judgements of different documents are about the same question when their frames
(the sentence with the one before it) are close under the encoder and their words and names
overlap (``align.judgement_score``). A group with both polarities, where an opposite pair is
itself aligned, is a conflict; the note says what each side asserts.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.compare.align import Scorer, align_judgements, components
from pipeline.compare.claims import Claim
from pipeline.compare.importance import importance
from pipeline.compare.judgements import DURATION_AXIS
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.model import DraftFinding
from pipeline.compare.topics import surface_topic, topic_label
from pipeline.vocab import timeml
from pipeline.vocab.kinds import Kind

# Outcome cues (worked / backfired) decide a conflict on their own; plain evaluative words need
# a stronger alignment, since "good" and "bad" are said of many different things in one story.
EVALUATIVE_ONLY_MIN = 0.55


def assessment_findings(items: Sequence[Claim], scorer: Scorer, lexicon: Lexicon) -> list[DraftFinding]:
    """Conflicting judgements, one statement per document, strongest pair first (the lexicon's
    cues are already in each claim's axis and polarity)."""
    edges = align_judgements(items, scorer)
    opposite = [e for e in edges if items[e.a].value.polarity * items[e.b].value.polarity < 0
                and _judged(items[e.a], items[e.b], e.score)]
    out: list[DraftFinding] = []
    for comp in components(len(items), opposite):
        members = set(comp)
        best: dict[str, tuple[float, int]] = {}
        for e in opposite:
            if e.a in members and e.b in members:
                for i in (e.a, e.b):
                    d = items[i].doc_id
                    if d not in best or e.score > best[d][0]:
                        best[d] = (e.score, i)
        reps = sorted((i for _, i in best.values()),
                      key=lambda i: (items[i].value.polarity, items[i].published, items[i].doc_id))
        cs = [items[i] for i in reps]
        if len({c.value.polarity for c in cs}) < 2:
            continue
        scores = [e.score for e in opposite if e.a in members and e.b in members]
        align = sum(scores) / len(scores)
        axis = cs[0].value.axis
        sides = {p: [c for c in cs if c.value.polarity == p] for p in (1, -1)}
        words = ("lasting", "short-lived") if axis == DURATION_AXIS else ("positive", "negative")
        note = "opposite judgements: " + " vs ".join(
            f"{words[0] if p > 0 else words[1]} ({'; '.join(sorted({c.value.cues for c in g}))})"
            for p, g in sides.items())
        pubs = sorted({str(y) for c in cs if (y := timeml.year(c.published))})
        if len(pubs) > 1:
            note += "; sources published in different years (" + ", ".join(pubs) + "): views may have changed"
        what = "how long it lasts" if axis == DURATION_AXIS else "assessment"
        topic = topic_label(f"{what}: " + surface_topic(cs), cs)
        out.append(DraftFinding(Kind.ASSESSMENT_CONFLICT, topic, tuple(cs), note,
                                importance(Kind.ASSESSMENT_CONFLICT, cs, align, 0.0)))
    return out


def _judged(a: Claim, b: Claim, score: float) -> bool:
    """Both sides judge an outcome, or both judge clearly (two or more cues) on a close match."""
    if a.value.rests_on_outcome and b.value.rests_on_outcome:
        return True
    return score >= EVALUATIVE_ONLY_MIN and a.value.strength >= 2 and b.value.strength >= 2
