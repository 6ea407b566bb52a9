"""Editing the annexes of a GA resolution (A/RES/80/3, the Awaza Political Declaration: an
annex of 25 numbered paragraphs under headings I–III): paragraph edits inside an annex,
annexes added, deleted and retitled — each undone exactly — and the resolution's
conventions kept out of the annexed text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting_app.corpus.readers import read_document
from drafting_app.errors import EditError
from drafting_app.model import Annex, Document, Footnote, Heading, Paragraph, Part, Span
from drafting_app.model.changes import ChangeSet, Edit
from drafting_app.model.conventions import annex_only, fixes_after, with_fixes
from drafting_app.model.describe import describe
from drafting_app.model.edits import (
    AddAnnex,
    AddFootnote,
    ConvertPart,
    DeleteAnnex,
    DeleteHeading,
    DeleteParagraph,
    Indent,
    InsertHeading,
    InsertParagraph,
    MoveParagraph,
    Outdent,
    SetAnnexHeading,
    SetAnnexTitle,
    SetText,
    new_annex,
)
from drafting_app.model.numbering import footnote_numbers, paragraph_labels
from drafting_app.model.profiles import PROFILES
from drafting_app.model.tree import (
    Location,
    annex_locations,
    annex_of,
    annex_paragraph_ids,
    locate,
)
from tests.conftest import REALDOCS
from tests.model.edit_history import replay_history, roundtrip

AWAZA = REALDOCS / "ga" / "A-RES-80-3_awaza-political-declaration-2025.txt"
TIP = REALDOCS / "ga" / "A-RES-80-9_tip-political-declaration-2025.txt"
PROFILE = PROFILES["ctoc-cop"]


def awaza() -> Document:
    return read_document(AWAZA)


def annex_labels(doc: Document, n: int = 0) -> list[str]:
    labels = paragraph_labels(doc)
    return [labels[p.id] for p in doc.annexes[n].paragraphs()]


def block(doc: Document, index: int) -> Paragraph:
    b = doc.annexes[0].blocks[index]
    assert isinstance(b, Paragraph)
    return b


def test_locate_places_annex_paragraphs_among_the_annex_blocks() -> None:
    doc = awaza()
    annex = doc.annexes[0]
    assert isinstance(annex.blocks[2], Heading)  # "I. Global context and shared commitments"
    third = block(doc, 3)
    assert paragraph_labels(doc)[third.id] == "3."
    assert locate(doc, third.id) == Location(Part.OPERATIVE, None, 3, annex.id)
    sub = block(doc, 14).children[1]
    assert locate(doc, sub.id) == Location(Part.OPERATIVE, block(doc, 14).id, 1, annex.id)
    assert locate(doc, doc.operative[1].id) == Location(Part.OPERATIVE, None, 1)


def test_insert_in_an_annex_renumbers_the_annex_only_and_reverts() -> None:
    doc = awaza()
    annex_id = doc.annexes[0].id
    body = [paragraph_labels(doc)[p.id] for p in doc.operative]
    new = Paragraph("We commit to review progress in 2030.")
    changes = roundtrip(doc, InsertParagraph(Part.OPERATIVE, None, 2, new, annex=annex_id))
    assert changes.inserted == {new.id} and changes.structure_changed
    assert doc.annexes[0].blocks[2] is new  # before heading I
    labels = paragraph_labels(doc)
    assert labels[new.id] == "3."
    assert labels[block(doc, 4).id] == "4."  # the old 3., now under heading I
    assert annex_labels(doc) == [f"{n}." for n in range(1, 27)]
    assert [labels[p.id] for p in doc.operative] == body  # the resolution keeps 1. and 2.
    assert doc.operative[0].text.startswith("Endorses")


def test_delete_an_annex_paragraph_takes_its_footnote_and_undo_restores_it() -> None:
    doc = awaza()
    fifth = block(doc, 5)
    (note,) = {a.footnote_id for a in fifth.anchors}
    changes = roundtrip(doc, DeleteParagraph(fifth.id))
    assert changes.deleted == {fifth.id} and changes.footnotes_changed
    assert note not in {f.id for f in doc.footnotes}
    assert annex_labels(doc) == [f"{n}." for n in range(1, 25)]


def test_move_within_an_annex_crosses_a_heading() -> None:
    doc = awaza()
    annex_id = doc.annexes[0].id
    second = block(doc, 1)
    # Down past heading I: the paragraph now opens section I and is numbered 2. still.
    roundtrip(doc, MoveParagraph(second.id, Part.OPERATIVE, None, 2, annex_id))
    assert isinstance(doc.annexes[0].blocks[1], Heading)
    assert doc.annexes[0].blocks[2] is second
    assert paragraph_labels(doc)[second.id] == "2."
    assert locate(doc, second.id).annex == annex_id


def test_indent_and_outdent_inside_an_annex() -> None:
    doc = awaza()
    annex_id = doc.annexes[0].id
    fourth = block(doc, 4)
    roundtrip(doc, Indent(fourth.id))
    assert block(doc, 3).children == [fourth]
    assert paragraph_labels(doc)[fourth.id] == "(a)"
    assert annex_labels(doc)[3] == "4."  # the old 5.
    roundtrip(doc, Outdent(fourth.id))
    assert locate(doc, fourth.id) == Location(Part.OPERATIVE, None, 4, annex_id)
    assert paragraph_labels(doc)[fourth.id] == "4."


def test_paragraph_under_a_heading_cannot_be_indented_and_annex_paragraphs_never_convert() -> None:
    doc = awaza()
    snapshot = describe(doc)
    with pytest.raises(EditError, match="heading"):
        Indent(block(doc, 3).id).apply(doc)
    with pytest.raises(EditError, match="annex"):
        ConvertPart(block(doc, 3).id).apply(doc)
    assert describe(doc) == snapshot


def test_typing_in_an_annex_paragraph_reverts_exactly() -> None:
    doc = awaza()
    p = block(doc, 1)
    new = p.text.replace("We welcome", "We warmly welcome", 1)
    anchors = [type(a)(a.offset + 7, a.footnote_id) for a in p.anchors]
    changes = roundtrip(doc, SetText(p.id, new, [Span(3, 9)], anchors))
    assert changes.changed_ids == {p.id}
    assert p.text.startswith("We warmly welcome") and p.italics == [Span(3, 9)]


def test_a_footnote_added_in_an_annex_paragraph_is_numbered_in_text_order() -> None:
    doc = awaza()
    first = block(doc, 0)  # annex 1., before every other mark of the annex
    before = footnote_numbers(doc)
    note = Footnote("See A/CONF.225/2024/3.")
    roundtrip(doc, AddFootnote(first.id, len(first.text), note))
    numbers = footnote_numbers(doc)
    assert numbers[note.id] == 1  # the body has no marks: annex 1. comes first
    assert all(numbers[f] == n + 1 for f, n in before.items())


def test_add_a_second_annex_renames_the_first_and_undo_restores_it() -> None:
    doc = awaza()
    first = doc.annexes[0]
    assert first.title == "Annex"
    edit, annex = new_annex(doc, ["Terms of reference"])
    changes = roundtrip(doc, edit)
    assert changes.annexes_changed and changes.inserted == {annex.paragraphs()[0].id}
    assert [a.title for a in doc.annexes] == ["Annex I", "Annex II"]
    assert doc.annexes[1].lines == ["Terms of reference"]
    second = InsertParagraph(Part.OPERATIVE, None, 1, Paragraph("Scope."), annex=annex.id)
    roundtrip(doc, second)
    assert annex_labels(doc, 1) == ["1.", "2."]  # numbering restarts in each annex
    second.revert(doc)
    edit.revert(doc)
    assert [a.title for a in doc.annexes] == ["Annex"]


def test_first_annex_is_plain_annex_and_a_third_takes_iii() -> None:
    doc = read_document(REALDOCS / "ga" / "A-RES-80-4_cuba-embargo-2025.txt")
    assert doc.annexes == []
    edit, annex = new_annex(doc)
    edit.apply(doc)
    assert annex.title == "Annex" and annex.paragraphs()[0].text == ""
    for _ in range(2):
        new_annex(doc)[0].apply(doc)
    assert [a.title for a in doc.annexes] == ["Annex I", "Annex II", "Annex III"]


def test_delete_an_annex_takes_its_footnotes_and_undo_restores_them() -> None:
    doc = awaza()
    count = len(doc.footnotes)
    annex_notes = {a.footnote_id for p in doc.annexes[0].paragraphs() for a in p.anchors}
    assert annex_notes
    changes = roundtrip(doc, DeleteAnnex(doc.annexes[0].id))
    assert doc.annexes == [] and changes.footnotes_changed
    assert len(doc.footnotes) == count - len(annex_notes)
    with pytest.raises(EditError):
        DeleteAnnex("ax-missing").apply(doc)


def test_annex_title_and_heading_edits_revert_and_merge_as_typing() -> None:
    doc = awaza()
    annex = doc.annexes[0]
    title = SetAnnexTitle(annex.id, "Annex", ["Awaza Political Declaration of 2025"])
    assert roundtrip(doc, title) == ChangeSet(annexes_changed=True)
    later = SetAnnexTitle(annex.id, "Annex", ["Awaza Political Declaration of 2026"])
    later.apply(doc)
    assert title.merge(later)
    title.revert(doc)
    assert annex.lines == ["Awaza Political Declaration"]
    heading = doc.annexes[0].blocks[2]
    assert isinstance(heading, Heading)
    edit = SetAnnexHeading(heading.id, "I. Global context")
    roundtrip(doc, edit)
    assert heading.text == "I. Global context"
    assert not edit.merge(SetAnnexHeading("h-other", "x"))
    with pytest.raises(EditError):
        AddAnnex(Annex("Annex", [], []), index=5).apply(doc)


def test_insert_heading_above_an_annex_paragraph_keeps_the_numbers_and_reverts() -> None:
    doc = awaza()
    annex = doc.annexes[0]
    labels = annex_labels(doc)
    sixth = block(doc, 6)  # annex 6., under heading I
    heading = Heading("A. Financing")
    changes = roundtrip(doc, InsertHeading(annex.id, 6, heading))
    assert changes == ChangeSet(structure_changed=True, annexes_changed=True)
    assert annex.blocks[6] is heading and annex.blocks[7] is sixth
    assert locate(doc, sixth.id) == Location(Part.OPERATIVE, None, 7, annex.id)
    assert annex_labels(doc) == labels  # numbering runs on across headings
    assert sum(isinstance(b, Heading) for b in annex.blocks) == 6
    # A paragraph right under a heading cannot become a sub-paragraph of the one above it.
    with pytest.raises(EditError, match="heading"):
        Indent(sixth.id).apply(doc)


def test_delete_heading_keeps_its_paragraphs_under_the_previous_heading() -> None:
    doc = awaza()
    annex = doc.annexes[0]
    labels = annex_labels(doc)
    heading = annex.blocks[13]  # "II. Implementation …"
    assert isinstance(heading, Heading) and heading.text.startswith("II.")
    under = block(doc, 14)
    edit = DeleteHeading(annex.id, heading.id)
    changes = roundtrip(doc, edit)
    assert changes == ChangeSet(structure_changed=True, annexes_changed=True)
    assert heading not in annex.blocks and annex.blocks[13] is under
    assert len(annex.paragraphs()) == 25 and annex_labels(doc) == labels
    previous = [b for b in annex.blocks[:13] if isinstance(b, Heading)][-1]
    assert previous.text.startswith("I.")  # its paragraphs now stand under heading I
    edit.revert(doc)
    assert annex.blocks[13] is heading  # the same heading, same id, same place
    assert SetAnnexHeading(heading.id, "II. Follow-up").apply(doc).annexes_changed


def test_heading_edits_refuse_bad_places_and_change_nothing() -> None:
    doc = awaza()
    annex = doc.annexes[0]
    snapshot = describe(doc)
    heading = annex.blocks[2]
    assert isinstance(heading, Heading)
    with pytest.raises(EditError, match="outside"):
        InsertHeading(annex.id, len(annex.blocks) + 1, Heading("IV. Review")).apply(doc)
    with pytest.raises(EditError, match="already"):
        InsertHeading(annex.id, 0, heading).apply(doc)
    with pytest.raises(EditError, match="No annex"):
        InsertHeading("ax-missing", 0, Heading("IV. Review")).apply(doc)
    with pytest.raises(EditError, match="not in annex"):
        DeleteHeading("ax-other", heading.id).apply(doc)
    with pytest.raises(EditError, match="No annex heading"):
        DeleteHeading(annex.id, "h-missing").apply(doc)
    assert describe(doc) == snapshot


# -- the resolution's conventions stay out of the annexed text ------------------------------


def test_annex_edits_bring_no_ladder_or_punctuation_fix() -> None:
    doc = awaza()
    annex_id = doc.annexes[0].id
    # The body's last operative paragraph loses its full stop: a body edit would fix it.
    last = doc.operative[-1]
    last.text = last.text.rstrip(".")
    # "We also welcome" (annex 11.) stays as the declaration wrote it.
    insert = InsertParagraph(
        Part.OPERATIVE, None, 0, Paragraph("Requests the Secretary-General"), annex=annex_id
    )
    assert with_fixes(doc, insert, PROFILE) is insert
    p = block(doc, 11)
    retyped = SetText(p.id, "Requests " + p.text, [], [])
    assert with_fixes(doc, retyped, PROFILE) is retyped
    retyped.apply(doc)
    typed = ChangeSet(changed_ids=frozenset({p.id}))
    assert fixes_after(doc, retyped, PROFILE, structural=False, changes=typed) == []
    # The same insertion in the body is punctuated and laddered with the body.
    body = InsertParagraph(Part.OPERATIVE, None, 0, Paragraph("Requests the Secretary-General"))
    assert with_fixes(doc, body, PROFILE) is not body


def test_annex_only_knows_moves_out_of_an_annex() -> None:
    doc = awaza()
    ids = annex_paragraph_ids(doc)
    p = block(doc, 0).id
    assert annex_only(ChangeSet(changed_ids=frozenset({p})), ids, ids)
    out = ids - {p}
    assert not annex_only(ChangeSet(moved=frozenset({p})), ids, out)
    assert not annex_only(ChangeSet(changed_ids=frozenset({doc.operative[0].id})), ids, ids)
    assert not annex_only(ChangeSet(annexes_changed=True), ids, ids)
    move_out = MoveParagraph(p, Part.OPERATIVE, None, 2)
    assert with_fixes(doc, move_out, PROFILE) is not move_out  # the body is punctuated


# -- random sequences inside annexes -------------------------------------------------------


@st.composite
def _annex_edit(draw: st.DrawFn, doc: Document) -> Edit:
    ids = [p.id for a in doc.annexes for _, p in annex_locations(a)]  # document order
    annexes = [a.id for a in doc.annexes]
    kind = draw(st.sampled_from(["insert", "delete", "move", "indent", "outdent", "text",
                                 "add", "drop", "title", "heading", "unhead"]))  # fmt: skip
    if kind == "add" or not annexes:
        return new_annex(doc, ["Plan of action"])[0]
    annex = draw(st.sampled_from(annexes))
    if kind == "drop":
        return DeleteAnnex(annex)
    if kind == "title":
        return SetAnnexTitle(annex, draw(st.sampled_from(["Annex", "Annex I", ""])), ["T"])
    blocks = annex_of(doc, annex).blocks
    if kind == "heading":
        return InsertHeading(annex, draw(st.integers(0, len(blocks) + 1)), Heading("B. Means"))
    headings = [b.id for b in blocks if isinstance(b, Heading)]
    if kind == "unhead" and headings:
        return DeleteHeading(annex, draw(st.sampled_from(headings)))
    pid = draw(st.sampled_from(ids)) if ids else None
    if kind == "insert" or pid is None:
        parent = draw(st.sampled_from([None, *ids]))
        index = draw(st.integers(0, 4))
        return InsertParagraph(Part.OPERATIVE, parent, index, Paragraph("We act."), annex=annex)
    if kind == "delete":
        return DeleteParagraph(pid)
    if kind == "move":
        parent = draw(st.sampled_from([None, *ids]))
        return MoveParagraph(pid, Part.OPERATIVE, parent, draw(st.integers(0, 5)), annex)
    if kind in ("indent", "outdent"):
        return {"indent": Indent, "outdent": Outdent}[kind](pid)
    p = doc.paragraph(pid)
    cut = draw(st.integers(0, len(p.text)))
    return SetText(pid, p.text[:cut], [], [a for a in p.anchors if a.offset <= cut])


@pytest.mark.parametrize("path", [AWAZA, TIP], ids=["awaza", "tip"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_annex_edit_sequences_revert_to_the_original(path, data: st.DataObject) -> None:
    replay_history(read_document(path), data, _annex_edit, 10)
