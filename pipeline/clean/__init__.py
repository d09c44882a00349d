"""Clean: RawDocument -> CleanDocument (article body, metadata, audit trail of every block).

The cascade, in order; each step takes and returns values, and every decision carries a
reason that ends up in blocks.csv:

1. ``split_blocks``: split the raw text into blocks and repair them (normalise Unicode and
   spaces, split over-long lines, strip Markdown, remove junk glued into sentences, join drop caps).
2. ``block_features``: generic features per block (length, stop-word and link density, rules), with
   the stop words of the document's language (``language``: English unless the text is clearly
   another) and, outside English, sentence ends counting as prose.
3. ``find_region``: the main body, the densest run of good text, cut at a section marker when
   what follows is another story.
4. ``label_metadata``: source URL, images, duplicates, bylines, date lines, credits and bios.
5. ``label_title``: the headline above the body and the standfirst under it.
6. ``label_pull_quotes``: blocks repeated inside longer body blocks.
7. ``label_by_position``: every other block as header, body or tail (spillover, comments, footer).
8. ``label_subtitle_above_byline`` and 9. ``keep_prose_between_body``: two repairs of step 7.
10. ``finish_labels``: drop caps follow their block; repair notes join the reasons.

Then the metadata is assembled (user metadata wins over all of it) and the kept blocks joined,
the headline first: headlines make claims too, so they are compared like the body.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from pipeline.clean.blocks import Block, split_blocks
from pipeline.clean.classify import block_features
from pipeline.clean.header import HeaderFacts, label_metadata, label_title
from pipeline.clean.labels import (
    Label,
    finish_labels,
    keep_prose_between_body,
    label_by_position,
    label_pull_quotes,
    label_subtitle_above_byline,
)
from pipeline.clean.language import ENGLISH, count_words, detect_language, english_only_note, language_profile
from pipeline.clean.metadata import outlet_from_copyright, outlet_from_text, outlet_from_url, url_date
from pipeline.clean.region import find_region
from pipeline.clean.rules import Rules, load_rules
from pipeline.documents import CleanDocument, DocumentMeta, Failure, RawDocument, error_reason
from pipeline.schema import BlockRow

__all__ = ["MAX_WORDS", "Rules", "clean_document", "clean_or_failure", "count_words", "english_only_note", "load_rules",
           "why_unusable"]

# An article longer than this is not one news article (the longest long-reads run to 20,000
# words); past it spaCy's time and memory grow with no benefit, so the document is refused.
MAX_WORDS = 60_000

def why_unusable(doc: CleanDocument) -> str:
    """Why a cleaned document cannot be compared (nothing left, far too long); '' when it can."""
    if doc.words_clean == 0:
        removed = Counter(b.label for b in doc.blocks if not b.kept)
        what = ", ".join(f"{n} {label}" for label, n in removed.most_common(3))
        return f"cleaning kept no article text ({len(doc.blocks)} blocks removed: {what})" if what else (
            "no article text")
    if doc.words_clean > MAX_WORDS:
        return f"too long for one article ({doc.words_clean:,} words after cleaning; limit {MAX_WORDS:,})"
    return ""


def clean_or_failure(raw: RawDocument, *, rules: Rules) -> CleanDocument | Failure:
    """One document cleaned, or why not: an error (one bad document must not stop the others), or
    nothing usable kept ("skipped", every block kept on record)."""
    try:
        doc = clean_document(raw, rules=rules)
    except Exception as exc:
        return Failure(raw.doc_id, "error", f"clean failed: {error_reason(exc)}")
    problem = why_unusable(doc)
    return Failure(raw.doc_id, "skipped", problem, blocks=doc.blocks) if problem else doc


def clean_document(raw: RawDocument, *, rules: Rules | None = None) -> CleanDocument:
    """Reduce one raw document to its article body and metadata, recording every block's fate."""
    rules = rules or load_rules()
    if raw.problem or not raw.text.strip():
        return CleanDocument(raw.doc_id, "", (), _user_meta(raw, DocumentMeta()), count_words(raw.text), 0)
    blocks = split_blocks(raw.text, rules=rules)  # 1.
    language = language_profile(detect_language([b.text for b in blocks]), rules.stopwords)
    if language.code != ENGLISH:
        rules = dataclasses.replace(rules, stopwords=rules.stopwords | language.stopwords)
    feats = tuple(block_features(b, rules, language) for b in blocks)  # 2.
    region = find_region(blocks, feats, rules)  # 3.
    labels, facts = label_metadata(blocks, feats, region, rules)  # 4.
    labels, title_i = label_title(blocks, feats, labels, region)  # 5.
    labels = label_pull_quotes(blocks, feats, labels, region)  # 6.
    labels = label_by_position(blocks, feats, labels, region)  # 7.
    labels = label_subtitle_above_byline(feats, labels, region)  # 8.
    labels = keep_prose_between_body(blocks, feats, labels, region)  # 9.
    final = finish_labels(blocks, labels)  # 10.
    if raw.extractor == "trafilatura":
        final = _trust_extracted_article(final)

    title = blocks[title_i].text if title_i >= 0 else ""
    rows = tuple(BlockRow(raw.doc_id, b.no, *lab, b.raw) for b, lab in zip(blocks, final, strict=True))
    rows += _left_out_rows(raw, first_no=len(blocks))
    body = _join_kept(blocks, final)
    head = f"{title}\n\n" if title and body else ""
    text = head + body
    meta = _user_meta(raw, _metadata(blocks, final, title, facts, rules))
    return CleanDocument(raw.doc_id, text, rows, meta, count_words(raw.text), count_words(text), len(head),
                         language.code)


def _join_kept(blocks: Sequence[Block], labels: Sequence[Label]) -> str:
    """The body: kept blocks (the title aside; drop caps live in their joined block), blank-line separated."""
    parts = [
        b.text for b, lab in zip(blocks, labels, strict=True)
        if lab.kept and lab.label != "title" and b.joined_into < 0 and b.text
    ]
    return "\n\n".join(parts) + ("\n" if parts else "")


LEFT_OUT_LABEL = "outside_article"
# On an article trafilatura extracted from HTML, the cleaner's removals are kept only for these
# labels (another story appended, bylines, date lines); its other removals (by position,
# duplicates, captions) cost more article text than they save: F1 0.966 with these, 0.956 with
# all of them (``python -m pipeline bench cleaning --html``; see docs/cleaning.md).
REMOVED_FROM_EXTRACTED = frozenset({"spillover", "byline", "dateline", "metadata", "comments"})


def _trust_extracted_article(labels: Sequence[Label]) -> tuple[Label, ...]:
    return tuple(
        lab if lab.kept or lab.label in REMOVED_FROM_EXTRACTED or lab.label == "title"
        else Label("body", True, f"inside the article trafilatura extracted (the text alone looked like "
                                 f"{lab.label}: {lab.reason})")
        for lab in labels
    )


def _left_out_rows(raw: RawDocument, first_no: int) -> tuple[BlockRow, ...]:
    """An HTML page's paragraphs that trafilatura left out of the article, numbered after the
    article's blocks in page order: removed, but on the record."""
    reason = "HTML page: outside the article trafilatura extracted (navigation, related links, footer ...)"
    return tuple(BlockRow(raw.doc_id, first_no + i, LEFT_OUT_LABEL, False, reason, text)
                 for i, text in enumerate(raw.left_out))


def _user_meta(raw: RawDocument, inferred: DocumentMeta) -> DocumentMeta:
    """Field by field: what the user supplied (front matter or sidecar) wins, then what an HTML
    page says about itself, then what the cleaner inferred from the text."""
    user, page = raw.user_meta, raw.page_meta
    published, basis = inferred.published, inferred.published_basis
    if page.published:
        published, basis = page.published, "page metadata"
    if user.published:
        published, basis = user.published, "metadata"
    return DocumentMeta(
        title=user.title or page.title or inferred.title,
        authors=user.authors or page.authors or inferred.authors,
        published=published,
        published_basis=basis,
        outlet=user.outlet or page.outlet or inferred.outlet,
        url=user.url or page.url or inferred.url,
    )


def _metadata(
    blocks: Sequence[Block], labels: Sequence[Label], title: str, facts: HeaderFacts, rules: Rules
) -> DocumentMeta:
    """Publication date, outlet and URL from what the header steps found; authors from bylines,
    else credit lines, else bios."""
    url, dates = facts.url, facts.dates
    authors = facts.authors or facts.credit_authors or facts.bio_authors
    published, basis = "", ""
    ordered = [d for d in dates if not d[1]] or list(dates)
    if ordered:
        iso, _, i = ordered[0]
        published, basis = iso, f"text: '{blocks[i].raw}'"
    elif url:
        iso, part = url_date(url)
        if iso:
            published, basis = iso, f"url: '{part}'"
    kept_texts = [blocks[i].text for i, lab in enumerate(labels) if lab.kept]
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
