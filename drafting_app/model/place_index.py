"""Where each paragraph of a draft lives, by id, without walking the draft: the list it is
in (a part's paragraphs, a paragraph's sub-paragraphs, an annex's blocks), its index there
and its parent.

Edits change the lists in place and the model holds no back-references, so the index is
never told about a change: each entry is *checked* when used (the list still holds the
paragraph at that index, and the list is still attached to the draft through its parent).
A failed check rebuilds the index in one walk. A lookup after a keystroke is therefore a
few comparisons; after a structural edit, one walk of the draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafting_app.model.document import Document, Heading, Paragraph, Part


@dataclass(frozen=True, slots=True)
class Place:
    """Paragraph ``paragraph`` is ``container[index]``; ``parent`` holds ``container`` as
    its sub-paragraphs (None at top level); ``root`` is the top-level list of the tree;
    ``part`` is the body part of a movable paragraph (None for the chapeau and the
    paragraphs of a multi-part decision); ``annex`` the annex id."""

    paragraph: Paragraph
    container: Sequence[Paragraph | Heading]
    index: int
    parent: Paragraph | None
    root: Sequence[Paragraph | Heading] | None
    part: Part | None
    annex: str | None


class PlaceIndex:
    """pid → :class:`Place`, for one document, checked on every use."""

    def __init__(self) -> None:
        self._places: dict[str, Place] = {}

    def get(self, doc: Document, pid: str) -> Place | None:
        place = self._places.get(pid)
        if place is not None and self._holds(doc, place):
            return place
        self._rebuild(doc)
        return self._places.get(pid)

    # -- checking ----------------------------------------------------------------------------
    def _holds(self, doc: Document, place: Place) -> bool:
        p = place.paragraph
        if place.root is None:  # a chapeau
            return doc.chapeau is p or any(s.chapeau is p for s in doc.parts)
        c = place.container
        if not (place.index < len(c) and c[place.index] is p):
            return False
        if place.parent is None:
            return _attached(doc, c)
        up = self._places.get(place.parent.id)
        return (
            up is not None
            and up.paragraph is place.parent
            and place.parent.children is c
            and self._holds(doc, up)
        )

    # -- building ----------------------------------------------------------------------------
    def _rebuild(self, doc: Document) -> None:
        from drafting_app.model.document import Paragraph, Part

        places: dict[str, Place] = {}

        def tree(
            items: Sequence[Paragraph | Heading],
            root: Sequence[Paragraph | Heading],
            parent: Paragraph | None,
            part: Part | None,
            annex: str | None,
        ) -> None:
            for i, p in enumerate(items):
                if not isinstance(p, Paragraph):
                    continue
                places.setdefault(p.id, Place(p, items, i, parent, root, part, annex))
                tree(p.children, root, p, part, annex)

        if doc.chapeau is not None:
            places[doc.chapeau.id] = Place(doc.chapeau, (), 0, None, None, None, None)
        tree(doc.preamble, doc.preamble, None, Part.PREAMBLE, None)
        tree(doc.operative, doc.operative, None, Part.OPERATIVE, None)
        for section in doc.parts:
            if section.chapeau is not None:
                c = section.chapeau
                places.setdefault(c.id, Place(c, (), 0, None, None, None, None))
            tree(section.preamble, section.preamble, None, None, None)
            tree(section.operative, section.operative, None, None, None)
        for annex in doc.annexes:
            tree(annex.blocks, annex.blocks, None, Part.OPERATIVE, annex.id)
        self._places = places


def _attached(doc: Document, lst: Sequence[object]) -> bool:
    """Whether ``lst`` is one of the draft's top-level lists."""
    if lst is doc.preamble or lst is doc.operative:
        return True
    if any(lst is a.blocks for a in doc.annexes):
        return True
    return any(lst is s.preamble or lst is s.operative for s in doc.parts)
