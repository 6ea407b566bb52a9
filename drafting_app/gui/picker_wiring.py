"""Putting the clause picker into the main window: index the corpus's agreed language,
dock the picker beside the search, and insert what it emits into the current draft as one
undoable edit (``DocumentController.apply(InsertParagraph(…))``), footnotes included."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from drafting_app.clauses.collection import Collection, CollectionError
from drafting_app.clauses.templates import TemplateCatalog
from drafting_app.errors import DraftingError
from drafting_app.gui.picker.deviation_view import DeviationView
from drafting_app.gui.picker.picker_dock import PickerDock
from drafting_app.model.document import Document, Footnote, Paragraph, Part

if TYPE_CHECKING:  # the clause index, its miner and the edit commands load on first use
    from drafting_app.clauses.index import ClauseIndex
    from drafting_app.gui.corpus.background import Background
    from drafting_app.gui.document.document_controller import DocumentController
    from drafting_app.gui.main_window import MainWindow
    from drafting_app.model.paragraph_edits import InsertParagraph
    from drafting_app.model.tree import Location

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
    from drafting_app.model.paragraph_edits import InsertParagraph
    from drafting_app.model.tree import locate

    if current_pid:
        try:
            loc = locate(doc, current_pid)
        except DraftingError:  # the chapeau of a decision
            loc = None
        # Agreed language is resolution language: from an annex it goes to the body.
        if loc is not None and loc.part is part and loc.annex is None:
            return InsertParagraph(part, loc.parent_id, loc.index + 1, paragraph, footnotes)
    top = doc.preamble if part is Part.PREAMBLE else doc.operative
    return InsertParagraph(part, None, len(top), paragraph, footnotes)


def build_index(store: Any) -> ClauseIndex | None:
    """The clause index of the corpus (part of the corpus index: opening it is cheap)."""
    from drafting_app.clauses.library import open_clause_index

    try:
        index = open_clause_index(store)
    except DraftingError as exc:
        log.warning("the clause index could not be opened: %s", exc)
        return None
    index.on_damage = getattr(store, "on_damage", None)
    return index


def refresh_index(picker: PickerDock, store: Any, background: Background | None = None) -> None:
    """After the corpus changed: the clause index is kept with every document, so the
    picker only searches again (and, when the index file was made anew, reconnects)."""
    index = picker.index
    if index is None or getattr(store, "db_path", None) != index.path:
        picker.set_index(build_index(store))
        return
    try:
        index.refresh()
    except DraftingError as exc:
        picker.message.emit(str(exc))
    picker.refresh()


def install_picker(
    window: MainWindow,
    store: Any,
    *,
    load_now: bool = True,
    background: Background | None = None,
) -> PickerDock:
    """Dock the picker in ``window`` (tabbed with the search) and wire its insertions;
    with ``load_now=False`` the caller runs :func:`load_picker` once the window is up.
    With ``background``, the clause index is mined again on a worker thread after the
    corpus changed."""
    try:
        collection: Collection | None = Collection.load()
    except CollectionError as exc:
        window.statusBar().showMessage(f"My clauses could not be read: {exc}", 8000)
        collection = None
    if collection is not None and collection.notice:  # damaged: set aside, said once
        window.drafts.warn("My clauses", collection.notice)
    picker = PickerDock(None, TemplateCatalog.load(), None, collection, window)
    dock = _right_dock(window, "Clauses", "clauseDock", picker)
    window.clause_dock = dock  # type: ignore[attr-defined]
    window.picker = picker  # type: ignore[attr-defined]
    picker.insertRequested.connect(lambda p, notes: insert_clause(window, p, notes))
    window.drafts.current_changed.connect(lambda: _accept_drops(window, picker))
    picker.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    window.corpus_actions.changed.connect(lambda: refresh_index(picker, store, background))
    save = QAction("Save Paragraph to My Clauses", window)
    save.setObjectName("saveToMyClauses")
    save.setShortcut(QKeySequence("Ctrl+Shift+K"))  # K for keep: Ctrl+Shift+M is the masthead
    save.triggered.connect(lambda: save_current_paragraph(window, picker))
    _menu(window, "&Paragraph").addAction(save)
    install_deviation_view(window)
    toggle = dock.toggleViewAction()
    toggle.setShortcut(QKeySequence("Ctrl+Shift+L"))  # L for language (agreed language)
    _menu(window, "&View").addAction(toggle)
    if load_now:
        load_picker(picker, store)
    return picker


def load_picker(
    picker: PickerDock,
    store: Any,
    registry: Callable[[], Any] | None = None,
    background: Background | None = None,
) -> None:
    """The picker's registry and clause index, both read from the corpus index as they
    are needed (nothing is built: the app runs this after the window first paints).
    ``registry`` gives the window's shared registry when there is one; it is then made
    on first need (a template's form)."""
    if registry is None:
        from drafting_app.corpus.registry import Registry

        picker.registry = Registry.from_store(store)
    else:
        picker.registry_provider = registry
    picker.set_index(build_index(store))


def install_deviation_view(window: MainWindow) -> DeviationView:
    """The "Agreed language" dock, following the current draft's current paragraph."""
    view = DeviationView(window)
    window.deviation_dock = _right_dock(window, "Agreed language", "deviationDock", view)  # type: ignore[attr-defined]
    window.deviation_view = view  # type: ignore[attr-defined]
    window.drafts.current_changed.connect(lambda: view.follow(window.current_editor()))
    view.follow(window.current_editor())
    return view


def _right_dock(window: MainWindow, title: str, name: str, widget: QWidget) -> QDockWidget:
    """A dock on the right, tabbed with the corpus search."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.search_dock, dock)
    return dock


def _menu(window: MainWindow, title: str) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title() == title:
            return menu
    return window.menuBar().addMenu(title)


def save_current_paragraph(window: MainWindow, picker: PickerDock) -> bool:
    """Keep the current paragraph of the current draft (with its footnotes) in My clauses."""
    editor = window.current_editor()
    pid = editor.current_pid() if editor is not None else ""
    if editor is None or not pid:
        window.statusBar().showMessage("Select a paragraph of a draft to save it.", 6000)
        return False
    doc = editor.controller.doc
    try:
        picker.save_to_collection(doc.paragraph(pid), doc.footnotes, editor.current_part())
    except DraftingError as exc:
        window.statusBar().showMessage(str(exc), 8000)
        return False
    window.statusBar().showMessage("Saved to My clauses.", 4000)
    return True


def _accept_drops(window: MainWindow, picker: PickerDock) -> None:
    """Let the current draft's outline take clauses dragged from the picker (once per
    draft): the drop place decides part, parent and position."""
    editor = window.current_editor()
    if editor is None or getattr(editor, "_clause_drops", False):
        return
    editor._clause_drops = True  # type: ignore[attr-defined]
    editor.model.clauseDropped.connect(
        lambda ref, place: drop_clause(editor.controller, picker, ref, place)
    )


def drop_clause(
    controller: DocumentController,
    picker: PickerDock,
    ref: str,
    place: Location,
) -> bool:
    """Insert the dragged clause at the drop place (one undo step, footnotes kept)."""
    clause = picker.clause_for(ref)
    if clause is None:
        return False
    from drafting_app.model.paragraph_edits import InsertParagraph

    paragraph, footnotes = clause
    return controller.apply(
        InsertParagraph(place.part, place.parent_id, place.index, paragraph, footnotes, place.annex)
    )


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
