"""Word's shortcuts and Edit menu (user trial finding 4): Ctrl+H opens Replace and Ctrl+Y
redoes on every desktop scheme (on X11 Qt binds neither: Replace had no key at all); the
Edit menu has Undo, Redo, Cut, Copy, Paste, Select All, Find and Replace with their keys
shown, and they act on the page; no two enabled actions of a window share a key."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from pytestqt.qtbot import QtBot

from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.revision_tools import install_revision_tools
from tests.gui.draft_driver import CTRL
from tests.gui.test_footnotes_dock import france, tools  # noqa: F401

# The bindings Qt gives on an X11 desktop (read from Qt under Xvfb with QT_QPA_PLATFORM=xcb).
X11 = {
    QKeySequence.StandardKey.Replace: [],
    QKeySequence.StandardKey.Redo: ["Ctrl+Shift+Z"],
}


def _menu(window: MainWindow, title: str) -> list[QAction]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a for a in menu.actions() if not a.isSeparator()]


def _keys(action: QAction) -> list[str]:
    return [k.toString() for k in action.shortcuts()]


def test_the_edit_menu_is_words(window: MainWindow) -> None:
    items = {a.text().replace("&", ""): a for a in _menu(window, "&Edit")}
    for name in ("Undo", "Redo", "Cut", "Copy", "Paste", "Select All", "Find…", "Replace…"):
        assert name in items, f"Edit › {name} missing"
        assert not items[name].shortcut().isEmpty(), f"Edit › {name} shows no key"
    assert items["Replace…"].shortcut().toString() == "Ctrl+H"
    assert items["Redo"].shortcut().toString() == "Ctrl+Y"  # the one the menu shows
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= set(_keys(items["Redo"]))
    assert items["Cut"].shortcut().toString() == "Ctrl+X"
    assert items["Paste"].shortcut().toString() == "Ctrl+V"


def test_word_keys_on_an_x11_scheme(
    qtbot: QtBot, store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the desktop's bindings of an X11 session, Word's keys are still there."""
    real = QKeySequence.keyBindings

    def x11(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        if key in X11:
            return [QKeySequence(k) for k in X11[key]]
        return real(key)

    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(x11))
    w = MainWindow(store)  # type: ignore[arg-type]
    qtbot.addWidget(w)
    items = {a.text().replace("&", ""): a for a in _menu(w, "&Edit")}
    assert _keys(items["Replace…"]) == ["Ctrl+H"]
    assert _keys(items["Redo"]) == ["Ctrl+Y", "Ctrl+Shift+Z"]


def test_ctrl_h_replaces_and_ctrl_y_redoes_on_the_page(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    page, bar = france.editor.page, france.editor.find_bar
    doc = france.controller.doc
    first = doc.preamble[0]
    page.setFocus()
    page.set_caret(("p", first.id), len(first.text))
    qtbot.keyClicks(page, " xyz")
    typed = doc.paragraph(first.id).text
    assert typed.endswith(" xyz")
    qtbot.keyClick(page, Qt.Key.Key_Z, CTRL)
    assert not doc.paragraph(first.id).text.endswith("xyz")
    qtbot.keyClick(page, Qt.Key.Key_Y, CTRL)
    assert doc.paragraph(first.id).text == typed
    qtbot.keyClick(page, Qt.Key.Key_H, CTRL)
    assert bar.isVisible() and bar.replace_row.isVisible()


def test_edit_cut_and_paste_act_on_the_page(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    page = france.editor.page
    doc = france.controller.doc
    first = doc.preamble[0]
    text = first.text
    page.setFocus()
    page.select_paragraph(first.id, 0, 5)
    items = {a.text().replace("&", ""): a for a in _menu(window, "&Edit")}
    items["Cut"].trigger()
    assert doc.paragraph(first.id).text == text[5:]
    assert QGuiApplication.clipboard().text() == text[:5]
    page.set_caret(("p", first.id), 0)
    items["Paste"].trigger()
    assert doc.paragraph(first.id).text == text
    items["Select All"].trigger()
    assert page.textCursor().hasSelection()


def test_no_two_enabled_actions_share_a_key(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    """An ambiguous key does nothing in Qt: every key of the window (with the citation
    and revision tools and a draft open) belongs to one enabled action or shortcut."""
    install_revision_tools(window)
    owners: dict[str, list[str]] = defaultdict(list)
    every = {k.toString() for a in window.findChildren(QAction) for k in a.shortcuts()}
    for action in window.findChildren(QAction):
        if action.isEnabled():
            for key in action.shortcuts():
                owners[key.toString()].append(action.text())
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled():
            owners[shortcut.key().toString()].append("QShortcut")
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert shared == {}
    assert {"Ctrl+H", "Ctrl+Y", "Ctrl+X", "Ctrl+V"} <= every


_XCB_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.main_window import MainWindow
with CorpusStore.open() as store:
    w = MainWindow(store)
    menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Edit")
    for a in menu.actions():
        if not a.isSeparator():
            print(a.text().replace("&", ""), "|", ",".join(k.toString() for k in a.shortcuts()))
"""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (xvfb-run)")
def test_word_keys_on_a_real_x11_display(tmp_path: Path) -> None:
    """The trial's setting: the app on an X11 display (Xvfb), Qt's X11 key scheme."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DRAFTING_APP_HOME": str(tmp_path)}
    run = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", _XCB_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    keys = dict(line.split(" | ") for line in run.stdout.splitlines() if " | " in line)
    assert keys["Replace…"].split(",")[0] == "Ctrl+H"
    assert keys["Redo"].split(",")[:2] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    assert keys["Cut"].startswith("Ctrl+X") and keys["Paste"].startswith("Ctrl+V")
