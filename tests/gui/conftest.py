"""GUI fixtures: a real corpus store (SQLite in the test's private home) and a shown main
window driven by qtbot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.files.drafts import Drafts
from drafting_app.gui.main_window import MainWindow


def show_active(qtbot: QtBot, w: MainWindow) -> None:
    """Show and activate: window shortcuts (Ctrl+N, Alt+Up …) need the active window."""
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()


@pytest.fixture(autouse=True)
def _clipboard_emptied() -> Iterator[None]:
    """The page's copy puts a QMimeData made in Python on the clipboard; left there, Qt
    deletes it after Python at the end of the run and the process dies with SIGSEGV
    (exit code 139 after every test passed). Emptied after each test, while both live."""
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.clipboard().clear()
        app.processEvents()


@pytest.fixture
def store() -> Iterator[CorpusStore]:
    with CorpusStore.open() as s:
        yield s


@pytest.fixture(autouse=True)
def _no_blocking_prompt(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Closing a window with unsaved drafts asks Save/Discard/Cancel in a modal box; at
    the end of a test the answer is Discard (tests that test the prompt set their own)."""
    asked: list[str] = []

    def discard(self: Drafts, name: str) -> QMessageBox.StandardButton:
        asked.append(name)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(Drafts, "ask_unsaved", discard)
    return asked


@pytest.fixture
def window(qtbot: QtBot, store: CorpusStore) -> MainWindow:
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1400, 900)  # a laptop-sized window (the offscreen screen is 800×600)
    show_active(qtbot, w)
    return w
