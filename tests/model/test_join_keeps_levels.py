"""Deleting a selection across the preamble/operative boundary (user trial finding 10), on
the MUN Word resolution: from the middle of the last preambular paragraph into operative 1,
whose (a)–(c) have (i), (ii) under (c). Word merges the two paragraphs and leaves the
following items at their levels; so here: the paragraph that survives (the preambular one,
where the selection started) keeps operative 1's sub-paragraphs, (a)–(c) stay (a)–(c) and
(i), (ii) stay under (c); operative 2 becomes operative 1. It used to make (a)–(c)
operative 1–3 and (i), (ii) their (a), (b). One undo gives the draft back exactly."""

from __future__ import annotations

from pathlib import Path

from drafting_app.corpus.readers import read_document
from drafting_app.model import Document, Paragraph
from drafting_app.model.range_edits import JoinParagraphs, ReplaceRange, TextPoint
from drafting_app.storage.codec import document_to_json

MUN = Path(__file__).resolve().parent.parent / "data/realdocs/mun-docx/MUN_Eddy12597_test_reso.docx"


def mun() -> Document:
    return read_document(MUN)


def _shape(doc: Document) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(ps: list[Paragraph], level: int) -> None:
        for p in ps:
            out.append((level, p.id))
            walk(p.children, level + 1)

    walk(doc.operative, 0)
    return out


def test_delete_across_the_boundary_keeps_the_sub_paragraphs_levels() -> None:
    doc = mun()
    before = document_to_json(doc)
    last_pp, op1, op2 = doc.preamble[-1], doc.operative[0], doc.operative[1]
    a, b, c = op1.children
    i, ii = c.children
    cut = last_pp.text.index(" on small island")
    into = op1.text.index("implement")
    head, tail = last_pp.text[:cut], op1.text[into:]
    edit = ReplaceRange(TextPoint(last_pp.id, cut), TextPoint(op1.id, into))
    edit.apply(doc)
    assert doc.preamble[-1] is last_pp and last_pp.text == head + tail
    assert [q.id for q in last_pp.children] == [a.id, b.id, c.id]
    assert [q.id for q in c.children] == [i.id, ii.id]
    assert doc.operative[0] is op2 and len(doc.operative) == len(before["operative"]) - 1
    edit.revert(doc)
    assert document_to_json(doc) == before


def test_backspace_before_an_operative_paragraph_keeps_its_items_at_their_level() -> None:
    """Backspace at the start of operative 2, after operative 1's last item "(i)" (level 2):
    operative 2's (a)–(c) stay at the first sub-level, under operative 1 (not operative
    paragraphs), their (i), (ii) under them."""
    doc = mun()
    before = document_to_json(doc)
    op1, op2 = doc.operative[0], doc.operative[1]
    last = op1.children[-1].children[-1]
    kids = [q.id for q in op2.children]
    grandkids = [q.id for q in op2.children[-1].children]
    JoinParagraphs(last.id, op2.id).apply(doc)
    assert _shape(doc)[: 1 + 3 + 2 + 3 + 2] == [
        (0, op1.id),
        (1, op1.children[0].id),
        (1, op1.children[1].id),
        (1, op1.children[2].id),
        (2, op1.children[2].children[0].id),
        (2, last.id),
        (1, kids[0]),
        (1, kids[1]),
        (1, kids[2]),
        (2, grandkids[0]),
        (2, grandkids[1]),
    ]
    assert op2.id not in {pid for _, pid in _shape(doc)}
    assert document_to_json(doc) != before
