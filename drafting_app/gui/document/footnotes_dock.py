"""The footnotes panel (issue 5 §5): the draft's notes numbered in document order (first
mark in the text), each as it will print — Ibid. recomputed from the sources after every
insert, delete or move — with the paragraph that carries its mark. A note is edited where
it is written, under the page (Edit puts the caret there); Delete goes through the
controller, so Ctrl+Z brings the note and its mark back."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.gui.common.rich_text_delegate import RICH_ROLE, RichTextDelegate
from drafting_app.gui.document.draft_places import anchor_places, paragraph_names
from drafting_app.model.document import Document, Span

if TYPE_CHECKING:  # the citation engine and the edit commands load with the first draft
    from drafting_app.gui.document.document_controller import DocumentController
    from drafting_app.model.changes import ChangeSet

FOOTNOTE_ROLE = Qt.ItemDataRole.UserRole + 2


def italic_html(text: str, italics: tuple[Span, ...] | list[Span]) -> str:
    """The text as rich text, its italic spans in <i>."""
    out, pos = [], 0
    for span in sorted(italics, key=lambda s: s.start):
        out += [escape(text[pos : span.start]), f"<i>{escape(text[span.start : span.end])}</i>"]
        pos = span.end
    return "".join(out) + escape(text[pos:])


def full_note(doc: Document, fid: str) -> tuple[str, tuple[Span, ...] | list[Span]]:
    """The note's full citation and its italic spans (never "Ibid.": that is recomputed
    from the order of the notes, so the drafter sees and edits the source itself)."""
    from drafting_app.citations.parse import citations_of
    from drafting_app.citations.render import full_text

    source = citations_of(doc).get(fid)
    if source is None:
        note = doc.footnote(fid)
        return note.text, note.italics
    return full_text(source)


class FootnoteTree(QTreeWidget):
    """Return edits the selected note, Delete removes it."""

    edit_requested = Signal()
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit()
        elif event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
        else:
            super().keyPressEvent(event)


class FootnotesPanel(QWidget):
    """Follows the current draft. ``activated(fid)`` asks the window to show the mark;
    ``insert_requested`` asks for the citation dialog."""

    activated = Signal(str)
    insert_requested = Signal()
    edit_requested = Signal(str)  # the caret to this note, under the page
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footnotesPanel")
        self.controller: DocumentController | None = None
        self.tree = FootnoteTree(self)
        self.tree.setObjectName("footnoteTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["No.", "Mark in", "Footnote"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setItemDelegateForColumn(2, RichTextDelegate(self.tree))
        self.tree.setColumnWidth(0, 44)
        self.tree.setColumnWidth(1, 130)
        self.insert_button = QPushButton("Insert Citation…", self)
        self.edit_button = QPushButton("Edit", self)
        self.edit_button.setToolTip("Write in this note, under the page")
        self.delete_button = QPushButton("Delete", self)
        self.edit_button.setObjectName("editFootnote")
        self.delete_button.setObjectName("deleteFootnote")
        self.insert_button.clicked.connect(self.insert_requested.emit)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        self.tree.edit_requested.connect(self.edit_selected)
        self.tree.delete_requested.connect(self.delete_selected)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        buttons = QHBoxLayout()
        for b in (self.insert_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.refresh()

    def follow(self, controller: DocumentController | None) -> None:
        if controller is self.controller:
            return
        if self.controller is not None:
            self.controller.changed.disconnect(self._on_changed)
        self.controller = controller
        if controller is not None:
            controller.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: ChangeSet) -> None:
        # Typing moves no mark; numbers and Ibid. change only with marks, notes and order.
        if changes.footnotes_changed or changes.structure_changed or changes.moved:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the model, keeping the selected note selected."""
        keep = self.selected_id()
        self.tree.clear()
        if self.controller is None:
            self._enable()
            return
        from drafting_app.checks.profile import profile_for
        from drafting_app.citations.render import render_footnotes

        doc = self.controller.doc
        names = paragraph_names(doc)
        places = anchor_places(doc)
        for note in render_footnotes(doc, profile_for(doc).citation):
            place = places.get(note.footnote_id)
            where = names.get(place[0], "") if place else "(no mark)"
            item = QTreeWidgetItem(self.tree, [str(note.number), where, note.text])
            item.setData(0, FOOTNOTE_ROLE, note.footnote_id)
            item.setData(2, RICH_ROLE, italic_html(note.text, note.italics))
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if note.footnote_id == keep:
                self.tree.setCurrentItem(item)
        self._enable()

    def rows(self) -> list[tuple[int, str, str]]:
        """(number, text, paragraph) as shown."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None:
                out.append((int(item.text(0)), item.text(2), item.text(1)))
        return out

    def _enable(self) -> None:
        has = self.selected_id() != ""
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.insert_button.setEnabled(self.controller is not None)

    def selected_id(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, FOOTNOTE_ROLE) or "") if item is not None else ""

    def select(self, fid: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, FOOTNOTE_ROLE) == fid:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)

    def _on_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        fid = item.data(0, FOOTNOTE_ROLE)
        if fid:
            self.activated.emit(str(fid))

    def edit_selected(self) -> None:
        """Edit: the caret in the selected note, under the page."""
        fid = self.selected_id()
        if fid:
            self.edit_requested.emit(fid)

    def delete_selected(self) -> None:
        fid = self.selected_id()
        if fid and self.controller is not None:
            from drafting_app.model.edits import DeleteFootnote

            self.controller.apply(DeleteFootnote(fid), fixes=False)
