"""Tools › Spelling… (F7), as Word's Spelling pane: walks through the draft's misspellings
from the caret on — paragraphs in document order, then the footnotes — selecting each in
the page, with its suggestions and Ignore Once, Ignore All, Add to Dictionary, Change and
Change All. Every change is a model edit on the draft's undo stack (Change All is one
step)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drafting_app.gui.document.spelling import SpellingService, correction
from drafting_app.model.changes import Compound, Edit
from drafting_app.spelling.checker import Finding, Misspelling, Place

if TYPE_CHECKING:
    from drafting_app.gui.document.page_view import DocumentView

_CONTEXT = 90  # characters shown either side of the word


# The page's lines other than paragraphs and notes (the title, the authoring formula, the
# masthead lines …) are places of kind "line", the id their block key joined by "/".
LINE = "line"


def _key(f: Finding) -> tuple[str, ...]:
    if f.place.kind == LINE:
        return tuple(f.place.id.split("/"))
    return ("p" if f.place.kind == "paragraph" else "note", f.place.id)


class SpellingDialog(QDialog):
    """The spelling walk over one draft's view."""

    def __init__(
        self, view: DocumentView, service: SpellingService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or view)
        self.setObjectName("spellingDialog")
        self.setWindowTitle("Spelling: English (United Kingdom, -ize)")
        self.view, self.service = view, service
        self.current: Finding | None = None
        self._once: set[tuple[str, str, int, str]] = set()
        self._done: list[tuple[str, str]] = []  # where the walk has been (blocks, in order)
        self.heading = QLabel("Not in dictionary:", self)
        self.context = QTextBrowser(self)
        self.context.setObjectName("spellingContext")
        self.context.setMaximumHeight(110)
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("spellingSuggestions")
        self.suggestions.itemDoubleClicked.connect(lambda _item: self.change())
        self.status = QLabel("", self)
        self.status.setObjectName("spellingStatus")
        self.status.setWordWrap(True)
        self.ignore_once = self._button("&Ignore Once", self.skip)
        self.ignore_all = self._button("I&gnore All", self.ignore_everywhere)
        self.add = self._button("&Add to Dictionary", self.add_word)
        self.change_button = self._button("&Change", self.change)
        self.change_all_button = self._button("Change A&ll", self.change_all)
        self.close_button = self._button("Close", self.close)
        self._walk_buttons = [
            self.ignore_once,
            self.ignore_all,
            self.add,
            self.change_button,
            self.change_all_button,
        ]
        buttons = QVBoxLayout()
        for b in self._walk_buttons:
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.context)
        left.addWidget(QLabel("Suggestions:", self))
        left.addWidget(self.suggestions)
        left.addWidget(self.status)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addLayout(buttons)
        self.resize(560, 340)
        self.start = view.caret()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text, self)
        b.setAutoDefault(False)
        b.clicked.connect(lambda _c=False: slot())
        return b

    # -- walking ------------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """The draft's misspellings from where the walk started, wrapping round once."""
        checker = self.service.checker
        if checker is None:
            return []
        # Every word the page underlines: the lines above the text (the title, the
        # authoring formula, the masthead) as well as the paragraphs and the notes.
        lines = [
            Finding(Place(LINE, "/".join(s.key)), m)
            for s in self.view.specs
            if s.editable and s.key[0] not in ("p", "note") and s.text
            for m in checker.misspellings(s.text)
        ]
        page = self.view.block_order()
        everything = sorted(
            [*lines, *checker.check_document(self.view.controller.doc)],
            key=lambda f: (page.get(_key(f), len(page)), f.misspelling.start),
        )
        found = [
            f
            for f in everything
            if (f.place.id, f.misspelling.word, f.misspelling.start, f.place.kind) not in self._once
        ]
        if self.start is None:
            return found
        key, offset = self.start
        keys = [_key(f) for f in found]
        at = page.get(tuple(key), 0)
        after = [
            f
            for f, k in zip(found, keys, strict=True)
            if (page.get(k, len(page)), f.misspelling.start) >= (at, offset)
        ]
        before = [f for f in found if f not in after]
        return after + before

    def next_word(self) -> bool:
        """Show the next misspelling; False (and the walk is complete) when there is none."""
        found = self.findings()
        if not found:
            self._finish()
            return False
        self.current = f = found[0]
        m = f.misspelling
        text = self._text_of(f)
        a, b = max(0, m.start - _CONTEXT), min(len(text), m.end + _CONTEXT)
        self.context.setHtml(
            ("…" if a else "")
            + escape(text[a : m.start])
            + f'<span style="color:#d21f1f; font-weight:bold;">{escape(m.word)}</span>'
            + escape(text[m.end : b])
            + ("…" if b < len(text) else "")
        )
        self.heading.setText(
            "Not in dictionary" + (" (footnote):" if f.place.kind == "footnote" else ":")
        )
        assert self.service.checker is not None
        self.suggestions.clear()
        self.suggestions.addItems(self.service.checker.suggestions(m.word))
        if self.suggestions.count():
            self.suggestions.setCurrentRow(0)
        for b2 in (self.change_button, self.change_all_button):
            b2.setEnabled(self.suggestions.count() > 0)
        self.status.setText("")
        self._select(f)
        return True

    def _text_of(self, f: Finding) -> str:
        doc = self.view.controller.doc
        if f.place.kind == LINE:
            n = self.view.block_number(_key(f))
            return self.view.specs[n].text if n is not None else ""
        if f.place.kind == "paragraph":
            return doc.paragraph(f.place.id).text
        return doc.footnote(f.place.id).text

    def _select(self, f: Finding) -> None:
        m = f.misspelling
        self.view.set_caret(_key(f), m.end, anchor=m.start)
        self.view.ensureCursorVisible()
        self.start = (_key(f), m.start)

    def _finish(self) -> None:
        self.current = None
        self.context.setHtml("")
        self.suggestions.clear()
        self.heading.setText("")
        self.status.setText("The spelling check is complete.")
        for b in self._walk_buttons:
            b.setEnabled(False)
        self.close_button.setDefault(True)

    # -- the buttons --------------------------------------------------------------------------
    def skip(self) -> None:
        """Ignore Once: this occurrence only."""
        if self.current is not None:
            f = self.current
            self._once.add((f.place.id, f.misspelling.word, f.misspelling.start, f.place.kind))
            self.next_word()

    def ignore_everywhere(self) -> None:
        if self.current is not None:
            self.service.ignore_all(self.current.misspelling.word)
            self.next_word()

    def add_word(self) -> None:
        if self.current is not None:
            self.service.add_to_dictionary(self.current.misspelling.word)
            self.next_word()

    def chosen(self) -> str:
        item = self.suggestions.currentItem()
        return item.text() if item is not None else ""

    def change(self) -> None:
        f, new = self.current, self.chosen()
        if f is None or not new:
            return
        edit = correction(
            self.view.controller.doc, _key(f), f.misspelling, new, shown=self._text_of(f)
        )
        if edit is None or not self.view.controller.apply(edit):
            self.status.setText("The text changed here; look again.")
        self.next_word()

    def change_all(self) -> None:
        """Every occurrence of the word in the draft, paragraphs and footnotes: one undo step."""
        f, new = self.current, self.chosen()
        if f is None or not new:
            return
        word = f.misspelling.word
        by_block: dict[tuple[str, ...], list[Misspelling]] = {}
        shown: dict[tuple[str, ...], str] = {}
        for g in self.findings():
            if g.misspelling.word == word:
                by_block.setdefault(_key(g), []).append(g.misspelling)
                shown.setdefault(_key(g), self._text_of(g))
        edits: list[Edit] = []
        doc = self.view.controller.doc
        for key, ms in by_block.items():
            # right to left, so the earlier places stay where they are
            text = shown[key]
            for m in sorted(ms, key=lambda m: m.start, reverse=True):
                edit = correction(doc, key, m, new, "Change All", shown=text)
                if edit is not None and key[0] not in ("p", "note"):
                    text = text[: m.start] + new + text[m.end :]
                if edit is not None:
                    edit.apply(doc)
                    edits.append(edit)
        for edit in reversed(edits):  # the controller applies the macro itself
            edit.revert(doc)
        if edits:
            self.view.controller.apply(Compound(edits, label=f"Change All “{word}”"))
        self.next_word()

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        if self.current is None and self.status.text() == "":
            self.next_word()
