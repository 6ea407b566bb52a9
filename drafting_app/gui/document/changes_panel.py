"""The Changes tab of a draft that revises a base: every pending change (PP/OP in the base
and in the draft; added, deleted, reworded, moved), who made it when it came from Word,
accept or reject each (one undo history with the typing), Accept All / Reject All of
what the author filter shows, and the reviewers' comments beside their paragraphs.
Selecting a row goes to the change on the page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.gui.document.revision_marks import RevisionMarks
from drafting_app.model.changes import Edit
from drafting_app.revisions.compare import Change, ChangeKind, Target
from drafting_app.revisions.decisions import AcceptChange, DecideAll, RejectChange

ALL_AUTHORS = "All changes"
KEY_ROLE = Qt.ItemDataRole.UserRole
_FRONT_BLOCKS = {
    "front:title": ("title",),
    "front:authoring_body": ("authoring",),
    "front:heading": ("heading",),
    "front:adoption": ("adoption",),
}


def _summary(change: Change) -> str:
    if change.kind is ChangeKind.ADDED:
        return " ".join(change.new_text.split())[:90]
    if change.kind is ChangeKind.DELETED:
        return " ".join(change.base_text.split())[:90]
    d = change.diff
    if d is None or not d.changed:
        return ""
    gone, new = " ".join(d.deleted_text().split()), " ".join(d.inserted_text().split())
    parts = ([f"−“{gone[:40]}”"] if gone.strip() else []) + (
        [f"+“{new[:40]}”"] if new.strip() else []
    )
    return " ".join(parts)


class ChangesPanel(QWidget):
    """The pending changes of one draft against its base."""

    message = Signal(str)

    def __init__(
        self,
        controller: DocumentController,
        page: DocumentView,
        marks: RevisionMarks,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changesPanel")
        self.controller, self.page, self.marks = controller, page, marks
        self.base_line = QLabel(self)
        self.base_line.setObjectName("revisionBase")
        self.base_line.setWordWrap(True)
        self.show_box = QCheckBox("Show changes (clear: the clean text)", self)
        self.show_box.setObjectName("showChanges")
        self.show_box.setChecked(True)
        self.authors = QComboBox(self)
        self.authors.setObjectName("changeAuthors")
        self.list = QTreeWidget(self)
        self.list.setObjectName("changesList")
        self.list.setHeaderLabels(["Change", "What", "By", "Words"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.accept_button = QPushButton("&Accept", self)
        self.reject_button = QPushButton("&Reject", self)
        self.accept_all_button = QPushButton("Accept All", self)
        self.reject_all_button = QPushButton("Reject All", self)
        for b, name in (
            (self.accept_button, "acceptChange"),
            (self.reject_button, "rejectChange"),
            (self.accept_all_button, "acceptAll"),
            (self.reject_all_button, "rejectAll"),
        ):
            b.setObjectName(name)
        self.comments = QListWidget(self)
        self.comments.setObjectName("commentsList")
        self._build()
        self.show_box.toggled.connect(marks.set_shown)
        self.authors.currentIndexChanged.connect(lambda _i: self._fill())
        self.list.currentItemChanged.connect(lambda item, _old: self._go(item))
        self.list.itemActivated.connect(lambda item, _c: self._go(item))
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button.clicked.connect(self.reject_current)
        self.accept_all_button.clicked.connect(lambda: self.decide_all(True))
        self.reject_all_button.clicked.connect(lambda: self.decide_all(False))
        self.comments.itemActivated.connect(self._go_comment)
        self.comments.currentItemChanged.connect(lambda item, _old: self._go_comment(item))
        marks.updated.connect(self._fill)
        self._fill()

    def _build(self) -> None:
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addWidget(self.base_line)
        box.addWidget(self.show_box)
        box.addWidget(self.authors)
        box.addWidget(self.list, 3)
        row = QHBoxLayout()
        for b in (self.accept_button, self.reject_button):
            row.addWidget(b)
        box.addLayout(row)
        row = QHBoxLayout()
        for b in (self.accept_all_button, self.reject_all_button):
            row.addWidget(b)
        box.addLayout(row)
        box.addWidget(QLabel("Comments", self))
        box.addWidget(self.comments, 1)

    # -- the list ------------------------------------------------------------------------------
    def changes(self) -> list[Change]:
        """The pending changes the author filter shows, in reading order."""
        cmp = self.marks.comparison
        if cmp is None:
            return []
        author = self.authors.currentText()
        if self.authors.currentIndex() <= 0 or author == ALL_AUTHORS:
            return list(cmp.changes)
        return [c for c in cmp.changes if author in c.authors]

    def _fill_authors(self) -> None:
        base = self.controller.doc.revision_base
        names = [ALL_AUTHORS, *(base.authors() if base is not None else [])]
        current = self.authors.currentText()
        if [self.authors.itemText(i) for i in range(self.authors.count())] == names:
            return
        self.authors.blockSignals(True)
        self.authors.clear()
        self.authors.addItems(names)
        self.authors.setCurrentIndex(max(0, names.index(current)) if current in names else 0)
        self.authors.blockSignals(False)
        self.authors.setVisible(len(names) > 1)

    def _fill(self) -> None:
        doc = self.controller.doc
        base = doc.revision_base
        self._fill_authors()
        if base is None:
            self.base_line.setText("This draft is not a revision of another text.")
        else:
            n = len(self.marks.comparison.changes) if self.marks.comparison else 0
            self.base_line.setText(
                f"Compared with <b>{base.label}</b>: {n} pending change{'s' if n != 1 else ''}."
                + (f"<br>{self.marks.error}" if self.marks.error else "")
            )
        keep = self.current_key()
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QTreeWidgetItem | None = None
        for c in self.changes():
            item = QTreeWidgetItem([c.label, c.description, ", ".join(c.authors), _summary(c)])
            item.setData(0, KEY_ROLE, c.key)
            item.setToolTip(3, _summary(c))
            self.list.addTopLevelItem(item)
            if c.key == keep:
                chosen = item
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        for i in range(3):
            self.list.resizeColumnToContents(i)
        self._fill_comments()
        self._enable()

    def _fill_comments(self) -> None:
        doc = self.controller.doc
        labels = self.controller.numbers.labels()
        self.comments.clear()
        for c in doc.comments:
            where = labels.get(c.paragraph_id or "", "") if c.paragraph_id else ""
            head = f"{c.author} on {where or 'the draft'}" if c.paragraph_id else c.author
            item = QListWidgetItem(f"{head}: {c.text}")
            item.setData(KEY_ROLE, c.paragraph_id or "")
            item.setToolTip(f"“{c.quoted}”" if c.quoted else c.text)
            self.comments.addItem(item)
        self.comments.setVisible(bool(doc.comments))

    def _enable(self) -> None:
        has = bool(self.changes())
        self.accept_all_button.setEnabled(has)
        self.reject_all_button.setEnabled(has)
        one = self.list.currentItem() is not None
        self.accept_button.setEnabled(one)
        self.reject_button.setEnabled(one)

    def current_key(self) -> str:
        item = self.list.currentItem()
        return str(item.data(0, KEY_ROLE)) if item is not None else ""

    def _select_row(self, row: int) -> None:
        item = self.list.topLevelItem(row)
        if item is not None:
            self.list.setCurrentItem(item)

    def select_key(self, key: str) -> bool:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, KEY_ROLE) == key:
                self.list.setCurrentItem(item)
                return True
        return False

    # -- going to a change ------------------------------------------------------------------
    def _go(self, item: QTreeWidgetItem | None) -> None:
        self._enable()
        if item is None or self.marks.comparison is None:
            return
        try:
            change = self.marks.comparison.change(str(item.data(0, KEY_ROLE)))
        except KeyError:
            return
        self.go_to(change)

    def go_to(self, change: Change) -> None:
        """Put the page on the change: its paragraph (the one before a deleted one), its
        footnote, its front line."""
        cmp = self.marks.comparison
        page = self.page
        if change.target is Target.FOOTNOTE and change.new_id:
            page.set_caret(("note", change.new_id), 0)
            page.ensureCursorVisible()
        elif change.key in _FRONT_BLOCKS:
            page.set_caret(_FRONT_BLOCKS[change.key], 0)
            page.ensureCursorVisible()
        elif change.new_id and change.target is Target.PARAGRAPH:
            page.select_paragraph(change.new_id)
        elif change.new_id and change.target is Target.HEADING:
            page.set_caret(("heading_a", change.new_id), 0)
            page.ensureCursorVisible()
        elif change.base_id and cmp is not None:
            unit = cmp.base_unit(change.base_id)
            for u in reversed(cmp.base_units[: unit.index]):
                host = cmp.new_of_base.get(u.id)
                if host is not None and not cmp.new_unit(host).is_heading:
                    page.scroll_to(host)
                    break
        else:
            page.moveCursor(page.textCursor().MoveOperation.Start)
            page.ensureCursorVisible()

    def _go_comment(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(KEY_ROLE):
            self.page.select_paragraph(str(item.data(KEY_ROLE)))

    def step(self, forward: bool) -> None:
        """Next / previous change (it is selected and shown)."""
        n = self.list.topLevelItemCount()
        if not n:
            self.message.emit("There is no pending change.")
            return
        item = self.list.currentItem()
        at = self.list.indexOfTopLevelItem(item) if item is not None else -1
        nxt = (at + (1 if forward else -1)) % n if at >= 0 else (0 if forward else n - 1)
        self._select_row(nxt)

    # -- deciding ----------------------------------------------------------------------------
    def _decide(self, make: Callable[[str], Edit], verb: str) -> bool:
        key = self.current_key()
        if not key:
            self.message.emit("Choose a change in the list first.")
            return False
        current = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(current) if current is not None else 0
        edit = make(key)
        done = self.controller.apply(edit, fixes=False)
        if done:
            self.marks.refresh()
            self.message.emit(f"{verb}: {edit.label}")
            # The next change comes up, as in Word's Accept and Move to Next.
            count = self.list.topLevelItemCount()
            if count:
                self._select_row(min(row, count - 1))
        return done

    def accept_current(self) -> bool:
        return self._decide(AcceptChange, "Accepted")

    def reject_current(self) -> bool:
        return self._decide(RejectChange, "Rejected")

    def decide_all(self, accept: bool) -> bool:
        """Accept All / Reject All of the changes the filter shows (one undo step)."""
        shown = {c.key for c in self.changes()}
        if not shown:
            self.message.emit("There is no pending change.")
            return False
        filtered = self.authors.currentIndex() > 0
        author = self.authors.currentText()

        def keep(c: Change) -> bool:
            return not filtered or author in c.authors

        done = self.controller.apply(DecideAll(accept, keep), fixes=False)
        if done:
            self.marks.refresh()
            what = "Accepted" if accept else "Rejected"
            self.message.emit(f"{what} {len(shown)} change{'s' if len(shown) != 1 else ''}.")
        return done
