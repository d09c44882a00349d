"""Golden checks on the seed articles: the key dates of each one come out right.

Runs on the raw text (the cleaner is tested elsewhere); publication dates as the cleaner finds
them: 001 -> 2023-05-09, 002 -> 2024-09-09, 004 -> 2025-01-21, 000 and 003 unknown.
"""

from __future__ import annotations

import pytest

from pipeline.extract.dates import UNRESOLVED, extract_dates

PUBLISHED = {"000": "", "001": "2023-05-09", "002": "2024-09-09", "003": "", "004": "2025-01-21"}

# (seed, mention, value, granularity, anchor, qualifier); anchor "pub" = the publication date
EXPECTED = [
    ("001", "May 9th 2023", "2023-05-09", "day", "", ""),
    ("001", "last September", "2022-09", "month", "pub", ""),
    ("001", "Last year", "2022", "year", "pub", ""),
    ("001", "the first half of 2022", "2022-H1", "half", "", ""),
    ("001", "the 21st century", "20", "century", "", ""),
    ("001", "the 1950s", "195", "decade", "", ""),
    ("002", "September 9, 2024", "2024-09-09", "day", "", ""),
    ("002", "June to August 2024", "2024-06/2024-08", "range", "", ""),
    ("002", "the first half of 2024", "2024-H1", "half", "", ""),
    ("002", "the previous year", "2023", "year", "2024", ""),
    ("002", "early August 2024", "2024-08", "month", "", "early"),
    ("002", "March", "2024-03", "month", "pub", ""),
    ("004", "Jan 21, 2025", "2025-01-21", "day", "", ""),
    ("004", "January 17", "2025-01-17", "day", "pub", ""),
    ("004", "2016 to 2023", "2016/2023", "range", "", ""),
    ("000", "November 2022", "2022-11", "month", "", ""),
    ("000", "2030", "2030", "year", "", "by"),
    ("000", "July", "", "month", UNRESOLVED, ""),
    ("003", "November", "", "month", UNRESOLVED, "since"),
    ("003", "Last year", "", "year", UNRESOLVED, ""),
    ("003", "2028", "2028", "year", "", "by"),
]


@pytest.fixture(scope="module")
def seed_rows(nlp, repo_root):
    out = {}
    for seed, published in PUBLISHED.items():
        path = next((repo_root / "raw").glob(f"{seed}_*.txt"), None)
        if path is None:
            pytest.skip(f"seed {seed} not in raw/")
        doc = nlp(path.read_text(encoding="utf-8"))
        out[seed] = (doc, extract_dates(doc, doc_id=seed, published=published))
    return out


@pytest.mark.parametrize(("seed", "mention", "value", "granularity", "anchor", "qualifier"), EXPECTED)
def test_seed_key_dates(seed_rows, seed, mention, value, granularity, anchor, qualifier):
    _, rows = seed_rows[seed]
    hits = [r for r in rows if r.text == mention]
    assert hits, f"{mention!r} missing from seed {seed}: {[r.text for r in rows]}"
    r = hits[0]
    expected_anchor = PUBLISHED[seed] if anchor == "pub" else anchor
    assert (r.value, r.granularity, r.anchor, r.qualifier) == (value, granularity, expected_anchor, qualifier)


def test_seed_offsets_and_no_invented_values(seed_rows):
    for seed, (doc, rows) in seed_rows.items():
        assert rows, seed
        for r in rows:
            assert doc.text[r.start:r.end] == r.text
            if not PUBLISHED[seed] and r.anchor == UNRESOLVED:
                assert r.value == "" or r.value.endswith("_REF")
