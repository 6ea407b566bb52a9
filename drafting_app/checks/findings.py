"""A finding of the checker: what is wrong, where, the corpus evidence, and a fix.

Every finding explains itself in plain words; where a correction is certain it carries a
:class:`Fix` (a text replacement) that :func:`apply_fix` applies without side effects.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from drafting_app.citations.textedit import TextEdit, apply_edits
from drafting_app.errors import DraftingError
from drafting_app.model.document import Document, Span
from drafting_app.model.references import slots_set_directly


class Severity(StrEnum):
    """``error``: wrong by UN rules or against the corpus; ``warning``: probably wrong;
    ``info``: cannot be verified; ``suggestion``: style the drafter may prefer."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    SUGGESTION = "suggestion"


@slots_set_directly
@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is: a paragraph (with its derived label) or a footnote, and a span."""

    part: str = ""
    paragraph_id: str = ""
    paragraph_label: str = ""
    footnote_number: int | None = None
    start: int = 0
    end: int = 0
    footnote_id: str = ""


@slots_set_directly
@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``[start, end)`` of paragraph or footnote ``target_id`` by ``new_text``."""

    target_id: str
    start: int
    end: int
    new_text: str
    footnote: bool = False
    italics: tuple[Span, ...] = ()
    description: str = ""

    def edit(self) -> TextEdit:
        return TextEdit(
            self.target_id, self.start, self.end, self.new_text, self.italics, self.footnote
        )


@slots_set_directly
@dataclass(frozen=True, slots=True)
class Finding:
    """``cause`` names the fault a finding comes from (findings of one cause are shown as
    one, :mod:`drafting_app.checks.causes`); ``also`` lists the other places the fault
    reaches ("footnote 2 (Ibid.)"), already said in the message."""

    code: str
    severity: Severity
    message: str
    location: Location
    evidence: str = ""
    fix: Fix | None = None
    cause: str = ""
    also: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        loc = self.location
        out: dict[str, Any] = {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "location": {
                "part": loc.part,
                "paragraph_id": loc.paragraph_id,
                "paragraph_label": loc.paragraph_label,
                "footnote_number": loc.footnote_number,
                "start": loc.start,
                "end": loc.end,
            },
            "evidence": self.evidence,
            "also": list(self.also),
        }
        if self.fix is not None:
            out["fix"] = {
                "target_id": self.fix.target_id,
                "footnote": self.fix.footnote,
                "start": self.fix.start,
                "end": self.fix.end,
                "new_text": self.fix.new_text,
                "description": self.fix.description,
            }
        return out


def apply_fix(doc: Document, fix: Fix) -> Document:
    """A copy of ``doc`` with ``fix`` applied; ``doc`` itself is unchanged.

    Raises DraftingError when the fix no longer fits the document (its target was deleted
    or its text has changed since the check ran).
    """
    try:
        return apply_edits(doc, [fix.edit()])
    except (KeyError, ValueError) as exc:
        raise DraftingError(
            "This correction no longer fits the text (the paragraph or footnote was changed "
            "or deleted since the check ran); run the checks again."
        ) from exc


def place_of(f: Finding, names: dict[str, str]) -> str:
    """Where a finding is, as the checks panel and the command line name it: "footnote 2",
    "preamble 3", "operative 1 (a)", or the part ("title", "masthead") it concerns.
    ``names`` are :func:`drafting_app.model.places.paragraph_names` of the checked text."""
    loc = f.location
    if loc.footnote_number is not None:
        return f"footnote {loc.footnote_number}"
    return names.get(loc.paragraph_id, loc.part or "document")


_WORDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
    Severity.SUGGESTION: "suggestion",
}


def counts_of(findings: list[Finding]) -> dict[Severity, int]:
    out = dict.fromkeys(Severity, 0)
    for f in findings:
        out[f.severity] += 1
    return out


def summary(counts: dict[Severity, int]) -> str:
    """ "2 errors, 1 suggestion.", or what no finding means."""
    parts = [f"{n} {_WORDS[s]}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    if not parts:
        return "No findings: the draft passes every check."
    return ("" if counts.get(Severity.ERROR) else "No errors; ") + ", ".join(parts) + "."
