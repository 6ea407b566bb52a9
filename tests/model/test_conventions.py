"""The verb ladder and closing punctuation kept automatically after edits (issue 3 §2)."""

from __future__ import annotations

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.errors import EditError
from drafting_app.model import Anchor, Document, Paragraph, Part, Span
from drafting_app.model.conventions import FixMode, suggestions, with_fixes
from drafting_app.model.describe import describe, opener_of
from drafting_app.model.edits import (
    Compound,
    DeleteParagraph,
    Edit,
    Indent,
    InsertParagraph,
    MoveParagraph,
    SetText,
)
from drafting_app.model.ladder import ladder_fixes, rung_text
from drafting_app.model.profiles import PROFILES, Position, profile
from drafting_app.model.punctuation import punctuation_fixes
from tests.conftest import CORPUS_FILES

COP = PROFILES["ctoc-cop"]
UNFCCC = PROFILES["unfccc-cma"]


def read(key: str) -> Document:
    return read_document(CORPUS_FILES[key])


def push(doc: Document, edit: Edit, prof=COP, **modes) -> Edit:
    """What the GUI does: edit + fixes as one undo step, applied."""
    step = with_fixes(doc, edit, prof, **modes)
    step.apply(doc)
    return step


def para(text: str, opener: str) -> Paragraph:
    return Paragraph(text, [Span(0, len(opener))])


def openers(paras: list[Paragraph]) -> list[str]:
    return [opener_of(p) for p in paras]


def test_inserting_requests_before_requests_climbs_the_old_one():
    doc = read("france_draft")
    before = describe(doc)
    old = doc.operative[4]
    new = para("Requests the secretariat to report;", "Requests")
    step = push(doc, InsertParagraph(Part.OPERATIVE, None, 4, new))
    assert isinstance(step, Compound) and len(step.edits) == 2
    assert opener_of(new) == "Requests"
    assert old.text.startswith("Also requests States parties to develop")
    assert opener_of(old) == "Also requests"
    step.revert(doc)
    assert describe(doc) == before


def test_moving_also_requests_above_the_plain_one_swaps_them():
    doc = read("resolution_5_2")
    plain, also = doc.operative[9], doc.operative[10]
    push(doc, MoveParagraph(also.id, Part.OPERATIVE, None, 9))
    assert doc.operative[9] is also and also.text.startswith("Requests the Secretariat, within")
    assert doc.operative[10] is plain and plain.text.startswith("Also requests the Secretariat")
    assert openers(doc.operative[9:11]) == ["Requests", "Also requests"]


def test_deleting_the_first_use_brings_the_next_one_down():
    doc = read("resolution_5_2")
    push(doc, DeleteParagraph(doc.operative[13].id))  # "Decides …"; next is "Also decides"
    assert doc.operative[13].text.startswith("Decides that the Working Group should hold")


def test_preamble_ladder_puts_the_adverb_after_or_before_by_body():
    for prof, second, third in (
        (COP, "Recalling also", "Recalling further"),
        (UNFCCC, "Also recalling", "Further recalling"),
    ):
        doc = read("france_draft")
        first = doc.preamble[0]
        push(doc, InsertParagraph(Part.PREAMBLE, None, 0, para("Recalling X,", "Recalling")), prof)
        assert openers(doc.preamble[:3]) == ["Recalling", second, third]
        assert first.anchors == [Anchor(124 + len(second) - 9, first.anchors[0].footnote_id)]


def test_adopted_texts_are_not_rewritten():
    """Resolution 10/3 repeats "Requests" (ops 14–15) and "Encourages"; decision 3/3
    repeats "Urges" before "Also urges": legitimate, so nothing is suggested."""
    for key in CORPUS_FILES:
        for prof in PROFILES.values():
            assert suggestions(read(key), prof) == [], key


def test_only_what_is_wrong_is_fixed_in_untouched_families():
    doc = read("resolution_10_3")
    p14 = doc.operative[13]
    SetText(p14.id, "Further r" + p14.text[1:], [Span(0, 16)], p14.anchors).apply(doc)
    fixes = ladder_fixes(doc, COP)
    assert len(fixes) == 1
    fixes[0].apply(doc)
    assert p14.text.startswith("Also requests that the Working Group")
    assert doc.operative[14].text.startswith("Requests the secretariat")


def test_strict_recompute_of_everything():
    doc = read("france_draft")
    for fix in ladder_fixes(doc, COP, None):
        fix.apply(doc)
    urges = [opener_of(p) for p in doc.operative if "rges" in opener_of(p)]
    assert urges == ["Urges", "Also urges", "Further urges", "Further urges"]


def test_rung_texts():
    assert rung_text("Takes note of", "also", Position.BEFORE) == "Also takes note of"
    assert rung_text("Taking note of", "also", Position.AFTER) == "Taking note also of"
    assert rung_text("Bearing in mind", "further", Position.AFTER) == "Bearing in mind further"
    assert rung_text("Calls upon", "", Position.BEFORE) == "Calls upon"


def test_suggest_mode_leaves_the_fixes_out():
    doc = read("france_draft")
    edit = InsertParagraph(Part.OPERATIVE, None, 4, para("Requests all;", "Requests"))
    assert with_fixes(doc, edit, COP, ladder=FixMode.SUGGEST) is edit


def test_moving_the_last_operative_paragraph_moves_the_full_stop():
    doc = read("france_draft")
    first, op9 = doc.operative[0], doc.operative[8]
    before = describe(doc)
    step = push(doc, MoveParagraph(first.id, Part.OPERATIVE, None, 8))
    assert first.text.endswith("Organized Crime.")
    assert first.anchors[-1].offset == len(first.text)  # the mark stays after the stop
    assert op9.children[-1].text.endswith("in this regard;")
    assert punctuation_fixes(doc) == []
    step.revert(doc)
    assert describe(doc) == before


def test_indent_gives_the_parent_a_colon():
    doc = read("france_draft")
    p4, p5 = doc.operative[3], doc.operative[4]
    push(doc, Indent(p5.id))
    assert p4.text.endswith("decision 3/3:") and p5.text.endswith("communications;")
    doc2 = read("resolution_5_2")
    last = doc2.operative[-1]
    push(doc2, Indent(last.id))
    assert last.text.endswith("United Nations.") and doc2.operative[-1].text.endswith(":")


def test_decision_form_and_empty_paragraphs():
    doc = read("decision_3_3")
    assert doc.chapeau is not None
    SetText(doc.chapeau.id, doc.chapeau.text[:-1] + ",", [], []).apply(doc)
    push(doc, InsertParagraph(Part.OPERATIVE, None, 13, Paragraph("")))
    assert doc.chapeau.text.endswith("session:")
    assert doc.operative[12].text.endswith("emergency situations;")
    assert doc.operative[13].text == ""


def test_stale_fix_is_refused():
    doc = read("france_draft")
    last = doc.operative[0]
    MoveParagraph(last.id, Part.OPERATIVE, None, 8).apply(doc)
    (fix,) = [f for f in punctuation_fixes(doc) if f.pid == last.id]
    SetText(last.id, last.text[:-1] + "!", [], []).apply(doc)
    with pytest.raises(EditError, match="changed"):
        fix.apply(doc)


def test_unknown_profile():
    from drafting_app.errors import DraftingError

    with pytest.raises(DraftingError, match="ctoc-cop"):
        profile("wto")
    assert profile("ga-main-committee").page_size == "Letter"


def test_typing_in_the_body_leaves_the_ladder_alone():
    doc = read("france_draft")
    p3 = doc.operative[2]
    typing = SetText(p3.id, p3.text.replace("use the", "use all the"), p3.italics, p3.anchors)
    assert with_fixes(doc, typing, COP) is typing  # "Urges" ×4 in an adopted text is kept


def test_retyping_an_opener_recomputes_its_family():
    doc = read("france_draft")
    p5 = doc.operative[4]  # "Requests States parties to develop …"
    retyped = SetText(p5.id, "Urges" + p5.text[len("Requests") :], [Span(0, 5)], p5.anchors)
    step = push(doc, retyped)
    assert isinstance(step, Compound)
    urges = [opener_of(p) for p in doc.operative if "rges" in opener_of(p)]
    assert urges == ["Urges", "Also urges", "Further urges", "Further urges", "Further urges"]
    assert p5.text.startswith("Further urges States parties to develop")
