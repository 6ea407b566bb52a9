"""Word export: golden XML of the France draft, read-back of the five corpus documents with
python-docx, the Word parts a real document needs, and bad input."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from drafting_app.corpus.readers import read_document
from drafting_app.errors import ExportError
from drafting_app.export.docx_writer import write_docx
from drafting_app.model import Anchor, Document, DocumentKind, Footnote, Masthead, Paragraph, Span
from drafting_app.model.numbering import footnote_numbers, number_operative, paragraph_labels
from tests.conftest import CORPUS_FILES, REALDOCS
from tests.export.docx_helpers import (
    FIXED_WHEN,
    W,
    assert_golden,
    canonical,
    corpus_doc,
    footnote_texts,
    part_xml,
)


@pytest.fixture
def france_docx(tmp_path: Path) -> Path:
    doc = corpus_doc("france_draft")
    return write_docx(doc, tmp_path / "france.docx", when=FIXED_WHEN)


@pytest.mark.parametrize("part", ["document", "footnotes"])
def test_france_draft_matches_golden_xml(france_docx: Path, part: str):
    assert_golden(canonical(part_xml(france_docx, f"word/{part}.xml")), f"france_draft.{part}.xml")


def test_golden_comparison_is_deterministic(tmp_path: Path, france_docx: Path):
    again = write_docx(corpus_doc("france_draft"), tmp_path / "again.docx", when=FIXED_WHEN)
    for name in ("word/document.xml", "word/footnotes.xml", "word/styles.xml", "docProps/core.xml"):
        assert part_xml(again, name) == part_xml(france_docx, name), name


def _body_texts(d: docx.document.Document) -> list[str]:
    return [p.text for p in d.paragraphs]


def _assert_paragraphs_in_order(doc: Document, d: docx.document.Document, name: str) -> None:
    """Every paragraph of the model appears, in order, with its derived label typed in front."""
    texts = _body_texts(d)
    labels = paragraph_labels(doc)
    for line in (doc.heading, doc.title, doc.authoring_body):
        assert not line or any(line in t for t in texts), f"{name}: {line[:40]} missing"
    at = 0
    for p in doc.all_paragraphs():
        label = labels.get(p.id, "")
        want = f"{label}\t{p.text}" if label else p.text
        found = next((i for i in range(at, len(texts)) if texts[i].endswith(want)), None)
        assert found is not None, f"{name}: paragraph not found in order: {want[:60]}"
        at = found + 1


@pytest.mark.parametrize("key", sorted(CORPUS_FILES))
def test_read_back_every_paragraph_and_footnote_in_order(tmp_path: Path, key: str):
    doc = corpus_doc(key)
    path = write_docx(doc, tmp_path / f"{key}.docx", when=FIXED_WHEN)
    d = docx.Document(str(path))
    _assert_paragraphs_in_order(doc, d, key)
    numbers = footnote_numbers(doc)
    model_notes = [f.text for f in sorted(doc.footnotes, key=lambda f: numbers[f.id])]
    exported = footnote_texts(path)
    numbered = exported[len(exported) - len(model_notes) :]
    assert [t.strip() for t in numbered] == [t.strip() for t in model_notes]
    # Operative numbers are typed text in named styles, never Word auto-numbering.
    ops = [p for p in d.paragraphs if p.style.name == "UN Operative"]
    tops = [n.label for n in number_operative(doc.operative, doc.form) if n.depth == 0]
    if doc.form == "resolution" and len(tops) > 1:
        assert [p.text.split("\t")[0] for p in ops[: len(tops)]] == tops
    assert b"w:numPr" not in part_xml(path, "word/document.xml")


@pytest.mark.parametrize("path", sorted((REALDOCS / "ga").glob("*.txt")), ids=lambda p: p.stem)
def test_general_assembly_texts_export_whole(tmp_path: Path, path: Path):
    doc = read_document(path)
    out = write_docx(doc, tmp_path / "ga.docx")
    d = docx.Document(str(out))
    _assert_paragraphs_in_order(doc, d, path.name)
    assert len(footnote_texts(out)) == len(doc.footnotes)
    assert d.sections[0].page_width.twips == 12240  # New York: US Letter


def test_styles_are_named_and_footnote_styles_have_word_ids(france_docx: Path):
    d = docx.Document(str(france_docx))
    names = {s.name for s in d.styles}
    for name in (
        "UN Body Text", "UN Preambular", "UN Operative", "UN Subparagraph 1",
        "UN Subparagraph 2", "UN Title", "UN Heading 1", "UN Heading 2", "UN Authoring Body",
    ):  # fmt: skip
        assert name in names
    ids = {s.style_id: s for s in d.styles}
    assert ids["FootnoteText"].type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH
    assert ids["FootnoteReference"].type == docx.enum.style.WD_STYLE_TYPE.CHARACTER
    used = [p.style.name for p in d.paragraphs]
    assert used.count("UN Preambular") == 4
    assert used.count("UN Subparagraph 1") == 4


def test_footnotes_part_is_registered_with_separators(france_docx: Path):
    with zipfile.ZipFile(france_docx) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert 'PartName="/word/footnotes.xml"' in types
    assert "wordprocessingml.footnotes+xml" in types
    assert re.search(r'relationships/footnotes" Target="footnotes.xml"', rels)
    root = etree.fromstring(part_xml(france_docx, "word/footnotes.xml"))
    kinds = [(fn.get(f"{W}type"), fn.get(f"{W}id")) for fn in root.iter(f"{W}footnote")]
    assert kinds[:2] == [("separator", "-1"), ("continuationSeparator", "0")]
    body = etree.fromstring(part_xml(france_docx, "word/document.xml"))
    refs = list(body.iter(f"{W}footnoteReference"))
    assert len(refs) == 6
    assert refs[0].get(f"{W}customMarkFollows") == "1"
    assert refs[0].getparent().findtext(f"{W}t") == "*"
    # Each reference follows its punctuation ("Crime,¹").
    for ref in refs[1:]:
        run = ref.getparent()
        previous = run.getprevious()
        assert previous.findtext(f"{W}t")[-1] in ",;"
    treaty = root.xpath("//w:r[w:rPr/w:i]/w:t/text()", namespaces={"w": W[1:-1]})
    assert "Treaty Series" in treaty


def test_page_layout_header_footer_and_language(france_docx: Path):
    d = docx.Document(str(france_docx))
    sec = d.sections[0]
    assert (sec.page_width.twips, sec.page_height.twips) == (11906, 16838)
    assert (sec.top_margin.twips, sec.left_margin.twips, sec.bottom_margin.twips) == (
        1417,
        1134,
        1134,
    )
    assert (sec.header_distance.twips, sec.footer_distance.twips) == (850, 567)
    assert sec.different_first_page_header_footer
    assert d.settings.odd_and_even_pages_header_footer
    assert all(p.text == "" for p in sec.first_page_header.paragraphs)
    # No rule on page 1: the first-page header paragraph is not in the Header style.
    assert [p.style.name for p in sec.first_page_header.paragraphs] == ["Normal"]
    footer = etree.tostring(sec.footer._element).decode()
    assert "PAGE" in footer and "fldChar" in footer
    styles = part_xml(france_docx, "word/styles.xml").decode()
    settings = part_xml(france_docx, "word/settings.xml").decode()
    assert 'w:lang w:val="en-GB"' in styles and 'w:val="en-GB"' in settings
    assert '<w:autoHyphenation w:val="false"/>' in settings
    assert "Times New Roman" in styles
    assert d.core_properties.title.startswith("Implementation of the Protocol")


def test_symbol_runs_in_header_from_page_two(tmp_path: Path):
    doc = corpus_doc("france_draft")
    assert doc.masthead is not None
    doc.masthead.symbol = "CTOC/COP/2008/L.4"
    d = docx.Document(str(write_docx(doc, tmp_path / "s.docx")))
    sec = d.sections[0]
    assert sec.header.paragraphs[0].text == "CTOC/COP/2008/L.4"
    assert sec.even_page_header.paragraphs[0].text == "CTOC/COP/2008/L.4"
    assert sec.header.paragraphs[0].style.name == "Header"


def test_general_assembly_draft_is_us_letter(tmp_path: Path):
    doc = Document(masthead=Masthead(symbol="A/C.3/80/L.20", body="General Assembly"))
    doc.operative = [Paragraph("Decides to remain seized of the matter.", [Span(0, 7)])]
    sec = docx.Document(str(write_docx(doc, tmp_path / "ga.docx"))).sections[0]
    assert (sec.page_width.twips, sec.page_height.twips) == (12240, 15840)


# -- bad cases -------------------------------------------------------------------------------


def test_empty_draft_exports(tmp_path: Path):
    path = write_docx(Document(kind=DocumentKind.DRAFT), tmp_path / "empty.docx")
    d = docx.Document(str(path))
    assert len(d.paragraphs) >= 1
    assert footnote_texts(path) == []


def test_300_paragraphs_and_150_footnotes(tmp_path: Path):
    notes = [
        Footnote(f"Note {i}, United Nations, Treaty Series.", [Span(15, 28)]) for i in range(150)
    ]
    ops = []
    for i in range(300):
        text = f"Requests paragraph {i};"
        anchors = [Anchor(len(text), notes[i // 2].id)] if i % 2 == 0 else []
        ops.append(Paragraph(text, [Span(0, 8)], anchors))
    path = write_docx(Document(operative=ops, footnotes=notes), tmp_path / "big.docx")
    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs if p.style.name == "UN Operative"]
    assert texts[0].startswith("1.\t") and texts[-1].startswith("300.\t")
    assert len(footnote_texts(path)) == 150


def test_very_long_word_and_non_latin_state_names(tmp_path: Path):
    names = ["المملكة العربية السعودية", "中华人民共和国", "Российская Федерация"]
    mh = Masthead(sponsors=names, sponsor_note="От имени группы.", symbol="A/C.3/80/L.1")
    long_word = "Trafficking" * 1500
    doc = Document(
        masthead=mh,
        title="مشروع قرار 决议草案 Проект резолюции",
        preamble=[Paragraph(f"Recalling {long_word},", [Span(0, 9)])],
        operative=[Paragraph("Urges 各国 и государства;"), Paragraph("Decides.")],
    )
    path = write_docx(doc, tmp_path / "intl.docx")
    texts = _body_texts(docx.Document(str(path)))
    joined = "\n".join(texts)
    for name in names:
        assert name in joined
    assert long_word in joined
    assert footnote_texts(path)[0].endswith("От имени группы.")


def test_missing_folder_is_a_clear_error_and_nothing_written(tmp_path: Path):
    with pytest.raises(ExportError, match="does not exist"):
        write_docx(Document(), tmp_path / "nope" / "x.docx")
    with pytest.raises(ExportError, match="folder"):
        write_docx(Document(), tmp_path)


def test_failed_write_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "draft.docx"
    target.write_bytes(b"previous version")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="could not be written"):
        write_docx(corpus_doc("france_draft"), target)
    assert target.read_bytes() == b"previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]
