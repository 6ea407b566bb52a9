"""Keys of the document view turned into model edits (Word's editing contract): typing
and replacing a selection, Backspace/Delete (a footnote mark is one unit; at a paragraph
boundary they join), Return splits, Tab/Shift+Tab indent/outdent, cut and paste across
paragraphs. Every edit goes through the controller; the view only redraws what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QTextCursor

from drafting_app.errors import EditError
from drafting_app.gui.document.page_blocks import BlockSpec, Key, Role
from drafting_app.gui.document.page_clipboard import from_mime, to_mime
from drafting_app.gui.document.typing import Change, carry, typed
from drafting_app.model.annex_edits import SetAnnexHeading, SetAnnexTitle
from drafting_app.model.changes import Compound, Edit
from drafting_app.model.document import Anchor, Document, Footnote, Paragraph, Part, Span
from drafting_app.model.paragraph_edits import Indent, InsertParagraph, Outdent
from drafting_app.model.range_edits import (
    JoinParagraphs,
    ReplaceRange,
    SplitParagraph,
    TextPoint,
    next_in_page,
    previous_in_page,
)
from drafting_app.model.section_edits import retyped_heading
from drafting_app.model.series_titles import with_series_titles
from drafting_app.model.text_edits import (
    DeleteFootnote,
    EditFootnote,
    SetAuthoringBody,
    SetHeading,
    SetMasthead,
    SetText,
    SetTitle,
    toggled_italics,
    trimmed_italics,
)
from drafting_app.model.tree import annex_of, locate
from drafting_app.model.typography import smart_quote
from drafting_app.phrases import PhraseBook, default_phrasebook

if TYPE_CHECKING:
    from drafting_app.gui.document.document_controller import DocumentController
    from drafting_app.gui.document.page_view import DocumentView

_VIEW_KEYS = (
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.SelectAll,
)


class PageTyping:
    """The editing half of the document view. ``pending`` is where the caret goes once
    the edit being applied has redrawn the page."""

    def __init__(self, view: DocumentView, phrases: PhraseBook | None = None) -> None:
        self.view = view
        self.phrases = phrases or default_phrasebook()
        self.pending: tuple[Key, int] | None = None

    @property
    def controller(self) -> DocumentController:
        return self.view.controller

    def take_pending(self) -> tuple[Key, int] | None:
        want, self.pending = self.pending, None
        return want

    # -- keys --------------------------------------------------------------------------------
    def handles(self, e: QKeyEvent) -> bool:
        """Keys the view takes before the window's shortcuts see them."""
        return any(e.matches(k) for k in _VIEW_KEYS) or (
            e.key()
            in (
                Qt.Key.Key_Backspace,
                Qt.Key.Key_Delete,
            )
            and not (
                e.modifiers() & Qt.KeyboardModifier.ShiftModifier
                and e.key() == Qt.Key.Key_Delete
                and e.modifiers() & Qt.KeyboardModifier.ControlModifier
            )
        )

    def key(self, e: QKeyEvent) -> bool:
        """Handle a key press; False lets Qt move the caret or select."""
        key = e.key()
        mods = e.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if e.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif e.matches(QKeySequence.StandardKey.Cut):
            self.cut()
        elif e.matches(QKeySequence.StandardKey.Copy):
            self.view.copy()
        elif e.matches(QKeySequence.StandardKey.SelectAll):
            self.view.selectAll()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not ctrl:
            self.split()  # Ctrl+Return is the window's New Paragraph
        elif key == Qt.Key.Key_Backspace:
            self.erase(-1, word=ctrl)
        elif key == Qt.Key.Key_Delete:
            self.erase(1, word=ctrl)
        elif key == Qt.Key.Key_Tab and not ctrl:
            self.indent(1)
        elif key == Qt.Key.Key_Backtab:
            self.indent(-1)
        elif (
            e.text()
            and e.text().isprintable()
            and not ctrl
            and not (mods & Qt.KeyboardModifier.AltModifier)
        ):
            self.insert(e.text())
        else:
            return False
        return True

    # -- selection in model terms ------------------------------------------------------------
    def _range(self) -> tuple[int, BlockSpec, int, int, BlockSpec, int]:
        cursor = self.view.textCursor()
        n0, s0, a0 = self.view.spec_at(cursor.selectionStart())
        n1, s1, a1 = self.view.spec_at(cursor.selectionEnd())
        return n0, s0, a0, n1, s1, a1

    def _message(self, text: str) -> None:
        self.view.message.emit(text)

    # -- one block ---------------------------------------------------------------------------
    def _replace_in(self, spec: BlockSpec, start: int, end: int, new: str, *, typing: bool) -> bool:
        """Replace view positions ``[start, end)`` of one block by ``new``."""
        if not spec.editable:
            self._message(self._read_only(spec))
            return False
        s, e = spec.model_offset(start), spec.model_offset(end)
        # A mark selected alone (Backspace just after it) is deleted with its note; marks
        # in deleted text stay at the cut with their notes (a citation is not lost with
        # the words around it).
        dropped = spec.marks_within(start, end) if s == e else ()
        pushed = spec.marks_at(end) if new else ()
        text = spec.text
        value = text[:s] + new + text[e:]
        self.pending = (spec.key, s + len(new))
        edit = self._edit_for(spec.key, value, Change(s, e, s + len(new)), dropped, pushed)
        if edit is None:
            self.pending = None
            return False
        if typing and not dropped and (spec.key[0] != "p" or isinstance(edit, SetText)):
            ok = self.controller.type_text(edit)
        else:
            ok = self.controller.apply(edit, fixes=False)
        if not ok:
            self.pending = None
        return ok

    def _edit_for(
        self,
        key: Key,
        value: str,
        hint: Change,
        dropped: tuple[str, ...],
        pushed: tuple[str, ...],
    ) -> Edit | None:
        doc = self.controller.doc
        kind = key[0]
        if kind == "p":
            p = doc.paragraph(key[1])
            part, top = self.place(key[1])
            edit = typed(p, value, part, top, self.phrases, hint)
            marks = [
                Anchor(hint.new_end, a.footnote_id) if a.footnote_id in pushed else a
                for a in edit.anchors
                if a.footnote_id not in dropped
            ]
            edit.anchors = sorted(marks, key=lambda a: a.offset)
            if not dropped:
                return edit
            others = {a.footnote_id for q in doc.all_paragraphs() if q is not p for a in q.anchors}
            notes = [DeleteFootnote(f) for f in dict.fromkeys(dropped) if f not in others]
            edit.mergeable = False
            return Compound([edit, *notes], label="Delete") if notes else edit
        if kind == "note":
            # The page shows (and the drafter edits) the note's full source.
            shown = self.view.note_view(key[1])
            spans, _, c = carry(Paragraph(shown.text, list(shown.italics)), value, hint)
            # "United Nations, Treaty Series" typed in a note turns italic as it is
            # completed, as the citation tool and the export print it.
            spans = with_series_titles(value, spans, near=(c.start, c.new_end))
            return EditFootnote(key[1], value, spans)
        return line_edit(doc, key, value)

    def _starts_paragraph(self, spec: BlockSpec, at: int, text: str) -> bool:
        """A lower-case letter typed as the first word of a preambular or operative
        paragraph (never of a sub-paragraph, which UN style begins in lower case, nor
        before a word already there: typed over a selected capital it stays small)."""
        if spec.key[0] != "p" or len(text) != 1 or not text.islower() or not spec.editable:
            return False
        offset = spec.model_offset(at)
        rest = spec.text[offset:]
        if offset != 0 or (rest[:1].isalnum()):
            return False
        return self.place(spec.key[1])[1]

    def place(self, pid: str) -> tuple[Part, bool]:
        """(part, top level?) of a paragraph; a decision's chapeau and annex paragraphs
        have no italic opener."""
        doc = self.controller.doc
        if doc.chapeau is not None and doc.chapeau.id == pid:
            return Part.PREAMBLE, False
        try:
            loc = locate(doc, pid)
        except EditError:
            return Part.PREAMBLE, False
        return loc.part, loc.parent_id is None and loc.annex is None

    @staticmethod
    def _read_only(spec: BlockSpec) -> str:
        if spec.key[0] == "sponsors":
            return "The sponsor line is edited in the Masthead panel (Ctrl+Shift+M)."
        return "This line is derived from the draft and cannot be typed over."

    # -- typing ------------------------------------------------------------------------------
    def insert(self, text: str) -> None:
        """Type ``text`` at the caret, over the selection if there is one."""
        n0, s0, a0, n1, s1, a1 = self._range()
        if n0 == n1:
            if a0 == a1 and self._starts_paragraph(s0, a0, text):
                text = text.upper()  # Word's "Capitalize first letter of sentences"
            # Word's "straight quotes with smart quotes": UN texts print ’ and “ ”
            if text in ("'", '"'):
                at = s0.model_offset(a0)
                text = smart_quote(s0.text[max(0, at - 1) : at], text)
            self._replace_in(s0, a0, a1, text, typing=True)
            return
        self._replace_range(s0, a0, s1, a1, [Paragraph(text)])

    def _replace_range(
        self,
        s0: BlockSpec,
        a0: int,
        s1: BlockSpec,
        a1: int,
        paragraphs: Sequence[Paragraph],
        notes: Sequence[Footnote] = (),
    ) -> bool:
        if s0.key[0] != "p" or s1.key[0] != "p":
            self._message("A selection that takes in the title, a heading or the footnotes "
                          "cannot be replaced at once: select within the paragraphs.")  # fmt: skip
            return False
        edit = ReplaceRange(
            TextPoint(s0.key[1], s0.model_offset(a0)),
            TextPoint(s1.key[1], s1.model_offset(a1)),
            paragraphs,
            notes=notes,
            label="Paste" if paragraphs else "Delete",
        )
        self.pending = None
        if not self.controller.apply(edit):
            return False
        self.view.set_caret(("p", edit.caret.pid), edit.caret.offset)
        return True

    def erase(self, direction: int, *, word: bool = False) -> None:
        """Backspace (``direction`` -1) or Delete (+1)."""
        view = self.view
        cursor = view.textCursor()
        if cursor.hasSelection():
            self._erase_selection()
            return
        n, spec, at = view.spec_at(cursor.position())
        first = spec.view_pos(0, after_marks=False)
        if direction < 0 and at <= first:
            self._join_backward(spec)
            return
        if direction > 0 and at >= spec.length:
            self._join_forward(spec)
            return
        if word:
            probe = QTextCursor(cursor)
            op = (
                QTextCursor.MoveOperation.PreviousWord
                if direction < 0
                else QTextCursor.MoveOperation.NextWord
            )
            probe.movePosition(op, QTextCursor.MoveMode.KeepAnchor)
            block_start = view.block_of(n).position()
            other = max(first, min(spec.length, probe.position() - block_start))
        else:
            other = _unit(spec, at, direction)
        start, end = sorted((at, other))
        if start != end:
            self._replace_in(spec, start, end, "", typing=True)

    def _erase_selection(self) -> bool:
        n0, s0, a0, n1, s1, a1 = self._range()
        if n0 == n1:
            a0 = max(a0, s0.view_pos(0, after_marks=False))
            return self._replace_in(s0, a0, a1, "", typing=False)
        return self._replace_range(s0, a0, s1, a1, [])

    def _join_backward(self, spec: BlockSpec) -> None:
        if spec.key[0] != "p":
            return
        doc = self.controller.doc
        prev = previous_in_page(doc, spec.key[1])
        if prev is None:
            self._message("Nothing to join with: the paragraph before is not part of this text.")
            return
        edit = JoinParagraphs(prev.id, spec.key[1])
        if self.controller.apply(edit):
            self.view.set_caret(("p", prev.id), edit.join_at)

    def _join_forward(self, spec: BlockSpec) -> None:
        if spec.key[0] != "p":
            return
        doc = self.controller.doc
        nxt = next_in_page(doc, spec.key[1])
        if nxt is None:
            self._message("Nothing to join with: the next paragraph is not part of this text.")
            return
        edit = JoinParagraphs(spec.key[1], nxt.id)
        if self.controller.apply(edit):
            self.view.set_caret(spec.key, edit.join_at)

    def split(self) -> None:
        """Return: a new paragraph from the caret on (the selection first deleted)."""
        view = self.view
        if view.textCursor().hasSelection() and not self._erase_selection():
            return
        _, spec, at = view.spec_at(view.textCursor().position())
        kind = spec.key[0]
        doc = self.controller.doc
        if kind == "p":
            edit = SplitParagraph(spec.key[1], spec.model_offset(at))
            self.pending = None
            if self.controller.apply(edit):
                view.set_caret(("p", edit.caret.pid), edit.caret.offset)
            return
        if kind == "authoring" and doc.chapeau is None:
            p = Paragraph("")
            if self.controller.apply(InsertParagraph(Part.PREAMBLE, None, 0, p)):
                view.set_caret(("p", p.id), 0)
            return
        if kind == "note":
            # A footnote is one paragraph in the model: Return keeps the caret and says so
            # (it used to move nowhere, and the next words went on into the note).
            self._message(
                "A footnote is a single paragraph: Return does not start a new one. "
                "Ctrl+End goes back to the end of the text."
            )
            return
        # A single-line block (title, masthead line): Return goes on to the next line.
        cursor = view.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        view.setTextCursor(cursor)

    def indent(self, step: int) -> None:
        pid = self.view.current_pid()
        if not pid:
            return
        where = self.view.caret()
        edit = Indent(pid) if step > 0 else Outdent(pid)
        if where is not None:
            self.pending = where
        if not self.controller.apply(edit):
            self.pending = None

    def replace_start(self, pid: str, end: int, text: str) -> None:
        """The paragraph's first ``end`` characters become ``text`` (a completed
        opener), typed: it joins the burst and the opener is set in italics."""
        n = self.view.block_number(("p", pid))
        if n is None:
            return
        spec = self.view.specs[n]
        self._replace_in(spec, spec.view_pos(0, after_marks=False), spec.view_pos(end), text,
                         typing=True)  # fmt: skip

    def toggle_italics(self) -> None:
        """Ctrl+I: the selection in italics, or back to roman when all of it already is
        (across paragraphs: one undo step)."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            self._message("Select the words to set in italics first.")
            return
        n0, _, a0, n1, _, a1 = self._range()
        doc = self.controller.doc
        targets: list[tuple[BlockSpec, int, int]] = []
        for n in range(n0, n1 + 1):
            spec = self.view.specs[n]
            if spec.key[0] not in ("p", "note") or not spec.editable:
                continue
            start = spec.model_offset(a0) if n == n0 else 0
            end = spec.model_offset(a1) if n == n1 else len(spec.text)
            if end > start:
                targets.append((spec, start, end))
        if not targets:
            self._message("Only the paragraphs and footnotes take italics.")
            return
        texts = [self._styled(doc, spec) for spec, _, _ in targets]
        all_italic = all(_all_italic(p, a, b) for p, (_, a, b) in zip(texts, targets, strict=True))
        edits: list[Edit] = []
        for p, (spec, a, b) in zip(texts, targets, strict=True):
            if _all_italic(p, a, b) != all_italic:
                continue  # already as the others will be
            spans = toggled_italics(p, a, b)
            if spec.key[0] == "p":
                edits.append(SetText(p.id, p.text, spans, p.anchors, mergeable=False,
                                     label="Italics"))  # fmt: skip
            else:
                edits.append(EditFootnote(spec.key[1], p.text, spans))
        if not edits:
            return
        kept = self.view.selection()
        edit = edits[0] if len(edits) == 1 else Compound(edits, label="Italics")
        self.pending = None
        if self.controller.apply(edit, fixes=False) and kept is not None:
            self.view.select_range(*kept)  # the words stay selected, as in Word

    def _styled(self, doc: Document, spec: BlockSpec) -> Paragraph:
        """The paragraph, or the note as the page shows it, with its italics."""
        if spec.key[0] == "p":
            return doc.paragraph(spec.key[1])
        shown = self.view.note_view(spec.key[1])
        return Paragraph(shown.text, list(shown.italics), id=spec.key[1])

    def add_note(self) -> str:
        """References › Insert Footnote (Ctrl+Alt+F): an empty footnote marked at the
        caret (after the punctuation there), the caret in its text under the page.
        Returns its id ("" when the caret is not in a paragraph)."""
        where = self.view.caret()
        if where is None or where[0][0] != "p":
            self._message("Put the caret in a paragraph, where the note's mark goes.")
            return ""
        return self.add_note_at(where[0][1], where[1])

    def add_note_at(self, pid: str, offset: int) -> str:
        """An empty footnote marked at ``offset`` of paragraph ``pid``; the caret in it."""
        from drafting_app.gui.document.footnote_panel import mark_offset
        from drafting_app.model.text_edits import AddFootnote

        note = Footnote("")
        at = mark_offset(self.controller.doc.paragraph(pid).text, offset)
        if not self.controller.apply(AddFootnote(pid, at, note), fixes=False):
            return ""
        self.view.set_caret(("note", note.id), 0)
        self.view.ensureCursorVisible()
        return note.id

    # -- clipboard ---------------------------------------------------------------------------
    def cut(self) -> None:
        if not self.view.textCursor().hasSelection():
            return
        self.view.copy()
        self._erase_selection()

    def paste(self, mime: QMimeData | None = None) -> None:
        """Ctrl+V: one undo step, whatever the clipboard holds."""
        mime = mime or QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        pasted = from_mime(mime, self.phrases)
        if pasted is None:
            return
        if pasted.message:
            self._message(pasted.message)
        paragraphs, notes = pasted.paragraphs, pasted.notes
        if not paragraphs:
            return
        n0, s0, a0, n1, s1, a1 = self._range()
        one = len(paragraphs) == 1 and not paragraphs[0].children
        if one and pasted.fragment and not notes and n0 == n1 and not paragraphs[0].anchors:
            p = paragraphs[0]
            if not p.italics or s0.key[0] != "p":
                self._replace_in(s0, a0, a1, p.text, typing=False)
                return
        if s0.key[0] != "p" or s1.key[0] != "p":
            text = " ".join(q.text for p in paragraphs for q in p.walk())
            if n0 == n1:
                self._replace_in(s0, a0, a1, text, typing=False)
            else:
                self._message("Paste within the paragraphs, or into one line at a time.")
            return
        if not pasted.fragment and s0.text[: s0.model_offset(a0)].strip():
            # Whole paragraphs pasted after text ("… of the matter.|" and Ctrl+V): they
            # follow it as paragraphs of their own. Word would glue the first onto the
            # text before the caret ("matter.Requests …"), which a drafter pasting
            # agreed paragraphs never wants (user trial).
            paragraphs = [Paragraph(""), *paragraphs]
        if not pasted.fragment and s1.text[s1.model_offset(a1) :]:
            # Whole paragraphs pasted in the middle of one: what followed the caret
            # starts a paragraph of its own, as in Word.
            paragraphs = [*paragraphs, Paragraph("")]
        done = self._replace_range(s0, a0, s1, a1, paragraphs, notes)
        if done and pasted.message and self.controller.last_report:
            # both said: what was not pasted, and what the conventions changed
            self._message(f"{pasted.message} {self.controller.last_report}")

    def mime_of_selection(self) -> QMimeData:
        return to_mime(self.view)


def line_edit(doc: Document, key: Key, value: str) -> Edit | None:
    """The edit that makes the page's single-line block ``key`` (the title, the authoring
    formula, a masthead line, an annex's title or heading, a section heading) read
    ``value``."""
    kind = key[0]
    if kind == "title":
        return SetTitle(value)
    if kind == "authoring":
        return SetAuthoringBody(value)
    if kind == "heading":
        return SetHeading(value)
    if kind == "mh":
        return SetMasthead({key[1]: value})
    if kind == "heading_a":
        return SetAnnexHeading(key[1], value)
    if kind == "section":
        return retyped_heading(doc, key[1], int(key[2]), value)
    if kind == "annex":
        annex = annex_of(doc, key[1])
        return SetAnnexTitle(annex.id, value, list(annex.lines))
    if kind == "annex_line":
        annex = annex_of(doc, key[1])
        lines = list(annex.lines)
        lines[int(key[2])] = value
        return SetAnnexTitle(annex.id, annex.title, lines)
    return None


def _all_italic(p: Paragraph, start: int, end: int) -> bool:
    """Whether the words of ``[start, end)`` are all in italics already (the spaces at
    its ends do not count, as for Ctrl+I in one paragraph)."""
    chars = {i for s in p.italics for i in range(s.start, s.end)}
    words = trimmed_italics(p.text, [Span(start, end)])
    return all(set(range(w.start, w.end)) <= chars for w in words)


def _unit(spec: BlockSpec, at: int, direction: int) -> int:
    """The other end of the character (or footnote mark) next to ``at``: numbers and
    inline segments are skipped, a mark goes whole."""
    pos = 0
    spans: list[tuple[int, int, Role]] = []
    for piece in spec.pieces:
        spans.append((pos, pos + len(piece.text), piece.role))
        pos += len(piece.text)
    if direction < 0:
        p = at
        while p > 0:
            span = next(s for s in spans if s[0] < p <= s[1])
            if span[2] is Role.TEXT:
                return p - 1
            if span[2] is Role.MARK:
                return span[0]
            p = span[0]
        return at
    p = at
    while p < spec.length:
        span = next(s for s in spans if s[0] <= p < s[1])
        if span[2] is Role.TEXT:
            return p + 1
        if span[2] is Role.MARK:
            return span[1]
        p = span[1]
    return at
