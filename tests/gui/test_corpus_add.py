"""Corpus › Add Documents… and drops on the corpus dock (issue 8 §4): several files of
every form read on a worker thread behind a cancellable progress dialog, one result per
file, the browser refreshed. Real files, the real SQLite corpus store."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.corpus.corpus_import import AddResult, Outcome
from drafting_app.gui.main_window import MainWindow
from drafting_app.paths import user_corpus_dir
from tests.conftest import REALDOCS

PDF = REALDOCS / "pdf" / "A_RES_73_8-EN.pdf"
DOCX = REALDOCS / "mun-docx" / "MUN_Eddy12597_test1.docx"
TXT = REALDOCS / "ga" / "A-RES-80-2_article-19-exemptions-2025.txt"
TIMEOUT = 60_000


def _rows(window: MainWindow) -> list[tuple[str, str]]:
    dialog = window.corpus_actions.last_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog.lines()


def _add(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> list[AddResult]:
    with qtbot.waitSignal(window.corpus_actions.importer.finished, timeout=TIMEOUT) as done:
        assert window.corpus_actions.add_paths(paths)
    results: list[AddResult] = done.args[0]
    return results


def test_adding_a_pdf_a_docx_a_text_and_a_bad_file_reports_each(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    chosen = [PDF, DOCX, TXT, bad]
    offered: list[str] = []

    def choose(*args: Any, **kwargs: Any) -> tuple[list[str], str]:
        offered.append(args[3])
        return [str(p) for p in chosen], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    with qtbot.waitSignal(window.corpus_actions.importer.finished, timeout=TIMEOUT) as done:
        window.add_action.trigger()
        importer = window.corpus_actions.importer
        progress = importer.progress
        assert importer.busy and progress is not None
        assert progress.isVisible() and progress.isModal()
        assert progress.maximum() == 4
    assert all(f"*{s}" in offered[0] for s in (".docx", ".pdf", ".txt", ".md"))
    results: list[AddResult] = done.args[0]
    assert [r.outcome for r in results] == [Outcome.ADDED] * 3 + [Outcome.REFUSED]
    assert not window.corpus_actions.importer.busy
    assert progress is not None and not progress.isVisible()
    rows = _rows(window)
    assert [r[0] for r in rows] == [p.name for p in chosen]
    assert (
        rows[0][1] == "Added: Resolution 73/8 — Necessity of ending the economic, commercial and "
        "financial embargo imposed by the United States of America against Cuba (13 paragraphs)"
    )
    # 3 preambular, 3 operative and 13 sub-paragraphs (MUN_climate-cooperation_test1.txt)
    assert rows[1][1] == (
        "Added: Draft resolution — Addressing Climate Change Through International "
        "Cooperation (19 paragraphs)"
    )
    assert rows[2][1].startswith("Added: Resolution 80/2") and "(8 paragraphs)" in rows[2][1]
    assert rows[3][1].startswith("Not added: broken.docx is damaged or truncated")
    dialog = window.corpus_actions.last_dialog
    assert dialog is not None
    assert dialog.summary.text() == "3 of 4 files added; 1 refused."
    # The corpus grew by the three good files; the browser and status bar show them.
    assert window.browser.model.rowCount() == 8
    assert window.corpus_size.text() == "Corpus: 8 documents"
    assert sorted(p.name for p in user_corpus_dir().iterdir()) == sorted(p.name for p in chosen[:3])


def test_a_file_already_in_the_corpus_is_said_so_and_not_copied_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert [r.outcome for r in _add(qtbot, window, [TXT])] == [Outcome.ADDED]
    copy = tmp_path / "same-text-other-name.txt"
    copy.write_bytes(TXT.read_bytes())
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    results = _add(qtbot, window, [copy, empty])
    assert [r.outcome for r in results] == [Outcome.KNOWN, Outcome.REFUSED]
    rows = _rows(window)
    assert rows[0][1].startswith("Already in the corpus: Resolution 80/2")
    assert "empty" in rows[1][1]
    assert window.corpus_actions.last_dialog is not None
    assert window.corpus_actions.last_dialog.summary.text() == (
        "0 of 2 files added; 1 already in the corpus; 1 refused."
    )
    assert [p.name for p in user_corpus_dir().iterdir()] == [TXT.name]
    assert window.browser.model.rowCount() == 6


class _Gate:
    """The real corpus store whose add_document waits until the test opens the gate, so
    the test can act while the worker thread is inside a file."""

    def __init__(self, store: CorpusStore) -> None:
        self.store = store
        self.entered = threading.Event()
        self.release = threading.Event()

    def add_document(self, path: Path) -> Any:
        self.entered.set()
        if not self.release.wait(TIMEOUT / 1000):
            raise TimeoutError("the test never opened the gate")
        return self.store.add_document(path)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def test_the_window_stays_responsive_and_stop_keeps_the_rest_out(
    qtbot: QtBot, window: MainWindow, store: CorpusStore, tmp_path: Path
) -> None:
    gate = _Gate(store)
    importer = window.corpus_actions.importer
    importer._corpus = gate  # the worker reads through the gate
    assert importer.start([TXT, DOCX, PDF])
    progress = importer.progress
    assert progress is not None
    qtbot.waitUntil(gate.entered.is_set, timeout=5000)
    # The worker is inside the first file; the UI thread still runs its event loop.
    ticks: list[int] = []
    qtbot.waitUntil(lambda: bool(ticks.append(1)) or len(ticks) > 3, timeout=2000)
    qtbot.waitUntil(lambda: progress.labelText().startswith("Reading "), timeout=2000)
    assert progress.labelText() == f"Reading {TXT.name} (1 of 3)…"
    stop = progress.findChild(QPushButton)
    assert stop is not None and stop.text() == "Stop"
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    # Still up (the store is the worker's until the reader has stopped), saying so.
    assert progress.isVisible() and progress.labelText() == "Stopping…"
    with qtbot.waitSignal(importer.finished, timeout=TIMEOUT) as done:
        gate.release.set()
    results: list[AddResult] = done.args[0]
    # The file being read stops too, at the reader's next step (issue 22 §5): Stop is not
    # "after this file", which could take as long as the file's reading takes.
    assert [r.outcome for r in results] == [Outcome.STOPPED] * 3
    assert _rows(window)[0] == (TXT.name, "Not added: stopped by you.")
    assert window.browser.model.rowCount() == 5
    assert not user_corpus_dir().is_dir() or list(user_corpus_dir().iterdir()) == []


def _drop_on(widget: Any, mime: QMimeData) -> tuple[bool, bool]:
    enter = QDragEnterEvent(
        QPoint(20, 40), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(
        QPointF(20, 40), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_files_dropped_on_the_corpus_dock_are_added(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "from colleagues"
    folder.mkdir()
    (folder / "notes.odt").write_bytes(b"not for the corpus")
    (folder / DOCX.name).write_bytes(DOCX.read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(TXT)), QUrl.fromLocalFile(str(folder))])
    dock = window.corpus_dock
    assert dock.acceptDrops()
    with qtbot.waitSignal(window.corpus_actions.importer.finished, timeout=TIMEOUT) as done:
        assert _drop_on(dock, mime) == (True, True)
    results: list[AddResult] = done.args[0]
    # The folder brings its Word file; a file of another kind in it is not offered.
    assert [(r.path.name, r.outcome) for r in results] == [
        (TXT.name, Outcome.ADDED),
        (DOCX.name, Outcome.ADDED),
    ]
    assert window.browser.model.rowCount() == 7
    # Text that is not a file is refused at the door.
    words = QMimeData()
    words.setText("Recalling its resolution 5/2")
    assert _drop_on(dock, words) == (False, False)
    assert not window.corpus_actions.importer.busy


def test_closing_the_window_while_adding_stops_the_file_being_read(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    gate = _Gate(store)
    importer = window.corpus_actions.importer
    importer._corpus = gate
    finished: list[list[AddResult]] = []
    importer.finished.connect(finished.append)
    assert importer.start([TXT, DOCX])
    qtbot.waitUntil(gate.entered.is_set, timeout=5000)
    opener = threading.Timer(0.3, gate.release.set)  # the file is done a moment later
    opener.start()
    window.close()  # blocks until the worker let go of the store
    opener.join()
    assert not importer.busy
    # The reading in progress stops at its next step (issue 22 §5), nothing half-added.
    assert [[r.outcome for r in batch] for batch in finished] == [[Outcome.STOPPED] * 2]
    assert not user_corpus_dir().is_dir() or list(user_corpus_dir().iterdir()) == []
    assert "user/" + TXT.stem not in [d.doc_id for d in store.documents()]


def test_a_report_volume_is_added_as_every_text_it_holds(qtbot: QtBot, window: MainWindow) -> None:
    volume = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"
    assert [r.outcome for r in _add(qtbot, window, [volume])] == [Outcome.ADDED]
    [(name, result)] = _rows(window)
    assert name == volume.name
    decisions = ", ".join(f"Decision {n}/CMA.3" for n in range(6, 25))
    assert result.startswith(f"Added: 20 texts: {decisions}, Resolution 1/CMA.3 (")
    assert result.endswith(" paragraphs)")
    # Each text is a document of its own in the browser and the status bar.
    assert window.browser.model.rowCount() == 25
    assert window.corpus_size.text() == "Corpus: 25 documents"
    assert [p.name for p in user_corpus_dir().iterdir()] == [volume.name]
    # Adding it again names the texts it already gave.
    assert [r.outcome for r in _add(qtbot, window, [volume])] == [Outcome.KNOWN]
    assert _rows(window)[0][1].startswith(f"Already in the corpus: 20 texts: {decisions}")
