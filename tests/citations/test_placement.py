"""First-mention and older (first operative mention) footnoting rules."""

from __future__ import annotations

from drafting_app.citations.parse import parse_citation
from drafting_app.citations.placement import footnote_needed, new_footnote
from drafting_app.citations.render import CitationRule, RepeatRule, render_footnotes
from drafting_app.corpus.readers import read_document
from drafting_app.model.document import Anchor
from tests.conftest import CORPUS_FILES

CONVENTION = parse_citation("United Nations, *Treaty Series*, vol. 2225, No. 39574.")
OLDER = CitationRule(repeat=RepeatRule.FIRST_OPERATIVE)


def test_first_mention_rule_cites_once() -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    assert footnote_needed(doc, doc.preamble[0].id, CONVENTION)
    assert not footnote_needed(doc, doc.operative[2].id, CONVENTION)


def test_older_rule_cites_again_at_first_operative_mention() -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    assert footnote_needed(doc, doc.operative[1].id, CONVENTION, OLDER)
    # Op 3 already carries the Convention (note 4 cites vols. 2225 … only as a list, so
    # give op 1 the Convention's own note and ask again for op 3).
    note = new_footnote(CONVENTION)
    doc.footnotes.append(note)
    doc.operative[0].anchors.append(Anchor(len(doc.operative[0].text), note.id))
    assert not footnote_needed(doc, doc.operative[2].id, CONVENTION, OLDER)


def test_a_repeat_is_a_new_note_with_identical_text() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    note = new_footnote(CONVENTION)
    assert note.text == "United Nations, Treaty Series, vol. 2225, No. 39574."
    assert note.id not in {f.id for f in doc.footnotes}
    doc.footnotes.append(note)
    doc.operative[-1].anchors.append(Anchor(len(doc.operative[-1].text), note.id))
    rendered = render_footnotes(doc)
    assert rendered[-1].text == "United Nations, Treaty Series, vol. 2225, No. 39574."
    assert rendered[-1].number == len(doc.footnotes)
