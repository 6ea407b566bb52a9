"""The live preview dock: the current draft laid out as the UN prints it (the export's HTML
preview, made from the same blocks as the Word file), refreshed a moment after each change
(debounced, so typing stays fluent on long drafts). Hidden (a tab behind the corpus
browser, or closed), it renders nothing: it is rendered when it is shown again — the page
is the draft's view, the preview a second look on demand."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
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
        self._stale = False
        self._in_front = True  # False while its dock is a tab behind another

    def set_in_front(self, shown: bool) -> None:
        """Its dock's ``visibilityChanged``: a dock tab behind another stays "visible" to
        Qt (moved off the screen), so the dock says when it is seen."""
        self._in_front = shown
        if self._seen() and self._stale:
            self.refresh()

    def _seen(self) -> bool:
        return self._in_front and self.isVisible()

    def follow(self, controller: DocumentController | None) -> None:
        if controller is self.controller and not self._stale:
            return  # the same draft, already shown (its tab was renamed)
        if self.controller is not None:
            self.controller.changed.disconnect(self._schedule)
        self.controller = controller
        if controller is not None:
            controller.changed.connect(self._schedule)
        self._stale = True
        if self._seen():
            self.refresh()

    def _schedule(self, _changes: object) -> None:
        self._stale = True
        if self._seen():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._in_front:
            self.refresh()

    def refresh(self) -> None:
        """Render the draft now, keeping the reader's scroll position."""
        self._timer.stop()
        self._stale = False
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
