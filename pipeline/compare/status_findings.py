"""Status and outcome findings: a story that moved on, and accounts that exclude each other.

- Statuses on one scale about the same subject, at different stages: when the stage rises with
  publication time, the later reports supersede the earlier ones ("still at large" on 3 Dec,
  "captured" on 7 Dec); a report at a lower stage published after a higher one disagrees.
- Outcomes of one exclusive set about the same thing, in different classes, disagree: "rescued
  26 crew members" against "captured 26 pirates"; "destroyed much of the supermarket" against
  "left largely intact". The note says what each side asserts.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from pipeline.compare.align import Edge
from pipeline.compare.claims import Claim
from pipeline.compare.model import DraftFinding
from pipeline.compare.ranking import importance
from pipeline.compare.sources import EdgeStats, independent_sources, representatives
from pipeline.compare.topics import surface_topic, topic_label


def status_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]], edges: Sequence[Edge],
                    lex_stages: dict[str, Sequence[str]]) -> list[DraftFinding]:
    """Superseded (stages rising with publication time) or disagreement (a later report at a lower stage)."""
    stats = EdgeStats(edges)
    out = []
    for comp in comps:
        cs = [claims[i] for i in _by_stage_representatives(comp, claims, stats)]
        if len({c.stage for c in cs}) < 2 or len({c.doc_id for c in cs}) < 2:
            continue
        ordered = sorted(cs, key=lambda c: (c.published or "9999", c.stage, c.doc_id))
        stages = lex_stages.get(cs[0].scale, ())
        label = cs[0].scale
        topic = topic_label(f"{label} status", cs)
        dated = [c for c in ordered if c.published]
        # An undated report cannot be placed in time; it fits any order unless it is the last stage.
        top = max(c.stage for c in cs)
        rising = len({c.stage for c in dated}) > 1 and all(c.stage < top for c in ordered if not c.published) and all(
            a.stage <= b.stage or a.published[:10] == b.published[:10] for a, b in itertools.pairwise(dated))
        steps = ", ".join(f"{_stage_name(stages, c.stage)} ({c.published or 'undated'}: '{c.cue}')" for c in ordered)
        align = stats.mean(comp)
        if rising:  # stages out of time order are left alone: status words are too loose to accuse a source
            note = f"the {label} moved on as reports came in: {steps}; later reports update earlier ones"
            out.append(DraftFinding("superseded", topic, tuple(ordered), note,
                                    importance("superseded", ordered, align, 0.5)))
    return out


def outcome_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]],
                     edges: Sequence[Edge]) -> list[DraftFinding]:
    """Exclusive outcomes asserted by different sources about the same thing."""
    stats = EdgeStats(edges)
    out = []
    for comp in comps:
        cs = [claims[i] for i in representatives(comp, claims, stats)]
        classes = {c.outcome_class for c in cs}
        if len(classes) < 2 or len({c.doc_id for c in cs}) < 2:
            continue
        by_class = {k: [c for c in cs if c.outcome_class == k] for k in sorted(classes)}
        if all(len(independent_sources(g)) < 1 for g in by_class.values()):
            continue
        topic = topic_label(f"{cs[0].outcome_set.replace('_', ' ')}: " + surface_topic(cs), cs)
        note = "accounts that exclude each other: " + " vs ".join(
            f"{k} ('{g[0].cue}', {len({c.doc_id for c in g})} source{'s' if len({c.doc_id for c in g}) > 1 else ''})"
            for k, g in by_class.items())
        align = stats.mean([i for i in comp])
        out.append(DraftFinding("account_conflict", topic, tuple(cs), note,
                                importance("account_conflict", cs, align, 0.5)))
    return out


def _by_stage_representatives(comp: Sequence[int], claims: Sequence[Claim], stats: EdgeStats) -> list[int]:
    """One statement per document and stage (a document may tell of two stages over time)."""
    best: dict[tuple[str, int], int] = {}

    def preference(i: int) -> tuple:
        # The body's sentence is more precise than the headline ("captured Monday" over "captured").
        return (not claims[i].headline, stats.strength[i])

    for i in sorted(comp):
        key = (claims[i].doc_id, claims[i].stage)
        if key not in best or preference(i) > preference(best[key]):
            best[key] = i
    # A document keeps its latest stage only: it reports where the story stood when it was written.
    latest: dict[str, int] = {}
    for (doc, stage), i in best.items():
        if doc not in latest or stage > claims[latest[doc]].stage:
            latest[doc] = i
    return sorted(latest.values(), key=lambda i: (claims[i].published or "9999", claims[i].doc_id))


def _stage_name(stages: Sequence[str], stage: int) -> str:
    return stages[stage] if 0 <= stage < len(stages) else str(stage)
