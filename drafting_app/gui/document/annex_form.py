"""The form for an annex chosen in the outline: its "Annex" line ("Annex", "Annex II";
empty for a text adopted inline) and the lines under it (the annexed text's title, e.g.
"Awaza Political Declaration"); for a heading row, the heading ("I. Commitments"). Each
field, when left, pushes one :class:`SetAnnexTitle` or :class:`SetAnnexHeading` through
the controller, so Ctrl+Z takes it back like any other edit."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from drafting_app.errors import EditError
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.masthead_form import LongField
from drafting_app.model.annex_edits import SetAnnexHeading, SetAnnexTitle
from drafting_app.model.changes import ChangeSet
from drafting_app.model.tree import annex_of, heading_of


class LinesField(LongField):
    """Several lines kept as lines (an annex's title may run over two, then an unnumbered
    opening); blank lines are dropped."""

    def lines(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def set_lines(self, lines: list[str]) -> None:
        self.setPlainText("\n".join(lines))


class AnnexForm(QWidget):
    """Edits the annex or heading chosen in the outline (``show_annex`` / ``show_heading``)."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annexForm")
        self.controller = controller
        self.annex_id = ""
        self.heading_id = ""
        self.title = QLineEdit(self)
        self.title.setObjectName("annex_title")
        self.title.setPlaceholderText("Annex II (empty for a text adopted in the resolution)")
        self.lines = LinesField("Title of the annexed text (e.g. Political declaration of …)")
        self.lines.setObjectName("annex_lines")
        self.heading = QLineEdit(self)
        self.heading.setObjectName("annex_heading")
        self.heading.setPlaceholderText("I. Commitments")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # a narrow column
        self.form.addRow("Annex line", self.title)
        self.form.addRow("Title lines", self.lines)
        self.form.addRow("Heading", self.heading)
        self.form.addRow(self.note)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.form)
        box.addStretch(1)  # the fields at the top, where the paragraph text would be
        self.title.editingFinished.connect(self.commit_title)
        self.lines.editing_finished.connect(self.commit_title)
        self.heading.editingFinished.connect(self.commit_heading)
        controller.changed.connect(self._on_changed)

    def show_annex(self, annex_id: str) -> None:
        self.annex_id, self.heading_id = annex_id, ""
        self.refresh()

    def show_heading(self, heading_id: str) -> None:
        self.heading_id = heading_id
        self.annex_id = heading_of(self.controller.doc, heading_id)[0].id
        self.refresh()

    def refresh(self) -> None:
        """Show the values of the annex (or heading) chosen; nothing when it is gone."""
        doc = self.controller.doc
        try:
            annex = annex_of(doc, self.annex_id)
            heading = heading_of(doc, self.heading_id)[1] if self.heading_id else None
        except EditError:
            self.annex_id = self.heading_id = ""
            return
        for row in (self.title, self.lines):
            self.form.setRowVisible(row, heading is None)
        self.form.setRowVisible(self.heading, heading is not None)
        if self.title.text() != annex.title:
            self.title.setText(annex.title)
        if self.lines.lines() != annex.lines:
            self.lines.set_lines(annex.lines)
        if heading is not None and self.heading.text() != heading.text:
            self.heading.setText(heading.text)
        self.note.setText(_note(annex.restarts, heading is not None))

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.annexes_changed and self.annex_id:
            self.refresh()

    def commit_title(self) -> None:
        """Push the "Annex" line and title lines if they differ from the annex's."""
        try:
            annex = annex_of(self.controller.doc, self.annex_id)
        except EditError:  # none chosen, or deleted (undone) since
            return
        title, lines = self.title.text().strip(), self.lines.lines()
        if (title, lines) != (annex.title, annex.lines):
            self.controller.apply(SetAnnexTitle(annex.id, title, lines), fixes=False)

    def commit_heading(self) -> None:
        try:
            heading = heading_of(self.controller.doc, self.heading_id)[1]
        except EditError:
            return
        text = self.heading.text().strip()
        if text != heading.text:
            self.controller.apply(SetAnnexHeading(heading.id, text), fixes=False)


def _note(restarts: bool, on_heading: bool) -> str:
    """What the form says of the annex's numbering (Number Within Each Article is in the
    page's context menu)."""
    if on_heading:
        return (
            "A heading of the annex: the numbering starts again at 1 under it."
            if restarts
            else "A heading of the annex: its paragraphs are numbered on across headings."
        )
    if restarts:
        return (
            "Its paragraphs are numbered from 1 in each article, as the UN prints a "
            "convention; the resolution's verb ladder and closing punctuation do not "
            "apply to them."
        )
    return (
        "Its paragraphs are numbered from 1, as the UN prints an annex; the resolution's "
        "verb ladder and closing punctuation do not apply to them."
    )
