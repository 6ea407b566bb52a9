"""Internal references as links to paragraph ids, rewritten after reordering."""

from __future__ import annotations

from drafting_app.citations.internal import link_internal_refs, rewrite_internal_refs
from drafting_app.corpus.readers import read_document
from drafting_app.model.document import Paragraph
from tests.conftest import CORPUS_FILES


def test_resolution_5_2_reference_survives_moving_its_target_to_the_end() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    links = [link for link in link_internal_refs(doc) if link.target_id]
    assert [(link.text, link.target_id) for link in links] == [
        ("paragraph 12 above", doc.operative[11].id)
    ]
    source = doc.operative[12]
    anchors_before = list(source.anchors)
    doc.operative.append(doc.operative.pop(11))
    result = rewrite_internal_refs(doc, links)
    moved = result.document.paragraph(source.id)
    assert "described in paragraph 18 below;" in moved.text
    assert result.dangling == ()
    assert doc.paragraph(source.id).text == source.text  # the input is not changed
    assert moved.anchors == anchors_before  # the reference sits after every mark


def test_a_deleted_target_is_reported_not_guessed() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    links = link_internal_refs(doc)
    del doc.operative[11]
    result = rewrite_internal_refs(doc, links)
    assert [link.text for link in result.dangling] == ["paragraph 12 above"]
    assert result.edits == ()


def test_subparagraph_reference_follows_its_target() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    doc.operative.append(
        Paragraph("Notes the measures set out in subparagraph (b) of paragraph 8 above.")
    )
    links = [link for link in link_internal_refs(doc) if link.sub_id]
    assert links and links[0].sub_id == doc.operative[7].children[1].id
    doc.operative[7].children.reverse()
    doc.operative.insert(0, doc.operative.pop())
    result = rewrite_internal_refs(doc, links)
    assert "subparagraph (d) of paragraph 9 below" in result.document.operative[0].text


def test_unresolvable_label_is_marked() -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    doc.operative.append(Paragraph("Decides to act as set out in paragraph 40 above."))
    (link,) = [link for link in link_internal_refs(doc) if link.label == "40"]
    assert not link.resolved and link.target_id == ""
