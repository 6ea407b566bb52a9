"""Symbols in findings are written as the UN writes them (user trial: "Resolution 2200 a
(xxi)", "Decision 6/cma.1" came from str.capitalize lowering the symbol), and a draft
without a symbol is shown an example in its own body's series (a GA Main Committee draft
was told "e.g. CTOC/COP/2024/L.4")."""

from __future__ import annotations

import pytest

from drafting_app.checks.runner import run_checks
from drafting_app.clauses.document_templates import list_templates, new_document
from drafting_app.corpus.readers import read_text
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Masthead
from drafting_app.model.symbol_example import example_symbol

TEXT = """The General Assembly,

Recalling its resolution 2200 A (XXI) of 16 December 1966,

Recalling also decision 6/CMA.1 of the Conference of the Parties serving as the meeting of \
the Parties to the Paris Agreement,

1. Requests the Secretary-General to report on resolution 2200 A (XXI);

2. Decides to remain seized of the matter.
"""


def test_unknown_symbols_keep_their_capitals(registry: Registry) -> None:
    notes = [f.message for f in run_checks(read_text(TEXT), registry) if f.code == "REF-UNKNOWN"]
    assert notes, "the two citations are not in the shipped corpus"
    assert any(m.startswith("Resolution 2200 A (XXI) ") for m in notes), notes
    assert any(m.startswith("Decision 6/CMA.1 ") for m in notes), notes
    assert not any("(xxi)" in m or "cma" in m for m in notes)


@pytest.mark.parametrize(
    ("body", "committee", "example"),
    [
        ("General Assembly", "Third Committee", "A/C.3/80/L.12"),
        ("General Assembly", "", "A/80/L.12"),
        ("Economic and Social Council", "Commission on Crime Prevention and Criminal Justice",
         "E/CN.15/2025/L.4"),
        ("Human Rights Council", "", "A/HRC/60/L.12"),
        ("Conference of the Parties to the United Nations Convention against Transnational "
         "Organized Crime", "", "CTOC/COP/2024/L.4"),
    ],
)  # fmt: skip
def test_the_example_symbol_is_in_the_bodys_series(body: str, committee: str, example: str) -> None:
    assert example_symbol(Masthead(body=body, committee=committee)) == example


def test_each_template_is_told_its_own_series(registry: Registry) -> None:
    ga = next(t.key for t in list_templates() if t.key == "ga-main-committee-draft-resolution")
    doc = new_document(ga)
    (note,) = [f.message for f in run_checks(doc, registry) if f.location.part == "masthead"]
    assert "e.g. A/C.3/80/L.12" in note
    assert "CTOC" not in note
