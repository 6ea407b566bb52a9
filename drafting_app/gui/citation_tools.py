"""Checks, footnotes and references in the main window: the Checks and Footnotes docks,
the References menu (Insert Citation…, Insert Internal Reference…, Check Document Shift+F7,
Apply Fix, Next/Previous Finding) and the View menu entries. Installed on a window by the
composition root with :func:`install_citation_tools`; everything goes through the current
draft's controller, so every change is one step of its undo history."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu

from drafting_app.errors import DraftingError
from drafting_app.gui.checks.checks_dock import FIX_SHORTCUT, ChecksPanel
from drafting_app.gui.common.turns import later
from drafting_app.gui.document.draft_places import anchor_places, reveal
from drafting_app.gui.document.footnotes_dock import FootnotesPanel
from drafting_app.model.profiles import FIRST_MENTION, FIRST_OPERATIVE
from drafting_app.storage.settings import save_settings

if TYPE_CHECKING:  # the dialogs, the editor and the edit commands load on first use
    from drafting_app.checks.findings import Finding
    from drafting_app.corpus.registry import Registry
    from drafting_app.gui.corpus.registry_cache import RegistryCache
    from drafting_app.gui.document.citation_dialog import CitationDialog, SourceChoice
    from drafting_app.gui.document.draft_editor import DraftEditor
    from drafting_app.gui.document.internal_ref_dialog import InternalRefDialog
    from drafting_app.gui.main_window import MainWindow

DOCK_HEIGHT = 210
REPEAT_RULES = (
    (FIRST_MENTION, "Once, at the &First Mention (current UN practice)"),
    (FIRST_OPERATIVE, "Also at the First &Operative Mention (older practice)"),
)


class CitationTools(QObject):
    """The docks and actions; ``registry`` builds the corpus registry (once, and again
    after the corpus changes). With ``cache``, the checks do not wait for it: it is read
    on the window's worker thread and they run when it is there."""

    def __init__(
        self,
        window: MainWindow,
        registry: Callable[[], Registry],
        cache: RegistryCache | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._build_registry = registry
        self._cache = cache
        self._registry: Registry | None = None
        self.checks = ChecksPanel(self.facts, window)
        if cache is not None:
            cache.built.connect(self._registry_ready)
        self.footnotes = FootnotesPanel(window)
        self.checks_dock = self._dock("Checks", "checksDock", self.checks)
        self.footnotes_dock = self._dock("Footnotes", "footnotesDock", self.footnotes)
        window.tabifyDockWidget(self.checks_dock, self.footnotes_dock)
        self.checks_dock.raise_()
        # The draft editor keeps most of the height; the findings get a strip below it.
        window.resizeDocks([self.checks_dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
        self.citation_dialog: CitationDialog | None = None
        self.reference_dialog: InternalRefDialog | None = None
        self._draft_actions: list[QAction] = []
        self._build_menus()
        self.checks.activated.connect(self.go_to_finding)
        self.footnotes.activated.connect(self.go_to_footnote)
        self.footnotes.edit_requested.connect(self.edit_footnote)
        self.footnotes.insert_requested.connect(self.insert_citation)
        for panel in (self.checks, self.footnotes):
            panel.message.connect(self._status)
        window.drafts.current_changed.connect(self._follow)
        window.closing_hooks.append(self.checks.finish_memo)
        window.corpus_actions.changed.connect(self._corpus_changed)
        self._follow()

    def _dock(self, title: str, name: str, panel: ChecksPanel | FootnotesPanel) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(panel)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    # -- registry ---------------------------------------------------------------------------
    def registry(self) -> Registry:
        if self._registry is None:
            # Built once from the corpus index (a moment on a large corpus).
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._registry = self._build_registry()
            finally:
                QApplication.restoreOverrideCursor()
        return self._registry

    def facts(self) -> Registry | None:
        """The registry for the checks, or None while it is being read."""
        if self._registry is None and self._cache is not None:
            self._registry = self._cache.ready()
            if self._registry is None:
                return None
        return self.registry()

    def _registry_ready(self) -> None:
        if self.checks.stale and self.checks.controller is not None:
            self.checks.run_now()

    def _corpus_changed(self) -> None:
        self._registry = None
        self.checks.run_now()

    # -- menus ------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        view = next(
            m for a in bar.actions() if isinstance(m := a.menu(), QMenu) and a.text() == "&View"
        )
        first = view.actions()[3]  # after the Corpus, Search and Preview panels
        for dock, key in ((self.checks_dock, "Ctrl+4"), (self.footnotes_dock, "Ctrl+5")):
            toggle = dock.toggleViewAction()
            toggle.setText(f"{dock.windowTitle()} Panel")
            toggle.setShortcut(QKeySequence(key))
            view.insertAction(first, toggle)
        menu = self.window.references_menu  # Insert Footnote is the window's
        self.insert_citation_action = self._action(
            menu, "Insert &Citation (Footnote)…", "Ctrl+Alt+C", self.insert_citation
        )
        self.insert_reference_action = self._action(
            menu, "Insert Internal &Reference…", "Ctrl+Alt+R", self.insert_reference
        )
        menu.addSeparator()
        # F7 is Word's spelling key (Tools › Spelling…); the UN checks sit beside it
        self.check_action = self._action(menu, "Check &Document", "Shift+F7", self.check_document)
        self.fix_action = self._action(menu, "Apply &Fix", FIX_SHORTCUT, self.checks.fix_selected)
        self._action(menu, "&Next Finding", "F8", lambda: self.checks.step(1))
        self._action(menu, "&Previous Finding", "Shift+F8", lambda: self.checks.step(-1))
        menu.addSeparator()
        self._action(menu, "&Edit Footnote", None, self.footnotes.edit_selected)
        self._action(menu, "De&lete Footnote", None, self.footnotes.delete_selected)
        menu.addSeparator()
        self._build_repeat_menu(menu)

    def _build_repeat_menu(self, menu: QMenu) -> None:
        """References › Footnote Repeats: the rule the checks hold every draft to, kept in
        the settings (UN_FORMAT.md §4; the older practice is still asked for by some
        secretariats)."""
        sub = menu.addMenu("Footnote Re&peats")
        group = QActionGroup(self.window)
        group.setExclusive(True)
        self.repeat_actions: dict[str, QAction] = {}
        current = self.window.settings.footnote_repeat
        for rule, text in REPEAT_RULES:
            action = QAction(text, self.window)
            action.setCheckable(True)
            action.setChecked(rule == current)
            action.triggered.connect(lambda _c=False, r=rule: self.set_repeat_rule(r))
            group.addAction(action)
            sub.addAction(action)
            self.repeat_actions[rule] = action
        self.checks.repeat_rule = current

    def set_repeat_rule(self, rule: str) -> None:
        """Hold every draft to footnote repeat ``rule`` from now on, and check again."""
        self.repeat_actions[rule].setChecked(True)
        self.window.settings.footnote_repeat = rule
        self.checks.repeat_rule = rule
        try:
            save_settings(self.window.settings)
        except DraftingError as exc:
            self._status(str(exc))
        if self.checks.controller is not None:
            self.checks.run_now()

    def _action(
        self, menu: QMenu, text: str, key: str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self._draft_actions.append(action)
        return action

    # -- following the current draft -----------------------------------------------------------
    def _follow(self) -> None:
        draft = self.window.drafts.current()
        controller = draft.controller if draft is not None else None
        if draft is not None and draft.editor.page.building:
            # A long draft is still being written on its page, a slice per turn (issue 21
            # §6): its notes and its checks come once it is there, each in a turn of its
            # own, so that no turn of the event loop does all three.
            self.checks.follow(None)
            self.footnotes.follow(None)
            page = draft.editor.page
            if page is not self._awaited:
                self._awaited = page
                page.built.connect(self._page_built, Qt.ConnectionType.SingleShotConnection)
        else:
            self.checks.follow(controller)
            self.footnotes.follow(controller)
        for action in self._draft_actions:
            action.setEnabled(controller is not None)
        if draft is not None:
            draft.editor.note_chosen = self.show_note

    _awaited: object = None  # the page of a long draft whose notes and checks wait for it

    def _page_built(self) -> None:
        self._awaited = None
        # Queued on the window's turns (gui.common.turns), not posted calls: Qt runs
        # posted calls before the timers and the input that waited, so 0-ms calls would
        # all join one turn. Queued, the turns stay busy until the first check has started
        # (and holds them): a long draft's preview is made after it, not beside it (both
        # threads beside the window's turns: 60-100 ms between two of them, issue 21 §6).
        later(self, self._follow_notes)

    def _follow_notes(self) -> None:
        draft = self.window.drafts.current()
        if draft is not None and not draft.editor.page.building:
            self.footnotes.follow(draft.controller)
            later(self, self._follow)

    def _editor(self) -> DraftEditor | None:
        return self.window.current_editor()

    def check_document(self) -> None:
        """References › Check Document (F7): run now and show the panel."""
        self.checks_dock.show()
        self.checks_dock.raise_()
        self.checks.run_now()
        self._status(self.checks.summary.text())

    # -- going places -----------------------------------------------------------------------
    def go_to_finding(self, f: Finding) -> None:
        editor = self._editor()
        if editor is None or self.checks.checked_for is not editor.controller:
            return  # a finding goes only into the draft it was found in
        loc = f.location
        if loc.footnote_id:
            self.footnotes.select(loc.footnote_id)
            self.go_to_footnote(loc.footnote_id)
        elif loc.part in ("title", "masthead", "formula"):  # the form that fills it
            editor.show_masthead()
            self._status(f"{f.code}: {f.message}")
        elif not loc.paragraph_id or not reveal(editor, loc.paragraph_id, loc.start, loc.end):
            self._status(f"{f.code}: {f.message}")

    def go_to_footnote(self, fid: str) -> None:
        """Show the paragraph carrying the note's mark, the caret on the mark."""
        editor = self._editor()
        if editor is None:
            return
        place = anchor_places(editor.controller.doc).get(fid)
        if place is None or not reveal(editor, place[0], place[1]):
            self._status("This footnote has no mark in the text.")

    def edit_footnote(self, fid: str) -> None:
        """Footnotes panel › Edit…: the caret in the note, under the page."""
        editor = self._editor()
        if editor is not None:
            editor.edit_note(fid)

    def show_note(self, fid: str) -> None:
        """A mark chosen in the text: its note selected in the Footnotes panel."""
        self.footnotes_dock.show()
        self.footnotes_dock.raise_()
        self.footnotes.select(fid)

    # -- inserting ---------------------------------------------------------------------------
    def _caret(self, editor: DraftEditor) -> tuple[str, int] | None:
        where = editor.caret()
        if where is None:
            self._status("Put the caret in the paragraph, where it goes.")
        return where

    def insert_citation(self) -> None:
        """References › Insert Citation…: a footnote at the caret from a registry source."""
        editor = self._editor()
        where = self._caret(editor) if editor is not None else None
        if editor is None or where is None:
            return
        from drafting_app.checks.profile import profile_for
        from drafting_app.gui.document.citation_dialog import CitationDialog, source_choices

        author = profile_for(editor.controller.doc).body
        dialog = CitationDialog(source_choices(self.registry(), author), self.window)
        self.citation_dialog = dialog
        dialog.accepted.connect(lambda: self._chosen(editor, *where, dialog))
        dialog.open()
        dialog.search.setFocus()

    def _chosen(self, editor: DraftEditor, pid: str, caret: int, dialog: CitationDialog) -> None:
        if dialog.free_text:
            # Typed in the note itself, under the page (what the registry does not know).
            if editor.page.typing.add_note_at(pid, caret):
                editor.page.setFocus()
            return
        self._add_note(editor, pid, caret, dialog.chosen())

    def _add_note(
        self, editor: DraftEditor, pid: str, caret: int, choice: SourceChoice | None
    ) -> None:
        if choice is None:
            return
        from drafting_app.gui.document.footnote_panel import mark_offset
        from drafting_app.model.edits import AddFootnote

        p = editor.controller.doc.paragraph(pid)
        note = choice.note()
        if editor.controller.apply(AddFootnote(pid, mark_offset(p.text, caret), note), fixes=False):
            self.footnotes.select(note.id)
            self._status(f"Footnote added: {note.text}")

    def insert_reference(self) -> None:
        """References › Insert Internal Reference…: "paragraph N above" at the caret."""
        editor = self._editor()
        where = self._caret(editor) if editor is not None else None
        if editor is None or where is None:
            return
        from drafting_app.gui.document.internal_ref_dialog import InternalRefDialog

        pid, caret = where
        dialog = InternalRefDialog(editor.controller.doc, pid, self.window)
        self.reference_dialog = dialog
        dialog.accepted.connect(lambda: self._add_reference(editor, pid, caret, dialog.text()))
        dialog.open()

    def _add_reference(self, editor: DraftEditor, pid: str, caret: int, text: str) -> None:
        if not text:
            return
        from drafting_app.model.text_edits import splice

        p = editor.controller.doc.paragraph(pid)
        caret = max(0, min(caret, len(p.text)))
        edit = splice(p, caret, caret, text, "Insert internal reference")
        if editor.controller.apply(edit, fixes=False):
            reveal(editor, pid, caret, caret + len(text))


def install_citation_tools(
    window: MainWindow, registry: Callable[[], Registry], cache: RegistryCache | None = None
) -> CitationTools:
    """Add the Checks and Footnotes docks and the References menu to ``window``."""
    return CitationTools(window, registry, cache)
