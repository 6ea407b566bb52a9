"""The checks panel: every finding of the checker on the open draft, grouped by severity,
re-run a moment after each change (debounced, so typing never waits for it). A finding
shows its code, where it is, what is wrong and the corpus evidence; clicking it goes there,
and its fix is applied through the controller (one step of the draft's undo history).

A draft's first check (and its first against a new corpus) judges every paragraph and
footnote — tens of milliseconds on a long draft, most of it registry look-ups — so it runs
on a worker thread (:class:`FirstCheck`), and its findings are shown only if the draft,
the corpus and the profile are still the ones it checked; later checks judge again only
what an edit touched, and run at once on the UI thread."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.checks.findings import (
    Finding,
    Fix,
    Severity,
    apply_fix,
    counts_of,
    place_of,
    summary,
)
from drafting_app.errors import DraftingError
from drafting_app.gui.common.rich_text_delegate import RICH_ROLE, RichTextDelegate
from drafting_app.gui.common.turns import hold, release
from drafting_app.model.places import paragraph_names
from drafting_app.yielding import aside

if TYPE_CHECKING:  # the checker and the edit commands load with the first draft
    from drafting_app.checks.facts import CorpusFacts
    from drafting_app.checks.profile import CheckProfile
    from drafting_app.checks.runner import Checker
    from drafting_app.gui.document.document_controller import DocumentController
    from drafting_app.model.changes import Edit
    from drafting_app.model.document import Document

RUN_DELAY_MS = 300
MEMO_THREAD = "check memo"
# The checks' memo of a draft (drafting_app.checks.memo) is written this long after its
# last check, on a worker: once the typing pauses, not on every keystroke.
MEMO_DELAY_MS = 3000
WAITING = "Reading the corpus references for the checks…"
CHECKING = "Checking the draft…"
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
FIX_SHORTCUT = "Alt+Return"
GROUPS = {
    Severity.ERROR: ("Errors", "#b00020"),
    Severity.WARNING: ("Warnings", "#a15c00"),
    Severity.INFO: ("Notes", "#1a4f8b"),
    Severity.SUGGESTION: ("Suggestions", "#2e6b30"),
}
Key = tuple[str, str, str, str]
Row = tuple[str, str, str, str]  # code, where, message, evidence and fix


def finding_tip(f: Finding) -> str:
    """A finding row's tooltip: its code, message, evidence and fix."""
    tip = f"<b>{escape(f.code)}</b> — {escape(f.message)}"
    if f.evidence:
        tip += f"<br/><i>{escape(f.evidence)}</i>"
    if f.fix is not None:
        tip += f"<br/>Fix: {escape(f.fix.description or f.fix.new_text)}"
    return tip


def finding_key(f: Finding) -> Key:
    """What identifies a finding from one run to the next (positions move as one types)."""
    loc = f.location
    return (f.code, loc.paragraph_id, loc.footnote_id, f.message)


def fix_edit(doc: Document, finding: Finding, fix: Fix) -> Edit:
    """The finding's fix as an edit of the paragraph or footnote it corrects (marks and
    italics carried along); DraftingError when the text changed since the check ran."""
    from drafting_app.model.edits import EditFootnote, SetText

    fixed = apply_fix(doc, fix)
    label = f"Fix {finding.code}"
    if fix.footnote:
        note = fixed.footnote(fix.target_id)
        edit: Edit = EditFootnote(note.id, note.text, note.italics)
        edit.label = label
        return edit
    p = fixed.paragraph(fix.target_id)
    return SetText(p.id, p.text, p.italics, p.anchors, mergeable=False, label=label)


def profile_of(doc: Document, repeat_rule: str) -> CheckProfile:
    """The checks' profile of ``doc`` (its body's), with the footnote repeat rule chosen
    for every draft ("": the body's own)."""
    from drafting_app.checks.profile import profile_for, with_repeat_rule

    profile = profile_for(doc)
    return with_repeat_rule(profile, repeat_rule) if repeat_rule else profile


@dataclass(eq=False)
class FirstCheck:
    """A draft's first check, run on a worker thread with a checker of its own (which the
    draft keeps once the run is accepted); the checks' modules are loaded there too.
    ``dirty`` as soon as the draft changes: the worker may have read it half-edited, so
    neither its findings nor its checker are used (only the UI thread edits a draft; the
    worker only reads it)."""

    controller: DocumentController
    facts: CorpusFacts
    repeat_rule: str
    keep: Key | None
    # The draft's file (drafting_app.checks.memo.draft_identity), read on the UI thread;
    # None for a draft never saved: no memo.
    draft: str | None = None
    dirty: bool = False
    checker: Checker | None = None
    profile: CheckProfile | None = None
    findings: list[Finding] = field(default_factory=list)
    error: DraftingError | None = None
    failure: Exception | None = None

    def mark(self, _changes: object = None) -> None:
        self.dirty = True

    def work(
        self,
        done: Callable[[FirstCheck], object],
        remembered: Callable[[FirstCheck, list[Finding]], object],
    ) -> None:
        try:
            from drafting_app.checks import memo
            from drafting_app.checks.runner import Checker

            self.profile = profile_of(self.controller.doc, self.repeat_rule)
            reopened = None
            if self.draft is not None:
                # What the last check of this draft found, in another session, when the
                # draft is the very document it checked: shown at once. The check still
                # runs, for the checker the next checks start from — seeded with what the
                # draft's checker kept then, so it judges again only what changed since.
                doc = self.controller.doc
                reopened = memo.reopen(self.draft, self.facts, self.profile, doc)
                if reopened is not None and reopened.findings is not None:
                    with contextlib.suppress(RuntimeError):  # the panel has gone
                        remembered(self, reopened.findings)
            self.checker = Checker()
            seed = reopened.seed() if reopened is not None else None
            if seed is not None:
                self.checker.seed(self.facts, self.profile, seed)
            self.findings = self.checker.run(self.controller.doc, self.facts, self.profile)
        except DraftingError as exc:
            self.error = exc
        except Exception as exc:  # half-edited draft, or a bug: judged on the UI thread
            self.failure = exc
        with contextlib.suppress(RuntimeError):  # the panel has gone meanwhile
            done(self)


class FindingTree(QTreeWidget):
    """The findings; Return goes to the selected one, Alt+Return applies its fix."""

    go_requested = Signal()
    fix_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.fix_requested.emit()
            else:
                self.go_requested.emit()
            return
        super().keyPressEvent(event)


class ChecksPanel(QWidget):
    """Follows the current draft. ``activated(Finding)`` asks the window to show where a
    finding is; ``checked(int)`` reports each run with the number of findings."""

    activated = Signal(object)
    checked = Signal(int)
    message = Signal(str)
    _first_done = Signal(object)  # a FirstCheck, from its worker thread
    _remembered = Signal(object, object)  # a FirstCheck and its draft's memo's findings

    def __init__(
        self, facts: Callable[[], CorpusFacts | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.facts = facts
        self.repeat_rule = ""  # the footnote repeat rule chosen for every draft ("": the body's)
        self.controller: DocumentController | None = None
        self.findings: list[Finding] = []
        # The draft whose findings these are (None before its first run).
        self.checked_for: DocumentController | None = None
        # The finding selected in each draft left, selected again on return.
        self._kept: WeakKeyDictionary[DocumentController, Key | None] = WeakKeyDictionary()
        # Each draft's checker keeps its per-paragraph findings between runs, so a run
        # after an edit recomputes only the paragraphs and notes whose text or place changed.
        self._checkers: WeakKeyDictionary[DocumentController, Checker] = WeakKeyDictionary()
        # The corpus facts and the profile each draft's checker was last run with: with
        # another corpus or profile it judges everything again, so that run is a first
        # check too, on the worker.
        self._basis: WeakKeyDictionary[DocumentController, tuple[CorpusFacts, CheckProfile]] = (
            WeakKeyDictionary()
        )
        # The first check of each draft under way on a worker thread.
        self._first: WeakKeyDictionary[DocumentController, FirstCheck] = WeakKeyDictionary()
        self._threads: list[threading.Thread] = []
        self._first_done.connect(self._first_checked, Qt.ConnectionType.QueuedConnection)
        self._remembered.connect(self._memo_found, Qt.ConnectionType.QueuedConnection)
        # Whether the findings shown are those the draft's memo held (its first check
        # still under way on its worker).
        self.from_memo = False
        self._shown: list[tuple[Severity, Row]] = []
        self.stale = False
        self.runs = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RUN_DELAY_MS)
        self._timer.timeout.connect(self.run_now)
        # The digest of each draft as its memo was last written (not written again unchanged).
        self._saved: WeakKeyDictionary[DocumentController, str] = WeakKeyDictionary()
        self._memo_timer = QTimer(self)
        self._memo_timer.setSingleShot(True)
        self._memo_timer.setInterval(MEMO_DELAY_MS)
        self._memo_timer.timeout.connect(self.save_memo)
        self.summary = QLabel(self)
        self.summary.setObjectName("checksSummary")
        self.check_button = QPushButton("Check", self)
        self.check_button.setToolTip("Run every check now (Shift+F7)")
        self.check_button.clicked.connect(self.run_now)
        self.tree = FindingTree(self)
        self.tree.setObjectName("findingTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Code", "Where", "Finding"])
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.header().setStretchLastSection(True)
        self.tree.setItemDelegateForColumn(2, RichTextDelegate(self.tree))
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 120)
        self.details = QLabel(self)
        self.details.setObjectName("findingDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix_button = QPushButton("Fix", self)
        self.fix_button.setObjectName("fixButton")
        self.fix_button.setToolTip(f"Apply the correction ({FIX_SHORTCUT}); Ctrl+Z takes it back")
        self.fix_button.clicked.connect(self.fix_selected)
        self._build_layout()
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemDoubleClicked.connect(self._on_clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._show_details())
        self.tree.go_requested.connect(self.go_to_selected)
        self.tree.fix_requested.connect(self.fix_selected)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.viewport().installEventFilter(self)
        self._show()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.check_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.details, 1)
        bottom.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)

    # -- following the draft ----------------------------------------------------------------
    def follow(self, controller: DocumentController | None) -> None:
        """Show ``controller``'s draft: its findings only. The rows of the draft left are
        cleared first (they index that draft's findings), and the finding selected in
        each draft is selected again when the drafter comes back to it."""
        if controller is self.controller:
            return
        if self.controller is not None:
            self.controller.changed.disconnect(self._schedule)
            keep = self.selected_finding()
            self._kept[self.controller] = finding_key(keep) if keep else None
        self._timer.stop()
        if self._memo_timer.isActive():
            self.save_memo()
        self.controller = controller
        self.findings = []
        self.checked_for = None
        self._shown = []
        self.tree.clear()
        self.stale = controller is not None
        if controller is not None:
            controller.changed.connect(self._schedule)
            self.run_now(keep=self._kept.get(controller))
        else:
            self._show()

    def _schedule(self, _changes: object) -> None:
        self.stale = True
        if self.isVisible():  # a hidden panel checks when it is shown again
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale and self.controller is not None:
            self._timer.start()

    def run_now(self, keep: Key | None = None) -> None:
        """Check the draft now (Shift+F7), keeping the selected finding (or ``keep``) selected;
        a draft's first check is started on a worker thread (its findings come later)."""
        self._timer.stop()
        controller = self.controller
        if controller is None:
            return
        if controller in self._first:
            # Its first check is under way: its findings are shown when it is done, or it
            # is started again if the draft changed meanwhile.
            self.stale = True
            self.summary.setText(CHECKING)
            return
        if keep is None and (selected := self.selected_finding()) is not None:
            keep = finding_key(selected)
        try:
            facts = self.facts()
            if facts is None:
                # The corpus references are being read on a worker thread (seconds on a
                # large corpus); the owner runs the checks again when they are there.
                self.stale = True
                self.summary.setText(WAITING)
                return
            checker = self._checkers.get(controller)
            if checker is None:
                self._start_first(self._first_check(controller, facts, keep))
                return
            profile = profile_of(controller.doc, self.repeat_rule)
            basis = self._basis.get(controller)
            if basis is None or basis[0] is not facts or basis[1] != profile:
                # another corpus or profile: the checker would judge everything again
                self._start_first(self._first_check(controller, facts, keep))
                return
            self.findings = checker.run(controller.doc, facts, profile)
        except DraftingError as exc:
            self.message.emit(f"The checks could not run: {exc}")
            return
        self._checked(keep)

    def _checked(self, keep: Key | None) -> None:
        self.checked_for = self.controller
        self.from_memo = False
        self.stale = False
        self.runs += 1
        self._show(keep)
        self.checked.emit(len(self.findings))
        if self.controller is not None and self.controller.path is not None:
            self._memo_timer.start()

    def _first_check(
        self, controller: DocumentController, facts: CorpusFacts, keep: Key | None
    ) -> FirstCheck:
        from drafting_app.checks.memo import draft_identity

        path = controller.path
        draft = draft_identity(path) if path is not None else None
        return FirstCheck(controller, facts, self.repeat_rule, keep, draft)

    def save_memo(self) -> None:
        """Keep what the last check of the draft in front found, and what its checker kept,
        for its next session (drafting_app.checks.memo): taken here (what the checker holds
        is replaced by its next run, never changed), digested and written on a worker."""
        from drafting_app.checks import memo

        self._memo_timer.stop()
        controller = self.checked_for
        if controller is None or controller.path is None:
            return
        basis = self._basis.get(controller)
        if basis is None:
            return
        if self.stale or controller is not self.controller:
            return  # the findings shown are not of the draft as it is: at the next check
        draft = memo.draft_identity(controller.path)
        checker = self._checkers.get(controller)
        # what seeds the checker of the draft's next session (digested on the worker)
        kept = checker.kept(*basis) if checker is not None else None
        snap = memo.snapshot(draft, basis[0], basis[1], controller.doc, self.findings, kept)
        if self._saved.get(controller) == snap.digest:
            return
        self._saved[controller] = snap.digest
        thread = threading.Thread(target=memo.save, args=(snap,), name=MEMO_THREAD, daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    # -- a draft's first check, on a worker thread --------------------------------------------
    def _start_first(self, run: FirstCheck) -> None:
        self.stale = True
        self.summary.setText(CHECKING)
        self._first[run.controller] = run
        run.controller.changed.connect(run.mark)
        thread = threading.Thread(
            target=aside(run.work),  # pauses while a turn of the window runs (issue 21 §6)
            args=(self._first_done.emit, self._remembered.emit),
            name="first check",
            daemon=True,
        )
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        # The window's turns are busy until it is back: a long draft's preview is made and
        # the dictionary read after it, not beside it (issue 21 §6).
        hold(self)
        thread.start()

    def _same_basis(self, run: FirstCheck) -> bool:
        """Whether ``run`` checked against the corpus and repeat rule of now."""
        try:
            return self.facts() is run.facts and self.repeat_rule == run.repeat_rule
        except DraftingError:
            return False

    def _memo_found(self, run: FirstCheck, findings: list[Finding]) -> None:
        """The findings a draft's memo held for it as it is (UI thread), shown while its
        first check runs, if that draft is in front, unchanged, with the same corpus."""
        if self._first.get(run.controller) is not run or run.dirty:
            return
        if run.controller is not self.controller:
            return
        if not self._same_basis(run):
            return
        self.findings = findings
        self.checked_for = self.controller
        self.from_memo = True
        self.runs += 1
        self._show(run.keep)
        self.summary.setText(summary(self.counts()))
        self.checked.emit(len(self.findings))

    def _first_checked(self, run: FirstCheck) -> None:
        """A first check is done (UI thread): kept and shown if what it checked is still
        the draft, the corpus and the profile; else started again."""
        controller = run.controller
        if self._first.get(controller) is run:
            del self._first[controller]
        if not self._first:
            release(self)
        with contextlib.suppress(RuntimeError):  # the draft was closed meanwhile
            controller.changed.disconnect(run.mark)
        current = controller is self.controller
        if run.dirty:
            if current:
                self._timer.start()  # again once the typing pauses
            return
        if not current:
            if run.checker is not None and run.profile is not None and run.failure is None:
                self._checkers[controller] = run.checker  # ready for when it is in front
                self._basis[controller] = (run.facts, run.profile)
            return
        if not self._same_basis(run):
            self.run_now(run.keep)
            return
        if run.failure is not None:
            raise run.failure  # not the draft changing under it: a bug, as on the UI thread
        if run.error is not None:
            self.message.emit(f"The checks could not run: {run.error}")
            return
        assert run.checker is not None and run.profile is not None
        self._checkers[controller] = run.checker
        self._basis[controller] = (run.facts, run.profile)
        self.findings = run.findings
        selected = self.selected_finding()
        self._checked(finding_key(selected) if selected is not None else run.keep)

    def finish_memo(self, timeout: float = 5.0) -> bool:
        """Write now a memo still waiting for its moment, and wait for the memo writes
        under way (their threads are daemons: a quit would cut them short, and the next
        session would check the draft cold). True when none is left."""
        if self._memo_timer.isActive():
            self.save_memo()
        writers = [t for t in self._threads if t.name == MEMO_THREAD]
        for thread in writers:
            thread.join(timeout)
        return not any(t.is_alive() for t in writers)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the first checks under way (tests, shutdown); True when none is left.
        Their findings still arrive through the event loop."""
        for thread in list(self._threads):
            thread.join(timeout)
        return not any(t.is_alive() for t in self._threads)

    # -- showing ----------------------------------------------------------------------------
    def counts(self) -> dict[Severity, int]:
        return counts_of(self.findings)

    def _show(self, keep: Key | None = None) -> None:
        if self.controller is None:
            self.tree.clear()
            self._shown = []
            self.summary.setText("Open a draft to check it.")
            self._show_details()
            return
        self.summary.setText(summary(self.counts()))
        names = paragraph_names(self.controller.doc)
        rows = [(f, self._row(f, names)) for f in self.findings]
        shown = [(f.severity, row) for f, row in rows]
        # While typing, most runs find what the last one found (only positions moved):
        # the rows stay, they now stand for the new findings (rows hold list positions).
        if shown != self._shown:
            self._shown = shown
            self._rebuild(rows, keep)
        self._show_details()

    def _row(self, f: Finding, names: dict[str, str]) -> Row:
        where = place_of(f, names)
        fix = f.fix.description or f.fix.new_text if f.fix is not None else ""
        return f.code, where, f.message, f.evidence + "\0" + fix

    def _rebuild(self, rows: list[tuple[Finding, Row]], keep: Key | None) -> None:
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        groups: list[QTreeWidgetItem] = []
        selected: QTreeWidgetItem | None = None
        for severity, (title, colour) in GROUPS.items():
            mine = [(i, r) for i, r in enumerate(rows) if r[0].severity is severity]
            if not mine:
                continue
            group = QTreeWidgetItem([f"{title} ({len(mine)})"])
            group.setFont(0, bold)
            group.setForeground(0, QBrush(QColor(colour)))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            items = [self._item(i, f, row) for i, (f, row) in mine]
            group.addChildren(items)
            groups.append(group)
            if keep is not None:
                selected = next(
                    (
                        it
                        for it, (_, r) in zip(items, mine, strict=True)
                        if finding_key(r[0]) == keep
                    ),
                    selected,
                )
        self.tree.addTopLevelItems(groups)
        for group in groups:
            group.setFirstColumnSpanned(True)
            group.setExpanded(True)
        if selected is not None:
            self.tree.setCurrentItem(selected)
        self.tree.setUpdatesEnabled(True)

    def _item(self, index: int, f: Finding, row: Row) -> QTreeWidgetItem:
        # As few calls into Qt as can be: a long draft has a thousand findings, and each
        # call lets a busy worker thread take the interpreter lock (tooltips are made
        # when asked for, in eventFilter).
        code, where, message, _ = row
        text = message + (f"\n{f.evidence}" if f.evidence else "")
        item = QTreeWidgetItem([code, where, text])
        item.setData(0, FINDING_ROLE, index)
        evidence = f"<br/><span class='quiet'>{escape(f.evidence)}</span>"
        item.setData(2, RICH_ROLE, escape(message) + (evidence if f.evidence else ""))
        return item

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(event, QHelpEvent)
            and watched is self.tree.viewport()
        ):
            f = self.finding_of(self.tree.itemAt(event.pos()))
            if f is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), finding_tip(f), self.tree.viewport())
            return True
        return super().eventFilter(watched, event)

    def _show_details(self) -> None:
        f = self.selected_finding()
        self.fix_button.setEnabled(f is not None and f.fix is not None)
        if f is None:
            self.details.setText("Click a finding to go to it.")
            return
        html = f"<b>{escape(f.code)}</b> ({f.severity}): {escape(f.message)}"
        if f.evidence:
            html += f"<br/><span style='color:#555'>Evidence: {escape(f.evidence)}</span>"
        if f.fix is not None:
            html += f"<br/>Fix: {escape(f.fix.description or repr(f.fix.new_text))}"
        self.details.setText(html)

    # -- acting -----------------------------------------------------------------------------
    def finding_of(self, item: QTreeWidgetItem | None) -> Finding | None:
        """The finding a row stands for now (None for a group row)."""
        index = item.data(0, FINDING_ROLE) if item is not None else None
        if not isinstance(index, int) or not 0 <= index < len(self.findings):
            return None
        return self.findings[index]

    def selected_finding(self) -> Finding | None:
        return self.finding_of(self.tree.currentItem())

    def finding_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is not None:
                out += [c for i in range(group.childCount()) if (c := group.child(i)) is not None]
        return out

    def _on_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        value = self.finding_of(item)
        if value is not None:
            self.activated.emit(value)

    def go_to_selected(self) -> None:
        f = self.selected_finding()
        if f is not None:
            self.activated.emit(f)

    def step(self, by: int) -> None:
        """Next (F8) or previous (Shift+F8) finding, in document order within its group."""
        items = self.finding_items()
        if not items:
            return
        current = self.tree.currentItem()
        index = items.index(current) if current in items else (-1 if by > 0 else 0)
        item = items[(index + by) % len(items)]
        self.tree.setCurrentItem(item)
        self._on_clicked(item, 0)

    def fix_selected(self) -> bool:
        """Apply the selected finding's fix as one undoable edit, then check again."""
        f = self.selected_finding()
        if f is None or f.fix is None or self.controller is None:
            return False
        if self.checked_for is not self.controller:
            return False  # never another draft's finding
        if self.stale:  # the text changed since this run: fix what the text says now
            key = finding_key(f)
            self.run_now()
            f = next((g for g in self.findings if finding_key(g) == key), None)
            if f is None or f.fix is None:
                self.message.emit("The text changed; that finding is gone.")
                return False
        assert f.fix is not None
        try:
            edit = fix_edit(self.controller.doc, f, f.fix)
        except DraftingError as exc:
            self.message.emit(str(exc))
            return False
        if not self.controller.apply(edit, fixes=False):
            return False
        self.run_now()
        self.message.emit(f"Fixed {f.code}: {f.fix.description or f.fix.new_text}")
        return True

    def _context_menu(self, pos: QPoint) -> None:
        # A scroll area reports the position in its viewport's coordinates.
        item = self.tree.itemAt(pos) or self.tree.currentItem()
        if item is None or self.finding_of(item) is None:
            return
        self.tree.setCurrentItem(item)
        f = self.selected_finding()
        assert f is not None
        menu = QMenu(self)
        menu.addAction("Go to", self.go_to_selected)
        fix = QAction(
            f"Fix: {f.fix.description or f.fix.new_text}" if f.fix else "No automatic fix", menu
        )
        fix.setShortcut(QKeySequence(FIX_SHORTCUT))
        fix.setEnabled(f.fix is not None)
        fix.triggered.connect(self.fix_selected)
        menu.addAction(fix)
        menu.popup(self.tree.viewport().mapToGlobal(pos))
