"""A draft as a revision of an earlier text (a rollover): the base it remembers, who made the
pending tracked changes that came in from Word, and reviewers' comments.

The penholder of a recurring resolution starts from last session's adopted text (the base)
and circulates the new draft with its changes against that base shown as Word tracked
changes; delegations answer with their own tracked changes and comments. The pending
changes themselves are never stored: they are the difference between ``base.document`` and
the draft, computed when needed (:mod:`drafting_app.revisions`). Accepting a change makes
the base agree with the draft; rejecting it makes the draft agree with the base.

Pure data: no Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting_app.model.document import Document
from drafting_app.model.ids import new_id


class RevisionKind:
    """What a Word revision did (the element it came from)."""

    INSERTION = "insertion"  # w:ins
    DELETION = "deletion"  # w:del
    MOVE = "move"  # w:moveFrom / w:moveTo
    FORMATTING = "formatting"  # w:rPrChange / w:pPrChange

    ALL = (INSERTION, DELETION, MOVE, FORMATTING)


@dataclass(frozen=True)
class Attribution:
    """One tracked change as Word recorded it: its author and date, what it did, the words
    it inserted or deleted, and the text of the paragraph it sits in (after Accept All for
    an insertion, after Reject All for a deletion) — enough to tell, once the change is
    recomputed from the two texts, whose change it is."""

    author: str
    date: str
    kind: str
    text: str
    context: str = ""


@dataclass(eq=False)
class Comment:
    """A reviewer's comment (Word ``w:comment``) kept beside the paragraph it was anchored
    to. ``quoted`` is the text the comment marked; ``paragraph_id`` is None when the
    paragraph could not be found (the comment is still kept and shown)."""

    author: str
    text: str
    date: str = ""
    paragraph_id: str | None = None
    quoted: str = ""
    initials: str = ""
    id: str = field(default_factory=lambda: new_id("cm"))


@dataclass(eq=False)
class RevisionBase:
    """The text a draft revises: the adopted resolution of the last session for a rollover,
    or the text before a delegation's tracked changes for an imported Word file.

    ``label`` names it for the drafter ("A/RES/73/7", a file name); ``source`` is where it
    was read from; ``attributions`` are the authors and dates of tracked changes imported
    from Word (empty for a rollover started in the app: those changes are the user's).
    """

    document: Document
    label: str = ""
    source: str = ""
    attributions: list[Attribution] = field(default_factory=list)

    def authors(self) -> list[str]:
        """Authors of the imported changes, in order of first appearance."""
        seen: list[str] = []
        for a in self.attributions:
            if a.author not in seen:
                seen.append(a.author)
        return seen
