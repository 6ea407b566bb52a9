"""The checker and decisions opened "At its … meeting, on …, the <body>": "its resolution"
is the named body's, so a wrong date or a wrong body in such a citation is found (the
mistakes the accuracy harness missed in the two GA decisions before the registry knew)."""

from __future__ import annotations

import pytest

from drafting_app.checks.findings import Severity
from drafting_app.checks.profile import GENERAL_ASSEMBLY, profile_for
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import read_text
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document
from tests.checks.mutations import detected, mutants

D_512 = "GA-decision-79-512_paros-oewg-2024"
D_537 = "GA-decision-79-537-ABC_lldc-conference-2024"
ECOSOC = "Economic and Social Council"

# What the harness missed (benchmarks/check_accuracy.py before the fix), per family.
ONCE_MISSED = {
    "REF-DATE": {
        (D_512, "4 December 2023 → 5 December 2023"),
        (D_512, "22 December 2023 → 23 December 2023"),
        (D_537, "7 May 2024 → 8 May 2024"),
        (D_537, "6 December 2024 → 7 December 2024"),
    },
    "REF-BODY": {
        (D_512, "its resolution 78/20 → Economic and Social Council"),
        (D_512, "its resolution 78/238 → Economic and Social Council"),
        (D_537, "its decision 78/550 → Economic and Social Council"),
        (D_537, "its decision 79/537 → Economic and Social Council"),
    },
}


@pytest.mark.parametrize("family", list(ONCE_MISSED))
def test_mistakes_once_missed_in_the_ga_decisions_are_found(
    family: str, ga_texts: dict[str, Document], ga_registry: Registry
) -> None:
    made = {
        (name, m.what): m
        for name in (D_512, D_537)
        for m in mutants(ga_texts[name], ga_registry, family, limit=None)
    }
    assert ONCE_MISSED[family] <= set(made)
    assert [key for key, m in made.items() if not detected(m, ga_registry)] == []


def test_the_ga_decisions_are_checked_as_the_assemblys(ga_texts: dict[str, Document]) -> None:
    for name in (D_512, D_537):
        assert profile_for(ga_texts[name]).body == GENERAL_ASSEMBLY


ECOSOC_DECISION = """2024/251. Follow-up to the Committee's report

At its 21st plenary meeting, on 6 June 2024, the Economic and Social Council, recalling its \
resolution 2023/5 of {date}, decided to take note of the report of the Committee.
"""


def test_its_resolution_in_an_ecosoc_decision_is_the_councils() -> None:
    cited = read_text(ECOSOC_DECISION.format(date="6 June 2023"))
    registry = Registry.from_documents([("cited", cited)])
    wrong = read_text(ECOSOC_DECISION.format(date="7 June 2023"))
    assert profile_for(wrong).body == ECOSOC
    errors = [
        f.message
        for f in run_checks(wrong, registry)
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]
    assert errors == ["Resolution 2023/5 is dated 6 June 2023, not 7 June 2023."]
    assert [
        f.message
        for f in run_checks(cited, registry)
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ] == []


def test_the_council_named_in_an_authoring_line_is_the_author() -> None:
    doc = read_text("The Economic and Social Council,\n\nRecalling its resolution 2023/5,\n\n"
                    "1.\tDecides to remain seized of the matter.\n")  # fmt: skip
    assert profile_for(doc).body == ECOSOC
