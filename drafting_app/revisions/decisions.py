"""Accepting and rejecting pending changes, one at a time, as undoable edits.

A pending change is the difference between the draft and its base at one place. Accepting
it edits the base so that it says what the draft says there (the change is then part of
the agreed text); rejecting it edits the draft back to what the base says (the draft
loses the change). Both go through the draft's one undo history, like any edit.

An edit is planned when first applied, on the document as it then is (a
:class:`~drafting_app.model.changes.Derived` edit), from the change's key: a change is
named by the paragraph it concerns, so it stays the same change while other paragraphs
are edited.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from drafting_app.errors import EditError
from drafting_app.model.annex_edits import (
    AddAnnex,
    DeleteAnnex,
    DeleteHeading,
    InsertHeading,
    SetAnnexHeading,
    SetAnnexTitle,
)
from drafting_app.model.changes import ChangeSet, Derived, Edit
from drafting_app.model.document import Document, Heading, Paragraph, Part
from drafting_app.model.paragraph_edits import DeleteParagraph, InsertParagraph, MoveParagraph
from drafting_app.model.range_edits import AddFootnotes
from drafting_app.model.text_edits import EditFootnote
from drafting_app.model.tree import Location, locate, siblings
from drafting_app.revisions.compare import (
    Change,
    ChangeKind,
    Comparison,
    Target,
    compare,
    paragraph_tokens,
)
from drafting_app.revisions.edits import (
    NoteCopier,
    OnBase,
    ReplaceContent,
    SetFront,
    base_of,
)
from drafting_app.revisions.tokens import rebuild
from drafting_app.revisions.units import Unit
from drafting_app.revisions.words import select


def comparison_of(doc: Document) -> Comparison:
    """The pending changes of a draft against its base (EditError without a base)."""
    rb = base_of(doc)
    return compare(rb.document, doc, rb.attributions)


def _annex_of_region(doc: Document, region: str) -> str | None:
    if not region.startswith("annex:"):
        return None
    k = int(region.split(":")[1])
    if k >= len(doc.annexes):
        raise EditError(
            "The annex of this paragraph is not in the other text: decide the annex first."
        )
    return doc.annexes[k].id


class _Side:
    """One direction of a decision: ``x`` the text the change is taken from, ``y`` the text
    that is edited (accept: draft → base; reject: base → draft)."""

    def __init__(self, cmp: Comparison, accept: bool) -> None:
        self.cmp, self.accept = cmp, accept
        self.x = cmp.new if accept else cmp.base
        self.y = cmp.base if accept else cmp.new
        self.counter = cmp.base_of_new if accept else cmp.new_of_base
        self.notes = cmp.notes if accept else cmp.notes_back

    def x_unit(self, pid: str) -> Unit:
        return self.cmp.new_unit(pid) if self.accept else self.cmp.base_unit(pid)

    def y_unit(self, pid: str) -> Unit:
        return self.cmp.base_unit(pid) if self.accept else self.cmp.new_unit(pid)

    def unit_region(self, pid: str) -> str:
        return self.x_unit(pid).region

    def wrap(self, edit: Edit, label: str) -> Edit:
        return OnBase(edit, label) if self.accept else edit

    def target(self, pid: str, exclude: str | None = None) -> Location:
        """Where the counterpart of ``x``'s paragraph ``pid`` goes in ``y``: under the
        counterpart of its parent, after the counterpart of the nearest sibling before it
        that has one."""
        if self.x_unit(pid).is_heading:
            return self._heading_target(pid, exclude)
        loc = locate(self.x, pid)
        parent = None
        if loc.parent_id is not None:
            parent = self.counter.get(loc.parent_id)
            if parent is None:
                raise EditError("Its parent paragraph is not in the other text: decide that first.")
        annex = _annex_of_region(self.y, self.unit_region(pid)) if loc.annex else None
        x_sibs = siblings(self.x, loc.part, loc.parent_id, loc.annex)
        y_sibs = [s.id for s in siblings(self.y, loc.part, parent, annex) if s.id != exclude]
        return Location(loc.part, parent, self._index(x_sibs[: loc.index], y_sibs), annex)

    def _index(self, before: Sequence[Paragraph | Heading], y_sibs: list[str]) -> int:
        for s in reversed(before):
            c = self.counter.get(s.id)
            if c is not None and c in y_sibs:
                return y_sibs.index(c) + 1
        return 0

    def _heading_target(self, hid: str, exclude: str | None) -> Location:
        region = self.unit_region(hid)
        k = int(region.split(":")[1])
        x_blocks = self.x.annexes[k].blocks
        annex = _annex_of_region(self.y, region)
        assert annex is not None
        y_blocks = [b.id for b in self.y.annexes[k].blocks if b.id != exclude]
        i = next(i for i, b in enumerate(x_blocks) if b.id == hid)
        return Location(Part.OPERATIVE, None, self._index(x_blocks[:i], y_blocks), annex)

    # -- the steps ------------------------------------------------------------------------------
    def bring(self, pid: str, label: str) -> list[Edit]:
        """The paragraph (with its sub-paragraphs) put into ``y``."""
        where = self.target(pid)
        copier = NoteCopier(self.x, self.y, self.notes)
        unit = self.x_unit(pid)
        if isinstance(unit.item, Heading):
            assert where.annex is not None
            return [
                self.wrap(InsertHeading(where.annex, where.index, copier.heading(unit.item)), label)
            ]
        made = copier.paragraph(unit.item)
        edit = InsertParagraph(
            where.part, where.parent_id, where.index, made, copier.new_notes, where.annex
        )
        return [self.wrap(edit, label)]

    def remove(self, pid: str, label: str) -> list[Edit]:
        """``y``'s paragraph ``pid`` (with its sub-paragraphs) taken out."""
        unit = self.y_unit(pid)
        if isinstance(unit.item, Heading):
            annex = _annex_of_region(self.y, unit.region)
            assert annex is not None
            return [self.wrap(DeleteHeading(annex, pid), label)]
        return [self.wrap(DeleteParagraph(pid), label)]

    def words(self, change: Change, label: str, hunks: Sequence[int] | None = None) -> list[Edit]:
        """``y``'s paragraph given ``x``'s words (all of them, or only ``hunks``)."""
        x_id = change.new_id if self.accept else change.base_id
        y_id = change.base_id if self.accept else change.new_id
        assert x_id is not None and y_id is not None
        x_item = self.x_unit(x_id).item
        if isinstance(x_item, Heading):
            return [self.wrap(SetAnnexHeading(y_id, x_item.text), label)]
        copier = NoteCopier(self.x, self.y, self.notes)
        if hunks is None or change.diff is None:
            tokens = paragraph_tokens(x_item)
        else:
            tokens = select(change.diff, hunks, from_new=self.accept)
        # Tokens of both sides may be mixed: name every mark by ``y``'s footnote.
        text, italics, anchors = rebuild(tokens)
        y_notes = {f.id for f in self.y.footnotes}
        anchors = [a if a.footnote_id in y_notes and a.footnote_id not in self.notes
                   else copier.anchors([a])[0] for a in anchors]  # fmt: skip
        edit = ReplaceContent(y_id, text, italics, anchors, copier.new_notes)
        return [self.wrap(edit, label)]

    def move(self, change: Change, label: str) -> list[Edit]:
        x_id = change.new_id if self.accept else change.base_id
        y_id = change.base_id if self.accept else change.new_id
        assert x_id is not None and y_id is not None
        if self.x_unit(x_id).is_heading:
            return self.remove(y_id, label) + self.bring(x_id, label)
        where = self.target(x_id, exclude=y_id)
        steps = [
            self.wrap(
                MoveParagraph(y_id, where.part, where.parent_id, where.index, where.annex), label
            )
        ]
        if change.reworded:
            steps += self.words(change, label)
        return steps

    def front(self, change: Change, label: str) -> list[Edit]:
        name = change.key.split(":", 1)[1]
        return [self.wrap(SetFront(name, getattr(self.x, name)), label)]

    def annex(self, change: Change, label: str) -> list[Edit]:
        k = int(change.key.split(":", 1)[1])
        if k < len(self.x.annexes) and k < len(self.y.annexes):
            src = self.x.annexes[k]
            return [self.wrap(SetAnnexTitle(self.y.annexes[k].id, src.title, src.lines), label)]
        if k < len(self.x.annexes):  # the annex is only in x: bring it whole
            copier = NoteCopier(self.x, self.y, self.notes)
            made = copier.annex(self.x.annexes[k])
            steps: list[Edit] = []
            if copier.new_notes:
                steps.append(self.wrap(AddFootnotes(copier.new_notes), label))
            return [*steps, self.wrap(AddAnnex(made, k), label)]
        return [self.wrap(DeleteAnnex(self.y.annexes[k].id), label)]

    def footnote(self, change: Change, label: str) -> list[Edit]:
        x_id = change.new_id if self.accept else change.base_id
        y_id = change.base_id if self.accept else change.new_id
        assert x_id is not None and y_id is not None
        f = self.x.footnote(x_id)
        return [self.wrap(EditFootnote(y_id, f.text, f.italics), label)]


def _steps(side: _Side, change: Change, hunks: Sequence[int] | None) -> list[Edit]:
    verb = "Accept" if side.accept else "Reject"
    label = f"{verb} {change.label} ({change.description})"
    if change.target is Target.FRONT:
        return side.front(change, label)
    if change.target is Target.ANNEX:
        return side.annex(change, label)
    if change.target is Target.FOOTNOTE:
        return side.footnote(change, label)
    kind = change.kind
    # Accepting an addition brings the paragraph into the base; rejecting it removes it
    # from the draft (and the other way round for a deletion).
    if kind is ChangeKind.ADDED:
        assert change.new_id is not None
        return (
            side.bring(change.new_id, label) if side.accept else side.remove(change.new_id, label)
        )
    if kind is ChangeKind.DELETED:
        assert change.base_id is not None
        return (
            side.remove(change.base_id, label) if side.accept else side.bring(change.base_id, label)
        )
    if kind is ChangeKind.MOVED:
        return side.move(change, label)
    return side.words(change, label, hunks)


class _Decision(Derived):
    accept = True

    def __init__(self, key: str, hunks: Sequence[int] | None = None) -> None:
        super().__init__()
        self.key = key
        self.hunks = None if hunks is None else list(hunks)
        self.label = "Accept change" if self.accept else "Reject change"

    def plan(self, doc: Document) -> list[Edit]:
        cmp = comparison_of(doc)
        try:
            change = cmp.change(self.key)
        except KeyError:
            raise EditError("This change is no longer pending (the text changed).") from None
        steps = _steps(_Side(cmp, self.accept), change, self.hunks)
        if steps:
            self.label = getattr(steps[0], "label", self.label) or self.label
        return steps


class AcceptChange(_Decision):
    """Accept one pending change: the base takes the draft's text at that place."""

    accept = True


class RejectChange(_Decision):
    """Reject one pending change: the draft goes back to the base's text at that place."""

    accept = False


def decide_all(
    doc: Document, accept: bool, keep: Callable[[Change], bool] | None = None
) -> list[Edit]:
    """Accept (or reject) every pending change, or those ``keep`` selects, one after the
    other (each planned on the text the previous one left): the edits applied, in order.
    The caller wraps them as one undo step; on failure everything is reverted."""
    done: list[Edit] = []
    tried: set[str] = set()
    try:
        while True:
            pending = [c for c in comparison_of(doc).changes
                       if c.key not in tried and (keep is None or keep(c))]  # fmt: skip
            if not pending:
                return done
            change = pending[0]
            tried.add(change.key)
            edit = (AcceptChange if accept else RejectChange)(change.key)
            edit.apply(doc)
            done.append(edit)
    except Exception:
        for e in reversed(done):
            e.revert(doc)
        raise


class DecideAll(Edit):
    """Accept All (or Reject All) of the pending changes ``keep`` selects (all of them, or
    one author's) as one undo step."""

    def __init__(self, accept: bool, keep: Callable[[Change], bool] | None = None) -> None:
        self.accept, self.keep = accept, keep
        self.label = "Accept all changes" if accept else "Reject all changes"
        self._done: list[Edit] | None = None

    def apply(self, doc: Document) -> ChangeSet:
        if self._done is None:
            self._done = decide_all(doc, self.accept, self.keep)
            if not self._done:
                raise EditError("There is no pending change to decide.")
        else:  # redo: the same steps, each on the text the previous one left
            for e in self._done:
                e.apply(doc)
        return _everything()

    def revert(self, doc: Document) -> ChangeSet:
        for e in reversed(self._done or []):
            e.revert(doc)
        return _everything()


def _everything() -> ChangeSet:
    """What an Accept All may have touched: any paragraph, note or front line."""
    return ChangeSet(
        structure_changed=True,
        footnotes_changed=True,
        masthead_changed=True,
        annexes_changed=True,
        revisions_changed=True,
    )
