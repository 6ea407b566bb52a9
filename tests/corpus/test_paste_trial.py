"""Golden tests of the paste splitter on the PDF text of the user trial (finding 2) and on
poppler's text of A/RES/73/8: wrapped printed lines are joined into their paragraph
whether or not a blank line separates the paragraphs; footnote texts after a "____" rule
or at the end of the paste ("1 See resolution …") become the notes of the marks, never
body text; no paragraph is a fragment of a printed line. Expected values written by hand
from the printed A/RES/80/10 and A/RES/73/8 (tests/data/paste/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.corpus.readers.paste import Paste, read_paste
from drafting_app.model.document import Part
from tests.corpus.test_paste_realdocs import marks_after, opener

DATA = Path(__file__).resolve().parent.parent / "data" / "paste"
PRE, OP = Part.PREAMBLE, Part.OPERATIVE

REAFFIRMING = (
    "Reaffirming also the International Covenant on Civil and Political Rights, the "
    "International Covenant on Economic, Social and Cultural Rights, the International "
    "Convention on the Elimination of All Forms of Racial Discrimination,"
)
RECALLING = "Recalling the Universal Declaration of Human Rights,"
NOTES_80_10 = [
    ("Rights,", "See resolution 2200 A (XXI), annex."),
    ("Rights,", "Ibid."),
    ("Discrimination,", "United Nations, Treaty Series, vol. 660, No. 9464."),
]


def paste_of(name: str) -> Paste:
    return read_paste((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name", ["a-res-80-10-pp2-3.blank-lines.txt", "a-res-80-10-pp2-3.no-rule.txt"]
)
def test_the_trial_pdf_paste_gives_two_recitals_with_their_notes(name: str) -> None:
    paste = paste_of(name)
    assert [p.text for p in paste.paragraphs] == [REAFFIRMING, RECALLING]
    assert paste.parts == [PRE, PRE]
    assert [opener(p) for p in paste.paragraphs] == ["Reaffirming also", "Recalling"]
    first, second = paste.paragraphs
    assert marks_after(first, paste) == NOTES_80_10
    assert marks_after(second, paste) == [("Rights,", "Resolution 217 A (III).")]
    assert paste.missing_notes == []
    assert not any(p.children for p in paste.paragraphs)


def test_notes_at_the_end_need_their_marks_in_the_text() -> None:
    """Numbered lines that are not footnotes of the text above stay text."""
    text = (
        "Recalling its resolutions on the matter, and noting the report of the\n"
        "Secretary-General on the implementation of those resolutions,\n"
        "1 January 2020 is the date of the report\n"
    )
    paste = read_paste(text)
    assert paste.footnotes == [] or all(f.text for f in paste.footnotes)
    assert "1 January 2020" in " ".join(p.text for p in paste.all_paragraphs())


A_RES_73_8 = [
    (PRE, "Determined", "Determined to encourage strict compliance with the purposes and "
     "principles enshrined in the Charter of the United Nations,"),
    (PRE, "Reaffirming", None),
    (PRE, "Recalling", None),
    (PRE, "Concerned", None),
    (PRE, "Taking note", None),
    (PRE, "Recalling", "Recalling its resolutions 47/19 of 24 November 1992, 48/16 of 3 November "
     "1993, 49/9 of 26 October 1994, 50/10 of 2 November 1995, 51/17 of 12 November 1996, "
     "52/10 of 5 November 1997, 53/4 of 14 October 1998, 54/21 of 9 November 1999, 55/20 of "
     "9 November 2000, 56/9 of 27 November 2001, 57/11 of 12 November 2002, 58/7 of "
     "4 November 2003, 59/11 of 28 October 2004, 60/12 of 8 November 2005, 61/11 of "
     "8 November 2006, 62/3 of 30 October 2007, 63/7 of 29 October 2008, 64/6 of "
     "28 October 2009, 65/6 of 26 October 2010, 66/6 of 25 October 2011, 67/4 of "
     "13 November 2012, 68/8 of 29 October 2013, 69/5 of 28 October 2014, 70/5 of "
     "27 October 2015, 71/5 of 26 October 2016 and 72/4 of 1 November 2017,"),
    (PRE, "Recalling also", None),
    (PRE, "Concerned", None),
    (OP, "Takes note", "Takes note of the report of the Secretary-General on the implementation "
     "of resolution 72/4;"),
    (OP, "Reiterates", None),
    (OP, "Once again urges", None),
    (OP, "Requests", None),
    (OP, "Decides", "Decides to include in the provisional agenda of its seventy-fourth session "
     "the item entitled “Necessity of ending the economic, commercial and financial embargo "
     "imposed by the United States of America against Cuba”."),
]  # fmt: skip


def test_a_res_73_8_across_the_page_break() -> None:
    """The recital cut by the page break is whole again (the next page's running title
    over its symbol is not part of it); the adoption lines are not part of op 5."""
    paste = paste_of("a-res-73-8-p1-2.poppler.txt")
    got = list(zip(paste.parts, paste.paragraphs, strict=True))
    assert len(got) == len(A_RES_73_8)
    for (part, p), (want_part, want_opener, want_text) in zip(got, A_RES_73_8, strict=True):
        assert part is want_part, p.text
        assert p.text.startswith(want_opener), p.text
        if want_text is not None:
            assert p.text == want_text
        assert "Necessity of ending" not in p.text or want_opener == "Decides"
    assert marks_after(paste.paragraphs[8], paste) == [("72/4;", "A/73/85.")]
    assert "plenary" not in " ".join(p.text for p in paste.paragraphs)
