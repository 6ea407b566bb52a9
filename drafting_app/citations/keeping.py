"""Internal references kept right across structural edits (UN_FORMAT.md §1): when
paragraphs are inserted, deleted, moved, indented or converted, "paragraph 3 above" that
pointed at a paragraph is rewritten to that paragraph's new number and direction, in the
same undo step as the edit that renumbered it.

A reference whose paragraph the edit deleted (or moved out of the numbered operative part)
cannot be kept: its number would silently name whichever paragraph has it now. It is marked
on the referring paragraph instead (:class:`~drafting_app.model.document.BrokenRef`, in the
same undo step, so undoing the deletion clears it) and the INTERNAL check reports it."""

from __future__ import annotations

from drafting_app.citations.internal import (
    InternalLink,
    link_internal_refs,
    rewrite_internal_refs,
)
from drafting_app.citations.textedit import TextEdit
from drafting_app.errors import DraftingError
from drafting_app.model.changes import ChangeSet, Compound, Edit
from drafting_app.model.document import BrokenRef, Document
from drafting_app.model.text_edits import SetText, paragraph_of

LABEL = "Internal references"
BROKEN_LABEL = "Reference to a deleted paragraph"


class MarkBroken(Edit):
    """Record on paragraph ``pid`` that references in it lost their target paragraph."""

    label = BROKEN_LABEL

    def __init__(self, pid: str, refs: list[BrokenRef]) -> None:
        self.pid, self.refs = pid, list(refs)
        self._old: list[BrokenRef] = []

    def apply(self, doc: Document) -> ChangeSet:
        p = paragraph_of(doc, self.pid)
        self._old = list(p.broken_refs)
        p.broken_refs = sorted({*p.broken_refs, *self.refs}, key=lambda r: r.start)
        return ChangeSet(changed_ids=frozenset({self.pid}))

    def revert(self, doc: Document) -> ChangeSet:
        paragraph_of(doc, self.pid).broken_refs = list(self._old)
        return ChangeSet(changed_ids=frozenset({self.pid}))


def broken_by(edit: Edit) -> list[MarkBroken]:
    """The broken-reference marks an edit from :func:`with_reference_rewrites` carries."""
    if isinstance(edit, MarkBroken):
        return [edit]
    if isinstance(edit, Compound):
        return [m for e in edit.edits for m in broken_by(e)]
    return []


def _already_broken(doc: Document, link: InternalLink) -> bool:
    try:
        refs = doc.paragraph(link.source_id).broken_refs
    except KeyError:
        return False
    return any(r.start < link.end and link.start < r.end for r in refs)


def _marks(dangling: tuple[InternalLink, ...], edits: tuple[TextEdit, ...]) -> list[Edit]:
    """One :class:`MarkBroken` per referring paragraph, at the spans the references have
    after the rewrites of the other references in the same paragraph."""
    by_pid: dict[str, list[BrokenRef]] = {}
    for link in dangling:
        shift = sum(
            len(e.new_text) - (e.end - e.start)
            for e in edits
            if e.target_id == link.source_id and e.end <= link.start
        )
        label = link.label or link.text
        ref = BrokenRef(link.start + shift, link.end + shift, label)
        by_pid.setdefault(link.source_id, []).append(ref)
    return [MarkBroken(pid, refs) for pid, refs in by_pid.items()]


def reference_rewrites(doc: Document, edit: Edit) -> list[Edit]:
    """The rewrites an edit (NOT yet applied) makes necessary, computed on ``doc`` after it;
    ``doc`` is left as it was. Each reference keeps the paragraph its text named before the
    edit; one whose paragraph the edit deleted is marked broken (:class:`MarkBroken`)."""
    links = [
        link
        for link in link_internal_refs(doc)
        if link.target_id and not _already_broken(doc, link)
    ]
    if not links:
        return []
    try:
        changes = edit.apply(doc)
    except DraftingError:
        return []  # a refused edit: the controller reports it
    try:
        if not changes.structure_changed:
            return []
        result = rewrite_internal_refs(doc, links)
        out: list[Edit] = []
        for pid in dict.fromkeys(e.target_id for e in result.edits):
            p = result.document.paragraph(pid)
            out.append(SetText(pid, p.text, p.italics, p.anchors, mergeable=False, label=LABEL))
        return out + _marks(result.dangling, result.edits)
    finally:
        edit.revert(doc)


def with_reference_rewrites(doc: Document, edit: Edit) -> Edit:
    """``edit`` followed by the rewrites of the internal references it renumbers, as one
    edit (one undo step); ``edit`` itself when nothing needs rewriting."""
    rewrites = reference_rewrites(doc, edit)
    return Compound([edit, *rewrites], label=edit.label) if rewrites else edit
