"""SetSectionHeadings: a section heading of the operative part added, retyped (a typing
burst is one undo step) and removed; a join that would drop one is refused."""

from __future__ import annotations

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.errors import EditError
from drafting_app.model.range_edits import JoinParagraphs
from drafting_app.model.section_edits import added_heading, removed_heading, retyped_heading
from tests.conftest import ROOT

SHAPE = ROOT / "tests" / "data" / "shapes" / "sectioned-operative_oceans-law-of-the-sea.txt"


def test_add_retype_remove_and_revert() -> None:
    doc = read_document(SHAPE)
    op2 = doc.operative[1]
    add = added_heading(doc, op2.id, "I bis")
    add.apply(doc)
    assert op2.headings == ["I bis"]
    first = retyped_heading(doc, op2.id, 0, "I bi")
    first.apply(doc)
    second = retyped_heading(doc, op2.id, 0, "I ter")
    second.apply(doc)
    assert first.merge(second) and op2.headings == ["I ter"]
    assert not add.merge(first)  # adding is a step of its own
    first.revert(doc)
    assert op2.headings == ["I bis"]
    gone = removed_heading(doc, op2.id, 0)
    gone.apply(doc)
    assert op2.headings == []
    gone.revert(doc)
    add.revert(doc)
    assert op2.headings == []
    with pytest.raises(EditError):
        retyped_heading(doc, op2.id, 0, "x")
    with pytest.raises(EditError):
        added_heading(doc, "no-such-paragraph")
    with pytest.raises(EditError):
        added_heading(doc, op2.id, "two\nlines").apply(doc)


def test_a_join_keeps_every_heading_or_is_refused() -> None:
    doc = read_document(SHAPE)
    last, before = doc.operative[-1], doc.operative[-2]
    added_heading(doc, last.id, "IV").apply(doc)
    with pytest.raises(EditError, match="IV"):
        JoinParagraphs(before.id, last.id).apply(doc)
    assert doc.operative[-1] is last and last.headings == ["IV"]
    op2, op3, op4 = doc.operative[1:4]
    join = JoinParagraphs(op2.id, op3.id)
    join.apply(doc)
    assert op4.headings == ["II", "Capacity-building"]
    join.revert(doc)
    assert op3.headings == ["II", "Capacity-building"] and op4.headings == []
