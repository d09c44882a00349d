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


@dataclass(frozen=True)
class MetadataFind:
    """What one finder says of one block: its label and the facts it gives."""

    label: Label
    authors: tuple[str, ...] = ()
    credit_authors: tuple[str, ...] = ()
    bio_author: str = ""
    date: tuple[str, bool] | None = None  # (ISO date, is an update)
    date_line: bool = False  # the block is a date line (a bare name beside it is a byline)
    names_follow: bool = False  # "COMMENTARY BY:" with the names on the lines below
    details_follow: bool = False  # a byline: role and handle lines may follow


@dataclass(frozen=True)
class HeaderWalk:
    """What the blocks above tell the finders about the current one (read off earlier finds,
    never off their reason strings)."""

    url: str
    url_hint: tuple[int, int]  # (year, month) the source URL names, to read numeric dates
    near_top: bool  # within the lookahead of the body's start, or right under a metadata line
    names_expected: bool  # within a few blocks of a "By:" line whose names follow
    details_expected: bool  # within two blocks of a byline
    date_line_above: bool


def label_metadata(
    blocks: Sequence[Block], feats: Sequence[Features], region: Region, rules: Rules
) -> tuple[Labels, HeaderFacts]:
    """Label source URL, images, duplicates, bylines, date lines, credit lines and bios: each block
    gets the first find of the finders in ``METADATA_FINDERS``; the facts of all finds become
    ``HeaderFacts``."""
    url = blocks[0].text if blocks and is_url_line(blocks[0].text) else ""
    hint = url_month(url) if url else (0, 0)
    finds: list[MetadataFind | None] = [None] * len(blocks)
    seen: dict[str, int] = {}
    names_until = details_until = -1
    for i, (b, f) in enumerate(zip(blocks, feats, strict=True)):
        above = finds[i - 1] if i > 0 else None
        under_metadata = above is not None and above.label.label == "metadata"  # a run of date lines
        walk = HeaderWalk(
            url=url, url_hint=hint, near_top=i < region.start + META_LOOKAHEAD_BLOCKS or under_metadata,
            names_expected=i <= names_until, details_expected=i <= details_until,
            date_line_above=above is not None and above.date_line,
        )
        find = _source_url(i, walk) or _image(b) or _duplicate(b, f, seen)
        if find is None:
            key = text_key(b.text)
            if key:
                seen.setdefault(key, b.no)
            find = next((found for finder in METADATA_FINDERS
                         if (found := finder(i, blocks, f, region, walk, rules)) is not None), None)
        finds[i] = find
        if find is not None and find.names_follow:
            names_until = i + NAMES_BELOW_BYLINE_BLOCKS
        if find is not None and find.details_follow:
            details_until = i + 2
    found = [(i, x) for i, x in enumerate(finds) if x is not None]
    facts = HeaderFacts(
        url,
        tuple(a for _, x in found for a in x.authors),
        tuple(a for _, x in found for a in x.credit_authors),
        tuple(x.bio_author for _, x in found if x.bio_author),
        tuple((*x.date, i) for i, x in found if x.date),
    )
    return tuple(x.label if x else None for x in finds), facts


def _source_url(i: int, walk: HeaderWalk) -> MetadataFind | None:
    return MetadataFind(Label("metadata", False, "metadata: source URL")) if i == 0 and walk.url else None


def _image(block: Block) -> MetadataFind | None:
    return MetadataFind(Label("image", False, "boilerplate: image link")) if block.image else None


def _duplicate(block: Block, feats: Features, seen: dict[str, int]) -> MetadataFind | None:
    key = text_key(block.text)
    if key and key in seen and feats.words >= 2:
        return MetadataFind(Label("duplicate", False, f"duplicate: repeats block {seen[key]}"))
    return None


def _byline(i: int, blocks: Sequence[Block], f: Features, region: Region, walk: HeaderWalk,
            rules: Rules) -> MetadataFind | None:
    """A byline near the top: "By ...", a bare name beside a role or date, the role and handle
    lines under it, or the names under a "By:" line that gave none."""
    if not walk.near_top:
        return None
    text = blocks[i].text
    by = find_byline(text, rules)
    if by:
        prefix, names = by
        who = f"-> authors {', '.join(names)}" if names else "(names follow)"
        return MetadataFind(Label("byline", False, f"byline: '{prefix}' {who}"), authors=tuple(names),
                            names_follow=not names, details_follow=True)
    bare = find_bare_byline(text, rules) if not f.rules_boilerplate else None
    if bare and (bare[1] or walk.date_line_above or (i + 1 < len(blocks)
                                                     and is_author_detail(blocks[i + 1].text, rules))):
        # "Nourhan Fathy, Tuesday 13 Feb 2024": the name line may carry the date
        d = find_date(text, rules, fuzzy=True, hint=walk.url_hint) if bare[1] else None
        when = f", {'update' if d.updated else 'publication'} date {d.iso}" if d else ""
        return MetadataFind(Label("byline", False, f"byline: author name without 'By' -> {', '.join(bare[0])}{when}"),
                            authors=tuple(bare[0]), date=(d.iso, d.updated) if d else None, details_follow=True)
    if walk.details_expected and find_date(text, rules) is None and is_author_detail(text, rules):
        return MetadataFind(Label("byline", False, "byline: author details (role or handle) under the byline"))
    if walk.names_expected and not f.rules_boilerplate:
        names = find_name_line(text, rules)
        if names:
            return MetadataFind(Label("byline", False, f"byline: author name under the byline -> {', '.join(names)}"),
                                authors=tuple(names))
        if f.words <= 8 and not f.sentence_end:
            return MetadataFind(Label("byline", False, "byline: author details under the byline"))
    return None


def _date_line(i: int, blocks: Sequence[Block], f: Features, region: Region, walk: HeaderWalk,
               rules: Rules) -> MetadataFind | None:
    """A publication or update date line: near the top (numeric "11/28/05" and typo'd "Novemer 27,
    2005" dates included), or labelled as one anywhere ("Date Published: ..." at the foot)."""
    if f.words > MAX_DATE_LINE_WORDS:
        return None
    text = blocks[i].text
    if walk.near_top:
        d = find_date(text, rules, fuzzy=True, hint=walk.url_hint)
        if d:
            kind = "update" if d.updated else "publication"
            return MetadataFind(Label("metadata", False, f"metadata: {kind} date {d.iso}"),
                                authors=tuple(names_after_by(text, rules)), date=(d.iso, d.updated), date_line=True)
    if normalise_key(text).startswith(rules.published_prefixes):
        d = find_date(text, rules, fuzzy=True, hint=walk.url_hint)
        if d:
            return MetadataFind(Label("metadata", False, f"metadata: publication date {d.iso} (labelled line)"),
                                date=(d.iso, d.updated), date_line=True)
    return None


def _credit(i: int, blocks: Sequence[Block], f: Features, region: Region, walk: HeaderWalk,
            rules: Rules) -> MetadataFind | None:
    """A credit line anywhere ("Reporting by ...; editing by ...")."""
    credit = find_credit(blocks[i].text, rules) if f.words <= MAX_CREDIT_WORDS else None
    if credit is None:
        return None
    who = f" -> authors {', '.join(credit)}" if credit else ""
    return MetadataFind(Label("byline", False, f"byline: credit line{who}"), credit_authors=tuple(credit))


def _bio(i: int, blocks: Sequence[Block], f: Features, region: Region, walk: HeaderWalk,
         rules: Rules) -> MetadataFind | None:
    """An author's biography among the last blocks of the body."""
    if not (region.start <= i and i >= region.end - BIO_TAIL_BLOCKS and f.words >= MIN_BIO_WORDS):
        return None
    bio = find_bio(blocks[i].text, rules)
    return MetadataFind(Label("bio", False, f"bio: author biography of {bio}"), bio_author=bio) if bio else None


# The finders of label_metadata, in the order they are asked; each is pure: (block index, blocks,
# its features, the body region, what the blocks above say, the rules) -> a find or None.
METADATA_FINDERS = (_byline, _date_line, _credit, _bio)


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
