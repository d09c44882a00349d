"""Unit tests for date extraction: every expression the issue lists, and more."""

from __future__ import annotations

import pytest

from pipeline.extract.dates import UNRESOLVED, extract_dates
from pipeline.schema import DateRow

PUB = "2023-05-09"  # a Tuesday


def _rows(nlp, text: str, published: str = PUB, **kw) -> tuple[DateRow, ...]:
    doc = nlp(text)
    rows = extract_dates(doc, doc_id="t", published=published, **kw)
    for r in rows:
        assert doc.text[r.start:r.end] == r.text
    return rows


def _one(nlp, text: str, mention: str, published: str = PUB) -> DateRow:
    rows = [r for r in _rows(nlp, text, published) if r.text == mention]
    assert rows, f"{mention!r} not found in {[r.text for r in _rows(nlp, text, published)]}"
    return rows[0]


@pytest.mark.parametrize(
    ("text", "mention", "value", "granularity"),
    [
        ("The report was published on May 9th 2023 in London.", "May 9th 2023", "2023-05-09", "day"),
        ("The deal closed on Sept. 30, 2021, after talks.", "Sept. 30, 2021", "2021-09-30", "day"),
        ("It was signed on 9 May 2023 in Paris.", "9 May 2023", "2023-05-09", "day"),
        ("Results arrived on 2023-04-01 as planned.", "2023-04-01", "2023-04-01", "day"),
        ("The release of ChatGPT in November 2022 caused a frenzy.", "November 2022", "2022-11", "month"),
        ("Exports peaked in 2019, officials said.", "2019", "2019", "year"),
        ("Investment fell in the first half of 2024.", "the first half of 2024", "2024-H1", "half"),
        ("Revenue rose in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3", "quarter"),
        ("Revenue rose in Q3 2024, the filing shows.", "Q3 2024", "2024-Q3", "quarter"),
        ("The trial ran in the summer of 2012.", "the summer of 2012", "2012-SU", "season"),
        ("Computing was born in the 1950s.", "the 1950s", "195", "decade"),
        ("It is the defining contest of the 21st century.", "the 21st century", "20", "century"),
        ("It shaped the twentieth century.", "the twentieth century", "19", "century"),
        ("Prices soared in the mid-1990s.", "the mid-1990s", "199", "decade"),
    ],
)
def test_absolute_expressions(nlp, text, mention, value, granularity):
    row = _one(nlp, text, mention)
    assert (row.value, row.granularity, row.anchor) == (value, granularity, "")


@pytest.mark.parametrize(
    ("text", "mention", "value", "published"),
    [
        ("Jake Sullivan said so last September.", "last September", "2022-09", PUB),
        ("Last year America imposed controls.", "Last year", "2022", PUB),
        ("Sales will grow next year.", "next year", "2024", PUB),
        ("The law passed earlier this year.", "earlier this year", "2023", PUB),
        ("It has been the champion since November.", "November", "2022-11", PUB),
        ("In February Xi Jinping spoke.", "February", "2023-02", PUB),
        ("Six of the deaths were reported last week.", "last week", "2013-W11", "2013-03-22"),
        ("The company said in October that it was cutting jobs.", "October", "2012-10", "2013-03-22"),
        ("The minister resigned Friday.", "Friday", "2013-03-22", "2013-03-22"),
        ("The minister resigned on Tuesday.", "Tuesday", "2023-05-09", PUB),
        ("The minister resigned on Monday.", "Monday", "2023-05-08", PUB),
        ("He will visit on Thursday.", "Thursday", "2023-05-11", PUB),
        ("He is due to appear in court on Monday.", "Monday", "2023-05-15", PUB),
        ("The firm plans to open the plant on Friday.", "Friday", "2023-05-12", PUB),
        ("He was expected to appear in court on Monday.", "Monday", "2023-05-08", PUB),
        # a present tense schedules: a Friday article's "faces Rell on Saturday" is the next day
        ("Menza faces Tomas Rell in Brenmoor on Saturday.", "Saturday", "2024-03-09", "2024-03-08"),
        ("The trial resumes on Monday.", "Monday", "2023-05-15", PUB),
        # a day named by its event ("Friday's close") is not moved by the present of the price
        ("The offer is a 25% premium over Friday's close.", "Friday", "2023-05-05", PUB),
        ("The deal is a premium to the stock's closing price of Friday.", "Friday", "2023-05-05", PUB),
        ("The council is meeting on Thursday.", "Thursday", "2023-05-11", PUB),
        ("Police say the man died on Monday.", "Monday", "2023-05-08", PUB),
        ("Police say that on Monday around 11:30 p.m. a crowd gathered.", "Monday", "2023-05-08", PUB),
        ("The talks ended yesterday.", "yesterday", "2023-05-08", PUB),
        ("The talks resume tomorrow.", "tomorrow", "2023-05-10", PUB),
        ("It happened two years ago.", "two years ago", "2021", PUB),
        ("The plant opened three months ago.", "three months ago", "2023-02", PUB),
        ("Profits rose this quarter.", "this quarter", "2023-Q2", PUB),
        ("Profits fell in the last quarter.", "the last quarter", "2023-Q1", PUB),
        ("The launch happened last summer.", "last summer", "2012-SU", "2013-03-22"),
        ("Demand peaked last month.", "last month", "2023-04", PUB),
        ("Voters go to the polls this month.", "this month", "2023-05", PUB),
        ("Stores were packed at Christmas.", "Christmas", "2022-12-25", PUB),
    ],
)
def test_relative_expressions(nlp, text, mention, value, published):
    row = _one(nlp, text, mention, published)
    assert row.value == value
    assert row.anchor == published


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Prices are high now.", "now", "PRESENT_REF"),
        ("Currently, innovation is driven by firms.", "Currently", "PRESENT_REF"),
        ("The U.S. Department recently acted.", "recently", "PAST_REF"),
        ("In recent months, labs got involved.", "recent months", "PAST_REF"),
        ("Rules may tighten in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_vague_references(nlp, text, mention, value):
    row = _one(nlp, text, mention)
    assert (row.value, row.granularity) == (value, "ref")


def test_range_is_one_row_with_both_ends(nlp):
    row = _one(nlp, "From June to August 2024, Nvidia's revenue grew.", "June to August 2024")
    assert (row.value, row.granularity) == ("2024-06/2024-08", "range")


def test_range_can_be_split_into_timeml_points(nlp):
    rows = _rows(nlp, "From June to August 2024, Nvidia's revenue grew.", split_ranges=True)
    assert [(r.text, r.value) for r in rows] == [("June", "2024-06"), ("August 2024", "2024-08")]


def test_year_range(nlp):
    row = _one(nlp, "He led the company from 2016 to 2023.", "2016 to 2023")
    assert row.value == "2016/2023"
    row = _one(nlp, "The swine flu pandemic of 2009-2010 killed many.", "2009-2010")
    assert row.value == "2009/2010"


@pytest.mark.parametrize(
    ("text", "mention", "value", "qualifier"),
    [
        ("China aims to peak emissions by 2030.", "2030", "2030", "by"),
        ("It has grown since 2012.", "2012", "2012", "since"),
        ("The rule applies until 2030, officials said.", "2030", "2030", "until"),
        ("Scientists reported in early August 2024 a breakthrough.", "early August 2024", "2024-08", "early"),
        ("Growth should resume by mid-2024.", "mid-2024", "2024", "by mid"),
        ("The plant closes at the end of 2024.", "the end of 2024", "2024", "late"),
        ("It started in late November.", "late November", "2022-11", "late"),
    ],
)
def test_signals_and_modifiers(nlp, text, mention, value, qualifier):
    row = _one(nlp, text, mention)
    assert (row.value, row.qualifier) == (value, qualifier)


def test_one_side_of_a_size_is_no_year_but_a_year_before_a_plural_noun_is(nlp):
    assert not _rows(nlp, "The 13-inch models include the same 1440 x 900 display as the previous models.")
    assert [r.value for r in _rows(nlp, "In July, the court overturned the 2007 convictions.")] == ["2022-07", "2007"]


def test_a_decade_after_a_possessive_is_an_age_not_a_decade(nlp):
    """"A woman in her fifties" gives her age; "music of the fifties" is the 1950s."""
    assert not _rows(nlp, "A woman in her fifties was taken to hospital, and a man in his early 30s was treated.")
    assert [r.value for r in _rows(nlp, "The band played the music of the fifties.")] == ["195"]


def test_signal_word_stays_out_of_the_span(nlp):
    texts = [r.text for r in _rows(nlp, "China aims to peak emissions by 2030 and since 2012 has grown.")]
    assert texts == ["2030", "2012"]


def test_unknown_publication_date_leaves_relative_expressions_unresolved(nlp):
    rows = _rows(nlp, "Last year sales fell, and in May 2021 they had peaked. Prices are high now.", published="")
    by_text = {r.text: r for r in rows}
    assert (by_text["Last year"].value, by_text["Last year"].anchor) == ("", UNRESOLVED)
    assert (by_text["May 2021"].value, by_text["May 2021"].anchor) == ("2021-05", "")
    assert by_text["now"].anchor == UNRESOLVED  # symbolic value kept: it claims no calendar date
    assert by_text["Last year"].granularity == "year"


def test_anaphora_resolves_against_the_last_mentioned_year(nlp):
    text = "Firms spent RMB 50 billion in the first half of 2024, up from RMB 23 billion the previous year."
    row = _one(nlp, text, "the previous year", published="")
    assert (row.value, row.anchor) == ("2023", "2024")


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        # a day without a year in the month the text has just named, with its year
        ("The deputy was killed on June 24, 2005, while looking into a June 20 shooting.", "June 20", "2005-06-20"),
        ("The ambush came in June 2005. The deputy died on June 24 in hospital.", "June 24", "2005-06-24"),
        # another month, or a month named before another year, is read from the publication date
        ("The ambush came in June 2005. He was tried on March 20 in Norwalk.", "March 20", "2023-03-20"),
        ("The ambush came in June 2005, and the appeal failed in 2022. It ended on June 24.", "June 24",
         "2022-06-24"),
    ],
)
def test_a_day_without_a_year_takes_the_year_of_the_month_just_named(nlp, text, mention, value):
    assert _one(nlp, text, mention, published="2023-05-09").value == value


@pytest.mark.parametrize(
    "text",
    [
        "The war lasted for two years.",
        "Over the past five months prices rose.",
        "The report is published annually.",
        "About 2000 troops were deployed.",
        "The fall in prices surprised traders.",
        "May I ask why, she said. They march on.",
        "The flaw also affects Windows Server 2003 and older phones.",
        "Tickets for Euro 2024 sold out within hours.",
    ],
)
def test_durations_sets_and_counts_are_not_dates(nlp, text):
    values = [(r.text, r.value) for r in _rows(nlp, text)]
    assert all(v in ("PRESENT_REF",) for _, v in values), values


@pytest.mark.parametrize("text", ["In 2003 the flaw was found.", "Since 2003, the flaw has spread.",
                                  "The flaw was found in Summer 2003.", "It was found at Christmas 2003.",
                                  "They met. That 2003 accord still holds."])
def test_a_year_after_a_time_word_is_still_a_date(nlp, text):
    assert "2003" in {r.value[:4] for r in _rows(nlp, text)}


def test_sentence_number_and_text(nlp):
    rows = _rows(nlp, "Nothing here. Sales peaked in 2019. They fell last year.")
    assert [(r.sent_no, r.sentence) for r in rows] == [(1, "Sales peaked in 2019."), (2, "They fell last year.")]


def test_output_is_deterministic(nlp):
    text = "In October, the company said last week's results beat the first half of 2024."
    assert _rows(nlp, text) == _rows(nlp, text)


@pytest.mark.parametrize(("text", "mention", "value", "published"), [
    # a Sunday article: what "would" happen or is expected "to" happen lies ahead
    ("The weather agency said the heat would last until Wednesday.", "Wednesday", "2026-07-15", "2026-07-12"),
    ("Forecasters expect the heat to ease by Tuesday.", "Tuesday", "2026-07-14", "2026-07-12"),
    # an infinitive of a past verb, "could", or a noun's own day inside a modal clause lie behind
    ("Rescuers struggled to reach the affected areas late Tuesday.", "late Tuesday", "2013-07-02", "2013-07-03"),
    ("Neither he nor his grandparents could be located Wednesday.", "Wednesday", "2000-01-05", "2000-01-06"),
    # "could" and "might" point either way: the nearer day of that name (a Monday article)
    ("Negotiators said the talks could resume on Thursday.", "Thursday", "2026-03-12", "2026-03-09"),
    ("The ferry might have sailed on Saturday, officials said.", "Saturday", "2026-03-07", "2026-03-09"),
    ("He said his country would not retaliate for the bombing of Guffa on Tuesday.", "Tuesday", "2011-11-08",
     "2011-11-10"),
    # "the end of" a month is the date itself, no noun it modifies: the modal still points ahead
    ("The chief executive said the cuts would be completed by the end of June.", "the end of June", "2025-06",
     "2025-02-06"),
    ("The plant closed at the end of June, he said.", "the end of June", "2024-06", "2025-02-06"),
    # the verb of saying dates the saying: a month in a noun phrase of the sentence lies nearest
    ("Tenants face a 6% rise in rents from March, the charity said.", "March", "2026-03", "2025-11-20"),
    ("Rents rose in March, the charity said.", "March", "2025-03", "2025-11-20"),
])
def test_a_weekday_lies_where_the_verb_points(nlp, text, mention, value, published):
    assert _one(nlp, text, mention, published).value == value


@pytest.mark.parametrize(("text", "mention", "value"), [
    # a time aimed at ("for October") lies where the calendar is nearest, whatever the verb's tense
    ("A three day trial hearing was penciled in for October.", "October", "2013-10"),
    ("The hearing was adjourned for October 28 by the judge.", "October 28", "2013-10-28"),
    # a state made to last until a time ends where the calendar is nearest ("has been extended until")
    ("The ban on fishing has been extended until the end of September.", "the end of September", "2013-09"),
    ("The Arden bridge was closed until March.", "March", "2013-03"),
    # a past event in that month is still behind the article
    ("The flat was raided in October, police said.", "October", "2012-10"),
    ("He was arrested for an attack in October.", "October", "2012-10"),
])
def test_a_date_aimed_at_is_the_nearest_one(nlp, text, mention, value):
    assert _one(nlp, text, mention, published="2013-06-12").value == value


def test_a_weekday_that_ends_a_name_dates_nothing(nlp):
    """"Patch Tuesday", "Black Friday": the capitalised word before the weekday is its compound;
    the nearest Tuesday is not the day the name means. A name before a weekday that dates the
    sentence ("Software maker Veltrix Tuesday released") is another thing."""
    assert _rows(nlp, "Veltrix shipped faulty updates as part of its monthly Patch Tuesday release cycle.") == ()
    assert _rows(nlp, "Shoppers lined up outside the Corvale store on Black Friday for deals.") == ()
    assert _one(nlp, "Software maker Veltrix Tuesday released a fix.", "Tuesday").value
    assert _one(nlp, "Last Tuesday the Corvale plant shut.", "Last Tuesday").value
    # the parse may hang the weekday on the name's first word instead
    assert _rows(nlp, "The recall made it the worst Patch Tuesday in a six-month run for Veltrix.") == ()
    assert _rows(nlp, "Because the next regularly-scheduled Patch Tuesday is three weeks away, fixes wait.") == ()
    assert _one(nlp, "The Corvale mayor told Reuters Tuesday that the plant would close.", "Tuesday").value


@pytest.mark.parametrize("text", [
    "Veltrix usually ships its security patches on the second Tuesday of every month.",
    "The Corvale market opens every Saturday.",
    "The council meets each other Monday in the old hall.",
    "Bulletins come out on the first Wednesday of each month.",
])
def test_a_weekday_that_recurs_dates_nothing(nlp, text):
    """A recurring weekday (TimeML SET) names no day; the nearest one would be a false date."""
    assert [r for r in _rows(nlp, text) if r.granularity == "day"] == []


def test_the_previous_day_told_twice_is_one_day(nlp):
    """"the previous day", shifted from the article's day, moves no reference: the second one
    ("the previous day's shooting") is the same day, not the day before it."""
    text = ("Deputy Ortiz went to question a woman about a shooting that had taken place the previous day. "
            "As he spoke to her, the suspect in the previous day's shooting appeared.")
    assert [r.value for r in _rows(nlp, text, "2005-06-24")] == ["2005-06-23", "2005-06-23"]


def test_hours_minutes_and_seconds_time_a_race_unless_a_zone_or_at_makes_them_a_clock(nlp):
    """"Finishing in 2:00:48" is how long the race took (the numbers read it), not 2 a.m.; "at
    10:42:15 GMT" is a time of day to the second."""
    assert not [r for r in _rows(nlp, "Kiprono broke the record, finishing in 2:00:48.") if r.granularity == "time"]
    assert not [r for r in _rows(nlp, "The old record of 2:00:35 stood for years.") if r.granularity == "time"]
    assert _one(nlp, "The blast was recorded at 10:42:15 GMT.", "10:42:15 GMT").value.endswith("T10:42")
    assert _one(nlp, "The alarm sounded at 9:05:10 a.m.", "9:05:10 a.m.").value.endswith("T09:05")


def test_a_day_dates_the_time_of_day_it_stands_by_not_another_of_its_sentence(nlp):
    """"By 6 a.m. on Tuesday, seven hours after the outage began shortly before 11 p.m.": Tuesday
    is 6 a.m.'s, and 11 p.m. (the evening before) keeps no day; two times of one span share theirs,
    and a lone time takes its sentence's day as before."""
    text = ("Power was back by 6 a.m. on Tuesday, seven hours after the outage began shortly before 11 p.m. "
            "Shops opened between 9 a.m. and 11 a.m. on Monday. The fire broke out at 9:25 on Thursday.")
    values = {r.text: r.value for r in _rows(nlp, text, "2026-02-10") if r.granularity == "time"}
    assert values["6 a.m."] == "2026-02-10T06:00"
    assert values["11 p.m."] == "XXXX-XX-XXT23:00", values
    assert (values["9 a.m."], values["11 a.m."]) == ("2026-02-09T09:00", "2026-02-09T11:00"), values
    assert values["9:25"] == "2026-02-05T09:25", values


def test_noon_is_a_word_of_its_own(nlp):
    """"Spent the afternoon" holds no noon; "at noon" and "by midday" are times of day."""
    rows = _rows(nlp, "Sixty people spent the afternoon at the rest centre.")
    assert not [r for r in rows if r.granularity == "time"]
    assert [r.text for r in _rows(nlp, "The crowd gathered at noon and left by midday.")] == ["noon", "midday"]


def test_a_verb_joined_to_an_infinitive_of_a_decision_looks_ahead(nlp):
    """"Have voted to close the school and move its pupils from September", in December: the move
    is the decision's, next September, as the infinitive's own verb would be."""
    row = _one(nlp, "Councillors have voted to close Hillcrest Primary and move its 210 pupils to Moorside "
                    "Primary from September.", "September", "2034-12-05")
    assert row.value == "2035-09"


@pytest.mark.parametrize(("text", "value"), [
    ("Passengers face a two-day strike starting on Saturday.", "2023-05-13"),  # ahead, as its clause says
    ("Passengers faced a strike starting on Saturday.", "2023-05-06"),
])
def test_a_participle_of_beginning_takes_the_tense_of_its_nouns_clause(nlp, text, value):
    assert _one(nlp, text, "Saturday").value == value


@pytest.mark.parametrize(("text", "mention", "value"), [
    # anchored on the date the sentence gave before, not on the article's
    ("Waits were 48 minutes in March, against 40 minutes the month before.", "the month before", "2023-02"),
    ("Sales rose 4% in 2021, after 2% the year before.", "the year before", "2020"),
    ("Profit was $3m in the third quarter of 2022, against $2m in the previous quarter.", "the previous quarter",
     "2022-Q2"),
    ("Prices rose 3% in March, after 2% a month earlier.", "a month earlier", "2023-02"),
])
def test_a_unit_before_or_earlier_counts_from_the_date_before_it(nlp, text, mention, value):
    assert _one(nlp, text, mention).value == value


def test_the_day_before_an_event_is_no_date(nlp):
    assert not [r for r in _rows(nlp, "He was seen the day before the fire.") if r.text.startswith("the day")]


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("Ewan Roddick, from Perth, had set out on Monday.", "Monday", "2035-03-12"),  # a journey begun: the past Monday
    ("He had set off on Sunday to climb the peak alone.", "Sunday", "2035-03-11"),
    ("The vote is set for Monday.", "Monday", "2035-03-19"),  # a schedule: ahead
    ("The prosecutor has scheduled a news conference Friday.", "Friday", "2035-03-16"),
])
def test_a_journey_set_out_on_is_no_schedule(nlp, text, mention, value):
    """"Set" is a verb of scheduling ("set for Monday", "has scheduled a news conference Friday"),
    but "had set out on Monday", told on a Thursday, is the Monday before."""
    assert _one(nlp, text, mention, "2035-03-15").value == value


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("A chimney fire is believed to have spread to the roof on Monday.", "Monday", "2035-03-12"),
    ("The man is thought to have died on Saturday.", "Saturday", "2035-03-10"),
    ("The firm expects to have finished the work by Friday.", "Friday", "2035-03-16"),  # a plan: ahead
])
def test_a_perfect_infinitive_tells_of_the_past(nlp, text, mention, value):
    """"Is believed to have spread on Monday", told on a Thursday, is the Monday before, however
    present its "is believed"; "expects to have finished by Friday" still looks ahead."""
    assert _one(nlp, text, mention, "2035-03-15").value == value
