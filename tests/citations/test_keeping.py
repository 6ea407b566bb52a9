"""Internal references rewritten in the same edit as the move that renumbers them."""

from __future__ import annotations

from pathlib import Path

from drafting_app.checks.context import CheckContext
from drafting_app.checks.findings import Finding, Severity
from drafting_app.checks.internal import check_internal
from drafting_app.checks.profile import profile_for
from drafting_app.citations.keeping import broken_by, reference_rewrites, with_reference_rewrites
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.model.changes import Compound, Edit
from drafting_app.model.document import BrokenRef, Document, Paragraph, Part
from drafting_app.model.edits import (
    ConvertPart,
    DeleteParagraph,
    InsertParagraph,
    MoveParagraph,
    SetText,
)
from drafting_app.storage.codec import paragraph_to_json
from drafting_app.storage.project import load_project, save_project
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


def test_typing_rewrites_nothing() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    p = doc.operative[0]
    typing = SetText(p.id, p.text + " ", p.italics, p.anchors)
    assert reference_rewrites(doc, typing) == []


def run_checks(doc: Document) -> list[Finding]:
    """The INTERNAL check, on the real registry of the one corpus document."""
    registry = Registry.from_documents([("resolution_5_2", doc)])
    return check_internal(CheckContext(doc, registry, profile_for(doc)))


def _deleted_target() -> tuple[Document, Paragraph, Edit, int]:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    source = doc.operative[12]
    at = source.text.index("paragraph 12 above")
    edit = with_reference_rewrites(doc, DeleteParagraph(doc.operative[11].id))
    return doc, source, edit, at


def test_deleting_the_target_marks_the_reference_broken_and_undo_clears_it() -> None:
    doc, source, edit, at = _deleted_target()
    before = source.text
    marks = broken_by(edit)
    assert [m.pid for m in marks] == [source.id] and source.broken_refs == []  # not applied
    edit.apply(doc)
    # Never guessed: the text still says 12 (now another paragraph's number), and the
    # paragraph records that the reference lost its target.
    assert source.text == before
    assert source.broken_refs == [BrokenRef(at, at + len("paragraph 12 above"), "12")]
    found = [f for f in run_checks(doc) if f.code == "INTERNAL" and f.severity is Severity.ERROR]
    assert any(
        f.location.paragraph_id == source.id and "was deleted" in f.message for f in found
    ), [f.message for f in found]
    edit.revert(doc)
    assert source.broken_refs == []
    assert not any("was deleted" in f.message for f in run_checks(doc))


def test_retyping_the_reference_clears_the_mark_and_other_typing_shifts_it() -> None:
    doc, source, edit, _ = _deleted_target()
    edit.apply(doc)
    ref = source.broken_refs[0]
    # Typing before the reference moves the mark with the text.
    typing = SetText(source.id, "Also " + source.text, [], source.anchors)
    typing.apply(doc)
    assert source.broken_refs == [BrokenRef(ref.start + 5, ref.end + 5, "12")]
    typing.revert(doc)
    assert source.broken_refs == [ref]
    # Retyping inside the reference: the drafter has chosen what it names now.
    text = source.text[: ref.start] + "paragraph 3 above" + source.text[ref.end :]
    retyped = SetText(source.id, text, [], [])
    retyped.apply(doc)
    assert source.broken_refs == []
    assert not any("was deleted" in f.message for f in run_checks(doc))


def test_broken_references_survive_save_and_reopen(tmp_path: Path) -> None:
    doc, source, edit, _ = _deleted_target()
    edit.apply(doc)
    path = tmp_path / "broken.unres.json"
    save_project(doc, path, {})
    again = load_project(path).document
    assert again.paragraph(source.id).broken_refs == source.broken_refs
    # A paragraph without one is written as before (no new key).
    assert "broken_refs" not in paragraph_to_json(doc.operative[0])


def test_converting_the_target_to_preambular_marks_the_reference_broken() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    source, target = doc.operative[12], doc.operative[11]
    edit = with_reference_rewrites(doc, ConvertPart(target.id))
    edit.apply(doc)
    assert target in doc.preamble and [r.target_label for r in source.broken_refs] == ["12"]
    edit.revert(doc)
    assert source.broken_refs == [] and doc.operative[11] is target
