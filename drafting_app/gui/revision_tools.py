"""Rollover and revisions in the main window (issue 17): File › New Revision… (a draft
from an adopted text: a corpus document or any readable file), File › Export with
Changes… (the draft as Word tracked changes against its base, signed with the user's
name), and the Review menu (Show Changes, Previous/Next Change, Accept/Reject Change,
Accept/Reject All, User Name…). Installed on a window by the composition root with
:func:`install_revision_tools`; every decision is an edit through the draft's controller,
one step of its undo history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from drafting_app.errors import DraftingError
from drafting_app.gui.files.drafts import FILE_FILTER, OpenDraft
from drafting_app.model.document import Document
from drafting_app.storage.settings import save_settings

if TYPE_CHECKING:
    from drafting_app.gui.document.changes_panel import ChangesPanel
    from drafting_app.gui.main_window import MainWindow

WORD_FILTER = "Word document with tracked changes (*.docx)"


def _menu(window: MainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == title:
            return menu
    return None


def _insert(menu: QMenu, before: QAction | None, action: QAction) -> None:
    if before is not None:
        menu.insertAction(before, action)
    else:
        menu.addAction(action)


class RevisionTools(QObject):
    """The revision commands of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_warning: QMessageBox | None = None
        self.last_export: Path | None = None
        self._draft_actions: list[QAction] = []
        self._build_menus()
        window.drafts.current_changed.connect(self._follow)
        self._follow()

    # -- menus -------------------------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], object], shortcut: str = "", draft: bool = True
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if draft:
            self._draft_actions.append(action)
        return action

    def _build_menus(self) -> None:
        w = self.window
        file_menu = _menu(w, "File")
        self.new_revision_action = self._action(
            "New &Revision of an Adopted Text…", self.new_revision, draft=False
        )
        self.new_revision_action.setToolTip(
            "Start the next draft from last session's resolution: a corpus document or a file"
        )
        self.export_changes_action = self._action("Export with &Changes…", self.export_with_changes)
        if file_menu is not None:
            actions = file_menu.actions()
            # After New from Template…, and between Export as Word… and Export as PDF….
            _insert(file_menu, actions[1] if len(actions) > 1 else None, self.new_revision_action)
            _insert(file_menu, w.export_pdf_action, self.export_changes_action)
        review = QMenu("Re&view", w)
        review.setObjectName("reviewMenu")
        self.show_action = self._action("&Show Changes", self.toggle_shown)
        self.show_action.setCheckable(True)
        self.show_action.setChecked(True)
        review.addAction(self.show_action)
        review.addSeparator()
        for text, slot, key in (
            ("&Previous Change", lambda: self._panel_do(lambda p: p.step(False)), "Alt+Shift+F8"),
            ("&Next Change", lambda: self._panel_do(lambda p: p.step(True)), "Alt+F8"),
            ("&Accept Change", lambda: self._panel_do(lambda p: p.accept_current()), ""),
            ("&Reject Change", lambda: self._panel_do(lambda p: p.reject_current()), ""),
            ("Accept A&ll Changes", lambda: self._panel_do(lambda p: p.decide_all(True)), ""),
            ("Reject All C&hanges", lambda: self._panel_do(lambda p: p.decide_all(False)), ""),
        ):
            review.addAction(self._action(text, slot, key))
        review.addSeparator()
        review.addAction(self._action("&User Name for Changes…", self.set_user_name, draft=False))
        review.aboutToShow.connect(self._follow)  # the tab's check box may have changed it
        help_menu = _menu(w, "Help")
        if help_menu is not None:
            w.menuBar().insertMenu(help_menu.menuAction(), review)
        else:
            w.menuBar().addMenu(review)
        self.review_menu = review

    def _follow(self) -> None:
        draft = self.window.drafts.current()
        for action in self._draft_actions:
            action.setEnabled(draft is not None)
        marks = draft.editor.revision_marks if draft is not None else None
        self.show_action.setChecked(marks.shown if marks is not None else True)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("revisionWarning")
        self.last_warning = box
        box.open()

    def _panel(self) -> ChangesPanel | None:
        draft = self.window.drafts.current()
        if draft is None:
            return None
        if draft.controller.doc.revision_base is None:
            self._status(
                "This draft is not a revision: File › New Revision… starts one from an "
                "adopted text."
            )
            return None
        panel = draft.editor.show_changes_panel()
        draft.editor.tabs.setCurrentWidget(panel)
        return panel

    def _panel_do(self, act: Callable[[ChangesPanel], object]) -> None:
        panel = self._panel()
        if panel is not None:
            act(panel)

    def toggle_shown(self) -> None:
        """Review › Show Changes: the changes marked on the page, or the clean text (the
        tab's check box and this entry are one switch)."""
        panel = self._panel()
        if panel is None:
            self.show_action.setChecked(True)
            return
        panel.show_box.setChecked(not panel.show_box.isChecked())
        self.show_action.setChecked(panel.show_box.isChecked())

    # -- new revision ------------------------------------------------------------------------
    def _corpus_document(self) -> tuple[Document, str] | None:
        w = self.window
        if not w.reading.doc_id:
            return None
        try:
            return w.corpus.document(w.reading.doc_id), w.reading.title
        except DraftingError as exc:
            self._status(str(exc))
            return None

    def _ask_source(self) -> Document | Path | None:
        shown = self._corpus_document()
        if shown is not None:
            box = QMessageBox(self.window)
            box.setWindowTitle("New revision")
            box.setText("Which adopted text does the new draft revise?")
            use = box.addButton(
                f"The corpus document: {shown[1][:60]}", QMessageBox.ButtonRole.AcceptRole
            )
            pick = box.addButton("A file…", QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is use:
                return shown[0]
            if box.clickedButton() is not pick:
                return None
        name, _ = QFileDialog.getOpenFileName(
            self.window, "The adopted text to revise", self.window.drafts.folder(), FILE_FILTER
        )
        return Path(name) if name else None

    def new_revision(self, source: Document | Path | None = None) -> OpenDraft | None:
        """File › New Revision…: a new draft from an adopted text — the corpus document in
        the reading view or a .txt/.md/.docx/.pdf/project file — with its masthead made a
        draft's for the next session; the draft remembers the text as its base."""
        from drafting_app.export.commands import load_exportable
        from drafting_app.gui.files.word_import import body_profile_of
        from drafting_app.model.profiles import profile
        from drafting_app.revisions.rollover import base_label, new_revision

        chosen = self._ask_source() if source is None else source
        if chosen is None:
            return None
        where = ""
        if isinstance(chosen, Path):
            where = str(chosen)
            try:
                chosen = load_exportable(chosen)
            except DraftingError as exc:
                self._warn("The text could not be read", str(exc))
                return None
        label = base_label(chosen)
        draft_doc = new_revision(chosen, label, where or chosen.source)
        body = body_profile_of(draft_doc) or profile(self.window.settings.default_profile)
        draft = self.window.drafts.add(draft_doc, None, body, None)
        draft.controller.stack.resetClean()  # a new draft: not saved yet
        draft.editor.show_changes_panel()
        draft.editor.tabs.setCurrentWidget(draft.editor.masthead)
        self._status(
            f"New revision of {label}: fill in the masthead (symbol, session, date); the "
            "Changes tab lists what differs from the base."
        )
        return draft

    # -- export with changes -----------------------------------------------------------------
    def export_with_changes(self, path: Path | None = None) -> Path | None:
        """File › Export with Changes…: the draft as Word tracked changes against its base,
        signed with the user name of the settings."""
        from drafting_app.export.files import file_stem
        from drafting_app.export.tracked_docx import write_tracked_docx
        from drafting_app.revisions.decisions import comparison_of

        draft = self.window.drafts.current()
        if draft is None:
            self._status("Open a draft to export it with changes.")
            return None
        controller = draft.controller
        controller.end_typing()
        doc = controller.doc
        if doc.revision_base is None:
            self._warn(
                "Export with Changes",
                "This draft does not revise another text, so there are no changes to track. "
                "Start one with File › New Revision…, or use Export as Word.",
            )
            return None
        if path is None:
            folder = (
                controller.path.parent if controller.path else Path(self.window.drafts.folder())
            )
            suggested = folder / (file_stem(doc) + " (changes).docx")
            name, _ = QFileDialog.getSaveFileName(
                self.window, "Export with changes", str(suggested), WORD_FILTER
            )
            if not name:
                return None
            path = Path(name)
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        try:
            write_tracked_docx(comparison_of(doc), path, author=self.window.settings.user_name)
        except (DraftingError, OSError) as exc:
            self._warn(
                "The Word file was not written", f"{exc}\n\nNothing was written to {path.name}."
            )
            return None
        self.last_export = path
        self._status(f"Exported with tracked changes against {doc.revision_base.label}: {path}")
        return path

    # -- user name ---------------------------------------------------------------------------
    def set_user_name(self, name: str | None = None) -> str:
        """Review › User Name…: the name tracked changes are signed with (Word's
        Options › User name)."""
        settings = self.window.settings
        if name is None:
            typed, ok = QInputDialog.getText(
                self.window,
                "User name for changes",
                "Tracked changes you export are signed with this name\n"
                "(e.g. “Mexico” or your own name):",
                text=settings.user_name,
            )
            if not ok:
                return settings.user_name
            name = typed
        settings.user_name = " ".join(name.split())[:120]
        try:
            save_settings(settings)
        except DraftingError as exc:
            self._status(str(exc))
        self._status(f"Changes will be signed “{settings.user_name or 'Drafting App'}”.")
        return settings.user_name


def install_revision_tools(window: MainWindow) -> RevisionTools:
    """Add the revision commands to ``window`` (once)."""
    tools = window.findChild(RevisionTools)
    return tools if isinstance(tools, RevisionTools) else RevisionTools(window)
