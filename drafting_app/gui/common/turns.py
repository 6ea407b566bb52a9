"""Work that can wait for the window's next turns, one piece per turn (issue 21 §6).

Two kinds: jobs that run once (:func:`later`), and work done in slices over many turns —
a long draft's page written, its blocks restyled, its preview laid out. Both take turns
through one shared :class:`SliceTimer` ring, one job or slice per turn. Each on a 0-ms timer of
its own, the page's slice, the preview's and the restyling's ran back to back in one pass
over Qt's timers (15-25 ms of work between two turns of the window, doubled by the
workers on a busy machine); sharing turns, a turn holds one.

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

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from shiboken6 import isValid

Job = Callable[[], object]


class Turns(QObject):
    """A queue of small jobs, run in order, one per turn of the event loop (a 1-ms
    timer, not a posted call: Qt runs posted calls before the timers and the input that
    waited). A job whose owner was deleted meanwhile is dropped.

    The jobs take their turns in the ring the slices share (a member of it): on a 1-ms
    timer of their own, a job and a slice were due together and ran in one pass over Qt's
    timers — the page's slice, the outline opening out, the page's next slice, 25 ms
    between two turns of the window in the first open of a long draft (issue 21 §6)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: deque[tuple[QObject, Job]] = deque()
        self._timer = SliceTimer(self)
        self._timer.timeout.connect(self._next)

    def later(self, owner: QObject, job: Job) -> None:
        self._jobs.append((owner, job))
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
            self._timer.stop()
            return
        if not self._jobs:
            self._timer.stop()  # else the next one on a later turn of the ring's
        job()


class SliceTimer(QObject):
    """The slices of one piece of work: while started, ``timeout`` is emitted on the
    turns this timer gets — every turn while it works alone, every other turn beside one
    more, and so on (a 0-ms timer's API: ``start``, ``stop``, ``isActive``)."""

    timeout = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._active = False

    def start(self) -> None:
        if not self._active:
            self._active = True
            _ring().join(self)

    def stop(self) -> None:
        self._active = False  # the ring drops it at its next turn

    def isActive(self) -> bool:
        return self._active


class _Ring(QObject):
    """The started slice timers, one served per turn: a single timer of 1 ms, not 0 — a
    0-ms timer is due again as soon as it has run, and Qt's pass over its due timers can
    then run it again and again in the same pass (seen: three page slices, 30 ms, with no
    turn between them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: deque[SliceTimer] = deque()
        self._timer = QTimer(self)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._serve)

    def join(self, member: SliceTimer) -> None:
        if member not in self._members:
            self._members.append(member)
        if not self._timer.isActive():
            self._timer.start()

    @property
    def busy(self) -> bool:
        return any(isValid(m) and m.isActive() for m in self._members)

    def _serve(self) -> None:
        while self._members:
            member = self._members.popleft()
            if isValid(member) and member.isActive():
                self._members.append(member)  # its next slice after the others'
                member.timeout.emit()
                return
        self._timer.stop()


_turns: Turns | None = None
_slices: _Ring | None = None


def _ring() -> _Ring:
    global _slices
    if _slices is None or not isValid(_slices):
        _slices = _Ring(QCoreApplication.instance())
    return _slices


_held: set[QObject] = set()


def hold(work: QObject) -> None:
    """``work`` runs on a thread and comes back to the window's turns (a long draft's
    preview made, its first check): :func:`busy` until :func:`release` — else the spelling
    dictionary's reading, waiting for free turns, started beside it and then beside the
    slices it came back with (50-60 ms between two turns, issue 21 §6)."""
    _held.add(work)


def release(work: QObject) -> None:
    _held.discard(work)


def busy() -> bool:
    """Whether the window's turns have work queued: a job waiting or a slice to write, or
    work on a thread that comes back to them (:func:`hold`)."""
    jobs = _turns is not None and isValid(_turns) and _turns.pending > 0
    for work in [w for w in _held if not isValid(w)]:
        _held.discard(work)  # its owner went (the window closed) before it came back
    return jobs or bool(_held) or (_slices is not None and isValid(_slices) and _slices.busy)


def later(owner: QObject, job: Job) -> None:
    """Run ``job`` on a turn of its own after the ones already queued (dropped if
    ``owner`` is deleted first)."""
    global _turns
    if _turns is None or not isValid(_turns):
        _turns = Turns(QCoreApplication.instance())
    _turns.later(owner, job)


FREE_POLL_MS = 10


def when_free(owner: QObject, job: Job) -> None:
    """Run ``job`` once the window's turns have nothing queued (:func:`busy`): work for a
    thread that would compete with the slices for the interpreter lock (dropped if
    ``owner`` is deleted first)."""
    if not busy():
        later(owner, job)
        return
    timer = QTimer(owner)
    timer.setInterval(FREE_POLL_MS)

    def check() -> None:
        if not busy():
            timer.stop()
            timer.deleteLater()
            job()

    timer.timeout.connect(check)
    timer.start()
