"""Mutation harness: every family of mistakes injected into the corpus documents is found
where it was made (benchmarks/check_accuracy.py prints the full table)."""

from __future__ import annotations

import pytest

from drafting_app.checks.findings import Severity
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document
from tests.checks.mutations import MUTATORS, detected, mutants


@pytest.mark.parametrize("family", list(MUTATORS))
def test_each_injected_mistake_is_found(
    family: str, docs: dict[str, Document], registry: Registry
) -> None:
    total = 0
    missed: list[str] = []
    for name, doc in docs.items():
        for m in mutants(doc, registry, family):
            total += 1
            if not detected(m, registry):
                missed.append(f"{name}: {m.what}")
    assert total > 0, f"no site in the corpus to inject {family}"
    assert missed == []


def test_mutants_differ_from_the_clean_text(docs: dict[str, Document], registry: Registry) -> None:
    for family in MUTATORS:
        for name, doc in docs.items():
            for m in mutants(doc, registry, family, limit=2):
                assert m.doc is not doc, (family, name)
                if m.family in ("FN-REPEAT", "FN-OPERATIVE"):  # a note added or removed
                    changed = len(m.doc.footnotes) != len(doc.footnotes)
                elif m.target.startswith("fn-") and m.family != "FN-NUMBER":
                    changed = m.doc.footnote(m.target).text != doc.footnote(m.target).text
                    changed = changed or any(
                        a.text != b.text
                        for a, b in zip(m.doc.footnotes, doc.footnotes, strict=True)
                    )
                elif m.family == "FN-MARK":  # the text stays, a mark moves
                    changed = m.doc.paragraph(m.target).anchors != doc.paragraph(m.target).anchors
                elif m.family == "FN-NUMBER":
                    changed = [f.source_number for f in m.doc.footnotes] != [
                        f.source_number for f in doc.footnotes
                    ]
                else:
                    changed = m.doc.paragraph(m.target).text != doc.paragraph(m.target).text
                assert changed, (family, name, m.what)


@pytest.mark.slow
@pytest.mark.parametrize("family", list(MUTATORS))
def test_mistakes_injected_into_ga_texts_are_found(
    family: str, ga_texts: dict[str, Document], ga_registry: Registry
) -> None:
    missed = [
        f"{name}: {m.what}"
        for name, doc in ga_texts.items()
        for m in mutants(doc, ga_registry, family, limit=3)
        if not detected(m, ga_registry)
    ]
    assert missed == []


def test_clean_ga_texts_raise_no_error_or_warning(
    ga_texts: dict[str, Document], ga_registry: Registry
) -> None:
    for name, doc in ga_texts.items():
        alarms = [
            (f.code, f.message)
            for f in run_checks(doc, ga_registry)
            if f.severity in (Severity.ERROR, Severity.WARNING)
        ]
        assert alarms == [], name
