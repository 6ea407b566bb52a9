"""The mouse on the page beyond Qt's own: dragging a selection moves it (Ctrl while
dropping copies it), as in Word, its footnote marks going with it (the same notes); text
dragged in from another program or the corpus reader is pasted where it is dropped; the
right button opens the page's menu (cut, copy, paste, italics, footnote — and, over a
misspelt word, the spelling suggestions the spelling adapter adds to it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu

from drafting_app.gui.document.page_clipboard import DRAFT_MIME
from drafting_app.model.range_edits import MoveRange, TextPoint

if TYPE_CHECKING:
    from drafting_app.gui.document.page_view import DocumentView


class PageMouse:
    """Drag, drop and the context menu of one document view."""

    def __init__(self, view: DocumentView) -> None:
        self.view = view
        self._pressed: QPoint | None = None  # a press inside the selection: a drag may start
        self.drop_at: int | None = None  # where a drop would go (the indicator)

    # -- dragging a selection ----------------------------------------------------------------
    def _in_selection(self, point: QPoint) -> bool:
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            return False
        pos = self.view.cursorForPosition(point).position()
        return cursor.selectionStart() < pos < cursor.selectionEnd()

    def press(self, e: QMouseEvent) -> bool:
        """A press inside the selection keeps it (the drag may begin)."""
        plain = not e.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        )
        left = e.button() == Qt.MouseButton.LeftButton
        if left and plain and self._in_selection(e.position().toPoint()):
            self._pressed = e.position().toPoint()
            return True
        self._pressed = None
        return False

    def move(self, e: QMouseEvent) -> bool:
        if self._pressed is None or not e.buttons() & Qt.MouseButton.LeftButton:
            return False
        distance = (e.position().toPoint() - self._pressed).manhattanLength()
        if distance < QApplication.startDragDistance():
            return True
        self._pressed = None
        drag = QDrag(self.view)
        drag.setMimeData(self.view.createMimeDataFromSelection())
        drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)
        return True

    def release(self, e: QMouseEvent) -> bool:
        """A press in the selection that did not drag is a click: the caret goes there."""
        if self._pressed is None:
            return False
        self._pressed = None
        cursor = self.view.cursorForPosition(e.position().toPoint())
        self.view.setTextCursor(cursor)  # snapped past numbers and marks
        return True

    # -- dropping ----------------------------------------------------------------------------
    @staticmethod
    def accepts(mime: QMimeData | None) -> bool:
        return mime is not None and (mime.hasFormat(DRAFT_MIME) or mime.hasText())

    def enter(self, e: QDragEnterEvent) -> None:
        if self.accepts(e.mimeData()):
            e.acceptProposedAction()
        else:
            e.ignore()

    def over(self, e: QDragMoveEvent) -> None:
        if not self.accepts(e.mimeData()):
            e.ignore()
            return
        self.drop_at = self._place(e.position().toPoint())
        e.acceptProposedAction()
        self.view.viewport().update()

    def leave(self) -> None:
        self.drop_at = None
        self.view.viewport().update()

    def _place(self, point: QPoint) -> int:
        pos = self.view.cursorForPosition(point).position()
        n, spec, at = self.view.spec_at(pos)
        return self.view.block_of(n).position() + spec.snap(at, 1)

    def drop(self, e: QDropEvent) -> None:
        self.drop_at = None
        mime = e.mimeData()
        if not self.accepts(mime):
            e.ignore()
            return
        point = e.position().toPoint()
        copy = bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if e.source() is self.view and not copy:
            if self.move_selection_to(point):
                e.setDropAction(Qt.DropAction.MoveAction)
                e.accept()
            else:
                e.ignore()
            return
        self.paste_at(point, mime)
        e.setDropAction(Qt.DropAction.CopyAction)
        e.accept()

    def move_selection_to(self, point: QPoint) -> bool:
        """The selection, with its marks, to the place under ``point`` (one undo step)."""
        view = self.view
        cursor = view.textCursor()
        if not cursor.hasSelection():
            return False
        n0, s0, a0 = view.spec_at(cursor.selectionStart())
        n1, s1, a1 = view.spec_at(cursor.selectionEnd())
        to_pos = self._place(point)
        if cursor.selectionStart() <= to_pos <= cursor.selectionEnd():
            return False  # onto itself: nothing moves
        _, st, at = view.spec_at(to_pos)
        if {s0.key[0], s1.key[0], st.key[0]} != {"p"}:
            view.message.emit("Text is moved among the paragraphs (a title or a note: cut and "
                              "paste).")  # fmt: skip
            return False
        carried: list[str] = []
        for n in range(n0, n1 + 1):
            spec = view.specs[n]
            lo = a0 if n == n0 else 0
            hi = a1 if n == n1 else spec.length
            carried.extend(spec.marks_within(lo, hi))
        edit = MoveRange(
            TextPoint(s0.key[1], s0.model_offset(a0)),
            TextPoint(s1.key[1], s1.model_offset(a1)),
            TextPoint(st.key[1], st.model_offset(at)),
            carried,
        )
        view.typing.pending = None
        if not view.controller.apply(edit):
            return False
        view.set_caret(("p", edit.caret.pid), edit.caret.offset)
        return True

    def paste_at(self, point: QPoint, mime: QMimeData) -> None:
        """What was dragged in from elsewhere (or copied with Ctrl), pasted at ``point``."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self._place(point))
        self.view.setTextCursor(cursor)
        self.view.typing.paste(mime)

    def paint_drop(self, painter: QPainter) -> None:
        if self.drop_at is None:
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.drop_at)
        rect = self.view.cursorRect(cursor)
        painter.fillRect(rect.x(), rect.y(), 2, rect.height(), QColor("#1f4e79"))

    # -- the context menu --------------------------------------------------------------------
    def menu(self, point: QPoint | None = None) -> QMenu:
        """The page's context menu; a right-click outside the selection first puts the
        caret there (as Word does), so Paste goes where the mouse is."""
        view = self.view
        if point is not None and not self._in_selection(point):
            view.setTextCursor(view.cursorForPosition(point))
        menu = QMenu(view)
        menu.setObjectName("pageMenu")
        has = view.textCursor().hasSelection()
        clip = QGuiApplication.clipboard().mimeData()
        typing = view.typing
        for text, key, slot, enabled in (
            ("Cu&t", QKeySequence.StandardKey.Cut, typing.cut, has),
            ("&Copy", QKeySequence.StandardKey.Copy, view.copy, has),
            ("&Paste", QKeySequence.StandardKey.Paste, typing.paste, self.accepts(clip)),
        ):
            self._add(menu, text, QKeySequence(key), slot, enabled)
        menu.addSeparator()
        self._add(menu, "&Italic", QKeySequence(QKeySequence.StandardKey.Italic),
                  typing.toggle_italics, has)  # fmt: skip
        self._add(menu, "Insert &Footnote", QKeySequence("Ctrl+Alt+F"), typing.add_note,
                  view.current_pid() != "")  # fmt: skip
        menu.addSeparator()
        self._add(menu, "Select &All", QKeySequence(QKeySequence.StandardKey.SelectAll),
                  view.selectAll, True)  # fmt: skip
        for add_section in view.menu_sections:
            add_section(menu)
        return menu

    @staticmethod
    def _add(
        menu: QMenu, text: str, key: QKeySequence, slot: Callable[[], object], enabled: bool
    ) -> None:
        action = QAction(text, menu)
        action.setShortcut(key)  # shown, as in Word's menu; the page takes the keys itself
        action.setShortcutVisibleInContextMenu(True)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _c=False, s=slot: s())
        menu.addAction(action)
