"""What the UN prints around the text, on the page as in the export: the meeting line
and its date on two lines above the annex (A/RES/80/3), a Human Rights Council's record of
the vote under them, and a plenary draft's "Draft resolution submitted by the President of
the General Assembly" where the sponsors line stands."""

from __future__ import annotations

from drafting_app.corpus.readers import read_document
from drafting_app.gui.main_window import MainWindow
from tests.conftest import ROOT
from tests.gui.test_page_view import block_text, page_of

SHAPES = ROOT / "tests" / "data" / "shapes"


def test_the_page_shows_the_meeting_and_its_date_above_the_annex(window: MainWindow) -> None:
    awaza = ROOT / "tests" / "data" / "realdocs" / "ga"
    doc = read_document(awaza / "A-RES-80-3_awaza-political-declaration-2025.txt")
    view = page_of(window.drafts.add(doc, None, None, None))
    keys = [s.key for s in view.specs]
    at = keys.index(("adoption",))
    assert keys[at - 1] == ("p", doc.operative[-1].id)
    assert keys[at + 1] == ("adoption", "1")
    assert keys[at + 2] == ("annex", doc.annexes[0].id)
    assert block_text(view, ("adoption",)) == "18th plenary meeting"
    assert block_text(view, ("adoption", "1")) == "14 October 2025"


def test_the_page_shows_the_record_of_the_vote_under_the_date(window: MainWindow) -> None:
    doc = read_document(SHAPES / "human-rights-council_recorded-vote.txt")
    view = page_of(window.drafts.add(doc, None, None, None))
    keys = [s.key for s in view.specs]
    at = keys.index(("adoption", "1"))
    assert block_text(view, ("adoption", "1")) == "4 April 2024"
    assert keys[at + 1 : at + 3] == [("vote_record", "0"), ("vote_record", "1")]
    assert block_text(view, ("vote_record", "1")) == "In favour:"
    record = [view.specs[i] for i, k in enumerate(keys) if k[0] == "vote_record"]
    assert len(record) == 7 and not any(p.italic for s in record for p in s.pieces)


def test_the_page_shows_who_submitted_a_plenary_draft(window: MainWindow) -> None:
    doc = read_document(SHAPES / "plenary-draft_submitted-by-the-president.txt")
    view = page_of(window.drafts.add(doc, None, None, None))
    assert block_text(view, ("sponsors",)) == (
        "Draft resolution submitted by the President of the General Assembly"
    )
    assert block_text(view, ("title",)) == doc.title
