"""The resolution model (pure Python: no Qt, no I/O)."""

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
