"""Adding documents to the corpus from the window: many files at once (.txt, .md, .docx,
.pdf), read and indexed on a worker thread behind a cancellable progress dialog, then one
result per file (added / already in the corpus / refused with the reason). Files dropped
on the corpus dock are added the same way (issue 8 §4).

A 10-page PDF takes a second or more to read; the window must keep painting and the user
must be able to stop a long batch, hence the thread. The corpus store's SQLite connection
may be handed to another thread, but not used by two at once: while the job runs the
progress dialog is window-modal, so nothing in the window queries the store.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal
from PySide6.QtGui import QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.corpus.readers.limits import ReadingCancelled, reading
from drafting_app.errors import DraftingError
from drafting_app.gui.corpus.corpus_port import Corpus, DocumentSummary, document_label

CORPUS_SUFFIXES = (".docx", ".pdf", ".txt", ".md", ".markdown", ".text")
# A dropped folder is searched this deep at most (a drafter's "Resolutions" folder, not $HOME).
_MAX_DROPPED_FILES = 500
# A volume's texts are named up to this many in its result row (a session report may hold
# dozens of decisions; the corpus browser lists them all).
_NAMED_TEXTS = 30


class Outcome(StrEnum):
    """What became of one file."""

    ADDED = "added"
    KNOWN = "already in the corpus"
    REFUSED = "refused"
    STOPPED = "stopped"


@dataclass(frozen=True)
class AddResult:
    """What happened to one file the user chose."""

    path: Path
    outcome: Outcome
    message: str

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.ADDED, Outcome.KNOWN)


class ResultDialog(QDialog):
    """A list of files with what happened to each, and a summary line."""

    def __init__(
        self, title: str, summary: str, rows: Sequence[AddResult], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("corpusResultDialog")
        self.resize(760, 380)
        self.rows = list(rows)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        # A table, not a tree: QTableView fits row heights to wrapped text, so a long
        # reason is read in full instead of being cut at the column's edge.
        self.table = QTableWidget(len(self.rows), 2, self)
        self.table.setHorizontalHeaderLabels(["File", "Result"])
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        for i, row in enumerate(self.rows):
            name = QTableWidgetItem(row.path.name)
            name.setToolTip(str(row.path))
            result = QTableWidgetItem(row.message)
            if not row.ok:
                result.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(i, 0, name)
            self.table.setItem(i, 1, result)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def lines(self) -> list[tuple[str, str]]:
        """(file name, result) per row, as shown."""
        return [(self._text(i, 0), self._text(i, 1)) for i in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()


def _name(info: DocumentSummary) -> str:
    return " — ".join(x for x in (document_label(info), info.title) if x)


def _texts(texts: Sequence[DocumentSummary]) -> str:
    """What a file gave: "80/2 — Title (8 paragraphs)" for one text; for a report volume
    "12 texts: Decision 1/1, Decision 2/1, … (340 paragraphs)" by heading, as the
    browser lists them."""
    paragraphs = sum(t.paragraphs for t in texts)
    if len(texts) == 1:
        return f"{_name(texts[0])} ({paragraphs} paragraphs)"
    names = [document_label(t) for t in texts[:_NAMED_TEXTS]]
    if len(texts) > _NAMED_TEXTS:
        names.append(f"and {len(texts) - _NAMED_TEXTS} more")
    return f"{len(texts)} texts: {', '.join(names)} ({paragraphs} paragraphs)"


def add_one(
    corpus: Corpus, path: Path, known: set[str], cancel: threading.Event | None = None
) -> AddResult:
    """Add one file; the result says what happened in words a drafter can act on (every
    text of a report volume is named, every repair the reader made said). ``cancel``
    stops the reading of the file as soon as it is set."""
    try:
        with reading(path.name, cancel) as read:
            texts = corpus.add_document(path)
    except ReadingCancelled:
        return AddResult(path, Outcome.STOPPED, "Not added: stopped by you.")
    except DraftingError as exc:
        return AddResult(path, Outcome.REFUSED, f"Not added: {exc}")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return AddResult(
            path, Outcome.REFUSED, f"Not added: {path.name} could not be read: {reason}."
        )
    except Exception as exc:  # a worker thread must report a reader's bug, not die silently
        return AddResult(path, Outcome.REFUSED, f"Not added: the file could not be read ({exc}).")
    if not texts:  # a store always gives the file's texts; nothing indexed is no success
        return AddResult(path, Outcome.REFUSED, f"Not added: {path.name} holds no text.")
    if texts[0].doc_id in known:
        return AddResult(path, Outcome.KNOWN, f"Already in the corpus: {_texts(texts)}")
    known.update(t.doc_id for t in texts)
    repairs = "".join(f" Repaired — {note}" for note in read.notes)
    return AddResult(path, Outcome.ADDED, f"Added: {_texts(texts)}{repairs}")


def summary_of(results: Sequence[AddResult]) -> str:
    """ "2 of 4 files added; 1 already in the corpus; 1 refused." """
    n = len(results)
    counts = {o: sum(r.outcome is o for r in results) for o in Outcome}
    parts = [f"{counts[Outcome.ADDED]} of {n} file{'s' if n != 1 else ''} added"]
    if counts[Outcome.KNOWN]:
        parts.append(f"{counts[Outcome.KNOWN]} already in the corpus")
    if counts[Outcome.REFUSED]:
        parts.append(f"{counts[Outcome.REFUSED]} refused")
    if counts[Outcome.STOPPED]:
        parts.append(f"{counts[Outcome.STOPPED]} not read (stopped)")
    return "; ".join(parts) + "."


class AddJob(QThread):
    """Adds the files one after another off the UI thread. ``file_started(index, name)``
    before each file, ``file_done(AddResult)`` after it; stops between files when
    cancelled."""

    file_started = Signal(int, str)
    file_done = Signal(object)

    def __init__(
        self, corpus: Corpus, paths: Sequence[Path], known: set[str], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self.paths = list(paths)
        self.known = known
        self.results: list[AddResult] = []
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        for i, path in enumerate(self.paths):
            if self._stop.is_set():
                self.results.append(AddResult(path, Outcome.STOPPED, "Not added: stopped by you."))
                continue
            self.file_started.emit(i, path.name)
            result = add_one(self.corpus, path, self.known, self._stop)
            self.results.append(result)
            self.file_done.emit(result)


class CorpusImport(QObject):
    """Runs one :class:`AddJob` at a time with its progress dialog, then shows the
    per-file results. ``finished(results)`` then, if anything was added, ``changed``."""

    finished = Signal(list)
    changed = Signal()

    def __init__(self, window: QWidget, corpus: Corpus) -> None:
        super().__init__(window)
        self._window = window
        self._corpus = corpus
        self.job: AddJob | None = None
        self.progress: QProgressDialog | None = None
        self.last_dialog: ResultDialog | None = None
        window.installEventFilter(self)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, paths: Sequence[Path]) -> bool:
        """Add ``paths`` in the background; False (and nothing started) when a batch is
        still running or there is nothing to add."""
        if self.job is not None or not paths:
            return False
        try:
            known = {d.doc_id for d in self._corpus.documents()}
        except DraftingError as exc:
            self.show_results("Add documents", str(exc), [])
            return False
        job = AddJob(self._corpus, paths, known, self)
        progress = QProgressDialog(
            f"Adding {len(paths)} document{'s' if len(paths) != 1 else ''}…",
            "Stop",
            0,
            len(paths),
            self._window,
        )
        progress.setObjectName("corpusAddProgress")
        progress.setWindowTitle("Add documents")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)  # modal at once: the store is the worker's now
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(420)
        progress.canceled.connect(self._stop)
        job.file_started.connect(self._on_file)
        job.finished.connect(lambda: self._done(job))
        self.job, self.progress = job, progress
        progress.setValue(0)
        progress.show()
        job.start()
        return True

    def _on_file(self, index: int, name: str) -> None:
        progress = self.progress
        if progress is None or progress.wasCanceled():
            return
        progress.setLabelText(f"Reading {name} ({index + 1} of {progress.maximum()})…")
        # Last: a modal progress dialog runs the event loop in setValue, where the job may
        # finish and this controller move on.
        progress.setValue(index)

    def _stop(self) -> None:
        if self.job is None or self.progress is None:
            return
        self.job.cancel()
        # cancel() hid the dialog; it stays up (without Stop) until the reader has stopped
        # (at its next step), so the window does not reach the store while the worker
        # still holds it.
        self.progress.setLabelText("Stopping…")
        self.progress.setCancelButtonText("")
        self.progress.show()

    def _done(self, job: AddJob, show: bool = True) -> None:
        if job is not self.job:
            return  # already finished by wait()
        progress = self.progress
        self.job, self.progress = None, None
        if progress is not None:
            progress.hide()
            progress.deleteLater()
        results = list(job.results)
        job.deleteLater()
        if any(r.outcome is Outcome.ADDED for r in results):
            self.changed.emit()
        if show:
            self.show_results("Add documents", summary_of(results), results)
        self.finished.emit(results)

    def wait(self) -> None:
        """Stop after the file being read and wait for it (before the window closes)."""
        job = self.job
        if job is not None:
            job.cancel()
            job.wait()
            self._done(job, show=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.wait()
        return False

    def show_results(self, title: str, summary: str, rows: Sequence[AddResult]) -> None:
        self.last_dialog = ResultDialog(title, summary, rows, self._window)
        self.last_dialog.open()


def dropped_files(paths: Iterable[Path]) -> list[Path]:
    """The files a drop brings: files as they are, folders searched for corpus files."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in CORPUS_SUFFIXES
            )
            out += found[: _MAX_DROPPED_FILES - len(out)]
        elif p.exists():
            out.append(p)
        if len(out) >= _MAX_DROPPED_FILES:
            break
    return out


class CorpusDropTarget(QObject):
    """Makes a widget (the corpus dock) accept files dropped from the file manager and
    hands them to :class:`CorpusImport`."""

    def __init__(self, target: QWidget, importer: CorpusImport) -> None:
        super().__init__(target)
        self.importer = importer
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    @staticmethod
    def _local(event: QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDropEvent)  # drag enter and move events are drop events
            if self._local(event) and not self.importer.busy:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = dropped_files(self._local(event))
            if files and self.importer.start(files):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        return False
