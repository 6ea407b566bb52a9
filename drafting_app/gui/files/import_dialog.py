"""The Word import report: before an imported draft is edited, what was mapped into the
resolution model (preambular and operative paragraphs, sub-paragraphs, footnotes, masthead
fields) and every element of the Word file that was not (tables, pictures, comments,
tracked changes, fields, text boxes, running headers …) with its text (issue 8 §4).

A drafter who gets a draft back from another delegation must see what the import left
behind before working on it: a comment or a tracked deletion can carry the point of the
negotiation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.corpus.readers.acceptance import text_name
from drafting_app.corpus.readers.import_report import Element, ImportReport, ReportItem
from drafting_app.model.document import Document, Masthead, Paragraph

# Groups with more entries than this start folded (the UN volume has ~50 fields and a
# running header per section); smaller ones are open so nothing hides behind a click.
_FOLD_OVER = 8
ITEM_ROLE = int(Qt.ItemDataRole.UserRole) + 20


@dataclass(frozen=True)
class Mapped:
    """One line of "what was imported": a count with what it counts."""

    key: str
    label: str
    count: int
    detail: str = ""


def _subparagraphs(paras: Sequence[Paragraph]) -> int:
    return sum(sum(1 for _ in p.walk()) - 1 for p in paras)


def masthead_fields(masthead: Masthead | None) -> list[str]:
    """The masthead fields the import filled ("symbol", "date", "sponsors" …)."""
    if masthead is None:
        return []
    return [f.name.replace("_", " ") for f in fields(masthead) if getattr(masthead, f.name)]


def mapped_counts(doc: Document) -> list[Mapped]:
    """What of ``doc`` is in the model: the counts the report dialog shows."""
    preamble = list(doc.preamble)
    operative = list(doc.operative)
    for part in doc.parts:
        preamble += part.preamble
        operative += part.operative
    filled = masthead_fields(doc.masthead)
    rows = [
        Mapped("preamble", "Preambular paragraphs", len(preamble)),
        Mapped("operative", "Operative paragraphs", len(operative)),
        Mapped("sub", "Sub-paragraphs", _subparagraphs(preamble) + _subparagraphs(operative)),
        Mapped("footnotes", "Footnotes", len(doc.footnotes)),
        Mapped("masthead", "Masthead fields", len(filled), ", ".join(filled)),
    ]
    if doc.parts:
        labels = ", ".join(p.label for p in doc.parts)
        rows.append(Mapped("parts", "Lettered parts", len(doc.parts), labels))
    if doc.annexes:
        annexed = sum(len(a.paragraphs()) for a in doc.annexes)
        rows.append(Mapped("annexes", "Annexes", len(doc.annexes), f"{annexed} paragraphs"))
    return rows


def _first_line(text: str, width: int = 90) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "(no text)"
    return line if len(line) <= width else line[: width - 1] + "…"


__all__ = ["ImportDialog", "Mapped", "mapped_counts", "masthead_fields", "text_name"]


class ImportDialog(QDialog):
    """The import report with "Open as Draft" / "Cancel". ``chosen()`` is the text to open
    (the one picked when the file holds several)."""

    def __init__(
        self,
        file_name: str,
        texts: Sequence[Document],
        report: ImportReport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not texts:
            raise ValueError("an import report needs at least one text")
        self.texts = list(texts)
        self.report = report
        self.setObjectName("importReportDialog")
        self.setWindowTitle(f"Import {file_name}")
        self.resize(880, 700)
        intro = QLabel(self)
        intro.setWordWrap(True)
        several = len(self.texts) > 1
        intro.setText(
            (
                f"<b>{file_name}</b> holds {len(self.texts)} texts. Choose the one to open. "
                if several
                else f"<b>{file_name}</b> was read. "
            )
            + "It opens as a new, unsaved draft; the Word file itself is not changed."
        )
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("importTextChooser")
        # Decision titles run to two lines; the dialog must not grow to their width.
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(40)
        for doc in self.texts:
            self.chooser.addItem(text_name(doc))
        self.chooser.currentIndexChanged.connect(self._show_counts)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setObjectName("importTextTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if several:
            row = QHBoxLayout()
            prompt = QLabel("&Text to open:", self)
            prompt.setBuddy(self.chooser)
            row.addWidget(prompt)
            row.addWidget(self.chooser, 1)
            layout.addLayout(row)
        else:
            self.chooser.hide()
        layout.addWidget(self.title)
        layout.addWidget(self._mapped_box())
        layout.addWidget(self._doubts_box())
        left_out = self._left_out_box()
        if self.tree.isHidden():  # nothing left out: a short dialog, no empty list
            layout.addWidget(left_out)
            layout.addStretch(1)
            self.resize(880, 420)
        else:
            layout.addWidget(left_out, 1)
        self.buttons = QDialogButtonBox(self)
        self.open_button: QPushButton = self.buttons.addButton(
            "&Open as Draft", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("openAsDraft")
        self.open_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show_counts(0)

    # -- what was mapped ------------------------------------------------------------------------
    def _mapped_box(self) -> QGroupBox:
        box = QGroupBox("Imported into the draft", self)
        self.form = QFormLayout(box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.count_labels: dict[str, QLabel] = {}
        for row in mapped_counts(Document()):
            self._count_row(row)
        return box

    def _count_row(self, row: Mapped) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"count_{row.key}")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_labels[row.key] = label
        self.form.addRow(f"{row.label}:", label)
        return label

    def _show_counts(self, index: int) -> None:
        doc = self.texts[index] if 0 <= index < len(self.texts) else self.texts[0]
        self.title.setText(f"<b>{text_name(doc)}</b>")
        rows = mapped_counts(doc)
        keys = {r.key for r in rows}
        for key, label in self.count_labels.items():
            self.form.setRowVisible(label, key in keys)
        for row in rows:
            label = self.count_labels.get(row.key) or self._count_row(row)
            label.setText(f"<b>{row.count}</b>" + (f"  ({row.detail})" if row.detail else ""))
        self._show_doubts(doc)
        # How the masthead wording was read ("Main Submitter: read as the main sponsor").
        wording = "\n".join(i.text for i in self.report.of(Element.MASTHEAD_FIELD))
        self.count_labels["masthead"].setToolTip(wording)

    def counts(self) -> dict[str, int]:
        """The counts shown for the current text, by key ("preamble", "operative", "sub",
        "footnotes", "masthead" …)."""
        return {r.key: r.count for r in mapped_counts(self.chosen())}

    def chosen(self) -> Document:
        return self.texts[max(0, self.chooser.currentIndex())]

    # -- what the reader was unsure of ----------------------------------------------------------
    def _doubts_box(self) -> QGroupBox:
        """Where the reader took one of two possible readings (a lettered item without a
        colon before it, a heading in the operative part, printed numbers with a gap): said
        with the paragraph of the Word file, never guessed silently (issue 16)."""
        box = QGroupBox("Read with a doubt", self)
        self.doubts_box = box
        self.doubts = QTreeWidget(box)
        self.doubts.setObjectName("importReaderWarnings")
        self.doubts.setHeaderLabels(["Where", "What the reader did"])
        self.doubts.setRootIsDecorated(False)
        self.doubts.setColumnWidth(0, 120)
        self.doubts.setMaximumHeight(120)
        QVBoxLayout(box).addWidget(self.doubts)
        return box

    def _show_doubts(self, doc: Document) -> None:
        self.doubts.clear()
        for w in doc.warnings:
            where = f"paragraph {w.line}" if w.line else ""
            row = QTreeWidgetItem([where, w.message])
            row.setToolTip(1, w.message)
            self.doubts.addTopLevelItem(row)
        n = len(doc.warnings)
        self.doubts_box.setTitle(f"Read with a doubt ({n})")
        self.doubts_box.setVisible(bool(n))

    def doubts_shown(self) -> list[tuple[str, str]]:
        """The reader's warnings shown for the current text: (where, message)."""
        out = []
        for i in range(self.doubts.topLevelItemCount()):
            row = self.doubts.topLevelItem(i)
            if row is not None:
                out.append((row.text(0), row.text(1)))
        return out

    # -- what was left out --------------------------------------------------------------------
    def _left_out_box(self) -> QGroupBox:
        lost = self.report.left_out()
        changed = self.report.changes()
        items = lost + changed
        unplaced = [u for doc in self.texts for u in doc.unplaced]
        n = sum(len(i.where) for i in lost) + len(unplaced)
        m = sum(len(i.where) for i in changed)
        scope = " from the whole file" if len(self.texts) > 1 else ""
        count = f" ({n} element{'s' if n != 1 else ''})" if n else ""
        title = f"Not imported{scope}{count}"
        if m:
            title += f"; changed by the import ({m})"
        box = QGroupBox(title, self)
        self.left_out_box = box
        self.tree = QTreeWidget(box)
        self.tree.setObjectName("importLeftOut")
        self.tree.setHeaderLabels(["Element", "Text", "Where"])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(1, 440)
        self.detail = QPlainTextEdit(box)
        self.detail.setObjectName("importItemText")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText("Select an element to read its whole text.")
        self.detail.setMaximumHeight(110)
        self.tree.currentItemChanged.connect(self._show_item)
        self._fill(items, unplaced)
        first = self.tree.topLevelItem(0)
        entry = first.child(0) if first is not None else None
        if entry is not None:
            self.tree.setCurrentItem(entry)  # its text shows at once
        layout = QVBoxLayout(box)
        if not items and not unplaced:
            layout.addWidget(QLabel("Everything in the file was imported; nothing was left out."))
            self.tree.hide()
            self.detail.hide()
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        furniture = self.report.furniture()
        if furniture:
            kinds = {i.kind for i in furniture}
            parts = [
                name
                for kind, name in (
                    (Element.RUNNING_HEADER, "running header (the document symbol)"),
                    (Element.PAGE_NUMBER, "page numbers"),
                )
                if kind in kinds
            ]
            note = QLabel(
                f"Not listed: the file's {' and '.join(parts)}, which the export writes again.",
                box,
            )
            note.setObjectName("importFurniture")
            note.setWordWrap(True)
            layout.addWidget(note)
        if self.report.blank_paragraphs:
            blank = self.report.blank_paragraphs
            note = QLabel(
                f"{blank} empty spacer paragraph{'s' if blank != 1 else ''} "
                "(Word's blank lines) were dropped; UN layout spaces paragraphs itself.",
                box,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        return box

    def _fill(self, items: Sequence[ReportItem], unplaced: Sequence[str]) -> None:
        groups: dict[str, list[ReportItem]] = {}
        for item in items:
            groups.setdefault(str(item.kind), []).append(item)
        if unplaced:
            groups["text the reader could not place"] = [
                ReportItem(Element.OTHER, u, ["body"]) for u in unplaced
            ]
        bold = QFont()
        bold.setBold(True)
        for kind, members in groups.items():
            total = sum(len(m.where) for m in members)
            top = QTreeWidgetItem([f"{kind} ({total})", "", ""])
            top.setFont(0, bold)
            self.tree.addTopLevelItem(top)
            for m in members:
                where = m.where[0] if len(m.where) == 1 else f"{len(m.where)}×: {m.where[0]} …"
                child = QTreeWidgetItem(["", _first_line(m.text), where])
                child.setData(0, ITEM_ROLE, m.text)
                child.setToolTip(1, m.text[:2000])
                child.setToolTip(2, "\n".join(m.where[:40]))
                top.addChild(child)
            top.setExpanded(len(members) <= _FOLD_OVER)
            # The kind's title reads whole across the row ("numbering repaired (3)").
            top.setFirstColumnSpanned(True)
            top.setToolTip(0, f"{kind} ({total})")

    def _show_item(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None or current.data(0, ITEM_ROLE) is None:
            self.detail.clear()
            return
        self.detail.setPlainText(str(current.data(0, ITEM_ROLE)) or "(no text)")

    def left_out(self) -> dict[str, list[str]]:
        """The listed elements as shown: group title → the text of each entry."""
        out: dict[str, list[str]] = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            children = (top.child(j) for j in range(top.childCount()))
            out[top.text(0)] = [str(c.data(0, ITEM_ROLE)) for c in children if c is not None]
        return out
