"""The live preview dock: the current draft laid out as the UN prints it (the export's HTML
preview, made from the same blocks as the Word file), refreshed a moment after each change
(debounced, so typing stays fluent on long drafts). Hidden (a tab behind the corpus
browser, or closed), it renders nothing: it is rendered when it is shown again — the page
is the draft's view, the preview a second look on demand.

A long draft's preview is laid out in slices (issue 21 §6): its HTML is made on a worker
thread as a list of slices of the page, the first (the masthead and the first screens)
laid out at once, the others appended a few milliseconds per turn of the window, notes
last — one ``setHtml`` of the whole page held the window 40–70 ms, and it cannot move to
a thread (PySide keeps the interpreter lock through it). The finished document is the
one the whole page gives."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from html import escape
from itertools import islice
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QWidget

from drafting_app.errors import DraftingError
from drafting_app.gui.common.reading_view import ReadingView
from drafting_app.gui.common.turns import SliceTimer, hold, release, when_free
from drafting_app.yielding import aside

if TYPE_CHECKING:
    from drafting_app.gui.document.document_controller import DocumentController

REFRESH_MS = 300
# A draft of more paragraphs than this has its HTML made on a worker thread and laid out
# on the window's when it comes (issue 21 §6): for 800 paragraphs the HTML took 30–110 ms
# and the layout 30 ms, which in one turn froze the window.
LONG_DRAFT = 150
# The slices of a long draft's preview: the first screens at once, then slices of blocks or
# notes appended while a turn's few milliseconds last (as the page is written).
FIRST_ITEMS = 40
SLICE_ITEMS = 20
SLICE_MS = 4.0


class PreviewPanel(ReadingView):
    """Follows one controller at a time (the current draft)."""

    _made = Signal(object)  # (controller, count of changes, slices or None) from the worker

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
        self._pending: deque[str] = deque()  # the slices still to lay out, in order
        self._where: int | None = None  # the scroll position to keep while they come
        self._placed: int | None = None  # where the build last put the view
        self._slices = SliceTimer(self)  # turns shared with the page's slices
        self._slices.timeout.connect(self._next_slices)

    @property
    def building(self) -> bool:
        """True while slices of a long draft's preview are still to be laid out."""
        return bool(self._pending)

    def set_in_front(self, shown: bool) -> None:
        """Its dock's ``visibilityChanged``: a dock tab behind another stays "visible" to
        Qt (moved off the screen), so the dock says when it is seen."""
        self._in_front = shown
        if not shown:
            self._stop_building()
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
        self._stop_building()  # another draft: the rest of this one's slices are not laid
        self._changes += 1
        self._stale = True
        if not self._seen():
            return
        if controller is not None and _longer_than(controller, LONG_DRAFT):
            # A long draft's page is being opened: its worker starts once the page is
            # written (the window's turns free), not in the open's turn — a thread started
            # there takes the interpreter lock from the open every millisecond — nor
            # beside the page's slices: each of their Qt calls then waited for the lock
            # (30-37 ms between two turns for 4-9 ms of the window's work, issue 21 §6).
            when_free(self, self._refresh_if_stale)
        else:
            self._refresh_soon()

    def _refresh_if_stale(self) -> None:
        if self._stale and self._seen():
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

    def hideEvent(self, event: QHideEvent) -> None:
        self._stop_building()
        super().hideEvent(event)

    def _stop_building(self) -> None:
        """Lay no more slices of the page on its way (hidden, another draft, a new page):
        what is shown is made again when it is seen."""
        if self._pending:
            self._pending.clear()
            self._stale = True
        self._slices.stop()
        self._release_place()

    def _refresh_soon(self) -> None:
        """Render now, or for a long draft on a worker thread (shown when it comes)."""
        controller = self.controller
        if controller is None or not _longer_than(controller, LONG_DRAFT):
            self.refresh()
            return
        self._timer.stop()
        if self._rendering:
            return  # the page on its way is checked when it comes, and made again if stale
        self._rendering = True
        hold(self)  # the window's turns are not free until the page it makes is laid
        worker = threading.Thread(
            target=aside(self._render_in_worker),  # pauses while a turn of the window runs
            args=(controller, self._changes),
            name="preview",
            daemon=True,
        )
        worker.start()

    def _render_in_worker(self, controller: DocumentController, changes: int) -> None:
        # The model is only read here; a change made meanwhile on the window's thread
        # may be half seen, so a page made across a change is dropped (:meth:`_on_made`).
        try:
            slices: list[str] | None = self._render_slices(controller)
        except Exception:  # a model changing under the reader: made again
            slices = None
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._made.emit((controller, changes, slices))

    def _on_made(self, made: tuple[DocumentController, int, list[str] | None]) -> None:
        self._rendering = False
        release(self)
        controller, changes, slices = made
        if controller is not self.controller or not self._seen():
            if self._stale and self._seen():
                self._refresh_soon()
            return
        if changes != self._changes or slices is None:
            if changes == self._changes:  # failed on an unchanged draft: say so, once
                self._stop_building()
                self._stale = False
                self._show(_FAILED)
            else:
                self._timer.start()  # made across a change: again, after the pause
            return
        self._show_slices(slices)

    def refresh(self) -> None:
        """Render the draft now, whole, keeping the reader's scroll position."""
        self._timer.stop()
        self._stop_building()
        self._stale = False
        if self.controller is None:
            self.setHtml(_EMPTY)
            return
        self._show(self._render(self.controller))

    def finish_building(self) -> None:
        """Lay out the slices still pending now (what needs the whole page: Select All,
        Copy)."""
        if self._pending:
            self._lay(None)

    def selectAll(self) -> None:  # Edit › Select All with the preview focused
        self.finish_building()
        super().selectAll()

    def copy(self) -> None:
        self.finish_building()
        super().copy()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.SelectAll) or event.matches(
            QKeySequence.StandardKey.Copy
        ):
            self.finish_building()
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.finish_building()  # its Select All takes the whole page
        super().contextMenuEvent(event)

    @staticmethod
    def _render(controller: DocumentController) -> str:
        from drafting_app.export.html import render_html  # the exporter loads with a draft

        try:
            return render_html(controller.doc)
        except DraftingError as exc:
            return _failed(exc)

    @staticmethod
    def _render_slices(controller: DocumentController) -> list[str]:
        from drafting_app.export.blocks import build_blocks
        from drafting_app.export.html import render_layout_slices

        try:
            return render_layout_slices(build_blocks(controller.doc), FIRST_ITEMS, SLICE_ITEMS)
        except DraftingError as exc:
            return [_failed(exc)]

    def _show(self, page: str) -> None:
        bar = self.verticalScrollBar()
        where = bar.value()
        self.setHtml(page)
        bar.setValue(where)

    def _show_slices(self, slices: list[str]) -> None:
        """Lay out the first slice now, the others on the next turns."""
        self._stop_building()
        self._stale = False
        bar = self.verticalScrollBar()
        where = bar.value()
        if where and len(slices) > 1:
            # Made again for a reader further down: the page as it was stays on the screen
            # until the new one reaches the reader's place (no jump to the top and back).
            self.viewport().setUpdatesEnabled(False)
        self.setHtml(slices[0])
        self.document().setUndoRedoEnabled(False)  # a view: nothing of it is undone
        self._pending.extend(slices[1:])
        self._where, self._placed = where, None
        self._keep_place()
        if self._pending:
            self._slices.start()

    def _next_slices(self) -> None:
        self._lay(SLICE_MS)
        if not self._pending:
            self._slices.stop()

    def _lay(self, budget_ms: float | None) -> None:
        """Append pending slices at the end of the page: one, then more while
        ``budget_ms`` lasts (None: all of them)."""
        start = time.perf_counter()
        doc = self.document()
        while self._pending:
            append_page(doc, self._pending.popleft())
            if budget_ms is not None and (time.perf_counter() - start) * 1000 >= budget_ms:
                break
        self._keep_place()

    def _keep_place(self) -> None:
        """The reader's place before the page was made again, once the page reaches it —
        unless the reader scrolled meanwhile."""
        where = self._where
        if where is None:
            return
        bar = self.verticalScrollBar()
        if self._placed is not None and bar.value() != self._placed:
            self._release_place()  # the reader moved: leave the view where it is
            return
        bar.setValue(where)
        self._placed = bar.value()
        if self._placed == where or not self._pending:
            self._release_place()

    def _release_place(self) -> None:
        self._where = None
        if not self.viewport().updatesEnabled():
            self.viewport().setUpdatesEnabled(True)


def append_page(document: QTextDocument, page: str) -> None:
    """Lay one slice of a page (a whole HTML page of the same style sheet) at the end of
    ``document``, in blocks of its own: parsed alone, then copied in after a new block of
    its first block's formats (the copy keeps the block it lands in as it is)."""
    part = QTextDocument()
    part.setDefaultFont(document.defaultFont())
    part.setHtml(page)
    first = part.firstBlock()
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.beginEditBlock()
    cursor.insertBlock(first.blockFormat(), first.charFormat())
    cursor.insertFragment(QTextDocumentFragment(part))
    cursor.endEditBlock()


def _longer_than(controller: DocumentController, paragraphs: int) -> bool:
    """More than ``paragraphs`` paragraphs (counted only that far: asked in an open's turn)."""
    return next(islice(controller.doc.all_paragraphs(), paragraphs, None), None) is not None


def _failed(exc: DraftingError) -> str:
    return f"<p style='color:#a00000'>The preview failed: {escape(str(exc))}</p>"


_FAILED = "<p style='color:#a00000'>The preview failed; it is made again at the next change.</p>"
_EMPTY = (
    '<html><body style="font-family: sans-serif; font-size: 10pt; color: #555;">'
    "<p>The preview shows the open draft as it will be printed.</p></body></html>"
)
