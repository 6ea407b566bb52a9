"""The clause library: agreed language of a set of documents, grouped in memory.

``ClauseLibrary`` holds the clauses of a few documents and their groups (identical or
near-identical language adopted in several texts, :mod:`drafting_app.clauses.grouping`).
The corpus's own agreed language is part of the corpus index (:func:`open_clause_index`),
grouped as documents come and go (:mod:`drafting_app.clauses.regroup`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from drafting_app import collector
from drafting_app.clauses.clause import Clause
from drafting_app.clauses.extract import clauses_of, doc_label
from drafting_app.clauses.grouping import group_texts
from drafting_app.clauses.index import ClauseIndex
from drafting_app.model.document import Document, Part


class _Listed(Protocol):
    @property
    def doc_id(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def path(self) -> str: ...

    @property
    def paragraphs(self) -> int: ...

    @property
    def footnotes(self) -> int: ...


class DocumentSource(Protocol):
    """What the library needs of the corpus store (drafting_app.corpus.store.CorpusStore)."""

    def documents(self) -> Sequence[_Listed]: ...

    def document(self, doc_id: str) -> Document: ...


class ClauseLibrary:
    """Every preambular and operative paragraph and sub-paragraph of a set of documents."""

    def __init__(self, clauses: Iterable[Clause]) -> None:
        self.clauses: list[Clause] = list(clauses)
        self._by_id = {c.clause_id: c for c in self.clauses}
        members = group_texts([c.text for c in self.clauses])
        groups = [[self.clauses[i] for i in g] for g in members]
        # most-adopted language first: the index's rowid order is its order of importance
        self.groups: list[list[Clause]] = sorted(groups, key=lambda g: -len(g))
        self._group_of = {c.clause_id: n for n, g in enumerate(self.groups) for c in g}

    @classmethod
    def from_documents(
        cls, documents: Iterable[tuple[str, Document] | tuple[str, Document, str]]
    ) -> ClauseLibrary:
        """From ``(doc_id, document)`` or ``(doc_id, document, label)`` tuples."""
        return cls(c for item in documents for c in clauses_of(*item))

    @classmethod
    def from_store(cls, store: DocumentSource) -> ClauseLibrary:
        """From every document of the corpus store (labelled as the store lists them)."""
        infos = [(info.doc_id, info.label) for info in store.documents()]
        with collector.paused():  # every paragraph of the corpus, none of it garbage
            return cls.from_documents((d, store.document(d), label) for d, label in infos)

    def clause(self, clause_id: str) -> Clause:
        return self._by_id[clause_id]

    def group_of(self, clause_id: str) -> list[Clause]:
        """Every clause adopted with the same (or nearly the same) language."""
        return self.groups[self._group_of[clause_id]]

    def counts(self) -> dict[Part, int]:
        out = {Part.PREAMBLE: 0, Part.OPERATIVE: 0}
        for c in self.clauses:
            out[c.part] += 1
        return out


class _Indexed(Protocol):
    @property
    def db_path(self) -> Path: ...


def open_clause_index(store: _Indexed) -> ClauseIndex:
    """The clause index of the corpus in ``store`` (part of its index: kept up to date
    with every document added or removed, nothing to mine)."""
    return ClauseIndex.open(store.db_path)


__all__ = [
    "ClauseLibrary",
    "DocumentSource",
    "doc_label",
    "open_clause_index",
]
