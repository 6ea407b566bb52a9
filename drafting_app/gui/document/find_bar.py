"""Find and Replace on the page (Edit › Find, Ctrl+F; Edit › Replace, Ctrl+H), as in Word:
every occurrence in the paragraphs, the title and (unless unticked) the footnotes is
shaded, the current one selected; Return or F3 goes to the next, Shift+Return or
Shift+F3 to the one before; Replace replaces the selected occurrence and goes on, Replace
All replaces every one as one edit (one Ctrl+Z). Esc closes the bar and gives the page
the caret back. The search itself is :mod:`drafting_app.model.find`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from drafting_app.gui.document.page_decorations import Overlay
from drafting_app.model.document import Span
from drafting_app.model.find import Match, ReplaceAll, find_all

if TYPE_CHECKING:
    from drafting_app.gui.document.page_view import DocumentView
    from drafting_app.model.changes import ChangeSet

OWNER = "find"
FOUND = QColor("#ffe27a")  # Word's reading highlight, yellow


class _Field(QLineEdit):
    """Return: next; Shift+Return: previous; Esc: close (the bar's)."""

    stepped = Signal(int)
    closed = Signal()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = bool(e.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.stepped.emit(-1 if back else 1)
        elif e.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(e)


class FindBar(QWidget):
    """The find bar over one document view. ``message(text)`` for the status bar."""

    message = Signal(str)

    def __init__(self, view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.matches: list[Match] = []
        self.current = -1
        self.query = _Field(self)
        self.query.setObjectName("findText")
        self.query.setPlaceholderText("Find in the draft")
        self.query.setClearButtonEnabled(True)
        self.replacement = _Field(self)
        self.replacement.setObjectName("replaceText")
        self.replacement.setPlaceholderText("Replace with")
        self.case = QCheckBox("Match &case", self)
        self.whole = QCheckBox("&Whole words", self)
        self.notes = QCheckBox("In &footnotes", self)
        self.notes.setChecked(True)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip("Previous (Shift+F3)")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip("Next (F3)")
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.replace_button = QPushButton("&Replace", self)
        self.replace_all_button = QPushButton("Replace &All", self)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        top = QHBoxLayout()
        for w in (
            self.query,
            self.previous_button,
            self.next_button,
            self.count,
            self.case,
            self.whole,
        ):
            top.addWidget(w)
        top.addWidget(self.notes)
        top.addStretch(1)
        top.addWidget(close)
        self.replace_row = QWidget(self)
        row = QHBoxLayout(self.replace_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.replacement)
        row.addWidget(self.replace_button)
        row.addWidget(self.replace_all_button)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        box.addLayout(top)
        box.addWidget(self.replace_row)
        self.query.setMinimumWidth(220)
        self.replacement.setMinimumWidth(220)
        self._fmt = QTextCharFormat()
        self._fmt.setBackground(FOUND)
        self._later = QTimer(self)  # the draft changed: look again once the typing pauses
        self._later.setSingleShot(True)
        self._later.setInterval(200)
        self._later.timeout.connect(lambda: self.search(move=False))
        self.query.textChanged.connect(lambda _t: self.search())
        for box_ in (self.case, self.whole, self.notes):
            box_.toggled.connect(lambda _on: self.search())
        self.query.stepped.connect(self.step)
        self.replacement.stepped.connect(lambda _d: self.replace_one())
        self.query.closed.connect(self.close_bar)
        self.replacement.closed.connect(self.close_bar)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close_bar)
        view.controller.changed.connect(self._on_changed)
        # Esc closes the bar from any of its controls (a check box, a button just pressed),
        # and from the page while the bar is open, as a browser's or an editor's find bar.
        self._escape(self, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._page_escape = self._escape(view, Qt.ShortcutContext.WidgetShortcut)
        self._page_escape.setEnabled(False)
        self.hide()

    def _escape(self, owner: QWidget, context: Qt.ShortcutContext) -> QShortcut:
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), owner)
        escape.setContext(context)
        escape.activated.connect(self.close_bar)
        return escape

    # -- opening and closing -----------------------------------------------------------------
    def open(self, replace: bool = False) -> None:
        """Show the bar (with the Replace row for Ctrl+H), the words selected on the page
        as what to find, the find field ready to type over."""
        chosen = self.view.textCursor().selectedText()
        if chosen and "\u2029" not in chosen and len(chosen) < 200:
            self.query.setText(chosen)
        self.replace_row.setVisible(replace)
        self.show()
        self._page_escape.setEnabled(True)
        self.query.setFocus()
        self.query.selectAll()
        self.search(move=False)

    def close_bar(self) -> None:
        self._page_escape.setEnabled(False)
        self.hide()
        self.view.decorations.set_overlays(OWNER, {})
        self.view.setFocus()

    # -- searching ---------------------------------------------------------------------------
    def search(self, move: bool = True) -> None:
        """Look again; the current occurrence is the first at or after the caret."""
        self.matches = find_all(
            self.view.find_blocks(notes=self.notes.isChecked()),
            self.query.text(),
            match_case=self.case.isChecked(),
            whole_word=self.whole.isChecked(),
        )
        shaded: dict[str, list[Overlay]] = {}
        for m in self.matches:
            shaded.setdefault(self.view.block_key_id(m.key), []).append(
                Overlay(m.start, m.end, self._fmt)
            )
        self.view.decorations.set_overlays(OWNER, shaded)
        self.current = self._after_caret()
        if move and self.current >= 0:
            self._show(self.current)
        self._count()

    def _after_caret(self) -> int:
        if not self.matches:
            return -1
        order = self.view.block_order()
        where = self.view.selection()
        if where is None:
            return 0
        here = (order.get(where[0], 0), min(where[1], where[3]) if where[0] == where[2] else 0)
        for i, m in enumerate(self.matches):
            if (order.get(m.key, 0), m.start) >= here:
                return i
        return 0

    def _count(self) -> None:
        n = len(self.matches)
        if not self.query.text():
            self.count.setText("")
        elif not n:
            self.count.setText("Not found")
        else:
            self.count.setText(f"{self.current + 1} of {n}")
        for w in (
            self.previous_button,
            self.next_button,
            self.replace_all_button,
            self.replace_button,
        ):
            w.setEnabled(n > 0)

    def step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous occurrence (round the draft's end)."""
        if not self.matches:
            self.search()
            if not self.matches:
                return
        if self._selected() is None:
            self.current = self._after_caret() if direction > 0 else self._after_caret() - 1
        else:
            self.current += direction
        self.current %= len(self.matches)
        self._show(self.current)
        self._count()

    def _show(self, i: int) -> None:
        m = self.matches[i]
        self.view.select_range(m.key, m.start, m.key, m.end)
        self.view.ensureCursorVisible()

    def _selected(self) -> int | None:
        """The occurrence selected on the page, if the selection is one."""
        where = self.view.selection()
        if where is None or where[0] != where[2]:
            return None
        start, end = sorted((where[1], where[3]))
        for i, m in enumerate(self.matches):
            if m.key == where[0] and (m.start, m.end) == (start, end):
                return i
        return None

    # -- replacing ---------------------------------------------------------------------------
    def replace_one(self) -> None:
        """Replace the selected occurrence and go to the next; when none is selected,
        first go to the next one (as Word's Replace does)."""
        i = self._selected()
        if i is None:
            self.step(1)
            return
        m = self.matches[i]
        self._apply(ReplaceAll([m], self.replacement.text(), self._note_texts([m]), "Replace"))
        self.search(move=False)
        if self.matches:
            self.current = self._after_caret()
            self._show(self.current)
            self._count()

    def replace_all(self) -> None:
        """Every occurrence, as one edit (one Ctrl+Z takes them all back)."""
        if not self.matches:
            return
        n = len(self.matches)
        if self._apply(ReplaceAll(self.matches, self.replacement.text(), self._note_texts())):
            self.message.emit(f"{n} replaced (Ctrl+Z takes them all back).")
        self.search(move=False)

    def _apply(self, edit: ReplaceAll) -> bool:
        self._later.stop()
        return self.view.controller.apply(edit)

    def _note_texts(self, matches: list[Match] | None = None) -> dict[str, tuple[str, list[Span]]]:
        """The texts the notes' occurrences were found in (as the page shows them)."""
        out: dict[str, tuple[str, list[Span]]] = {}
        for m in matches or self.matches:
            if m.key[0] == "note":
                shown = self.view.note_view(m.key[1])
                out[m.key[1]] = (shown.text, list(shown.italics))
        return out

    def _on_changed(self, _changes: ChangeSet) -> None:
        if self.isVisible() and self.query.text():
            self._later.start()
