"""A stage's per-item work shared between this process and worker processes.

A stage that runs in the flow's one process uses one core of the machine (cleaning and laying out
the report share their items with this helper; reading claims measured slower shared, see
``flow.claims_task``). ``shared_map`` gives a share of the items to each of ``workers - 1``
worker processes (``python -m pipeline.workers``: a fresh interpreter, so no fork of the flow's
threads and no import of the caller's main script; the function and its items go in pickled on
stdin, the results come back pickled on stdout) while this process works through its own share.
The function must be importable by its module's name (a module-level function, or a
``functools.partial`` of one). A worker costs a start-up (the interpreter and the function's
module), given in the items' own cost unit: its share is that much lighter, and below three
start-ups' worth everything stays here. A worker that fails or cannot start leaves its share to
this process; what the function raises for an item is the caller's to catch inside the function.

``forked_shares`` is for work whose set-up is what costs (a loaded spaCy model: 3.5 s to load in a
fresh interpreter): its workers are forks of this process, sharing what it has loaded, and each
runs a whole share in one call (``nlp.pipe`` over a list).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

WORKER_TIMEOUT_S = 1_800
# Below this many start-ups' worth of work the items are done here: a worker would not repay itself.
MIN_STARTS_OF_WORK = 3


def shared_map(function: Callable[[T], R], items: Sequence[T], *, cost: Callable[[T], int], workers: int,
               start_cost: int) -> list[R]:
    """``[function(item) for item in items]``, with the items shared out by ``cost`` between this
    process and up to ``workers - 1`` worker processes, each worker's share lighter by
    ``start_cost``."""
    sizes = {i: cost(item) for i, item in enumerate(items)}
    if workers <= 1 or len(items) < 2 or sum(sizes.values()) < MIN_STARTS_OF_WORK * start_cost:
        return [function(item) for item in items]
    shares = balanced_bins(sizes, workers, start_cost)
    done: dict[int, R] = {}

    def run(share: list[int]) -> dict[int, R]:
        chosen = [items[i] for i in share]
        try:
            job = pickle.dumps((function, chosen))
            result = subprocess.run([sys.executable, "-m", __name__], input=job, capture_output=True,
                                    timeout=WORKER_TIMEOUT_S, check=True)
            return dict(zip(share, pickle.loads(result.stdout), strict=True))
        except (OSError, subprocess.SubprocessError, pickle.PicklingError, pickle.UnpicklingError, AttributeError,
                TypeError, EOFError, ValueError):
            return {i: function(item) for i, item in zip(share, chosen, strict=True)}

    if len(shares) == 1:  # too little for a worker to take a share after its start-up
        return [function(item) for item in items]
    with concurrent.futures.ThreadPoolExecutor(len(shares) - 1) as threads:
        elsewhere = threads.map(run, shares[1:])
        done.update((i, function(items[i])) for i in shares[0])  # this process takes a share too
        for result in elsewhere:
            done.update(result)
    return [done[i] for i in range(len(items))]


def forked_shares(function: Callable[[list[T], bool], list[R]], items: Sequence[T], *, cost: Callable[[T], int],
                  workers: int) -> list[R]:
    """``function(items, True)`` computed in shares: this process runs ``function(share, True)`` on
    its own share while each of up to ``workers - 1`` forked processes runs ``function(share,
    False)`` on another (the flag says whether this is the flow's process, where progress may be
    logged). Results come back in the items' order. A fork that fails (raises, is killed, runs past
    ``WORKER_TIMEOUT_S``) leaves its share to this process; what ``function`` raises here is the
    caller's. The caller makes sure no thread of its own is mid-import when it calls (a fork copies
    held locks)."""
    items = list(items)
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    shares = balanced_bins({i: cost(item) for i, item in enumerate(items)}, max(1, workers)) if items else []
    if len(shares) <= 1 or not can_fork:
        return list(function(items, True))
    context = multiprocessing.get_context("fork")
    forks = []
    try:
        with _interrupts_held():
            for share in shares[1:]:
                receive, send = context.Pipe(duplex=False)
                process = context.Process(target=_run_forked, args=(function, [items[i] for i in share], send),
                                          daemon=True)
                process.start()
                send.close()  # the child holds its end: end of file here when it exits
                forks.append((share, process, receive))
        done = dict(zip(shares[0], function([items[i] for i in shares[0]], True), strict=True))
    except BaseException:
        for _, process, receive in forks:
            _stop(process, receive)  # the caller gets the error; no fork is left parsing for nobody
        raise
    for share, process, receive in forks:
        results = _forked_results(process, receive)
        if results is None or len(results) != len(share):
            results = function([items[i] for i in share], True)
        done.update(zip(share, results, strict=True))
    return [done[i] for i in range(len(items))]


# Signals a terminal or a supervisor sends to stop a run.
_STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


# The stop signals' handlers from before the main thread's hold, for a fork to take back (a fork
# starts inside the hold, with the deferring handlers).
_HANDLERS_BEFORE_HOLD: dict[int, object] = {}


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C held while forking: one that lands mid-fork would raise inside the libraries' fork
    hooks (a traceback printed on the way out, a fork left unrecorded); held, it is raised here
    when the forks are started and recorded, and the caller stops them. Blocking the signal holds
    it only for this thread (another thread of the process, a model's or a server's, may take it),
    so in the main thread, where Python runs handlers, the handlers also defer it."""
    pending: list[int] = []
    originals = {}
    if threading.current_thread() is threading.main_thread():
        originals = {sig: signal.signal(sig, lambda signum, _frame: pending.append(signum))
                     for sig in sorted(_STOP_SIGNALS)}
        _HANDLERS_BEFORE_HOLD.update(originals)
    masked = hasattr(signal, "pthread_sigmask")
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS) if masked else None
    try:
        yield
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)  # a signal held by the mask is taken now
        for sig, handler in originals.items():
            signal.signal(sig, handler)
            _HANDLERS_BEFORE_HOLD.pop(sig, None)
        for sig in dict.fromkeys(pending):
            signal.raise_signal(sig)  # as if it came now: the handler from before the hold takes it


def _run_forked(function: Callable[[list[T], bool], list[R]], share: list[T], send) -> None:
    """In a forked process: the share's results sent back pickled, or None if ``function`` raised.
    (The fork starts inside the parent's hold of the stop signals: it takes them again.)"""
    for sig, handler in _HANDLERS_BEFORE_HOLD.items():
        signal.signal(sig, handler)  # type: ignore[arg-type]
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    try:
        results = function(share, False)
    except BaseException:
        results = None
    send.send_bytes(pickle.dumps(results))
    send.close()


def _forked_results(process, receive) -> list | None:
    """What a forked process sent, or None when it failed, died or took too long (then it is
    stopped)."""
    try:
        if receive.poll(WORKER_TIMEOUT_S):
            return pickle.loads(receive.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError):
        pass
    finally:
        process.join(timeout=5)  # it has sent, or failed: give it a moment to exit on its own
        _stop(process, receive)
    return None


def _stop(process, receive) -> None:
    """Close our end of the fork's pipe; kill the fork if it is still running; reap it."""
    receive.close()
    if process.is_alive():
        process.kill()
    process.join()


# Linux's prctl option that sends the calling process a signal when its parent dies.
_PR_SET_PDEATHSIG = 1


def sigterm_when_parent_dies() -> bool:
    """Ask Linux to send this process SIGTERM when its parent dies (PR_SET_PDEATHSIG); False where
    that cannot be asked (not Linux)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return False
    return True


def die_with_parent(parent_pid: int) -> None:
    """Called first thing in a child that runs long on its own (the scale benchmark's model passes):
    it ends when the process that started it dies, however that dies (a kill, a timeout), and at
    once if that happened before this call. Where Linux's request is not there it runs to its end."""
    if sigterm_when_parent_dies() and os.getppid() != parent_pid:
        sys.exit(1)  # the parent was gone before the request took hold


def balanced_bins(sizes: dict[int, int], bins: int, head_start: int = 0) -> list[list[int]]:
    """Items split into ``bins`` lists of about equal total size (largest first, each to the
    lightest list so far); every list but the first starts ``head_start`` heavier (a worker's
    start-up, where the first list is this process's). Each list keeps its items in order."""
    loads = [[0 if k == 0 else head_start, []] for k in range(bins)]
    for item in sorted(sizes, key=lambda i: (-sizes[i], i)):
        lightest = min(loads, key=lambda load: load[0])
        lightest[0] += sizes[item]
        lightest[1].append(item)
    return [sorted(items) for _, items in loads if items]


def _worker_main() -> None:
    """A worker: a pickled (function, items) on stdin, the pickled results on stdout."""
    function, items = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps([function(item) for item in items]))


if __name__ == "__main__":
    _worker_main()
