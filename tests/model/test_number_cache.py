"""The number cache of an open draft: the same labels and footnote numbers as computed
afresh, kept through typing, recomputed when a retyped paragraph loses or gains a mark or
the structure changes."""

from __future__ import annotations

from drafting_app.corpus.readers import read_document
from drafting_app.model.document import Paragraph, Part
from drafting_app.model.edits import InsertParagraph, SetText
from drafting_app.model.number_cache import NumberCache
from drafting_app.model.numbering import footnote_numbers, paragraph_labels
from drafting_app.model.text_edits import retype
from tests.conftest import CORPUS_FILES


def test_typing_keeps_the_numbers_and_a_lost_mark_renumbers() -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    cache = NumberCache(doc)
    labels, numbers = cache.labels(), cache.footnotes()
    assert numbers == footnote_numbers(doc) and labels == paragraph_labels(doc)
    op1 = doc.operative[0]
    cache.after(retype(op1, "Further " + op1.text).apply(doc))  # marks carried along
    assert cache.labels() is labels and cache.footnotes() is numbers
    first = op1.anchors[0].footnote_id
    assert numbers[first] > 1
    # The paragraph retyped without its first mark: that note is numbered last now.
    rest = [a for a in op1.anchors if a.footnote_id != first]
    cache.after(SetText(op1.id, op1.text, list(op1.italics), rest).apply(doc))
    assert cache.footnotes() == footnote_numbers(doc) != numbers
    assert cache.footnotes()[first] == len(doc.footnotes)


def test_a_new_paragraph_renumbers_those_after_it() -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    cache = NumberCache(doc)
    before = cache.labels()
    cache.after(InsertParagraph(Part.OPERATIVE, None, 0, Paragraph("Decides;")).apply(doc))
    assert cache.labels() == paragraph_labels(doc) != before
    assert cache.labels()[doc.operative[1].id] == "2."
