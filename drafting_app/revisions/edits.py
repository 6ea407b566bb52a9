"""The model edits accepting and rejecting changes are made of: an edit of the base text,
a paragraph given its counterpart's words (with the footnotes they mark), a part of the
front set whole, and copies of paragraphs and annexes from one text into the other.

Each is an :class:`~drafting_app.model.changes.Edit` — ``apply`` then ``revert`` leaves
the document exactly as it was — so accepting and rejecting are undone like typing, in
the draft's one undo history.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from drafting_app.errors import EditError
from drafting_app.model.changes import ChangeSet, Edit
from drafting_app.model.document import (
    Anchor,
    Annex,
    BrokenRef,
    Document,
    Footnote,
    Heading,
    Paragraph,
    Span,
)
from drafting_app.model.ids import new_id
from drafting_app.model.revision import RevisionBase
from drafting_app.model.text_edits import paragraph_of


def base_of(doc: Document) -> RevisionBase:
    if doc.revision_base is None:
        raise EditError("This draft has no base text to compare with.")
    return doc.revision_base


class OnBase(Edit):
    """An edit of the draft's base text: accepting a change makes the base say what the
    draft says, so the change is no longer pending."""

    def __init__(self, edit: Edit, label: str = "Accept change") -> None:
        self.edit = edit
        self.label = label

    def apply(self, doc: Document) -> ChangeSet:
        self.edit.apply(base_of(doc).document)
        return ChangeSet(revisions_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        self.edit.revert(base_of(doc).document)
        return ChangeSet(revisions_changed=True)


def _marked(doc: Document) -> set[str]:
    return {a.footnote_id for p in doc.all_paragraphs() for a in p.anchors}


class ReplaceContent(Edit):
    """Give paragraph ``pid`` the text, italics and footnote marks of its counterpart in the
    other text. ``notes`` are footnotes its marks need that the document lacks (they are
    added); footnotes its old marks pointed to that nothing marks any more are removed,
    as deleting a paragraph removes the footnotes marked only there."""

    label = "Replace paragraph"

    def __init__(
        self,
        pid: str,
        text: str,
        italics: Sequence[Span],
        anchors: Sequence[Anchor],
        notes: Sequence[Footnote] = (),
    ) -> None:
        self.pid, self.text = pid, text
        self.italics, self.anchors = list(italics), list(anchors)
        self.notes = list(notes)
        self._old: tuple[str, list[Span], list[Anchor], list[BrokenRef]] | None = None
        self._dropped: list[tuple[int, Footnote]] = []

    def apply(self, doc: Document) -> ChangeSet:
        p = paragraph_of(doc, self.pid)
        known = {f.id for f in doc.footnotes}
        needed = {a.footnote_id for a in self.anchors}
        missing = needed - known - {f.id for f in self.notes}
        if missing:
            raise EditError("A footnote this paragraph marks is missing.")
        self._old = (p.text, list(p.italics), list(p.anchors), list(p.broken_refs))
        old_marks = {a.footnote_id for a in p.anchors}
        p.text, p.italics, p.anchors = self.text, list(self.italics), list(self.anchors)
        p.broken_refs = []
        doc.footnotes.extend(f for f in self.notes if f.id not in known)
        still = _marked(doc)
        self._dropped = [
            (i, f) for i, f in enumerate(doc.footnotes) if f.id in old_marks and f.id not in still
        ]
        gone = {f.id for _, f in self._dropped}
        doc.footnotes[:] = [f for f in doc.footnotes if f.id not in gone]
        return ChangeSet(changed_ids=frozenset({self.pid}), footnotes_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._old is not None, "revert before apply"
        added = {f.id for f in self.notes}
        doc.footnotes[:] = [f for f in doc.footnotes if f.id not in added]
        for i, f in self._dropped:
            doc.footnotes.insert(i, f)
        p = paragraph_of(doc, self.pid)
        p.text, p.italics, p.anchors = self._old[0], list(self._old[1]), list(self._old[2])
        p.broken_refs = list(self._old[3])
        return ChangeSet(changed_ids=frozenset({self.pid}), footnotes_changed=True)


# The parts of the front a change sets whole.
FRONT_ATTRIBUTES = ("masthead", "front_matter", "heading", "title", "authoring_body", "adoption")


class SetFront(Edit):
    """Set one part of the front (the masthead, the front-matter lines, the heading, the
    title, the authoring-body line, the adoption line) to a copy of ``value``."""

    label = "Set front"

    def __init__(self, attribute: str, value: Any) -> None:
        if attribute not in FRONT_ATTRIBUTES:
            raise EditError(f"The front of a document has no {attribute!r}.")
        self.attribute = attribute
        self.value = copy.deepcopy(value)
        self._old: Any = None

    def apply(self, doc: Document) -> ChangeSet:
        self._old = getattr(doc, self.attribute)
        setattr(doc, self.attribute, copy.deepcopy(self.value))
        return ChangeSet(masthead_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        setattr(doc, self.attribute, self._old)
        return ChangeSet(masthead_changed=True)


class NoteCopier:
    """Copies paragraphs (and annexes) from one text into another: ids kept unless the
    target already uses them, footnote marks pointed at the target's corresponding notes,
    and the notes the target lacks copied along."""

    def __init__(self, source: Document, target: Document, notes: Mapping[str, str]) -> None:
        self.source_notes = {f.id: f for f in source.footnotes}
        self.target_notes = {f.id for f in target.footnotes}
        self.taken = {p.id for p in target.all_paragraphs()} | self.target_notes
        self.taken |= {b.id for a in target.annexes for b in a.blocks}
        self.notes = dict(notes)
        self.new_notes: list[Footnote] = []

    def _id(self, old: str, prefix: str) -> str:
        out = old if old not in self.taken else new_id(prefix)
        self.taken.add(out)
        return out

    def note(self, fid: str) -> str:
        """The target's id for the source's footnote ``fid`` (copied when missing)."""
        if fid in self.notes:
            return self.notes[fid]
        source = self.source_notes.get(fid)
        if source is None:
            raise EditError("A footnote this paragraph marks is missing.")
        made = copy.deepcopy(source)
        made.id = self._id(fid, "fn")
        made.citation = None
        self.notes[fid] = made.id
        self.new_notes.append(made)
        return made.id

    def anchors(self, anchors: Iterable[Anchor]) -> list[Anchor]:
        return [Anchor(a.offset, self.note(a.footnote_id)) for a in anchors]

    def paragraph(self, p: Paragraph) -> Paragraph:
        return Paragraph(
            p.text,
            list(p.italics),
            self.anchors(p.anchors),
            [self.paragraph(c) for c in p.children],
            id=self._id(p.id, "p"),
            source_label=p.source_label,
            provenance=dict(p.provenance) if p.provenance is not None else None,
        )

    def heading(self, h: Heading) -> Heading:
        return Heading(h.text, id=self._id(h.id, "h"))

    def annex(self, a: Annex) -> Annex:
        blocks: list[Heading | Paragraph] = [
            self.heading(b) if isinstance(b, Heading) else self.paragraph(b) for b in a.blocks
        ]
        return Annex(a.title, list(a.lines), blocks)
