"""A Ctrl-C is never lost: one whose KeyboardInterrupt is swallowed (raised inside a finalizer, which
Python prints as "Exception ignored" and drops) is still seen, and raised again at the flow's next
stage boundary. The whole run stopped by Ctrl-C is tested in test_hostile_inputs."""

from __future__ import annotations

import gc
import signal

import pytest

from pipeline import cli, interrupts


@pytest.fixture
def default_ctrl_c():
    """SIGINT handled as a fresh interpreter handles it, whatever the test runner set."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


class _CollectedDuringCtrlC:
    def __del__(self):
        signal.raise_signal(signal.SIGINT)  # the Ctrl-C lands while the collector runs this


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the finalizer's, on purpose
def test_a_ctrl_c_lost_in_a_finalizer_is_raised_again(default_ctrl_c):
    with interrupts.noticed():
        _CollectedDuringCtrlC()
        gc.collect()
        assert interrupts.requested()  # the KeyboardInterrupt itself went nowhere
        with pytest.raises(KeyboardInterrupt):
            interrupts.raise_if_requested()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_without_a_ctrl_c_nothing_is_raised_and_each_run_starts_clear(default_ctrl_c):
    with interrupts.noticed(), pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
    with interrupts.noticed():
        assert not interrupts.requested()
        interrupts.raise_if_requested()


def test_an_ignored_ctrl_c_stays_ignored():
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a run started in the background
    try:
        with interrupts.noticed():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            signal.raise_signal(signal.SIGINT)
            assert not interrupts.requested()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_run_whose_ctrl_c_a_library_lost_stops_before_publishing_with_exit_130(
        default_ctrl_c, small_story, prefect_api_url, tmp_path, monkeypatch, capsys):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from pipeline import flow

    compare_stage = flow._compare_stage

    def compare_while_ctrl_c_comes(*args, **kwargs):
        _CollectedDuringCtrlC()
        gc.collect()
        return compare_stage(*args, **kwargs)

    monkeypatch.setattr(flow, "_compare_stage", compare_while_ctrl_c_comes)
    with temporary_settings({PREFECT_API_URL: prefect_api_url}):
        code = cli.main(["run", "--raw", str(small_story), "--processed", str(tmp_path / "p"),
                         "--reports", str(tmp_path / "r")])
    assert code == cli.EXIT_INTERRUPTED
    assert "interrupted: the run was stopped" in capsys.readouterr().err
    assert not (tmp_path / "p" / "findings.csv").exists() and not (tmp_path / "r" / "report.pdf").exists()
