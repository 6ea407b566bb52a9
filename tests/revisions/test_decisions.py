"""Accepting and rejecting pending changes (issue 17 items 1 and 5): one at a time, each an
edit undone exactly; all of them turn the base into the draft (accept) or the draft into
the base (reject), on real rollovers."""

from __future__ import annotations

import copy

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.errors import EditError
from drafting_app.model import Document
from drafting_app.model.revision import RevisionBase
from drafting_app.revisions.decisions import (
    AcceptChange,
    RejectChange,
    comparison_of,
    decide_all,
)
from tests.revisions.pairs import SOURCES, all_pairs, make_rollover
from tests.revisions.texts import text_of as _text_of


def text_of(doc: Document) -> dict[str, object]:
    """The text, without what the document is (a draft started from an adopted resolution
    stays a draft whatever is decided: its kind is no change to accept or reject)."""
    out = _text_of(doc)
    out.pop("kind", None)
    return out


def _draft(base: Document, new: Document) -> Document:
    d = copy.deepcopy(new)
    d.revision_base = RevisionBase(copy.deepcopy(base), "base")
    return d


PAIRS = all_pairs()


@pytest.mark.parametrize(("name", "base", "new"), PAIRS, ids=[p[0] for p in PAIRS])
@pytest.mark.parametrize("accept", [True, False], ids=["accept-all", "reject-all"])
def test_deciding_every_change_gives_the_other_text(name, base, new, accept: bool):
    draft = _draft(base, new)
    assert comparison_of(draft).changes
    edits = decide_all(draft, accept)
    assert comparison_of(draft).empty
    assert draft.revision_base is not None
    if accept:
        assert text_of(draft.revision_base.document) == text_of(new)
        assert text_of(draft) == text_of(new)
    else:
        assert text_of(draft) == text_of(base)
    for e in reversed(edits):
        e.revert(draft)
    assert text_of(draft) == text_of(new)
    assert text_of(draft.revision_base.document) == text_of(base)


@pytest.mark.parametrize("key", ["resolution_10_3", "icc_2025"])
@pytest.mark.parametrize("edit_type", [AcceptChange, RejectChange])
def test_each_change_alone_goes_and_comes_back(key: str, edit_type):
    r = make_rollover(key)
    draft = _draft(r.base, r.new)
    keys = [c.key for c in comparison_of(draft).changes]
    before_new, before_base = text_of(draft), text_of(draft.revision_base.document)
    for k in keys:
        edit = edit_type(k)
        edit.apply(draft)
        assert [c.key for c in comparison_of(draft).changes] == [x for x in keys if x != k]
        edit.revert(draft)
        assert text_of(draft) == before_new
        assert text_of(draft.revision_base.document) == before_base
        edit.apply(draft)  # redo repeats the planned steps
        edit.revert(draft)
    assert [c.key for c in comparison_of(draft).changes] == keys


def test_a_change_that_is_no_longer_pending_is_refused():
    r = make_rollover("france_draft")
    draft = _draft(r.base, r.new)
    key = comparison_of(draft).changes[0].key
    AcceptChange(key).apply(draft)
    with pytest.raises(EditError, match="no longer pending"):
        AcceptChange(key).apply(draft)


def test_a_draft_without_a_base_has_nothing_to_decide():
    with pytest.raises(EditError, match="no base"):
        AcceptChange("front:title").apply(read_document(SOURCES["france_draft"]))
