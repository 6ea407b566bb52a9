"""A new draft from a template, as a Word user meets it (user trial 15): the caret waits
in the empty title on the page, whose grey prompt says what goes there; typing replaces the
prompt with the title (one model edit, undone by Ctrl+Z, prompt back); the prompt is painted,
never part of the text, the export or Find."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.gui.main_window import MainWindow
from tests.gui.draft_driver import CTRL


def test_a_new_draft_is_typed_on_from_its_title(qtbot: QtBot, window: MainWindow) -> None:
    draft = window.drafts.create_from_template("ga-main-committee-draft-resolution")
    assert draft is not None
    page = draft.editor.page
    window.show()
    qtbot.waitExposed(window)
    assert page.caret() == (("title",), 0)
    title = page._index[("title",)]
    symbol = next(i for i, s in enumerate(page.specs) if s.kind == "mh_symbol")
    assert page.placeholder(title) == "Type the title of the text here"
    assert page.placeholder(symbol) == "Symbol"
    # A line with text shows no prompt ("The General Assembly," of the template).
    assert page.placeholder(page._index[("authoring",)]) == ""
    assert page.document().findBlockByNumber(title).text() == ""  # painted, not typed
    assert page.placeholder(-1) == "" and page.placeholder(len(page.specs)) == ""
    page.grab()  # paints the prompts without error

    qtbot.keyClicks(page, "Oceans and the law of the sea")
    draft.controller.end_typing()
    assert draft.controller.doc.title == "Oceans and the law of the sea"
    assert page.placeholder(page._index[("title",)]) == ""
    assert "Type the title" not in page.document().toPlainText()

    qtbot.keyClick(page, Qt.Key.Key_Z, CTRL)
    assert draft.controller.doc.title == ""
    assert page.placeholder(page._index[("title",)]) == "Type the title of the text here"
