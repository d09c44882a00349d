"""The flow on a Dask cluster (prefect-dask): the same CSVs as a local run; a failed batch is
recorded per document. The cluster test mirrors the multi-machine setup of the README: one
Prefect server (conftest's), its URL shared by the flow and every worker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import flow

REPO = Path(__file__).resolve().parents[1]
RUN = """
import sys
from pipeline import flow
raw, out, cache, address = sys.argv[1:5]
flow.DASK_BATCH_DOCUMENTS = 2  # several batches even for three documents
params = dict(raw_dir=raw, processed_dir=out + "/processed", reports_dir=out + "/reports", cache_dir=cache)
summary = flow.run_on_dask(address, **params) if address else flow.run_pipeline(**params)
sys.exit(0 if summary.ok == summary.documents and not summary.report_error else 1)
"""


class _FailingFuture:
    def result(self):
        raise RuntimeError("worker lost")


class _Future:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class _FakeTask:
    """What _in_batches needs of a Prefect task: a name, with_options and submit."""

    name = "clean"

    def with_options(self, **options):
        assert options == {"retries": flow.DASK_BATCH_RETRIES}
        return self

    def submit(self, batch, *args):
        return _FailingFuture() if "bad" in batch else _Future([f"done {item}" for item in batch])


def test_a_failed_batch_fails_its_documents_with_a_reason_and_the_others_go_on(monkeypatch):
    monkeypatch.setattr(flow, "DASK_BATCH_DOCUMENTS", 2)
    out = flow._in_batches(_FakeTask(), ["a", "b", "bad", "c", "d"], distributed=True,
                           failure=lambda item, why: flow.Failure(item, "error", why))
    assert out[:2] == ["done a", "done b"] and out[4] == "done d"
    assert [f.doc_id for f in out[2:4]] == ["bad", "c"]
    assert all(f.reason == "clean failed on the cluster: RuntimeError: worker lost" for f in out[2:4])


@pytest.mark.slow
def test_a_dask_cluster_with_two_workers_writes_the_same_csvs_as_a_local_run(tmp_path, monkeypatch, prefect_api_url,
                                                                              small_story):
    distributed = pytest.importorskip("distributed")
    raw = small_story
    monkeypatch.setenv("PREFECT_API_URL", prefect_api_url)  # the workers inherit it: one server for all
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_dask = subprocess.run([sys.executable, "-c", RUN, str(raw), str(tmp_path / "dask"),
                                  str(tmp_path / "cache-dask"), cluster.scheduler_address],
                                 cwd=REPO, capture_output=True, text=True, timeout=900)
    assert on_dask.returncode == 0, on_dask.stderr[-3000:]
    local = subprocess.run([sys.executable, "-c", RUN, str(raw), str(tmp_path / "local"),
                            str(tmp_path / "cache-local"), ""],  # no address: the local flow
                           cwd=REPO, capture_output=True, text=True, timeout=900)
    assert local.returncode == 0, local.stderr[-3000:]
    csvs = sorted(p.name for p in (tmp_path / "local" / "processed").glob("*.csv"))
    assert "findings.csv" in csvs and "entities.csv" in csvs
    for name in csvs:
        assert (tmp_path / "dask" / "processed" / name).read_bytes() == \
            (tmp_path / "local" / "processed" / name).read_bytes(), name
    assert (tmp_path / "dask" / "reports" / "report.pdf").stat().st_size > 10_000
