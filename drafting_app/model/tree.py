"""Where a paragraph sits: its part (preamble or operative), the annex it is in (if any),
its parent paragraph (None at top level) and its index among its siblings. Sub-paragraphs
(a), (i) belong to the part of their top-level paragraph.

An annex (a political declaration, a plan of action) is numbered like an operative part,
restarting at 1, but its paragraphs are not the resolution's operative paragraphs: they
carry ``annex`` (the annex id) and, at the top level, ``index`` counts the annex's blocks,
its headings ("I. Commitments") included, so a paragraph keeps its place under its heading.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drafting_app.errors import EditError
from drafting_app.model.document import Annex, Document, Heading, Paragraph, Part

# The list a paragraph lives in: a part's paragraphs, a paragraph's sub-paragraphs, or the
# blocks of an annex (headings between its paragraphs).
Siblings = list[Paragraph] | list[Heading | Paragraph]


@dataclass(frozen=True)
class Location:
    """A place in the text: ``index`` among the children of ``parent_id``, or among the
    top-level paragraphs of ``part`` (the blocks of annex ``annex``) when ``parent_id`` is
    None. Annex paragraphs have the operative part's numbering, so ``part`` is OPERATIVE."""

    part: Part
    parent_id: str | None
    index: int
    annex: str | None = None


def top_level(doc: Document, part: Part) -> list[Paragraph]:
    return doc.preamble if part is Part.PREAMBLE else doc.operative


def _walk(
    paras: list[Paragraph], part: Part, parent: str | None, annex: str | None = None
) -> Iterator[tuple[Location, Paragraph]]:
    for i, p in enumerate(paras):
        yield Location(part, parent, i, annex), p
        yield from _walk(p.children, part, p.id, annex)


def body_locations(doc: Document) -> Iterator[tuple[Location, Paragraph]]:
    """Every movable paragraph (preamble and operative trees) with its location, in order."""
    for part in (Part.PREAMBLE, Part.OPERATIVE):
        yield from _walk(top_level(doc, part), part, None)


def annex_locations(annex: Annex) -> Iterator[tuple[Location, Paragraph]]:
    """Every paragraph of ``annex`` (sub-paragraphs included) with its location."""
    for i, b in enumerate(annex.blocks):
        if isinstance(b, Paragraph):
            yield Location(Part.OPERATIVE, None, i, annex.id), b
            yield from _walk(b.children, Part.OPERATIVE, b.id, annex.id)


def locations(doc: Document) -> Iterator[tuple[Location, Paragraph]]:
    """Every movable paragraph, the body's then each annex's, with its location."""
    yield from body_locations(doc)
    for annex in doc.annexes:
        yield from annex_locations(annex)


def locate(doc: Document, pid: str) -> Location:
    """The location of paragraph ``pid`` (EditError when it is not in the body or an
    annex)."""
    return find(doc, pid)[0]


def find(doc: Document, pid: str) -> tuple[Location, Paragraph]:
    """The location of paragraph ``pid`` and the paragraph (through the draft's place
    index: no walk of the draft)."""
    place = doc.places.get(doc, pid)
    if place is not None and place.part is not None:
        parent = place.parent.id if place.parent is not None else None
        return Location(place.part, parent, place.index, place.annex), place.paragraph
    if doc.chapeau is not None and doc.chapeau.id == pid:
        raise EditError("The chapeau of a decision cannot be moved, deleted or indented.")
    raise EditError(f"No paragraph {pid} in the preamble, the operative part or an annex.")


def annex_of(doc: Document, annex_id: str) -> Annex:
    for annex in doc.annexes:
        if annex.id == annex_id:
            return annex
    raise EditError(f"No annex {annex_id} in the document.")


def heading_of(doc: Document, heading_id: str) -> tuple[Annex, Heading]:
    """The annex heading ``heading_id`` and its annex."""
    for annex in doc.annexes:
        for b in annex.blocks:
            if isinstance(b, Heading) and b.id == heading_id:
                return annex, b
    raise EditError(f"No annex heading {heading_id} in the document.")


def annex_paragraph_ids(doc: Document) -> frozenset[str]:
    """Ids of every paragraph in an annex (sub-paragraphs included)."""
    return frozenset(p.id for annex in doc.annexes for _, p in annex_locations(annex))


def part_of(doc: Document, parent_id: str | None, part: Part) -> Part:
    """The part a child of ``parent_id`` belongs to (``part`` at top level)."""
    return part if parent_id is None else locate(doc, parent_id).part


def siblings(
    doc: Document, part: Part, parent_id: str | None, annex: str | None = None
) -> Siblings:
    """The list a paragraph at (part, parent_id, annex) lives in: the model's own list."""
    if parent_id is not None:
        return find(doc, parent_id)[1].children
    if annex is not None:
        return annex_of(doc, annex).blocks
    return top_level(doc, part)


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
