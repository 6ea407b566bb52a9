"""Shared proofs for edit tests: one edit round-trips (apply → revert → apply) and a random
history of edits undoes to the original and redoes to the same end."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from hypothesis import strategies as st

from drafting_app.errors import EditError
from drafting_app.model.changes import ChangeSet, Edit
from drafting_app.model.conventions import with_fixes
from drafting_app.model.describe import describe
from drafting_app.model.document import Document
from drafting_app.model.profiles import PROFILES

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


def replay_history(doc: Document, data: st.DataObject, edits: EditStrategy, most: int) -> int:
    """Apply up to ``most`` drawn edits (some with their ladder and punctuation fixes, as
    the GUI pushes them; a refused one must change nothing), undo them all back to the
    original, redo them all; returns how many were applied."""
    original = describe(doc)
    done: list[Edit] = []
    for _ in range(data.draw(st.integers(1, most))):
        edit = data.draw(edits(doc))
        if data.draw(st.booleans()):
            with contextlib.suppress(EditError):
                edit = with_fixes(doc, edit, PROFILES["ctoc-cop"])
        snapshot = describe(doc)
        try:
            edit.apply(doc)
        except EditError:
            assert describe(doc) == snapshot  # a refused edit changes nothing
            continue
        done.append(edit)
    after = describe(doc)
    for edit in reversed(done):
        edit.revert(doc)
    assert describe(doc) == original
    for edit in done:  # redo the whole history
        edit.apply(doc)
    assert describe(doc) == after
    return len(done)
