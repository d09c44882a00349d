"""Unit tests of the cleaner's parts: rules, repairs, metadata finders, user metadata, speed."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.clean import clean_document, count_words, load_rules
from pipeline.clean.blocks import LONG_LINE_CHARS, normalise_text, split_blocks
from pipeline.clean.metadata import find_bio, find_byline, find_credit, find_date, split_names
from pipeline.documents import RawDocument, UserMetadata

RULES = load_rules()
PARA = (
    "The central bank raised its main interest rate by a quarter of a percentage point on Thursday, "
    "saying that inflation was still too high and that it would watch the labour market closely. "
)


def _doc(text: str, **kw) -> RawDocument:
    return RawDocument("d", "d.txt", "", text, **kw)


def test_count_words():
    assert count_words("It’s 2.5 times — as big") == 7  # \w+ tokens, as the benchmark counts


def test_normalise_text_spaces_and_quotes():
    assert normalise_text("a\u00a0b\u200bc “q” ’") == "a bc “q” ’"
    assert normalise_text("e\u0301") == "\u00e9"  # NFC


def test_inline_junk_glued_into_sentence_is_removed_and_recorded():
    junk = "Tired of too many ads? Remove Ads"
    text = f"Headline about rates\n\n{PARA}{junk} The bank also said it expects growth to slow next year.\n\n{PARA}"
    doc = clean_document(_doc(text))
    assert "Remove Ads" not in doc.text and "Tired of too many ads" not in doc.text
    assert "The bank also said it expects growth to slow next year." in doc.text
    block = next(b for b in doc.blocks if "Remove Ads" in b.text)
    assert block.kept and "removed inline junk" in block.reason


def test_an_apostrophe_detached_by_re_joined_tokens_goes_back_on_its_word():
    text = f"Headline about the climb\n\n{PARA}The day after Rait ’ s death, we don ' t know more.\n\n{PARA}"
    doc = clean_document(_doc(text))
    assert "The day after Rait’s death, we don't know more." in doc.text
    block = next(b for b in doc.blocks if "Rait" in b.text)
    assert block.kept and "2 detached apostrophe(s) rejoined" in block.reason
    assert "rock ’ n roll" in split_blocks("They played rock ’ n roll.", rules=RULES)[0].text  # no ending it takes


def test_drop_cap_joined():
    blocks = split_blocks("T\nhe council met on Monday.\n", rules=RULES)
    assert blocks[1].text == "The council met on Monday."
    assert blocks[0].joined_into == 1


def test_long_line_split_into_paragraphs_then_sentences():
    one_line = "  ".join([PARA.strip()] * 12)
    blocks = split_blocks(one_line, rules=RULES)
    assert len(blocks) == 12
    no_marks = " ".join([PARA.strip()] * 12)
    blocks = split_blocks(no_marks, rules=RULES)
    assert len(blocks) > 1 and all(len(b.text) <= LONG_LINE_CHARS for b in blocks)
    assert " ".join(b.text for b in blocks) == " ".join(no_marks.split())


def test_duplicate_and_pull_quote_kept_once():
    quote = "Inflation was still too high, the bank said"
    text = f"Rates rise again\n\n{PARA}\n\n{quote}\n\n{PARA}{quote} on Thursday after its meeting.\n\n{PARA}"
    doc = clean_document(_doc(text))
    labels = [b.label for b in doc.blocks]
    assert "duplicate" in labels and "pull_quote" in labels
    assert doc.text.count(quote) == 1


def test_user_metadata_wins_over_inference():
    text = f"Rates rise again\n\nBy Jane Roe\n\nMarch 3, 2021\n\n{PARA}\n\n{PARA}"
    inferred = clean_document(_doc(text)).meta
    assert inferred.authors == ("Jane Roe",) and inferred.published == "2021-03-03"
    user = UserMetadata(title="T", authors=("A B",), published="2021-03-04", outlet="O", url="https://x.test/a")
    meta = clean_document(_doc(text, user_meta=user)).meta
    assert (meta.title, meta.authors, meta.published, meta.published_basis, meta.outlet, meta.url) == (
        "T", ("A B",), "2021-03-04", "metadata", "O", "https://x.test/a")


def test_unknown_date_stays_empty():
    meta = clean_document(_doc(f"{PARA}\n\n{PARA}")).meta
    assert meta.published == "" and meta.published_basis == ""


def test_problem_document_gives_empty_clean_document():
    raw = RawDocument("d", "d.bin", "", "", problem="binary file (not text)", problem_status="error")
    doc = clean_document(raw)
    assert doc.text == "" and doc.blocks == ()


def test_appended_story_sharing_country_names_is_spillover():
    host = ("China's chipmakers are racing to build processors for artificial intelligence models, "
            "as export controls limit access to Nvidia's graphics processors and training clusters. ")
    other = ("A new dam on a river in Tibet has alarmed farmers downstream in India and Bangladesh, "
             "who fear floods, drought and the loss of fish in the monsoon season. ")
    text = f"Chip race\n\n{host * 3}\n\n{host * 2}\n\nRelated Articles\n\n{other * 3}\n\n{other * 2}"
    doc = clean_document(_doc(text))
    assert "Tibet" not in doc.text and "export controls" in doc.text
    spill = [b for b in doc.blocks if "Tibet" in b.text]
    assert spill and all(b.label == "spillover" and "Related Articles" in b.reason for b in spill)


def test_deterministic():
    text = f"Rates rise again\n\nBy Jane Roe\n\n{PARA}\n\nShare\n\n{PARA}"
    assert clean_document(_doc(text)) == clean_document(_doc(text))


def test_fast_enough_for_a_thousand_documents():
    text = "\n\n".join(["Menu", "Search", PARA, "Share", PARA, PARA, "Related Articles", "Other story"] * 8)
    clean_document(_doc(text))
    t0 = time.perf_counter()
    for _ in range(20):
        clean_document(_doc(text))
    assert (time.perf_counter() - t0) / 20 < 0.1  # seconds per document, with headroom for a busy machine


def test_byline_and_credit_finders():
    assert find_byline("By Raffaele Huang and Liza Lin", RULES) == ("By", ("Raffaele Huang", "Liza Lin"))
    assert find_byline("di Rebecca Arcesati", RULES) == ("di", ("Rebecca Arcesati",))
    assert find_byline("COMMENTARY BY:", RULES) == ("COMMENTARY BY", ())
    assert (
        find_byline("By creating joint funding programs and research initiatives, the US and China can", RULES) is None
    )
    assert find_credit("Write to Raffaele Huang at raffaele.huang@wsj.com and Liza Lin at liza.lin@wsj.com", RULES) == (
        "Raffaele Huang", "Liza Lin")
    assert find_credit("(Reporting by Karen Freifeld; Editing by Chizu Nomiyama)", RULES) == ("Karen Freifeld",)
    assert split_names("Research Assistant", RULES) == ()


def test_a_bio_is_told_by_its_words_and_not_by_parts_of_words():
    """"Paul Trent is a senior reporter" is a biography; "Lake Arden has been closed after three dogs
    died, the park authority said" is news (an "authority" is no author, "misleading" no lead), and a
    short article whose first paragraph is among its last blocks keeps it."""
    assert find_bio("Paul Trent is a senior reporter covering energy and climate for the paper.", RULES) == "Paul Trent"
    assert find_bio("Lake Arden has been closed after three dogs died, the Arden Valley park authority said on "
                    "Thursday.", RULES) == ""
    assert find_bio("Mark Venn has been charged over misleading statements about the fund's losses.", RULES) == ""
    doc = clean_document(_doc("Lake Arden closed\n\nLake Arden has been closed after three dogs died, the Arden "
                              "Valley park authority said on Thursday.\n\nThe dogs had all swum in the lake at the "
                              "weekend, the authority said.\n"))
    assert "three dogs died" in doc.text, [(b.label, b.reason) for b in doc.blocks]


@pytest.mark.parametrize(
    "line, iso",
    [("May 9th 2023", "2023-05-09"), ("September 9, 2024", "2024-09-09"), ("Jan 21, 2025", "2025-01-21"),
     ("Published 12 June 2024", "2024-06-12"), ("Reuters November 18, 2019 11:03 PM", "2019-11-18"),
     ("2023-05-09T10:00:00Z", "2023-05-09"), ("Nov. 18, 2019", "2019-11-18")],
)
def test_find_date(line, iso):
    found = find_date(line, RULES)
    assert found is not None and found.iso == iso


def test_find_date_ignores_sentences():
    assert (
        find_date(
            "The law, which was passed on May 9, 2023, requires companies to report their emissions every year.", RULES
        )
        is None
    )


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31)),
       st.sampled_from(["{B} {d}, {Y}", "{d} {B} {Y}", "{b} {d} {Y}", "{Y}-{m:02d}-{d:02d}", "Updated {B} {d}, {Y}"]))
def test_find_date_round_trips(day, fmt):
    line = fmt.format(B=day.strftime("%B"), b=day.strftime("%b"), d=day.day, m=day.month, Y=day.year)
    found = find_date(line, RULES)
    assert found is not None and found.iso == day.isoformat()
    assert found.updated == line.startswith("Updated")


def test_user_rules_extend_defaults():
    rules = load_rules(
        '[boilerplate]\nlines = ["Gift this article"]\n[markers]\nspillover = ["Elsewhere on the site"]\n'
    )
    assert "gift this article" in rules.boilerplate_lines and "menu" in rules.boilerplate_lines
    other = PARA.replace("bank", "club")
    text = f"Rates rise again\n\n{PARA}\n\nGift this article\n\n{PARA}\n\nElsewhere on the site\n\n{other}"
    doc = clean_document(_doc(text), rules=rules)
    assert "Gift this article" not in doc.text
    assert next(b for b in doc.blocks if b.text == "Elsewhere on the site").label == "spillover"


def test_user_rules_replace_and_errors():
    rules = load_rules('[stopwords]\nreplace = true\nenglish = ["the"]\n')
    assert rules.stopwords == frozenset({"the"})
    with pytest.raises(ValueError, match="regular expression"):
        load_rules('[boilerplate]\npatterns = ["(unclosed"]\n')
    with pytest.raises(ValueError, match="TOML"):
        load_rules("[boilerplate\n")
