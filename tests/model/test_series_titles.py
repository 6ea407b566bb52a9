"""Series titles in footnotes print in italics (UN_FORMAT.md §5) whatever the note came from:
a plain-text source, a PDF, typing or the citation tool (user trial 11: "Treaty Series" was
italic in some notes and not in others, and never in the Word export of a text read from a
.txt)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from drafting_app.corpus.readers import read_document
from drafting_app.export.docx_writer import write_docx
from drafting_app.model.document import Span
from drafting_app.model.series_titles import series_title_spans, with_series_titles
from tests.conftest import REALDOCS
from tests.export.docx_helpers import W, part_xml

ICC = REALDOCS / "ga" / "A-RES-80-6_icc-report-2025.txt"


def _words(text: str, spans: list[Span]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_the_titles_of_the_series_and_nothing_else() -> None:
    cases = {
        "United Nations, Treaty Series, vol. 2225, No. 39574.": ["Treaty Series"],
        "Ibid., vol. 2237, No. 39574.": [],
        "See the Treaty Series of the League of Nations.": [],  # not the UN's series
        "Official Records of the General Assembly, Seventy-third Session, Supplement No. 25"
        " (A/73/25).": [
            "Official Records of the General Assembly, Seventy-third Session, Supplement No. 25"
        ],
        "Official Records of the General Assembly, Thirty-fourth Session, Supplement No. 45"
        " and corrigendum (A/34/45 and Corr.1).": [
            "Official Records of the General Assembly, Thirty-fourth Session, Supplement No. 45"
        ],
        "Official Records of the Economic and Social Council, 2019, Supplement No. 10"
        " (E/2019/30).": [
            "Official Records of the Economic and Social Council, 2019, Supplement No. 10"
        ],
        "Official Records of the General Assembly, Seventy-seventh Session, Supplement"
        " No. 53A (A/77/53/Add.1).": [
            "Official Records of the General Assembly, Seventy-seventh Session, Supplement No. 53A"
        ],
        # no supplement number: not a title this rule can bound
        "See the Official Records of the General Assembly for that session.": [],
    }
    for text, expected in cases.items():
        assert _words(text, series_title_spans(text)) == expected, text


def test_an_italic_span_grows_to_the_whole_title_and_a_roman_one_is_left_alone() -> None:
    text = "Official Records of the General Assembly, Eightieth Session, Supplement No. 25."
    typed_on = with_series_titles(text, [Span(0, text.index("5."))], near=(76, 77))
    assert _words(text, typed_on) == [text[:-1]]  # "No. 2" italic, "5" typed on: one span
    tsr = "United Nations, Treaty Series, vol. 2225, No. 39574."
    # an edit to the volume number leaves a title the drafter set roman by hand roman
    assert with_series_titles(tsr, [], near=(36, 40)) == []
    assert with_series_titles(tsr, [Span(16, 29)]) == [Span(16, 29)]  # nothing doubled


def test_a_plain_text_resolution_reads_and_exports_its_series_in_italics(tmp_path: Path) -> None:
    doc = read_document(ICC)
    notes = {f.text: _words(f.text, f.italics) for f in doc.footnotes}
    assert notes["United Nations, Treaty Series, vol. 2187, No. 38544."] == ["Treaty Series"]
    assert notes["Official Records of the General Assembly, Eightieth Session, Supplement No. 1"
                 " (A/80/1)."] == [
        "Official Records of the General Assembly, Eightieth Session, Supplement No. 1"
    ]  # fmt: skip
    out = write_docx(doc, tmp_path / "icc.docx")
    italic = _italic_words(out)
    assert "Treaty Series" in italic
    assert "Official Records of the General Assembly, Eightieth Session, Supplement No. 1" in italic
    assert not any("vol." in words or "(A/80/1)" in words for words in italic)


def _italic_words(docx_path: Path) -> list[str]:
    """The texts of the italic runs of the exported footnotes."""
    root = etree.fromstring(part_xml(docx_path, "word/footnotes.xml"))
    return [
        "".join(t.text or "" for t in r.iter(f"{W}t"))
        for r in root.iter(f"{W}r")
        if r.find(f"{W}rPr/{W}i") is not None
    ]
