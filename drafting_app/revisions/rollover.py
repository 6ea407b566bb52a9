"""A new revision of an adopted text (a rollover): the penholder starts the next session's
draft from last session's resolution (WORKFLOWS.md §1).

The draft is a copy of the base with the same paragraph and footnote ids (so that every
later move and renumbering is recognised), the base remembered beside it, and the front
turned into a draft's: the masthead is kept for the next session with its symbol, session
and date cleared for the drafter to fill (a draft is a "Limited" L. document), and the
lines only an adopted text has — its number ("80/6."), "Resolution adopted by the General
Assembly on …", the adoption line — left out. Those differences are the draft's first
pending changes, as the tracked export shows them.
"""

from __future__ import annotations

import copy

from drafting_app.model.document import Document, DocumentKind
from drafting_app.model.revision import RevisionBase

# Masthead fields cleared for the next session (the drafter fills them in).
CLEARED = ("symbol", "session", "date", "place_and_dates")


def base_label(doc: Document) -> str:
    """What the drafter calls a text: its symbol ("A/RES/73/7"), else its number line or
    title."""
    if doc.masthead is not None and doc.masthead.symbol:
        return doc.masthead.symbol
    return doc.heading.rstrip(".") or doc.title[:80] or "the base text"


def new_revision(base: Document, label: str = "", source: str = "") -> Document:
    """A draft revising ``base``: a copy keeping its ids, with a draft's front, that
    remembers ``base`` (copied: the caller's document is never changed)."""
    kept = copy.deepcopy(base)
    kept.revision_base = None
    kept.comments = []
    draft = copy.deepcopy(kept)
    draft.kind = DocumentKind.DRAFT
    if draft.masthead is not None:
        for name in CLEARED:
            setattr(draft.masthead, name, "")
        draft.masthead.distribution = "Limited"
    draft.heading = ""
    draft.front_matter = []
    draft.adoption = ""
    draft.source = source or base.source
    draft.revision_base = RevisionBase(kept, label or base_label(base), source or base.source)
    return draft
