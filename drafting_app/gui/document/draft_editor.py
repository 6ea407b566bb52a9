"""The draft editor: the outline (preamble / operative / (a) / (i), then each annex) as the
navigator with, under it, the properties of the paragraph the caret is in (its place,
opening phrase, footnotes, where it came from) and the masthead form; beside them the page
the drafter writes on (:mod:`page_view`). The paragraph commands — new, delete, move (drag
and drop, Alt+Up/Down), indent/outdent (Tab/Shift+Tab), convert preambular ⇄ operative (not
in an annex) — and Add Annex / Add Heading all become edits through the controller; numbers
are derived, so they follow at once. An annex row or heading row opens the annex form in
the side panel. The text itself is written only on the page: there is no second place to
edit a paragraph."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from drafting_app.errors import EditError
from drafting_app.gui.common.roles import PARAGRAPH_ID_ROLE
from drafting_app.gui.common.segment_delegate import SegmentDelegate
from drafting_app.gui.common.turns import later
from drafting_app.gui.document.annex_commands import (
    add_annex,
    add_heading,
    after_current_block,
    delete_annex,
    delete_heading,
    outline_menu,
)
from drafting_app.gui.document.annex_form import AnnexForm
from drafting_app.gui.document.annex_numbering import add_numbering_menu
from drafting_app.gui.document.clause_copy import copy_with_notes, part_of
from drafting_app.gui.document.conventions_menu import hint, pending
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.find_bar import FindBar
from drafting_app.gui.document.footnote_panel import FootnotePanel
from drafting_app.gui.document.masthead_form import MastheadForm
from drafting_app.gui.document.outline_model import (
    ANNEX_ROLE,
    HEADING_ROLE,
    PART_ROLE,
    OutlineModel,
)
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.gui.document.paragraph_facts import opener_hint, origin_line
from drafting_app.gui.document.section_headings import add_section_menu
from drafting_app.model.annex_edits import annex_name
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Document, Paragraph, Part
from drafting_app.model.edits import (
    ConvertPart,
    DeleteParagraph,
    Indent,
    InsertParagraph,
    MoveParagraph,
    Outdent,
)
from drafting_app.model.tree import Location, annex_of, locate, siblings
from drafting_app.phrases import PhraseBook

if TYPE_CHECKING:  # the revision tools load with the first draft that revises a base
    from drafting_app.gui.document.changes_panel import ChangesPanel
    from drafting_app.gui.document.revision_marks import RevisionMarks

KEY_HINTS = (
    "Return: new paragraph · Backspace at the start: join · Tab / Shift+Tab: indent / "
    "outdent · Alt+↑ / Alt+↓: move · Ctrl+Shift+P: preambular ⇄ operative · Ctrl+I: italics "
    "· Ctrl+Alt+F: footnote · Ctrl+F / Ctrl+H: find / replace · Ctrl+Z: undo"
)


class OutlineView(QTreeView):
    """The outline tree; Tab/Shift+Tab indent and outdent, Delete removes."""

    indent_requested = Signal()
    outdent_requested = Signal()
    delete_requested = Signal()

    def event(self, e: QEvent) -> bool:
        # Qt moves the focus on Tab before keyPressEvent sees it: here Tab indents.
        tab = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if e.type() == QEvent.Type.KeyPress and isinstance(e, QKeyEvent) and e.key() in tab:
            self.keyPressEvent(e)
            return True
        return super().event(e)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Tab:
            self.indent_requested.emit()
        elif key == Qt.Key.Key_Backtab:
            self.outdent_requested.emit()
        elif key == Qt.Key.Key_Delete:
            self.delete_requested.emit()
        else:
            super().keyPressEvent(event)


class DraftEditor(QWidget):
    """One open draft's editing surface (a tab of the main window)."""

    message = Signal(str)

    def __init__(
        self,
        controller: DocumentController,
        phrases: PhraseBook | None = None,
        parent: QWidget | None = None,
        in_turns: bool = False,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = OutlineModel(controller, self)
        self.outline = OutlineView(self)
        self.outline.setObjectName("draftOutline")
        self.outline.setModel(self.model)
        self.outline.setItemDelegate(SegmentDelegate(self.outline))
        self.outline.setHeaderHidden(True)
        # Every row is one line (SegmentDelegate): Qt need not measure 800 rows to lay out.
        self.outline.setUniformRowHeights(True)
        self.outline.setIndentation(16)
        self.outline.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.outline.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.outline.setDropIndicatorShown(True)
        self.page = DocumentView(controller, phrases, self)
        self.page.menu_sections.append(partial(add_section_menu, self.page))
        self.page.menu_sections.append(partial(add_numbering_menu, self.page))
        self.phrases = self.page.typing.phrases
        self.page.message.connect(self.message.emit)
        controller.failed.connect(self.message.emit)
        controller.notice.connect(self.message.emit)
        self._remembered = ""
        self.note_chosen: Callable[[str], None] | None = None  # the window's Footnotes panel
        self.complete = False
        if in_turns and self.page.building:
            # A long draft opened from a file (issue 21 §6): the side panels are made on
            # the next turn; the window shows the editor only once they are there.
            later(self, self.finish)
        else:
            self.finish()

    def finish(self) -> None:
        """The side panels (paragraph properties, masthead, footnotes, annex form) and
        the find bar, laid out beside the page; once (later calls do nothing)."""
        if self.complete:
            return
        self.complete = True
        controller = self.controller
        self.place = QLabel(self)
        self.place.setObjectName("paragraphPlace")
        self.hint = QLabel(self)
        self.hint.setObjectName("openerHint")
        self.hint.setWordWrap(True)
        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("conventionHint")
        self.suggestion.setWordWrap(True)
        self.suggestion.setStyleSheet("color: #2e6b30;")
        self.suggestion.hide()
        self.origin = QLabel(self)
        self.origin.setObjectName("paragraphOrigin")
        self.origin.setWordWrap(True)
        self.origin.setStyleSheet("color: palette(placeholder-text);")
        self.masthead = MastheadForm(controller, self)
        self.footnotes = FootnotePanel(controller, self)
        self.annex_form = AnnexForm(controller, self)
        self.annex_form.hide()
        self.find_bar = FindBar(self.page, self)
        self.find_bar.message.connect(self.message.emit)
        self._build_layout()
        self.setFocusProxy(self.page)
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._restore)
        self.model.rowsInserted.connect(self._expand_new)
        self.outline.selectionModel().selectionChanged.connect(self._on_selection)
        self.outline.clicked.connect(self._outline_clicked)
        self.outline.activated.connect(self._outline_clicked)  # Return on a row
        self.outline.indent_requested.connect(self.indent)
        self.outline.outdent_requested.connect(self.outdent)
        self.outline.delete_requested.connect(self.delete_paragraph)
        self.outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.outline.customContextMenuRequested.connect(self._show_outline_menu)
        self.footnotes.edit_requested.connect(self.edit_note)
        self.page.current_changed.connect(self._page_moved)
        self.page.zoom_changed.connect(lambda z: self.message.emit(f"Zoom {round(z * 100)} %"))
        self.page.mark_activated.connect(self.show_note)
        controller.changed.connect(self._on_changed)
        controller.modes_changed.connect(self.show_suggestions)
        if self.page.building:
            # A long draft (issue 21 §6): the page's first screen is painted first; the
            # outline opens out and the side panel fills in on the turns after it.
            later(self, self._open_outline)
        else:
            self._open_outline()

    def _open_outline(self) -> None:
        self.outline.expandAll()
        self._hide_empty_body()
        self.model.modelReset.connect(self._hide_empty_body)  # a reset shows every row again
        if self.outline.currentIndex().isValid():
            return  # the drafter got there first (the caret moved on the page)
        group = self.model.group_index(Part.PREAMBLE)
        if self._body_hidden():
            group = self.model.index(2, 0)  # part A's row
        first = self.model.index(0, 0, group)
        self.outline.setCurrentIndex(first if first.isValid() else group)

    def _body_hidden(self) -> bool:
        """A text in lettered parts with nothing before its part A (A/RES/78/122 A-B,
        decision 79/537 A, B and C): its paragraphs are under the parts' rows, and the
        body's two empty rows ("Preamble 0 paragraphs") would only mislead."""
        doc = self.controller.doc
        return bool(doc.parts) and not (doc.preamble or doc.operative or doc.chapeau)

    def _hide_empty_body(self) -> None:
        hidden = self._body_hidden()
        for part in (Part.PREAMBLE, Part.OPERATIVE):
            self.outline.setRowHidden(self.model.group_index(part).row(), QModelIndex(), hidden)

    changes: ChangesPanel | None = None
    revision_marks: RevisionMarks | None = None

    def _build_layout(self) -> None:
        pane = QWidget(self)
        box = QVBoxLayout(pane)
        box.setContentsMargins(8, 8, 8, 8)
        box.addWidget(self.place)
        box.addWidget(self.annex_form, 1)
        box.addWidget(self.hint)
        box.addWidget(self.suggestion)
        box.addWidget(self.footnotes)
        box.addWidget(self.origin)
        self.spacer = QWidget(pane)
        box.addWidget(self.spacer, 1)  # the properties at the top
        self.tabs = QTabWidget(self)
        self.tabs.addTab(pane, "Paragraph")
        self.tabs.setTabToolTip(0, KEY_HINTS)  # and Help › Keyboard Shortcuts lists them
        self.tabs.addTab(self.masthead, "Masthead and title")
        if self.controller.doc.revision_base is not None or self.controller.doc.comments:
            self.show_changes_panel()
        # The outline and the properties share one column on the left (as Word's
        # navigation pane): the page keeps the rest of the width, its printed width and
        # the grey desk either side, even with the corpus panels open.
        self.outline.setMinimumWidth(160)
        self.tabs.setMinimumWidth(220)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.setChildrenCollapsible(False)
        side.addWidget(self.outline)
        side.addWidget(self.tabs)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)
        side.setSizes([330, 220])
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        split.addWidget(side)
        centre = QWidget(self)  # the page, the find bar over it
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addWidget(self.page, 1)
        split.addWidget(centre)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([250, 850])
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    # -- revisions ---------------------------------------------------------------------------
    def show_changes_panel(self) -> ChangesPanel:
        """The Changes tab (a draft revising a base, or one with reviewers' comments): the
        page shows what changed against the base."""
        if self.changes is None:
            from drafting_app.gui.document.changes_panel import ChangesPanel
            from drafting_app.gui.document.revision_marks import RevisionMarks

            self.revision_marks = RevisionMarks(self.controller, self.page)
            self.changes = ChangesPanel(self.controller, self.page, self.revision_marks, self)
            self.changes.message.connect(self.message.emit)
            self.tabs.addTab(self.changes, "Changes")
        return self.changes

    # -- selection ---------------------------------------------------------------------------
    def current_pid(self) -> str:
        return str(self.outline.currentIndex().data(PARAGRAPH_ID_ROLE) or "")

    def current_annex(self) -> str:
        """The id of the annex the current row is in (or heads), "" in the body."""
        return str(self.outline.currentIndex().data(ANNEX_ROLE) or "")

    def current_heading(self) -> str:
        return str(self.outline.currentIndex().data(HEADING_ROLE) or "")

    def current_part(self) -> Part:
        # Through QVariant the StrEnum arrives as its plain string value.
        part = self.outline.currentIndex().data(PART_ROLE)
        return Part(part) if part in (Part.PREAMBLE.value, Part.OPERATIVE.value) else Part.OPERATIVE

    def select(self, pid: str) -> None:
        index = self.model.index_of(pid)
        if index.isValid():
            self.outline.setCurrentIndex(index)
            self.outline.scrollTo(index)

    def _on_selection(self, selected: QItemSelection, _old: QItemSelection) -> None:
        self._show_current()
        pid = self.current_pid()
        if pid and self.page.current_pid() != pid:
            self.page.scroll_to(pid)

    def _outline_clicked(self, index: QModelIndex) -> None:
        """As Word's Navigation pane: a click on a paragraph hands the keyboard to the
        page, the caret at the start of that paragraph (typing went nowhere before)."""
        pid = str(index.data(PARAGRAPH_ID_ROLE) or "")
        if pid and self.page.scroll_to(pid):
            self.page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _page_moved(self, block_id: str) -> None:
        """The caret went to another paragraph on the page: the outline and the side
        panel follow."""
        if block_id and block_id != self.current_pid() and self.model.index_of(block_id).isValid():
            self.select(block_id)

    def _show_current(self) -> None:
        """The paragraph's properties for a paragraph; the annex form for an annex or
        heading."""
        pid = self.current_pid()
        self.footnotes.show_paragraph(pid)
        structure = not pid and bool(self.current_annex())
        if structure and self.current_heading():
            self.annex_form.show_heading(self.current_heading())
        elif structure:
            self.annex_form.show_annex(self.current_annex())
        self.annex_form.setVisible(structure)
        self.spacer.setVisible(not structure)
        for widget in (self.hint, self.footnotes, self.origin):
            widget.setVisible(not structure)
        self._show_place()
        self._show_facts()

    def _show_facts(self) -> None:
        """The opener line and where the paragraph came from (cheap: run at each key in
        the paragraph)."""
        pid = self.current_pid()
        doc = self.controller.doc
        self.hint.setText(opener_hint(doc, pid, self.phrases))
        origin = origin_line(doc, pid)
        self.origin.setText(origin)
        self.origin.setVisible(bool(origin) and not self.annex_form.isVisible())

    def _show_place(self) -> None:
        pid = self.current_pid()
        doc = self.controller.doc
        if not pid and self.current_annex():
            try:
                name = annex_name(doc, annex_of(doc, self.current_annex()))
            except EditError:  # the annex is gone: the outline follows in a moment
                return
            what = "Heading in " if self.current_heading() else ""
            self.place.setText(f"<b>{what}{name}</b>")
            return
        if not pid:
            self.place.setText(f"{self.current_part().value.capitalize()}: "
                               "press Ctrl+Return to add a paragraph.")  # fmt: skip
            return
        label = self.controller.numbers.labels().get(pid, "")
        try:
            loc = locate(self.controller.doc, pid)
        except EditError:  # the chapeau of a decision, or a paragraph of a lettered part
            self.place.setText(
                f"<b>{_lettered_place(doc, pid)} {label}</b>".replace(" </b>", "</b>")
            )
            return
        kind = "Preambular" if loc.part is Part.PREAMBLE else "Operative"
        level = "sub-paragraph" if loc.parent_id else "paragraph"
        if loc.annex is not None:
            kind, level = f"{annex_name(doc, annex_of(doc, loc.annex))},", level
        self.place.setText(f"<b>{kind} {level} {label}</b>".replace(" </b>", "</b>"))

    def _expand_new(self, parent: QModelIndex, first: int, last: int) -> None:
        """Rows the draft gained (a Return, a paste) show their sub-paragraphs, as the
        rest of the outline does."""
        for row in range(first, last + 1):
            self.outline.expandRecursively(self.model.index(row, 0, parent))

    def _remember(self) -> None:
        self._remembered = self.current_pid() or self.current_heading() or self.current_annex()

    def _restore(self) -> None:
        self.outline.expandAll()
        if self._remembered and self.model.index_of(self._remembered).isValid():
            self.select(self._remembered)
        self._show_current()

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.structure_changed:
            self._show_place()
        if self.current_pid() in changes.changed_ids or changes.structure_changed:
            self._show_facts()
        self.show_suggestions()

    def show_suggestions(self) -> None:
        """Suggest Only mode: the ladder and punctuation fixes waiting (none are applied)."""
        c = self.controller
        fixes = pending(c.doc, c.profile, c.ladder_mode, c.punctuation_mode)
        text = hint(fixes, self.current_pid())
        self.suggestion.setText(text)
        self.suggestion.setVisible(bool(text))

    # -- paragraph commands ------------------------------------------------------------------
    def _location(self) -> Location | None:
        pid = self.current_pid()
        if not pid:
            return None
        try:
            return locate(self.controller.doc, pid)
        except EditError as exc:
            self.message.emit(str(exc))
            return None

    def new_paragraph(self) -> None:
        """Ctrl+Return: a new empty paragraph after the current one (same part and
        level), or at the end of the chosen part; the caret goes to it on the page."""
        p = Paragraph("")
        if self.controller.apply(self._insertion(p)):
            self.select(p.id)
            self.tabs.setCurrentIndex(0)
            self.write_at(p.id)

    def write_at(self, pid: str, offset: int = 0) -> None:
        """The caret on the page in paragraph ``pid``, the page focused."""
        self.page.set_caret(("p", pid), offset)
        self.page.ensureCursorVisible()
        self.page.setFocus()

    def caret(self) -> tuple[str, int] | None:
        """(paragraph id, offset) of the caret on the page, None outside the paragraphs."""
        where = self.page.caret()
        if where is None or where[0][0] != "p":
            return None
        return where[0][1], where[1]

    def _insertion(self, p: Paragraph) -> InsertParagraph:
        doc = self.controller.doc
        if doc.chapeau is not None and self.current_pid() == doc.chapeau.id:
            # Decision form: the lettered paragraphs (a), (b) … follow the chapeau.
            return InsertParagraph(Part.OPERATIVE, None, 0, p)
        loc = self._location()
        if loc is not None:
            return InsertParagraph(loc.part, loc.parent_id, loc.index + 1, p, annex=loc.annex)
        if annex := self.current_annex():
            # After a heading: its first paragraph; on the annex row: at the annex's end.
            index = after_current_block(self, annex)
            return InsertParagraph(Part.OPERATIVE, None, index, p, annex=annex)
        part = self.current_part()
        index = len(doc.preamble if part is Part.PREAMBLE else doc.operative)
        return InsertParagraph(part, None, index, p)

    def insert_copy(self, source: Document, pid: str) -> bool:
        """Insert a copy of corpus paragraph ``pid`` (with its footnotes): after the current
        top-level paragraph of the same part, else at the end of that part. The ladder and
        the closing punctuation adapt it to its new place."""
        paragraph, notes = copy_with_notes(source, pid)
        part = part_of(source, pid)
        doc = self.controller.doc
        lst = doc.preamble if part is Part.PREAMBLE else doc.operative
        index = len(lst)
        loc = self._location()
        if loc is not None and loc.part is part and loc.annex is None:
            top = self.current_pid()
            while (up := locate(doc, top).parent_id) is not None:
                top = up
            index = locate(doc, top).index + 1
        if not self.controller.apply(InsertParagraph(part, None, index, paragraph, notes)):
            return False
        self.select(paragraph.id)
        return True

    def delete_paragraph(self) -> None:
        loc = self._location()
        if loc is None:
            if self.current_heading():
                self.message.emit("To delete the heading, use Delete Heading (Ctrl+Alt+Shift+H).")
            elif self.current_annex():
                self.message.emit("To delete the whole annex, use Delete Annex (right-click).")
            return
        pid = self.current_pid()
        lst = siblings(self.controller.doc, loc.part, loc.parent_id, loc.annex)
        after = lst[loc.index + 1].id if loc.index + 1 < len(lst) else ""
        before = lst[loc.index - 1].id if loc.index > 0 else (loc.parent_id or "")
        if self.controller.apply(DeleteParagraph(pid)):
            target = after or before or loc.annex
            if target:
                self.select(target)
            else:
                self.outline.setCurrentIndex(self.model.group_index(loc.part))

    def move_by(self, step: int) -> None:
        """Alt+Up / Alt+Down: one place up or down; across the boundary between the parts
        the paragraph changes part (the last preambular becomes the first operative)."""
        loc = self._location()
        if loc is None:
            return
        pid = self.current_pid()
        count = len(siblings(self.controller.doc, loc.part, loc.parent_id, loc.annex))
        target = loc.index + step
        if 0 <= target < count:
            self.controller.apply(MoveParagraph(pid, loc.part, loc.parent_id, target, loc.annex))
        elif (
            loc.parent_id is None
            and loc.annex is None
            and (
                (step < 0 and loc.part is Part.OPERATIVE)
                or (step > 0 and loc.part is Part.PREAMBLE)
            )
        ):
            self.controller.apply(ConvertPart(pid))
        else:
            self.message.emit("The paragraph is already at the edge of its list.")
        self.select(pid)

    def move_up(self) -> None:
        self.move_by(-1)

    def move_down(self) -> None:
        self.move_by(1)

    def open_find(self) -> None:
        """Edit › Find (Ctrl+F): the find bar over the page."""
        self.find_bar.open(replace=False)

    def open_replace(self) -> None:
        """Edit › Replace (Ctrl+H): the find bar with its Replace row."""
        self.find_bar.open(replace=True)

    def find_next(self) -> None:
        """F3: the next occurrence of what was last looked for."""
        if not self.find_bar.query.text():
            self.open_find()
            return
        self.find_bar.step(1)

    def find_previous(self) -> None:
        if not self.find_bar.query.text():
            self.open_find()
            return
        self.find_bar.step(-1)

    def toggle_italics(self) -> None:
        self.page.typing.toggle_italics()

    def add_footnote(self) -> None:
        """References › Insert Footnote (Ctrl+Alt+F, as in Word): a note marked at the
        caret, the caret in its text under the page."""
        self.tabs.setCurrentIndex(0)
        fid = self.page.typing.add_note()
        if fid:
            self.footnotes.select(fid)
            self.page.setFocus()

    def show_note(self, fid: str) -> None:
        """A footnote mark was double-clicked in the text: the caret goes to its note
        under the page (as in Word), chosen in the paragraph's list and in the window's
        Footnotes panel."""
        self.tabs.setCurrentIndex(0)
        self.footnotes.select(fid)
        self.edit_note(fid)
        if self.note_chosen is not None:
            self.note_chosen(fid)

    def edit_note(self, fid: str) -> None:
        """The caret at the end of footnote ``fid``'s text, under the page."""
        try:
            text = self.page.note_view(fid).text  # the page shows the note's full source
        except KeyError:
            return
        if self.page.set_caret(("note", fid), len(text)):
            self.page.ensureCursorVisible()
            self.page.setFocus()

    def show_masthead(self) -> None:
        self.tabs.setCurrentWidget(self.masthead)
        self.masthead.fields["title"].setFocus()

    def indent(self) -> None:
        if (pid := self.current_pid()) and self.controller.apply(Indent(pid)):
            self.select(pid)

    def outdent(self) -> None:
        if (pid := self.current_pid()) and self.controller.apply(Outdent(pid)):
            self.select(pid)

    def convert(self) -> None:
        if (pid := self.current_pid()) and self.controller.apply(ConvertPart(pid)):
            self.select(pid)

    def current_index(self) -> QModelIndex:
        return self.outline.currentIndex()

    # -- annexes (drafting_app.gui.document.annex_commands) -------------------------------
    def add_annex(self) -> None:
        add_annex(self)

    def delete_annex(self) -> None:
        delete_annex(self)

    def add_heading(self) -> None:
        add_heading(self)

    def delete_heading(self) -> None:
        delete_heading(self)

    def _show_outline_menu(self, pos: QPoint) -> None:
        index = self.outline.indexAt(pos)
        if index.isValid():
            self.outline.setCurrentIndex(index)
        outline_menu(self).exec(self.outline.viewport().mapToGlobal(pos))


def _lettered_place(doc: Document, pid: str) -> str:
    """Where a paragraph that has no Location stands: "Part B, operative paragraph" (a
    text in lettered parts), "Chapeau" (a decision's opening paragraph)."""
    for part in doc.parts:
        if part.chapeau is not None and part.chapeau.id == pid:
            return f"Part {part.label}, chapeau"
        for kind, top in (("preambular", part.preamble), ("operative", part.operative)):
            for p in top:
                if p.id == pid:
                    return f"Part {part.label}, {kind} paragraph"
                if any(q.id == pid for q in p.walk()):
                    return f"Part {part.label}, {kind} sub-paragraph"
    return "Chapeau"
