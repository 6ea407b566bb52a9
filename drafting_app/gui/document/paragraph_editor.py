"""The paragraph editor: the text of the paragraph chosen in the outline, with its opening
phrase in italics (completed from the UN phrase lists; an unknown opener is allowed and
flagged) and its footnote marks drawn as superscript numbers (:mod:`footnote_marks`; the
widget's text stays the model's text). Every keystroke becomes a :class:`SetText` through
the controller; Enter starts the next paragraph, Tab/Shift+Tab indent and outdent, Ctrl+I
sets the selection in italics; hovering a mark shows its note, double-clicking it (or
Ctrl+click) chooses the note in the footnote lists.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QPlainTextEdit, QToolTip, QWidget

from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.footnote_marks import (
    InlineMark,
    MarkMetrics,
    PlacedMark,
    inline_marks,
    note_tooltip,
)
from drafting_app.gui.document.typing import Change, toggle_italics, typed
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Paragraph, Part
from drafting_app.model.text_edits import SetText
from drafting_app.model.tree import locate
from drafting_app.phrases import PhraseBook, default_phrasebook

BURST_PAUSE_MS = 900
_COMPLETION_ZONE = 40


class _Formats(QSyntaxHighlighter):
    """Shows the model's italic spans and makes room for its footnote marks (the document
    stays plain text in the widget)."""

    def __init__(self, editor: ParagraphEditor) -> None:
        super().__init__(editor.document())
        self._editor = editor

    def highlightBlock(self, text: str) -> None:
        p = self._editor.paragraph()
        if p is None or p.text != text:
            return
        fmt = QTextCharFormat()
        fmt.setFontItalic(True)
        for s in p.italics:
            self.setFormat(s.start, s.end - s.start, fmt)
        metrics = self._editor.mark_metrics
        for m in self._editor.marks():
            if 0 < m.offset <= len(text):
                self.setFormat(m.offset - 1, 1, metrics.make_room(self.format(m.offset - 1), m))


class ParagraphEditor(QPlainTextEdit):
    """Edits one paragraph through the controller. Signals ask the draft editor for
    structural edits: ``enter_pressed`` (new paragraph after), ``indent_requested``,
    ``outdent_requested``; ``opener_changed(text, known)`` drives the opener hint."""

    enter_pressed = Signal()
    indent_requested = Signal()
    outdent_requested = Signal()
    opener_state = Signal(str)
    mark_activated = Signal(str)  # a footnote id: its mark was double- or Ctrl+clicked

    def __init__(
        self,
        controller: DocumentController,
        phrases: PhraseBook | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paragraphEditor")
        self.controller = controller
        self.phrases = phrases or default_phrasebook()
        self.pid = ""
        self._loading = False
        self.setUndoRedoEnabled(False)  # one undo history: the controller's stack
        self.setTabChangesFocus(False)
        self.setPlaceholderText("Choose a paragraph in the outline, or press Ctrl+Return.")
        self.setEnabled(False)
        font = QFont("Times New Roman")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(12.5)
        self.setFont(font)
        self.mark_metrics = MarkMetrics(font)
        self._marks: list[InlineMark] = []
        self._marked_text = ""  # the text the marks were placed in
        self._margin = self.document().documentMargin()
        self.viewport().setMouseTracking(True)  # the hand over a mark
        self._formats = _Formats(self)
        self.completer = QCompleter(self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setModel(QStringListModel(self))
        self.completer.activated.connect(self._insert_completion)
        self._burst = QTimer(self)
        self._burst.setSingleShot(True)
        self._burst.setInterval(BURST_PAUSE_MS)
        self._burst.timeout.connect(controller.end_typing)
        # Where the edit happened, as the document reports it: a diff of the two texts
        # cannot tell a comma typed before "Crime,⁵" from one typed after it.
        self._edit_at: Change | None = None
        self._edits_seen = 0
        self.document().contentsChange.connect(self._on_contents_change)
        self.textChanged.connect(self._on_text_changed)
        controller.changed.connect(self._on_model_changed)

    # -- which paragraph ---------------------------------------------------------------------
    def paragraph(self) -> Paragraph | None:
        if not self.pid:
            return None
        try:
            return self.controller.doc.paragraph(self.pid)
        except KeyError:
            return None

    def _place(self) -> tuple[Part, bool]:
        """(part, top level?) of the paragraph; a decision's chapeau has no opener."""
        chapeau = self.controller.doc.chapeau
        if chapeau is not None and chapeau.id == self.pid:
            return Part.PREAMBLE, False
        loc = locate(self.controller.doc, self.pid)
        # An annex paragraph has no italic opening phrase (an annexed declaration is not
        # written in preambular or operative clauses).
        return loc.part, loc.parent_id is None and loc.annex is None

    def show_paragraph(self, pid: str) -> None:
        """Edit paragraph ``pid`` ("" for none); the typing burst of the last one ends."""
        if pid == self.pid and self.paragraph() is not None:
            return
        self._burst.stop()
        self.controller.end_typing()
        self.pid = pid
        p = self.paragraph()
        self.setEnabled(p is not None)
        text = p.text if p is not None else ""
        self._load(p, len(text))  # the caret where writing continues
        if p is not None:
            part, top = self._place()
            names = [ph for ph, _ in self.phrases.phrases(part)] if top else []
            model = self.completer.model()
            assert isinstance(model, QStringListModel)
            model.setStringList(sorted(names, key=str.lower))
        self._report_opener()

    def _load(self, p: Paragraph | None, cursor_pos: int) -> None:
        text = p.text if p is not None else ""
        self._refresh_marks(p)
        self._loading = True
        try:
            self.setPlainText(text)
            cursor = self.textCursor()
            cursor.setPosition(min(cursor_pos, len(text)))
            self.setTextCursor(cursor)
        finally:
            self._loading = False
        self._formats.rehighlight()

    # -- typing -> edits ---------------------------------------------------------------------
    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        self._edits_seen += 1
        self._edit_at = Change(position, position + removed, position + added)

    def _on_text_changed(self) -> None:
        # One change reported since the last text: where it was (several: let the diff say).
        edit_at = self._edit_at if self._edits_seen == 1 else None
        self._edit_at, self._edits_seen = None, 0
        if self._loading:
            return
        p = self.paragraph()
        if p is None:
            return
        text = self.toPlainText()
        if text == p.text:
            return
        part, top = self._place()
        self.controller.type_text(typed(p, text, part, top, self.phrases, edit_at))
        self._burst.start()
        self._update_completer(text, top)

    def _on_model_changed(self, changes: ChangeSet) -> None:
        p = self.paragraph()
        if p is None:
            if self.pid and self.pid in changes.deleted:
                self.show_paragraph("")
            return
        if p.text != self.toPlainText():
            # Undo, redo or a ladder fix changed the text: keep the caret where it was,
            # counted from the end (fixes change the opener, at the start).
            from_end = len(self.toPlainText()) - self.textCursor().position()
            self._load(p, max(0, len(p.text) - from_end))
        else:
            # Numbers are derived: a note added or deleted anywhere renumbers these marks.
            self._refresh_marks(p)
            self._formats.rehighlight()
        self._report_opener()

    def _report_opener(self) -> None:
        p = self.paragraph()
        if p is None:
            self.opener_state.emit("")
            return
        part, top = self._place()
        if self.controller.doc.chapeau is p:
            self.opener_state.emit("Chapeau of the decision: it ends with a colon.")
        elif not top:
            annexed = locate(self.controller.doc, p.id).annex is not None
            what = "Annex paragraph" if annexed else "Sub-paragraph"
            self.opener_state.emit(f"{what}: its lead words stay in roman type.")
        elif not p.text.strip():
            self.opener_state.emit(
                "Type the opening phrase; completions come from the UN phrase lists."
            )
        elif any(s.start == 0 for s in p.italics):
            end = next(s.end for s in p.italics if s.start == 0)
            self.opener_state.emit(f"Opening phrase: “{p.text[:end]}”")
        else:
            first = p.text.split(" ", 1)[0]
            self.opener_state.emit(
                f"“{first}…” is not a known {part.value} opening phrase — allowed; "
                "select the opening words and press Ctrl+I to set them in italics."
            )

    # -- footnote marks ----------------------------------------------------------------------
    def marks(self) -> list[InlineMark]:
        """The marks of the paragraph shown, with their derived numbers."""
        return self._marks

    def _refresh_marks(self, p: Paragraph | None) -> None:
        self._marks = inline_marks(self.controller.doc, p) if p is not None else []
        self._marked_text = p.text if p is not None else ""
        # A mark before the first character has no letter to make room after: the margin
        # before the text widens for it.
        lead = next((m for m in self._marks if m.offset == 0), None)
        margin = self._margin + (self.mark_metrics.width(lead) if lead is not None else 0)
        if self.document().documentMargin() != margin:
            self.document().setDocumentMargin(margin)

    def placed_marks(self) -> list[PlacedMark]:
        """The marks where they are drawn (viewport coordinates)."""
        if not self._marks or self.toPlainText() != self._marked_text:
            return []  # between a keystroke and its edit: the marks follow in a moment
        return self.mark_metrics.place(self, self._marks)

    def mark_at(self, pos: QPoint) -> PlacedMark | None:
        return next((m for m in self.placed_marks() if m.rect.contains(QPointF(pos))), None)

    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        placed = self.placed_marks()
        if placed:
            painter = QPainter(self.viewport())
            self.mark_metrics.paint(painter, self, placed)
            painter.end()

    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            hit = self.mark_at(e.pos())
            if hit is None:
                QToolTip.hideText()
            else:
                tip = note_tooltip(self.controller.doc, hit.mark)
                QToolTip.showText(e.globalPos(), tip, self.viewport(), hit.rect.toRect())
            return True
        return super().viewportEvent(e)

    def _activate_mark(self, e: QMouseEvent) -> bool:
        hit = self.mark_at(e.position().toPoint())
        if hit is None or e.button() != Qt.MouseButton.LeftButton:
            return False
        self.mark_activated.emit(self.mark_metrics.note_at(hit, e.position().x()))
        e.accept()
        return True

    def mousePressEvent(self, e: QMouseEvent) -> None:
        ctrl = bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if not (ctrl and self._activate_mark(e)):
            super().mousePressEvent(e)

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        if not self._activate_mark(e):
            super().mouseDoubleClickEvent(e)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        over = not e.buttons() and self.mark_at(e.position().toPoint()) is not None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
        )
        super().mouseMoveEvent(e)

    # -- completion --------------------------------------------------------------------------
    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # a QCompleter always makes its popup
        return popup

    def _update_completer(self, text: str, top: bool) -> None:
        pos = self.textCursor().position()
        prefix = text[:pos]
        popup = self._popup()
        wanted = top and 2 <= len(prefix) <= _COMPLETION_ZONE and pos == len(text.rstrip())
        if wanted and not any(ch in prefix for ch in ",;:."):
            self.completer.setCompletionPrefix(prefix)
            count = self.completer.completionCount()
            exact = count == 1 and self.completer.currentCompletion().lower() == prefix.lower()
            if count and not exact:
                rect = self.cursorRect()
                rect.setWidth(popup.sizeHintForColumn(0) + 24)
                self.completer.complete(rect)
                return
        popup.hide()

    def _insert_completion(self, phrase: str) -> None:
        cursor = self.textCursor()
        cursor.setPosition(0)
        cursor.setPosition(self.textCursor().position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(phrase + " ")
        self.setTextCursor(cursor)

    # -- keys --------------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        # The text widget would take Ctrl+Z itself; the draft has one undo history, the
        # window's Edit › Undo, so let the shortcut through.
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and (
                e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            e.ignore()
            return False
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        popup_open = self._popup().isVisible()
        key = e.key()
        if popup_open and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            e.ignore()  # the completer takes these
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        if key == Qt.Key.Key_Backtab:
            self.outdent_requested.emit()
            return
        if key == Qt.Key.Key_Tab:
            self.indent_requested.emit()
            return
        super().keyPressEvent(e)

    def toggle_italics(self) -> None:
        p = self.paragraph()
        cursor = self.textCursor()
        if p is None or not cursor.hasSelection():
            return
        spans = toggle_italics(p, cursor.selectionStart(), cursor.selectionEnd())
        self.controller.apply(
            SetText(p.id, p.text, spans, p.anchors, mergeable=False, label="Italics"),
            fixes=False,
        )

    def insertFromMimeData(self, source: QMimeData) -> None:
        # A paragraph is one line: pasted line breaks become spaces.
        text = " ".join(source.text().split())
        self.textCursor().insertText(text)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        if not self._popup().isVisible():
            self._burst.stop()
            self.controller.end_typing()
        super().focusOutEvent(e)
