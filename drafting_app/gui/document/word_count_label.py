"""The word count in the status bar, as Word shows it: "1,234 words" for the draft in
front, "35 of 1,234 words" while words are selected; a click on it (or Tools › Word
Count…, Ctrl+Shift+G as in Word) opens Word's box with the characters, paragraphs and
footnotes too. What is counted is what the General Assembly and ECOSOC count for their
documentation limits (:mod:`drafting_app.model.word_count`): the tooltip says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from drafting_app.gui.common.turns import later
from drafting_app.model.document import Document
from drafting_app.model.word_count import count_words, statistics, words_in

if TYPE_CHECKING:
    from drafting_app.gui.document.draft_editor import DraftEditor

WHAT_IS_COUNTED = (
    "Words as the General Assembly and ECOSOC count them for documentation limits: the "
    "title, the authoring formula, the preambular and operative paragraphs, the annexes "
    "and the footnotes. The masthead, the sponsor line and the paragraph and footnote "
    "numbers are not counted."
)


class WordCountLabel(QLabel):
    """Follows the current draft; counts a moment after typing pauses."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordCount")
        self.setToolTip(WHAT_IS_COUNTED)
        self.editor: DraftEditor | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(300)
        self._later.timeout.connect(self.refresh)
        self.hide()

    def follow(self, editor: DraftEditor | None) -> None:
        if editor is self.editor:
            return
        if self.editor is not None:
            self.editor.controller.changed.disconnect(self._schedule)
            self.editor.page.selectionChanged.disconnect(self._schedule)
        self.editor = editor
        if editor is not None:
            editor.controller.changed.connect(self._schedule)
            editor.page.selectionChanged.connect(self._schedule)
            if editor.page.building:
                # A long draft just opened (issue 21 §6): counted on a turn after the
                # open's own.
                self.hide()
                later(self, self.refresh)
                return
        self.refresh()

    def _schedule(self, *_args: object) -> None:
        self._later.start()

    def refresh(self) -> None:
        self._later.stop()
        if self.editor is None:
            self.hide()
            return
        count = count_words(self.editor.controller.doc)
        chosen = self.editor.page.textCursor().selectedText()
        selected = words_in(chosen.replace("\u2029", " ")) if chosen else 0
        total = f"{count.total:,}"
        noun = "word" if count.total == 1 else "words"
        text = f"{selected:,} of {total} {noun}" if selected else f"{total} {noun}"
        self.setText(text)
        self.setToolTip(
            f"{count.body:,} in the text, {count.notes:,} in the footnotes.\n{WHAT_IS_COUNTED}"
        )
        self.show()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()  # as Word's status bar opens its Word Count box
        super().mousePressEvent(event)


def word_count_rows(doc: Document) -> list[tuple[str, str]]:
    """The rows of the Word Count box."""
    s = statistics(doc)
    return [
        ("Words", f"{s.words.total:,}"),
        ("  in the text", f"{s.words.body:,}"),
        ("  in the footnotes", f"{s.words.notes:,}"),
        ("Characters (no spaces)", f"{s.characters_no_spaces:,}"),
        ("Characters (with spaces)", f"{s.characters:,}"),
        ("Preambular paragraphs", f"{s.preambular:,}"),
        ("Operative paragraphs and sub-paragraphs", f"{s.operative:,}"),
        ("Annex paragraphs", f"{s.annex:,}"),
        ("Footnotes", f"{s.footnotes:,}"),
    ]


def show_word_count(parent: QWidget, doc: Document) -> QMessageBox:
    """Tools › Word Count…: Word's box, with what the GA and ECOSOC count said under it."""
    cells = "".join(
        f"<tr><td>{name.replace('  ', '&nbsp;&nbsp;&nbsp;')}</td>"
        f"<td align='right'>&nbsp;&nbsp;{value}</td></tr>"
        for name, value in word_count_rows(doc)
    )
    box = QMessageBox(parent)
    box.setObjectName("wordCountBox")
    box.setWindowTitle("Word Count")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<table>{cells}</table>")
    box.setInformativeText(WHAT_IS_COUNTED)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
