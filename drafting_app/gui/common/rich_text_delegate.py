"""Item text with italics and a second, quieter line: footnotes print *Treaty Series* in
italics, and a finding's evidence reads under its message (``<span class="quiet">``).
The plain text stays the item's display text (copy, accessibility, tests); this delegate
paints its rich form."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from drafting_app.gui.common.segment_delegate import draw_item_frame

RICH_ROLE = Qt.ItemDataRole.UserRole + 10
_PAD = QPoint(3, 1)
QUIET = "#5f6368"
Index = QModelIndex | QPersistentModelIndex


class RichTextDelegate(QStyledItemDelegate):
    """Paints the HTML of ``RICH_ROLE`` word-wrapped to the column width (rows grow)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        # Laying out a row's rich text is the cost of showing a long list; rows are
        # measured again on every layout, their text rarely changes.
        self._heights: dict[tuple[str, int, str], int] = {}
        view.header().sectionResized.connect(lambda *_: view.doItemsLayout())

    def _document(
        self, html: str, option: QStyleOptionViewItem, width: int, quiet: str = QUIET
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultStyleSheet(f".quiet {{ color: {quiet}; }}")
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(max(40, width - 2 * _PAD.x()))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        html = index.data(RICH_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        opt = draw_item_frame(self, painter, option, index)
        rect = opt.rect
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = opt.palette.color(role)
        # On the selection colour the quiet line takes the selected text colour too.
        doc = self._document(str(html), opt, rect.width(), colour.name() if selected else QUIET)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        painter.save()
        painter.translate(rect.topLeft() + _PAD)
        painter.setClipRect(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        html = index.data(RICH_ROLE)
        if not html:
            return super().sizeHint(option, index)
        width = self.view.header().sectionSize(index.column())
        key = (str(html), width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 4096:
                self._heights.clear()
            doc = self._document(key[0], option, width)
            height = self._heights[key] = int(doc.size().height()) + 2 * _PAD.y() + 2
        return QSize(width, height)
