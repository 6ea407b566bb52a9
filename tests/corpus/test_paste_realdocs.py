"""Golden tests of the paste splitter on what the clipboard holds after copying passages of
real UN texts: the text layer of the official PDFs (poppler, as Evince/Okular copy it, and
pypdf, as Acrobat-like viewers do), the HTML LibreOffice writes for the Word files, and a
Word-shaped clipboard HTML of A/RES/80/1 (tests/data/paste/README.md says how each was made).

Every expected value was written by hand from the printed documents: the paragraphs, their
numbers and sub-paragraphs, the opening phrases, where each footnote mark stands and the
footnote texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.corpus.readers.paste import Paste, read_paste
from drafting_app.model.document import Paragraph, Part

DATA = Path(__file__).resolve().parent.parent / "data" / "paste"
PRE, OP = Part.PREAMBLE, Part.OPERATIVE


def paste_of(name: str) -> Paste:
    content = (DATA / name).read_text(encoding="utf-8")
    if name.endswith(".html"):
        return read_paste("", content)
    return read_paste(content)


def opener(p: Paragraph) -> str:
    """The italic opening phrase (the first italic span, when it starts the text)."""
    first = p.italics[0] if p.italics else None
    return p.text[first.start : first.end] if first is not None and first.start == 0 else ""


def marks_after(p: Paragraph, paste: Paste) -> list[tuple[str, str]]:
    """(the word before each mark, the mark's footnote text) in text order."""
    notes = {f.id: f for f in paste.footnotes}
    return [
        (p.text[: a.offset].split()[-1], notes[a.footnote_id].text)
        for a in sorted(p.anchors, key=lambda a: a.offset)
    ]


# A/RES/73/7 page 2, as written in the PDF: five recitals, operative paragraphs 1 to 6.
ICC_P2 = [
    (PRE, "Expressing its appreciation"),
    (PRE, "Acknowledging"),
    (PRE, "Noting"),
    (PRE, "Welcoming"),
    (PRE, "Stressing"),
    (OP, "Welcomes"),
    (OP, "Also welcomes"),
    (OP, "Further welcomes"),
    (OP, "Notes"),
    (OP, "Underlines"),
    (OP, "Encourages"),
]
ICC_P2_NOTES = {
    "2": "A/58/874 and A/58/874/Add.1.",
    "3": "Articles 10 and 13 of the Relationship Agreement.",
    "4": "A/73/334.",
    "5": "United Nations, Treaty Series, vol. 2271, No. 40446.",
}


@pytest.mark.parametrize("name", ["a-res-73-7-p2.poppler.txt", "a-res-73-7-p2.pypdf.txt"])
def test_icc_page_two_from_the_pdf(name: str) -> None:
    paste = paste_of(name)
    assert paste.source in ("pdf-text", "text")
    got = list(zip(paste.parts, [opener(p) for p in paste.paragraphs], strict=True))
    assert got == ICC_P2
    labels = [pp.source_label for pp in paste.paragraphs]
    assert labels == [None] * 5 + ["1.", "2.", "3.", "4.", "5.", "6."]
    assert all(not pp.children for pp in paste.paragraphs)
    texts = [pp.text for pp in paste.paragraphs]
    assert texts[5] == "Welcomes the report of the International Criminal Court for 2017/18;"
    assert texts[10].endswith("and in this regard underlines the importance of national ownership;")
    # the wrapped lines are joined with single spaces; no page furniture, no stray number
    assert "Court’s field activities" in texts[1]
    assert not any("18-18142" in t or "  " in t or "\n" in t for t in texts)
    # marks 2, 3, 4, the repeated 1, and 5, each after its punctuation
    where = [[before for before, _ in marks_after(pp, paste)] for pp in paste.paragraphs]
    assert where[0] == ["Court,"]
    assert where[1] == ["Agreement,"]
    assert where[5] == ["2017/18;"]
    assert where[6] == ["Court,"]
    assert where[7] == ["Court,"]
    assert [w for i, w in enumerate(where) if i not in (0, 1, 5, 6, 7)] == [[]] * 6


def test_icc_page_two_keeps_the_footnote_texts_under_the_rule() -> None:
    paste = paste_of("a-res-73-7-p2.pypdf.txt")
    by_label = {f.source_number: f.text for f in paste.footnotes}
    assert {k: by_label[k] for k in ICC_P2_NOTES} == ICC_P2_NOTES
    # footnote 1 (the Rome Statute) was on page 1: its repeated mark has an empty note
    assert by_label["1"] == "" and paste.missing_notes == ["1"]


def test_icc_page_two_without_its_footnotes_marks_every_note_missing() -> None:
    paste = paste_of("a-res-73-7-p2.poppler.txt")
    assert sorted(paste.missing_notes) == ["1", "2", "3", "4", "5"]
    assert all(f.text == "" for f in paste.footnotes)


@pytest.mark.parametrize("name", ["a-res-73-7-p1-2.poppler.txt", "a-res-73-7-p1-2.pypdf.txt"])
def test_icc_across_the_page_break(name: str) -> None:
    paste = paste_of(name)
    assert [opener(pp) for pp in paste.paragraphs] == [
        "Recalling also",
        "Recognizing",
        "Reiterating",
        "Emphasizing",
        "Convinced",
        "Acknowledging",
        "Recalling",
        "Expressing its appreciation",
    ]
    assert all(part is PRE for part in paste.parts)
    first = paste.paragraphs[0]
    assert first.text == (
        "Recalling also that the Rome Statute of the International Criminal Court "
        "reaffirms the purposes and principles of the Charter of the United Nations,"
    )
    assert marks_after(first, paste) == [
        ("Court", "United Nations, Treaty Series, vol. 2187, No. 38544.")
    ]
    last = paste.paragraphs[-1]
    assert last.text.endswith("between the United Nations and the International Criminal Court,")
    assert paste.missing_notes == ["2"]
    assert "021118" not in " ".join(pp.text for pp in paste.paragraphs)


def test_outer_space_recitals_across_two_page_breaks() -> None:
    """A/RES/73/6 pages 1-3 from poppler: a recital split by the page break, the footnote
    numbers of page 2 printed out of order, a mark after a year range."""
    paste = paste_of("a-res-73-6-p1-3.poppler.txt")
    assert [opener(pp) for pp in paste.paragraphs] == [
        "Recognizing",
        "Convinced",
        "Emphasizing",
        "Convinced",
        "Noting with satisfaction",
        "Recognizing",
        "Recognizing also",
        "Recognizing further",
        "Emphasizing",
        "Reiterating",
        "Stressing",
        "Convinced",
    ]
    third = paste.paragraphs[2].text
    assert "to continue to shape the global governance of outer space activities" in third
    assert third.endswith("the planet,")
    fourth = paste.paragraphs[3]
    assert marks_after(fourth, paste) == [
        ("Development,", "Resolution 70/1."),
        ("2015–2030", "Resolution 69/283, annex II."),
        ("Agreement", "See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex."),
    ]
    assert marks_after(paste.paragraphs[0], paste) == [("activities,", "See A/AC.105/1137.")]
    assert paste.missing_notes == ["5"]  # note 5 is at the foot of page 3, not copied
    assert paste.unplaced == []


FCCC_SUBS = ["Enable", "Enhance", "Contribute", "Enhance", "Enable", "Facilitate"]
FCCC_SUBS += ["Strengthen", "Enhance"]


def test_decision_7_cma_3_from_its_pdf() -> None:
    """The text layer of decision 7/CMA.3 as printed: the selection starts at the text of
    paragraph 5 (its number not selected) and ends after (h)."""
    paste = paste_of("fccc-7-cma-3.poppler.txt")
    top = [
        (part, p.source_label, opener(p))
        for part, p in zip(paste.parts, paste.paragraphs, strict=True)
    ]
    assert top == [(OP, None, "Invites"), (OP, "6.", "Requests"), (OP, "7.", "Decides")]
    subs = paste.paragraphs[2].children
    assert [c.source_label for c in subs] == [f"({x})" for x in "abcdefgh"]
    assert [c.text.split()[0] for c in subs] == FCCC_SUBS
    # poppler printed the last line of (g) before its first
    assert subs[6].text == (
        "Strengthen implementation of adaptation actions in vulnerable developing countries;"
    )


def test_decision_7_cma_3_from_libreoffice_html() -> None:
    paste = paste_of("fccc-7-cma-3.libreoffice.html")
    assert paste.source == "libreoffice"
    assert [opener(pp) for pp in paste.paragraphs] == [
        "Recalling",
        "Also recalling",
        "Recognizing",
        "Also recognizing",
        "Taking note",
        "Recognizing",
        "Recalling",
        "Acknowledging",
        "Welcomes",
        "Decides",
        "Also decides",
        "Further decides",
        "Invites",
        "Requests",
        "Decides",
    ]
    assert paste.parts == [PRE] * 8 + [OP] * 7
    assert [pp.source_label for pp in paste.paragraphs[8:]] == [f"{n}." for n in range(1, 8)]
    subs = paste.paragraphs[-1].children
    assert [c.text.split()[0] for c in subs] == FCCC_SUBS
    welcomes = paste.paragraphs[8]
    assert [before for before, _ in marks_after(welcomes, paste)] == [
        "adaptation",
        "Agreement,",
        "webinar",
    ]
    assert [text for _, text in marks_after(welcomes, paste)] == [
        "As per decision 1/CMA.2, para. 14.",
        "See document FCCC/SB/2021/6, paras. 32–35 and 85–86.",
        "See https://unfccc.int/event/AC-webinar-GGA.",
    ]
    note1 = paste.footnotes[0]
    assert note1.text.startswith("Adaptation Committee. 2021. Approaches to reviewing")
    italic = [note1.text[s.start : s.end] for s in note1.italics]
    assert italic == [
        "Approaches to reviewing the overall progress made in achieving the global goal on "
        "adaptation: Technical paper by the Adaptation Committee"
    ]
    assert paste.missing_notes == []


def test_model_un_lists_from_libreoffice_html() -> None:
    """Word automatic numbering (1., a., i.) as LibreOffice writes it: nested <ol> with no
    number in the text."""
    paste = paste_of("mun-reso.libreoffice.html")
    assert [opener(pp) for pp in paste.paragraphs] == [
        "Alarmed by",
        "Recognizing",
        "Noting with concern",
        "Urges",
        "Calls upon",
        "Recommends",
    ]
    assert paste.parts == [PRE] * 3 + [OP] * 3

    def shape(p: Paragraph) -> list[object]:
        return [len(p.children), [shape(c) for c in p.children if c.children]]

    assert [shape(pp) for pp in paste.paragraphs[3:]] == [
        [3, [[2, []]]],
        [3, [[2, []]]],
        [6, [[2, []], [2, []]]],
    ]
    urges = paste.paragraphs[3]
    assert urges.children[2].children[1].text == "Renewable energy investment frameworks;"


def test_a_res_80_1_from_word_html() -> None:
    paste = paste_of("a-res-80-1.word.html")
    assert paste.source == "word"
    assert list(zip(paste.parts, [opener(p) for p in paste.paragraphs], strict=True)) == [
        (PRE, "Expressing concern"),
        (PRE, "Regretting"),
        (PRE, "Taking note"),
        (PRE, "Recalling"),
        (PRE, "Recalling also"),
        (OP, "Decides"),
        (OP, "Also decides"),
        (OP, "Further decides"),
    ]
    decides = paste.paragraphs[5]
    assert decides.text.startswith("Decides, without setting a precedent")
    assert [c.source_label for c in decides.children] == ["(a)", "(b)", "(c)"]
    assert decides.children[0].text.startswith("The State of Palestine may submit a pre‑recorded")
    first = paste.paragraphs[0]
    assert marks_after(first, paste) == [("Nations", "See resolution 169 (II).")]
    assert first.text[first.anchors[0].offset :].startswith(" are prevented")
    assert "12 September 2025" in paste.paragraphs[2].text


GA = Path(__file__).resolve().parent.parent / "data" / "realdocs" / "ga"
# (file, preambular, operative incl. annex paragraphs, sub-paragraphs, footnotes, openings
# of decisions) by hand, as in tests/data/realdocs/INDEX.md
WHOLE_TEXTS = [
    ("A-RES-80-9_tip-political-declaration-2025.txt", 0, 32, 13, 15, 0),
    ("A-RES-80-6_icc-report-2025.txt", 14, 32, 0, 10, 0),
    ("A-RES-80-1_palestine-participation-2025.txt", 5, 3, 3, 1, 0),
    ("A-RES-80-10_indigenous-women-girls-day-2025.txt", 11, 3, 0, 13, 0),
    ("A-RES-80-4_cuba-embargo-2025.txt", 8, 5, 0, 1, 0),
    ("A-RES-80-2_article-19-exemptions-2025.txt", 2, 6, 0, 1, 0),
    ("A-RES-80-3_awaza-political-declaration-2025.txt", 1, 27, 5, 16, 0),
    ("A-RES-80-5_doha-social-summit-declaration-2025.txt", 0, 45, 122, 15, 0),
    ("GA-decision-79-512_paros-oewg-2024.txt", 3, 5, 5, 3, 1),
    ("GA-decision-79-537-ABC_lldc-conference-2024.txt", 0, 3, 0, 2, 3),
]


@pytest.mark.parametrize(("name", "pre", "op", "subs", "notes", "openings"), WHOLE_TEXTS)
def test_a_whole_ga_text_pasted(
    name: str, pre: int, op: int, subs: int, notes: int, openings: int
) -> None:
    """Select all in a text of the PDF-text form and paste: every paragraph, sub-paragraph
    and footnote arrives; masthead, title and authoring formula are skipped."""
    paste = read_paste((GA / name).read_text(encoding="utf-8"))
    parts = paste.parts
    assert (parts.count(PRE), parts.count(OP), parts.count(None)) == (pre, op, openings)
    assert sum(len(list(pp.walk())) - 1 for pp in paste.paragraphs) == subs
    assert len(paste.footnotes) == notes
    assert paste.missing_notes == [] and paste.unplaced == []
    assert all(f.text for f in paste.footnotes)


# (preambular, operative, footnotes, marks incl. repeats): the hand counts of the PDFs, as
# in tests/corpus/test_pdf_reader.py
SELECT_ALL = {
    "a-res-73-6.poppler-all.txt": (25, 14, 6, 9),
    "a-res-73-7.poppler-all.txt": (13, 28, 9, 11),
}


@pytest.mark.parametrize("name", sorted(SELECT_ALL))
def test_select_all_in_a_pdf_viewer_and_paste(name: str) -> None:
    """The whole text layer — masthead, page furniture, the notes of every page (poppler
    prints a page's note numbers apart from their texts) — pastes as the resolution's
    paragraphs with every footnote, none left empty."""
    pre, op, notes, marks = SELECT_ALL[name]
    paste = paste_of(name)
    assert (paste.parts.count(PRE), paste.parts.count(OP), paste.parts.count(None)) == (pre, op, 0)
    assert len(paste.footnotes) == notes and paste.missing_notes == []
    assert sum(len(p.anchors) for p in paste.all_paragraphs()) == marks
    assert all(f.text for f in paste.footnotes)
    assert "The General Assembly," in paste.skipped
    texts = " ".join(p.text for p in paste.all_paragraphs())
    assert "18-1" not in texts and "*18" not in texts and "A/RES/73/" not in texts
