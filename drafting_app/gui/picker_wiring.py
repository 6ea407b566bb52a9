"""Putting the clause picker into the main window: index the corpus's agreed language,
dock the picker beside the search, and insert what it emits into the current draft as one
undoable edit (``DocumentController.apply(InsertParagraph(…))``), footnotes included."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from drafting_app.clauses.collection import Collection, CollectionError
from drafting_app.clauses.index import ClauseIndex
from drafting_app.clauses.library import ClauseLibrary, DocumentSource
from drafting_app.clauses.templates import TemplateCatalog
from drafting_app.errors import DraftingError
from drafting_app.gui.picker_dock import PickerDock
from drafting_app.model.document import Document, Footnote, Paragraph, Part
from drafting_app.model.paragraph_edits import InsertParagraph
from drafting_app.model.tree import locate

if TYPE_CHECKING:
    from drafting_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def clause_part(paragraph: Paragraph, fallback: Part) -> Part:
    """The part a picked clause belongs in (preambular language goes to the preamble)."""
    value = (paragraph.provenance or {}).get("part", "")
    return Part(value) if value in ("preamble", "operative") else fallback


def insertion_edit(
    doc: Document,
    current_pid: str,
    paragraph: Paragraph,
    footnotes: Sequence[Footnote],
    part: Part,
) -> InsertParagraph:
    """After the current paragraph when it is in the clause's part (same level), else at
    the end of that part."""
    if current_pid:
        try:
            loc = locate(doc, current_pid)
        except KeyError:
            loc = None
        if loc is not None and loc.part is part:
            return InsertParagraph(part, loc.parent_id, loc.index + 1, paragraph, footnotes)
    top = doc.preamble if part is Part.PREAMBLE else doc.operative
    return InsertParagraph(part, None, len(top), paragraph, footnotes)


def build_index(store: DocumentSource) -> ClauseIndex | None:
    try:
        return ClauseLibrary.from_store(store).index()
    except DraftingError as exc:
        log.warning("the clause index could not be built: %s", exc)
        return None


def install_picker(window: MainWindow, store: DocumentSource) -> PickerDock:
    """Dock the picker in ``window`` (tabbed with the search) and wire its insertions."""
    from drafting_app.corpus.registry import Registry

    registry = Registry.from_store(store)  # type: ignore[arg-type]
    try:
        collection: Collection | None = Collection.load()
    except CollectionError as exc:
        window.statusBar().showMessage(f"My clauses could not be read: {exc}", 8000)
        collection = None
    picker = PickerDock(build_index(store), TemplateCatalog.load(), registry, collection, window)
    dock = QDockWidget("Clauses", window)
    dock.setObjectName("clauseDock")
    dock.setWidget(picker)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.search_dock, dock)
    window.clause_dock = dock  # type: ignore[attr-defined]
    window.picker = picker  # type: ignore[attr-defined]
    picker.insertRequested.connect(lambda p, notes: insert_clause(window, p, notes))
    return picker


def insert_clause(window: MainWindow, paragraph: Paragraph, footnotes: list[Footnote]) -> bool:
    """Insert a picked clause into the current draft (one undo step); False if none open."""
    editor = window.current_editor()
    if editor is None:
        window.statusBar().showMessage("Open or create a draft to insert clauses.", 6000)
        return False
    part = clause_part(paragraph, editor.current_part())
    edit = insertion_edit(editor.controller.doc, editor.current_pid(), paragraph, footnotes, part)
    if not editor.controller.apply(edit):
        return False
    editor.select(paragraph.id)
    label = (paragraph.provenance or {}).get("label", "")
    window.statusBar().showMessage(f"Inserted {label}".strip(), 4000)
    return True
