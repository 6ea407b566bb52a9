"""Find and Replace in the draft (issue 18 item 3), on the France draft in the window:
Ctrl+F on the page opens the find bar, every occurrence is shaded and the first selected,
F3 / Shift+F3 step, match case and whole words narrow, the footnotes are searched as the
page shows them; Ctrl+H replaces one occurrence then all, and one Ctrl+Z takes Replace All
back. Counts read from the draft's text by hand: "protocol" is in the title twice and ten
times in the paragraphs, one of them in "Protocols"; "Migrants Protocol" is in operative
2, 6 and 9 (c)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drafting_app.gui.document.find_bar import OWNER
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.describe import describe
from tests.gui.draft_driver import CTRL, SHIFT
from tests.gui.test_footnotes_dock import france, tools  # noqa: F401


def test_find_steps_through_the_draft_and_its_options(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    page, bar = france.editor.page, france.editor.find_bar
    doc = france.controller.doc
    page.setFocus()
    page.set_caret(("p", doc.preamble[0].id), 0)
    qtbot.keyClick(page, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and bar.query.hasFocus()
    assert not bar.replace_row.isVisible()
    qtbot.keyClicks(bar.query, "Migrants Protocol")
    op2, op6 = doc.operative[1], doc.operative[5]
    assert bar.count.text() == "1 of 3"
    assert page.textCursor().selectedText() == "Migrants Protocol"
    assert page.caret() == (("p", op2.id), op2.text.index("Migrants Protocol") + 17)
    shaded = page.decorations._overlays[OWNER]
    assert sorted(len(v) for v in shaded.values()) == [1, 1, 1]
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)  # next
    assert bar.count.text() == "2 of 3" and page.caret()[0] == ("p", op6.id)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.keyClick(window, Qt.Key.Key_F3)  # round the end: the first again
    assert bar.count.text() == "1 of 3" and page.caret()[0] == ("p", op2.id)
    qtbot.keyClick(window, Qt.Key.Key_F3, SHIFT)
    assert bar.count.text() == "3 of 3"

    bar.query.setText("protocol")
    assert len(bar.matches) == 12
    assert sum(1 for m in bar.matches if m.key == ("title",)) == 2
    bar.whole.setChecked(True)
    assert len(bar.matches) == 11  # not "Protocols"
    bar.case.setChecked(True)
    assert bar.matches == [] and bar.count.text() == "Not found"
    bar.case.setChecked(False)
    bar.whole.setChecked(False)
    # The notes as the page shows them: note 1 and the three Ibid. notes written out.
    bar.query.setText("Treaty Series")
    assert [m.key[0] for m in bar.matches] == ["note"] * 4
    bar.notes.setChecked(False)
    assert bar.matches == []
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible() and page.decorations._overlays[OWNER] == {}
    assert QApplication.focusWidget() is page


def test_replace_one_then_all_in_one_undo_step(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    page, bar = france.editor.page, france.editor.find_bar
    doc = france.controller.doc
    before = describe(doc)
    page.setFocus()
    page.set_caret(("p", doc.preamble[0].id), 0)
    qtbot.keyClick(page, Qt.Key.Key_H, CTRL)
    assert bar.isVisible() and bar.replace_row.isVisible()
    qtbot.keyClicks(bar.query, "Migrants Protocol")
    bar.replacement.setText("Smuggling of Migrants Protocol")
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)  # the selected one
    op2, op6 = doc.operative[1], doc.operative[5]
    assert "the Smuggling of Migrants Protocol;" in op2.text
    assert bar.count.text() == "2 of 3"  # now in the new text too, on to the next
    assert page.caret()[0] == ("p", op6.id)
    steps = france.controller.stack.count()
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert france.controller.stack.count() == steps + 1  # one undo step
    assert "Smuggling of Smuggling" in op2.text  # the first replaced again: all are replaced
    assert op6.text.endswith("article 18 of the Smuggling of Migrants Protocol;")
    assert "3 replaced" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # Replace All, all of it
    assert "Smuggling of Smuggling" not in op2.text and "Smuggling of Migrants" in op2.text
    assert op6.text.endswith("article 18 of the Migrants Protocol;")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the one Replace
    assert describe(doc) == before


def test_escape_closes_the_bar_from_its_controls_and_from_the_page(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    """User trial 17: Esc closed the bar only from the find field."""
    page, bar = france.editor.page, france.editor.find_bar
    page.setFocus()
    for focus in (bar.case, bar.replace_all_button, page):
        qtbot.keyClick(page, Qt.Key.Key_H, CTRL)
        qtbot.keyClicks(bar.query, "Protocol")
        assert bar.isVisible() and page.decorations._overlays[OWNER]
        focus.setFocus()
        qtbot.waitUntil(focus.hasFocus)
        qtbot.keyClick(focus, Qt.Key.Key_Escape)
        assert not bar.isVisible(), focus
        assert not page.decorations._overlays.get(OWNER)  # the shading goes with the bar
        assert page.hasFocus()
    before = page.caret()
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # bar closed: Esc on the page changes nothing
    assert page.caret() == before and not bar.isVisible()
