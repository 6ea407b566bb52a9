"""The document view: the whole draft as one page you type on, as in Word.

The page is a QTextDocument derived from the model (:mod:`page_blocks`): one block per
masthead line, front line, paragraph, annex line and footnote. The widget is read-only to
Qt — Qt moves the caret and selects, but never changes a character: every keystroke is
turned into a model :class:`~drafting_app.model.changes.Edit` sent through the
controller (one QUndoStack), and the ChangeSet that comes back redraws only the blocks it
touched (:meth:`DocumentView._on_changed`). Numbers, the tab after them and footnote
marks are derived pieces: the caret skips numbers, and goes round a mark as Word does.

Other features draw on the page through :attr:`DocumentView.decorations`
(:mod:`page_decorations`) and move the reader with :meth:`scroll_to`,
:meth:`select_paragraph` and :meth:`Decorations.show_only`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from itertools import chain, islice

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QMenu, QTextEdit, QToolTip, QWidget

from drafting_app.gui.common.turns import SliceTimer
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.page_blocks import (
    BlockSpec,
    Derivation,
    Key,
    NoteView,
    Role,
    build_specs,
    iter_specs,
)
from drafting_app.gui.document.page_clipboard import to_mime
from drafting_app.gui.document.page_completion import OpenerCompletion
from drafting_app.gui.document.page_decorations import Decorations
from drafting_app.gui.document.page_format import (
    DESK,
    OPENING_ZOOM,
    SHEET,
    Metrics,
    block_format,
    char_format,
    label_font,
    mark_format,
    number_place,
    text_style,
)
from drafting_app.gui.document.page_marks import mark_under, note_tooltip
from drafting_app.gui.document.page_mouse import PageMouse
from drafting_app.gui.document.page_navigation import document_ends, kept_out_of_notes
from drafting_app.gui.document.page_typing import PageTyping
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Document
from drafting_app.phrases import PhraseBook

ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
# A long draft opens in slices (issue 21 §6): the first blocks at once — more than a
# screenful, and the whole of an ordinary draft — the rest appended a few milliseconds at
# a time on turns shared with the other slicers (turns.SliceTimer), so the window never
# freezes while the page is written.
FIRST_BLOCKS = 60
# A draft longer than that opens with fewer: a screenful at the largest window (the open's
# own turn was the longest stall of the open, issue 21 §6; 60 blocks cost it 8-10 ms).
FIRST_SCREEN = 30
# Writing a slice's blocks stops after this; laying them out and drawing their overlays
# when the edit block closes costs about as much again (a 4 ms budget made 9-10 ms slices).
SLICE_MS = 2.5
SLICE_MIN_BLOCKS = 8
RESTYLE_BLOCKS = 120  # blocks re-highlighted per turn when every block is restyled
_NEWLINES = str.maketrans({"\n": " ", "\r": " ", "\u2029": " ", "\u2028": " "})


def _longer_than(doc: Document, blocks: int) -> bool:
    """More paragraphs and footnotes than ``blocks`` (counted only that far)."""
    return next(islice(chain(doc.all_paragraphs(), doc.footnotes), blocks, None), None) is not None


def block_id(key: Key) -> str:
    """The id decorations use for a block: the paragraph's, footnote's or heading's id,
    else the name of the front line ("title")."""
    if key[0] in ("p", "note", "heading_a", "annex"):
        return key[1]
    return "/".join(key)


class _Overlays(QSyntaxHighlighter):
    """Draws the decorations' character overlays over model ranges (the highlighter's
    formats are layout formats: the document's characters are not touched)."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view.document())
        self._view = view

    def highlightBlock(self, text: str) -> None:
        view = self._view
        n = self.currentBlock().blockNumber()
        if not 0 <= n < len(view.specs):
            return
        spec = view.specs[n]
        if spec.length != len(text):
            return  # between a rewrite's steps
        for o in view.decorations.overlays_for(block_id(spec.key), spec.text):
            a = spec.view_pos(o.start, after_marks=False)
            b = spec.view_pos(o.end, after_marks=False)
            if b > a:
                self.setFormat(a, b - a, o.fmt)


# The prompts of the empty front lines of a new draft (see DocumentView.placeholder).
_PLACEHOLDERS = {
    "title": "Type the title of the text here",
    "mh_symbol": "Symbol",
    "authoring": "The authoring body, e.g. The General Assembly,",
}


class DocumentView(QTextEdit):
    """The draft as a page. ``current_changed(block id)`` when the caret moves to another
    block; ``message(text)`` for the status bar; ``mark_activated(footnote id)`` when a
    footnote mark is double-clicked; ``built()`` when the last slice of a long draft is
    on the page."""

    built = Signal()
    current_changed = Signal(str)
    message = Signal(str)
    mark_activated = Signal(str)
    zoom_changed = Signal(float)

    def __init__(
        self,
        controller: DocumentController,
        phrases: PhraseBook | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.controller = controller
        self.decorations = Decorations(self)
        zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], OPENING_ZOOM.zoom))
        self.metrics = Metrics(zoom, float(self.logicalDpiX() or 96))
        self.specs: list[BlockSpec] = []  # the blocks written, one per page block
        self._index: dict[Key, int] = {}
        # The blocks still to write while a long draft is laid out (None: all written);
        # yielded from the model as it is when their slice comes.
        self._pending: Iterator[BlockSpec] | None = None
        self._restyle_at: int | None = None  # the next block to re-highlight, if any
        self._slices = SliceTimer(self)  # turns shared with the other slicers
        self._slices.timeout.connect(self._next_slice)
        self._derivation = Derivation(
            controller.doc, inline=self.decorations.inline_for, cache=controller.numbers
        )
        self._label_fonts: dict[tuple[str, int], QFontMetricsF] = {}
        self._relabelled = False
        self._page_margin = self.metrics.margin
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(120)
        self._refit.timeout.connect(self._set_page_margins)
        self._current = ""
        self._last_pos = 0
        self._shown = False
        self._painted = False
        self._snapping = False
        self._updating = False
        self._moving_left = False
        self.typing = PageTyping(self, phrases)
        self.completion = OpenerCompletion(self)
        self.mouse = PageMouse(self)
        # Other features add their entries to the page's context menu (negotiation's
        # statuses, brackets and proposals): called with the menu before it is shown.
        self.menu_sections: list[Callable[[QMenu], None]] = []
        doc = self.document()
        doc.setUndoRedoEnabled(False)  # one undo history: the controller's stack
        self.setReadOnly(True)  # Qt never edits the text; keys become model edits
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.setAcceptDrops(True)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.viewport().setMouseTracking(True)  # the hand over a footnote mark
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The sheet keeps its width (a narrow window scrolls sideways, as Word does).
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        desk = self.palette()
        desk.setColor(QPalette.ColorRole.Window, DESK)
        self.setPalette(desk)
        self.setAutoFillBackground(True)
        sheet = self.viewport().palette()
        sheet.setColor(QPalette.ColorRole.Base, SHEET)
        sheet.setColor(QPalette.ColorRole.Text, QColor("#000000"))
        self.viewport().setPalette(sheet)
        self._overlays = _Overlays(self)
        self.render_all()
        self._start_caret()
        self.cursorPositionChanged.connect(self._on_cursor)
        controller.changed.connect(self._on_changed)
        self.decorations.restyled.connect(self._restyle)
        self.decorations.reflowed.connect(self._reflow)
        self.decorations.filtered.connect(self._apply_filter)
        self._burst = QTimer(self)
        self._burst.setSingleShot(True)
        self._burst.setInterval(900)
        self._burst.timeout.connect(controller.end_typing)

    def _start_caret(self) -> None:
        """The caret where writing starts: the first paragraph of the body."""
        first = next((s.key for s in self.specs if s.key[0] == "p"), None)
        cursor = self.textCursor()
        if first is not None:
            self.set_caret(first, 0)
        else:
            cursor.setPosition(0)
            self.setTextCursor(cursor)

    # -- page geometry -----------------------------------------------------------------------
    def _set_page_margins(self) -> None:
        """The sheet's white margins around the text column (the export's 2 cm), and
        the grey desk either side of the sheet."""
        m = self.metrics
        margin = self._fitting_margin()
        self._page_margin = margin
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        fmt.setTopMargin(m.px(850))
        fmt.setBottomMargin(m.px(1134))
        root.setFrameFormat(fmt)
        self.setLineWrapColumnOrWidth(round(self._column() + 2 * margin))
        self._center()

    def _column(self) -> float:
        """The text column: the sheet less its margins, as printed (lines break where
        the printed page breaks them)."""
        return self.metrics.sheet_width - 2 * self.metrics.margin

    def _room(self) -> int:
        bar = self.verticalScrollBar()
        return self.width() - 2 * self.frameWidth() - bar.sizeHint().width()

    def _fitting_margin(self) -> float:
        """The sheet's side margin: the export's when the sheet fits beside the outline
        and the panel, narrower (down to a few millimetres) when it does not, so the
        text column keeps its printed width without a horizontal scroll bar (following
        the caret sideways would repaint the whole page at every key)."""
        m = self.metrics
        spare = (self._room() - self._column()) / 2
        if spare < 0 and not self._painted:
            # Not laid out in its window yet (a new widget is a few pixels wide): the
            # export's margin, which the window's room usually gives — else the whole
            # page would be laid out twice on opening.
            return m.margin
        return max(m.px(170), min(m.margin, spare))

    def _center(self) -> None:
        sheet = round(self._column() + 2 * self._page_margin)
        side = max(0, (self._room() - sheet) // 2)
        # No margin above the sheet: with one there as well as at the sides, Qt repaints
        # both scroll bars (several ms in the Fusion style) at every caret move.
        self.setViewportMargins(side, 0, side, 0)

    def showEvent(self, e: QShowEvent) -> None:
        first = not self._shown
        self._shown = True
        super().showEvent(e)
        if first:
            # A draft opens at the top of its first page, as in Word (Qt would scroll to
            # the caret in the first paragraph while the view is still small).
            self.verticalScrollBar().setValue(0)

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._center()
        if abs(self._fitting_margin() - self._page_margin) > 0.5:
            if self._shown and self._painted:
                self._refit.start()  # a new margin lays the page out again: once, not per pixel
            else:  # the window's own layout, before the page is first seen: at once
                self._set_page_margins()
        super().resizeEvent(e)

    # -- zoom --------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.metrics.zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        if abs(zoom - self.metrics.zoom) < 1e-6:
            return
        where = self.caret()
        self.metrics = Metrics(zoom, self.metrics.dpi)
        OPENING_ZOOM.zoom = zoom  # the next page opens at it, as in Word
        self._label_fonts.clear()
        self._set_page_margins()
        self.render_all()
        if where is not None:
            self.set_caret(*where)
        self.zoom_changed.emit(zoom)

    def zoom_by(self, steps: int) -> None:
        """Ctrl+= / Ctrl+- : the next zoom step; 0 back to 100 %."""
        if steps == 0:
            self.set_zoom(1.0)
            return
        z = self.metrics.zoom
        if steps > 0:
            self.set_zoom(next((s for s in ZOOM_STEPS if s > z + 1e-6), ZOOM_STEPS[-1]))
        else:
            self.set_zoom(next((s for s in reversed(ZOOM_STEPS) if s < z - 1e-6), ZOOM_STEPS[0]))

    def wheelEvent(self, e: QWheelEvent) -> None:
        if e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1 if e.angleDelta().y() > 0 else -1)
            e.accept()
            return
        super().wheelEvent(e)

    # -- rendering ---------------------------------------------------------------------------
    def render_all(self) -> None:
        """Lay out the whole draft (opening, zoom): the first :data:`FIRST_BLOCKS` blocks
        now, the rest in slices (:attr:`building` until they are all written)."""
        self._updating = True
        try:
            self._render_all()
        finally:
            self._updating = False

    def _render_all(self) -> None:
        self._derivation.refresh()
        doc = self.document()
        self._slices.stop()
        self._pending = None
        self._restyle_at = None  # the blocks are drawn as they are written
        self._set_specs([])
        doc.clear()  # also resets the root frame: the page margins go back on
        self._set_page_margins()
        self._pending = iter_specs(self._derivation)
        long = _longer_than(self.controller.doc, FIRST_BLOCKS)
        self._append(FIRST_SCREEN if long else FIRST_BLOCKS, None)
        self._apply_filter()

    @property
    def building(self) -> bool:
        """True while slices of a long draft are still to be written."""
        return self._pending is not None

    @property
    def restyling(self) -> bool:
        """True while every block's overlays are being drawn again, a slice at a time."""
        return self._restyle_at is not None

    def finish_building(self) -> None:
        """Write the blocks still pending now (what needs the whole page: a place not
        written yet, Find, Select All, a change to the page's structure)."""
        if self._pending is None:
            return
        self._updating = True
        try:
            self._append(None, None)
        finally:
            self._updating = False

    def _next_slice(self) -> None:
        if self._pending is not None:
            self._updating = True
            try:
                self._append(SLICE_MIN_BLOCKS, SLICE_MS)
            finally:
                self._updating = False
        elif self._restyle_at is not None:
            self._restyle_slice()
        if self._pending is None and self._restyle_at is None:
            self._slices.stop()

    def _append(self, blocks: int | None, budget_ms: float | None) -> None:
        """Write pending blocks at the end of the page: all of them (``blocks`` None), or
        at least ``blocks`` and then more while ``budget_ms`` lasts. The specs are in
        place before the edit block closes, so the overlays draw the new blocks too."""
        pending = self._pending
        if pending is None:
            return
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        visible = self.decorations.visible
        caret = self.textCursor()
        kept = (caret.anchor(), caret.position())
        start = time.perf_counter()
        first = len(self.specs)
        written: list[BlockSpec] = []
        cursor.beginEditBlock()
        try:
            for spec in pending:
                if first or written:
                    cursor.insertBlock()
                self._write(cursor, spec)
                written.append(spec)
                if visible is not None and spec.key[0] == "p" and spec.key[1] not in visible:
                    cursor.block().setVisible(False)
                enough = blocks is not None and len(written) >= blocks
                if enough and (
                    budget_ms is None or (time.perf_counter() - start) * 1000 >= budget_ms
                ):
                    break
            else:
                self._pending = None
            for i, spec in enumerate(written, first):
                self._index[spec.key] = i
            self.specs.extend(written)
        finally:
            cursor.endEditBlock()
        if visible is not None and written:
            at = doc.findBlockByNumber(first).position()
            doc.markContentsDirty(at, doc.characterCount() - at)
        caret = self.textCursor()
        if first and (caret.anchor(), caret.position()) != kept:
            # A caret at the end of the blocks written moves on with the text appended.
            caret.setPosition(kept[0])
            caret.setPosition(kept[1], QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(caret)
        if self._pending is not None:
            self._slices.start()
        else:
            self.built.emit()

    def _set_specs(self, specs: list[BlockSpec]) -> None:
        self.specs = specs
        self._index = {s.key: i for i, s in enumerate(specs)}

    def _format(self, spec: BlockSpec, role: Role, italic: bool, bold: bool) -> QTextCharFormat:
        points, heavy = text_style(spec.kind, spec.level)
        m = self.metrics
        if role is Role.MARK:
            return mark_format(m, points)
        return char_format(m, points, italic=italic, bold=bold or heavy)

    def _label_metrics(self, spec: BlockSpec) -> QFontMetricsF:
        key = (spec.kind, spec.level)
        metrics = self._label_fonts.get(key)
        if metrics is None:
            metrics = QFontMetricsF(label_font(self.metrics, spec.kind, spec.level))
            self._label_fonts[key] = metrics
        return metrics

    def _block_format(self, spec: BlockSpec) -> QTextBlockFormat:
        width = self._label_metrics(spec).horizontalAdvance(spec.label) if spec.label else 0.0
        return block_format(self.metrics, spec.kind, spec.level, width)

    def _write(self, cursor: QTextCursor, spec: BlockSpec) -> None:
        """Fill the (empty) block at the cursor with ``spec``."""
        cursor.setBlockFormat(self._block_format(spec))
        cursor.setBlockCharFormat(self._format(spec, Role.TEXT, False, False))
        for piece in spec.pieces:
            if not piece.text:
                continue
            fmt = self._format(spec, piece.role, piece.italic, piece.bold)
            if piece.fmt is not None:
                fmt.merge(piece.fmt)
            cursor.insertText(piece.text.translate(_NEWLINES), fmt)

    def _rewrite(self, cursor: QTextCursor, n: int, spec: BlockSpec) -> None:
        block = self.document().findBlockByNumber(n)
        cursor.setPosition(block.position())
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._write(cursor, spec)

    def _bring(self, cursor: QTextCursor, n: int, old: BlockSpec, new: BlockSpec) -> bool:
        """Bring block ``n`` from ``old`` to ``new`` with the least change to the page: a
        new number is only painted (the block's indent set again if its width needs it);
        new footnote figures replace just their characters; anything else rewrites the
        block. True when the page's text changed."""
        if old.label != new.label:
            self._relabelled = True
        if old.same_text(new):
            if old.label != new.label:
                fmt = self._block_format(new)
                block = self.document().findBlockByNumber(n)
                if abs(block.blockFormat().textIndent() - fmt.textIndent()) > 0.01:
                    cursor.setPosition(block.position())
                    cursor.setBlockFormat(fmt)
            return False
        same_block = old.kind == new.kind and old.level == new.level
        if same_block and self._patch_marks(cursor, n, old, new):
            return True
        self._rewrite(cursor, n, new)  # the block's format too: its kind may have changed
        return True

    def _patch_marks(self, cursor: QTextCursor, n: int, old: BlockSpec, new: BlockSpec) -> bool:
        """Renumbered footnote marks: only their figures are replaced."""
        if len(old.pieces) != len(new.pieces):
            return False
        changed: list[tuple[int, int, int]] = []  # (start in block, old length, piece index)
        at = 0
        for i, (a, b) in enumerate(zip(old.pieces, new.pieces, strict=True)):
            if a != b:
                same_place = a.role is b.role is Role.MARK and a.fids == b.fids
                if not same_place or a.offset != b.offset:
                    return False
                changed.append((at, len(a.text), i))
            at += len(a.text)
        start = self.document().findBlockByNumber(n).position()
        for pos, length, i in reversed(changed):  # from the end: earlier positions hold
            cursor.setPosition(start + pos)
            cursor.setPosition(start + pos + length, QTextCursor.MoveMode.KeepAnchor)
            piece = new.pieces[i]
            cursor.insertText(piece.text, self._format(new, piece.role, False, False))
        return True

    def _on_changed(self, changes: ChangeSet) -> None:
        before = self.caret()
        self._updating = True
        try:
            touched = self._redraw(changes)
        finally:
            self._updating = False
        self._after_change(before, mine=self.typing.pending is not None, touched=touched)

    def _redraw(self, changes: ChangeSet) -> list[int]:
        structural = (
            changes.structure_changed
            or changes.inserted
            or changes.deleted
            or changes.moved
            or changes.masthead_changed
            or changes.annexes_changed
        )
        if not structural:
            numbers = self._derivation.numbers
            self._derivation.refresh()
            if self._derivation.numbers == numbers:
                # Text retyped (a paragraph's, a note's): only those blocks are redrawn.
                touched = self._redraw_paragraphs(changes.changed_ids)
                if touched is not None:
                    if changes.footnotes_changed:
                        touched += self._redraw_notes()
                    return touched
        self._derivation.refresh()
        return self._bring_all(build_specs(self._derivation))

    def _bring_all(self, new: list[BlockSpec]) -> list[int]:
        """:meth:`_update` to ``new`` while a long draft may still be being written: the
        blocks written are brought to the start of ``new`` (up to the last block written,
        where it still is), and the rest of ``new`` is what the next slices write."""
        if self._pending is None:
            return self._update(new)
        last = self.specs[-1].key if self.specs else None
        m = next((i + 1 for i in range(len(new) - 1, -1, -1) if new[i].key == last), None)
        if m is None:  # the last block written went: the whole page now
            self._pending = None
            self._slices.stop()
            touched = self._update(new)
            self.built.emit()
            return touched
        self._pending = iter(new[m:])
        return self._update(new[:m])

    def _redraw_notes(self) -> list[int]:
        touched: list[int] = []
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for n, old in enumerate(self.specs):
            if old.key[0] != "note":
                continue
            spec = self._derivation.note(old.key[1])
            if spec != old:
                if self._bring(cursor, n, old, spec):
                    touched.append(n)
                self.specs[n] = spec
        cursor.endEditBlock()
        return touched

    def _redraw_paragraphs(self, pids: frozenset[str]) -> list[int] | None:
        """Paragraphs retyped: their blocks alone are redrawn (None when a change of their
        footnote marks may renumber notes elsewhere: the whole page is then compared)."""
        doc = self.controller.doc
        touched: list[int] = []
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        try:
            for pid in pids:
                n = self._index.get(("p", pid))
                if n is None:
                    continue
                old = self.specs[n]
                p = doc.paragraph(pid)
                numbered = self._derivation.numbers
                marks = sorted(a.footnote_id for a in p.anchors if a.footnote_id in numbered)
                if marks != sorted(old.mark_ids()):
                    return None
                spec = self._derivation.paragraph(p, old.kind, old.level)
                if spec != old:
                    if self._bring(cursor, n, old, spec):
                        touched.append(n)
                    self.specs[n] = spec
        finally:
            cursor.endEditBlock()
        return touched

    def _update(self, new: list[BlockSpec]) -> list[int]:
        """Bring the page from ``self.specs`` to ``new``: blocks that appeared or went are
        inserted or removed, blocks whose content changed are rewritten, the others are
        left alone. Returns the numbers of the blocks written."""
        old = self.specs
        head = 0
        while head < len(old) and head < len(new) and old[head].key == new[head].key:
            head += 1
        tail = 0
        while (
            tail < len(old) - head
            and tail < len(new) - head
            and old[-1 - tail].key == new[-1 - tail].key
        ):
            tail += 1
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        touched: list[int] = []
        for i in range(head):
            if old[i] != new[i] and self._bring(cursor, i, old[i], new[i]):
                touched.append(i)
        old_mid = len(old) - head - tail
        new_mid = new[head : len(new) - tail]
        # Remove the old middle blocks but keep one to write into when there is one.
        if old_mid:
            first = doc.findBlockByNumber(head)
            last = doc.findBlockByNumber(head + old_mid - 1)
            if new_mid:
                cursor.setPosition(first.position())
                cursor.setPosition(
                    last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor
                )
                cursor.removeSelectedText()
                self._write(cursor, new_mid[0])
                rest = new_mid[1:]
            else:
                if head > 0:
                    prev = doc.findBlockByNumber(head - 1)
                    cursor.setPosition(prev.position() + prev.length() - 1)
                    cursor.setPosition(
                        last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor
                    )
                else:
                    nxt = doc.findBlockByNumber(head + old_mid)
                    cursor.setPosition(first.position())
                    cursor.setPosition(nxt.position(), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                rest = []
            at = head
        else:
            rest = list(new_mid)
            at = head - 1
        if rest:
            if at >= 0:
                block = doc.findBlockByNumber(at)
                cursor.setPosition(block.position() + block.length() - 1)
                for spec in rest:
                    cursor.insertBlock()
                    self._write(cursor, spec)
            else:  # before the first block
                cursor.setPosition(0)
                for spec in rest:
                    cursor.insertBlock()
                    cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
                    self._write(cursor, spec)
                    cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        touched.extend(range(head, head + len(new_mid)))
        offset = len(new) - len(old)
        for i in range(len(old) - tail, len(old)):
            j = i + offset
            if old[i] != new[j] and self._bring(cursor, j, old[i], new[j]):
                touched.append(j)
        cursor.endEditBlock()
        self._set_specs(new)
        if self.decorations.visible is not None:
            self._apply_filter()
        return touched

    def _after_change(self, before: tuple[Key, int] | None, mine: bool, touched: list[int]) -> None:
        want = self.typing.take_pending()
        if want is not None:
            self.set_caret(*want)
        elif touched and not mine and before is not None and self._index.get(before[0]) is None:
            spec = self.specs[min(touched)]
            self.set_caret(spec.key, len(spec.text))
        elif before is not None:
            self.set_caret(*before)
        deco = self.decorations
        if self._relabelled or deco.backgrounds or deco.margin_labels or deco.badges:
            # Painted, not typed: Qt repaints only where the text changed.
            self.viewport().update()
        self._relabelled = False

    # -- decorations -------------------------------------------------------------------------
    def _blocks_of(self, ids: frozenset[str] | None) -> list[int]:
        if ids is None:
            return list(range(len(self.specs)))
        return [i for i, s in enumerate(self.specs) if block_id(s.key) in ids]

    def _restyle(self, ids: frozenset[str] | None) -> None:
        if ids is None and len(self.specs) > FIRST_BLOCKS:
            # Every block of a long draft (the spelling underline switched on): the
            # blocks in view at once, all of them a slice at a time.
            for n in self.visible_blocks():
                self._overlays.rehighlightBlock(self.document().findBlockByNumber(n))
            self._restyle_at = 0
            self._slices.start()
        elif ids is None:
            self._restyle_at = None
            self._overlays.rehighlight()
        else:
            for n in self._blocks_of(ids):
                self._overlays.rehighlightBlock(self.document().findBlockByNumber(n))
        self.viewport().update()

    def _restyle_slice(self) -> None:
        at = self._restyle_at
        if at is None:
            return
        block = self.document().findBlockByNumber(at)
        for _ in range(RESTYLE_BLOCKS):
            if not block.isValid():
                break
            self._overlays.rehighlightBlock(block)
            block = block.next()
        # Blocks written later are drawn as they are written.
        self._restyle_at = block.blockNumber() if block.isValid() else None

    def _reflow(self, ids: frozenset[str] | None) -> None:
        before = self.caret()
        self._derivation.refresh()
        self._updating = True
        try:
            self._bring_all(build_specs(self._derivation))
        finally:
            self._updating = False
        if before is not None:
            self.set_caret(*before)

    def _apply_filter(self) -> None:
        visible = self.decorations.visible
        if visible is not None:
            self.finish_building()
        doc = self.document()
        block = doc.begin()
        for spec in self.specs:
            show = visible is None or spec.key[0] != "p" or spec.key[1] in visible
            if block.isVisible() != show:
                block.setVisible(show)
                doc.markContentsDirty(block.position(), block.length())
            block = block.next()
        self.viewport().update()

    def _block_rect(self, n: int) -> QRectF:
        block = self.document().findBlockByNumber(n)
        rect = self.document().documentLayout().blockBoundingRect(block)
        return rect.translated(
            -self.horizontalScrollBar().value(), -self.verticalScrollBar().value()
        )

    def paintEvent(self, e: QPaintEvent) -> None:
        self._painted = True
        deco = self.decorations
        if deco.backgrounds:
            painter = QPainter(self.viewport())
            # The blocks in view only: a negotiated draft tints hundreds of paragraphs.
            for n in self.visible_blocks():
                color = deco.backgrounds.get(block_id(self.specs[n].key))
                if color is not None:
                    r = self._block_rect(n)
                    # The whole text column: the block's rect leaves out its indent.
                    band = QRectF(r.left(), r.top(), self._column(), r.height())
                    painter.fillRect(band.adjusted(-4, -2, 4, 2), color)
            painter.end()
        super().paintEvent(e)
        self._paint_numbers()
        self._paint_placeholders()
        if self.mouse.drop_at is not None:
            painter = QPainter(self.viewport())
            self.mouse.paint_drop(painter)
            painter.end()
        if deco.margin_labels or deco.badges:
            self._paint_margins()

    def visible_blocks(self) -> list[int]:
        """Numbers of the blocks in view, top to bottom."""
        if not self.specs:
            return []
        top = self.cursorForPosition(QPoint(0, 0)).block()
        if top.previous().isValid():
            top = top.previous()  # its last line may still show
        bottom = self.verticalScrollBar().value() + self.viewport().height()
        out: list[int] = []
        block = top
        layout = self.document().documentLayout()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom:
                break
            if block.isVisible():
                out.append(block.blockNumber())
            block = block.next()
        return out

    def number_origin(self, n: int) -> QPointF | None:
        """Where block ``n``'s number is painted: (x, baseline of the first line), in
        viewport coordinates; None for a block without a number."""
        if not 0 <= n < len(self.specs) or not self.specs[n].label:
            return None
        spec = self.specs[n]
        block = self.document().findBlockByNumber(n)
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return None
        line = layout.lineAt(0)
        if block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight:
            # "Distr.: General", "Original: English": the label stands just before the
            # right-aligned text, as the export's tab-aligned masthead line prints it.
            width = self._label_metrics(spec).horizontalAdvance(spec.label)
            x = layout.position().x() + line.naturalTextRect().left() - width
        else:
            x0, _ = number_place(self.metrics, spec.kind, spec.level)
            x = layout.position().x() + block.blockFormat().leftMargin() + x0
        y = layout.position().y() + line.y() + line.ascent()
        if spec.kind == "note":
            y -= line.ascent() * 0.35  # a raised figure, as the mark in the text
        return QPointF(x - self.horizontalScrollBar().value(), y - self.verticalScrollBar().value())

    def _paint_numbers(self) -> None:
        """The derived numbers ("1.", "(a)", a note's figure), in the indent before the
        text: drawn, never part of the text, so the caret cannot enter them."""
        painter: QPainter | None = None
        for n in self.visible_blocks():
            at = self.number_origin(n)
            if at is None:
                continue
            if painter is None:
                painter = QPainter(self.viewport())
                painter.setPen(QColor("#000000"))
            spec = self.specs[n]
            painter.setFont(label_font(self.metrics, spec.kind, spec.level))
            painter.drawText(at, spec.label)
        if painter is not None:
            painter.end()

    def placeholder(self, n: int) -> str:
        """The grey prompt an empty front line shows until it is typed on (as a Word
        template's content control does): where the title, the symbol or the authoring
        formula goes on a new draft. Painted, never part of the text."""
        if not 0 <= n < len(self.specs):
            return ""
        spec = self.specs[n]
        prompt = _PLACEHOLDERS.get(spec.kind, "")
        if not prompt or not spec.editable or self.document().findBlockByNumber(n).length() > 1:
            return ""
        return prompt

    def _paint_placeholders(self) -> None:
        painter: QPainter | None = None
        for n in self.visible_blocks():
            prompt = self.placeholder(n)
            if not prompt:
                continue
            if painter is None:
                painter = QPainter(self.viewport())
                painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            block = self.document().findBlockByNumber(n)
            font = QFont(block.charFormat().font())
            font.setItalic(True)
            painter.setFont(font)
            layout = block.layout()
            if layout is None or layout.lineCount() == 0:
                continue
            line = layout.lineAt(0)  # the first line's room: its indent and its width
            at = layout.position() + QPointF(
                line.x() - self.horizontalScrollBar().value(),
                line.y() - self.verticalScrollBar().value(),
            )
            room = QRectF(at.x(), at.y(), max(line.width(), 1.0), line.height())
            right = block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
            flags = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            painter.drawText(room, int(flags | Qt.AlignmentFlag.AlignVCenter), prompt)
        if painter is not None:
            painter.end()

    def _paint_margins(self) -> None:
        """Margin labels right-aligned before the text, status tags after it: in the
        sheet's margin and the body's indent (2 cm each side), which hold them even when
        a narrow window leaves the sheet only a sliver of margin."""
        deco = self.decorations
        painter = QPainter(self.viewport())
        small = char_format(self.metrics, 8.0).font()
        painter.setFont(small)
        left = 2 - self.horizontalScrollBar().value()
        gap = self.metrics.px(120)
        # The blocks in view only (every paragraph of a compilation has a label and a tag).
        for n in self.visible_blocks():
            bid = block_id(self.specs[n].key)
            text, badge = deco.margin_labels.get(bid), deco.badges.get(bid)
            if text is None and badge is None:
                continue
            block = self.document().findBlockByNumber(n)
            r = self._block_rect(n)
            if text:
                end = r.left() + block.blockFormat().leftMargin() - gap
                box = QRect(left, round(r.top()), max(0, round(end - left)), 16)
                painter.setPen(QColor("#1f4e79"))
                painter.drawText(box, Qt.AlignmentFlag.AlignRight, text)
            if badge is not None:
                x = r.left() + self._column() - block.blockFormat().rightMargin() + gap
                w = painter.fontMetrics().horizontalAdvance(badge.text) + 8
                tag = QRect(round(x), round(r.top()), w, 15)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(badge.color)
                painter.drawRoundedRect(tag, 4, 4)
                painter.setPen(QColor("#ffffff"))
                painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, badge.text)
        painter.end()

    # -- caret and navigation ----------------------------------------------------------------
    def spec_at(self, position: int) -> tuple[int, BlockSpec, int]:
        """(block number, spec, position in the block) of a document position."""
        block = self.document().findBlock(position)
        n = block.blockNumber()
        return n, self.specs[n], position - block.position()

    def caret(self) -> tuple[Key, int] | None:
        """(block key, model offset) of the caret."""
        if not self.specs:
            return None
        _, spec, pos = self.spec_at(self.textCursor().position())
        return spec.key, spec.model_offset(pos)

    def position_of(self, key: Key, offset: int, *, after_marks: bool = True) -> int | None:
        n = self._index.get(key)
        if n is None and self._pending is not None:
            self.finish_building()  # a place not written yet
            n = self._index.get(key)
        if n is None:
            return None
        block = self.document().findBlockByNumber(n)
        spec = self.specs[n]
        return block.position() + spec.view_pos(
            min(offset, len(spec.text)), after_marks=after_marks
        )

    def set_caret(self, key: Key, offset: int, anchor: int | None = None) -> bool:
        """Put the caret at model ``offset`` of block ``key`` (selecting from ``anchor``)."""
        if block_id(key) != self._current:
            # Leaving a paragraph ends its typing burst; the ladder fix that may bring
            # redraws the page, so it comes before the caret is placed.
            self.controller.end_typing()
        pos = self.position_of(key, offset)
        if pos is None:
            return False
        cursor = self.textCursor()
        if anchor is not None:
            start = self.position_of(key, anchor, after_marks=False)
            cursor.setPosition(start if start is not None else pos)
            cursor.setPosition(pos, QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(pos)
        self._snapping = True
        self.setTextCursor(cursor)
        self._snapping = False
        self._last_pos = pos
        self._report_current()
        return True

    def note_view(self, fid: str) -> NoteView:
        """Footnote ``fid`` as the page shows it (its full source, what it prints as)."""
        return self._derivation.note_view(fid)

    def find_blocks(self, *, notes: bool = True) -> list[tuple[Key, str]]:
        """What Find looks through, in page order: the title, the authoring formula, the
        paragraphs and (``notes``) the footnotes, each as the page shows its text."""
        kinds = {"p", "title", "authoring", *(["note"] if notes else [])}
        self.finish_building()
        return [(s.key, s.text) for s in self.specs if s.key[0] in kinds and s.editable]

    def block_order(self) -> dict[Key, int]:
        """Block key → its place on the page."""
        self.finish_building()
        return dict(self._index)

    @staticmethod
    def block_key_id(key: Key) -> str:
        """The decorations' id of block ``key``."""
        return block_id(key)

    def block_number(self, key: Key) -> int | None:
        if key not in self._index:
            self.finish_building()
        return self._index.get(key)

    def selection(self) -> tuple[Key, int, Key, int] | None:
        """The selection in model terms: (anchor block, offset, caret block, offset)."""
        if not self.specs:
            return None
        cursor = self.textCursor()
        _, s0, a0 = self.spec_at(cursor.anchor())
        _, s1, a1 = self.spec_at(cursor.position())
        return s0.key, s0.model_offset(a0), s1.key, s1.model_offset(a1)

    def select_range(self, key0: Key, offset0: int, key1: Key, offset1: int) -> bool:
        """Select from model ``offset0`` of block ``key0`` to ``offset1`` of ``key1`` (the
        caret at the second end)."""
        start = self.position_of(key0, offset0, after_marks=offset0 > offset1 and key0 == key1)
        end = self.position_of(key1, offset1)
        if start is None or end is None:
            return False
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._snapping = True
        self.setTextCursor(cursor)
        self._snapping = False
        self._last_pos = end
        self._report_current()
        return True

    def scroll_to(self, pid: str) -> bool:
        """Caret at the start of the paragraph's text, the paragraph in view."""
        if not self.set_caret(("p", pid), 0):
            return False
        self.bring_into_view(("p", pid))
        return True

    def bring_into_view(self, key: Key) -> None:
        """The whole block in view if it is not: its top near the top of the window, as
        Word's navigation pane puts a heading (not its first line at the foot)."""
        if key not in self._index:
            self.finish_building()
        n = self._index.get(key)
        if n is None:
            return
        block = self.document().findBlockByNumber(n)
        rect = self.document().documentLayout().blockBoundingRect(block)
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        if rect.top() < bar.value() or rect.bottom() > bar.value() + height:
            bar.setValue(max(0, round(rect.top() - self.metrics.pt(12))))
        self.ensureCursorVisible()

    def select_paragraph(self, pid: str, start: int = 0, end: int | None = None) -> bool:
        """Select ``[start, end)`` of the paragraph's text (all of it by default)."""
        if ("p", pid) not in self._index:
            self.finish_building()
        n = self._index.get(("p", pid))
        if n is None:
            return False
        end = len(self.specs[n].text) if end is None else end
        ok = self.set_caret(("p", pid), end, anchor=start)
        self.bring_into_view(("p", pid))
        return ok

    def current_block_id(self) -> str:
        return self._current

    def current_pid(self) -> str:
        """The paragraph the caret is in ("" in a front line or a footnote)."""
        where = self.caret()
        return where[0][1] if where is not None and where[0][0] == "p" else ""

    def _on_cursor(self) -> None:
        if self._updating:
            return  # the page is being redrawn: the caret is put back after
        cursor = self.textCursor()
        pos = cursor.position()
        if not self._snapping and self.specs:
            fixed = self._snapped(pos)
            if fixed != pos:
                self._snapping = True
                keep = cursor.hasSelection()
                cursor.setPosition(cursor.anchor() if keep else fixed)
                if keep:
                    cursor.setPosition(fixed, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(cursor)
                self._snapping = False
                pos = fixed
        self._last_pos = pos
        self._report_current()

    def _snapped(self, pos: int) -> int:
        """A caret position outside numbers and inline segments: a key moving left goes on
        to the left (past the number into the paragraph before), anything else to the
        right (a click on a number lands at the start of the text)."""
        n, spec, at = self.spec_at(pos)
        if spec.valid(at):
            return pos
        start = self.document().findBlockByNumber(n).position()
        if self._moving_left and pos < self._last_pos:
            left = at
            while left >= 0 and not spec.valid(left):
                left -= 1
            if left >= 0:
                return start + left
            if n > 0:
                return start - 1  # the end of the block before
        return start + spec.snap(at, 1)

    def _report_current(self) -> None:
        where = self.caret()
        bid = block_id(where[0]) if where is not None else ""
        if bid != self._current:
            self._current = bid
            self.controller.end_typing()
            self.current_changed.emit(bid)

    def block_of(self, n: int) -> QTextBlock:
        return self.document().findBlockByNumber(n)

    # -- keys --------------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        # Qt moves the focus on Tab before keyPressEvent sees it: on the page Tab indents.
        tab = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if e.type() == QEvent.Type.KeyPress and isinstance(e, QKeyEvent) and e.key() in tab:
            self.keyPressEvent(e)
            return True
        # Undo and redo are the window's (one history); copy, cut, paste and select all
        # are this view's, not the menu's when the view has the focus.
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo):
                e.ignore()
                return False
            if self.typing.handles(e):
                e.accept()
                return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if self.completion.swallows(e):
            e.accept()
            return
        if self.completion.takes(e):
            e.ignore()  # the completer completes the opener with it
            return
        if self.typing.key(e):
            e.accept()
            self._burst.start()
            typed = (bool(e.text()) and e.text().isprintable()) or e.key() == Qt.Key.Key_Backspace
            if typed and not e.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.completion.after_typing()
            else:
                self.completion.hide()
            return
        self.completion.hide()
        if self._pending is not None and self._beyond_written(e):
            self.finish_building()
        if self._by_paragraph(e) or document_ends(self, e):
            e.accept()
            return
        # Only Left goes on past a number into the paragraph before; Home, Up or a click
        # that lands on a number stops at the start of the text.
        self._moving_left = e.key() == Qt.Key.Key_Left
        before = self.textCursor().position()
        try:
            super().keyPressEvent(e)
        finally:
            self._moving_left = False
        kept_out_of_notes(self, before, e)  # the footnotes are not the text's next line

    def _beyond_written(self, e: QKeyEvent) -> bool:
        """A key that may take the caret past the blocks written so far (Ctrl+End, Page
        Down, Down near the end of them)."""
        key = e.key()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_A) or e.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            return True
        near_end = self.textCursor().blockNumber() >= len(self.specs) - 30
        return near_end and key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_End)

    def _by_paragraph(self, e: QKeyEvent) -> bool:
        """Word's Ctrl+Up / Ctrl+Down: to the start of this (or the previous) paragraph,
        to the start of the next; with Shift the selection grows."""
        mods = e.modifiers()
        up, down = e.key() == Qt.Key.Key_Up, e.key() == Qt.Key.Key_Down
        if not (mods & Qt.KeyboardModifier.ControlModifier) or not (up or down):
            return False
        if mods & Qt.KeyboardModifier.AltModifier:
            return False
        cursor = self.textCursor()
        keep = (
            QTextCursor.MoveMode.KeepAnchor
            if mods & Qt.KeyboardModifier.ShiftModifier
            else QTextCursor.MoveMode.MoveAnchor
        )
        if up:
            at_start = cursor.position() == cursor.block().position()
            if at_start:
                cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock, keep)
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, keep)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock, keep)
        self.setTextCursor(cursor)  # snapped past a leading mark or segment
        self.ensureCursorVisible()
        return True

    def selectAll(self) -> None:
        self.finish_building()  # the whole draft, not the part written yet
        super().selectAll()

    def inputMethodEvent(self, e: QInputMethodEvent) -> None:
        if e.commitString():
            self.typing.insert(e.commitString())
            self.completion.after_typing()
        e.accept()

    def focusOutEvent(self, e: QFocusEvent) -> None:
        if e.reason() != Qt.FocusReason.PopupFocusReason:
            self.completion.hide()  # the drafter went elsewhere: no list left behind
        if not self.completion.popup().isVisible():
            self._burst.stop()
            self.controller.end_typing()
        super().focusOutEvent(e)

    def _activate_mark(self, e: QMouseEvent) -> bool:
        """Double-click or Ctrl+click on a footnote mark: go to its note."""
        if e.button() != Qt.MouseButton.LeftButton:
            return False
        fids, which = mark_under(self, e.position().toPoint())
        if not fids:
            return False
        self.mark_activated.emit(fids[which])
        e.accept()
        return True

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        if not self._activate_mark(e):
            super().mouseDoubleClickEvent(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        ctrl = bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and self._activate_mark(e):
            return
        if self.mouse.press(e):
            e.accept()  # in the selection: keep it, a drag may start
            return
        super().mousePressEvent(e)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if self.mouse.move(e):
            e.accept()
            return
        if not e.buttons():
            over = bool(mark_under(self, e.position().toPoint())[0])
            self.viewport().setCursor(
                Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
            )
        super().mouseMoveEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if self.mouse.release(e):
            e.accept()
            return
        super().mouseReleaseEvent(e)

    # -- drag and drop, the context menu (page_mouse) ----------------------------------------
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        self.mouse.enter(e)

    def dragMoveEvent(self, e: QDragMoveEvent) -> None:
        self.mouse.over(e)

    def dragLeaveEvent(self, e: QDragLeaveEvent) -> None:
        self.mouse.leave()

    def dropEvent(self, e: QDropEvent) -> None:
        self.mouse.drop(e)

    def createStandardContextMenu(self, position: QPoint | None = None) -> QMenu:
        """The page's menu (the spelling adapter puts its suggestions on top of it)."""
        return self.mouse.menu(position)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        menu = self.mouse.menu(e.pos())
        menu.exec(e.globalPos())
        menu.deleteLater()

    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            fids, _ = mark_under(self, e.pos())
            if not fids:
                QToolTip.hideText()
                e.ignore()
                return True
            tip = note_tooltip(self.controller.doc, fids, self._derivation.numbers)
            QToolTip.showText(e.globalPos(), tip, self.viewport())
            return True
        return super().viewportEvent(e)

    def viewport_point(self, key: Key, offset: int) -> QPoint:
        pos = self.position_of(key, offset)
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos or 0)
        return self.cursorRect(cursor).center()

    def createMimeDataFromSelection(self) -> QMimeData:
        return to_mime(self)
