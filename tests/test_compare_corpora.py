"""Compare end to end on small plain-text corpora with planted findings, through real extraction,
plus the seed examples from the issue (golden expectations, not exact CSVs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.compare import compare_documents
from pipeline.documents import CleanDocument, DocumentMeta

LAUNCH = {
    "l1": ("2024-09-10", "Orbit Phones unveiled the Orbit X smartphone in Berlin on September 9, 2024. "
           "The Orbit X will sell for $799 in the United States. "
           "The phone has a battery of 5,000 mAh. "
           "Reviewers said the new camera system has worked well in low light."),
    "l2": ("2024-09-11", "Orbit Phones launched the Orbit X smartphone in Berlin on September 9, 2024. "
           "In the United States the Orbit X is priced at $899. "
           "Early testers said the new camera system has failed in low light."),
    "l3": ("2024-09-12", "The Orbit X went on sale in Berlin this week. "
           "The city's weather stayed mild and sunny all week."),
}

ELECTION = {
    "v1": ("2024-06-03", "Turnout in the Ruritania general election was 64 percent, the election commission said. "
           "The Liberal Party won 152 seats in the 300-seat parliament."),
    "v2": ("2024-06-03", "The Liberal Party won 152 of the 300 seats in Ruritania's parliament. "
           "Turnout in the Ruritania general election reached 58 percent, according to observers."),
    "v3": ("2024-06-04", "Ruritania's Liberal Party won 152 seats, official results showed. "
           "Separately, the national football team won 3 matches in a row."),
}


DERAILMENT = {
    "t1": ("2025-04-15",
           "Seven people were killed and 43 injured when a passenger train derailed near Holloway "
           "Junction in northern Vardenia on Monday evening, officials said. The train, operated by "
           "Nordrail, was carrying about 250 passengers from Kessel to Amberg when five of its eight"
           " carriages left the tracks at 6:42 p.m. Investigators said the train was travelling at "
           "85 mph on a section limited to 50 mph. The driver, a 54-year-old man, survived with "
           "minor injuries and was questioned by police. Transport minister Ilse Marten said the "
           "line would stay closed for at least a week. It was the country's deadliest rail accident"
           " since 2009, when 12 people died in a collision near Amberg."),
    "t2": ("2025-04-15",
           "At least eight people died and dozens were hurt after a Nordrail train came off the "
           "rails near Holloway Junction on Monday. Emergency services said 43 people were taken to "
           "hospital, six of them in critical condition. The train had some 300 people on board, "
           "according to the operator, and four of its eight coaches derailed shortly before 7 p.m. "
           "Officials said the train was going at 137 km/h where the limit is 80 km/h. The driver, "
           "56, was arrested on suspicion of manslaughter, police said. Transport minister Ilse "
           "Martens said the line would remain shut for at least ten days."),
    "t3": ("2025-04-16",
           "The death toll from Monday's derailment near Holloway Junction has risen to nine, "
           "Nordrail said on Tuesday. Forty-five people remain in hospital. Five carriages of the "
           "Kessel to Amberg service left the track at 6:42 p.m., the company said. The 54-year-old "
           "driver has been released on bail pending further inquiries. Investigators believe the "
           "train was travelling at about 85 mph, well above the 50 mph limit on the curve. Minister"
           " Ilse Marten said the line would reopen in a week at the earliest."),
    "t4": ("2025-04-16",
           "Nine people are now known to have died in the Holloway Junction derailment, officials "
           "said Tuesday. The Nordrail train was carrying about 250 passengers when it derailed at "
           "6:45 p.m. on Monday. The driver, who is 54, has been charged with causing death by "
           "dangerous driving, prosecutors said. The last comparable disaster on Vardenia's railways"
           " was in 2011, when 12 people were killed near Amberg."),
}


FRAUD_TRIAL = {
    "k1": ("2025-03-07",
           "A jury in Dornford found former bank manager Petra Velsen guilty on Thursday of stealing"
           " £2.4 million from elderly customers over six years. Velsen, 52, was convicted on three "
           "counts of fraud after a five-week trial at Dornford Crown Court. The jury deliberated "
           "for nine hours. Prosecutor Alan Crewe said more than 40 customers lost savings, the "
           "oldest aged 94. Judge Miriam Hale said sentencing would take place on April 4."),
    "k2": ("2025-03-07",
           "Petra Velson, a 53-year-old former branch manager, was found guilty of fraud on Thursday"
           " at Dornford Crown Court. Jurors took 11 hours to convict her on four counts after a "
           "six-week trial. She took about $3 million from 38 customers, prosecutors said. Velson "
           "will be sentenced on April 4."),
    "k3": ("2025-04-04",
           "Former bank manager Petra Velsen was jailed for eight years on Friday for stealing £2.4 "
           "million from elderly customers. Judge Miriam Hale told Velsen, 52, that she had shown no"
           " remorse. Velsen was convicted last month of three counts of fraud. The court heard that"
           " 41 customers had lost money; the oldest was 94."),
    "k4": ("2025-04-05",
           "A former bank manager who stole from dozens of elderly customers has been sentenced to "
           "seven and a half years in prison. Petra Velsen, 52, was convicted in March of three "
           "counts of fraud involving £2.4m. The judge ordered her to repay £1.1 million within "
           "three months."),
}


MINE_RESCUE = {
    "m1": ("2025-08-12",
           "Rescuers in western Kordavia have reached 14 miners trapped since Friday in a collapsed "
           "gold mine near the town of Brell, officials said on Tuesday. The men are sheltering in a"
           " chamber about 700 metres underground. Mine operator Tessaly Gold said the collapse "
           "happened at 5:30 a.m. on Friday as the night shift was ending. Two miners were killed in"
           " the collapse. Rescue chief Anton Morak said drilling a shaft to the chamber could take "
           "two weeks."),
    "m2": ("2025-08-12",
           "Sixteen miners have been trapped for four days in the Brell gold mine after a collapse, "
           "and rescuers said on Tuesday they had made contact with them. The miners are about 2,300"
           " feet below ground, Tessaly Gold said. The collapse occurred early Friday, shortly after"
           " 5 a.m. Rescue leader Anton Morrak said a rescue shaft could take 10 days to complete."),
    "m3": ("2025-08-20",
           "Rescuers brought the first five of the trapped miners to the surface on Wednesday, eight"
           " days after a collapse at the Brell gold mine. The remaining nine are expected to be "
           "lifted out by Thursday. Three miners died in the collapse, Tessaly Gold said, revising "
           "an earlier figure. The rescue shaft reached the chamber, 700 metres down, late on "
           "Tuesday."),
    "m4": ("2025-08-21",
           "All 14 trapped miners have now been rescued from the Brell gold mine, Tessaly Gold said "
           "on Thursday. The last of the men was lifted out at 11:20 p.m. on Wednesday, nearly two "
           "weeks after the collapse. The company said three workers were killed."),
}


JOB_CUTS = {
    "b1": ("2025-02-06",
           "Corvane Systems said on Wednesday it would cut 1,200 jobs, about 8% of its 15,000-strong"
           " workforce, after reporting a quarterly net loss of $310 million. Revenue for the fourth"
           " quarter fell to $4.2 billion from $4.6 billion a year earlier. Chief executive Dana "
           "Whitford said the cuts would be completed by the end of June. Shares of the Austin-based"
           " company fell 7% in after-hours trading. Corvane, founded in 1998, makes networking "
           "equipment."),
    "b2": ("2025-02-06",
           "Networking equipment maker Corvane Systems will lay off 1,500 employees as it swings to "
           "a loss. The company posted a fourth-quarter net loss of $301 million on revenue of $4.2 "
           "billion. Chief executive Dana Whitfield told analysts the job cuts would be finished by "
           "September. Corvane's shares dropped 9% after the bell."),
    "b3": ("2025-02-07",
           "Corvane Systems plans to eliminate roughly 8 percent of its staff of about 14,800, the "
           "company said. Fourth-quarter revenue came in at $4.1 billion, down 11% from a year ago. "
           "The company, which was founded in 1999 in Austin, lost $310 million in the quarter. Its "
           "stock closed down 6.5% on Thursday."),
}

FERRY = {
    "f1": ("2025-11-04",
           "At least 31 people died when the passenger ferry Sinar Bahari capsized off the coast of Halmera "
           "island early on Tuesday, the national search and rescue agency said. The ferry was carrying 214 "
           "passengers and crew when it overturned in heavy seas at around 6:15 a.m., about two hours after "
           "leaving the port of Kelsa. Rescuers pulled 160 people from the water. The vessel, built in "
           "1998, was licensed to carry 150 passengers, officials said. Captain Rudi Hartawan survived and "
           "was taken in for questioning. In 2018 a ferry sank on a nearby route, killing 167 people."),
    "f2": ("2025-11-04",
           "A ferry carrying more than 250 people capsized off Halmera on Tuesday morning, killing 28, "
           "according to the local disaster agency. The Sinar Bahari overturned shortly after 7 a.m. in "
           "rough water. Some 152 survivors were rescued and taken to hospitals in Kelsa, where 40 remain "
           "in serious condition. The 30-year-old vessel had passed an inspection in March, the transport "
           "ministry said. Police said captain Rudy Hartawan had been detained."),
    "f3": ("2025-11-05",
           "The death toll from the capsizing of the Sinar Bahari ferry has risen to 36, the search and "
           "rescue agency said on Wednesday, as divers recovered more bodies from the hull. Eighteen people "
           "are still missing. The ferry, which had 214 people on board, was more than 60 passengers over "
           "its licensed capacity, officials said. Its 12 crew members all survived."),
    "f4": ("2025-11-05",
           "Indonesia's transport minister on Wednesday ordered an investigation into the sinking of the "
           "Sinar Bahari, which killed at least 36 people off Halmera. The ferry left Kelsa at 4 a.m. and "
           "capsized about two hours later. Twenty people remain unaccounted for, the rescue agency said. "
           "Survivors said the ferry listed sharply after its cargo of motorcycles shifted."),
}

MATCH = {
    "s1": ("2025-03-09",
           "Marlow United came from behind to beat Eastfield Rovers 3-1 at Carden Park on Saturday, with "
           "Tomas Reyna scoring twice. Eastfield led through Callum Drew's header in the 12th minute before "
           "Reyna equalised just before half-time. Substitute Adi Mensah put Marlow ahead in the 87th "
           "minute and Reyna added a third in stoppage time. The win, in front of a crowd of 61,212, lifts "
           "Marlow to 54 points, two behind the leaders. Reyna now has 15 league goals this season."),
    "s2": ("2025-03-09",
           "Adi Mensah's late goal gave Marlow United a 3-2 win over Eastfield Rovers on Saturday. Mensah, "
           "on as a substitute, struck in the 89th minute after Eastfield had twice come back. About 60,000 "
           "fans watched at Carden Park. Marlow move up to 54 points. Eastfield defender Luis Ortega was "
           "sent off in the 70th minute for a second yellow card."),
    "s3": ("2025-03-10",
           "Marlow United manager Ines Kowal praised her side's resilience after Saturday's 3-1 win over "
           "Eastfield Rovers. Tomas Reyna, who scored twice, has 14 league goals this season, one fewer "
           "than the league's top scorer, Eastfield's Callum Drew. Eastfield finished with ten men after "
           "Luis Ortega was sent off in the 65th minute. Last season Marlow lost 2-0 at Eastfield."),
    "s4": ("2025-03-10",
           "Eastfield Rovers will appeal against Luis Ortega's red card, the club said on Sunday, a day "
           "after their 3-1 defeat at Marlow United. Ortega was dismissed for a second booking midway "
           "through the second half. Eastfield have 41 points and sit ninth."),
}

OUTBREAK = {
    "o1": ("2025-06-10",
           "Health officials in the Varo district have confirmed 412 cases of cholera since the outbreak "
           "began on May 28, the Ministry of Health said on Tuesday. Nine people have died and 57 are in "
           "hospital. Children under five account for 120 of the cases. The World Health Organization said "
           "it had shipped 20,000 doses of oral vaccine to the region."),
    "o2": ("2025-06-10",
           "A cholera outbreak in Varo has infected 389 people and killed nine, the district's health "
           "office said on Tuesday. The first case was recorded on June 2 in a camp for displaced families. "
           "About 60 patients were being treated in hospital. The WHO is sending 25,000 vaccine doses, its "
           "regional office said."),
    "o3": ("2025-06-13",
           "Cholera deaths in Varo district have risen to 14, the Ministry of Health said on Friday, with "
           "530 cases now confirmed. The outbreak was first detected on May 28. The case fatality rate "
           "stands at 2.6 percent, above the 1 percent the WHO considers acceptable. A vaccination campaign "
           "will begin on Monday."),
    "o4": ("2025-06-14",
           "Fourteen people have died of cholera in Varo since late May, officials said. Aid group Medica "
           "Nord said it was treating 45 patients at its clinic in the district capital, Selm. A "
           "vaccination drive is due to start on June 16 with 20,000 doses provided by the WHO."),
}

TAKEOVER = {
    "d1": ("2025-09-15",
           "Halvorsen Industries agreed on Monday to buy chipmaker Quenta Systems for $48 a share in cash, "
           "valuing the company at about $12.4 billion. The price is a 32 percent premium to Quenta's "
           "closing price on Friday. The deal is expected to close in the second quarter of 2026. Quenta, "
           "which employs 18,000 people, reported revenue of $3.1 billion last year. Halvorsen chief "
           "executive Marta Lind said the deal would add to earnings within two years."),
    "d2": ("2025-09-15",
           "Halvorsen will pay $46 per share for Quenta Systems in a deal worth $12.1 billion including "
           "debt, the companies said. The offer represents a premium of 28 percent. Halvorsen, which has "
           "about 40,000 employees, expects the acquisition to be completed in the second half of 2026. It "
           "bought the software firm Delmar for $2 billion in 2021."),
    "d3": ("2025-09-16",
           "Shares of Quenta Systems jumped 29 percent on Monday after Halvorsen Industries agreed to "
           "acquire it for $48 a share. The $12.4 billion deal needs approval from regulators in the US and "
           "the EU. Halvorsen chief operating officer Marta Lind will lead the integration, the company "
           "said."),
    "d4": ("2025-09-16",
           "Halvorsen's $12.4 billion takeover of Quenta, announced on Monday, is the largest chip deal of "
           "the year. Quenta employs about 17,500 people, mostly in Texas and Taiwan. Halvorsen expects to "
           "close the deal by mid-2026 and to cut $300 million a year in costs."),
}

COACH_FIRED = {
    "c1": ("2025-01-20",
           "The Harbor City Hawks fired head coach Dale Rusko on Monday after a 9-15 start to the season, "
           "the team announced. Rusko, 58, was in the second year of a four-year contract worth $16 "
           "million. Assistant coach Mira Tallis will take over on an interim basis. The Hawks have lost "
           "seven of their last eight games."),
    "c2": ("2025-01-20",
           "The Hawks dismissed Dale Rusko on Monday with the team at 9-16, 11th in the conference. Rusko "
           "signed a three-year deal in 2023 and is owed about $8 million, a person familiar with the "
           "contract said. Mira Tallis, 41, takes over as interim coach. The Hawks lost 112-98 to Corven on "
           "Sunday, their eighth loss in nine games."),
    "c3": ("2025-01-21",
           "Mira Tallis, named the Hawks' interim coach after Dale Rusko was fired on Monday, becomes the "
           "first woman to coach the team. Rusko, 57, went 51-55 in his time in Harbor City. The Hawks host "
           "Delmont on Wednesday."),
}

JAIL_TERM = {
    "r1": ("2025-05-13",
           "Actress Lena Marr was sentenced on Monday to 90 days in jail for violating her probation, a Los "
           "Angeles judge ruled. Judge Carla Ruiz also ordered Marr, 27, to spend 120 days in a rehab "
           "centre after her release. Marr was placed on three years of probation in 2022 after a "
           "drunk-driving arrest. She must surrender by May 20."),
    "r2": ("2025-05-13",
           "A judge sent Lena Marr to jail for 30 days on Monday after finding she had violated the terms "
           "of her probation. The 28-year-old star will then spend 90 days in rehab. Marr has until May 20 "
           "to report to jail, her lawyer said. She was arrested in 2022 for drunk driving and sentenced to "
           "probation."),
    "r3": ("2025-05-14",
           "Lena Marr's lawyer said on Tuesday she would appeal the 90-day jail sentence handed down on "
           "Monday. Marr, who turned 27 in March, is expected to serve a fraction of the term because of "
           "overcrowding, the sheriff's office said. Judge Carla Ruis said Marr had missed 13 of 20 "
           "court-ordered alcohol classes."),
}

ENDANGERED_LIST = {
    "y1": ("2025-09-03",
           "The government on Tuesday added 27 species to its list of endangered animals, including the "
           "Arlen river dolphin, the environment ministry said. The new rules take effect on October 1. The "
           "list now covers 412 species. Environment minister Joss Harlen said the protections had worked "
           "well for the lynx, whose numbers have doubled since 2010."),
    "y2": ("2025-09-03",
           "Twenty-five species, among them the Arlen river dolphin, were added to the national endangered "
           "list on Tuesday. The protections will come into force on November 1. Conservation groups said "
           "earlier protections had failed to stop the lynx's decline. About 1,200 lynx remain in the wild."),
    "y3": ("2025-09-04",
           "The endangered list, expanded by 27 species this week, now includes 410 animals. Harlen, the "
           "environment minister, said the rules apply from October 1. A review of the list last took place "
           "in 2019, when 18 species were added."),
}

ACTOR_DIES = {
    "e1": ("2025-02-12",
           "Actor Rupert Vane, star of the long-running drama Harbour Lights, has died at the age of 81, "
           "his family said on Wednesday. Vane died peacefully at his home in Dunmore on Tuesday surrounded "
           "by his family. He appeared in more than 60 films and won two Bafta awards. He is survived by "
           "his wife of 52 years, Clara, and three children."),
    "e2": ("2025-02-12",
           "Rupert Vane, the actor best known for Harbour Lights, died on Monday aged 82. He died in "
           "hospital in Dunmore after a short illness, his agent said. Vane made more than 70 films over a "
           "career spanning six decades. He married Clara Vane in 1973; they had three children."),
    "e3": ("2025-02-13",
           "Tributes have poured in for Rupert Vane, who died this week aged 81. Born in 1943 in Kelmsford, "
           "Vane won a Bafta in 1986 for his role in The Long Shore. Harbour Lights ran for 14 series."),
}

AVALANCHE = {
    "v1": ("2025-01-15",
           "An avalanche killed four skiers and injured three on Tuesday near the resort of Valdorn, police "
           "said. The slide struck at about 11:30 a.m. at an altitude of 2,400 metres, burying a group of "
           "nine off-piste skiers. Two of the skiers were rescued unhurt. The avalanche risk had been rated "
           "3 on a scale of 5."),
    "v2": ("2025-01-15",
           "Five people died when an avalanche swept away a group of skiers above Valdorn on Tuesday. The "
           "avalanche hit at around 2,600 metres shortly before noon. Rescuers with dogs and a helicopter "
           "searched the area for several hours. Local authorities had warned of a considerable avalanche "
           "risk, level 3 of 5."),
    "v3": ("2025-01-16",
           "The death toll from Tuesday's avalanche near Valdorn rose to five on Wednesday after a skier "
           "died in hospital, officials said. The group of eight skiers, all from Norway, had been skiing "
           "off-piste with a guide. It was the deadliest avalanche in the region since 2015, when six "
           "climbers died."),
}

VACCINE_TRIAL = {
    "t1": ("2025-10-08",
           "A new malaria vaccine developed by Orvane Biotech was 77 percent effective in a late-stage "
           "trial involving 4,800 children, the company said on Tuesday. The vaccine was given in three "
           "doses, with a booster a year later. Orvane said it would apply for approval in the first half "
           "of 2026."),
    "t2": ("2025-10-08",
           "Orvane's malaria shot cut cases by 75% in a trial of about 5,000 young children in Burkina Faso "
           "and Mali. Children received four doses in total. The company plans to seek regulatory approval "
           "by the end of this year."),
    "t3": ("2025-10-09",
           "Experts welcomed trial results showing Orvane Biotech's vaccine was 77% effective against "
           "malaria. The trial enrolled 4,800 children aged 5 to 17 months. Malaria killed about 600,000 "
           "people in 2023, most of them children in Africa."),
}

NURSES_STRIKE = {
    "w1": ("2025-03-04",
           "About 12,000 nurses at Carrow Health walked off the job on Monday in the first strike at the "
           "hospital group in 20 years, the union said. The nurses are seeking a 9 percent raise over three "
           "years; Carrow has offered 5 percent. The strike is set to last three days. Carrow Health, which "
           "runs 14 hospitals, said it had hired 1,500 temporary nurses."),
    "w2": ("2025-03-04",
           "More than 15,000 nurses went on strike at Carrow Health's hospitals on Monday, union leaders "
           "said. The union wants pay rises of 9% over three years, while management has offered 6%. The "
           "walkout is scheduled to end on Thursday morning. It is the first strike at Carrow since 2008."),
    "w3": ("2025-03-05",
           "Talks between Carrow Health and the nurses' union resumed on Tuesday, the second day of a "
           "strike by some 12,000 nurses. Carrow, which operates 12 hospitals, said patient care was not "
           "affected. The union represents about 16,000 of the group's nurses."),
}

# Keyed stories of our own (bench/stories: sets and keys in the benchmark's layout; `python -m
# pipeline bench compare --sets bench/stories` scores them). A test runs one as headline and body.
STORIES = Path(__file__).resolve().parents[1] / "bench" / "stories" / "sets"


def _story(name: str) -> dict[str, tuple[str, str]]:
    corpus = {}
    for path in sorted((STORIES / name).glob("*.md")):
        headline, published, body = path.read_text(encoding="utf-8").split("\n\n", 2)
        corpus[path.stem] = (published.removeprefix("Published: "), f"{headline.removeprefix('# ')}\n\n{body.strip()}")
    return corpus


QUARTERLY_RESULTS = _story("s45a_quarterly_results")
PLANT_FIRE = _story("s45a_plant_fire")
MUSEUM_THEFT = _story("s45a_museum_theft")
STADIUM_CRUSH = _story("s45a_stadium_crush")
HOSTAGE_RELEASE = _story("s45a_hostage_release")
MARATHON_RECORD = _story("s45b_marathon_record")
HOSPITAL_CYBERATTACK = _story("s45b_hospital_cyberattack")
RIVER_FLOOD = _story("s45b_river_flood")


def _docs(corpus):
    return [CleanDocument(k, text, (), DocumentMeta(published=pub), len(text.split()), len(text.split()))
            for k, (pub, text) in corpus.items()]


def _run(corpus, encoder):
    from pipeline.extract import extract_mentions

    docs = _docs(corpus)
    cmp = compare_documents(docs, extract_mentions(docs), encoder=encoder)
    groups: dict[str, list] = {}
    for r in cmp.finding_rows():
        groups.setdefault(r.finding_id, []).append(r)
    return docs, cmp, groups


def _has(groups, kind, doc_ids, text_in_quote=""):
    for rows in groups.values():
        covers = rows[0].kind == kind and {r.doc_id for r in rows} >= set(doc_ids)
        if covers and (not text_in_quote or any(text_in_quote in r.quote for r in rows)):
            return True
    return False


def test_product_launch_corpus(nlp, encoder):
    _docs, cmp, groups = _run(LAUNCH, encoder)
    assert _has(groups, "numeric_conflict", ["l1", "l2"], "$799")
    assert _has(groups, "assessment_conflict", ["l1", "l2"], "camera")
    # nothing about the weather; the mAh figure has no counterpart
    assert not any("weather" in r.quote or "mAh" in r.quote for r in cmp.finding_rows())


def test_election_corpus(nlp, encoder):
    _docs, cmp, groups = _run(ELECTION, encoder)
    assert _has(groups, "numeric_conflict", ["v1", "v2"], "Turnout")
    assert _has(groups, "corroboration", ["v1", "v2", "v3"], "152")
    assert not any("matches" in r.quote for r in cmp.finding_rows())  # football is not the election


SEEDS = Path(__file__).resolve().parents[1] / "raw"


@pytest.fixture(scope="module")
def seed_comparison(nlp, encoder):
    from pipeline.clean import clean_document
    from pipeline.extract import extract_mentions
    from pipeline.ingest import assign_doc_ids, read_document

    files = sorted(p.name for p in SEEDS.glob("*.txt"))
    if not files:
        pytest.skip("no seeds")
    ids = assign_doc_ids(files)
    docs = [clean_document(read_document(f, (SEEDS / f).read_bytes(), doc_id=ids[f])) for f in files]
    cmp = compare_documents(docs, extract_mentions(docs), encoder=encoder)
    groups: dict[str, list] = {}
    for r in cmp.finding_rows():
        groups.setdefault(r.finding_id, []).append(r)
    return docs, cmp, groups


def test_seed_gap_conflict_quotes_each_source(seed_comparison):
    _, _, groups = seed_comparison
    gap = [rows for rows in groups.values() if any("years behind" in r.quote for r in rows)]
    assert gap and gap[0][0].kind == "numeric_conflict"
    quotes = " | ".join(r.quote for r in gap[0])
    assert "one to two years behind" in quotes and "two or three years behind" in quotes
    assert "essentially disappeared" in quotes


def test_seed_export_controls_start_is_corroborated(seed_comparison):
    _, _, groups = seed_comparison
    rows = next(rows for rows in groups.values()
                if rows[0].kind == "corroboration" and any("October 2022" in r.quote for r in rows))
    assert {r.doc_id[:3] for r in rows} >= {"000", "001", "002"}
    assert any(r.quote.startswith("Last year") for r in rows)


def test_seed_export_controls_working_vs_backfiring(seed_comparison):
    _, _, groups = seed_comparison
    rows = next(rows for rows in groups.values() if rows[0].kind == "assessment_conflict")
    quotes = {r.doc_id[:3]: r.quote for r in rows}
    assert "have worked" in quotes["003"]
    assert {"002", "004"} <= set(quotes)


def test_seed_false_conflict_stays_clear(seed_comparison):
    _, cmp, _ = seed_comparison
    assert not any("26%" in r.quote for r in cmp.finding_rows())


def test_a_rerun_that_reuses_pair_scores_gives_a_fresh_runs_findings(nlp, encoder):
    """The pair-score memo: a rerun with one more document reuses the scores of the pairs it
    already saw, scores only the others, and finds exactly what a run without the memo finds."""
    from pipeline.compare import PairMemo, build_claims, compare_claims, embedding_texts
    from pipeline.compare.vectors import encode_texts
    from pipeline.extract import extract_mentions
    from pipeline.stage_cache import claims_key

    # Enough documents that one more leaves most corpus weights as they were (a three-document
    # corpus's weights all move with a fourth, and nothing is reused: correct, and no test).
    corpus = {f"{doc_id}-{copy}": (published, text.replace("2024", str(2024 - copy)))
              for copy in range(5) for doc_id, (published, text) in {**LAUNCH, **ELECTION}.items()}
    docs = _docs(corpus)
    mentions = extract_mentions(docs)
    n = len(docs) - 1

    def run(n, memo=None):
        claims = build_claims(docs[:n], mentions[:n])
        vectors = encode_texts(embedding_texts(claims), encoder)
        return compare_claims(docs[:n], mentions[:n], claims, vectors, memo=memo)

    keys = {d.doc_id: claims_key(d, m) for d, m in zip(docs, mentions, strict=True)}
    first = PairMemo(keys, "test")
    run(n, first)
    again = PairMemo(keys, "test", first.now())
    rerun, fresh = run(n + 1, again), run(n + 1)
    assert rerun.findings == fresh.findings and rerun.claims == fresh.claims
    assert again.reused > 0
    assert rerun.pairs_scored + rerun.pairs_shared + again.reused == fresh.pairs_scored + fresh.pairs_shared

    changed = PairMemo({**keys, "l2-0": "another text"}, "test", first.now())  # its pairs are scored anew
    assert run(n + 1, changed).findings == fresh.findings and changed.reused < again.reused
    other_model = PairMemo(keys, "another encoder", first.now())
    run(n + 1, other_model)
    assert other_model.reused == 0


def test_copies_of_a_sentence_are_scored_once_and_find_what_scoring_every_pair_finds(nlp, encoder, monkeypatch):
    """Reposts repeat a story's sentences: a pair of statements that read alike in every field a
    score reads is scored once per run; the findings are those of scoring every pair."""
    from pipeline.compare import build_claims, compare_claims, embedding_texts
    from pipeline.compare.align import Scorer
    from pipeline.compare.vectors import encode_texts
    from pipeline.extract import extract_mentions

    corpus = {f"{doc_id}-{copy}": (published, text)
              for copy in range(3) for doc_id, (published, text) in {**LAUNCH, **ELECTION}.items()}
    docs = _docs(corpus)
    mentions = extract_mentions(docs)
    claims = build_claims(docs, mentions)
    vectors = encode_texts(embedding_texts(claims), encoder)
    shared = compare_claims(docs, mentions, claims, vectors)

    def every_pair(self, score, i, j, shared):
        self.pairs_scored += 1
        return score(self, i, j)

    monkeypatch.setattr(Scorer, "_score", every_pair)
    alone = compare_claims(docs, mentions, claims, vectors)
    assert shared.findings == alone.findings and shared.claims == alone.claims
    assert shared.pairs_shared > 0 and alone.pairs_shared == 0
    assert shared.pairs_scored + shared.pairs_shared == alone.pairs_scored


def test_train_derailment_corpus(nlp, encoder):
    """A story of our own: a derailment told by four sources over two days. The toll rises (seven
    and "at least eight" the first day, nine the next, one of them "known to have died"); the
    first day's two figures disagree; "43 injured" is no count of "about 250 passengers"; the
    passengers on board disagree (about 250 vs some 300); the minister's surname is spelled two
    ways; 85 mph is 137 km/h; and a clock's "p.m." ends its sentence."""
    _docs, cmp, groups = _run(DERAILMENT, encoder)
    assert _has(groups, "superseded", ["t1", "t2", "t3", "t4"], "known to have died")
    assert _has(groups, "numeric_conflict", ["t1", "t2"], "Seven people were killed")
    assert not any(r.kind == "numeric_conflict" and r.value in ("43", "~250") and
                   {x.value for x in groups[r.finding_id]} == {"43", "~250"} for r in cmp.finding_rows())
    passengers = [rows for rows in groups.values() if rows[0].kind == "numeric_conflict"
                  and {r.value for r in rows} == {"~250", "~300"}]
    assert passengers and {r.doc_id for r in passengers[0]} == {"t1", "t2", "t4"}
    assert _has(groups, "name_conflict", ["t1", "t2", "t3"], "Ilse Martens")
    assert _has(groups, "corroboration", ["t1", "t2", "t3"], "137 km/h")
    speed = [r for r in cmp.finding_rows() if r.doc_id == "t2" and r.value == "137"]
    assert speed and speed[0].quote.startswith("Officials said the train was going at 137 km/h")


def test_fraud_trial_corpus(nlp, encoder):
    """A story of our own: a fraud trial told by four sources. The defendant's surname is misspelt
    in one ("Velson", full and alone, which the model tags as a person in one article and an
    organisation in another): one name finding, and her age there (53, "Petra Velson, a
    53-year-old former branch manager") disputes the others' 52 without a note of rounding; the
    court's term, eight years against seven and a half, is a disagreement, not a rounding."""
    _docs, _cmp, groups = _run(FRAUD_TRIAL, encoder)

    def conflict_of(values):
        return [rows for rows in groups.values() if rows[0].kind == "numeric_conflict"
                and {r.value for r in rows} == values]

    names = [rows for rows in groups.values() if rows[0].kind == "name_conflict"]
    assert len(names) == 1 and {r.value for r in names[0]} >= {"Petra Velsen", "Petra Velson"}
    ages = conflict_of({"52", "53"})
    assert ages and {r.doc_id for r in ages[0]} >= {"k2", "k4"} and "rounding" not in ages[0][0].note
    terms = conflict_of({"8", "7.5"})
    assert terms and {r.doc_id for r in terms[0]} == {"k3", "k4"}


def test_mine_rescue_corpus(nlp, encoder):
    """A story of our own: miners trapped, then rescued. "14 trapped miners" is no count of the
    dead ("Two miners were killed"), whose toll rises to three (an update); 16 trapped against 14
    trapped disagree, "the first five of the trapped miners" brought up is some of them, no rival
    of either; "trapped since Friday" against "brought to the surface on Wednesday" is a start and
    a later moment, no date conflict. The collapse's time is one: "at 5:30 a.m. on Friday" against
    "early Friday, shortly after 5 a.m." (each its article's only time of that day)."""
    _docs, cmp, groups = _run(MINE_RESCUE, encoder)
    assert _has(groups, "superseded", ["m1", "m3", "m4"], "Two miners were killed")
    conflicts = [{(r.doc_id, r.value) for r in rows} for rows in groups.values() if rows[0].kind == "numeric_conflict"]
    assert {("m2", "16"), ("m4", "14")} in conflicts, conflicts
    assert not any(("m3", "5") in c or {("m4", "14"), ("m1", "2")} <= c for c in conflicts), conflicts
    dates = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "date_conflict"}
    assert dates == {("m1", "2025-08-08T05:30"), ("m2", "2025-08-08T05:00")}, dates


def test_job_cuts_corpus(nlp, encoder):
    """A story of our own: a company's job cuts and results. "Cut 1,200 jobs" against "lay off 1,500
    employees" is one figure disputed (job cuts, counted as jobs or as employees), and neither is
    the workforce ("its staff of about 14,800"); revenue $4.2bn against $4.1bn and the net loss
    $310m against $301m disagree; the shares' fall after the bell is today's, not background of the
    "end of June" the cuts are due by."""
    _docs, cmp, groups = _run(JOB_CUTS, encoder)
    conflicts = [{(r.doc_id, r.value) for r in rows} for rows in groups.values() if rows[0].kind == "numeric_conflict"]
    assert {("b1", "1200"), ("b2", "1500")} in conflicts, conflicts
    assert not any(("b3", "~14800") in c for c in conflicts), conflicts
    assert any({("b1", "310000000"), ("b2", "301000000")} <= c for c in conflicts), conflicts
    fall = [c for c in cmp.claims if c.doc_id == "b1" and c.text == "7%"]
    assert fall and "background" not in fall[0].cues, fall


def _conflicts(groups):
    return [{(r.doc_id, r.value) for r in rows} for rows in groups.values() if rows[0].kind == "numeric_conflict"]


def test_ferry_capsizing_corpus(nlp, encoder):
    """A story of our own: a ferry capsizes. "A ferry carrying more than 250 people capsized" counts
    the people on board (the verb after them is the ferry's), against 214 in two sources; the toll
    disagrees on the first day (31 against 28) and rises to 36; "left Kelsa at 4 a.m. and capsized
    about two hours later" dates the departure, no rival of the 6:15 a.m. capsizing. In dispute: the
    vessel's making ("built in 1998" against "The 30-year-old vessel" in 2025) and the capsizing's
    time ("at around 6:15 a.m." against "shortly after 7 a.m.", each its article's only time of that
    Tuesday)."""
    _docs, cmp, groups = _run(FERRY, encoder)
    conflicts = _conflicts(groups)
    assert {("f1", "214"), ("f2", ">250"), ("f3", "214")} in conflicts, conflicts
    assert {("f1", ">=31"), ("f2", "28")} in conflicts, conflicts
    assert _has(groups, "superseded", ["f2", "f3"], "has risen to 36")
    dates = {(r.doc_id, r.value) for r in cmp.finding_rows() if r.kind == "date_conflict"}
    assert dates == {("f1", "1998"), ("f2", "1994/1995"), ("f1", "XXXX-XX-XXT06:15"), ("f2", "XXXX-XX-XXT07:00")}, dates


def test_football_match_corpus(nlp, encoder):
    """A story of our own: a football match. The score 3-1 against 3-2 disagrees (a score is no
    gap, though the winners "came from behind"); a red card in the 70th minute against the 65th
    (a minute of the game is an ordinal of any size); "Marlow move up to 54 points" is where they
    went, no ceiling, and agrees with "lifts Marlow to 54 points"; last season's 2-0 is background."""
    _docs, cmp, groups = _run(MATCH, encoder)
    conflicts = _conflicts(groups)
    assert any({("s1", "3-1"), ("s2", "3-2"), ("s3", "3-1")} <= c for c in conflicts), conflicts
    assert {("s2", "70"), ("s3", "65")} in conflicts, conflicts
    assert _has(groups, "corroboration", ["s1", "s2"], "move up to 54 points")
    old_score = [c for c in cmp.claims if c.text == "2-0"]
    assert old_score and "background" in old_score[0].cues, old_score


def test_cholera_outbreak_corpus(nlp, encoder):
    """A story of our own: a cholera outbreak. "412 cases since the outbreak began" (a total) and
    "has infected 389 people" (a running count told as it stands) are one count, disputed the same
    day; nine deaths rise to 14 ("have risen to 14", "Fourteen people have died ... since late
    May"); "Nine people have died and 57 are in hospital" does not make 57 a death toll."""
    _docs, cmp, groups = _run(OUTBREAK, encoder)
    conflicts = _conflicts(groups)
    assert {("o1", "412"), ("o2", "389")} in conflicts, conflicts
    assert _has(groups, "superseded", ["o1", "o2", "o3", "o4"], "Fourteen people have died")
    assert not any(("o1", "57") in c for c in conflicts), conflicts
    in_hospital = [c for c in cmp.claims if c.doc_id == "o1" and c.text == "57"]
    assert in_hospital and in_hospital[0].measure != "deaths", in_hospital


def test_takeover_corpus(nlp, encoder):
    """A story of our own: a takeover. "$48 a share in cash" is the whole price, paid one way, so
    it stands with "$48 a share" against "$46 per share"; the executive's title disagrees (chief
    executive against chief operating officer); the value $12.4 billion is corroborated."""
    _docs, _cmp, groups = _run(TAKEOVER, encoder)
    conflicts = _conflicts(groups)
    assert {("d1", "48 a share"), ("d2", "46 a share"), ("d3", "48 a share")} in conflicts, conflicts
    assert _has(groups, "account_conflict", ["d1", "d3"], "chief operating officer")
    assert _has(groups, "corroboration", ["d1", "d3", "d4"], "$12.4 billion")


def test_a_count_to_date_meets_a_total_and_one_days_toll_does_not(nlp, encoder):
    """"Has killed 230 people since March" is the total to date, disputed by "the number killed since
    the offensive began in March has risen to 212"; "killed five people on Tuesday" is one day's
    toll, which neither total disputes. (A total's words mark every figure of their sentence:
    "killed five on Tuesday, bringing the total to 212" would make the five a total too; and "has
    killed 230 people" with no "since" meets the five as a plain figure would, which a story of
    one incident needs: "killing 28" on the day and "the toll has risen to 36" are one count.)"""
    corpus = {
        "r1": ("2025-06-11", "Air strikes killed five people in Darnel on Tuesday. The number killed since "
                             "the offensive began in March has risen to 212, health officials said."),
        "r2": ("2025-06-11", "Five people were killed in air strikes on Darnel on Tuesday, officials said."),
        "r3": ("2025-06-11", "The offensive on Darnel has killed 230 people since March, a monitoring group "
                             "said on Wednesday."),
    }
    _docs, _cmp, groups = _run(corpus, encoder)
    conflicts = _conflicts(groups)
    assert {("r1", "212"), ("r3", "230")} in conflicts, conflicts
    assert not any({"5", "212"} <= {v for _, v in c} or {"5", "230"} <= {v for _, v in c} for c in conflicts)


def test_coach_fired_corpus(nlp, encoder):
    """A story of our own: a coach fired. His record 9-15 against 9-16 and his age 58 against 57
    disagree; "is owed about $8 million" is what remains of the contract, no rival of "a four-year
    contract worth $16 million"; "seven of their last eight games" counts a span the writer chose,
    no rival of "their eighth loss in nine games"."""
    _docs, _cmp, groups = _run(COACH_FIRED, encoder)
    conflicts = _conflicts(groups)
    assert {("c1", "9-15"), ("c2", "9-16")} in conflicts, conflicts
    assert {("c1", "58"), ("c3", "57")} in conflicts, conflicts
    assert not any(("c2", "~8000000") in c or ("c1", "8") in c for c in conflicts), conflicts


def test_a_scope_of_two_countries_is_as_wide_as_a_continent(nlp):
    """"$153.2 million in the US and Canada" covers two countries, as wide as "in North America",
    not one country against a continent."""
    from pipeline.compare import build_claims
    from pipeline.compare.align import SEVERAL_COUNTRIES, _scope_width
    from pipeline.extract import extract_mentions

    docs = _docs({"a": ("2025-11-25", "Final figures put the opening weekend of Ember Crown at $153.2 million in the "
                                      "US and Canada, the studio said.")})
    figure = [c for c in build_claims(docs, extract_mentions(docs)) if c.text == "$153.2 million"]
    assert figure and figure[0].value.scope == "in the US and Canada"
    assert _scope_width(figure[0].value.scope) == _scope_width("in North America") == SEVERAL_COUNTRIES


def test_jail_term_corpus(nlp, encoder):
    """A story of our own: a probation violation. "90 days in jail" against "jail for 30 days", and
    the lawyer who "said on Tuesday she would appeal the 90-day jail sentence handed down on
    Monday" stands with the 90 days: Tuesday dates the saying, not the sentence. The judge's
    surname is spelled two ways."""
    _docs, _cmp, groups = _run(JAIL_TERM, encoder)
    conflicts = _conflicts(groups)
    assert {("r1", "90"), ("r2", "30"), ("r3", "90")} in conflicts, conflicts
    assert _has(groups, "name_conflict", ["r1", "r3"], "Carla Ruis")


def test_endangered_list_corpus(nlp, encoder):
    """A story of our own: species added to a list. "added 27 species" and "Twenty-five species ...
    were added" are both additions (the passive says so as the active does), so they disagree;
    neither is the list's size ("now covers 412 species")."""
    _docs, _cmp, groups = _run(ENDANGERED_LIST, encoder)
    conflicts = _conflicts(groups)
    assert {("y1", "27"), ("y2", "25")} in conflicts, conflicts
    assert not any(("y1", "412") in c and len({v for _, v in c} & {"27", "25"}) for c in conflicts), conflicts


def test_a_name_right_before_a_verb_of_having_is_whose_figure(nlp, encoder):
    """"Eastfield Rovers have 41 points" and "Westbrook Rovers have 45 points" are two teams' figures, never one
    figure disputed; "has made a $334 million bet" is no having (a perfect tells what was done)."""
    corpus = {
        "a": ("2025-03-10", "Eastfield Rovers have 41 points after Saturday's defeat at Carden Park, the club said."),
        "b": ("2025-03-10", "Westbrook Rovers have 45 points after Saturday's win at Carden Park, the club said."),
    }
    _docs, cmp, groups = _run(corpus, encoder)
    holders = {c.doc_id: c.subject_entity for c in cmp.claims if c.kind == "number"}
    assert holders == {"a": "Eastfield Rovers", "b": "Westbrook Rovers"}, holders
    assert not _conflicts(groups)
    from pipeline.compare.figures import _HOLDS
    assert not _HOLDS.fullmatch(" has made a ") and _HOLDS.fullmatch(" now has ")


def test_actor_dies_corpus(nlp, encoder):
    """A story of our own: an actor's death. "Rupert Vane ... has died at the age of 81" and
    "Rupert Vane ... died on Monday aged 82" are the same person's age (each clause names him and
    no one else), so they disagree; "a 12-year-old" before a noun is that noun's age, whoever the
    clause names (see set 36)."""
    _docs, _cmp, groups = _run(ACTOR_DIES, encoder)
    assert any({("e1", "81"), ("e2", "82")} <= c for c in _conflicts(groups)), _conflicts(groups)


def test_avalanche_corpus(nlp, encoder):
    """A story of our own: an avalanche. "killed four skiers" and "Five people died" the same day
    are one toll counted by role and as people, so they disagree (by sex or age, "two women" of
    "three people" stays a part); the group of nine against eight disagrees."""
    _docs, _cmp, groups = _run(AVALANCHE, encoder)
    conflicts = _conflicts(groups)
    assert any({("v1", "4"), ("v2", "5")} <= c for c in conflicts), conflicts
    assert {("v1", "9"), ("v3", "8")} in conflicts, conflicts


def test_vaccine_trial_corpus(nlp, encoder):
    """A story of our own: a vaccine trial. 77% effective against "cut cases by 75%" disagree, and a
    share of cases is no running toll: the note says nothing of an earlier report."""
    _docs, _cmp, groups = _run(VACCINE_TRIAL, encoder)
    shares = [rows for rows in groups.values() if rows[0].kind == "numeric_conflict"
              and {r.value for r in rows} == {"77", "75"}]
    assert shares and "running count" not in shares[0][0].note, shares


def test_nurses_strike_corpus(nlp, encoder):
    """A story of our own: a strike. "walked off the job on Monday in the first strike" dates its
    start and "Talks ... resumed on Tuesday, the second day of a strike" a later day of it: no date
    conflict. 12,000 against more than 15,000 strikers and 14 against 12 hospitals disagree; "a 9
    percent raise over three years" spreads the raise across three years, no "more than" them."""
    _docs, cmp, groups = _run(NURSES_STRIKE, encoder)
    conflicts = _conflicts(groups)
    assert not any(r.kind == "date_conflict" for r in cmp.finding_rows())
    assert any({("w1", "~12000"), ("w2", ">15000")} <= c for c in conflicts), conflicts
    assert {("w1", "14"), ("w3", "12")} in conflicts, conflicts
    spans = [c for c in cmp.claims if c.doc_id == "w1" and c.text == "over three years"]
    assert spans and spans[0].qualifier == "", spans


def _note(groups, kind, doc_values):
    for rows in groups.values():
        if rows[0].kind == kind and {(r.doc_id, r.value) for r in rows} >= set(doc_values):
            return rows[0].note
    return None


def test_quarterly_results_corpus(nlp, encoder):
    """A story of our own: quarterly results. A paragraph that opens with the company's name
    ("Brightwell Foods reported ...") is one sentence, and "Profit dropped to $310m. Its stock slid
    11%" two: the profit of $310 million agrees with "$310m" (before, the parse cut "Brightwell"
    off its sentence and ran "$310m." into the share price's)."""
    _docs, cmp, groups = _run(QUARTERLY_RESULTS, encoder)
    assert _has(groups, "corroboration", ["earn_1", "earn_2"], "Profit dropped to $310m."), groups
    profit = [c for c in cmp.claims if c.doc_id == "earn_2" and c.text == "$310m"]
    assert profit and profit[0].quote == "Profit dropped to $310m.", profit


def test_plant_fire_corpus(nlp, encoder):
    """A story of our own: a fire at a plant. "About 300 workers" and "some 500 staff" evacuated
    count one group (nouns of one workforce) and disagree; "More than 80 firefighters attended" is
    no crowd (a crowd counts people at large or its own nouns)."""
    _docs, cmp, groups = _run(PLANT_FIRE, encoder)
    assert {("fire_1", "~300"), ("fire_2", "~500")} in _conflicts(groups), _conflicts(groups)
    firefighters = [c for c in cmp.claims if c.doc_id == "fire_1" and c.text == "More than 80"]
    assert firefighters and firefighters[0].measure != "crowd", firefighters


def test_a_sentence_of_burns_tells_of_no_burned_area(nlp):
    """"Two workers were taken to hospital with burns": the words of a burned area ("burn") have
    other senses, so a count of that sentence is not told apart from a count of the injured as
    if the sentence spoke of an area."""
    from pipeline.compare import build_claims
    from pipeline.extract import extract_mentions

    docs = _docs({"b": ("2026-08-12", "Two workers were taken to hospital with burns. The fire burned 40 acres.")})
    claims = {c.text: c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "number"}
    assert "burned" not in claims["Two"].value.sentence_concepts
    assert "burned" in claims["40 acres"].value.sentence_concepts


def test_museum_theft_corpus(nlp, encoder):
    """A story of our own: a museum theft. "worth 6 million euros, higher than first estimated" is
    the value, revised (a comparison set off by a comma is no difference), against "about 4
    million euros"; three paintings against four is one count told two ways ("paintin" and
    "painting" are two stems of one word, no two definitions)."""
    _docs, cmp, groups = _run(MUSEUM_THEFT, encoder)
    value = [c for c in cmp.claims if c.doc_id == "museum_3" and c.text == "6 million euros"]
    assert value and "addition" not in value[0].cues, value
    note = _note(groups, "numeric_conflict", [("museum_2", "~4000000"), ("museum_3", "6000000")])
    assert note and "revised figures" in note, note
    note = _note(groups, "numeric_conflict", [("museum_1", "3"), ("museum_2", "4")])
    assert note and "different definitions" not in note, note


def test_stadium_crush_corpus(nlp, encoder):
    """A story of our own: a crush at a stadium. "The 30,000-seat stadium" is a capacity of 30,000
    seats against "holds 35,000 spectators" and "the arena's capacity is 35,000"; the toll
    disagrees on the day (at least 12 against 11) and rises to 14."""
    _docs, _cmp, groups = _run(STADIUM_CRUSH, encoder)
    conflicts = _conflicts(groups)
    assert any({("crush_1", "35000"), ("crush_2", "30000")} <= c for c in conflicts), conflicts
    assert _has(groups, "superseded", ["crush_2", "crush_3"], "has risen to 14")


def test_hostage_release_corpus(nlp, encoder):
    """A story of our own: hostages freed. "held for 42 days since their abduction on May 22" is a
    span from its start, no running total; 23 hostages against 21 is one count ("freed hostages"
    and "hostages" name one group, no two definitions)."""
    _docs, cmp, groups = _run(HOSTAGE_RELEASE, encoder)
    span = [c for c in cmp.claims if c.doc_id == "host_3" and c.text == "42 days"]
    assert span and "total" not in span[0].cues, span
    note = _note(groups, "numeric_conflict", [("host_1", "23"), ("host_2", "21")])
    assert note and "different definitions" not in note, note


def test_a_span_for_hours_before_a_verdict_is_how_long_and_a_figure_above_a_level_a_difference(nlp):
    """"Jurors deliberated for about six hours before reaching a verdict" says how long, not when
    ("six hours before" alone would date the verdict); "peaked at 6.8 metres, almost two metres
    above its normal level" gives the level and, after it, how far above: the second is a
    difference. "2,000 metres above sea level" is a level."""
    from pipeline.compare import build_claims
    from pipeline.extract import extract_mentions

    docs = _docs({"j": ("2026-06-05", "Jurors deliberated for about six hours before reaching a 10-2 verdict. "
                                      "The river peaked at 6.8 metres, almost two metres above its normal "
                                      "level. The village lies 2,000 metres above sea level.")})
    claims = {c.text: c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "number"}
    assert claims["about six hours"].value.offset == "", claims["about six hours"]
    assert claims["almost two metres"].value.increment, claims["almost two metres"]
    assert not claims["6.8 metres"].value.increment and not claims["2,000 metres"].value.increment


def test_marathon_record_corpus(nlp, encoder):
    """A story of our own: a marathon record. "finishing in 2:00:48" and "a world record time of 2
    hours 0 minutes 48 seconds" are one time, to the second, against "cut the world record to
    2:00:28"; none of them is a time of day. The measure words of the two sides differ as any
    paraphrase does: no "different definitions". Prize money and bonuses together are no rival of
    one bonus."""
    _docs, cmp, groups = _run(MARATHON_RECORD, encoder)
    assert not [c for c in cmp.claims if c.kind == "time"], [c.text for c in cmp.claims if c.kind == "time"]
    note = _note(groups, "numeric_conflict", [("run_1", "7248"), ("run_2", "7248"), ("run_3", "7228")])
    assert note and "different definitions" not in note, note
    # "$250,000 in prize money and bonuses" is a sum of which "a $100,000 bonus" is a part
    assert not any({("run_2", "250000"), ("run_3", "100000")} <= c for c in _conflicts(groups)), _conflicts(groups)


def test_river_flood_corpus(nlp, encoder):
    """A story of our own: a flood. "has risen to 11 ... after three bodies were recovered" adds three
    to the toll (no later toll of three, "lower" than six); "where the Asker river rose to 7.2 metres"
    moves the river, neither revising the toll of eight in its sentence nor itself a revised report;
    places the tagger took in one sentence and not in the other are no difference of scope."""
    from pipeline.compare import build_claims
    from pipeline.extract import extract_mentions

    docs, _cmp, groups = _run(RIVER_FLOOD, encoder)
    claims = {(c.doc_id, c.text): c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "number"}
    assert claims["flood_3", "three"].value.increment
    assert not claims["flood_2", "At least eight"].value.revision and not claims["flood_2", "7.2 metres"].value.revision
    assert not any(("flood_3", "3") in c for c in _conflicts(groups)), _conflicts(groups)
    assert _has(groups, "superseded", ["flood_1", "flood_3"], "has risen to 11")
    # each side's sentences name the Dunmere valley and the river Asker: no "different scope"
    note = _note(groups, "numeric_conflict", [("flood_1", "6"), ("flood_2", ">=8")])
    assert note and "different scope" not in note, note
    assert not any("revised figures" in r.note for rows in groups.values() for r in rows
                   if {x.doc_id for x in rows} >= {"flood_1", "flood_2"}), groups


def test_counts_of_different_groups_are_noted_and_paraphrases_are_not(nlp):
    """"Different definitions or populations" names what the counts count when the sources count
    different groups ("boats" against "vessels"), never the measure words of a paraphrase ("finished
    in" against "a world record time of")."""
    from pipeline.compare import build_claims
    from pipeline.compare.notes import number_note
    from pipeline.extract import extract_mentions

    docs = _docs({"a": ("2026-05-04", "Five pirate boats were intercepted on Monday. Kiprono finished in 2:00:48."),
                  "b": ("2026-05-04", "Six merchant vessels were attacked on Monday. He set a world record time of "
                                      "2:00:28.")})
    claims = {c.text: c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "number"}
    note = number_note("numeric_conflict", [claims["Five"], claims["Six"]])
    assert "different definitions or populations: 'boats' vs 'vessels'" in note, note
    note = number_note("numeric_conflict", [claims["2:00:48"], claims["2:00:28"]])
    assert "different definitions" not in note, note


def test_sole_counts_of_one_thing_are_one_quantity(nlp, encoder):
    """Two counts of the same specific thing, each its article's only one ("More than 80
    firefighters attended", "Around 60 firefighters fought the blaze"; "its three hospitals", "runs
    four hospitals"), are one quantity though their frames say little (`SOLE_COUNT_BONUS`); an
    article that counts the thing twice ("12 villages ... four other villages") tells of two groups,
    and people by sex or age ("three men charged", "four men arrested") are no such thing."""
    from pipeline.compare import build_claims
    from pipeline.compare.align import Scorer
    from pipeline.extract import extract_mentions

    _, _cmp, groups = _run(PLANT_FIRE, encoder)
    assert any({("fire_1", ">80"), ("fire_3", "~60")} <= c for c in _conflicts(groups)), _conflicts(groups)
    _, _cmp, groups = _run(HOSPITAL_CYBERATTACK, encoder)
    assert any({("cyber_1", "3"), ("cyber_2", "4")} <= c for c in _conflicts(groups)), _conflicts(groups)

    docs = _docs({"a": ("2026-05-04", "Water swept through 12 villages on Tuesday. Prosecutors charged three men."),
                  "b": ("2026-05-04", "The flood reached nine villages on Tuesday. Four other villages were "
                                      "evacuated. Four men were arrested."),
                  "c": ("2026-05-04", "The flood reached ten villages.")})
    items = [c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "number"]
    at = {(c.doc_id, c.text): n for n, c in enumerate(items)}
    scorer = Scorer(items, None, None)
    assert scorer.sole_counts_of_one_thing(at["a", "12"], at["c", "ten"])
    assert not scorer.sole_counts_of_one_thing(at["a", "12"], at["b", "nine"])
    assert not scorer.sole_counts_of_one_thing(at["a", "three"], at["b", "Four"])



def test_a_strike_told_in_other_words_is_one_strike(nlp, encoder):
    """"a three-day strike" and "a 48-hour stoppage" are one strike's length, whatever the word
    (the encoder finds "strike" and "stoppage" far apart), and disagree; "ships" and "vessels"
    count one fleet, so "Forty ships" and "Some 25 vessels" waiting are one count."""
    from pipeline.compare.lexicon import counted_group, load_lexicon

    corpus = {"a": ("2026-03-09", "Dock workers at Port Halden began a three-day strike on Monday over pay. "
                                  "Forty ships were waiting at anchor by noon."),
              "b": ("2026-03-09", "A 48-hour stoppage by dockers at Port Halden started on Monday, union officials "
                                  "said. Some 25 vessels were waiting at anchor.")}
    _, _cmp, groups = _run(corpus, encoder)
    assert any({("a", "3"), ("b", "48")} <= c for c in _conflicts(groups)), _conflicts(groups)
    assert counted_group("vessels", load_lexicon()) == counted_group("ships", load_lexicon())


def test_a_count_of_its_own_kind_after_including_is_all_of_that_kind(nlp, encoder):
    """"14 structures had burned, including at least six homes" counts all the homes (a part of the
    structures only), so "Two homes have been destroyed" disputes it; "20 people, including five
    children" keeps the children a part of the people."""
    from pipeline.compare import build_claims
    from pipeline.extract import extract_mentions

    corpus = {"a": ("2026-08-02", "The Tessen fire grew overnight. Officials said 14 structures had burned in "
                                  "Tessen, including at least six homes."),
              "b": ("2026-08-02", "The Tessen fire kept spreading. Two homes have been destroyed in Tessen, "
                                  "officials said.")}
    _, _cmp, groups = _run(corpus, encoder)
    assert any({("a", ">=6"), ("b", "2")} <= c for c in _conflicts(groups)), _conflicts(groups)
    docs = _docs({"c": ("2026-08-02", "The blast killed 20 people, including five children.")})
    five = next(c for c in build_claims(docs, extract_mentions(docs)) if c.text == "five")
    assert five.value.part


def test_a_figure_given_to_two_digits_is_worth_corroborating(nlp, encoder):
    """Two sources giving "4.75%" agree on a figure nobody writes by chance, small as it is; two
    giving "two" aid workers with no measure say little (kept out unless three sources say so)."""
    corpus = {"a": ("2026-06-17", "The Bank of Orrland raised its main rate to 4.75% on Wednesday. Two aid "
                                  "workers spoke at the meeting."),
              "b": ("2026-06-18", "The krona gained after the Bank of Orrland raised its rate to 4.75% on "
                                  "Wednesday. Two aid workers spoke at the meeting.")}
    _, _cmp, groups = _run(corpus, encoder)
    agreed = {rows[0].value for rows in groups.values() if rows[0].kind == "corroboration"}
    assert "4.75" in agreed and "2" not in agreed, agreed


def test_an_age_in_apposition_ends_no_figures_stretch(nlp, encoder):
    """"A judge sentenced Corin Vale, 58, to seven years in prison": the age set off by commas is no
    item of a list, so the term's frame keeps "sentenced Corin Vale" (it began at "to"), and the
    term meets another source's six years."""
    from pipeline.compare import build_claims
    from pipeline.extract import extract_mentions

    corpus = {"a": ("2026-02-20", "Corin Vale, the former mayor of Dunholt, was sentenced on Thursday to six years in "
                                  "prison after a jury found him guilty of fraud."),
              "b": ("2026-02-20", "A judge on Thursday sentenced Corin Vale, 58, to seven years in prison for fraud.")}
    docs = _docs(corpus)
    seven = next(c for c in build_claims(docs, extract_mentions(docs)) if c.text == "seven years")
    assert "sentenced Corin Vale" in seven.frame, seven.frame
    _, _cmp, groups = _run(corpus, encoder)
    assert any({("a", "6"), ("b", "7")} <= c for c in _conflicts(groups)), _conflicts(groups)


def test_savings_a_year_from_a_date_and_a_part_named_after_its_whole(nlp, encoder):
    """"the cuts would save 85 million euros a year from 2027" is a saving at a yearly rate (a year
    "from 2027" starts then; "a year from now" is a time) and meets "savings of around €85m
    annually"; "Of the 1,200 jobs it plans to cut, 400 will go in Bergen" counts a part of the
    1,200, no rival of them."""
    from pipeline.compare import build_claims
    from pipeline.extract import extract_mentions

    corpus = {"a": ("2026-05-12", "Talvik Systems said on Tuesday it would cut 1,200 jobs. Chief executive Ola "
                                  "Brenn said the cuts would save 85 million euros a year from 2027."),
              "b": ("2026-05-12", "Talvik Systems expects savings of around €85m annually from the restructuring, "
                                  "chief executive Ola Brenn said."),
              "c": ("2026-05-13", "Of the 1,200 jobs Talvik Systems plans to cut, 400 will go at its plant in "
                                  "Bergen, the union said on Wednesday.")}
    docs = _docs(corpus)
    claims = {(c.doc_id, c.text): c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "number"}
    saved = claims["a", "85 million euros a year"]
    assert (saved.value.per, saved.concept) == ("year", "savings")
    assert claims["c", "400"].value.part
    _, _cmp, groups = _run(corpus, encoder)
    agreed = [{r.doc_id for r in rows} for rows in groups.values()
              if rows[0].kind == "corroboration" and rows[0].value.startswith("85000000")]
    assert {"a", "b"} in agreed, agreed
    assert not any(("c", "400") in c for c in _conflicts(groups)), _conflicts(groups)


def test_figures_that_agree_only_within_their_precision_are_both_shown(nlp, encoder):
    """"$2.3 million" and "about $2.5 million" agree as far as "about" allows; the note says so and
    shows both ("agree on $2.3 million" hid the second source's figure from the reader)."""
    corpus = {"a": ("2026-02-20", "Prosecutors said Corin Vale diverted $2.3 million in city funds to a company "
                                  "owned by his brother."),
              "b": ("2026-02-21", "Corin Vale was found to have diverted about $2.5 million in city funds to his "
                                  "brother's company.")}
    _, _cmp, groups = _run(corpus, encoder)
    notes = [rows[0].note for rows in groups.values() if rows[0].kind == "corroboration"]
    assert any("agree within their stated precision ($2.3 million, about $2.5 million)" in n for n in notes), notes


def test_times_of_day_are_told_as_times(nlp, encoder):
    """Two sources giving one moment to the minute and about it agree on the time, and the note
    says so in their words (it said "the same date; at different precision (, 2026-02-03)": the day
    one of them carried)."""
    corpus = {"q1": ("2026-02-03", "A magnitude 6.1 earthquake struck Varenna province at 2:14 a.m. on Tuesday, "
                                   "killing at least 27 people."),
              "q2": ("2026-02-03", "The magnitude 6.1 quake hit Varenna province at about 2:15 a.m., killing at "
                                   "least 27 people.")}
    _, _cmp, groups = _run(corpus, encoder)
    notes = [rows[0].note for rows in groups.values() if rows[0].kind == "corroboration" and "T02:1" in rows[0].value]
    assert notes and "give the same time" in notes[0] and "2:14 a.m." in notes[0] and "(," not in notes[0], notes


def test_all_but_some_is_what_remains(nlp):
    """"All but two children have now left hospital": two is what remains of those admitted, no
    count of the admitted (a part, as "the remaining nine" is)."""
    from pipeline.compare import build_claims
    from pipeline.extract import extract_mentions

    docs = _docs({"s": ("2026-09-18", "Twelve children were admitted to hospital. All but two children have now "
                                      "left hospital.")})
    claims = {c.text: c for c in build_claims(docs, extract_mentions(docs)) if c.kind == "number"}
    assert claims["two"].value.part and not claims["Twelve"].value.part, claims
