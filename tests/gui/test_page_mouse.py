"""The mouse on the page (issue 18 item 4), on the France draft: a selection dragged to
another place moves with its footnote mark (the same note) in one undo step; text dropped
from elsewhere is pasted where it falls; a press inside the selection keeps it (a drag may
start) and a press that does not drag puts the caret there; the right button's menu cuts,
copies, pastes and sets italics, with the spelling suggestions on top over a misspelt
word."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.describe import describe
from tests.gui.draft_driver import CTRL
from tests.gui.test_footnotes_dock import france, tools  # noqa: F401
from tests.gui.test_spelling import open_draft, word_point

LEFT = Qt.MouseButton.LeftButton
Z = Qt.Key.Key_Z


def test_a_dragged_selection_moves_with_its_mark_in_one_step(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    view = france.editor.page
    doc = france.controller.doc
    before = describe(doc)
    op1, op2 = doc.operative[0], doc.operative[1]
    mark = op1.anchors[0]
    start = mark.offset - len("Organized Crime,")
    notes = len(doc.footnotes)
    view.setFocus()
    # Select "Organized Crime," with its figure, as the mouse does, and drop it before the
    # ";" that closes operative 2.
    assert view.select_paragraph(op1.id, start, mark.offset)
    end = view.position_of(("p", op1.id), mark.offset)
    assert end is not None
    cursor = view.textCursor()
    cursor.setPosition(cursor.selectionStart())
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.textCursor().selectedText() == "Organized Crime,2"
    steps = france.controller.stack.count()
    assert view.mouse.move_selection_to(view.viewport_point(("p", op2.id), len(op2.text) - 1))
    assert france.controller.stack.count() == steps + 1
    assert op2.text.endswith("Migrants ProtocolOrganized Crime,;")
    assert [a.footnote_id for a in op2.anchors] == [mark.footnote_id]
    assert len(doc.footnotes) == notes  # moved, not copied
    assert view.caret() == (("p", op2.id), len(op2.text) - 1)
    qtbot.keyClick(window, Z, CTRL)
    assert describe(doc) == before
    # Dropped onto itself, nothing moves.
    assert view.select_paragraph(op1.id, start, mark.offset)
    inside = view.viewport_point(("p", op1.id), start + 3)
    assert not view.mouse.move_selection_to(inside)
    assert describe(doc) == before


def test_text_dropped_from_elsewhere_is_pasted_where_it_falls(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    view = france.editor.page
    op4 = france.controller.doc.operative[3]
    mime = QMimeData()
    mime.setText("without delay ")
    at = op4.text.index("to fulfil")
    view.mouse.paste_at(view.viewport_point(("p", op4.id), at), mime)
    assert op4.text[at:].startswith("without delay to fulfil")


def test_a_press_in_the_selection_keeps_it_until_released(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    view = france.editor.page
    op3 = france.controller.doc.operative[2]
    view.setFocus()
    view.select_paragraph(op3.id, 6, 40)
    inside = view.viewport_point(("p", op3.id), 20)
    qtbot.mousePress(view.viewport(), LEFT, pos=inside)
    assert view.textCursor().hasSelection()  # a drag may start from here
    qtbot.mouseRelease(view.viewport(), LEFT, pos=inside)
    assert not view.textCursor().hasSelection()
    assert view.caret() == (("p", op3.id), 20)


def test_the_page_menu_cuts_copies_and_pastes(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    view = france.editor.page
    doc = france.controller.doc
    op3 = doc.operative[2]
    text = op3.text
    view.setFocus()
    view.select_paragraph(op3.id, 0, len("Urges "))
    menu = view.createStandardContextMenu(view.viewport_point(("p", op3.id), 2))
    entries = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert list(entries) == ["Cu&t", "&Copy", "&Paste", "&Italic", "Insert &Footnote",
                             "Select &All", "Add Section &Heading Above"]  # fmt: skip
    assert entries["Cu&t"].isEnabled() and entries["Cu&t"].shortcut().toString() == "Ctrl+X"
    entries["Cu&t"].trigger()
    assert op3.text == text[len("Urges ") :]
    assert QApplication.clipboard().mimeData().text() == "Urges "
    # A right-click elsewhere puts the caret there first: Paste goes where the mouse is.
    end = len(op3.text) - 1
    menu = view.createStandardContextMenu(view.viewport_point(("p", op3.id), end))
    assert view.caret() == (("p", op3.id), end)
    paste = next(a for a in menu.actions() if a.text() == "&Paste")
    assert not next(a for a in menu.actions() if a.text() == "Cu&t").isEnabled()
    paste.trigger()
    assert op3.text.endswith("theretoUrges ;")  # what was copied, where the mouse was
    qtbot.keyClick(window, Z, CTRL)
    qtbot.keyClick(window, Z, CTRL)
    assert op3.text == text


def test_over_a_misspelt_word_the_menu_has_the_suggestions_on_top(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = open_draft(qtbot, window)
    view = draft.editor.page
    pp1 = draft.controller.doc.preamble[0]
    seen: list[list[str]] = []

    def look() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([a.text() for a in menu.actions() if not a.isSeparator()])
        menu.close()

    QTimer.singleShot(200, look)
    point: QPoint = word_point(view, ("p", pp1.id), pp1.text.index("resoluton") + 3)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][0] == "resolution"
    assert seen[0][-6:] == ["Cu&t", "&Copy", "&Paste", "&Italic", "Insert &Footnote",
                            "Select &All"]  # fmt: skip
