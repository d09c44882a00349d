"""What an operator sees in Prefect: run names, final states, the scheduled example."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from pipeline import flow

REPO = flow.PROJECT_ROOT


def test_a_run_with_failed_documents_is_not_a_plain_success():
    ok = flow.RunSummary(3, 3, ())
    assert ok.outcome() == ("Completed", "")
    failed = flow.RunSummary(4, 3, (flow.Failure("001_bad", "error", "binary file", "bad.txt"),))
    name, message = failed.outcome()
    assert name == "Completed with failures" and "1 of 4 documents" in message
    no_report = flow.RunSummary(3, 3, (), report_error="WeasyPrint: out of memory")
    assert no_report.outcome()[0] == "Completed with failures" and "no report" in no_report.outcome()[1]
    assert flow.RunSummary(0, 0, (), reason="no input files").outcome() == ("Nothing processed", "no input files")
    assert flow.RunSummary(0, 0, (), reason="overlaps", refused=True).outcome()[0] == "Refused"


def _example():
    spec = importlib.util.spec_from_file_location("serve_daily", REPO / "examples" / "serve_daily.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_serve_example_builds_a_daily_deployment_the_flow_accepts(tmp_path):
    deployment = _example().daily_deployment(tmp_path / "story" / "raw", tmp_path / "out")
    assert deployment.name == "newscompare-raw-daily"
    assert [s.schedule.cron for s in deployment.schedules] == ["0 6 * * *"]
    assert deployment.parameters["processed_dir"] == str(tmp_path / "out" / "processed")
    validated = flow.run_pipeline.validate_parameters(deployment.parameters)  # raises on a bad parameter
    assert validated["reports_dir"] == str(tmp_path / "out" / "reports")


def test_the_serve_example_explains_its_arguments():
    done = subprocess.run([sys.executable, str(REPO / "examples" / "serve_daily.py")], capture_output=True,
                          text=True, cwd=REPO, timeout=120)
    assert done.returncode == 1 and done.stderr.strip().startswith("usage:")
