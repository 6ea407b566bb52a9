"""Corpus › Add documents… and Corpus › Rebuild index: growing the corpus from the window,
with a per-file result a drafter can act on ("added as Resolution 5/2", "is a binary file,
not a text document")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.errors import DraftingError
from drafting_app.gui.corpus_port import Corpus, DocumentSummary

FILE_FILTER = "Resolutions and decisions (*.docx *.pdf *.txt *.md *.markdown *.text);;All files (*)"


@dataclass(frozen=True)
class AddResult:
    """What happened to one file the user chose."""

    path: Path
    ok: bool
    message: str


class ResultDialog(QDialog):
    """A list of files with what happened to each, and a summary line."""

    def __init__(
        self, title: str, summary: str, rows: Sequence[AddResult], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("corpusResultDialog")
        self.resize(720, 360)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(["File", "Result"])
        self.table.setWordWrap(True)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row in rows:
            item = QTreeWidgetItem([row.path.name, row.message])
            item.setToolTip(0, str(row.path))
            item.setToolTip(1, row.message)
            if not row.ok:
                item.setForeground(1, Qt.GlobalColor.darkRed)
            self.table.addTopLevelItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


def _describe(info: DocumentSummary) -> str:
    name = " — ".join(x for x in (info.heading or info.symbol, info.title) if x)
    return f"Added: {name or 'an untitled document'} ({info.paragraphs} paragraphs)"


class CorpusActions(QObject):
    """The Corpus menu's commands; ``changed`` after the corpus changed."""

    changed = Signal()

    def __init__(self, window: QWidget, corpus: Corpus) -> None:
        super().__init__(window)
        self._window = window
        self._corpus = corpus
        self.last_dialog: ResultDialog | None = None

    def add_documents(self) -> None:
        """Ask for files and add each one, then show what happened to every file."""
        paths, _ = QFileDialog.getOpenFileNames(
            self._window, "Add documents to the corpus", str(Path.home()), FILE_FILTER
        )
        if paths:
            self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: Sequence[Path]) -> list[AddResult]:
        results: list[AddResult] = []
        progress = QProgressDialog("Adding documents…", "Stop", 0, len(paths), self._window)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for i, path in enumerate(paths):
                if progress.wasCanceled():
                    results.append(AddResult(path, False, "Not added: stopped by you."))
                    continue
                progress.setValue(i)
                progress.setLabelText(f"Reading {path.name}…")
                results.append(self._add_one(path))
        finally:
            progress.setValue(len(paths))
            QGuiApplication.restoreOverrideCursor()
        added = sum(r.ok for r in results)
        summary = f"{added} of {len(results)} file{'s' if len(results) != 1 else ''} added."
        if added:
            self.changed.emit()
        self._show("Add documents", summary, results)
        return results

    def _add_one(self, path: Path) -> AddResult:
        try:
            info = self._corpus.add_document(path)
        except DraftingError as exc:
            return AddResult(path, False, str(exc))
        except OSError as exc:
            return AddResult(path, False, f"{path.name} could not be read: {exc.strerror}.")
        return AddResult(path, True, _describe(info))

    def sync_files(self) -> None:
        """Bring the index up to date with the corpus folders (files may have been added,
        changed or removed while the app was closed)."""
        try:
            report = self._corpus.sync()
        except DraftingError as exc:
            self._status(str(exc))
            return
        if report.changed:
            self.changed.emit()

    def _status(self, message: str) -> None:
        status = getattr(self._window, "statusBar", None)
        if callable(status):
            status().showMessage(message, 6000)

    def rebuild_index(self) -> None:
        """Throw the index away and build it again from the corpus files."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self._corpus.rebuild()
        except DraftingError as exc:
            QGuiApplication.restoreOverrideCursor()
            self._show("Rebuild index", str(exc), [])
            return
        QGuiApplication.restoreOverrideCursor()
        self.changed.emit()
        failed = [AddResult(Path(f.path), False, f.message) for f in report.failed]
        summary = f"The index was rebuilt: {len(report.added)} documents indexed"
        summary += f", {len(failed)} files could not be read." if failed else "."
        if failed:
            self._show("Rebuild index", summary, failed)
        self._status(summary)

    def _show(self, title: str, summary: str, rows: Sequence[AddResult]) -> None:
        self.last_dialog = ResultDialog(title, summary, rows, self._window)
        self.last_dialog.open()
