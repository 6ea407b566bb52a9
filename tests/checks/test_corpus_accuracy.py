"""The five corpus documents are adopted (or issued) texts: the checker must report their one
real mistake (the dangling Ibid. of Resolution 5/2 and Decision 4/4) and no other error."""

from __future__ import annotations

import pytest

from drafting_app.checks.findings import Severity, apply_fix
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document

REAL_ERRORS = {
    "decision_3_3": [],
    "france_draft": [],
    "resolution_5_2": [("IBID", 1)],
    "resolution_10_3": [],
    "decision_4_4": [("IBID", 1)],
}


@pytest.mark.parametrize("name", sorted(REAL_ERRORS))
def test_corpus_has_only_its_real_errors(
    name: str, docs: dict[str, Document], registry: Registry
) -> None:
    findings = run_checks(docs[name], registry)
    errors = [
        (f.code, f.location.footnote_number) for f in findings if f.severity is Severity.ERROR
    ]
    assert errors == REAL_ERRORS[name]
    assert [f for f in findings if f.severity is Severity.WARNING] == []


def test_dangling_ibid_fix_writes_the_full_citation(
    docs: dict[str, Document], registry: Registry
) -> None:
    doc = docs["resolution_5_2"]
    (finding,) = [f for f in run_checks(doc, registry) if f.code == "IBID"]
    assert finding.fix is not None
    fixed = apply_fix(doc, finding.fix)
    note = fixed.footnote(finding.location.footnote_id)
    assert note.text == "United Nations, Treaty Series, vol. 2225, No. 39574."
    assert [note.text[s.start : s.end] for s in note.italics] == ["Treaty Series"]
    assert doc.footnote(note.id).text == "Ibid., vol. 2225, No. 39574."  # input untouched
    assert not [f for f in run_checks(fixed, registry) if f.severity is Severity.ERROR]


def test_repeated_verb_without_also_is_only_a_suggestion(
    docs: dict[str, Document], registry: Registry
) -> None:
    doc = docs["resolution_10_3"]
    op14, op15 = doc.operative[13], doc.operative[14]
    assert op14.text.startswith("Requests") and op15.text.startswith("Requests")
    ladder = [f for f in run_checks(doc, registry) if f.location.paragraph_id == op15.id]
    assert [(f.code, f.severity) for f in ladder] == [("LADDER", Severity.SUGGESTION)]
    assert ladder[0].fix is not None and ladder[0].fix.new_text == "Also requests"


def test_also_without_an_earlier_plain_verb_is_an_error(
    docs: dict[str, Document], registry: Registry
) -> None:
    doc = docs["resolution_5_2"]
    del doc.operative[9]  # op 10 "Requests": op 11 "Also requests" now has nothing before it
    found = [f for f in run_checks(doc, registry) if f.code == "LADDER"]
    errors = [f for f in found if f.severity is Severity.ERROR]
    assert [f.location.paragraph_id for f in errors] == [doc.operative[9].id]
    assert errors[0].fix is not None
    fixed = apply_fix(doc, errors[0].fix)
    assert fixed.operative[9].text.startswith("Requests the Secretariat, within existing")


def test_findings_are_deterministic(docs: dict[str, Document], registry: Registry) -> None:
    doc = docs["resolution_5_2"]
    assert run_checks(doc, registry) == run_checks(doc, registry)


def test_decision_mixing_tenses_is_reported(docs: dict[str, Document], registry: Registry) -> None:
    doc = docs["decision_4_4"]
    p = doc.operative[5]
    assert p.text.startswith("Urged ")
    p.text = "Urges " + p.text.removeprefix("Urged ")
    found = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
    assert [(f.severity, f.location.paragraph_id) for f in found] == [(Severity.WARNING, p.id)]


def test_ref_date_evidence_names_the_corpus(docs: dict[str, Document], registry: Registry) -> None:
    doc = docs["resolution_5_2"]
    p = doc.preamble[1]
    p.text = p.text.replace("decision 4/4 of 17 October 2008", "decision 4/4 of 18 October 2008")
    (f,) = [f for f in run_checks(doc, registry) if f.code == "REF-DATE"]
    assert f.severity is Severity.ERROR
    assert f.message == "Decision 4/4 is dated 17 October 2008, not 18 October 2008."
    assert f.evidence.startswith("corpus: ") and "17 October 2008" in f.evidence
    assert f.fix is not None
    assert "decision 4/4 of 17 October 2008" in apply_fix(doc, f.fix).preamble[1].text


def test_lone_operative_paragraph_ends_with_a_full_stop(
    docs: dict[str, Document], registry: Registry
) -> None:
    doc = docs["france_draft"]
    doc.operative = doc.operative[:1]
    found = [f for f in run_checks(doc, registry) if f.code == "PUNCT"]
    assert [f.fix.new_text for f in found if f.fix] == ["."]


def test_subparagraph_punctuation(docs: dict[str, Document], registry: Registry) -> None:
    doc = docs["resolution_5_2"]
    op7 = doc.operative[6]
    last = op7.children[-1]
    last.text = last.text.rstrip(";") + "."
    op7.text = op7.text.rstrip(":") + ";"
    found = {f.location.paragraph_id: f for f in run_checks(doc, registry) if f.code == "PUNCT"}
    assert found[last.id].severity is Severity.ERROR
    assert "parent's closing punctuation" in found[last.id].message
    assert found[op7.id].fix is not None and found[op7.id].fix.new_text == ":"


def test_a_full_repeat_of_the_previous_source_suggests_ibid(
    docs: dict[str, Document], registry: Registry
) -> None:
    doc = docs["france_draft"]
    note = doc.anchored_footnotes()[1]
    note.text = "United Nations, *Treaty Series*, vol. 2237, No. 39574."
    (f,) = [f for f in run_checks(doc, registry) if f.code == "IBID"]
    assert f.severity is Severity.SUGGESTION and f.location.footnote_number == 2
    assert f.fix is not None and f.fix.new_text == "Ibid., vol. 2237, No. 39574."
