"""The seeds' key figures, read from the real scraped paragraphs (with the real date extraction)."""

from __future__ import annotations

import pytest

from pipeline.extract.dates import extract_dates
from pipeline.extract.numbers import extract_numbers

# (seed file prefix, publication date, marker that picks the paragraph) -> {mention: expected fields}
CASES = [
    (
        "001",
        "2023-05-09",
        "26% of AI conference publications",
        {
            "26%": dict(value=26, unit="percent", measure="share of AI conference publications", as_of="2021"),
            "17%": dict(value=17, unit="percent", as_of="2021"),
        },
    ),
    (
        "001",
        "2023-05-09",
        "$13.5bn",
        {
            "$13.5bn": dict(value=13.5e9, unit="USD", kind="money", measure="private investments", as_of="2022"),
            "less than one-third": dict(qualifier="less_than", kind="fraction"),
        },
    ),
    (
        "001",
        "2023-05-09",
        "two or three years behind",
        {
            "two or three years": dict(value=2, value_max=3, unit="years", qualifier="range"),
        },
    ),
    (
        "002",
        "2024-09-09",
        "RMB 50 billion",
        {
            "RMB 50 billion": dict(value=50e9, unit="CNY", as_of="2024-H1"),
            "RMB 23 billion": dict(value=23e9, unit="CNY"),
        },
    ),
    (
        "002",
        "2024-09-09",
        "$3.7 billion",
        {
            "$3.7 billion": dict(value=3.7e9, unit="USD", measure="Nvidia’s revenue"),
        },
    ),
    (
        "003",
        "",
        "$564 billion",
        {
            "$564 billion": dict(value=564e9, unit="USD", as_of="2030"),
            "more than 40%": dict(value=40, qualifier="more_than"),
        },
    ),
    (
        "003",
        "",
        "2.5 times as much",
        {
            "about 2.5 times as much": dict(
                value=2.5, unit="times", qualifier="approx", measure="power-generation capacity"
            ),
        },
    ),
    (
        "003",
        "",
        "more than 600 colleges",
        {
            "more than 600": dict(value=600, unit="colleges", qualifier="more_than"),
        },
    ),
]


def _paragraph(repo_root, prefix: str, marker: str) -> str:
    (path,) = (repo_root / "raw").glob(f"{prefix}_*.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if marker in line:
            return line
    pytest.skip(f"seed {prefix} no longer contains {marker!r}")


@pytest.mark.parametrize(("prefix", "published", "marker", "expected"), CASES)
def test_seed_key_figures(nlp, repo_root, prefix, published, marker, expected):
    text = _paragraph(repo_root, prefix, marker)
    doc = nlp(text)
    rows = {r.text: r for r in extract_numbers(doc, doc_id=prefix, dates=extract_dates(doc, doc_id=prefix,
                                                                                      published=published))}
    for mention, fields in expected.items():
        assert mention in rows, f"{mention!r} not in {sorted(rows)}"
        for name, value in fields.items():
            got = getattr(rows[mention], name)
            assert got == (pytest.approx(value) if isinstance(value, float | int) else value), (mention, name, got)
