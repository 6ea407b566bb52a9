"""What the facilitator does to the paragraph the caret is in, or to the words selected on
the page: mark its status, bracket words, lift brackets, add an alternative, record a
proposal of the selected delegation, accept or drop a proposal, choose an alternative —
each one model edit through the draft's controller (one step of its undo history). The
panel's buttons and the page's context menu both call these."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.model.changes import Edit
from drafting_app.model.negotiation import Bracket, Proposal, ProposalKind, Record, Status
from drafting_app.model.negotiation_edits import (
    AcceptNewParagraph,
    AcceptProposal,
    AddAlternative,
    AddBracket,
    AddComment,
    AddParagraphAlternative,
    ChooseAlternative,
    ChooseParagraphAlternative,
    DropNewParagraph,
    DropOption,
    DropParagraphAlternative,
    DropProposal,
    NewRound,
    Propose,
    ProposeParagraph,
    RemoveBracket,
    SetStatus,
)
from drafting_app.model.negotiation_view import proposal_note


@dataclass(frozen=True)
class Words:
    """The words the facilitator points at: paragraph ``pid``, ``[start, end)`` of its
    text (start == end: the caret)."""

    pid: str
    start: int
    end: int


def describe(q: Proposal, text: str) -> str:
    """A proposal as the panel lists it: "EU: replace “Urges” with “Encourages” (round 1)"."""
    return f"{proposal_note(q, text)} (round {q.round})"


class NegotiationCommands(QObject):
    """The negotiation commands of one draft's page. ``delegation`` is the delegation
    or group a recorded proposal is for (the panel's list sets it); ``message(text)`` says
    why a command did nothing."""

    message = Signal(str)

    def __init__(self, controller: DocumentController, view: DocumentView) -> None:
        super().__init__(view)
        self.controller, self.view = controller, view
        self.delegation = ""

    # -- where ---------------------------------------------------------------------------
    def words(self) -> Words | None:
        """The selection (or the caret) on the page, when it is within one paragraph."""
        sel = self.view.selection()
        if sel is None:
            return None
        key0, off0, key1, off1 = sel
        if key0[0] != "p" or key1 != key0:
            return None
        return Words(key0[1], min(off0, off1), max(off0, off1))

    def record(self, pid: str) -> Record | None:
        nego = self.controller.doc.negotiation
        return nego.records.get(pid) if nego is not None and pid else None

    def current(self) -> tuple[Words, Record] | None:
        w = self.words()
        if w is None:
            pid = self.view.current_pid()
            w = Words(pid, 0, 0) if pid else None
        record = self.record(w.pid) if w is not None else None
        return (w, record) if w is not None and record is not None else None

    def _where(self, *, selection: bool = False) -> tuple[Words, Record] | None:
        if self.controller.doc.negotiation is None:
            self.message.emit("The draft is not in negotiation: Negotiation › Start Negotiation.")
            return None
        found = self.words()
        if found is None:
            self.message.emit("Select words within one paragraph of the draft.")
            return None
        record = self.record(found.pid)
        if record is None:
            self.message.emit("This paragraph has no label in the compilation text.")
            return None
        if selection and found.start == found.end:
            self.message.emit("Select the words first.")
            return None
        return found, record

    def _apply(self, edit: Edit) -> bool:
        return self.controller.apply(edit)

    # -- status, brackets, alternatives ----------------------------------------------------
    def set_status(self, status: Status, pid: str = "") -> bool:
        pid = pid or self.view.current_pid()
        if self.record(pid) is None:
            self.message.emit("Put the caret in a labelled paragraph to mark its status.")
            return False
        return self._apply(SetStatus(pid, status))

    def bracket(self) -> bool:
        """Square brackets around the selected words."""
        found = self._where(selection=True)
        return found is not None and self._apply(
            AddBracket(found[0].pid, found[0].start, found[0].end)
        )

    def bracket_at(self) -> tuple[str, Bracket] | None:
        """The innermost bracket holding the selection (or the caret)."""
        found = self.current()
        if found is None:
            return None
        w, r = found
        holding = [b for b in r.brackets if b.start <= w.start and w.end <= b.end]
        if not holding:
            return None
        return w.pid, min(holding, key=lambda b: b.end - b.start)

    def remove_bracket(self) -> bool:
        """Lift the innermost brackets around the caret (the words are agreed)."""
        found = self.bracket_at()
        if found is None:
            self.message.emit("The caret is not inside square brackets.")
            return False
        return self._apply(RemoveBracket(found[0], found[1].id))

    def add_alternative(self, text: str) -> bool:
        """An alternative wording of the selected words, by the selected delegation."""
        found = self._where(selection=True)
        if found is None:
            return False
        w = found[0]
        return self._apply(AddAlternative(w.pid, w.start, w.end, text, self.delegation))

    def add_paragraph_alternative(self, text: str) -> bool:
        """A whole alternative paragraph ("OP7 Alt 2") by the selected delegation, for the
        paragraph the caret is in."""
        pid = self.view.current_pid()
        if self.record(pid) is None:
            self.message.emit("Put the caret in a labelled paragraph.")
            return False
        return self._apply(AddParagraphAlternative(pid, text, self.delegation))

    def choose_alternative(self, pid: str, set_id: str, index: int) -> bool:
        return self._apply(ChooseAlternative(pid, set_id, index))

    def drop_option(self, pid: str, set_id: str, index: int) -> bool:
        return self._apply(DropOption(pid, set_id, index))

    def choose_paragraph_alternative(self, pid: str, index: int) -> bool:
        return self._apply(ChooseParagraphAlternative(pid, index))

    def drop_paragraph_alternative(self, pid: str, index: int) -> bool:
        return self._apply(DropParagraphAlternative(pid, index))

    # -- proposals -------------------------------------------------------------------------
    def _delegation(self) -> str | None:
        if not self.delegation.strip():
            self.message.emit("Choose the delegation that makes the proposal.")
            return None
        return self.delegation

    def propose(self, kind: ProposalKind, text: str = "") -> bool:
        """Record the selected delegation's proposal on the selected words (an insertion
        at the caret; the deletion of the paragraph the caret is in)."""
        who = self._delegation()
        if who is None:
            return False
        if kind is ProposalKind.DELETE_PARAGRAPH:
            pid = self.view.current_pid()
            if self.record(pid) is None:
                self.message.emit("Put the caret in a labelled paragraph.")
                return False
            return self._apply(Propose(pid, kind, who))
        found = self._where(selection=kind is not ProposalKind.INSERT)
        if found is None:
            return False
        w = found[0]
        if kind is ProposalKind.INSERT and w.start != w.end:
            self.message.emit("An insertion goes at the caret: click where the words go.")
            return False
        return self._apply(Propose(w.pid, kind, who, w.start, w.end, text))

    def propose_paragraph(self, text: str) -> str:
        """A new paragraph proposed by the selected delegation, slotted in after the
        paragraph the caret is in ("OP5 bis"); its id ("" when refused)."""
        from drafting_app.model.conventions import make_paragraph
        from drafting_app.model.tree import locate

        who = self._delegation()
        pid = self.view.current_pid()
        if who is None:
            return ""
        if self.record(pid) is None:
            self.message.emit("Put the caret in the paragraph the new one follows.")
            return ""
        text = " ".join(text.split())
        if not text:
            self.message.emit("Type the new paragraph in the Words box first.")
            return ""
        where = locate(self.controller.doc, pid)
        new = make_paragraph(text, where.part, sub=where.parent_id is not None)
        edit = ProposeParagraph(where.part, where.parent_id, where.index + 1, new, who)
        if not self._apply(edit):
            return ""
        self.view.scroll_to(new.id)
        return new.id

    def proposals_at(self) -> list[tuple[str, Proposal]]:
        """The proposals on the words at the caret or selection (every proposal of the
        paragraph when there is neither)."""
        found = self.current()
        if found is None:
            return []
        w, r = found
        out = []
        for q in r.proposals:
            if not q.is_span or w.start == w.end == 0 or (q.start <= w.end and w.start <= q.end):
                out.append((w.pid, q))
        return out

    def accept(self, pid: str, proposal_id: str) -> bool:
        """The proposal becomes the text."""
        return self._apply(AcceptProposal(pid, proposal_id))

    def drop(self, pid: str, proposal_id: str) -> bool:
        """The proposal is not taken up: the text stays."""
        return self._apply(DropProposal(pid, proposal_id))

    def accept_new_paragraph(self, pid: str) -> bool:
        return self._apply(AcceptNewParagraph(pid))

    def drop_new_paragraph(self, pid: str) -> bool:
        return self._apply(DropNewParagraph(pid))

    def comment(self, text: str) -> bool:
        pid = self.view.current_pid()
        who = self._delegation()
        if who is None or self.record(pid) is None:
            return False
        return self._apply(AddComment(pid, who, text))

    def new_round(self) -> bool:
        return self._apply(NewRound())

    # -- moving about ----------------------------------------------------------------------
    def open_paragraphs(self) -> list[str]:
        """Ids of the paragraphs still open (neither agreed nor deleted), in page order:
        those ``drafting-app status`` lists."""
        doc = self.controller.doc
        nego = doc.negotiation
        if nego is None:
            return []
        out = []
        for p in doc.all_paragraphs():
            r = nego.records.get(p.id)
            if r is not None and r.status.is_open:
                out.append(p.id)
        return out

    def next_open(self, forward: bool = True) -> str:
        """Put the caret at the next (previous) open paragraph after the caret, round the
        draft; its id, or "" when none is open."""
        open_ = self.open_paragraphs()
        if not open_:
            self.message.emit("Every paragraph is agreed ad ref or deleted.")
            return ""
        order = [p.id for p in self.controller.doc.all_paragraphs()]
        here = self.view.current_pid()
        at = order.index(here) if here in order else -1
        rank = {pid: order.index(pid) for pid in open_}
        if forward:
            later = [pid for pid in open_ if rank[pid] > at]
            target = later[0] if later else open_[0]
        else:
            earlier = [pid for pid in open_ if rank[pid] < at] if at >= 0 else []
            target = earlier[-1] if earlier else open_[-1]
        self.view.scroll_to(target)
        self.view.setFocus()
        return target
