"""The word count in the status bar, as Word shows it: "1,234 words" for the draft in
front, "35 of 1,234 words" while words are selected. What is counted is what the General
Assembly and ECOSOC count for their documentation limits
(:mod:`drafting_app.model.word_count`): the tooltip says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from drafting_app.model.word_count import count_words, words_in

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
