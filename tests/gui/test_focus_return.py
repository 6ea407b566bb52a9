"""Keyboard focus as in Word (user trial finding 5): a click on a paragraph in the outline
hands the keyboard to the page with the caret at that paragraph (typing went nowhere);
after a dialog of the window closes the window is active again and the keyboard on the
page, so Ctrl+W and the other window keys work without a click on the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from tests.gui.draft_driver import CTRL, click_paragraph
from tests.gui.test_footnotes_dock import france, tools  # noqa: F401


def test_a_click_in_the_outline_hands_the_keyboard_to_the_page(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    editor = france.editor
    doc = france.controller.doc
    op4 = doc.operative[3]
    text = op4.text
    click_paragraph(qtbot, editor, op4.id)
    assert QApplication.focusWidget() is editor.page
    assert editor.page.caret() == (("p", op4.id), 0)
    qtbot.keyClicks(QApplication.focusWidget(), "Z")
    france.controller.end_typing()
    assert doc.paragraph(op4.id).text == "Z" + text


def _close_box(qtbot: QtBot, box: QMessageBox) -> None:
    qtbot.waitUntil(box.isVisible, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=2000)
    button = box.button(QMessageBox.StandardButton.Close)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_after_a_dialog_the_keyboard_is_back_on_the_page(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    page = france.editor.page
    page.setFocus()
    box = window.show_word_count()
    assert box is not None
    _close_box(qtbot, box)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page, timeout=2000)
    qtbot.keyClick(page, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: france not in window.drafts.open, timeout=2000)


def test_after_insert_citation_the_keyboard_is_back_on_the_page(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
    tools: object,  # noqa: F811
) -> None:
    """References › Insert Citation: its dialog cancelled, the page has the keys."""
    from drafting_app.gui.document.citation_dialog import CitationDialog

    page = france.editor.page
    page.setFocus()
    page.set_caret(("p", france.controller.doc.operative[0].id), 3)
    qtbot.keyClick(page, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.AltModifier)
    dialog = next(iter(window.findChildren(CitationDialog)), None)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page, timeout=2000)


def test_a_draft_opens_with_the_keyboard_on_its_page(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    """On the Xvfb display of the trial the outline had the keys after opening: typing
    went to the outline's row search, not the page."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is france.editor.page, timeout=2000)
