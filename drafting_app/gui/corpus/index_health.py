"""The corpus index in the window: its progress bar and Stop button while it is built, and
its healing when it is found damaged.

The index is only derived from the documents, so damage (random bytes in a page, a torn
full-text segment) is never repaired in place: the file is set aside, the index built
again from the documents on the worker thread with its progress in the status bar, and
the drafter told in one sentence. Damage is noticed wherever SQLite reports it — a search,
the corpus browser, the picker, the sync — and by a full check on the worker after the
window is up (never before it paints).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from drafting_app.errors import IndexDamaged
from drafting_app.gui.corpus.background import Background

log = logging.getLogger(__name__)

HEALED = (
    "The corpus index was damaged; it was set aside and rebuilt from your documents "
    "(nothing of yours was lost)."
)
_MESSAGE_MS = 20_000


def sync_or_heal(corpus: Any, background: Background) -> Any:
    """The work of a sync on the worker: a damaged index is rebuilt instead."""
    try:
        return corpus.sync(background.report_progress, background.stop_requested)
    except IndexDamaged:
        return corpus.heal(background.report_progress, background.stop_requested)


class IndexProgress(QWidget):
    """A progress bar and a Stop button in the status bar while an index job reports
    progress (a first build of a large corpus, a rebuild)."""

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexProgress")
        self.background = background
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("indexProgressBar")
        self.bar.setMaximumWidth(220)
        self.stop_button = QPushButton("Stop", self)
        self.stop_button.setObjectName("indexStop")
        self.stop_button.setToolTip(
            "Stop building the index: what is indexed stays, the rest is read next time."
        )
        self.stop_button.clicked.connect(self._stop)
        from PySide6.QtWidgets import QHBoxLayout

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop_button)
        self._job = ""
        background.started.connect(self._started)
        background.progress.connect(self._progress)
        background.busy_changed.connect(lambda busy: None if busy else self.hide())
        self.hide()

    def _started(self, name: str) -> None:
        self._job = name
        self.hide()  # shown again if this job reports progress

    def _progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.label.setText(f"{self._job}: {done:,} of {total:,} files")
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.stop_button.setEnabled(True)
        self.show()

    def _stop(self) -> None:
        self.background.stop()
        self.stop_button.setEnabled(False)
        self.label.setText(f"{self._job}: stopping after this batch…")


class IndexHealth(QObject):
    """Notices damage (``report``), rebuilds on the worker, refreshes the window's
    connections; ``healed(message)`` when done, ``changed`` as the corpus did."""

    healed = Signal(str)
    changed = Signal()

    def __init__(self, store: Any, background: Background, status: QStatusBar) -> None:
        super().__init__(status)
        self.store = store
        self.background = background
        self.status = status
        self.healing = False
        self.heals = 0
        store.on_damage = self.report

    def report(self, reason: str) -> None:
        """A read found the index damaged (any thread): rebuild it, once."""
        QTimer.singleShot(0, self, lambda: self._heal(reason))

    def _heal(self, reason: str) -> None:
        if self.healing:
            return
        self.healing = True
        log.warning("the corpus index is damaged (%s): rebuilt from the documents", reason)
        self.status.showMessage("The corpus index is damaged: rebuilding it from your documents…")
        self.background.run(
            "Rebuilding the corpus index",
            lambda corpus: corpus.heal(
                self.background.report_progress, self.background.stop_requested
            ),
            self.done,
            self._failed,
        )

    def done(self, report: Any) -> None:
        """After a sync or a heal on the worker: when the file was made anew, the window's
        own connections are opened again and the drafter is told."""
        self.healing = False
        if not getattr(report, "recovered_from", ""):
            return
        self.store.refresh_connection()
        self.heals += 1
        self.status.showMessage(HEALED, _MESSAGE_MS)
        self.healed.emit(HEALED)
        self.changed.emit()

    def _failed(self, message: str) -> None:
        self.healing = False
        self.status.showMessage(f"The corpus index could not be rebuilt: {message}", _MESSAGE_MS)

    def verify_in_background(self) -> None:
        """SQLite's full check of every page, on the worker (a second or more on a large
        corpus); real damage is healed."""
        self.background.run(
            "Checking the corpus index", lambda corpus: corpus.verify(), self._verified
        )

    def _verified(self, result: Any) -> None:
        if result != "ok":
            self._heal(str(result))
