"""Compare on small corpora of hand-made mentions: running counts read in publication order,
compatible vs equal values, wire copies, measures that must not mix, background figures.

Each corpus plants what must be found and asserts that nothing else is."""

from __future__ import annotations

import dataclasses

from pipeline.compare import build_claims, compare_documents, sources
from pipeline.compare.number_findings import merge_groups_told_twice
from pipeline.extract.encoder import encode
from pipeline.schema import FindingRow
from tests.compare_fixtures import Dt, Ent, Num, Spec, make_corpus


def _run(specs):
    docs, men = make_corpus(specs)
    cmp = compare_documents(docs, men, encoder=encode)
    groups: dict[str, list[FindingRow]] = {}
    for r in cmp.finding_rows():
        groups.setdefault(r.finding_id, []).append(r)
    return cmp, list(groups.values())


def _summary(groups):
    return sorted((g[0].kind, tuple(sorted(r.doc_id for r in g))) for g in groups)


# --- a wildfire: burned area grows day by day; "trapped" is not "injured" --------------------

FIRE = [
    Spec("w1", "The Ridge Fire has burned 10,000 acres in Lake County, officials said. "
               "At least two firefighters were injured on the fire line.", "2024-08-01",
         numbers=[Num("10,000 acres", 10000, "acre", kind="measure"),
                  Num("At least two", 2, "", "at_least", measure="firefighters")],
         entities=[Ent("Ridge Fire", "EVENT"), Ent("Lake County")]),
    Spec("w2", "The Ridge Fire has now burned 25,000 acres in Lake County. "
               "Two firefighters were injured and six others trapped by the flames were rescued.", "2024-08-02",
         numbers=[Num("25,000 acres", 25000, "acre", kind="measure"),
                  Num("Two", 2, "", measure="firefighters"), Num("six", 6, "others", measure="trapped")],
         entities=[Ent("Ridge Fire", "EVENT"), Ent("Lake County")]),
    Spec("w3", "By Saturday the Ridge Fire had scorched 40,000 acres in Lake County, fire officials said.",
         "2024-08-03",
         numbers=[Num("40,000 acres", 40000, "acre", kind="measure")],
         entities=[Ent("Ridge Fire", "EVENT"), Ent("Lake County")]),
]


def test_growing_burned_area_is_an_update_and_trapped_is_not_injured():
    cmp, groups = _run(FIRE)
    assert _summary(groups) == [("corroboration", ("w1", "w2")), ("superseded", ("w1", "w2", "w3"))]
    sup = next(g for g in groups if g[0].kind == "superseded")
    assert "rose from 10,000 acre (2024-08-01" in sup[0].note and "to 40,000 acre (2024-08-03" in sup[0].note
    assert "update" in sup[0].note
    injured = next(g for g in groups if g[0].kind == "corroboration")
    assert {r.value for r in injured} == {">=2", "2"}  # "at least two" and "two" state the same number
    six = next(c for c in cmp.claims if c.text == "six")
    assert six.measure != "injured"  # "six others trapped": the verb after the count decides


# --- a quake: a toll that grows with publication time, bounds that are only compatible --------

TOLL = [
    Spec("t1", "A strong earthquake hit Nortia province on Tuesday, killing at least one person.", "2013-07-02",
         numbers=[Num("at least one", 1, "person", "at_least", measure="person")],
         entities=[Ent("Nortia")]),
    Spec("t2", "Five people died in Nortia province after the earthquake, officials said. "
               "At least 22 houses were damaged in the earthquake.", "2013-07-02",
         numbers=[Num("Five", 5, "people", measure="people died"),
                  Num("At least 22", 22, "houses", "at_least", measure="houses")],
         entities=[Ent("Nortia")]),
    Spec("t3", "The earthquake in Nortia province left 24 people dead, the disaster agency said. "
               "One report said six children were killed and 14 trapped under debris when a school collapsed. "
               "Around 40 houses were damaged by the earthquake in Nortia.", "2013-07-03",
         numbers=[Num("24", 24, "people", measure="people dead"), Num("six", 6, "children", measure="children killed"),
                  Num("14", 14, "", measure="children killed"),
                  Num("Around 40", 40, "houses", "approx", measure="houses")],
         entities=[Ent("Nortia")]),
]


def test_rising_toll_is_superseded_with_a_readable_note_and_no_conflict():
    cmp, groups = _run(TOLL)
    assert _summary(groups) == [("superseded", ("t1", "t2", "t3")), ("superseded", ("t2", "t3"))]
    toll, houses = sorted(groups, key=len, reverse=True)
    note = toll[0].note
    assert "death toll rose from at least 1 (2013-07-02" in note and "to 24 (2013-07-03" in note
    assert not any(r.value == "14" for r in cmp.finding_rows())  # trapped, not dead
    # "at least 22 houses" and "around 40 houses" a day later can both be true: not one figure, but
    # the later report moves the count of damaged houses up, an update
    assert "rose from at least 22 (2013-07-02" in houses[0].note


RAID_SENTENCES = {
    "r1": "The Varn militia has carried out more than {} attacks on ships in the strait so far, the navy said.",
    "r2": "Since the blockade began, Varn fighters have launched more than {} attacks on merchant vessels in total.",
    "r3": "In all, more than {} attacks on shipping have been claimed by the Varn militia, according to insurers.",
}


def _raids(doc_id: str, text: str, value: int, published: str) -> Spec:
    return Spec(doc_id, RAID_SENTENCES[doc_id].format(text), published,
                numbers=[Num(f"more than {text}", value, "attacks", "more_than", measure="attacks")],
                entities=[Ent("Varn", "ORG")])


def test_a_running_count_whose_floor_rises_is_an_update():
    """"More than 30" and "more than 50" can both be true, but a later report moving the floor of
    a running count up is an update; the same floor again is a corroboration."""
    _, groups = _run([_raids("r1", "30", 30, "2024-01-10"), _raids("r2", "50", 50, "2024-02-01"),
                      _raids("r3", "60", 60, "2024-02-20")])
    assert _summary(groups) == [("superseded", ("r1", "r2", "r3"))]
    assert "rose from more than 30" in groups[0][0].note
    _, same = _run([_raids("r1", "30", 30, "2024-01-10"), _raids("r2", "30", 30, "2024-02-01")])
    assert _summary(same) == [("corroboration", ("r1", "r2"))]


def test_same_day_figures_that_differ_are_a_conflict_between_those_sources_only():
    specs = [
        *TOLL,
        Spec(
            "t4",
            "Officials in Nortia province said 11 people were killed by the earthquake.",
            "2013-07-03",
            numbers=[Num("11", 11, "people", measure="people killed")],
            entities=[Ent("Nortia")],
        ),
    ]
    _, groups = _run(specs)
    kinds = _summary(groups)
    assert ("superseded", ("t1", "t2", "t3", "t4")) in kinds
    assert ("numeric_conflict", ("t3", "t4")) in kinds  # 24 vs 11, both published 2013-07-03
    assert len(kinds) == 3  # and the damaged houses' update


def test_a_reprinted_wire_sentence_keeps_the_date_it_was_written():
    wire = "Five people died in Nortia province after the earthquake, officials said."
    specs = [
        *TOLL,
        Spec(
            "t5",
            wire,
            "2013-07-03",
            numbers=[Num("Five", 5, "people", measure="people died")],
            entities=[Ent("Nortia")],
        ),
    ]
    _, groups = _run(specs)
    # no 5-vs-24 "conflict" on 07-03 (and the damaged houses' update)
    assert _summary(groups) == [("superseded", ("t1", "t2", "t3", "t5")), ("superseded", ("t2", "t3"))]


# --- measures that must never mix ------------------------------------------------------------

def test_magnitude_age_and_countries_never_become_deaths():
    specs = [
        Spec("m1", "A 6.1-magnitude earthquake which hit Nortia killed a child. "
                   "A 22-year-old resident said the walls fell. "
                   "A tsunami killed 230,000 people in 13 countries in 2004.", "2013-07-02",
             numbers=[Num("6.1-magnitude", 6.1, "magnitude", kind="magnitude", measure="earthquake killed"),
                      Num("22-year-old", 22, "years", kind="age", measure="resident"),
                      Num("230,000", 230000, "people", as_of="2004"),
                      Num("13", 13, "countries", measure="countries", as_of="2004")],
             dates=[Dt("2004", "2004", "year")], entities=[Ent("Nortia")]),
        Spec("m2", "The 6.1-magnitude quake in Nortia killed at least one person. "
                   "A 22-year-old resident of the village said houses collapsed. "
                   "In 2004 a tsunami killed 230,000 people in 14 countries.", "2013-07-03",
             numbers=[Num("6.1-magnitude", 6.1, "magnitude", kind="magnitude", measure="quake"),
                      Num("at least one", 1, "person", "at_least"),
                      Num("22-year-old", 22, "years", kind="age", measure="resident"),
                      Num("230,000", 230000, "people", as_of="2004"),
                      Num("14", 14, "countries", measure="countries", as_of="2004")],
             dates=[Dt("2004", "2004", "year")], entities=[Ent("Nortia")]),
    ]
    cmp, groups = _run(specs)
    measures = {c.text: c.measure for c in cmp.claims if c.kind == "number"}
    assert measures["6.1-magnitude"] == "magnitude" and measures["13"] != "deaths"
    assert measures["22-year-old"] == "age"  # an age is compared only with ages
    for g in groups:
        values = {r.value for r in g}
        assert not ({"6.1"} & values and {"1", ">=1", "230000"} & values)
        assert not ({"13", "14"} & values and (g[0].kind == "superseded" or "deaths" in g[0].topic))
    assert ("corroboration", ("m1", "m2")) in _summary(groups)  # 6.1 = 6.1


def test_a_date_in_a_later_clause_is_not_the_figures_reference_time():
    text = "The strong 6.1-magnitude quake rocked a region that was devastated by the tsunami of 2004."
    docs, men = make_corpus([Spec("a", text, "2013-07-03",
                                  numbers=[Num("6.1-magnitude", 6.1, "magnitude", kind="magnitude", as_of="2004")],
                                  dates=[Dt("2004", "2004", "year")])])
    (claim,) = [c for c in build_claims(docs, men) if c.kind == "number"]
    assert claim.as_of == ""


def test_a_holiday_next_to_an_explicit_year_is_not_dated_by_the_publication_year():
    text = ("Nortia was hit extremely hard by the massive Boxing Day earthquake and tsunami in 2004, "
            "killing 170,000 people in coastal Nortia province.")
    docs, men = make_corpus(
        [
            Spec(
                "a",
                text,
                "2013-07-02",
                dates=[Dt("Boxing Day", "2012-12-26", anchor="2013-07-02"), Dt("2004", "2004", "year")],
            )
        ]
    )
    values = {c.value.value for c in build_claims(docs, men) if c.kind == "date"}
    assert "2012-12-26" not in values and "2004" in values


# --- copies of one wire story and scope -------------------------------------------------------

RAIN = "The storm dropped 12 inches of rain on Port Alba overnight, forecasters said."


def test_two_copies_of_one_wire_sentence_are_one_source():
    specs = [Spec(d, RAIN, "2024-03-02", numbers=[Num("12 inches", 12, "inch", kind="measure")],
                  entities=[Ent("Port Alba")]) for d in ("a", "b")]
    _, groups = _run(specs)
    assert groups == []
    specs.append(Spec("c", "Forecasters measured 12 inches of rain in Port Alba after the storm.", "2024-03-02",
                      numbers=[Num("12 inches", 12, "inch", kind="measure")], entities=[Ent("Port Alba")]))
    _, groups = _run(specs)
    assert _summary(groups) == [("corroboration", ("a", "b", "c"))]
    assert "2 independent sources" in groups[0][0].note and "same wire sentence" in groups[0][0].note


def test_a_short_sentence_written_alike_shows_no_copying():
    docs, men = make_corpus([Spec(d, "Dario Quell ran the Brenmoor port for decades. He was 77.", "2024-03-02",
                                  numbers=[Num("77", 77, "years", kind="age", measure="age")],
                                  entities=[Ent("Dario Quell", "PERSON"), Ent("Brenmoor")]) for d in ("a", "b")])
    ages = [c for c in build_claims(docs, men) if c.kind == "number"]
    assert len(sources.independent_sources(ages)) == 2
    long = [Spec(d, RAIN, "2024-03-02", numbers=[Num("12 inches", 12, "inch", kind="measure")],
                 entities=[Ent("Port Alba")]) for d in ("a", "b")]
    docs, men = make_corpus(long)
    assert len(sources.independent_sources([c for c in build_claims(docs, men) if c.kind == "number"])) == 1


def test_background_counts_with_different_places_say_different_scope():
    specs = [
        Spec("s1", "In 2004 a tsunami killed 170,000 people in the province of Nortia.", "2013-07-02",
             numbers=[Num("170,000", 170000, "people", as_of="2004")], dates=[Dt("2004", "2004", "year")],
             entities=[Ent("Nortia")]),
        Spec("s2", "In 2004 a tsunami off Nortia killed 230,000 people across Asia.", "2013-07-02",
             numbers=[Num("230,000", 230000, "people", as_of="2004")], dates=[Dt("2004", "2004", "year")],
             entities=[Ent("Nortia"), Ent("Asia", "LOC")]),
        Spec("s3", "An earthquake hit Nortia on Tuesday, killing 5 people.", "2013-07-02",
             numbers=[Num("5", 5, "people")], dates=[Dt("Tuesday", "2013-07-02", anchor="2013-07-02")],
             entities=[Ent("Nortia")]),
    ]
    _, groups = _run(specs)
    # a continent's toll and a province's are a whole and its part (align._scopes_of_two_widths);
    # today's 5 never joins 2004's toll
    assert _summary(groups) == [], _summary(groups)
    specs[1] = Spec("s2", "In 2004 a tsunami off Nortia killed 230,000 people in the region of Nortia.", "2013-07-02",
                    numbers=[Num("230,000", 230000, "people", as_of="2004")], dates=[Dt("2004", "2004", "year")],
                    entities=[Ent("Nortia")])
    _, groups = _run(specs)
    assert _summary(groups) == [("numeric_conflict", ("s1", "s2"))]  # "the region" says no width
    assert "different scope: 'in the province of Nortia' vs 'in the region of Nortia'" in groups[0][0].note


# --- a company's results with a background figure from years ago ------------------------------

RESULTS = [
    Spec("c1", "Borealis Corp reported revenue of $5.2 billion for 2024. "
               "In 2019, Borealis Corp revenue was $1.1 billion.", "2025-02-01",
         numbers=[Num("$5.2 billion", 5.2e9, "USD", kind="money", measure="revenue", as_of="2024"),
                  Num("$1.1 billion", 1.1e9, "USD", kind="money", measure="revenue", as_of="2019")],
         dates=[Dt("2024", "2024", "year"), Dt("2019", "2019", "year")],
         entities=[Ent("Borealis Corp", "ORG")]),
    Spec("c2", "Borealis Corp said its annual revenue reached $5.2 billion, a record.", "2025-02-02",
         numbers=[Num("$5.2 billion", 5.2e9, "USD", kind="money", measure="its annual revenue")],
         entities=[Ent("Borealis Corp", "ORG")]),
    Spec("c3", "Borealis Corp revenue was $1.3 billion in 2019, analysts noted.", "2025-02-03",
         numbers=[Num("$1.3 billion", 1.3e9, "USD", kind="money", measure="revenue", as_of="2019")],
         dates=[Dt("2019", "2019", "year")], entities=[Ent("Borealis Corp", "ORG")]),
]


def test_background_figure_from_years_ago_stays_in_its_own_group():
    _, groups = _run(RESULTS)
    kinds = _summary(groups)
    assert ("corroboration", ("c1", "c2")) in kinds  # $5.2bn, this year's figure
    assert ("numeric_conflict", ("c1", "c3")) in kinds  # 2019: $1.1bn vs $1.3bn
    assert len(kinds) == 2
    old = next(g for g in groups if g[0].kind == "numeric_conflict")
    assert {r.as_of for r in old} == {"2019"}
    # conflicts rank above corroborations
    assert groups[0][0].kind == "numeric_conflict"


def test_groups_joined_by_a_source_giving_one_value_merge_and_two_values_do_not():
    specs = [
        Spec("k1", "Five people died in the Nortia blast. Officials said five people died.", "2013-07-02",
             numbers=[Num("Five", 5, "people", measure="people died"), Num("five", 5, "people", measure="people died")],
             entities=[Ent("Nortia")]),
        Spec("k2", "Seven people died in the Nortia blast. Officials said seven people died.", "2013-07-03",
             numbers=[Num("Seven", 7, "people", measure="people died"),
                      Num("seven", 7, "people", measure="people died")],
             entities=[Ent("Nortia")]),
    ]
    docs, men = make_corpus(specs)
    claims = [c for c in build_claims(docs, men) if c.kind == "number"]
    first, second = ([i for i, c in enumerate(claims) if c.row.sent_no == n] for n in (0, 1))
    assert merge_groups_told_twice(claims, [first, second]) == [sorted(first + second)]
    six = [dataclasses.replace(claims[second[0]], value=dataclasses.replace(claims[second[0]].value, lo=6.0, hi=6.0)),
           claims[second[1]]]
    apart = [claims[i] for i in first] + six  # k1 gives 5 in one group and 6 in the other
    assert merge_groups_told_twice(apart, [[0, 1], [2, 3]]) == [[0, 1], [2, 3]]
    # a statement of its own a group holds besides (k1's "3 in the neighbouring district" beside
    # its 5) keeps no source's 5 from being one figure told twice
    three = dataclasses.replace(claims[first[0]], value=dataclasses.replace(claims[first[0]].value, lo=3.0, hi=3.0))
    besides = [claims[first[0]], three, claims[first[1]], claims[second[0]], claims[second[1]]]
    assert merge_groups_told_twice(besides, [[0, 1, 2], [3, 4]]) == [[0, 1, 2, 3, 4]]


def test_rising_floors_are_found_as_all_pairs_would_find_them():
    """Each statement is tested only against the lowest floor of the days before it: a rise is
    found exactly when some later floor is above an earlier one (checked against all pairs)."""
    import random

    from pipeline.compare.number_findings import _floor_rises, _raised_bounds

    docs, men = make_corpus([_raids("r1", "30", 30, "2024-01-10")])
    base = next(c for c in build_claims(docs, men) if c.kind == "number")
    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(2, 30)
        days = sorted(rng.randint(1, 9) for _ in range(n))
        cs = [dataclasses.replace(base, published=f"2024-01-{day:02d}",
                                  value=dataclasses.replace(base.value, lo=float(rng.randint(1, 60))))
              for day in days]
        rises = any(_floor_rises(*sorted((cs[x], cs[y]), key=lambda c: c.published))
                    for x in range(n) for y in range(x + 1, n) if cs[x].published != cs[y].published)
        assert bool(_raised_bounds(cs)) == rises
