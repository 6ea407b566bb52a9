"""The Word importer on real files (issue 8 §1–§3): Model UN drafts with automatic and
broken numbering, and a 60-page UN report volume with several decisions. Counts were made
by opening the files (document.xml, numbering.xml, footnotes.xml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.readers.docx import import_docx, import_docx_texts
from drafting_app.corpus.readers.import_report import Element, ImportReport
from drafting_app.model import Document, DocumentKind
from drafting_app.model.describe import document_text, opener_of
from drafting_app.model.numbering import footnote_numbers, number_operative, paragraph_labels
from tests.conftest import REALDOCS
from tests.corpus.wordbuild import source_words, words

MUN = REALDOCS / "mun-docx"
UN_DOCX = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"
JUNK = MUN / "MUN_Eddy12597_test_no_line_space.docx"
ALL_DOCX = [*sorted(p for p in MUN.glob("*.docx") if p != JUNK), UN_DOCX]


def load(path: Path) -> tuple[Document, ImportReport]:
    return import_docx(path.read_bytes(), path.name)


def top_labels(doc: Document) -> list[str]:
    return [n.label for n in number_operative(doc.operative, doc.form) if n.depth == 0]


def tree(doc: Document) -> list[list[int]]:
    """Per operative paragraph, the number of grandchildren under each child."""
    return [[len(c.children) for c in p.children] for p in doc.operative]


@pytest.mark.parametrize("path", ALL_DOCX, ids=lambda p: p.name)
def test_every_word_of_body_and_footnotes_is_imported_or_reported(path: Path) -> None:
    data = path.read_bytes()
    docs, report = import_docx_texts(data, path.name)
    held = words(report.text())
    for doc in docs:
        held += words(document_text(doc))
        held += words(" ".join(paragraph_labels(doc).values()))
        # typed labels are kept as provenance where they differ from the derived ones
        # (annex rules numbered per section, paragraphs under an operative-part heading)
        held += words(" ".join(p.source_label or "" for p in doc.all_paragraphs()))
        held += words(" ".join(str(n) for n in footnote_numbers(doc).values()))
    missing = source_words(data) - held
    assert not missing, f"lost from {path.name}: {sorted(missing)[:20]}"


def test_mun_test1_automatic_numbering_with_half_parenthesis_letters() -> None:
    doc, report = load(MUN / "MUN_Eddy12597_test1.docx")
    assert doc.kind is DocumentKind.DRAFT
    assert doc.title == "Addressing Climate Change Through International Cooperation"
    assert doc.authoring_body == "The United Nations General Assembly,"
    mh = doc.masthead
    assert mh is not None and mh.body == "United Nations General Assembly (UNGA)"
    assert mh.sponsors == [
        "Federal Republic of Germany",
        "French Republic",
        "Kingdom of Sweden",
        "Italian Republic",
    ]
    assert [opener_of(p) for p in doc.preamble] == [
        "Alarmed by",
        "Recognizing that",
        "Noting with concern",
    ]
    assert top_labels(doc) == ["1.", "2.", "3."]
    assert tree(doc) == [[0, 0, 2], [0, 0, 2], [0, 0, 0]]
    # Word showed "a)" and "i." (numbering.xml %2) and %3.); the model derives UN labels
    assert [c.source_label for c in doc.operative[0].children] == ["a)", "b)", "c)"]
    assert [g.source_label for g in doc.operative[0].children[2].children] == ["i.", "ii."]
    labels = paragraph_labels(doc)
    assert labels[doc.operative[1].children[2].children[1].id] == "(ii)"
    assert report.blank_paragraphs == 3
    assert len(report.of(Element.MASTHEAD_FIELD)) == 4
    assert {i.kind for i in report.items} == {Element.MASTHEAD_FIELD}
    assert doc.footnotes == []  # footnotes.xml holds only the two separators


def test_mun_test_reso_italic_underlined_verbs_and_custom_xml() -> None:
    doc, report = load(MUN / "MUN_Eddy12597_test_reso.docx")
    assert doc.authoring_body == "The United Nations General Assembly (unga),"
    assert len(doc.preamble) == 3
    assert [opener_of(p) for p in doc.operative] == ["Urges", "Calls upon", "Recommends"]
    assert top_labels(doc) == ["1.", "2.", "3."]
    assert [len(p.children) for p in doc.operative] == [3, 3, 6]
    assert tree(doc) == [[0, 0, 2], [0, 0, 2], [0, 0, 0, 2, 0, 2]]
    assert doc.operative[2].children[5].children[1].text == "50% for mitigation."
    assert report.blank_paragraphs == 0
    assert [i.where for i in report.of(Element.CUSTOM_XML)] == [["customXml/item1.xml"]]


def test_mun_problematic_broken_numbering_is_recovered() -> None:
    doc, report = load(MUN / "MUN_Eddy12597_test_problematic.docx")
    # no opening formula: the preamble is still found from its opening phrases
    assert doc.authoring_body == ""
    assert doc.title == "Addressing Climate change through International Cooperation"
    assert [p.text.split()[0] for p in doc.preamble] == ["Alarmed", "Recognizing", "Noting"]
    # three numIds in one list: numId 4 restarts at "a." inside paragraph 2, numId 5 shows
    # "1." again for the third paragraph; the structure is still 3 paragraphs
    assert top_labels(doc) == ["1.", "2.", "3."]
    assert [p.source_label for p in doc.operative] == ["1.", "2.", "1."]
    second = doc.operative[1]
    assert [c.source_label for c in second.children] == ["a.", "a.", "b."]
    assert [c.text.split()[0] for c in second.children] == ["Providing", "Establishing", "Creating"]
    # numId 1 level 2 after numId 4 level 0: a level jump, nested under "Creating"
    assert [len(c.children) for c in second.children] == [0, 0, 2]
    assert tree(doc) == [[0, 0, 2], [0, 0, 2], [0, 0, 0]]
    assert report.blank_paragraphs == 2
    # Repaired, and said so: the restarted "a." and its "b.", the restarted "1." (issue 20).
    assert [(i.where, i.text.split(";")[0]) for i in report.changes()] == [
        (["operative 2 (b)"], "Word shows “a.” before “Establishing technology transfer "
         "programs for clean energy…”"),
        (["operative 2 (c)"], "Word shows “b.” before “Creating special financing mechanisms "
         "for:”"),
        (["operative 3"], "Word shows “1.” before “Recommends the establishment of an "
         "International Climate Ed…”"),
    ]  # fmt: skip
    assert not report.faithful()


def test_mun_junk_file_is_refused_by_every_way_in(capsys: pytest.CaptureFixture[str]) -> None:
    """ "Blah blah" items with no authoring-body line, heading or opening phrase: not a
    resolution. The import (GUI, import-report) and the reader (check, parse, export) give
    the same refusal with the same reason (issue 20 item 5)."""
    from drafting_app.cli import main
    from drafting_app.errors import FormatError

    reasons = []
    for read in (load, read_document):
        with pytest.raises(FormatError) as refused:
            read(JUNK)
        reasons.append(str(refused.value))
    assert len(set(reasons)) == 1
    assert "does not read as a resolution or decision" in reasons[0]
    for command in ("import-report", "check", "parse"):
        assert main([command, str(JUNK)]) == 2
        assert reasons[0] in capsys.readouterr().err


@pytest.fixture(scope="module")
def un_volume() -> tuple[list[Document], ImportReport]:
    return import_docx_texts(UN_DOCX.read_bytes(), UN_DOCX.name)


def test_un_volume_splits_into_its_decisions(un_volume: tuple[list[Document], ImportReport]):
    docs, _ = un_volume
    headings = [d.heading for d in docs]
    assert headings == [f"Decision {n}/CMA.3" for n in range(6, 25)] + ["Resolution 1/CMA.3"]
    assert all(d.kind is DocumentKind.DECISION for d in docs[:-1])
    # 84 footnotes in footnotes.xml besides the three special ones, 84 references
    assert sum(len(d.footnotes) for d in docs) == 84
    placed = ("Decision 15/CMA.3", "Decision 19/CMA.3")
    assert all(not d.unplaced for d in docs if d.heading not in placed)
    # Decision 15/CMA.3 numbers 1–22 across two roman headings of its operative part: the
    # headings stand above the paragraphs they head, the numbers run on
    (d15,) = [d for d in docs if d.heading == "Decision 15/CMA.3"]
    assert [len(d15.preamble), len(d15.operative)] == [2, 22]
    assert [p.source_label for p in d15.operative] == [f"{n}." for n in range(1, 23)]
    assert not d15.unplaced
    te = "I. Activities and performance of the Technology Executive Committee in 2020–2021"
    ctcn = (
        "II. Activities and performance of the Climate Technology Centre and Network in 2020–2021"
    )
    assert [(p.source_label, p.headings) for p in d15.operative if p.headings] == [
        ("7.", [te]),
        ("14.", [ctcn]),
    ]
    assert d15.warnings == []  # numbered headings are headings beyond doubt
    first = docs[0]
    mh = first.masthead
    assert mh is not None
    assert (mh.symbol, mh.distribution, mh.date, mh.original_language) == (
        "FCCC/PA/CMA/2021/10/Add.3",
        "General",
        "8 March 2022",
        "English",
    )
    assert mh.body == (
        "Conference of the Parties serving as the meeting of the Parties to the Paris Agreement"
    )
    assert first.front_matter == [
        "Report of the Conference of the Parties serving as the meeting of the Parties to the "
        "Paris Agreement on its third session, held in Glasgow from 31 October to 13 November 2021"
    ]
    assert first.title.startswith("Common time frames for nationally determined contributions")
    # Printed as two lines (the meeting, then its date), read back as two.
    assert first.adoption == "12th plenary meeting\n13 November 2021"


def test_un_decision_7_structure_italics_and_footnotes(
    un_volume: tuple[list[Document], ImportReport],
) -> None:
    d7 = next(d for d in un_volume[0] if d.heading == "Decision 7/CMA.3")
    assert d7.title == "Glasgow–Sharm el-Sheikh work programme on the global goal on adaptation"
    assert d7.authoring_body.startswith("The Conference of the Parties serving as the meeting")
    assert [opener_of(p) for p in d7.preamble] == [
        "Recalling",
        "Also recalling",
        "Recognizing",
        "Also recognizing",
        "Taking note",
        "Recognizing",
        "Recalling",
        "Acknowledging",
    ]
    assert top_labels(d7) == [f"{n}." for n in range(1, 21)]
    assert [len(p.children) for p in d7.operative][6] == 8
    assert opener_of(d7.operative[3]) == "Further decides"  # italic runs "Further" + " decides"
    # footnote numbering restarts in every section (decision) as Word shows it
    assert [f.source_number for f in d7.footnotes] == ["1", "2", "3", "4", "5"]
    nums = footnote_numbers(d7)
    assert [nums[a.footnote_id] for a in d7.preamble[4].anchors] == [1]  # "technical paper"
    assert [nums[a.footnote_id] for a in d7.operative[0].anchors] == [2, 3, 4]
    op13 = d7.operative[12]
    assert op13.text[op13.anchors[0].offset - 1] == ","  # "submission portal,⁵"


def test_un_volume_report_lists_tables_images_fields(
    un_volume: tuple[list[Document], ImportReport],
) -> None:
    report = un_volume[1]
    counts = report.counts()
    tables = report.of(Element.TABLE)
    assert len(tables) == 1 and tables[0].text.startswith("Version | Description")
    assert counts[str(Element.IMAGE)] == 2  # UN emblem and logo in the masthead table
    assert counts[str(Element.SECTION_BREAK)] == 24
    fields = {i.text.split()[0] for i in report.of(Element.FIELD)}
    assert fields == {"REF", "LINK"}
    # The page numbers of the footers are furniture, not losses.
    assert counts[str(Element.PAGE_NUMBER)] == 46
    # The symbol as running header is furniture; a header with another symbol is reported.
    assert [i.text for i in report.of(Element.RUNNING_HEADER)] == ["FCCC/PA/CMA/2021/10/Add.3"]
    assert {i.text for i in report.of(Element.HEADER)} == {
        "FCCC/PA/CMA/2021/X/Add.3",
        "FCCC/PA/CMA/2021/L.6/Rev.1",
    }
    assert counts[str(Element.CUSTOM_XML)] == 5
    assert report.blank_paragraphs == 11


def test_import_docx_lists_the_further_decisions_in_the_report() -> None:
    doc, report = load(UN_DOCX)
    assert doc.heading == "Decision 6/CMA.3"
    further = report.of(Element.FURTHER_TEXT)
    assert [i.where[0] for i in further][:2] == ["Decision 7/CMA.3", "Decision 8/CMA.3"]
    assert len(further) == 19
    assert "Decision 7/CMA.3" in further[0].text


def test_read_document_reads_docx(tmp_path: Path) -> None:
    doc = read_document(MUN / "MUN_Eddy12597_test1.docx")
    assert top_labels(doc) == ["1.", "2.", "3."]
