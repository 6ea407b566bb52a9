"""Issue 20 item 3: the OPENER fix is a whole fix — a lower-case known opener becomes the
capitalized opener in italics (as typed ones are), a leading space goes, and the checks
find nothing more to say about it; italic spans never begin or end on a space (model)."""

from __future__ import annotations

import pytest

from drafting_app.checks.findings import apply_fix
from drafting_app.checks.runner import run_checks
from drafting_app.clauses.document_templates import new_document
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document, Footnote, Paragraph, Span
from drafting_app.model.text_edits import EditFootnote, SetText, trimmed_italics

URGES = "urges States parties to implement the Convention;"
DECIDES = "Decides to continue its consideration of the matter at its next session."


def draft(*operative: Paragraph, preamble: tuple[Paragraph, ...] = ()) -> Document:
    doc = new_document("cop-draft-resolution", title="Implementation", symbol="CTOC/COP/2024/L.4")
    doc.preamble.extend(preamble)
    doc.operative.extend([*operative, Paragraph(DECIDES, italics=[Span(0, 7)])])
    return doc


def opener_findings(doc: Document, registry: Registry, pid: str) -> list[str]:
    return [
        f.message
        for f in run_checks(doc, registry)
        if f.code == "OPENER" and f.location.paragraph_id == pid
    ]


@pytest.mark.parametrize(
    ("text", "italics", "fixed"),
    [
        (URGES, [], "Urges States parties to implement the Convention;"),
        (URGES, [Span(0, 5)], "Urges States parties to implement the Convention;"),
        (" " + URGES, [], "Urges States parties to implement the Convention;"),
        ("also urges States to act;", [], "Also urges States to act;"),
    ],
)
def test_the_fix_leaves_a_correct_operative_paragraph(
    text: str, italics: list[Span], fixed: str, registry: Registry
) -> None:
    p = Paragraph(text, italics=italics)
    doc = draft(Paragraph("Urges States to act;", italics=[Span(0, 5)]), p)
    (finding,) = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
    assert finding.fix is not None
    assert "italics" in finding.fix.description or italics
    after = apply_fix(doc, finding.fix)
    q = after.paragraph(p.id)
    assert q.text == fixed
    opener = fixed.split(" States")[0]
    assert [q.text[s.start : s.end] for s in q.italics] == [opener]
    assert opener_findings(after, registry, p.id) == []


def test_a_preambular_opener_is_fixed_the_same_way(registry: Registry) -> None:
    p = Paragraph("recalling also its decision 4/4 of 17 October 2008,")
    doc = draft(Paragraph("Urges States to act;", italics=[Span(0, 5)]), preamble=(p,))
    (finding,) = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
    assert finding.fix is not None
    q = apply_fix(doc, finding.fix).paragraph(p.id)
    assert q.text.startswith("Recalling also its decision")
    assert [q.text[s.start : s.end] for s in q.italics] == ["Recalling also"]


def test_an_unknown_word_is_only_capitalized(registry: Registry) -> None:
    p = Paragraph("frobnicates States to act;")
    doc = draft(p)
    (finding,) = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
    assert finding.fix is not None
    q = apply_fix(doc, finding.fix).paragraph(p.id)
    assert q.text == "Frobnicates States to act;" and q.italics == []


def test_italic_spans_never_begin_or_end_on_a_space() -> None:
    text = "Urges  States parties"
    assert trimmed_italics(text, [Span(0, 6)]) == [Span(0, 5)]
    assert trimmed_italics(text, [Span(5, 7)]) == []
    assert trimmed_italics(text, [Span(5, 13)]) == [Span(7, 13)]
    doc = draft(p := Paragraph("Urges States to act;"))
    SetText(p.id, p.text, [Span(0, 6)], []).apply(doc)
    assert doc.paragraph(p.id).italics == [Span(0, 5)]
    doc.footnotes.append(note := Footnote("United Nations"))
    EditFootnote(note.id, "United Nations, Treaty Series, vol. 2225", [Span(15, 29)]).apply(doc)
    assert doc.footnote(note.id).italics == [Span(16, 29)]  # "Treaty Series"
