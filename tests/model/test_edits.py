"""Edits of the draft: each one reverts exactly, redo repeats it, random sequences undo to
the original (issue 3)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from drafting_app.corpus.readers import read_document
from drafting_app.errors import EditError
from drafting_app.model import Anchor, Document, Footnote, Paragraph, Part, Span
from drafting_app.model.describe import describe
from drafting_app.model.edits import (
    AddFootnote,
    Compound,
    ConvertPart,
    DeleteFootnote,
    DeleteParagraph,
    Edit,
    EditFootnote,
    Indent,
    InsertParagraph,
    MoveParagraph,
    Outdent,
    SetAuthoringBody,
    SetMasthead,
    SetText,
    SetTitle,
    locate,
    retype,
)
from drafting_app.model.numbering import paragraph_labels
from tests.conftest import CORPUS_FILES
from tests.model.edit_history import replay_history, roundtrip


def france() -> Document:
    return read_document(CORPUS_FILES["france_draft"])


def test_insert_paragraph_shifts_numbers_and_reverts():
    doc = france()
    new = Paragraph("Decides to remain seized of the matter;", [Span(0, 7)])
    changes = roundtrip(doc, InsertParagraph(Part.OPERATIVE, None, 2, new))
    assert changes.inserted == {new.id} and changes.structure_changed
    assert paragraph_labels(doc)[new.id] == "3."
    assert paragraph_labels(doc)[doc.operative[3].id] == "4."


def test_delete_paragraph_takes_its_footnotes_and_brings_them_back():
    doc = france()
    op1 = doc.operative[0]
    notes = [a.footnote_id for a in op1.anchors]
    changes = roundtrip(doc, DeleteParagraph(op1.id))
    assert changes.deleted == {op1.id} and changes.footnotes_changed
    assert not any(f.id in notes for f in doc.footnotes)
    assert len(doc.footnotes) == 3


def test_delete_keeps_a_footnote_marked_elsewhere_too():
    doc = france()
    fid = doc.operative[0].anchors[0].footnote_id
    p3 = doc.operative[2]
    p3.anchors.append(Anchor(len(p3.text), fid))
    DeleteParagraph(doc.operative[0].id).apply(doc)
    assert fid in {f.id for f in doc.footnotes}


def test_delete_subparagraph_tree():
    doc = france()
    op9 = doc.operative[8]
    changes = roundtrip(doc, DeleteParagraph(op9.id))
    assert changes.deleted == {op9.id, *(c.id for c in op9.children)}


def test_move_paragraph_down_and_into_another_part():
    doc = france()
    first = doc.operative[0]
    changes = roundtrip(doc, MoveParagraph(first.id, Part.OPERATIVE, None, 3))
    assert changes.moved == {first.id}
    assert doc.operative[3] is first
    roundtrip(doc, MoveParagraph(first.id, Part.PREAMBLE, None, 0))
    assert doc.preamble[0] is first


def test_move_into_own_subparagraph_is_refused_and_changes_nothing():
    doc = france()
    op9 = doc.operative[8]
    before = describe(doc)
    with pytest.raises(EditError, match="own sub-paragraphs"):
        MoveParagraph(op9.id, Part.OPERATIVE, op9.children[1].id, 0).apply(doc)
    with pytest.raises(EditError, match="outside"):
        MoveParagraph(op9.id, Part.OPERATIVE, None, 40).apply(doc)
    assert describe(doc) == before


def test_indent_makes_a_subparagraph_of_the_previous_sibling():
    doc = france()
    p5 = doc.operative[4]
    roundtrip(doc, Indent(p5.id))
    assert doc.operative[3].children == [p5]
    assert paragraph_labels(doc)[p5.id] == "(a)"
    with pytest.raises(EditError):
        Indent(doc.operative[0].id).apply(doc)


def test_outdent_keeps_text_order():
    doc = france()
    op9 = doc.operative[8]
    b, c, d = op9.children[1:]
    roundtrip(doc, Outdent(b.id))
    assert [p.id for p in doc.operative[8:]] == [op9.id, b.id]
    assert b.children == [c, d]
    assert paragraph_labels(doc)[b.id] == "10." and paragraph_labels(doc)[d.id] == "(b)"
    with pytest.raises(EditError, match="top level"):
        Outdent(op9.id).apply(doc)


def test_convert_part_goes_to_the_boundary():
    doc = france()
    last_pre = doc.preamble[-1]
    roundtrip(doc, ConvertPart(last_pre.id))
    assert doc.operative[0] is last_pre and paragraph_labels(doc)[last_pre.id] == "1."
    ConvertPart(last_pre.id).apply(doc)
    ConvertPart(doc.operative[0].id).apply(doc)
    assert locate(doc, doc.preamble[-1].id).index == 4


def test_set_text_merges_a_typing_burst():
    doc = france()
    p = doc.preamble[2]
    original = describe(doc)
    first = SetText(p.id, p.text + " a", p.italics, p.anchors)
    first.apply(doc)
    second = SetText(p.id, p.text + "b", p.italics, p.anchors)
    second.apply(doc)
    assert first.merge(second)
    assert not first.merge(SetText(doc.preamble[1].id, "x", [], []))
    assert not first.merge(SetText(p.id, "x", [], [], mergeable=False))
    assert doc.preamble[2].text.endswith("2008, ab")
    first.revert(doc)
    assert describe(doc) == original


def test_set_text_refuses_spans_and_marks_outside_the_text():
    with pytest.raises(EditError):
        SetText("p", "short", [Span(0, 9)], [])
    with pytest.raises(EditError):
        SetText("p", "short", [], [Anchor(9, "fn")])
    with pytest.raises(EditError, match="No paragraph"):
        SetText("nope", "x", [], []).apply(france())


def test_masthead_title_and_authoring_body():
    doc = france()
    ch = roundtrip(doc, SetMasthead({"symbol": "CTOC/COP/2008/L.4", "sponsors": ["France"]}))
    assert ch.masthead_changed and doc.masthead and doc.masthead.symbol == "CTOC/COP/2008/L.4"
    roundtrip(doc, SetTitle("Trafficking in persons"))
    roundtrip(doc, SetAuthoringBody("The General Assembly,"))
    bare = Document()
    roundtrip(bare, SetMasthead({"session": "Fifth session"}))
    SetMasthead({"session": "Fifth session"}).apply(bare)
    with pytest.raises(EditError):
        SetMasthead({"colour": "red"})
    with pytest.raises(EditError):
        SetMasthead({"sponsors": "France"})


def test_footnote_edits():
    doc = france()
    p = doc.preamble[1]
    note = Footnote("A/RES/61/144.")
    ch = roundtrip(doc, AddFootnote(p.id, len(p.text), note))
    assert ch.footnotes_changed and p.anchors[-1].footnote_id == note.id
    assert describe(doc)["footnotes"][1]["text"] == "A/RES/61/144."
    roundtrip(doc, EditFootnote(note.id, "A/RES/61/180.", []))
    first = doc.footnotes[0].id
    roundtrip(doc, DeleteFootnote(first))
    assert all(a.footnote_id != first for q in doc.all_paragraphs() for a in q.anchors)
    with pytest.raises(EditError):
        AddFootnote(p.id, 10_000, Footnote("x")).apply(doc)


def test_compound_is_all_or_nothing():
    doc = france()
    before = describe(doc)
    bad = Compound([DeleteParagraph(doc.operative[0].id), DeleteParagraph("missing")])
    with pytest.raises(EditError):
        bad.apply(doc)
    assert describe(doc) == before
    good = Compound([DeleteParagraph(doc.operative[0].id), Indent(doc.operative[2].id)])
    roundtrip(doc, good)


# -- random sequences ---------------------------------------------------------------------


def _body_ids(doc: Document) -> list[str]:
    return [p.id for _, p in doc.body_paragraphs() if p is not doc.chapeau]


@st.composite
def _edit(draw: st.DrawFn, doc: Document) -> Edit:
    ids = _body_ids(doc)
    kind = draw(st.sampled_from(["insert", "delete", "move", "indent", "outdent", "convert",
                                 "text", "footnote", "delfn", "fntext", "title"]))  # fmt: skip
    pid = draw(st.sampled_from(ids)) if ids else None
    if kind == "insert" or pid is None:
        part = draw(st.sampled_from(list(Part)))
        parent = draw(st.sampled_from([None, *ids]))
        return InsertParagraph(part, parent, draw(st.integers(0, 3)), Paragraph("Invites all;"))
    if kind == "delete":
        return DeleteParagraph(pid)
    if kind == "move":
        parent = draw(st.sampled_from([None, *ids]))
        return MoveParagraph(
            pid, draw(st.sampled_from(list(Part))), parent, draw(st.integers(0, 4))
        )
    if kind in ("indent", "outdent", "convert"):
        return {"indent": Indent, "outdent": Outdent, "convert": ConvertPart}[kind](pid)
    p = doc.paragraph(pid)
    if kind == "text":
        cut = draw(st.integers(0, len(p.text)))
        return SetText(pid, p.text[:cut], [Span(0, min(3, cut))], [Anchor(cut, "fn-x")])
    if kind == "footnote":
        return AddFootnote(pid, draw(st.integers(0, len(p.text))), Footnote("Ibid."))
    if not doc.footnotes:
        return SetTitle(draw(st.text(max_size=5)))
    fid = draw(st.sampled_from([f.id for f in doc.footnotes]))
    if kind == "delfn":
        return DeleteFootnote(fid)
    if kind == "fntext":
        return EditFootnote(fid, "Changed.")
    return SetTitle(draw(st.text(max_size=5)))


@pytest.mark.parametrize("key", ["france_draft", "decision_4_4", "resolution_5_2"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edit_sequences_revert_to_the_original(key: str, data: st.DataObject):
    done = replay_history(read_document(CORPUS_FILES[key]), data, _edit, 12)
    event(f"applied edits: {min(done, 6)}{'+' if done >= 6 else ''}")


@pytest.mark.parametrize(
    ("new", "italics", "offsets"),
    [
        # typing inside the opener-free middle: the mark after "Crime," moves with its text
        ("Recalling the many functions assigned to it", [(0, 9)], [129]),
        # deleting the opener's first letter: the italic span shrinks with it
        ("ecalling the functions assigned to it", [(0, 8)], [123]),
    ],
)
def test_retype_carries_italics_and_marks(new, italics, offsets):
    doc = france()
    p = doc.preamble[0]
    rest = p.text[len("Recalling the functions assigned to it") :]
    edit = retype(p, new + rest)
    before = describe(doc)
    edit.apply(doc)
    assert [(s.start, s.end) for s in p.italics] == italics
    assert [a.offset for a in p.anchors] == offsets
    assert p.text[offsets[0] - 1] == ","  # still right after "Crime,"
    nxt = retype(p, p.text + " x")
    nxt.apply(doc)
    assert edit.merge(nxt)
    edit.revert(doc)
    assert describe(doc) == before


def test_make_paragraph_sets_the_italic_opener():
    from drafting_app.model.conventions import make_paragraph
    from drafting_app.model.describe import opener_of

    assert opener_of(make_paragraph("Also requests the secretariat;", Part.OPERATIVE)) == (
        "Also requests"
    )
    assert make_paragraph("Recalling further its decision,", Part.PREAMBLE).italics == [Span(0, 17)]
    assert make_paragraph("Each State party shall;", Part.OPERATIVE, sub=True).italics == []


def test_the_decision_chapeau_is_edited_not_moved():
    doc = read_document(CORPUS_FILES["decision_3_3"])
    assert doc.chapeau is not None
    for edit in (DeleteParagraph(doc.chapeau.id), Indent(doc.chapeau.id)):
        with pytest.raises(EditError, match="chapeau"):
            edit.apply(doc)
    roundtrip(doc, SetText(doc.chapeau.id, "The Conference …:", [], []))
    roundtrip(doc, Indent(doc.operative[1].id))
    assert paragraph_labels(doc)[doc.operative[0].children[0].id] == "(i)"
