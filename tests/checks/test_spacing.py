"""SPACING and a footnote mark inside a word (user trial 7): the slips a paste, a
completion or a misplaced click leave — "Recalling  its", "matter.Decides", an empty
paragraph, "Paris Ag¹reement" — are named, each with a fix where one is mechanical; and
none of them fires on a real adopted text (tests/checks/test_clean_texts.py keeps the
whole checker to that)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.checks.findings import Finding, Severity, apply_fix
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import read_document, read_text
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Anchor, Document, Footnote, Paragraph
from tests.conftest import REALDOCS

TEXT = """The General Assembly,

Recalling its resolution 78/13 of 4 December 2023,

Noting the report of the Secretary-General,

1. Requests the Secretary-General to report on the matter;

2. Decides to remain seized of the matter.
"""


def _found(doc: Document, registry: Registry, code: str) -> list[Finding]:
    return [f for f in run_checks(doc, registry) if f.code == code]


def test_a_double_space_is_named_and_fixed(registry: Registry) -> None:
    doc = read_text(TEXT)
    p = doc.preamble[0]
    p.text = p.text.replace("Recalling its", "Recalling  its")
    (f,) = _found(doc, registry, "SPACING")
    assert f.severity is Severity.SUGGESTION
    assert f.message.startswith("Two spaces after “Recalling”")
    assert f.fix is not None
    assert apply_fix(doc, f.fix).preamble[0].text.startswith("Recalling its resolution")


def test_a_sentence_run_into_the_next_is_a_warning(registry: Registry) -> None:
    doc = read_text(TEXT.replace("the matter;", "the matter.Decides to act;"))
    (f,) = _found(doc, registry, "SPACING")
    assert f.severity is Severity.WARNING
    assert f.message == (
        "“matter.Decides” runs two sentences together: a space is missing after the “.”."
    )
    assert f.fix is not None
    fixed = apply_fix(doc, f.fix).operative[0].text
    assert "the matter. Decides to act" in fixed


def test_an_empty_paragraph_is_a_warning(registry: Registry) -> None:
    doc = read_text(TEXT)
    doc.preamble.insert(1, Paragraph(""))
    (f,) = _found(doc, registry, "SPACING")
    assert f.severity is Severity.WARNING
    assert f.message.startswith("Preambular paragraph 2 is empty")


def test_a_mark_inside_a_word_moves_to_its_end(registry: Registry) -> None:
    doc = read_text(TEXT.replace("report of the", "report on the Paris Agreement, of the"))
    note = Footnote("FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.")
    doc.footnotes.append(note)
    p = doc.preamble[1]
    at = p.text.index("Agreement") + 2  # "Ag|reement"
    p.anchors.append(Anchor(at, note.id))
    (f,) = [x for x in _found(doc, registry, "FN-MARK") if x.severity is Severity.WARNING]
    assert "inside the word “Ag¹reement”" in f.message
    assert f.fix is not None
    fixed = apply_fix(doc, f.fix).preamble[1]
    # After the word and its comma, where the export prints a mark (UN rule).
    assert [a.offset for a in fixed.anchors] == [fixed.text.index("Agreement,") + len("Agreement,")]
    assert fixed.text == p.text


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in [*REALDOCS.rglob("*.txt"), *REALDOCS.rglob("*.docx"), *REALDOCS.rglob("*.pdf")]
        if "problematic" not in p.name and "no_line_space" not in p.name
    ),
    ids=lambda p: Path(p).name[:40],
)
def test_no_spacing_finding_on_a_real_text(path: Path, registry: Registry) -> None:
    doc = read_document(path)
    found = [f.message for f in run_checks(doc, registry) if f.code == "SPACING"]
    found += [f.message for f in run_checks(doc, registry) if "inside the word" in f.message]
    assert found == []


def test_a_wrong_authoring_formula_is_a_warning(registry: Registry) -> None:
    doc = read_text(
        TEXT.replace("The General Assembly,", "The United Nations General Assembly (unga),")
    )
    (f,) = _found(doc, registry, "FORMULA")
    assert f.severity is Severity.WARNING
    assert f.message == (
        "The authoring formula reads “The United Nations General Assembly (unga),”; the "
        "General Assembly writes it “The General Assembly,”."
    )
    assert _found(read_text(TEXT), registry, "FORMULA") == []
