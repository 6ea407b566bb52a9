"""The intermediate form: derived labels, italic openers, marks after punctuation, notes in
document order, masthead asterisk notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.export.blocks import Kind, Run, build_blocks, runs_of
from drafting_app.export.page import A4, LETTER, profile_for
from drafting_app.model import Anchor, Document, Footnote, Form, Masthead, Paragraph, Span
from drafting_app.model.numbering import footnote_numbers
from tests.conftest import CORPUS_FILES, REALDOCS, ROOT


def _france():
    return build_blocks(read_document(CORPUS_FILES["france_draft"]))


def test_france_draft_labels_openers_and_notes():
    layout = _france()
    operative = [b for b in layout.blocks if b.kind is Kind.OPERATIVE]
    assert [b.label for b in operative] == [
        *(f"{i}." for i in range(1, 10)),
        "(a)", "(b)", "(c)", "(d)",
    ]  # fmt: skip
    assert [b.level for b in operative[-4:]] == [1, 1, 1, 1]
    first = operative[0]
    assert first.runs[0] == Run("Urges", italic=True)
    assert not first.runs[1].italic
    preamble = [b for b in layout.blocks if b.kind is Kind.PREAMBULAR]
    assert [b.runs[0].text for b in preamble] == [
        "Recalling", "Recalling also", "Taking into account", "Welcoming",
    ]  # fmt: skip
    assert all(b.runs[0].italic for b in preamble)
    assert [n.mark for n in layout.notes] == ["*", "1", "2", "3", "4", "5"]
    assert layout.notes[1].runs[1] == Run("Treaty Series", italic=True)
    sponsors = next(b for b in layout.blocks if b.kind is Kind.SPONSORS)
    assert sponsors.runs == (Run("France:"), Run(footnote_ref="*"), Run(" draft resolution"))


def test_mark_follows_text_it_anchors_to_in_order():
    layout = _france()
    op1 = next(b for b in layout.blocks if b.label == "1.")
    refs = [i for i, r in enumerate(op1.runs) if r.footnote_ref]
    assert [op1.runs[i].footnote_ref for i in refs] == ["2", "3"]
    assert op1.runs[refs[0] - 1].text.endswith("Organized Crime,")
    assert op1.runs[refs[1] - 1].text.endswith("Organized Crime;")


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("Crime, and", 6, ["Crime,", "^1", " and"]),  # after the comma already
        ("Crime, and", 5, ["Crime,", "^1", " and"]),  # moved after the comma (English rule)
        ("Crime", 5, ["Crime", "^1"]),
        ("Crime", 0, ["^1", "Crime"]),
        ("Crime", 99, ["Crime", "^1"]),  # clamped
    ],
)
def test_marks_sit_after_punctuation(text, offset, expected):
    runs = runs_of(text, (), [Anchor(offset, "f")], {"f": "1"})
    assert [f"^{r.footnote_ref}" if r.footnote_ref else r.text for r in runs] == expected


def test_two_marks_at_one_place_are_separated_by_a_comma():
    runs = runs_of("reports,", (), [Anchor(8, "a"), Anchor(8, "b")], {"a": "1", "b": "2"})
    assert [(r.text, r.footnote_ref, r.superscript) for r in runs] == [
        ("reports,", None, False),
        ("", "1", False),
        (",", None, True),
        ("", "2", False),
    ]


def test_italic_spans_split_runs_and_control_characters_are_dropped():
    runs = runs_of("Welcomes\x07 and takes note of", [Span(0, 9), Span(14, 24)])
    assert [(r.text, r.italic) for r in runs] == [
        ("Welcomes", True),
        (" and ", False),
        ("takes note", True),
        (" of", False),
    ]


def test_decision_form_is_lettered_one_level_in():
    chapeau = Paragraph("The Conference, recalling its decision 3/3:", [Span(0, 14)])
    doc = Document(form=Form.DECISION, chapeau=chapeau)
    doc.operative = [Paragraph("Urges States;", children=[Paragraph("first;")]), Paragraph("Asks.")]
    layout = build_blocks(doc)
    got = [(b.kind, b.label, b.level) for b in layout.blocks]
    assert got == [
        (Kind.CHAPEAU, "", 0),
        (Kind.OPERATIVE, "(a)", 1),
        (Kind.OPERATIVE, "(i)", 2),
        (Kind.OPERATIVE, "(b)", 1),
    ]


def test_lone_operative_paragraph_is_unnumbered_and_notes_follow_document_order():
    f1, f2 = Footnote("Second in list."), Footnote("First in text.")
    p = Paragraph("Adopts the declaration,", anchors=[Anchor(23, f2.id)])
    pre = Paragraph("Recalling its text,", [Span(0, 9)], anchors=[Anchor(19, f1.id)])
    doc = Document(preamble=[pre], operative=[p], footnotes=[f2, f1])
    layout = build_blocks(doc)
    assert next(b for b in layout.blocks if b.kind is Kind.OPERATIVE).label == ""
    numbers = footnote_numbers(doc)
    assert [n.text for n in layout.notes] == ["Second in list.", "First in text."]
    assert [n.mark for n in layout.notes] == [str(numbers[f1.id]), str(numbers[f2.id])]


def test_agenda_and_sponsor_notes_take_one_then_two_asterisks():
    mh = Masthead(
        agenda_item="Agenda item 3",
        agenda_note="CTOC/COP/2008/1.",
        sponsors=["Austria", "Belgium", "France"],
        sponsor_note="On behalf of …",
    )
    layout = build_blocks(Document(masthead=mh))
    assert layout.masthead is not None
    assert layout.masthead.agenda_item[-1].footnote_ref == "*"
    sponsors = next(b for b in layout.blocks if b.kind is Kind.SPONSORS)
    assert sponsors.text == "Austria, Belgium and France: draft resolution"
    assert [n.mark for n in layout.notes] == ["*", "**"]


@pytest.mark.parametrize(
    ("symbol", "body", "authoring", "profile"),
    [
        ("CTOC/COP/2008/L.4", "Conference of the Parties", "", A4),
        ("A/C.3/80/L.20", "", "", LETTER),
        ("E/2024/L.3", "", "", LETTER),
        ("E/CN.15/2024/L.3", "Commission on Crime Prevention and Criminal Justice", "", A4),
        ("", "", "The General Assembly,", LETTER),
        ("", "", "The Conference of the Parties,", A4),
        ("", "", "79/537 A, B and C.", LETTER),  # GA numbering, no authoring line
        ("", "", "Resolution 5/2", A4),
    ],
)
def test_page_profile_by_body(symbol, body, authoring, profile):
    heading = authoring if not authoring.startswith("The ") else ""
    authoring = "" if heading else authoring
    doc = Document(
        heading=heading, authoring_body=authoring, masthead=Masthead(symbol=symbol, body=body)
    )
    if not symbol and not body:
        doc.masthead = None
    assert profile_for(build_blocks(doc)) is profile


def test_general_assembly_number_hangs_before_the_title_and_body_is_not_repeated():
    mh = Masthead(body="General Assembly", symbol="A/RES/80/3", session="Eightieth session")
    doc = Document(heading="80/3.", title="Awaza Political Declaration", masthead=mh)
    doc.front_matter = ["Resolution adopted by the General Assembly", "[without reference]"]
    layout = build_blocks(doc)
    kinds = [(b.kind, b.label, b.text) for b in layout.blocks]
    assert (Kind.TITLE, "80/3.", "Awaza Political Declaration") in kinds
    assert not any(k is Kind.HEADING for k, _, _ in kinds)
    front = [b for b in layout.blocks if b.kind is Kind.FRONT_MATTER]
    assert [r.bold for b in front for r in b.runs] == [True, False]
    assert layout.masthead is not None
    assert (layout.masthead.body_short, layout.masthead.body) == ("General Assembly", "")


def _after_the_text(path: Path) -> list[tuple[str, str]]:
    layout = build_blocks(read_document(path))
    kinds = (Kind.ADOPTION, Kind.VOTE_RECORD, Kind.ANNEX_TITLE)
    return [(str(b.kind), b.text) for b in layout.blocks if b.kind in kinds][:4]


def test_the_adoption_line_stands_before_the_annex_in_two_lines() -> None:
    """A/RES/80/3 as issued: "18th plenary meeting" / "14 October 2025", then "Annex"."""
    awaza = REALDOCS / "ga" / "A-RES-80-3_awaza-political-declaration-2025.txt"
    assert _after_the_text(awaza) == [
        ("adoption", "18th plenary meeting"),
        ("adoption", "14 October 2025"),
        ("annex_title", "Annex"),
        ("annex_title", "Awaza Political Declaration"),
    ]


def test_after_a_text_adopted_inline_the_adoption_line_comes_last() -> None:
    """A/RES/73/3 adopts its declaration inline ("Adopts the following political
    declaration …:" then its title): the meeting line follows the declaration."""
    layout = build_blocks(read_document(REALDOCS / "pdf" / "A_RES_73_3-EN.pdf"))
    kinds = [b.kind for b in layout.blocks]
    last_annex = max(i for i, k in enumerate(kinds) if k is Kind.ANNEX_TITLE)
    assert kinds.index(Kind.ADOPTION) > last_annex
    assert [b.text for b in layout.blocks if b.kind is Kind.ADOPTION] == [
        "18th plenary meeting",
        "10 October 2018",
    ]


def test_a_councils_record_of_the_vote_is_printed_in_roman_under_its_date() -> None:
    hrc = ROOT / "tests" / "data" / "shapes" / "human-rights-council_recorded-vote.txt"
    layout = build_blocks(read_document(hrc))
    record = [b for b in layout.blocks if b.kind is Kind.VOTE_RECORD]
    assert [b.text.split(" ")[0] for b in record] == [
        "[Adopted", "In", "Albania,", "Against:", "Burundi,", "Abstaining:", "Bangladesh,"
    ]  # fmt: skip
    assert not any(r.italic for b in record for r in b.runs)
    assert record[-1].text.endswith("Kenya]")
