"""Text replacements keep footnote marks and italics where they belong."""

from __future__ import annotations

import pytest

from drafting_app.checks.findings import Fix, apply_fix
from drafting_app.citations.textedit import TextEdit, apply_edits
from drafting_app.errors import DraftingError
from drafting_app.model.document import Anchor, Document, Footnote, Paragraph, Span


def _doc() -> Document:
    note = Footnote("A/64/293.")
    p = Paragraph(
        "Recalling its resolution 5/2 of 22 October 2010,",
        italics=[Span(0, 9)],
        anchors=[Anchor(48, note.id)],
    )
    return Document(preamble=[p], footnotes=[note])


def test_marks_after_the_edit_shift_and_marks_before_stay() -> None:
    doc = _doc()
    p = doc.preamble[0]
    out = apply_edits(doc, [TextEdit(p.id, 32, 47, "8 October 2010")])
    q = out.preamble[0]
    assert q.text == "Recalling its resolution 5/2 of 8 October 2010,"
    assert q.anchors[0].offset == len(q.text)
    assert q.italics == [Span(0, 9)]
    assert doc.preamble[0].text.endswith("22 October 2010,")  # the input is unchanged


def test_replacing_the_opener_keeps_it_italic() -> None:
    doc = _doc()
    p = doc.preamble[0]
    out = apply_edits(doc, [TextEdit(p.id, 0, 9, "Recalling also")])
    q = out.preamble[0]
    assert q.text[q.italics[0].start : q.italics[0].end] == "Recalling also"


def test_several_edits_in_one_text_apply_from_the_end() -> None:
    doc = _doc()
    p = doc.preamble[0]
    out = apply_edits(
        doc, [TextEdit(p.id, 0, 9, "Noting"), TextEdit(p.id, 32, 47, "21 October 2010")]
    )
    assert out.preamble[0].text == "Noting its resolution 5/2 of 21 October 2010,"


def test_footnote_edit_with_italics() -> None:
    doc = _doc()
    note = doc.footnotes[0]
    new = "United Nations, Treaty Series, vol. 2225, No. 39574."
    out = apply_edits(doc, [TextEdit(note.id, 0, len(note.text), new, (Span(16, 29),), True)])
    assert out.footnotes[0].text == new and out.footnotes[0].italics == [Span(16, 29)]


def test_a_stale_fix_is_a_clear_error() -> None:
    doc = _doc()
    with pytest.raises(DraftingError, match="run the checks again"):
        apply_fix(doc, Fix("p-gone", 0, 1, "X"))
    with pytest.raises(DraftingError):
        apply_fix(doc, Fix(doc.preamble[0].id, 40, 400, "X"))
