"""Edits of a resolution's annexes as wholes: add one, delete one, retitle one; add,
delete or rename a heading. Their paragraphs are edited with the paragraph edits (insert,
delete, move, indent, typing), which know annexes through
:class:`~drafting_app.model.tree.Location`.

UN style (Editorial Manual): a single annex is headed "Annex"; several are "Annex I",
"Annex II" …; under that line stands the title of the annexed text ("Political
declaration of …"). Numbering restarts at 1 in each annex. An annexed convention (or
statute, or rules of procedure) is numbered within each article, and its preamble, its
single-paragraph articles and its testimonium are not numbered: :class:`SetAnnexRestarts`
and :class:`SetNumbered`.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting_app.errors import EditError
from drafting_app.model.changes import ChangeSet, Compound, Edit
from drafting_app.model.document import Annex, Document, Footnote, Heading, Paragraph
from drafting_app.model.numbering import roman
from drafting_app.model.tree import annex_locations, annex_of, heading_of

ANNEX = "Annex"


def _paragraph_ids(annex: Annex) -> frozenset[str]:
    return frozenset(p.id for _, p in annex_locations(annex))


def _structural(annex: Annex, *, came: bool) -> ChangeSet:
    """An annex came or went: numbers, the outline's parts and maybe footnote numbers."""
    ids = _paragraph_ids(annex)
    return ChangeSet(
        inserted=ids if came else frozenset(),
        deleted=frozenset() if came else ids,
        structure_changed=True,
        annexes_changed=True,
        footnotes_changed=any(p.anchors for _, p in annex_locations(annex)),
    )


def annex_name(doc: Document, annex: Annex) -> str:
    """How a drafter names the annex: its "Annex" line ("Annex II"), else the title of the
    annexed text (a text adopted inline has no "Annex" line), else "Annex n"."""
    if annex.title.strip():
        return annex.title.strip()
    first = next((line.strip() for line in annex.lines if line.strip()), "")
    if first:
        return first
    n = next(i for i, a in enumerate(doc.annexes, start=1) if a is annex)
    return f"{ANNEX} {roman(n).upper()}" if len(doc.annexes) > 1 else ANNEX


class AddAnnex(Edit):
    """Put ``annex`` (with its paragraphs) at ``index`` among the annexes (at the end when
    None)."""

    label = "Add annex"

    def __init__(self, annex: Annex, index: int | None = None) -> None:
        self.annex, self.index = annex, index

    def apply(self, doc: Document) -> ChangeSet:
        if any(a.id == self.annex.id for a in doc.annexes):
            raise EditError("This annex is already in the document.")
        ids = _paragraph_ids(self.annex)
        if any(p.id in ids for p in doc.all_paragraphs()):
            raise EditError("A paragraph of this annex is already in the document.")
        index = len(doc.annexes) if self.index is None else self.index
        if not 0 <= index <= len(doc.annexes):
            raise EditError(f"Position {index} is outside the annexes (0–{len(doc.annexes)}).")
        doc.annexes.insert(index, self.annex)
        return _structural(self.annex, came=True)

    def revert(self, doc: Document) -> ChangeSet:
        doc.annexes.remove(self.annex)
        return _structural(self.annex, came=False)


class DeleteAnnex(Edit):
    """Delete an annex with its paragraphs and the footnotes marked only there; revert puts
    everything back in its place."""

    label = "Delete annex"

    def __init__(self, annex_id: str) -> None:
        self.annex_id = annex_id
        self._index = -1
        self._annex: Annex | None = None
        self._notes: list[tuple[int, Footnote]] = []

    def apply(self, doc: Document) -> ChangeSet:
        annex = annex_of(doc, self.annex_id)
        self._index = doc.annexes.index(annex)
        self._annex = annex
        doc.annexes.pop(self._index)
        mine = {a.footnote_id for _, p in annex_locations(annex) for a in p.anchors}
        still = {a.footnote_id for p in doc.all_paragraphs() for a in p.anchors}
        orphans = mine - still
        self._notes = [(i, f) for i, f in enumerate(doc.footnotes) if f.id in orphans]
        doc.footnotes[:] = [f for f in doc.footnotes if f.id not in orphans]
        return _structural(annex, came=False)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._annex is not None, "revert before apply"
        for i, f in self._notes:
            doc.footnotes.insert(i, f)
        doc.annexes.insert(self._index, self._annex)
        return _structural(self._annex, came=True)


class SetAnnexTitle(Edit):
    """The "Annex" line (``title``: "Annex", "Annex II", empty for a text adopted inline)
    and the lines under it (``lines``: the annexed text's title). Bursts merge."""

    label = "Edit annex title"

    def __init__(self, annex_id: str, title: str, lines: Sequence[str]) -> None:
        self.annex_id, self.title, self.lines = annex_id, title, list(lines)
        self._old: tuple[str, list[str]] | None = None

    def apply(self, doc: Document) -> ChangeSet:
        annex = annex_of(doc, self.annex_id)
        self._old = (annex.title, list(annex.lines))
        annex.title, annex.lines = self.title, list(self.lines)
        return ChangeSet(annexes_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._old is not None, "revert before apply"
        annex = annex_of(doc, self.annex_id)
        annex.title, annex.lines = self._old[0], list(self._old[1])
        return ChangeSet(annexes_changed=True)

    def merge(self, other: Edit) -> bool:
        if not (isinstance(other, SetAnnexTitle) and other.annex_id == self.annex_id):
            return False
        self.title, self.lines = other.title, other.lines
        return True


class SetAnnexHeading(Edit):
    """The text of a heading inside an annex ("I. Commitments"). Bursts merge."""

    label = "Edit annex heading"

    def __init__(self, heading_id: str, text: str) -> None:
        self.heading_id, self.text = heading_id, text
        self._old = ""

    def apply(self, doc: Document) -> ChangeSet:
        _, heading = heading_of(doc, self.heading_id)
        self._old, heading.text = heading.text, self.text
        return ChangeSet(annexes_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        heading_of(doc, self.heading_id)[1].text = self._old
        return ChangeSet(annexes_changed=True)

    def merge(self, other: Edit) -> bool:
        if not (isinstance(other, SetAnnexHeading) and other.heading_id == self.heading_id):
            return False
        self.text = other.text
        return True


# A heading is not numbered itself and numbering runs on across headings, but a heading
# coming or going moves the annex's paragraphs among its blocks and the outline's rows.
_HEADING_MOVED = ChangeSet(structure_changed=True, annexes_changed=True)


class InsertHeading(Edit):
    """Put ``heading`` ("II. Implementation") at ``index`` among the blocks of an annex;
    the paragraphs from there on now stand under it."""

    label = "Add heading"

    def __init__(self, annex_id: str, index: int, heading: Heading) -> None:
        self.annex_id, self.index, self.heading = annex_id, index, heading

    def apply(self, doc: Document) -> ChangeSet:
        annex = annex_of(doc, self.annex_id)
        if any(b.id == self.heading.id for a in doc.annexes for b in a.blocks):
            raise EditError("This heading is already in the document.")
        if not 0 <= self.index <= len(annex.blocks):
            raise EditError(f"Position {self.index} is outside the annex (0–{len(annex.blocks)}).")
        annex.blocks.insert(self.index, self.heading)
        return _HEADING_MOVED

    def revert(self, doc: Document) -> ChangeSet:
        blocks = annex_of(doc, self.annex_id).blocks
        del blocks[next(i for i, b in enumerate(blocks) if b is self.heading)]
        return _HEADING_MOVED


class DeleteHeading(Edit):
    """Delete a heading of an annex; its paragraphs stay where they are, now under the
    heading before it (numbering runs on across headings, so no number changes, unless
    the annex is numbered within each article)."""

    label = "Delete heading"

    def __init__(self, annex_id: str, heading_id: str) -> None:
        self.annex_id, self.heading_id = annex_id, heading_id
        self._index = -1
        self._heading: Heading | None = None

    def apply(self, doc: Document) -> ChangeSet:
        annex, heading = heading_of(doc, self.heading_id)
        if annex.id != self.annex_id:
            raise EditError(f"The heading {self.heading_id} is not in annex {self.annex_id}.")
        self._index = next(i for i, b in enumerate(annex.blocks) if b is heading)
        del annex.blocks[self._index]
        self._heading = heading
        return _HEADING_MOVED

    def revert(self, doc: Document) -> ChangeSet:
        assert self._heading is not None, "revert before apply"
        annex_of(doc, self.annex_id).blocks.insert(self._index, self._heading)
        return _HEADING_MOVED


# Numbers change, in the annex only: the page and the outline redraw its labels.
_RENUMBERED = ChangeSet(structure_changed=True, annexes_changed=True)


class SetNumbered(Edit):
    """Number a top-level paragraph of an annex, or print it without a number (a
    convention's "The States Parties to this Convention,", an article of one paragraph):
    the numbers of the paragraphs after it follow."""

    def __init__(self, pid: str, numbered: bool) -> None:
        self.pid, self.numbered = pid, numbered
        self.label = "Number paragraph" if numbered else "Remove paragraph number"

    def _paragraph(self, doc: Document) -> Paragraph:
        for annex in doc.annexes:
            for b in annex.blocks:
                if isinstance(b, Paragraph) and b.id == self.pid:
                    return b
        raise EditError("Only a paragraph of an annex, not a sub-paragraph, can go unnumbered.")

    def apply(self, doc: Document) -> ChangeSet:
        self._paragraph(doc).unnumbered = not self.numbered
        return _RENUMBERED

    def revert(self, doc: Document) -> ChangeSet:
        self._paragraph(doc).unnumbered = self.numbered
        return _RENUMBERED


class SetAnnexRestarts(Edit):
    """Number an annex's paragraphs within each article (from 1 again after every
    heading), or on through its headings."""

    def __init__(self, annex_id: str, restarts: bool) -> None:
        self.annex_id, self.restarts = annex_id, restarts
        self.label = "Number within each article" if restarts else "Number through the annex"
        self._old = False

    def apply(self, doc: Document) -> ChangeSet:
        annex = annex_of(doc, self.annex_id)
        self._old, annex.restarts = annex.restarts, self.restarts
        return _RENUMBERED

    def revert(self, doc: Document) -> ChangeSet:
        annex_of(doc, self.annex_id).restarts = self._old
        return _RENUMBERED


def new_annex(doc: Document, lines: Sequence[str] = ()) -> tuple[Edit, Annex]:
    """The edit that adds an annex at the end, headed as the UN numbers annexes, with one
    empty paragraph to type in; and that annex. When it is the second, a first annex headed
    plain "Annex" becomes "Annex I" in the same undo step."""
    annex = Annex(ANNEX, list(lines), [Paragraph("")])
    count = len(doc.annexes)
    if count == 0:
        return AddAnnex(annex), annex
    annex.title = f"{ANNEX} {roman(count + 1).upper()}"
    first = doc.annexes[0]
    if count == 1 and first.title.strip() == ANNEX:
        rename = SetAnnexTitle(first.id, f"{ANNEX} I", first.lines)
        return Compound([AddAnnex(annex), rename], label=AddAnnex.label), annex
    return AddAnnex(annex), annex
