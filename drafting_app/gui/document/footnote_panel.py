"""The footnotes of the paragraph the caret is in, in the side panel: numbered as the UN
numbers them (order of the first mark in the text) and shown as they print (Ibid.
recomputed, in italics where the note has them — never *markup*). The notes are written
on the page itself, under the text: double-click (or Return) on a note here puts the
caret in it there; Delete takes the note and its mark out — an edit through the
controller, so Ctrl+Z brings both back."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.checks.profile import profile_for
from drafting_app.citations.render import render_footnotes
from drafting_app.gui.common.rich_text_delegate import RICH_ROLE, RichTextDelegate
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.footnotes_dock import FootnoteTree, italic_html
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Footnote
from drafting_app.model.edits import DeleteFootnote

FID_ROLE = int(Qt.ItemDataRole.UserRole) + 20
LIST_HEIGHT = 120  # about four notes; a paragraph rarely has more
# English puts the footnote mark after the punctuation (UN_FORMAT.md §4): a caret just
# before a comma or semicolon places the mark after it.
_PUNCTUATION = ",;:."


def mark_offset(text: str, caret: int) -> int:
    """Where a footnote mark goes for a caret at ``caret``."""
    caret = max(0, min(caret, len(text)))
    return caret + 1 if caret < len(text) and text[caret] in _PUNCTUATION else caret


class FootnotePanel(QWidget):
    """Lists the notes marked in one paragraph. ``edit_requested(fid)``: the drafter wants
    to write in that note (on the page)."""

    edit_requested = Signal(str)

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pid = ""
        self._shown: list[str] = []
        self.title = QLabel("Footnotes", self)
        self.title.setWordWrap(True)
        self.list = FootnoteTree(self)
        self.list.setObjectName("footnoteList")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setUniformRowHeights(False)
        self.list.setItemDelegate(RichTextDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edit_button = QPushButton("Edit on Page", self)
        self.edit_button.setToolTip("Put the caret in this note under the text")
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setToolTip("Delete this footnote and its mark (Ctrl+Z undoes)")
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.list.itemDoubleClicked.connect(lambda _item, _column: self.edit_current())
        self.list.edit_requested.connect(self.edit_current)
        self.list.delete_requested.connect(self.delete_current)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        # A note typed on the page changes at every key: the list catches up after a pause.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(250)
        self._later.timeout.connect(self.refresh)
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
        self._later.stop()
        keep = keep or self.current_fid()
        notes = self._notes()
        self._shown = [f.id for f in notes]
        doc = self.controller.doc
        # As printed: numbered, Ibid. recomputed from the order of all the draft's notes.
        shown = (
            {r.footnote_id: r for r in render_footnotes(doc, profile_for(doc).citation)}
            if notes
            else {}
        )
        self.list.blockSignals(True)
        self.list.clear()
        for f in notes:
            r = shown.get(f.id)
            number, text, italics = (r.number, r.text, r.italics) if r else ("?", f.text, ())
            body = text or "(empty — type its text under the page)"
            item = QTreeWidgetItem(self.list, [f"{number}  {body}"])
            item.setData(0, FID_ROLE, f.id)
            item.setData(0, RICH_ROLE, f"{number}&nbsp;&nbsp;{italic_html(body, italics)}")
            if f.id == keep:
                self.list.setCurrentItem(item)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self.list.blockSignals(False)
        if not self.pid:
            self.title.setText("Footnotes")
        elif notes:
            self.title.setText(f"Footnotes of this paragraph ({len(notes)})")
        else:
            self.title.setText("No footnotes here — Ctrl+Alt+F adds one at the caret.")
        for widget in (self.list, self.edit_button, self.delete_button):
            widget.setVisible(bool(notes))
        rows = sum(self.list.sizeHintForRow(i) for i in range(self.list.topLevelItemCount()))
        self.list.setFixedHeight(min(LIST_HEIGHT, rows + 2 * self.list.frameWidth() + 2))

    def texts(self) -> list[str]:
        """The notes as listed ("1  United Nations, …")."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def select(self, fid: str) -> None:
        """Choose note ``fid`` (one of this paragraph's notes)."""
        self.refresh(keep=fid)

    def current_fid(self) -> str:
        item = self.list.currentItem()
        return str(item.data(0, FID_ROLE)) if item is not None else ""

    def _on_changed(self, changes: ChangeSet) -> None:
        if not self.pid:
            return
        marks_moved = changes.footnotes_changed or bool(changes.deleted)
        if marks_moved and not changes.changed_ids and not changes.deleted:
            self._later.start()  # a note's text typed: no mark came or went
            return
        retyped = self.pid in changes.changed_ids
        if marks_moved or (retyped and [f.id for f in self._notes()] != self._shown):
            self.refresh()

    # -- edits -------------------------------------------------------------------------------
    def edit_current(self) -> None:
        if fid := self.current_fid():
            self.edit_requested.emit(fid)

    def delete_current(self) -> None:
        if fid := self.current_fid():
            self.controller.apply(DeleteFootnote(fid), fixes=False)
