"""Checks of a negotiated draft (NEGO-*), on the real resolution A/RES/80/6 with the real
registry: typed brackets without a partner, an alternative set down to one option, an
agreed paragraph with brackets or open proposals, a change of an agreed paragraph (who and
when), references to bis/ter labels. A draft not in negotiation gets none of them."""

from __future__ import annotations

import pytest

from drafting_app.checks.findings import Severity
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import read_document
from drafting_app.model.document import Paragraph, Part, Span
from drafting_app.model.negotiation import ProposalKind, Status
from drafting_app.model.negotiation_edits import (
    AcceptProposal,
    AddAlternative,
    AddBracket,
    DropOption,
    NewRound,
    Propose,
    ProposeParagraph,
    SetStatus,
)
from drafting_app.model.text_edits import retype
from tests.model.negotiation_setup import ICC, deterministic, icc_in_negotiation


@pytest.fixture
def doc():
    with deterministic():
        yield icc_in_negotiation()


def nego(findings):
    return [(f.code, f.severity, f.location.paragraph_label, f.message) for f in findings
            if f.code.startswith("NEGO")]  # fmt: skip


def test_an_untouched_negotiation_and_a_plain_draft_have_no_findings(doc, ga_registry):
    assert nego(run_checks(doc, ga_registry)) == []
    assert nego(run_checks(read_document(ICC), ga_registry)) == []


def test_a_typed_bracket_without_partner(doc, ga_registry):
    p = doc.operative[0]
    retype(p, p.text.replace("report of", "[report] of [the")).apply(doc)
    found = nego(run_checks(doc, ga_registry))
    assert [(c, s, label) for c, s, label, _ in found] == [("NEGO-BRACKET", Severity.ERROR, "OP1")]
    assert "the typed “[” has no closing bracket" in found[0][3]


def test_an_alternative_set_with_one_option_left(doc, ga_registry):
    p = doc.operative[16]
    AddAlternative(p.id, 0, 7, "Encourages", "EU").apply(doc)
    DropOption(p.id, doc.negotiation.records[p.id].alternatives[0].id, 1).apply(doc)
    [(code, severity, label, message)] = nego(run_checks(doc, ga_registry))
    assert (code, severity, label) == ("NEGO-ALT", Severity.WARNING, "OP17")
    assert "“Invites” are down to one option" in message


def test_an_agreed_paragraph_with_brackets_or_open_proposals(doc, ga_registry):
    p = doc.operative[1]
    AddBracket(p.id, 0, 13).apply(doc)
    Propose(p.id, ProposalKind.DELETE_PARAGRAPH, "CANZ").apply(doc)
    SetStatus(p.id, Status.AGREED).apply(doc)
    [(code, _, label, message)] = nego(run_checks(doc, ga_registry))
    assert (code, label) == ("NEGO-AGREED", "OP2")
    assert "still has 1 bracketed passage and 1 open proposal(s) (CANZ)" in message


def test_a_change_of_an_agreed_paragraph_says_who_and_when(doc, ga_registry):
    p = doc.operative[0]
    end = p.text.index(";")
    Propose(p.id, ProposalKind.INSERT, "United States", end, end, " and its work").apply(doc)
    proposal = doc.negotiation.records[p.id].proposals[0]
    SetStatus(p.id, Status.AGREED).apply(doc)
    assert [f[0] for f in nego(run_checks(doc, ga_registry))] == ["NEGO-AGREED"]
    NewRound().apply(doc)
    AcceptProposal(p.id, proposal.id).apply(doc)
    [(code, severity, label, message)] = nego(run_checks(doc, ga_registry))
    agreed = doc.negotiation.records[p.id].agreed
    change = doc.negotiation.records[p.id].changes[0]
    assert (code, severity, label) == ("NEGO-CHANGED", Severity.WARNING, "OP1")
    assert f"agreed ad ref in round 1 ({agreed.at})" in message
    assert f"by United States in round 2 ({change.at})" in message
    # Typed back to the agreed wording: nothing to report.
    retype(p, agreed.text).apply(doc)
    assert nego(run_checks(doc, ga_registry)) == []


def test_references_to_bis_labels(doc, ga_registry):
    new = Paragraph("Requests the Court to report;", [Span(0, 8)])
    ProposeParagraph(Part.OPERATIVE, None, 5, new, "EU").apply(doc)
    SetStatus(new.id, Status.CONSULTATION).apply(doc)
    p = doc.operative[10]
    retype(
        p, p.text[:-1] + ", as requested in paragraph 5 bis above and paragraph 7 ter below;"
    ).apply(doc)
    found = nego(run_checks(doc, ga_registry))
    assert [(c, s, label) for c, s, label, _ in found] == [
        ("NEGO-LABEL", Severity.INFO, "OP10"),
        ("NEGO-LABEL", Severity.ERROR, "OP10"),
    ]
    assert "in the final text it becomes “paragraph 6”" in found[0][3]
    assert "no paragraph is labelled OP7 ter" in found[1][3]
    SetStatus(new.id, Status.DELETED).apply(doc)
    found = nego(run_checks(doc, ga_registry))
    assert "names OP5 bis, which is deleted" in found[0][3] and found[0][1] is Severity.ERROR
