"""Corpus work off the GUI thread.

Bringing the index up to date with the corpus folders at start-up (a scan of 10,000 files
is a fifth of a second; reading the files that changed, seconds) and mining the clause
index again after the corpus changed (minutes at 10,000 documents) must not freeze the
window. Each job runs on a worker thread with a connection of its own to the corpus
database: SQLite in WAL mode lets the window go on reading while the worker writes.

Jobs run one at a time, in the order asked. The worker is then the only writer, so adding
documents waits for it (:meth:`Background.when_idle`), and closing the window waits for
the job in progress (:meth:`Background.wait`): a sync is one transaction, never cut short.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from drafting_app.errors import DraftingError
from drafting_app.gui.corpus.corpus_port import Corpus

log = logging.getLogger(__name__)

Work = Callable[[Any], Any]


@dataclass
class _Task:
    name: str
    work: Work
    done: Callable[[Any], object]
    failed: Callable[[str], object] | None
    take_first_sync: bool


class _Worker(QThread):
    """Runs one task's work on its own corpus connection, which it closes when done."""

    def __init__(self, task: _Task, corpus: Any, parent: QObject) -> None:
        super().__init__(parent)
        self.task = task
        self._corpus = corpus
        self.result: Any = None
        self.error = ""

    def run(self) -> None:
        try:
            self.result = self.task.work(self._corpus)
        except DraftingError as exc:
            self.error = str(exc)
        except Exception as exc:  # a bug must reach the log and the user, not kill the thread
            log.exception("background job %s failed", self.task.name)
            self.error = f"{self.task.name} failed: {exc}"
        finally:
            self._corpus.close()


class Background(QObject):
    """The window's queue of corpus jobs. ``busy_changed(bool)`` when it starts or
    empties; ``message(str)`` when a job failed and had no handler of its own."""

    busy_changed = Signal(bool)
    started = Signal(str)  # the name of the job now running ("Indexing agreed language")
    message = Signal(str)
    # (done, total) of the job running, sent from its thread (queued to the window's).
    progress = Signal(int, int)

    def __init__(self, corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._queue: deque[_Task] = deque()
        self.worker: _Worker | None = None
        self._when_idle: list[Callable[[], object]] = []
        self._closing = False
        self._stop = threading.Event()

    # -- progress and stop, for the job running (called from its thread) ---------------------
    def report_progress(self, done: int, total: int) -> None:
        """What a job's work calls as it goes: the window shows it (thread-safe)."""
        self.progress.emit(done, total)

    def stop_requested(self) -> bool:
        """True once :meth:`stop` was asked for the job running (its work checks this)."""
        return self._stop.is_set()

    def stop(self) -> None:
        """Ask the job running to stop at its next safe point (a sync: between batches)."""
        self._stop.set()

    @property
    def busy(self) -> bool:
        return self.worker is not None or bool(self._queue)

    def run(
        self,
        name: str,
        work: Work,
        done: Callable[[Any], object],
        failed: Callable[[str], object] | None = None,
        *,
        take_first_sync: bool = False,
    ) -> None:
        """Run ``work(corpus)`` on a worker thread with a corpus connection of its own,
        then ``done(result)`` (or ``failed(message)``) on the GUI thread."""
        if self._closing:
            return
        was_busy = self.busy
        self._queue.append(_Task(name, work, done, failed, take_first_sync))
        if not was_busy:
            self.busy_changed.emit(True)
        self._next()

    def when_idle(self, callback: Callable[[], object]) -> None:
        """``callback()`` now if no job is queued or running, else once the last is done."""
        if self.busy:
            self._when_idle.append(callback)
        else:
            callback()

    def _next(self) -> None:
        while self.worker is None and self._queue:
            task = self._queue.popleft()
            try:
                corpus = self._corpus.reopen(take_first_sync=task.take_first_sync)
            except DraftingError as exc:
                self._report(task, str(exc))
                continue
            self._stop.clear()
            worker = _Worker(task, corpus, self)
            # A bound slot of this object (which lives on the GUI thread): the call is
            # queued to the GUI thread, never run on the worker's.
            worker.finished.connect(self._on_finished)
            self.worker = worker
            self.started.emit(task.name)
            worker.start()
        if not self.busy:
            self.busy_changed.emit(False)
            callbacks, self._when_idle = self._when_idle, []
            for callback in callbacks:
                callback()

    @Slot()
    def _on_finished(self) -> None:
        if self.worker is not None and self.worker.isFinished():
            self._finished(self.worker)

    def _finished(self, worker: _Worker) -> None:
        if worker is not self.worker:
            return  # already handled by wait()
        self.worker = None
        worker.deleteLater()
        if not self._closing:
            if worker.error:
                self._report(worker.task, worker.error)
            else:
                worker.task.done(worker.result)
        self._next()

    def _report(self, task: _Task, error: str) -> None:
        if task.failed is not None:
            task.failed(error)
        else:
            self.message.emit(error)

    def wait(self) -> None:
        """Before the window closes: drop the queued jobs and wait for the running one to
        finish (its result is not used: nothing is left to show it in)."""
        self._closing = True
        self._queue.clear()
        self._stop.set()  # a long build stops between batches: what it wrote stays
        worker = self.worker
        if worker is not None:
            worker.wait()
            self._finished(worker)
