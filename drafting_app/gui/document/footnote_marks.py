"""Footnote reference marks in the paragraph editor, drawn as Word draws them: the note's
derived number, superscript, at its place in the text, moving with the text.

A mark is an offset in the model, never a character, and the editor's text stays the
paragraph's text: the character before a mark is given letter spacing as wide as the mark
(room in the line layout, so the next letter moves aside and the caret after it stands
after the mark), and the number is painted into that room over the laid-out text. A mark
at the very start of a paragraph has no character before it; it is painted in the
document margin, widened for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit

from drafting_app.gui.document.footnotes_dock import full_note, italic_html
from drafting_app.model.document import Document, Paragraph
from drafting_app.model.numbering import footnote_numbers

# UN documents print reference marks as superscript figures about two thirds of the text
# size; in the editor they must stay readable at 12.5 pt, so a little more than that.
_SIZE = 0.72
_RAISE = 0.42  # of the text's ascent: the figure's baseline sits about mid-height
_PAD = 1.5  # px each side: an italic letter's overhang must not touch the figure


@dataclass(frozen=True)
class InlineMark:
    """The notes marked at one offset: ``label`` "5", or "1,2" for two notes at one place
    ("reports,¹˒²"); ``footnote_ids`` in the order of the marks."""

    offset: int
    label: str
    footnote_ids: tuple[str, ...]


def inline_marks(doc: Document, p: Paragraph) -> list[InlineMark]:
    """The marks of ``p`` with their derived numbers (numbers are never stored: a note
    added earlier in the draft renumbers these)."""
    if not p.anchors:
        return []  # most paragraphs: no walk of the whole draft for the numbers
    numbers = footnote_numbers(doc)
    grouped: dict[int, list[str]] = {}
    for a in p.anchors:
        if a.footnote_id in numbers:
            grouped.setdefault(a.offset, []).append(a.footnote_id)
    return [
        InlineMark(offset, ",".join(str(numbers[f]) for f in fids), tuple(fids))
        for offset, fids in sorted(grouped.items())
    ]


def note_tooltip(doc: Document, mark: InlineMark) -> str:
    """What hovering a mark shows: each note's number and full text, italics kept."""
    numbers = footnote_numbers(doc)
    rows = []
    for fid in mark.footnote_ids:
        text, italics = full_note(doc, fid)
        body = italic_html(text, italics) if text else "<i>(empty — type its text)</i>"
        rows.append(f"<b>{escape(str(numbers.get(fid, '?')))}</b>&nbsp; {body}")
    return "<br>".join(rows)


def _x(line: QTextLine, pos: int, edge: QTextLine.Edge) -> float:
    # PySide returns (x, position) here; the stubs only know an object.
    found = line.cursorToX(pos, edge)
    assert isinstance(found, tuple)
    return float(found[0])


@dataclass(frozen=True)
class PlacedMark:
    """A mark as laid out in the editor's viewport."""

    mark: InlineMark
    rect: QRectF
    baseline: float


class MarkMetrics:
    """The superscript font of the marks, measured against the editor's font."""

    def __init__(self, base: QFont) -> None:
        self.font = QFont(base)
        self.font.setPointSizeF(base.pointSizeF() * _SIZE)
        self._metrics = QFontMetricsF(self.font)
        self._raise = QFontMetricsF(base).ascent() * _RAISE

    def width(self, mark: InlineMark) -> float:
        return self._metrics.horizontalAdvance(mark.label) + 2 * _PAD

    def make_room(self, fmt: QTextCharFormat, mark: InlineMark) -> QTextCharFormat:
        """``fmt`` of the character before the mark, with the mark's width after it."""
        fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        fmt.setFontLetterSpacing(self.width(mark))
        return fmt

    def place(self, edit: QPlainTextEdit, marks: list[InlineMark]) -> list[PlacedMark]:
        """Where each mark stands in the viewport: the room after its character, the
        height of its line (marks the layout has no line for yet are left out)."""
        doc = edit.document()
        out = []
        for mark in marks:
            pos = max(0, mark.offset - 1)
            block = doc.findBlock(pos)
            if isinstance(lay := doc.documentLayout(), QPlainTextDocumentLayout):
                lay.ensureBlockLayout(block)  # laid out lazily, at the first paint
            layout = block.layout()
            line = layout.lineForTextPosition(pos - block.position()) if layout else QTextLine()
            if not line.isValid():
                continue
            origin = edit.blockBoundingGeometry(block).translated(edit.contentOffset()).topLeft()
            origin += layout.position()
            width = self.width(mark)
            edge = QTextLine.Edge.Leading if mark.offset == 0 else QTextLine.Edge.Trailing
            right = _x(line, pos - block.position(), edge)
            top = origin.y() + line.y()
            rect = QRectF(origin.x() + right - width, top, width, line.height())
            out.append(PlacedMark(mark, rect, top + line.ascent()))
        return out

    def note_at(self, placed: PlacedMark, x: float) -> str:
        """The note whose figure is at ``x`` (for "1,2": the 1 or the 2)."""
        left = placed.rect.left() + _PAD
        numbers = placed.mark.label.split(",")
        for fid, number in zip(placed.mark.footnote_ids, numbers, strict=True):
            left += self._metrics.horizontalAdvance(number + ",")
            if x < left:
                return fid
        return placed.mark.footnote_ids[-1]

    def paint(self, painter: QPainter, edit: QPlainTextEdit, placed: list[PlacedMark]) -> None:
        """The figures, in the link colour (a mark is not typed text); in the selection's
        text colour when the character before the mark is selected."""
        cursor = edit.textCursor()
        palette = edit.palette()
        painter.setFont(self.font)
        for p in placed:
            selected = cursor.selectionStart() < p.mark.offset <= cursor.selectionEnd()
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link
            painter.setPen(palette.color(role))
            painter.drawText(QPointF(p.rect.left() + _PAD, p.baseline - self._raise), p.mark.label)
