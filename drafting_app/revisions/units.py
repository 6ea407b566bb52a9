"""The paragraphs of a text as a comparison sees them: in reading order, each with the part
it belongs to (chapeau, preamble, operative part, an annex, a lettered part), its parent
and the name a drafter gives it — "PP3", "OP5", "OP5 (a)", "Annex OP2" — which is how
negotiators cite paragraphs, whatever the printed numbers are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drafting_app.model.document import Document, Form, Heading, Paragraph
from drafting_app.model.numbering import paragraph_labels


@dataclass(frozen=True)
class Unit:
    """A paragraph or an annex heading in reading order. ``region`` names the list its top
    level lives in ("chapeau", "preamble", "operative", "annex:0", "part:0");
    ``parent`` is the id of the paragraph it is a sub-paragraph of; ``name`` is the
    drafter's name for it."""

    item: Paragraph | Heading
    region: str
    parent: str | None
    depth: int
    index: int
    name: str
    sibling: int

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def text(self) -> str:
        return self.item.text

    @property
    def is_heading(self) -> bool:
        return isinstance(self.item, Heading)


class _Walker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.units: list[Unit] = []
        self.several_annexes = len(doc.annexes) > 1
        self.labels = paragraph_labels(doc)

    def add(
        self, item: Paragraph | Heading, region: str, parent: str | None, depth: int, name: str,
        sibling: int,
    ) -> None:  # fmt: skip
        self.units.append(Unit(item, region, parent, depth, len(self.units), name, sibling))

    def tree(
        self, p: Paragraph, region: str, parent: str | None, depth: int, name: str, sibling: int
    ) -> None:
        self.add(p, region, parent, depth, name, sibling)
        for i, c in enumerate(p.children):
            label = self.labels.get(c.id, "")
            self.tree(c, region, p.id, depth + 1, f"{name} {label}".strip(), i)

    def body(
        self, chapeau: Paragraph | None, preamble: list[Paragraph], operative: list[Paragraph],
        form: Form, prefix: str, region: str,
    ) -> None:  # fmt: skip
        if chapeau is not None:
            self.tree(chapeau, f"{region}chapeau", None, 0, f"{prefix}Chapeau", 0)
        for i, p in enumerate(preamble):
            self.tree(p, f"{region}preamble", None, 0, f"{prefix}PP{i + 1}", i)
        for i, p in enumerate(operative):
            if form is Form.DECISION:
                name = f"{prefix}OP {self.labels.get(p.id, '')}".rstrip()
            else:
                name = f"{prefix}OP{i + 1}"
            self.tree(p, f"{region}operative", None, 0, name, i)

    def annexes(self) -> None:
        for k, annex in enumerate(self.doc.annexes):
            prefix = f"Annex {k + 1} " if self.several_annexes else "Annex "
            n = 0
            for i, b in enumerate(annex.blocks):
                if isinstance(b, Heading):
                    self.add(b, f"annex:{k}", None, 0, f"{prefix}heading “{b.text[:40]}”", i)
                else:
                    n += 1
                    self.tree(b, f"annex:{k}", None, 0, f"{prefix}OP{n}", i)


def units(doc: Document) -> list[Unit]:
    """Every paragraph (and annex heading) of ``doc`` in reading order."""
    w = _Walker(doc)
    w.body(doc.chapeau, doc.preamble, doc.operative, doc.form, "", "")
    for k, part in enumerate(doc.parts):
        w.body(
            part.chapeau, part.preamble, part.operative, part.form, f"{part.label} ", f"part:{k}:"
        )
    w.annexes()
    return w.units


def walk_ids(p: Paragraph) -> Iterator[str]:
    for q in p.walk():
        yield q.id
