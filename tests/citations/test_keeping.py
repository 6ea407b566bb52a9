"""Internal references rewritten in the same edit as the move that renumbers them."""

from __future__ import annotations

from drafting_app.citations.keeping import reference_rewrites, with_reference_rewrites
from drafting_app.corpus.readers import read_document
from drafting_app.model.changes import Compound
from drafting_app.model.document import Paragraph, Part
from drafting_app.model.edits import DeleteParagraph, InsertParagraph, MoveParagraph, SetText
from tests.conftest import CORPUS_FILES


def test_moving_the_target_rewrites_the_reference_and_revert_restores_it() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    source, target = doc.operative[12], doc.operative[11]
    before = source.text
    assert "paragraph 12 above" in before
    edit = with_reference_rewrites(doc, MoveParagraph(target.id, Part.OPERATIVE, None, 17))
    assert isinstance(edit, Compound) and doc.paragraph(source.id).text == before  # not applied
    edit.apply(doc)
    assert doc.operative[17] is target
    assert "paragraph 18 below" in doc.paragraph(source.id).text
    assert doc.paragraph(source.id).anchors == source.anchors
    edit.revert(doc)
    assert doc.operative[11] is target and doc.paragraph(source.id).text == before


def test_an_insertion_above_renumbers_the_reference() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    edit = with_reference_rewrites(
        doc, InsertParagraph(Part.OPERATIVE, None, 0, Paragraph("Decides to act;"))
    )
    edit.apply(doc)
    assert "paragraph 13 above" in doc.operative[13].text


def test_typing_and_deleting_the_target_rewrite_nothing() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    p = doc.operative[0]
    typing = SetText(p.id, p.text + " ", p.italics, p.anchors)
    assert reference_rewrites(doc, typing) == []
    # A deleted target is left for the INTERNAL check to report, never guessed.
    assert reference_rewrites(doc, DeleteParagraph(doc.operative[11].id)) == []
