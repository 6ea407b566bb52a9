"""Official GA resolution PDFs (2018) into the model: page furniture stripped, paragraphs
rejoined across page breaks, footnotes gathered from the page bottoms and attached; hostile
PDFs refused with a FormatError (issue 2 §4, issue 8 §3). Counts made by hand from the PDFs."""

from __future__ import annotations

import functools
import io
import random
import re
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from drafting_app import cli
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.readers.pdf import pdf_pages_to_text, read_pdf_bytes
from drafting_app.corpus.readers.pdftext import PdfTextReader
from drafting_app.errors import FormatError
from drafting_app.model import Document, RefKind
from drafting_app.model.describe import document_text
from drafting_app.model.numbering import footnote_numbers, paragraph_labels
from drafting_app.model.references import find_references
from tests.conftest import REALDOCS

PDF = REALDOCS / "pdf"
GA = REALDOCS / "ga"


@functools.cache
def read(stem: str) -> Document:
    """One reading per file for the whole module (the tests only look)."""
    path = PDF / f"{stem}-EN.pdf"
    return read_pdf_bytes(path.read_bytes(), path.name)


def marks(doc: Document, para_index: int, part: str = "operative") -> list[int]:
    numbers = footnote_numbers(doc)
    para = getattr(doc, part)[para_index]
    return [numbers[a.footnote_id] for a in sorted(para.anchors, key=lambda a: a.offset)]


@functools.cache
def page_texts(stem: str) -> tuple[str, ...]:
    return tuple(p.extract_text() for p in pypdf.PdfReader(PDF / f"{stem}-EN.pdf").pages)


# (symbol, issue date, heading, preambular, operative, footnotes, marks incl. repeats)
COUNTS = {
    "A_RES_73_6": ("A/RES/73/6", "31 October 2018", "73/6.", 25, 14, 6, 9),
    "A_RES_73_7": ("A/RES/73/7", "31 October 2018", "73/7.", 13, 28, 9, 11),
    "A_RES_73_8": ("A/RES/73/8", "5 November 2018", "73/8.", 8, 5, 1, 1),
}


@pytest.mark.parametrize("stem", sorted(COUNTS))
def test_masthead_and_exact_counts(stem: str) -> None:
    symbol, date, heading, pre, op, notes, anchors = COUNTS[stem]
    doc = read(stem)
    assert doc.masthead is not None
    assert (doc.masthead.symbol, doc.masthead.date) == (symbol, date)
    assert doc.masthead.body == "General Assembly"
    assert doc.masthead.organization == "United Nations"
    assert doc.masthead.session == "Seventy-third session"
    assert doc.masthead.agenda_title == ""  # printed without the item's title
    assert doc.heading == heading
    assert doc.authoring_body == "The General Assembly,"
    assert (len(doc.preamble), len(doc.operative), len(doc.footnotes)) == (pre, op, notes)
    assert sum(len(p.anchors) for p in doc.all_paragraphs()) == anchors
    assert [f.source_number for f in doc.anchored_footnotes()] == [
        str(i) for i in range(1, notes + 1)
    ]
    assert doc.front_matter[0].startswith("Resolution adopted by the General Assembly on ")
    assert re.fullmatch(r"\d+th plenary meeting\n\d{1,2} \w+ 2018", doc.adoption)
    assert doc.unplaced == []


@pytest.mark.parametrize("stem", ["A_RES_73_3", *sorted(COUNTS)])
def test_page_furniture_is_gone(stem: str) -> None:
    doc = read(stem)
    text = document_text(doc)
    job_number = re.search(r"(\d{2}-\d{5}) \(E\)", page_texts(stem)[0])
    assert job_number is not None
    assert job_number.group(1) not in text
    assert "*" + job_number.group(1).replace("-", "") + "*" not in text
    assert not re.search(r"\b\d+/\d+ \d{2}-\d{5}|\d{2}-\d{5} \d+/\d+", text)
    symbol = doc.masthead.symbol if doc.masthead else ""
    assert text.count(symbol) == 1  # the masthead, not the running headers


def test_73_7_icc_against_the_80_6_text() -> None:
    doc = read("A_RES_73_7")
    new = PdfTextReader().read((GA / "A-RES-80-6_icc-report-2025.txt").read_text("utf-8"))
    assert doc.title == new.title == "Report of the International Criminal Court"
    assert doc.preamble[0].text == (
        "Recalling its resolution 72/3 of 30 October 2017 and all its previous relevant "
        "resolutions,"
    )
    assert doc.preamble[3].text == new.preamble[3].text  # same words in 2018 and 2025
    # 2025 adds words to the 2018 paragraph; the footnote mark stays after "Court"
    assert new.preamble[1].text.startswith(doc.preamble[1].text[:-1])
    assert doc.preamble[1].anchors[0].offset == new.preamble[1].anchors[0].offset
    assert doc.footnotes[0].text == new.footnotes[0].text
    assert (
        doc.operative[0].text
        == "Welcomes the report of the International Criminal Court for 2017/18;"
    )
    assert marks(doc, 0) == [4]
    # 2018 practice repeats a note's mark at a later mention: footnotes 1 and 2 again
    assert marks(doc, 1) == [1] and marks(doc, 10) == [2]
    assert marks(doc, 20) == [9]  # "of 12 February 2013 9 in which": after a date, no comma
    assert "of 12 February 2013 in which" in doc.operative[20].text
    art = [r for r in find_references(doc.operative[16].text) if r.kind is RefKind.ARTICLE]
    assert [(r.article, r.paragraph) for r in art] == [("12", "3"), ("12", "2")]
    assert doc.operative[-1].text.endswith("at its seventy-fourth session.")  # "seventy-\nfourth"


def test_73_8_cuba_against_the_80_4_text_and_page_break() -> None:
    doc = read("A_RES_73_8")
    new = PdfTextReader().read((GA / "A-RES-80-4_cuba-embargo-2025.txt").read_text("utf-8"))
    assert doc.title == new.title
    assert (len(doc.preamble), len(doc.operative)) == (len(new.preamble), len(new.operative))
    assert doc.operative[0].text.endswith("implementation of resolution 72/4;")
    assert marks(doc, 0) == [1]
    # the list of 26 resolutions runs over the page break: "57/11 of 12 November" + "2002"
    dated = [r for r in find_references(doc.preamble[5].text) if r.date]
    assert len(dated) == 26
    assert ("57/11", "12 November 2002") in {(r.number, r.date) for r in dated}
    assert "non-intervention and non-interference" in doc.preamble[1].text


def test_73_6_page_break_paragraph_and_note_continued_on_next_page() -> None:
    doc = read("A_RES_73_6")
    assert doc.preamble[3].text.endswith(
        "to continue to shape the global governance of outer space activities to benefit "
        "people and the planet,"
    )
    assert doc.footnotes[5].text.startswith("Related documents include A/AC.105/1129,")
    assert doc.footnotes[5].text.endswith("A/AC.105/1180 and A/AC.105/1181.")
    assert marks(doc, 4, "preamble") == [2, 3, 4]  # "Reduction 2015–20303": year + mark 3
    assert "Disaster Risk Reduction 2015–2030 and of the commitments" in doc.preamble[4].text
    (cite,) = [r for r in find_references(doc.preamble[0].text) if r.number.startswith("2453")]
    assert (cite.number, cite.date) == ("2453 A (XXIII)", "20 December 1968")


def test_73_3_declaration_adopted_inline() -> None:
    doc = read("A_RES_73_3")
    assert doc.authoring_body == "The General Assembly"
    (adopts,) = doc.operative
    assert adopts.text.startswith("Adopts the following political declaration")
    assert adopts.text.endswith(":")
    (declaration,) = doc.annexes
    assert declaration.title == ""
    assert declaration.lines[:2] == [
        "Political declaration of the high-level meeting of the General Assembly on the fight "
        "against tuberculosis",
        "United to end tuberculosis: an urgent global response to a global epidemic",
    ]
    assert declaration.lines[2].startswith("We, Heads of State and Government")
    assert declaration.lines[2].endswith("and we therefore:")
    assert "including its drug-resistant forms" in declaration.lines[2]  # "drug -\nresistant"
    paras = declaration.paragraphs()
    labels = paragraph_labels(doc)
    assert [labels[p.id] for p in paras] == [f"{i}." for i in range(1, 54)]
    assert paras[0].text.startswith("Reaffirm the 2030 Agenda for Sustainable Development,")
    assert len(doc.footnotes) == 7
    assert [f.source_number for f in doc.anchored_footnotes()] == [str(i) for i in range(1, 8)]
    assert doc.adoption == "18th plenary meeting\n10 October 2018"


_WORD_RE = re.compile(r"[^\W\d_]+")


@pytest.mark.parametrize("stem", ["A_RES_73_3", *sorted(COUNTS)])
def test_every_word_of_the_rebuilt_text_lands_in_the_model(stem: str) -> None:
    text = pdf_pages_to_text(list(page_texts(stem)))
    doc = PdfTextReader(repeat_marks=True).read(text, stem)
    held = Counter(_WORD_RE.findall(document_text(doc)))
    assert Counter(_WORD_RE.findall(text)) - held == Counter()


# -- hostile and broken files ---------------------------------------------------------------
def _encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=PDF / "A_RES_73_8-EN.pdf")
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blank_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


REAL = (PDF / "A_RES_73_8-EN.pdf").read_bytes()
HOSTILE = {
    "empty": (b"", "is empty"),
    "blank bytes": (b"   \n", "is empty"),
    "truncated": (REAL[: len(REAL) // 2], "truncated"),
    "not a pdf": (b"United Nations A/RES/73/8\n", "not a PDF"),
    "png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not a PDF"),
    "encrypted": (_encrypted_pdf(), "password-protected"),
    "damaged": (b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF\n", "damaged"),
    "garbled body": (REAL[:1024] + bytes(range(256)) * 40 + REAL[-1024:], "damaged"),
    "no text layer": (_blank_pdf(), "no resolution or decision text"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_pdfs_raise_a_clear_format_error(case: str) -> None:
    data, words = HOSTILE[case]
    with pytest.raises(FormatError) as err:
        read_pdf_bytes(data, "draft.pdf")
    assert words in str(err.value)
    assert str(err.value).startswith("draft.pdf ")


def test_read_document_and_cli_on_pdfs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = read_document(PDF / "A_RES_73_8-EN.pdf")
    assert doc.source == "A_RES_73_8-EN.pdf" and len(doc.operative) == 5
    assert cli.main(["parse", str(PDF / "A_RES_73_7-EN.pdf")]) == 0
    out = capsys.readouterr().out
    assert "operative: 28 paragraphs" in out and "footnotes: 9" in out
    broken = tmp_path / "cut.pdf"
    broken.write_bytes(REAL[:5000])
    assert cli.main(["parse", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "cut.pdf is truncated" in err and "Traceback" not in err


@pytest.mark.parametrize("seed", range(8))
def test_corrupted_bytes_give_a_document_or_a_format_error(seed: int) -> None:
    """Random bytes changed inside a real PDF: pypdf may recover or fail anywhere in its
    parser; the reader returns a document or a FormatError, never anything else."""
    rng = random.Random(seed)
    data = bytearray(REAL)
    for _ in range(50):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        doc = read_pdf_bytes(bytes(data), "draft.pdf")
    except FormatError as exc:
        assert str(exc).startswith("draft.pdf ")
    else:
        assert doc.operative or doc.preamble


def test_numbered_paragraphs_split_even_without_the_indent() -> None:
    """Some text layers lose the first-line indent; "12. Recalls" after a closed sentence
    still starts a paragraph (the preamble then cannot be split and is one block)."""
    flat = [
        "\n".join(line.lstrip() for line in page.split("\n")) for page in page_texts("A_RES_73_7")
    ]
    doc = PdfTextReader(repeat_marks=True).read(pdf_pages_to_text(flat), "flat")
    labels = paragraph_labels(doc)
    assert [labels[p.id] for p in doc.operative] == [f"{i}." for i in range(1, 29)]
    assert len(doc.footnotes) == 9
