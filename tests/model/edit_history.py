"""Shared proofs for edit tests: one edit round-trips (apply → revert → apply) and a random
history of edits undoes to the original and redoes to the same end."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from hypothesis import strategies as st

from drafting_app.errors import EditError
from drafting_app.model.changes import ChangeSet, Edit
from drafting_app.model.conventions import with_fixes
from drafting_app.model.describe import describe
from drafting_app.model.document import Document
from drafting_app.model.number_cache import NumberCache
from drafting_app.model.numbering import footnote_numbers, paragraph_labels
from drafting_app.model.profiles import PROFILES
from drafting_app.model.tree import find, locations

EditStrategy = Callable[[Document], st.SearchStrategy[Edit]]


def roundtrip(doc: Document, edit: Edit) -> ChangeSet:
    """apply → revert → apply again: revert restores, redo reproduces."""
    before = describe(doc)
    changes = edit.apply(doc)
    after = describe(doc)
    edit.revert(doc)
    assert describe(doc) == before
    assert edit.apply(doc) == changes
    assert describe(doc) == after
    return changes


def assert_places_agree(doc: Document, gone: set[str] | None = None) -> None:
    """The place index (what ``doc.paragraph`` and ``locate`` use) says what a walk of the
    draft says, and knows nothing of paragraphs that left it."""
    walked = {loc_p[1].id: loc_p for loc_p in reversed(list(locations(doc)))}
    for p in doc.all_paragraphs():
        assert doc.paragraph(p.id) is p
    for pid, (loc, p) in walked.items():
        assert find(doc, pid) == (loc, p)
    present = {p.id for p in doc.all_paragraphs()}
    for pid in (gone or set()) - present:
        with pytest.raises(KeyError):
            doc.paragraph(pid)


def assert_numbers_agree(cache: NumberCache, doc: Document) -> None:
    """The cached numbers are those computed afresh."""
    assert cache.labels() == paragraph_labels(doc)
    assert cache.footnotes() == footnote_numbers(doc)


def replay_history(doc: Document, data: st.DataObject, edits: EditStrategy, most: int) -> int:
    """Apply up to ``most`` drawn edits (some with their ladder and punctuation fixes, as
    the GUI pushes them; a refused one must change nothing), undo them all back to the
    original, redo them all; returns how many were applied."""
    original = describe(doc)
    done: list[Edit] = []
    seen = {p.id for p in doc.all_paragraphs()}
    assert_places_agree(doc)
    numbers = NumberCache(doc)
    assert_numbers_agree(numbers, doc)
    for _ in range(data.draw(st.integers(1, most))):
        edit = data.draw(edits(doc))
        if data.draw(st.booleans()):
            with contextlib.suppress(EditError):
                edit = with_fixes(doc, edit, PROFILES["ctoc-cop"])
        snapshot = describe(doc)
        try:
            numbers.after(edit.apply(doc))
        except EditError:
            assert describe(doc) == snapshot  # a refused edit changes nothing
            continue
        done.append(edit)
        seen |= {p.id for p in doc.all_paragraphs()}
        assert_places_agree(doc, seen)
        assert_numbers_agree(numbers, doc)
    after = describe(doc)
    for edit in reversed(done):
        numbers.after(edit.revert(doc))
        assert_places_agree(doc, seen)
        assert_numbers_agree(numbers, doc)
    assert describe(doc) == original
    for edit in done:  # redo the whole history
        numbers.after(edit.apply(doc))
        assert_numbers_agree(numbers, doc)
    assert describe(doc) == after
    assert_places_agree(doc, seen)
    return len(done)
