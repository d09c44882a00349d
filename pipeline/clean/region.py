"""Step 3 of cleaning: the main body region, cut at a section marker when what follows is off-topic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.clean.blocks import Block
from pipeline.clean.classify import Features, block_weight, densest_region, initial_class, resolve_context
from pipeline.clean.rules import Rules
from pipeline.clean.spillover import SPILLOVER_MAX_SIMILARITY, TopicModel


@dataclass(frozen=True)
class Region:
    """Where the article body is: blocks ``start`` to ``end`` (exclusive), with the classes that found it."""

    start: int
    end: int
    classes0: tuple[str, ...]  # context-free jusText classes
    classes: tuple[str, ...]  # after the context step
    reference: tuple[int, ...]  # the body's good blocks: what "on topic" is measured against
    topic: TopicModel


def find_region(blocks: Sequence[Block], feats: Sequence[Features], rules: Rules) -> Region:
    """The densest run of good text (``classify``), ended early at a marker followed by another story."""
    classes0 = tuple(initial_class(b, f) for b, f in zip(blocks, feats, strict=True))
    classes = tuple(resolve_context(list(classes0)))
    topic = TopicModel([b.text for b in blocks], rules.stopwords)
    start, end = densest_region([block_weight(c, f) for c, f in zip(classes0, feats, strict=True)])
    for m in range(start + 1, end):
        if not feats[m].marker:
            continue
        before = [i for i in range(start, m) if classes[i] == "good"]
        after = [i for i in range(m + 1, end) if classes[i] == "good"]
        if before and after and topic.similarity(after, before) < SPILLOVER_MAX_SIMILARITY:
            end = m
            break
    reference = tuple(i for i in range(start, end) if classes[i] == "good")
    return Region(start, end, classes0, classes, reference, topic)
