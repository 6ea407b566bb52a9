"""The live preview dock: the current draft laid out as the UN prints it (the export's HTML
preview, made from the same blocks as the Word file), refreshed a moment after each change
(debounced, so typing stays fluent on long drafts)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from drafting_app.errors import DraftingError
from drafting_app.gui.common.reading_view import ReadingView

if TYPE_CHECKING:
    from drafting_app.gui.document.document_controller import DocumentController

REFRESH_MS = 300


class PreviewPanel(ReadingView):
    """Follows one controller at a time (the current draft)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftPreview")
        self.controller: DocumentController | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.point_size = 11.0
        self._apply_font()
        self.setHtml(_EMPTY)

    def follow(self, controller: DocumentController | None) -> None:
        if self.controller is not None:
            self.controller.changed.disconnect(self._schedule)
        self.controller = controller
        if controller is not None:
            controller.changed.connect(self._schedule)
        self.refresh()

    def _schedule(self, _changes: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Render the draft now, keeping the reader's scroll position."""
        self._timer.stop()
        if self.controller is None:
            self.setHtml(_EMPTY)
            return
        bar = self.verticalScrollBar()
        where = bar.value()
        from drafting_app.export.html import render_html  # the exporter loads with a draft

        try:
            page = render_html(self.controller.doc)
        except DraftingError as exc:
            page = f"<p style='color:#a00000'>The preview failed: {escape(str(exc))}</p>"
        self.setHtml(page)
        bar.setValue(where)


_EMPTY = (
    '<html><body style="font-family: sans-serif; font-size: 10pt; color: #555;">'
    "<p>The preview shows the open draft as it will be printed.</p></body></html>"
)
