"""Edits and the record of what they changed (the Anki pattern): every user edit is an
:class:`Edit` whose ``apply``/``revert`` are plain model operations returning a
:class:`ChangeSet`, so each view refreshes only what it needs. The GUI wraps each edit in a
QUndoCommand whose redo/undo call ``apply``/``revert``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from drafting_app.model.document import Document


def _ids(values: Iterable[str] = ()) -> frozenset[str]:
    return frozenset(values)


@dataclass(frozen=True)
class ChangeSet:
    """What one edit changed.

    ``changed_ids``: paragraphs whose text, italics or footnote marks changed;
    ``inserted``/``deleted``: paragraph ids (whole sub-trees) that appeared/disappeared;
    ``moved``: paragraphs that changed place (their sub-paragraphs moved with them);
    ``structure_changed``: derived numbers ("3.", "(b)") may have changed;
    ``footnotes_changed``: footnote texts or their numbering may have changed (a mark
    added, removed or reordered; a mark carried along by typing is in ``changed_ids``
    only);
    ``masthead_changed``: the front of the document (masthead, heading, title,
    authoring-body line) changed;
    ``annexes_changed``: an annex was added or removed, or its title lines or headings
    changed;
    ``negotiation_ids``: paragraphs whose negotiation record (label, status, brackets,
    alternatives, proposals, comments) changed; ``negotiation_changed``: any negotiation
    state changed (the round, the delegations, the negotiation started or ended included);
    ``revisions_changed``: the draft's base text or its comments changed (a change
    accepted into the base, a base set or removed): the changes shown against the base
    must be recomputed.
    """

    changed_ids: frozenset[str] = field(default_factory=_ids)
    inserted: frozenset[str] = field(default_factory=_ids)
    deleted: frozenset[str] = field(default_factory=_ids)
    moved: frozenset[str] = field(default_factory=_ids)
    structure_changed: bool = False
    footnotes_changed: bool = False
    masthead_changed: bool = False
    annexes_changed: bool = False
    negotiation_ids: frozenset[str] = field(default_factory=_ids)
    negotiation_changed: bool = False
    revisions_changed: bool = False

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            changed_ids=self.changed_ids | other.changed_ids,
            inserted=self.inserted | other.inserted,
            deleted=self.deleted | other.deleted,
            moved=self.moved | other.moved,
            structure_changed=self.structure_changed or other.structure_changed,
            footnotes_changed=self.footnotes_changed or other.footnotes_changed,
            masthead_changed=self.masthead_changed or other.masthead_changed,
            annexes_changed=self.annexes_changed or other.annexes_changed,
            negotiation_ids=self.negotiation_ids | other.negotiation_ids,
            negotiation_changed=self.negotiation_changed or other.negotiation_changed,
            revisions_changed=self.revisions_changed or other.revisions_changed,
        )

    @property
    def empty(self) -> bool:
        return self == ChangeSet()

    @staticmethod
    def union(changes: Iterable[ChangeSet]) -> ChangeSet:
        out = ChangeSet()
        for c in changes:
            out = out | c
        return out


class Edit(ABC):
    """One user edit. ``apply`` then ``revert`` leaves the document exactly as before
    (same ids, same order, same footnotes); ``apply`` may be called again after ``revert``
    (redo). An edit remembers what it needs to revert while it is applied."""

    label = "Edit"

    @abstractmethod
    def apply(self, doc: Document) -> ChangeSet: ...

    @abstractmethod
    def revert(self, doc: Document) -> ChangeSet: ...

    def merge(self, other: Edit) -> bool:
        """Absorb ``other`` (already applied, immediately after this one) into this edit,
        so a typing burst is one undo step. False when the two cannot merge."""
        return False

    def involved_texts(self) -> list[str]:
        """Texts of the paragraphs this edit inserted, removed or moved: the verb ladder
        recomputes the families of their opening verbs."""
        return []

    def retyped(self) -> list[tuple[str, str]]:
        """(old, new) texts of paragraphs whose text this edit replaced: the ladder
        recomputes a family only when the opening phrase itself changed."""
        return []


class Compound(Edit):
    """Several edits as one undo step (a macro): "insert + ladder and punctuation fixes",
    a pasted block of paragraphs."""

    def __init__(self, edits: Sequence[Edit], label: str = "") -> None:
        self.edits = list(edits)
        self.label = label or (self.edits[0].label if self.edits else "Edit")

    def apply(self, doc: Document) -> ChangeSet:
        done: list[Edit] = []
        changes: list[ChangeSet] = []
        try:
            for e in self.edits:
                changes.append(e.apply(doc))
                done.append(e)
        except Exception:
            for e in reversed(done):  # all or nothing: a failed macro leaves no trace
                e.revert(doc)
            raise
        return ChangeSet.union(changes)

    def revert(self, doc: Document) -> ChangeSet:
        return ChangeSet.union([e.revert(doc) for e in reversed(self.edits)])

    def involved_texts(self) -> list[str]:
        return [t for e in self.edits for t in e.involved_texts()]

    def retyped(self) -> list[tuple[str, str]]:
        return [t for e in self.edits for t in e.retyped()]


class Derived(Edit):
    """An edit made of simpler edits computed from the document when first applied
    (indent, outdent, convert part). Redo happens on the same document state, so the
    computed steps stay valid."""

    def __init__(self) -> None:
        self._steps: list[Edit] | None = None

    @abstractmethod
    def plan(self, doc: Document) -> list[Edit]: ...

    def apply(self, doc: Document) -> ChangeSet:
        if self._steps is None:
            self._steps = self.plan(doc)
        return Compound(self._steps).apply(doc) if self._steps else ChangeSet()

    def revert(self, doc: Document) -> ChangeSet:
        if not self._steps:
            return ChangeSet()
        return Compound(self._steps).revert(doc)

    def involved_texts(self) -> list[str]:
        return [t for e in self._steps or [] for t in e.involved_texts()]

    def retyped(self) -> list[tuple[str, str]]:
        return [t for e in self._steps or [] for t in e.retyped()]
