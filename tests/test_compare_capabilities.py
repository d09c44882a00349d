"""Capabilities issue 19 asks of compare, on sentences of our own (not from the benchmark sets).

- Items of a list are values of several things ("aged 12 and 15"): sources that list them do not
  disagree, while two sources giving one figure each still do.
- A time of day is read at the precision it is written with: "3:30" agrees with "3:33", "7:00"
  does not agree with "6:40".
- A duration that says when ("married two weeks ago") is a figure compared with others that say
  when, never with one that says how long.
- What such a duration dates is its measure: "married two weeks ago" and "married three weeks
  before the shooting" disagree whatever else their sentences say; a wedding and a move do not.
- Two sources that name the same weekday do not disagree when their articles' dates place it in
  different weeks; two weekdays still disagree.
- A conviction and a sentencing are two days of one case: a source dating the verdict Thursday
  and another the sentencing Tuesday do not disagree; two sources dating the verdict do.
  Two dates of one step less than a year apart (an indictment in 1971 and in 1972) need less to
  disagree than other dates; decades apart they are two cases.
- "today" is only as exact as its article's date (a day off in another time zone): "today" and
  "Monday" one day apart do not disagree; "Sunday" and "Monday" do.
- Values of one measure more than a thousand times apart are two quantities ($334 million for a
  company, $9.21 a share); a thousandfold slip of scale (million for billion) still disagrees.
- A thing's colour is a fact with sides: a grey Camry in one source and a silver one in another
  disagree; a grey car and a white shirt do not; "Gray" (a name), "the Red Sea" and "red tape" are
  no colours.
- A judgement of what has not happened judges nothing: "until Microsoft comes up with a permanent
  fix", "help prevent successful attacks"; "Microsoft released a permanent fix" does.
- A value only given by a source that also gives another stands against no one: "$334 million"
  from three sources and "$150 million" from one of them is a corroboration, not a conflict.
- A part is not its whole: "three of his eight children" does not set 3 against another source's
  8; but what the sentence says of the whole is said of the part: "two of the three victims died"
  is a death toll of two, compared with other death tolls.
- "a mother of two died" counts her children, not the dead: no death toll of two.
- Whose figure: two figures whose clauses name different people are two quantities ("Orrin
  fell 60 metres", "Vayle fell 700 metres"); the same person written with or without a first name,
  or misspelt by a letter, is one; a figure whose clause names nobody may meet either.
- Where a trial sat is a fact with sides: "a Corvale jury" and "a court in Brenn" disagree; "Brenn,
  Halvia" in one source makes "a Halvia jury" in another the same answer; a place felt, visited or
  passed names no venue.
- The charge for one killing is a fact with sides: "charged in her murder" against "charged with
  vehicular manslaughter"; a source writing both (lead and body) stands on both sides.
- A date long before its article is no forecast, whatever word leads it: "until he returned to
  prison in June 1999" in a 2009 article tells of the past; "expected to close in March" in a
  January article is a forecast.
- Two ranges agree when both ends do: "six to 75 years" and "seven to 75 years" disagree
  (test_compare.py).
- The same count of the same named thing ("two wardens" in sources that tell the escape in other
  words) needs less to be one quantity; two against three wardens, or "two people", do not.
- A prison term is one measure whatever the word ("sentenced to five years", "jailed for five
  years"); a count in prison is none; years of feigned madness are not a prison term and stand
  against none.
- A person ages: 27 in one year's reports and 29 in a report two years later do not disagree (an
  undated report stands with the dated ones giving its age); 27 and 29 a week apart do.
- Whose price, in an article about several models: a price it ties to no model agrees with a price
  but never disagrees; a model's two prices in one sentence are its versions.
- "last week" in a Saturday article may be that Monday; a Monday two weeks before disagrees.
- A number that names is exact: the 12000 and the 12200 block disagree; "12000 people" is rounded.
- "for the past three years" says when, as "four years ago" does: the two disagree.
- A difference ("a quarter-inch thinner than") is no item of a list and no cut in its neighbour's
  frame; "30 rather than 40" compares nothing.
- A rate is no total ("$23 million a year" against "$184 million"), unless its sentence gives the
  term: then it is the total over it (an "eight-year contract" at $23 million a year agrees with
  $184 million and disagrees with $200 million).
- An age of a made thing dates its making: "the 86-year-old Carrow Mill building" in a 2021 article
  agrees with "built in 1935" and disagrees with "built in 1925"; "an 86-year-old man" dates nothing.
  A year after a verb of making ("The depot, which opened in 1987") dates the made thing however
  short its sentence; "the inquiry, which opened in 1987" dates no making.
- A title is a fact with sides when titles exclude each other: "chief operating officer Mara Quist"
  against "Mara Quist, the company's chief executive"; "the frigate INS Tarn" against "patrol vessel
  INS Tarn"; two holders' titles, or a title outside a set ("spokeswoman"), stand against none.
- A patient's condition is a fact with sides: "in critical condition" against "in stable condition".
- A weekday and an explicit date are compared as days: "on Monday" in a Tuesday article against
  "on May 9" disagree; "on Tuesday" agrees with it.
- A fiscal period is no calendar period: "its fiscal third quarter" does not dispute "the quarter
  that ended in June"; two fiscal quarters still disagree.
- "With two seconds left" and "with 4.5 seconds remaining" are one quantity in other words, and
  disagree; "51 knockouts" and "51 KO" are one corroboration.
- A tally is two counts in their order: a fighter's 36-3 record and another source's 36-4
  disagree, two sources' 88-86 agree, and a tally never meets a plain count ("51 knockouts").
"""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.compare import build_claims, compare_documents
from pipeline.compare.agreement import times_agree
from pipeline.compare.align import dates_cannot_link
from pipeline.compare.dated import stated_precision_minutes
from pipeline.extract.encoder import encode
from tests.compare_fixtures import Dt, Ent, Num, Spec, make_corpus


def _kinds(specs) -> list[tuple[str, tuple[str, ...]]]:
    docs, men = make_corpus(specs)
    rows = compare_documents(docs, men, encoder=encode).finding_rows()
    groups: dict[str, list] = {}
    for r in rows:
        groups.setdefault(r.finding_id, []).append(r)
    return sorted((g[0].kind, tuple(sorted({r.doc_id for r in g}))) for g in groups.values())


def _age(text: str, value: int, nth: int = 0) -> Num:
    return Num(text, value, "years", kind="age", measure="girls", nth=nth)


GIRLS = [
    Spec("g1", "Prosecutors said Halden took two girls, aged 12 and 15, as brides in Corvale.", "2024-03-02",
         numbers=[_age("12", 12), _age("15", 15)], entities=[Ent("Halden", "PERSON"), Ent("Corvale")]),
    Spec("g2", "Halden was convicted of assaulting two girls, aged 12 and 14, whom he took as brides in Corvale.",
         "2024-03-03", numbers=[_age("12", 12), _age("14", 14)], entities=[Ent("Halden", "PERSON"), Ent("Corvale")]),
]


def test_the_items_of_a_list_are_marked_as_such():
    docs, men = make_corpus(GIRLS[:1])
    claims = [c for c in build_claims(docs, men) if c.kind == "number"]
    assert len(claims) == 2 and all(c.value.enumerated for c in claims)


def test_values_listed_for_several_people_are_not_a_disagreement():
    assert not [k for k in _kinds(GIRLS) if k[0] == "numeric_conflict"]


def test_one_figure_each_still_disagrees():
    single = [
        Spec("s1", "Prosecutors said Halden took a girl aged 15 as a bride in Corvale.", "2024-03-02",
             numbers=[_age("15", 15)], entities=[Ent("Halden", "PERSON"), Ent("Corvale")]),
        Spec("s2", "Halden was convicted of taking a girl aged 14 as a bride in Corvale.", "2024-03-03",
             numbers=[_age("14", 14)], entities=[Ent("Halden", "PERSON"), Ent("Corvale")]),
    ]
    assert ("numeric_conflict", ("s1", "s2")) in _kinds(single)


def _fire_at(doc_id: str, clock: str, value: str, qualifier: str = "") -> Spec:
    return Spec(doc_id, f"The fire at the Marden warehouse broke out at {clock} on Monday, firefighters said.",
                "2024-05-06", dates=[Dt(clock, f"2024-05-06T{value}", granularity="time", qualifier=qualifier),
                                     Dt("Monday", "2024-05-06")],
                entities=[Ent("Marden")])


def test_a_time_on_the_half_hour_agrees_with_one_three_minutes_off():
    kinds = _kinds([_fire_at("a", "3:30 a.m.", "03:30"), _fire_at("b", "3:33 a.m.", "03:33")])
    assert not [k for k in kinds if k[0] == "date_conflict"]


def test_a_time_twenty_minutes_off_disagrees():
    kinds = _kinds([_fire_at("a", "7:00 a.m.", "07:00"), _fire_at("b", "6:40 a.m.", "06:40")])
    assert ("date_conflict", ("a", "b")) in kinds


def test_stated_precision_follows_the_minute_written():
    assert stated_precision_minutes(7 * 60) == stated_precision_minutes(3 * 60 + 30) == 5
    assert stated_precision_minutes(9 * 60 + 25) == 2 and stated_precision_minutes(9 * 60 + 27) == 0


def _fire_at_day(doc_id: str, clock: str, value: str, day: str, weekday: str) -> Spec:
    return Spec(doc_id, f"The fire at the Marden warehouse broke out at {clock} on {weekday}, firefighters said.",
                "2024-05-14", dates=[Dt(clock, f"{day}T{value}", granularity="time"), Dt(weekday, day)],
                entities=[Ent("Marden")])


def test_times_on_two_days_are_two_moments_a_time_of_no_day_is_compared_with_either():
    on_two_days = [_fire_at_day("a", "8:30 p.m.", "20:30", "2024-05-11", "Saturday"),
                   _fire_at_day("b", "11:30 p.m.", "23:30", "2024-05-07", "Tuesday"),
                   Spec("c", "The fire at the Marden warehouse broke out at 10:30 p.m., firefighters said.",
                        "2024-05-14", dates=[Dt("10:30 p.m.", "XXXX-XX-XXT22:30", granularity="time")],
                        entities=[Ent("Marden")])]
    docs, men = make_corpus(on_two_days)
    times = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "time"}
    assert dates_cannot_link(times["a"], times["b"]) == "another day"
    assert not dates_cannot_link(times["a"], times["c"]) and not dates_cannot_link(times["b"], times["c"])
    assert not [k for k in _kinds(on_two_days) if k[0] == "date_conflict" and {"a", "b"} <= set(k[1])]
    # the same weekday a week off is our reading of the week, not two moments
    a_week_off = [_fire_at_day("a", "8:39 a.m.", "08:39", "2024-05-11", "Saturday"),
                  _fire_at_day("b", "8:39 a.m.", "08:39", "2024-05-04", "Saturday")]
    docs, men = make_corpus(a_week_off)
    times = [c for c in build_claims(docs, men) if c.kind == "time"]
    assert not dates_cannot_link(*times)


def _about(doc_id: str, hour: int, minute: int) -> Spec:
    return _fire_at(doc_id, f"about {hour}:{minute:02d} p.m.", f"{hour + 12}:{minute:02d}", "approx")


def test_tolerances_do_not_add_up_about_3_10_and_about_3_30_disagree():
    assert ("date_conflict", ("a", "b")) in _kinds([_about("a", 3, 10), _about("b", 3, 30)])
    assert not [k for k in _kinds([_about("a", 3, 25), _about("b", 3, 30)]) if k[0] == "date_conflict"]


def test_shortly_after_the_hour_agrees_with_ten_past_not_with_half_past():
    shortly_after = _fire_at("a", "shortly after 3 p.m.", "15:00", "after")
    assert not [k for k in _kinds([shortly_after, _about("b", 3, 10)]) if k[0] == "date_conflict"]
    assert ("date_conflict", ("a", "b")) in _kinds([shortly_after, _about("b", 3, 30)])


def _wed(doc_id: str, sentence: str, weeks: int, text: str) -> Spec:
    return Spec(doc_id, sentence, "2024-06-25", numbers=[Num(text, weeks, "weeks", kind="duration")],
                entities=[Ent("Dalworth", "PERSON")])


def test_a_duration_that_says_when_is_compared_with_durations_that_say_when():
    two = _wed("w1", "The deputy, Dalworth, was married two weeks ago, officials said.", 2, "two weeks")
    three = _wed("w2", "The deputy, Dalworth, was married three weeks ago, officials said.", 3, "three weeks")
    lasted = _wed("w3", "The deputy, Dalworth, was married after a courtship that lasted three weeks.", 3,
                  "three weeks")
    docs, men = make_corpus([two, three, lasted])
    claims = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert (claims["w1"].value.offset, claims["w2"].value.offset, claims["w3"].value.offset) == ("before", "before", "")
    assert "offset: before" in claims["w1"].row.cues and not claims["w1"].row.as_of
    kinds = _kinds([two, three, lasted])
    assert ("numeric_conflict", ("w1", "w2")) in kinds  # "two weeks ago" vs "three weeks ago"
    assert not any("w3" in docs_ for kind, docs_ in kinds if kind != "corroboration")  # how long is not when


def _dated(doc_id: str, sentence: str, weeks: int, text: str, happening: str) -> Spec:
    return Spec(doc_id, sentence, "2024-06-25", entities=[Ent("Dalworth", "PERSON"), Ent("Corvale", "GPE")],
                numbers=[Num(text, weeks, "weeks", kind="duration", measure=happening)])


def test_durations_that_say_when_compare_only_when_they_date_one_happening():
    """Sources that date the wedding two and three weeks back disagree, however the sentences
    around it differ; a wedding and a move are two happenings (what each dates is its measure)."""
    wed = _dated("m1", "Dalworth, who was married two weeks ago to a teacher from Corvale, had served "
                 "eleven years with the county.", 2, "two weeks", "married")
    wed_later = _dated("m2", "His widow, who married him three weeks before the shooting, sat with his "
                       "mother through the trial in Corvale.", 3, "three weeks", "married")
    moved = _dated("m3", "Dalworth moved to Corvale three weeks ago, neighbours said.", 3, "three weeks", "moved")
    docs, men = make_corpus([wed, wed_later, moved])
    claims = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert claims["m1"].value.event == claims["m2"].value.event != claims["m3"].value.event
    kinds = _kinds([wed, wed_later, moved])
    assert ("numeric_conflict", ("m1", "m2")) in kinds
    assert not any("m3" in docs_ for kind, docs_ in kinds if kind != "corroboration")


def test_moving_back_and_returning_date_one_return_whoever_is_named_beside_them():
    """"moved back to Corvale six weeks ago" and "returned to her home town with Tarrow 12 weeks
    ago": one return, dated two ways. Each sentence has another figure, so a name beside each
    would otherwise be taken for whose figure it is (Corvale, Tarrow) and keep them apart."""
    back = Spec("r1", "Dalworth had lived in Velmont for three years and they moved back to Corvale six weeks ago.",
                "2024-06-25", entities=[Ent("Dalworth", "PERSON"), Ent("Velmont", "GPE"), Ent("Corvale", "PERSON")],
                numbers=[Num("three years", 3, "years", kind="duration", measure="lived"),
                         Num("six weeks", 6, "weeks", kind="duration", measure="moved back")])
    returned = Spec("r2", "Dalworth left Velmont four years ago and returned to her home town with Tarrow "
                          "12 weeks ago.",
                    "2024-06-26", entities=[Ent("Dalworth", "PERSON"), Ent("Velmont", "GPE"), Ent("Tarrow", "PERSON")],
                    numbers=[Num("four years", 4, "years", kind="duration", measure="left"),
                             Num("12 weeks", 12, "weeks", kind="duration", measure="returned")])
    docs, men = make_corpus([back, returned])
    weeks = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number" and c.value.unit == "weeks"}
    assert weeks["r1"].value.event == weeks["r2"].value.event == "return"
    assert not weeks["r1"].subject and not weeks["r2"].subject
    rows = [r for r in compare_documents(docs, men, encoder=encode).finding_rows() if r.kind == "numeric_conflict"]
    assert sorted((r.doc_id, r.value, r.unit) for r in rows) == [("r1", "6", "weeks"), ("r2", "12", "weeks")]
    assert len({r.finding_id for r in rows}) == 1
    assert "different definitions" not in rows[0].note and "different bodies" not in rows[0].note


def _lived(doc_id: str, sentence: str, years: int, text: str) -> Spec:
    return Spec(doc_id, sentence, "2024-06-25", numbers=[Num(text, years, "years", kind="duration")],
                entities=[Ent("Dalworth", "PERSON"), Ent("Corvale", "GPE")])


def test_for_the_past_years_says_when_as_ago_does():
    # "living there for the past three years" began three years ago: one quantity with "moved
    # there four years ago", and a disagreement
    moved = _lived("l1", "Dalworth moved to Corvale with her children four years ago.", 4, "four years")
    living = _lived("l2", "Dalworth had been living in Corvale with her children for the past three years.", 3,
                    "three years")
    docs, men = make_corpus([moved, living])
    claims = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert claims["l1"].value.offset == claims["l2"].value.offset == "before"
    assert ("numeric_conflict", ("l1", "l2")) in _kinds([moved, living])


_FOUND = {
    "d1": "The bodies of two women were found at their home in Harlow Street, Brennick, {day}.",
    "d2": "Police said a mother and her daughter were found dead in Harlow Street, Brennick, {day} morning.",
    "d3": "Officers discovered the women's bodies {day} at the family house in Harlow Street, Brennick.",
}


def _found_on(doc_id: str, day_text: str, value: str, published: str, anchor: str) -> Spec:
    sentence = _FOUND[doc_id].format(day=day_text)
    return Spec(doc_id, sentence, published, dates=[Dt(day_text, value, anchor=anchor)],
                entities=[Ent("Harlow Street", "FAC"), Ent("Brennick")])


def test_the_same_weekday_read_in_different_weeks_is_no_disagreement():
    # Two articles of the Monday after say "on Saturday"; one of the week after says it too and
    # its Saturday was read as the day before it: the sources agree on the day they name.
    days = [_found_on("d1", "on Saturday", "2024-06-08", "2024-06-10", "2024-06-10"),
            _found_on("d2", "on Saturday", "2024-06-08", "2024-06-10", "2024-06-10"),
            _found_on("d3", "on Saturday", "2024-06-15", "2024-06-18", "2024-06-18")]
    assert not [k for k in _kinds(days) if k[0] == "date_conflict"]


def test_two_weekdays_still_disagree():
    days = [_found_on("d1", "on Saturday", "2024-06-08", "2024-06-10", "2024-06-10"),
            _found_on("d2", "on Saturday", "2024-06-08", "2024-06-10", "2024-06-10"),
            _found_on("d3", "on Friday", "2024-06-07", "2024-06-10", "2024-06-10")]
    assert [k for k in _kinds(days) if k[0] == "date_conflict"]


@pytest.mark.parametrize(("monday", "published", "disagree"), [
    ("2024-06-10", "2024-06-11", False),  # five days before a Saturday article's "last week"
    ("2024-05-27", "2024-05-28", True),  # nineteen days before it
])
def test_last_week_disagrees_only_with_a_day_before_the_past_seven_days(monday, published, disagree):
    # "last week" is read as the calendar week before the article's; writers use it of the past
    # seven days too
    days = [_found_on(doc_id, "on Monday", monday, published, published) for doc_id in ("d1", "d2")]
    days.append(_found_on("d3", "last week", "2024-W23", "2024-06-15", "2024-06-15"))
    assert bool([k for k in _kinds(days) if k[0] == "date_conflict"]) == disagree


_SHOT = {
    "b1": "Deputy Vance was shot outside an apartment in the {n} block of Harlow Street in Brennick.",
    "b2": "Police said Vance, a deputy, died after gunmen opened fire in the {n} block of Harlow Street, Brennick.",
    "b3": "Deputy Vance was shot dead outside a house in the {n} block of Harlow Street, Brennick officials said.",
}


def _block(doc_id: str, number: str) -> Spec:
    return Spec(doc_id, _SHOT[doc_id].format(n=number), "2024-06-11",
                numbers=[Num(number, float(number), measure="block")],
                entities=[Ent("Vance", "PERSON"), Ent("Harlow Street", "FAC"), Ent("Brennick")])


def test_a_number_that_names_is_exact_to_its_last_digit():
    # "the 12000 block" is an address, not "about 12,000": 12200 is another block
    blocks = [_block("b1", "12000"), _block("b2", "12000"), _block("b3", "12200")]
    docs, men = make_corpus(blocks)
    claims = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert claims["b1"].value.tol == 0 and "label: block" in claims["b1"].row.cues
    assert ("numeric_conflict", ("b1", "b2", "b3")) in _kinds(blocks)
    # a count written with the same digits is still a rounded figure
    crowd = Spec("c1", "About 12000 people marched through Brennick.", "2024-06-11",
                 numbers=[Num("12000", 12000.0)], entities=[Ent("Brennick")])
    docs, men = make_corpus([crowd])
    (count,) = [c for c in build_claims(docs, men) if c.kind == "number"]
    assert count.value.tol > 0 and "label" not in count.row.cues


def test_a_difference_is_no_item_of_a_list_and_leaves_the_frame_whole():
    # "0.71 inches thin, a quarter-inch thinner than ...": one thickness and how much thinner
    thin = Spec("t1", "The Corvex is 0.71 inches thin, a quarter-inch thinner than the old Corvex.", "2024-06-11",
                numbers=[Num("0.71 inches", 0.71, "inch", kind="measure"),
                         Num("a quarter-inch", 0.25, "inch", kind="measure")], entities=[Ent("Corvex", "PRODUCT")])
    docs, men = make_corpus([thin])
    claims = {c.row.text: c for c in build_claims(docs, men) if c.kind == "number"}
    assert claims["a quarter-inch"].value.increment and "addition: difference" in claims["a quarter-inch"].row.cues
    assert not claims["0.71 inches"].value.enumerated
    assert "thinner than the old Corvex" in claims["0.71 inches"].frame
    toll = Spec("t2", "The toll was 30 rather than 40, the mayor of Corvale said.", "2024-06-11",
                numbers=[Num("30", 30.0, measure="toll"), Num("40", 40.0, measure="toll")],
                entities=[Ent("Corvale", "GPE")])
    docs, men = make_corpus([toll])
    assert not any(c.value.increment for c in build_claims(docs, men) if c.kind == "number")  # no comparison


def _inch(text: str, value: float, nth: int = 0) -> Num:
    return Num(text, value, "inch", kind="measure", nth=nth)


def test_sizes_that_name_models_are_no_disagreement():
    # Each article names two models by their screen size: the sizes are the models' names.
    laptops = [
        Spec("l1", "The 13-inch Corvex laptop gets a faster chip. The 15-inch Corvex laptop gets a new screen.",
             "2024-06-11", numbers=[_inch("13-inch", 13), _inch("15-inch", 15)], entities=[Ent("Corvex", "ORG")]),
        Spec("l2", "Corvex said the 15-inch laptop ships today, and the 13-inch laptop next month.", "2024-06-11",
             numbers=[_inch("15-inch", 15), _inch("13-inch", 13)], entities=[Ent("Corvex", "ORG")]),
        Spec("l3", "Buyers of the 13-inch Corvex laptop wait longest. The 11-inch Corvex laptop is gone.",
             "2024-06-12", numbers=[_inch("13-inch", 13), _inch("11-inch", 11)], entities=[Ent("Corvex", "ORG")]),
    ]
    docs, men = make_corpus(laptops)
    sizes = [c for c in build_claims(docs, men) if c.kind == "number"]
    assert len(sizes) == 6 and all(c.value.enumerated for c in sizes)
    assert not [k for k in _kinds(laptops) if k[0] == "numeric_conflict"]


def test_one_size_each_is_a_measurement():
    boats = [
        Spec("b1", "The 40-foot fishing boat Marwen capsized off Kelby on Monday.", "2024-06-11",
             numbers=[Num("40-foot", 40, "foot", kind="measure")], entities=[Ent("Marwen", "PRODUCT"), Ent("Kelby")]),
        Spec("b2", "Rescuers reached the 50-foot trawler Marwen after it capsized near Kelby.", "2024-06-11",
             numbers=[Num("50-foot", 50, "foot", kind="measure")], entities=[Ent("Marwen", "PRODUCT"), Ent("Kelby")]),
    ]
    docs, men = make_corpus(boats)
    # One size per article measures the boat: not a list, compared as any length is.
    sizes = [c for c in build_claims(docs, men) if c.kind == "number"]
    assert len(sizes) == 2 and not any(c.value.enumerated for c in sizes)


def _usd(text: str, value: float) -> Num:
    return Num(text, value, "USD", kind="money")


def test_a_price_belongs_to_the_model_its_clause_names():
    from pipeline.compare.align import different_quantities

    prices = [
        Spec("p1", "The 13-inch Corvex costs $1,199, while the 15-inch will sell for $1,499.", "2024-06-11",
             numbers=[_inch("13-inch", 13), _usd("$1,199", 1199), _inch("15-inch", 15), _usd("$1,499", 1499)],
             entities=[Ent("Corvex", "ORG")]),
        Spec("p2", "Corvex will ask $1,299 for the base 13-inch version and $1,499 for a 15-inch version.",
             "2024-06-11", numbers=[_usd("$1,299", 1299), _inch("13-inch", 13), _usd("$1,499", 1499),
                                    _inch("15-inch", 15)], entities=[Ent("Corvex", "ORG")]),
    ]
    docs, men = make_corpus(prices)
    money = {(c.doc_id, c.row.text): c for c in build_claims(docs, men) if c.kind == "number" and c.row.unit == "USD"}
    assert {k: c.value.holder for k, c in money.items()} == {
        ("p1", "$1,199"): "13 inch", ("p1", "$1,499"): "15 inch",
        ("p2", "$1,299"): "13 inch", ("p2", "$1,499"): "15 inch",
    }
    assert "holder: 13-inch" in money["p1", "$1,199"].row.cues  # claims.csv says whose price it is
    assert different_quantities(money["p1", "$1,199"], money["p2", "$1,499"]) == "holder"
    assert different_quantities(money["p1", "$1,199"], money["p2", "$1,299"]) != "holder"


def _hours(text: str, value: float) -> Num:
    return Num(text, value, "hours", kind="measure", measure="battery life")


def test_any_figure_tied_to_one_model_never_disputes_one_tied_to_none():
    """The last item of a series the model's clause lists is that model's ("The 11-inch models start
    at $999 with 4GB of memory, 64GB of storage, and 5 hours of battery life"); another article's
    "7 hours", tied to no model, may be another model's: no disagreement. A quake named by its
    magnitude is no model: the island's population beside it still meets another source's."""
    from pipeline.compare.align import different_quantities

    specs = [
        Spec("b1", "The 11-inch Corvex models start at $999 with 4GB of memory, 64GB of storage, and 5 hours of "
                   "battery life. The 13-inch models start at $1,199.", "2024-06-11",
             numbers=[_inch("11-inch", 11), _usd("$999", 999), _hours("5 hours", 5), _inch("13-inch", 13),
                      _usd("$1,199", 1199)], entities=[Ent("Corvex", "ORG")]),
        Spec("b2", "The new Corvex delivers 7 hours of battery life.", "2024-06-11",
             numbers=[_hours("7 hours", 7)], entities=[Ent("Corvex", "ORG")]),
    ]
    claims = {(c.doc_id, c.row.text): c for c in build_claims(*make_corpus(specs)) if c.kind == "number"}
    five = claims["b1", "5 hours"]
    assert five.value.holder == "11 inch", five.row.cues
    assert different_quantities(five, claims["b2", "7 hours"]) == "model unknown"
    assert not [k for k in _kinds(specs) if k[0] == "numeric_conflict"]
    quakes = [
        Spec("q1", "The 6.1-magnitude quake struck Varo island, home to 120,000 people. A 4.2-magnitude "
                   "aftershock followed.", "2024-06-11",
             numbers=[Num("6.1-magnitude", 6.1, "magnitude", kind="magnitude"),
                      Num("120,000", 120000, "people", measure="population"),
                      Num("4.2-magnitude", 4.2, "magnitude", kind="magnitude")], entities=[Ent("Varo", "GPE")]),
        Spec("q2", "The quake was centred near Varo island, home to 200,000 people.", "2024-06-11",
             numbers=[Num("200,000", 200000, "people", measure="population")], entities=[Ent("Varo", "GPE")]),
    ]
    people = {(c.doc_id, c.row.text): c for c in build_claims(*make_corpus(quakes)) if c.kind == "number"}
    assert different_quantities(people["q1", "120,000"], people["q2", "200,000"]) != "model unknown"


def test_a_price_tied_to_no_model_of_a_many_model_article_agrees_but_never_disagrees():
    from pipeline.compare.align import different_quantities

    prices = [
        Spec("m1", "The 13-inch Corvex costs $1,199, while the 15-inch will sell for $1,799 and an upgraded "
                   "15-inch model for $2,199. The basic model starts at $2,399.", "2024-06-11",
             numbers=[_inch("13-inch", 13), _usd("$1,199", 1199), _inch("15-inch", 15), _usd("$1,799", 1799),
                      _inch("15-inch", 15, nth=1), _usd("$2,199", 2199), _usd("$2,399", 2399)],
             entities=[Ent("Corvex", "ORG")]),
        Spec("m2", "The new Corvex will start at $2,199, and the top model at $2,399.", "2024-06-11",
             numbers=[_usd("$2,199", 2199), _usd("$2,399", 2399)], entities=[Ent("Corvex", "ORG")]),
    ]
    docs, men = make_corpus(prices)
    money = {(c.doc_id, c.row.text): c for c in build_claims(docs, men) if c.kind == "number" and c.row.unit == "USD"}
    basic = money["m1", "$2,399"]
    assert basic.value.holder_unknown and not basic.value.holder
    assert "holder: none of the article's models" in basic.row.cues  # claims.csv says why it disagrees with no one
    assert not any(c.value.holder_unknown for k, c in money.items() if k[0] == "m2")  # one-model article
    assert different_quantities(basic, money["m2", "$2,199"]) == "model unknown"
    assert different_quantities(basic, money["m2", "$2,399"]) == ""
    # two prices of one model in one sentence are that model's versions, not two readings of one price
    assert money["m1", "$1,799"].value.enumerated and money["m1", "$2,199"].value.enumerated
    assert money["m1", "$1,799"].value.holder == money["m1", "$2,199"].value.holder == "15 inch"


def test_a_models_lone_price_that_no_list_of_its_versions_gives_is_disputed():
    """Two sources list the 15-inch model's versions alike ($1,799 and $2,199); a third gives the
    15-inch one price, $1,499, in a sentence pricing each model once: its price is no list item,
    and it is none of the versions the lists give, so it disagrees."""
    specs = [
        Spec("v1", "The 13-inch Corvex costs $1,199, while the 15-inch will sell for $1,499.", "2024-06-11",
             numbers=[_inch("13-inch", 13), _usd("$1,199", 1199), _inch("15-inch", 15), _usd("$1,499", 1499)],
             entities=[Ent("Corvex", "ORG")]),
        Spec("v2", "The 13-inch Corvex comes in $1,199 and $1,399 versions; the 15-inch is offered in $1,799 "
                   "and $2,199 versions.", "2024-06-11",
             numbers=[_inch("13-inch", 13), _usd("$1,199", 1199), _usd("$1,399", 1399), _inch("15-inch", 15),
                      _usd("$1,799", 1799), _usd("$2,199", 2199)], entities=[Ent("Corvex", "ORG")]),
        Spec("v3", "Corvex will sell the 13-inch in $1,199 and $1,399 versions and the 15-inch in $1,799 and "
                   "$2,199 versions.", "2024-06-11",
             numbers=[_inch("13-inch", 13), _usd("$1,199", 1199), _usd("$1,399", 1399), _inch("15-inch", 15),
                      _usd("$1,799", 1799), _usd("$2,199", 2199)], entities=[Ent("Corvex", "ORG")]),
    ]
    docs, men = make_corpus(specs)
    money = {(c.doc_id, c.row.text): c for c in build_claims(docs, men) if c.kind == "number" and c.row.unit == "USD"}
    assert not money["v1", "$1,499"].value.enumerated and not money["v1", "$1,199"].value.enumerated
    assert money["v2", "$1,799"].value.enumerated
    rows = compare_documents(docs, men, encoder=encode).finding_rows()
    disputed = {(r.doc_id, r.value) for r in rows if r.kind == "numeric_conflict"}
    assert ("v1", "1499") in disputed and {d for d, _ in disputed} == {"v1", "v2", "v3"}, disputed
    assert ("v1", "1199") not in disputed  # the lists give the 13-inch's $1,199 too


def test_the_model_a_clause_names_outweighs_the_name_nearest_the_price():
    from pipeline.compare.align import different_quantities

    # "Corvex will ask $1,099 for the 13-inch": Corvex sells, the 13-inch model is whose price it is.
    prices = [
        Spec("s1", "Corvex will ask $1,099 for the base 13-inch version and $1,799 for a 15-inch version.",
             "2024-06-11", numbers=[_usd("$1,099", 1099), _inch("13-inch", 13), _usd("$1,799", 1799),
                                    _inch("15-inch", 15)], entities=[Ent("Corvex", "ORG")]),
        Spec("s2", "The base 13-inch Vela version will cost $1,199, and a 15-inch version $1,799.",
             "2024-06-11", numbers=[_inch("13-inch", 13), _usd("$1,199", 1199), _inch("15-inch", 15),
                                    _usd("$1,799", 1799)], entities=[Ent("Vela", "PRODUCT")]),
    ]
    docs, men = make_corpus(prices)
    money = {(c.doc_id, c.row.text): c for c in build_claims(docs, men) if c.kind == "number" and c.row.unit == "USD"}
    assert money["s1", "$1,099"].subject == "Corvex" and money["s2", "$1,199"].subject == "Vela"
    assert not different_quantities(money["s1", "$1,099"], money["s2", "$1,199"])
    assert different_quantities(money["s1", "$1,099"], money["s2", "$1,799"]) == "holder"


def test_a_measure_named_only_by_its_dimension_names_no_thing():
    # "a duration of three days" says no more than "days": it may meet "a three day trial hearing"
    trials = [
        Spec("t1", "A trial date was set for October 28, with a duration of three days.", "2013-06-12",
             numbers=[Num("three days", 3, "days", kind="duration", measure="duration")]),
        Spec("t2", "A three day trial hearing was penciled in for October.", "2013-06-12",
             numbers=[Num("three day", 3, "days", kind="duration", measure="trial hearing penciled")]),
    ]
    docs, men = make_corpus(trials)
    days = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert days["t1"].measure_text == "" and days["t2"].measure_text == "trial hearing penciled"


def _version(text: str, value: float, name: str, nth: int = 0) -> Num:
    return Num(text, value, "", kind="designator", measure=name, nth=nth)


def test_two_versions_of_one_product_never_disagree_and_one_version_agrees():
    # "Internet Explorer 8" names a version: 8 and 9 are two things, and no count of anything
    browsers = [
        Spec("v1", "Attacks were limited to users of Internet Explorer 8 and Internet Explorer 9.", "2013-09-17",
             numbers=[_version("8", 8, "Internet Explorer"), _version("9", 9, "Internet Explorer")]),
        Spec("v2", "Attacks were limited to Internet Explorer 8, the company said.", "2013-09-17",
             numbers=[_version("8", 8, "Internet Explorer")]),
        Spec("v3", "Attacks hit Internet Explorer 9 users, with 8 people arrested.", "2013-09-18",
             numbers=[_version("9", 9, "Internet Explorer"), Num("8", 8, "people", measure="people arrested")]),
    ]
    kinds = _kinds(browsers)
    assert not [k for k in kinds if k[0] != "corroboration"]
    docs, men = make_corpus(browsers)
    claims = [c for c in build_claims(docs, men) if c.kind == "number"]
    versions = [c for c in claims if c.value.family == "designator"]
    # "Internet Explorer" goes by its initials, as "IE" is written
    assert len(versions) == 4 and {c.concept for c in versions} == {"version of IE"}


def test_a_day_before_an_age_is_not_whose_age_it_is():
    ages = [
        Spec("a1", "On Saturday, 32-year-old Englishman Tobin Vayle fell while climbing Mount Carrow.", "2024-09-16",
             numbers=[Num("32-year-old", 32, "years", kind="age")], entities=[Ent("Tobin Vayle", "PERSON")]),
        Spec("a2", "Tobin Vayle, 32, fell about 600 metres on Mount Carrow, police said.", "2024-09-16",
             numbers=[Num("32", 32, "years", kind="age")], entities=[Ent("Tobin Vayle", "PERSON")]),
        Spec("a3", "A day later 31-year-old Tobin Vayle, who lived in Brenn, slipped on ice on Mount Carrow.",
             "2024-09-16", numbers=[Num("31-year-old", 31, "years", kind="age")],
             entities=[Ent("Tobin Vayle", "PERSON")]),
    ]
    docs, men = make_corpus(ages)
    subjects = {c.doc_id: c.row.subject_entity for c in build_claims(docs, men) if c.kind == "number"}
    assert subjects == {"a1": "Englishman Tobin Vayle", "a2": "Tobin Vayle", "a3": "Tobin Vayle"}
    assert ("numeric_conflict", ("a1", "a2", "a3")) in _kinds(ages)


def test_a_day_before_a_count_dates_the_event_and_a_figures_period_is_its_reference():
    from pipeline.compare import build_claims as claims_of

    event = Spec("e1", "A warship foiled an attack in the Gulf of Kess on Friday capturing 26 pirates.", "2024-11-11",
                 numbers=[Num("26", 26, measure="pirates", as_of="2024-11-08")],
                 dates=[Dt("Friday", "2024-11-08", anchor="2024-11-11")], entities=[Ent("Gulf of Kess", "LOC")])
    share = Spec("e2", "Exports to Vantor rose to 34% in 2023, the ministry said.", "2024-11-11",
                 numbers=[Num("34%", 34, "percent", measure="exports", as_of="2023")],
                 dates=[Dt("2023", "2023", granularity="year")], entities=[Ent("Vantor")])
    toll = Spec("e3", "In 2004 a tsunami killed 170,000 people in Nortia.", "2013-07-02",
                numbers=[Num("170,000", 170000, "people", as_of="2004")], dates=[Dt("2004", "2004", "year")],
                entities=[Ent("Nortia")])
    docs, men = make_corpus([event, share, toll])
    dates = {(c.doc_id, c.row.text) for c in claims_of(docs, men) if c.kind == "date"}
    assert ("e1", "Friday") in dates  # "on Friday capturing 26": when it happened
    assert ("e2", "2023") not in dates  # "34% in 2023": the figure's time, compared with the figure
    assert ("e3", "2004") not in dates  # a year before the toll is its period, on either side


def test_a_span_inside_its_dates_period_leaves_the_date_its_own_and_a_lost_dash_ends_a_clause():
    """"a three day trial hearing ... for October": October says when, three days how long (a
    12-year sentence in 1997 is dated by 1997, as a statistic is); "October-the 23-year old's" is a
    dash a scraper wrote as a hyphen, and the age after it dates nothing of October."""
    from pipeline.compare import build_claims as claims_of

    trial = Spec("t1", "The case went on in his absence and a three day trial hearing was penciled in for "
                       "October-the 23-year old's due to enter his plea in September.", "2024-06-12",
                 numbers=[Num("three day", 3, "days", kind="duration", measure="trial hearing", as_of="2024-10"),
                          Num("23-year old", 23, "years", kind="age", as_of="2024-10")],
                 dates=[Dt("October", "2024-10", granularity="month"), Dt("September", "2024-09", granularity="month")])
    term = Spec("t2", "He was serving a 12-year sentence imposed in 1997 when he died.", "2005-12-20",
                numbers=[Num("12-year", 12, "years", kind="duration", measure="sentence", as_of="1997")],
                dates=[Dt("1997", "1997", granularity="year")])
    docs, men = make_corpus([trial, term])
    claims = [c for c in claims_of(docs, men) if c.kind == "date"]
    assert {(c.doc_id, c.row.text) for c in claims} == {("t1", "October"), ("t1", "September")}
    october = next(c for c in claims if c.row.text == "October")
    assert "23-year" not in october.frame and "penciled in for" in october.frame


def _suspect_aged(doc_id: str, age: int, published: str) -> Spec:
    return Spec(doc_id, f"Police named the suspect as Dario Quell, {age}, of Brenmoor.", published,
                numbers=[Num(str(age), age, "years", kind="age", measure="suspect")],
                entities=[Ent("Dario Quell", "PERSON"), Ent("Brenmoor")])


def test_an_age_two_years_older_in_a_report_two_years_later_is_no_disagreement():
    kinds = _kinds([_suspect_aged("a", 27, "2005-06-25"), _suspect_aged("b", 27, "2005-06-26"),
                    _suspect_aged("c", 27, ""), _suspect_aged("d", 29, "2007-03-20")])
    assert not [k for k in kinds if k[0] == "numeric_conflict"]


def test_two_ages_a_week_apart_disagree():
    kinds = _kinds([_suspect_aged("a", 27, "2005-06-25"), _suspect_aged("b", 29, "2005-07-02")])
    assert ("numeric_conflict", ("a", "b")) in kinds


def test_more_years_older_than_years_passed_disagrees():
    kinds = _kinds([_suspect_aged("a", 27, "2005-06-25"), _suspect_aged("b", 31, "2007-03-20")])
    assert ("numeric_conflict", ("a", "b")) in kinds



def _court_day(doc_id: str, text: str, day: str, value: str, published: str = "2024-08-10") -> Spec:
    return Spec(doc_id, text, published, dates=[Dt(day, value)],
                entities=[Ent("Dario Quell", "PERSON"), Ent("Brenmoor")])


def test_a_verdict_and_a_sentencing_are_two_days_of_one_case():
    kinds = _kinds([
        _court_day("a", "A Brenmoor jury convicted Dario Quell of arson on Thursday after a two-week trial.",
                   "Thursday", "2024-08-01"),
        _court_day("b", "Dario Quell was sentenced on Tuesday to eight years for the Brenmoor arson.",
                   "Tuesday", "2024-08-06"),
    ])
    assert not [k for k in kinds if k[0] == "date_conflict"]


def test_two_days_for_one_verdict_disagree():
    kinds = _kinds([
        _court_day("a", "A Brenmoor jury convicted Dario Quell of arson on Thursday after a two-week trial.",
                   "Thursday", "2024-08-01"),
        _court_day("b", "A Brenmoor jury convicted Dario Quell of arson on Tuesday after a two-week trial.",
                   "Tuesday", "2024-08-06"),
    ])
    assert ("date_conflict", ("a", "b")) in kinds


def _indicted(doc_id: str, text: str, year: str) -> Spec:
    return Spec(doc_id, text, "2005-12-20", dates=[Dt(year, year, granularity="year")],
                entities=[Ent("Tarrow", "PERSON"), Ent("Velmont")])


def test_one_step_of_a_case_dated_a_year_apart_is_a_disagreement():
    """Two sources date the indictment 1971 and 1972 in different words (a pair that would only
    corroborate were the dates two steps); an indictment of 1958 and one of 1972 are two cases,
    not one misdated."""
    from pipeline.compare.date_findings import one_step_misdated

    early = _indicted("a", "Tarrow was indicted in 1971 on bribery charges in Velmont.", "1971")
    late = _indicted("b", "He was first indicted in 1972, when detectives said he had paid off the Velmont police.",
                     "1972")
    older = _indicted("c", "Tarrow was first indicted in 1958, on a narcotics charge in Velmont.", "1958")
    docs, men = make_corpus([early, late, older])
    dates = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "date"}
    assert dates["a"].value.act == dates["b"].value.act == dates["c"].value.act == "charge"
    assert one_step_misdated(dates["a"], dates["b"]) and not one_step_misdated(dates["c"], dates["b"])
    assert ("date_conflict", ("a", "b")) in _kinds([early, late])


def _fire_on(doc_id: str, day: str, value: str, published: str) -> Spec:
    return Spec(doc_id, f"The fire at the Marden warehouse broke out {day}, firefighters said.", published,
                dates=[Dt(day.removeprefix("on "), value)], entities=[Ent("Marden")])


def test_today_a_day_off_another_source_is_no_disagreement():
    kinds = _kinds([_fire_on("a", "today", "2024-05-07", "2024-05-07"),
                    _fire_on("b", "on Monday", "2024-05-06", "2024-05-06")])
    assert not [k for k in kinds if k[0] == "date_conflict"]


def test_two_weekdays_a_day_apart_disagree():
    kinds = _kinds([_fire_on("a", "on Sunday", "2024-05-05", "2024-05-07"),
                    _fire_on("b", "on Monday", "2024-05-06", "2024-05-07")])
    assert ("date_conflict", ("a", "b")) in kinds


def _paid(doc_id: str, text: str, amount: str, value: float) -> Spec:
    return Spec(doc_id, text, "2024-02-29", numbers=[Num(amount, value, "USD", measure="price")],
                entities=[Ent("Kestrel Systems", "ORG"), Ent("Aldmoor", "ORG")])


def test_a_price_thousands_of_times_another_is_another_quantity():
    kinds = _kinds([
        _paid("a", "Aldmoor will pay a price of $334 million for Kestrel Systems.", "$334 million", 334e6),
        _paid("b", "Our price estimate for Aldmoor stands at $9.21 after buying Kestrel Systems.", "$9.21", 9.21),
    ])
    assert not [k for k in kinds if k[0] == "numeric_conflict"]


def test_a_price_a_thousand_times_another_still_disagrees():
    kinds = _kinds([
        _paid("a", "Aldmoor will pay a price of $334 million for Kestrel Systems.", "$334 million", 334e6),
        _paid("b", "Aldmoor will pay a price of $334 billion for Kestrel Systems.", "$334 billion", 334e9),
    ])
    assert ("numeric_conflict", ("a", "b")) in kinds


def _struck(doc_id: str, text: str) -> Spec:
    return Spec(doc_id, text, "2024-06-08", entities=[Ent("Raj Odell", "PERSON"), Ent("Brenmoor")])


def test_two_colours_of_one_car_disagree():
    docs, men = make_corpus([
        _struck("a", "Raj Odell was struck in Brenmoor by a grey 2013 Toyota Camry that fled the scene."),
        _struck("b", "Raj Odell was struck in Brenmoor by a silver Toyota Camry that fled the scene."),
        _struck("c", "Raj Odell was struck in Brenmoor by a gray Toyota Camry that fled the scene."),
    ])
    rows = [r for r in compare_documents(docs, men, encoder=encode).finding_rows() if r.kind == "account_conflict"]
    assert sorted(r.doc_id for r in rows) == ["a", "b", "c"]
    assert {r.topic for r in rows} == {"colour of the Toyota Camry"}
    assert "grey" in rows[0].note and "silver" in rows[0].note


def _cut(doc_id: str, text: str) -> Spec:
    return Spec(doc_id, text, "2024-08-16", entities=[Ent("Port Velo", "GPE"), Ent("Karsk", "LOC")])


def test_outcomes_a_sentence_gives_different_places_are_each_of_its_own_place():
    """"the loss of all telecommunications in Port Velo and parts of Karsk": total for Port Velo,
    partial for Karsk; another source's "partially blocked ... in Port Velo" disagrees on Port Velo.
    A sentence whose two outcomes share a place contrasts them and asserts neither."""
    from pipeline.compare import build_claims as claims_of

    docs, men = make_corpus([
        _cut("a", "A damaged fibre cable caused the loss of all telecommunications in Port Velo and parts of Karsk."),
        _cut("b", "An undersea cable cut on Tuesday partially blocked internet services in Port Velo."),
        _cut("c", "Services were partially restored in Port Velo a day after the cut had completely cut off Port "
                  "Velo."),
    ])
    outcomes = {(c.doc_id, c.value.outcome_class, c.row.subject) for c in claims_of(docs, men)
                if c.kind == "outcome" and c.value.outcome_set == "extent"}
    assert outcomes == {("a", "total", "Port Velo"), ("a", "partial", "Karsk"), ("b", "partial", "Port Velo")}
    rows = [r for r in compare_documents(docs, men, encoder=encode).finding_rows() if r.kind == "account_conflict"]
    assert sorted((r.doc_id, r.value) for r in rows) == [("a", "total"), ("b", "partial")]


def test_the_colours_of_two_things_do_not_disagree():
    kinds = _kinds([
        _struck("a", "Raj Odell was struck in Brenmoor by a grey Toyota Camry that fled the scene."),
        _struck("b", "Raj Odell, in a white shirt, was struck in Brenmoor by a car that fled the scene."),
    ])
    assert not [k for k in kinds if k[0] == "account_conflict"]


def test_a_fixed_phrase_names_no_colour():
    docs, men = make_corpus([_struck("a", "Officers in Brenmoor said red tape is no silver bullet for the red light."),
                             _struck("b", "Raj Odell was struck by a grey Camry in Brenmoor.")])
    colours = [c.text for c in build_claims(docs, men) if c.kind == "outcome"]
    assert colours == ["grey Camry"]


def test_a_colour_joined_to_another_word_names_neither():
    """"Blue-green algae" is one kind of algae, not a blue thing and a green one: no colour claim, so
    two sources that both name it never disagree on its colour."""
    docs, men = make_corpus([_struck("a", "Officers in Brenmoor said blue-green algae killed two dogs, and a "
                                          "dark-blue van was seen."),
                             _struck("b", "Raj Odell was struck by a grey Camry in Brenmoor.")])
    colours = [c.text for c in build_claims(docs, men) if c.kind == "outcome"]
    assert colours == ["grey Camry"]


def test_a_capitalised_colour_word_is_a_name():
    docs, men = make_corpus([_struck("a", "Officers said Gray Odell crossed the Red Sea Bridge in Brenmoor."),
                             _struck("b", "Raj Odell was struck by a grey Camry in Brenmoor.")])
    colours = [c.text for c in build_claims(docs, men) if c.kind == "outcome"]
    assert colours == ["grey Camry"]


def _assessments(text: str) -> list[str]:
    docs, men = make_corpus([Spec("a", text, "2024-09-18", entities=[Ent("Microsoft", "ORG")])])
    return [c.row.value for c in build_claims(docs, men) if c.kind == "assessment"]


def test_a_judgement_of_what_has_not_happened_is_none():
    assert _assessments("Users can switch browsers to stay safe until Microsoft comes up with a permanent fix.") == []
    assert _assessments("The new settings in the browser from Microsoft help prevent successful attacks.") == []


def test_a_judgement_of_what_happened_stands():
    assert _assessments("Microsoft released a permanent fix for the browser flaw on Tuesday.") == ["lasting"]
    assert _assessments("Microsoft said the attacks on the browser flaw were successful.") == ["positive"]


def test_a_value_only_a_source_of_another_value_gives_is_no_disagreement():
    docs = [
        _paid("a", "Aldmoor will pay $334 million for Kestrel Systems, the companies said.", "$334 million", 334e6),
        _paid("b", "Aldmoor agreed to pay $334 million for Kestrel Systems on Wednesday.", "$334 million", 334e6),
        Spec("c", "Aldmoor paid $334 million for Kestrel Systems. If Kestrel Systems earns $150 million, "
                  "Aldmoor paid about twice its sales.", "2024-02-29",
             numbers=[Num("$334 million", 334e6, "USD", measure="price"),
                      Num("$150 million", 150e6, "USD", measure="price")],
             entities=[Ent("Kestrel Systems", "ORG"), Ent("Aldmoor", "ORG")]),
    ]
    kinds = _kinds(docs)
    assert not [k for k in kinds if k[0] == "numeric_conflict"]
    assert ("corroboration", ("a", "b", "c")) in kinds


def _children(doc_id: str, text: str, *numbers: Num) -> Spec:
    return Spec(doc_id, text, "2024-02-01", numbers=list(numbers),
                entities=[Ent("Tomas Vell", "PERSON"), Ent("Marla Soane", "PERSON"), Ent("Brenmoor")])


def test_a_part_of_a_whole_does_not_disagree_with_the_whole():
    kinds = _kinds([
        _children("a", "Tomas Vell lived in Brenmoor with Marla Soane, the mother of three of his eight children.",
                  Num("three", 3, measure="children"), Num("eight", 8, "children", measure="children")),
        _children("b", "Tomas Vell had eight children by his wife and Marla Soane in Brenmoor.",
                  Num("eight", 8, "children", measure="children")),
    ])
    assert not [k for k in kinds if k[0] == "numeric_conflict"]


def test_what_is_said_of_the_whole_is_said_of_the_part():
    def shooting(doc_id: str, text: str, *numbers: Num) -> Spec:
        return Spec(doc_id, text, "2024-04-09", numbers=list(numbers), entities=[Ent("Troy"), Ent("Gordon Advisors")])
    docs, men = make_corpus([
        shooting("a", "In the Troy shooting at Gordon Advisors two of the three victims died, police said.",
                 Num("two", 2, measure="victims"), Num("three", 3, "victims", measure="victims")),
        shooting("b", "In the Troy shooting at Gordon Advisors two people died, police said.",
                 Num("two", 2, "people", measure="people")),
    ])
    part = next(c for c in build_claims(docs, men) if c.kind == "number" and c.doc_id == "a" and c.text == "two")
    assert part.concept == "deaths" and not part.value.part
    kinds = _kinds([shooting("a", "In the Troy shooting at Gordon Advisors two of the three victims died, police said.",
                             Num("two", 2, measure="victims"), Num("three", 3, "victims", measure="victims")),
                    shooting("b", "In the Troy shooting at Gordon Advisors three people died, police said.",
                             Num("three", 3, "people", measure="people"))])
    assert ("numeric_conflict", ("a", "b")) in kinds


def test_a_part_still_agrees_with_the_same_part():
    def seats(doc_id: str, text: str, *numbers: Num) -> Spec:
        return Spec(doc_id, text, "2024-07-05", numbers=list(numbers), entities=[Ent("Brenmoor"), Ent("Labour", "ORG")])
    kinds = _kinds([
        seats("a", "Labour won 152 of the 300 seats in the Brenmoor assembly.",
              Num("152", 152, measure="seats"), Num("300", 300, "seats", measure="seats")),
        seats("b", "Labour won 152 seats in the Brenmoor assembly.", Num("152", 152, "seats", measure="seats")),
        seats("c", "Labour won 152 seats in the Brenmoor assembly on Thursday.",
              Num("152", 152, "seats", measure="seats")),
    ])
    assert not [k for k in kinds if k[0] == "numeric_conflict"]
    assert ("corroboration", ("a", "b", "c")) in kinds


def test_a_mother_of_two_is_no_death_toll():
    docs, men = make_corpus([Spec("a", "A 59-year-old mother of two died when a driver struck her in Brenmoor.",
                                  "2024-06-08", numbers=[Num("two", 2, measure="mother")],
                                  entities=[Ent("Brenmoor")])])
    counts = [c for c in build_claims(docs, men) if c.kind == "number" and c.text == "two"]
    assert counts and all(c.concept != "deaths" for c in counts)


def _fall(doc_id: str, text: str, mention: str, metres: float, people: str) -> Spec:
    return Spec(doc_id, text, "2024-09-16", numbers=[Num(mention, metres, "m", measure="fell", people=people)],
                entities=[Ent(p, "PERSON") for p in people.split("; ") if p])


FALLS = [
    _fall("f1", "Climber Tobin Vayle fell about 600 metres from a ridge on Mount Carrow.", "about 600 metres", 600,
          "Tobin Vayle"),
    _fall("f2", "Jed Orrin slipped and fell 60 metres from a ridge on Mount Carrow.", "60 metres", 60, "Jed Orrin"),
    _fall("f3", "Vayle slipped and fell 700 metres from a ridge on Mount Carrow.", "700 metres", 700, "Vayle"),
]


def test_figures_of_two_people_are_two_quantities():
    from pipeline.compare.align import different_quantities

    docs, men = make_corpus(FALLS)
    falls = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert falls["f1"].value.people == ("Tobin Vayle",)
    assert "whose: Tobin Vayle" in falls["f1"].row.cues  # claims.csv says whose figure it is
    assert different_quantities(falls["f1"], falls["f2"]) == "people"
    assert different_quantities(falls["f1"], falls["f3"]) == ""  # "Vayle" is Tobin Vayle
    kinds = _kinds(FALLS)
    assert not any(set(ids) >= {"f2", "f1"} or set(ids) >= {"f2", "f3"} for _, ids in kinds)


def test_one_person_misspelt_by_a_letter_is_still_one_person():
    from pipeline.compare.align import same_person

    assert same_person("Duncan Rait", "Duncan Raite")
    assert same_person("Rait", "Duncan Rait")
    assert not same_person("Jed Orrin", "Tobin Vayle")
    assert not same_person("John Smith", "John Jones")  # a first name shared is not one person
    assert not same_person("Lu", "Su")  # short surnames one letter apart are two people


def test_a_figure_whose_clause_names_nobody_may_meet_anyones():
    from pipeline.compare.align import different_quantities

    specs = [FALLS[0], _fall("f4", "One of the party slipped on ice and fell 700 metres to his death.", "700 metres",
                             700, "")]
    docs, men = make_corpus(specs)
    falls = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert different_quantities(falls["f1"], falls["f4"]) != "people"


def _venue(doc_id: str, text: str, *places: tuple[str, str]) -> Spec:
    return Spec(doc_id, text, "2024-08-10", entities=[Ent("Halden", "PERSON")]
                + [Ent(name, "GPE", role=role) for name, role in places])


def _venue_findings(specs) -> list[tuple[str, tuple[str, ...]]]:
    return [k for k in _kinds(specs) if k[0] == "account_conflict"]


def test_two_places_for_one_trial_disagree():
    specs = [
        _venue("v1", "A Corvale jury convicted Halden of fraud on Thursday after a two-week trial.",
               ("Corvale", "jury")),
        _venue("v2", "Halden was convicted of fraud on Thursday by a jury in a court in Brenn after a two-week trial.",
               ("Brenn", "court in")),
        _venue("v3", "After a two-week trial in Brenn, a jury convicted Halden of fraud on Thursday.",
               ("Brenn", "trial in")),
    ]
    assert _venue_findings(specs) == [("account_conflict", ("v1", "v2", "v3"))]


def test_a_place_and_the_place_it_lies_in_are_one_answer():
    specs = [
        _venue("v1", "A Halvia jury convicted Halden of fraud on Thursday after a two-week trial.", ("Halvia", "jury")),
        _venue("v2", "Halden was convicted of fraud on Thursday by a jury in a court in Brenn, Halvia, after a trial.",
               ("Brenn", "court in"), ("Halvia", "court in")),
    ]
    docs, men = make_corpus(specs)
    places = [c for c in build_claims(docs, men) if c.kind == "outcome"]
    assert [(c.doc_id, c.value.outcome_class, c.value.within) for c in places] == [
        ("v1", "Halvia", ()), ("v2", "Brenn", ("Halvia",))]  # "Halvia" of "Brenn, Halvia" is Brenn's address
    assert _venue_findings(specs) == []


def test_a_place_with_no_venue_role_is_no_claim():
    specs = [_venue("v1", "The verdict against Halden was reported as far away as Corvale.", ("Corvale", "")),
             _venue("v2", "Halden visited Brenn before the trial.", ("Brenn", "visit"))]
    docs, men = make_corpus(specs)
    assert not [c for c in build_claims(docs, men) if c.kind == "outcome"]


def test_the_gazetteer_knows_what_lies_in_what():
    from pipeline.compare.gazetteer import lies_in

    assert lies_in("San Angelo", "Texas") and lies_in("Houston", "USA") and lies_in("Cardiff", "United Kingdom")
    assert lies_in("Schleicher County", "Texas")
    assert not lies_in("San Antonio", "San Angelo") and not lies_in("Texas", "San Angelo")


def test_a_region_holding_two_answers_stands_on_no_side():
    specs = [
        _venue("v1", "A San Antonio jury convicted Halden of fraud on Thursday after a two-week trial.",
               ("San Antonio", "jury")),
        _venue("v2", "Halden was convicted of fraud on Thursday by a jury in a court in San Angelo after a trial.",
               ("San Angelo", "court in")),
        _venue("v3", "A Texas jury convicted Halden of fraud on Thursday after a two-week trial.", ("Texas", "jury")),
    ]
    docs, men = make_corpus(specs)
    rows = [r for r in compare_documents(docs, men, encoder=encode).finding_rows() if r.kind == "account_conflict"]
    assert sorted((r.doc_id, r.value) for r in rows) == [("v1", "San Antonio"), ("v2", "San Angelo")]


def test_a_date_long_before_its_article_is_no_forecast():
    specs = [
        Spec("p", "Between 1991 and 1998 Halden was in and out of prison until he finally returned to prison "
                  "in June 1999 to serve a life sentence.", "2009-11-06", dates=[Dt("June 1999", "1999-06", "month")]),
        Spec("f", "The owners said the takeover of the Corvale mill is expected to close in March after the vote.",
             "2024-01-10", dates=[Dt("March", "2024-03", "month")]),
    ]
    docs, men = make_corpus(specs)
    forecast = {c.doc_id: c.value.forecast for c in build_claims(docs, men) if c.kind == "date"}
    assert forecast == {"p": False, "f": True}


def _charged(doc_id: str, text: str) -> Spec:
    return Spec(doc_id, text, "2024-04-13", entities=[Ent("Dorran Vell", "PERSON"), Ent("Brenn")])


def test_two_charges_for_one_killing_disagree_and_a_source_writing_both_stands_on_both_sides():
    specs = [
        _charged("c1", "Dorran Vell, the driver who struck and killed a woman in Brenn, was charged in her murder, "
                       "police said. Dorran Vell was charged with vehicular manslaughter and leaving the scene."),
        _charged("c2", "Dorran Vell, the driver who struck and killed a woman in Brenn, was charged with vehicular "
                       "manslaughter, police said."),
        _charged("c3", "The driver who struck and killed a woman in Brenn, Dorran Vell, was charged with vehicular "
                       "manslaughter and drunk driving, police said."),
    ]
    docs, men = make_corpus(specs)
    rows = [r for r in compare_documents(docs, men, encoder=encode).finding_rows() if r.kind == "account_conflict"]
    sides = {}
    for r in rows:
        sides.setdefault(r.side, set()).add(r.doc_id)
    assert sorted(map(sorted, sides.values())) == [["c1"], ["c1", "c2", "c3"]]


def _wardens(doc_id: str, text: str, count: str = "two", value: int = 2) -> Spec:
    return Spec(doc_id, text.format(count=count), "2024-09-03",
                numbers=[Num(count, value, "wardens", measure="wardens")], entities=[Ent("Dorvale")])


HELD = "A convicted burglar pulled a knife on {count} wardens during a transfer between jails in Dorvale and held them."
FLED = ("The inmate fled from a prison bus near Dorvale after threatening {count} wardens who were escorting him, "
        "according to a statement on Tuesday.")
TAKEN = "Officials said {count} wardens were briefly taken hostage on the road out of Dorvale before he ran off."


def test_the_same_count_of_the_same_thing_needs_less_to_be_one_quantity():
    from pipeline.compare import align

    def bar(*specs: Spec) -> float:
        docs, men = make_corpus(list(specs))
        a, b = [c for c in build_claims(docs, men) if c.kind == "number"]
        return align.figure_align_min(a, b)

    people = [Spec(s.doc_id, s.text.replace("wardens", "people"), s.published,
                   numbers=[Num(s.numbers[0].text, s.numbers[0].value, "people")], entities=s.entities)
              for s in (_wardens("w1", HELD), _wardens("w2", FLED))]
    assert align.SAME_COUNT_BONUS > 0
    assert bar(_wardens("w1", HELD), _wardens("w2", FLED)) == align.FIGURE_ALIGN_MIN - align.SAME_COUNT_BONUS
    assert bar(_wardens("w1", HELD), _wardens("w2", FLED, "three", 3)) == align.FIGURE_ALIGN_MIN  # two vs three
    assert bar(*people) == align.FIGURE_ALIGN_MIN  # "two people": a generic count, any two may meet


def test_the_same_count_of_the_same_thing_in_other_words_is_corroborated():
    assert ("corroboration", ("w1", "w2", "w3")) in _kinds(
        [_wardens("w1", HELD), _wardens("w2", FLED), _wardens("w3", TAKEN)])
    assert not any(k == "corroboration" for k, _ in _kinds(
        [_wardens("w1", HELD), _wardens("w2", FLED, "three", 3), _wardens("w3", TAKEN, "four", 4)]))


def _term(doc_id: str, text: str, number: str, value: float, unit: str = "years", kind: str = "duration") -> Spec:
    return Spec(doc_id, text, "2024-10-01", numbers=[Num(number, value, unit, kind=kind)],
                entities=[Ent("Morrell", "PERSON")])


def test_a_prison_term_is_one_measure_whatever_the_word():
    specs = [_term("t1", "Morrell was sentenced to five years for fraud.", "five years", 5),
             _term("t2", "Morrell received a five-year sentence for fraud.", "five-year", 5),
             _term("t3", "Morrell was jailed for five years for fraud.", "five years", 5),
             _term("t4", "For three decades Morrell feigned madness to avoid trial.", "three decades", 30),
             _term("t5", "Morrell shared a cell with 20 inmates in prison.", "20", 20, "inmates", "count")]
    docs, men = make_corpus(specs)
    concepts = {c.doc_id: c.concept for c in build_claims(docs, men) if c.kind == "number"}
    assert concepts == {"t1": "prison_term", "t2": "prison_term", "t3": "prison_term", "t4": "", "t5": ""}


def test_years_of_feigned_madness_are_no_rival_of_a_prison_term():
    specs = [_term("m1", "Morrell, serving a 12-year sentence, died in a prison hospital on Monday.", "12-year", 12),
             _term("m2", "Morrell, who for three decades feigned madness, died in a prison hospital on Monday.",
                   "three decades", 30)]
    assert not [k for k in _kinds(specs) if k[0] == "numeric_conflict"]


def test_a_further_count_is_an_addition_like_more_not_a_part():
    # "a further four appliances" and "six more engines": two additions, which may be compared;
    # "a further $20m" stays apart from a total through the addition alone
    further = Spec("f1", "Firefighters called a further four appliances to the Dunmore store.", "2024-06-11",
                   numbers=[Num("four", 4.0, "appliances")], entities=[Ent("Dunmore", "GPE")])
    more = Spec("f2", "Firefighters called six more engines to the Dunmore store.", "2024-06-11",
                numbers=[Num("six", 6.0, "engines")], entities=[Ent("Dunmore", "GPE")])
    docs, men = make_corpus([further, more])
    claims = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert claims["f1"].value.increment and claims["f2"].value.increment
    assert claims["f1"].value.part == claims["f2"].value.part
    assert "part" not in claims["f1"].row.cues


def _bout(doc_id: str, text: str, *numbers: Num) -> Spec:
    return Spec(doc_id, text, "2024-03-08", numbers=list(numbers),
                entities=[Ent("Dario Menza", "PERSON"), Ent("Tomas Rell", "PERSON"), Ent("Brenmoor")])


def _record(mention: str, first: int, second: int) -> Num:
    return Num(mention, first, kind="tally", value_max=second, measure="record")


def test_two_records_of_one_fighter_disagree_and_the_same_record_agrees():
    kinds = _kinds([
        _bout("a", "Dario Menza, who holds a 36-3 record with 51 knockouts, fights Tomas Rell in Brenmoor tonight.",
              _record("36-3", 36, 3), Num("51", 51, "knockouts", measure="knockouts")),
        _bout("b", "Dario Menza brings a 36-4 record and 51 knockouts into his fight with Tomas Rell in Brenmoor.",
              _record("36-4", 36, 4), Num("51", 51, "knockouts", measure="knockouts")),
        _bout("c", "Dario Menza, who holds a 36-3 record, fights Tomas Rell in Brenmoor tonight.",
              _record("36-3", 36, 3)),
    ])
    assert ("numeric_conflict", ("a", "b", "c")) in kinds
    tallies = build_claims(*make_corpus([_bout("a", "Dario Menza holds a 36-3 record with 51 knockouts.",
                                               _record("36-3", 36, 3), Num("51", 51, "knockouts"))]))
    record, knockouts = (next(c for c in tallies if c.text == t) for t in ("36-3", "51"))
    assert (record.value.family, record.value.lo, record.value.hi) == ("tally", 36, 3)
    assert knockouts.value.family == "count"


def test_the_same_score_in_other_words_is_one_corroboration():
    def game(doc_id: str, text: str) -> Spec:
        return Spec(doc_id, text, "2024-03-09", numbers=[Num("88-86", 88, kind="tally", value_max=86)],
                    entities=[Ent("Hawks", "ORG"), Ent("Carrow", "ORG")])
    kinds = _kinds([game("a", "Jalen Corr hit the winning shot as the Hawks beat Carrow 88-86 on Friday night."),
                    game("b", "Corr scored late to give the Hawks an 88-86 win over Carrow on Friday.")])
    assert kinds == [("corroboration", ("a", "b"))]


def _deal(doc_id: str, text: str, amount: str, value: float, *, term: bool = True) -> Spec:
    numbers = [Num(amount, value, "USD", kind="money", measure="contract")]
    if term:
        numbers.append(Num("eight-year", 8, "years", kind="duration", measure="contract"))
    return Spec(doc_id, text, "2021-06-02", numbers=numbers,
                entities=[Ent("Jalen Corr", "PERSON"), Ent("Brenmoor Hawks", "ORG")])


DEALS = [
    _deal("a", "Jalen Corr signed an eight-year contract worth $23 million a year with the Brenmoor Hawks.",
          "$23 million", 23e6),
    _deal("b", "Jalen Corr agreed to an eight-year, $184 million contract with the Brenmoor Hawks.",
          "$184 million", 184e6),
    _deal("c", "Jalen Corr agreed to an eight-year, $200 million contract with the Brenmoor Hawks.",
          "$200 million", 200e6),
]


def test_a_rate_over_its_term_is_the_total():
    docs, men = make_corpus(DEALS)
    rate = next(c for c in build_claims(docs, men) if c.text == "$23 million a year")
    assert (rate.value.per, rate.value.over_term[0]) == ("year", 184e6)
    conflict = [r for r in compare_documents(docs, men, encoder=encode).finding_rows() if r.kind == "numeric_conflict"]
    sides = {r.doc_id: r.side for r in conflict}
    assert sorted(sides) == ["a", "b", "c"] and sides["a"] == sides["b"] != sides["c"]
    assert "'$23 million a year' over the term its source gives is 184,000,000" in conflict[0].note


def test_a_rate_without_its_term_stands_against_no_total():
    kinds = _kinds([
        _deal("a", "Jalen Corr will earn $23 million a year with the Brenmoor Hawks under his new contract.",
              "$23 million", 23e6, term=False),
        _deal("b", "Jalen Corr will earn $184 million with the Brenmoor Hawks under his new contract.",
              "$184 million", 184e6, term=False),
    ])
    assert not [k for k in kinds if k[0] == "numeric_conflict"]


def _mill(doc_id: str, text: str, *, age: str = "", year: str = "") -> Spec:
    return Spec(doc_id, text, "2021-03-09",
                numbers=[Num(age, int(age.split("-")[0]), "years", kind="age", measure="age")] if age else [],
                dates=[Dt(year, year, granularity="year")] if year else [],
                entities=[Ent("Carrow Mill", "FAC"), Ent("Brenmoor")])


def test_the_age_of_a_building_dates_its_building():
    specs = [
        _mill("a", "A fire destroyed the 86-year-old Carrow Mill building in Brenmoor, fire officials said.",
              age="86-year-old"),
        _mill("b", "The Carrow Mill building, built in 1935, burned down in Brenmoor, officials said.", year="1935"),
        _mill("c", "The Carrow Mill building, built in 1925, burned down in Brenmoor, officials said.", year="1925"),
    ]
    docs, men = make_corpus(specs)
    made = next(c for c in build_claims(docs, men) if c.kind == "date" and c.doc_id == "a")
    assert (made.text, made.row.value) == ("86-year-old", "1934/1935")
    conflict = [r for r in compare_documents(docs, men, encoder=encode).finding_rows() if r.kind == "date_conflict"]
    sides = {r.doc_id: r.side for r in conflict}
    assert sorted(sides) == ["a", "b", "c"] and sides["a"] == sides["b"] != sides["c"]
    assert "'86-year-old' in a 2021-03-09 article (made in 1934 or 1935)" in conflict[0].note


def test_a_year_of_making_in_a_short_sentence_meets_the_age():
    """"The depot, which opened in 1987, had been inspected last spring": up to the next date, too few
    words to date an event of their own; the verb of making says what the year dates, and the
    30-year-old depot disputes it."""
    def depot(doc_id: str, text: str, **kw: str) -> Spec:
        return dataclasses.replace(_mill(doc_id, text, **kw), published="2026-01-14")
    opened_in = depot("a", "The depot, which opened in 1987, had been inspected last spring, the company said.",
                      year="1987")
    opened_in.dates.append(Dt("last spring", "2025-SP", granularity="season", anchor="2026-01-14"))
    specs = [
        opened_in,
        depot("b", "The 30-year-old depot in Brenmoor will stay closed while engineers inspect it.",
              age="30-year-old"),
    ]
    docs, men = make_corpus(specs)
    opened = next(c for c in build_claims(docs, men) if c.kind == "date" and c.doc_id == "a")
    assert (opened.value.made, opened.frame.startswith("depot made #")) == ("depot", True)
    conflict = [r for r in compare_documents(docs, men, encoder=encode).finding_rows() if r.kind == "date_conflict"]
    assert sorted(r.doc_id for r in conflict) == ["a", "b"]
    assert "(made in 1995 or 1996)" in conflict[0].note


def test_a_year_after_a_verb_of_making_of_no_made_thing_dates_no_making():
    docs, men = make_corpus([_mill("a", "The inquiry, which opened in 1987, was closed in Brenmoor.", year="1987")])
    assert all(c.value.made == "" for c in build_claims(docs, men) if c.kind == "date")


def test_the_age_of_a_person_dates_nothing():
    docs, men = make_corpus([_mill("a", "An 86-year-old man was hurt when the Carrow Mill building in Brenmoor burned.",
                                   age="86-year-old")])
    assert not [c for c in build_claims(docs, men) if c.kind == "date"]


def _plant(doc_id: str, text: str) -> Spec:
    return Spec(doc_id, text, "2024-05-14", entities=[Ent("Mara Quist", "PERSON"), Ent("Quist Foods", "ORG"),
                                                      Ent("Brenmoor General Hospital", "ORG")])


def test_two_titles_of_one_person_that_exclude_each_other_disagree():
    kinds = _kinds([
        _plant("a", "Mara Quist, the company's chief executive, said Quist Foods would help the investigators."),
        _plant("b", "Chief operating officer Mara Quist said Quist Foods would cooperate with investigators."),
        _plant("c", "Mara Quist, chief executive of Quist Foods, said the firm would help investigators."),
    ])
    assert ("account_conflict", ("a", "b", "c")) in kinds


def test_titles_of_two_holders_or_outside_a_set_stand_against_none():
    kinds = _kinds([
        _plant("a", "Mara Quist, the company's chief executive, said Quist Foods would help the investigators."),
        _plant("b", "Chief operating officer Dan Hollis said Quist Foods would cooperate with investigators."),
        _plant("c", "Mara Quist, a spokeswoman for Quist Foods, said the firm would help investigators."),
    ])
    assert not [k for k in kinds if k[0] == "account_conflict"]
    kinds = _kinds([
        _plant("a", "Mara Quist, the company's chief executive, said Quist Foods would help the investigators."),
        _plant("b", "Former chief operating officer Mara Quist said Quist Foods would cooperate with investigators."),
    ])
    assert not [k for k in kinds if k[0] == "account_conflict"]  # a title once held is no title now


def test_a_ship_named_two_types_is_a_disagreement_whatever_the_sentences_say():
    def patrol(doc_id: str, text: str) -> Spec:
        return Spec(doc_id, text, "2024-05-14", entities=[Ent("Gulf of Aden", "LOC")])
    kinds = _kinds([patrol("a", "Patrol vessel INS Tarn was escorting five merchant ships through the Gulf of Aden."),
                    patrol("b", "The navy's frigate INS Tarn seized arms from the pirates it caught.")])
    assert ("account_conflict", ("a", "b")) in kinds


def test_critical_and_stable_condition_disagree():
    kinds = _kinds([
        _plant("a", "A Quist Foods worker was taken to Brenmoor General Hospital in critical condition after a fall."),
        _plant("b", "A worker was in stable condition at Brenmoor General Hospital after a fall at Quist Foods."),
    ])
    assert ("account_conflict", ("a", "b")) in kinds


def _vote(doc_id: str, text: str, day_text: str, value: str, anchor: str = "") -> Spec:
    return Spec(doc_id, text, "2023-05-09", dates=[Dt(day_text, value, anchor=anchor)],
                entities=[Ent("Brenmoor"), Ent("Brenmoor council", "ORG")])


def test_a_weekday_against_an_explicit_date():
    explicit = _vote("b", "The Brenmoor council voted on May 9 to close the old harbour bridge to traffic.",
                     "May 9", "2023-05-09")
    monday = _vote("a", "The Brenmoor council voted on Monday to close the old harbour bridge to traffic.",
                   "Monday", "2023-05-08", anchor="2023-05-09")
    tuesday = _vote("c", "The Brenmoor council voted on Tuesday to close the old harbour bridge to traffic.",
                    "Tuesday", "2023-05-09", anchor="2023-05-09")
    assert ("date_conflict", ("a", "b")) in _kinds([monday, explicit])
    assert not [k for k in _kinds([tuesday, explicit]) if k[0] == "date_conflict"]


def _results(doc_id: str, text: str, period: str, value: str) -> Spec:
    granularity = "quarter" if "Q" in value else "month"
    return Spec(doc_id, text, "2013-07-24", dates=[Dt(period, value, granularity=granularity)],
                entities=[Ent("Kestrel Systems", "ORG")])


def test_a_fiscal_quarter_is_no_calendar_quarter():
    fiscal = _results("a", "Kestrel Systems said its profit for its fiscal third quarter rose on strong sales "
                           "of phones.", "its fiscal third quarter", "2013-Q3")
    calendar = _results("b", "Kestrel Systems said its profit for the quarter that ended in June rose on strong sales "
                             "of phones.", "June", "2013-06")
    other_fiscal = _results("c", "Kestrel Systems said its profit for its fiscal second quarter rose on strong "
                                 "sales of phones.", "its fiscal second quarter", "2013-Q2")
    assert not [k for k in _kinds([fiscal, calendar]) if k[0] == "date_conflict"]
    assert ("date_conflict", ("a", "c")) in _kinds([fiscal, other_fiscal])


def test_the_time_left_and_a_count_in_short_form():
    def game(doc_id: str, text: str, *numbers: Num) -> Spec:
        return Spec(doc_id, text, "2024-03-09", numbers=list(numbers),
                    entities=[Ent("Jalen Corr", "PERSON"), Ent("Hawks", "ORG"), Ent("Carrow", "ORG")])
    kinds = _kinds([
        game("a", "Jalen Corr hit the winning shot with two seconds left as the Hawks beat Carrow on Friday.",
             Num("two seconds", 2, "seconds", kind="duration")),
        game("b", "Jalen Corr scored with 4.5 seconds remaining to give the Hawks the win over Carrow on Friday.",
             Num("4.5 seconds", 4.5, "seconds", kind="duration")),
    ])
    assert ("numeric_conflict", ("a", "b")) in kinds
    kinds = _kinds([
        _bout("a", "Dario Menza, who has 51 knockouts, fights Tomas Rell in Brenmoor on Saturday.",
              Num("51", 51, "knockouts", measure="knockouts")),
        _bout("b", "Dario Menza (51 KO) fights Tomas Rell in Brenmoor on Saturday.", Num("51", 51, "KO", measure="KO")),
    ])
    assert kinds == [("corroboration", ("a", "b"))]


def test_a_year_ago_is_no_rate():
    docs, men = make_corpus([Spec("a", "Kestrel Systems earned $5 million a year ago and $9 million a year now.",
                                  "2024-05-14", numbers=[Num("$5 million", 5e6, "USD", kind="money"),
                                                         Num("$9 million", 9e6, "USD", kind="money")],
                                  entities=[Ent("Kestrel Systems", "ORG")])])
    pers = {c.row.text: c.value.per for c in build_claims(docs, men) if c.kind == "number"}
    assert pers == {"$5 million": "", "$9 million a year": "year"}


def test_a_change_told_per_period_is_a_rate():
    """"Will pay £88 more a year": the change's period is the rate's, as in "£92 a year"."""
    docs, men = make_corpus([Spec("a", "Band D households in Wexley will pay £88 more a year.", "2039-02-14",
                                  numbers=[Num("£88", 88, "GBP", kind="money")], entities=[Ent("Wexley", "GPE")])])
    pers = {c.row.text: c.value.per for c in build_claims(docs, men) if c.kind == "number"}
    assert pers == {"£88 more a year": "year"}


def _bridge(doc_id: str, text: str) -> Spec:
    return Spec(doc_id, text, "2024-05-14", entities=[Ent("Corvale Bridge", "FAC"), Ent("Tarn County", "GPE")])


def test_two_grades_of_how_well_one_thing_was_done_disagree():
    """"well maintained" against "poorly maintained" (and "under-" against "well") of one bridge:
    an account conflict with sides; "undermined", "as well" and a negated grade are no grades."""
    kinds = _kinds([
        _bridge("a", "Inspectors had found the Corvale Bridge well maintained before the collapse, Tarn County said."),
        _bridge("b", "The Corvale Bridge was poorly maintained for years before the collapse, engineers said."),
        _bridge("c", "Engineers said the poorly-maintained Corvale Bridge collapsed after the flood in Tarn County."),
    ])
    assert ("account_conflict", ("a", "b", "c")) in kinds
    claims = build_claims(*make_corpus([
        _bridge("d", "The flood undermined the Corvale Bridge, and the road was closed as well guarded."),
        _bridge("e", "The Corvale Bridge was not well maintained, Tarn County admitted."),
        _bridge("f", "The Corvale Bridge crew was understaffed, Tarn County said."),
    ]))
    grades = sorted((c.doc_id, c.value.outcome_set, c.value.outcome_class) for c in claims
                    if c.kind == "outcome" and c.value.outcome_set.startswith("how well"))
    assert grades == [("f", "how well staffed", "poor")], grades


def test_grades_of_two_things_stand_against_none():
    kinds = _kinds([
        _bridge("a", "Inspectors had found the Corvale Bridge well maintained before the collapse, Tarn County said."),
        _bridge("b", "Tarn County roads were poorly maintained for years, a report said."),
    ])
    assert not [k for k in kinds if k[0] == "account_conflict"], kinds


def test_shortly_before_midnight_on_a_day_is_the_end_of_that_day():
    """"Shortly before midnight on Sunday" is Sunday's last minutes, so it disputes "about 10.30pm"
    on Sunday (90 minutes apart) and agrees with "11.50pm"; read as 00:00, it lay a day away."""
    spec = Spec("a", "The fire broke out shortly before midnight on Sunday, firefighters said.", "2024-05-14",
                dates=[Dt("midnight", "2024-05-12T00:00", granularity="time", qualifier="before"),
                       Dt("Sunday", "2024-05-12")])
    docs, men = make_corpus([spec])
    (time,) = [c for c in build_claims(docs, men) if c.kind == "time"]
    assert time.value.lo <= 23 * 60 + 50 <= time.value.hi + time.value.tol
    assert time.value.hi == 24 * 60


def test_midnight_counted_at_either_end_of_the_day_is_one_moment():
    """"Shortly before midnight" (the day's last minutes) and "around midnight" (00:00) of one arrest
    agree: sources count midnight at either end of the day."""
    specs = [Spec("a", "The suspect was arrested near the scene shortly before midnight, police said.", "2024-05-14",
                  dates=[Dt("midnight", "XXXX-XX-XXT00:00", granularity="time", qualifier="before")]),
             Spec("b", "The suspect was arrested near the scene around midnight, police said.", "2024-05-14",
                  dates=[Dt("midnight", "XXXX-XX-XXT00:00", granularity="time", qualifier="approx")])]
    docs, men = make_corpus(specs)
    before, around = [c for c in build_claims(docs, men) if c.kind == "time"]
    assert before.value.hi == 24 * 60 and around.value.lo == 0
    assert times_agree(before, around)
    assert not [k for k in _kinds(specs) if k[0] == "date_conflict"]
