"""Issue 20 item 5 in the window: File › Open takes the same decision as the command line
on the same file — the junk "Blah blah" Word file is refused with the reason ``check``
gives — and the app's own export opens with nothing reported as left out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.export.docx_writer import write_docx
from drafting_app.gui.main_window import MainWindow
from tests.conftest import CORPUS_FILES, REALDOCS

JUNK = REALDOCS / "mun-docx" / "MUN_Eddy12597_test_no_line_space.docx"
CTRL = Qt.KeyboardModifier.ControlModifier


def open_with_ctrl_o(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)


def test_the_junk_word_file_is_refused_as_check_refuses_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = subprocess.run(
        [sys.executable, "-m", "drafting_app", "check", str(JUNK)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 2
    reason = cli.stderr.strip().removeprefix("drafting-app: ")
    assert "does not read as a resolution or decision" in reason
    open_with_ctrl_o(qtbot, window, monkeypatch, JUNK)
    qtbot.waitUntil(lambda: window.drafts.last_warning is not None, timeout=5000)
    box = window.drafts.last_warning
    assert isinstance(box, QMessageBox)
    assert reason in box.text()
    assert window.drafts.open == []  # no draft made of it


def test_the_apps_own_export_opens_with_nothing_left_out(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    assert doc.masthead is not None
    doc.masthead.symbol = "CTOC/COP/2008/L.4"
    exported = write_docx(doc, tmp_path / "L4.docx")
    open_with_ctrl_o(qtbot, window, monkeypatch, exported)
    qtbot.waitUntil(lambda: window.drafts.word_import.dialog is not None, timeout=5000)
    dialog = window.drafts.word_import.dialog
    assert dialog is not None
    assert dialog.left_out() == {}
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Everything in the file was imported; nothing was left out." in texts
    assert (
        "Not listed: the file's running header (the document symbol) and page numbers, "
        "which the export writes again." in texts
    )
