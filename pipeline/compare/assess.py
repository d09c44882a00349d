"""Assessment conflicts: opposite judgements on the same question in different sources.

A judging sentence (one with outcome or evaluative cues from the lexicon, negation applied)
is an assessment claim with a polarity. Two assessments from different documents are about the
same question when their sentences (with the sentence before, which often names what "it" or
"those restrictions" are) are similar under TF-IDF and share entities. A group with both
polarities, where an opposite-polarity pair is itself aligned, is a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.compare.align import ASSESS_ALIGN_MIN, Edge, align_by_context, components
from pipeline.compare.claims import Claim
from pipeline.compare.model import DraftFinding
from pipeline.compare.ranking import importance
from pipeline.compare.topics import surface_topic, topic_label
from pipeline.textsim import TfIdf

# Outcome cues (worked / backfired) decide a conflict on their own; plain evaluative words need
# a stronger alignment, since "good" and "bad" are said of many different things in one story.
EVALUATIVE_ONLY_MIN = 0.30


def assessment_findings(claims: Sequence[Claim], tfidf: TfIdf) -> tuple[list[DraftFinding], list[Edge]]:
    """Conflicting judgements, one statement per document, strongest pair first."""
    items = [c for c in claims if c.kind == "assessment"]
    edges = align_by_context(items, tfidf, minimum=ASSESS_ALIGN_MIN)
    opposite = [
        e for e in edges
        if items[e.a].polarity * items[e.b].polarity < 0
        and _judged(items[e.a], items[e.b], e.score)
    ]
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
        reps = sorted(
            (i for _, i in best.values()), key=lambda i: (items[i].polarity, items[i].published, items[i].doc_id)
        )
        cs = [items[i] for i in reps]
        if len({c.polarity for c in cs}) < 2:
            continue
        scores = [e.score for e in opposite if e.a in members and e.b in members]
        align = sum(scores) / len(scores)
        note = "opposite judgements: " + " vs ".join(
            f"{c.doc_id} {'positive' if c.polarity > 0 else 'negative'} ({c.cue})" for c in cs
        )
        pubs = sorted({c.published[:4] for c in cs if c.published})
        if len(pubs) > 1:
            note += "; sources published in different years (" + ", ".join(pubs) + "): views may have changed"
        topic = topic_label("assessment: " + surface_topic(cs), cs)
        out.append(DraftFinding("assessment_conflict", topic, tuple(cs), note,
                                importance("assessment_conflict", cs, align, 0.0)))
    return out, edges


def _judged(a: Claim, b: Claim, score: float) -> bool:
    """Both sides judge an outcome, or both judge clearly (two or more cues) on a close match."""
    if a.outcome and b.outcome:
        return True
    return score >= EVALUATIVE_ONLY_MIN and a.strength >= 2 and b.strength >= 2
