"""A Ctrl-C that is never lost.

Python turns SIGINT into a KeyboardInterrupt raised wherever the main thread happens to be. Raised
inside a finalizer (a WeasyPrint font object collected mid-report, say) or inside a library that
catches everything, it is printed as "Exception ignored" or swallowed, and the run goes on to exit 0
as if nobody had asked it to stop. While ``noticed()`` holds, the handler also records the request,
so the flow can honour it at its next stage boundary (``raise_if_requested``: nothing is published
after a Ctrl-C) and the command line can tell a run that was asked to stop from one that was not.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

_requested = threading.Event()


def _record_and_raise(signum: int, frame: object) -> None:
    _requested.set()
    raise KeyboardInterrupt


@contextlib.contextmanager
def noticed() -> Iterator[None]:
    """SIGINT recorded as well as raised while this holds. Only the main thread can set handlers,
    and a SIGINT that is ignored (a run started in the background) or handled by the caller is left
    as it was."""
    _requested.clear()
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    signal.signal(signal.SIGINT, _record_and_raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def requested() -> bool:
    """Whether a Ctrl-C came since ``noticed()`` began, even one whose KeyboardInterrupt was lost."""
    return _requested.is_set()


def raise_if_requested() -> None:
    """KeyboardInterrupt again if a Ctrl-C came and its first one was lost on the way."""
    if _requested.is_set():
        raise KeyboardInterrupt
