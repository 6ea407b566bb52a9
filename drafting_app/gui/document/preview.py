"""The live preview dock: the current draft laid out as the UN prints it (the export's HTML
preview, made from the same blocks as the Word file), refreshed a moment after each change
(debounced, so typing stays fluent on long drafts). Hidden (a tab behind the corpus
browser, or closed), it renders nothing: it is rendered when it is shown again — the page
is the draft's view, the preview a second look on demand."""

from __future__ import annotations

import contextlib
import threading
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from drafting_app.errors import DraftingError
from drafting_app.gui.common.reading_view import ReadingView

if TYPE_CHECKING:
    from drafting_app.gui.document.document_controller import DocumentController

REFRESH_MS = 300
# A draft of more paragraphs than this has its HTML made on a worker thread and laid out
# on the window's when it comes (issue 21 §6): for 800 paragraphs the HTML took 30–110 ms
# and the layout 30 ms, which in one turn froze the window.
LONG_DRAFT = 150


class PreviewPanel(ReadingView):
    """Follows one controller at a time (the current draft)."""

    _made = Signal(object)  # (controller, count of changes, HTML or None) from the worker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftPreview")
        self.controller: DocumentController | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_soon)
        self._changes = 0  # changes seen: a page made before the last one is not shown
        self._rendering = False
        self._made.connect(self._on_made, Qt.ConnectionType.QueuedConnection)
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
            self._refresh_soon()

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
        self._changes += 1
        self._stale = True
        if self._seen():
            self._refresh_soon()

    def _schedule(self, _changes: object) -> None:
        self._changes += 1
        self._stale = True
        if self._seen():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._in_front:
            self._refresh_soon()

    def _refresh_soon(self) -> None:
        """Render now, or for a long draft on a worker thread (shown when it comes)."""
        controller = self.controller
        if controller is None or sum(1 for _ in controller.doc.all_paragraphs()) <= LONG_DRAFT:
            self.refresh()
            return
        self._timer.stop()
        if self._rendering:
            return  # the page on its way is checked when it comes, and made again if stale
        self._rendering = True
        worker = threading.Thread(
            target=self._render_in_worker,
            args=(controller, self._changes),
            name="preview",
            daemon=True,
        )
        worker.start()

    def _render_in_worker(self, controller: DocumentController, changes: int) -> None:
        # The model is only read here; a change made meanwhile on the window's thread
        # may be half seen, so a page made across a change is dropped (:meth:`_on_made`).
        try:
            html: str | None = self._render(controller)
        except Exception:  # a model changing under the reader: made again
            html = None
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._made.emit((controller, changes, html))

    def _on_made(self, made: tuple[DocumentController, int, str | None]) -> None:
        self._rendering = False
        controller, changes, html = made
        if controller is not self.controller or not self._seen():
            if self._stale and self._seen():
                self._refresh_soon()
            return
        if changes != self._changes or html is None:
            if changes == self._changes:  # failed on an unchanged draft: say so, once
                self._stale = False
                self._show(_FAILED)
            else:
                self._timer.start()  # made across a change: again, after the pause
            return
        self._stale = False
        self._show(html)

    def refresh(self) -> None:
        """Render the draft now, keeping the reader's scroll position."""
        self._timer.stop()
        self._stale = False
        if self.controller is None:
            self.setHtml(_EMPTY)
            return
        self._show(self._render(self.controller))

    @staticmethod
    def _render(controller: DocumentController) -> str:
        from drafting_app.export.html import render_html  # the exporter loads with a draft

        try:
            return render_html(controller.doc)
        except DraftingError as exc:
            return f"<p style='color:#a00000'>The preview failed: {escape(str(exc))}</p>"

    def _show(self, page: str) -> None:
        bar = self.verticalScrollBar()
        where = bar.value()
        self.setHtml(page)
        bar.setValue(where)


_FAILED = "<p style='color:#a00000'>The preview failed; it is made again at the next change.</p>"
_EMPTY = (
    '<html><body style="font-family: sans-serif; font-size: 10pt; color: #555;">'
    "<p>The preview shows the open draft as it will be printed.</p></body></html>"
)
