"""Insert internal reference… : choose an operative paragraph (or one of its
sub-paragraphs) by its derived number and insert "paragraph 3 above", "subparagraph (b) of
paragraph 3 below" or "paragraph 3 of the present resolution" at the caret. The reference
is then a link to that paragraph: every move or insertion that renumbers it rewrites the
number and above/below (:mod:`drafting_app.citations.keeping`)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.model.document import Document, Form
from drafting_app.model.numbering import number_operative

TARGET_ROLE = Qt.ItemDataRole.UserRole + 4
ABOVE_BELOW, PRESENT = "direction", "present"


@dataclass(frozen=True)
class Target:
    """An operative paragraph as a reference names it: "3" or "(b) of paragraph 3"."""

    pid: str
    number: str
    sub: str
    text: str

    def words(self) -> str:
        if self.sub:
            return f"subparagraph {self.sub} of paragraph {self.number}"
        return f"paragraph {self.number}"


def targets(doc: Document, source_pid: str) -> list[Target]:
    """Operative paragraphs and their first-level sub-paragraphs, with derived numbers
    (the ones UN texts refer to), except the paragraph the reference is written in."""
    out: list[Target] = []
    top = ""
    for n in number_operative(doc.operative, doc.form):
        if n.depth == 0:
            top = n.label.rstrip(".")
        if not top or n.depth > 1 or n.paragraph.id == source_pid:
            continue
        sub = n.label if n.depth == 1 else ""
        out.append(Target(n.paragraph.id, top, sub, n.paragraph.text))
    return out


def reference_text(doc: Document, source_pid: str, target: Target, form: str) -> str:
    """The words to insert: above/below from the current order, or "of the present …"."""
    if form == PRESENT:
        kind = "decision" if doc.form is Form.DECISION else "resolution"
        return f"{target.words()} of the present {kind}"
    order = {p.id: i for i, p in enumerate(doc.all_paragraphs())}
    where = "above" if order[target.pid] < order.get(source_pid, len(order)) else "below"
    return f"{target.words()} {where}"


class InternalRefDialog(QDialog):
    """Choose the paragraph and the form of the reference; OK inserts it."""

    def __init__(self, doc: Document, source_pid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("internalRefDialog")
        self.setWindowTitle("Insert Internal Reference")
        self.doc, self.source_pid = doc, source_pid
        self.list = QTreeWidget(self)
        self.list.setObjectName("targetList")
        self.list.setHeaderLabels(["No.", "Paragraph"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setColumnWidth(0, 110)
        self.form = QComboBox(self)
        self.form.setObjectName("referenceForm")
        kind = "decision" if doc.form is Form.DECISION else "resolution"
        self.form.addItem("paragraph N above / below", ABOVE_BELOW)
        self.form.addItem(f"paragraph N of the present {kind}", PRESENT)
        self.preview = QLabel(self)
        self.preview.setObjectName("referencePreview")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Insert Reference")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        for t in targets(doc, source_pid):
            label = f"{t.number}. {t.sub}".strip() if t.sub else f"{t.number}."
            item = QTreeWidgetItem(self.list, [label, t.text[:140]])
            item.setData(0, TARGET_ROLE, t)
            item.setToolTip(1, t.text)
        self.list.currentItemChanged.connect(lambda *_: self._show_preview())
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        self.form.currentIndexChanged.connect(lambda _i: self._show_preview())
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._show_preview()

    def chosen(self) -> Target | None:
        item = self.list.currentItem()
        value = item.data(0, TARGET_ROLE) if item is not None else None
        return value if isinstance(value, Target) else None

    def text(self) -> str:
        """The reference the dialog would insert ("" when no paragraph is chosen)."""
        t = self.chosen()
        return reference_text(self.doc, self.source_pid, t, self.form.currentData()) if t else ""

    def _show_preview(self) -> None:
        text = self.text()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text))
        self.preview.setText(
            f"Inserts: “{text}”" if text else "The draft has no numbered operative paragraph."
        )
