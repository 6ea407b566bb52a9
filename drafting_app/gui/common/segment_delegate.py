"""Painting list rows as styled runs: the italic opening phrase of a paragraph, its derived
number, superscript footnote marks and highlighted search matches, elided to the row width.

Models hand the delegate lines of ``(text, style)`` runs through :data:`SEGMENTS_ROLE`; the
delegate never sees HTML, so corpus text cannot inject markup, and painting stays cheap for
thousands of rows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

SEGMENTS_ROLE = int(Qt.ItemDataRole.UserRole) + 100
"""Role holding ``list[list[tuple[str, str]]]``: lines of (text, style) runs."""

Line = list[tuple[str, str]]
STYLES = ("plain", "italic", "bold", "label", "number", "muted", "mark", "match")
MATCH_BACKGROUND = QColor("#ffe27a")
_PAD_X = 6
_PAD_Y = 3
_LINE_GAP = 1


def _font_for(base: QFont, style: str) -> QFont:
    font = QFont(base)
    if style == "italic":
        font.setItalic(True)
    elif style in ("bold", "match", "label", "number"):
        font.setBold(True)
    elif style == "mark":
        font.setPointSizeF(max(6.0, base.pointSizeF() * 0.7))
    elif style == "muted":
        font.setPointSizeF(max(7.0, base.pointSizeF() * 0.92))
    return font


def draw_item_frame(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> QStyleOptionViewItem:
    """Paint the item's background, selection and focus as the style does, but no text
    (the delegate draws its own styled text on top); returns the initialised option."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    widget = opt.widget
    style = widget.style() if widget is not None else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    return opt


class SegmentDelegate(QStyledItemDelegate):
    """Draws :data:`SEGMENTS_ROLE` lines; falls back to the default for other items."""

    def __init__(self, parent: QWidget | None = None, label_width_em: float = 3.2) -> None:
        super().__init__(parent)
        self._label_em = label_width_em

    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> list[Line]:
        value = index.data(SEGMENTS_ROLE)
        return value if isinstance(value, list) else []

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        lines = self._lines(index)
        if not lines:
            return super().sizeHint(option, index)
        fm = QFontMetrics(option.font)
        height = len(lines) * (fm.height() + _LINE_GAP) + 2 * _PAD_Y
        return QSize(200, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        lines = self._lines(index)
        if not lines:
            super().paint(painter, option, index)
            return
        opt = draw_item_frame(self, painter, option, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        rect: QRect = opt.rect
        base: QFont = opt.font
        fm = QFontMetrics(base)
        y = rect.top() + _PAD_Y
        for line in lines:
            self._paint_line(painter, opt, line, rect, y, base, selected)
            y += fm.height() + _LINE_GAP
        painter.restore()

    def _colour(self, opt: QStyleOptionViewItem, style: str, selected: bool) -> QColor:
        palette: QPalette = opt.palette
        if selected:
            return palette.color(QPalette.ColorRole.HighlightedText)
        if style in ("muted", "label", "number", "mark"):
            return palette.color(QPalette.ColorRole.PlaceholderText)
        return palette.color(QPalette.ColorRole.Text)

    def _paint_line(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        line: Line,
        rect: QRect,
        y: int,
        base: QFont,
        selected: bool,
    ) -> None:
        fm_base = QFontMetrics(base)
        x = rect.left() + _PAD_X
        right = rect.right() - _PAD_X
        ascent = fm_base.ascent()
        for i, (text, style) in enumerate(line):
            if x >= right:
                break
            font = _font_for(base, style)
            fm = QFontMetrics(font)
            room = right - x
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
            width = fm.horizontalAdvance(shown)
            if style == "number":
                width = max(width, int(fm_base.averageCharWidth() * self._label_em * 1.6))
            painter.setFont(font)
            if style == "match" and not selected:
                painter.fillRect(
                    x, y, fm.horizontalAdvance(shown), fm_base.height(), MATCH_BACKGROUND
                )
                painter.setPen(QColor("black"))
            else:
                painter.setPen(self._colour(opt, style, selected))
            baseline = y + ascent - (ascent // 3 if style == "mark" else 0)
            painter.drawText(x, baseline, shown)
            x += width
            if shown != text and i + 1 < len(line):
                break
