"""Reading a file for File › Open and import away from the window, with a progress dialog
and Cancel (issue 22 §5).

A Word volume, a long PDF or a damaged draft may take seconds to read; the window must
keep painting meanwhile. The reader runs in the reading process
(:mod:`drafting_app.gui.files.reader_process`: it never competes with the window for the
interpreter, its memory is capped, Cancel kills it), a worker thread here waits for its
answer, and the caller waits in a local event loop — the window goes on painting and the
progress dialog answers, but being window-modal it keeps the drafter from starting a
second open in the middle — and gets the reader's result (or its error) back as if it had
called it. The dialog shows only when the reading lasts (``SHOW_AFTER_MS``): a small draft
opens without a flash. What the reader repaired (the reading's notes) comes back with the
result.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from drafting_app.corpus.readers.limits import ReadingCancelled
from drafting_app.gui.files.reader_process import READER

T = TypeVar("T")
SHOW_AFTER_MS = 300


@dataclass
class Outcome(Generic[T]):
    """What the worker brought back: the result, or the error it raised."""

    value: T | None = None
    error: BaseException | None = None
    notes: list[str] = field(default_factory=list)
    pid: int = 0  # the process the reader ran in (tests check it was not the app's)


class _Done(QObject):
    finished = Signal()


def read_in_worker(
    window: QWidget | None,
    name: str,
    work: Callable[..., T],
    *args: Any,
    cancel: threading.Event | None = None,
    alongside: threading.Thread | None = None,
) -> Outcome[T]:
    """Run ``work(*args)`` in the reading process (``work`` a module-level function, its
    arguments plain values), the window responsive, a progress dialog with Cancel shown
    once it lasts. A cancelled reading ends with a ReadingCancelled error. With
    ``alongside`` (a started thread whose work the caller needs next) the wait lasts
    until that thread is done too, the window still turning: joined afterwards on the
    window's thread, it froze the window (seen: 100 ms at ``drafting-app FILE`` on a busy
    machine, the draft editor's imports outlasting the reading)."""
    cancel = cancel or threading.Event()
    outcome: Outcome[T] = Outcome()
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            answer = READER.read(name, work, args, cancel)
            outcome.value, outcome.error = answer.value, answer.error
            outcome.notes, outcome.pid = answer.notes, answer.pid
        except BaseException as exc:  # handed to the UI thread, raised or shown there
            outcome.error = exc
        finally:
            if alongside is not None:
                alongside.join()
            done.finished.emit()

    progress = QProgressDialog(f"Reading {name}…", "Cancel", 0, 0, window)
    progress.setObjectName("fileReadingProgress")
    progress.setWindowTitle("Opening")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.reset()  # no showing on its own timer: ours below decides
    progress.canceled.connect(cancel.set)
    progress.canceled.connect(lambda: progress.setLabelText(f"Stopping the reading of {name}…"))
    active = window.isActiveWindow() if window is not None else False
    worker = threading.Thread(target=run, name=f"reading {name}", daemon=True)
    worker.start()
    show = QTimer()
    show.setSingleShot(True)
    show.timeout.connect(lambda: progress.show() if worker.is_alive() else None)
    show.start(SHOW_AFTER_MS)
    loop.exec()
    show.stop()
    worker.join()
    progress.canceled.disconnect()
    progress.reset()  # stops the timer that would show the dialog after the reading ended
    progress.hide()
    progress.deleteLater()
    if active and window is not None:  # the keyboard goes back where it was
        _reactivate(window)
    done.deleteLater()
    if cancel.is_set() and outcome.error is None:
        outcome.error = ReadingCancelled(f"Reading {name} was cancelled.")
    return outcome


def _reactivate(window: QWidget) -> None:
    """Give the keyboard back to ``window`` after the progress dialog had it (the system
    activates asynchronously: wait a moment for it, as the drafter would not notice)."""
    window.activateWindow()
    deadline = time.monotonic() + 0.2
    while not window.isActiveWindow() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
