"""The footnotes of the paragraph being edited: numbered as the UN numbers them (order of the
first mark in the text) and shown as they print (Ibid. recomputed, as in the Footnotes
panel), added at the caret, retyped, deleted — each an edit through the controller, so undo
takes them back like any other change. The text field edits the full citation, words
between *asterisks* in italics, as the Footnotes panel's Edit dialog does."""

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

from drafting_app.checks.profile import profile_for
from drafting_app.citations.parse import strip_italics
from drafting_app.citations.render import render_footnotes
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.footnotes_dock import editable_text, with_italic_marks
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Footnote, Span
from drafting_app.model.edits import AddFootnote, DeleteFootnote, EditFootnote

FID_ROLE = int(Qt.ItemDataRole.UserRole) + 20
LIST_HEIGHT = 96  # at most about four notes; a paragraph rarely has more
# English puts the footnote mark after the punctuation (UN_FORMAT.md §4): a caret just
# before a comma or semicolon places the mark after it.
_PUNCTUATION = ",;:."


def mark_offset(text: str, caret: int) -> int:
    """Where a footnote mark goes for a caret at ``caret``."""
    caret = max(0, min(caret, len(text)))
    return caret + 1 if caret < len(text) and text[caret] in _PUNCTUATION else caret


class FootnotePanel(QWidget):
    """Lists the notes marked in one paragraph; edits the chosen one."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pid = ""
        self.title = QLabel("Footnotes", self)
        self.list = QListWidget(self)
        self.list.setObjectName("footnoteList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text = QLineEdit(self)
        self.text.setObjectName("footnoteText")
        self.text.setPlaceholderText("Footnote text (*asterisks* for italics)")
        self.text.setEnabled(False)
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setToolTip("Delete this footnote and its mark (Ctrl+Z undoes)")
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
        notes = self._notes()
        doc = self.controller.doc
        # As printed: numbered, Ibid. recomputed from the order of all the draft's notes.
        shown = {r.footnote_id: r for r in render_footnotes(doc, profile_for(doc).citation)}
        self.list.blockSignals(True)
        self.list.clear()
        for f in notes:
            r = shown.get(f.id)
            number, text = (r.number, r.text) if r else ("?", f.text)
            item = QListWidgetItem(f"{number}  {text or '(empty — type its text)'}")
            item.setData(FID_ROLE, f.id)
            item.setToolTip(editable_text(doc, f.id) if f.text else "")
            self.list.addItem(item)
            if f.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)  # the field shows a note, not an empty placeholder
        self.list.blockSignals(False)
        if not self.pid:
            self.title.setText("Footnotes")
        elif notes:
            self.title.setText(f"Footnotes of this paragraph ({len(notes)})")
        else:
            self.title.setText("No footnotes here — Ctrl+Alt+F adds one at the caret.")
        # No empty list and field for a paragraph without notes: the text gets the room.
        for widget in (self.list, self.text, self.delete_button):
            widget.setVisible(bool(notes))
        rows = sum(self.list.sizeHintForRow(i) for i in range(self.list.count()))
        self.list.setFixedHeight(min(LIST_HEIGHT, rows + 2 * self.list.frameWidth() + 2))
        self._show_current()

    def select(self, fid: str) -> None:
        """Show note ``fid`` in the field (one of this paragraph's notes)."""
        self.refresh(keep=fid)

    def current_fid(self) -> str:
        item = self.list.currentItem()
        return str(item.data(FID_ROLE)) if item is not None else ""

    def _show_current(self) -> None:
        fid = self.current_fid()
        note = next((f for f in self.controller.doc.footnotes if f.id == fid), None)
        self.text.setEnabled(note is not None)
        self.delete_button.setEnabled(note is not None)
        if not self.text.hasFocus() or note is None:
            doc = self.controller.doc
            self.text.setText(editable_text(doc, fid) if note is not None and note.text else "")

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.footnotes_changed or self.pid in changes.changed_ids:
            self.refresh()

    # -- edits -------------------------------------------------------------------------------
    def add_at(self, offset: int) -> None:
        """A new footnote, typed in free text, marked at caret ``offset`` of the paragraph
        (after the punctuation there, as in English: UN_FORMAT.md §4); its text field takes
        the caret."""
        if not self.pid:
            return
        note = Footnote("")
        at = mark_offset(self.controller.doc.paragraph(self.pid).text, offset)
        if self.controller.apply(AddFootnote(self.pid, at, note), fixes=False):
            self.refresh(keep=note.id)
            self.text.setFocus()

    def commit(self) -> None:
        fid = self.current_fid()
        note = next((f for f in self.controller.doc.footnotes if f.id == fid), None)
        if note is None:
            return
        text, spans = strip_italics(" ".join(self.text.text().split()))
        italics = [Span(s, e) for s, e in spans]
        if with_italic_marks(text, italics) == editable_text(self.controller.doc, fid):
            return
        if not text and note.text:
            self.text.setText(editable_text(self.controller.doc, fid))
            return  # emptied by mistake: Delete Footnote removes a note
        self.controller.apply(EditFootnote(fid, text, italics), fixes=False)

    def delete_current(self) -> None:
        fid = self.current_fid()
        if fid:
            self.controller.apply(DeleteFootnote(fid), fixes=False)
