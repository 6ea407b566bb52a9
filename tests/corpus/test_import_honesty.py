"""Issue 20 item 5: the import report says everything the import did. Repaired numbers,
formatting the model does not keep and hyperlink addresses are listed; the app's own
export imports with nothing to report (its running header and page numbers are the
furniture the export writes again); italics in footnotes and the words of hyperlinks are
kept through import and export."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from drafting_app.cli import main
from drafting_app.corpus.readers import read_document, read_documents
from drafting_app.corpus.readers.docx import import_docx, import_docx_texts
from drafting_app.corpus.readers.import_report import Element
from drafting_app.export.docx_writer import docx_bytes, write_docx
from drafting_app.model.document import Document
from tests.conftest import CORPUS_FILES, REALDOCS
from tests.corpus.wordbuild import SEPARATORS, footnote, make_package, note_ref, para, run

AUTHOR = para(run("The Conference of the Parties to the United Nations Convention against "
                  "Transnational Organized Crime,"))  # fmt: skip
LINK_RELS = (
    '<Relationship Id="rIdL1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/hyperlink" Target="https://www.unodc.org/unodc/en/treaties/CTOC/" '
    'TargetMode="External"/>'
)


def with_links(body: str, notes: str) -> bytes:
    """A .docx whose document and footnotes parts both have a hyperlink relationship."""
    data = make_package(body, {"footnotes": notes}, {})
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            blob = src.read(name)
            if name == "word/_rels/document.xml.rels":
                blob = blob.replace(b"</Relationships>", LINK_RELS.encode() + b"</Relationships>")
            out.writestr(name, blob)
        rels = f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{LINK_RELS}</Relationships>'
        out.writestr("word/_rels/footnotes.xml.rels", rels)
    return buf.getvalue()


def italic_words(doc: Document) -> list[tuple[str, list[str]]]:
    """Each footnote's text with its italic words (in text order: the export writes the
    notes in the order of their marks)."""
    return sorted((f.text, [f.text[s.start : s.end] for s in f.italics]) for f in doc.footnotes)


def link(text: str) -> str:
    return f'<w:hyperlink r:id="rIdL1">{run(text)}</w:hyperlink>'


def test_hyperlinks_keep_their_words_and_report_their_address() -> None:
    body = (
        AUTHOR
        + para(run("Recalling", True), run(" the "), link("Convention page"), run(","))
        + para(run("1. "), run("Urges", True), run(" States parties to act."), note_ref(1))
    )
    notes = SEPARATORS + footnote(
        1, run("See "), run("Treaty Series", True), run(" and "), link("the UNODC list"), run(".")
    )
    doc, report = import_docx(with_links(body, notes), "links.docx")
    assert doc.preamble[0].text == "Recalling the Convention page,"
    (note,) = doc.footnotes
    assert note.text == "See Treaty Series and the UNODC list."
    assert [note.text[s.start : s.end] for s in note.italics] == ["Treaty Series"]
    address = "https://www.unodc.org/unodc/en/treaties/CTOC/"
    assert sorted((i.text, i.where[0]) for i in report.of(Element.HYPERLINK)) == [
        (
            f"“Convention page” → {address}",
            "after “The Conference of the Parties to the United Nation”",
        ),
        (f"“the UNODC list” → {address}", "footnote 1"),
    ]
    assert not report.faithful()


def test_an_address_printed_as_the_link_is_no_loss() -> None:
    address = "https://www.unodc.org/unodc/en/treaties/CTOC/"
    body = AUTHOR + para(run("1. "), run("Urges", True), run(" States to act."), note_ref(1))
    notes = SEPARATORS + footnote(1, run("Available at "), link(address), run("."))
    _, report = import_docx(with_links(body, notes), "printed.docx")
    assert report.of(Element.HYPERLINK) == []


def test_formatting_the_model_does_not_keep_is_listed() -> None:
    strike = '<w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">annually</w:t></w:r>'
    mark = (
        '<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr>'
        '<w:t xml:space="preserve">within existing resources</w:t></w:r>'
    )
    bold = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">all</w:t></w:r>'
    body = (
        AUTHOR
        + para(run("Recalling", True), run(" its decision 4/4,"))
        + para(
            run("1. "), run("Requests", True), run(" a report "), strike, run(" "), mark, run(";")
        )
        + para(run("2. "), run("Urges", True), run(" "), bold, run(" States to act."))
        + para("<w:r><w:rPr><w:b/></w:rPr><w:t>A heading in bold throughout</w:t></w:r>")
    )
    doc, report = import_docx(make_package(body, {}, {}), "formats.docx")
    assert doc.operative[0].text == "Requests a report annually within existing resources;"
    assert [i.text for i in report.of(Element.FORMAT_DROPPED)] == [
        "strikethrough: “annually”",
        "highlight: “within existing resources”",
        "bold: “all”",
    ]
    assert report.left_out() and "formatting not kept" in report.render()


def test_the_apps_own_export_imports_with_nothing_to_report(tmp_path: Path) -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    assert doc.masthead is not None
    doc.masthead.symbol = "CTOC/COP/2008/L.4"  # a running header from page 2
    out = write_docx(doc, tmp_path / "france.docx")
    again, report = import_docx(out.read_bytes(), out.name)
    assert report.left_out() == [] and report.changes() == []
    assert {str(i.kind) for i in report.furniture()} == {
        str(Element.RUNNING_HEADER),
        str(Element.PAGE_NUMBER),
    }
    assert [f.text for f in again.footnotes] == [f.text for f in doc.footnotes]
    assert main(["import-report", str(out)]) == 0


@pytest.mark.slow
def test_every_decision_of_the_un_volume_exported_imports_faithfully(tmp_path: Path) -> None:
    """The real UN volume's decisions, exported by the app and imported again: nothing
    left out, nothing changed, footnote italics kept."""
    data = (REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx").read_bytes()
    docs, _ = import_docx_texts(data, "volume.docx")
    italic_notes = 0
    for doc in docs:
        again, report = import_docx(docx_bytes(doc), "export.docx")
        assert report.left_out() == [], (doc.heading, report.render())
        notes = italic_words(doc)
        assert italic_words(again) == notes, doc.heading
        italic_notes += sum(1 for _, spans in notes if spans)
    assert italic_notes == 4  # counted in footnotes.xml: notes 2, 19, 37 and 50


def test_broken_numbering_is_listed_by_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    path = REALDOCS / "mun-docx" / "MUN_Eddy12597_test_problematic.docx"
    assert main(["import-report", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Everything was imported; nothing was left out." in out
    assert "3 changes made by the import (listed below)." in out
    assert "Word shows “1.” before “Recommends the establishment" in out
    assert read_documents(path)[0].operative[2].text.startswith("Recommends")
