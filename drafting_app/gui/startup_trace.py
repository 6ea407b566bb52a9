"""The first paint of the main window: start-up work that can wait runs after it, and with
``DRAFTING_APP_TRACE_STARTUP=1`` (the start-up benchmark) the app prints
``first-paint <monotonic ns>``, then, once that deferred work is done, ``longest-stall-ms``
(the longest the event loop went without turning meanwhile: how long a click or a keystroke
could have waited) and ``peak-rss-kb <KiB>``, and quits.

CLOCK_MONOTONIC is shared by every process on the machine, so the benchmark compares that
stamp with the moment it started the process. The hook is an application-wide event filter
because the main window's own area is covered by its children: the first Paint event of any
widget in the window is the first thing the user sees.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_VAR = "DRAFTING_APP_TRACE_STARTUP"
Callback = Callable[[int], object]


class FirstPaint(QObject):
    """Calls its callbacks, in the order given, once ``window`` has first painted (on the
    next turn of the event loop, so the paint reaches the screen first)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.callbacks: list[Callback] = []
        self.painted_ns = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted_ns
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self.painted_ns = time.monotonic_ns()
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for callback in self.callbacks:
            callback(self.painted_ns)


def peak_rss_kb() -> int:
    """This process's peak resident memory in KiB: VmHWM, which starts afresh at exec (a
    parent's rusage would also count the moments before exec, as big as the parent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    import resource  # not on Windows; macOS counts bytes

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


class StallMeter(QObject):
    """The longest gap between turns of the event loop while it runs: a timer asks for a
    turn every few milliseconds and notes how late each one comes."""

    TICK_MS = 5

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now

    def stop(self) -> None:
        if self._timer.isActive():
            self._tick()  # the gap up to now counts too
            self._timer.stop()


def on_first_paint(app: QApplication, window: QWidget, callback: Callback) -> FirstPaint:
    """Run ``callback(painted_ns)`` after the first paint of ``window``."""
    hook = window.findChild(FirstPaint)
    if hook is None:
        hook = FirstPaint(window)
        app.installEventFilter(hook)
    hook.callbacks.append(callback)
    return hook


def trace_first_paint(
    app: QApplication,
    window: QWidget,
    done: Callable[[], object],
    out: TextIO | None = None,
    after: Callable[[Callable[[], object]], object] | None = None,
) -> FirstPaint | None:
    """When ``DRAFTING_APP_TRACE_STARTUP`` is set: print the first paint, then the peak
    memory and ``done()`` once the deferred work is over — the work registered before this
    and, with ``after``, what it waits for (``after(callback)`` calls back when the worker
    threads are idle). None when the variable is not set."""
    if os.environ.get(ENV_VAR, "") in ("", "0"):
        return None
    stream = out or sys.stdout
    stalls = StallMeter(window)

    def finish() -> None:
        stalls.stop()
        print(f"longest-stall-ms {stalls.longest_ms:.1f}", file=stream, flush=True)
        print(f"peak-rss-kb {peak_rss_kb()}", file=stream, flush=True)
        done()

    def trace(painted_ns: int) -> None:
        print(f"first-paint {painted_ns}", file=stream, flush=True)
        stalls.start()
        if after is None:
            finish()
        else:
            after(finish)

    return on_first_paint(app, window, trace)
