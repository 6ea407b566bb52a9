"""Typed errors with messages a drafter can act on."""

from __future__ import annotations


class DraftingError(Exception):
    """Base class: every expected failure is one of these, with a plain-words message."""


class FormatError(DraftingError):
    """A file is not a readable document (empty, binary, truncated, wrong kind)."""


class ImportError_(DraftingError):
    """A Word or PDF file could not be imported."""


class ExportError(DraftingError):
    """A document could not be exported."""


class CorpusError(DraftingError):
    """The corpus store could not do what was asked."""


class ProjectError(DraftingError):
    """A project file could not be opened or saved."""


class TemplateError(DraftingError):
    """A document or clause template failed to render (missing/wrong parameter, refused)."""


class EditError(DraftingError):
    """An edit cannot be applied here (no such paragraph, nothing to indent under…)."""


class IndexDamaged(CorpusError):
    """The corpus index file is damaged (SQLite found a malformed page): it is moved aside
    and rebuilt from the documents, which are never touched."""
