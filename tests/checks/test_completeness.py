"""Issue 20 item 2: an empty draft does not "pass every check": the checks say what is
missing (title, operative paragraphs; the symbol as a note), on every template, in the
command line as in the panel; a complete real text gets none of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.checks.findings import Severity
from drafting_app.checks.runner import run_checks
from drafting_app.clauses.document_templates import list_templates, new_document
from drafting_app.cli import main
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document, Paragraph
from drafting_app.storage.project import save_project


def missing(doc: Document, registry: Registry) -> list[tuple[str, Severity]]:
    return [(f.location.part, f.severity) for f in run_checks(doc, registry) if f.code == "MISSING"]


@pytest.mark.parametrize("key", [t.key for t in list_templates()])
def test_every_new_template_says_what_is_missing(key: str, registry: Registry) -> None:
    doc = new_document(key)
    found = missing(doc, registry)
    assert ("title", Severity.ERROR) in found
    assert ("operative", Severity.ERROR) in found
    masthead = doc.masthead is not None and doc.is_draft
    assert (("masthead", Severity.INFO) in found) == masthead


def test_filled_in_the_findings_go(registry: Registry) -> None:
    doc = new_document("cop-draft-resolution")
    assert doc.masthead is not None
    doc.title = "Implementation of the Firearms Protocol"
    assert missing(doc, registry) == [("operative", Severity.ERROR), ("masthead", Severity.INFO)]
    doc.operative.append(Paragraph("Urges States parties to implement the Protocol."))
    doc.masthead.symbol = "CTOC/COP/2024/L.4"
    assert missing(doc, registry) == []


def test_real_texts_are_complete(docs: dict[str, Document], ga_texts: dict[str, Document],
                                 registry: Registry) -> None:  # fmt: skip
    for name, doc in {**docs, **ga_texts}.items():
        errors = [s for _, s in missing(doc, registry) if s is not Severity.INFO]
        assert errors == [], name


def test_the_command_line_refuses_an_empty_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.unres.json"
    save_project(new_document("ga-main-committee-draft-resolution"), path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "passes" not in out
    assert "has no title" in out and "no operative paragraph" in out
