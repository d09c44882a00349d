"""Clean: RawDocument -> CleanDocument (article body, metadata, audit trail of every block).

The cascade, in order (each step's decision carries a reason that ends up in blocks.csv):

1. Split the raw text into blocks and repair them (``blocks``): normalise Unicode and spaces,
   split over-long lines, strip Markdown, remove junk glued into sentences, join drop caps.
2. Give each block generic features and a jusText-style class (``classify``).
3. Find the main body: the densest run of good text, never crossing a section marker into text
   that is off-topic (``spillover``).
4. Read metadata from the blocks around the body (``metadata``): title, subtitle, bylines,
   dates, credit lines, bios, outlet. User metadata wins over all of it.
5. Label every block (body, heading, title, subtitle, byline, metadata, bio, caption, image,
   duplicate, pull_quote, boilerplate, spillover, comments) and join the kept ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.clean.blocks import Block, split_blocks
from pipeline.clean.classify import (
    MAX_LINK_DENSITY,
    Features,
    block_features,
    block_weight,
    densest_region,
    initial_class,
    resolve_context,
)
from pipeline.clean.metadata import (
    find_bio,
    find_byline,
    find_credit,
    find_date,
    find_name_line,
    is_url_line,
    looks_like_title,
    names_after_by,
    outlet_from_copyright,
    outlet_from_text,
    outlet_from_url,
    url_date,
    url_month,
)
from pipeline.clean.metadata import MAX_DATE_LINE_WORDS
from pipeline.clean.rules import Rules, load_rules, normalise_key
from pipeline.clean.spillover import SPILLOVER_MAX_SIMILARITY, TopicModel
from pipeline.documents import CleanDocument, DocumentMeta, RawDocument
from pipeline.schema import BlockRow

__all__ = ["Rules", "clean_document", "count_words", "load_rules"]

# Metadata lines (dates, bylines) are looked for this many blocks into the body too: pages often
# put the byline and date under the first paragraph or the subtitle.
META_LOOKAHEAD_BLOCKS = 4
# Title candidates are looked for this many blocks above the body.
# When a page starts with its source URL, the first line after the URL (and date lines) is
# normally the headline: this bonus outweighs "followed by a date line" (+2.0) of a standfirst.
FIRST_LINE_TITLE_BONUS = 2.5
# A first line taken as the title when nothing but metadata is above the body may be this long.
MAX_FIRST_LINE_TITLE_WORDS = 40
TITLE_LOOKBACK_BLOCKS = 15
# A heading inside the body is short and has no sentence end.
MAX_HEADING_WORDS = 18
# A standfirst (subtitle) is at most this long.
MAX_SUBTITLE_WORDS = 60
MIN_SUBTITLE_WORDS = 6
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
# Standfirst lines (deck, bullet summary) between the title and the byline/date: at most this many.
MAX_STANDFIRST_BLOCKS = 4

_WORD = re.compile(r"\w+")
# "skills training.Remote-controlled robots": two captions glued by a scraper.
_GLUED_SENTENCES = re.compile(r"[a-z]{2}\.[A-Z][a-z]")
_ENDS_WITH_STOP = re.compile(r"\.[\"”’')\]]*$")
# A heading starts with a capital, maybe after an opening quote ("'We panicked'").
_HEADING_START = re.compile(r"[\"'“‘]?[A-Z]")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def clean_document(raw: RawDocument, *, rules: Rules | None = None) -> CleanDocument:
    """Reduce one raw document to its article body and metadata, recording every block's fate."""
    rules = rules or load_rules()
    if raw.problem or not raw.text.strip():
        return CleanDocument(raw.doc_id, "", (), _user_meta(raw, DocumentMeta()), count_words(raw.text), 0)
    blocks = split_blocks(raw.text, rules=rules)
    feats = [block_features(b, rules) for b in blocks]
    decided = _decide(blocks, feats, rules)
    rows = tuple(
        BlockRow(raw.doc_id, b.no, label, kept, reason, b.raw) for b, (label, kept, reason) in zip(blocks, decided.labels)
    )
    parts = [
        blocks[i].text for i, (label, kept, _) in enumerate(decided.labels)
        if kept and label != "title" and blocks[i].joined_into < 0 and blocks[i].text
    ]
    text = "\n\n".join(parts) + ("\n" if parts else "")
    meta = _user_meta(raw, decided.meta)
    return CleanDocument(raw.doc_id, text, rows, meta, count_words(raw.text), count_words(text))


def _user_meta(raw: RawDocument, inferred: DocumentMeta) -> DocumentMeta:
    """User-supplied metadata (front matter or sidecar) wins field by field over inference."""
    user = raw.user_meta
    published, basis = inferred.published, inferred.published_basis
    if user.published:
        published, basis = user.published, "metadata"
    return DocumentMeta(
        title=user.title or inferred.title,
        authors=user.authors or inferred.authors,
        published=published,
        published_basis=basis,
        outlet=user.outlet or inferred.outlet,
        url=user.url or inferred.url,
    )


class _Decision:
    def __init__(self, labels: list[tuple[str, bool, str]], meta: DocumentMeta) -> None:
        self.labels = labels
        self.meta = meta


def _decide(blocks: Sequence[Block], feats: Sequence[Features], rules: Rules) -> _Decision:
    n = len(blocks)
    classes0 = [initial_class(b, f) for b, f in zip(blocks, feats)]
    classes = resolve_context(classes0)
    topic = TopicModel([b.text for b in blocks], rules.stopwords)

    # 3. Main body region, cut at a marker when what follows is off-topic.
    start, end = densest_region([block_weight(c, f) for c, f in zip(classes0, feats)])
    spill_reason: dict[int, str] = {}
    for m in range(start + 1, end):
        if not feats[m].marker:
            continue
        before = [i for i in range(start, m) if classes[i] == "good"]
        after = [i for i in range(m + 1, end) if classes[i] == "good"]
        if before and after and topic.similarity(after, before) < SPILLOVER_MAX_SIMILARITY:
            end = m
            break
    body_ref = [i for i in range(start, end) if classes[i] == "good"]

    labels: list[tuple[str, bool, str] | None] = [None] * n
    authors: list[str] = []
    bio_authors: list[str] = []
    credit_authors: list[str] = []
    dates: list[tuple[str, bool, int]] = []
    seen: dict[str, int] = {}

    # 4a. Structural and metadata blocks, wherever they are.
    expect_names_until = -1
    url = blocks[0].text if blocks and is_url_line(blocks[0].text) else ""
    hint = url_month(url) if url else (0, 0)
    for i, (b, f) in enumerate(zip(blocks, feats)):
        # A run of date lines ("PUBLISHED: ..." then "UPDATED: ...") may reach past the lookahead.
        after_date = i > 0 and labels[i - 1] is not None and labels[i - 1][2].startswith("metadata: ")
        near_top = i < start + META_LOOKAHEAD_BLOCKS or after_date
        if i == 0 and url:
            labels[i] = ("metadata", False, "metadata: source URL")
            continue
        if b.image:
            labels[i] = ("image", False, "boilerplate: image link")
            continue
        key = _key(b.text)
        if key and key in seen and f.words >= 2:
            labels[i] = ("duplicate", False, f"duplicate: repeats block {seen[key]}")
            continue
        if key:
            seen.setdefault(key, b.no)
        if near_top:
            by = find_byline(b.text, rules)
            if by:
                prefix, names = by
                authors.extend(names)
                if not names:
                    expect_names_until = i + 6
                labels[i] = ("byline", False, f"byline: '{prefix}' " + (f"-> authors {', '.join(names)}" if names else "(names follow)"))
                continue
            if i <= expect_names_until and not f.rules_boilerplate:
                names = find_name_line(b.text, rules)
                if names:
                    authors.extend(names)
                    labels[i] = ("byline", False, f"byline: author name under the byline -> {', '.join(names)}")
                    continue
                if f.words <= 8 and not f.sentence_end:
                    labels[i] = ("byline", False, "byline: author details under the byline")
                    continue
            # Header lines may carry numeric ("11/28/05") or typo'd ("Novemer 27, 2005") dates.
            d = find_date(b.text, rules, fuzzy=True, hint=hint) if f.words <= MAX_DATE_LINE_WORDS else None
            if d:
                dates.append((d.iso, d.updated, i))
                authors.extend(names_after_by(b.text, rules))
                labels[i] = ("metadata", False, f"metadata: {'update' if d.updated else 'publication'} date {d.iso}")
                continue
        if f.words <= MAX_DATE_LINE_WORDS and normalise_key(b.text).startswith(rules.published_prefixes):
            # "Date Published: Tuesday, November 15, 2011" at the foot of the page.
            d = find_date(b.text, rules, fuzzy=True, hint=hint)
            if d:
                dates.append((d.iso, d.updated, i))
                labels[i] = ("metadata", False, f"metadata: publication date {d.iso} (labelled line)")
                continue
        credit = find_credit(b.text, rules) if f.words <= 60 else None
        if credit is not None:
            credit_authors.extend(credit)
            who = f" -> authors {', '.join(credit)}" if credit else ""
            labels[i] = ("byline", False, f"byline: credit line{who}")
            continue
        if i >= start and (i >= end - 3 or i >= end) and f.words >= 8:
            bio = find_bio(b.text, rules)
            if bio and (i >= end - 3):
                bio_authors.append(bio)
                labels[i] = ("bio", False, f"bio: author biography of {bio}")
                continue

    # 4b. Title and subtitle above the body.
    title_i = _find_title(blocks, feats, labels, start)
    title = blocks[title_i].text if title_i >= 0 else ""
    if title_i >= 0:
        labels[title_i] = ("title", False, "title: headline above the article body")
        title_key = _key(title)
        for j in range(n):
            lab = labels[j]
            if lab is not None and lab[0] == "duplicate" and _key(blocks[j].text) == title_key:
                labels[j] = ("duplicate", False, f"duplicate: repeats the title (block {title_i})")

        _label_standfirst(blocks, feats, labels, title_i, start)

    # 4c. Pull quotes: a block whose text sits inside a longer kept-looking block.
    long_keys = [(i, _key(blocks[i].text)) for i in body_ref]
    for i in range(n):
        if labels[i] is not None or feats[i].words < MIN_PULL_QUOTE_WORDS:
            continue
        k = _key(blocks[i].text)
        for j, lk in long_keys:
            if j != i and len(lk) > len(k) and k in lk:
                labels[i] = ("pull_quote", False, f"pull_quote: repeats a sentence of block {blocks[j].no}")
                break

    # 5. Everything else by position: header, body, tail.
    marker_kind, marker_text = "", ""
    after_image = False
    for i, (b, f, c) in enumerate(zip(blocks, feats, classes)):
        if f.marker and i >= end and body_ref:
            marker_kind, marker_text = f.marker, b.text
        if labels[i] is not None:
            after_image = b.image
            continue
        if b.joined_into >= 0:
            labels[i] = ("body", True, f"repair: drop cap joined to block {b.joined_into}")
        elif i < start:
            labels[i] = _header_label(b, f, title_i, i, classes0[i], after_image)
        elif i < end:
            labels[i] = _body_label(b, f, c, after_image, blocks, classes, i, end, feats)
        else:
            labels[i] = _tail_label(b, f, classes0[i], marker_kind, marker_text, topic, i, body_ref)
        after_image = b.image

    # A standfirst between the body's start and a byline just below it is a subtitle.
    for k in range(start, min(end, start + META_LOOKAHEAD_BLOCKS)):
        if labels[k] and labels[k][0] == "byline":
            for j in range(start, k):
                lab = labels[j]
                if lab and lab[0] == "body" and feats[j].words <= MAX_SUBTITLE_WORDS:
                    labels[j] = ("subtitle", True, "subtitle: standfirst above the byline")
            break

    _keep_prose_between_body(blocks, feats, labels, start, end)

    # Drop caps follow the block they were joined to.
    final = [lab for lab in labels if lab is not None]
    for i, b in enumerate(blocks):
        if b.joined_into >= 0:
            kept = final[b.joined_into][1]
            final[i] = ("body" if kept else final[b.joined_into][0], kept, f"repair: drop cap joined to block {b.joined_into}")

    for i, b in enumerate(blocks):
        label, kept, reason = final[i]
        missing = [note for note in b.notes if note not in reason]
        if missing:
            final[i] = (label, kept, f"{reason}; {'; '.join(missing)}")

    meta = _metadata(blocks, final, title, authors or credit_authors or bio_authors, dates, rules, url=url)
    return _Decision(final, meta)


def _label_standfirst(
    blocks: Sequence[Block], feats: Sequence[Features], labels: list, title_i: int, start: int
) -> None:
    """Lines between the title and the byline/date (a standfirst, a deck of bullet points) are subtitles.

    A run of up to MAX_STANDFIRST_BLOCKS prose lines under the title counts when it ends at a
    byline or date line or lies above the body; otherwise only a Markdown heading right under
    the title does.
    """
    n = len(labels)
    run: list[int] = []
    ends_at_meta = False
    for j in range(title_i + 1, min(n, title_i + 1 + MAX_STANDFIRST_BLOCKS + 1)):
        lab = labels[j]
        if lab is not None and lab[0] == "image":
            if not run:
                break  # what follows a picture is its caption, not a standfirst
            continue  # a picture between the standfirst and the byline
        if lab is not None:
            if run or lab[0] not in ("byline", "metadata"):
                ends_at_meta = bool(run) and lab[0] in ("byline", "metadata")
                break
            continue  # a date line right under the title, standfirst below it
        if run and run[-1] < start <= j:
            break  # a standfirst above the body ends where the body starts
        if len(run) == MAX_STANDFIRST_BLOCKS or feats[j].rules_boilerplate or feats[j].marker:
            break
        if not (MIN_SUBTITLE_WORDS <= feats[j].words <= MAX_SUBTITLE_WORDS):
            break
        run.append(j)
    if not run:
        j = title_i + 1
        if j < n and labels[j] is None and blocks[j].heading:
            labels[j] = ("subtitle", True, "subtitle: standfirst under the title")
        return
    if ends_at_meta or all(j < start for j in run):
        for j in run:
            labels[j] = ("subtitle", True, "subtitle: standfirst under the title")
    elif blocks[run[0]].heading:
        labels[run[0]] = ("subtitle", True, "subtitle: standfirst under the title")


def _keep_prose_between_body(
    blocks: Sequence[Block], feats: Sequence[Features], labels: list, start: int, end: int
) -> None:
    """A run of prose lines dropped as short/UI text between two body blocks is body after all.

    One-sentence-per-paragraph text loses a final full stop now and then ("... conservation of
    turtles"); between body paragraphs such a line is a sentence of the story, not chrome.
    """
    def candidate(i: int) -> bool:
        lab, f, text = labels[i], feats[i], blocks[i].text
        return (
            lab is not None
            and lab[0] == "boilerplate"
            and "short non-sentence" in lab[2]
            and not f.rules_boilerplate
            and not f.marker
            and f.words >= MIN_SANDWICH_WORDS
            and f.stop_density >= MIN_SANDWICH_STOP_DENSITY
            and f.link_density <= MAX_LINK_DENSITY
            and text[:1].isupper()
        )

    def is_body(i: int) -> bool:
        return 0 <= i < len(labels) and labels[i] is not None and labels[i][0] == "body"

    i = start
    while i < end:
        if not candidate(i):
            i += 1
            continue
        j = i
        while j < end and candidate(j):
            j += 1
        if is_body(i - 1) and is_body(j):
            for k in range(i, j):
                labels[k] = ("body", True, f"body: prose line between body paragraphs (stop-word density {feats[k].stop_density:.2f})")
        i = j


def _find_title(blocks: Sequence[Block], feats: Sequence[Features], labels: list, start: int) -> int:
    """The headline: a Markdown H1 near the top, else the most title-like block above the body."""
    for i in range(min(len(blocks), max(start, 1) + 2)):
        if blocks[i].heading == 1 and labels[i] is None:
            return i
    best, best_score = -1, 0.0
    lo = max(0, start - TITLE_LOOKBACK_BLOCKS)
    for i in range(lo, start):
        b, f = blocks[i], feats[i]
        if labels[i] is not None or f.rules_boilerplate or f.marker or not looks_like_title(b.text, words=f.words):
            continue
        score = 1.0 - 0.05 * (start - i)
        if labels[0] is not None and labels[0][2] == "metadata: source URL" and all(
            lab is not None for lab in labels[:i]
        ):
            # Source URL, maybe date lines, then the headline: the first line after them.
            score += FIRST_LINE_TITLE_BONUS
        following = [lab for lab in labels[i + 1 : i + 5] if lab is not None]
        if any(lab[0] in ("byline", "metadata") for lab in following):
            score += 2.0
        if any(lab[0] == "duplicate" and lab[2].endswith(f"block {b.no}") for lab in labels if lab):
            score += 1.0
        if b.heading:
            score += 0.5
        if f.words >= 5:
            score += 0.5
        if score > best_score:
            best, best_score = i, score
    if best < 0 and 0 <= start < len(blocks) - 1 and all(lab is not None for lab in labels[:start]):
        # Nothing but metadata (source URL, date line) above the body: a headline-shaped first
        # line ("Did the earth move for you?") followed by a longer paragraph or by a date or
        # byline line is the title, even when it is long (tabloid headlines run to 30-40 words).
        f, text = feats[start], blocks[start].text
        nxt_meta = any(lab is not None and lab[0] in ("byline", "metadata") for lab in labels[start + 1 : start + 1 + META_LOOKAHEAD_BLOCKS])
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


def _header_label(
    b: Block, f: Features, title_i: int, i: int, cls0: str, after_image: bool
) -> tuple[str, bool, str]:
    if after_image and f.words <= MAX_CAPTION_WORDS and not f.rules_boilerplate:
        return ("caption", False, "caption: text under an image")
    if b.heading:
        return ("heading", False, "heading: section label above the article")
    if f.rules_boilerplate:
        return ("boilerplate", False, f"boilerplate: {f.rules_boilerplate}")
    if f.marker:
        return ("boilerplate", False, f"boilerplate: section marker '{b.text}' above the article")
    return ("boilerplate", False, "boilerplate: page header before the article body (navigation, teasers)")


def _body_label(
    b: Block,
    f: Features,
    c: str,
    after_image: bool,
    blocks: Sequence[Block],
    classes: Sequence[str],
    i: int,
    end: int,
    feats: Sequence[Features] = (),
) -> tuple[str, bool, str]:
    if f.marker:
        return ("boilerplate", False, f"boilerplate: section marker '{b.text}' inside the body")
    if f.rules_boilerplate:
        return ("boilerplate", False, f"boilerplate: {f.rules_boilerplate}")
    if after_image and f.words <= MAX_CAPTION_WORDS and c != "good":
        return ("caption", False, "caption: text under an image")
    if f.words <= MAX_CAPTION_WORDS and _GLUED_SENTENCES.search(b.text):
        return ("caption", False, "caption: caption fragments glued together (no space after a sentence end)")
    notes = f"; {'; '.join(b.notes)}" if b.notes else ""
    nxt = next((j for j in range(i + 1, end) if classes[j] == "good" or (feats and feats[j].sentence)), -1)
    if (
        (b.heading or (f.words <= MAX_HEADING_WORDS and not f.sentence_end and not f.sentence))
        and nxt == i + 1
        and _HEADING_START.match(b.text)
        and f.link_density <= 0.2
    ):
        return ("heading", True, "heading: section heading inside the body" + notes)
    if c == "good":
        return ("body", True, "body: prose inside the main text region" + notes)
    if (
        f.sentence_end
        and f.words >= MIN_LENIENT_WORDS
        and f.stop_density >= MIN_REGION_STOP_DENSITY
        and f.link_density <= MAX_LINK_DENSITY
    ):
        return ("body", True, f"body: sentence inside the main text region (stop-word density {f.stop_density:.2f})" + notes)
    if f.sentence:
        return ("body", True, f"body: complete sentence inside the main text region ({f.words} words)" + notes)
    if f.link_density > 0.2:
        return ("boilerplate", False, f"boilerplate: link-heavy block (link density {f.link_density:.2f})")
    if f.words < MIN_LENIENT_WORDS or not f.sentence_end:
        return ("boilerplate", False, "boilerplate: short non-sentence block inside the body (UI text)")
    return ("boilerplate", False, f"boilerplate: list-like text (stop-word density {f.stop_density:.2f})")


def _tail_label(
    b: Block, f: Features, cls0: str, marker_kind: str, marker_text: str, topic: TopicModel, i: int, body_ref: list[int]
) -> tuple[str, bool, str]:
    if f.marker:
        kind = {"spillover": "spillover", "comments": "comments"}.get(f.marker, "boilerplate")
        return (kind, False, f"{kind}: section marker '{b.text}' ends the article")
    prose = cls0 in ("good", "near")
    sim = topic.similarity([i], body_ref) if prose and body_ref else 0.0
    if f.rules_boilerplate:
        return ("boilerplate", False, f"boilerplate: {f.rules_boilerplate}")
    if marker_kind == "spillover":
        extra = f" (topic similarity {sim:.2f})" if prose else ""
        return ("spillover", False, f"spillover: follows '{marker_text}' marker{extra}")
    if marker_kind == "comments":
        return ("comments", False, f"comments: follows '{marker_text}' marker")
    if marker_kind == "footer":
        return ("boilerplate", False, f"boilerplate: follows '{marker_text}' marker (footer)")
    if prose and sim < SPILLOVER_MAX_SIMILARITY:
        return ("spillover", False, f"spillover: prose after the article, unrelated to it (topic similarity {sim:.2f})")
    return ("boilerplate", False, "boilerplate: after the article body (footer, teasers, comments)")


def _metadata(
    blocks: Sequence[Block],
    labels: Sequence[tuple[str, bool, str]],
    title: str,
    authors: Sequence[str],
    dates: Sequence[tuple[str, bool, int]],
    rules: Rules,
    *,
    url: str = "",
) -> DocumentMeta:
    published, basis = "", ""
    ordered = [d for d in dates if not d[1]] or list(dates)
    if ordered:
        iso, _, i = ordered[0]
        published, basis = iso, f"text: '{blocks[i].raw}'"
    elif url:
        iso, part = url_date(url)
        if iso:
            published, basis = iso, f"url: '{part}'"
    kept_texts = [blocks[i].text for i, lab in enumerate(labels) if lab[1]]
    outlet, _ = outlet_from_text(kept_texts + [b.text for b in blocks], rules)
    if not outlet:
        for b in reversed(blocks):
            outlet = outlet_from_copyright(b.text)
            if outlet:
                break
    if not outlet and url:
        outlet = outlet_from_url(url, rules)
    return DocumentMeta(
        title=title,
        authors=tuple(dict.fromkeys(authors)),
        published=published,
        published_basis=basis,
        outlet=outlet,
        url=url,
    )
