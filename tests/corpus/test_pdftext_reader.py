"""The PDF-text reader on the real General Assembly texts of tests/data/realdocs/ga: the counts
made by hand from the official PDFs (realdocs/INDEX.md), footnote marks found among the bare
digits of the text layer, and nothing of the input lost (issue 2 §4, issue 8 §3)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from drafting_app import cli
from drafting_app.corpus.readers import read_document, read_text
from drafting_app.corpus.readers.forms import is_pdf_text
from drafting_app.corpus.readers.pdftext import PdfTextReader
from drafting_app.model import Document, DocumentKind, Form, Paragraph, RefKind
from drafting_app.model.describe import document_text
from drafting_app.model.numbering import footnote_numbers, number_operative, paragraph_labels
from drafting_app.model.references import find_references
from tests.conftest import CORPUS_FILES, REALDOCS

GA = REALDOCS / "ga"


@dataclass(frozen=True)
class Expected:
    """Counts from realdocs/INDEX.md: preambular, operative (with sub-paragraphs), footnotes
    (of which Ibid.), annex paragraphs (with sub-paragraphs)."""

    pre: int
    op: int
    op_sub: int
    notes: int
    ibid: int = 0
    annex: tuple[int, int] | None = None


EXPECTED = {
    "A-RES-80-9_tip-political-declaration-2025.txt": Expected(0, 1, 0, 15, 3, (31, 13)),
    "A-RES-80-6_icc-report-2025.txt": Expected(14, 32, 0, 10),
    "A-RES-80-1_palestine-participation-2025.txt": Expected(5, 3, 3, 1),
    "A-RES-80-10_indigenous-women-girls-day-2025.txt": Expected(11, 3, 0, 13, 3),
    "A-RES-80-4_cuba-embargo-2025.txt": Expected(8, 5, 0, 1),
    "A-RES-80-2_article-19-exemptions-2025.txt": Expected(2, 6, 0, 1),
    "A-RES-80-3_awaza-political-declaration-2025.txt": Expected(1, 2, 0, 16, 0, (25, 5)),
    "A-RES-80-5_doha-social-summit-declaration-2025.txt": Expected(0, 1, 0, 15, 0, (44, 122)),
    "GA-decision-79-512_paros-oewg-2024.txt": Expected(3, 5, 5, 3),
}
DECISION_PARTS = "GA-decision-79-537-ABC_lldc-conference-2024.txt"


def read(name: str) -> Document:
    return PdfTextReader().read((GA / name).read_text(encoding="utf-8"))


def subs(paras: list[Paragraph]) -> int:
    return sum(len(list(p.walk())) - 1 for p in paras)


def marked(doc: Document, para: Paragraph) -> list[tuple[int, str]]:
    """(footnote number, the 12 characters before the mark) for each mark in ``para``."""
    numbers = footnote_numbers(doc)
    return [
        (numbers[a.footnote_id], para.text[max(0, a.offset - 12) : a.offset])
        for a in sorted(para.anchors, key=lambda a: a.offset)
    ]


def test_every_ga_file_is_covered_by_the_table() -> None:
    assert sorted(p.name for p in GA.glob("*.txt")) == sorted([*EXPECTED, DECISION_PARTS])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_counts_match_the_index(name: str) -> None:
    exp = EXPECTED[name]
    doc = read(name)
    assert len(doc.preamble) == exp.pre
    assert len(doc.operative) == exp.op
    assert subs(doc.operative) == exp.op_sub
    assert len(doc.footnotes) == exp.notes
    assert sum(f.text.startswith("Ibid") for f in doc.footnotes) == exp.ibid
    if exp.annex is None:
        assert doc.annexes == []
    else:
        (annex,) = doc.annexes
        assert (len(annex.paragraphs()), subs(annex.paragraphs())) == exp.annex
    # every footnote is attached to exactly one mark, in numbering order
    anchors = [a for p in doc.all_paragraphs() for a in p.anchors]
    assert len(anchors) == exp.notes
    assert [f.source_number for f in doc.anchored_footnotes()] == [
        str(i) for i in range(1, exp.notes + 1)
    ]
    assert doc.unplaced == []


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.startswith("A-RES")))
def test_masthead_and_front_matter(name: str) -> None:
    doc = read(name)
    number = re.search(r"A-RES-80-(\d+)", name)
    assert number is not None
    mh = doc.masthead
    assert mh is not None
    assert mh.symbol == f"A/RES/80/{number.group(1)}"
    assert mh.body == "General Assembly"
    assert mh.distribution == "General"
    assert mh.session == "Eightieth session"
    assert mh.agenda_item.startswith("Agenda item ")
    assert re.fullmatch(r"\d{1,2} \w+ 2025", mh.date)
    assert doc.heading == f"80/{number.group(1)}."
    assert doc.kind is DocumentKind.RESOLUTION
    assert doc.front_matter[0] == "Resolution adopted by the General Assembly"
    assert doc.front_matter[1].startswith("on ")
    assert doc.front_matter[2].startswith("[") and doc.front_matter[2].endswith("]")
    assert re.fullmatch(r"\d+(st|nd|rd|th) plenary meeting\n\d{1,2} \w+ 2025", doc.adoption)


def test_80_1_subparagraphs_and_internal_reference() -> None:
    doc = read("A-RES-80-1_palestine-participation-2025.txt")
    assert doc.title == "Participation by the State of Palestine during the eightieth session"
    assert doc.masthead is not None
    assert doc.masthead.agenda_title == (
        "Organization of work, adoption of the agenda and allocation of items"
    )
    op1 = doc.operative[0]
    assert op1.text.endswith("that:")
    labels = paragraph_labels(doc)
    assert [labels[c.id] for c in op1.children] == ["(a)", "(b)", "(c)"]
    refs = [r for r in find_references(doc.operative[1].text) if r.kind is RefKind.INTERNAL]
    assert [(r.text, r.paragraph, r.subparagraph, r.direction) for r in refs] == [
        ("paragraph 1 (a) above", "1", "(a)", "above")
    ]
    assert doc.footnotes[0].text == "See resolution 169 (II)."
    (cite,) = find_references(doc.footnotes[0].text)
    assert cite.number == "169 (II)"
    assert marked(doc, doc.preamble[0]) == [(1, "ited Nations")]
    assert "the United Nations are prevented" in doc.preamble[0].text


def test_80_6_mark_after_semicolon_and_citation_forms() -> None:
    doc = read("A-RES-80-6_icc-report-2025.txt")
    op1 = doc.operative[0]
    assert op1.text == "Welcomes the report of the International Criminal Court for 2024/25;"
    assert marked(doc, op1) == [(4, "for 2024/25;")]
    assert doc.footnote(op1.anchors[0].footnote_id).text == "A/80/342."
    acknowledging = doc.preamble[9]
    kinds = [(r.kind, r.text) for r in find_references(acknowledging.text)]
    assert (RefKind.PARAGRAPH, "paragraph 3 of the resolution") in kinds
    arts = [r for r in find_references(doc.operative[17].text) if r.kind is RefKind.ARTICLE]
    assert [(r.article, r.paragraph, r.target) for r in arts] == [
        ("12", "3", "the Rome Statute"),
        ("12", "2", "the Rome Statute"),
    ]
    # "2024/25" itself and "2025/26" keep their digits
    assert doc.operative[31].text.endswith(
        "a report on its activities for 2025/26, for consideration by the General Assembly "
        "at its eighty-first session."
    )


def test_80_10_five_spaced_and_glued_marks_in_one_paragraph() -> None:
    doc = read("A-RES-80-10_indigenous-women-girls-day-2025.txt")
    para = doc.preamble[1]
    assert marked(doc, para) == [
        (1, "ical Rights,"),
        (2, "ural Rights,"),
        (3, "crimination,"),
        (4, "of the Child"),
        (5, "ainst Women,"),
    ]
    assert "Rights, the International Covenant" in para.text  # the spaced digit is gone
    # the year of "the 2030 Agenda" is not a mark; mark 11 follows "Development"
    assert marked(doc, doc.preamble[3]) == [(11, " Development")]
    assert doc.preamble[3].text.startswith("Reaffirming the 2030 Agenda for Sustainable")


def test_80_3_and_80_9_marks_glued_to_years() -> None:
    awaza = read("A-RES-80-3_awaza-political-declaration-2025.txt")
    p2 = awaza.annexes[0].paragraphs()[1]
    assert [n for n, _ in marked(awaza, p2)] == [1, 2, 3]
    assert "for the Decade 2014–2024 and provides" in p2.text
    tip = read("A-RES-80-9_tip-political-declaration-2025.txt")
    p1 = tip.annexes[0].paragraphs()[0]
    assert "Political Declarations of 2017 and 2021, and evince" in p1.text
    assert [n for n, _ in marked(tip, p1)] == [1, 2, 3]


def test_80_3_annex_headings_and_restarted_numbering() -> None:
    doc = read("A-RES-80-3_awaza-political-declaration-2025.txt")
    annex = doc.annexes[0]
    assert annex.title == "Annex"
    assert annex.lines == ["Awaza Political Declaration"]
    headings = [b.text for b in annex.blocks if not isinstance(b, Paragraph)]
    assert headings[0] == "I. Global context and shared commitments"
    assert headings[2:] == [
        "Partnerships and support mechanisms",
        "Governance, accountability and monitoring",
        "III. Conclusion and call to action",
    ]
    labels = paragraph_labels(doc)
    assert [labels[p.id] for p in annex.paragraphs()] == [f"{i}." for i in range(1, 26)]
    assert [labels[p.id] for p in doc.operative] == ["1.", "2."]
    assert doc.adoption == "18th plenary meeting\n14 October 2025"


def test_80_9_authoring_line_without_comma_and_lone_adopts() -> None:
    doc = read("A-RES-80-9_tip-political-declaration-2025.txt")
    assert doc.authoring_body == "The General Assembly"
    (adopts,) = doc.operative
    assert adopts.text.startswith("Adopts the 2025 Political Declaration")
    assert [n.label for n in number_operative(doc.operative, doc.form)] == [""]
    assert doc.annexes[0].paragraphs()[0].text.startswith("We, the States Members")


def test_80_4_thirty_three_dated_citations() -> None:
    doc = read("A-RES-80-4_cuba-embargo-2025.txt")
    recalling = doc.preamble[5]
    refs = find_references(recalling.text)
    dated = [r for r in refs if r.date]
    assert len(dated) == 33
    assert [r.kind for r in dated].count(RefKind.RESOLUTION) == 32
    assert dated[-1].kind is RefKind.DECISION and dated[-1].number == "76/563"
    assert {r.body for r in dated} == {"its"}
    assert (dated[0].number, dated[0].date) == ("47/19", "24 November 1992")
    concerned = [r for r in find_references(doc.preamble[7].text) if r.kind is RefKind.RESOLUTION]
    assert len(concerned) == 32 and not any(r.date for r in concerned)
    internal = find_references(doc.operative[1].text)
    assert [r.text for r in internal] == ["the present resolution"]


def test_80_2_having_considered_and_lettered_resolution() -> None:
    doc = read("A-RES-80-2_article-19-exemptions-2025.txt")
    assert doc.preamble[0].text.startswith("Having considered chapter V")
    (cite,) = find_references(doc.operative[1].text)
    assert (cite.number, cite.date) == ("54/237 C", "23 December 1999")


def test_decision_79_512_opening_recitals_and_inline_notes() -> None:
    doc = read("GA-decision-79-512_paros-oewg-2024.txt")
    assert doc.kind is DocumentKind.DECISION
    assert doc.heading == "79/512."
    # the double space of the unedited record is kept for the checks to report
    assert doc.title.startswith("Open-ended working  group on the prevention")
    assert doc.chapeau is not None
    assert doc.chapeau.text.startswith("At its 43rd plenary meeting, on 2 December 2024,")
    assert marked(doc, doc.chapeau) == [(1, " abstentions"), (2, "t Committee,")]
    assert "with 9 abstentions, on the recommendation" in doc.chapeau.text
    assert [f.text for f in doc.footnotes] == ["See A/79/PV.43.", "A/79/406, para.21.", "A/79/364."]
    assert "its report on 16 August 2024" in doc.preamble[2].text
    labels = paragraph_labels(doc)
    assert [labels[p.id] for p in doc.operative] == ["1.", "2.", "3.", "4.", "5."]
    assert doc.operative[2].text == "Further decided:"
    internal = [r for r in find_references(doc.operative[1].text) if r.kind is RefKind.INTERNAL]
    assert internal[0].text == "paragraph 1 of the present decision"


def test_decision_79_537_in_three_parts() -> None:
    doc = read(DECISION_PARTS)
    assert doc.kind is DocumentKind.DECISION
    assert doc.heading == "79/537 A, B and C."
    assert doc.title.startswith("Further modalities of the Third United Nations Conference")
    assert not doc.preamble and not doc.operative and doc.chapeau is None
    assert [p.label for p in doc.parts] == ["A", "B", "C"]
    a, b, c = doc.parts
    assert a.form is Form.DECISION
    assert a.chapeau is not None and a.chapeau.text.endswith("decided:")
    labels = paragraph_labels(doc)
    assert [labels[p.id] for p in a.operative] == ["(a)", "(b)", "(c)"]
    for part in (b, c):
        assert part.chapeau is not None and part.chapeau.text.startswith("At its 55th (resumed)")
        assert part.chapeau.text.endswith(".") and part.operative == []
    assert [f.text for f in doc.footnotes] == ["A/79/L.20.", "A/79/L.21."]
    assert len(a.chapeau.anchors) == 1 and len(a.operative[1].anchors) == 1
    refs = find_references(b.chapeau.text)
    cited = [r for r in refs if r.kind is RefKind.PARAGRAPH]
    assert [(r.paragraph, r.target) for r in cited] == [
        ("(b)", "decision 79/537 A of 6 December 2024")
    ]
    assert doc.unplaced == []


# -- nothing silently dropped --------------------------------------------------------------
_WORD_RE = re.compile(r"[^\W\d_]+")
_NUMBER_RE = re.compile(r"\d+")


def _model_tokens(doc: Document) -> tuple[Counter[str], Counter[str]]:
    """Words and numbers the model holds, with the derived paragraph labels and footnote
    numbers (each footnote number stands twice in the input: the mark and the note)."""
    text = document_text(doc) + "\n" + doc.source
    labels = " ".join(paragraph_labels(doc).values())
    numbers = " ".join(f"{n} {n}" for n in footnote_numbers(doc).values())
    whole = f"{text}\n{labels}\n{numbers}"
    return Counter(_WORD_RE.findall(whole)), Counter(_NUMBER_RE.findall(whole))


@pytest.mark.parametrize("name", sorted([*EXPECTED, DECISION_PARTS]))
def test_every_word_of_the_input_lands_in_the_model(name: str) -> None:
    raw = (GA / name).read_text(encoding="utf-8")
    doc = PdfTextReader().read(raw)
    assert doc.source and raw.startswith("SOURCE: " + doc.source)
    # the form's own markup: the provenance key and the inline-note keyword
    markup = Counter({"SOURCE": 1, "Footnote": raw.count("(Footnote:")})
    words = Counter(_WORD_RE.findall(raw)) - markup
    held_words, held_numbers = _model_tokens(doc)
    assert words - held_words == Counter()
    missing = Counter(_NUMBER_RE.findall(raw)) - held_numbers
    # a mark glued to a year ("2014–20243") is the year plus the footnote number
    note_numbers = {str(n) for n in footnote_numbers(doc).values()}
    for number in missing:
        assert number[:4] in held_numbers and number[4:] in note_numbers, number


def test_nothing_dropped_when_a_note_has_no_mark() -> None:
    text = (
        "80/1. Title\n\nThe General Assembly,\n\nRecalling its resolution 1/1,\n\n"
        "1. Decides to act.\n\n__________\n1 A note nobody marks.\n"
    )
    doc = PdfTextReader().read(text)
    assert [f.text for f in doc.footnotes] == ["A note nobody marks."]
    assert doc.unplaced == ["footnote 1 has no mark in the text"]
    assert doc.preamble[0].text == "Recalling its resolution 1/1,"  # "1/1" is no mark


# -- dispatch and command line --------------------------------------------------------------
def test_is_pdf_text_tells_the_forms_apart() -> None:
    for path in GA.glob("*.txt"):
        assert is_pdf_text(path.read_text(encoding="utf-8")), path.name
    for path in CORPUS_FILES.values():
        assert not is_pdf_text(path.read_text(encoding="utf-8")), path.name
    no_source = "80/1. Title\n\nThe General Assembly,\n\n1. Decides.1\n\n_____\n1 A note.\n"
    assert is_pdf_text(no_source)


def test_read_text_and_read_document_dispatch_to_the_pdf_text_reader() -> None:
    path = GA / "A-RES-80-6_icc-report-2025.txt"
    for doc in (read_text(path.read_text(encoding="utf-8")), read_document(path)):
        assert (len(doc.preamble), len(doc.operative), len(doc.footnotes)) == (14, 32, 10)
    assert read_document(path).source == str(path)


def test_parse_json_on_a_ga_file(capsys: pytest.CaptureFixture[str]) -> None:
    path: Path = GA / "A-RES-80-10_indigenous-women-girls-day-2025.txt"
    assert cli.main(["parse", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["heading"] == "80/10."
    assert out["masthead"]["symbol"] == "A/RES/80/10"
    assert len(out["preamble"]) == 11
    assert [p["number"] for p in out["operative"]] == ["1.", "2.", "3."]
    assert [f["number"] for f in out["footnotes"]] == list(range(1, 14))
    assert [f["number"] for f in out["preamble"][1]["footnotes"]] == [1, 2, 3, 4, 5]
    assert out["footnotes"][1]["text"] == "Ibid."
    assert out["unplaced"] == []


def test_parse_shows_the_parts_of_a_decision(capsys: pytest.CaptureFixture[str]) -> None:
    path = GA / DECISION_PARTS
    assert cli.main(["parse", str(path)]) == 0
    text = capsys.readouterr().out
    assert "part A (decision form): 3 paragraphs" in text
    assert "part C (decision form): 0 paragraphs" in text
    assert cli.main(["parse", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [p["label"] for p in out["parts"]] == ["A", "B", "C"]
    assert [p["number"] for p in out["parts"][0]["operative"]] == ["(a)", "(b)", "(c)"]
    chapeau = out["parts"][0]["chapeau"]
    ((mark,),) = [chapeau["footnotes"]]
    assert mark["number"] == 1
    assert chapeau["text"][: mark["offset"]].endswith("United Republic of Tanzania and Zimbabwe,")
