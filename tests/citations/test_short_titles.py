"""Short titles: full title at first mention, short title after; fix after moves."""

from __future__ import annotations

from drafting_app.citations.short_titles import InstrumentNames, short_title_findings
from drafting_app.citations.textedit import apply_edits
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from tests.conftest import CORPUS_FILES


def test_corpus_first_mentions_give_full_titles() -> None:
    names = InstrumentNames(Registry.load_curated().instruments())
    for path in CORPUS_FILES.values():
        assert short_title_findings(read_document(path), names) == []


def test_moving_a_short_mention_first_is_found_and_fixed() -> None:
    names = InstrumentNames(Registry.load_curated().instruments())
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    # Preamble 5 says "the Trafficking in Persons Protocol"; move it to the top.
    moved = doc.preamble.pop(4)
    assert "Trafficking in Persons Protocol" in moved.text
    doc.preamble.insert(0, moved)
    (issue,) = short_title_findings(doc, names)
    assert issue.key == "TIP" and issue.first.paragraph_id == moved.id
    assert issue.full_later is not None
    fixed = apply_edits(doc, issue.edits)
    assert fixed.preamble[0].text.startswith(
        "Acknowledging that the Protocol to Prevent, Suppress and Punish Trafficking in Persons"
    )
    assert (
        "the Trafficking in Persons Protocol" in fixed.paragraph(issue.full_later.paragraph_id).text
    )
    assert short_title_findings(fixed, names) == []
