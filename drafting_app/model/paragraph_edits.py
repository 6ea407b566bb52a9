"""Structural edits of the body and the annexes: insert, delete, move (drag and drop,
Alt+Up/Down), indent into a sub-paragraph (a)/(i), outdent, and convert between preamble
and operative part (not in an annex). Numbers are never touched: they are derived from
position.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting_app.errors import EditError
from drafting_app.model.changes import ChangeSet, Derived, Edit
from drafting_app.model.document import Document, Footnote, Heading, Paragraph, Part
from drafting_app.model.tree import (
    Location,
    Siblings,
    find,
    locate,
    siblings,
    subtree_footnote_ids,
    subtree_ids,
)


def _check_index(lst: Siblings, index: int) -> None:
    if not 0 <= index <= len(lst):
        raise EditError(f"Position {index} is outside the paragraph list (0–{len(lst)}).")


def _marks(p: Paragraph) -> bool:
    return any(q.anchors for q in p.walk())


def _take(doc: Document, pid: str) -> tuple[Location, Paragraph]:
    loc, p = find(doc, pid)
    siblings(doc, loc.part, loc.parent_id, loc.annex).pop(loc.index)
    return loc, p


def _put(doc: Document, loc: Location, p: Paragraph) -> None:
    siblings(doc, loc.part, loc.parent_id, loc.annex).insert(loc.index, p)


def check_new(doc: Document, ids: frozenset[str]) -> None:
    """EditError when a paragraph with one of ``ids`` is already in the document."""
    if any(p.id in ids for p in doc.all_paragraphs()):
        raise EditError("This paragraph is already in the document.")


class InsertParagraph(Edit):
    """Insert ``paragraph`` (with its sub-paragraphs) at ``index`` among the children of
    ``parent_id``, or among the top-level paragraphs of ``part`` when ``parent_id`` is None
    (among the blocks of annex ``annex`` when given). ``footnotes`` are new notes its marks
    point to (a clause picked with its footnote)."""

    label = "Insert paragraph"

    def __init__(
        self,
        part: Part,
        parent_id: str | None,
        index: int,
        paragraph: Paragraph,
        footnotes: Sequence[Footnote] = (),
        annex: str | None = None,
        *,
        checked: bool = False,
    ) -> None:
        self.part, self.parent_id, self.index, self.annex = part, parent_id, index, annex
        self.paragraph = paragraph
        self.footnotes = list(footnotes)
        self.checked = checked  # the caller made sure its ids are new (a paste, at once)

    def apply(self, doc: Document) -> ChangeSet:
        ids = subtree_ids(self.paragraph)
        if not self.checked:
            check_new(doc, ids)
        known = {f.id for f in doc.footnotes}
        if any(f.id in known for f in self.footnotes):
            raise EditError("This footnote is already in the document.")
        lst = siblings(doc, self.part, self.parent_id, self.annex)
        _check_index(lst, self.index)
        lst.insert(self.index, self.paragraph)
        doc.footnotes.extend(self.footnotes)
        return ChangeSet(
            inserted=ids,
            structure_changed=True,
            footnotes_changed=bool(self.footnotes) or _marks(self.paragraph),
        )

    def revert(self, doc: Document) -> ChangeSet:
        _take(doc, self.paragraph.id)
        gone = {f.id for f in self.footnotes}
        doc.footnotes[:] = [f for f in doc.footnotes if f.id not in gone]
        return ChangeSet(
            deleted=subtree_ids(self.paragraph),
            structure_changed=True,
            footnotes_changed=bool(self.footnotes) or _marks(self.paragraph),
        )

    def involved_texts(self) -> list[str]:
        return [self.paragraph.text]


class DeleteParagraph(Edit):
    """Delete a paragraph with its sub-paragraphs and the footnotes marked only there;
    revert puts everything back in its place."""

    label = "Delete paragraph"

    def __init__(self, pid: str) -> None:
        self.pid = pid
        self._where: Location | None = None
        self._paragraph: Paragraph | None = None
        self._notes: list[tuple[int, Footnote]] = []
        self._heir: tuple[Paragraph, list[str]] | None = None

    def apply(self, doc: Document) -> ChangeSet:
        self._where, p = _take(doc, self.pid)
        self._paragraph = p
        self._heir = None
        rest = siblings(doc, self._where.part, self._where.parent_id, self._where.annex)
        if p.headings and self._where.index < len(rest):
            # The section headings above it stay where they stood: above the next paragraph.
            heir = rest[self._where.index]
            if isinstance(heir, Paragraph):
                self._heir = (heir, list(heir.headings))
                heir.headings = [*p.headings, *heir.headings]
        still = {a.footnote_id for q in doc.all_paragraphs() for a in q.anchors}
        orphans = set(subtree_footnote_ids(p)) - still
        self._notes = [(i, f) for i, f in enumerate(doc.footnotes) if f.id in orphans]
        doc.footnotes[:] = [f for f in doc.footnotes if f.id not in orphans]
        return ChangeSet(
            deleted=subtree_ids(p), structure_changed=True, footnotes_changed=_marks(p)
        )

    def revert(self, doc: Document) -> ChangeSet:
        assert self._where is not None and self._paragraph is not None, "revert before apply"
        for i, f in self._notes:
            doc.footnotes.insert(i, f)
        if self._heir is not None:
            self._heir[0].headings = self._heir[1]
        _put(doc, self._where, self._paragraph)
        p = self._paragraph
        return ChangeSet(
            inserted=subtree_ids(p), structure_changed=True, footnotes_changed=_marks(p)
        )

    def involved_texts(self) -> list[str]:
        return [self._paragraph.text] if self._paragraph is not None else []


class MoveParagraph(Edit):
    """Move a paragraph (with its sub-paragraphs) to ``index`` among the children of
    ``parent_id`` (top level of ``part`` when None, the blocks of annex ``annex`` when
    given). ``index`` counts the target list *after* the paragraph left its old place;
    ``part`` and ``annex`` are ignored when ``parent_id`` is given (a sub-paragraph belongs
    to its parent's part)."""

    label = "Move paragraph"

    def __init__(
        self, pid: str, part: Part, parent_id: str | None, index: int, annex: str | None = None
    ) -> None:
        self.pid, self.part, self.parent_id, self.index = pid, part, parent_id, index
        self.annex = annex
        self._old: Location | None = None
        self._paragraph: Paragraph | None = None

    def apply(self, doc: Document) -> ChangeSet:
        loc, p = find(doc, self.pid)
        if self.parent_id is not None and self.parent_id in subtree_ids(p):
            raise EditError("A paragraph cannot be moved into one of its own sub-paragraphs.")
        if self.parent_id is not None:
            locate(doc, self.parent_id)
        _take(doc, self.pid)
        try:
            target = siblings(doc, self.part, self.parent_id, self.annex)
            _check_index(target, self.index)
        except EditError:
            _put(doc, loc, p)
            raise
        target.insert(self.index, p)
        self._old, self._paragraph = loc, p
        return self._changes(p)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._old is not None, "revert before apply"
        _, p = _take(doc, self.pid)
        _put(doc, self._old, p)
        return self._changes(p)

    def _changes(self, p: Paragraph) -> ChangeSet:
        return ChangeSet(
            moved=frozenset({p.id}), structure_changed=True, footnotes_changed=_marks(p)
        )

    def involved_texts(self) -> list[str]:
        return [self._paragraph.text] if self._paragraph is not None else []


class Indent(Derived):
    """Make a paragraph the last sub-paragraph of its previous sibling: "3." becomes
    "2. (c)", "(b)" becomes "(a) (i)"."""

    label = "Indent paragraph"

    def __init__(self, pid: str) -> None:
        super().__init__()
        self.pid = pid

    def plan(self, doc: Document) -> list[Edit]:
        loc = locate(doc, self.pid)
        if loc.index == 0:
            raise EditError("The first paragraph of a list has nothing above it to go under.")
        prev = siblings(doc, loc.part, loc.parent_id, loc.annex)[loc.index - 1]
        if isinstance(prev, Heading):
            raise EditError("A heading is above this paragraph: there is nothing to go under.")
        return [MoveParagraph(self.pid, loc.part, prev.id, len(prev.children))]


class Outdent(Derived):
    """Lift a sub-paragraph one level, just after its parent. As in Word, the order of the
    text is kept: the sub-paragraphs that followed it become its own sub-paragraphs."""

    label = "Outdent paragraph"

    def __init__(self, pid: str) -> None:
        super().__init__()
        self.pid = pid

    def plan(self, doc: Document) -> list[Edit]:
        loc, p = find(doc, self.pid)
        if loc.parent_id is None:
            raise EditError("This paragraph is already at the top level.")
        up = locate(doc, loc.parent_id)
        following = siblings(doc, loc.part, loc.parent_id)[loc.index + 1 :]
        steps: list[Edit] = [MoveParagraph(self.pid, up.part, up.parent_id, up.index + 1, up.annex)]
        base = len(p.children)
        steps += [
            MoveParagraph(f.id, loc.part, self.pid, base + k) for k, f in enumerate(following)
        ]
        return steps


class ConvertPart(Derived):
    """Turn a preambular paragraph into an operative one or back. Without ``index`` it goes
    to the boundary between the parts: first operative paragraph, or last preambular one.
    An annex paragraph is refused: a declaration's paragraph is not a clause of the
    resolution."""

    label = "Convert paragraph"

    def __init__(self, pid: str, index: int | None = None) -> None:
        super().__init__()
        self.pid, self.index = pid, index

    def plan(self, doc: Document) -> list[Edit]:
        loc = locate(doc, self.pid)
        if loc.annex is not None:
            raise EditError(
                "An annex paragraph belongs to its annex: it is neither preambular nor operative."
            )
        if loc.part is Part.PREAMBLE:
            target, index = Part.OPERATIVE, 0
        else:
            target, index = Part.PREAMBLE, len(doc.preamble)
        return [MoveParagraph(self.pid, target, None, index if self.index is None else self.index)]
