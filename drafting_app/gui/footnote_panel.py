"""The footnotes of the paragraph being edited: numbered as the UN numbers them (order of the
first mark in the text), added at the caret, retyped, deleted — each an edit through the
controller, so undo takes them back like any other change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drafting_app.gui.document_controller import DocumentController
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Footnote, Span
from drafting_app.model.edits import AddFootnote, DeleteFootnote, EditFootnote
from drafting_app.model.numbering import footnote_numbers

FID_ROLE = int(Qt.ItemDataRole.UserRole) + 20


class FootnotePanel(QWidget):
    """Lists the notes marked in one paragraph; edits the chosen one."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pid = ""
        self.title = QLabel("Footnotes", self)
        self.list = QListWidget(self)
        self.list.setObjectName("footnoteList")
        self.list.setMaximumHeight(110)
        self.text = QLineEdit(self)
        self.text.setObjectName("footnoteText")
        self.text.setPlaceholderText("Footnote text")
        self.text.setEnabled(False)
        self.delete_button = QPushButton("Delete Footnote", self)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.list.currentItemChanged.connect(lambda _new, _old: self._show_current())
        self.text.editingFinished.connect(self.commit)
        self.delete_button.clicked.connect(self.delete_current)
        controller.changed.connect(self._on_changed)
        self.show_paragraph("")

    def show_paragraph(self, pid: str) -> None:
        self.pid = pid
        self.refresh()

    def _notes(self) -> list[Footnote]:
        try:
            p = self.controller.doc.paragraph(self.pid) if self.pid else None
        except KeyError:
            p = None
        if p is None:
            return []
        by_id = {f.id: f for f in self.controller.doc.footnotes}
        seen: dict[str, Footnote] = {}
        for a in sorted(p.anchors, key=lambda a: a.offset):
            if a.footnote_id in by_id:
                seen.setdefault(a.footnote_id, by_id[a.footnote_id])
        return list(seen.values())

    def refresh(self, keep: str = "") -> None:
        keep = keep or self.current_fid()
        numbers = footnote_numbers(self.controller.doc)
        notes = self._notes()
        self.list.blockSignals(True)
        self.list.clear()
        for f in notes:
            item = QListWidgetItem(
                f"{numbers.get(f.id, '?')}  {f.text or '(empty — type its text)'}"
            )
            item.setData(FID_ROLE, f.id)
            item.setToolTip(f.text)
            self.list.addItem(item)
            if f.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.title.setText(
            f"Footnotes of this paragraph ({len(notes)})" if self.pid else "Footnotes"
        )
        self._show_current()

    def current_fid(self) -> str:
        item = self.list.currentItem()
        return str(item.data(FID_ROLE)) if item is not None else ""

    def _show_current(self) -> None:
        fid = self.current_fid()
        note = next((f for f in self.controller.doc.footnotes if f.id == fid), None)
        self.text.setEnabled(note is not None)
        self.delete_button.setEnabled(note is not None)
        if not self.text.hasFocus() or note is None:
            self.text.setText(note.text if note is not None else "")

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.footnotes_changed or self.pid in changes.changed_ids:
            self.refresh()

    # -- edits -------------------------------------------------------------------------------
    def add_at(self, offset: int) -> None:
        """A new footnote marked at ``offset`` of the paragraph; its text field takes the
        caret (the mark goes after the punctuation in English: UN_FORMAT.md §4)."""
        if not self.pid:
            return
        note = Footnote("")
        if self.controller.apply(AddFootnote(self.pid, offset, note), fixes=False):
            self.refresh(keep=note.id)
            self.text.setFocus()

    def commit(self) -> None:
        fid = self.current_fid()
        note = next((f for f in self.controller.doc.footnotes if f.id == fid), None)
        text = self.text.text().strip()
        if note is None or text == note.text:
            return
        italics = [Span(s.start, s.end) for s in note.italics if s.end <= len(text)]
        self.controller.apply(EditFootnote(fid, text, italics), fixes=False)

    def delete_current(self) -> None:
        fid = self.current_fid()
        if fid:
            self.controller.apply(DeleteFootnote(fid), fixes=False)
