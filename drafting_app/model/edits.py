"""Every user edit of a draft, as an object the undo stack can hold.

The one path for every change (ARCHITECTURE.md): widget → controller → QUndoCommand whose
redo/undo call :meth:`Edit.apply` / :meth:`Edit.revert` → :class:`ChangeSet` → views
refresh what changed. Typing bursts merge (:meth:`Edit.merge`); macros are
:class:`Compound`. Display numbers are derived (:mod:`drafting_app.model.numbering`), so no
edit ever renumbers anything.
"""

from __future__ import annotations

from drafting_app.model.annex_edits import (
    AddAnnex,
    DeleteAnnex,
    DeleteHeading,
    InsertHeading,
    SetAnnexHeading,
    SetAnnexTitle,
    new_annex,
)
from drafting_app.model.changes import ChangeSet, Compound, Derived, Edit
from drafting_app.model.paragraph_edits import (
    ConvertPart,
    DeleteParagraph,
    Indent,
    InsertParagraph,
    MoveParagraph,
    Outdent,
)
from drafting_app.model.section_edits import SetSectionHeadings
from drafting_app.model.text_edits import (
    MASTHEAD_FIELDS,
    AddFootnote,
    DeleteFootnote,
    EditFootnote,
    SetAuthoringBody,
    SetHeading,
    SetMasthead,
    SetText,
    SetTitle,
    Splice,
    retype,
    splice,
)
from drafting_app.model.tree import Location, locate

__all__ = [
    "MASTHEAD_FIELDS",
    "AddAnnex",
    "AddFootnote",
    "ChangeSet",
    "Compound",
    "ConvertPart",
    "DeleteAnnex",
    "DeleteFootnote",
    "DeleteHeading",
    "DeleteParagraph",
    "Derived",
    "Edit",
    "EditFootnote",
    "Indent",
    "InsertHeading",
    "InsertParagraph",
    "Location",
    "MoveParagraph",
    "Outdent",
    "SetAnnexHeading",
    "SetAnnexTitle",
    "SetAuthoringBody",
    "SetHeading",
    "SetMasthead",
    "SetSectionHeadings",
    "SetText",
    "SetTitle",
    "Splice",
    "locate",
    "new_annex",
    "retype",
    "splice",
]
