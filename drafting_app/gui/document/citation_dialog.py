"""Insert citation… (issue 5 §5): search what the corpus registry knows — the treaties with
their *Treaty Series* citation, the resolutions and decisions the corpus cites (body,
number, date), the document symbols — by symbol, title or short title, and choose the
source of a new footnote. The note's text is the full UN citation; Ibid. is derived when
the notes are numbered, never typed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.citations.render import full_text
from drafting_app.corpus.registry import Registry
from drafting_app.gui.document.footnotes_dock import italic_html
from drafting_app.model.citation import Citation, DocumentSymbols, TextCitation, TreatyCitation
from drafting_app.model.document import Footnote

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class SourceChoice:
    """One source the drafter can cite: what it is, how the list names it, what it is
    found by, and the citation its footnote gives."""

    kind: str
    name: str
    details: str
    search: str
    citation: Citation

    def note(self) -> Footnote:
        """A new footnote giving this source in full."""
        text, italics = full_text(self.citation)
        return Footnote(text, list(italics))

    def preview(self) -> str:
        """The note as rich text (italics shown)."""
        text, italics = full_text(self.citation)
        return italic_html(text, italics)


def source_choices(registry: Registry, author: str) -> list[SourceChoice]:
    """Every source of the registry, treaties first. ``author`` is the body of the draft:
    its own texts are cited without its name ("Decision 4/4.", UN_FORMAT.md §4)."""
    out: list[SourceChoice] = []
    for i in registry.instruments():
        if not i.unts_volume:
            continue
        short = i.short_title
        out.append(
            SourceChoice(
                "Treaty",
                short,
                f"{i.full_title} — vol. {i.unts_volume}, No. {i.unts_number}",
                " ".join([i.key, i.full_title, *i.short_titles, i.unts_volume]),
                TreatyCitation((i.unts_volume,), i.unts_number, (i.key,)),
            )
        )
    for t in registry.texts():
        body = "" if t.body == author else t.body
        name = f"{t.body} {t.kind} {t.number}"
        out.append(
            SourceChoice(
                t.kind.capitalize(),
                name,
                f"of {t.date}" if t.date else "date not known",
                f"{name} {t.date}",
                TextCitation(t.kind, body, t.number),
            )
        )
    for symbol, cited in registry.symbols().items():
        where = cited[0].where if cited else ""
        out.append(
            SourceChoice(
                "Document",
                symbol,
                f"cited in {where}" if where else "",
                symbol,
                DocumentSymbols((symbol,)),
            )
        )
    return out


def matches(choice: SourceChoice, query: str) -> bool:
    """Every word of the query appears in what the source is found by."""
    haystack = choice.search.lower()
    return all(word in haystack for word in query.lower().split())


class CitationDialog(QDialog):
    """Type to filter, choose a source, Insert Footnote."""

    def __init__(self, choices: list[SourceChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citationDialog")
        self.setWindowTitle("Insert Citation")
        self.choices = choices
        self.search = QLineEdit(self)
        self.search.setObjectName("citationSearch")
        self.search.setPlaceholderText("Symbol, title or short title: 2237, Migrants, 4/4 …")
        self.search.setClearButtonEnabled(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("citationList")
        self.list.setHeaderLabels(["Kind", "Source", "Details"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setColumnWidth(0, 80)
        self.list.setColumnWidth(1, 300)
        self.preview = QLabel(self)
        self.preview.setObjectName("citationPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Insert Footnote")
        # What the registry does not know (a report, a web page) is typed as free text.
        self.free_text = False
        self.free_text_button = self.buttons.addButton(
            "Free Text Footnote", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.free_text_button.setObjectName("freeTextFootnote")
        self.free_text_button.setToolTip("A footnote you type yourself, at the same place")
        self.free_text_button.clicked.connect(self._free_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.resize(760, 460)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._accept_current)
        self.list.currentItemChanged.connect(lambda *_: self._show_preview())
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        for choice in choices:
            item = QTreeWidgetItem(self.list, [choice.kind, choice.name, choice.details])
            item.setData(0, CHOICE_ROLE, choice)
            item.setToolTip(1, choice.name)
            item.setToolTip(2, choice.details)
        self._filter("")

    def _filter(self, query: str) -> None:
        first: QTreeWidgetItem | None = None
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is None:
                continue
            shown = matches(item.data(0, CHOICE_ROLE), query)
            item.setHidden(not shown)
            if shown and first is None:
                first = item
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self.list.setCurrentItem(first)  # type: ignore[arg-type]
        self._show_preview()

    def visible_names(self) -> list[str]:
        out = []
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and not item.isHidden():
                out.append(item.text(1))
        return out

    def chosen(self) -> SourceChoice | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        value = item.data(0, CHOICE_ROLE)
        return value if isinstance(value, SourceChoice) else None

    def _show_preview(self) -> None:
        choice = self.chosen()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(choice is not None)
        self.preview.setText(
            f"Footnote: {choice.preview()}" if choice else "No source matches; try fewer words."
        )

    def _free_text(self) -> None:
        self.free_text = True
        self.accept()

    def _accept_current(self) -> None:
        if self.chosen() is not None:
            self.accept()
