"""Metadata benchmark: headline and authors on pages in varied styles, against expectations.

The default pages (``tests/data/metadata``) were written for this project in the styles the
cleaner meets on unseen sites: a bare name under the headline with a role or a handle, names
with roles after a comma or a bar, widget lines above the headline, a standfirst between the
headline and the byline. ``expected.json`` maps each file to its title and authors. Any folder
of the same shape can be measured with ``--pages``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pipeline import ingest
from pipeline.clean import clean_document

# In a checkout (the pages are test data, not installed with the package).
DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "tests" / "data" / "metadata"


def score_pages(pages_dir: Path) -> list[tuple[str, bool, bool, str, tuple[str, ...]]]:
    """(file, title right, authors right, title found, authors found) per page of ``expected.json``."""
    expected = json.loads((pages_dir / "expected.json").read_text(encoding="utf-8"))
    rows = []
    for name, want in sorted(expected.items()):
        if name.startswith("_"):
            continue
        raw = ingest.read_document(name, (pages_dir / name).read_bytes(), doc_id=Path(name).stem)
        meta = clean_document(raw).meta
        rows.append((name, meta.title == want["title"], list(meta.authors) == want["authors"],
                     meta.title, meta.authors))
    return rows


def run_metadata_bench(*, pages_dir: Path | None, log: Callable[[str], None]) -> int:
    pages_dir = Path(pages_dir or DEFAULT_PAGES)
    if not (pages_dir / "expected.json").is_file():
        log(f"metadata benchmark: no expected.json in {pages_dir}")
        return 2
    rows = score_pages(pages_dir)
    for name, title_ok, authors_ok, title, authors in rows:
        if not (title_ok and authors_ok):
            log(f"  {name}: title {'ok' if title_ok else repr(title)}; authors {'ok' if authors_ok else authors}")
    titles, authors = sum(r[1] for r in rows), sum(r[2] for r in rows)
    log(f"metadata titles={titles}/{len(rows)} authors={authors}/{len(rows)} pages={len(rows)}")
    return 0
