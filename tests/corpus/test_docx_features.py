"""The Word importer on .docx files built here, one Word feature at a time (issue 8 §1–§2):
automatic numbering variants, footnotes, the masthead table with its asterisk note, and
every kind of content the model has no place for, which must land in the report."""

from __future__ import annotations

from drafting_app.corpus.readers.docx import import_docx
from drafting_app.corpus.readers.import_report import Element, ImportReport
from drafting_app.model import Document, DocumentKind
from drafting_app.model.describe import document_text, opener_of
from drafting_app.model.numbering import footnote_numbers, number_operative, paragraph_labels
from tests.corpus.wordbuild import (
    SEPARATORS,
    abstract,
    footnote,
    make_docx,
    note_ref,
    num,
    numbered,
    para,
    run,
    source_words,
    typed,
    words,
)

AUTHOR = para(run("The General Assembly,", italic=True))
PREAMBLE = para(run("Recalling", italic=True), run(" its resolution 70/1 of 25 September 2015,"))


def load(data: bytes) -> tuple[Document, ImportReport]:
    return import_docx(data, "test.docx")


def labels(doc: Document) -> list[str]:
    return [f"{'  ' * n.depth}{n.label}" for n in number_operative(doc.operative, doc.form)]


def assert_nothing_lost(data: bytes, doc: Document, report: ImportReport) -> None:
    held = words(document_text(doc)) + words(report.text())
    held += words(" ".join(paragraph_labels(doc).values()))
    held += words(" ".join(p.source_label or "" for p in doc.all_paragraphs()))
    missing = source_words(data) - held
    assert not missing, sorted(missing)


def test_typed_numbers_italic_openers_and_footnotes_in_un_layout() -> None:
    body = (
        AUTHOR
        + PREAMBLE
        + typed("1.", "Urges", " States to ratify the Convention,", note_ref(1))
        + typed("2.", "Requests", " the Secretary-General to report:")
        + typed("(a)", "On", " progress;")
        + typed("(b)", "On", " obstacles.")
    )
    notes = SEPARATORS + footnote(1, run("United Nations, "), run("Treaty Series", True))
    data = make_docx(body, footnotes=notes)
    doc, report = load(data)
    assert doc.authoring_body == "The General Assembly,"
    assert opener_of(doc.preamble[0]) == "Recalling"
    assert labels(doc) == ["1.", "2.", "  (a)", "  (b)"]
    assert doc.operative[0].text == "Urges States to ratify the Convention,"
    assert [opener_of(p) for p in doc.operative] == ["Urges", "Requests"]
    (fn,) = doc.footnotes
    assert fn.text == "United Nations, Treaty Series"
    assert fn.text[fn.italics[0].start : fn.italics[0].end] == "Treaty Series"
    anchor = doc.operative[0].anchors[0]
    assert anchor.offset == len(doc.operative[0].text)  # mark after the comma
    assert footnote_numbers(doc)[fn.id] == 1 and fn.source_number == "1"
    assert report.items == []
    assert_nothing_lost(data, doc, report)


NUMBERING = (
    abstract(0, [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")])
    + abstract(1, [("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3.")])
    + num(1, 0)
    + num(2, 0)
    + num(3, 1)
    + num(4, 1, restart_levels=(0,))
)


def test_automatic_numbering_levels_formats_and_continuation_across_num_ids() -> None:
    body = (
        AUTHOR
        + PREAMBLE
        + numbered(1, 0, "Urges Member States:")
        + numbered(1, 1, "To act:")
        + numbered(1, 2, "Nationally;")
        + numbered(1, 2, "Regionally;")
        + numbered(1, 1, "To report;")
        # another numId of the same abstract list keeps counting: Word shows "2."
        + numbered(2, 0, "Requests the Secretary-General:")
        + numbered(2, 2, "To act at once;")  # a level jump (0 → 2)
        + numbered(2, 0, "Decides to remain seized of the matter.")
    )
    data = make_docx(body, numbering=NUMBERING)
    doc, report = load(data)
    assert [p.source_label for p in doc.operative] == ["1.", "2.", "3."]
    assert labels(doc) == ["1.", "  (a)", "    (i)", "    (ii)", "  (b)", "2.", "  (a)", "3."]
    first = doc.operative[0]
    assert [c.source_label for c in first.children] == ["(a)", "(b)"]
    assert [g.source_label for g in first.children[0].children] == ["(i)", "(ii)"]
    # Nothing left out, but the level jump is repaired, and the report says so.
    assert report.left_out() == []
    assert [(i.kind, i.text) for i in report.items] == [
        (
            Element.NUMBERING_REPAIR,
            "Word shows “(i)” before “To act at once;”; imported as operative 2 (a)",
        )
    ]
    assert_nothing_lost(data, doc, report)


def test_restart_by_start_override_and_half_parenthesis_format() -> None:
    body = (
        AUTHOR
        + numbered(3, 0, "Welcomes the report;")
        + numbered(3, 1, "Its findings:")
        + numbered(3, 2, "in part,")
        + numbered(3, 0, "Requests a follow-up;")
        # numId 4 restarts level 0 (lvlOverride/startOverride): Word shows "1." again
        + numbered(4, 0, "Decides to continue.")
    )
    doc, _ = load(make_docx(body, numbering=NUMBERING))
    assert [p.source_label for p in doc.operative] == ["1.", "2.", "1."]
    assert [c.source_label for c in doc.operative[0].children] == ["a)"]
    assert doc.operative[0].children[0].children[0].source_label == "i."
    assert labels(doc) == ["1.", "  (a)", "    (i)", "2.", "3."]


def test_style_linked_numbering_and_numid_zero() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="OpPara"><w:name w:val="Op Para"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="OpSub"><w:name w:val="Op Sub"/>'
        '<w:basedOn w:val="OpPara"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>'
        "</w:style>"
    )
    numbering = abstract(7, [("decimal", "%1."), ("lowerLetter", "(%2)")], style="OpPara")
    numbering += num(5, 7)
    body = (
        AUTHOR
        + para(run("Notes the report:"), ppr='<w:pStyle w:val="OpPara"/>')
        + para(run("Its summary;"), ppr='<w:pStyle w:val="OpSub"/>')
        + para(run("Its annex;"), ppr='<w:pStyle w:val="OpSub"/>')
        # numId 0 switches the style's numbering off: a typed label stays text
        + para(
            run("2. Requests more."),
            ppr='<w:pStyle w:val="OpPara"/><w:numPr><w:numId w:val="0"/></w:numPr>',
        )
    )
    doc, _ = load(make_docx(body, numbering=numbering, styles=styles))
    assert [p.source_label for p in doc.operative] == ["1.", "2."]
    assert [c.source_label for c in doc.operative[0].children] == ["(a)", "(b)"]
    assert doc.operative[1].text == "Requests more."


def test_masthead_table_and_asterisk_sponsor_note() -> None:
    cell = "<w:tc>{}</w:tc>"
    table = (
        "<w:tbl><w:tr>"
        + cell.format(para(run("United Nations")))
        + cell.format(para(run("CTOC/COP/2008/L.4")))
        + "</w:tr><w:tr>"
        + cell.format(para(run("")))
        + cell.format(
            para(run("Distr.: Limited"))
            + para(run("9 October 2008"))
            + para(run("Original: English"))
        )
        + "</w:tr></w:tbl>"
    )
    sponsor = para(
        run("France:"),
        '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t></w:r>',
        run(" draft resolution"),
    )
    body = (
        table
        + para(run("Conference of the Parties to the United Nations Convention"))
        + para(run("Fourth session"))
        + para(run("Vienna, 8-17 October 2008"))
        + sponsor
        + para(run("Implementation of the Protocol"))
        + para(run("The Conference of the Parties,", italic=True))
        + PREAMBLE
        + typed("1.", "Urges", " States to act.")
    )
    notes = SEPARATORS + footnote(1, run("On behalf of the European Union."))
    data = make_docx(body, footnotes=notes)
    doc, report = load(data)
    mh = doc.masthead
    assert mh is not None and doc.kind is DocumentKind.DRAFT
    assert (mh.symbol, mh.distribution, mh.date, mh.original_language) == (
        "CTOC/COP/2008/L.4",
        "Limited",
        "9 October 2008",
        "English",
    )
    assert mh.session == "Fourth session" and mh.place_and_dates == "Vienna, 8-17 October 2008"
    assert mh.sponsors == ["France"] and mh.document_type == "draft resolution"
    assert mh.sponsor_note == "On behalf of the European Union."
    assert doc.title == "Implementation of the Protocol"
    assert report.of(Element.TABLE) == []  # the masthead table is mapped, not reported
    assert_nothing_lost(data, doc, report)


def test_unmapped_elements_are_reported_with_their_text() -> None:
    body = (
        AUTHOR
        + para(
            run("Recalling", italic=True),
            run(" its resolution"),
            '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> 70/1</w:t></w:r></w:ins>',
            '<w:del w:id="2" w:author="A"><w:r><w:delText> 69/313</w:delText></w:r></w:del>',
            run(" of "),
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            run("25 September 2015"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            run(","),
            '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
        )
        + "<w:tbl><w:tr><w:tc>"
        + para(run("Votes"))
        + "</w:tc><w:tc>"
        + para(run("120 in favour"))
        + "</w:tc></w:tr></w:tbl>"
        + para(
            run("1."),
            "<w:r><w:tab/></w:r>",
            run("Urges", True),
            run(" action"),
            '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="Logo"/>'
            "</wp:inline></w:drawing></w:r>",
            "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
            + para(run("Boxed aside"))
            + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>",
            run(" now;"),
            note_ref(2),
        )
        + '<w:sdt><w:sdtPr><w:alias w:val="Clause"/></w:sdtPr><w:sdtContent>'
        + typed("2.", "Decides", " to continue.")
        + "</w:sdtContent></w:sdt>"
        + '<w:customXml w:element="extra">'
        + para(run("Tagged words"))
        + "</w:customXml>"
        + para(ppr='<w:sectPr><w:type w:val="continuous"/></w:sectPr>')
        + para()
        + para(run("   "))
    )
    parts = {
        "footnotes": SEPARATORS + '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>'
        "</w:p></w:footnote>",
        "endnotes": '<w:endnote w:id="1"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote>',
        "comments": '<w:comment w:id="0" w:author="Delegate"><w:p><w:r><w:t>Check date</w:t>'
        "</w:r></w:p></w:comment>",
        "header1": para(run("CTOC/COP/2008/L.4")),
        "footer1": para('<w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'),
    }
    data = make_docx(body, **parts)
    doc, report = load(data)
    pre = doc.preamble[0]
    assert pre.text == "Recalling its resolution 70/1 of 25 September 2015,"
    assert [p.text for p in doc.operative] == [
        "Urges action now;",
        "Decides to continue.",
        "Tagged words",  # custom XML markup: the words stay, the markup is reported
    ]
    assert doc.operative[0].anchors == []  # its footnote is empty: reported, not attached
    texts = {kind: [i.text for i in report.of(kind)] for kind in Element}
    # Tracked changes are pending: the draft reads with them accepted, its base rejected.
    assert texts[Element.PENDING_CHANGE] == ["A: inserted “70/1”", "A: deleted “69/313”"]
    assert texts[Element.PENDING_AUTHOR] == ["A: 2 tracked changes"]
    assert doc.revision_base is not None
    assert doc.revision_base.document.preamble[0].text == (
        "Recalling its resolution 69/313 of 25 September 2015,"
    )
    assert texts[Element.FIELD] == ['DATE \\@ "d MMMM yyyy"']
    assert texts[Element.PAGE_NUMBER] == ["PAGE"]  # furniture: the export writes it again
    assert texts[Element.TABLE] == ["Votes | 120 in favour"]
    assert texts[Element.IMAGE] == ["Logo"]
    assert texts[Element.TEXT_BOX] == ["Boxed aside"]
    assert texts[Element.CONTENT_CONTROL] == ["Clause: 2. Decides to continue."]
    assert texts[Element.CUSTOM_XML] == ["Tagged words"]
    assert texts[Element.SECTION_BREAK] == ["continuous section break"]
    assert texts[Element.EMPTY_FOOTNOTE] == [""]
    assert texts[Element.ENDNOTE] == ["An endnote."]
    assert texts[Element.COMMENT] == ["Delegate: Check date"]
    assert texts[Element.HEADER] == ["CTOC/COP/2008/L.4"]
    assert texts[Element.FOOTER] == []  # a PAGE field and its number: the page number
    assert report.blank_paragraphs == 3
    assert "Boxed aside" not in document_text(doc)
    assert_nothing_lost(data, doc, report)
    rendered = report.render()
    assert "kept as a pending change" in rendered and "69/313" in rendered
    assert report.of(Element.COMMENT)[0].where == [
        "beside “Recalling its resolution 70/1 of 25 September 201…”"
    ]
    (comment,) = doc.comments
    assert (comment.author, comment.text, comment.paragraph_id) == (
        "Delegate",
        "Check date",
        pre.id,
    )
