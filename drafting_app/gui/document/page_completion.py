"""Opening phrases completed on the page: while the drafter types the first words of a
preambular or operative paragraph, the UN phrase lists offer the openers that start so
("Taking into acc" → "Taking into account"); choosing one writes it as the paragraph's
opener, set in italics by the typing rules. An opener not in the lists is allowed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter

from drafting_app.model.document import Part

if TYPE_CHECKING:
    from drafting_app.gui.document.page_view import DocumentView

COMPLETION_ZONE = 40  # an opener is written in the first few words
_TAKEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


class OpenerCompletion(QObject):
    """The completion popup of a document view."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self.view = view
        self.completer = QCompleter(self)
        self.completer.setWidget(view)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._model = QStringListModel(self)
        self.completer.setModel(self._model)
        self.completer.activated.connect(self._complete)
        self._part: Part | None = None
        # Where the caret stood after a completion wrote "phrase ": a space typed there
        # is the one the drafter types by habit, and is not doubled.
        self._after: tuple[object, int] | None = None

    def popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # a QCompleter always makes its popup
        return popup

    def takes(self, e: QKeyEvent) -> bool:
        """Whether the popup takes this key: QCompleter offers each key to the page
        first and completes only on a Return, Enter or Tab the page did not accept."""
        return e.key() in _TAKEN_KEYS and self.popup().isVisible()

    def swallows(self, e: QKeyEvent) -> bool:
        """A space typed right after a completion, which already wrote the space."""
        after, self._after = self._after, None
        return after is not None and e.text() == " " and self.view.caret() == after

    def hide(self) -> None:
        self.popup().hide()

    def after_typing(self) -> None:
        """Offer openers for what the caret's paragraph starts with, or hide the popup."""
        view = self.view
        where = view.caret()
        if where is None or where[0][0] != "p" or view.textCursor().hasSelection():
            self.hide()
            return
        pid, pos = where[0][1], where[1]
        part, top = view.typing.place(pid)
        text = view.controller.doc.paragraph(pid).text
        prefix = text[:pos]
        wanted = top and 2 <= len(prefix) <= COMPLETION_ZONE and pos == len(text.rstrip())
        if not wanted or any(ch in prefix for ch in ",;:."):
            self.hide()
            return
        if part is not self._part:
            # The part's own openers only: "Recall" in the preamble is "Recalling",
            # never the operative "Recalls" or "Recalled" (user trial 13).
            names = [phrase for phrase, own in view.typing.phrases.phrases(part) if own is part]
            self._model.setStringList(sorted(names, key=str.lower))
            self._part = part
        self.completer.setCompletionPrefix(prefix)
        count = self.completer.completionCount()
        exact = count == 1 and self.completer.currentCompletion().lower() == prefix.lower()
        if not count or exact:
            self.hide()
            return
        rect = view.cursorRect()
        rect.setWidth(self.popup().sizeHintForColumn(0) + 24)
        self.completer.complete(rect)

    def _complete(self, phrase: str) -> None:
        """The chosen opener replaces what was typed of it."""
        view = self.view
        where = view.caret()
        if where is None or where[0][0] != "p":
            return
        view.typing.replace_start(where[0][1], where[1], phrase + " ")
        self._after = view.caret()
