"""The masthead form of a draft (UN_FORMAT.md §7): symbol, session, place and dates, agenda
item, sponsors, date, original language, with the title and the authoring-body line. Each
field, when left, pushes one :class:`SetMasthead` (or SetTitle / SetAuthoringBody)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from drafting_app.gui.common.reading_html import join_sponsors
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.model.changes import ChangeSet, Edit
from drafting_app.model.document import Document
from drafting_app.model.edits import SetAuthoringBody, SetHeading, SetMasthead, SetTitle
from drafting_app.model.symbol_example import example_symbol

# (field, label, placeholder); "sponsors" is a list typed as "France, Italy and Spain".
MASTHEAD_ROWS = (
    ("symbol", "Symbol", "CTOC/COP/2008/L.4"),
    ("date", "Date", "9 October 2008"),
    ("distribution", "Distribution", "Limited"),
    ("original_language", "Original language", "English"),
    ("session", "Session", "Fourth session"),
    ("place_and_dates", "Place and dates", "Vienna, 8-17 October 2008"),
    ("agenda_item", "Agenda item", "Agenda item 2 (b) and (d)"),
    ("agenda_title", "Agenda item title", "Review of the implementation of …"),
    ("sponsors", "Sponsors", "France"),
    ("sponsor_note", "Sponsor note (*)", "On behalf of the States Members of …"),
    ("symbol_note", "Symbol note (*)", "Reissued for technical reasons on …"),
)
LONG_FIELDS = ("agenda_title", "sponsor_note", "symbol_note", "title", "authoring_body")
FRONT_FIELDS = ("heading", "title", "authoring_body")
MAX_FIELD_LINES = 14


def split_sponsors(text: str) -> list[str]:
    """ "Austria, France and Italy" → ["Austria", "France", "Italy"]."""
    names = text.replace(" and ", ", ").split(",")
    return [n.strip() for n in names if n.strip()]


class LongField(QPlainTextEdit):
    """A few lines for a long value (a title); ``editing_finished`` when left."""

    editing_finished = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.textChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        # As tall as its text (a title runs to four or five lines), never a scroll bar.
        lines = max(2, int(self.document().documentLayout().documentSize().height()))
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        margin = int(self.document().documentMargin() * 2)
        shown = min(lines, MAX_FIELD_LINES)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if lines > MAX_FIELD_LINES
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.setFixedHeight(shown * self.fontMetrics().lineSpacing() + margins + margin + 4)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._fit()

    def text(self) -> str:
        return " ".join(self.toPlainText().split())

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        self.editing_finished.emit()
        super().focusOutEvent(e)


Field = QLineEdit | LongField


class MastheadForm(QScrollArea):
    """Edits the front of the draft through the controller."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mastheadForm")
        self.controller = controller
        self.setWidgetResizable(True)
        # The form's fields are made when the tab is first shown or a field is asked for:
        # a draft opens on its page, and the form cost a long draft's open 5 ms (issue 21).
        self._fields: dict[str, Field] | None = None
        self._form = QFormLayout()
        controller.changed.connect(self._on_changed)

    @property
    def fields(self) -> dict[str, Field]:
        """The form's fields by name (made on first use)."""
        return self._made()

    @property
    def form(self) -> QFormLayout:
        self._made()
        return self._form

    def showEvent(self, event: QShowEvent) -> None:
        self._made()  # before the tab first paints
        super().showEvent(event)

    def _made(self) -> dict[str, Field]:
        if self._fields is None:
            self._fields = self._build()
        return self._fields

    def _build(self) -> dict[str, Field]:
        inner = QWidget(self)
        form = self._form
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # a narrow column
        fields: dict[str, Field] = {}
        self._fields = fields
        for name, label, placeholder in (
            ("heading", "Heading", "Resolution 5/2"),
            *MASTHEAD_ROWS,
            ("title", "Title", "Implementation of the Protocol …"),
            ("authoring_body", "Authoring body", "The Conference of the Parties …,"),
        ):
            field: Field = LongField(placeholder) if name in LONG_FIELDS else QLineEdit()
            if isinstance(field, QLineEdit):
                field.setPlaceholderText(placeholder)
                field.editingFinished.connect(self._committer(name))
            else:
                field.editing_finished.connect(self._committer(name))
            field.setObjectName(f"masthead_{name}")
            form.addRow(label, field)
            fields[name] = field
        layout = QVBoxLayout(inner)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(inner)
        self.refresh()
        return fields

    def _value(self, doc: Document, name: str) -> str:
        if name in FRONT_FIELDS:
            return str(getattr(doc, name))
        if doc.masthead is None:
            return ""
        value = getattr(doc.masthead, name)
        return join_sponsors(value) if name == "sponsors" else str(value)

    def refresh(self) -> None:
        """Show the document's values; masthead rows only for an L. document with a
        masthead, the heading row only for a text without one (an adopted resolution)."""
        doc = self.controller.doc
        symbol = self.fields["symbol"]
        if isinstance(symbol, QLineEdit):  # the example in the body's own series
            symbol.setPlaceholderText(example_symbol(doc.masthead))
        for name, field in self.fields.items():
            shown = (name != "heading") if doc.masthead is not None else name in FRONT_FIELDS
            self.form.setRowVisible(field, shown)
            value = self._value(doc, name)
            if field.text() != value:
                field.setText(value)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.masthead_changed and self._fields is not None:  # else shown when made
            self.refresh()

    def _committer(self, name: str) -> Callable[[], None]:
        return lambda: self.commit(name)

    def commit(self, name: str) -> None:
        """Push the field's value if it differs from the document's."""
        text = self.fields[name].text().strip()
        if text == self._value(self.controller.doc, name):
            return
        edit: Edit
        if name == "title":
            edit = SetTitle(text)
        elif name == "heading":
            edit = SetHeading(text)
        elif name == "authoring_body":
            edit = SetAuthoringBody(text)
        elif name == "sponsors":
            edit = SetMasthead({"sponsors": split_sponsors(text)})
        else:
            edit = SetMasthead({name: text})
        self.controller.apply(edit, fixes=False)
