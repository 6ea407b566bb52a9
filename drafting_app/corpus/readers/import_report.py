"""What a Word import did not map into the resolution model, with its text.

A draft that comes back from another delegation may carry tables, pictures, comments,
tracked changes, fields, text boxes, running headers and more that the resolution model has
no place for. None of it is dropped silently: each such element is listed here with its
text and where it stood, so the drafter can decide what to do with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Element(StrEnum):
    """Kinds of Word content the importer reports instead of mapping."""

    TABLE = "table"
    IMAGE = "image"
    COMMENT = "comment"
    INSERTION = "tracked insertion (accepted)"
    DELETION = "tracked deletion (not imported)"
    FORMAT_CHANGE = "tracked formatting change"
    FIELD = "field"
    TEXT_BOX = "text box"
    HEADER = "header"
    FOOTER = "footer"
    SECTION_BREAK = "section break"
    CONTENT_CONTROL = "content control"
    CUSTOM_XML = "custom XML"
    ENDNOTE = "endnote"
    EMPTY_FOOTNOTE = "empty footnote"
    EQUATION = "equation"
    EMBEDDED_OBJECT = "embedded object"
    MASTHEAD_FIELD = "masthead wording (mapped)"
    FURTHER_TEXT = "further text in the file (import it on its own)"
    OTHER = "other element"


@dataclass
class ReportItem:
    """One unmapped element: its kind, its text, and where it stood (several places when
    the same element repeats, e.g. a running header in every section)."""

    kind: Element
    text: str
    where: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": str(self.kind), "text": self.text, "where": list(self.where)}


@dataclass
class ImportReport:
    """Everything of a Word file that did not land in the model (issue 8 §2)."""

    source: str = ""
    items: list[ReportItem] = field(default_factory=list)
    blank_paragraphs: int = 0

    def add(self, kind: Element, text: str, where: str) -> None:
        """Record an element; the same kind and text seen again only adds a place."""
        text = text.strip()
        for item in self.items:
            if item.kind is kind and item.text == text:
                item.where.append(where)
                return
        self.items.append(ReportItem(kind, text, [where]))

    def left_out(self) -> list[ReportItem]:
        """Items whose content is not in the model (mapped masthead wording excluded)."""
        return [i for i in self.items if i.kind is not Element.MASTHEAD_FIELD]

    def of(self, kind: Element) -> list[ReportItem]:
        return [i for i in self.items if i.kind is kind]

    def counts(self) -> dict[str, int]:
        """Occurrences per kind (a repeated element counts once per place)."""
        out: dict[str, int] = {}
        for item in self.items:
            out[str(item.kind)] = out.get(str(item.kind), 0) + len(item.where)
        return out

    def text(self) -> str:
        """All reported text, one element per line (coverage tests)."""
        return "\n".join(i.text for i in self.items if i.text)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "blank_paragraphs_dropped": self.blank_paragraphs,
            "counts": self.counts(),
            "items": [i.as_dict() for i in self.items],
        }

    def render(self, width: int = 100) -> str:
        """The report as plain text for the command line."""
        lines = [f"Import report for {self.source or 'the document'}"]
        if not self.left_out():
            lines.append("  Everything was imported; nothing was left out.")
        lines.append(f"  blank spacer paragraphs dropped: {self.blank_paragraphs}")
        for kind, n in self.counts().items():
            lines.append(f"  {kind}: {n}")
        for item in self.items:
            places = ", ".join(item.where[:3]) + (" …" if len(item.where) > 3 else "")
            lines.append(f"- {item.kind} ({len(item.where)}× — {places})")
            if not item.text:
                lines.append("    (no text)")
            for para in item.text.splitlines():
                while para:
                    lines.append("    " + para[: width - 4])
                    para = para[width - 4 :]
        return "\n".join(lines) + "\n"
