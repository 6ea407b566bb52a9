"""An operative paragraph may lead with a phrase and put its verb later, in italics."""

from __future__ import annotations

from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Span
from tests.conftest import CORPUS_FILES


def _openers(doc):
    registry = Registry.from_documents([("france", read_document(CORPUS_FILES["france_draft"]))])
    return [f for f in run_checks(doc, registry) if f.code == "OPENER"]


def test_italic_verb_after_a_leading_phrase_is_the_opener():
    doc = read_document(CORPUS_FILES["france_draft"])
    op9 = doc.operative[8]
    assert op9.text.startswith("With regard to the report")
    assert not [f for f in _openers(doc) if f.location.paragraph_id == op9.id]


def test_without_the_italic_verb_the_opener_is_still_reported():
    doc = read_document(CORPUS_FILES["france_draft"])
    op9 = doc.operative[8]
    op9.italics = [s for s in op9.italics if s.start == 0]
    assert [f for f in _openers(doc) if f.location.paragraph_id == op9.id]
    # an italic word that is not an operative verb does not count
    op9.italics = [Span(5, 11)]
    assert [f for f in _openers(doc) if f.location.paragraph_id == op9.id]
