"""Workers that step aside while the window has a turn to run (issue 21 §6).

Opening a long draft, two workers run beside the window: the preview's render and the
draft's first check. Both are pure Python, so they share the interpreter lock with the
window's thread; each Qt call of the window lets go of the lock, and getting it back from
a busy worker cost up to a switch interval — dozens of times per turn, so a turn of 15-20
ms of the window's own work stalled it 40-60 ms.

Here a worker that opted in (:func:`stepping_aside`) calls :func:`checkpoint` between
pieces of its work (a paragraph judged, a slice of the preview made). While the window
says it is running a turn (:func:`window_busy`, until :func:`window_free` when it is about
to wait for events), the checkpoint waits, with the lock let go, so the window's calls get
it back at once. The wait is bounded: after waiting :data:`WAIT_S` the worker runs
:data:`RUN_S` before it heeds the window again, so a window that never goes idle (or
blocks outside its event loop: a test's polling, a join on quitting) slows a worker by
half at most and never starves it.

No Qt here: the window's thread says busy/free (drafting_app.gui.common.step_aside), the
core's loops only call :func:`checkpoint`, which costs nothing on a thread that did not
opt in (the command line, the window's own checks).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

# Longest wait at one checkpoint; then the worker runs this long before it waits again.
WAIT_S = 0.010
RUN_S = 0.010

_free = threading.Event()
_free.set()
_worker = threading.local()  # on each thread: whether it steps aside, until when it runs


def window_busy() -> None:
    """The window's thread has a turn to run (its event loop woke)."""
    _free.clear()


def window_free() -> None:
    """The window's thread is about to wait for events (or is gone): workers run."""
    _free.set()


def is_window_free() -> bool:
    return _free.is_set()


@contextmanager
def stepping_aside() -> Iterator[None]:
    """Within the block, this thread's :func:`checkpoint` calls wait for the window."""
    before = getattr(_worker, "on", False)
    _worker.on = True
    _worker.runs_until = 0.0
    try:
        yield
    finally:
        _worker.on = before


def aside(work: Callable[P, R]) -> Callable[P, R]:
    """``work`` run :func:`stepping_aside` (a worker thread's target)."""

    @wraps(work)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with stepping_aside():
            return work(*args, **kwargs)

    return run


def checkpoint() -> None:
    """Between two pieces of a worker's work: wait while the window runs a turn (at most
    :data:`WAIT_S`, then run :data:`RUN_S` without waiting). Free outside
    :func:`stepping_aside` and while the window waits for events."""
    if _free.is_set() or not getattr(_worker, "on", False):
        return
    now = time.monotonic()
    if now < _worker.runs_until:
        return  # its turn to run after a wait that timed out
    if not _free.wait(WAIT_S):
        _worker.runs_until = time.monotonic() + RUN_S
