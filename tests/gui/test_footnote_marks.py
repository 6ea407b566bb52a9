"""Footnote marks in the paragraph editor (the France draft): the derived number drawn as a
superscript at each mark's place, with room in the line so it covers no letter; renumbered
when a note is added or deleted elsewhere; carried by typing before and after it, by
deleting text around it and by undo/redo; hovering shows the note, double-click or
Ctrl+click chooses it in both footnote lists. The widget's text is always the model's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from drafting_app.gui.citation_tools import CitationTools
from drafting_app.gui.document.paragraph_editor import ParagraphEditor
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Footnote, Paragraph
from drafting_app.model.edits import AddFootnote
from drafting_app.model.numbering import footnote_numbers
from tests.gui.draft_driver import CTRL, click_paragraph
from tests.gui.test_footnotes_dock import france, put_caret, tools  # noqa: F401

Z = Qt.Key.Key_Z
LEFT = Qt.MouseButton.LeftButton


def caret_x(edit: ParagraphEditor, position: int) -> int:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    return edit.cursorRect(cursor).x()


def drawn(edit: ParagraphEditor) -> list[tuple[int, str]]:
    """(offset, number) of the marks drawn, after checking each stands where it belongs:
    in room of its own after the character before it, on that character's line, the
    caret at its offset (and so the next letter) after it."""
    p = edit.paragraph()
    assert p is not None
    assert edit.toPlainText() == p.text  # a mark is never a character of the text
    placed = edit.placed_marks()
    assert [m.mark for m in placed] == edit.marks()
    numbers = footnote_numbers(edit.controller.doc)
    for m in placed:
        offset, rect = m.mark.offset, m.rect
        assert m.mark.label == ",".join(str(numbers[f]) for f in m.mark.footnote_ids)
        assert abs(rect.right() - caret_x(edit, offset)) <= 1
        assert rect.width() >= edit.mark_metrics.width(m.mark) - 0.01
        if offset > 0:
            before = QTextCursor(edit.document())
            before.setPosition(offset - 1)
            char = edit.cursorRect(before)
            assert char.x() < rect.left()  # after the character, not over it
            assert char.top() == int(rect.top())  # on its line
        if offset < len(p.text):
            assert caret_x(edit, offset + 1) > rect.right()  # the next letter follows
        assert m.baseline - rect.top() > 0
    return [(m.mark.offset, m.mark.label) for m in placed]


def show(qtbot: QtBot, draft: OpenDraft, pid: str) -> ParagraphEditor:
    click_paragraph(qtbot, draft.editor, pid)
    return draft.editor.editor


def caret_before_crime(qtbot: QtBot, draft: OpenDraft) -> tuple[ParagraphEditor, Paragraph]:
    """Operative 1, the caret before "Crime," that carries note 2."""
    op1 = draft.controller.doc.operative[0]
    put_caret(qtbot, draft, op1.id, op1.anchors[0].offset - len("Crime,"))
    return draft.editor.editor, op1


def test_marks_stand_at_their_offsets_with_the_derived_numbers(
    qtbot: QtBot,
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    op1 = doc.operative[0]
    edit = show(qtbot, france, op1.id)
    assert drawn(edit) == [(op1.anchors[0].offset, "2"), (op1.anchors[1].offset, "3")]
    assert op1.text[op1.anchors[0].offset - 6 : op1.anchors[0].offset] == "Crime,"
    # The room is real layout: the comma and its mark are wider than the comma alone.
    comma = op1.anchors[0].offset - 1
    assert caret_x(edit, comma + 1) - caret_x(edit, comma) > edit.mark_metrics.width(
        edit.marks()[0]
    )
    assert drawn(show(qtbot, france, doc.preamble[0].id)) == [
        (doc.preamble[0].anchors[0].offset, "1")
    ]
    assert drawn(show(qtbot, france, doc.preamble[1].id)) == []


def test_marks_renumber_when_notes_are_added_and_deleted_elsewhere(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    pp2, op9 = doc.preamble[1], doc.operative[8]
    edit = show(qtbot, france, op9.id)
    offset = op9.anchors[0].offset
    assert drawn(edit) == [(offset, "5")]
    narrow = edit.placed_marks()[0].rect.width()

    # Five notes earlier in the draft: note 5 becomes 10, and its room widens with it.
    for _ in range(5):
        assert france.controller.apply(AddFootnote(pp2.id, len(pp2.text), Footnote("A/80/1.")))
    assert drawn(edit) == [(offset, "10")]
    assert edit.placed_marks()[0].rect.width() > narrow
    assert edit.toPlainText() == op9.text

    for _ in range(5):
        qtbot.keyClick(window, Z, CTRL)
    assert drawn(edit) == [(offset, "5")]

    # Deleting note 2 (in operative 1) renumbers the mark of note 3 there to 2.
    op1 = doc.operative[0]
    edit = show(qtbot, france, op1.id)
    panel = france.editor.footnotes
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert drawn(edit) == [(op1.anchors[0].offset, "2")]
    qtbot.keyClick(window, Z, CTRL)
    assert [label for _, label in drawn(edit)] == ["2", "3"]


# Marks moving with typing before and after them, and with undo: ported to the page
# (tests/gui/test_page_view.py), where the draft is now typed.


def test_deleting_text_that_holds_a_mark_keeps_the_note_at_the_cut(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    edit, op1 = caret_before_crime(qtbot, france)
    first = op1.anchors[0].offset
    cursor = edit.textCursor()
    cursor.setPosition(first + len(" and"), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    assert cursor.selectedText() == "Crime, and"
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    # The model keeps the note and puts its mark where the cut was.
    cut = first - len("Crime,")
    assert doc.paragraph(op1.id).anchors[0].offset == cut
    assert len(doc.footnotes) == 5
    assert drawn(edit)[0] == (cut, "2")
    qtbot.keyClick(window, Z, CTRL)
    assert drawn(edit)[0] == (first, "2")


def test_a_mark_before_the_first_letter_and_two_marks_at_one_place(
    qtbot: QtBot,
    window: MainWindow,
    tools: CitationTools,  # noqa: F811
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    pp2 = doc.preamble[1]
    edit = show(qtbot, france, pp2.id)
    margin = edit.document().documentMargin()
    start = Footnote("At the start.")
    a, b = Footnote("First of two."), Footnote("Second of two.")
    end = len(pp2.text)
    for note, at in ((start, 0), (a, end), (b, end)):
        assert france.controller.apply(AddFootnote(pp2.id, at, note))
    assert drawn(edit) == [(0, "2"), (end, "3,4")]
    assert edit.placed_marks()[0].rect.left() >= 0  # in the widened margin
    assert caret_x(edit, 0) >= edit.placed_marks()[0].rect.right() - 1

    # Ctrl+click on the 4 of "3,4" chooses the second note.
    pair = edit.placed_marks()[1].rect
    qtbot.mouseClick(
        edit.viewport(), LEFT, CTRL, QPoint(int(pair.right()) - 3, int(pair.center().y()))
    )
    assert tools.footnotes.selected_id() == b.id
    assert france.editor.footnotes.current_fid() == b.id

    for _ in range(3):
        qtbot.keyClick(window, Z, CTRL)
    assert drawn(edit) == []
    assert edit.document().documentMargin() == margin  # the margin is back to the usual


def test_hovering_a_mark_shows_its_note_and_double_click_chooses_it(
    qtbot: QtBot,
    tools: CitationTools,  # noqa: F811
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    op1 = doc.operative[0]
    edit = show(qtbot, france, op1.id)
    second = edit.placed_marks()[1]
    at = second.rect.center().toPoint()
    viewport = edit.viewport()
    qtbot.mouseMove(viewport, at)
    assert viewport.cursor().shape() == Qt.CursorShape.PointingHandCursor
    tip = QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at))
    edit.viewportEvent(tip)
    assert QToolTip.isVisible()
    assert QToolTip.text() == (
        "<b>3</b>&nbsp; United Nations, <i>Treaty Series</i>, vol. 2241, No. 39574."
    )  # the full source, though it prints as "Ibid."
    off = QPoint(int(second.rect.left()) - 40, at.y())
    edit.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, off, viewport.mapToGlobal(off)))
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)  # Qt hides it in 300 ms

    qtbot.mouseDClick(viewport, LEFT, pos=at)
    fid = op1.anchors[1].footnote_id
    assert tools.footnotes.selected_id() == fid
    assert france.editor.footnotes.current_fid() == fid
    assert tools.footnotes_dock.isVisible()
    assert not edit.textCursor().hasSelection()  # no word selected by the double-click
    assert edit.toPlainText() == doc.paragraph(op1.id).text


def test_a_comma_typed_before_the_marked_comma_pushes_the_mark_on(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    """The text alone cannot say which of two commas is new; the editor can. The marked
    comma of "Crime,²" moves right when a comma is typed before it."""
    doc = france.controller.doc
    edit, op1 = caret_before_crime(qtbot, france)
    first, second = (a.offset for a in op1.anchors)
    assert op1.text[first - 6 : first] == "Crime,"
    cursor = edit.textCursor()
    cursor.setPosition(first - 1)  # between "Crime" and its comma
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, ",")
    p = doc.paragraph(op1.id)
    assert p.text[first - 6 : first + 1] == "Crime,,"
    assert [a.offset for a in p.anchors] == [first + 1, second + 1]
    assert drawn(edit) == [(first + 1, "2"), (second + 1, "3")]
