"""Clean: RawDocument -> CleanDocument (article body, metadata, audit trail of every block).

STUB: splits on blank lines and keeps everything. To be replaced by the real cleaner.
"""

from __future__ import annotations

import re

from pipeline.documents import CleanDocument, DocumentMeta, RawDocument
from pipeline.schema import BlockRow


def count_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def clean_document(raw: RawDocument, *, rules: object | None = None) -> CleanDocument:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw.text) if b.strip()]
    rows = tuple(BlockRow(raw.doc_id, i, "body", True, "body: kept", b) for i, b in enumerate(blocks))
    text = "\n\n".join(blocks) + "\n"
    meta = DocumentMeta(
        title=raw.user_meta.title, authors=raw.user_meta.authors, published=raw.user_meta.published,
        published_basis="metadata" if raw.user_meta.published else "", outlet=raw.user_meta.outlet,
        url=raw.user_meta.url,
    )
    return CleanDocument(raw.doc_id, text, rows, meta, count_words(raw.text), count_words(text))
