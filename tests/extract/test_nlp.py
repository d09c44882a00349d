"""Sentence boundaries of the project's spaCy pipeline (``paragraph_breaks``): where the parser
alone splits or joins sentences wrongly on news text."""

from __future__ import annotations

import pytest


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_paragraph_break_ends_a_headline(nlp):
    assert _sentences(nlp, "Ferry capsizes off Halmera\n\nAt least 31 people died on Monday.") == [
        "Ferry capsizes off Halmera", "At least 31 people died on Monday."]


def test_a_name_opening_a_paragraph_is_not_a_sentence_of_its_own(nlp):
    # the parser alone reads "Brightwell" as a sentence and "Foods reported ..." as the next
    text = ("Brightwell cuts forecast as profit falls\n\nBrightwell Foods reported third-quarter revenue of "
            "$4.1 billion on Wednesday, up 6% from a year earlier.")
    assert _sentences(nlp, text) == [
        "Brightwell cuts forecast as profit falls",
        "Brightwell Foods reported third-quarter revenue of $4.1 billion on Wednesday, up 6% from a year earlier."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Profit dropped to $310m. Its stock slid 11% on Wednesday.",
     ["Profit dropped to $310m.", "Its stock slid 11% on Wednesday."]),
    ("The train derailed shortly before 7 p.m. Officials said four coaches left the track.",
     ["The train derailed shortly before 7 p.m.", "Officials said four coaches left the track."]),
    ("The deal was signed by Apple Inc. The company said it would close in May.",
     ["The deal was signed by Apple Inc.", "The company said it would close in May."]),
])
def test_an_abbreviation_that_swallowed_its_full_stop_ends_the_sentence(nlp, text, expected):
    assert _sentences(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The ship was escorted by the U.S. Navy on Tuesday.",
    "Trading closed at 4 p.m. Friday with shares down 3%.",
    "Mr. Smith said the fire began near St. Louis.",
])
def test_an_abbreviation_before_a_name_or_a_day_stays_in_its_sentence(nlp, text):
    assert _sentences(nlp, text) == [text]


def test_a_name_of_number_words_alone_is_a_count(nlp):
    # after a headline, the small model tags the paragraph's first word "Sixty" as a product, and a
    # name owns its digits: the count was lost
    text = ("Kessa dam collapse\n\nSixty people are missing after the collapse of the 56-year-old Kessa dam, "
            "the regional governor said. Water swept through nine villages.")
    labels = {e.text: e.label_ for e in nlp(text).ents}
    assert labels.get("Sixty") in (None, "CARDINAL"), labels


def test_names_that_hold_number_words_stay_names(nlp):
    labels = {e.text: e.label_ for e in nlp("Lewis Hamilton won in Formula One for Mercedes in 2020.").ents}
    assert labels.get("Formula One", "") != "CARDINAL", labels
