"""The open drafts of the window: new from a template, open, save, save as, recent files,
close with a prompt for unsaved changes, and crash recovery (a snapshot written a moment
after edits, removed on save, offered on the next start)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QWidget

from drafting_app.errors import DraftingError
from drafting_app.gui.files.export_actions import file_stem
from drafting_app.gui.files.file_guard import (
    ChangedChoice,
    ask_changed_on_disk,
    offer_backup,
    title_for,
)
from drafting_app.model.document import Document
from drafting_app.model.profiles import BodyProfile, profile
from drafting_app.phrases import PhraseBook
from drafting_app.storage.project import (
    SUFFIX,
    CorruptProjectError,
    Fingerprint,
    ProjectChangedError,
    load_project,
    save_project,
)
from drafting_app.storage.recovery import RecoveryStore, Snapshot
from drafting_app.storage.settings import AppSettings, save_settings

if TYPE_CHECKING:  # the editor, the templates and the readers load with the first draft
    from drafting_app.gui.document.draft_editor import DraftEditor
    from drafting_app.gui.files.word_import import WordImport

RECOVERY_DELAY_MS = 1500
FILE_FILTER = (
    f"Drafts and documents (*{SUFFIX} *.docx *.pdf *.txt *.md);;Drafts (*{SUFFIX});;"
    "Word documents (*.docx);;PDF or text (*.pdf *.txt *.md);;All files (*)"
)
# Opened as a draft from another delegation (imported: the file itself is never written).
IMPORTED_SUFFIXES = (".pdf", ".txt", ".md")
SAVE_FILTER = f"Drafts (*{SUFFIX});;All files (*)"
Answer = QMessageBox.StandardButton


class OpenDraft:
    """A draft's editor with what the window keeps about it: recovery key, the file's
    fingerprint when opened or saved (the guard against changes by another program)."""

    def __init__(self, editor: DraftEditor, fingerprint: Fingerprint | None) -> None:
        self.editor = editor
        self.controller = editor.controller
        self.key = uuid.uuid4().hex[:12]
        self.fingerprint = fingerprint
        self.read_only = False  # written by a newer version: Save goes to Save As
        self.snapshot_timer = QTimer(editor)
        self.snapshot_timer.setSingleShot(True)
        self.snapshot_timer.setInterval(RECOVERY_DELAY_MS)


class Drafts(QObject):
    """Owns the draft tabs, their controllers (one undo stack each, in one undo group),
    the recovery snapshots and the recent-files list."""

    current_changed = Signal()
    recent_changed = Signal()
    message = Signal(str)

    def __init__(
        self,
        window: QWidget,
        tabs: QTabWidget,
        settings: AppSettings,
        recovery: RecoveryStore,
        phrases: PhraseBook | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self.settings = settings
        self.recovery = recovery
        self.phrases = phrases
        self.undo_group = QUndoGroup(self)
        self.open: list[OpenDraft] = []
        self.last: OpenDraft | None = None
        self.last_warning: QMessageBox | None = None
        tabs.currentChanged.connect(self._on_tab)
        tabs.tabCloseRequested.connect(self._close_tab)
        self._word_import: WordImport | None = None

    @property
    def word_import(self) -> WordImport:
        """The Word import (its report dialog), made on the first Word file opened."""
        if self._word_import is None:
            from drafting_app.gui.files.word_import import WordImport

            self._word_import = WordImport(self)
            self._word_import.imported.connect(self._remember)
        return self._word_import

    # -- lookup ------------------------------------------------------------------------------
    def current(self) -> OpenDraft | None:
        widget = self.tabs.currentWidget()
        return next((d for d in self.open if d.editor is widget), None)

    def _draft_of(self, editor: QWidget | None) -> OpenDraft | None:
        return next((d for d in self.open if d.editor is editor), None)

    def target(self) -> OpenDraft | None:
        """The draft a command from the corpus goes to: the current one, else the draft
        last worked on (the reading view may be in front)."""
        current = self.current()
        if current is not None:
            return current
        return self.last if self.last in self.open else None

    def _on_tab(self, _index: int) -> None:
        draft = self.current()
        if draft is not None:
            self.last = draft
        self.undo_group.setActiveStack(draft.controller.stack if draft else None)  # type: ignore[arg-type]
        self.current_changed.emit()

    # -- opening -----------------------------------------------------------------------------
    def create_from_template(self, key: str, **values: Any) -> OpenDraft | None:
        """A new, unsaved draft from template ``key`` (masthead defaults filled in)."""
        from drafting_app.clauses.document_templates import new_document, template

        try:
            doc = new_document(key, **values)
            body = template(key).body_profile
        except DraftingError as exc:
            self._warn("The draft could not be created", str(exc))
            return None
        draft = self.add(doc, None, body, None)
        draft.editor.tabs.setCurrentWidget(draft.editor.masthead)
        return draft

    def add(
        self,
        doc: Document,
        path: Path | None,
        body: BodyProfile | None,
        fingerprint: Fingerprint | None,
    ) -> OpenDraft:
        from drafting_app.gui.document.document_controller import DocumentController
        from drafting_app.gui.document.draft_editor import DraftEditor

        controller = DocumentController(doc, path, body, self)
        controller.ladder_mode = self.settings.ladder
        controller.punctuation_mode = self.settings.punctuation
        editor = DraftEditor(controller, self.phrases, self.tabs)
        draft = OpenDraft(editor, fingerprint)
        self.open.append(draft)
        self.undo_group.addStack(controller.stack)
        editor.message.connect(self.message.emit)
        controller.modified_changed.connect(lambda _m: self._refresh_tab(draft))
        controller.path_changed.connect(lambda _p: self._refresh_tab(draft))
        controller.changed.connect(lambda _c: draft.snapshot_timer.start())
        draft.snapshot_timer.timeout.connect(lambda: self.write_snapshot(draft))
        self.tabs.addTab(editor, controller.display_name())
        self.tabs.setCurrentWidget(editor)
        self._refresh_tab(draft)
        return draft

    def open_path(self, path: Path) -> OpenDraft | None:
        """Open a saved draft (or switch to it when it is open already). A Word file is
        imported instead: its report is shown and the draft opens from there (None here);
        a PDF or text file is imported as a new unsaved draft."""
        from drafting_app.gui.files.word_import import is_word_file

        path = Path(path)
        if is_word_file(path) or path.suffix.lower() in IMPORTED_SUFFIXES:
            return self.import_path(path)
        for d in self.open:
            if d.controller.path is not None and d.controller.path.resolve() == path.resolve():
                self.tabs.setCurrentWidget(d.editor)
                return d
        try:
            project = load_project(path)
            body = profile(str(project.settings.get("profile", self.settings.default_profile)))
        except CorruptProjectError as exc:
            backup = offer_backup(self.window, exc)
            if backup is None:
                return None
            draft = self.add(backup.document, path, None, None)
            draft.controller.stack.resetClean()  # the backup is not what the file holds
            return draft
        except DraftingError as exc:
            self._warn("The draft could not be opened", str(exc))
            return None
        if project.notice:
            self._warn("Opened read-only", project.notice)
        draft = self.add(project.document, path, body, project.fingerprint)
        draft.read_only = project.read_only
        self._refresh_tab(draft)
        self._remember(path)
        return draft

    def import_path(self, path: Path) -> OpenDraft | None:
        """A Word, PDF or text draft from another delegation, as a new unsaved draft (the
        file itself is never written to). A Word file shows its import report first."""
        from drafting_app.corpus.readers import read_document
        from drafting_app.gui.files.word_import import body_profile_of, is_word_file

        path = Path(path)
        if is_word_file(path):
            self.word_import.open(path)
            return None
        try:
            doc = read_document(path)
        except DraftingError as exc:
            self._warn("The file could not be imported", str(exc))
            return None
        body = body_profile_of(doc) or profile(self.settings.default_profile)
        draft = self.add(doc, None, body, None)
        draft.controller.imported_from = Path(path)
        draft.controller.stack.resetClean()  # nothing of it is saved as a draft yet
        self._refresh_tab(draft)
        notes: list[str] = []
        if doc.unplaced:
            notes.append(
                f"{len(doc.unplaced)} passage(s) of {Path(path).name} could not be placed in "
                "the preamble or the operative part. They are kept with the draft but not "
                "shown in the outline: compare the draft with the original file."
            )
        if doc.warnings:  # where the reader took one of two readings (issue 16)
            shown = [f"line {w.line}: {w.message}" for w in doc.warnings[:8]]
            more = len(doc.warnings) - len(shown)
            notes.append(
                "The reader was unsure here:\n"
                + "\n".join(shown)
                + (
                    f"\n… and {more} more (drafting-app parse --json lists them all)"
                    if more
                    else ""
                )
            )
        if notes:
            self._warn("Imported with text to review", "\n\n".join(notes))
        return draft

    def open_file(self) -> None:
        """File › Open… (Ctrl+O, also Ctrl+Shift+O): a saved draft, or a Word, PDF or text
        draft from another delegation (imported; the file is never written to)."""
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Open a draft or a Word, PDF or text file", self.folder(), FILE_FILTER
        )
        if name:
            self.open_path(Path(name))

    # -- saving ------------------------------------------------------------------------------
    def save(self, draft: OpenDraft | None = None) -> bool:
        """File › Save: to the draft's file, or ask for one."""
        draft = draft or self.current()
        if draft is None:
            return False
        if draft.controller.path is None or draft.read_only:
            return self.save_as(draft)
        return self.save_to(draft, draft.controller.path)

    def save_as(self, draft: OpenDraft | None = None) -> bool:
        """File › Save As…"""
        draft = draft or self.current()
        if draft is None:
            return False
        suggested = Path(self.folder()) / (file_stem(draft.controller.doc) + SUFFIX)
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Save draft as", str(suggested), SAVE_FILTER
        )
        if not name:
            return False
        path = Path(name)
        if not path.name.endswith(SUFFIX):
            path = path.with_name(path.name + SUFFIX)
        return self.save_to(draft, path, new_name=True)

    def save_to(self, draft: OpenDraft, path: Path, new_name: bool = False) -> bool:
        controller = draft.controller
        controller.end_typing()
        expected = None
        if not new_name and draft.fingerprint is not None:
            expected = draft.fingerprint.sha256
        try:
            draft.fingerprint = save_project(
                controller.doc, path, {"profile": controller.profile.key}, expected_hash=expected
            )
        except ProjectChangedError as exc:
            choice = ask_changed_on_disk(self.window, path.name, str(exc))
            if choice is ChangedChoice.OVERWRITE:
                draft.fingerprint = None
                return self.save_to(draft, path)
            return choice is ChangedChoice.SAVE_AS and self.save_as(draft)
        except DraftingError as exc:
            self._warn("The draft was not saved", str(exc))
            return False
        draft.read_only = False
        controller.mark_saved(path)
        draft.snapshot_timer.stop()
        self.recovery.discard(draft.key)
        self._remember(path)
        self.message.emit(f"Saved {path.name}")
        return True

    # -- closing -----------------------------------------------------------------------------
    def ask_unsaved(self, name: str) -> Answer:
        """Save, Discard or Cancel for a draft with unsaved changes."""
        return QMessageBox.question(
            self.window,
            "Unsaved changes",
            f"“{name}” has changes that are not saved. Save them before closing?",
            Answer.Save | Answer.Discard | Answer.Cancel,
            Answer.Save,
        )

    def close(self, draft: OpenDraft) -> bool:
        """Close a draft, asking first when it has unsaved changes; False if cancelled."""
        if draft.controller.modified:
            answer = self.ask_unsaved(draft.controller.display_name())
            if answer == Answer.Cancel or (answer == Answer.Save and not self.save(draft)):
                return False
        draft.snapshot_timer.stop()
        self.recovery.discard(draft.key)
        self.undo_group.removeStack(draft.controller.stack)
        self.open.remove(draft)
        self.tabs.removeTab(self.tabs.indexOf(draft.editor))
        draft.editor.deleteLater()
        return True

    def close_current(self) -> None:
        draft = self.current()
        if draft is not None:
            self.close(draft)

    def close_all(self) -> bool:
        """Before the window closes: every draft closed, or False if the user cancelled."""
        return all(self.close(d) for d in list(self.open))

    def _close_tab(self, index: int) -> None:
        draft = self._draft_of(self.tabs.widget(index))
        if draft is not None:
            self.close(draft)

    # -- recovery ----------------------------------------------------------------------------
    def write_snapshot(self, draft: OpenDraft) -> None:
        if not draft.controller.modified:
            self.recovery.discard(draft.key)
            return
        try:
            self.recovery.write(
                draft.key,
                draft.controller.doc,
                draft.controller.path,
                {"profile": draft.controller.profile.key},
                draft.fingerprint.sha256 if draft.fingerprint else None,
            )
        except (DraftingError, OSError) as exc:
            self.message.emit(f"The recovery copy could not be written: {exc}")

    def restore(self, snapshot: Snapshot) -> OpenDraft | None:
        """Open a snapshot a crashed session left as an unsaved draft."""
        try:
            project = RecoveryStore.restore(snapshot)
            body = profile(str(project.settings.get("profile", self.settings.default_profile)))
        except DraftingError as exc:
            self._warn("The recovery copy could not be read", str(exc))
            return None
        # The fingerprint is the file's when the snapshot was taken: saving over a file
        # that changed since asks first.
        draft = self.add(project.document, project.path, body, project.fingerprint)
        draft.controller.stack.resetClean()  # recovered work is not saved yet
        # This session's snapshot first, then the old one goes: a crash in between leaves
        # the draft offered twice, never not at all.
        self.write_snapshot(draft)
        RecoveryStore.remove(snapshot)
        return draft

    # -- helpers -----------------------------------------------------------------------------
    def _refresh_tab(self, draft: OpenDraft) -> None:
        index = self.tabs.indexOf(draft.editor)
        if index >= 0:
            mark = " •" if draft.controller.modified else ""
            name = title_for(draft.controller.display_name(), draft.read_only)
            self.tabs.setTabText(index, name + mark)
            self.tabs.setTabToolTip(index, str(draft.controller.path or "Not saved yet"))
        if draft is self.current():
            self.current_changed.emit()

    def _remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        try:
            save_settings(self.settings)
        except (DraftingError, OSError) as exc:
            self.message.emit(f"Settings could not be saved: {exc}")
        self.recent_changed.emit()

    def folder(self) -> str:
        """The folder file dialogs start in: that of the last draft opened or saved."""
        for recent in self.settings.recent_files:
            if Path(recent).parent.is_dir():
                return str(Path(recent).parent)
        return str(Path.home())

    def _warn(self, title: str, text: str) -> None:
        # Window-modal but not blocking: the message stays until read, the event loop runs.
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, Answer.Ok, self.window)
        box.setObjectName("draftWarning")
        self.last_warning = box
        box.open()
