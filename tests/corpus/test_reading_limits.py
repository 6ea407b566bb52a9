"""What the readers do with inputs far outside what a resolution is (issue 22 §3, §4, §8,
§9), one behaviour at a time; the time and memory of the hostile files themselves are
measured in a child process by tests/reliability/test_bounded_readers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from drafting_app.corpus.readers import MAX_TEXT_BYTES, decode_text, read_document, read_text
from drafting_app.corpus.readers.blocks import Block, Mark, join_all
from drafting_app.corpus.readers.docx import import_docx
from drafting_app.corpus.readers.import_report import Element
from drafting_app.corpus.readers.limits import (
    MAX_BLOCKS,
    ReadingCancelled,
    WorkLimitError,
    reading,
)
from drafting_app.corpus.readers.pdftext import join_line, join_lines
from drafting_app.corpus.readers.word_numbering import Numbering, Styles, format_number
from drafting_app.model.document import Span
from tests.corpus.wordbuild import W_NS, make_docx, make_package
from tests.reliability.hostile_inputs import GOOD, _numbered

# -- list start values (issue 22 §3) --------------------------------------------------------


def _numbering(start: str, fmt: str) -> Numbering:
    xml = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1">'
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    return Numbering(etree.fromstring(xml), Styles(None))


def _label(numbering: Numbering) -> str | None:
    ppr = etree.fromstring(
        f'<w:pPr xmlns:w="{W_NS}"><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
        "</w:numPr></w:pPr>"
    )
    return numbering.label(ppr)


@pytest.mark.parametrize(
    ("start", "fmt", "label"),
    [
        ("18446744073709551616", "decimal", "32767."),  # Word reads past 32,767 as that
        ("100000000000", "lowerLetter", "32767."),  # letters of 1,261 a's: in figures
        ("-5", "decimal", "0."),
        ("27", "lowerLetter", "aa."),  # UN style doubles the letter after z
        ("3999", "upperRoman", "MMMCMXCIX."),
        ("13888", "lowerRoman", "13888."),  # 25 roman numerals: in figures
    ],
)
def test_a_list_start_is_taken_as_word_takes_it(start: str, fmt: str, label: str) -> None:
    numbering = _numbering(start, fmt)
    assert _label(numbering) == label
    assert numbering.out_of_range == ([] if 0 <= int(start) <= 32767 else [start])


def test_a_start_value_out_of_range_is_reported_as_a_numbering_repair() -> None:
    doc, report = import_docx(_numbered("18446744073709551616", "lowerLetter"), "big.docx")
    [item] = report.of(Element.NUMBERING_REPAIR)
    assert "18446744073709551616" in item.text and "32,767" in item.text
    assert doc.operative  # read, not refused
    assert not report.faithful()


def test_numbers_never_grow_without_bound() -> None:
    assert format_number("lowerLetter", 26 * 16) == "z" * 16
    assert format_number("lowerLetter", 26 * 16 + 1) == "417"
    assert len(format_number("upperRoman", 10**9)) <= 16


# -- work, not only bytes (issue 22 §4) -----------------------------------------------------


def test_custom_xml_data_is_named_and_never_parsed() -> None:
    data = make_package(GOOD, {}, {"customXml/item1.xml": b"<r>" + b"<a/>" * 100 + b"</r"})
    _doc, report = import_docx(data, "custom.docx")  # damaged XML there: never parsed
    [item] = report.of(Element.CUSTOM_XML)
    assert item.text == "custom XML data (406 bytes), not read"
    assert item.where == ["customXml/item1.xml"]


def test_a_word_file_past_the_paragraph_limit_is_refused_with_the_limit_named() -> None:
    data = make_docx(GOOD + "<w:p/>" * (MAX_BLOCKS + 1))
    with pytest.raises(WorkLimitError, match="more than 25,000 paragraphs"):
        import_docx(data, "many.docx")


def test_a_text_larger_than_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(2 * 2**30)  # sparse: 2 GB that cost no disk
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before the check"))
    with pytest.raises(Exception, match="larger than 20 MB"):
        read_document(path)


def test_a_reading_is_cancelled_at_its_next_step() -> None:
    import threading

    cancel = threading.Event()
    cancel.set()
    text = "The General Assembly,\n\n1. Decides to act.\n"
    with pytest.raises(ReadingCancelled), reading("x.txt", cancel):
        read_text(text, "x.txt")


def test_what_a_reader_gives_fits_a_project_file() -> None:
    # a footnote of 400,000 lines: accepted before, then refused by every save
    text = "The General Assembly,\n\n1. Decides to act.¹\n\n¹ a\n" + "b\n" * 120_000
    with pytest.raises(WorkLimitError, match="footnotes 1: text has more than 200,000"):
        read_text(text, "long-note.txt")


@given(st.lists(st.text(alphabet="ab -", min_size=0, max_size=5), min_size=1, max_size=8))
def test_joining_many_blocks_at_once_is_joining_them_one_by_one(texts: list[str]) -> None:
    blocks = [Block(t, [Span(0, len(t))] if t else [], [Mark(len(t), "1")], [t]) for t in texts]
    one_by_one = blocks[0]
    for b in blocks[1:]:
        one_by_one = one_by_one.join(b)
    at_once = join_all(blocks)
    assert (at_once.text, at_once.italics, at_once.marks, at_once.lines) == (
        one_by_one.text, one_by_one.italics, one_by_one.marks, one_by_one.lines,
    )  # fmt: skip


@given(st.lists(st.text(alphabet="a -", min_size=1, max_size=5), min_size=1, max_size=8))
def test_joining_many_lines_at_once_is_joining_them_one_by_one(lines: list[str]) -> None:
    one_by_one = lines[0]
    for line in lines[1:]:
        one_by_one = join_line(one_by_one, line)
    assert join_lines(lines) == one_by_one


# -- text decoding (issue 22 §8) ------------------------------------------------------------


def test_a_stray_windows_byte_in_utf8_is_repaired_alone_and_said() -> None:
    data = "Welcomes the “Organization’s” work — and the café\n\nthe State\x92s report".encode()
    data = data.replace("\x92".encode(), b"\x92")
    with reading("draft.txt") as r:
        text = decode_text(data, "draft.txt")
    assert "“Organization’s” work — and the café" in text  # the UTF-8 kept as it is
    assert "the State’s report" in text  # the stray byte read as Windows-1252
    assert r.notes == [
        "draft.txt: 1 byte not in UTF-8 (line 3); it was read as Windows-1252. "
        "Check the characters there."
    ]


def test_a_file_wholly_in_windows_1252_is_read_and_said_to_be() -> None:
    data = "Recalling the Organization’s café".encode("cp1252")
    with reading("old.txt") as r:
        assert decode_text(data, "old.txt") == "Recalling the Organization’s café"
    assert "the file is in Windows-1252, not UTF-8" in r.notes[0]


def test_control_characters_are_repaired_and_said() -> None:
    with reading("ctl.txt") as r:
        assert decode_text(b"Decides\x0bto act\x01.", "ctl.txt") == "Decides to act ."
    assert "2 control characters" in r.notes[0]


def test_the_text_size_limit_is_unchanged() -> None:
    assert MAX_TEXT_BYTES == 20 * 2**20
