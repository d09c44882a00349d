"""Headline and authors on pages in the styles unseen sites use (tests/data/metadata, our own
pages): bare names under the headline with a role, a handle or a date, names with a role after
a comma or a bar, widget lines above the headline, a standfirst between headline and byline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import ingest
from pipeline.bench.metadata import DEFAULT_PAGES, score_pages
from pipeline.clean import clean_document, load_rules
from pipeline.clean.metadata import find_bare_byline, is_author_detail

EXPECTED = {k: v for k, v in json.loads((DEFAULT_PAGES / "expected.json").read_text()).items() if k[0] != "_"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_and_authors(name):
    meta = clean_document(ingest.read_document(name, (DEFAULT_PAGES / name).read_bytes(), doc_id="d")).meta
    assert meta.title == EXPECTED[name]["title"]
    assert list(meta.authors) == EXPECTED[name]["authors"]


def test_the_benchmark_scores_every_page():
    rows = score_pages(DEFAULT_PAGES)
    assert len(rows) == len(EXPECTED) and all(r[1] and r[2] for r in rows)


def test_bare_bylines_need_a_role_a_handle_or_a_date_and_no_page_furniture():
    rules = load_rules()
    assert find_bare_byline("Priya Raman", rules) == (("Priya Raman",), False)
    assert find_bare_byline("Amara Nwosu | Senior Fellow, Food Security Program", rules) == (("Amara Nwosu",), True)
    assert find_bare_byline("Fatima Zahra • 27 January 2026", rules) == (("Fatima Zahra",), True)
    for furniture in ("Next Post", "Home Music Music News", "Related Topics", "Getty Images",
                      "Officials said the fire started at night.", "Amara Nwosu | Subscribe now to read more"):
        assert find_bare_byline(furniture, rules) is None, furniture
    assert is_author_detail("Business reporter", rules) and is_author_detail("@danawhitfield", rules)
    assert not is_author_detail("Flooding", rules)


def test_a_bare_name_without_a_role_or_date_beside_it_stays_text(tmp_path: Path):
    text = ("Flood barrier fails in Corvale\n\nPriya Raman\n\nA flood barrier built to protect the town "
            "failed on Tuesday as the river reached its highest level since records began.\n\n"
            "About 300 homes were evacuated, according to the county council.\n")
    meta = clean_document(ingest.read_document("a.txt", text.encode(), doc_id="d")).meta
    assert meta.authors == ()
