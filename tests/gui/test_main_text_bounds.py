"""Ctrl+End and the footnotes (user trial finding 1): on a draft with footnotes Ctrl+End
put the caret at the end of the last note, Return there did nothing, and the operative
paragraph typed next was glued onto the footnote. As in Word, Ctrl+End / Ctrl+Home go to
the end / start of the main text, the arrow keys do not walk from the text into the
notes, and Return in a note keeps the caret and says why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.gui.document.page_view import DocumentView
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from tests.gui.draft_driver import CTRL, SHIFT
from tests.gui.test_footnotes_dock import france, tools  # noqa: F401


def _last_body_block(page: DocumentView) -> int:
    notes = ("note", "notes_rule")
    return max(n for n, s in enumerate(page.specs) if s.key[0] not in notes and s.editable)


def test_ctrl_end_goes_to_the_end_of_the_text_not_the_last_note(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    page = france.editor.page
    doc = france.controller.doc
    assert doc.footnotes, "the France draft has footnotes"
    notes_before = [(f.id, f.text) for f in doc.footnotes]
    last = doc.operative[-1]
    while last.children:
        last = last.children[-1]
    page.setFocus()
    page.set_caret(("p", doc.preamble[0].id), 0)
    qtbot.keyClick(page, Qt.Key.Key_End, CTRL)
    assert page.caret() == (("p", last.id), len(last.text))
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClicks(page, "Decides to remain seized of the matter")
    france.controller.end_typing()
    assert [(f.id, f.text) for f in doc.footnotes] == notes_before
    assert any("Decides to remain seized of the matter" in p.text for p in doc.all_paragraphs())
    assert not any("matter" in f.text for f in doc.footnotes)

    qtbot.keyClick(page, Qt.Key.Key_Home, CTRL)
    n, spec, _ = page.spec_at(page.textCursor().position())
    assert n == min(i for i, s in enumerate(page.specs) if s.editable)
    assert spec.key[0] != "note"


def test_shift_ctrl_end_selects_to_the_end_of_the_text(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    page = france.editor.page
    doc = france.controller.doc
    page.setFocus()
    page.set_caret(("p", doc.operative[0].id), 0)
    qtbot.keyClick(page, Qt.Key.Key_End, CTRL | SHIFT)
    sel = page.selection()
    assert sel is not None and sel[0] == ("p", doc.operative[0].id)
    assert sel[2][0] == "p"


def test_the_arrows_do_not_carry_the_caret_into_the_notes(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    page = france.editor.page
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_End, CTRL)
    end = page.textCursor().position()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down):
        qtbot.keyClick(page, key)
        n, spec, _ = page.spec_at(page.textCursor().position())
        assert spec.key[0] not in ("note", "notes_rule"), key
        assert n == _last_body_block(page)
    assert page.textCursor().position() == end


def test_return_in_a_note_keeps_the_caret_and_says_why(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    page = france.editor.page
    doc = france.controller.doc
    note = doc.footnotes[-1]
    text = note.text
    messages: list[str] = []
    page.message.connect(messages.append)
    page.setFocus()
    assert page.set_caret(("note", note.id), len(page.note_view(note.id).text))
    where = page.caret()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.caret() == where
    assert doc.footnote(note.id).text == text
    assert messages and "footnote" in messages[-1].lower()
