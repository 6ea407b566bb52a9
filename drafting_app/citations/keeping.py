"""Internal references kept right across structural edits (UN_FORMAT.md §1): when
paragraphs are inserted, deleted, moved, indented or converted, "paragraph 3 above" that
pointed at a paragraph is rewritten to that paragraph's new number and direction, in the
same undo step as the edit that renumbered it."""

from __future__ import annotations

from drafting_app.citations.internal import link_internal_refs, rewrite_internal_refs
from drafting_app.errors import DraftingError
from drafting_app.model.changes import Compound, Edit
from drafting_app.model.document import Document
from drafting_app.model.text_edits import SetText

LABEL = "Internal references"


def reference_rewrites(doc: Document, edit: Edit) -> list[Edit]:
    """The rewrites an edit (NOT yet applied) makes necessary, computed on ``doc`` after it;
    ``doc`` is left as it was. Each reference keeps the paragraph its text named before the
    edit; references whose paragraph the edit deleted are left for the checks to report."""
    links = [link for link in link_internal_refs(doc) if link.target_id]
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
        return out
    finally:
        edit.revert(doc)


def with_reference_rewrites(doc: Document, edit: Edit) -> Edit:
    """``edit`` followed by the rewrites of the internal references it renumbers, as one
    edit (one undo step); ``edit`` itself when nothing needs rewriting."""
    rewrites = reference_rewrites(doc, edit)
    return Compound([edit, *rewrites], label=edit.label) if rewrites else edit
