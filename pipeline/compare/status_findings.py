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
from collections import Counter
from collections.abc import Sequence

from pipeline.compare.align import Edge, Scorer, align_grouped, components, outcome_score, status_score
from pipeline.compare.claims import Claim
from pipeline.compare.importance import importance
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.manner import is_manner
from pipeline.compare.model import DraftFinding
from pipeline.compare.places import PLACE_SET_PREFIX, as_one_place, is_place
from pipeline.compare.roles import ROLE_SET_PREFIX, is_role
from pipeline.compare.sources import EdgeStats, independent_sources
from pipeline.compare.topics import surface_topic, topic_label
from pipeline.vocab.kinds import Kind


def find_status_findings(claims: Sequence[Claim], scorer: Scorer, lexicon: Lexicon) -> list[DraftFinding]:
    """Statuses of one scale about one matter, grouped, then read against publication time."""
    edges = align_grouped(claims, scorer, lambda c: c.value.scale, status_score)
    stages = {scale.name: [name for name, _ in scale.stages] for scale in lexicon.scales}
    return status_findings(claims, components(len(claims), edges), edges, stages)


def find_outcome_findings(claims: Sequence[Claim], scorer: Scorer, lexicon: Lexicon) -> list[DraftFinding]:
    """Outcomes of one exclusive set about one thing, grouped; different classes disagree."""
    edges = align_grouped(claims, scorer, lambda c: c.value.outcome_set, outcome_score)
    return outcome_findings(*as_one_place(claims, components(len(claims), edges)), edges)


def status_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]], edges: Sequence[Edge],
                    lex_stages: dict[str, Sequence[str]]) -> list[DraftFinding]:
    """Superseded (stages rising with publication time) or disagreement (a later report at a lower stage)."""
    stats = EdgeStats(edges)
    out = []
    for comp in comps:
        cs = [claims[i] for i in _by_stage_representatives(comp, claims, stats)]
        if len({c.value.stage for c in cs}) < 2 or len({c.doc_id for c in cs}) < 2:
            continue
        ordered = sorted(cs, key=lambda c: (c.published or "9999", c.value.stage, c.doc_id))
        stages = lex_stages.get(cs[0].value.scale, ())
        label = cs[0].value.scale
        topic = topic_label(f"{label} status", cs)
        dated = [c for c in ordered if c.published]
        # An undated report cannot be placed in time; it fits any order unless it is the last stage.
        top = max(c.value.stage for c in cs)
        rising = (len({c.value.stage for c in dated}) > 1
                  and all(c.value.stage < top for c in ordered if not c.published)
                  and all(a.value.stage <= b.value.stage or a.published[:10] == b.published[:10]
                          for a, b in itertools.pairwise(dated)))
        steps = ", ".join(f"{_stage_name(stages, c.value.stage)} ({c.published or 'undated'}: '{c.value.cue}')"
                          for c in ordered)
        align = stats.mean(comp)
        if rising:  # stages out of time order are left alone: status words are too loose to accuse a source
            note = f"the {label} moved on as reports came in: {steps}; later reports update earlier ones"
            out.append(DraftFinding(Kind.SUPERSEDED, topic, tuple(ordered), note,
                                    importance(Kind.SUPERSEDED, ordered, align, 0.5)))
    return out


def outcome_findings(claims: Sequence[Claim], comps: Sequence[Sequence[int]],
                     edges: Sequence[Edge]) -> list[DraftFinding]:
    """Exclusive outcomes asserted by different sources about the same thing."""
    stats = EdgeStats(edges)
    out = []
    for comp in comps:
        cs = [claims[i] for i in _by_class_representatives(comp, claims, stats)]
        classes = {c.value.outcome_class for c in cs}
        if len(classes) < 2 or len({c.doc_id for c in cs}) < 2:
            continue
        by_class = {k: [c for c in cs if c.value.outcome_class == k] for k in sorted(classes)}
        if all(len(independent_sources(g)) < 1 for g in by_class.values()):
            continue
        topic = _outcome_topic(cs)
        note = "accounts that exclude each other: " + " vs ".join(
            f"{k} ('{g[0].value.cue}', {_sources(g)})" for k, g in by_class.items())
        align = stats.mean([i for i in comp])
        out.append(DraftFinding(Kind.ACCOUNT_CONFLICT, topic, tuple(cs), note,
                                importance(Kind.ACCOUNT_CONFLICT, cs, align, 0.5)))
    return out


def _outcome_topic(cs: Sequence[Claim]) -> str:
    """"place of the trial" for a place; "colour of the Toyota Camry" for an attribute (the thing
    most sources name, the shortest way); else the outcome set and what the sentences are about."""
    if is_place(cs[0]):
        return f"place of the {cs[0].value.outcome_set.removeprefix(PLACE_SET_PREFIX)}"
    if is_role(cs[0]):  # "corporate office of Mara Quist"
        return f"{cs[0].value.outcome_set.removeprefix(ROLE_SET_PREFIX)} of {cs[0].value.thing}"
    if is_manner(cs[0]):  # "how well equipped (Robert Buckley)"
        return topic_label(cs[0].value.outcome_set, cs)
    things = Counter(c.value.thing for c in cs if c.value.thing)
    if things:
        thing = min(things, key=lambda t: (-things[t], len(t), t))
        return f"{cs[0].value.outcome_set} of the {thing}"
    return topic_label(f"{cs[0].value.outcome_set.replace('_', ' ')}: " + surface_topic(cs), cs)


def _by_class_representatives(comp: Sequence[int], claims: Sequence[Claim], stats: EdgeStats) -> list[int]:
    """One statement per document and class: a source that writes "charged in her murder" in its
    lead and "vehicular manslaughter" in its body stands on both sides, as the reader sees it."""
    best: dict[tuple[str, str], int] = {}
    for i in sorted(comp):
        key = (claims[i].doc_id, claims[i].value.outcome_class)
        if key not in best or stats.strength[i] > stats.strength[best[key]]:
            best[key] = i
    return sorted(best.values(), key=lambda i: (claims[i].published or "9999", claims[i].doc_id, i))


def _by_stage_representatives(comp: Sequence[int], claims: Sequence[Claim], stats: EdgeStats) -> list[int]:
    """One statement per document and stage (a document may tell of two stages over time)."""
    best: dict[tuple[str, int], int] = {}

    def preference(i: int) -> tuple:
        # The body's sentence is more precise than the headline ("captured Monday" over "captured").
        return (not claims[i].headline, stats.strength[i])

    for i in sorted(comp):
        key = (claims[i].doc_id, claims[i].value.stage)
        if key not in best or preference(i) > preference(best[key]):
            best[key] = i
    # A document keeps its latest stage only: it reports where the story stood when it was written.
    latest: dict[str, int] = {}
    for (doc, stage), i in best.items():
        if doc not in latest or stage > claims[latest[doc]].value.stage:
            latest[doc] = i
    return sorted(latest.values(), key=lambda i: (claims[i].published or "9999", claims[i].doc_id))


def _stage_name(stages: Sequence[str], stage: int) -> str:
    return stages[stage] if 0 <= stage < len(stages) else str(stage)


def _sources(cs: Sequence[Claim]) -> str:
    n = len({c.doc_id for c in cs})
    return f"{n} source{'s' if n > 1 else ''}"
