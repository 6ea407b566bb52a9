"""Footnote marks on the page (the France draft): the derived number set as a superscript
figure right after the character it follows, the next letter after it; renumbered when a
note is added or deleted elsewhere; carried by typing before and after it, by deleting
text around it and by undo/redo; hovering shows the note, double-click or Ctrl+click goes
to the note under the page and chooses it in both footnote lists. The page's text is
always the model's text with the figures between."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from drafting_app.gui.citation_tools import CitationTools
from drafting_app.gui.document.page_blocks import Role
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Footnote, Paragraph
from drafting_app.model.edits import AddFootnote
from drafting_app.model.numbering import footnote_numbers
from tests.gui.draft_driver import CTRL
from tests.gui.test_footnotes_dock import france, put_caret, tools  # noqa: F401

Z = Qt.Key.Key_Z
LEFT = Qt.MouseButton.LeftButton
SUPER = QTextCharFormat.VerticalAlignment.AlignSuperScript


def _x(view: DocumentView, position: int) -> int:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor).x()


def _top(view: DocumentView, position: int) -> int:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor).top()


def mark_spans(view: DocumentView, pid: str) -> list[tuple[int, int, int, str]]:
    """(model offset, view start, view end, figures) of each mark of the paragraph."""
    return [m[:4] for m in _marks(view, pid)]


def _marks(view: DocumentView, pid: str) -> list[tuple[int, int, int, str, tuple[str, ...]]]:
    n = view.block_number(("p", pid))
    assert n is not None
    start = view.block_of(n).position()
    out, at = [], 0
    for piece in view.specs[n].pieces:
        if piece.role is Role.MARK:
            end = start + at + len(piece.text)
            out.append((piece.offset, start + at, end, piece.text, piece.fids))
        at += len(piece.text)
    return out


def drawn(view: DocumentView, pid: str) -> list[tuple[int, str]]:
    """(offset, number) of the marks on the page, after checking each stands where it
    belongs: superscript figures right after the character before it, on its line, the
    next letter after them, the numbers the derived ones."""
    p = view.controller.doc.paragraph(pid)
    n = view.block_number(("p", pid))
    assert n is not None
    shown = view.block_of(n).text()
    marks = _marks(view, pid)
    # Without its figures, the page's line is the model's text.
    plain = "".join(q.text for q in view.specs[n].pieces if q.role is Role.TEXT)
    assert plain == p.text and len(shown) == len(p.text) + sum(len(m[3]) for m in marks)
    numbers = footnote_numbers(view.controller.doc)
    anchored = {a.footnote_id for a in p.anchors}
    for offset, a, b, figures, fids in marks:
        assert set(fids) <= anchored
        assert figures == ",".join(str(numbers[f]) for f in fids)
        assert shown[a - view.block_of(n).position() : b - view.block_of(n).position()] == figures
        cursor = QTextCursor(view.document())
        cursor.setPosition(a + 1)
        assert cursor.charFormat().verticalAlignment() == SUPER
        assert _x(view, b) > _x(view, a)  # the figures take room in the line
        if a > view.block_of(n).position():
            assert _x(view, a - 1) < _x(view, a)  # after the character, not over it
            assert _top(view, a - 1) == _top(view, a)  # on its line
        if offset < len(p.text) and _top(view, b) == _top(view, b + 1):
            assert _x(view, b + 1) > _x(view, b)  # the next letter follows
    return [(offset, figures) for offset, _, _, figures, _ in marks]


def page(draft: OpenDraft) -> DocumentView:
    return draft.editor.page


def caret_before_crime(qtbot: QtBot, draft: OpenDraft) -> tuple[DocumentView, Paragraph]:
    """Operative 1, the caret before "Crime," that carries note 2."""
    op1 = draft.controller.doc.operative[0]
    put_caret(qtbot, draft, op1.id, op1.anchors[0].offset - len("Crime,"))
    return page(draft), op1


def test_marks_stand_at_their_offsets_with_the_derived_numbers(
    qtbot: QtBot,
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    op1 = doc.operative[0]
    view = page(france)
    assert drawn(view, op1.id) == [(op1.anchors[0].offset, "2"), (op1.anchors[1].offset, "3")]
    assert op1.text[op1.anchors[0].offset - 6 : op1.anchors[0].offset] == "Crime,"
    assert drawn(view, doc.preamble[0].id) == [(doc.preamble[0].anchors[0].offset, "1")]
    assert drawn(view, doc.preamble[1].id) == []


def test_marks_renumber_when_notes_are_added_and_deleted_elsewhere(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    pp2, op9 = doc.preamble[1], doc.operative[8]
    view = page(france)
    offset = op9.anchors[0].offset
    assert drawn(view, op9.id) == [(offset, "5")]
    (_, a, b, _) = mark_spans(view, op9.id)[0]
    narrow = _x(view, b) - _x(view, a)

    # Five notes earlier in the draft: note 5 becomes 10, and its room widens with it.
    for _ in range(5):
        assert france.controller.apply(AddFootnote(pp2.id, len(pp2.text), Footnote("A/80/1.")))
    assert drawn(view, op9.id) == [(offset, "10")]
    (_, a, b, _) = mark_spans(view, op9.id)[0]
    assert _x(view, b) - _x(view, a) > narrow

    for _ in range(5):
        qtbot.keyClick(window, Z, CTRL)
    assert drawn(view, op9.id) == [(offset, "5")]

    # Deleting note 2 (in operative 1) from the side panel renumbers note 3's mark to 2.
    op1 = doc.operative[0]
    put_caret(qtbot, france, op1.id, 0)
    panel = france.editor.footnotes
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert drawn(view, op1.id) == [(op1.anchors[0].offset, "2")]
    qtbot.keyClick(window, Z, CTRL)
    assert [label for _, label in drawn(view, op1.id)] == ["2", "3"]


# Marks moving with typing before and after them, and with undo: tests/gui/test_page_view.py.


def test_deleting_text_that_holds_a_mark_keeps_the_note_at_the_cut(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    view, op1 = caret_before_crime(qtbot, france)
    first = op1.anchors[0].offset
    assert view.select_paragraph(op1.id, first - len("Crime,"), first + len(" and"))
    assert view.textCursor().selectedText() == "Crime,2 and"  # the figure is on the page
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    # The model keeps the note and puts its mark where the cut was.
    cut = first - len("Crime,")
    assert doc.paragraph(op1.id).anchors[0].offset == cut
    assert len(doc.footnotes) == 5
    assert drawn(view, op1.id)[0] == (cut, "2")
    qtbot.keyClick(window, Z, CTRL)
    assert drawn(view, op1.id)[0] == (first, "2")


def test_a_mark_before_the_first_letter_and_two_marks_at_one_place(
    qtbot: QtBot,
    window: MainWindow,
    tools: CitationTools,  # noqa: F811
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    pp2 = doc.preamble[1]
    view = page(france)
    start = Footnote("At the start.")
    a, b = Footnote("First of two."), Footnote("Second of two.")
    end = len(pp2.text)
    for note, at in ((start, 0), (a, end), (b, end)):
        assert france.controller.apply(AddFootnote(pp2.id, at, note))
    assert drawn(view, pp2.id) == [(0, "2"), (end, "3,4")]
    # Typing at the start of the paragraph goes after the figure (the mark stays first).
    view.setFocus()
    view.set_caret(("p", pp2.id), 0)
    block = view.block_of(view.block_number(("p", pp2.id)) or 0).position()
    assert view.textCursor().position() == block + 1

    # Ctrl+click on the 4 of "3,4" goes to the second note.
    (_, _start, x1, _) = mark_spans(view, pp2.id)[1]
    cursor = QTextCursor(view.document())
    cursor.setPosition(x1)
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), LEFT, CTRL, QPoint(rect.x() - 2, rect.center().y()))
    assert tools.footnotes.selected_id() == b.id
    assert france.editor.footnotes.current_fid() == b.id
    assert view.caret() == (("note", b.id), len(b.text))  # writing in the note, as in Word

    for _ in range(3):
        qtbot.keyClick(window, Z, CTRL)
    assert drawn(view, pp2.id) == []


def test_hovering_a_mark_shows_its_note_and_double_click_goes_to_it(
    qtbot: QtBot,
    tools: CitationTools,  # noqa: F811
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    op1 = doc.operative[0]
    view = page(france)
    view.scroll_to(op1.id)
    (_, a, b, _) = mark_spans(view, op1.id)[1]
    ca, cb = QTextCursor(view.document()), QTextCursor(view.document())
    ca.setPosition(a)
    cb.setPosition(b)
    at = QPoint((view.cursorRect(ca).x() + view.cursorRect(cb).x()) // 2,
                view.cursorRect(ca).center().y())  # fmt: skip
    viewport = view.viewport()
    qtbot.mouseMove(viewport, at)
    assert viewport.cursor().shape() == Qt.CursorShape.PointingHandCursor
    view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    assert QToolTip.isVisible()
    assert QToolTip.text() == (
        "<b>3</b>&nbsp; United Nations, <i>Treaty Series</i>, vol. 2241, No. 39574."
    )  # the full source, though it prints as "Ibid."
    off = QPoint(at.x() - 120, at.y())
    view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, off, viewport.mapToGlobal(off)))
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)  # Qt hides it in 300 ms

    qtbot.mouseDClick(viewport, LEFT, pos=at)
    fid = op1.anchors[1].footnote_id
    assert tools.footnotes.selected_id() == fid
    assert france.editor.footnotes.current_fid() == fid
    assert tools.footnotes_dock.isVisible()
    assert not view.textCursor().hasSelection()  # no word selected by the double-click
    note = view.note_view(fid)
    assert view.caret() == (("note", fid), len(note.text))
    assert doc.paragraph(op1.id).text == op1.text


def test_a_comma_typed_before_the_marked_comma_pushes_the_mark_on(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    """The text alone cannot say which of two commas is new; the page can. The marked
    comma of "Crime,²" moves right when a comma is typed before it."""
    doc = france.controller.doc
    view, op1 = caret_before_crime(qtbot, france)
    first, second = (a.offset for a in op1.anchors)
    assert op1.text[first - 6 : first] == "Crime,"
    view.set_caret(("p", op1.id), first - 1)  # between "Crime" and its comma
    qtbot.keyClicks(view, ",")
    p = doc.paragraph(op1.id)
    assert p.text[first - 6 : first + 1] == "Crime,,"
    assert [a.offset for a in p.anchors] == [first + 1, second + 1]
    assert drawn(view, op1.id) == [(first + 1, "2"), (second + 1, "3")]
