"""File › New from Template…: the document templates for each body and kind of text (COP
draft resolution as an L. document, COP resolution, COP decision, GA Main Committee draft,
CCPCJ draft for the Economic and Social Council)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.clauses.document_templates import DocumentTemplate, list_templates
from drafting_app.gui.common.segment_delegate import SEGMENTS_ROLE, SegmentDelegate

KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 10


def _facts(t: DocumentTemplate) -> str:
    """ "Draft (L. document with masthead) · resolution form · Vienna, A4 paper"."""
    body = t.body_profile
    kind = (
        "Draft (L. document with masthead)" if t.masthead is not None else t.kind.value.capitalize()
    )
    return f"{kind} · {t.form.value} form · {body.place}, {body.page_size} paper"


class TemplateDialog(QDialog):
    """Pick a template; ``chosen()`` is its key once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Draft from Template")
        self.setObjectName("templateDialog")
        self.resize(880, 400)
        self.templates: list[DocumentTemplate] = list_templates()
        intro = QLabel("Choose the body and the kind of text. The masthead, the sponsor line "
                       "and the authoring-body line come from the template.", self)  # fmt: skip
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.setItemDelegate(SegmentDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        for t in self.templates:
            item = QListWidgetItem(t.name)
            item.setData(KEY_ROLE, t.key)
            item.setData(SEGMENTS_ROLE, [[(t.name, "bold")], [(_facts(t), "muted")]])
            item.setToolTip(t.name)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create Draft")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)

    def chosen(self) -> str:
        item = self.list.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(KEY_ROLE) == key:
                self.list.setCurrentRow(row)
