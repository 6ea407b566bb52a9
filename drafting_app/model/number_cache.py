"""The derived numbers of an open draft — paragraph labels ("3.", "(b)") and footnote
numbers (order of first mark) — computed once per change that can alter them, not by
every view that shows them.

Typing changes no number: a label follows the paragraph's place, a note's number the
order of the first marks, and a keystroke moves neither (unless it takes a mark away,
which is checked: the marks of each retyped paragraph are compared with those the
numbers were computed from).
"""

from __future__ import annotations

from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Anchor, Document
from drafting_app.model.numbering import paragraph_labels


class NumberCache:
    """Labels and footnote numbers of ``doc``; call :meth:`after` with every ChangeSet."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._labels: dict[str, str] | None = None
        self._numbers: dict[str, int] | None = None
        self._marks: dict[str, tuple[str, ...]] = {}

    def labels(self) -> dict[str, str]:
        """Paragraph id → label (:func:`~drafting_app.model.numbering.paragraph_labels`)."""
        if self._labels is None:
            self._labels = paragraph_labels(self.doc)
        return self._labels

    def footnotes(self) -> dict[str, int]:
        """Footnote id → number
        (:func:`~drafting_app.model.numbering.footnote_numbers`)."""
        if self._numbers is None:
            numbers: dict[str, int] = {}
            marks: dict[str, tuple[str, ...]] = {}
            known = {f.id for f in self.doc.footnotes}
            for p in self.doc.all_paragraphs():
                seq = _marks_of(p.anchors)
                marks[p.id] = seq
                for fid in seq:
                    if fid in known and fid not in numbers:
                        numbers[fid] = len(numbers) + 1
            for f in self.doc.footnotes:  # notes without a mark come last, in list order
                if f.id not in numbers:
                    numbers[f.id] = len(numbers) + 1
            self._numbers, self._marks = numbers, marks
        return self._numbers

    def after(self, changes: ChangeSet) -> None:
        """Forget what ``changes`` may have changed."""
        moved = bool(changes.inserted or changes.deleted or changes.moved)
        if moved or changes.structure_changed or changes.annexes_changed:
            self._labels = None
        if moved or changes.structure_changed or changes.footnotes_changed:
            self._numbers = None
        elif self._numbers is not None and changes.changed_ids:
            for pid in changes.changed_ids:
                try:
                    p = self.doc.paragraph(pid)
                except KeyError:
                    self._numbers = None
                    return
                if self._marks.get(pid) != _marks_of(p.anchors):
                    self._numbers = None
                    return


def _marks_of(anchors: list[Anchor]) -> tuple[str, ...]:
    return tuple(a.footnote_id for a in sorted(anchors, key=lambda a: a.offset))
