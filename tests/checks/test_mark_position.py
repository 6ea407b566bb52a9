"""Issue 20 item 6, the checks side: a footnote mark before the punctuation ("Crime¹,")
breaks the English rule; FN-MARK says so and its fix moves the mark after the comma (as
the export prints it), keeping the italics; a real text that breaks it is reported there."""

from __future__ import annotations

from drafting_app.checks.findings import Severity, apply_fix
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import read_document, read_text
from drafting_app.corpus.registry import Registry
from drafting_app.export.blocks import printed_mark_offset
from drafting_app.model.document import Anchor, Document, Span
from tests.conftest import REALDOCS

TEXT = """Resolution 1/1

Trafficking in persons

The Conference of the Parties to the United Nations Convention against Transnational \
Organized Crime,

Recalling the United Nations Convention against Transnational Organized Crime,¹

1. *Decides* to continue its consideration of the matter.

¹ United Nations, *Treaty Series*, vol. 2225, No. 39574.
"""


def marked_before_the_comma() -> Document:
    doc = read_text(TEXT)
    p = doc.preamble[0]
    (mark,) = p.anchors
    assert p.text[mark.offset - 1] == ","
    p.anchors = [Anchor(mark.offset - 1, mark.footnote_id)]  # "Crime¹,"
    p.italics = [Span(0, 9), Span(p.text.index("Organized"), mark.offset - 1)]
    return doc


def test_a_mark_before_the_comma_is_found_and_moved_after_it(registry: Registry) -> None:
    doc = marked_before_the_comma()
    assert [f.code for f in run_checks(read_text(TEXT), registry) if f.code == "FN-MARK"] == []
    (finding,) = [f for f in run_checks(doc, registry) if f.code == "FN-MARK"]
    assert finding.severity is Severity.SUGGESTION  # the export prints it right
    assert "in English a footnote mark follows the punctuation (“Crime,¹”, not “Crime¹,”)" in (
        finding.message
    )
    assert finding.fix is not None
    fixed = apply_fix(doc, finding.fix)
    p, q = doc.preamble[0], fixed.preamble[0]
    assert q.text == p.text
    assert [a.offset for a in q.anchors] == [len(q.text)]  # after the comma
    assert q.italics == p.italics  # "Organized Crime" still in one italic span
    assert [f for f in run_checks(fixed, registry) if f.code == "FN-MARK"] == []
    # Where the finding says the export prints it, the fix puts it.
    assert printed_mark_offset(p.text, p.anchors[0].offset) == q.anchors[0].offset


def test_the_real_text_that_breaks_the_rule_is_reported(registry: Registry) -> None:
    """GA decision 79/512 (unedited) puts its first note before the comma: "with 9
    abstentions (Footnote: See A/79/PV.43.), on the recommendation"."""
    doc = read_document(REALDOCS / "ga" / "GA-decision-79-512_paros-oewg-2024.txt")
    (finding,) = [f for f in run_checks(doc, registry) if f.code == "FN-MARK"]
    assert "abstentions,¹" in finding.message
