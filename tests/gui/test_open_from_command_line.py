"""Issue 20 item 8: ``drafting-app FILE`` opens FILE in the window (what a double-click
and "Open with" run); a file that is not there is said so, not silently dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drafting_app.__main__ import is_file_argument, main
from drafting_app.corpus.readers import read_document
from drafting_app.gui.app import FileOpenEvents
from drafting_app.gui.main_window import MainWindow
from drafting_app.storage.project import save_project
from tests.conftest import CORPUS_FILES


def run_and_look(argv: list[str]) -> tuple[int, list[list[str]], list[str]]:
    """Start the app as ``drafting-app ARGV``; note the drafts the window shows and its
    status bar, then close it."""
    seen: list[list[str]] = []
    status: list[str] = []

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        for w in (w for w in windows if w.isVisible()):
            seen.append([d.controller.display_name() for d in w.drafts.open])
            status.append(w.statusBar().currentMessage())
            w.close()

    QTimer.singleShot(800, look_and_close)
    return main(argv), seen, status


def test_a_draft_named_on_the_command_line_opens_in_the_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "Firearms.unres.json"
    save_project(read_document(CORPUS_FILES["resolution_10_3"]), path)
    code, seen, _ = run_and_look([str(path)])
    assert code == 0
    assert seen == [["Firearms.unres.json"]]


def test_a_missing_file_is_said_so(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone.unres.json"
    code, seen, status = run_and_look([str(missing)])
    assert code == 0 and seen == [[]]
    assert f"{missing} was not opened: there is no such file." in capsys.readouterr().err
    assert "there is no such file" in status[0]


def test_file_arguments_and_commands_are_told_apart() -> None:
    assert is_file_argument("draft.unres.json") and is_file_argument("Draft.DOCX")
    assert is_file_argument("./notes") and is_file_argument("/tmp/x")
    assert not is_file_argument("check") and not is_file_argument("--gui")
    assert not is_file_argument("import-report")


def test_a_file_opened_from_the_finder_opens_as_a_draft(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """macOS sends a double-clicked file as an event, not as an argument."""
    path = tmp_path / "Cooperation.unres.json"
    save_project(read_document(CORPUS_FILES["resolution_5_2"]), path)
    app = QCoreApplication.instance()
    assert app is not None
    watcher = FileOpenEvents(window)
    app.installEventFilter(watcher)
    try:
        QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(path))))
    finally:
        app.removeEventFilter(watcher)
    assert [d.controller.path for d in window.drafts.open] == [path]
