"""The verdict model: features of drafted disagreements, the packaged model, and what judging does."""

from __future__ import annotations

import math

import pytest
from compare_fixtures import Num, Spec, make_corpus

from pipeline import compare
from pipeline.compare.model import DraftFinding
from pipeline.compare.registry import CLAIM_KINDS
from pipeline.compare.sources import copies_of_one_text
from pipeline.compare.verdict import FEATURES, ConflictModel, conflict_features, is_judged, judge, load_conflict_model
from pipeline.vocab.kinds import Kind

POSITIONS = {entry.kind: entry.positions for entry in CLAIM_KINDS}


def _drafts(specs):
    docs, mentions = make_corpus(specs)
    claims = compare.build_claims(docs, mentions)
    return docs, mentions, claims, compare.draft_findings(docs, mentions, claims, None)


def _toll(doc_id, text, value, published="2024-03-02"):
    return Spec(doc_id, text, published, numbers=[Num(str(value), value, "people", measure="people killed")])


TOLL_CORPUS = [
    _toll("a", "The earthquake killed 10 people in the mountain town, officials said.", 10),
    _toll("b", "The earthquake killed 12 people in the mountain town, rescuers said.", 12),
    _toll("c", "Officials said the earthquake killed 12 people in the mountain town.", 12),
]


def test_a_two_sided_toll_disagreement_has_the_features_of_one():
    *_, drafts = _drafts(TOLL_CORPUS)
    (conflict,) = [f for f in drafts if is_judged(f)]
    assert conflict.kind == Kind.NUMERIC_CONFLICT
    x = conflict_features(conflict, POSITIONS[conflict.claims[0].kind])
    assert set(x) == set(FEATURES)
    assert x["kind_numeric"] == 1 and x["sides"] == 2 and x["central"] == 1
    assert x["minority_share"] == pytest.approx(1 / 3) and x["self_split"] == 0
    assert x["rel_diff"] == pytest.approx(2 / 12)


def test_a_source_on_both_sides_splits_itself():
    _, _, claims, _ = _drafts([
        Spec("a", "The 13-inch model costs $1,199 and the 15-inch model costs $1,799.", "2012-06-11",
             numbers=[Num("$1,199", 1199, "USD", measure="costs"), Num("$1,799", 1799, "USD", measure="costs")]),
        Spec("b", "The new laptop costs $1,799, Apple said.", "2012-06-11",
             numbers=[Num("$1,799", 1799, "USD", measure="costs")]),
    ])
    draft = DraftFinding(Kind.NUMERIC_CONFLICT, "price", tuple(c for c in claims if c.kind == "number"), "", 1.0)
    x = conflict_features(draft, POSITIONS[draft.claims[0].kind])
    assert x["sides"] == 2 and x["self_split"] == pytest.approx(1 / 2)  # "a" states both prices: two laptops


def _model(weights: dict[str, float], intercept: float = 0.0) -> ConflictModel:
    return ConflictModel(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES),
                         tuple(weights.get(name, 0.0) for name in FEATURES), intercept)


def test_judging_weighs_disagreements_and_leaves_corroborations_alone():
    *_, drafts = _drafts(TOLL_CORPUS)
    judged = judge(drafts, POSITIONS, _model({}))  # p = 0.5 for every draft
    assert len(judged) == len(drafts)
    assert all(f.confidence == 0.5 for f in judged if is_judged(f))
    assert [f for f in judged if not is_judged(f)] == [f for f in drafts if not is_judged(f)]


def test_a_more_probable_disagreement_ranks_higher():
    docs, mentions, claims, _ = _drafts([
        *TOLL_CORPUS,
        Spec("d", "The quake was a magnitude 5.1 event, seismologists said.", "2024-03-02",
             numbers=[Num("5.1", 5.1, "magnitude", kind="magnitude")]),
        Spec("e", "Seismologists measured the quake at magnitude 5.6.", "2024-03-02",
             numbers=[Num("5.6", 5.6, "magnitude", kind="magnitude")]),
    ])

    def first(weights):
        comparison = compare.compare_claims(docs, mentions, claims, None, conflict_model=_model(weights))
        return {st.value for st in comparison.findings[0].statements}

    assert first({"central": 5.0, "log_sources": 5.0}) == {"10", "12"}  # the three-source toll
    assert first({"central": 5.0, "log_sources": -5.0}) == {"5.1", "5.6"}  # the two-source magnitude


def test_the_model_round_trips_through_its_file_format():
    model = _model({"sides": -1.25, "central": 0.5}, intercept=0.1)
    again = ConflictModel.from_json(model.to_json(command="test"))
    assert again == model
    values = dict.fromkeys(FEATURES, 1.0)
    assert again.probability(values) == pytest.approx(1 / (1 + math.exp(-(0.1 - 1.25 + 0.5))))


def test_the_packaged_model_is_fitted_on_these_features_and_says_something():
    model = load_conflict_model()
    assert model.features == FEATURES
    assert any(model.weights)


def _long(figure: str, footer: str = "") -> str:
    body = ("Firefighters battled the blaze at the warehouse near the harbour for six hours on Monday. "
            "The building, which stored paper and paint, collapsed shortly after midnight. "
            "Residents of nearby streets were told to keep their windows closed because of the smoke. "
            "The cause of the fire is not yet known, and an investigation has begun. ")
    return f"Officials said the fire killed {figure} people in Tarrow on Monday. " + body * 3 + footer


def test_copies_of_one_text_are_one_source():
    texts = {"a": _long("12"), "b": _long("12", "Read more: our weekly newsletter."), "c": _long("14"),
             "d": "Rescuers in Tarrow said 14 people died when a warehouse burned down overnight on Monday."}
    assert copies_of_one_text(["a", "b"], texts) and copies_of_one_text(["a", "b", "c"], texts)
    assert not copies_of_one_text(["a", "d"], texts)


def test_copies_never_stand_against_each_other():
    def toll(doc_id, value, text):
        return Spec(doc_id, text, "2024-03-04", numbers=[Num(f"{value} people", value, "people",
                                                             measure="people killed")])

    copies = [toll("a", 12, _long("12")), toll("b", 12, _long("12", "Read more.")), toll("c", 14, _long("14"))]
    docs, mentions = make_corpus(copies)
    assert not [f for f in compare.compare_documents(docs, mentions).findings if f.kind == Kind.NUMERIC_CONFLICT]
    docs, mentions = make_corpus([*copies, toll("d", 14, "Officials said the fire killed 14 people in Tarrow on "
                                                     "Monday, a day after the warehouse caught fire.")])
    (conflict,) = [f for f in compare.compare_documents(docs, mentions).findings if f.kind == Kind.NUMERIC_CONFLICT]
    assert {st.doc_id for st in conflict.statements} >= {"d"}  # an independent source does stand against them


def test_leaving_one_set_out_a_value_is_chosen_on_the_other_sets_only():
    """`bench compare --sweep`: each set gets the value best on the others; a tie keeps the value in
    place, so a gain seen only in its own set is no gain leaving it out."""
    from pipeline.bench.compare import SetScore, choose_leaving_one_out

    def score(found: int, unsupported: int = 0) -> SetScore:
        return SetScore("s", found, 10, 0, found, 0, unsupported, 0, 0, ())

    results = {0.1: {"a": score(5), "b": score(5), "c": score(5)},
               0.2: {"a": score(6), "b": score(5), "c": score(5)},   # gains on a alone
               0.3: {"a": score(6), "b": score(6), "c": score(5, unsupported=3)}}
    assert choose_leaving_one_out(results, current=0.1) == {"a": 0.1, "b": 0.2, "c": 0.3}
