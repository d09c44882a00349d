"""The per-document caches of the flow's stages: reuse what is unchanged, recompute the rest.

The stage task is replaced by its plain function, so no Prefect server is needed.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import flow, ingest

ARTICLE = """Harbour council votes on new ferry fees

The Port Alba harbour council voted on Monday to raise ferry fees by 12%, the council said.
The new fees take effect in June, officials said.
"""


@pytest.fixture
def plain_clean_task(monkeypatch):
    calls: list[list[str]] = []
    clean = flow.clean_task.fn

    def run(quoted, rules_text, processes):
        raws = quoted.unquote()
        calls.append([r.doc_id for r in raws])
        return clean(raws, rules_text, processes)

    monkeypatch.setattr(flow, "clean_task", run)
    return calls


def _raw(doc_id: str, text: str = ARTICLE):
    return ingest.read_document(f"{doc_id}.txt", text.encode(), doc_id=doc_id)


def test_clean_cache_reuses_unchanged_documents_and_cleans_the_rest(tmp_path, plain_clean_task):
    log: list[str] = []
    first = flow._clean_with_cache([_raw("a"), _raw("b", "Menu\nHome\n")], None, tmp_path, log.append)
    assert plain_clean_task == [["a", "b"]] and log[-1] == "clean: 0 documents from cache, 2 to clean"
    assert isinstance(first[1], flow.Failure) and first[1].status == "skipped"

    again = flow._clean_with_cache([_raw("a"), _raw("b", "Menu\nHome\n"), _raw("c")], None, tmp_path, log.append)
    assert plain_clean_task[-1] == ["c"] and log[-1] == "clean: 2 documents from cache, 1 to clean"
    assert again[:2] == first  # a skipped document is remembered as skipped

    edited = ARTICLE.replace("12%", "15%")
    flow._clean_with_cache([_raw("a", edited)], None, tmp_path, log.append)
    flow._clean_with_cache([_raw("a")], "[boilerplate]\nphrases = ['ferry']\n", tmp_path, log.append)
    assert plain_clean_task[-2:] == [["a"], ["a"]]  # new bytes, new rules: cleaned again


def test_a_truncated_cache_entry_is_recomputed(tmp_path, plain_clean_task):
    flow._clean_with_cache([_raw("a")], None, tmp_path, lambda _: None)
    (entry,) = (tmp_path / "clean").iterdir()
    entry.write_bytes(entry.read_bytes()[:10])
    (doc,) = flow._clean_with_cache([_raw("a")], None, tmp_path, lambda _: None)
    assert plain_clean_task == [["a"], ["a"]] and "12%" in doc.text


class _Log:
    def __init__(self):
        self.lines: list[str] = []

    def info(self, line: str) -> None:
        self.lines.append(line)

    warning = info


FRAMES = {"a": ["Fares rose 12%.", "Three people died."], "b": ["The vote is on Thursday."]}


@pytest.fixture
def plain_embed_task(monkeypatch, encoder):
    calls: list[list[str]] = []
    embed = flow.embed_task.fn

    def run(quoted):
        documents = quoted.unquote()
        calls.append([doc_id for doc_id, _ in documents])
        return embed(documents)

    monkeypatch.setattr(flow, "embed_task", run)
    return calls


def test_embed_cache_gives_the_vectors_a_fresh_run_gives(tmp_path, plain_embed_task, encoder):
    log = _Log()
    first = flow._embed_with_cache(FRAMES, tmp_path, log)
    again = flow._embed_with_cache({**FRAMES, "c": ["Ten people died."]}, tmp_path, log)
    assert plain_embed_task == [["a", "b"], ["c"]]
    assert log.lines[-1] == "embed: 2 documents from cache, 1 frames to embed"
    for text in ("Fares rose 12%.", "The vote is on Thursday."):
        assert (first[text] == again[text]).all() and (first[text] == encoder([text])[0]).all()


def test_a_failing_encoder_means_no_vectors_for_anyone_and_a_warning(tmp_path, monkeypatch):
    def broken(quoted):
        raise OSError("model files missing")

    monkeypatch.setattr(flow, "embed_task", broken)
    log = _Log()
    assert flow._embed_with_cache(FRAMES, tmp_path, log) == {}
    assert "sentence encoder unavailable (OSError: model files missing)" in log.lines[-1]

    # On a cluster one failed batch is enough: some documents with vectors and others without
    # would make the comparison uneven.
    def one_batch_failed(stage_task, items, *args, distributed, failure):
        return [failure(items[0], "embed failed on the cluster: worker lost"), *([None] * (len(items) - 1))]

    monkeypatch.setattr(flow, "_in_batches", one_batch_failed)
    assert flow._embed_with_cache(FRAMES, tmp_path, log, distributed=True) == {}
    assert "worker lost" in log.lines[-1]


@pytest.fixture
def plain_claims_task(monkeypatch):
    read: list[list[str]] = []
    claims = flow.claims_task.fn

    def run(docs, mentions, cached):
        docs, mentions, cached = docs.unquote(), mentions.unquote(), cached.unquote()
        result = claims(docs, mentions, cached)
        read.append(sorted(result[1]))
        return result

    monkeypatch.setattr(flow, "claims_task", run)
    return read


def test_claims_cache_reads_only_new_or_changed_documents_and_gives_a_fresh_runs_claims(tmp_path, plain_claims_task):
    from pipeline import clean, compare, extract

    other = ARTICLE.replace("12%", "15%").replace("Monday", "Tuesday")
    docs = [clean.clean_document(_raw(doc_id, text)) for doc_id, text in (("a", ARTICLE), ("b", other), ("c", other))]
    mentions = extract.extract_mentions(docs)
    log: list[str] = []
    first, keys = flow._claims_with_cache(docs[:2], mentions[:2], tmp_path, log.append)
    assert first == compare.build_claims(docs[:2], mentions[:2]) and any(c.kind == "number" for c in first)
    again, keys_again = flow._claims_with_cache(docs, mentions, tmp_path, log.append)
    assert plain_claims_task == [["a", "b"], ["c"]] and log[-1] == "claims: 2 documents from cache, 1 to read"
    assert again == compare.build_claims(docs, mentions)  # read against the corpus again: the same claims
    assert keys_again["a"] == keys["a"] and keys_again["b"] != keys_again["c"]  # "b" and "c": one text, two ids


def test_cleaning_shared_with_a_worker_process_equals_one_process(monkeypatch):
    """With the start-up cost at nothing a share goes out: the worker's results (pickled back)
    equal this process's, failures included."""
    import subprocess

    from pipeline import workers

    monkeypatch.setattr(flow, "CLEAN_WORKER_START_CHARS", 0)
    worked: list[int] = []
    real_run = subprocess.run

    def run_and_note(*args, **kwargs):
        done = real_run(*args, **kwargs)
        worked.append(done.returncode)
        return done

    monkeypatch.setattr(workers.subprocess, "run", run_and_note)
    other = ARTICLE.replace("12%", "15%").replace("Monday", "Tuesday")
    raws = [_raw("a", ARTICLE), _raw("b", "Menu\nHome\n"), _raw("c", other), _raw("d", other)]
    alone = flow.clean_task.fn(raws, None, 1)
    shared = flow.clean_task.fn(raws, None, 2)
    assert shared == alone and isinstance(shared[1], flow.Failure) and shared[1].status == "skipped"
    assert worked == [0]  # one worker, which did not fall back


def test_pair_score_cache_keeps_one_version_and_shrugs_off_a_damaged_file(tmp_path):
    import numpy as np

    from pipeline.compare import PairScores
    from pipeline.stage_cache import PairScoreCache

    cache = PairScoreCache(tmp_path / "pairs")
    assert len(cache.load("v1")) == 0
    scores = PairScores.joined([(np.array([b"k" * 16, b"a" * 16], dtype="S16"), np.array([0.5, np.nan]))])
    cache.store("v1", scores)
    again = cache.load("v1")
    assert again.keys.tolist() == [b"a" * 16, b"k" * 16] and np.isnan(again.values[0]) and again.values[1] == 0.5
    assert len(cache.load("v2")) == 0
    known, values = again.lookup(np.array([b"k" * 16, b"z" * 16], dtype="S16"))
    assert known.tolist() == [True, False] and values[0] == 0.5 and np.isnan(values[1])
    cache.path.write_bytes(b"PK\x03\x04 not a zip file")
    assert len(cache.load("v1")) == 0


def test_a_stage_fingerprint_follows_its_imports_and_the_data_it_names(tmp_path, monkeypatch):
    from pipeline import stage_cache

    package = tmp_path / "pipeline"
    (package / "stage").mkdir(parents=True)
    (package / "data").mkdir()
    (package / "stage" / "__init__.py").write_text("from pipeline.helper import rules\n")
    (package / "helper.py").write_text("RULES = 'rules.toml'\n")
    (package / "other.py").write_text("MODEL = 'model.json'\n")
    (package / "data" / "rules.toml").write_text("a = 1\n")
    (package / "data" / "model.json").write_text("{}\n")
    monkeypatch.setattr(stage_cache, "PACKAGE_DIR", package)
    monkeypatch.setattr(stage_cache, "DATA_DIR", package / "data")

    def fingerprint() -> str:
        stage_cache.fingerprint.cache_clear()
        return stage_cache.fingerprint("pipeline.stage")

    assert [p.name for p in stage_cache.stage_sources("pipeline.stage")] == ["helper.py", "__init__.py"]
    first = fingerprint()
    (package / "data" / "model.json").write_text('{"refitted": true}\n')  # another stage's data
    (package / "other.py").write_text("MODEL = 'model.json'  # edited\n")  # a module it does not import
    assert fingerprint() == first
    (package / "data" / "rules.toml").write_text("a = 2\n")
    second = fingerprint()
    assert second != first
    (package / "helper.py").write_text("RULES = 'rules.toml'  # edited\n")
    assert fingerprint() != second
    stage_cache.fingerprint.cache_clear()


@given(st.lists(st.tuples(st.binary(min_size=16, max_size=16), st.floats(allow_nan=True, allow_infinity=False)),
                max_size=40),
       st.lists(st.binary(min_size=16, max_size=16), max_size=20), st.binary(min_size=8, max_size=8))
def test_pair_scores_look_up_as_a_dict_does(stored, asked, prefix):
    """Keys are searched as numbers; keys sharing their first eight bytes (made here on purpose)
    and keys ending in zero bytes are still told apart."""
    import numpy as np

    from pipeline.compare import PairScores

    stored = stored + [(prefix + k[8:], v) for k, v in stored[:5]] + [(prefix + bytes(8), 1.5)]
    asked = asked + [k for k, _ in stored[::2]] + [prefix + bytes(8), prefix + b"\x01" + bytes(7)]
    reference: dict[bytes, float] = {}
    for k, v in stored:
        reference.setdefault(k, v)
    scores = PairScores.joined([(np.array([k for k, _ in stored], dtype="S16"), np.array([v for _, v in stored]))])
    assert len(scores) == len(reference)
    known, values = scores.lookup(np.array(asked, dtype="S16"))
    for key, was_known, value in zip(asked, known.tolist(), values.tolist(), strict=True):
        assert was_known == (key in reference)
        if was_known and not np.isnan(reference[key]):
            assert value == reference[key]


def test_extraction_shared_with_a_fork_equals_one_process(shared_dir, monkeypatch):
    """The seeds (about 8,000 words: above the two-process floor) read in two processes, one a
    fork of this one: the same mentions as in one process, and the fork did read a share."""
    from pipeline import clean, extract, ingest, workers

    raws = [ingest.read_document(p.name, p.read_bytes(), doc_id=p.stem[:12])
            for p in sorted((shared_dir / "seeds").iterdir()) if p.is_file()]
    docs = [clean.clean_document(raw) for raw in raws]
    assert sum(d.words_clean for d in docs) >= extract.MULTIPROCESS_MIN_WORDS
    forks: list[int] = []
    real_forked = workers._forked_results

    def note_a_fork(process, receive):
        results = real_forked(process, receive)
        forks.append(len(results) if results is not None else -1)
        return results

    monkeypatch.setattr(workers, "_forked_results", note_a_fork)
    shared = extract.extract_mentions(docs, n_process=2)
    assert len(forks) == 1 and forks[0] > 0, "no share was read in a fork"
    assert shared == extract.extract_mentions(docs, n_process=1)
