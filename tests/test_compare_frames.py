"""Statement frames on sentences written for these tests, through real extraction: each figure
gets its own subject, measure and cues; conversions, negations and background events are read
as a reader reads them. Several subjects (trade, courts, energy, fires, storms, business)."""

from __future__ import annotations

import pytest

from pipeline.compare import build_claims, compare_documents
from pipeline.documents import CleanDocument, DocumentMeta


def _docs(corpus: dict[str, tuple[str, str]]) -> list[CleanDocument]:
    return [CleanDocument(k, text, (), DocumentMeta(published=pub), len(text.split()), len(text.split()))
            for k, (pub, text) in corpus.items()]


@pytest.fixture(scope="module")
def run(nlp, encoder):
    from pipeline.extract import extract_mentions

    def _run(corpus):
        docs = _docs(corpus)
        mentions = extract_mentions(docs)
        claims = [c for c in build_claims(docs, mentions) if c.kind == "number"]
        comparison = compare_documents(docs, mentions, encoder=encoder)
        return claims, comparison

    return _run


def _by_text(claims):
    return {c.text: c for c in claims}


def test_each_figure_of_an_enumeration_has_its_own_subject(run):
    claims, _ = run({"t1": ("2025-03-01", "The ministry set import tariffs of 12.5% for Velmora Cars, 19% for "
                                          "Quintex and 31.2% for Harbin Steelworks on Friday.")})
    subjects = {c.text: c.subject for c in claims}
    assert "Velmora" in subjects["12.5%"]
    assert "Quintex" in subjects["19%"]
    assert "Harbin" in subjects["31.2%"]


def test_enumerated_figures_meet_their_own_subject_in_another_source(run):
    _, cmp = run({
        "t1": ("2025-03-01", "The ministry set import tariffs of 12.5% for Velmora Cars, 19% for Quintex and "
                             "31.2% for Harbin Steelworks on Friday."),
        "t2": ("2025-03-02", "Harbin Steelworks faces a tariff of 35%, while Quintex was given 19% and Velmora "
                             "Cars 12.5%, officials said."),
    })
    rows = cmp.finding_rows()
    conflict = {r.finding_id for r in rows if r.kind == "numeric_conflict" and "35%" in r.quote}
    assert conflict, [(r.kind, r.quote) for r in rows]
    harbin = [r for r in rows if r.finding_id in conflict]
    assert {r.value for r in harbin} == {"31.2", "35"}  # never Quintex's or Velmora's figure
    agreed = {r.value for r in rows if r.kind == "corroboration"}
    assert {"12.5", "19"} <= agreed


def test_an_age_in_apposition_belongs_to_the_named_person(run):
    claims, cmp = run({
        "c1": ("2024-11-05", "Marta Kellerman, 52, a nurse from Dunmore, was charged on Monday."),
        "c2": ("2024-11-06", "Prosecutors said Marta Kellerman, 54, denied the charge."),
    })
    ages = [c for c in claims if c.kind == "number" and c.value.family == "age"]
    assert {c.subject for c in ages} == {"Marta Kellerman"}
    conflict = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    assert {r.value for r in conflict} == {"52", "54"}


def test_a_figure_with_its_conversion_in_brackets_is_one_statement(run):
    claims, cmp = run({
        "e1": ("2024-05-10", "The utility will invest €2bn ($2.2bn) in the northern grid, its chief executive said."),
        "e2": ("2024-05-10", "The utility plans to spend $2.2 billion on the northern grid."),
    })
    e1 = [c for c in claims if c.doc_id == "e1"]
    assert len(e1) == 1 and e1[0].value.alternates  # the dollars are the euros told again
    kinds = {r.kind for r in cmp.finding_rows()}
    assert "numeric_conflict" not in kinds


def test_nobody_hurt_is_a_count_of_zero_against_a_count(run):
    claims, cmp = run({
        "f1": ("2024-07-14", "Fire crews contained the warehouse blaze in Tarrow overnight. No one was injured, "
                             "the fire service said."),
        "f2": ("2024-07-14", "Two firefighters were injured fighting the warehouse blaze in Tarrow overnight."),
    })
    zero = [c for c in claims if c.doc_id == "f1" and c.concept == "injured"]
    assert zero and zero[0].value.lo == 0
    conflict = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    assert {r.doc_id for r in conflict} == {"f1", "f2"}


def test_figures_about_an_earlier_event_stay_apart_from_the_current_one(run):
    claims, cmp = run({
        "s1": ("2024-10-21", "The storm that hit Carran on Sunday killed two people. The region was last "
                             "struck in 2019, when the storm surge flooded the harbour. Three people died and "
                             "eight were injured."),
        "s2": ("2024-10-21", "Two people were killed when the storm hit Carran on Sunday, police said."),
    })
    background = [c for c in claims if c.doc_id == "s1" and c.text.lower().startswith(("three", "eight"))]
    assert background and all(c.background for c in background)
    rows = cmp.finding_rows()
    assert not any(r.kind == "numeric_conflict" for r in rows), [(r.kind, r.quote) for r in rows]
    assert any(r.kind == "corroboration" and r.value == "2" for r in rows)


def test_a_date_in_an_aside_dates_the_aside_not_the_sentence(run):
    """"The mill, which opened in 1962, employs 410 people": 1962 dates the opening; the staff is
    today's and meets another source's staff. A figure in the aside keeps the aside's date, and a
    date the main clause gives does not date a figure in the aside."""
    claims, cmp = run({
        "m1": ("2025-02-04", "The Tolvern mill, which opened in 1962, employs 410 people, the union said."),
        "m2": ("2025-02-05", "Tolvern Paper employs 470 people at its mill, according to the company."),
        "m3": ("2025-02-05", "Tolvern Paper, which employs about 450 people, was fined $2 million in 2019."),
    })
    staff = _by_text(claims)
    assert not staff["410"].background and not staff["about 450"].background
    assert staff["$2 million"].background  # the fine is dated 2019
    rows = cmp.finding_rows()
    assert any(r.kind == "numeric_conflict" and r.doc_id == "m1" and r.value == "410" for r in rows), [
        (r.kind, r.value, r.quote) for r in rows]


def test_a_toll_in_the_headline_and_the_body_is_one_finding(run):
    """Each source gives its toll twice (headline and body): one update, not one per telling."""
    _, cmp = run({
        "h1": ("2025-03-12", "Blast at Ashby plant kills five\n\nFive workers were killed when an explosion tore "
                             "through the Kelmar plant in Ashby on Tuesday, officials said."),
        "h2": ("2025-03-12", "Explosion at Kelmar plant kills five\n\nAn explosion at the Kelmar plant in Ashby killed "
                             "five workers on Tuesday, the fire service said."),
        "h3": ("2025-03-13", "Seven dead after Kelmar plant blast\n\nThe death toll from Tuesday's explosion at the "
                             "Kelmar plant in Ashby has risen to seven, officials said."),
    })
    tolls = {r.finding_id: r.kind for r in cmp.finding_rows() if r.value in ("5", "7")}
    assert list(tolls.values()) == ["superseded"], _shown(cmp)


def test_a_workforce_is_one_measure_whatever_the_noun(run):
    """"Employs 1,300 people", "1,100 employees" and "1,100 staff" count one workforce: the
    concept's own noun is no narrower group than "people"."""
    _, cmp = run({
        "w1": ("2025-06-02", "Velda Systems employs about 1,300 people, the company said."),
        "w2": ("2025-06-03", "Velda, a software maker, has 1,100 employees in three countries."),
        "w3": ("2025-06-03", "The firm has around 1,100 staff, according to its annual report."),
    })
    rows = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    assert {r.doc_id for r in rows} == {"w1", "w2", "w3"}, _shown(cmp)


def test_a_conviction_months_before_the_sentencing_is_the_cases_charge(run):
    """"Convicted of manslaughter in September" in a November sentencing story is the charge of
    this case (a case's charge lasts its course), and disputes "convicted of murdering"; a former
    nurse's sentence is today's news, and so is her age in the verdict's month."""
    _, cmp = run({
        "v1": ("2024-11-15", "Danielle Varne, 41, a former nurse, was sentenced to 12 years on Thursday. "
                             "Varne was convicted of manslaughter in September after a six-week trial."),
        "v2": ("2024-11-14", "Danielle Varne was jailed for 15 years on Thursday after being convicted of "
                             "murdering three patients. Varne, 42, was found guilty in September."),
    })
    kinds = {(r.kind, r.value) for r in cmp.finding_rows()}
    assert {("account_conflict", "manslaughter"), ("account_conflict", "murder")} <= kinds, kinds
    assert {("numeric_conflict", "12"), ("numeric_conflict", "15")} <= kinds
    assert {("numeric_conflict", "41"), ("numeric_conflict", "42")} <= kinds


def test_what_happened_to_the_counted_decides_its_measure(run):
    """"200 residents were evacuated" counts the evacuated, not the population, and disputes
    "evacuated about 300 residents"; "home to 120,000 residents" stays a population."""
    claims, cmp = run({
        "e1": ("2025-03-12", "Around 200 residents were evacuated from homes near the Tarlow plant."),
        "e2": ("2025-03-12", "Police evacuated about 300 residents from homes near the Tarlow plant. "
                             "The town is home to 120,000 residents."),
    })
    concept = {c.text: c.concept for c in claims}
    assert concept["Around 200"] == concept["about 300"] == "displaced"
    assert concept["120,000"] == "population"
    assert any(r.kind == "numeric_conflict" and r.doc_id == "e1" for r in cmp.finding_rows())


def test_two_companies_in_one_sentence_keep_their_own_figures(run):
    claims, _ = run({"b1": ("2025-01-15", "Orsolo Foods hired 120 workers in January, while Brightway Mills "
                                          "cut 45 jobs.")})
    subjects = {c.text: c.subject for c in claims}
    assert "Orsolo" in subjects["120"] and "Brightway" in subjects["45"]


def test_a_part_of_a_toll_is_no_rival_of_the_toll(run):
    _, cmp = run({
        "a1": ("2022-02-03", "Three workers died in the factory fire in Lisk on Tuesday, a man and two women."),
        "a2": ("2022-02-03", "Three people died when fire swept through a factory in Lisk on Tuesday."),
    })
    rows = cmp.finding_rows()
    assert not any(r.kind == "numeric_conflict" for r in rows), [(r.kind, r.value, r.quote) for r in rows]

def test_the_others_counted_by_sex_and_by_role_are_one_group(run):
    """"11 other men" and "12 other defendants", each charged beside the leader, count the same
    co-accused two ways: a disagreement. "Five women" and "seven men" stay two groups."""
    _, cmp = run({
        "c1": ("2024-05-09", "Dorn and 11 other men from the Kestrel sect were charged with fraud."),
        "c2": ("2024-05-09", "If extradited, Dorn will join 12 other defendants from the Kestrel sect charged with "
                             "fraud."),
        "c3": ("2024-05-09", "Five women and seven men from the Kestrel sect were questioned by police."),
    })
    assert {(d, v) for f in _conflicts(cmp).values() for d, v in f} == {("c1", "11"), ("c2", "12")}, _shown(cmp)



def test_the_same_exact_price_in_two_wordings_is_one_corroborated_figure(run):
    """Two sources rarely give $2,199 by chance: an amount of several significant digits, the same in
    both, is evidence that frames written around different details miss. A round "$2,000" is not."""
    _, cmp = run({
        "p1": ("2024-06-11", "Corvex unveiled its new laptop line on Monday. The basic model starts at $2,199."),
        "p2": ("2024-06-11", "The Pro model will cost $2,199 at launch."),
    })
    assert {(r.kind, r.doc_id) for r in cmp.finding_rows()} == {("corroboration", "p1"), ("corroboration", "p2")}
    _, cmp = run({
        "r1": ("2024-06-11", "Corvex unveiled its new laptop line on Monday. The basic model starts at $2,000."),
        "r2": ("2024-06-11", "The Pro model will cost $2,000 at launch."),
    })
    assert not cmp.finding_rows(), _shown(cmp)


def test_a_list_that_gives_a_reading_gives_its_other_items_to_other_things(run):
    """"A 2.9 aftershock" against "magnitude 2.9 and 2.1": the list's 2.1 is another aftershock, no
    rival of the 2.9, however close the frames; the area's usual "magnitude 2 and 3" is no reading
    of that aftershock either."""
    _, cmp = run({
        "q1": ("2024-03-14", "A magnitude 4.8 earthquake shook Varno early on Thursday. "
                             "It was followed by a 2.9 aftershock at 2:12 a.m."),
        "q2": ("2024-03-14", "The Varno quake measured 4.8. Two aftershocks, magnitude 2.9 and 2.1, followed."),
        "q3": ("2024-03-14", "While tremors around magnitude 2 and 3 are common near Varno, Thursday's 4.8 quake "
                             "was stronger than usual."),
    })
    small = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.value not in ("4.8", "~4.8")}
    assert small == {("q1", "2.9"), ("q2", "2.9")}, _shown(cmp)


def test_two_lists_of_readings_agree_item_by_item_over_a_rounder_one(run):
    """Two sources list the aftershocks' magnitudes alike (2.9 and 2.1); a third's usual "magnitude
    2 and 3", closer in words to one of them, agrees only by rounding: the same digits win."""
    _, cmp = run({
        "q1": ("2024-03-14", "A magnitude 4.8 earthquake shook Varno early on Thursday. It was followed by a 2.9 "
                             "aftershock at 2:12 a.m. and a 2.1 at 2:15 a.m."),
        "q2": ("2024-03-14", "The Varno quake measured 4.8. Two aftershocks, magnitude 2.9 and 2.1, occurred soon "
                             "after."),
        "q3": ("2024-03-14", "Smaller quakes around magnitude 2 and 3 are common near Varno, residents said, but "
                             "Thursday's 4.8 quake was stronger than usual."),
    })
    small = {}
    for r in cmp.finding_rows():
        if r.value in ("2.9", "2.1", "2", "3"):
            small.setdefault(r.finding_id, set()).add((r.doc_id, r.value))
    assert sorted(small.values(), key=sorted) == [{("q1", "2.1"), ("q2", "2.1")}, {("q1", "2.9"), ("q2", "2.9")}], \
        _shown(cmp)


def test_one_amount_in_two_groups_that_share_a_source_is_one_finding(run):
    """A headline's "$334 million bet" and a body's "$334 million deal" of the same outlets are one
    corroborated figure, not two findings of it."""
    _, cmp = run({
        "d1": ("2024-02-29", "Corvex makes a $334 million bet on microservers. "
                             "Corvex will pay $334 million for Tarnsoft, the companies said on Wednesday."),
        "d2": ("2024-02-29", "Corvex's $334 million deal for Tarnsoft is a bold move. "
                             "The chipmaker agreed to buy Tarnsoft for $334 million in cash and stock."),
        "d3": ("2024-02-29", "Corvex has reached a $334 million agreement to acquire Tarnsoft."),
    })
    found = {r.finding_id for r in cmp.finding_rows() if r.value == "334000000"}
    assert len(found) == 1, _shown(cmp)


def test_a_size_that_names_a_model_is_no_evidence_of_one_figure(run):
    """"The 15-inch" names the model in every source that speaks of it, whatever it says of it; a
    reading of several digits in two sources ("$2,199", "4.46 pounds") is evidence, a bound is not."""
    from pipeline.compare import align

    claims, _ = run({
        "s1": ("2024-06-11", "The 15-inch will sell for $2,199 and weighs 4.46 pounds."),
        "s2": ("2024-06-11", "The new 15-inch costs $2,199 and weighs 4.46 pounds, against up to 6.5 pounds before."),
    })
    by = {(c.doc_id, c.text): c for c in claims if c.kind == "number"}
    assert not align.same_exact_amount(by["s1", "15-inch"], by["s2", "15-inch"]), sorted(by)
    assert align.same_exact_amount(by["s1", "$2,199"], by["s2", "$2,199"])
    assert align.same_exact_amount(by["s1", "4.46"], by["s2", "4.46"])
    assert not align.measured_amount(by["s2", "up to 6.5"])


def test_two_ranges_of_versions_of_one_product_disagree_where_their_ends_differ(run):
    """"VB6 to 10" against "Velo Browser 6 through 11" (its initials) is a disagreement on which
    versions are exposed; "the latest" inside a range names a version, no revised figure. A single
    version named beside a range is another thing, and so is a range of another product."""
    _, cmp = run({
        "r1": ("2013-09-18", "The software maker said the bug could affect all versions of VB6 to 10."),
        "r2": ("2013-09-18", "The patch applies to every version from VB 6 through to the latest VB 11."),
        "r3": ("2013-09-18", "The hole is present in Velo Browser 6 through 11, researchers said."),
        "r4": ("2013-09-18", "Attacks so far have targeted Velo Browser 8, researchers said. "
                             "Windows 7 through 8 are affected."),
    })
    conflicts = _conflicts(cmp)
    assert len(conflicts) == 1, _shown(cmp)
    (sides,) = conflicts.values()
    assert sorted(sides) == [("r1", "6-10"), ("r2", "6-11"), ("r3", "6-11")], _shown(cmp)
    assert {r.topic.split(" (")[0] for r in cmp.finding_rows() if r.kind == "numeric_conflict"} == {"versions of VB"}
    assert not any("revised" in r.note for r in cmp.finding_rows())


def test_a_count_of_the_injured_is_no_count_of_everyone_in_another_group(run):
    """"43 injured" (a count of no named noun) against "about 250 fans" in the stand: a larger count
    of a narrower group disputes a count of everyone only when both count the same thing (two
    firefighters injured against no one injured)."""
    _, cmp = run({
        "c1": ("2024-05-11", "Seven people were killed and 43 injured when a stand gave way at Kessel Stadium on "
                             "Saturday."),
        "c2": ("2024-05-11", "The stand at Kessel Stadium held about 250 fans when it gave way on Saturday, "
                             "officials said."),
    })
    assert not _conflicts(cmp), _shown(cmp)


def test_a_count_a_participle_names_is_no_count_of_the_dead(run):
    """"14 trapped miners" were rescued; "two miners were killed": the same counted noun, but what
    happened to them differs, so the two never dispute each other."""
    _, cmp = run({
        "p1": ("2025-08-12", "Two miners were killed in the collapse at the Brell gold mine on Friday."),
        "p2": ("2025-08-12", "All 14 trapped miners were rescued from the Brell gold mine on Friday."),
    })
    assert not _conflicts(cmp), _shown(cmp)


def test_a_few_days_agrees_with_three_days_and_disputes_two_to_three_weeks(run):
    _, cmp = run({
        "w1": ("2024-09-18", "\"Attackers are already using this hole, so I hope Corvex ships a full patch within a "
                             "few days,\" she said."),
        "w2": ("2024-09-18", "Mills said he expects Corvex to push out an update, a full patch for the hole, within "
                             "two to three weeks."),
        "w3": ("2024-09-18", "Corvex said it would ship a full patch for the hole within three days."),
    })
    sides = {r.doc_id: (r.side, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert sides.keys() == {"w1", "w2", "w3"}, _shown(cmp)
    assert sides["w1"][0] == sides["w3"][0] != sides["w2"][0] and sides["w1"][1] == "~2-5"
    assert "revised" not in cmp.finding_rows()[0].note  # "an update" is a thing, not a revision


@pytest.mark.parametrize(("texts", "value", "topic"), [
    # "32-bit versions" in two sources agree; a third's "64-bit version" is another build, no rival
    (("The Velo stopgap applies only to 32-bit versions of the browser.",
      "Velo's temporary fix works only with 32-bit versions of the browser.",
      "The 64-bit version of the browser is better protected against the attack."), "32", "word size"),
    # a size agrees whole, in its two numbers' order; another size is another screen
    (("The new Velo Pro has a screen of 2880 x 1800 pixels.",
      "In hard numbers, the Velo Pro screen will have a 2880x1800 resolution.",
      "The cheaper Velo Air keeps its 1440 x 900 screen."), "2880 x 1800", "dimensions"),
])
def test_a_designator_two_sources_give_is_corroborated_and_another_is_no_rival(run, texts, value, topic):
    _, cmp = run({f"d{k}": ("2024-06-11", text) for k, text in enumerate(texts, start=1)})
    rows = cmp.finding_rows()
    assert {(r.kind, r.doc_id, r.value, r.topic.split(" (")[0]) for r in rows} == {
        ("corroboration", "d1", value, topic), ("corroboration", "d2", value, topic)}, _shown(cmp)
    assert f"agree on {value}" in rows[0].note


def test_a_sentence_naming_another_measure_keeps_its_bare_count_apart(run):
    _, cmp = run({
        "r1": ("2023-05-04", "Police said 12 people were injured in the clashes in Vardo on Wednesday."),
        "r2": ("2023-05-04", "Police said at least three people, two of them officers, were killed in the clashes "
                             "in Vardo on Wednesday."),
    })
    assert not any(r.kind == "numeric_conflict" for r in cmp.finding_rows())


def _shown(cmp) -> list[tuple[str, str, str]]:
    """Every finding row as (kind, value, quote): what a failing assertion prints."""
    return [(r.kind, r.value, r.quote) for r in cmp.finding_rows()]


def _disputing(cmp) -> set[str]:
    """The sources that stand in a numeric conflict."""
    return {r.doc_id for r in cmp.finding_rows() if r.kind == "numeric_conflict"}


def _account_sides(cmp) -> set[tuple[str, str]]:
    """The (source, value) pairs of every conflict of accounts (places, titles, conditions)."""
    return {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "account_conflict"}


def _conflicts(cmp) -> dict[str, set[tuple[str, str]]]:
    """Conflicting findings by id: the (source, value) pairs of each."""
    out: dict[str, set[tuple[str, str]]] = {}
    for r in cmp.finding_rows():
        if r.kind == "numeric_conflict":
            out.setdefault(r.finding_id, set()).add((r.doc_id, r.value))
    return out


def test_a_results_story_sets_quarter_against_quarter_and_share_against_share(run):
    """Earnings told four ways: the amount and its per-share figure after ", or" are one measure in
    two terms, not a list; "the three months to June 30" is the quarter, still news in August;
    the quarter's sales never meet the year's forecast; a change and the level it reached are two
    numbers ("rose 9% to $2.3 billion")."""
    claims, cmp = run({
        "r1": ("2025-08-07", "Brevik Tools reported second-quarter sales of $2.14 billion on Wednesday, up 5% from a "
                             "year earlier. Net income was $180 million, or $1.04 a share. Brevik expects annual "
                             "sales of $8.6 billion."),
        "r2": ("2025-08-07", "Sales for the three months to June 30 rose 9% to $2.3 billion, Brevik Tools said. Profit "
                             "came to $180 million, or $1.10 per share. The company forecast full-year sales of "
                             "$8.6 billion."),
        "r3": ("2025-08-07", "Brevik Tools posted quarterly earnings of $1.04 per share on Wednesday, on sales of "
                             "$2.14 billion."),
    })
    by_text = _by_text(claims)
    assert by_text["9%"].value.family == "percent" and by_text["$2.3 billion"].value.family == "currency"
    assert not by_text["$2.3 billion"].background  # the quarter to June 30, reported on August 7
    assert by_text["$2.3 billion"].value.period == "quarter" and by_text["$8.6 billion"].value.period == "year"
    assert by_text["$1.04 a share"].value.per == "share" and not by_text["$1.04 a share"].value.enumerated
    groups = [{doc for doc, _ in found} for found in _conflicts(cmp).values()]
    values = [{value for _, value in found} for found in _conflicts(cmp).values()]
    assert {"r1", "r2", "r3"} in groups  # the quarter's sales: 2.14 (r1, r3) against 2.3 (r2)
    assert not any("8600000000" in v and len(v) > 1 for v in values)  # the year's forecast is no rival
    assert any(v == {"1.04 a share", "1.1 a share"} for v in values), values


def test_cut_jobs_and_job_cuts_count_one_group(run):
    """"Cut 800 jobs" and "900 job cuts": the compound names what the cuts count."""
    _, cmp = run({
        "j1": ("2025-04-01", "Marlow Rail will cut 800 jobs at its Leeds works, the company said on Tuesday."),
        "j2": ("2025-04-01", "Marlow Rail announced 900 job cuts at its Leeds works on Tuesday."),
    })
    assert any({doc for doc, _ in found} == {"j1", "j2"} for found in _conflicts(cmp).values()), _shown(cmp)


def test_a_date_in_an_earlier_sentences_aside_dates_no_later_figure(run):
    """"Hale, who took charge in 2019, said ... Margins widened to 14%": the aside's year is the
    appointment's; the next sentence is today's account, and its figure meets today's figure."""
    claims, cmp = run({
        "a1": ("2025-05-02", "Chief executive Dana Hale, who took charge in 2019, said demand was strong. Operating "
                             "margin widened to 14% in the first quarter."),
        "a2": ("2025-05-02", "Operating margin rose to 12% in the first quarter, the company said."),
    })
    assert not _by_text(claims)["14%"].background
    assert any({doc for doc, _ in found} == {"a1", "a2"} for found in _conflicts(cmp).values())


def test_a_time_that_is_the_base_of_a_change_is_no_background(run):
    """"Up 5% from a year earlier" is this year's change; "A year earlier it earned $150 million"
    is last year's figure."""
    claims, _ = run({"b1": ("2025-08-07", "Sales rose to $2.1 billion, up 5% from a year earlier. A year earlier "
                                          "it earned $150 million.")})
    by_text = _by_text(claims)
    assert not by_text["5%"].background
    assert by_text["$150 million"].background


def test_cents_a_share_meet_dollars_a_share(run):
    """"92 cents a share" and "$0.98 per share" are one measure in one currency."""
    _, cmp = run({
        "c1": ("2025-08-07", "Orvell Mining earned $61 million, or 92 cents a share, in the second quarter."),
        "c2": ("2025-08-07", "Orvell Mining posted second-quarter earnings of $0.98 per share."),
    })
    wanted = {("c1", "0.92 a share"), ("c2", "0.98 a share")}
    assert any(values == wanted for values in _conflicts(cmp).values()), _shown(cmp)


def test_crew_and_crew_members_are_one_count_and_into_the_flight_tells_when(run):
    """"Six crew members" and "seven crew" count one crew; "25 minutes into the flight" says when,
    as "40 minutes after take-off" does, so it is no duration of anything."""
    claims, cmp = run({
        "f1": ("2025-11-14", "Flight 482 was carrying 156 passengers and six crew members."),
        "f2": ("2025-11-14", "The jet had 156 passengers and seven crew on board when an engine failed about 25 "
                             "minutes into the flight."),
    })
    assert _by_text(claims)["about 25 minutes"].value.offset == "after"
    assert any({doc for doc, _ in found} == {"f1", "f2"} for found in _conflicts(cmp).values()), _shown(cmp)


def test_treated_for_injuries_counts_the_injured(run):
    """"Were treated for minor injuries" says what happened to them: the injured, as "were hurt"."""
    claims, cmp = run({
        "i1": ("2025-02-10", "Two climbers were treated for minor injuries after the rockfall near Arden Pass."),
        "i2": ("2025-02-10", "Four climbers were hurt in the rockfall near Arden Pass, rescuers said."),
    })
    assert _by_text(claims)["Two"].concept == "injured"
    assert any({doc for doc, _ in found} == {"i1", "i2"} for found in _conflicts(cmp).values()), _shown(cmp)


def test_a_winning_margin_is_no_rival_of_the_votes_cast(run):
    """"Won by about 2,100 votes" is the margin, not the count of ballots another source gives."""
    claims, cmp = run({
        "v1": ("2025-11-05", "About 38,000 ballots were cast in the Halden mayoral race on Tuesday."),
        "v2": ("2025-11-05", "Rita Olsen won the Halden mayoral race on Tuesday by about 2,100 votes."),
    })
    assert _by_text(claims)["about 2,100"].value.increment
    assert not _conflicts(cmp), _shown(cmp)


def test_a_fires_area_grows_day_by_day_and_its_containment_is_a_share(run):
    """"Burned about 6,000 acres" on Sunday and "grew to 9,000 acres" on Monday are one area at two
    days (an update); "the evacuation of some 2,000 residents" and "1,500 people remain under
    evacuation orders" count the displaced; "20% contained" against "8% contained" the same day is
    a dispute, and "containing 12 firefighters" is no containment."""
    claims, cmp = run({
        "w1": ("2025-07-07", "The Holm Creek fire has burned about 6,000 acres and forced the evacuation of some "
                             "2,000 residents, officials said on Sunday. It was 20% contained on Monday morning."),
        "w2": ("2025-07-08", "The Holm Creek fire grew to 9,000 acres on Monday. About 2,600 people remain under "
                             "evacuation orders. The fire was 8% contained on Monday, the forestry office said. A "
                             "crew containing 12 firefighters was briefly trapped."),
    })
    by_text = _by_text(claims)
    assert by_text["some 2,000"].concept == "displaced" and by_text["9,000 acres"].concept == "burned"
    assert by_text["12"].concept != "containment"
    kinds = {(r.kind, r.value) for r in cmp.finding_rows()}
    assert ("superseded", "~6000") in kinds and ("superseded", "9000") in kinds, kinds
    assert ("numeric_conflict", "20") in kinds and ("numeric_conflict", "8") in kinds, kinds


def test_a_place_in_the_list_of_a_tolls_members_is_not_the_tolls_place(run):
    """"Four people were killed, including a man ... in Dunmore County": the county is one victim's,
    so the toll is the story's (not "about somewhere else") and meets another source's."""
    claims, cmp = run({
        "s1": ("2026-09-18", "Storm Lorna hit Port Alcott on Thursday. Four people were killed, including "
                             "a man struck by a falling tree in Dunmore County, officials said."),
        "s2": ("2026-09-18", "Six people were killed when Storm Lorna battered Port Alcott on Thursday, "
                             "officials said."),
    })
    by_text = _by_text(claims)
    assert not by_text["Four"].background
    assert any(r.kind == "numeric_conflict" and r.value == "4" for r in cmp.finding_rows()), \
        _shown(cmp)


def test_a_storm_surge_measured_in_a_town_and_converted_to_metres_is_one_height(run):
    """"9 feet in parts of Port Alcott": a place after "in" is where a height was measured, not an
    end of a distance; "nearly three metres" is the same height converted, and "120 mph" is "193
    km/h" (a converted figure restates its source's)."""
    claims, cmp = run({
        "h1": ("2026-09-18", "Hurricane Lorna made landfall on Thursday with maximum sustained winds of 120 mph. "
                             "The storm surge reached 9 feet in parts of Port Alcott."),
        "h2": ("2026-09-18", "Hurricane Lorna struck the coast early on Thursday, bringing winds of 193 km/h, US "
                             "forecasters said. The storm surge was measured at nearly three metres in Port Alcott."),
        "h3": ("2026-09-18", "Hurricane Lorna came ashore on Thursday with winds of 110 mph."),
    })
    assert not _by_text(claims)["9 feet"].subject
    rows = cmp.finding_rows()
    agreed = {r.value for r in rows if r.kind == "corroboration"}
    assert {"9", "~3"} <= agreed, [(r.kind, r.value, r.quote) for r in rows]
    speed = {(r.side, r.value) for r in rows if r.kind == "numeric_conflict"}
    side_120 = next(side for side, value in speed if value == "120")
    assert (side_120, "193") in speed and any(v == "110" and s != side_120 for s, v in speed), speed


def test_customers_without_power_are_one_count_whatever_the_verb(run):
    """"Homes and businesses were without power", "customers had lost electricity", "properties lost
    power": one concept, so two sources' counts of the same morning meet."""
    claims, cmp = run({
        "p1": ("2026-09-18", "About 310,000 homes and businesses were without power on Thursday morning."),
        "p2": ("2026-09-18", "Utility Coastline Power said 420,000 customers had lost electricity on Thursday."),
        "p3": ("2026-09-19", "About 250,000 customers remained without power on Friday."),
    })
    assert {c.concept for c in claims} == {"power_outage"}
    kinds = {(r.kind, r.value) for r in cmp.finding_rows()}
    assert ("numeric_conflict", "~310000") in kinds and ("numeric_conflict", "420000") in kinds, kinds
    assert not any(v == "~250000" for k, v in kinds if k == "numeric_conflict"), kinds  # Friday's count


def test_people_forced_from_their_homes_are_displaced(run):
    """"More than 2,000 have been forced from their homes" (a phrase of four words) counts the
    displaced, as "3,500 residents were evacuated" does; "forced from office" displaces no one."""
    claims, _cmp = run({
        "d1": ("2026-03-16", "More than 2,000 have been forced from their homes by the flood, officials said."),
        "d2": ("2026-03-16", "About 3,500 residents were evacuated from low-lying districts on Monday."),
        "d3": ("2026-03-16", "Two ministers were forced from office in the scandal last year."),
    })
    concepts = {c.text: c.concept for c in claims}
    assert concepts["More than 2,000"] == concepts["About 3,500"] == "displaced", concepts
    assert concepts["Two"] != "displaced", concepts


def test_suspected_cases_and_people_fallen_ill_are_cases(run):
    """"214 suspected cholera cases": a participle before a counted noun that names a concept
    qualifies it (the count stays cases); "More than 300 people have fallen ill" counts cases too,
    and the two disagree. "14 trapped miners" keep their participle."""
    claims, cmp = run({
        "c1": ("2026-04-06", "Officials in Tessen have recorded 214 suspected cholera cases since March 28."),
        "c2": ("2026-04-06", "More than 300 people have fallen ill with suspected cholera in Tessen since March 28."),
        "c3": ("2026-04-06", "Rescuers reached 14 trapped miners in Tessen."),
    })
    concepts = {c.text: c.concept for c in claims}
    assert concepts["214"] == concepts["More than 300"] == "cases", concepts
    assert concepts["14"] != "cases", concepts
    conflict = {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert {"214", ">300"} <= conflict, _shown(cmp)


def test_inflation_of_one_month_is_one_figure(run):
    """"Inflation stood at 6.1% in May" and "inflation, which was 6.1% last month" are one figure of
    one concept (their frames alone scored under the bar); "the bank's 2% target" is no inflation
    figure that disputes them, and a count is no inflation."""
    claims, cmp = run({
        "i1": ("2026-06-17", "The Orrland central bank raised rates on Wednesday. Inflation stood at 6.1% in May, "
                             "well above the bank's 2% target."),
        "i2": ("2026-06-17", "The Orrland central bank lifted its rate as it tries to bring down inflation, which "
                             "was 6.1% last month."),
    })
    concepts = {c.text: c.concept for c in claims}
    assert concepts["6.1%"] == "inflation", concepts
    agreed = {r.value for r in cmp.finding_rows() if r.kind == "corroboration"}
    assert "6.1" in agreed, _shown(cmp)
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], _shown(cmp)


def test_what_a_ship_carries_is_its_capacity_not_who_is_aboard(run):
    """"The vessel, which carries about 3,100 passengers" tells what it can take (a capacity), so it is
    no rival of "318 people on board" who fell ill; "a ferry carrying 250 people" is who was aboard."""
    claims, cmp = run({
        "s1": ("2026-02-11", "The Aurelia, which carries about 3,100 passengers, cut short its voyage on Wednesday."),
        "s2": ("2026-02-11", "The Aurelia is returning early after 318 people on board fell ill on Wednesday."),
        "s3": ("2026-02-11", "A ferry carrying 250 people capsized off Marrow on Wednesday."),
    })
    concepts = {c.text: c.concept for c in claims}
    assert concepts["about 3,100"] == "capacity" and concepts["250"] == "aboard", concepts
    assert not any(r.value == "~3100" for r in cmp.finding_rows() if r.kind == "numeric_conflict"), _shown(cmp)


def test_an_escape_a_reward_and_a_recapture_in_other_words(run):
    """"Four prisoners escaped" and "Three convicts break out" count the escaped (prisoners and
    convicts one group) and disagree; "Two Kelby escapees recaptured" counts those caught again, the
    noun after the name and the verb after it deciding; "a reward of 50,000 dollars" and "$50,000
    for information" are one reward."""
    claims, cmp = run({
        "e1": ("2026-11-02", "Four prisoners escaped from Kelby prison on Sunday. Police are offering a reward of "
                             "50,000 dollars."),
        "e2": ("2026-11-02", "Three convicts broke out of Kelby prison on Sunday. Authorities have offered $50,000 "
                             "for information leading to their arrest."),
        "e3": ("2026-11-04", "Two Kelby escapees recaptured at a farm on Tuesday."),
    })
    concepts = {(c.doc_id, c.text): c.concept for c in claims}
    assert concepts["e1", "Four"] == concepts["e2", "Three"] == "escaped", concepts
    assert concepts["e3", "Two"] == "arrested", concepts
    assert concepts["e1", "50,000 dollars"] == concepts["e2", "$50,000"] == "reward", concepts
    kinds = {(r.kind, r.doc_id, r.value) for r in cmp.finding_rows()}
    assert {("numeric_conflict", "e1", "4"), ("numeric_conflict", "e2", "3")} <= kinds, _shown(cmp)
    assert {("corroboration", "e1", "50000"), ("corroboration", "e2", "50000")} <= kinds, _shown(cmp)


def test_people_the_verb_forces_from_their_homes_are_displaced(run):
    """"forced some 5,000 residents from their homes": the phrase stands around the count and its
    noun, and says what happened to them (it read as a population of 5,000); "a town of 5,000
    residents" is one."""
    claims, _cmp = run({
        "d1": ("2026-08-02", "The wildfire forced some 5,000 residents from their homes on Sunday, officials said."),
        "d2": ("2026-08-02", "Marlow, a town of 5,000 residents, lies east of the fire, officials said."),
    })
    concepts = {(c.doc_id, c.text): c.concept for c in claims}
    assert concepts["d1", "some 5,000"] == "displaced", concepts
    assert concepts["d2", "5,000"] == "population", concepts


def test_a_storms_category_is_a_rank_that_sources_can_dispute(run):
    """"A Category 3 storm" against "a strong Category 2 hurricane": a rank on one scale, no name
    and no count of anything."""
    claims, cmp = run({
        "c1": ("2026-09-18", "Hurricane Lorna made landfall near Port Alcott on Thursday as a Category 3 storm."),
        "c2": ("2026-09-18", "Hurricane Lorna came ashore near Port Alcott on Thursday, a strong Category 2 "
                             "hurricane."),
    })
    assert {(c.text, c.concept) for c in claims} == {("3", "category"), ("2", "category")}
    conflict = {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert conflict == {"3", "2"}, _shown(cmp)


def test_only_nouns_may_stand_between_a_count_and_its_concept_phrase(run):
    """"Homes and businesses were without power" goes on past "and" to the phrase; "three people
    and injuring 20" stops at the verb: three are the dead, not the injured."""
    claims, _ = run({"q1": ("2026-09-18", "The storm left 3,000 homes and businesses without power. The quake hit "
                                          "at dawn, killing at least three people and injuring 20.")})
    concepts = {c.text: c.concept for c in claims}
    assert concepts["3,000"] == "power_outage"
    assert concepts["at least three"] == "deaths" and concepts["20"] == "injured", concepts


def _date_kinds(corpus, run):
    _, cmp = run(corpus)
    return {r.kind for r in cmp.finding_rows() if r.value.startswith("2026-03-")}


def test_two_dates_of_a_planned_strike_on_one_day_are_a_dispute_not_a_moved_date(run):
    """Two sources of the same day giving March 19 and March 21 for the strike disagree, whatever a
    later report says; when only the days' order separates them, the date moved (an update)."""
    a = ("2026-03-08", "The union's leader, Marta Kolb, said a general strike would be held on March 19 if the "
                       "government did not withdraw the pension bill.")
    b = ("2026-03-08", "Union chief Marta Kolb threatened a nationwide strike on March 21 over the pension bill.")
    later = ("2026-03-09", "Union general secretary Marta Kolb warned of a general strike on March 19.")
    assert _date_kinds({"a": a, "b": b, "c": later}, run) == {"date_conflict"}
    moved = ("2026-03-10", "Union chief Marta Kolb said the general strike over the pension bill would now be "
                           "held on March 21.")
    assert _date_kinds({"a": a, "d": moved}, run) == {"superseded"}


def test_crowd_estimates_are_compared_party_with_party(run):
    """The police's count of a march and the organisers' are two estimates, never a dispute; the
    same party's counts in two outlets are one, and the finding says whose estimate it is."""
    claims, cmp = run({
        "m1": ("2026-03-08", "Police put the crowd at 42,000 on Saturday, while organisers from the Union of Public "
                             "Workers said 120,000 people took part."),
        "m2": ("2026-03-09", "A police estimate put Saturday's crowd at 48,000; the union said 150,000 had joined "
                             "the march."),
    })
    by_text = _by_text(claims)
    assert by_text["42,000"].value.estimated_by == "police"
    assert "union" in by_text["120,000"].value.estimated_by.split()
    rows = cmp.finding_rows()
    pairs = {fid: {r.value for r in rows if r.finding_id == fid} for fid in {r.finding_id for r in rows}
             if any(r.finding_id == fid and r.kind == "numeric_conflict" for r in rows)}
    assert sorted(map(sorted, pairs.values())) == [["120000", "150000"], ["42000", "48000"]], pairs
    topics = {r.topic for r in rows if r.kind == "numeric_conflict"}
    assert any("estimate by police" in t for t in topics) and any("estimate by union" in t for t in topics), topics


def test_a_crowd_told_before_another_crowds_day_is_an_earlier_crowd(run):
    """A crowd is a level at a moment: Monday's article's "a crowd of 70" is no count of the crowd
    another article dates Wednesday."""
    _, cmp = run({
        "v1": ("2013-03-11", "Mourners gathered at the vigil, and a local station estimated the crowd at 70."),
        "v2": ("2013-03-14", "On Wednesday, a crowd of 200 gathered at the vigil, and some became unruly."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], \
        _shown(cmp)


@pytest.mark.parametrize(("sentence", "figure", "party"), [
    ("Police put the crowd at 42,000, while organisers said 120,000 took part.", "42,000", "police"),
    ("Police put the crowd at 42,000, while organisers said 120,000 took part.", "120,000", "organisers"),
    ("About 45,000 people took part in the march, according to police.", "45,000", "police"),
    ("A police estimate put the crowd at 42,000; the union said 150,000 had joined.", "150,000", "union"),
    ("Some 8,000 people marched through the city centre.", "8,000", ""),
])
def test_the_party_of_an_estimate_is_named_in_its_own_clause(sentence, figure, party):
    from pipeline.compare.figures import _estimator
    at = sentence.index(figure)
    assert _estimator(sentence, at, at + len(figure)) == party


@pytest.fixture(scope="module")
def date_claims(nlp):
    from pipeline.extract import extract_mentions

    def _claims(corpus):
        docs = _docs(corpus)
        return {c.text: c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "date"}

    return _claims


def test_a_date_of_the_events_progress_is_neither_its_start_nor_its_end(date_claims):
    """"Orders were expanded on Tuesday as the fire spread" dates the fire going on; "began on
    Sunday" its start; a word of another clause ("..., but the attacks have continued") says
    nothing of the date."""
    claims = date_claims({
        "f1": ("2025-08-13", "Evacuation orders were expanded on Tuesday as the Copper Ridge fire spread to 11,800 "
                             "acres. The fire began on Sunday near the campground. The blaze was sparked by a downed "
                             "power line on Saturday, Reyes said."),
        "f2": ("2024-03-20", "The navy began striking rebel targets on January 11, but the attacks have continued."),
    })
    phases = {text: c.value.phase for text, c in claims.items()}
    assert phases["Tuesday"] == "progress" and phases["Sunday"] == "onset" and phases["Saturday"] == "onset"
    assert phases["January 11"] == "onset", phases


def test_a_date_told_again_in_brackets_is_one_mention_shown_as_both(date_claims):
    """"Friday (14 October 2011)": the first date is the claim, with the bracketed one in its
    text (the date as the source spelt it out) and its end; the bracket makes no claim of its own."""
    text = ("Last week Friday (14 October 2011), Corvale Telecom said it had restored service to its business "
            "customers.")
    claims = date_claims({"b1": ("2011-10-20", text)})
    assert list(claims) == ["Friday (14 October 2011)"], list(claims)
    claim = claims["Friday (14 October 2011)"]
    assert (claim.row.value, text[claim.row.start:claim.row.end]) == ("2011-10-14", "Friday (14 October 2011)")


def test_the_start_of_a_fire_is_not_disputed_by_a_later_days_evacuation(run):
    """One source's "began on Sunday" is no rival of another's "orders were expanded on Tuesday as
    the fire spread": two moments of one story, not one moment told two ways."""
    _, cmp = run({
        "w1": ("2025-08-13", "The Copper Ridge fire began on Sunday near the Copper Ridge campground."),
        "w2": ("2025-08-13", "Evacuation orders were expanded on Tuesday as the Copper Ridge fire spread to 11,800 "
                             "acres, forcing some 4,000 residents from their homes."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "date_conflict"], \
        _shown(cmp)


def test_a_sentence_in_the_present_does_not_continue_an_earlier_dated_account(run):
    """After "The intrusion was detected on April 29" (two weeks before the article), "The gang is
    demanding $2 million" speaks of now; "It killed 612 people" after "In February, a quake hit
    Zarand" goes on telling February's quake."""
    claims, _ = run({
        "t1": ("2026-05-14", "Telvora confirmed a data breach. The intrusion was detected on April 29, the company "
                             "said.\n\nThe Black Lantern gang is demanding $2 million in bitcoin."),
        "t2": ("2005-11-28", "A quake struck Qeshm island on Sunday. In February, a quake hit the town of Zarand. "
                             "It killed 612 people."),
    })
    by_text = _by_text(claims)
    assert not by_text["$2 million"].background
    assert by_text["612"].background


def test_a_toll_since_a_date_runs_to_the_article_and_meets_another_sources(run):
    """"At least 11 people have died since the heatwave began on July 3" counts up to now: July 3
    opens the count, so the toll is no background of July 3 and the next day's 14 updates it."""
    claims, cmp = run({
        "h1": ("2026-07-12", "At least 11 people have died from heat-related causes since the heatwave began on "
                             "July 3, the health ministry said."),
        "h2": ("2026-07-13", "The Ministry of Health said 14 deaths were attributed to the heat so far."),
    })
    toll = _by_text(claims)["At least 11"]
    assert not toll.background and "total" in toll.row.cues
    met = {(r.kind, r.value) for r in cmp.finding_rows()}
    assert {("superseded", ">=11"), ("superseded", "14")} <= met, met  # the next day's higher toll updates it


def test_a_temperature_in_fahrenheit_meets_the_same_in_celsius(run):
    """"46.2C" (glued, as British papers write it) is 115.2 degrees Fahrenheit: one reading, two scales."""
    claims, cmp = run({
        "t1": ("2026-07-12", "A weather station in Montoro recorded 46.2C on Saturday, a national record."),
        "t2": ("2026-07-12", "Temperatures in Montoro soared to 115.2 degrees Fahrenheit on Saturday, a record."),
        "t3": ("2026-07-12", "Montoro reached 117.5 degrees Fahrenheit on Saturday, a national record."),
    })
    assert _by_text(claims)["46.2C"].value.family == "temperature"
    rows = cmp.finding_rows()
    sides = {r.value: r.side for r in rows if r.kind == "numeric_conflict"}
    assert sides.get("46.2") == sides.get("115.2") != sides.get("117.5"), [(r.kind, r.value, r.side) for r in rows]


def test_a_recall_in_two_regions_and_the_model_years_it_covers(run):
    """"1.2 million SUVs in the United States" and "400,000 in Europe" count two regions' cars;
    "model years 2018 to 2023" dates the cars, not the recall, so the deaths the next sentence
    gives are the story's and two sources' counts of them meet; a model named "Trailmaster" is no
    "trail" (a gap) and "San Diego" no death."""
    claims, cmp = run({
        "r1": ("2026-10-06", "Norvik is recalling about 1.2 million Trailmaster SUVs in the United States, the company "
                             "said on Monday. The recall covers models built between 2019 and 2023. Norvik said it "
                             "was aware of three deaths linked to the defect, one of them in San Diego."),
        "r2": ("2026-10-07", "Norvik said on Tuesday it would recall about 400,000 Trailmaster SUVs in Europe. "
                             "Regulators have received reports of two deaths linked to the fault."),
    })
    by_text = _by_text(claims)
    assert by_text["about 1.2 million"].concept != "gap" and not by_text["three"].background
    conflicts = {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert "~400000" not in conflicts and {"3", "2"} <= conflicts, conflicts


def test_counts_of_two_regions_are_two_quantities(run):
    """A recall's "about 1.2 million SUVs in the United States" and "about 400,000 SUVs in Europe"
    are two regions' counts (each a country or a continent, neither inside the other)."""
    _, cmp = run({
        "u1": ("2026-10-06", "Carmaker Norvik is recalling about 1.2 million Trailmaster SUVs in the United States "
                             "because the driver's airbag may fail to deploy in a crash, the company said on Monday."),
        "u2": ("2026-10-07", "Norvik said on Tuesday it would recall about 400,000 Trailmaster SUVs in Europe because "
                             "of a faulty airbag that may not deploy in a crash."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], \
        _shown(cmp)


def test_a_toll_across_a_continent_and_one_in_a_province_are_two_quantities(run):
    """"killed 230,000 people across Asia" and "killed 170,000 people in the province" count a
    whole and its part: no disagreement; two tolls of the province are still compared."""
    _, cmp = run({
        "w1": ("2026-04-02", "A strong quake struck Valdora province on Tuesday. In 1998 a huge quake off Valdora "
                             "sent waves that killed 230,000 people across Asia."),
        "w2": ("2026-04-02", "The quake hit Valdora on Tuesday. In 1998 a massive quake sent waves that killed "
                             "170,000 people in the province and thousands more abroad."),
        "w3": ("2026-04-03", "Valdora was shaken on Tuesday. In 1998 a quake sent waves that killed 150,000 "
                             "people in the province, officials recall."),
    })
    rows = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    assert "230000" not in {r.value for r in rows}, _shown(cmp)
    assert {"170000", "150000"} <= {r.value for r in rows}, _shown(cmp)


def test_years_added_to_a_sentence_are_another_sentence(run):
    """"adding two years to his sentence" adds a prison term (the verb of adding makes it an
    increment, what it is added to its concept), so it meets "another two-year sentence"; dated by
    the plea its clause hangs on, not by the bribes of the 1990s."""
    claims, cmp = run({
        "p1": ("2010-05-12", "In March 2009, Dorvan pleaded guilty to charges he took bribes in the 1990s, adding two "
                             "years to his sentence."),
        "p2": ("2010-05-13", "Dorvan pleaded guilty in March 2009 to obstruction of justice. That brought him another "
                             "two-year sentence."),
    })
    added = _by_text(claims)["two years"]
    assert (added.concept, added.value.increment, added.as_of) == ("prison_term", True, "2009-03")
    assert any(r.kind == "corroboration" and r.value == "2" for r in cmp.finding_rows()), _shown(cmp)


def test_a_count_captured_or_nabbed_is_a_count_arrested(run):
    """"capturing 26 Corvale raiders", "nabs 26 raiders" and "26 raiders arrested" count one group
    (the lexicon's arrests): one corroboration, not one per verb."""
    claims, cmp = run({
        "c1": ("2011-11-11", "A navy warship foiled an attack on Friday, capturing 26 Corvale raiders on three boats."),
        "c2": ("2011-11-11", "Navy nabs 26 raiders after a foiled attack on merchant ships."),
        "c3": ("2011-11-12", "The navy said 26 raiders were arrested after the attack on the merchant ships."),
    })
    assert {c.concept for c in claims if c.kind == "number" and c.row.value == "26"} == {"arrested"}
    corroborations = {r.finding_id for r in cmp.finding_rows() if r.kind == "corroboration" and r.value == "26"}
    assert len(corroborations) == 1, _shown(cmp)


def test_one_dated_event_a_source_tells_twice_is_one_corroboration(run):
    """A source telling "the March 3 shooting" in two sentences, each grouped with another source's
    telling, joins the two groups: one corroboration of the day, not one per wording. A month told
    twice joins nothing ("September" is no event)."""
    _, cmp = run({
        "e1": ("2011-04-20", "Detectives were investigating the March 3 shooting when the Corvale officer was killed. "
                             "Prosecutors charged Dorvan with attempted murder for the March 3 shooting of a neighbour "
                             "in Corvale."),
        "e2": ("2011-04-21", "The Corvale officer was killed while detectives were investigating a March 3 shooting in "
                             "the town."),
        "e3": ("2011-04-21", "Dorvan was also charged with attempted murder over the March 3 shooting of his "
                             "neighbour, prosecutors said."),
    })
    rows = [r for r in cmp.finding_rows() if r.kind == "corroboration" and r.value == "2011-03-03"]
    assert len({r.finding_id for r in rows}) == 1, _shown(cmp)
    assert {r.doc_id for r in rows} == {"e1", "e2", "e3"}, _shown(cmp)


def test_a_later_figure_siding_with_one_side_of_a_days_dispute_is_no_update(run):
    """Day one: "3 killed" and "10 killed"; day two: "at least 10 killed". The later report sides
    with one of the day's figures: the finding is the day's dispute, once, not also an update from
    3. A later figure above every earlier one ("at least 15") is an update as before."""
    day_one = {
        "k1": ("2024-03-04", "A quake struck Varo island on Sunday, killing 3 people, the governor said."),
        "k2": ("2024-03-04", "A strong quake hit Varo island on Sunday, killing 10 people, officials said."),
    }
    _, cmp = run({**day_one, "k3": ("2024-03-05", "Rescuers searched Varo island on Monday after Sunday's quake "
                                                  "killed at least 10 people.")})
    kinds = {r.finding_id: r.kind for r in cmp.finding_rows() if r.value in ("3", "10", ">=10")}
    assert sorted(kinds.values()).count("superseded") == 0 and "numeric_conflict" in kinds.values(), _shown(cmp)
    _, cmp = run({**day_one, "k3": ("2024-03-05", "Rescuers searched Varo island on Monday after Sunday's quake "
                                                  "killed at least 15 people.")})
    assert "superseded" in {r.kind for r in cmp.finding_rows()}, _shown(cmp)


def test_the_men_who_robbed_are_no_count_of_the_men_arrested(run):
    """"Four men who robbed" counts the robbers: what the relative clause says they did marks the
    count, so it never stands against "arrested two men" however alike the sentences."""
    from pipeline.compare.align import different_quantities

    claims, _ = run({
        "r2": ("2026-01-16", "Police are searching for four men who robbed a Lakeshore Bank branch in Eastgate "
                             "on Thursday."),
        "r3": ("2026-01-19", "Police have arrested two men in connection with Thursday's robbery at Lakeshore Bank "
                             "in Eastgate."),
    })
    four, two = _by_text(claims)["four"], _by_text(claims)["two"]
    assert four.value.participle == "robbed" and two.concept == "arrested"
    assert different_quantities(four, two) == "what happened to them"


def test_an_amount_of_the_stolen_money_is_a_part_of_it(run):
    """"Recovered 30,000 euros of the stolen cash" is some of the haul, no rival of "took about
    90,000 euros"; "30,000 euros in cash" (no "of the") would be an amount of its own."""
    claims, cmp = run({
        "m1": ("2026-02-14", "Robbers took about 90,000 euros from the Dunmore jeweller on Friday, police said."),
        "m2": ("2026-02-16", "Police have recovered 30,000 euros of the stolen cash from Friday's raid on the "
                             "Dunmore jeweller."),
    })
    assert _by_text(claims)["30,000 euros"].value.part
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], _shown(cmp)


def test_a_town_of_a_number_counts_who_lives_there(run):
    """"In the town of 18,000" gives the town's size, whatever the sentence's verb says of others."""
    claims, _ = run({
        "t1": ("2026-04-10", "About one in five adults in the town of 18,000 works at the mill."),
        "t2": ("2026-04-10", "The mill employs 1,200 people, the company said."),
    })
    concept = {c.text: c.concept for c in claims}
    assert concept["18,000"] == "population" and concept["1,200"] == "workforce"


def test_a_figure_in_the_headline_and_the_body_is_one_finding_when_the_headline_names_no_concept(run):
    """The headline's "loss of 430 jobs" names no concept; the body's "cutting 430 jobs" does. Each
    source gives the same value in both, so the dispute with 480 is one finding, not two."""
    _, cmp = run({
        "f1": ("2026-04-08", "Kelby mill to close with loss of 430 jobs\n\nMarlow Paper will close its mill in "
                             "Kelby by the end of 2027, cutting 430 jobs, the company said on Wednesday."),
        "f2": ("2026-04-08", "Marlow to shut Kelby mill, 480 jobs at risk\n\nMarlow Paper plans to shut its "
                             "Kelby mill by mid-2027, putting 480 jobs at risk, union officials said."),
    })
    disputes = {r.finding_id for r in cmp.finding_rows() if r.kind == "numeric_conflict" and r.value in ("430", "480")}
    assert len(disputes) == 1, _shown(cmp)


def test_the_day_a_report_was_published_is_no_day_of_the_event(run):
    """"In a report published on Wednesday" dates the report: no dispute with "began on Monday"."""
    _, cmp = run({
        "o1": ("2026-09-15", "The outage at Corvex began on Monday and lasted five hours, the company said."),
        "o2": ("2026-09-17", "In a report published on Wednesday, Corvex said the outage lasted four hours."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "date_conflict"], _shown(cmp)


def test_distances_of_one_named_stretch_are_one_quantity_without_a_subject(run):
    """The parse gives "the 28-kilometre crossing" no subject, but both sentences name the Straits of Morran:
    the two lengths may be one quantity; a crossing of another lake may not."""
    from pipeline.compare.align import different_quantities

    claims, _ = run({
        "d1": ("2026-08-11", "Lena Varga has become the youngest person to swim across the Straits of Morran, "
                             "completing the 28-kilometre crossing in nine hours on Monday."),
        "d2": ("2026-08-11", "Lena Varga, 16, swam the 31-kilometre Straits of Morran in 9 hours and 5 minutes on "
                             "Monday to become the youngest person to complete the crossing, her team said."),
        "d3": ("2026-08-11", "Lena Varga, 16, swam the 35-kilometre Straits of Tesk in 11 hours and 5 minutes on "
                             "Monday, her team said."),
    })
    by = {c.doc_id: c for c in claims if c.value.family == "length"}
    assert different_quantities(by["d1"], by["d2"]) == ""
    assert different_quantities(by["d1"], by["d3"]) == "places"


def test_a_headline_count_without_a_noun_joins_the_body_count_of_things_its_concept_counts(run):
    """"Left 180,000 without power" (headline) and "roughly 180,000 customers" (body) are one figure
    told twice: the body's customers, grouped with the later count of customers, join the homes of
    the first source, so the run's count is one finding (a story of our own, names changed)."""
    _, cmp = run({
        "q1": ("2026-02-10", "Power restored to most of Delmont after overnight blackout\n\nAbout 210,000 homes "
                             "and businesses lost power across the Delmont region late on Monday after a fault at "
                             "the Harle substation, grid operator Gridco said. Electricity was back for most "
                             "customers by 6 a.m. on Tuesday, roughly seven hours after the outage began shortly "
                             "before 11 p.m. Gridco said a transformer fire had tripped two high-voltage lines. "
                             "The substation, built in 1978, supplies about a third of the region. Hospitals "
                             "switched to backup generators and no injuries were reported."),
        "q2": ("2026-02-10", "Delmont blackout left 180,000 without power\n\nAn equipment failure at a substation "
                             "in Harle plunged roughly 180,000 customers into darkness on Monday night, Gridco "
                             "said. The outage started at about 10:15 p.m. and power was fully restored by midday "
                             "on Tuesday. The regional energy minister, Ana Roth, said she had asked the regulator "
                             "to investigate. Trams in the city of Delmont stopped for four hours, stranding some "
                             "passengers."),
        "q3": ("2026-02-11", "Blackout: Gridco says 240,000 customers were affected\n\nGridco on Wednesday revised "
                             "its count of customers affected by Monday's blackout to 240,000, up from an earlier "
                             "estimate of 210,000, and said a fire in a transformer was to blame. The company said "
                             "it would pay compensation of 50 euros to each household left without power for more "
                             "than 12 hours. About 9,000 households were still without power on Tuesday afternoon, "
                             "the company said."),
    })
    findings = {r.finding_id for r in cmp.finding_rows() if r.value.lstrip("~") in ("180000", "210000", "240000")}
    assert len(findings) == 1, _shown(cmp)
    assert {r.doc_id for r in cmp.finding_rows() if r.finding_id in findings} == {"q1", "q2", "q3"}, _shown(cmp)


def test_the_words_of_a_depth_an_evacuation_and_a_capacity_name_their_concepts(run):
    """"350 metres underground" is a depth, "told to leave their homes" an evacuation, "will hold
    45,000 spectators" a capacity, whatever other words the sentence uses."""
    claims, _ = run({
        "w1": ("2026-02-03", "Twelve miners were trapped about 350 metres underground after a tunnel collapsed."),
        "w2": ("2026-08-04", "About 1,500 residents were told to leave their homes after the derailment."),
        "w3": ("2026-10-16", "The team says the new stadium will hold 45,000 spectators."),
    })
    concept = {c.text: c.concept for c in claims}
    assert (concept["about 350 metres"], concept["About 1,500"], concept["45,000"]) == (
        "depth", "displaced", "capacity")


def test_a_depth_since_a_day_is_a_reading_not_a_running_total(run):
    """"Trapped at a depth of around 400 metres since Monday" gives where they are, no total: it is
    compared with "about 350 metres underground" and disagrees."""
    _, cmp = run({
        "m1": ("2026-02-03", "Twelve miners were trapped about 350 metres underground after a tunnel collapsed at "
                             "the Tarvik copper mine on Monday, the company said."),
        "m2": ("2026-02-05", "The miners had been trapped at a depth of around 400 metres since Monday, officials "
                             "at the Tarvik copper mine said."),
    })
    assert _disputing(cmp) == {"m1", "m2"}, _shown(cmp)


def test_two_named_courts_of_one_level_disagree_courts_of_two_levels_do_not(run):
    """"Jailed at Southwark Crown Court" and "sentenced at Snaresbrook Crown Court" are two answers to
    where one trial sat; a magistrates' court and a crown court are two stages of one case."""
    crown = ("2026-05-22", "Victor Hale was sentenced to eight years on Friday at Snaresbrook Crown Court.")
    _, cmp = run({
        "c1": ("2026-05-22", "Art dealer Victor Hale was jailed for eight years at Southwark Crown Court on Friday."),
        "c2": crown,
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "account_conflict"} == {
        "Southwark Crown Court", "Snaresbrook Crown Court"}, _shown(cmp)
    _, cmp = run({
        "c1": ("2026-05-22", "Art dealer Victor Hale first appeared at Camberwell Magistrates' Court in March."),
        "c2": crown,
    })
    assert not _account_sides(cmp), _shown(cmp)


def test_what_one_party_pays_of_a_cost_is_a_part_of_it(run):
    """"With the city contributing 300 million dollars" and "the city's share of the cost, 300
    million dollars" are parts of the stadium's cost: no rival of "cost 1.1 billion dollars"."""
    _, cmp = run({
        "s1": ("2026-10-15", "The stadium is expected to cost 1.1 billion dollars, with the city contributing 300 "
                             "million dollars."),
        "s2": ("2026-10-16", "Opponents said the city's share of the cost, 300 million dollars, should go to "
                             "housing instead of the stadium."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], _shown(cmp)


def test_a_days_move_of_a_share_price_is_one_measure_whatever_the_verb(run):
    """"Its shares fell 6%" and "Kestrel's shares closed down 4%" are the same day's move and
    disagree; "fined up to 4% of their annual turnover" is a share of another whole."""
    _, cmp = run({
        "k1": ("2027-03-02", "Kestrel said hackers had stolen customer data. Its shares fell 6% on Tuesday."),
        "k2": ("2027-03-03", "Kestrel's shares closed down 4% on Tuesday after the retailer disclosed the hack."),
        "k3": ("2027-03-05", "The regulator opened an inquiry into Kestrel. Companies can be fined up to 4% of "
                             "their annual turnover."),
    })
    rows = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    assert {r.doc_id for r in rows} == {"k1", "k2"}, _shown(cmp)


def test_a_persons_trade_in_apposition_is_a_fact_with_sides(run):
    """"Harlan, a former teacher" and "Harlan, a former nurse" give one person two trades (the
    surname alone, after the full name earlier in the article); "a teacher" agrees with "a former
    teacher"; a former office ("the former chief executive") says nothing of the holder now."""
    _, cmp = run({
        "o1": ("2027-06-08", "A recount confirmed Diane Harlan as mayor of Westford. Harlan, a former teacher, takes "
                             "office on July 1."),
        "o2": ("2027-06-08", "Diane Harlan won the Westford race after a recount. Harlan, a former nurse, received "
                             "24,090 votes."),
        "o3": ("2027-06-09", "Diane Harlan, a teacher for 20 years, thanked her supporters in Westford."),
    })
    sides = _account_sides(cmp)
    assert sides == {("o1", "teacher"), ("o2", "nurse"), ("o3", "teacher")}, _shown(cmp)
    _, cmp = run({
        "x1": ("2026-09-08", "Anna Lund, the former chief executive of Norvax, joined the board of Heller."),
        "x2": ("2026-09-08", "Anna Lund, chief operating officer of Heller, spoke at the launch."),
    })
    assert not _account_sides(cmp), _shown(cmp)


def test_the_year_a_thing_was_made_does_not_date_its_size(run):
    """"The 50-metre bridge opened in 1976" gives the bridge's length today, not in 1976: it disputes
    "was about 40 metres long" of the same bridge."""
    _, cmp = run({
        "b1": ("2027-10-05", "A footbridge over the River Tane collapsed on Monday. The bridge was about 40 metres "
                             "long, the council said."),
        "b2": ("2027-10-05", "Six people were hurt when the Tane footbridge gave way on Monday. The 50-metre bridge "
                             "opened in 1976."),
    })
    assert _disputing(cmp) == {"b1", "b2"}, _shown(cmp)


def test_a_date_of_the_deed_a_fine_is_for_does_not_date_the_fine(run):
    """"Fined 135 million euros for taking part in a cartel between 2016 and 2023": the years date
    the cartel; the fine is this week's, and disputes "fined 120 million euros on Wednesday"."""
    _, cmp = run({
        "f1": ("2027-04-14", "The competition authority fined Vantor 120 million euros on Wednesday for fixing "
                             "prices."),
        "f2": ("2027-04-14", "Vantor was fined 135 million euros for taking part in a price-fixing cartel between "
                             "2016 and 2023, the competition authority said."),
    })
    assert _disputing(cmp) == {"f1", "f2"}, _shown(cmp)


def test_residents_of_some_villages_moved_to_safety_are_the_evacuated(run):
    """"Some 2,800 residents of six hamlets were moved to safety" counts the evacuated (the verb after
    the counted noun's phrase says what happened to them), and its hamlets are no whole of the
    residents: they dispute another source's "evacuated from four hamlets"."""
    claims, cmp = run({
        "h1": ("2027-03-06", "Some 2,800 residents of six hamlets were moved to safety as the river burst its banks "
                             "on Friday."),
        "h2": ("2027-03-06", "About 1,900 people were evacuated from four hamlets on Friday, the council said."),
    })
    mine = _by_text([c for c in claims if c.doc_id == "h1"])
    assert mine["Some 2,800"].concept == "displaced"
    assert "whole" not in mine["six"].row.cues
    assert mine["Some 2,800"].as_of == "2027-03-05"  # a day in an "as" clause of the same moment dates it
    assert frozenset({("h1", "6"), ("h2", "4")}) in {frozenset(sides) for sides in _conflicts(cmp).values()}, \
        _shown(cmp)


def test_a_day_in_a_when_clause_dates_the_figure_of_the_main_clause(run):
    """"Nine people were hurt when the stand collapsed on Saturday": Saturday is when they were hurt;
    "because" gives a cause, whose day is its own."""
    claims, _ = run({
        "w1": ("2027-09-13", "Nine people were hurt when a stand collapsed on Saturday."),
        "w2": ("2027-09-13", "Nine people were hurt because a stand built on Saturday was unsafe."),
    })
    assert [c.as_of for c in claims if c.text == "Nine"] == ["2027-09-11", ""]


def test_a_part_told_by_the_verb_after_its_whole(run):
    """"Around 30 of the sheep were dead" counts the dead: it disputes "22 of the sheep had died"."""
    claims, cmp = run({
        "p1": ("2027-02-10", "Inspectors found 400 sheep crammed into a lorry on Monday. Around 30 of the sheep "
                             "were dead."),
        "p2": ("2027-02-10", "The 400 sheep found in a lorry on Monday were taken to a farm, where vets said 22 of "
                             "the sheep had died."),
    })
    assert _by_text(claims)["Around 30"].concept == "deaths"
    assert _disputing(cmp) == {"p1", "p2"}, _shown(cmp)


def test_where_a_flight_or_a_cargo_came_from_is_a_fact_with_sides(run):
    """"Flown in from Kenya" and "arrived on a flight from Tanzania" name two places one journey began."""
    _, cmp = run({
        "f1": ("2027-02-10", "Customs seized 90 turtles at Harwell airport on Sunday. The turtles were flown in "
                             "from Kenya."),
        "f2": ("2027-02-10", "Officers at Harwell airport seized 90 turtles on Sunday. The animals had arrived on "
                             "a flight from Tanzania."),
    })
    assert _account_sides(cmp) == {
        ("f1", "Kenya"), ("f2", "Tanzania")}, _shown(cmp)


def test_a_demand_and_what_was_agreed_are_two_figures_of_one_bargain(run):
    """The union "is demanding a 9% rise" and "wants a rise of 7%": two readings of its demand. The
    5% nurses "will get", or "voted to accept an offer worth 5%", is the deal: no third reading."""
    claims, cmp = run({
        "n1": ("2027-05-04", "Nurses began a strike on Tuesday. Their union is demanding a 9% pay rise."),
        "n2": ("2027-05-04", "The nurses' union wants a pay rise of 7% this year."),
        "n3": ("2027-05-08", "Nurses will get a 5% pay rise this year under a deal reached on Friday."),
        "n4": ("2027-05-08", "Nurses voted to accept a pay offer worth 5% this year."),
    })
    stances = {c.doc_id: c.value.stance for c in claims if c.value.family == "percent"}
    assert stances == {"n1": "demand", "n2": "demand", "n3": "agreed", "n4": "agreed"}
    assert {frozenset(sides) for sides in _conflicts(cmp).values()} == {
        frozenset({("n1", "9"), ("n2", "7")})}, _shown(cmp)


def test_a_strike_told_longer_at_its_end_is_an_update(run):
    """"A four-day strike" on its first day and "ending a five-day strike" four days later: the strike
    ran a day longer than planned, an update of its length, not two accounts of one."""
    _, cmp = run({
        "s1": ("2027-05-04", "Dock workers began a four-day strike at Port Elmar on Tuesday."),
        "s2": ("2027-05-08", "Dock workers at Port Elmar returned to work on Saturday, ending a five-day strike."),
    })
    assert {r.doc_id for r in cmp.finding_rows() if r.kind == "superseded"} == {"s1", "s2"}, _shown(cmp)


def test_ages_of_a_person_named_only_by_a_noun(run):
    """"A 36-year-old woman has been arrested" and "Police arrested a 39-year-old woman" tell of one
    woman; the woman stabbed in another sentence is someone else."""
    _, cmp = run({
        "a1": ("2027-08-02", "A 36-year-old woman has been arrested on suspicion of fraud in Calder."),
        "a2": ("2027-08-02", "Police in Calder arrested a 39-year-old woman on suspicion of fraud."),
        "a3": ("2027-08-02", "A 37-year-old woman was stabbed in Calder on Sunday."),
    })
    assert {frozenset(sides) for sides in _conflicts(cmp).values()} == {
        frozenset({("a1", "36"), ("a2", "39")})}, _shown(cmp)


def test_the_only_times_two_articles_give_of_a_day_dispute_it(run):
    """Each report gives one time of Thursday ("at about 9:10 a.m.", "just after 9:50 a.m."), in
    words of its own: the story's one happening, timed two ways."""
    _, cmp = run({
        "t1": ("2027-03-12", "A gas main exploded in Carrow at about 9:10 a.m. on Thursday, damaging six houses, "
                             "police said."),
        "t2": ("2027-03-12", "Residents of Carrow heard a loud bang just after 9:50 a.m. on Thursday when a gas "
                             "pipe blew up under the high street."),
    })
    assert {r.doc_id for r in cmp.finding_rows() if r.kind == "date_conflict"} == {"t1", "t2"}, _shown(cmp)


def test_where_a_person_was_found_is_a_fact_with_sides(run):
    """"Found safe in a garden shed" and "found in a bus shelter" are two places for one finding of
    one boy; "found guilty in the murder" names no place."""
    _, cmp = run({
        "m1": ("2027-05-09", "A 12-year-old boy who had been missing from Orwell for two days was found safe in a "
                             "garden shed near the village on Saturday, police said."),
        "m2": ("2027-05-09", "Jamie Tull, 12, was found in a bus shelter near Orwell on Saturday morning, two days "
                             "after he went missing on his way home from school."),
    })
    assert _account_sides(cmp) == {
        ("m1", "garden shed"), ("m2", "bus shelter")}, _shown(cmp)
    _, cmp = run({
        "g1": ("2027-05-09", "Carl Weir was found guilty in the murder of his neighbour on Friday."),
        "g2": ("2027-05-09", "Carl Weir was found guilty in the killing of his neighbour on Friday."),
    })
    assert not _account_sides(cmp), _shown(cmp)


def test_a_storm_that_cut_power_to_homes_counts_them_without_power(run):
    """"Cut power to about 40,000 homes" is a count of homes without power: it disputes "Some 55,000
    homes were without power"."""
    claims, cmp = run({
        "p1": ("2027-01-19", "The storm cut power to about 40,000 homes on Monday, the grid operator said."),
        "p2": ("2027-01-19", "Some 55,000 homes were without power on Monday after the storm brought down lines."),
    })
    assert _by_text(claims)["about 40,000"].concept == "power_outage"
    assert _disputing(cmp) == {"p1", "p2"}, _shown(cmp)


def test_a_century_before_a_noun_makes_no_figure_background(run):
    """"Three paintings by 17th-century Dutch artists" were stolen this week: the century is the
    artists', so the count disputes "Four paintings ... were taken" of the same theft."""
    claims, cmp = run({
        "a1": ("2027-04-06", "Thieves stole three paintings by 17th-century Dutch artists from the Varne Museum "
                             "early on Monday, police said."),
        "a2": ("2027-04-06", "Four paintings, including a river scene by Pieter Aals, were taken from the Varne "
                             "Museum early on Monday."),
    })
    assert not _by_text(claims)["three"].background
    assert _disputing(cmp) == {"a1", "a2"}, _shown(cmp)


def test_the_age_of_a_person_a_story_names_by_role(run):
    """"The 58-year-old driver" and "The driver, 61": the one driver of the story, whatever each
    sentence says of him; pupils and children on one bus are one count."""
    _, cmp = run({
        "b1": ("2027-09-15", "A school bus overturned near Hexley on Tuesday. It was carrying 34 pupils. The "
                             "58-year-old driver was arrested."),
        "b2": ("2027-09-15", "A school bus rolled onto its side near Hexley on Tuesday. About 40 children were on "
                             "board. The driver, 61, was helping police with their inquiries."),
    })
    conflicts = {frozenset(sides) for sides in _conflicts(cmp).values()}
    assert frozenset({("b1", "58"), ("b2", "61")}) in conflicts, _shown(cmp)
    assert "age of the driver" in {r.topic for r in cmp.finding_rows()}  # whose age, in the finding's words
    assert frozenset({("b1", "34"), ("b2", "~40")}) in conflicts, _shown(cmp)


def test_a_time_takes_the_day_the_sentence_before_it_names(run):
    """"... on Thursday, police said. It blew up at about 9:10 a.m." times Thursday's explosion: the
    account goes on, and with the day, the two reports' only times of it dispute it."""
    _, cmp = run({
        "t1": ("2027-03-12", "A gas main exploded in Carrow on Thursday, damaging six houses. The blast happened "
                             "at about 9:10 a.m., police said."),
        "t2": ("2027-03-12", "Residents of Carrow heard a loud bang on Thursday when a gas pipe blew up under the "
                             "high street. The explosion was just after 9:50 a.m."),
    })
    times = {r.doc_id: r.as_of for r in cmp.finding_rows() if r.kind == "date_conflict"}
    assert times == {"t1": "2027-03-11", "t2": "2027-03-11"}, _shown(cmp)  # the value stays as written


def test_two_causes_of_one_happening_are_a_fact_with_sides(run):
    """"Caused by a faulty boiler" / "an unattended candle was the probable cause" / "whether a
    faulty boiler started the fire": two causes of one fire, each source on its side, and the topic
    names the happening; a cause ruled out is no side."""
    _, cmp = run({
        "c1": ("2027-02-14", "A fire destroyed a barn at Holt Farm on Saturday. Firefighters said the fire was "
                             "probably caused by a faulty boiler."),
        "c2": ("2027-02-14", "Flames tore through a barn at Holt Farm on Saturday. The owner said an unattended "
                             "candle was the probable cause."),
        "c3": ("2027-02-15", "Investigators are looking at whether a faulty boiler started the fire at Holt Farm."),
    })
    assert _account_sides(cmp) == {
        ("c1", "faulty boiler"), ("c2", "unattended candle"), ("c3", "faulty boiler")}, _shown(cmp)
    assert "cause of the fire" in {r.topic for r in cmp.finding_rows()}
    _, cmp = run({
        "n1": ("2027-02-14", "The crash was not caused by a mechanical fault, the airline said."),
        "n2": ("2027-02-14", "Investigators said the crash was caused by a mechanical fault in the engine."),
    })
    assert not _account_sides(cmp), _shown(cmp)


def test_the_size_of_a_thing_holds_whatever_day_each_sentence_tells_of(run):
    """"The 14-metre yacht sank on Friday evening" and "The 17-metre yacht sank ... early on Saturday": one yacht's
    length, whatever day each clause tells of, and no list with the sentence's distance ("sank six
    miles off"), which disputes the other's nine miles."""
    _, cmp = run({
        "y1": ("2027-07-03", "The 14-metre yacht Sea Wren sank on Friday evening after leaving Tarbay harbour. "
                             "It went down about nine miles off Carn Point."),
        "y2": ("2027-07-03", "The 17-metre yacht sank about six miles off Carn Point early on Saturday, the "
                             "coastguard said."),
    })
    conflicts = {frozenset(sides) for sides in _conflicts(cmp).values()}
    assert frozenset({("y1", "14"), ("y2", "17")}) in conflicts, _shown(cmp)
    assert frozenset({("y1", "~9"), ("y2", "~6")}) in conflicts, _shown(cmp)
    assert any(r.topic.startswith("length of the yacht") for r in cmp.finding_rows()), _shown(cmp)


def test_a_depth_a_word_names_meets_a_plain_measure_of_it(run):
    """"Trapped at a depth of about 20 metres" and "reached him at 26 metres": the plain figure may
    be the depth, and here disputes it; the dam's "40 metres high" and "the 48-metre dam" are its height."""
    _, cmp = run({
        "d1": ("2027-05-20", "Cave divers found the man trapped at a depth of about 20 metres on Tuesday."),
        "d2": ("2027-05-20", "Cave divers reached the man at 26 metres on Tuesday after a six-hour dive."),
    })
    assert _disputing(cmp) == {"d1", "d2"}, _shown(cmp)
    _, cmp = run({
        "h1": ("2027-05-20", "The Orla dam, built in 1961, is 40 metres high."),
        "h2": ("2027-05-20", "Engineers said the 48-metre dam at Orla was safe."),
    })
    heights = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict" and r.topic.startswith("height of")]
    assert heights, _shown(cmp)


def test_a_count_after_including_with_no_count_before_it_is_all_of_its_kind(run):
    """"Records stolen from the trust, including the details of 52,000 patients": no count before
    the list, so the 52,000 are all the patients the sentence tells of, and dispute "about 30,000
    patients"; "200 people were hurt, including 40 children" keeps the children a part."""
    claims, cmp = run({
        "r1": ("2027-03-09", "Data on about 30,000 patients may have been stolen from the Fenwood health trust."),
        "r2": ("2027-03-09", "Hackers have leaked records stolen from the Fenwood health trust, including the "
                             "details of 52,000 patients."),
    })
    assert not _by_text(claims)["52,000"].value.part
    assert _disputing(cmp) == {"r1", "r2"}, _shown(cmp)
    claims, _ = run({"s1": ("2027-03-09", "Some 200 people were hurt, including 40 children.")})
    assert _by_text(claims)["40"].value.part


def test_a_record_since_a_year_is_no_running_total(run):
    """"The lake rose to 3.4 metres, its highest level since 1998" is a reading that beats the years
    since, not a total to date: it disputes "the lake peaked at 3.9 metres"."""
    claims, cmp = run({
        "l1": ("2027-03-02", "Lake Orrin rose to 3.4 metres on Monday, its highest level since 1998."),
        "l2": ("2027-03-02", "Lake Orrin peaked at 3.9 metres on Monday, the water agency said."),
    })
    assert not _by_text(claims)["3.4 metres"].value.total
    assert _disputing(cmp) == {"l1", "l2"}, _shown(cmp)
    claims, _ = run({"t1": ("2027-03-02", "The fund has raised 40,000 pounds since 2019.")})
    assert _by_text(claims)["40,000"].value.total  # a running period still makes a total


def test_a_span_counted_from_what_began_it_is_how_long_it_lasted(run):
    """"Rescued on Friday, six days after she went missing" counts from the start of her being
    missing, so it disputes "missing for eight days"; an offset from another happening ("two days
    after the storm hit") stays a when."""
    _, cmp = run({
        "w1": ("2027-10-10", "A climber missing for eight days on Mount Cael was rescued on Friday, police said."),
        "w2": ("2027-10-10", "Rescuers reached Ana Vos on Mount Cael on Friday, six days after she went missing."),
    })
    assert _disputing(cmp) == {"w1", "w2"}, _shown(cmp)
    _, cmp = run({
        "v1": ("2027-10-10", "The bridge was closed for eight days after the storm."),
        "v2": ("2027-10-10", "The bridge reopened on Friday, two days after the storm hit the coast."),
    })
    assert not _disputing(cmp), _shown(cmp)


def test_a_figure_beating_a_record_is_the_stories_own(run):
    """"Reached 39.6C on Friday, beating the record set in 1990": the record and its year are another
    figure's; the 39.6 is the day's reading and disputes "a temperature of 40.1C was recorded"."""
    claims, cmp = run({
        "k1": ("2027-08-07", "A temperature of 40.1C was recorded at Orvale on Friday, the highest ever measured "
                             "in the region."),
        "k2": ("2027-08-07", "The weather service said Orvale reached 39.6C on Friday, beating the record set in "
                             "1990."),
    })
    assert not _by_text(claims)["39.6C"].background
    assert _disputing(cmp) == {"k1", "k2"}, _shown(cmp)


def test_a_years_figures_told_in_january_are_the_stories_own(run):
    """A report of 8 January on the year before: "welcomed 640,000 visitors in 2027" and "about
    520,000 people visited the gallery last year" are the same year's count of visitors (the
    people who visited are its visitors), not a current figure against a background one."""
    claims, cmp = run({
        "g1": ("2028-01-08", "The Harcourt Gallery welcomed 640,000 visitors in 2027, its best year since it "
                             "opened in 1921."),
        "g2": ("2028-01-08", "About 520,000 people visited the Harcourt Gallery last year, figures show."),
    })
    assert not _by_text(claims)["About 520,000"].background
    assert not _by_text(claims)["640,000"].value.total  # a best year since a year is no running total
    assert _disputing(cmp) == {"g1", "g2"}, _shown(cmp)


def test_hens_and_chickens_of_one_farm_are_one_count(run):
    """"About 12,000 chickens will be culled" and "Some 20,000 hens are being culled" count the
    one flock, two ways: a disagreement, as "two soldiers" and "three troops" are."""
    _, cmp = run({
        "h1": ("2027-11-03", "About 12,000 chickens will be culled after bird flu was found at a farm near Oxby."),
        "h2": ("2027-11-03", "Some 20,000 hens are being culled at an egg farm near Oxby after bird flu was found."),
    })
    assert _disputing(cmp) == {"h1", "h2"}, _shown(cmp)


def test_a_part_that_is_no_clause_subject_takes_no_concept_from_its_whole(run):
    """"Rescuers recovered the bodies of three of the four people missing": "missing" is said of the
    four, so the three dispute no count of the missing ("Four people are missing"); "Two of the three
    victims died" still gives the part the whole's concept."""
    claims, cmp = run({
        "p1": ("2027-10-30", "Four people are missing after a landslide hit Dunmere on Thursday."),
        "p2": ("2027-11-01", "Rescuers recovered the bodies of three of the four people missing after Thursday's "
                             "landslide in Dunmere."),
    })
    assert not _by_text(claims)["three"].concept
    assert not _disputing(cmp), _shown(cmp)
    claims, _ = run({"v1": ("2027-10-30", "Police said two of the three victims died in hospital.")})
    assert _by_text(claims)["two"].concept == "deaths"


def test_an_offset_ends_the_event_words_of_a_date(nlp):
    """"Refloated on Friday, four days after it ran aground" dates the refloating: the words after
    the offset tell of the grounding (four days before), so Friday's frame stops at the offset."""
    from pipeline.extract import extract_mentions

    docs = _docs({"o2": ("2027-04-17", "Salvage crews refloated the Orla Bay on Friday, four days after it ran "
                                       "aground off Kessock.")})
    dates = [c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "date"]
    assert [c.text for c in dates] == ["Friday"]
    assert "refloated" in dates[0].frame and "aground" not in dates[0].frame


def test_a_products_unveiling_and_release_are_two_days(run):
    """"Unveiled the tablet on Monday" and "reaches shops on October 12" are two steps of one
    launch, not one date told two ways."""
    _, cmp = run({
        "t1": ("2027-09-07", "Orrin unveiled its Slate 3 tablet on Monday, priced at $499, with a battery it says "
                             "lasts 14 hours."),
        "t2": ("2027-09-07", "Orrin's new Slate 3 tablet will cost $499 when it reaches shops on October 12, the "
                             "company said on Monday."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "date_conflict"], _shown(cmp)


def test_an_age_after_a_possessive_persons_noun_is_that_persons(run):
    """"His wife, 58," is the wife's age, and "His wife, a 61-year-old teacher," tells it of the
    wife too: the two disagree (the noun after the age is what she is, not who)."""
    claims, cmp = run({
        "a1": ("2027-06-02", "Firefighters pulled a man from the burning house on Tuesday. His wife, 58, escaped "
                             "unhurt."),
        "a2": ("2027-06-02", "A man was rescued from a house fire on Tuesday. His wife, a 61-year-old teacher, "
                             "got out before the crews arrived."),
    })
    assert _by_text(claims)["58"].value.family == "age"
    assert _disputing(cmp) == {"a1", "a2"}, _shown(cmp)


def test_job_losses_layoffs_and_redundancies_are_job_cuts_and_jobs_cost_are_no_price(run):
    """"The closure will cost 600 jobs" counts jobs lost, not a price; "600 layoffs", "450
    redundancies" and "500 job losses" are job cuts as "cut 600 jobs" is."""
    claims, _ = run({"j1": ("2027-03-02", "The closure will cost 600 jobs. The bank announced 450 redundancies. "
                                          "Rivals made 300 layoffs. Unions fear 500 job losses.")})
    concepts = {text: c.concept for text, c in _by_text(claims).items()}
    assert concepts["600"] != "price", concepts
    assert concepts["450"] == concepts["300"] == concepts["500"] == "job_cuts", concepts


def test_each_articles_only_count_of_one_concept_meet_whatever_their_nouns(run):
    """"About 70,000 homes were left without power" and "Around 45,000 properties lost electricity":
    each article's only count of the homes cut off, so one quantity though the frames are worded
    apart; the two disagree."""
    _, cmp = run({
        "w1": ("2027-01-12", "Storm Edda brought down trees across the west on Monday. About 70,000 homes were left "
                             "without power, and schools in Corran closed."),
        "w2": ("2027-01-12", "Rail lines were blocked as Storm Edda swept in on Monday, the transport agency said. "
                             "Around 45,000 properties lost electricity."),
    })
    assert _disputing(cmp) == {"w1", "w2"}, _shown(cmp)


def test_one_holders_shares_told_in_close_frames_are_of_one_whole(run):
    """"Halberd Insurance shareholders will own 58% of the new insurer" and "Halberd Insurance
    investors will hold 52% of the enlarged group": one holder's share of one whole, however the
    whole is called; the two disagree."""
    _, cmp = run({
        "s1": ("2027-02-08", "Halberd Insurance and Teller agreed to merge on Monday. Halberd Insurance shareholders "
                             "will own 58% of the new insurer."),
        "s2": ("2027-02-08", "The merger of Halberd Insurance and Teller was announced on Monday. Halberd Insurance "
                             "investors will hold 52% of the enlarged group."),
    })
    assert _disputing(cmp) == {"s1", "s2"}, _shown(cmp)


def test_a_span_the_happening_came_after_meets_the_offset_that_dates_it(run):
    """"Freed on Sunday after 30 hours trapped" and "freed on Sunday, 26 hours after the mine
    flooded": both count the time up to the freeing, so they disagree, and the finding says since
    what."""
    _, cmp = run({
        "m1": ("2027-08-16", "The miner was freed on Sunday after 30 hours trapped underground, rescuers said."),
        "m2": ("2027-08-16", "Rescuers freed the miner on Sunday, 26 hours after the shaft flooded at Carrow pit."),
    })
    rows = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    assert {r.doc_id for r in rows} == {"m1", "m2"}, _shown(cmp)
    assert rows[0].topic.startswith("time since the shaft flooded"), rows[0].topic


def test_a_time_of_year_narrowed_by_a_date_is_one_time_not_a_neighbour(nlp):
    """"Will shut at the end of the summer term in July 2031": the term's end and July 2031 are one
    time told closer, so the date keeps the event words before the term (it made no claim when the
    term's end cut them off as another date's)."""
    from pipeline.extract import extract_mentions

    docs = _docs({"t1": ("2029-02-14", "The library, which lends 40,000 books a year, will shut its doors at the "
                                       "end of the summer term in July 2031.")})
    dates = [c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "date"]
    assert [c.text for c in dates] == ["July 2031"], [c.text for c in dates]
    assert "shut" in dates[0].frame


def test_a_rise_by_an_amount_is_what_is_added_as_adding_it_is(run):
    """"A season ticket will go up by about £150" and "adding about £175 to a season ticket" both
    say how much is added, so they disagree; neither is the ticket's price."""
    claims, cmp = run({
        "f1": ("2027-08-18", "Rail fares will rise on January 2. The cost of a season ticket from Brayton to Hull "
                             "will go up by about £150."),
        "f2": ("2027-08-18", "Rail fares will rise in January, adding about £175 to a Brayton to Hull season "
                             "ticket."),
    })
    assert _by_text(claims)["about £150"].value.increment
    assert _disputing(cmp) == {"f1", "f2"}, _shown(cmp)


def test_where_a_person_is_from_is_no_place_the_figure_happened(run):
    """"Won by Lena Marsh of Canada in 2:24:50" tells of the race the story is about, not of an event
    in Canada: it meets "Lena Marsh won the women's race in 2:25:50" and the two disagree."""
    _, cmp = run({
        "r1": ("2027-04-12", "Kenya's Paul Odhiambo won the Leeds Marathon in Leeds on Sunday, the fastest time in "
                             "Leeds. The women's race was won by Lena Marsh of Canada in 2:24:50."),
        "r2": ("2027-04-12", "Paul Odhiambo took the marathon title in Leeds on Sunday. Lena Marsh won the women's "
                             "race in 2:25:50."),
    })
    assert _disputing(cmp) == {"r1", "r2"}, _shown(cmp)


def test_journeys_called_off_are_counted_by_any_name_of_them_and_other_things_stay_apart(run):
    """"32 trains were cancelled" and "more than 45 services were cancelled" count the rail journeys
    called off (an operator's word for trains) and disagree; "cancelled 900 operations" at a hospital
    in the same story counts something else and meets neither."""
    _, cmp = run({
        "c1": ("2027-02-03", "Snow closed the line at Arden on Tuesday and 32 trains were cancelled, the operator "
                             "said."),
        "c2": ("2027-02-03", "More than 45 services were cancelled after snow closed the Arden line on Tuesday. "
                             "Arden General Hospital cancelled 900 operations."),
    })
    conflicts = [(r.doc_id, r.unit) for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    assert sorted(conflicts) == [("c1", "trains"), ("c2", "services")], _shown(cmp)


def test_a_ballot_told_in_words_meets_its_tally_in_figures(run):
    """"Councillors voted 9-4" and "with nine councillors in favour and five against" are one ballot
    told two ways, and they disagree on the votes against."""
    _, cmp = run({
        "v1": ("2027-05-20", "Councillors voted 9-4 on Tuesday to approve the Kelby bypass."),
        "v2": ("2027-05-20", "The Kelby bypass was approved on Tuesday, with nine councillors in favour and five "
                             "against."),
    })
    assert _disputing(cmp) == {"v1", "v2"}, _shown(cmp)


def test_a_change_set_off_after_a_figure_is_of_that_figure_and_of_the_articles_own_period(run):
    """"Profit of £2.1 billion in the first half, up 9% on a year earlier": the change is of the profit
    (set off after it), and "a year earlier" is its base, not its time; so it meets "profits of
    £2.1bn on Wednesday, a 12% rise" and the two disagree."""
    _, cmp = run({
        "b1": ("2027-07-28", "Corran Bank made a pre-tax profit of £2.1 billion in the first half, up 9% on a year "
                             "earlier, it said on Wednesday."),
        "b2": ("2027-07-28", "Corran Bank reported first-half pre-tax profits of £2.1bn on Wednesday, a 12% rise "
                             "helped by higher rates."),
    })
    assert _disputing(cmp) == {"b1", "b2"}, _shown(cmp)


def test_a_count_of_a_concept_with_no_noun_meets_a_noun_the_concept_counts(run):
    """"A record crowd of 48,310" counts no noun of its own, and "46,900 fans" are what a crowd
    counts: one quantity, and the two disagree."""
    _, cmp = run({
        "g1": ("2027-10-11", "Arden beat Holme on Saturday in front of a record crowd of 48,310 at Vale Park."),
        "g2": ("2027-10-11", "Arden won against Holme on Saturday, with 46,900 fans watching at Vale Park."),
    })
    assert _disputing(cmp) == {"g1", "g2"}, _shown(cmp)



def test_two_ends_of_one_state_running_past_the_article_disagree(run):
    """"Will stay at £2 until the end of June" and "has been extended until the end of March" date
    the end of one fare freeze, told after each figure it bounds: the two ends disagree, and the
    freeze's cost in each is still compared (£3.2m is no background of last March)."""
    _, cmp = run({
        "f1": ("2030-01-09", "Single bus fares in Arden will stay at £2 until the end of June, the council said on "
                             "Thursday. The freeze will cost the council £4 million."),
        "f2": ("2030-01-09", "The £2 cap on single bus fares in Arden has been extended until the end of March, at a "
                             "cost of £3.2 million, council leaders announced."),
    })
    kinds = {r.kind for r in cmp.finding_rows() if r.doc_id == "f2"}
    assert {"date_conflict", "numeric_conflict"} <= kinds, _shown(cmp)


def test_a_length_of_time_is_measured_by_what_went_on_for_it():
    """"Was stopped for 20 minutes" and "stopped playing for around 45 minutes" time one stopping
    (the words before "for" share a stem); "lasted 90 minutes" and "within two weeks" (a deadline)
    say nothing of it, and a count is no length of time."""
    from pipeline.compare.figures import _lasting
    from pipeline.compare.lexicon import load_lexicon

    def lasting(sentence, figure, family="duration"):
        start = sentence.index(figure)
        return _lasting(sentence, start, start + len(figure), family, load_lexicon())

    stopped = lasting("The show, which was stopped for 20 minutes while medics worked, ended late.", "20 minutes")
    playing = lasting("The band stopped playing for around 45 minutes.", "around 45 minutes")
    assert stopped & playing, (stopped, playing)
    assert lasting("The band stopped playing for around 45 minutes.", "45 minutes") == playing
    assert not lasting("The show lasted 90 minutes in all.", "90 minutes")
    assert not lasting("A fix is expected within two weeks.", "two weeks")
    assert not lasting("Police searched for 20 people.", "20 people", family="count")
    # one act in other words: a closure, a stop
    assert lasting("The lake would be closed for two weeks.", "two weeks") & lasting(
        "The lake has been shut for a month.", "a month")
    assert lasting("Play was halted for an hour.", "an hour") & stopped
    # the act named after the length ("two years of closure"), and the time a completed act took
    assert lasting("After two years of closure, the library reopened.", "two years") == lasting(
        "The library was closed for 18 months.", "18 months")
    assert lasting("Tickets sold out in 40 minutes.", "40 minutes") & lasting(
        "All 50,000 were sold in just over an hour.", "just over an hour")
    assert not lasting("The bus arrives in 40 minutes.", "40 minutes")


def test_those_who_needed_treatment_are_the_hurt_and_those_taken_to_hospital_a_part(run):
    """"Thirty-one fans needed treatment" counts the hurt and disputes "Twenty-three people were
    injured"; "Four people were taken to hospital" is a part of them and disputes neither."""
    _, cmp = run({
        "t1": ("2030-07-06", "Twenty-three people were injured in a crush at the Holme Park concert on Friday."),
        "t2": ("2030-07-06", "Thirty-one fans needed treatment after a crush at Holme Park on Friday. Four people "
                             "were taken to hospital."),
    })
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert conflicts == {("t1", "23"), ("t2", "31")}, _shown(cmp)


def test_a_count_that_gives_the_size_of_a_share_cut_is_the_cut(run):
    """"Will cut 15% of its workforce, about 400 jobs": the 400 jobs are the cut, not the workforce,
    and they dispute "laying off 300 employees"; "employs 2,700 people" is the workforce and no rival."""
    _, cmp = run({
        "j1": ("2030-09-17", "Ride app Carvo will cut 15% of its workforce, about 400 jobs, its chief executive said. "
                             "The company employs 2,700 people."),
        "j2": ("2030-09-17", "Carvo is laying off 300 employees as it tries to reach a profit next year."),
    })
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert conflicts == {("j1", "~400"), ("j2", "300")}, _shown(cmp)


def test_an_aside_does_not_name_what_the_figure_before_it_counts(run):
    """"About 9,000 people were at the show, which was stopped while medics treated the injured": the
    injured are the aside's, so the 9,000 meet "attended by 8,000 people" and disagree."""
    _, cmp = run({
        "a1": ("2030-07-06", "About 9,000 people were at the Holme Park show, which was stopped while medics treated "
                             "the injured."),
        "a2": ("2030-07-06", "The band's Holme Park show, which was attended by 8,000 people, ended early."),
    })
    assert _disputing(cmp) == {"a1", "a2"}, _shown(cmp)


def test_a_prison_term_meets_only_a_figure_named_as_one(run):
    """"Serving a 12-year sentence" is a prison term; "the boss who for three decades feigned madness"
    names none, whatever the aside before it says, and the two never meet; "walked out for four days"
    is a strike's length as "strike for three days" is."""
    _, cmp = run({
        "p1": ("2027-12-20", "Carlo Venn, who died yesterday in prison at 77, was the crime boss who for three "
                             "decades feigned madness."),
        "p2": ("2027-12-20", "Venn was serving a 12-year sentence at the federal prison in Marlow."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], _shown(cmp)
    _, cmp = run({
        "w1": ("2027-05-18", "Bus drivers at Holme Transport will strike for three days next week over pay."),
        "w2": ("2027-05-18", "Holme's bus drivers will walk out for four days from next Tuesday in a row over pay."),
    })
    assert _disputing(cmp) == {"w1", "w2"}, _shown(cmp)


def test_a_running_total_moved_to_a_figure_counts_what_the_number_of_names(run):
    """"Taking the number of deaths linked to the algae in the lake to three": the three are deaths,
    though the word is far from the figure, so they meet "Two dogs have died" told the same day."""
    _, cmp = run({
        "d1": ("2032-07-22", "Two dogs have died after swimming in Lake Arden."),
        "d2": ("2032-07-22", "A third dog has died after swimming in Lake Arden, taking the number of deaths linked "
                             "to toxic algae in the lake to three, the park authority said."),
    })
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert ("d1", "2") in conflicts and ("d2", "3") in conflicts, _shown(cmp)


def test_one_closure_timed_in_other_words_meets_on_a_thin_frame(run):
    """"Was closed for three hours" and "shutting it for five hours" time one closure of the airport
    (the lexicon's lasting acts), though the second frame is a participle's few words."""
    _, cmp = run({
        "h1": ("2031-12-09", "Arden Airport was closed for three hours on Monday evening after drone sightings near "
                             "the runway, disrupting 140 flights."),
        "h2": ("2031-12-09", "More than 200 flights were cancelled when drones were seen over Arden Airport on "
                             "Monday, shutting it for five hours."),
    })
    hours = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict" and r.unit == "hours"}
    assert hours == {("h1", "3"), ("h2", "5")}, _shown(cmp)


def test_a_sentence_to_prison_in_other_words_is_a_prison_term(run):
    """"Has been jailed for six years" and "has been sent to prison for seven years" are one prison
    term, and they disagree; "over nine years" of stealing is no term."""
    _, cmp = run({
        "p1": ("2031-03-14", "Martin Venn, a former treasurer of Arden council, has been jailed for six years after "
                             "stealing £1.2 million from the authority over nine years."),
        "p2": ("2031-03-14", "Martin Venn, who took £1.2m of public money from Arden council, has been sent to prison "
                             "for seven years."),
    })
    terms = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict" and r.unit == "years"}
    assert terms == {("p1", "6"), ("p2", "7")}, _shown(cmp)


def test_an_amount_before_its_noun_is_what_the_thing_cost(run):
    """"Carrying a $150 million weather satellite" prices the satellite, as "the satellite ... cost
    $180 million" does: the two disagree."""
    _, cmp = run({
        "s1": ("2030-06-19", "A Vela rocket carrying a $150 million weather satellite exploded about two minutes after "
                             "lifting off on Wednesday."),
        "s2": ("2030-06-19", "The Vela rocket was lost on Wednesday. The satellite, built for the weather agency, "
                             "cost $180 million."),
    })
    assert _disputing(cmp) == {"s1", "s2"}, _shown(cmp)
    assert {r.topic for r in cmp.finding_rows() if r.kind == "numeric_conflict"} == {
        "price or value of the satellite"}, _shown(cmp)  # what was priced, as the source that says it
    # an amount said to be a worth is left as the source names it; one after a verb prices no noun
    from pipeline.compare.figures import _prices_the_noun
    from pipeline.compare.lexicon import load_lexicon

    def prices(sentence, amount):
        at = sentence.index(amount)
        return _prices_the_noun(sentence, at, at + len(amount), load_lexicon())

    assert prices("The £16 million Harlow Quay footbridge opened on Thursday.", "£16 million")
    assert not prices("Thieves took a €103 million haul of diamonds, worth more than the shop.", "€103 million")
    assert not prices("The company paid $5 million for the site.", "$5 million")
    assert not prices("A $2 million raised by fans went to the club.", "$2 million")
    assert not prices("A £540,000 lottery grant will pay for the repairs.", "£540,000")  # the grant is the money


def test_a_size_before_its_noun_is_a_size_and_leaves_the_frames_around_it_whole(run):
    """"A 20-metre-wide sinkhole" is a width that disputes "a sinkhole about 15 metres wide";
    "about 40 homes" and "thirty households" evacuated count one group; and "a five-year-old boy
    alive from a 30-metre-deep well" keeps the boy's age in a frame that reaches the well."""
    _, cmp = run({
        "k1": ("2030-02-13", "A sinkhole about 15 metres wide opened in Carver Street late on Tuesday night. Thirty "
                             "households were evacuated, the council said."),
        "k2": ("2030-02-13", "About 40 homes have been evacuated after a 20-metre-wide sinkhole appeared in Carver "
                             "Street."),
    })
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert {("k1", "~15"), ("k2", "20"), ("k1", "30"), ("k2", "~40")} <= conflicts, _shown(cmp)
    _, cmp = run({
        "w1": ("2027-08-30", "Rescuers pulled a five-year-old boy alive from a 30-metre-deep well in Sarkan on "
                             "Sunday."),
        "w2": ("2027-08-30", "A six-year-old boy who fell into a well in Sarkan was brought out alive on Sunday."),
    })
    assert _disputing(cmp) == {"w1", "w2"}, _shown(cmp)


def test_a_closure_timed_by_its_verb_meets_one_timed_in_other_words_whatever_each_measure_names(run):
    """"The library will be closed for three months" and "will stay shut for a year after" the flood
    time one closure, though one names the library and the other the staying: they disagree ("up
    to a year" would allow six months)."""
    _, cmp = run({
        "l1": ("2031-10-14", "About 12,000 books were damaged at Arden library on Sunday night. The library will be "
                             "closed for three months while repairs are carried out."),
        "l2": ("2031-10-14", "Arden library will stay shut for a year after water from a burst pipe poured "
                             "into its basement, destroying some 20,000 books."),
    })
    spans = {(r.doc_id, r.unit) for r in cmp.finding_rows() if r.kind == "numeric_conflict" and r.unit in (
        "months", "years")}
    assert spans == {("l1", "months"), ("l2", "years")}, _shown(cmp)


def test_distances_from_one_point_named_by_a_common_noun_disagree(run):
    """"In a crash 8 km from the finish" and "crashed on a descent 5 km from the finish" measure from
    one point, though no name says where; "3 km from the summit" is from another."""
    _, cmp = run({
        "r1": ("2031-06-02", "Twelve riders were injured in a crash 8 km from the finish of the stage on Monday."),
        "r2": ("2031-06-02", "Fifteen riders were hurt when the peloton crashed on a descent 5 km from the finish of "
                             "Monday's stage, 3 km from the summit."),
    })
    km = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict" and r.unit == "km"}
    assert km == {("r1", "8"), ("r2", "5")}, _shown(cmp)


def test_acts_counted_by_their_noun_meet_the_people_they_were_done_to(run):
    """"Issued 45,000 fines" and "38,000 motorists were fined" count one thing, a fine per driver,
    and disagree; "arrested 12 people" and "45,000 fines" stay apart."""
    _, cmp = run({
        "f1": ("2032-11-23", "Cameras on the Fenwick Road bus lane in Marlow issued 45,000 fines in their first "
                             "year."),
        "f2": ("2032-11-23", "A camera on the Fenwick Road bus lane in Marlow raised £3.1 million in its first year, "
                             "after 38,000 motorists were fined. Police arrested 12 people."),
    })
    counts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert counts == {("f1", "45000"), ("f2", "38000")}, _shown(cmp)


def test_a_measurement_whose_source_names_its_dimension_is_told_by_that_name(run):
    """"Broke apart at an altitude of about 40 km" against "at around 32 km": the finding is about the
    altitude, as one source says, not a "distance"; a ship's "8 miles off the coast" stays a distance."""
    _, cmp = run({
        "a1": ("2030-06-19", "The Vela rocket broke apart at an altitude of about 40 km on Wednesday."),
        "a2": ("2030-06-19", "The Vela rocket broke apart at around 32 km on Wednesday."),
    })
    assert {r.topic for r in cmp.finding_rows() if r.kind == "numeric_conflict"} == {"altitude"}, _shown(cmp)
    _, cmp = run({
        "s1": ("2030-06-19", "The ferry Arden Star sank 8 miles off the coast of Arden on Wednesday."),
        "s2": ("2030-06-19", "The ferry Arden Star sank 12 miles off the Arden coast on Wednesday."),
    })
    topics = {r.topic for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert topics and all(t.startswith("distance") for t in topics), _shown(cmp)


def test_a_distance_from_a_place_meets_one_off_that_places_coast(run):
    """"80 km from Tessel" and "50 km off the Tessel coast" measure from one place, though the
    parse finds its name in one sentence only: they disagree. "30 km from Belmont" is from another."""
    _, cmp = run({
        "c1": ("2032-12-06", "A cargo ship carrying cars caught fire about 50 km off the Tessel coast on Sunday, the "
                             "coastguard said."),
        "c2": ("2032-12-06", "The car carrier caught fire 80 km from Tessel on Sunday."),
    })
    km = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict" and r.unit == "km"}
    assert km == {("c1", "~50"), ("c2", "80")}, _shown(cmp)
    _, cmp = run({
        "c1": ("2032-12-06", "A cargo ship carrying cars caught fire about 50 km off the Tessel coast on Sunday."),
        "c3": ("2032-12-06", "The car carrier caught fire on Sunday, 30 km from Belmont."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], _shown(cmp)


def test_a_shortfall_in_other_words_is_one_sum(run):
    """"A £14 million funding gap", "an £11 million shortfall" and "a £12 million hole in its
    finances" are what one budget lacks, told as such: they disagree, and the finding says so
    (neither a "gap between" two parties nor the price of a shortfall)."""
    _, cmp = run({
        "t1": ("2033-02-21", "The council said it faced a £14 million funding gap over the next two years."),
        "t2": ("2033-02-21", "The council blamed rising social care costs and an £11 million shortfall."),
        "t3": ("2033-02-21", "Wexford council blamed a £12 million hole in its finances."),
    })
    conflicts = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    assert {r.doc_id for r in conflicts} == {"t1", "t2", "t3"}, _shown(cmp)
    assert {r.topic.split(" (")[0] for r in conflicts} == {"shortfall"}, _shown(cmp)


def test_an_amount_someone_resigned_over_is_the_amount_not_a_floor(run):
    """"Resigns over £38,000 expenses claims" says what he quit about: £38,000 disagrees with
    "£45,000 of improper expense claims" (read as "more than £38,000" it would allow it)."""
    _, cmp = run({
        "m1": ("2033-06-30", "The mayor of Holt, Derek Paley, resigns over £38,000 expenses claims."),
        "m2": ("2033-06-30", "Derek Paley stepped down as mayor of Holt after auditors found £45,000 of improper "
                             "expense claims."),
    })
    amounts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert amounts == {("m1", "38000"), ("m2", "45000")}, _shown(cmp)


def test_an_era_a_thing_dates_from_is_no_time_of_its_value(run):
    """"The coins date from the third century and are thought to be worth about £250,000": the
    century is the coins' making, not the value's time, so the value meets "valued at around
    £180,000" and they disagree (dated to the third century, it was background)."""
    _, cmp = run({
        "h1": ("2034-02-09", "A hoard of Roman silver coins was found near Ashcombe. The coins date from the third "
                             "century and are thought to be worth about £250,000."),
        "h2": ("2034-02-09", "A hoard of Roman silver coins was found near Ashcombe. They have been provisionally "
                             "valued at around £180,000."),
    })
    amounts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert amounts == {("h1", "~250000"), ("h2", "~180000")}, _shown(cmp)


def test_a_rate_that_starts_on_a_day_keeps_its_period(run):
    """"Will cost £2.50 an hour from 1 April" is a rate, as "£4 an hour in April" is: they disagree;
    the old "£2.20" is no rate of the new charge."""
    _, cmp = run({
        "p1": ("2034-01-12", "Parking at Wexley General Hospital will cost £2.50 an hour from 1 April, up from "
                             "£2.20, the trust said."),
        "p2": ("2034-01-12", "Car park fees at Wexley General Hospital are to go up to £4 an hour in April."),
    })
    fees = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert fees == {("p1", "2.5 an hour"), ("p2", "4 an hour")}, _shown(cmp)


def test_a_count_of_sorts_larger_than_the_count_of_their_kind_disputes_it(run):
    """"At least 40 cars and lorries collided" and "31 vehicles were involved" cannot both be true:
    the cars are some of the vehicles. "Two cars" of "five vehicles" are a part of them."""
    _, cmp = run({
        "v1": ("2033-11-15", "Thirty-one vehicles were involved in a pile-up in thick fog on the A61 on Monday."),
        "v2": ("2033-11-15", "At least 40 cars and lorries collided in thick fog on the A61 on Monday."),
    })
    counts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert counts == {("v1", "31"), ("v2", ">=40")}, _shown(cmp)
    _, cmp = run({
        "v3": ("2033-11-15", "Five vehicles were involved in a crash on the A61 on Monday."),
        "v4": ("2033-11-15", "Two cars collided in a crash on the A61 on Monday."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], _shown(cmp)


def test_an_age_of_one_person_whose_surname_is_misspelt_meets_the_other(run):
    """"Peter Haldane, 52" and "Peter Halden, a 54-year-old former postman" are one person (the same
    given name, a surname two letters off): the ages disagree; "Petra Halden, 54" is someone else."""
    _, cmp = run({
        "a1": ("2034-02-09", "The hoard was found last October by Peter Haldane, 52, a retired postman."),
        "a2": ("2034-02-09", "Peter Halden, a 54-year-old former postman, made the discovery in a field."),
    })
    ages = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert ages == {("a1", "52"), ("a2", "54")}, _shown(cmp)
    _, cmp = run({
        "a1": ("2034-02-09", "The hoard was found last October by Peter Haldane, 52, a retired postman."),
        "a3": ("2034-02-09", "Petra Halden, a 54-year-old former postwoman, made the discovery in a field."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], _shown(cmp)


def test_what_a_source_blames_is_a_cause_and_a_party_blamed_is_none(run):
    """"Said a fault in the braking system was to blame" and "The operator blamed a power failure" give
    one stoppage two causes; "blamed the crash on driver error" gives one too. "Police blamed the
    driver" and "was blamed for the crash" hold someone responsible and name no cause."""
    _, cmp = run({
        "b1": ("2033-08-14", "A cable car on Mount Grella stopped in mid-air on Saturday. The operator said a fault in "
                             "the braking system was to blame."),
        "b2": ("2033-08-14", "A cable car on Mount Grella stopped in mid-air on Saturday. The operator blamed a power "
                             "failure."),
        "b3": ("2033-08-14", "A cable car on Mount Grella stopped in mid-air on Saturday. Engineers blamed the "
                             "stoppage on a power failure."),
        "b4": ("2033-08-14", "A cable car on Mount Grella stopped in mid-air on Saturday. The stoppage was blamed on "
                             "a power failure."),
    })
    assert _account_sides(cmp) == {("b1", "fault"), ("b2", "power failure"), ("b3", "power failure"),
                                   ("b4", "power failure")}, _shown(cmp)
    _, cmp = run({
        "p1": ("2033-08-14", "A bus hit a wall in Tarbay on Saturday. Police blamed the driver."),
        "p2": ("2033-08-14", "A bus hit a wall in Tarbay on Saturday. The driver was blamed for the crash."),
    })
    assert not _account_sides(cmp), _shown(cmp)


def test_homes_without_water_and_properties_that_lost_their_supply_are_one_count(run):
    """"12,000 homes were left without water" and "9,000 properties lost their water supply" count
    one thing, as power cuts are counted in homes or customers: they disagree."""
    _, cmp = run({
        "w1": ("2034-04-18", "About 12,000 homes in Dunmere were left without water after a main burst on Monday."),
        "w2": ("2034-04-18", "Around 9,000 properties lost their water supply when a main burst in Dunmere on "
                             "Monday."),
    })
    counts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert counts == {("w1", "~12000"), ("w2", "~9000")}, _shown(cmp)
    topics = {r.topic.split(" (")[0] for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert topics == {"number without water"}, _shown(cmp)


def test_pupils_and_students_of_one_school_story_are_one_group(run):
    """"Cancelled the results of 214 pupils" and "Around 250 students ... had their grades withdrawn"
    count the same young people, as "children" and "pupils" do: they disagree."""
    _, cmp = run({
        "e1": ("2034-08-24", "An exam board has cancelled the GCSE maths results of 214 pupils after a paper was "
                             "leaked."),
        "e2": ("2034-08-24", "Around 250 students have had their GCSE maths grades withdrawn after the paper was "
                             "leaked."),
    })
    counts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert counts == {("e1", "214"), ("e2", "~250")}, _shown(cmp)


def test_a_cause_after_because_of_or_before_a_phrase_of_time_is_a_cause(run):
    """"Had cracked because of its age" and "ground movement after weeks of heavy rain was the likely
    cause" name causes, which meet when their sentences ask the same question."""
    _, cmp = run({
        "c1": ("2034-04-18", "A water main burst in Dunmere on Monday. Engineers said the main had burst because of "
                             "its age."),
        "c2": ("2034-04-18", "A water main burst in Dunmere on Monday. Engineers said ground movement after weeks of "
                             "heavy rain was the likely cause of the burst."),
    })
    assert _account_sides(cmp) == {("c1", "age"), ("c2", "ground movement")}, _shown(cmp)


def test_a_change_told_after_its_count_and_a_busiest_day_meet_their_rivals(run):
    """"Handled 28.4 million passengers last year, up 6%" and "Passenger numbers rose by 9%" are one
    change of one count; "The busiest day was 4 August" and "Its busiest day came on 11 August" date
    one day. Both disagree."""
    _, cmp = run({
        "a1": ("2035-01-10", "Kelford Airport handled a record 18.2 million passengers last year, up 6% on the year "
                             "before, its owners said. The busiest day was 4 August, when more than 70,000 people "
                             "passed through."),
        "a2": ("2035-01-10", "Passenger numbers at Kelford Airport rose by 9% last year to a record 18 million. Its "
                             "busiest day came on 11 August."),
    })
    changes = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert {("a1", "6"), ("a2", "9")} <= changes, _shown(cmp)
    days = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "date_conflict"}
    assert days == {("a1", "2034-08-04"), ("a2", "2034-08-11")}, _shown(cmp)


def test_what_a_made_thing_yields_is_not_dated_by_its_making(run):
    """"Whisky distilled in 1975 ... holds enough for about 400 bottles" is today's count, not one of
    1975: it disputes "would yield around 450 bottles"."""
    _, cmp = run({
        "w1": ("2035-03-15", "A cask of whisky distilled in 1975 has sold in Leith for £1.2 million. The cask holds "
                             "enough whisky for about 400 bottles."),
        "w2": ("2035-03-15", "A cask of whisky fetched £1.35 million at a Leith auction. The auctioneer said it "
                             "would yield around 450 bottles."),
    })
    counts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert {("w1", "~400"), ("w2", "~450")} <= counts, _shown(cmp)


def test_a_things_size_and_its_distance_from_a_place_are_two_lengths(run):
    """"A 3-metre shark was seen about 200 metres off the shore" / "a shark two metres long ... 50
    metres from the shore": the sizes disagree, so do the distances, and neither meets the other."""
    _, cmp = run({
        "s1": ("2035-07-16", "Marrow Beach was closed on Sunday after a 3-metre shark was seen about 200 metres off "
                             "the shore, lifeguards said."),
        "s2": ("2035-07-16", "A shark two metres long was seen just 50 metres from the shore at Marrow Beach on "
                             "Sunday afternoon."),
    })
    pairs = {frozenset((r.doc_id, r.value) for r in cmp.finding_rows() if r.finding_id == f)
             for f in {r.finding_id for r in cmp.finding_rows() if r.kind == "numeric_conflict"}}
    assert pairs == {frozenset({("s1", "3"), ("s2", "2")}), frozenset({("s1", "~200"), ("s2", "50")})}, _shown(cmp)


def test_pay_offers_worded_two_ways_and_an_overspend_over_budget_meet(run):
    """"Rejected a pay offer of 3%" / "rejected a 4% pay offer" are one offer; "a £4.2m overspend" /
    "ran £3.8m over budget" one sum. A strike "starting on Saturday" that passengers face is ahead,
    and opens no running total of the offer."""
    _, cmp = run({
        "p1": ("2035-03-12", "Drivers at Westline will strike for 48 hours after members rejected a pay offer of 3%. "
                             "The depot project had a £4.2m overspend."),
        "p2": ("2035-03-12", "Westline passengers face a two-day strike starting on Saturday after drivers rejected "
                             "a 4% pay offer. The depot project ran £3.8m over budget."),
    })
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert {("p1", "3"), ("p2", "4"), ("p1", "4200000"), ("p2", "3800000")} <= conflicts, _shown(cmp)
    topics = {r.topic for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert "pay rise" in topics, _shown(cmp)


def test_a_closure_for_nine_months_and_two_years_of_closure_are_one_length(run):
    """"Kept it closed for nine months" and "after two years of closure" time one closure. (At the
    rounding edge, 18 months and "two years" agree: "two years" is told to the nearest year.)"""
    _, cmp = run({
        "l1": ("2035-06-03", "Ashby's library reopened on Saturday after a £2 million refit that kept it closed for "
                             "nine months."),
        "l2": ("2035-06-03", "After two years of closure, Ashby's library welcomed back readers on Saturday following "
                             "a £2 million makeover."),
    })
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert conflicts == {("l1", "9"), ("l2", "2")}, _shown(cmp)


def test_an_employers_pay_offer_and_a_unions_demand_are_two_figures(run):
    """"Has offered a 5% pay rise" / "is seeking a 12% pay rise": two sides of one bargain, no
    conflict; "a deal raising pay by 12%" and "a pay offer worth 11%" are one rise told two ways."""
    _, cmp = run({
        "o1": ("2035-03-12", "The Ostvik government has offered junior doctors a 5% pay rise. The doctors' union is "
                             "seeking a 12% pay rise."),
        "o2": ("2035-03-12", "Junior doctors in Ostvik want a 12% pay rise, their union said."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], _shown(cmp)
    _, cmp = run({
        "d1": ("2035-03-12", "Teachers in Ashby have voted to accept a pay offer worth 11% over three years."),
        "d2": ("2035-03-12", "Ashby teachers have approved a deal raising pay by 12% over three years."),
    })
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert conflicts == {("d1", "11"), ("d2", "12")}, _shown(cmp)


def test_an_average_wait_disputes_another_and_a_month_before_is_the_month_before(run):
    """"Waited an average of 52 minutes ... in October" / "The average response time for category two
    calls ... was 48 minutes last month" disagree (an average is no estimate, and "category two" cuts
    no frame); "up from 44 minutes in September" / "40 minutes the month before" disagree too."""
    _, cmp = run({
        "w1": ("2035-11-06", "Patients in Wexcombe waited an average of 52 minutes for an ambulance in October. That "
                             "was up from 44 minutes in September."),
        "w2": ("2035-11-06", "The average response time for category two calls, which include strokes, was 48 "
                             "minutes in Wexcombe last month, against 40 minutes the month before."),
    })
    pairs = {frozenset((r.doc_id, r.value) for r in cmp.finding_rows() if r.finding_id == f)
             for f in {r.finding_id for r in cmp.finding_rows() if r.kind == "numeric_conflict"}}
    assert {frozenset({("w1", "52"), ("w2", "48")}), frozenset({("w1", "44"), ("w2", "40")})} <= pairs, _shown(cmp)


def test_a_girl_bitten_and_a_girl_who_needed_stitches_are_one_injured_girl(run):
    """Ages of "a girl" are one person's only when the sentences tell one happening: being bitten
    and needing stitches are both injuries, so seven and eight disagree."""
    _, cmp = run({
        "g1": ("2035-08-13", "A seven-year-old girl was taken to hospital after being bitten by a dog in Selby."),
        "g2": ("2035-08-13", "An eight-year-old girl needed stitches to her leg after she was attacked by a dog at a "
                             "Selby park."),
    })
    ages = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert ages == {("g1", "7"), ("g2", "8")}, _shown(cmp)


def test_the_time_a_sale_took_told_two_ways_is_one_length(run):
    """"Sold out in 40 minutes" / "all 50,000 were sold in just over an hour": one length of one act
    (and "just over an hour" is a figure), and they disagree."""
    _, cmp = run({
        "t1": ("2035-02-20", "Tickets for the Ardmore festival sold out in 40 minutes on Monday morning, the "
                             "organisers said."),
        "t2": ("2035-02-20", "Thousands of fans missed out on Ardmore festival tickets on Monday after all 50,000 "
                             "were sold in just over an hour."),
    })
    lengths = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert lengths == {("t1", "40"), ("t2", ">1")}, _shown(cmp)


def test_a_value_at_the_rounding_edge_of_one_written_in_the_same_unit_disputes_it(run):
    """"A pay offer of 3.5%" / "a 4% pay offer": 3.5 would round to 4, but a source that knew 3.5
    wrote it, so they disagree; across units the edge is the conversion's ("fell about 2,000ft" /
    "fell about 600 metres" agree)."""
    _, cmp = run({
        "e1": ("2035-03-12", "Drivers rejected a pay offer of 3.5% on Monday. A climber fell about 2,000ft on Mount "
                             "Orrin."),
        "e2": ("2035-03-12", "Drivers rejected a 4% pay offer on Monday. A climber fell about 600 metres on Mount "
                             "Orrin."),
    })
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert conflicts == {("e1", "3.5"), ("e2", "4")}, _shown(cmp)
    agreed = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "corroboration"}
    assert {("e1", "~2000"), ("e2", "~600")} <= agreed, _shown(cmp)


def test_each_articles_only_amount_of_money_is_one_amount(run):
    """Two articles that each give one amount of money tell of the same amount, however their words
    name it ("repairs to its roof costing £410,000", "£480,000 of roof works"): they disagree."""
    _, cmp = run({
        "r1": ("2035-02-10", "Tarn Valley museum will close for ten weeks from 3 March for repairs to its roof "
                             "costing £410,000, the trust said."),
        "r2": ("2035-02-10", "Visitors face two months without the Tarn Valley museum when it closes in March for "
                             "£480,000 of roof works."),
    })
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert {("r1", "410000"), ("r2", "480000")} <= conflicts, _shown(cmp)


def test_an_age_before_a_described_name_is_the_named_persons(run):
    """"71-year-old retired miner Owen Tate": the age is Owen Tate's, as "Owen Tate, 73," is; a verb
    before the name ("a 40-year-old man attacked Tom Reed") keeps the age the man's."""
    claims, cmp = run({
        "m1": ("2035-09-14", "A prize marrow was grown by 71-year-old retired miner Owen Tate. Police said a "
                             "40-year-old man attacked Tom Reed outside the show."),
        "m2": ("2035-09-14", "Owen Tate, 73, took first prize for his marrow at the Holby show on Saturday."),
    })
    by_text = _by_text(claims)
    assert by_text["71-year-old"].subject == "Owen Tate"
    assert by_text["40-year-old"].subject == ""
    ages = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict" and r.unit == "years"}
    assert ages == {("m1", "71"), ("m2", "73")}, _shown(cmp)


def test_the_worker_and_the_employee_of_one_accident_are_one_person(run):
    """"A 29-year-old worker" and "An employee, 31," hurt in one accident: nouns of one workforce
    describe one person, so the two ages disagree."""
    _, cmp = run({
        "w1": ("2035-06-02", "A 29-year-old worker lost two fingers in a press at the Dunmere plant on Monday."),
        "w2": ("2035-06-02", "An employee, 31, was taken to hospital after the accident at the Dunmere plant."),
    })
    ages = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert ages == {("w1", "29"), ("w2", "31")}, _shown(cmp)


def test_the_value_a_change_started_from_disputes_no_new_value(run):
    """"£4.40 from 1 May, up from £3.90": £3.90 is what the toll is before the change, no rival of
    "will go up by 40p to £4.30"; the new tolls £4.40 and £4.30 disagree, and so do the rises, 40p
    and "50p more"."""
    _, cmp = run({
        "t1": ("2035-03-20", "Drivers crossing the Farr Bridge will pay £4.40 from 1 May, up from £3.90, the trust "
                             "announced on Tuesday."),
        "t2": ("2035-03-20", "Farr Bridge toll up 40p. The toll on the Farr Bridge will go up by 40p to £4.30 in May, "
                             "the trust said."),
        "t3": ("2035-03-20", "Motorists will pay 50p more to cross the Farr Bridge from May 1, when the toll rises to "
                             "£4.40."),
    })
    conflicts = {}
    for r in cmp.finding_rows():
        if r.kind == "numeric_conflict":
            conflicts.setdefault(r.finding_id, set()).add((r.doc_id, r.value))
    assert {("t1", "4.4"), ("t2", "4.3"), ("t3", "4.4")} in conflicts.values(), _shown(cmp)
    assert not any(value == "3.9" for rows in conflicts.values() for _, value in rows), _shown(cmp)


def test_homes_left_without_water_on_a_day_is_no_departure(run):
    """"Were left without water on Tuesday" tells of a state, not a journey begun ("left Kelsa at 4
    a.m."), so its Tuesday meets the other article's Tuesday."""
    _, cmp = run({
        "w1": ("2035-10-10", "About 6,000 homes in Pellow were left without water on Tuesday after a main burst."),
        "w2": ("2035-10-10", "Some 6,000 households in Pellow lost their water supply on Tuesday."),
    })
    days = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "corroboration" and r.value == "2035-10-09"}
    assert days == {("w1", "2035-10-09"), ("w2", "2035-10-09")}, _shown(cmp)


def test_each_articles_only_time_of_the_day_tells_its_one_moment(run):
    """"At about 2am" and "at around 3am" of one Monday's break-in, each its article's only time of
    that day, dispute the moment however differently the sentences run."""
    claims_and_cmp = run({
        "b1": ("2035-09-26", "Thieves broke into Harlow museum on Monday. The raiders smashed a rear window at about "
                             "2am and were inside for less than ten minutes."),
        "b2": ("2035-09-26", "Harlow museum was burgled on Monday. Police said the break-in happened at around 3am."),
    })
    times = {(r.doc_id, r.value) for r in claims_and_cmp[1].finding_rows() if r.kind == "date_conflict"}
    assert {d for d, _ in times} == {"b1", "b2"}, _shown(claims_and_cmp[1])


def test_a_planned_time_and_the_time_it_happened_are_no_conflict(run):
    """"Will now lift off on Monday at 10:42 a.m." and "lifted off at 10:47 a.m. on Monday", each its
    article's only time of that day: the plan and what happened, neither a conflict nor an update."""
    _, cmp = run({
        "p1": ("2035-05-04", "The launch of the Corra-3 weather satellite was postponed on Friday because of high "
                             "winds, the agency said. The rocket will now lift off on Monday at 10:42 a.m. local "
                             "time."),
        "p2": ("2035-05-04", "High winds forced a delay to the Corra-3 launch. A new attempt is scheduled for Monday."),
        "p3": ("2035-05-07", "Corra-3 lifted off at 10:47 a.m. on Monday, five minutes late, after a three-day delay."),
    })
    times = [r for r in cmp.finding_rows() if r.kind in ("date_conflict", "superseded") and "T10:4" in r.value]
    assert not times, _shown(cmp)


def test_two_days_a_story_began_on_dispute_its_start(run):
    """"Has burned 180 hectares since it started on Monday afternoon" and "a fire that broke out on
    Sunday evening has now scorched 250 hectares": a story has one start, so the two days of its
    onset disagree however differently the sentences run."""
    _, cmp = run({
        "f1": ("2037-06-24", "A wildfire on Harl Moor has burned across 180 hectares since it started on Monday "
                             "afternoon, the fire service said."),
        "f2": ("2037-06-24", "Crews were still at Harl Moor on Wednesday, where a fire that broke out on Sunday "
                             "evening has now scorched 250 hectares of heather."),
    })
    days = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "date_conflict"}
    assert days == {("f1", "2037-06-22"), ("f2", "2037-06-21")}, _shown(cmp)


def test_a_change_in_a_named_measure_is_a_change_of_that_measure(run):
    """"Sales fell by 14%" and "a 20% drop in sales": the change written as a noun is a change in
    what follows its "in", so the two shares dispute one measure."""
    _, cmp = run({
        "s1": ("2038-01-20", "Brandwell's store in Ashcombe will close in March. The store's sales fell by 14% last "
                             "year."),
        "s2": ("2038-01-20", "Brandwell's will shut its Ashcombe store. Bosses blamed a 20% drop in sales."),
    })
    shares = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert shares == {("s1", "14"), ("s2", "20")}, _shown(cmp)


def test_a_record_a_figure_of_the_day_sets_is_no_background(run):
    """"Reached 19.8C on Tuesday, the highest February temperature ever recorded" is Tuesday's
    reading, which sets the record: it disputes another article's 20.1C of that Tuesday, while
    "the previous record of 19.7C", set years before, stays apart."""
    _, cmp = run({
        "h1": ("2038-02-24", "Temperatures reached 19.8C in Kelham on Tuesday, the highest February temperature ever "
                             "recorded in the UK. The previous record of 19.7C was set in 2019."),
        "h2": ("2038-02-24", "A temperature of 20.1C was recorded at Kelham on Tuesday, beating the UK's February "
                             "record."),
    })
    readings = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert readings == {("h1", "19.8"), ("h2", "20.1")}, _shown(cmp)


def test_time_spent_somewhere_is_time_there_for_so_long(run):
    """"Had been in the water for about 20 minutes" and "spent around 10 minutes in the freezing
    water" measure one stay: both lengths go on in the water, and the two dispute it."""
    claims, cmp = run({
        "r1": ("2037-11-18", "A boy was pulled from the River Wend on Tuesday. He had been in the water for about 20 "
                             "minutes before a passer-by reached him."),
        "r2": ("2037-11-18", "A passer-by rescued a boy from the River Wend on Tuesday. The boy spent around 10 "
                             "minutes in the freezing water."),
    })
    by_text = _by_text(claims)
    assert "water" in by_text["about 20 minutes"].value.lasting & by_text["around 10 minutes"].value.lasting
    spans = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert spans == {("r1", "~20"), ("r2", "~10")}, _shown(cmp)


def test_each_articles_only_age_of_one_noun_is_the_one_persons(run):
    """"A 15-year-old boy was pulled from the river" and "rescuing a 14-year-old boy", each the only
    boy's age its article gives: the story's one boy, whatever else the sentences say."""
    _, cmp = run({
        "b1": ("2037-11-18", "A 15-year-old boy was pulled from the River Wend in Castleford on Tuesday afternoon "
                             "after falling through ice."),
        "b2": ("2037-11-18", "A passer-by has been praised for rescuing a 14-year-old boy who fell into the River Wend "
                             "on Tuesday."),
    })
    ages = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert ages == {("b1", "15"), ("b2", "14")}, _shown(cmp)


def test_a_century_dates_its_thing_and_leaves_the_day_its_happening(run):
    """"A 17th-century cottage in Little Sowerby on Monday": the century dates the cottage, so the
    words before it still tell what Monday dates, and the Monday meets the other article's."""
    _, cmp = run({
        "c1": ("2037-10-14", "A family escaped when fire tore through their thatched cottage in Little Sowerby on "
                             "Monday evening."),
        "c2": ("2037-10-14", "A chimney fire spread to the thatched roof of a 17th-century cottage in Little Sowerby "
                             "on Monday."),
    })
    days = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "corroboration" and r.value == "2037-10-12"}
    assert days == {("c1", "2037-10-12"), ("c2", "2037-10-12")}, _shown(cmp)


def test_days_of_strikes_and_days_of_walkouts_time_one_stoppage(run):
    """"Four days of strikes" and "five days of walkouts": one stoppage's length, two ways."""
    _, cmp = run({
        "n1": ("2038-07-22", "Nurses in the Marlow area voted to accept a pay rise, ending a dispute that led to four "
                             "days of strikes."),
        "n2": ("2038-07-22", "Marlow nurses have accepted a pay offer after five days of walkouts."),
    })
    lengths = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert lengths == {("n1", "4"), ("n2", "5")}, _shown(cmp)


def test_a_share_of_those_who_voted_is_a_share_of_the_vote(run):
    """"82% of those who voted backed the deal" and "88% voted in favour": one share of the vote; "two
    of the inmates who escaped" stays some of the escaped, no count of escapes."""
    claims, cmp = run({
        "v1": ("2038-07-22", "Turnout was 71%, and 82% of those who voted backed the deal, the union said."),
        "v2": ("2038-07-22", "On a turnout of 71%, 88% voted in favour of the deal."),
        "v3": ("2038-07-22", "Police have caught two of the inmates who escaped from Dornwick."),
    })
    by_text = _by_text(claims)
    assert by_text["82%"].concept == by_text["88%"].concept == "votes"
    assert by_text["two"].concept != "escaped"
    shares = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert shares == {("v1", "82"), ("v2", "88")}, _shown(cmp)


def test_an_age_told_by_its_decade_disputes_an_age_outside_it(run):
    """"A man in his 40s who collapsed" against "a 52-year-old man collapsed": the decade is 40 to
    49, so 52 is outside it; "in his 50s" would agree."""
    _, cmp = run({
        "a1": ("2038-04-15", "A 52-year-old man collapsed near the finish line of the Kelsing Marathon and later died "
                             "in hospital."),
        "a2": ("2038-04-15", "A man in his 40s who collapsed at mile 24 of the Kelsing Marathon died later in "
                             "hospital."),
    })
    ages = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert ages == {("a1", "52"), ("a2", "40-49")}, _shown(cmp)


def test_a_grade_with_but_stable_is_its_grade(run):
    """"In a serious but stable condition" is serious (its "stable condition" is part of the grade),
    which disputes "in a critical condition"."""
    _, cmp = run({
        "c1": ("2038-06-10", "An explosion at the Corvex plant injured five workers, one of whom is in a critical "
                             "condition."),
        "c2": ("2038-06-11", "The most badly hurt Corvex worker is in a serious but stable condition, the hospital "
                             "said."),
    })
    grades = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "account_conflict"}
    assert grades == {("c1", "critical"), ("c2", "serious")}, _shown(cmp)


def test_a_workforce_counted_as_people_and_as_staff_is_one(run):
    """"The plant employs 400 people" and "the site employs about 250 staff": one workforce."""
    _, cmp = run({
        "w1": ("2038-06-10", "An explosion hit the Corvex chemical plant in Hadley. The plant employs 400 people."),
        "w2": ("2038-06-10", "A blast hit the Corvex plant in Hadley. The site employs about 250 staff."),
    })
    staff = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert staff == {("w1", "400"), ("w2", "~250")}, _shown(cmp)


def test_each_articles_only_count_of_one_thing_is_one_quantity_whatever_the_frames(run, monkeypatch):
    """Two counts of one thing ("12 hamlets", "nine hamlets"), each its article's only count of it,
    of no concept or one: one quantity even where the sentences around them read nothing alike
    (the frame and context scores are pinned below the bar for two different values here); a second
    count of hamlets in one article leaves the two apart."""
    from pipeline.compare import align
    monkeypatch.setattr(align.Scorer, "frame", lambda self, i, j: 0.32)
    monkeypatch.setattr(align.Scorer, "context", lambda self, i, j: 0.32)

    def counts(corpus):
        return {(r.doc_id, r.value) for r in run(corpus)[1].finding_rows() if r.kind == "numeric_conflict"}

    sole = {
        "h1": ("2038-05-06", "The Orla dam burst on Tuesday night. Officials listed 12 hamlets in the danger zone."),
        "h2": ("2038-05-06", "The Orla dam failed on Tuesday night. Water swept through nine hamlets."),
    }
    assert counts(sole) == {("h1", "12"), ("h2", "9")}
    two = dict(sole, h1=("2038-05-06", "The Orla dam burst on Tuesday night. Officials listed 12 hamlets in the danger "
                                       "zone, and 30 hamlets further down the valley were warned."))
    assert not counts(two)


def test_an_amount_before_a_noun_of_money_is_no_price(run):
    """"A £540,000 lottery grant" is the grant itself, not the price of a thing bought, as "the £2m
    footbridge" is."""
    claims, _ = run({
        "g1": ("2039-01-13", "A £540,000 lottery grant will pay for repairs to Westfield's community hall."),
        "g2": ("2039-01-13", "The £2m footbridge opened in May."),
    })
    by_text = _by_text(claims)
    assert by_text["£540,000"].concept != "price"
    assert by_text["£2m"].concept == "price"


def test_the_time_someone_noticed_is_no_rival_of_the_time_it_happened(run):
    """"Had squeezed through a gap at about 8am" and "staff noticed she was missing at around
    10.30am on Monday", each its article's only time of the day: the escape and its discovery, two
    moments, not one told two ways."""
    _, cmp = run({
        "z1": ("2038-09-09", "A red panda escaped from Fenwick Zoo on Monday. Keepers said she had squeezed through a "
                             "gap in her enclosure at about 8am."),
        "z2": ("2038-09-09", "Mei the red panda got out of Fenwick Zoo on Monday. Staff noticed she was missing at "
                             "around 10.30am, the zoo said."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "date_conflict" and "T" in r.value], _shown(cmp)


def test_a_date_in_a_relative_clause_dates_that_clause(run):
    """"A red panda that escaped from Fenwick Zoo on Monday has been found": Monday dates the
    escape (an onset), no rival of "was found safe on Tuesday evening" (the end)."""
    _, cmp = run({
        "p1": ("2038-09-09", "A red panda that escaped from Fenwick Zoo on Monday has been found in a garden."),
        "p2": ("2038-09-09", "Mei, the Fenwick Zoo red panda, was found safe on Tuesday evening in a tree."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "date_conflict"], _shown(cmp)


def test_a_count_of_votes_after_by_is_a_margin_whatever_the_verb(run):
    """"Confirmed as mayor by 402 votes" and "held on to win by 377 votes": two margins, which
    disagree; a tally ("passed by 40 votes to 31") is no margin."""
    claims, cmp = run({
        "v1": ("2039-05-05", "A recount has confirmed Daniel Okafor as leader of Wexley council by 402 votes, "
                             "officials said."),
        "v2": ("2039-05-05", "Daniel Okafor has held on to win the Wexley council leadership by 377 votes after "
                             "a recount."),
        "v3": ("2039-05-05", "The motion passed by 40 votes to 31."),
    })
    by_text = _by_text(claims)
    assert by_text["402"].value.increment and by_text["377"].value.increment
    assert by_text["40 votes to 31"].value.family == "tally" and not by_text["40 votes to 31"].value.increment
    conflicts = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert conflicts == {("v1", "402"), ("v2", "377")}, _shown(cmp)


def test_an_age_told_with_no_noun_is_the_one_persons_age(run):
    """"Officers detained a 24-year-old after two men robbed the post office" and "A 23-year-old man
    was detained": each article's only age, one noun-less, is the story's one suspect; the "after"
    that follows the age is no offset ("24 years after ...")."""
    claims, cmp = run({
        "r1": ("2039-03-17", "Officers detained a 24-year-old after two men robbed the post office in Hale on "
                             "Monday."),
        "r2": ("2039-03-17", "A 23-year-old man was detained on Monday evening after the post office robbery in "
                             "Hale."),
    })
    young = next(c for c in claims if c.text.startswith("24"))
    assert not young.value.offset and young.value.age_of == ""
    ages = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "numeric_conflict"}
    assert {d for d, _ in ages} == {"r1", "r2"}, _shown(cmp)


def test_shares_in_a_company_that_fell_are_a_days_move(run):
    """"Shares in Corran fell 3% in London" in a Monday article is Monday's move: no rival of "Corran
    shares closed up 2% on Tuesday" in Tuesday's article."""
    claims, cmp = run({
        "s1": ("2039-02-14", "Corran Bank was fined £40m by the regulator. Shares in Corran fell 3% in London."),
        "s2": ("2039-02-15", "Corran shares closed up 2% on Tuesday after the £40m fine."),
    })
    assert _by_text(claims)["3%"].concept == "share_price"
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict" and "%" in r.quote], _shown(cmp)


def test_each_articles_only_planned_date_is_the_events(run):
    """"The fair, which was due to take place from 4 to 6 June this year" and "the fair, planned for
    11 to 13 June": each article's only date a happening was to take place, the story's one event,
    though their words share nothing; "this year" beside the day is that day told coarser."""
    _, cmp = run({
        "f1": ("2039-03-02", "Organisers have called off this year's Kelsall craft fair, which was due to take place "
                             "from 4 to 6 June, blaming rising insurance bills."),
        "f2": ("2039-03-02", "The three-day Kelsall fair, planned for 11 to 13 June, will not go ahead, the "
                             "council announced on Wednesday."),
    })
    days = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "date_conflict"}
    assert {d for d, _ in days} == {"f1", "f2"}, _shown(cmp)


def test_a_short_clause_with_a_word_of_the_onset_dates_the_start(run):
    """"The blaze, which began on Sunday, was 40% contained": few content words, but "began" says the
    date is the start, so it is a dated claim; "reopened on Friday after Wednesday's flood" says an
    end, which stays unclaimed in a clause so short."""
    from pipeline.compare import build_claims
    from pipeline.extract import extract_mentions
    docs = _docs({
        "b1": ("2039-06-16", "The blaze, which began on Sunday, was 40% contained."),
        "b2": ("2039-06-16", "Kelby library reopened on Friday after Wednesday's flood."),
    })
    dated = {c.text for c in build_claims(docs, extract_mentions(docs)) if c.kind == "date"}
    assert "Sunday" in dated and "Friday" not in dated


def test_inspection_grades_exclude_each_other(run):
    """A care home "rated inadequate" in one report and "told it requires improvement" in another."""
    _, cmp = run({
        "g1": ("2039-02-02", "Inspectors have rated inadequate the Beechwood care home in Larne after a visit."),
        "g2": ("2039-02-02", "The Beechwood care home in Larne has been told it requires improvement by inspectors."),
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "account_conflict"} == {
        "inadequate", "requires improvement"}, _shown(cmp)


def test_a_count_written_as_a_compound_of_pupils_meets_a_count_of_pupils(run):
    """"The 950-pupil school" and "The school has 820 pupils", each its article's only count of
    pupils (a noun the lexicon keys with "children", but a role, not an age): one quantity."""
    claims, cmp = run({
        "p1": ("2039-06-08", "Inspectors visited Harlow Academy in May. The school has 820 pupils."),
        "p2": ("2039-06-08", "Harlow Academy was inspected in May. The head said the 950-pupil school had a plan."),
    })
    assert _by_text(claims)["950-pupil"].value.unit == "pupils"
    assert {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"} == {"820", "950"}, _shown(cmp)


def test_the_lead_sentences_date_is_no_earlier_account(run):
    """"Inspectors have told the academy it requires improvement after a visit in April" opens a June
    article: the sentences after it tell the story's news, not an earlier event, though April is
    more than a month before."""
    claims, _ = run({
        "l1": ("2039-06-08", "Inspectors have told Harlow Academy it requires improvement after a visit in April.\n\n"
                             "The head said the 950-pupil school had a clear plan."),
    })
    assert not _by_text(claims)["950-pupil"].background


def test_each_articles_only_length_of_one_act_is_one_quantity(run, monkeypatch):
    """"The road is expected to stay shut for six weeks" and "will be closed for at least two months":
    one closure's length, though each article also gives another act's length ("trains were halted
    for four hours", "services were suspended for seven hours"), which stays apart from it (frames
    and contexts pinned as weak as the sentences of such reports read)."""
    from pipeline.compare import align
    monkeypatch.setattr(align.Scorer, "frame", lambda self, i, j: 0.36)
    monkeypatch.setattr(align.Scorer, "context", lambda self, i, j: 0.04)
    _, cmp = run({
        "c1": ("2039-03-15", "A van hit the Kelby rail bridge on Monday. Trains were halted for four hours. "
                             "Bridge Street is expected to stay shut for six weeks."),
        "c2": ("2039-03-15", "Bridge Street in Kelby will be closed for at least two months after a van hit the "
                             "rail bridge. Services were suspended for seven hours."),
    })
    conflicts = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    closure = {r.finding_id for r in conflicts if "weeks" in r.quote}
    assert closure and {r.doc_id for r in conflicts if r.finding_id in closure} == {"c1", "c2"}, _shown(cmp)
    assert not [r for r in conflicts if r.finding_id in closure and "hours" in r.quote], _shown(cmp)


def test_a_named_persons_age_and_a_described_persons_age_each_alone_are_one_persons(run):
    """"A 36-year-old nurse from Leek has cycled from Land's End to John o' Groats" and "Maya Holt, 37,
    finished the ride": each article's only age, the story's one person."""
    _, cmp = run({
        "a1": ("2039-07-14", "A 36-year-old nurse from Leek has cycled from Land's End to John o' Groats in nine days. "
                             "Maya Holt raised £3,000."),
        "a2": ("2039-07-14", "Maya Holt, 37, finished the ride on Tuesday."),
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"} >= {"36", "37"}, _shown(cmp)


def test_an_offer_beside_a_demand_is_a_stance_and_each_articles_only_demand_is_one(run):
    """"The union is asking for a 7% rise; the council has offered 3%" and "the council offered a 3% pay
    rise, while the union wants 10%": the offers agree, the demands disagree, and no offer meets a
    demand."""
    claims, cmp = run({
        "d1": ("2039-04-20", "Bin workers in Hale began a strike on Monday. The union is asking for a 7% rise; "
                             "the council has offered 3%."),
        "d2": ("2039-04-20", "Hale bin workers walked out on Monday. The council offered a 3% pay rise, while the "
                             "union wants 10%."),
    })
    assert "stance: offered" in _by_text([c for c in claims if c.doc_id == "d1"])["3%"].row.cues
    rows = cmp.finding_rows()
    demands = {r.finding_id for r in rows if r.kind == "numeric_conflict" and r.value in ("7", "10")}
    assert demands and {r.value for r in rows if r.finding_id in demands} == {"7", "10"}, _shown(cmp)


def test_starting_from_a_place_is_a_departure(run):
    """"Set off from Porthcawl at 6.20am" and "started from Porthcawl shortly before 7am": two
    departures of one swim, which disagree (a departure meets only a departure)."""
    _, cmp = run({
        "t1": ("2039-07-14", "Ella Price set off from Porthcawl at 6.20am on Tuesday and swam to Ilfracombe."),
        "t2": ("2039-07-14", "Ella Price swam to Ilfracombe on Tuesday. She started from Porthcawl shortly before "
                             "7am."),
    })
    assert {r.doc_id for r in cmp.finding_rows() if r.kind == "date_conflict" and "T" in r.value} == {"t1", "t2"}, \
        _shown(cmp)


def test_a_date_in_the_subjects_relative_clause_dates_that_clause(run):
    """"Hackers who broke into Kelby council's systems on 2 March are demanding $4m": the date is the
    break-in's, so the demand told in a later article is no background of an earlier event; "The
    hackers demanded $4m on 2 March" is dated by it."""
    claims, _ = run({
        "h1": ("2039-03-20", "Hackers who broke into Kelby council's systems on 2 March are demanding $4m in bitcoin."),
        "h2": ("2039-03-20", "The hackers demanded $5m from Kelby council on 2 March, officials said."),
    })
    now, then = (next(c for c in claims if c.doc_id == d) for d in ("h1", "h2"))
    assert not now.background and not now.as_of
    assert then.as_of == "2039-03-02"



def test_a_figure_its_source_tells_again_joins_the_dispute_in_a_two_source_story(nlp, encoder):
    """Kelby's £900m budget told twice in one report, in its headline ("Kelby approves £900m budget")
    and its body ("councillors approved a £900m budget by 31 votes to 18"), against another report's
    "£950m budget": the body's statement joins the dispute too, and represents its report there (a
    body's sentence says more than a headline)."""
    import dataclasses

    from pipeline.extract import extract_mentions
    head = "Kelby approves £900m budget\n\n"
    docs = _docs({
        "k1": ("2040-02-22", head + "Kelby councillors approved a £900m budget on Tuesday night by 31 votes to 18."),
        "k2": ("2040-02-22", "Kelby's £950m budget was approved by 29 votes to 20 at a meeting on Tuesday."),
    })
    docs[0] = dataclasses.replace(docs[0], body_start=len(head))
    cmp = compare_documents(docs, extract_mentions(docs), encoder=encoder)
    budget = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict" and r.value in ("900000000", "950000000")]
    assert {(r.doc_id, r.value) for r in budget} == {("k1", "900000000"), ("k2", "950000000")}, _shown(cmp)
    assert [r.quote for r in budget if r.doc_id == "k1"] == [
        "Kelby councillors approved a £900m budget on Tuesday night by 31 votes to 18."], _shown(cmp)



def test_one_nights_happening_dated_to_either_of_its_days_is_one_happening(run):
    """"Two thieves stole a vase worth £40,000 late on Friday night" and "Three men took a £60,000 vase in
    the early hours of Saturday": one raid, dated to the evening by one source and to the small hours by
    the other, so the values disagree; a running count of the evening and one of the next afternoon stay
    two times of it."""
    from pipeline.vocab import timeml
    _, cmp = run({
        "v1": ("2039-05-14", "Two thieves stole a Ming vase worth £40,000 from the Kelby museum late on Friday night."),
        "v2": ("2039-05-14", "Burglars took a £60,000 Ming vase from the Kelby museum in the early hours of Saturday."),
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"} == {"40000", "60000"}, _shown(cmp)
    assert timeml.one_night("2039-05-13", "2039-05-14", "late on Friday night", "at 2am on Saturday")
    assert not timeml.one_night("2039-05-13", "2039-05-14", "late on Monday", "on Tuesday afternoon")
    assert not timeml.one_night("2039-05-12", "2039-05-14", "on Wednesday night", "on Friday night")


def test_a_deals_figure_put_to_either_party_is_one_figure(run):
    """"Kelby Town have signed defender Sam Okoro for £4m" and "Sam Okoro has completed a £5m move to Kelby
    Town, signing a three-year deal": one transfer's fee, given to the club in one sentence and to the
    player in the other; both sentences name both parties."""
    _, cmp = run({
        "f1": ("2040-08-02", "Kelby Town have signed defender Sam Okoro for £4m on a three-year contract."),
        "f2": ("2040-08-02", "Sam Okoro has completed a £5m move to Kelby Town, signing a three-year deal."),
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"} >= {"4000000", "5000000"}, _shown(cmp)


def test_a_nationality_as_the_noun_an_age_describes_names_no_one(run):
    """"The 24-year-old Italian will earn £60,000 a week" describes the player, as "Luca Ferri, 25," names
    him: each article's only age, the story's one person (the nationality is no rival name)."""
    claims, cmp = run({
        "p1": ("2040-08-02", "Dunmere Rovers have signed striker Luca Ferri. The 24-year-old Italian will earn "
                             "about £60,000 a week."),
        "p2": ("2040-08-02", "Luca Ferri, 25, has joined Dunmere Rovers on a five-year deal."),
    })
    assert _by_text([c for c in claims if c.doc_id == "p1"])["24-year-old"].subject == ""
    assert {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"} >= {"24", "25"}, _shown(cmp)


def test_a_time_told_with_no_day_is_the_story_s_one_moment_when_it_is_its_articles_only_time(run, monkeypatch):
    """"A gas explosion wrecked a bungalow in Fenby at about 10.40pm on Monday" and, in Tuesday's other
    report, "an explosion flattened a bungalow in Fenby shortly after midnight": the articles' only times,
    one moment told two ways (an hour and a day apart; frames pinned as weak as such reports' read)."""
    from pipeline.compare import align
    monkeypatch.setattr(align.Scorer, "frame", lambda self, i, j: 0.5)
    _, cmp = run({
        "g1": ("2040-03-06", "A suspected gas explosion wrecked a bungalow in Fenby at about 10.40pm on Monday, "
                             "injuring a woman."),
        "g2": ("2040-03-06", "A woman was hurt after an explosion flattened a bungalow in Fenby shortly after "
                             "midnight."),
    })
    assert {r.doc_id for r in cmp.finding_rows() if r.kind == "date_conflict"} == {"g1", "g2"}, _shown(cmp)


def test_two_ends_a_plan_foretells_disagree_when_one_breaks_the_others_bound(run):
    """"The viaduct is due to be finished by 2031" and "should be complete in 2033": each article's only end
    still to come, the plan's one end, and 2033 is past "by 2031". "Complete in 2030" keeps within it."""
    _, cmp = run({
        "v1": ("2028-05-02", "Work on the Almsford viaduct will begin in June and is due to be finished by 2031."),
        "v2": ("2028-05-02", "Building the Almsford viaduct starts in June and should be complete in 2033."),
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "date_conflict"} == {"2031", "2033"}, _shown(cmp)
    _, cmp = run({
        "v1": ("2028-05-02", "Work on the Almsford viaduct will begin in June and is due to be finished by 2031."),
        "v3": ("2028-05-02", "Building the Almsford viaduct starts in June and should be complete in 2030."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "date_conflict"], _shown(cmp)


def test_a_sentence_the_court_passed_is_one_term_in_each_articles_only_words_for_it(run):
    """"has been jailed for six years" and "was sentenced to five and a half years": each article's only
    prison term, one term told in sentences written around different details."""
    _, cmp = run({
        "j1": ("2040-02-10", "A solicitor who stole from elderly clients has been jailed for six years. She took "
                             "the money over nine years, the court heard."),
        "j2": ("2040-02-10", "Dana Pryce, 49, was sentenced to five and a half years at Bristol Crown Court on "
                             "Friday."),
    })
    conflicts = [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"]
    assert {r.doc_id for r in conflicts} == {"j1", "j2"}, _shown(cmp)


def test_an_animals_age_told_a_day_apart_is_a_disagreement_not_a_birthday(run):
    """"Their mother, Suki, is seven years old" (20 May) and "Mother Suki, aged eight" (21 May): the same
    named animal, and a birthday between two reports a day apart is far less likely than a mistake."""
    _, cmp = run({
        "z1": ("2041-05-20", "Two snow leopard cubs were born at Hallam Zoo. Their mother, Suki, is seven years old."),
        "z2": ("2041-05-21", "Hallam Zoo has announced the birth of two snow leopard cubs. Mother Suki, aged eight, "
                             "is doing well."),
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"} >= {"7", "8"}, _shown(cmp)


def test_homes_and_properties_count_one_thing(run):
    """"protect 1,900 homes" and "shield about 2,400 properties": one count of the buildings a scheme covers."""
    _, cmp = run({
        "h1": ("2040-10-14", "A £30m sea wall to protect 1,900 homes in Pelham Bay has been approved."),
        "h2": ("2040-10-14", "Councillors have approved a £30m sea wall for Pelham Bay that will shield about 2,400 "
                             "properties."),
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"} >= {"1900", "~2400"}, _shown(cmp)


def test_a_majority_and_a_win_by_so_many_votes_are_one_margin(run):
    """"won with a majority of 812" and "won by 1,140 votes": the margin, counted in votes in one of them."""
    _, cmp = run({
        "m1": ("2040-06-09", "Liberal Democrat Anna Reyes won the Fenwick by-election on Thursday with a majority of "
                             "812."),
        "m2": ("2040-06-09", "Anna Reyes won by 1,140 votes in Thursday's Fenwick by-election."),
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"} >= {"812", "1140"}, _shown(cmp)


def test_one_score_in_two_reports_is_corroborated(run):
    """"Ashby Rangers beat Corton 2-1" and "a 2-1 win": a score's two counts in their order, agreed."""
    _, cmp = run({
        "s1": ("2040-04-08", "Ashby Rangers beat Corton 2-1 in the county final on Saturday, with Mo Diallo scoring "
                             "twice."),
        "s2": ("2040-04-08", "Two goals from Mo Diallo gave Ashby Rangers a 2-1 win over Corton in Saturday's county "
                             "final."),
    })
    assert {r.doc_id for r in cmp.finding_rows() if r.kind == "corroboration" and "2-1" in r.quote} == {"s1", "s2"}, \
        _shown(cmp)


def test_a_concept_that_only_names_the_counted_noun_tells_nothing_that_happened_to_them(run):
    """"About 9,000 passengers were affected" (a concept only from "passengers") and "12,000 travellers had
    their journeys disrupted": one count of the people a strike hit, not a count aboard against a count
    something happened to."""
    _, cmp = run({
        "a1": ("2040-07-19", "Baggage handlers at Tarnby Airport walked out on Friday. About 9,000 passengers were "
                             "affected, the airport said."),
        "a2": ("2040-07-19", "Baggage handlers at Tarnby Airport walked out on Friday. The airport said 12,000 "
                             "travellers had their journeys disrupted."),
    })
    assert {r.value for r in cmp.finding_rows() if r.kind == "numeric_conflict"} >= {"~9000", "12000"}, _shown(cmp)


def test_a_length_of_another_act_the_sentence_tells_apart_is_no_rival(run):
    """"has run the bakery for 18 years" and "The baker, who has been married for 30 years, has run the bakery
    since 2022": the 30 years are the marriage's; the sentence tells the running of the bakery apart."""
    _, cmp = run({
        "b1": ("2040-03-02", "Tom Ellery won the county bread prize on Friday. He has run the bakery for 18 years."),
        "b2": ("2040-03-02", "Tom Ellery won the county bread prize on Friday. The baker, who has been married for 30 "
                             "years, has run the bakery since 2022."),
    })
    assert not [r for r in cmp.finding_rows() if r.kind == "numeric_conflict"], _shown(cmp)


def test_two_days_that_own_one_noun_date_one_happening(run):
    """"a prize of £40,000 in Friday's raffle" and "a £45,000 prize from last Tuesday's raffle": each day is the
    raffle's (the figure beside it takes no date from it), and two days of one raffle disagree."""
    _, cmp = run({
        "r1": ("2040-06-20", "A nurse from Hollin has won a prize of £40,000 in Friday's raffle."),
        "r2": ("2040-06-20", "Hollin nurse Amy Shaw is celebrating a £45,000 prize from last Tuesday's raffle."),
    })
    assert {r.doc_id for r in cmp.finding_rows() if r.kind == "date_conflict"} == {"r1", "r2"}, _shown(cmp)
