"""Where a paragraph sits in the body: its part (preamble or operative), its parent
paragraph (None at top level) and its index among its siblings. Sub-paragraphs (a), (i)
belong to the part of their top-level paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drafting_app.errors import EditError
from drafting_app.model.document import Document, Paragraph, Part


@dataclass(frozen=True)
class Location:
    """A place in the body: ``index`` among the children of ``parent_id`` (or among the
    top-level paragraphs of ``part`` when ``parent_id`` is None)."""

    part: Part
    parent_id: str | None
    index: int


def top_level(doc: Document, part: Part) -> list[Paragraph]:
    return doc.preamble if part is Part.PREAMBLE else doc.operative


def _walk(
    paras: list[Paragraph], part: Part, parent: str | None
) -> Iterator[tuple[Location, Paragraph]]:
    for i, p in enumerate(paras):
        yield Location(part, parent, i), p
        yield from _walk(p.children, part, p.id)


def body_locations(doc: Document) -> Iterator[tuple[Location, Paragraph]]:
    """Every movable paragraph (preamble and operative trees) with its location, in order."""
    for part in (Part.PREAMBLE, Part.OPERATIVE):
        yield from _walk(top_level(doc, part), part, None)


def locate(doc: Document, pid: str) -> Location:
    """The location of paragraph ``pid`` (EditError when it is not in the body)."""
    for loc, p in body_locations(doc):
        if p.id == pid:
            return loc
    if doc.chapeau is not None and doc.chapeau.id == pid:
        raise EditError("The chapeau of a decision cannot be moved, deleted or indented.")
    raise EditError(f"No paragraph {pid} in the preamble or operative part.")


def find(doc: Document, pid: str) -> tuple[Location, Paragraph]:
    for loc, p in body_locations(doc):
        if p.id == pid:
            return loc, p
    locate(doc, pid)  # raises the right message
    raise AssertionError  # pragma: no cover


def part_of(doc: Document, parent_id: str | None, part: Part) -> Part:
    """The part a child of ``parent_id`` belongs to (``part`` at top level)."""
    return part if parent_id is None else locate(doc, parent_id).part


def siblings(doc: Document, part: Part, parent_id: str | None) -> list[Paragraph]:
    """The list a paragraph at (part, parent_id) lives in: the model's own list."""
    if parent_id is None:
        return top_level(doc, part)
    return find(doc, parent_id)[1].children


def subtree_ids(p: Paragraph) -> frozenset[str]:
    return frozenset(q.id for q in p.walk())


def subtree_footnote_ids(p: Paragraph) -> list[str]:
    """Footnotes marked in ``p`` or its sub-paragraphs, in order, without repeats."""
    seen: list[str] = []
    for q in p.walk():
        for a in q.anchors:
            if a.footnote_id not in seen:
                seen.append(a.footnote_id)
    return seen
