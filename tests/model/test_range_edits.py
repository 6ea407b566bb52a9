"""Edits across paragraph boundaries (the document view's Return, Backspace/Delete at a
boundary, a selection deleted or pasted over): each undoes to exactly the draft before
(ids, order, italics, marks, footnotes), on the France draft."""

from __future__ import annotations

from drafting_app.corpus.readers import read_document
from drafting_app.model import Document, Paragraph, Span
from drafting_app.model.range_edits import (
    JoinParagraphs,
    MoveRange,
    ReplaceRange,
    SplitParagraph,
    TextPoint,
    next_in_page,
)
from drafting_app.storage.codec import document_to_json
from tests.conftest import CORPUS_FILES


def france() -> Document:
    return read_document(CORPUS_FILES["france_draft"])


def test_split_in_the_middle_gives_the_tail_and_the_sub_paragraphs_to_the_new_one() -> None:
    doc = france()
    before = document_to_json(doc)
    op9 = doc.operative[8]
    kids = [c.id for c in op9.children]
    cut = op9.text.index(" welcomes")
    tail = op9.text[cut:]
    edit = SplitParagraph(op9.id, cut)
    edit.apply(doc)
    assert op9.text == before["operative"][8]["text"][:cut]
    new = doc.operative[9]
    assert new.text == tail and [c.id for c in new.children] == kids and not op9.children
    assert any(a.offset == op9.anchors[0].offset for a in op9.anchors)  # "Crime,⁵" stays
    edit.revert(doc)
    assert document_to_json(doc) == before


def test_return_at_the_start_puts_an_empty_paragraph_before_keeping_the_id() -> None:
    doc = france()
    op2 = doc.operative[1]
    edit = SplitParagraph(op2.id, 0)
    edit.apply(doc)
    assert doc.operative[1].text == "" and doc.operative[2] is op2
    assert edit.caret == TextPoint(op2.id, 0)


def test_join_continues_the_text_drops_the_closing_semicolon_and_undoes() -> None:
    doc = france()
    before = document_to_json(doc)
    op4, op5 = doc.operative[3], doc.operative[4]
    assert op4.text.endswith(";") and next_in_page(doc, op4.id) is op5
    n = len(op4.text) - 1
    italic = [Span(s.start + n, s.end + n) for s in op5.italics]
    edit = JoinParagraphs(op4.id, op5.id)
    edit.apply(doc)
    assert op4.text == before["operative"][3]["text"][:-1] + before["operative"][4]["text"]
    assert all(s in op4.italics for s in italic)  # the second opener stays italic
    assert op5 not in doc.operative
    edit.revert(doc)
    assert document_to_json(doc) == before


def test_a_selection_over_three_paragraphs_keeps_the_marks_and_notes_at_the_cut() -> None:
    doc = france()
    before = document_to_json(doc)
    op1, op3 = doc.operative[0], doc.operative[2]
    notes = len(doc.footnotes)
    marked = [a.footnote_id for a in op1.anchors]
    edit = ReplaceRange(TextPoint(op1.id, 5), TextPoint(op3.id, 10))
    edit.apply(doc)
    assert op1.text == before["operative"][0]["text"][:5] + before["operative"][2]["text"][10:]
    assert len(doc.operative) == len(before["operative"]) - 2
    assert len(doc.footnotes) == notes  # the citations are not lost with the words
    assert [a.footnote_id for a in op1.anchors][: len(marked)] == marked
    assert all(a.offset == 5 for a in op1.anchors[: len(marked)])
    edit.revert(doc)
    assert document_to_json(doc) == before


def test_pasting_three_paragraphs_inside_one_splits_it_and_undoes() -> None:
    doc = france()
    before = document_to_json(doc)
    op2 = doc.operative[1]
    text = op2.text
    pasted = [
        Paragraph("Notes the report", [Span(0, 5)]),
        Paragraph("Decides to continue", [Span(0, 7)]),
        Paragraph("Requests the Secretariat "),
    ]
    edit = ReplaceRange(TextPoint(op2.id, 9), TextPoint(op2.id, 9), pasted)
    edit.apply(doc)
    assert op2.text == text[:9] + "Notes the report"
    assert doc.operative[2].text == "Decides to continue"
    assert doc.operative[2].italics == [Span(0, 7)]
    assert doc.operative[3].text == "Requests the Secretariat " + text[9:]
    assert edit.caret == TextPoint(doc.operative[3].id, len("Requests the Secretariat "))
    edit.revert(doc)
    assert document_to_json(doc) == before
    edit.apply(doc)  # redo replays the same steps
    assert doc.operative[2].text == "Decides to continue"


def test_a_pasted_paragraph_keeps_its_sub_paragraphs_first_and_later_ones() -> None:
    """A paste reads "Requests …: (a) …; (b) …" as one paragraph with two children; pasted
    into an empty paragraph (the first piece continues its text) the children follow."""
    doc = france()
    before = document_to_json(doc)
    op2 = doc.operative[1]
    empty = Paragraph("")
    doc.operative.insert(2, empty)
    first = Paragraph("Requests the Secretariat:", [Span(0, 8)])
    first.children = [Paragraph("To report;"), Paragraph("To consult.")]
    second = Paragraph("Decides to continue:", [Span(0, 7)])
    second.children = [Paragraph("In 2027;")]
    edit = ReplaceRange(TextPoint(empty.id, 0), TextPoint(empty.id, 0), [first, second])
    edit.apply(doc)
    assert empty.text == "Requests the Secretariat:"
    assert [c.text for c in empty.children] == ["To report;", "To consult."]
    assert doc.operative[3].text == "Decides to continue:"
    assert [c.text for c in doc.operative[3].children] == ["In 2027;"]
    edit.revert(doc)
    doc.operative.remove(empty)
    assert document_to_json(doc) == before and op2 is doc.operative[1]


def test_moving_a_selection_takes_its_marks_and_notes_along_and_undoes() -> None:
    """Drag and drop: "Crime," with its mark (note 2) from operative 1 to the end of
    operative 2; the note is the same note, renumbered by its new place; one revert."""
    doc = france()
    before = document_to_json(doc)
    op1, op2 = doc.operative[0], doc.operative[1]
    mark = op1.anchors[0]
    start = mark.offset - len("Organized Crime,")
    assert op1.text[start : mark.offset] == "Organized Crime,"
    notes = len(doc.footnotes)
    end = TextPoint(op2.id, len(op2.text) - 1)  # before its closing ";"
    edit = MoveRange(TextPoint(op1.id, start), TextPoint(op1.id, mark.offset), end,
                     carried=[mark.footnote_id])  # fmt: skip
    edit.apply(doc)
    assert len(doc.footnotes) == notes  # moved, not copied
    assert op2.text.endswith("Migrants ProtocolOrganized Crime,;")
    assert [a.footnote_id for a in op2.anchors] == [mark.footnote_id]
    assert op2.anchors[0].offset == len(op2.text) - 1  # still after the comma
    assert mark.footnote_id not in [a.footnote_id for a in op1.anchors]
    assert edit.caret == TextPoint(op2.id, len(op2.text) - 1)
    edit.revert(doc)
    assert document_to_json(doc) == before


def test_moving_text_later_in_its_own_paragraph_and_across_paragraphs() -> None:
    doc = france()
    before = document_to_json(doc)
    op4 = doc.operative[3]
    text = op4.text  # "Urges those States that have not yet done so to fulfil …"
    a, b = text.index("those "), text.index("those ") + len("those ")
    to = TextPoint(op4.id, text.index("done so"))
    edit = MoveRange(TextPoint(op4.id, a), TextPoint(op4.id, b), to)
    edit.apply(doc)
    assert op4.text.startswith("Urges States that have not yet those done so")
    edit.revert(doc)
    # Across paragraphs: the end of operative 2 and the start of operative 3 go before
    # operative 1's text; the two paragraphs the cut joined stay one.
    op1, op2, op3 = doc.operative[:3]
    count = len(doc.operative)
    cut = MoveRange(TextPoint(op2.id, len(op2.text) - 1), TextPoint(op3.id, 5),
                    TextPoint(op1.id, 0))  # fmt: skip
    cut.apply(doc)
    assert len(doc.operative) == count
    assert doc.operative[0].text == ";"
    assert doc.operative[1].text.startswith("Urges") and doc.operative[1].text.endswith(op1.text)
    cut.revert(doc)
    assert document_to_json(doc) == before
