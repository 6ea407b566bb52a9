"""The open drafts of the window: new from a template, open, save, save as, recent files,
close with a prompt for unsaved changes, and crash recovery.

Recovery follows Word's AutoRecover: a draft with unsaved changes is snapshotted a moment
after the drafter pauses, and at the latest a few seconds after its first unsaved change
even while typing goes on without a pause (a timer that restarted at every keystroke would
never fire for a fast typist). The snapshot is taken as JSON values on this thread — the
model is not safe to read from another — and written to disk on the recovery writer's
thread; it is removed on save and offered on the next start.

A draft open for editing in another window of the app opens here read-only (Save goes to
Save As), so that no two windows save over each other.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QWidget

from drafting_app.corpus.readers.limits import ReadingCancelled
from drafting_app.errors import DraftingError
from drafting_app.gui.common.turns import later
from drafting_app.gui.files.export_actions import file_stem
from drafting_app.gui.files.file_guard import (
    ChangedChoice,
    ask_changed_on_disk,
    offer_backup,
    title_for,
)
from drafting_app.gui.files.file_reading import Outcome, read_in_worker
from drafting_app.model.document import Document
from drafting_app.model.profiles import PROFILES, BodyProfile, profile
from drafting_app.phrases import PhraseBook
from drafting_app.storage.data_files import set_aside
from drafting_app.storage.project import (
    SUFFIX,
    CorruptProjectError,
    Fingerprint,
    ProjectChangedError,
    load_project,
    save_project,
)
from drafting_app.storage.recovery import RecoveryStore, Snapshot, SnapshotWriter
from drafting_app.storage.sessions import SessionInfo, describe
from drafting_app.storage.settings import AppSettings, save_settings
from drafting_app.yielding import aside, checkpoint

if TYPE_CHECKING:  # the editor, the templates and the readers load with the first draft
    from drafting_app.gui.document.draft_editor import DraftEditor
    from drafting_app.gui.files.word_import import WordImport

# A snapshot this long after the drafter stops typing …
RECOVERY_DELAY_MS = 1500
# … and at the latest this long after the first change not yet in a snapshot, typing or
# not: at most these seconds of work are lost when the process is killed.
RECOVERY_MAX_MS = 5000
FILE_FILTER = (
    f"Drafts and documents (*{SUFFIX} *.docx *.pdf *.txt *.md);;Drafts (*{SUFFIX});;"
    "Word documents (*.docx);;PDF or text (*.pdf *.txt *.md);;All files (*)"
)
# Opened as a draft from another delegation (imported: the file itself is never written).
IMPORTED_SUFFIXES = (".pdf", ".txt", ".md")
SAVE_FILTER = f"Drafts (*{SUFFIX});;All files (*)"
Answer = QMessageBox.StandardButton
T = TypeVar("T")


class OpenDraft:
    """A draft's editor with what the window keeps about it: recovery key, the file's
    fingerprint when opened or saved (the guard against changes by another program)."""

    def __init__(self, editor: DraftEditor, fingerprint: Fingerprint | None) -> None:
        self.editor = editor
        self.controller = editor.controller
        self.key = uuid.uuid4().hex[:12]
        self.fingerprint = fingerprint
        # Written by a newer version, or open in another window: Save goes to Save As.
        self.read_only = False
        # The project file's settings as read (a newer version's keys, an unknown body
        # profile): saved back as they were, with what this version changes on top.
        self.file_settings: dict[str, Any] = {}
        self.snapshot_timer = QTimer(editor)
        self.snapshot_timer.setSingleShot(True)
        self.snapshot_timer.setInterval(RECOVERY_DELAY_MS)
        self.unsnapped_since: float | None = None  # monotonic time of the first such change
        # In the window's tabs (and in front). A long draft opened from a file gets its tab
        # a few turns after the open (Drafts.add with in_turns): the keys, Undo and the
        # menus stay with the draft in front until then.
        self.shown = False

    def settings_to_save(self) -> dict[str, Any]:
        """The settings a save (or snapshot) writes: the file's, and the body profile in
        use unless the file named one this version does not know (kept for the newer
        version that wrote it)."""
        out = dict(self.file_settings)
        kept = out.get("profile")
        if not (isinstance(kept, str) and kept not in PROFILES):
            out["profile"] = self.controller.profile.key
        return out

    def note_change(self) -> None:
        """A change not in a snapshot yet: snapshot after the next pause, and never later
        than RECOVERY_MAX_MS after the first such change."""
        now = time.monotonic()
        if self.unsnapped_since is None:
            self.unsnapped_since = now
        left_ms = RECOVERY_MAX_MS - (now - self.unsnapped_since) * 1000
        self.snapshot_timer.start(int(max(0.0, min(RECOVERY_DELAY_MS, left_ms))))


EDITOR_MODULES = (
    "drafting_app.gui.document.document_controller",
    "drafting_app.gui.document.draft_editor",
)


def _import_editor() -> None:
    for name in EDITOR_MODULES:
        checkpoint()  # each begun while the window waits for events (drafting_app.yielding)
        if name not in sys.modules:
            with contextlib.suppress(Exception):  # imported again, and raised, where used
                importlib.import_module(name)


def _result(read: Outcome[T]) -> T:
    """The worker's result, or its error raised here on the UI thread (the errors a reader
    may raise are handled as if it had run here; anything else is a bug, raised too)."""
    if read.error is not None:
        raise read.error
    assert read.value is not None
    return read.value


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
        self.writer = SnapshotWriter(recovery, self.message.emit)
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
        # As a Word template opens: the caret where the first words go, the empty title
        # (its grey prompt says so), ready to type on the page.
        page = draft.editor.page
        if page.set_caret(("title",), 0):
            page.setFocus()
        return draft

    def add(
        self,
        doc: Document,
        path: Path | None,
        body: BodyProfile | None,
        fingerprint: Fingerprint | None,
        in_turns: bool = False,
    ) -> OpenDraft:
        """A tab for ``doc``, in front. With ``in_turns`` a long draft's open is spread
        over turns of the window (issue 21 §6: built in one turn, the editor, its page,
        outline and side panels, then its tab shown and painted, stalled the window
        50-60 ms): the editor and its page's first screen now, its side panels on the
        next turn, its tab (in front, the page focused) on the one after — ``shown``
        says when, :meth:`show_now` does it at once. Without it (or for a short draft)
        the tab is there when this returns."""
        from drafting_app.gui.document.document_controller import DocumentController
        from drafting_app.gui.document.draft_editor import DraftEditor

        controller = DocumentController(doc, path, body, self)
        controller.ladder_mode = self.settings.ladder
        controller.punctuation_mode = self.settings.punctuation
        editor = DraftEditor(controller, self.phrases, self.tabs, in_turns=in_turns)
        draft = OpenDraft(editor, fingerprint)
        self.open.append(draft)
        self.undo_group.addStack(controller.stack)
        editor.message.connect(self.message.emit)
        controller.modified_changed.connect(lambda _m: self._refresh_tab(draft))
        controller.path_changed.connect(lambda _p: self._refresh_tab(draft))
        controller.path_changed.connect(lambda _p: self._publish_open())
        controller.changed.connect(lambda _c: draft.note_change())
        draft.snapshot_timer.timeout.connect(lambda: self.write_snapshot(draft))
        if editor.complete:
            self.show_now(draft)
        else:  # after the editor's side panels, on a turn of its own
            later(editor, lambda: self.show_now(draft))
        return draft

    def show_now(self, draft: OpenDraft) -> None:
        """The draft's tab, in front with the page focused, if it is not there yet (and
        the draft not closed meanwhile)."""
        if draft.shown or draft not in self.open:
            return
        draft.shown = True
        editor = draft.editor
        editor.finish()
        self.tabs.addTab(editor, draft.controller.display_name())
        self.tabs.setCurrentWidget(editor)
        editor.page.setFocus()  # as in Word, the keys go to the page at once (not the outline)
        self._refresh_tab(draft)

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
                self.show_now(d)  # opened a moment ago, its tab still to come
                self.tabs.setCurrentWidget(d.editor)
                return d
        # The draft editor's modules are imported while the file is read (the first open of
        # a session, above all `drafting-app FILE`): imported in the open's own turn they
        # made it 20-40 ms longer (issue 21 §6).
        editor_imports = threading.Thread(target=aside(_import_editor), name="editor imports")
        editor_imports.start()
        read = read_in_worker(self.window, path.name, load_project, path, alongside=editor_imports)
        try:
            project = _result(read)
        except ReadingCancelled:
            self.message.emit(f"Opening {path.name} was cancelled.")
            return None
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
        body, notices = self._body_of(project.settings, path.name)
        read_only = project.read_only
        if project.notice:
            notices.insert(0, project.notice)
        if project.repairs:
            notices.append(project.repairs)
        elsewhere = self.recovery.lock.editing_elsewhere(path)
        if elsewhere is not None:
            read_only = True
            notices.insert(0, self._elsewhere_notice(path, elsewhere))
        draft = self.add(project.document, path, body, project.fingerprint, in_turns=True)
        draft.file_settings = dict(project.settings)
        draft.read_only = read_only
        self._refresh_tab(draft)
        # The session's list of open files and the settings (recent files) are written on
        # turns after the open's own (issue 21 §6): two small files, synced to disk, cost
        # that turn 10-25 ms on a busy machine.
        self.settings.add_recent(path)
        self.recent_changed.emit()
        later(self, self._publish_open)
        later(self, self._save_settings)
        if notices:
            self.show_now(draft)  # the warning is about this draft: its tab behind it
            self._warn("Opened read-only" if read_only else "Opened with a warning",
                       "\n\n".join(notices))  # fmt: skip
        return draft

    @staticmethod
    def _elsewhere_notice(path: Path, elsewhere: SessionInfo) -> str:
        return (
            f"{path.name} is open for editing in {describe(elsewhere)}. It is opened here "
            "read-only so that the two windows do not save over each other; use Save As "
            "to keep a copy of changes made here."
        )

    def _body_of(self, settings: dict[str, Any], name: str) -> tuple[BodyProfile, list[str]]:
        """The body profile a project's settings name, and what to tell the drafter: a
        profile this version does not know (a newer version wrote it) gives the default,
        with a warning; the unknown value is kept in the file on save."""
        key = settings.get("profile", self.settings.default_profile)
        if isinstance(key, str) and key in PROFILES:
            return PROFILES[key], []
        fallback = profile(self.settings.default_profile)
        shown = repr(key)[:60]
        return fallback, [
            f"{name} names the body profile {shown}, which this version does not know "
            f"(perhaps a newer version wrote it). It is checked as {fallback.name} for "
            "now; saving keeps the profile it names."
        ]

    def import_path(self, path: Path) -> OpenDraft | None:
        """A Word, PDF or text draft from another delegation, as a new unsaved draft (the
        file itself is never written to). A Word file shows its import report first."""
        from drafting_app.corpus.readers import read_document
        from drafting_app.gui.files.word_import import body_profile_of, is_word_file

        path = Path(path)
        if is_word_file(path):
            self.word_import.open(path)
            return None
        read = read_in_worker(self.window, path.name, read_document, path)
        try:
            doc = _result(read)
        except ReadingCancelled:
            self.message.emit(f"Importing {path.name} was cancelled.")
            return None
        except DraftingError as exc:
            self._warn("The file could not be imported", str(exc))
            return None
        body = body_profile_of(doc) or profile(self.settings.default_profile)
        draft = self.add(doc, None, body, None)
        draft.controller.imported_from = Path(path)
        draft.controller.stack.resetClean()  # nothing of it is saved as a draft yet
        self._refresh_tab(draft)
        notes: list[str] = [f"Repaired — {n}" for n in read.notes]
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
        elsewhere = self.recovery.lock.editing_elsewhere(path)
        if elsewhere is not None:
            self._warn("The draft was not saved", self._elsewhere_notice(path, elsewhere))
            return False
        expected = None
        if not new_name and draft.fingerprint is not None:
            expected = draft.fingerprint.sha256
        try:
            draft.fingerprint = save_project(
                controller.doc, path, draft.settings_to_save(), expected_hash=expected
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
        draft.unsnapped_since = None
        # Gone before Save returns (the save itself waited for the disk; a discard is an
        # unlink): no recovery copy of a saved draft is ever offered.
        self.writer.discard(draft.key)
        self.writer.flush()
        self._publish_open()
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
        self.writer.discard(draft.key)
        self.writer.flush()
        self.undo_group.removeStack(draft.controller.stack)
        self.open.remove(draft)
        if self.last is draft:
            self.last = None
        self._publish_open()
        self.tabs.removeTab(self.tabs.indexOf(draft.editor))
        draft.editor.deleteLater()
        # The controller is a child of this object: left alone it kept the closed draft's
        # whole model and undo history alive for the rest of the session, and every full
        # pass of the garbage collector walked them again (a long draft's 24,000 objects
        # per draft closed: 17 ms after one, 50 ms after four, issue 21 §6).
        draft.controller.deleteLater()
        # Its model's cycles are garbage now: collected on a turn of their own, not by
        # the full pass the next open's allocations set off in its own turn (19 ms of it
        # for a closed long draft's 34,000 objects).
        later(self, gc.collect)
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
    def write_snapshot(self, draft: OpenDraft, wait: bool = False) -> None:
        """Snapshot ``draft`` (its JSON taken now, written on the writer's thread; with
        ``wait``, written before this returns)."""
        draft.snapshot_timer.stop()
        draft.unsnapped_since = None
        if not draft.controller.modified:
            self.writer.discard(draft.key)
        else:
            self.writer.write(
                self.recovery.prepare(
                    draft.key,
                    draft.controller.doc,
                    draft.controller.path,
                    draft.settings_to_save(),
                    draft.fingerprint.sha256 if draft.fingerprint else None,
                )
            )
        if wait:
            self.writer.flush()

    def restore(self, snapshot: Snapshot) -> OpenDraft | None:
        """Open a snapshot a crashed session left as an unsaved draft (None when it cannot
        be read, or another window restored it first)."""
        claimed = self.recovery.claim(snapshot)
        if claimed is None:
            self.message.emit("That recovered draft was restored by another window.")
            return None
        try:
            project = RecoveryStore.restore(claimed)
        except DraftingError as exc:
            kept = set_aside(claimed.path)  # never removed with this session's own
            where = f" It was kept as {kept}." if kept else ""
            self._warn("The recovery copy could not be read", f"{exc}{where}")
            return None
        body, notices = self._body_of(project.settings, project.path.name if project.path
                                      else "The recovered draft")  # fmt: skip
        elsewhere = None
        if project.path is not None:
            elsewhere = self.recovery.lock.editing_elsewhere(project.path)
        if elsewhere is not None and project.path is not None:
            notices.insert(0, self._elsewhere_notice(project.path, elsewhere))
        # The fingerprint is the file's when the snapshot was taken: saving over a file
        # that changed since asks first.
        draft = self.add(project.document, project.path, body, project.fingerprint)
        draft.file_settings = dict(project.settings)
        draft.read_only = elsewhere is not None
        draft.controller.stack.resetClean()  # recovered work is not saved yet
        self._refresh_tab(draft)
        self._publish_open()
        # This session's snapshot first, then the old one goes: a crash in between leaves
        # the draft offered twice, never not at all.
        self.write_snapshot(draft, wait=True)
        RecoveryStore.remove(claimed)
        if notices:
            self._warn("Recovered with a warning", "\n\n".join(notices))
        return draft

    def _publish_open(self) -> None:
        """Tell other windows which project files this one has open for editing."""
        paths = [
            d.controller.path
            for d in self.open
            if d.controller.path is not None and not d.read_only
        ]
        self.recovery.lock.set_open(paths)

    def shutdown(self) -> None:
        """The window closes: finish the snapshot writes asked for."""
        self.writer.close()

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
        self._save_settings()
        self.recent_changed.emit()

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except (DraftingError, OSError) as exc:
            self.message.emit(f"Settings could not be saved: {exc}")

    def folder(self) -> str:
        """The folder file dialogs start in: that of the last draft opened or saved."""
        for recent in self.settings.recent_files:
            if Path(recent).parent.is_dir():
                return str(Path(recent).parent)
        return str(Path.home())

    def warn(self, title: str, text: str) -> None:
        """A warning that stays until read, without blocking the window."""
        self._warn(title, text)

    def _warn(self, title: str, text: str) -> None:
        # Window-modal but not blocking: the message stays until read, the event loop runs.
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, Answer.Ok, self.window)
        box.setObjectName("draftWarning")
        self.last_warning = box
        box.open()
