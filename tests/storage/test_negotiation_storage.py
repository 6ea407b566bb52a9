"""A negotiated draft is saved and opened again whole (project format 4); a damaged
negotiation in a hand-edited file is refused with the paragraph named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting_app.errors import ProjectError
from drafting_app.model.document import Paragraph, Part
from drafting_app.model.negotiation import ProposalKind, Status
from drafting_app.model.negotiation_edits import (
    AddAlternative,
    AddBracket,
    AddComment,
    AddParagraphAlternative,
    NewRound,
    Propose,
    ProposeParagraph,
    SetStatus,
)
from drafting_app.storage.migrations import CURRENT_VERSION
from drafting_app.storage.project import load_project, save_project
from tests.model.negotiation_setup import deterministic, icc_in_negotiation, state

PROJECTS = Path(__file__).resolve().parent.parent / "data" / "projects"


def negotiated():
    with deterministic():
        doc = icc_in_negotiation()
        p, q = doc.operative[0], doc.preamble[1]
        AddBracket(p.id, 0, 8).apply(doc)
        AddAlternative(p.id, 13, 19, "text", "EU").apply(doc)
        Propose(p.id, ProposalKind.INSERT, "US", 8, 8, " warmly").apply(doc)
        Propose(q.id, ProposalKind.DELETE_PARAGRAPH, "CANZ").apply(doc)
        AddComment(q.id, "G77 and China", "retain").apply(doc)
        AddParagraphAlternative(q.id, "Recalling the Rome Statute,", "African Group").apply(doc)
        SetStatus(doc.operative[1].id, Status.AGREED).apply(doc)
        NewRound().apply(doc)
        ProposeParagraph(Part.OPERATIVE, None, 2, Paragraph("Decides;"), "Mexico").apply(doc)
    return doc


def test_a_negotiated_draft_opens_again_whole(tmp_path: Path):
    doc = negotiated()
    path = tmp_path / "icc.unres.json"
    save_project(doc, path)
    again = load_project(path).document
    assert state(again) == state(doc)
    assert again.negotiation == doc.negotiation
    data = json.loads(path.read_text("utf-8"))
    assert data["format_version"] == CURRENT_VERSION >= 4
    entry = data["document"]["negotiation"]["paragraphs"][14]
    assert entry["label"] == "OP1" and "brackets" in entry and "comments" not in entry


def test_a_draft_not_in_negotiation_saves_null(tmp_path: Path):
    path = tmp_path / "plain.unres.json"
    doc = load_project(PROJECTS / "v2-france-draft.unres.json").document
    assert doc.negotiation is None
    save_project(doc, path)
    assert json.loads(path.read_text("utf-8"))["document"]["negotiation"] is None


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda n, e: e.update(brackets=[["b", 0, 9999]]), "outside its text"),
        (lambda n, e: e.update(brackets=[["b", 0, 10], ["c", 5, 15]]), "cross each other"),
        (lambda n, e: e.update(status="settled"), "status is 'settled'"),
        (lambda n, e: e.update(id="p-nowhere"), "names no paragraph"),
        (lambda n, e: e.update(label=n["paragraphs"][0]["label"]), "share the label PP1"),
        (
            lambda n, e: e.update(
                proposals=[{"id": "x", "kind": "insert", "start": 0, "end": 4, "author": "EU"}]
            ),
            "covers words",
        ),
        (lambda n, e: n.update(round=0), "round is below 1"),
        (lambda n, e: n.update(paragraphs=[e, e]), "listed twice"),
        (lambda n, e: e.update(brackets="[0, 5]"), "wrong type"),
    ],
)
def test_a_damaged_negotiation_is_refused(tmp_path: Path, damage, message):
    path = tmp_path / "icc.unres.json"
    save_project(negotiated(), path)
    data = json.loads(path.read_text("utf-8"))
    nego = data["document"]["negotiation"]
    damage(nego, nego["paragraphs"][14])
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ProjectError, match=message):
        load_project(path)
