"""Articles in other languages (issue 20): detected, cleaned by their own stop words, sentence ends,
length and position, and marked as not compared. The four pages in tests/data/languages are our own
(one story, a warehouse fire, written in German, Russian, Chinese and Arabic with a menu line on top).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import clean, extract
from pipeline.clean.language import (
    ENGLISH,
    count_words,
    detect_language,
    english_only_note,
    is_english,
    language_profile,
)
from pipeline.documents import CleanDocument, RawDocument

PAGES = Path(__file__).parent / "data" / "languages"
ENGLISH_ARTICLE = ("Twelve people were injured in a fire at a warehouse in the port on Monday, officials said. "
                   "The fire started at about 3 a.m. and burned for six hours before firefighters put it out.")


def _clean(name: str) -> CleanDocument:
    path = PAGES / name
    return clean.clean_document(RawDocument(path.stem, path.name, "0" * 64, path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("name", "code"), [("de.txt", "de"), ("ru.txt", "ru"), ("zh.txt", "zh"), ("ar.txt", "ar")])
def test_the_language_of_each_page_is_detected(name, code):
    assert detect_language([(PAGES / name).read_text(encoding="utf-8")]) == code


def test_english_and_too_little_text_count_as_english():
    assert detect_language([ENGLISH_ARTICLE]) == ENGLISH
    assert detect_language(["Startseite | Politik"]) == ENGLISH  # too short to tell
    assert detect_language([]) == ENGLISH


def test_the_longest_blocks_decide_not_the_menus_around_them():
    german = (PAGES / "de.txt").read_text(encoding="utf-8").split("\n\n")[2:5]
    menus = ["Home", "World", "Sign up for our newsletter", "Privacy Policy", "Terms of Use", "Contact us"] * 5
    assert detect_language(menus + german) == "de"


def test_profiles_take_spacy_stop_words_and_know_scripts_without_spaces():
    english = frozenset({"the", "and"})
    assert language_profile("en", english).stopwords == english
    german = language_profile("de", english)
    assert {"und", "der", "die"} <= german.stopwords and german.spaced and german.name == "German"
    chinese = language_profile("zh", english)
    assert not chinese.spaced and chinese.name == "Chinese"
    unknown = language_profile("qq", english)
    assert unknown.stopwords == frozenset() and unknown.name == "qq"


def test_each_han_character_counts_as_a_word():
    assert count_words("周一表示。") == 4  # 周 一 表 示; the full stop is no word
    assert count_words("Мэр заявил 12") == 3 and count_words("The mayor said 12.") == 4


@pytest.mark.parametrize(("name", "sentence"), [
    ("de.txt", "Die Polizei hat Ermittlungen zur Brandursache aufgenommen."),
    ("ru.txt", "Полиция начала расследование причин пожара."),
    ("zh.txt", "警方已就起火原因展开调查。"),
    ("ar.txt", "وفتحت الشرطة تحقيقا في أسباب الحريق."),
])
def test_a_page_in_another_language_keeps_its_article_and_loses_its_menu(name, sentence):
    doc = _clean(name)
    assert sentence in doc.text
    assert "|" not in doc.text  # the menu line
    assert doc.language == name.removesuffix(".txt")
    assert not clean.why_unusable(doc)


def test_english_keeps_the_rules_own_stop_words():
    doc = clean.clean_document(RawDocument("en", "en.txt", "0" * 64, ENGLISH_ARTICLE + "\n"))
    assert doc.language == ENGLISH and doc.text.strip() == ENGLISH_ARTICLE


def test_the_note_names_the_language_and_says_it_is_not_compared():
    assert english_only_note("en") == "" and english_only_note("") == ""
    note = english_only_note("de")
    assert "German (de)" in note and "not compared" in note
    assert is_english("") and is_english("en") and not is_english("ru")


@pytest.mark.slow
def test_extraction_reads_english_only():
    german, english = _clean("de.txt"), clean.clean_document(
        RawDocument("en", "en.txt", "0" * 64, ENGLISH_ARTICLE + "\n"))
    mentions = extract.extract_mentions([german, english])
    assert [m.doc_id for m in mentions] == ["de", "en"]
    assert not (mentions[0].entities or mentions[0].numbers or mentions[0].dates)
    assert mentions[1].numbers and mentions[1].dates
