"""The corpus reader on the five bundled documents: exact structure (issue 2 §4)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.model import DocumentKind, Form
from drafting_app.model.describe import document_text, opener_of
from drafting_app.model.numbering import footnote_numbers, number_operative, paragraph_labels
from tests.conftest import CORPUS_FILES


def read(key: str):
    return read_document(CORPUS_FILES[key])


def labels(doc):
    return [n.label for n in number_operative(doc.operative, doc.form) if n.depth == 0]


def fn_numbers(doc, para):
    nums = footnote_numbers(doc)
    return [nums[a.footnote_id] for a in para.anchors]


def test_decision_3_3_is_a_chapeau_with_13_lettered_subparagraphs():
    doc = read("decision_3_3")
    assert doc.kind is DocumentKind.DECISION and doc.form is Form.DECISION
    assert doc.heading == "Decision 3/3"
    assert doc.chapeau is not None and doc.chapeau.text.endswith("third session:")
    assert labels(doc) == [f"({c})" for c in "abcdefghijklm"]
    assert len(doc.footnotes) == 3
    f = doc.operative[5]
    assert f.text == (
        "Further urges States parties to take or strengthen measures, including through "
        "bilateral or multilateral cooperation, to improve the ability of law enforcement "
        "agencies to cooperate in investigations of trafficking in persons and smuggling of "
        "migrants;"
    )
    assert opener_of(f) == "Further urges"
    assert fn_numbers(doc, doc.chapeau) == [1]
    assert fn_numbers(doc, doc.operative[0]) == [2, 3]
    # (i) after (h) is the letter i, not a roman sub-paragraph
    assert doc.operative[8].text.startswith("Requests its secretariat to intensify")
    assert all(not p.children for p in doc.operative)


def test_france_draft_masthead_and_structure():
    doc = read("france_draft")
    assert doc.kind is DocumentKind.DRAFT and doc.form is Form.RESOLUTION
    mh = doc.masthead
    assert mh is not None
    assert mh.distribution == "Limited"
    assert mh.date == "9 October 2008"
    assert mh.original_language == "English"
    assert mh.session == "Fourth session"
    assert mh.place_and_dates == "Vienna, 8-17 October 2008"
    assert mh.agenda_item == "Agenda item 2 (b) and (d)"
    assert mh.agenda_title.startswith("Review of the implementation of the United Nations")
    assert mh.agenda_title.endswith(
        "supplementing the United Nations Convention against Transnational Organized Crime"
    )
    assert mh.sponsors == ["France"]
    assert mh.document_type == "draft resolution"
    assert mh.sponsor_note == (
        "On behalf of the States Members of the United Nations that are "
        "members of the European Union."
    )
    assert doc.title.startswith("Implementation of the Protocol to Prevent")
    assert doc.authoring_body == (
        "The Conference of the Parties to the United Nations "
        "Convention against Transnational Organized Crime,"
    )
    assert len(doc.preamble) == 4
    assert labels(doc) == [f"{i}." for i in range(1, 10)]
    op9 = doc.operative[8]
    assert [c.text[:3] for c in op9.children] == ["The", "The", "The", "The"]
    assert len(op9.children) == 4
    assert sorted(footnote_numbers(doc).values()) == [1, 2, 3, 4, 5]
    assert fn_numbers(doc, doc.preamble[0]) == [1]
    assert fn_numbers(doc, doc.operative[0]) == [2, 3]
    assert fn_numbers(doc, doc.operative[2]) == [4]
    assert fn_numbers(doc, op9) == [5]
    texts = {footnote_numbers(doc)[f.id]: f.text for f in doc.footnotes}
    assert texts[2] == "Ibid., vol. 2237, No. 39574."
    assert texts[5] == "CTOC/COP/2008/8."
    # italic opener from the source's *Urges*; "Recalling also" recognised from the list
    assert opener_of(doc.operative[0]) == "Urges"
    assert opener_of(doc.operative[7]) == "Takes note with appreciation"
    assert opener_of(doc.preamble[1]) == "Recalling also"
    # the anchor sits after the comma: "Crime,¹"
    p0 = doc.preamble[0]
    assert p0.text[: p0.anchors[0].offset].endswith("Crime,")


def test_resolution_5_2_counts_and_rejoined_paragraph():
    doc = read("resolution_5_2")
    assert doc.kind is DocumentKind.RESOLUTION and doc.heading == "Resolution 5/2"
    assert len(doc.preamble) == 11
    assert labels(doc) == [f"{i}." for i in range(1, 19)]
    assert [len(doc.operative[i].children) for i in (6, 7, 8)] == [5, 5, 2]
    assert sum(len(p.children) for p in doc.operative) == 12
    assert len(doc.footnotes) == 7
    op5 = doc.operative[4]
    assert "resulting from its meetings held on 14 and 15 April 2009" in op5.text
    assert op5.text.endswith("19 October 2010;")
    assert fn_numbers(doc, op5) == [7]
    assert op5.text[: op5.anchors[0].offset].endswith("2010;")
    first = min(doc.footnotes, key=lambda f: footnote_numbers(doc)[f.id])
    assert first.text == "Ibid., vol. 2225, No. 39574."  # the dangling Ibid. of the source


def test_resolution_10_3_counts_and_rejoined_preamble():
    doc = read("resolution_10_3")
    assert len(doc.preamble) == 22
    assert labels(doc) == [f"{i}." for i in range(1, 18)]
    assert [c.source_label for c in doc.operative[12].children] == [f"({c})" for c in "abcdefghijk"]
    assert sum(len(p.children) for p in doc.operative) == 11
    assert len(doc.footnotes) == 4
    hl = [p for p in doc.preamble if p.text.startswith("Highlighting the impact of the Protocol")]
    assert len(hl) == 1
    assert "the Global Programme against Trafficking in Persons of the United Nations" in hl[0].text
    assert hl[0].text.endswith("Campaign against Human Trafficking,")
    # Markdown link [64/293](#) becomes plain text
    assert any("resolution 64/293 of 30 July 2010" in p.text for p in doc.preamble)
    # *Ibid.* italic footnote keeps its italics, not its asterisks
    ibid = [f for f in doc.footnotes if f.text.startswith("Ibid.")]
    assert ibid and ibid[0].italics and "*" not in ibid[0].text


def test_decision_4_4_lettered_with_roman_subparagraphs():
    doc = read("decision_4_4")
    assert doc.kind is DocumentKind.DECISION and doc.form is Form.DECISION
    assert doc.heading == "Decision 4/4" and doc.title == "Trafficking in human beings"
    assert labels(doc) == [f"({c})" for c in "abcdefghijklmnopqrst"]
    o = doc.operative[14]
    assert o.text.startswith("Decided also that the working group")
    roman = [n.label for n in number_operative(doc.operative, doc.form) if n.depth == 1]
    assert roman == ["(i)", "(ii)", "(iii)", "(iv)"]
    assert len(o.children) == 4
    assert len(doc.footnotes) == 3
    assert fn_numbers(doc, doc.chapeau) == [1, 2]
    assert fn_numbers(doc, doc.operative[1]) == [3]


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


@pytest.mark.parametrize("key", sorted(CORPUS_FILES))
def test_no_word_of_the_source_is_lost(key):
    source = CORPUS_FILES[key].read_text(encoding="utf-8")
    source = re.sub(r"<sup>.*?</sup>|\]\(#\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]", " ", source)
    doc = read(key)
    # labels and footnote numbers are structure: derived from position, they must give
    # back exactly the words of the source's labels
    derived = list(paragraph_labels(doc).values())
    derived += [str(n) for n in footnote_numbers(doc).values()]
    held = Counter(_words(document_text(doc) + " " + " ".join(derived)))
    source_words = Counter(_words(source))
    assert source_words - held == Counter()


def test_bad_input_gives_a_clear_error(tmp_path):
    from drafting_app.errors import FormatError

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02garbage")
    foreign = tmp_path / "notes.txt"
    foreign.write_text("Shopping list\n\nmilk\n\neggs\n")
    for path, msg in ((empty, "empty"), (binary, "binary"), (foreign, "no resolution")):
        with pytest.raises(FormatError, match=msg):
            read_document(path)
    with pytest.raises(FormatError, match="does not exist"):
        read_document(tmp_path / "missing.txt")
