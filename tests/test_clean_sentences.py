"""One sentence per paragraph, a source URL on the first line, header date lines in many shapes.

Re-joined corpora and wire copy arrive as one sentence per paragraph; short factual sentences
("The river rose 4.2 metres.") have few stop words and were once dropped as chrome. These pages
are written for the tests (a flood, a bridge closure), not taken from any benchmark.
"""

from __future__ import annotations

import pytest

from pipeline.clean import clean_document, load_rules
from pipeline.clean.metadata import find_date, fuzzy_month, outlet_from_url, registered_domain, url_date
from pipeline.documents import RawDocument, UserMetadata

RULES = load_rules()

SENTENCES = [
    "Floodwaters swept through the river town of Lindholm on Tuesday, forcing about 3,000 residents from their homes, "
    "officials said.",
    "The river rose 4.2 metres.",
    "Mayor Ana Ruiz said 12 were hurt.",
    "Two bridges were closed.",
    "The regional weather office had issued a red warning on Monday evening, but many people said they had not "
    "expected the water to rise so fast.",
    '"We lost everything in an hour.',
    'The basement filled first, then the kitchen, "said Tomas Berg, 54, a baker.',
    "Rescue crews used boats to reach 40 people stranded on rooftops.",
    "Rail services to the capital were suspended.",
    "It was the worst flood in the region since 1987, when 9 people died",
    "Insurers put early losses at 85 million euros.",
    "More rain is forecast for Thursday.",
]
PAGE = "\n\n".join(
    [
        "http://www.example-news.co.uk/2019/03/14/lindholm-flood-3000-evacuated",
        "Posted 03/14/2019 9:02 AM",
        "Updated 03/14/2019 6:40 PM",
        "3,000 evacuated as river floods Lindholm",
        *SENTENCES,
    ]
) + "\n"


def _clean(text: str, **kw):
    return clean_document(RawDocument("flood", "flood.txt", "", text, **kw))


@pytest.fixture(scope="module")
def flood():
    return _clean(PAGE)


def test_every_sentence_of_a_one_sentence_per_paragraph_article_is_kept(flood):
    for sentence in SENTENCES:
        assert sentence in flood.text, sentence
    lost = [b for b in flood.blocks if not b.kept and b.text in SENTENCES]
    assert not lost


def test_source_url_is_metadata_not_boilerplate(flood):
    first = flood.blocks[0]
    assert (first.label, first.kept, first.reason) == ("metadata", False, "metadata: source URL")
    assert flood.meta.url == "http://www.example-news.co.uk/2019/03/14/lindholm-flood-3000-evacuated"
    assert flood.meta.outlet == "example-news.co.uk"  # registered domain: not a well-known outlet
    assert "http" not in flood.text


def test_posted_date_wins_over_updated_and_date_lines_are_not_the_title(flood):
    assert flood.meta.published == "2019-03-14"
    assert flood.meta.published_basis == "text: 'Posted 03/14/2019 9:02 AM'"
    assert flood.meta.title == "3,000 evacuated as river floods Lindholm"
    assert "Posted" not in flood.text and "Updated" not in flood.text


def test_url_date_is_used_only_when_the_text_has_none():
    page = PAGE.replace("Posted 03/14/2019 9:02 AM\n\n", "").replace("Updated 03/14/2019 6:40 PM\n\n", "")
    meta = _clean(page).meta
    assert (meta.published, meta.published_basis) == ("2019-03-14", "url: '2019/03/14'")


def test_user_metadata_wins_over_url_and_header():
    user = UserMetadata(url="https://other.test/a", outlet="Lindholm Courier", published="2019-03-15")
    meta = _clean(PAGE, user_meta=user).meta
    assert (meta.url, meta.outlet, meta.published, meta.published_basis) == (
        "https://other.test/a", "Lindholm Courier", "2019-03-15", "metadata")


def test_headline_starting_with_a_number_or_quote_and_typo_month():
    body = "\n\n".join(SENTENCES[:6])
    meta = _clean(
        f"https://blog.example.org/p/1\n\nSeptembr 3, 2021\n\n'Worst in decades' as river floods town\n\n{body}\n"
    ).meta
    assert meta.title == "'Worst in decades' as river floods town"
    assert meta.published == "2021-09-03"
    meta = _clean(
        f"https://example.org/x\n\n4.2-metre flood hits Lindholm\n\nSunday, March 17-2019 at 16:12\n\n{body}\n"
    ).meta
    assert (meta.title, meta.published) == ("4.2-metre flood hits Lindholm", "2019-03-17")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("11/28/05", "2005-11-28"),
        ("Posted 11/27/2005 7:21 AM", "2005-11-27"),
        ("Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET", "2005-11-27"),
        ("Sunday, November 27-2005 at 16:12", "2005-11-27"),
        ("Novemer 27, 2005", "2005-11-27"),
        ("28/11/2005", "2005-11-28"),
        ("05/05/2010", "2010-05-05"),
    ],
)
def test_header_date_shapes(line, iso):
    found = find_date(line, RULES, fuzzy=True)
    assert found is not None and found.iso == iso and not found.updated


def test_ambiguous_numeric_date_needs_the_url_month():
    assert find_date("04/05/2010", RULES, fuzzy=True) is None  # April 5 or 4 May: unknown
    assert find_date("04/05/2010", RULES, fuzzy=True, hint=(2010, 5)).iso == "2010-05-04"
    assert find_date("11/28/05", RULES) is None  # numeric dates only on header lines


def test_fuzzy_month_is_strict():
    assert fuzzy_month("Novemer") == 11 and fuzzy_month("Septembr") == 9
    assert fuzzy_month("Monday") == 0 and fuzzy_month("member") == 0 and fuzzy_month("Noble") == 0


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("http://usatoday30.usatoday.com/news/world/2005-11-27-iran-quake_x.htm", "2005-11-27"),
        ("http://articles.example.com/2005/nov/28/world/fg-quake28", "2005-11-28"),
        ("http://www.example.com/2010/05/05/story/", "2010-05-05"),
        ("http://example.com/view/20100505-268325/story", "2010-05-05"),
        ("http://www.example.com/news/05/nov/1266.html", ""),  # year and month only
        ("http://www.example.com/4475546.stm", ""),
    ],
)
def test_url_dates(url, iso):
    assert url_date(url)[0] == iso


def test_outlet_from_url_host():
    assert outlet_from_url("http://news.bbc.co.uk/2/hi/middle_east/4475546.stm", RULES) == "BBC News"
    assert outlet_from_url("http://www.bbc.co.uk/news/world-23141479", RULES) == "BBC"
    assert outlet_from_url("http://articles.latimes.com/2005/nov/28/x", RULES) == "Los Angeles Times"
    assert outlet_from_url("http://www.example-paper.com/a", RULES) == "example-paper.com"
    assert registered_domain("www.paper.com.au", RULES) == "paper.com.au"
    assert registered_domain("someone.blogspot.nl", RULES) == "someone.blogspot.nl"


def test_user_rules_extend_the_outlet_table():
    rules = load_rules('[outlets.domains]\n"example-paper.com" = "The Example Paper"\n')
    assert outlet_from_url("https://www.example-paper.com/a", rules) == "The Example Paper"


@pytest.mark.parametrize(
    "block, chrome",
    [
        ("Share on Facebook Share on Twitter Share via Email", True),
        ("Share: Facebook Twitter", True),
        ("Share this article", True),
        # "share" the noun of a results story, and a sentence that opens with it
        ("Halvorsen posted earnings of $1.12 per share on Thursday, beating the $1.05 analysts had forecast.", False),
        ("It earned $1 a share this year.", False),
        ("Share prices fell 5% on Monday.", False),
    ],
)
def test_a_share_button_is_chrome_and_the_share_of_a_results_story_is_not(block, chrome):
    assert bool(RULES.boilerplate_any.search(block)) is chrome


def test_a_results_lead_with_per_share_on_a_weekday_is_kept():
    page = ("Halvorsen profit tops estimates\n\nHalvorsen Foods posted quarterly earnings of $1.12 per share on "
            "Thursday, beating the $1.05 analysts had forecast, on revenue of $4.82 billion.\n\n"
            "The company raised its revenue guidance to $19.5 billion. It now plans to cut about 1,200 jobs.\n")
    doc = _clean(page)
    assert "$1.12 per share on Thursday" in doc.text


def test_a_last_paragraph_of_names_is_prose_not_a_headline():
    """"Okafor, the Green Party candidate, beat Lena Marsh. Turnout was 28%.": most long words are
    capitalised because a sentence starts with a name and the others are names; each sentence's first
    word is capitalised in any style, so it does not make the block headline-cased, and the article's
    last paragraph is kept."""
    last = "Okafor, the Green Party candidate, beat Lena Marsh. Turnout was 28%."
    doc = _clean("# Okafor wins Wexley seat\n\nPublished: 2039-05-04\n\nDaniel Okafor has won the Wexley "
                 "council seat by 140 votes after a recount on Thursday.\n\n" + last + "\n")
    assert last in doc.text, [(b.label, b.reason) for b in doc.blocks]
    headline = _clean("Okafor Wins Wexley Seat After Tense Recount.\n\nDaniel Okafor has won the Wexley council "
                      "seat by 140 votes after a recount on Thursday, the returning officer said.\n")
    assert headline.blocks[0].label != "body"
