"""workers.shared_map: a stage's items shared between this process and worker processes."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import workers


def tagged(item: int, *, offset: int) -> tuple[int, int]:
    """The item plus ``offset``, and the process that computed it."""
    return item + offset, os.getpid()


def test_results_come_back_in_order_and_a_worker_takes_a_share(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent))  # so a worker imports this module's function
    out = workers.shared_map(functools.partial(tagged, offset=100), list(range(40)), cost=lambda _: 1,
                             workers=2, start_cost=1)
    assert [value for value, _ in out] == list(range(100, 140))
    assert {pid for _, pid in out} - {os.getpid()}, "no item was computed in a worker"


def test_too_little_work_or_one_worker_stays_here(monkeypatch):
    monkeypatch.setattr(workers.subprocess, "run", lambda *a, **k: pytest.fail("a worker was started"))
    for many, n_workers, start in ((40, 2, 20), (40, 1, 0), (1, 2, 0)):
        out = workers.shared_map(functools.partial(tagged, offset=0), list(range(many)), cost=lambda _: 1,
                                 workers=n_workers, start_cost=start)
        assert [v for v, _ in out] == list(range(many)) and {pid for _, pid in out} == {os.getpid()}


def test_a_worker_that_cannot_start_leaves_its_share_here(monkeypatch):
    monkeypatch.setattr(workers.sys, "executable", "/nonexistent/python")
    out = workers.shared_map(functools.partial(tagged, offset=1), list(range(10)), cost=lambda _: 1,
                             workers=2, start_cost=0)
    assert out == [(i + 1, os.getpid()) for i in range(10)]


def test_a_function_no_worker_can_import_is_run_here():
    """A lambda does not pickle: its share is computed here, with the same results."""
    out = workers.shared_map(lambda i: i * 2, list(range(10)), cost=lambda _: 1, workers=2, start_cost=0)
    assert out == [i * 2 for i in range(10)]


def test_an_error_of_the_function_reaches_the_caller():
    with pytest.raises(ZeroDivisionError):
        workers.shared_map(functools.partial(divmod, 1), [1, 0, 2, 3], cost=lambda _: 1, workers=2, start_cost=0)


def test_bins_balance_the_cost_and_a_worker_start_weighs_on_its_bin():
    assert workers.balanced_bins({0: 10, 1: 6, 2: 5, 3: 1}, 2) == [[0, 3], [1, 2]]
    # A worker's start-up counts against its share: this process takes more.
    assert workers.balanced_bins({0: 10, 1: 6, 2: 5, 3: 1}, 2, head_start=12) == [[0, 1, 3], [2]]


# ---------------------------------------------------------------- forked_shares

LOADED = {"model": None}  # what a share's set-up loaded before the fork (the forks share it)


def share_tagged(items: list[int], here: bool) -> list[tuple[int, int, bool, object]]:
    """Each item squared, the process, whether the call was the flow's process's, and what the
    process found loaded."""
    return [(item * item, os.getpid(), here, LOADED["model"]) for item in items]


def test_forked_shares_come_back_in_order_and_a_fork_shares_what_was_loaded():
    LOADED["model"] = "loaded before the fork"  # set after import: a fork sees it, a fresh interpreter would not
    try:
        out = workers.forked_shares(share_tagged, list(range(30)), cost=lambda i: 1 + i % 3, workers=2)
    finally:
        LOADED["model"] = None
    assert [value for value, *_ in out] == [i * i for i in range(30)]
    elsewhere = [(pid, here) for _, pid, here, _ in out if pid != os.getpid()]
    assert elsewhere and not any(here for _, here in elsewhere), "no share was forked, or a fork was told it is here"
    assert all(here for _, pid, here, _ in out if pid == os.getpid())
    assert {loaded for *_, loaded in out} == {"loaded before the fork"}


def dies_elsewhere(items: list[int], here: bool) -> list[tuple[int, int]]:
    if not here:
        os._exit(3)  # killed, as by the kernel's out-of-memory killer: no result, no exception
    return [(item, os.getpid()) for item in items]


def raises_elsewhere(items: list[int], here: bool) -> list[tuple[int, int]]:
    if not here:
        raise MemoryError("the fork ran out")
    return [(item, os.getpid()) for item in items]


@pytest.mark.parametrize("function", [dies_elsewhere, raises_elsewhere])
def test_a_fork_that_dies_or_raises_leaves_its_share_here(function):
    out = workers.forked_shares(function, list(range(12)), cost=lambda _: 1, workers=3)
    assert out == [(i, os.getpid()) for i in range(12)]


def test_one_worker_or_one_item_does_not_fork(monkeypatch):
    monkeypatch.setattr(workers.multiprocessing, "get_context", lambda *_: pytest.fail("a process was forked"))
    for items, n_workers in ((list(range(8)), 1), ([5], 2), ([], 2)):
        out = workers.forked_shares(share_tagged, items, cost=lambda _: 1, workers=n_workers)
        assert [v for v, *_ in out] == [i * i for i in items]


def fails_here_waits_elsewhere(items: list[int], here: bool) -> list[int]:
    if here:
        raise ValueError("this process's share failed")
    import time

    time.sleep(60)
    return items


def test_a_failure_here_stops_the_forks_and_reaches_the_caller():
    import multiprocessing
    import time

    started = time.monotonic()
    with pytest.raises(ValueError, match="share failed"):
        workers.forked_shares(fails_here_waits_elsewhere, list(range(6)), cost=lambda _: 1, workers=2)
    assert not multiprocessing.active_children() and time.monotonic() - started < 30


def stop_signals_of_this_process(items: list[int], here: bool) -> list[tuple[bool, bool]]:
    """Whether SIGINT and SIGTERM are held in the process that runs the share."""
    import signal

    held = signal.pthread_sigmask(signal.SIG_BLOCK, set())
    return [(signal.SIGINT in held, signal.SIGTERM in held) for _ in items]


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"), reason="POSIX signal masks")
def test_a_ctrl_c_while_forking_is_raised_after_the_forks_are_recorded_and_the_forks_take_it_again():
    """A Ctrl-C that lands while the forks start is held (it would raise inside the libraries' fork
    hooks) and raised once they are started and recorded, so the caller can stop them; a fork does
    not keep the hold: it can be interrupted as before. (Python's own Ctrl-C handler is put in place
    first: a suite started in the background of a shell inherits Ctrl-C ignored, and the hold then
    rightly raises nothing.)"""
    import signal

    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt), workers._interrupts_held():
            os.kill(os.getpid(), signal.SIGINT)
            held_inside = True  # still here: the interrupt waits for the end of the block
    finally:
        signal.signal(signal.SIGINT, before)
    assert held_inside
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    out = workers.forked_shares(stop_signals_of_this_process, list(range(8)), cost=lambda _: 1, workers=2)
    assert out == [(False, False)] * 8


def test_a_ctrl_c_is_held_whichever_thread_of_the_process_takes_it():
    """Blocking a signal holds it for one thread only: with other threads alive (a model's, a
    server's) the kernel may hand a process's Ctrl-C to one of them, and the main thread ran its
    handler mid-fork anyway (about one time in 200 here). The hold also defers the handler."""
    import signal
    import threading
    import time

    stop = threading.Event()
    busy = [threading.Thread(target=lambda: [time.sleep(0.0001) for _ in iter(stop.is_set, True)], daemon=True)
            for _ in range(4)]
    for thread in busy:
        thread.start()
    inside = False
    taken_inside = []
    before = signal.signal(signal.SIGINT, lambda *_: taken_inside.append(inside))
    try:
        for _ in range(200):
            with workers._interrupts_held():
                inside = True
                os.kill(os.getpid(), signal.SIGINT)
                for _ in range(1000):
                    pass
                inside = False
        time.sleep(0.2)  # a signal the kernel handed late to a sleeping thread lands here
    finally:
        stop.set()
        signal.signal(signal.SIGINT, before)
    assert taken_inside and not any(taken_inside), taken_inside.count(True)


def _running(pid: int) -> bool:
    """The process exists and is no zombie (a container's first process may never reap one)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_child_that_asks_to_die_with_its_parent_ends_when_the_parent_is_killed(tmp_path):
    """The scale benchmark's model passes run minutes in a child of their own: a killed benchmark
    must not leave them running."""
    ready = tmp_path / "ready"
    child = ("import pathlib, sys, time; from pipeline.workers import die_with_parent; "
             "die_with_parent(int(sys.argv[1])); pathlib.Path(sys.argv[2]).write_text('x'); time.sleep(120)")
    parent = subprocess.Popen(
        [sys.executable, "-c", "import os, subprocess, sys, time; "
         f"p = subprocess.Popen([sys.executable, '-c', {child!r}, str(os.getpid()), {str(ready)!r}]); "
         "print(p.pid, flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE, text=True)
    child_pid = int(parent.stdout.readline())
    deadline = time.monotonic() + 60
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ready.exists() and _running(child_pid)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 20
    while _running(child_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child_pid)
