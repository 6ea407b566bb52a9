"""Corpus › Add documents… and Corpus › Rebuild index: growing the corpus from the window,
with a per-file result a drafter can act on ("added as Resolution 5/2", "is a binary file,
not a text document"). The adding itself runs in :mod:`corpus_import`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from drafting_app.errors import DraftingError
from drafting_app.gui.corpus.background import Background
from drafting_app.gui.corpus.corpus_import import (
    AddResult,
    CorpusDropTarget,
    CorpusImport,
    Outcome,
    ResultDialog,
)
from drafting_app.gui.corpus.corpus_port import Corpus
from drafting_app.gui.corpus.index_health import IndexHealth, IndexProgress, sync_or_heal

# After a start with no corpus folder changed, the files and the index are checked this
# much later (the drafter's first minutes are not spent waiting for a scan).
CHECK_LATER_MS = 20_000
FILE_FILTER = "Resolutions and decisions (*.docx *.pdf *.txt *.md *.markdown *.text);;All files (*)"


class CorpusActions(QObject):
    """The Corpus menu's commands; ``changed`` after the corpus changed."""

    changed = Signal()

    def __init__(
        self, window: QWidget, corpus: Corpus, background: Background | None = None
    ) -> None:
        super().__init__(window)
        self._window = window
        self._corpus = corpus
        self.background = background
        self.importer = CorpusImport(window, corpus)
        self.importer.changed.connect(self.changed)
        self.health: IndexHealth | None = None
        self.progress: IndexProgress | None = None
        status = getattr(window, "statusBar", None)
        if background is not None and callable(status):
            self.health = IndexHealth(corpus, background, status())
            self.health.changed.connect(self.changed)
            self.progress = IndexProgress(background, window)
            status().addPermanentWidget(self.progress)
            if getattr(corpus, "damaged", ""):  # found by a view built before this
                self.health.report(str(getattr(corpus, "damaged", "")))

    def add_documents(self) -> None:
        """Ask for files and add each one, then show what happened to every file."""
        paths, _ = QFileDialog.getOpenFileNames(
            self._window, "Add documents to the corpus", str(Path.home()), FILE_FILTER
        )
        if paths:
            self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: Sequence[Path]) -> bool:
        """Add files in the background with a progress dialog, then show what happened to
        each (``importer.finished``); False when a batch is still running. While the index
        is being brought up to date (start-up), the files are added right after."""
        if self.background is not None and self.background.busy:
            if not paths or self.importer.busy:
                return False
            self._status("The corpus index is being updated: the files are added after it.")
            self.background.when_idle(lambda: self.importer.start(paths))
            return True
        return self.importer.start(paths)

    def sync_files(self) -> None:
        """Bring the index up to date with the corpus folders (files may have been added,
        changed or removed while the app was closed)."""
        try:
            report = self._corpus.sync()
        except DraftingError as exc:
            self._status(str(exc))
            return
        self._synced(report)

    def sync_in_background(self) -> None:
        """:meth:`sync_files` on a worker thread (the window keeps working meanwhile), as
        the first sync after start-up; then the full check of the index file."""
        background = self.background
        if background is None:
            self.sync_files()
            return
        background.run(
            "Updating the corpus index",
            lambda corpus: sync_or_heal(corpus, background),
            self._synced,
            self._status,
            take_first_sync=True,
        )
        if self.health is not None:
            self.health.verify_in_background()  # after the sync, never before the paint

    def start_up(self) -> None:
        """After the window first paints: when a corpus folder changed while the app was
        closed (a file added, removed, renamed, or saved anew), the index is brought up
        to date now, on the worker; when none did (a few stat() calls tell), the start
        does no corpus work at all, and every file's size and time — a file edited in
        place — and the index file itself are checked on the worker a little later."""
        try:
            changed = self._corpus.folders_changed()
        except DraftingError:  # damaged: the sync heals it
            changed = True
        if changed:
            self.sync_in_background()
        else:
            QTimer.singleShot(CHECK_LATER_MS, self, self.sync_in_background)

    def _synced(self, report: Any) -> None:
        healed = bool(getattr(report, "recovered_from", ""))
        if healed and self.health is not None:
            self.health.done(report)  # says so and emits changed
        elif report.changed:
            self.changed.emit()

    def _status(self, message: str) -> None:
        status = getattr(self._window, "statusBar", None)
        if callable(status):
            status().showMessage(message, 6000)

    def rebuild_index(self) -> None:
        """Throw the index away and build it again from the corpus files (on the worker,
        with its progress in the status bar; the window keeps working)."""
        if self.importer.busy:
            return  # the worker adding files holds the store
        background = self.background
        if background is None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                report = self._corpus.rebuild()
            except DraftingError as exc:
                self._show("Rebuild index", str(exc), [])
                return
            finally:
                QGuiApplication.restoreOverrideCursor()
            self._rebuilt(report)
            return
        if background.busy:
            self._status("The corpus index is being updated: it is rebuilt right after.")
            background.when_idle(self.rebuild_index)
            return
        background.run(
            "Rebuilding the corpus index",
            lambda corpus: corpus.rebuild(background.report_progress, background.stop_requested),
            self._rebuilt,
            lambda message: self._show("Rebuild index", message, []),
        )

    def _rebuilt(self, report: Any) -> None:
        if self.background is not None:
            self._corpus.refresh_connection()  # the worker made the file anew
        self.changed.emit()
        failed = [AddResult(Path(f.path), Outcome.REFUSED, f.message) for f in report.failed]
        summary = f"The index was rebuilt: {len(report.added)} documents indexed"
        summary += f", {len(failed)} files could not be read." if failed else "."
        if getattr(report, "stopped", False):
            summary = (
                f"Rebuilding was stopped after {len(report.added)} documents; "
                "the rest are indexed at the next start."
            )
        if failed:
            self._show("Rebuild index", summary, failed)
        self._status(summary)

    def accept_drops(self, target: QWidget) -> None:
        """Files dropped on ``target`` (the corpus dock) are added like Add Documents…"""
        self.drop_target = CorpusDropTarget(target, self.importer)

    @property
    def last_dialog(self) -> ResultDialog | None:
        return self.importer.last_dialog

    def _show(self, title: str, summary: str, rows: Sequence[AddResult]) -> None:
        self.importer.show_results(title, summary, rows)
