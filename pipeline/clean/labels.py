"""Block labels and the steps of cleaning that label by position and repair the result.

A label is (label, kept, reason); ``Labels`` holds one per block, ``None`` while undecided. Each
step takes the labels so far and returns new labels, so ``clean_document`` reads as the list of
steps. Steps here run after the metadata and title steps (``header``):

6. ``label_pull_quotes``: a block repeated inside a longer body block.
7. ``label_by_position``: everything still undecided, as header, body or tail.
8. ``label_subtitle_above_byline``: a standfirst between the body's start and a byline.
9. ``keep_prose_between_body``: prose lines dropped as UI text between two body blocks.
10. ``finish_labels``: drop caps follow their block; repair notes join every reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from pipeline.clean.blocks import Block
from pipeline.clean.classify import MAX_LINK_DENSITY, Features
from pipeline.clean.region import Region
from pipeline.clean.spillover import SPILLOVER_MAX_SIMILARITY, TopicModel


class Label(NamedTuple):
    label: str
    kept: bool
    reason: str


Labels = tuple[Label | None, ...]

# Metadata lines (dates, bylines) are looked for this many blocks into the body too: pages often
# put the byline and date under the first paragraph or the subtitle.
META_LOOKAHEAD_BLOCKS = 4
# A heading inside the body is short and has no sentence end.
MAX_HEADING_WORDS = 18
# A standfirst (subtitle) is at most this long.
MAX_SUBTITLE_WORDS = 60
# A caption follows an image and is at most this long.
MAX_CAPTION_WORDS = 45
# Pull quotes and repeated captions: a block at least this long repeated inside another block.
MIN_PULL_QUOTE_WORDS = 6
# Inside the main region a complete sentence is kept even with fewer stop words than jusText
# asks for (names and numbers lower the density of real news sentences).
MIN_LENIENT_WORDS = 8
MIN_REGION_STOP_DENSITY = 0.15
# A line without a closing full stop ("It has a free trade zone ... turtles") between two body
# blocks is body when it reads as prose: this many words and this stop-word density at least.
MIN_SANDWICH_WORDS = 4
MIN_SANDWICH_STOP_DENSITY = 0.2

# "skills training.Remote-controlled robots": two captions glued by a scraper.
_GLUED_SENTENCES = re.compile(r"[a-z]{2}\.[A-Z][a-z]")
# A heading starts with a capital, maybe after an opening quote ("'We panicked'").
_HEADING_START = re.compile(r"[\"'“‘]?[A-Z]")


def text_key(text: str) -> str:
    """The form repeated blocks are compared in: lower case, words only."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def label_pull_quotes(blocks: Sequence[Block], feats: Sequence[Features], labels: Labels, region: Region) -> Labels:
    """A block whose text sits inside a longer body block is a pull quote (or a repeated caption)."""
    out = list(labels)
    long_keys = [(i, text_key(blocks[i].text)) for i in region.reference]
    for i in range(len(blocks)):
        if out[i] is not None or feats[i].words < MIN_PULL_QUOTE_WORDS:
            continue
        k = text_key(blocks[i].text)
        for j, lk in long_keys:
            if j != i and len(lk) > len(k) and k in lk:
                out[i] = Label("pull_quote", False, f"pull_quote: repeats a sentence of block {blocks[j].no}")
                break
    return tuple(out)


def label_by_position(blocks: Sequence[Block], feats: Sequence[Features], labels: Labels, region: Region) -> Labels:
    """Every block still undecided, by where it sits: above the body, inside it, or after it."""
    out = list(labels)
    marker_kind, marker_text = "", ""
    after_image = False
    for i, (b, f, c) in enumerate(zip(blocks, feats, region.classes, strict=True)):
        if f.marker and i >= region.end and region.reference:
            marker_kind, marker_text = f.marker, b.text
        if out[i] is not None:
            after_image = b.image
            continue
        if b.joined_into >= 0:
            out[i] = Label("body", True, f"repair: drop cap joined to block {b.joined_into}")
        elif i < region.start:
            out[i] = _header_label(b, f, after_image)
        elif i < region.end:
            out[i] = _body_label(b, f, c, after_image, region.classes, i, region.end, feats)
        else:
            out[i] = _tail_label(b, f, region.classes0[i], marker_kind, marker_text, region.topic, i,
                                 region.reference)
        after_image = b.image
    return tuple(out)


def label_subtitle_above_byline(feats: Sequence[Features], labels: Labels, region: Region) -> Labels:
    """A standfirst between the body's start and a byline just below it is a subtitle."""
    out = list(labels)
    start, end = region.start, region.end
    for k in range(start, min(end, start + META_LOOKAHEAD_BLOCKS)):
        if out[k] and out[k].label == "byline":
            for j in range(start, k):
                lab = out[j]
                if lab and lab.label == "body" and feats[j].words <= MAX_SUBTITLE_WORDS:
                    out[j] = Label("subtitle", True, "subtitle: standfirst above the byline")
            break
    return tuple(out)


def keep_prose_between_body(blocks: Sequence[Block], feats: Sequence[Features], labels: Labels,
                            region: Region) -> Labels:
    """A run of prose lines dropped as short/UI text between two body blocks is body after all.

    One-sentence-per-paragraph text loses a final full stop now and then ("... conservation of
    turtles"); between body paragraphs such a line is a sentence of the story, not chrome.
    """
    out = list(labels)

    def candidate(i: int) -> bool:
        lab, f, text = out[i], feats[i], blocks[i].text
        return (
            lab is not None
            and lab.label == "boilerplate"
            and "short non-sentence" in lab.reason
            and not f.rules_boilerplate
            and not f.marker
            and f.words >= MIN_SANDWICH_WORDS
            and f.stop_density >= MIN_SANDWICH_STOP_DENSITY
            and f.link_density <= MAX_LINK_DENSITY
            and text[:1].isupper()
        )

    def is_body(i: int) -> bool:
        return 0 <= i < len(out) and out[i] is not None and out[i].label == "body"

    i, end = region.start, region.end
    while i < end:
        if not candidate(i):
            i += 1
            continue
        j = i
        while j < end and candidate(j):
            j += 1
        if is_body(i - 1) and is_body(j):
            for k in range(i, j):
                out[k] = Label("body", True, "body: prose line between body paragraphs "
                               f"(stop-word density {feats[k].stop_density:.2f})")
        i = j
    return tuple(out)


def finish_labels(blocks: Sequence[Block], labels: Labels) -> tuple[Label, ...]:
    """Drop caps follow the block they were joined to; every repair note reaches the reason."""
    final = [lab for lab in labels if lab is not None]
    for i, b in enumerate(blocks):
        if b.joined_into >= 0:
            target = final[b.joined_into]
            final[i] = Label("body" if target.kept else target.label, target.kept,
                             f"repair: drop cap joined to block {b.joined_into}")
    for i, b in enumerate(blocks):
        label, kept, reason = final[i]
        missing = [note for note in b.notes if note not in reason]
        if missing:
            final[i] = Label(label, kept, f"{reason}; {'; '.join(missing)}")
    return tuple(final)


def _header_label(b: Block, f: Features, after_image: bool) -> Label:
    if after_image and f.words <= MAX_CAPTION_WORDS and not f.rules_boilerplate:
        return Label("caption", False, "caption: text under an image")
    if b.heading:
        return Label("heading", False, "heading: section label above the article")
    if f.rules_boilerplate:
        return Label("boilerplate", False, f"boilerplate: {f.rules_boilerplate}")
    if f.marker:
        return Label("boilerplate", False, f"boilerplate: section marker '{b.text}' above the article")
    return Label("boilerplate", False, "boilerplate: page header before the article body (navigation, teasers)")


def _body_label(
    b: Block,
    f: Features,
    c: str,
    after_image: bool,
    classes: Sequence[str],
    i: int,
    end: int,
    feats: Sequence[Features],
) -> Label:
    if f.marker:
        return Label("boilerplate", False, f"boilerplate: section marker '{b.text}' inside the body")
    if f.rules_boilerplate:
        return Label("boilerplate", False, f"boilerplate: {f.rules_boilerplate}")
    if after_image and f.words <= MAX_CAPTION_WORDS and c != "good":
        return Label("caption", False, "caption: text under an image")
    if f.words <= MAX_CAPTION_WORDS and _GLUED_SENTENCES.search(b.text):
        return Label("caption", False, "caption: caption fragments glued together (no space after a sentence end)")
    notes = f"; {'; '.join(b.notes)}" if b.notes else ""
    nxt = next((j for j in range(i + 1, end) if classes[j] == "good" or feats[j].sentence), -1)
    if (
        (b.heading or (f.words <= MAX_HEADING_WORDS and not f.sentence_end and not f.sentence))
        and nxt == i + 1
        and _HEADING_START.match(b.text)
        and f.link_density <= 0.2
    ):
        return Label("heading", True, "heading: section heading inside the body" + notes)
    if c == "good":
        return Label("body", True, "body: prose inside the main text region" + notes)
    if (
        f.sentence_end
        and f.words >= MIN_LENIENT_WORDS
        and f.stop_density >= MIN_REGION_STOP_DENSITY
        and f.link_density <= MAX_LINK_DENSITY
    ):
        return Label("body", True,
                     f"body: sentence inside the main text region (stop-word density {f.stop_density:.2f})" + notes)
    if f.sentence:
        return Label("body", True, f"body: complete sentence inside the main text region ({f.words} words)" + notes)
    if f.link_density > 0.2:
        return Label("boilerplate", False, f"boilerplate: link-heavy block (link density {f.link_density:.2f})")
    if f.words < MIN_LENIENT_WORDS or not f.sentence_end:
        return Label("boilerplate", False, "boilerplate: short non-sentence block inside the body (UI text)")
    return Label("boilerplate", False, f"boilerplate: list-like text (stop-word density {f.stop_density:.2f})")


def _tail_label(
    b: Block, f: Features, cls0: str, marker_kind: str, marker_text: str, topic: TopicModel, i: int,
    body_ref: Sequence[int],
) -> Label:
    if f.marker:
        kind = {"spillover": "spillover", "comments": "comments"}.get(f.marker, "boilerplate")
        return Label(kind, False, f"{kind}: section marker '{b.text}' ends the article")
    prose = cls0 in ("good", "near")
    sim = topic.similarity([i], body_ref) if prose and body_ref else 0.0
    if f.rules_boilerplate:
        return Label("boilerplate", False, f"boilerplate: {f.rules_boilerplate}")
    if marker_kind == "spillover":
        extra = f" (topic similarity {sim:.2f})" if prose else ""
        return Label("spillover", False, f"spillover: follows '{marker_text}' marker{extra}")
    if marker_kind == "comments":
        return Label("comments", False, f"comments: follows '{marker_text}' marker")
    if marker_kind == "footer":
        return Label("boilerplate", False, f"boilerplate: follows '{marker_text}' marker (footer)")
    if prose and sim < SPILLOVER_MAX_SIMILARITY:
        return Label("spillover", False,
                     f"spillover: prose after the article, unrelated to it (topic similarity {sim:.2f})")
    return Label("boilerplate", False, "boilerplate: after the article body (footer, teasers, comments)")
