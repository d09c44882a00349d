"""Steps 4 and 5 of cleaning: metadata blocks (source URL, bylines, dates, credits, bios,
duplicates) wherever they are, then the title and standfirst above the body.

Each step takes the labels so far and returns new ones; what the metadata blocks say (authors,
dates, the source URL) comes back as ``HeaderFacts`` for ``clean_document`` to assemble.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.clean.blocks import Block
from pipeline.clean.classify import Features
from pipeline.clean.labels import (
    MAX_HEADING_WORDS,
    MAX_SUBTITLE_WORDS,
    META_LOOKAHEAD_BLOCKS,
    Label,
    Labels,
    text_key,
)
from pipeline.clean.metadata import (
    MAX_DATE_LINE_WORDS,
    find_bare_byline,
    find_bio,
    find_byline,
    find_credit,
    find_date,
    find_name_line,
    is_author_detail,
    is_url_line,
    looks_like_title,
    names_after_by,
    url_month,
)
from pipeline.clean.region import Region
from pipeline.clean.rules import Rules, normalise_key

# When a page starts with its source URL, the first line after the URL (and date lines) is
# normally the headline: this bonus outweighs "followed by a date line" (+2.0) of a standfirst.
FIRST_LINE_TITLE_BONUS = 2.5
# A first line taken as the title when nothing but metadata is above the body may be this long.
MAX_FIRST_LINE_TITLE_WORDS = 40
# A title candidate right above the best one, scoring at most this much less, is the headline
# and the best one its standfirst (adjacent blocks differ by 0.05 for distance alone).
HEADLINE_OVER_STANDFIRST = 0.1
# Title candidates are looked for this many blocks above the body.
TITLE_LOOKBACK_BLOCKS = 15
MIN_SUBTITLE_WORDS = 6
# Standfirst lines (deck, bullet summary) between the title and the byline/date: at most this many.
MAX_STANDFIRST_BLOCKS = 4
# Names below a bare "COMMENTARY BY:" line are looked for this many blocks down.
NAMES_BELOW_BYLINE_BLOCKS = 6
# Credit lines ("Reporting by ...") and bios are short paragraphs; longer ones are prose.
MAX_CREDIT_WORDS = 60
MIN_BIO_WORDS = 8
# An author bio sits among the last blocks of the body.
BIO_TAIL_BLOCKS = 3

_ENDS_WITH_STOP = re.compile(r"\.[\"”’')\]]*$")


@dataclass(frozen=True)
class HeaderFacts:
    """What the metadata blocks say; ``dates`` are (ISO date, is an update, block index)."""

    url: str
    authors: tuple[str, ...]
    credit_authors: tuple[str, ...]
    bio_authors: tuple[str, ...]
    dates: tuple[tuple[str, bool, int], ...]


def label_metadata(
    blocks: Sequence[Block], feats: Sequence[Features], region: Region, rules: Rules
) -> tuple[Labels, HeaderFacts]:
    """Label source URL, images, duplicates, bylines, date lines, credit lines and bios."""
    labels: list[Label | None] = [None] * len(blocks)
    authors: list[str] = []
    bio_authors: list[str] = []
    credit_authors: list[str] = []
    dates: list[tuple[str, bool, int]] = []
    seen: dict[str, int] = {}
    start, end = region.start, region.end
    expect_names_until = -1
    details_until = -1  # role and handle lines under a byline
    url = blocks[0].text if blocks and is_url_line(blocks[0].text) else ""
    hint = url_month(url) if url else (0, 0)
    for i, (b, f) in enumerate(zip(blocks, feats, strict=True)):
        # A run of date lines ("PUBLISHED: ..." then "UPDATED: ...") may reach past the lookahead.
        after_date = i > 0 and labels[i - 1] is not None and labels[i - 1].reason.startswith("metadata: ")
        near_top = i < start + META_LOOKAHEAD_BLOCKS or after_date
        if i == 0 and url:
            labels[i] = Label("metadata", False, "metadata: source URL")
            continue
        if b.image:
            labels[i] = Label("image", False, "boilerplate: image link")
            continue
        key = text_key(b.text)
        if key and key in seen and f.words >= 2:
            labels[i] = Label("duplicate", False, f"duplicate: repeats block {seen[key]}")
            continue
        if key:
            seen.setdefault(key, b.no)
        if near_top:
            by = find_byline(b.text, rules)
            if by:
                prefix, names = by
                authors.extend(names)
                if not names:
                    expect_names_until = i + NAMES_BELOW_BYLINE_BLOCKS
                who = f"-> authors {', '.join(names)}" if names else "(names follow)"
                labels[i] = Label("byline", False, f"byline: '{prefix}' {who}")
                details_until = i + 2
                continue
            bare = find_bare_byline(b.text, rules) if not f.rules_boilerplate else None
            if bare and (bare[1] or _beside_author_detail(blocks, labels, i, rules)):
                authors.extend(bare[0])
                d = find_date(b.text, rules, fuzzy=True, hint=hint) if bare[1] else None
                if d:  # "Nourhan Fathy, Tuesday 13 Feb 2024"
                    dates.append((d.iso, d.updated, i))
                when = f", {'update' if d.updated else 'publication'} date {d.iso}" if d else ""
                labels[i] = Label("byline", False, f"byline: author name without 'By' -> {', '.join(bare[0])}{when}")
                details_until = i + 2
                continue
            if i <= details_until and find_date(b.text, rules) is None and is_author_detail(b.text, rules):
                labels[i] = Label("byline", False, "byline: author details (role or handle) under the byline")
                continue
            if i <= expect_names_until and not f.rules_boilerplate:
                names = find_name_line(b.text, rules)
                if names:
                    authors.extend(names)
                    labels[i] = Label("byline", False, f"byline: author name under the byline -> {', '.join(names)}")
                    continue
                if f.words <= 8 and not f.sentence_end:
                    labels[i] = Label("byline", False, "byline: author details under the byline")
                    continue
            # Header lines may carry numeric ("11/28/05") or typo'd ("Novemer 27, 2005") dates.
            d = find_date(b.text, rules, fuzzy=True, hint=hint) if f.words <= MAX_DATE_LINE_WORDS else None
            if d:
                dates.append((d.iso, d.updated, i))
                authors.extend(names_after_by(b.text, rules))
                kind = "update" if d.updated else "publication"
                labels[i] = Label("metadata", False, f"metadata: {kind} date {d.iso}")
                continue
        if f.words <= MAX_DATE_LINE_WORDS and normalise_key(b.text).startswith(rules.published_prefixes):
            # "Date Published: Tuesday, November 15, 2011" at the foot of the page.
            d = find_date(b.text, rules, fuzzy=True, hint=hint)
            if d:
                dates.append((d.iso, d.updated, i))
                labels[i] = Label("metadata", False, f"metadata: publication date {d.iso} (labelled line)")
                continue
        credit = find_credit(b.text, rules) if f.words <= MAX_CREDIT_WORDS else None
        if credit is not None:
            credit_authors.extend(credit)
            who = f" -> authors {', '.join(credit)}" if credit else ""
            labels[i] = Label("byline", False, f"byline: credit line{who}")
            continue
        if start <= i and i >= end - BIO_TAIL_BLOCKS and f.words >= MIN_BIO_WORDS:
            bio = find_bio(b.text, rules)
            if bio:
                bio_authors.append(bio)
                labels[i] = Label("bio", False, f"bio: author biography of {bio}")
                continue
    facts = HeaderFacts(url, tuple(authors), tuple(credit_authors), tuple(bio_authors), tuple(dates))
    return tuple(labels), facts


def _beside_author_detail(blocks: Sequence[Block], labels: Labels, i: int, rules: Rules) -> bool:
    """A bare name is a byline when a role, handle or date line is next to it, or a date line above."""
    above = labels[i - 1] if i > 0 else None
    if above is not None and above.reason.startswith("metadata: ") and "date" in above.reason:
        return True
    return i + 1 < len(blocks) and is_author_detail(blocks[i + 1].text, rules)


def label_title(
    blocks: Sequence[Block], feats: Sequence[Features], labels: Labels, region: Region
) -> tuple[Labels, int]:
    """The headline above the body (its index, -1 when none), its repeats, and the standfirst under it."""
    title_i = _find_title(blocks, feats, labels, region.start)
    if title_i < 0:
        return labels, title_i
    out = list(labels)
    out[title_i] = Label("title", True, "title: headline above the article body (first paragraph of the clean text)")
    title_key = text_key(blocks[title_i].text)
    for j, lab in enumerate(out):
        if lab is not None and lab.label == "duplicate" and text_key(blocks[j].text) == title_key:
            out[j] = Label("duplicate", False, f"duplicate: repeats the title (block {title_i})")
    return _label_standfirst(blocks, feats, tuple(out), title_i, region.start), title_i


def _label_standfirst(
    blocks: Sequence[Block], feats: Sequence[Features], labels: Labels, title_i: int, start: int
) -> Labels:
    """Lines between the title and the byline/date (a standfirst, a deck of bullet points) are subtitles.

    A run of up to MAX_STANDFIRST_BLOCKS prose lines under the title counts when it ends at a
    byline or date line or lies above the body; otherwise only a Markdown heading right under
    the title does.
    """
    out = list(labels)
    n = len(out)
    run: list[int] = []
    ends_at_meta = False
    for j in range(title_i + 1, min(n, title_i + 1 + MAX_STANDFIRST_BLOCKS + 1)):
        lab = out[j]
        if lab is not None and lab.label == "image":
            if not run:
                break  # what follows a picture is its caption, not a standfirst
            continue  # a picture between the standfirst and the byline
        if lab is not None:
            if run or lab.label not in ("byline", "metadata"):
                ends_at_meta = bool(run) and lab.label in ("byline", "metadata")
                break
            continue  # a date line right under the title, standfirst below it
        if run and run[-1] < start <= j:
            break  # a standfirst above the body ends where the body starts
        if len(run) == MAX_STANDFIRST_BLOCKS or feats[j].rules_boilerplate or feats[j].marker:
            break
        if not (MIN_SUBTITLE_WORDS <= feats[j].words <= MAX_SUBTITLE_WORDS):
            break
        run.append(j)
    subtitle = Label("subtitle", True, "subtitle: standfirst under the title")
    if not run:
        j = title_i + 1
        if j < n and out[j] is None and blocks[j].heading:
            out[j] = subtitle
        return tuple(out)
    if ends_at_meta or all(j < start for j in run):
        for j in run:
            out[j] = subtitle
    elif blocks[run[0]].heading:
        out[run[0]] = subtitle
    return tuple(out)


def _title_scores(
    blocks: Sequence[Block], feats: Sequence[Features], labels: Labels, start: int
) -> dict[int, float]:
    """Title-likeness of the blocks above the body: close to it, followed by a byline or date,
    repeated, a heading, not too short."""
    scores: dict[int, float] = {}
    for i in range(max(0, start - TITLE_LOOKBACK_BLOCKS), start):
        b, f = blocks[i], feats[i]
        if labels[i] is not None or f.rules_boilerplate or f.marker or not looks_like_title(b.text, words=f.words):
            continue
        score = 1.0 - 0.05 * (start - i)
        if labels[0] is not None and labels[0].reason == "metadata: source URL" and all(
            lab is not None for lab in labels[:i]
        ):
            # Source URL, maybe date lines, then the headline: the first line after them.
            score += FIRST_LINE_TITLE_BONUS
        following = [lab for lab in labels[i + 1 : i + 5] if lab is not None]
        if any(lab.label in ("byline", "metadata") for lab in following):
            score += 2.0
        if any(lab.label == "duplicate" and lab.reason.endswith(f"block {b.no}") for lab in labels if lab):
            score += 1.0
        if b.heading:
            score += 0.5
        if f.words >= 5:
            score += 0.5
        if score > 0:
            scores[i] = score
    return scores


def _headline_above_standfirst(scores: dict[int, float], best: int, labels: Labels) -> bool:
    """Headline, standfirst, byline right under it: both lines look like titles and the headline
    is the upper one, unless it is itself one of a run of title-like lines (other stories' links).
    Only with the byline right under: above a date line or a picture the upper line is more
    often a link to another story (measured on the cleaning benchmark)."""
    upper, below = best - 1, labels[best + 1] if best + 1 < len(labels) else None
    return (upper in scores and upper - 1 not in scores and below is not None and below.label == "byline"
            and scores[upper] >= scores[best] - HEADLINE_OVER_STANDFIRST)


def _find_title(blocks: Sequence[Block], feats: Sequence[Features], labels: Labels, start: int) -> int:
    """The headline: a Markdown H1 near the top, else the most title-like block above the body."""
    for i in range(min(len(blocks), max(start, 1) + 2)):
        if blocks[i].heading == 1 and labels[i] is None:
            return i
    scores = _title_scores(blocks, feats, labels, start)
    best = max(scores, key=lambda i: (scores[i], -i), default=-1)
    if _headline_above_standfirst(scores, best, labels):
        best -= 1
    if best < 0 and 0 <= start < len(blocks) - 1 and all(lab is not None for lab in labels[:start]):
        # Nothing but metadata (source URL, date line) above the body: a headline-shaped first
        # line ("Did the earth move for you?") followed by a longer paragraph or by a date or
        # byline line is the title, even when it is long (tabloid headlines run to 30-40 words).
        f, text = feats[start], blocks[start].text
        below = labels[start + 1 : start + 1 + META_LOOKAHEAD_BLOCKS]
        nxt_meta = any(lab is not None and lab.label in ("byline", "metadata") for lab in below)
        if (
            labels[start] is None
            and not blocks[start].piece
            and f.words <= MAX_FIRST_LINE_TITLE_WORDS
            and not _ENDS_WITH_STOP.search(text)  # "?" and "!" are fine in a headline
            and not text.endswith((":", ",", ";"))
            and (feats[start + 1].words > f.words or nxt_meta)
            and not f.rules_boilerplate
            and looks_like_title(text, words=min(f.words, MAX_HEADING_WORDS))
        ):
            return start
    return best
