"""One open draft: its document, its file, its body profile and ONE undo stack.

The one path for every change (ARCHITECTURE.md): widget → :meth:`DocumentController.apply`
→ ``QUndoStack.push(EditCommand)`` → ``Edit.apply`` → :class:`ChangeSet` → ``changed``
→ outline, editor, preview and title bar refresh what they need. Widgets never mutate the
model.
"Modified" is the undo stack's clean state.

(PySide6 6.12.0 drops a reference to ``None``/``True`` on every call of a Python
``QUndoCommand.redo``/``undo``/``mergeWith`` and on every bool signal argument under
CPython 3.11, and the interpreter aborts after a few hundred keystrokes; pyproject.toml
keeps PySide6 below 6.12 for that reason.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from drafting_app.citations.keeping import broken_by, with_reference_rewrites
from drafting_app.errors import DraftingError
from drafting_app.model.changes import ChangeSet, Compound, Edit
from drafting_app.model.conventions import FixMode, fixes_after, with_fixes
from drafting_app.model.document import Document
from drafting_app.model.fix_report import fix_report
from drafting_app.model.number_cache import NumberCache
from drafting_app.model.profiles import DEFAULT_PROFILE, BodyProfile, profile
from drafting_app.model.text_edits import EditFootnote, SetMasthead, SetText

TYPING_ID = 1


class EditCommand(QUndoCommand):
    """An :class:`Edit` on the undo stack. It arrives already applied (so a refused edit
    never reaches the stack); redo/undo after that call ``apply``/``revert``.

    Typing in one paragraph merges into one step; the ladder fixes that end a typing burst
    (``closes``) merge into it too, so one undo takes back the words and their
    consequences. Qt never merges into the command that was saved (the clean state).
    """

    def __init__(
        self,
        controller: DocumentController,
        edit: Edit,
        changes: ChangeSet,
        closes: str = "",
        typed: bool = False,
    ) -> None:
        super().__init__(edit.label)
        self.controller = controller
        self.edit = edit
        self._pending: ChangeSet | None = changes
        self.closes = closes
        self.closed = bool(closes)
        self.typed = typed  # typed on the page (a note, the title): bursts merge

    def id(self) -> int:
        typing = isinstance(self.edit, SetText) and self.edit.mergeable
        return TYPING_ID if typing or self.closes or self.typed else -1

    def typing_target(self) -> str:
        """What this command's typing burst is in (a paragraph id, "note:<id>", "title"
        …), or "" when it gathers no more typing."""
        if self.closed:
            return ""
        if pid := self.typing_paragraph():
            return pid
        return _target(self.edit) if self.typed else ""

    def typing_paragraph(self) -> str:
        """The paragraph whose typing burst this command still gathers, or ""."""
        if self.closed or not isinstance(self.edit, SetText) or not self.edit.mergeable:
            return ""
        return self.edit.pid

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or not self.typing_target():
            return False
        if self.typed:
            return (
                other.typed
                and other.typing_target() == self.typing_target()
                and (self.edit.merge(other.edit))
            )
        if other.closes:
            if other.closes != self.edit_pid():
                return False
            self.edit = Compound([self.edit, other.edit], label=self.edit.label)
            self.closed = True
            return True
        return self.edit.merge(other.edit)

    def edit_pid(self) -> str:
        return self.edit.pid if isinstance(self.edit, SetText) else ""

    def redo(self) -> None:
        if self._pending is not None:
            changes, self._pending = self._pending, None
        else:
            changes = self.edit.apply(self.controller.doc)
        self.controller.tell(changes)

    def undo(self) -> None:
        self.controller.tell(self.edit.revert(self.controller.doc))


def _target(edit: Edit) -> str:
    """The burst a typed edit outside the paragraphs belongs to."""
    if isinstance(edit, EditFootnote):
        return f"note:{edit.fid}"
    if isinstance(edit, SetMasthead):
        return "mh:" + ",".join(sorted(edit.values))
    return type(edit).__name__


class DocumentController(QObject):
    """Owns a draft while it is open. ``changed(ChangeSet)`` after every edit, undo and
    redo; ``failed(message)`` when an edit is refused (the document is left as it was)."""

    changed = Signal(object)
    failed = Signal(str)
    modified_changed = Signal(bool)
    path_changed = Signal(object)
    modes_changed = Signal()
    notice = Signal(str)

    def __init__(
        self,
        doc: Document,
        path: Path | None = None,
        body: BodyProfile | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path
        self.profile = body or profile(DEFAULT_PROFILE)
        self.imported_from: Path | None = None  # a Word/PDF/text file it was read from
        self.ladder_mode = FixMode.AUTO
        self.punctuation_mode = FixMode.AUTO
        self.numbers = NumberCache(doc)  # labels and note numbers, once per change
        self.last_report = ""  # what the conventions changed with the last applied edit
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self._clean_changed)

    def tell(self, changes: ChangeSet) -> None:
        """What an edit, undo or redo changed: the derived numbers forget what it may
        have moved, then every view hears of it."""
        self.numbers.after(changes)
        self.changed.emit(changes)

    def set_mode(self, name: str, mode: FixMode) -> None:
        """``ladder`` or ``punctuation``: Automatic, Suggest Only or Off from now on."""
        setattr(self, f"{name}_mode", mode)
        self.modes_changed.emit()

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- editing -----------------------------------------------------------------------------
    def apply(self, edit: Edit, *, fixes: bool = True) -> bool:
        """Apply ``edit`` (with the ladder and punctuation fixes it makes necessary, in the
        same undo step) and push it; False, with ``failed`` emitted, if it was refused."""
        self.end_typing()
        edit = with_reference_rewrites(self.doc, edit)  # "paragraph 3 above" follows moves
        report = self.last_report = ""
        if fixes:
            try:
                fixed = with_fixes(
                    self.doc,
                    edit,
                    self.profile,
                    ladder=self.ladder_mode,
                    punctuation=self.punctuation_mode,
                )
            except DraftingError as exc:
                self.failed.emit(str(exc))
                return False
            if fixed is not edit and isinstance(fixed, Compound):
                report = fix_report(fixed.edits[1:])
            edit = fixed
        if not self._push(edit):
            return False
        if report:  # the conventions changed words the drafter did not type: say so
            self.last_report = report
            self.notice.emit(report)
        self._tell_broken(edit)
        return True

    def _tell_broken(self, edit: Edit) -> None:
        """At the moment of the deletion, say which references lost their paragraph."""
        marks = broken_by(edit)
        if not marks:
            return
        quoted = [
            f"“{self.doc.paragraph(m.pid).text[r.start : r.end]}”" for m in marks for r in m.refs
        ]
        n = len(quoted)
        self.notice.emit(
            f"{', '.join(quoted)} referred to the deleted paragraph: "
            f"{'it is' if n == 1 else 'they are'} listed in the Checks panel (Ctrl+Z undoes)."
        )

    def type_text(self, edit: Edit) -> bool:
        """A keystroke's worth of text: merges with the typing burst in the same paragraph
        (or the same footnote, title, masthead line: one undo step per burst)."""
        typed = not isinstance(edit, SetText)
        target = _target(edit) if typed else getattr(edit, "pid", "")
        top = self._top()
        if top is not None and top.typing_target() not in ("", target):
            self.end_typing()
        return self._push(edit, typed=typed)

    def _push(self, edit: Edit, closes: str = "", typed: bool = False) -> bool:
        """Apply, then push the applied edit: a refused edit never reaches the stack."""
        try:
            changes = edit.apply(self.doc)
        except DraftingError as exc:
            self.failed.emit(str(exc))
            return False
        self.stack.push(EditCommand(self, edit, changes, closes, typed))
        return True

    def end_typing(self) -> None:
        """Close the typing burst: the verb ladder of a retyped opener is put right, in the
        same undo step as the typing."""
        top = self._top()
        pid = top.typing_paragraph() if top is not None else ""
        if top is not None and not pid:
            top.closed = True  # a burst in a note or the title: nothing to put right
            return
        if top is None or not pid:
            return
        fixes: list[Edit] = []
        if self.ladder_mode is FixMode.AUTO:
            typed = ChangeSet(changed_ids=frozenset({pid}))
            fixes = fixes_after(self.doc, top.edit, self.profile, structural=False, changes=typed)
        if not fixes:
            top.closed = True
            return
        # A fix that no longer fits is refused: the text stays as typed.
        if self._push(Compound(fixes, label="Verb ladder"), closes=pid) and fix_report(fixes):
            self.notice.emit(fix_report(fixes))

    def _top(self) -> EditCommand | None:
        """The command on top of the stack (None after an undo: nothing to merge into)."""
        index = self.stack.index()
        if index == 0 or index != self.stack.count():
            return None
        cmd = self.stack.command(index - 1)
        return cmd if isinstance(cmd, EditCommand) else None

    # -- state ------------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return not self.stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.end_typing()
        if path != self.path:
            self.path = path
            self.path_changed.emit(path)
        self.stack.setClean()

    def display_name(self) -> str:
        """The file name, or what the draft is while it has none."""
        if self.path is not None:
            return self.path.name
        if self.imported_from is not None:
            # Named after the file it came from until saved as a draft: the drafter sees
            # it is a copy of the Word/PDF file, not that file.
            return f"{self.imported_from.name} (imported)"
        symbol = self.doc.masthead.symbol if self.doc.masthead else ""
        return symbol or "Untitled draft"
