"""The structure reader on real texts of the shapes that broke it (issue 16): lettered and
roman items in the preamble, nested lists under an operative sub-paragraph, "(i)" after
"(h)", headings in the operative part, a paragraph split by a page break, printed numbers
with a gap or a duplicate. The counts are made by hand from the texts (realdocs/INDEX.md,
shapes/INDEX.md); what the reader is unsure of is in ``Document.warnings`` with its line,
and in ``parse --json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from drafting_app import cli
from drafting_app.corpus.readers import read_document, read_documents, read_text
from drafting_app.corpus.readers.pdf import pdf_pages_to_text
from drafting_app.corpus.readers.pdftext import PdfTextReader
from drafting_app.model import Document, Paragraph
from drafting_app.model.document import DocumentKind, Heading
from drafting_app.model.numbering import annex_labels, paragraph_labels
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
GA_MORE = DATA / "realdocs" / "ga-more"
SHAPES = DATA / "shapes"


@dataclass(frozen=True)
class Counts:
    """Hand counts: preambular paragraphs (and their items), operative paragraphs (and
    their sub-paragraphs at every depth), footnotes (of which Ibid.), operative headings."""

    pre: int
    pre_sub: int
    op: int
    op_sub: int
    notes: int
    ibid: int = 0
    headings: int = 0


HAND_COUNTS = {
    GA_MORE / "A-RES-80-11_peacebuilding-review-2025.txt": Counts(16, 0, 30, 15, 4, 0, 3),
    GA_MORE / "A-RES-80-13_indian-ocean-zone-of-peace-2025.txt": Counts(8, 0, 5, 0, 3),
    GA_MORE / "A-RES-80-14_african-nwfz-treaty-2025.txt": Counts(5, 0, 8, 0, 5),
    SHAPES / "lettered-preamble_tip-coordination.txt": Counts(11, 6, 4, 3, 6, 3),
    SHAPES / "security-council_resolution-form.txt": Counts(7, 0, 4, 3, 0),
    SHAPES / "human-rights-council_resolution-form.txt": Counts(3, 0, 3, 0, 3),
    SHAPES / "main-committee_draft-resolution.txt": Counts(2, 0, 3, 0, 0),
    SHAPES / "ecosoc_resolution-form.txt": Counts(1, 0, 2, 0, 0),
    SHAPES / "sectioned-operative_oceans-law-of-the-sea.txt": Counts(2, 0, 6, 2, 0, 0, 6),
    # A resolution in parts: the paragraphs are the parts' (see the test below).
    SHAPES / "resolution-in-parts_questions-relating-to-information.txt": Counts(0, 0, 0, 0, 1),
    # The resolution's own paragraphs; the convention is its annex (see the test below).
    SHAPES / "convention-annex_cybercrime.txt": Counts(3, 0, 3, 0, 0),
    SHAPES / "human-rights-council_recorded-vote.txt": Counts(3, 0, 3, 0, 3),
    SHAPES / "rules-of-procedure-annex_committee.txt": Counts(1, 0, 2, 0, 0),
    SHAPES / "plenary-draft_submitted-by-the-president.txt": Counts(2, 0, 3, 0, 0),
    # The Council's lone paragraph; the draft it recommends is quoted after it.
    SHAPES / "ecosoc_recommends-a-draft.txt": Counts(0, 0, 1, 0, 0),
}


# Texts whose one operative paragraph is printed without a number, as the UN prints a lone one.
LONE_OPERATIVE = {"ecosoc_recommends-a-draft.txt"}

# The headings a reader may doubt (no section number before them or above them), by hand.
UNNUMBERED_HEADINGS = {"A-RES-80-11_peacebuilding-review-2025.txt": 3}


def subs(paras: list[Paragraph]) -> int:
    return sum(len(list(p.walk())) - 1 for p in paras)


def test_every_new_text_has_hand_counts() -> None:
    held = {*GA_MORE.glob("*.txt"), *SHAPES.glob("*.txt")}
    assert held == set(HAND_COUNTS)


@pytest.mark.parametrize("path", sorted(HAND_COUNTS), ids=lambda p: p.stem)
def test_counts_are_exact(path: Path) -> None:
    exp = HAND_COUNTS[path]
    doc = read_document(path)
    got = Counts(
        len(doc.preamble),
        subs(doc.preamble),
        len(doc.operative),
        subs(doc.operative),
        len(doc.footnotes),
        sum(f.text.startswith("Ibid") for f in doc.footnotes),
        sum(len(p.headings) for p in doc.operative),
    )
    assert got == exp
    assert [f.source_number for f in doc.anchored_footnotes()] == [
        str(i) for i in range(1, exp.notes + 1)
    ]
    # the printed numbers are the reader's own count: nothing to warn about but unnumbered
    # headings ("Peacebuilding Commission"; "II" and the title under it are beyond doubt)
    printed = [None] if path.name in LONE_OPERATIVE else [f"{i}." for i in range(1, exp.op + 1)]
    assert [p.source_label for p in doc.operative] == printed
    assert len(doc.warnings) == UNNUMBERED_HEADINGS.get(path.name, 0)


def test_lettered_items_stay_in_the_preamble() -> None:
    """A/RES/70/179: "Reaffirming that the Global Plan of Action was developed:" then
    (a)–(f) ending with commas, then more preambular paragraphs, then "1. Urges"."""
    doc = read_document(SHAPES / "lettered-preamble_tip-coordination.txt")
    lead = doc.preamble[7]
    assert lead.text == "Reaffirming that the Global Plan of Action was developed:"
    labels = paragraph_labels(doc)
    assert [labels[c.id] for c in lead.children] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    assert [c.source_label for c in lead.children] == [labels[c.id] for c in lead.children]
    assert lead.children[0].text.startswith("To promote universal ratification")
    assert doc.preamble[8].text.startswith("Recognizing the importance of bilateral")
    assert doc.operative[0].text.startswith("Urges Member States")
    assert doc.warnings == []


def test_nested_items_and_the_letter_i_after_h() -> None:
    """A/RES/80/11 operative 1: (a)–(i), where (b) ends with "by:" and holds (i)–(ii), and
    the (i) after (h) is the ninth letter; operative 2 holds (a)–(d)."""
    doc = read_document(GA_MORE / "A-RES-80-11_peacebuilding-review-2025.txt")
    labels = paragraph_labels(doc)
    op1, op2 = doc.operative[0], doc.operative[1]
    assert [labels[c.id] for c in op1.children] == [f"({c})" for c in "abcdefghi"]
    assert [labels[c.id] for c in op1.children[1].children] == ["(i)", "(ii)"]
    assert op1.children[8].text.startswith("Requesting the Department of Global Communications")
    assert op1.children[8].children == []
    assert [labels[c.id] for c in op2.children] == ["(a)", "(b)", "(c)", "(d)"]
    # the three headings of the operative part are listed with their lines, not paragraphs
    assert [(w.line, w.message.split("”")[0]) for w in doc.warnings] == [
        (55, "“Peacebuilding Commission"),
        (111, "“Peacebuilding financing"),
        (135, "“Department of Political and Peacebuilding Affairs/Peacebuil…"),
    ]
    assert doc.operative[12].text.startswith("Calls for the full implementation")


def test_parse_json_lists_the_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    path = GA_MORE / "A-RES-80-11_peacebuilding-review-2025.txt"
    assert cli.main(["parse", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [w["line"] for w in out["warnings"]] == [55, 111, 135]
    assert all("heading of the operative part" in w["message"] for w in out["warnings"])
    assert {w["kind"] for w in out["warnings"]} == {"reading"}  # a doubt, not a gap
    assert cli.main(["parse", str(path)]) == 0
    assert "warning (line 55): “Peacebuilding Commission” read as a heading" in (
        capsys.readouterr().out
    )


HEAD = """The General Assembly,

Recalling its resolution 78/13 of 4 December 2023,

"""


def body(*paragraphs: str) -> Document:
    return read_text(HEAD + "\n\n".join(paragraphs) + "\n")


def test_roman_items_in_the_preamble() -> None:
    doc = body(
        "Recalling also the decisions taken at the Conference, in particular:",
        "(i) To convene a meeting of experts;",
        "(ii) To report to the General Assembly,",
        "Noting the initiatives taken by countries of the region,",
        "1. Takes note of the report;",
        "2. Decides to include the item in the provisional agenda of its eighty-second session.",
    )
    labels = paragraph_labels(doc)
    assert [len(doc.preamble), len(doc.operative)] == [3, 2]
    assert [c.source_label for c in doc.preamble[1].children] == ["(i)", "(ii)"]
    assert [labels[c.id] for c in doc.preamble[1].children] == ["(a)", "(b)"]
    assert doc.warnings == []


def test_a_lettered_item_without_a_colon_before_it_is_said() -> None:
    doc = body(
        "Noting the initiatives taken by countries of the region, including",
        "(a) Economic cooperation,",
        "(b) Cooperation in disaster risk reduction,",
        "1. Takes note of the report.",
    )
    assert [len(doc.preamble), len(doc.operative)] == [2, 1]
    assert [c.text for c in doc.preamble[1].children] == [
        "Economic cooperation,",
        "Cooperation in disaster risk reduction,",
    ]
    (w,) = doc.warnings
    assert w.line == 7
    assert "“(a)” stands before the first numbered paragraph after a paragraph" in w.message


def test_without_numbers_a_lettered_item_after_a_comma_starts_the_operative_part() -> None:
    """An unnumbered decision: the reader cannot tell (a) from an item of the paragraph
    before, takes it as the operative part (as decisions are written) and says so."""
    doc = body("(a) Takes note of the report;", "(b) Decides to remain seized of the matter.")
    assert [len(doc.preamble), len(doc.operative)] == [1, 2]
    (w,) = doc.warnings
    assert w.line == 5 and "read as the start of the operative part" in w.message


def test_printed_numbers_with_a_gap_and_a_duplicate_are_reported() -> None:
    doc = body(
        "1. Takes note of the report;",
        "2. Requests the Chair to continue consultations;",
        "4. Requests the Secretary-General to render assistance;",
        "4. Decides to include the item;",
        "5. Decides to remain seized of the matter:",
        "(a) To consider the report;",
        "(c) To review the work.",
    )
    # numbered by position, printed labels kept as they were
    assert [p.source_label for p in doc.operative] == ["1.", "2.", "4.", "4.", "5."]
    assert list(paragraph_labels(doc).values())[:5] == ["1.", "2.", "3.", "4.", "5."]
    assert [(w.line, w.message) for w in doc.warnings] == [
        (
            9,
            "The printed operative paragraph numbers jump to “4.” where “3.” was expected; "
            "the paragraphs are numbered by their position, as printed numbers are not kept.",
        ),
        (11, "The printed operative paragraph number “4.” repeats the one before it."),
        (
            17,
            "The printed sub-paragraph numbers jump to “(c)” where “(b)” was expected; the "
            "paragraphs are numbered by their position, as printed numbers are not kept.",
        ),
    ]


def test_a_paragraph_split_in_two_is_one_paragraph() -> None:
    """A page break in pasted text: the rest of the paragraph starts in lower case."""
    doc = body(
        "Noting the initiatives taken by countries of the region to promote cooperation in",
        "the Indian Ocean area,",
        "1. Takes note of the report of the Ad Hoc Committee on the Indian Ocean;",
        "2. Requests the Chair of the Ad Hoc Committee to continue his informal",
        "consultations with the members of the Committee.",
    )
    assert [len(doc.preamble), len(doc.operative)] == [2, 2]
    assert doc.preamble[1].text == (
        "Noting the initiatives taken by countries of the region to promote cooperation in "
        "the Indian Ocean area,"
    )
    assert doc.operative[1].text.endswith(
        "his informal consultations with the members of the Committee."
    )
    assert doc.warnings == []


# The page text a PDF text layer gives for a preambular paragraph broken across a page: the
# footnote block and job number of page 1, the running header and page number of page 2
# (the layout of A/RES/73/6 and A/RES/74/176).
PAGE_1 = """ United Nations  A/RES/74/176
General Assembly  Distr.: General
23 January 2020
Seventy-fourth session
Agenda item 106
Resolution adopted by the General Assembly on 18 December 2019
[on the report of the Third Committee (A/74/400)]
74/176. Improving the coordination of efforts against trafficking in persons
 The General Assembly,
 Reiterating its strong condemnation of trafficking in persons, especially women
and children, which constitutes an offence and a serious threat to human dignity,
 Recalling the adoption by the General Assembly of the 2030 Agenda for
Sustainable Development, 1 and recalling also the targets of the Sustainable
Development Goals on eliminating all forms of violence against all women and girls
in the public and private spheres, including trafficking and sexual and other types of
__________________
 1  Resolution 70/1.
19-22333 (E)    270120
*1922333*
"""
PAGE_2 = """A/RES/74/176
Improving the coordination of efforts against trafficking in persons

19-22333 2/10

exploitation, 2 and on ending abuse and exploitation of children,
 Reaffirming that the Global Plan of Action was developed:
 (a) To promote universal ratification of the Convention,
 (b) To help Member States to reinforce their political commitments,
 1. Urges Member States to consider ratifying the Convention;
 2. Requests the Secretary-General to submit a report.
__________________
 2  Target 5.2.
"""


def test_a_preambular_paragraph_split_across_a_pdf_page() -> None:
    doc = PdfTextReader(repeat_marks=True).read(pdf_pages_to_text([PAGE_1, PAGE_2]), "x.pdf")
    assert [len(doc.preamble), subs(doc.preamble), len(doc.operative)] == [3, 2, 2]
    split = doc.preamble[1]
    assert split.text.startswith("Recalling the adoption by the General Assembly")
    assert split.text.endswith(
        "including trafficking and sexual and other types of exploitation, and on ending "
        "abuse and exploitation of children,"
    )
    assert [f.text for f in doc.footnotes] == ["Resolution 70/1.", "Target 5.2."]
    assert len(split.anchors) == 2
    assert doc.warnings == [] and doc.unplaced == []


def _masthead(doc: Document, *fields: str) -> tuple[str, ...]:
    assert doc.masthead is not None
    return tuple(getattr(doc.masthead, name) for name in fields)


def test_a_security_council_resolution_reads_with_its_masthead_heading_and_adoption_line(
    tmp_path: Path,
) -> None:
    """The Council's form: the symbol carries its year ("S/RES/2719 (2023)", read as the
    body before), the heading "Resolution 2719 (2023)" with the adoption line under it
    (read as the title before), and no title. Exported and read again, it is the same
    text, its adoption line printed under the heading as the Council prints it."""
    from drafting_app.export.blocks import Kind, build_blocks
    from drafting_app.export.docx_writer import write_docx

    doc = read_document(SHAPES / "security-council_resolution-form.txt")
    assert _masthead(doc, "organization", "symbol", "body", "distribution", "date") == (
        "United Nations",
        "S/RES/2719 (2023)",
        "Security Council",
        "General",
        "21 December 2023",
    )
    assert doc.heading == "Resolution 2719 (2023)"
    assert doc.front_matter == [
        "Adopted by the Security Council at its 9518th meeting, on 21 December 2023"
    ]
    assert doc.title == ""
    assert doc.authoring_body == "The Security Council,"
    kinds = [b.kind for b in build_blocks(doc).blocks][:3]
    assert kinds == [Kind.HEADING, Kind.FRONT_MATTER, Kind.AUTHORING_BODY]
    out = tmp_path / "sc.docx"
    write_docx(doc, out)
    back = read_document(out)
    assert back.masthead is not None and back.masthead.symbol == "S/RES/2719 (2023)"
    assert (back.heading, back.front_matter, back.title) == (
        doc.heading,
        doc.front_matter,
        doc.title,
    )
    assert [p.text for p in back.all_paragraphs()] == [p.text for p in doc.all_paragraphs()]


def test_a_human_rights_council_resolution_reads_its_masthead() -> None:
    """The Council's resolutions are General Assembly documents: "General Assembly" is
    printed large and "Human Rights Council" under the Distr. block is the body in full;
    the session's dates have no place. Before, both lines (and so the number line after
    them) were taken for the title: "Human Rights Council 26 February–5 April 2024 55/1.
    Promotion …", with no heading."""
    doc = read_document(SHAPES / "human-rights-council_resolution-form.txt")
    fields = ("symbol", "body", "original_language", "session", "place_and_dates", "agenda_item")
    assert _masthead(doc, *fields) == (
        "A/HRC/RES/55/1",
        "Human Rights Council",
        "English",
        "Fifty-fifth session",
        "26 February–5 April 2024",
        "Agenda item 2",
    )
    assert (doc.heading, doc.title) == (
        "55/1.",
        "Promotion and protection of human rights in a named situation",
    )
    assert doc.front_matter == ["Resolution adopted by the Human Rights Council on 4 April 2024"]


def test_a_main_committee_draft_reads_its_committee_line(tmp_path: Path) -> None:
    """An L document of a Main Committee prints the committee under the session line
    ("Eightieth session" / "Third Committee"); it was read as the start of the title
    ("Third Committee Inclusive policies …"). Exported and read again, it stays the
    committee."""
    from drafting_app.export.docx_writer import write_docx

    doc = read_document(SHAPES / "main-committee_draft-resolution.txt")
    fields = ("symbol", "distribution", "session", "committee", "agenda_item", "document_type")
    expected = (
        "A/C.3/80/L.21",
        "Limited",
        "Eightieth session",
        "Third Committee",
        "Agenda item 28 (a)",
        "draft resolution",
    )
    assert _masthead(doc, *fields) == expected
    assert doc.masthead is not None and doc.masthead.sponsors == [
        "Argentina",
        "Brazil",
        "Chile",
        "Mexico",
    ]
    assert doc.title == "Inclusive policies and programmes to address homelessness"
    out = tmp_path / "l.docx"
    write_docx(doc, out)
    back = read_document(out)
    assert _masthead(back, *fields) == expected
    assert back.title == doc.title


def test_an_ecosoc_resolution_reads_its_session_by_year() -> None:
    """The Economic and Social Council names its session by year ("2023 session") with
    the session's dates under it; both were read as the start of the title ("2023 session
    25 July 2022–26 July 2023 2023/1. Strengthening …"), with no heading."""
    doc = read_document(SHAPES / "ecosoc_resolution-form.txt")
    assert _masthead(doc, "symbol", "body", "session", "place_and_dates") == (
        "E/RES/2023/1",
        "Economic and Social Council",
        "2023 session",
        "25 July 2022–26 July 2023",
    )
    assert (doc.heading, doc.title) == (
        "2023/1.",
        "Strengthening of the coordination of emergency humanitarian assistance",
    )


GA = DATA / "realdocs" / "ga"
PARTS = SHAPES / "resolution-in-parts_questions-relating-to-information.txt"


def _parts(doc: Document) -> list[tuple[str, str, str, int, list[str]]]:
    labels = paragraph_labels(doc)
    return [
        (
            p.label,
            p.title,
            p.authoring_body,
            len(p.preamble),
            [(labels.get(q.id) or "-") + " " + q.text.split()[0] for q in p.operative],
        )
        for p in doc.parts
    ]


_EXPECTED_PARTS = [
    ("A", "Information in the service of humanity", "The General Assembly,", 2, ["- Urges"]),
    (
        "B",
        "United Nations global communications policies and activities",
        "The General Assembly,",
        2,
        ["1. Reaffirms", "2. Requests", "3. Decides"],
    ),
]


def test_a_resolution_in_parts_reads_each_part(tmp_path: Path) -> None:
    """A/RES/78/122 A–B: "A" and its title, then "The General Assembly," open each part.
    Before, the letter and the part's title were read into the resolution's title
    ("Questions relating to information A Information in the service of humanity"), part
    B's letter, title and authoring line became preambular paragraphs, and the check gave
    four false errors. Each part is now kept with its title and authoring line, numbered
    from 1, and the check finds no error; saved, exported to Word and read again, the
    parts come back the same."""
    from drafting_app.checks.runner import run_checks
    from drafting_app.corpus.registry import Registry
    from drafting_app.export.docx_writer import write_docx
    from drafting_app.model.describe import describe
    from drafting_app.storage.project import load_project, save_project

    doc = read_document(PARTS)
    assert (doc.kind, doc.form, doc.heading) == ("resolution", "resolution", "78/122.")
    assert doc.title == "Questions relating to information"
    assert not doc.authoring_body and not doc.preamble and not doc.operative
    assert _parts(doc) == _EXPECTED_PARTS
    assert not doc.unplaced and not doc.warnings
    findings = run_checks(doc, Registry.from_documents([]))
    assert [f.code for f in findings if f.severity == "error"] == []
    save_project(doc, tmp_path / "parts.unres.json")
    assert describe(load_project(tmp_path / "parts.unres.json").document) == describe(doc)
    write_docx(doc, tmp_path / "parts.docx")
    back = read_document(tmp_path / "parts.docx")
    assert back.title == doc.title and _parts(back) == _EXPECTED_PARTS


def test_a_part_with_its_letter_and_title_on_one_line() -> None:
    """ "A. General" then "The General Assembly," (a resolution in parts whose letter and
    title are printed as one heading); a lettered heading of the operative part that no
    authoring line follows stays a heading, above the paragraph it heads."""
    text = (
        "78/94. Questions of the Small Territories\n\n"
        "A. General\n\nThe General Assembly,\n\n"
        "Having considered the question of the Small Territories,\n\n"
        "1. Reaffirms the inalienable right of the peoples of the Territories;\n\n"
        "2. Requests the Special Committee to continue to examine the question.\n\n"
        "B. Individual Territories\n\nThe General Assembly,\n\n"
        "Referring to resolution A above,\n\n"
        "A. Follow-up\n\n"
        "1. Welcomes the work of the territorial Government;\n\n"
        "2. Decides to continue its consideration of the question.\n"
    )
    doc = read_text(text, "small-territories.txt")
    assert [(p.label, p.title, len(p.preamble), len(p.operative)) for p in doc.parts] == [
        ("A", "General", 1, 2),
        ("B", "Individual Territories", 1, 2),
    ]
    assert not doc.unplaced
    assert doc.parts[1].operative[0].headings == ["A. Follow-up"]


def test_a_multi_part_decision_is_kept_by_a_save_and_by_word(tmp_path: Path) -> None:
    """Decision 79/537 A, B and C: the project file (format 4) did not write the parts,
    so a save and an open lost the whole decision but its title; its Word export was
    refused on import ("holds no resolution or decision text")."""
    from drafting_app.export.docx_writer import write_docx
    from drafting_app.model.describe import describe
    from drafting_app.storage.project import load_project, save_project

    def shape(d: Document) -> list[tuple[str, str, list[str], str]]:
        return [
            (
                p.label,
                p.chapeau.text if p.chapeau else "",
                [q.text for q in p.operative],
                p.adoption,
            )
            for p in d.parts
        ]

    doc = read_document(GA / "GA-decision-79-537-ABC_lldc-conference-2024.txt")
    assert [p.label for p in doc.parts] == ["A", "B", "C"]
    save_project(doc, tmp_path / "d.unres.json")
    again = load_project(tmp_path / "d.unres.json").document
    assert describe(again) == describe(doc)
    assert [p.label for p in again.parts] == ["A", "B", "C"]
    write_docx(doc, tmp_path / "d.docx")
    assert shape(read_document(tmp_path / "d.docx")) == shape(doc)


def test_the_operative_part_s_section_headings_are_kept(tmp_path: Path) -> None:
    """A/RES/78/69's "I" / "Implementation of the Convention …" above paragraph 1, and
    A/RES/80/11's "Peacebuilding Commission": before, listed as unplaced and left out of
    the saved draft and of every export. Now kept above the paragraph they head, through a
    save and a Word export read again."""
    from drafting_app.export.docx_writer import write_docx
    from drafting_app.storage.project import load_project, save_project

    def sections(d: Document) -> list[tuple[str, list[str]]]:
        labels = paragraph_labels(d)
        return [(labels[p.id], p.headings) for p in d.operative if p.headings]

    doc = read_document(SHAPES / "sectioned-operative_oceans-law-of-the-sea.txt")
    expected = [
        ("1.", ["I", "Implementation of the Convention and related agreements and instruments"]),
        ("3.", ["II", "Capacity-building"]),
        ("5.", ["III", "Meeting of States Parties"]),
    ]
    assert sections(doc) == expected and not doc.unplaced
    peace = read_document(GA_MORE / "A-RES-80-11_peacebuilding-review-2025.txt")
    assert not peace.unplaced and len(sections(peace)) == 3
    for d in (doc, peace):
        save_project(d, tmp_path / "s.unres.json")
        assert sections(load_project(tmp_path / "s.unres.json").document) == sections(d)
        write_docx(d, tmp_path / "s.docx")
        back = read_document(tmp_path / "s.docx")
        assert sections(back) == sections(d)
        assert [p.text for p in back.operative] == [p.text for p in d.operative]


def _annex_texts() -> list[Path]:
    """The real texts: the UN's, their extractions, the shapes and the bundled corpus."""
    real = DATA / "realdocs"
    folders = [real / f for f in ("ga", "ga-more", "railcar", "un-docx", "pdf")]
    folders += [SHAPES, ROOT / "resources" / "corpus"]
    kinds = (".txt", ".md", ".docx", ".pdf")
    return [
        p
        for f in folders
        for p in sorted(f.iterdir())
        if p.suffix in kinds and p.stem not in ("README", "INDEX")
    ]


def test_every_annex_is_numbered_as_printed() -> None:
    """On every real text with an annex (declarations in sections, decisions with their
    guidelines, a convention in articles), each paragraph of the annex has the number it
    was printed with, and none where none was printed: its export prints what was read.
    Before, every paragraph of an annex was numbered 1, 2, … on through the annex: a
    convention's preamble took numbers, its articles' paragraphs ran on ("7." for
    Article 3's paragraph 1), and decision 6/CMA.3's headings "1. Education" … "6.
    International cooperation" were read as paragraphs, putting paragraphs 18–42 out."""
    seen = 0
    for path in _annex_texts():
        for doc in read_documents(path):
            for annex in doc.annexes:
                labels = annex_labels(annex)
                for p in annex.paragraphs():
                    seen += 1
                    assert labels[p.id] == (p.source_label or ""), (path.name, p.text[:60])
    assert seen > 400


def test_a_convention_is_numbered_within_its_articles() -> None:
    doc = read_document(SHAPES / "convention-annex_cybercrime.txt")
    (annex,) = doc.annexes
    assert annex.restarts
    # "Preamble" is the first heading, not a second line of the title.
    assert annex.lines == ["United Nations Convention against Cybercrime"]
    labels = annex_labels(annex)
    shown = [
        b.text if isinstance(b, Heading) else (labels[b.id], b.text.split(" ", 2)[:2])
        for b in annex.blocks
    ]
    assert shown[:10] == [
        "Preamble",
        ("", ["The", "States"]),
        ("", ["Bearing", "in"]),
        ("", ["Noting", "that"]),
        ("", ["Have", "agreed"]),
        "Chapter I",
        "General provisions",
        "Article 1",
        "Statement of purpose",
        ("", ["The", "purposes"]),
    ]
    assert [labels[c.id] for c in annex.paragraphs()[4].children] == ["(a)", "(b)", "(c)"]
    article_3 = shown.index("Article 3")
    assert shown[article_3 + 2 : article_3 + 4] == [
        ("1.", ["This", "Convention"]),
        ("2.", ["For", "the"]),
    ]
    article_8 = shown.index("Article 8")
    assert shown[article_8 + 2] == ("", ["Each", "State"])
    assert shown[-2:] == [("", ["This", "Convention"]), ("", ["In", "witness"])]
    assert doc.warnings == []


def test_a_declaration_in_sections_numbers_on_through_its_headings() -> None:
    """Awaza's sections ("I. Global context …") do not restart its numbering."""
    doc = read_document(
        DATA / "realdocs" / "ga" / "A-RES-80-3_awaza-political-declaration-2025.txt"
    )
    (annex,) = doc.annexes
    assert not annex.restarts
    labels = [annex_labels(annex)[p.id] for p in annex.paragraphs()]
    assert labels == [f"{n}." for n in range(1, len(labels) + 1)]


def test_rules_of_procedure_are_numbered_within_each_rule() -> None:
    """Annex I of rules: the section and the first rule's headings above its first
    paragraph are headings (not lines of its title), and "Rule 2 / 1. … 2. …", the only
    numbered rule, is read as numbered within its rule; annex II, an agenda, runs on."""
    doc = read_document(SHAPES / "rules-of-procedure-annex_committee.txt")
    rules, agenda = doc.annexes
    assert rules.title == "Annex I"
    assert rules.lines == ["Rules of procedure of the intergovernmental committee"]
    heads = [b.text for b in rules.blocks if isinstance(b, Heading)]
    assert heads[:3] == ["I. Sessions", "Rule 1", "Dates of sessions"]
    assert rules.restarts and not agenda.restarts
    assert [annex_labels(rules)[p.id] for p in rules.paragraphs()] == ["", "1.", "2.", ""]
    assert [annex_labels(agenda)[p.id] for p in agenda.paragraphs()] == ["1.", "2.", "3.", "4."]
    assert doc.adoption == "62nd plenary meeting\n19 December 2024"


def test_a_plenary_draft_submitted_by_the_president_keeps_its_title() -> None:
    """A/79/L.39's line "Draft resolution submitted by the President of the General
    Assembly" stands where a sponsors line would: before, it was read as the start of the
    title, and the text as an adopted resolution."""
    doc = read_document(SHAPES / "plenary-draft_submitted-by-the-president.txt")
    assert doc.kind is DocumentKind.DRAFT
    assert doc.title == "Inclusive policies and programmes to address homelessness"
    assert doc.masthead is not None and doc.masthead.sponsors == []
    assert doc.masthead.submitted_line() == (
        "Draft resolution submitted by the President of the General Assembly"
    )


def test_lettered_annexes_of_a_council_resolution() -> None:
    """S/RES/2231 (2015) prints "Annex A" and "Annex B": before, not read as annex lines,
    their paragraphs ran on as operative paragraphs 5–8, with false OPENER errors."""
    text = (SHAPES / "security-council_resolution-form.txt").read_text(encoding="utf-8")
    text = text.rstrip() + (
        "\n\nAnnex A\nStatement by the Council\n\n1. The Council notes the arrangements.\n\n"
        "2. The arrangements shall apply from 1 January 2024.\n\nAnnex B\nList of entities\n\n"
        "1. The first entity.\n\n2. The second entity.\n"
    )
    doc = read_text(text, "sc-annexes.txt")
    assert len(doc.operative) == 4
    assert [(a.title, a.lines, len(a.paragraphs())) for a in doc.annexes] == [
        ("Annex A", ["Statement by the Council"], 2),
        ("Annex B", ["List of entities"], 2),
    ]


def test_a_resumed_meeting_is_the_adoption_line() -> None:
    """ "62nd (resumed) plenary meeting": the meeting a text adopted at a resumed meeting
    prints; before, it was read as a last operative paragraph."""
    text = (SHAPES / "rules-of-procedure-annex_committee.txt").read_text(encoding="utf-8")
    doc = read_text(text.replace("62nd plenary meeting", "62nd (resumed) plenary meeting"), "r.txt")
    assert doc.adoption == "62nd (resumed) plenary meeting\n19 December 2024"
    assert len(doc.operative) == 2


def test_a_reissued_symbol_keeps_its_symbol_and_its_note() -> None:
    """ "A/C.3/80/L.21*" (reissued for technical reasons): before, not read as the symbol,
    the draft had none, and the note "* Reissued for technical reasons on …" at the foot
    of its page 1 was a note without a mark (a false FN-NUMBER warning)."""
    text = (SHAPES / "main-committee_draft-resolution.txt").read_text(encoding="utf-8")
    text = text.replace("A/C.3/80/L.21\n", "A/C.3/80/L.21*\n", 1).rstrip()
    text += "\n\n__________________\n* Reissued for technical reasons on 5 November 2025.\n"
    doc = read_text(text, "reissued.txt")
    assert doc.masthead is not None and doc.masthead.symbol == "A/C.3/80/L.21"
    assert doc.masthead.symbol_note == "Reissued for technical reasons on 5 November 2025."
    assert doc.footnotes == [] and doc.unplaced == []
    assert doc.masthead.committee == "Third Committee"
    assert doc.title == "Inclusive policies and programmes to address homelessness"


def test_a_draft_the_council_recommends_is_its_quoted_text() -> None:
    """ "Recommends to the General Assembly the adoption of the following draft resolution:"
    then the draft, each paragraph opening with a quotation mark: before, its paragraphs
    were read as the Council's operative paragraphs 2–6 (five errors and five warnings:
    "“1.” is not a verb", the Council's last paragraph without a full stop). Now the
    quoted draft is a text adopted inline, printed as it is, its numbers in its words."""
    doc = read_document(SHAPES / "ecosoc_recommends-a-draft.txt")
    assert [p.text[:10] for p in doc.operative] == ["Recommends"]
    (draft,) = doc.annexes
    assert draft.title == "" and draft.lines == []
    texts = [p.text for p in draft.paragraphs()]
    assert [t[:12] for t in texts] == [
        '"The General',
        '"Recalling i',
        '"Noting with',
        '"1. Requests',
        '"2. Decides ',
    ]
    assert texts[-1].endswith('session."')
    assert not any(isinstance(b, Heading) for b in draft.blocks)
    assert set(annex_labels(draft).values()) == {""}  # its numbers are its own words
