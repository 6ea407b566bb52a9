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
it back at once. The wait is bounded, in the window's own time: once the window's thread
has had :data:`WAIT_S` of CPU since the worker began to wait (the open's longest turns
are 14-26 ms of CPU), or when it is neither running nor ready to run (blocked outside its
event loop: a test's polling, a join on quitting), or after :data:`LONGEST_S` at most, the
worker runs :data:`RUN_S` before it heeds the window again — a window that never goes
idle slows a worker, never starves it. Counted in wall time, the bound let the workers in
in the middle of a turn whenever a loaded machine stretched it (a turn of 25 ms of CPU
took 135-200 ms at load 7, the first check ran 30-40 ms of it).

No Qt here: the window's thread says busy/free (drafting_app.gui.common.step_aside), the
core's loops only call :func:`checkpoint`, which costs nothing on a thread that did not
opt in (the command line, the window's own checks).
"""

from __future__ import annotations

import builtins
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

# A worker waits at one checkpoint until the window's thread has had this much CPU (or
# LONGEST_S has passed); it then runs RUN_S before it waits again. The open's longest
# turns are 14-21 ms of CPU, 22-26 ms at `drafting-app FILE` (a probe at 20 ms found the
# warm-up's imports running 10-16 ms in them).
WAIT_S = 0.030
RUN_S = 0.010
LONGEST_S = 0.250
# While it waits it looks at the window's thread this often; running or ready to run for
# less than IDLE_SHARE of that time, the window is blocked (not in a turn): no wait.
POLL_S = 0.004
IDLE_SHARE = 0.25

_free = threading.Event()
_free.set()
_worker = threading.local()  # on each thread: whether it steps aside, until when it runs


class _Clock:
    """The window thread's time: (running, running or ready to run), in seconds — from
    /proc/self/task/TID/schedstat on Linux, else its CPU clock (ready not known)."""

    def __init__(self) -> None:
        self.ident = threading.get_ident()
        self._path: str | None = f"/proc/self/task/{threading.get_native_id()}/schedstat"
        try:
            self._cpu: int | None = time.pthread_getcpuclockid(self.ident)
        except (AttributeError, OSError):  # not on this platform
            self._cpu = None

    @property
    def known(self) -> bool:
        return self._path is not None or self._cpu is not None

    def read(self) -> tuple[float, float]:
        if self._path is not None:
            try:
                with open(self._path, "rb") as f:
                    run, ready = f.read().split()[:2]
                return int(run) / 1e9, (int(run) + int(ready)) / 1e9
            except (OSError, ValueError):
                self._path = None
        if self._cpu is not None:
            cpu = time.clock_gettime(self._cpu)
            return cpu, cpu
        return 0.0, 0.0


_window: _Clock | None = None


def window_busy() -> None:
    """The window's thread has a turn to run (its event loop woke)."""
    global _window
    if _window is None or _window.ident != threading.get_ident():
        _window = _Clock()
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
            # Its first piece too (the first check's imports: 30 ms of unmarshalling with
            # the lock held when the warm-up has not imported them yet) begins between
            # two turns of the window, not in the one that started it.
            checkpoint()
            return work(*args, **kwargs)

    return run


def checkpoint() -> None:
    """Between two pieces of a worker's work: wait while the window runs a turn (bounded
    as the module says, then run :data:`RUN_S` without waiting). Free outside
    :func:`stepping_aside` and while the window waits for events."""
    if _free.is_set() or not getattr(_worker, "on", False):
        return
    now = time.monotonic()
    if now < _worker.runs_until:
        return  # its turn to run after a wait that ran out
    clock = _window
    if clock is None or not clock.known:
        if not _free.wait(WAIT_S):
            _worker.runs_until = time.monotonic() + RUN_S
        return
    started, seen = clock.read()
    end = now + LONGEST_S
    while not _free.wait(POLL_S):
        running, active = clock.read()
        if (
            running - started >= WAIT_S
            or active - seen < IDLE_SHARE * POLL_S
            or time.monotonic() >= end
        ):
            _worker.runs_until = time.monotonic() + RUN_S
            return
        seen = active


_real_import = builtins.__import__


def _import(name: str, *args: Any, **kwargs: Any) -> Any:
    """``__import__`` with a checkpoint first on a thread stepping aside when the module
    is not loaded yet. ``importlib.import_module`` of a warm-up loads one module, but the
    ``import`` statements of its body come here: one import of the preview's exporter
    pulls in jinja2's dozens of modules, each unmarshalled with the interpreter lock held
    (60 ms in all), and with a checkpoint only before the top-level module they ran through
    the window's turns at `drafting-app FILE`. Called here, unlike in a finder on
    ``sys.meta_path``, no import lock is held."""
    if getattr(_worker, "on", False) and name not in sys.modules:
        checkpoint()
    return _real_import(name, *args, **kwargs)


def pause_between_imports() -> None:
    """Every module a thread stepping aside imports begins at a checkpoint (once; the
    other threads' ``import`` statements pay one Python call, ~0.3 µs)."""
    if builtins.__import__ is not _import:
        builtins.__import__ = _import
