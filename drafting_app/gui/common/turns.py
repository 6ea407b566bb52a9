"""Work that can wait for the window's next turns, one piece per turn (issue 21 §6).

What opening a long draft leaves for after its own turn — the outline opening out, the
word count, the session's list of open files, the settings, the preview's worker — once
went on 1-ms timers of their own. Due together, Qt ran them all in one pass over its
timers, so the window stalled as long as before (50-70 ms on a busy machine), only a turn
later. Queued here, each runs on a turn of its own, with the page's slices, the input that
waited and the paints between them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from shiboken6 import isValid

Job = Callable[[], object]


class Turns(QObject):
    """A queue of small jobs, run in order, one per turn of the event loop (a 1-ms
    timer, not a posted call: Qt runs posted calls before the timers and the input that
    waited). A job whose owner was deleted meanwhile is dropped."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: deque[tuple[QObject, Job]] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._next)

    def later(self, owner: QObject, job: Job) -> None:
        self._jobs.append((owner, job))
        if not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> int:
        return len(self._jobs)

    def _next(self) -> None:
        while self._jobs:
            owner, job = self._jobs.popleft()
            if isValid(owner):
                break
        else:
            return
        if self._jobs:
            self._timer.start()  # the next one on a later turn
        job()


_turns: Turns | None = None


def later(owner: QObject, job: Job) -> None:
    """Run ``job`` on a turn of its own after the ones already queued (dropped if
    ``owner`` is deleted first)."""
    global _turns
    if _turns is None or not isValid(_turns):
        _turns = Turns(QCoreApplication.instance())
    _turns.later(owner, job)
