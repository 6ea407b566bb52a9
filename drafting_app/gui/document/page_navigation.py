"""Word's bounds of the main text on the page: the footnotes are a story of their own.

The page is one QTextDocument with the footnotes as its last blocks, so Qt's Ctrl+End
went to the end of the last note and Down from the last paragraph walked into the notes;
a drafter who then pressed Return and typed an operative paragraph wrote it into the
footnote (user trial finding 1). As in Word, Ctrl+Home / Ctrl+End go to the start and
end of the main text, and moving the caret never carries it from the text into a note
(a click, a double-click on a mark or References › Insert Footnote does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor

if TYPE_CHECKING:
    from drafting_app.gui.document.page_blocks import BlockSpec
    from drafting_app.gui.document.page_view import DocumentView

#: Blocks of the footnote story (the rule above the notes and the notes).
NOTE_KINDS = ("notes_rule", "note")
_MOVES = (
    Qt.Key.Key_Down,
    Qt.Key.Key_Right,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_End,
)


def in_notes(spec: BlockSpec) -> bool:
    return spec.key[0] in NOTE_KINDS


def main_text_end(view: DocumentView) -> int | None:
    """The document position at the end of the main text: the end of its last editable
    block (a paragraph, an annex line), before the footnotes."""
    last: int | None = None
    for n, spec in enumerate(view.specs):
        if in_notes(spec):
            break
        if spec.editable:
            last = n
    if last is None:
        return None
    block = view.block_of(last)
    return block.position() + view.specs[last].length


def main_text_start(view: DocumentView) -> int | None:
    """The document position at the start of the main text (its first editable block)."""
    for n, spec in enumerate(view.specs):
        if in_notes(spec):
            return None
        if spec.editable:
            return view.block_of(n).position() + spec.view_pos(0, after_marks=False)
    return None


def _move(view: DocumentView, pos: int, keep: bool) -> None:
    cursor = view.textCursor()
    cursor.setPosition(
        pos, QTextCursor.MoveMode.KeepAnchor if keep else QTextCursor.MoveMode.MoveAnchor
    )
    view.setTextCursor(cursor)  # snapped past a mark or a number
    view.ensureCursorVisible()


def document_ends(view: DocumentView, e: QKeyEvent) -> bool:
    """Ctrl+Home / Ctrl+End (with Shift: selecting): the start / end of the main text."""
    mods = e.modifiers()
    if not mods & Qt.KeyboardModifier.ControlModifier or mods & Qt.KeyboardModifier.AltModifier:
        return False
    if e.key() not in (Qt.Key.Key_Home, Qt.Key.Key_End) or not view.specs:
        return False
    pos = main_text_end(view) if e.key() == Qt.Key.Key_End else main_text_start(view)
    if pos is None:
        return False
    _move(view, pos, bool(mods & Qt.KeyboardModifier.ShiftModifier))
    return True


def kept_out_of_notes(view: DocumentView, before: int, e: QKeyEvent) -> None:
    """After Qt moved the caret with ``e``: a move that carried it from the main text into
    the footnotes stops at the end of the text instead."""
    if e.key() not in _MOVES or not view.specs:
        return
    _, was, _ = view.spec_at(before)
    _, now, _ = view.spec_at(view.textCursor().position())
    if in_notes(was) or not in_notes(now):
        return
    end = main_text_end(view)
    if end is not None:
        _move(view, end, bool(e.modifiers() & Qt.KeyboardModifier.ShiftModifier))
