"""The resolution model (pure Python: no Qt, no I/O)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting_app.lazy import exports

if TYPE_CHECKING:
    from drafting_app.model.document import (
        Anchor,
        Annex,
        Document,
        DocumentKind,
        DocumentPart,
        Footnote,
        Form,
        Heading,
        Masthead,
        Paragraph,
        Part,
        Span,
    )
    from drafting_app.model.ids import deterministic_ids, new_id
    from drafting_app.model.references import Reference, RefKind, find_references

# Loaded on first use: importing one model module (the settings' FixMode) does not load
# the reference finder and its patterns.
_HOMES = {
    "Anchor": "document",
    "Annex": "document",
    "Document": "document",
    "DocumentKind": "document",
    "DocumentPart": "document",
    "Footnote": "document",
    "Form": "document",
    "Heading": "document",
    "Masthead": "document",
    "Paragraph": "document",
    "Part": "document",
    "Span": "document",
    "deterministic_ids": "ids",
    "new_id": "ids",
    "Reference": "references",
    "RefKind": "references",
    "find_references": "references",
}
__getattr__ = exports(__name__, _HOMES)

__all__ = [
    "Anchor",
    "Annex",
    "Document",
    "DocumentKind",
    "DocumentPart",
    "Footnote",
    "Form",
    "Heading",
    "Masthead",
    "Paragraph",
    "Part",
    "RefKind",
    "Reference",
    "Span",
    "deterministic_ids",
    "find_references",
    "new_id",
]
