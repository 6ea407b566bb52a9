"""Footnote sources and UN-style rendering with Ibid. recomputed from the model."""

from __future__ import annotations

import pytest

from drafting_app.citations.parse import attach_citations, parse_citation, read_citations
from drafting_app.citations.render import CitationRule, full_text, render, render_footnotes
from drafting_app.corpus.readers import read_document
from drafting_app.model.citation import (
    DocumentSymbols,
    FreeText,
    OfficialRecords,
    TextCitation,
    TreatyCitation,
    UNPublication,
)
from drafting_app.model.document import Span
from tests.conftest import CORPUS_FILES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "United Nations, *Treaty Series*, vol. 2225, No. 39574.",
            TreatyCitation(("2225",), "39574"),
        ),
        ("Ibid., vol. 2237, No. 39574.", TreatyCitation(("2237",), "39574")),
        (
            "Ibid., vols. 2225, 2237, 2241 and 2326, No. 39574.",
            TreatyCitation(("2225", "2237", "2241", "2326"), "39574"),
        ),
        (
            "CTOC/COP/2010/5, CTOC/COP/2010/6 and CTOC/COP/2010/11.",
            DocumentSymbols(("CTOC/COP/2010/5", "CTOC/COP/2010/6", "CTOC/COP/2010/11")),
        ),
        ("E/CN.15/2006/10.", DocumentSymbols(("E/CN.15/2006/10",))),
        ("United Nations publication, Sales No. E.09.V.11.", UNPublication("E.09.V.11")),
        (
            "General Assembly resolution 55/25, annex I.",
            TextCitation("resolution", "General Assembly", "55/25", "", "annex I"),
        ),
        ("Resolution 70/1.", TextCitation("resolution", "", "70/1")),
        ("Resolution 217 A (III).", TextCitation("resolution", "", "217 A (III)")),
        (
            "*Official Records of the General Assembly, Sixty-fifth Session, Supplement No. 49*"
            " (A/65/49).",
            OfficialRecords("General Assembly", "Sixty-fifth Session", "49", "A/65/49"),
        ),
        ("See resolution 169 (II).", FreeText("See resolution 169 (II).")),
    ],
)
def test_parse_citation_reads_the_un_forms(text: str, expected: object) -> None:
    assert parse_citation(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "United Nations, *Treaty Series*, vol. 2225, No. 39574.",
        "CTOC/COP/2010/5, CTOC/COP/2010/6 and CTOC/COP/2010/11.",
        "United Nations publication, Sales No. E.09.V.11.",
        "General Assembly resolution 55/25, annex I.",
        "Resolution 70/1.",
        "*Official Records of the General Assembly, Sixty-fifth Session, Supplement No. 49* "
        "(A/65/49).",
        "Council of Europe and the United Nations, *Trafficking in Organs* (Strasbourg, 2009).",
    ],
)
def test_full_text_round_trips_with_italics(text: str) -> None:
    rendered, italics = full_text(parse_citation(text))
    marked = rendered
    for span in sorted(italics, key=lambda s: s.start, reverse=True):
        marked = f"{marked[: span.start]}*{marked[span.start : span.end]}*{marked[span.end :]}"
    assert marked == text


def test_treaty_series_is_italic() -> None:
    text, italics = full_text(TreatyCitation(("2225",), "39574"))
    assert [text[s.start : s.end] for s in italics] == ["Treaty Series"]


def test_france_draft_footnotes_render_as_issued() -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    rendered = render_footnotes(doc)
    assert [r.text for r in rendered] == [
        "United Nations, Treaty Series, vol. 2225, No. 39574.",
        "Ibid., vol. 2237, No. 39574.",
        "Ibid., vol. 2241, No. 39574.",
        "Ibid., vols. 2225, 2237, 2241 and 2326, No. 39574.",
        "CTOC/COP/2008/8.",
    ]
    assert rendered[0].italics == (Span(16, 29),)
    assert [r.number for r in rendered] == [1, 2, 3, 4, 5]


def test_moving_operative_paragraphs_rewrites_the_ibid_chain() -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    attach_citations(doc)
    # A draft without the first recital: the Trafficking Protocol note becomes the first.
    first = doc.preamble.pop(0)
    doc.footnotes = [f for f in doc.footnotes if f.id != first.anchors[0].footnote_id]
    assert [r.text for r in render_footnotes(doc)][:3] == [
        "United Nations, Treaty Series, vol. 2237, No. 39574.",
        "Ibid., vol. 2241, No. 39574.",
        "Ibid., vols. 2225, 2237, 2241 and 2326, No. 39574.",
    ]
    # Move op 1 below op 3: op 3's note comes first and carries the full citation.
    op1 = doc.operative.pop(0)
    doc.operative.insert(2, op1)
    assert [r.text for r in render_footnotes(doc)][:3] == [
        "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
        "Ibid., vol. 2237, No. 39574.",
        "Ibid., vol. 2241, No. 39574.",
    ]


def test_resolution_5_2_dangling_ibid_renders_as_full_citation() -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    rendered = render_footnotes(doc)
    assert rendered[0].text == "United Nations, Treaty Series, vol. 2225, No. 39574."
    assert rendered[1].text == "Ibid., vol. 2237, No. 39574."


def test_a_bare_ibid_takes_the_previous_source_and_a_break_restores_the_full_text() -> None:
    sources = read_citations(["Resolution 70/1.", "Ibid.", "A/80/83.", "Ibid."])
    assert sources[1] == TextCitation("resolution", "", "70/1")
    assert [r.text for r in render(sources)] == ["Resolution 70/1.", "Ibid.", "A/80/83.", "Ibid."]
    reordered = [sources[0], sources[2], sources[1]]
    assert [r.text for r in render(reordered)] == [
        "Resolution 70/1.",
        "A/80/83.",
        "Resolution 70/1.",
    ]


def test_ibid_can_be_switched_off_per_body() -> None:
    sources = read_citations(["A/80/83.", "A/80/83."])
    assert [r.text for r in render(sources, CitationRule(use_ibid=False))] == ["A/80/83."] * 2


def test_a_dangling_bare_ibid_stays_visible() -> None:
    assert [r.text for r in render(read_citations(["Ibid."]))] == ["Ibid."]
