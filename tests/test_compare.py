"""Compare: unit tests on hand-made mentions (no spaCy), small planted corpora, scale, contract."""

from __future__ import annotations

import itertools
import math
import random
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.compare import build_claims, compare_documents
from pipeline.compare.agreement import dates_agree, values_agree
from pipeline.compare.figures import _rounding_tol
from pipeline.compare.ranking import ID_CHARS, finding_ids
from pipeline.compare.text import clause_at, separated_by_aside, stem
from pipeline.extract.encoder import encode
from pipeline.schema import ClaimRow, FindingRow
from pipeline.vocab.kinds import NAMES as FINDING_KINDS
from pipeline.vocab.units import family as unit_family
from pipeline.vocab.units import to_base
from tests.compare_fixtures import Dt, Ent, Num, Spec, make_corpus


def _findings(specs):
    docs, men = make_corpus(specs)
    cmp = compare_documents(docs, men, encoder=encode)
    by_id: dict[str, list[FindingRow]] = {}
    for r in cmp.finding_rows():
        by_id.setdefault(r.finding_id, []).append(r)
    return docs, cmp, by_id


def _kinds(by_id):
    return sorted((rows[0].kind, tuple(sorted(r.doc_id for r in rows))) for rows in by_id.values())


# --- values, units, rounding ---------------------------------------------------------------


def test_rounding_tolerance_follows_written_precision():
    assert _rounding_tol("6.1", 6.1) == pytest.approx(0.05)
    assert _rounding_tol("1,500 km", 1500) == pytest.approx(50)
    # written in two or more units, the value is a whole number of the smallest: half of one
    assert _rounding_tol("2:00:48", 7248) == pytest.approx(0.5)
    assert _rounding_tol("2 hours 15 minutes", 135) == pytest.approx(0.5)
    assert _rounding_tol("100", 100) == pytest.approx(5)  # capped at 5%: 100 vs 120 must differ
    assert _rounding_tol("$13.5bn", 13.5e9) == pytest.approx(0.05e9)
    assert _rounding_tol("two", 2) == 0.5


def test_units_convert_within_family_but_not_currencies():
    assert unit_family("mile") == unit_family("km") == "length"
    assert to_base(940, "mile")[0] == pytest.approx(1_512_783, rel=1e-4)
    assert unit_family("USD") == unit_family("EUR") == "currency"
    assert to_base(5, "USD") == (5, "USD")


def test_a_mention_across_a_wrong_sentence_split_quotes_both_parts():
    """The parser split "VB6 | through VB11 harbor ..."; the range "6 through VB11" spans the split, so its
    quote is both parts, not the mention alone."""
    from pipeline.compare.claims import quote_span

    text = "Hole found\n\nVB6 through VB11 harbor the hole, researchers said.\n\nMore follows."
    first = text.index("VB6")
    sentences = ((0, first), (first, first + 3), (first + 4, text.index("More")), (text.index("More"), len(text)))
    start, end = text.index("6 through"), text.index("VB11") + 4
    s, e = quote_span(text, sentences, 1, start, end, "")
    assert text[s:e] == "VB6 through VB11 harbor the hole, researchers said."


def test_stem_maps_inflections_together():
    assert stem("restrictions") == stem("restriction") == stem("restrict")
    assert stem("controls") == stem("control")
    assert stem("companies") == stem("company")


@given(st.floats(min_value=0.01, max_value=1e9, allow_nan=False), st.sampled_from(["", "approx"]))
def test_a_value_always_agrees_with_itself(v, q):
    docs, men = make_corpus(
        [Spec("a", f"Sales were {v:.2f} units.", numbers=[Num(f"{v:.2f}", float(f"{v:.2f}"), qualifier=q)])]
    )
    c = next(x for x in build_claims(docs, men) if x.kind == "number")
    assert values_agree(c, c)


def test_two_ranges_agree_when_both_ends_do_and_a_point_inside_a_range_agrees():
    specs = [
        Spec("a", "The lab is one to two years behind.", numbers=[Num("one to two years", 1, "years", "range", 2)]),
        Spec("b", "The lab is two or three years behind.", numbers=[Num("two or three years", 2, "years", "range", 3)]),
        Spec("c", "The lab is 10% to 30% slower.", numbers=[Num("10% to 30%", 10, "percent", "range", 30)]),
        Spec("d", "The lab is 20% slower.", numbers=[Num("20%", 20, "percent")]),
        Spec("e", "They face six to 75 years.", numbers=[Num("six to 75 years", 6, "years", "range", 75)]),
        Spec("f", "They face seven to 75 years.", numbers=[Num("seven to 75 years", 7, "years", "range", 75)]),
        Spec("g", "They face 6 to 75 years.", numbers=[Num("6 to 75 years", 6, "years", "range", 75)]),
    ]
    docs, men = make_corpus(specs)
    cs = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert values_agree(cs["a"], cs["b"]) is False
    assert values_agree(cs["c"], cs["d"]) is True
    assert values_agree(cs["e"], cs["f"]) is False  # a penalty range is a statement of its ends
    assert values_agree(cs["e"], cs["g"]) is True


def test_a_bound_admits_what_it_bounds_and_disputes_what_lies_beyond():
    """"Gusts of up to 96 mph" disputes a reading of 102 mph and admits 90; "more than 50" disputes
    30 (an open end is no scale for rounding: it once made every upper bound admit anything)."""
    specs = [
        Spec("a", "Gusts of up to 96 mph were recorded.", numbers=[Num("up to 96 mph", 96, "mph", "at_most")]),
        Spec("b", "Gusts reached 102 mph.", numbers=[Num("102 mph", 102, "mph")]),
        Spec("c", "Gusts reached 90 mph.", numbers=[Num("90 mph", 90, "mph")]),
        Spec("d", "More than 50 people came.", numbers=[Num("More than 50", 50, "people", "more_than")]),
        Spec("e", "Some 30 people came.", numbers=[Num("30", 30, "people")]),
    ]
    docs, men = make_corpus(specs)
    cs = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "number"}
    assert values_agree(cs["a"], cs["b"]) is False
    assert values_agree(cs["b"], cs["a"]) is False
    assert values_agree(cs["a"], cs["c"]) is True
    assert values_agree(cs["d"], cs["e"]) is False


def test_dates_agree_at_the_coarser_precision():
    assert dates_agree("2022", "2022-10")
    assert dates_agree("2024-Q1", "2024-02")
    assert not dates_agree("2022-10", "2023-10")


# --- planted corpus 1: an earthquake (numbers, units, updates, agencies) ------------------------

QUAKE = [
    Spec(
        "q1",
        "A strong earthquake struck Qeshm island in Iran on Sunday, killing at least 10 people. "
        "The island lies 940 miles south of Tehran. "
        "The US Geological Survey put the quake's magnitude at 6.1.",
        "2005-11-27",
        numbers=[
            Num("at least 10", 10, "people", "at_least"),
            Num("940 miles", 940, "mile", kind="measure"),
            Num("6.1", 6.1, kind="measure"),
        ],
        dates=[Dt("Sunday", "2005-11-27", anchor="2005-11-27")],
        entities=[Ent("Qeshm"), Ent("Iran"), Ent("Tehran"), Ent("US Geological Survey", "ORG")],
    ),
    Spec(
        "q2",
        "An earthquake killed 10 people on Qeshm island in Iran on Sunday. "
        "Qeshm lies 1,500 kilometers south of Tehran. "
        "Iran's seismological center put the quake's magnitude at 5.9.",
        "2005-11-27",
        numbers=[
            Num("10", 10, "people"),
            Num("1,500 kilometers", 1500, "km", kind="measure"),
            Num("5.9", 5.9, kind="measure"),
        ],
        dates=[Dt("Sunday", "2005-11-27", anchor="2005-11-27")],
        entities=[Ent("Qeshm"), Ent("Iran", nth=0), Ent("Tehran"), Ent("Iran's seismological center", "ORG")],
    ),
    Spec(
        "q3",
        "The death toll from the earthquake on Qeshm island in Iran rose to 13 people on Monday, officials said. "
        "In 2003 a quake in Bam killed more than 26,000 people.",
        "2005-11-28",
        numbers=[Num("13", 13, "people"), Num("more than 26,000", 26000, "people", "more_than", as_of="2003")],
        dates=[Dt("Monday", "2005-11-28", anchor="2005-11-28"), Dt("2003", "2003", "year")],
        entities=[Ent("Qeshm"), Ent("Iran"), Ent("Bam")],
    ),
]


def test_quake_corpus_finds_update_agency_conflict_and_unit_corroboration():
    _docs, cmp, by_id = _findings(QUAKE)
    kinds = _kinds(by_id)
    assert ("superseded", ("q1", "q2", "q3")) in kinds  # 10 -> 13 as reports come in
    assert ("numeric_conflict", ("q1", "q2")) in kinds  # magnitude 6.1 vs 5.9
    assert ("corroboration", ("q1", "q2")) in [k for k in kinds if k[0] == "corroboration"]
    notes = {rows[0].kind + ":" + rows[0].topic: rows[0].note for rows in by_id.values()}
    mag = next(n for k, n in notes.items() if "magnitude" in k)
    assert "different bodies" in mag
    dist = [rows for rows in by_id.values() if rows[0].unit in ("mile", "km")]
    assert dist and dist[0][0].kind == "corroboration" and "units" in dist[0][0].note
    # The 2003 Bam toll is a different quantity: it never joins the Qeshm toll.
    assert not any("26,000" in r.quote and r.doc_id == "q3" and r.kind != "corroboration"
                   for r in cmp.finding_rows() if r.quote.startswith("In 2003"))


# --- planted corpus 2: a company's quarterly results (currency, definitions, false conflicts) --

RESULTS = [
    Spec("r1", "Acme reported revenue of $3.7 billion for the second quarter. "
               "Acme said 26% of its sales came from Europe. "
               "Analysts said the cost-cutting plan has worked.", "2024-08-01",
         numbers=[Num("$3.7 billion", 3.7e9, "USD", kind="money", measure="revenue"),
                  Num("26%", 26, "percent", kind="percent", measure="its sales")],
         entities=[Ent("Acme", "ORG"), Ent("Europe", "LOC")]),
    Spec("r2", "Acme's revenue was $4.2 billion in the second quarter, the company said. "
               "About 26% of Acme staff work in Europe. "
               "Critics say Acme's cost-cutting plan has backfired.", "2024-08-01",
         numbers=[Num("$4.2 billion", 4.2e9, "USD", kind="money", measure="Acme's revenue"),
                  Num("26%", 26, "percent", "approx", kind="percent", measure="Acme staff")],
         entities=[Ent("Acme", "ORG"), Ent("Europe", "LOC")]),
    Spec("r3", "Acme's second-quarter revenue reached 3.4 billion euros. "
               "The weather in Europe was mild this summer.", "2024-08-02",
         numbers=[Num("3.4 billion euros", 3.4e9, "EUR", kind="money", measure="second-quarter revenue")],
         entities=[Ent("Acme", "ORG"), Ent("Europe", "LOC")]),
]


def test_results_corpus_conflicts_and_no_false_conflict_on_shared_percent():
    _docs, cmp, by_id = _findings(RESULTS)
    kinds = _kinds(by_id)
    num = [rows for rows in by_id.values() if rows[0].kind == "numeric_conflict"]
    assert num, kinds
    revenue = [rows for rows in num if {"r1", "r2"} <= {r.doc_id for r in rows}]
    assert revenue
    # 26% of sales vs 26% of staff: same value, different metrics -> no finding at all
    assert not any("26%" in r.quote for r in cmp.finding_rows())
    # euros vs dollars: flagged as not comparable, never as a plain disagreement
    eur = [rows for rows in by_id.values() if any(r.doc_id == "r3" for r in rows)]
    assert all("currencies" in rows[0].note for rows in eur)
    assess = [rows for rows in by_id.values() if rows[0].kind == "assessment_conflict"]
    assert len(assess) == 1 and {r.doc_id for r in assess[0]} == {"r1", "r2"}


# --- planted corpus 3: an election (dates, relative dates, corroboration, assessments) ----------

ELECTION = [
    Spec("e1", "Voters in Freedonia elected Maria Lopez as president on 12 March 2024 in a runoff. "
               "Turnout was 61%, the electoral commission said. "
               "Observers said the new voting machines were effective.", "2024-03-13",
         numbers=[Num("61%", 61, "percent", kind="percent", measure="Turnout")],
         dates=[Dt("12 March 2024", "2024-03-12")],
         entities=[Ent("Freedonia"), Ent("Maria Lopez", "PERSON"), Ent("electoral commission", "ORG")]),
    Spec("e2", "Maria Lopez won the Freedonia presidential runoff held on 14 March 2024. "
               "Turnout reached 61 percent. "
               "Opposition observers said the new voting machines failed repeatedly.", "2024-03-15",
         numbers=[Num("61 percent", 61, "percent", kind="percent", measure="Turnout")],
         dates=[Dt("14 March 2024", "2024-03-14")],
         entities=[Ent("Freedonia"), Ent("Maria Lopez", "PERSON")]),
    Spec("e3", "Lopez, who won the Freedonia presidential runoff last week, named a cabinet on Tuesday. "
               "The weather in the capital was sunny.", "2024-03-20",
         dates=[Dt("last week", "2024-W11", "week", anchor="2024-03-20"), Dt("Tuesday", "2024-03-19")],
         entities=[Ent("Freedonia"), Ent("Lopez", "PERSON", "Maria Lopez")]),
]


def test_election_corpus_date_conflict_turnout_corroboration_and_assessment():
    _docs, _cmp, by_id = _findings(ELECTION)
    kinds = _kinds(by_id)
    assert ("date_conflict", ("e1", "e2")) in kinds
    assert ("corroboration", ("e1", "e2")) in kinds  # turnout 61% in both
    assert ("assessment_conflict", ("e1", "e2")) in kinds
    assert len(by_id) == 3, kinds  # nothing else: the weather and the cabinet stay out


# --- contract ---------------------------------------------------------------------------------


def _draft(kind: str, *claim_ids: str):
    """A finding as ``finding_ids`` reads it: a kind and claims with ids."""
    from types import SimpleNamespace
    return SimpleNamespace(kind=kind, claims=tuple(SimpleNamespace(row=SimpleNamespace(claim_id=c)) for c in claim_ids))


def test_finding_ids_survive_other_findings_coming_going_and_moving():
    drafts = [_draft("number_conflict", f"d{k}:number:{k * 7}", f"e{k}:number:3") for k in range(300)]
    ids = dict(zip(map(id, drafts), finding_ids(drafts), strict=True))
    assert len(set(ids.values())) == 300
    reordered = [_draft("corroboration", "a:number:1"), *reversed(drafts[50:]), *drafts[:40]]
    again = finding_ids(reordered)
    assert all(ids[id(d)] == fid for d, fid in zip(reordered[1:], again[1:], strict=True))
    # the same first statement in another kind is another finding; a later statement is no part of the id
    first = "e0:number:3"
    assert finding_ids([_draft("corroboration", first)]) != finding_ids([_draft("number_conflict", first)])
    assert finding_ids([_draft("corroboration", "a:1", "z:9")]) == finding_ids([_draft("corroboration", "a:1", "q:2")])


def test_finding_ids_that_share_a_prefix_grow_until_they_differ():
    drafts = [_draft("corroboration", f"doc:number:{k}") for k in range(5000)]  # ~12 shared 4-character prefixes
    ids = finding_ids(drafts)
    assert len(set(ids)) == len(ids)
    assert any(len(i) > ID_CHARS + 1 for i in ids) and min(map(len, ids)) == ID_CHARS + 1
    twins = finding_ids([_draft("corroboration", "a:1", "b:2"), _draft("corroboration", "a:1", "c:3")])
    assert twins[1] == twins[0] + "-2"


@pytest.mark.parametrize("specs", [QUAKE, RESULTS, ELECTION])
def test_rows_honour_the_contract(specs):
    docs, cmp, by_id = _findings(specs)
    texts = {d.doc_id: d.text for d in docs}
    assert all(isinstance(c, ClaimRow) for c in cmp.claims)
    rows = cmp.finding_rows()
    assert [r.rank for r in rows] == sorted(r.rank for r in rows)  # in rank order
    ids = list(dict.fromkeys(r.finding_id for r in rows))
    assert [rows_of[0] for rows_of in itertools.groupby(r.finding_id for r in rows)] == ids  # grouped
    assert all(re.fullmatch(r"F[0-9A-HJKMNP-TV-Z]{4,}(-\d+)?", fid) for fid in ids), ids
    for r in cmp.finding_rows():
        assert r.kind in FINDING_KINDS
        assert texts[r.doc_id][r.quote_start:r.quote_end] == r.quote
        assert r.topic and r.note
        assert not math.isnan(r.score)
    for rows in by_id.values():
        assert len({r.doc_id for r in rows}) == len(rows) >= 2  # one statement per source
    assert compare_documents(*make_corpus(specs), encoder=encode) == cmp  # deterministic


def test_empty_and_single_document_inputs():
    assert compare_documents([], []).findings == ()
    docs, men = make_corpus(QUAKE[:1])
    assert compare_documents(docs, men).findings == ()


# --- scale ------------------------------------------------------------------------------------


def test_blocking_keeps_1000_documents_fast():
    rng = random.Random(7)
    topics = ["revenue", "deaths", "turnout", "price", "population", "magnitude"]
    places = [f"Place{i}" for i in range(50)]
    specs = []
    for d in range(1000):
        sents, nums, ents = [], [], []
        for _k in range(20):
            t = rng.choice(topics)
            p = rng.choice(places)
            v = rng.randint(1, 500)
            sents.append(f"In {p} the {t} figure word{rng.randint(0, 3000)} was {v} units.")
            nums.append(Num(f"{v} units", v, "", kind="count", measure=t, nth=0))
            ents.append(Ent(p, nth=-1))
        text = " ".join(sents)
        # each sentence's number text must be found at its own sentence: make them unique
        seen: dict[str, int] = {}
        fixed = []
        for n in nums:
            fixed.append(Num(n.text, n.value, measure=n.measure, nth=seen.get(n.text, 0)))
            seen[n.text] = seen.get(n.text, 0) + 1
        specs.append(Spec(f"d{d:04d}", text, numbers=fixed, entities=list({e.text: e for e in ents}.values())))
    docs, men = make_corpus(specs)
    t0 = time.perf_counter()
    cmp = compare_documents(docs, men)
    elapsed = time.perf_counter() - t0
    assert len(cmp.claims) >= 20_000
    assert elapsed < 20, elapsed  # ~6 s measured on the shared 2-core box


def test_judgement_pruning_never_drops_a_pair_that_would_align():
    """The matrix-product bound keeps every pair whose one-by-one score reaches the bar."""
    from types import SimpleNamespace

    import numpy as np

    from pipeline.compare import align
    from pipeline.compare.vectors import FrameVectors

    rng = np.random.default_rng(7)
    n, dim = 160, 24
    base = rng.normal(size=(8, dim))
    vectors = base[rng.integers(0, 8, n)] + 0.6 * rng.normal(size=(n, dim))  # clusters: many close pairs
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    words = [f"w{k}" for k in range(30)]
    items = [SimpleNamespace(doc_id=f"d{i % 9}", frame=f"f{i}", subjects=frozenset(rng.choice(["A", "B", "C"], 1)))
             for i in range(n)]
    sentence = []
    for _ in range(n):
        picked = rng.choice(words, 5, replace=False)
        weights = rng.random(5)
        weights /= np.linalg.norm(weights)
        sentence.append(dict(zip(picked.tolist(), weights.tolist(), strict=True)))
    scorer = SimpleNamespace(items=items, vectors=FrameVectors(items, {f"f{i}": vectors[i] for i in range(n)}),
                             sentence=sentence)
    scorer.frame = lambda i, j: scorer.vectors.sim(i, j)
    scorer.context = lambda i, j: align.cosine(sentence[i], sentence[j])
    aligned = {(i, j) for i in range(n) for j in range(i + 1, n) if align.judgement_score(scorer, i, j) is not None}
    firsts, seconds = align._judgement_candidates(scorer, list(range(n)))
    candidates = set(zip(firsts.tolist(), seconds.tolist(), strict=True))
    assert aligned and aligned <= candidates
    assert len(candidates) < n * (n - 1) / 2  # and it does prune


def _reference_candidate_pairs(items, keys_of, max_bucket):
    """Blocking as it was written first: sets of tuples (the arrays must give exactly these)."""
    buckets: dict = {}
    for i, c in enumerate(items):
        for k in set(keys_of(c)):
            buckets.setdefault(k, []).append(i)
    return sorted({(m[x], m[y]) for m in buckets.values() if 2 <= len(m) <= max_bucket
                   for x in range(len(m)) for y in range(x + 1, len(m)) if items[m[x]].doc_id != items[m[y]].doc_id})


@given(st.lists(st.tuples(st.integers(0, 4), st.frozensets(st.integers(0, 6), max_size=3)), max_size=60),
       st.integers(2, 12))
def test_blocking_on_arrays_gives_the_pairs_sets_of_tuples_give(rows, max_bucket):
    from types import SimpleNamespace

    from pipeline.compare import align

    items = [SimpleNamespace(doc_id=f"d{doc}", keys=keys) for doc, keys in rows]
    got = align.candidate_pairs(items, lambda c: c.keys, max_bucket=max_bucket)
    assert got.shape[1] == 2
    assert [tuple(p) for p in got.tolist()] == _reference_candidate_pairs(items, lambda c: c.keys, max_bucket)


def test_a_big_bucket_is_paired_in_slices_of_rows_and_still_whole(monkeypatch):
    from types import SimpleNamespace

    from pipeline.compare import align

    monkeypatch.setattr(align, "BUCKET_ROWS", 7)
    items = [SimpleNamespace(doc_id=f"d{i % 5}", keys={"one"}) for i in range(40)]
    got = align.candidate_pairs(items, lambda c: c.keys, max_bucket=100)
    assert [tuple(p) for p in got.tolist()] == _reference_candidate_pairs(items, lambda c: c.keys, 100)


def test_pair_keys_tell_the_score_the_order_and_the_statements_apart():
    """A pair's memo key is a mix of the score's name and the two statements' keys, made on arrays:
    every pair of distinct statements and every score get their own key; a pair with a statement
    of a document without a key has none."""
    from types import SimpleNamespace

    import numpy as np

    from pipeline.compare.align import Scorer

    scorer = Scorer.__new__(Scorer)
    scorer.items = [SimpleNamespace(doc_id=f"d{i}") for i in range(40)]
    scorer._statement_keys = None
    scorer._statement_key = lambda i: None if i == 39 else i.to_bytes(2, "big") * 8
    pairs = np.array([(i, j) for i in range(40) for j in range(40) if i != j], dtype=np.int64)
    keys, keyed = scorer._pair_keys("figure_score", pairs)
    assert keyed.tolist() == [39 not in p for p in pairs.tolist()]
    assert len(set(keys[keyed].tolist())) == int(keyed.sum())  # (i, j) and (j, i) differ too
    other, _ = scorer._pair_keys("date_score", pairs)
    assert not set(other[keyed].tolist()) & set(keys[keyed].tolist())
    again, _ = scorer._pair_keys("figure_score", pairs[::-1].copy())
    assert again.tolist() == keys[::-1].tolist()
    assert scorer.statement_key(3) == (3).to_bytes(2, "big") * 8 and scorer.statement_key(39) is None


def _apart(text: str, date: str, figure: str) -> bool:
    start = text.index(figure)
    return separated_by_aside(text, text.index(date), start, start + len(figure))


def test_an_aside_is_its_own_clause():
    plant = "The plant, which opened in 1978, employs 340 people."
    assert _apart(plant, "1978", "340") and not _apart(plant, "1978", "1978")
    assert "1978" not in clause_at(plant, plant.index("340"), plant.index("340") + 3)
    assert _apart("Coral, founded in 2009, has 1,100 employees.", "2009", "1,100")
    fined = "Kelmar, which has about 350 employees, was fined $2 million in 2019."
    assert _apart(fined, "2019", "about 350") and not _apart(fined, "2019", "$2 million")
    # an aside right after the figure's noun is about what it counts
    assert not _apart("Twelve people, killed in the 2004 flood, were honoured.", "2004", "Twelve")


_ASIDE_PIECES = [*"abc 12,.()", "which ", "who ", "founded ", "killed "]


@given(st.lists(st.sampled_from(_ASIDE_PIECES), max_size=30).map("".join),
       st.integers(min_value=0, max_value=80), st.integers(min_value=0, max_value=80))
def test_aside_reading_never_fails_and_needs_an_aside(text, at, start):
    end = min(len(text), start + 2)
    assert isinstance(clause_at(text, start, end), str)
    if not any(w in text for w in ("which", "who", "founded", "killed")):
        assert not separated_by_aside(text, at, start, end)
        assert clause_at(text, start, end) == text


def test_every_concept_reads_as_a_topic():
    """A finding's topic is the concept's phrase: no concept may reach the report as its id ("prison_term")."""
    from pipeline.compare.lexicon import load_lexicon

    lex = load_lexicon()
    assert {name for name, _ in lex.concepts} <= set(dict(lex.topics))


def test_a_date_is_named_by_the_words_before_it_that_say_something():
    """"Gray was killed on #" names the happening; "As part of its # updates" names nothing, so
    the next source's words name it."""
    import dataclasses

    from pipeline.compare.topics import event_topic

    docs, men = make_corpus([
        Spec("a", "As part of its October 2024 updates, Veltrix repaired 47 flaws.", "2024-10-20",
             dates=[Dt("October 2024", "2024-10", granularity="month")], entities=[Ent("Veltrix", "ORG")]),
        Spec("b", "Veltrix released a software fix for its browser on October 15.", "2024-10-20",
             dates=[Dt("October 15", "2024-10-15")], entities=[Ent("Veltrix", "ORG")]),
    ])
    dates = {c.doc_id: c for c in build_claims(docs, men) if c.kind == "date"}
    assert event_topic([dates["a"], dates["b"]]) == "software fix for its browser"
    named = dataclasses.replace(dates["b"], frame="Gray was killed on # , police said")
    assert event_topic([named, dates["a"]]) == "Gray was killed"


def test_a_date_that_modifies_a_noun_is_named_by_it():
    """"the June 20 shooting", "a 2008 conviction": the noun the date modifies names the happening,
    whichever statement writes it; "Microsoft's # continues" or "In #, the court" name no noun."""
    from pipeline.compare.topics import _dated_noun

    assert _dated_noun("investigating the # shooting .") == "shooting"
    assert _dated_noun("tossed out a # conviction in state court") == "conviction"
    assert _dated_noun("was convicted of the # attempted murder of a man") == "attempted murder"
    assert _dated_noun("In # , the Utah Supreme Court tossed out a") == ""
    assert _dated_noun("Veltrix's # continues to grow worse") == ""
    assert _dated_noun("the # Veltrix recall") == ""  # a name after the date: the words before it say more
