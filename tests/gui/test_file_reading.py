"""File › Open and import read on a worker thread (issue 22 §5): the window goes on with
its event loop while a file is read, a progress dialog with Cancel shows once the reading
lasts, Cancel stops the reader at its next step and opens nothing. What the reader
repaired is said when the draft opens."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

import drafting_app.gui.files.drafts as drafts_module
from drafting_app.clauses.document_templates import new_document
from drafting_app.corpus.readers import limits
from drafting_app.gui.main_window import MainWindow
from drafting_app.storage.project import SUFFIX, save_project
from tests.conftest import REALDOCS

UN_DOCX = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"


def test_a_draft_is_read_on_a_worker_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"d{SUFFIX}"
    save_project(new_document("cop-draft-resolution"), path)
    threads: list[str] = []
    real = drafts_module.load_project

    def load(p: Path) -> object:
        threads.append(threading.current_thread().name)
        return real(p)

    monkeypatch.setattr(drafts_module, "load_project", load)
    assert window.drafts.open_path(path) is not None
    assert threads == [f"reading {path.name}"]  # not the UI thread (before: MainThread)


def _slow_reader(started: threading.Event) -> object:
    """A reader that works for a long time, step by step, as the real ones do."""
    started.set()
    for _ in range(3000):  # 30 s if never cancelled
        limits.cancelled()
        time.sleep(0.01)
    raise AssertionError("the reading was never cancelled")


def test_cancel_stops_a_long_reading_and_the_window_keeps_turning(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.txt"
    path.write_text("The General Assembly,\n\n1. Decides.\n", encoding="utf-8")
    started = threading.Event()
    monkeypatch.setattr(
        "drafting_app.corpus.readers.read_document", lambda p: _slow_reader(started)
    )
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    seen: list[str] = []

    def press_cancel() -> None:
        box = window.findChild(QProgressDialog, "fileReadingProgress")
        if box is None or not box.isVisible():
            QTimer.singleShot(20, press_cancel)
            return
        seen.append(box.labelText())
        button = box.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_cancel)
    t0 = time.monotonic()
    assert window.drafts.open_path(path) is None
    assert time.monotonic() - t0 < 10  # stopped, not read to its end (30 s)
    timer.stop()
    assert started.is_set() and seen == ["Reading long.txt…"]
    assert window.drafts.open == []
    assert len(ticks) > 10  # the event loop turned while the file was read


def test_a_word_volume_is_imported_through_the_worker(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import drafting_app.gui.files.word_import as word_import

    threads: list[str] = []
    real = word_import.read_word_texts

    def read(p: Path) -> object:
        threads.append(threading.current_thread().name)
        return real(p)

    monkeypatch.setattr(word_import, "read_word_texts", read)
    window.drafts.open_path(UN_DOCX)
    assert threads == [f"reading {UN_DOCX.name}"]
    dialog = window.drafts.word_import.dialog
    assert dialog is not None and dialog.chooser.count() == 20


def test_a_repaired_text_file_says_what_was_repaired(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(
        b"The General Assembly,\n\nRecalling its resolution 64/293,\n\n"
        b"1. Welcomes the Organization\x92s report.\n"
    )
    draft = window.drafts.open_path(path)
    assert draft is not None
    assert "the Organization’s report" in draft.controller.doc.operative[0].text
    box = window.drafts.last_warning
    assert box is not None and "1 byte not in UTF-8 (line 5)" in box.text()
