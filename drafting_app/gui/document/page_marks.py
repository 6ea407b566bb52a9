"""Footnote marks under the mouse on the page: hovering one shows its note's full text (the
source itself, though it may print as "Ibid."), the pointer turns to a hand over it, and
double-click or Ctrl+click goes to the note under the page (as in Word)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextCursor

from drafting_app.gui.document.footnotes_dock import full_note, italic_html
from drafting_app.gui.document.page_blocks import Role
from drafting_app.model.document import Document

if TYPE_CHECKING:
    from drafting_app.gui.document.page_view import DocumentView


def note_tooltip(doc: Document, fids: tuple[str, ...], numbers: dict[str, int]) -> str:
    """What hovering a mark shows: each note's number and full text, italics kept."""
    rows = []
    for fid in fids:
        try:
            text, italics = full_note(doc, fid)
        except KeyError:
            continue
        body = italic_html(text, italics) if text else "<i>(empty — type its text)</i>"
        rows.append(f"<b>{escape(str(numbers.get(fid, '?')))}</b>&nbsp; {body}")
    return "<br>".join(rows)


def mark_under(view: DocumentView, point: QPoint) -> tuple[tuple[str, ...], int]:
    """The footnotes of the mark drawn under viewport ``point`` and which of them the
    point is over ("3,4": the 4 is the second); ((), 0) when there is none."""
    if not view.specs:
        return (), 0
    cursor = view.cursorForPosition(point)
    n, spec, at = view.spec_at(cursor.position())
    start = view.block_of(n).position()
    pos = 0
    for piece in spec.pieces:
        end = pos + len(piece.text)
        if piece.role is Role.MARK and pos <= at <= end and piece.text:
            left = _rect(view, start + pos)
            right = _rect(view, start + end)
            across = left.x() - 1 <= point.x() <= right.x() + 1
            down = left.top() - 2 <= point.y() <= left.bottom() + 2
            if left.top() == right.top() and across and down:
                share = (point.x() - left.x()) / max(1, right.x() - left.x())
                figures = piece.text.split(",")
                which = min(len(piece.fids) - 1, int(share * len(figures)))
                return piece.fids, max(0, which)
        pos = end
    return (), 0


def _rect(view: DocumentView, position: int) -> QRect:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor)
