"""The clause picker: agreed language from the corpus, clause templates and the drafter's
own clauses, one keystroke away.

Browse by part and opener, or type to search (debounced; every word a prefix). The
preview shows the clause as it will stand (italic opener, footnote marks and texts) and
every text that adopted it. Enter, a double-click or a drag inserts: the picker emits
``insertRequested(paragraph, footnotes)`` and the window's controller applies it as one
undoable edit.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.clauses.collection import Collection, SavedClause
from drafting_app.clauses.templates import TemplateCatalog
from drafting_app.errors import DraftingError
from drafting_app.gui.common.roles import CLAUSE_MIME
from drafting_app.model.document import Footnote, Paragraph, Part

if TYPE_CHECKING:  # the index comes after the first paint (load_picker)
    from drafting_app.clauses.index import ClauseHit, ClauseIndex
    from drafting_app.clauses.params import RegistryLike
    from drafting_app.gui.picker.clause_form import ClauseForm

ROLE = Qt.ItemDataRole.UserRole
DEBOUNCE_MS = 120


def paragraph_html(p: Paragraph, notes: list[Footnote]) -> str:
    """The paragraph with its italics, numbered footnote marks and the footnotes below."""
    numbers = {f.id: n for n, f in enumerate(notes, start=1)}
    marks = {a.offset: a for a in p.anchors}
    italic = [False] * (len(p.text) + 1)
    for s in p.italics:
        for i in range(s.start, min(s.end, len(p.text))):
            italic[i] = True
    out: list[str] = []
    for i, ch in enumerate(p.text):
        out.append(f"<i>{html.escape(ch)}</i>" if italic[i] else html.escape(ch))
        if i + 1 in marks and marks[i + 1].footnote_id in numbers:
            out.append(f"<sup>{numbers[marks[i + 1].footnote_id]}</sup>")
    body = "<p>" + "".join(out).replace("</i><i>", "") + "</p>"
    for child in p.children:
        body += "<blockquote>" + paragraph_html(child, []) + "</blockquote>"
    for f in notes:
        body += f"<p style='font-size:small'><sup>{numbers[f.id]}</sup> {html.escape(f.text)}</p>"
    return body


class ClauseTree(QTreeWidget):
    """Results and browse tree; Enter inserts, drags carry the clause id."""

    activated_item = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.activated_item.emit(self.currentItem())
            return
        super().keyPressEvent(event)

    def mimeTypes(self) -> list[str]:
        return [CLAUSE_MIME, "text/plain"]

    def mimeData(self, items: Any) -> QMimeData:
        data = QMimeData()
        refs = [item.data(0, ROLE) for item in items if item.data(0, ROLE)]
        if refs:
            kind, key = refs[0]
            data.setData(CLAUSE_MIME, f"{kind}:{key}".encode())
            data.setText(items[0].toolTip(0))
        return data


class PickerDock(QWidget):
    """The picker (see module doc). ``index`` may be None until the corpus is indexed."""

    insertRequested = Signal(object, list)
    resultsShown = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        index: ClauseIndex | None,
        catalog: TemplateCatalog | None = None,
        registry: RegistryLike | None = None,
        collection: Collection | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clausePicker")
        self.index = index
        self.catalog = catalog or TemplateCatalog.load()
        self.registry = registry
        # Builds the registry on first need (a template's form): a drafter who only browses
        # and searches never pays for it (seconds and ~100 MB at 10,000 documents).
        self.registry_provider: Callable[[], RegistryLike] | None = None
        self.collection = collection
        self.search = QLineEdit(self)
        self.search.setObjectName("clauseSearch")
        self.search.setPlaceholderText("Search agreed language… (Enter inserts)")
        self.search.setClearButtonEnabled(True)
        self.part = QComboBox(self)
        self.part.setObjectName("clausePart")
        for text, value in (
            ("All", None),
            ("Preamble", Part.PREAMBLE),
            ("Operative", Part.OPERATIVE),
        ):
            self.part.addItem(text, value)
        self.tree = ClauseTree(self)
        self.tree.setObjectName("clauseTree")
        self.tree.setHeaderLabels(["Clause", "Source"])
        self.tree.setDragEnabled(True)
        self.tree.setColumnWidth(0, 260)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("clausePreview")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._layout()
        self._connect()
        self.refresh()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.part)
        mine = QToolButton(self)
        mine.setObjectName("myClausesButton")
        mine.setText("My clauses")
        mine.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(mine)
        menu.addAction("Import clauses…", self._ask_import)
        menu.addAction("Export My clauses…", self._ask_export)
        mine.setMenu(menu)
        top.addWidget(mine)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.preview)
        split.setSizes([300, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._insert_first)
        self._timer.timeout.connect(self.refresh)
        self.part.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tree.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.insert_item(item))
        self.tree.activated_item.connect(self.insert_item)
        self.tree.itemExpanded.connect(self._fill_opener)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.tree.setFocus()
            return
        super().keyPressEvent(event)

    # -- filling the tree ------------------------------------------------------------------
    def refresh(self) -> None:
        """Run the search now (the debounce timer calls this), or show the browse tree."""
        self._timer.stop()
        self.tree.clear()
        text = self.search.text().strip()
        if text:
            self._fill_results(text)
        else:
            self._fill_browse()
        first = self.tree.topLevelItem(0)
        if first is not None and text:
            self.tree.setCurrentItem(first)
        self.resultsShown.emit(text)

    def _part(self) -> Part | None:
        value = self.part.currentData()
        return value if isinstance(value, Part) else None

    def _hit_item(self, parent: QTreeWidget | QTreeWidgetItem, hit: ClauseHit) -> QTreeWidgetItem:
        sources = ", ".join(s.label() for s in hit.sources[:3])
        if hit.size > 3:
            sources += f" (+{hit.size - 3})"
        item = QTreeWidgetItem(parent, [hit.clause.text[:90], sources])
        item.setData(0, ROLE, ("clause", hit.clause.clause_id))
        item.setToolTip(0, hit.clause.text)
        item.setToolTip(1, "\n".join(s.label() for s in hit.sources))
        return item

    def _fill_results(self, text: str) -> None:
        part = self._part()
        if self.index is not None:
            for hit in self.index.search(text, limit=40, part=part):
                self._hit_item(self.tree, hit)
        needle = text.lower()
        for t in self.catalog.templates:
            if (part is None or t.part is part) and needle in (t.title + " " + t.key).lower():
                self._template_item(self.tree, t.key)
        for saved in self._saved():
            if (part is None or saved.part is part) and needle in saved.text.lower():
                self._saved_item(self.tree, saved)

    def _fill_browse(self) -> None:
        part = self._part()
        for p in (Part.PREAMBLE, Part.OPERATIVE):
            if (part is not None and p is not part) or self.index is None:
                continue
            node = QTreeWidgetItem(self.tree, [p.value.capitalize(), ""])
            for opener, count in self.index.openers(p):
                child = QTreeWidgetItem(node, [opener, f"{count}"])
                child.setData(1, ROLE, (p.value, opener))
                child.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        templates = QTreeWidgetItem(self.tree, ["Templates", f"{len(self.catalog)}"])
        for t in self.catalog.templates:
            if part is None or t.part is part:
                self._template_item(templates, t.key)
        mine = QTreeWidgetItem(self.tree, ["My clauses", ""])
        for saved in self._saved():
            self._saved_item(mine, saved)

    def _fill_opener(self, node: QTreeWidgetItem) -> None:
        key = node.data(1, ROLE)
        if not key or node.childCount() or self.index is None:
            return
        part, opener = key
        for hit in self.index.browse(Part(part), opener):
            self._hit_item(node, hit)

    def _template_item(self, parent: QTreeWidget | QTreeWidgetItem, key: str) -> None:
        t = self.catalog.get(key)
        item = QTreeWidgetItem(parent, [t.title, f"template · {t.source}"])
        item.setData(0, ROLE, ("template", key))
        item.setToolTip(0, t.body)

    def _saved_item(self, parent: QTreeWidget | QTreeWidgetItem, saved: SavedClause) -> None:
        item = QTreeWidgetItem(parent, [saved.title, (saved.provenance or {}).get("label", "mine")])
        item.setData(0, ROLE, ("mine", saved.clause_id))
        item.setToolTip(0, saved.text)

    def _saved(self) -> list[SavedClause]:
        return list(self.collection.clauses) if self.collection is not None else []

    # -- preview and insertion -----------------------------------------------------------------
    def _show(self, item: QTreeWidgetItem | None) -> None:
        ref = item.data(0, ROLE) if item is not None else None
        if not ref:
            self.preview.clear()
            return
        kind, key = ref
        if kind == "template":
            self.preview.setHtml(self._template_html(key))
            return
        paragraph, notes = self._resolve(kind, key)
        sources = html.escape(item.toolTip(1)).replace("\n", "<br>") if item else ""
        self.preview.setHtml(paragraph_html(paragraph, notes) + f"<p><small>{sources}</small></p>")

    def _template_html(self, key: str) -> str:
        """The template's clause as its form would insert it untouched (the registry's
        first choices, the defaults), what is still to choose named in brackets — never
        the template's ``{{ … }}``. The registry is used only if already built."""
        from drafting_app.gui.picker.clause_form import clause_preview_html, initial_values

        t = self.catalog.get(key)
        head = f"<p><b>{html.escape(t.title)}</b></p>"
        foot = f"<p><small>From {html.escape(t.source)}</small></p>" if t.source else ""
        try:
            from drafting_app.clauses.render import preview

            values = initial_values(t, self.registry) if self.registry is not None else {}
            body = clause_preview_html(preview(t, values, self.registry))
        except DraftingError as exc:
            body = f"<p><i>{html.escape(str(exc))}</i></p>"
        return head + body + foot

    def _resolve(self, kind: str, key: str) -> tuple[Paragraph, list[Footnote]]:
        if kind == "mine" and self.collection is not None:
            return self.collection.get(key).to_paragraph()
        if self.index is None:
            raise KeyError(key)
        return self.index.paragraph(key)

    def _insert_first(self) -> None:
        self.refresh()  # Enter before the debounce fired: search what is typed now
        item = self.tree.currentItem() or self.tree.topLevelItem(0)
        if item is not None:
            self.insert_item(item)

    def insert_item(self, item: QTreeWidgetItem) -> None:
        """Emit the clause of ``item`` (a template asks for its parameters first)."""
        ref = item.data(0, ROLE)
        if not ref:
            item.setExpanded(not item.isExpanded())
            return
        kind, key = ref
        if kind == "template":
            self._insert_template(key)
            return
        paragraph, notes = self._resolve(kind, key)
        self.insertRequested.emit(paragraph, notes)

    def clause_for(self, ref: str) -> tuple[Paragraph, list[Footnote]] | None:
        """The clause a drag carried ("kind:key"); a template asks for its parameters
        first (None when the form is cancelled or the clause is gone)."""
        kind, _, key = ref.partition(":")
        if kind == "template":
            form = self.template_form(key)
            if form.exec() and form.result_clause is not None:
                return form.result_clause.paragraph, form.result_clause.footnotes
            return None
        try:
            return self._resolve(kind, key)
        except (KeyError, DraftingError):
            self.message.emit("That clause is no longer in the corpus; search again.")
            return None

    def template_form(self, key: str) -> ClauseForm:
        # The form (and jinja2 behind it) is imported when a template is first used: it
        # is not needed to start the window.
        from drafting_app.gui.picker.clause_form import ClauseForm

        if self.registry is None and self.registry_provider is not None:
            self.registry = self.registry_provider()
        if self.registry is None:
            raise DraftingError("The registry is not loaded yet; templates need it.")
        return ClauseForm(self.catalog.get(key), self.registry, self)

    def _insert_template(self, key: str) -> None:
        form = self.template_form(key)
        if form.exec() and form.result_clause is not None:
            out = form.result_clause
            self.insertRequested.emit(out.paragraph, out.footnotes)

    def set_index(self, index: ClauseIndex | None) -> None:
        """Use a rebuilt index (the corpus changed)."""
        old, self.index = self.index, index
        if old is not None and old is not index:
            old.close()
        self.refresh()

    # -- My clauses ----------------------------------------------------------------------------
    def import_collection(self, path: Path) -> str:
        """Add a colleague's collection file; the message to show (nothing lost on error)."""
        mine = self._mine()
        try:
            added, present = mine.import_file(path)
        except DraftingError as exc:
            return str(exc)
        self.refresh()
        return f"{added} clauses added to My clauses ({present} were already there)."

    def export_collection(self, path: Path) -> str:
        try:
            count = self._mine().export(path)
        except DraftingError as exc:
            return str(exc)
        return f"{count} clauses written to {path.name}."

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import clauses", "", "Clauses (*.json)")
        if name:
            self.message.emit(self.import_collection(Path(name)))

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export My clauses", "my-clauses.json", "Clauses (*.json)"
        )
        if name:
            self.message.emit(self.export_collection(Path(name)))

    def _mine(self) -> Collection:
        if self.collection is None:
            self.collection = Collection.load()
        return self.collection

    def save_to_collection(
        self, paragraph: Paragraph, footnotes: list[Footnote], part: Part, title: str = ""
    ) -> SavedClause:
        """Keep ``paragraph`` in My clauses (the editor's "Save to My clauses" action)."""
        saved = SavedClause.from_paragraph(paragraph, footnotes, part, title)
        self._mine().add(saved)
        self.refresh()
        return saved
