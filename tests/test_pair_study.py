"""The pair study of session 48 (bench/studies/pair_rescue.py, not part of the product) still labels
pairs as docs/compare.md describes: its figures can be made again."""
import importlib.util
from pathlib import Path

import yaml

from pipeline.bench import compare as bench

REPO = Path(__file__).resolve().parents[1]


def _study():
    spec = importlib.util.spec_from_file_location("pair_rescue", REPO / "bench" / "studies" / "pair_rescue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pair_study_labels_a_key_disagreement_and_only_it(shared_dir, encoder):
    """In our plant-fire story "about 300 workers" / "Some 500 staff were evacuated" is a key
    disagreement; the study labels that pair 1, and the story's other rival pairs 0 unless both
    figures stand on two sides of one key item."""
    study = _study()
    set_dir = REPO / "bench" / "stories" / "sets" / "s45a_plant_fire"
    key = yaml.safe_load((REPO / "bench" / "stories" / "gold" / "s45a_plant_fire.yaml").read_text("utf-8"))
    score_module = bench._load_scorer(shared_dir / "bench" / "compare" / "score.py")
    prepared = bench.prepare_set(set_dir, encoder)
    text_of = {c.row.claim_id: c.text for c in prepared.claims}
    rows = study.labelled_pairs(prepared, key, score_module)
    labels = {frozenset(text_of[i] for i in r["pair"]): r["label"] for r in rows}
    assert labels[frozenset({"about 300", "Some 500"})] == 1, labels
    assert 0 in labels.values(), labels
    assert all(set(r) >= {"label", "hand", "frame", "best_both", "refused_by_a_gate", "score_without_bar"}
               for r in rows)


def test_two_currencies_are_never_rivals_in_the_study(nlp):
    """"£1.7m" and "2.2 million euros" never meet (rates move), so the study asks nothing of them; two
    amounts in euros are rivals."""
    from pipeline import clean, compare, extract, ingest

    def claims(text, doc_id):
        doc = clean.clean_document(ingest.read_document(f"{doc_id}.md", text.encode(), doc_id=doc_id))
        return [c for c in compare.build_claims([doc], extract.extract_mentions([doc])) if c.kind == "number"]

    (pounds,) = claims("# Heist\n\nPublished: 2026-04-18\n\nThieves took jewels worth £1.7m on Monday.\n", "a")
    (euros,) = claims("# Heist\n\nPublished: 2026-04-18\n\nThe gems were worth 2.2 million euros.\n", "b")
    (more,) = claims("# Heist\n\nPublished: 2026-04-18\n\nThe gems were worth 2.6 million euros.\n", "c")
    study = _study()
    assert not study.rival_pair(pounds, euros)
    assert study.rival_pair(euros, more)
