"""Bare footnote marks of a PDF text layer: which digits are marks and which are numbers."""

from __future__ import annotations

import pytest

from drafting_app.corpus.readers.marks import find_marks

# (text, label, text without the mark, offset of the mark) — the mark is found
MARKS = [
    ("the Transnational Organized Crime,2 and", "2", "the Transnational Organized Crime, and", 34),
    ("for Sustainable Development1 and", "1", "for Sustainable Development and", 27),
    ("against Organized Crime 5 and the", "5", "against Organized Crime and the", 23),
    ("the Court for 2024/25; 4", "4", "the Court for 2024/25;", 22),
    ("as well as the Pact for the Future. 16", "16", "as well as the Pact for the Future.", 35),
    ("for the Decade 2014–20243 and", "3", "for the Decade 2014–2024 and", 24),
    (
        "Political Declarations of 20172 and 2021,3",
        "2",
        "Political Declarations of 2017 and 2021,3",
        30,
    ),
    ("implementation of resolution 79/7;1", "1", "implementation of resolution 79/7;", 34),
    ("the “Helms-Burton Act”3 and", "3", "the “Helms-Burton Act” and", 22),
    ("of 12 February 2013 9 in which", "9", "of 12 February 2013 in which", 19),
    ("(CEDAW/C/GC/39)12 on", "12", "(CEDAW/C/GC/39) on", 15),
    # poppler's text layer of A/RES/73/6 spaces the mark after a year range
    (
        "Disaster Risk Reduction 2015–2030 3 and of",
        "3",
        "Disaster Risk Reduction 2015–2030 and of",
        33,
    ),
]

# (text, label) — the digits belong to a number, the label is not found
NUMBERS = [
    ("its resolution 58/318 of 13 September 2004", "13"),
    ("including paragraph 3 of the resolution", "3"),
    ("under article 12, paragraph 2, of the Statute", "12"),
    ("United Nations, Treaty Series, vol. 2225, No. 39574", "2225"),
    ("proclaim 5 September of each year", "5"),
    ("held from 5 to 8 August 2025", "5"),
    ("We meet 30 years after the Summit", "30"),
    ("[without reference to a Main Committee (A/80/L.2/Rev.1)]", "1"),
    ("the Group of Twenty (G20) leaders", "20"),
    ("the COVID-19 pandemic", "19"),
    ("more than 3,500 people", "500"),
    ("3rd plenary meeting", "3"),
    ("Agenda item 74", "74"),
    ("paragraphs 13 and 14, in which", "13"),
    ("World Health Assembly resolution 69.2 of 28 May 2016", "2"),
    ("1. Decides to act", "1"),
    ("the 2030 Agenda for Sustainable Development", "20"),
    ("in the period 2015–2030 5 times", "5"),
]


@pytest.mark.parametrize(("text", "label", "clean", "offset"), MARKS)
def test_marks_are_found(text: str, label: str, clean: str, offset: int) -> None:
    texts, marks = find_marks([text], [label])
    assert texts == [clean]
    assert [(m.offset, m.label) for m in marks[0]] == [(offset, label)]


@pytest.mark.parametrize(("text", "label"), NUMBERS)
def test_numbers_are_not_marks(text: str, label: str) -> None:
    texts, marks = find_marks([text], [label])
    assert texts == [text] and marks == [[]]


def test_marks_are_taken_in_order_across_paragraphs() -> None:
    texts = ["Recalling resolution 2/1 of 1 May 2001 and the Convention,1", "Noting the Protocol 2"]
    out, marks = find_marks(texts, ["1", "2"])
    assert out == [
        "Recalling resolution 2/1 of 1 May 2001 and the Convention,",
        "Noting the Protocol",
    ]
    assert [[m.label for m in ms] for ms in marks] == [["1"], ["2"]]


def test_repeated_marks_only_when_asked() -> None:
    texts = ["the Court,1 and", "the Court,1 and calls"]
    assert find_marks(texts, ["1"])[0] == ["the Court, and", "the Court,1 and calls"]
    out, marks = find_marks(texts, ["1"], repeats=True)
    assert out == ["the Court, and", "the Court, and calls"]
    assert [[(m.offset, m.label) for m in ms] for ms in marks] == [[(10, "1")], [(10, "1")]]


def test_blocks_before_first_are_not_searched() -> None:
    out, marks = find_marks(["Masthead item 1", "the Charter,1"], ["1"], first=1)
    assert out == ["Masthead item 1", "the Charter,"] and marks[0] == []
