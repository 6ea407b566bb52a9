"""PDF export with Qt: pages of the UN size, footnotes at the foot of the page of their mark,
symbol in the running header from page 2, page numbers, atomic write."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from drafting_app.errors import ExportError
from drafting_app.export.page import LETTER
from drafting_app.gui.files.pdf_export import export_pdf, pdf_bytes
from drafting_app.model import Anchor, Document, Footnote, Paragraph, Span
from tests.export.docx_helpers import corpus_doc

pytestmark = pytest.mark.usefixtures("qapp")


def _pages(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def _flat(text: str) -> str:
    """pypdf splits justified words with tabs and breaks around italics: one spacing."""
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", text))


def test_france_draft_pdf_pages_notes_and_header(tmp_path: Path):
    doc = corpus_doc("france_draft")
    assert doc.masthead is not None
    doc.masthead.symbol = "CTOC/COP/2008/L.4"
    path = export_pdf(doc, tmp_path / "france.pdf")
    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    pages = [_flat(t) for t in _pages(path.read_bytes())]
    assert len(pages) >= 2
    assert "CTOC/COP/2008/L.4" in pages[1]
    assert pages[1].rstrip().endswith("2") or " 2 " in pages[1] or pages[1].startswith("2")
    notes = {
        "On behalf of the States Members": "France:",
        "Treaty Series, vol. 2225": "article 32 of the United Nations Convention",
        "CTOC/COP/2008/8.": "With regard to the report of the Secretariat",
    }
    for note, anchor_text in notes.items():
        where_note = [i for i, t in enumerate(pages) if note in t]
        where_mark = [i for i, t in enumerate(pages) if anchor_text in t]
        assert where_note and where_note[0] == where_mark[0], note
    text = " ".join(pages)
    verbs = ["Urges", "Welcomes", "Urges", "Urges", "Requests", "Reminds", "Urges", "Takes", "With"]
    positions = [text.index(f"{n}. {verb} ") for n, verb in enumerate(verbs, start=1)]
    assert positions == sorted(positions)


def test_many_paragraphs_and_notes_paginate_with_each_note_beside_its_mark():
    notes = [Footnote(f"Footnote text number {i}.") for i in range(150)]
    ops = [
        Paragraph(
            f"Requests item {i} to be considered;",
            [Span(0, 8)],
            [Anchor(8, notes[i // 2].id)] if i % 2 == 0 else [],
        )
        for i in range(300)
    ]
    pages = [_flat(t) for t in _pages(pdf_bytes(Document(operative=ops, footnotes=notes)))]
    assert len(pages) > 5
    for i in (0, 57, 149):
        note_page = next(n for n, t in enumerate(pages) if f"Footnote text number {i}." in t)
        mark_page = next(n for n, t in enumerate(pages) if f"item {2 * i} to be" in t)
        assert note_page == mark_page, i


def test_empty_document_and_letter_profile():
    data = pdf_bytes(Document(), LETTER)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_non_latin_text_and_long_words():
    doc = Document(
        title="Проект резолюции 决议草案",
        operative=[Paragraph("Urges " + "x" * 3000 + ";"), Paragraph("Decides.")],
    )
    text = " ".join(_pages(pdf_bytes(doc)))
    assert "2." in text


def test_missing_folder_is_an_export_error(tmp_path: Path):
    with pytest.raises(ExportError):
        export_pdf(Document(), tmp_path / "missing" / "x.pdf")
