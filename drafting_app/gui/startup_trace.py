"""Start-up tracing for the benchmarks: with ``DRAFTING_APP_TRACE_STARTUP=1`` the app prints
``first-paint <monotonic ns>`` when the main window first paints, then quits.

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
from typing import TextIO

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_VAR = "DRAFTING_APP_TRACE_STARTUP"


class FirstPaintTrace(QObject):
    """Prints the first paint of ``window`` to ``out`` once, then calls ``done``."""

    def __init__(self, window: QWidget, done: Callable[[], object], out: TextIO) -> None:
        super().__init__(window)
        self._window = window
        self._done = done
        self._out = out
        self.painted_ns = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted_ns
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self.painted_ns = time.monotonic_ns()
            print(f"first-paint {self.painted_ns}", file=self._out, flush=True)
            QTimer.singleShot(0, self._done)
        return False


def trace_first_paint(
    app: QApplication, window: QWidget, done: Callable[[], object], out: TextIO | None = None
) -> FirstPaintTrace | None:
    """Install the trace when ``DRAFTING_APP_TRACE_STARTUP`` is set (None otherwise)."""
    if os.environ.get(ENV_VAR, "") in ("", "0"):
        return None
    trace = FirstPaintTrace(window, done, out or sys.stdout)
    app.installEventFilter(trace)
    return trace
