"""OPENER on an operative paragraph of a resolution that does not open with a verb
(issue 16): "6. The States …" is a warning with its evidence; an unknown verb ("Entrusts")
stays information; a known verb after the lead-ins of practice ("Once again urges",
A/RES/80/2, 80/4; "Continues to welcome", A/RES/80/6) is no finding at all; the annex of a
declaration ("We …") and the lettered paragraphs of a decision are not operative paragraphs
of a resolution.
Where the corpus adopted the same clause after a verb, the warning says so and that verb
is its fix (the in-memory registry and the stored one, through the clause index)."""

from __future__ import annotations

from pathlib import Path

from drafting_app.checks.findings import Severity
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import read_document, read_text
from drafting_app.corpus.registry import Registry
from tests.conftest import REALDOCS

TEXT = """The General Assembly,

Recalling its resolution 78/13 of 4 December 2023,

1. Takes note of the report of the Ad Hoc Committee on the Indian Ocean;

2. The States of the region to continue their informal consultations;

3. Once again urges States to cooperate;

4. Entrusts the Committee with a meeting in 2026;

5. Decides to include the item in the provisional agenda of its eighty-second session.
"""


def test_an_operative_paragraph_without_a_verb_is_a_warning(registry: Registry) -> None:
    doc = read_text(TEXT)
    found = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
    assert [(f.location.paragraph_label, f.severity) for f in found] == [
        ("2.", Severity.WARNING),
        ("4.", Severity.INFO),  # a verb the opener lists do not hold: not a fault
    ]
    warning = found[0]
    assert warning.message == (
        "Operative paragraph 2 opens with “The”, not with a verb: an operative paragraph of "
        "a resolution opens with a verb in the present tense (Requests, Urges, Decides)."
    )
    assert "“The States of”" in warning.evidence
    assert (warning.location.start, warning.location.end) == (0, 3)


LEAD_INS = """The General Assembly,

Recalling its resolution 78/13 of 4 December 2023,

Once again reaffirming its commitment to the Charter,

Continuing to stress the work of the Committee,

1. Once again urges States to cooperate;

2. Continues to welcome the work of the Committee;

3. Further once again requests the Secretary-General to report;

4. Once again ponders the question;

5. Continues to wonder about the matter.
"""


def test_known_openers_after_lead_ins_are_no_finding(registry: Registry) -> None:
    doc = read_text(LEAD_INS)
    found = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
    # Only the unknown verbs after the lead-ins remain, as information.
    assert [(f.location.paragraph_label, f.severity) for f in found] == [
        ("4.", Severity.INFO),
        ("5.", Severity.INFO),
    ]


def test_the_real_lead_ins_raise_no_opener(registry: Registry) -> None:
    for name in ("A-RES-80-4_cuba-embargo-2025", "A-RES-80-6_icc-report-2025"):
        doc = read_document(REALDOCS / "ga" / f"{name}.txt")
        assert [f.message for f in run_checks(doc, registry) if f.code == "OPENER"] == []


def test_items_continuing_a_decided_chapeau_need_no_verb(registry: Registry) -> None:
    # Decision 79/537 A: "…, the General Assembly, on the proposal of …, decided:" then
    # "(a) That …", "(b) On an exceptional basis, to convene …", "(c) To request …".
    doc = read_document(REALDOCS / "ga" / "GA-decision-79-537-ABC_lldc-conference-2024.txt")
    assert [f.message for f in run_checks(doc, registry) if f.code == "OPENER"] == []


def test_declarations_and_decisions_are_not_held_to_it(registry: Registry) -> None:
    declaration = read_document(REALDOCS / "ga" / "A-RES-80-9_tip-political-declaration-2025.txt")
    decision = read_document(REALDOCS / "ga" / "GA-decision-79-537-ABC_lldc-conference-2024.txt")
    for doc in (declaration, decision):
        found = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
        assert [f for f in found if f.severity is not Severity.INFO] == []


# Resolution 10/3 of the Conference, operative 5, as adopted: "*Urges* Member States to
# develop or amend, as appropriate, national laws to ensure that trafficking in persons …".
DRAFT = """The General Assembly,

Recalling its resolution 78/13 of 4 December 2023,

1. Takes note of the report of the Working Group on Trafficking in Persons;

2. Member States to develop or amend, as appropriate, national laws to ensure that
trafficking in persons in all its forms is liable to criminal penalties;

3. The Office to report on the implementation of the present resolution;
"""


def _corpus_fix(registry: Registry) -> None:
    doc = read_text(DRAFT)
    found = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
    assert [(f.location.paragraph_label, f.severity) for f in found] == [
        ("2.", Severity.WARNING),
        ("3.", Severity.WARNING),
    ]
    known, unknown = found
    assert "The corpus adopted the same clause with “Urges”: Resolution 10/3, op 5," in (
        known.evidence
    )
    assert known.fix is not None
    assert (known.fix.start, known.fix.end, known.fix.new_text) == (0, 6, "Urges Member")
    assert [(s.start, s.end) for s in known.fix.italics] == [(0, 5)]
    # applied, the paragraph is the adopted one and the warning is gone
    para = doc.operative[1]
    para.text = known.fix.new_text + para.text[known.fix.end :]
    para.italics = list(known.fix.italics)
    again = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
    assert [f.location.paragraph_label for f in again] == ["3."]
    # no clause of the corpus reads "the Office to report on …": no fix is made up
    assert unknown.fix is None and "The corpus adopted" not in unknown.evidence


def test_the_corpus_gives_the_verb_of_the_same_clause(registry: Registry) -> None:
    _corpus_fix(registry)


def test_the_stored_corpus_gives_it_through_the_clause_index(
    tmp_path: Path,
) -> None:
    from drafting_app.corpus.store import CorpusStore

    folder = tmp_path
    with CorpusStore.open(folder / "c.sqlite", user_dir=folder / "user") as store:
        stored = Registry.from_store(store)
        _corpus_fix(stored)
        found = stored.clause_with_opener("the Secretary-General to")
        assert found is None  # too few words to name a clause


INTRODUCED = """The General Assembly,

Recalling its resolution 78/13 of 4 December 2023,

1. Pending the total elimination of nuclear weapons, urges those States to adopt policies;

2. In this regard, encourages Member States to cooperate;

3. To this end, requests the Secretary-General to report;

4. In this regard, the States of the region to continue their consultations;

5. Decides to remain seized of the matter.
"""


def test_a_known_verb_after_an_introductory_phrase_is_no_finding(registry: Registry) -> None:
    """ "2. Pending the total elimination of nuclear weapons, urges …" (A/RES/80/23) is
    adopted language: the verb follows an introductory phrase and its comma. With no verb
    after the comma the paragraph still has none (4.)."""
    doc = read_text(INTRODUCED)
    found = [f for f in run_checks(doc, registry) if f.code == "OPENER"]
    assert [(f.location.paragraph_label, f.severity) for f in found] == [("4.", Severity.WARNING)]
    real = read_document(REALDOCS / "railcar" / "A_RES_80_23.txt")
    assert [f.message for f in run_checks(real, registry) if f.code == "OPENER"] == []
