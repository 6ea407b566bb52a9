"""Edits of a negotiation (WORKFLOWS.md §2), each one undo step through the one controller:
start the negotiation (labels frozen), a new round, the list of delegations, a paragraph's
status, brackets, alternatives, proposals by delegation (recorded, accepted, dropped) and
comments.

A record edit replaces a paragraph's immutable :class:`~drafting_app.model.negotiation.Record`
with one computed on its first apply; revert puts the old one back, redo the same new one.
An edit that also changes the words (accepting a proposal, choosing an alternative) is a
:class:`~drafting_app.model.changes.Derived` of a record edit and a text splice, whose
brackets and proposals follow the text (:class:`~drafting_app.model.text_edits.SetText`).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import replace

from drafting_app.errors import EditError
from drafting_app.model.changes import ChangeSet, Derived, Edit
from drafting_app.model.document import Anchor, Document, Paragraph, Part
from drafting_app.model.ids import new_id
from drafting_app.model.negotiation import (
    USUAL_GROUPS,
    Agreement,
    AlternativeSet,
    Bracket,
    Comment,
    Negotiation,
    Option,
    Origin,
    Proposal,
    ProposalKind,
    Record,
    Status,
    bracket_like,
    fits,
    nested,
    now,
    spans_overlap,
)
from drafting_app.model.negotiation_labels import frozen_labels, local_labels, new_paragraph_ids
from drafting_app.model.paragraph_edits import InsertParagraph
from drafting_app.model.text_edits import SetText, paragraph_of, splice
from drafting_app.model.tree import locate


def negotiation_of(doc: Document) -> Negotiation:
    if doc.negotiation is None:
        raise EditError("The draft is not in negotiation: start the negotiation first.")
    return doc.negotiation


def labelled(doc: Document, pid: str) -> tuple[Paragraph, Record]:
    """Paragraph ``pid`` with its negotiation record (EditError when it has none)."""
    record = negotiation_of(doc).records.get(pid)
    p = paragraph_of(doc, pid)
    if record is None:
        raise EditError("This paragraph has no label yet in the compilation text.")
    return p, record


def _words(text: str) -> str:
    """Words a delegation puts forward: square brackets are the compilation's own marks."""
    if "[" in text or "]" in text:
        raise EditError(
            "Leave square brackets out of proposed words: bracket text with Bracket Selection."
        )
    return text


def _author(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise EditError("A proposal needs the delegation or group that makes it.")
    return name


def _changes(pids: Sequence[str] = (), *, structure: bool = False) -> ChangeSet:
    return ChangeSet(
        negotiation_ids=frozenset(pids), negotiation_changed=True, structure_changed=structure
    )


# -- the negotiation as a whole --------------------------------------------------------------
class StartNegotiation(Edit):
    """Freeze the labels (PP1…, OP1…, sub-paragraphs "(a)"…) and open round 1: every
    paragraph pending."""

    label = "Start negotiation"

    def __init__(self, delegations: Sequence[str] | None = None, facilitator: str = "") -> None:
        self.delegations = list(delegations) if delegations is not None else list(USUAL_GROUPS)
        self.facilitator = facilitator
        self._made: Negotiation | None = None

    def apply(self, doc: Document) -> ChangeSet:
        if doc.negotiation is not None:
            raise EditError("The draft is already in negotiation.")
        if self._made is None:
            labels = frozen_labels(doc)
            texts = {p.id: p.text for p in doc.all_paragraphs() if p.id in labels}
            if not labels:
                raise EditError("The draft has no preambular or operative paragraph to negotiate.")
            self._made = Negotiation(
                round=1,
                started=now(),
                delegations=list(self.delegations),
                records={pid: Record(label, base=texts[pid]) for pid, label in labels.items()},
            )
            if self.facilitator.strip():
                self._made.facilitator = self.facilitator.strip()
        doc.negotiation = self._made
        return _changes(list(self._made.records), structure=True)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._made is not None, "revert before apply"
        doc.negotiation = None
        return _changes(list(self._made.records), structure=True)


class EndNegotiation(Edit):
    """Leave negotiation mode (the draft becomes a plain draft again; undo brings the
    compilation back)."""

    label = "End negotiation"

    def __init__(self) -> None:
        self._old: Negotiation | None = None

    def apply(self, doc: Document) -> ChangeSet:
        self._old = negotiation_of(doc)
        doc.negotiation = None
        return _changes(list(self._old.records), structure=True)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._old is not None, "revert before apply"
        doc.negotiation = self._old
        return _changes(list(self._old.records), structure=True)


class NewRound(Edit):
    """The next round of consultations (rev. 1, rev. 2 …): proposals from now on carry it."""

    label = "New round"

    def apply(self, doc: Document) -> ChangeSet:
        negotiation_of(doc).round += 1
        return _changes()

    def revert(self, doc: Document) -> ChangeSet:
        negotiation_of(doc).round -= 1
        return _changes()


class SetDelegations(Edit):
    """The delegations and groups the facilitator records proposals for."""

    label = "Edit delegations"

    def __init__(self, names: Sequence[str]) -> None:
        cleaned = [" ".join(n.split()) for n in names]
        self.names = list(dict.fromkeys(n for n in cleaned if n))
        self._old: list[str] = []

    def apply(self, doc: Document) -> ChangeSet:
        nego = negotiation_of(doc)
        self._old, nego.delegations = list(nego.delegations), list(self.names)
        return _changes()

    def revert(self, doc: Document) -> ChangeSet:
        negotiation_of(doc).delegations = list(self._old)
        return _changes()


# -- record edits ------------------------------------------------------------------------------
class RecordsEdit(Edit):
    """Replace records (computed by :meth:`change` on first apply); revert restores them."""

    def __init__(self) -> None:
        self._new: dict[str, Record] | None = None
        self._old: dict[str, Record | None] = {}

    @abstractmethod
    def change(self, doc: Document, nego: Negotiation) -> dict[str, Record]: ...

    def apply(self, doc: Document) -> ChangeSet:
        nego = negotiation_of(doc)
        if self._new is None:
            self._new = self.change(doc, nego)
        self._old = {pid: nego.records.get(pid) for pid in self._new}
        nego.records.update(self._new)
        return _changes(list(self._new))

    def revert(self, doc: Document) -> ChangeSet:
        nego = negotiation_of(doc)
        for pid, record in self._old.items():
            if record is None:
                nego.records.pop(pid, None)
            else:
                nego.records[pid] = record
        return _changes(list(self._old))


class RecordEdit(RecordsEdit):
    """An edit of one paragraph's record."""

    def __init__(self, pid: str) -> None:
        super().__init__()
        self.pid = pid

    @abstractmethod
    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record: ...

    def change(self, doc: Document, nego: Negotiation) -> dict[str, Record]:
        p, record = labelled(doc, self.pid)
        return {self.pid: self.update(doc, nego, p, record)}


class LabelNewParagraphs(RecordsEdit):
    """Freeze the provisional labels of paragraphs added since the last freeze ("OP5 bis");
    they are new paragraphs (status *new*). Nothing to do is no change."""

    label = "Label new paragraphs"

    def change(self, doc: Document, nego: Negotiation) -> dict[str, Record]:
        fresh = new_paragraph_ids(doc, nego)
        if not fresh:
            return {}
        labels = local_labels(doc, nego)
        return {pid: Record(labels[pid], status=Status.NEW) for pid in fresh}

    def apply(self, doc: Document) -> ChangeSet:
        if doc.negotiation is None:
            return ChangeSet()
        out = super().apply(doc)
        return out if self._new else ChangeSet()

    def revert(self, doc: Document) -> ChangeSet:
        if doc.negotiation is None or not self._new:
            return ChangeSet()
        return super().revert(doc)


class SetStatus(RecordEdit):
    """Mark a paragraph agreed ad ref, under consultation, pending, deleted or new. Agreeing
    records the round, the time and the wording agreed (a later change of it is reported)."""

    def __init__(self, pid: str, status: Status) -> None:
        super().__init__(pid)
        self.status = status
        self.label = f"Mark {status.words.lower()}"

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        if r.status is self.status:
            raise EditError(f"The paragraph is already marked {self.status.words.lower()}.")
        if self.status is Status.AGREED:
            return r.with_(status=self.status, agreed=Agreement(nego.round, now(), p.text),
                           changes=())  # fmt: skip
        return r.with_(status=self.status, agreed=None, changes=())


def _check_span(p: Paragraph, start: int, end: int) -> None:
    if not 0 <= start <= end <= len(p.text):
        raise EditError(f"The span {start}–{end} is outside the paragraph's text.")


def _open(r: Record) -> None:
    if r.status is Status.DELETED:
        raise EditError(f"{r.label} is deleted: restore it before changing it.")


class AddBracket(RecordEdit):
    """Square brackets around ``[start, end)``: inside or around existing brackets, never
    across one, so brackets always print balanced."""

    label = "Bracket text"

    def __init__(self, pid: str, start: int, end: int) -> None:
        super().__init__(pid)
        self.start, self.end = start, end
        self.bracket_id = new_id("br")

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        _check_span(p, self.start, self.end)
        _open(r)
        if not p.text[self.start : self.end].strip():
            # A bracket holds words: "[ ]" around a space reads back as nothing (or, after an
            # alternative set, as its empty last option).
            raise EditError("Select the words to put in brackets.")
        span = (self.start, self.end)
        if span in [(b.start, b.end) for b in r.brackets]:
            raise EditError("These words are already in brackets.")
        if not nested([*bracket_like(r), span]):
            raise EditError(
                "The selection crosses a bracket: select the words inside it, or the whole "
                "bracketed text and more."
            )
        return r.with_(brackets=(*r.brackets, Bracket(self.bracket_id, *span)))


class _Remove(RecordEdit):
    """Take one bracket, proposal or comment (by id) out of the record."""

    field = ""
    missing = ""

    def __init__(self, pid: str, item_id: str) -> None:
        super().__init__(pid)
        self.item_id = item_id

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        items = getattr(r, self.field)
        kept = tuple(x for x in items if x.id != self.item_id)
        if len(kept) == len(items):
            raise EditError(self.missing)
        return r.with_(**{self.field: kept})


class RemoveBracket(_Remove):
    """Lift a pair of brackets (the words are agreed)."""

    label, field = "Remove brackets", "brackets"
    missing = "These brackets are no longer in the paragraph."


class AddAlternative(RecordEdit):
    """An alternative wording for ``[start, end)`` by ``author``: a new alternative set
    ("[Requests][Invites]"), or one more option of the set over exactly that span."""

    label = "Add alternative"

    def __init__(self, pid: str, start: int, end: int, text: str, author: str = "") -> None:
        super().__init__(pid)
        self.start, self.end, self.text = start, end, _words(text)
        self.author = " ".join(author.split())
        self.set_id = new_id("alt")

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        _check_span(p, self.start, self.end)
        _open(r)
        option = Option(self.text, self.author, nego.round)
        span = (self.start, self.end)
        for i, a in enumerate(r.alternatives):
            if (a.start, a.end) == span:
                if self.text in (p.text[a.start : a.end], *(o.text for o in a.options)):
                    raise EditError("This wording is already one of the alternatives.")
                grown = replace(a, options=(*a.options, option))
                return r.with_(alternatives=_put(r.alternatives, i, grown))
        if self.text == p.text[self.start : self.end]:
            raise EditError("The alternative is the same as the text.")
        if not nested([*bracket_like(r), span]):
            raise EditError("The selection crosses a bracket: an alternative must nest.")
        new = AlternativeSet(self.set_id, self.start, self.end, (option,))
        if any(not fits(new, (q.start, q.end)) for q in r.proposals if q.is_span):
            raise EditError(
                "A proposal covers part of the selection: an alternative set goes around "
                "whole proposals, not across or inside one."
            )
        return r.with_(alternatives=(*r.alternatives, new))


def _put(
    items: tuple[AlternativeSet, ...], i: int, item: AlternativeSet
) -> tuple[AlternativeSet, ...]:
    return (*items[:i], item, *items[i + 1 :])


def _alternative(r: Record, set_id: str) -> tuple[int, AlternativeSet]:
    for i, a in enumerate(r.alternatives):
        if a.id == set_id:
            return i, a
    raise EditError("This alternative set is no longer in the paragraph.")


class DropOption(RecordEdit):
    """Drop option ``index`` (2, 3 … as printed: index 1 is the first of ``options``) of an
    alternative set. The paragraph's own wording (option 1) is dropped with
    :class:`ChooseAlternative` instead."""

    label = "Drop alternative"

    def __init__(self, pid: str, set_id: str, index: int) -> None:
        super().__init__(pid)
        self.set_id, self.index = set_id, index

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        i, a = _alternative(r, self.set_id)
        if not 1 <= self.index <= len(a.options):
            raise EditError(f"The set has no alternative {self.index + 1}.")
        options = a.options[: self.index - 1] + a.options[self.index :]
        return r.with_(alternatives=_put(r.alternatives, i, replace(a, options=options)))


class _RemoveMarks(RecordEdit):
    """Take an alternative set or proposals out of a record before a splice settles them;
    proposals on the words the splice replaces go too (they are overtaken)."""

    def __init__(
        self,
        pid: str,
        *,
        set_id: str = "",
        proposal_id: str = "",
        span: tuple[int, int] | None = None,
        status: Status | None = None,
        clear: bool = False,
    ) -> None:
        super().__init__(pid)
        self.set_id, self.proposal_id, self.span = set_id, proposal_id, span
        self.status, self.clear = status, clear

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        if self.clear:
            return r.with_(brackets=(), alternatives=(), proposals=(), paragraph_alternatives=())
        span = self.span
        proposals = tuple(
            q
            for q in r.proposals
            if q.id != self.proposal_id
            and not (span is not None and q.is_span and spans_overlap(span, (q.start, q.end)))
        )
        alternatives = tuple(a for a in r.alternatives if a.id != self.set_id)
        out = r.with_(proposals=proposals, alternatives=alternatives)
        return out.with_(status=self.status) if self.status is not None else out


class ChooseAlternative(Derived):
    """Settle an alternative set on option ``index`` (0 = the paragraph's own wording):
    its words become the text, the set goes, proposals on the replaced words go with it."""

    label = "Choose alternative"

    def __init__(self, pid: str, set_id: str, index: int) -> None:
        super().__init__()
        self.pid, self.set_id, self.index = pid, set_id, index

    def plan(self, doc: Document) -> list[Edit]:
        p, record = labelled(doc, self.pid)
        _, a = _alternative(record, self.set_id)
        if not 0 <= self.index <= len(a.options):
            raise EditError(f"The set has no alternative {self.index + 1}.")
        if self.index == 0:
            return [_RemoveMarks(self.pid, set_id=a.id)]
        option = a.options[self.index - 1]
        return [
            _RemoveMarks(self.pid, set_id=a.id, span=(a.start, a.end)),
            splice(p, a.start, a.end, option.text, self.label, option.author),
        ]


class Propose(RecordEdit):
    """Record a delegation's proposal on the paragraph: insert ``text`` at ``start``,
    delete ``[start, end)``, replace it by ``text``, or delete the paragraph."""

    def __init__(
        self, pid: str, kind: ProposalKind, author: str, start: int = 0, end: int = 0,
        text: str = "",
    ) -> None:  # fmt: skip
        super().__init__(pid)
        self.kind, self.author = kind, _author(author)
        self.start, self.end, self.text = start, end, _words(text)
        self.proposal_id = new_id("pr")
        self.label = f"{self.author}: {kind.value.replace('-', ' ')}"

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        _open(r)
        start, end, text = self.start, self.end, self.text
        if self.kind is ProposalKind.DELETE_PARAGRAPH:
            start = end = 0
            text = ""
        else:
            _check_span(p, start, end)
        if self.kind is ProposalKind.INSERT and (start != end or not text.strip()):
            raise EditError("An insertion needs a place (no selection) and the words to add.")
        if self.kind is ProposalKind.DELETE and start == end:
            raise EditError("Select the words the delegation wants deleted.")
        if self.kind is ProposalKind.REPLACE and (start == end or text == p.text[start:end]):
            raise EditError("Select the words to replace and give different words for them.")
        if any(not fits(a, (start, end)) for a in r.alternatives):
            raise EditError(
                "The words cross the edge of an alternative set: record the proposal on words "
                "of one option, or choose between the alternatives first."
            )
        old = p.text[start:end]
        proposal = Proposal(self.proposal_id, self.kind, start, end, text, self.author,
                            nego.round, old)  # fmt: skip
        return r.with_(proposals=(*r.proposals, proposal))


def _proposal(r: Record, proposal_id: str) -> Proposal:
    for q in r.proposals:
        if q.id == proposal_id:
            return q
    raise EditError("This proposal is no longer in the paragraph.")


class AcceptProposal(Derived):
    """Accept a proposal: its words become the text (a deletion of the paragraph marks it
    deleted). Proposals on the same words are overtaken and go with it; the change of an
    agreed paragraph is recorded under the proposal's author."""

    label = "Accept proposal"

    def __init__(self, pid: str, proposal_id: str) -> None:
        super().__init__()
        self.pid, self.proposal_id = pid, proposal_id

    def plan(self, doc: Document) -> list[Edit]:
        p, record = labelled(doc, self.pid)
        q = _proposal(record, self.proposal_id)
        if q.kind is ProposalKind.DELETE_PARAGRAPH:
            return [_RemoveMarks(self.pid, proposal_id=q.id, status=Status.DELETED)]
        words = p.text[q.start : q.end]
        if q.kind is not ProposalKind.INSERT and words != q.old:
            now_words = f"“{words}”" if words else "nothing"
            raise EditError(
                f"The words {q.author} proposed to {q.kind.value} (“{q.old}”) were changed "
                f"since (the text now has {now_words} there): drop the proposal or record "
                "it again."
            )
        return [
            _RemoveMarks(self.pid, proposal_id=q.id, span=(q.start, q.end)),
            splice(p, q.start, q.end, q.text, self.label, q.author),
        ]


class DropProposal(_Remove):
    """Drop a proposal (not taken up): the text stays as it is."""

    label, field = "Drop proposal", "proposals"
    missing = "This proposal is no longer in the paragraph."


class AddComment(RecordEdit):
    """A note on the paragraph by a delegation or the facilitator ("retain", "flexible")."""

    label = "Add comment"

    def __init__(self, pid: str, author: str, text: str) -> None:
        super().__init__(pid)
        self.author, self.text = _author(author), " ".join(text.split())
        self.comment_id = new_id("cm")

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        if not self.text:
            raise EditError("The comment is empty.")
        comment = Comment(self.comment_id, self.author, self.text, nego.round)
        return r.with_(comments=(*r.comments, comment))


class RemoveComment(_Remove):
    label, field = "Remove comment", "comments"
    missing = "This comment is no longer on the paragraph."


# -- whole alternative paragraphs and new paragraphs -------------------------------------------
class AddParagraphAlternative(RecordEdit):
    """A whole alternative paragraph ("OP7 Alt 2") by ``author``."""

    label = "Add alternative paragraph"

    def __init__(self, pid: str, text: str, author: str = "") -> None:
        super().__init__(pid)
        self.text, self.author = _words(" ".join(text.split())), " ".join(author.split())

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        _open(r)
        if not self.text:
            raise EditError("The alternative paragraph is empty.")
        if self.text in (p.text, *(o.text for o in r.paragraph_alternatives)):
            raise EditError("This wording is already one of the alternatives.")
        option = Option(self.text, self.author, nego.round)
        return r.with_(paragraph_alternatives=(*r.paragraph_alternatives, option))


class DropParagraphAlternative(RecordEdit):
    """Drop alternative paragraph ``index`` (1 = "Alt 2")."""

    label = "Drop alternative paragraph"

    def __init__(self, pid: str, index: int) -> None:
        super().__init__(pid)
        self.index = index

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        alts = r.paragraph_alternatives
        if not 1 <= self.index <= len(alts):
            raise EditError(f"The paragraph has no Alt {self.index + 1}.")
        return r.with_(paragraph_alternatives=alts[: self.index - 1] + alts[self.index :])


class ChooseParagraphAlternative(Derived):
    """Settle whole alternative paragraphs on ``index`` (0 = the paragraph as it is): the
    chosen wording becomes the paragraph (its opening phrase in italics); the brackets and
    proposals on the replaced wording go; footnote marks move to the end of the text."""

    label = "Choose alternative paragraph"

    def __init__(self, pid: str, index: int) -> None:
        super().__init__()
        self.pid, self.index = pid, index

    def plan(self, doc: Document) -> list[Edit]:
        p, record = labelled(doc, self.pid)
        if not record.paragraph_alternatives:
            raise EditError("This paragraph has no alternative paragraphs.")
        alts = record.paragraph_alternatives
        if not 0 <= self.index <= len(alts):
            raise EditError(f"The paragraph has no Alt {self.index + 1}.")
        if self.index == 0:
            return [_ClearParagraphAlternatives(self.pid)]
        option = alts[self.index - 1]
        from drafting_app.model.conventions import make_paragraph  # the phrase book, lazily

        shaped = make_paragraph(option.text, locate(doc, self.pid).part)
        anchors = [Anchor(len(option.text), a.footnote_id) for a in p.anchors]
        text = SetText(self.pid, option.text, shaped.italics, anchors, mergeable=False,
                       label=self.label, author=option.author)  # fmt: skip
        return [_RemoveMarks(self.pid, clear=True), text]


class _ClearParagraphAlternatives(RecordEdit):
    label = "Choose alternative paragraph"

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        return r.with_(paragraph_alternatives=())


class _LabelAs(RecordsEdit):
    """Give a just-inserted paragraph its provisional label as a new paragraph proposed by
    ``origin`` (sub-paragraphs inserted with it are new paragraphs too)."""

    def __init__(self, pid: str, origin: Origin | None) -> None:
        super().__init__()
        self.pid, self.origin = pid, origin

    def change(self, doc: Document, nego: Negotiation) -> dict[str, Record]:
        labels = local_labels(doc, nego)
        out = {pid: Record(labels[pid], status=Status.NEW) for pid in new_paragraph_ids(doc, nego)}
        if self.pid in out and self.origin is not None:
            out[self.pid] = out[self.pid].with_(origin=self.origin)
        return out


class ProposeParagraph(Derived):
    """A new paragraph proposed by ``author`` (blank for the facilitator's own), slotted in
    at ``index`` of ``part`` (of ``parent_id``'s sub-paragraphs): it gets the next free
    label after the paragraph before it ("OP5 bis") and is *new* until accepted."""

    label = "Propose paragraph"

    def __init__(
        self,
        part: Part,
        parent_id: str | None,
        index: int,
        paragraph: Paragraph,
        author: str = "",
    ) -> None:
        super().__init__()
        self.part, self.parent_id, self.index = part, parent_id, index
        self.paragraph, self.author = paragraph, " ".join(author.split())

    def plan(self, doc: Document) -> list[Edit]:
        nego = negotiation_of(doc)
        origin = Origin(self.author, nego.round) if self.author else None
        return [
            InsertParagraph(self.part, self.parent_id, self.index, self.paragraph),
            _LabelAs(self.paragraph.id, origin),
        ]


class AcceptNewParagraph(RecordEdit):
    """A proposed new paragraph is taken into the text: under consultation from now on."""

    label = "Accept new paragraph"

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        if not r.open_new_paragraph:
            raise EditError(f"{r.label} is not an open proposal of a new paragraph.")
        return r.with_(status=Status.CONSULTATION)


class DropNewParagraph(RecordEdit):
    """A proposed new paragraph is not taken up: it is deleted, its label kept (struck)."""

    label = "Drop new paragraph"

    def update(self, doc: Document, nego: Negotiation, p: Paragraph, r: Record) -> Record:
        if not r.open_new_paragraph:
            raise EditError(f"{r.label} is not an open proposal of a new paragraph.")
        return r.with_(status=Status.DELETED)
