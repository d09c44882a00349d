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
    a later moment, no date conflict."""
    _docs, cmp, groups = _run(MINE_RESCUE, encoder)
    assert _has(groups, "superseded", ["m1", "m3", "m4"], "Two miners were killed")
    conflicts = [{(r.doc_id, r.value) for r in rows} for rows in groups.values() if rows[0].kind == "numeric_conflict"]
    assert {("m2", "16"), ("m4", "14")} in conflicts, conflicts
    assert not any(("m3", "5") in c or {("m4", "14"), ("m1", "2")} <= c for c in conflicts), conflicts
    assert not any(r.kind == "date_conflict" for r in cmp.finding_rows())


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
