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


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


class Element(StrEnum):
    """Kinds of Word content the importer reports instead of mapping."""

    TABLE = "table"
    IMAGE = "image"
    COMMENT = "comment (kept beside its paragraph)"
    PENDING_CHANGE = "tracked change (kept as a pending change to accept or reject)"
    PENDING_AUTHOR = "tracked changes by author (pending)"
    INSERTION = "tracked insertion (accepted)"
    DELETION = "tracked deletion (not imported)"
    FORMAT_CHANGE = "tracked formatting change (the formatting after it is kept)"
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
    NOT_A_TEXT = "further text that is not a resolution or decision (not imported)"
    HYPERLINK = "hyperlink address (the linked text is kept)"
    FORMAT_DROPPED = "formatting not kept"
    NUMBERING_REPAIR = "numbering repaired"
    # Characters the reader repaired to read the file: a byte that was not UTF-8, a control
    # character a Word document cannot hold.
    CHARACTERS_REPAIRED = "characters repaired"
    RUNNING_HEADER = "running header (the document symbol: written again on export)"
    PAGE_NUMBER = "page number (written again on export)"
    OTHER = "other element"


# Not losses: wording mapped into the masthead, and the furniture every UN document has
# (running header with the symbol, page numbers) that the export makes again.
MAPPED = frozenset({Element.MASTHEAD_FIELD})
FURNITURE = frozenset({Element.RUNNING_HEADER, Element.PAGE_NUMBER})
# In the model, but not as the Word file showed it.
CHANGES = frozenset({Element.NUMBERING_REPAIR, Element.CHARACTERS_REPAIRED})
# In the model as the Word file has them: tracked changes pending (the draft keeps the text
# before them as its base), comments beside their paragraphs.
KEPT = frozenset({Element.COMMENT, Element.PENDING_CHANGE, Element.PENDING_AUTHOR})


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
    # (kind, text) → item: a file of 100,000 distinct elements is reported in linear time
    # (a scan of the items at every add cost the square of their number).
    _index: dict[tuple[Element, str], ReportItem] = field(
        default_factory=dict, repr=False, compare=False
    )

    def add(self, kind: Element, text: str, where: str) -> None:
        """Record an element; the same kind and text seen again only adds a place."""
        text = text.strip()
        item = self._index.get((kind, text))
        if item is not None:
            item.where.append(where)
            return
        item = ReportItem(kind, text, [where])
        self.items.append(item)
        self._index[(kind, text)] = item

    def left_out(self) -> list[ReportItem]:
        """Items whose content is not in the model (mapped masthead wording, furniture made
        again on export and repairs excluded)."""
        kept = MAPPED | FURNITURE | CHANGES | KEPT
        return [i for i in self.items if i.kind not in kept]

    def changes(self) -> list[ReportItem]:
        """What is in the model, but not as the Word file showed it (numbers repaired)."""
        return [i for i in self.items if i.kind in CHANGES]

    def furniture(self) -> list[ReportItem]:
        """Running headers and page numbers: the export writes them again."""
        return [i for i in self.items if i.kind in FURNITURE]

    def faithful(self) -> bool:
        """Nothing left out and nothing changed: the draft is what the file holds."""
        return not self.left_out() and not self.changes()

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
        lost = sum(len(i.where) for i in self.left_out())
        changed = sum(len(i.where) for i in self.changes())
        if not lost:
            lines.append("  Everything was imported; nothing was left out.")
        else:
            lines.append(f"  {_count(lost, 'element')} of the file not imported (listed below).")
        if changed:
            lines.append(f"  {_count(changed, 'change')} made by the import (listed below).")
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
