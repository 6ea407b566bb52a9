"""Section headings of the operative part ("I" / "Implementation of the Convention",
"Peacebuilding Commission"): printed above a paragraph and kept on it
(:attr:`Paragraph.headings`), so a heading moves, is saved and is exported with the
paragraph it stands over. Numbering runs on across them, so no number changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting_app.errors import EditError
from drafting_app.model.changes import ChangeSet, Edit
from drafting_app.model.document import Document
from drafting_app.model.text_edits import paragraph_of

# The page and the outline show a heading as blocks of their own: a heading coming,
# going or retyped redraws the structure (as an annex's heading does).
_HEADINGS_CHANGED = ChangeSet(annexes_changed=True)

NEW_SECTION_HEADING = "New section heading"
_RETYPE = "Edit section heading"  # the label of the one edit that merges


class SetSectionHeadings(Edit):
    """The section headings above paragraph ``pid`` become ``headings`` (added, retyped or
    removed). Retyping one heading in a burst merges into one undo step."""

    def __init__(self, pid: str, headings: Sequence[str], label: str = _RETYPE):
        self.pid, self.headings, self.label = pid, list(headings), label
        self._old: list[str] | None = None

    def apply(self, doc: Document) -> ChangeSet:
        p = paragraph_of(doc, self.pid)
        if any("\n" in h for h in self.headings):
            raise EditError("A section heading is one line.")
        self._old, p.headings = list(p.headings), list(self.headings)
        return _HEADINGS_CHANGED

    def revert(self, doc: Document) -> ChangeSet:
        assert self._old is not None, "revert before apply"
        paragraph_of(doc, self.pid).headings = list(self._old)
        return _HEADINGS_CHANGED

    def merge(self, other: Edit) -> bool:
        # Only retyping merges: a heading added or removed is an undo step of its own.
        if not (
            isinstance(other, SetSectionHeadings)
            and other.pid == self.pid
            and len(other.headings) == len(self.headings)
            and self.label == other.label == _RETYPE
        ):
            return False
        self.headings = list(other.headings)
        return True


def _headings_of(doc: Document, pid: str, index: int) -> list[str]:
    """A copy of the headings above ``pid``, which has a heading ``index``."""
    headings = list(paragraph_of(doc, pid).headings)
    if not 0 <= index < len(headings):
        raise EditError(f"Paragraph {pid} has no section heading {index + 1}.")
    return headings


def retyped_heading(doc: Document, pid: str, index: int, text: str) -> SetSectionHeadings:
    """Heading ``index`` above ``pid`` made to read ``text``."""
    headings = _headings_of(doc, pid, index)
    headings[index] = text
    return SetSectionHeadings(pid, headings)


def added_heading(doc: Document, pid: str, text: str = NEW_SECTION_HEADING) -> SetSectionHeadings:
    """A section heading added just above ``pid`` (under the headings already there)."""
    return SetSectionHeadings(pid, [*paragraph_of(doc, pid).headings, text], "Add section heading")


def removed_heading(doc: Document, pid: str, index: int) -> SetSectionHeadings:
    """Heading ``index`` above ``pid`` removed; the paragraph and its number stay."""
    headings = _headings_of(doc, pid, index)
    del headings[index]
    return SetSectionHeadings(pid, headings, "Remove section heading")
