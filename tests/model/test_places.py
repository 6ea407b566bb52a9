"""The place index behind ``Document.paragraph`` and ``locate``: it answers as a walk of
the draft does after edits made through Edit objects and after lists changed by hand
(a reader, a test), and forgets paragraphs that left the draft."""

from __future__ import annotations

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.errors import EditError
from drafting_app.model import Document, Paragraph, Part
from drafting_app.model.edits import DeleteParagraph, Indent, InsertParagraph, MoveParagraph
from drafting_app.model.tree import locate
from tests.conftest import CORPUS_FILES
from tests.model.edit_history import assert_places_agree


def _doc(key: str) -> Document:
    return read_document(CORPUS_FILES[key])


def test_lookups_follow_edits_and_forget_deleted_paragraphs() -> None:
    doc = _doc("france_draft")
    op3 = doc.operative[2]
    assert locate(doc, op3.id).index == 2
    new = Paragraph("Decides to remain seized of the matter;")
    InsertParagraph(Part.OPERATIVE, None, 0, new).apply(doc)
    assert locate(doc, op3.id).index == 3  # the entry was stale: checked, rebuilt
    assert doc.paragraph(new.id) is new
    Indent(op3.id).apply(doc)
    loc = locate(doc, op3.id)
    assert loc.parent_id == doc.operative[2].id  # under the paragraph before it
    DeleteParagraph(new.id).apply(doc)
    with pytest.raises(KeyError):
        doc.paragraph(new.id)
    with pytest.raises(EditError, match="No paragraph"):
        locate(doc, new.id)
    assert_places_agree(doc, {new.id})


def test_lists_changed_by_hand_are_seen() -> None:
    doc = _doc("france_draft")
    first = doc.operative[0]
    assert doc.paragraph(first.id) is first
    doc.operative.remove(first)
    with pytest.raises(KeyError):
        doc.paragraph(first.id)
    doc.preamble.append(first)
    assert locate(doc, first.id).part is Part.PREAMBLE
    doc.operative = [Paragraph("Replaced list;")]  # a whole list swapped
    assert locate(doc, doc.operative[0].id).index == 0
    with pytest.raises(KeyError):
        doc.paragraph(doc.preamble[0].children[0].id if doc.preamble[0].children else "x")
    assert_places_agree(doc, {first.id})


def test_a_paragraph_moved_into_another_list_is_found_there() -> None:
    doc = _doc("resolution_5_2")
    p = doc.operative[-1]
    MoveParagraph(p.id, Part.OPERATIVE, doc.operative[0].id, 0).apply(doc)
    assert locate(doc, p.id).parent_id == doc.operative[0].id
    assert_places_agree(doc)


def test_the_chapeau_and_annexes() -> None:
    doc = _doc("decision_3_3")
    assert doc.chapeau is not None
    assert doc.paragraph(doc.chapeau.id) is doc.chapeau
    with pytest.raises(EditError, match="chapeau"):
        locate(doc, doc.chapeau.id)
    old = doc.chapeau
    doc.chapeau = Paragraph("The Conference …:")
    with pytest.raises(KeyError):
        doc.paragraph(old.id)
    assert_places_agree(doc)
