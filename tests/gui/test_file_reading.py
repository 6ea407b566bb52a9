"""File › Open and import read in the reading process (issue 22 §4, §5): the window goes
on with its event loop while a file is read, a progress dialog with Cancel shows once the
reading lasts, Cancel stops the reader wherever it is and opens nothing, a reader that
exhausts its memory or dies is a refusal with a message, never the app's end. What the
reader repaired is said when the draft opens."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

import drafting_app.gui.files.drafts as drafts_module
from drafting_app.clauses.document_templates import new_document
from drafting_app.gui.files.reader_process import READER
from drafting_app.gui.main_window import MainWindow
from drafting_app.storage.project import SUFFIX, save_project
from tests.conftest import REALDOCS
from tests.gui import reading_probes

UN_DOCX = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"
GA_TEXT = "The General Assembly,\n\nRecalling its resolution 64/293,\n\n1. Decides to act.\n"


def _pid_of_reading(path: Path) -> int:
    return int(Path(f"{path}.pid").read_text(encoding="ascii"))


def _open_and_drop(window: MainWindow, path: Path) -> None:
    """Open ``path`` (it must open), then close it unsaved without a question."""
    draft = window.drafts.open_path(path)
    assert draft is not None
    draft.controller.stack.setClean()
    window.drafts.close(draft)


def test_a_draft_is_read_in_a_process_of_its_own(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"d{SUFFIX}"
    save_project(new_document("cop-draft-resolution"), path)
    monkeypatch.setattr(drafts_module, "load_project", reading_probes.load_project_noting_pid)
    assert window.drafts.open_path(path) is not None
    # not the app's process (before: its UI thread, then a thread of the app's process)
    assert _pid_of_reading(path) not in (os.getpid(), 0)
    assert _pid_of_reading(path) == READER.pid


def test_cancel_stops_a_long_reading_and_the_window_keeps_turning(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(GA_TEXT, encoding="utf-8")
    monkeypatch.setattr("drafting_app.corpus.readers.read_document", reading_probes.read_for_ever)
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    seen: list[str] = []

    def press_cancel() -> None:
        box = window.findChild(QProgressDialog, "fileReadingProgress")
        if box is None or not box.isVisible() or not Path(f"{path}.pid").exists():
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
    assert seen == ["Reading long.txt…"]
    assert window.drafts.open == []
    assert len(ticks) > 10  # the event loop turned while the file was read
    killed = _pid_of_reading(path)
    monkeypatch.undo()
    _open_and_drop(window, path)  # the next reading: in a new process
    assert READER.pid not in (None, killed)


@pytest.mark.parametrize(
    ("reader", "said"),
    [
        (reading_probes.read_without_end, "needed more than 1024 MB of memory"),
        (reading_probes.read_and_die, "the reader stopped while reading it"),
    ],
)
def test_a_reader_that_exhausts_memory_or_dies_is_a_refusal_not_the_apps_end(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reader: object,
    said: str,
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(GA_TEXT, encoding="utf-8")
    monkeypatch.setattr("drafting_app.corpus.readers.read_document", reader)
    assert window.drafts.open_path(path) is None
    box = window.drafts.last_warning
    assert box is not None and "hostile.txt was not read" in box.text() and said in box.text()
    box.accept()
    monkeypatch.undo()
    _open_and_drop(window, path)  # and the next file is read


def test_a_word_volume_is_imported_through_the_reading_process(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import drafting_app.gui.files.word_import as word_import

    path = tmp_path / UN_DOCX.name
    path.write_bytes(UN_DOCX.read_bytes())
    monkeypatch.setattr(word_import, "read_word_texts", reading_probes.read_word_texts_noting_pid)
    window.drafts.open_path(path)
    assert _pid_of_reading(path) not in (os.getpid(), 0)
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


def test_work_alongside_the_reading_is_waited_for_with_the_window_turning(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The draft editor's imports run on a thread while the first draft is read; when they
    outlast the reading the window still turns until they are done (joined on the
    window's thread afterwards, they froze it)."""
    import threading

    from drafting_app.gui.files.file_reading import read_in_worker
    from drafting_app.storage.project import load_project

    path = tmp_path / f"small{SUFFIX}"
    save_project(new_document("cop-draft-resolution"), path)
    done: list[float] = []
    alongside = threading.Thread(target=lambda: (time.sleep(0.4), done.append(1.0)))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    alongside.start()
    start = time.perf_counter()
    read = read_in_worker(window, path.name, load_project, path, alongside=alongside)
    timer.stop()
    assert done and not alongside.is_alive()  # it was waited for
    assert read.error is None and read.value is not None
    assert (time.perf_counter() - start) >= 0.39
    gaps = [b - a for a, b in zip([start, *ticks], ticks, strict=False)]
    assert len(ticks) >= 15 and max(gaps) < 0.2  # the window turned all along
