"""`drafting-app status FILE [--json]` and `drafting-app export FILE --mode
compilation|clean|final` on a negotiated draft, and their messages on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from drafting_app.cli import main
from drafting_app.storage.project import save_project
from tests.conftest import CORPUS_FILES
from tests.export.test_compilation import _settle
from tests.model.negotiation_setup import deterministic, france_in_negotiation


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    with deterministic():
        doc = france_in_negotiation()
    path = tmp_path / "france.unres.json"
    save_project(doc, path, {"profile": "ctoc-cop"})
    return path


def test_status_text(draft: Path, capsys):
    assert main(["status", str(draft)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Implementation of the Protocol") and "round 1" in out
    assert "Pending: 14; Under consultation: 1; Agreed ad ref: 1; Deleted: 1; New: 1" in out
    assert "open paragraphs (16): PP2, PP3, PP4, OP1, OP2, OP3, OP4, OP5, OP5 bis," in out
    assert "brackets left: 2; alternative sets left: 3 (bracketed text in PP3, OP1)" in out
    assert (
        "open proposals: 5 (African Group 1, CANZ 1, EU 1, G77 and China 1, United States 1)"
        in (out)
    )
    assert "final text: not yet" in out and "    OP7: 2 alternative paragraphs" in out


def test_status_json(draft: Path, capsys):
    assert main(["status", str(draft), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["round"] == 1 and data["final_ready"] is False
    assert data["by_status"] == {
        "Pending": 14, "Under consultation": 1, "Agreed ad ref": 1, "Deleted": 1, "New": 1,
    }  # fmt: skip
    assert data["brackets"] == 2 and data["alternatives"] == 3 and data["open_proposals"] == 5
    assert data["proposals_by_author"] == {
        "African Group": 1, "CANZ": 1, "EU": 1, "G77 and China": 1, "United States": 1,
    }  # fmt: skip
    assert data["bracketed_paragraphs"] == ["PP3", "OP1"]
    assert len(data["blockers"]) == 8


@pytest.mark.parametrize("mode", ["compilation", "clean"])
def test_export_modes(draft: Path, tmp_path: Path, capsys, mode: str):
    out = tmp_path / f"{mode}.docx"
    assert main(["export", str(draft), "--mode", mode, "-o", str(out)]) == 0
    assert f"Word ({mode} text): {out}" in capsys.readouterr().out
    labels = [row.cells[0].text for row in docx.Document(str(out)).tables[0].rows]
    assert labels[:3] == ["Label", "PP1", "PP2"]
    assert ("OP8" in labels) == (mode == "compilation")


def test_final_export_is_refused_with_the_list(draft: Path, tmp_path: Path, capsys):
    out = tmp_path / "final.docx"
    assert main(["export", str(draft), "--mode", "final", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "cannot be made while brackets, alternatives or open proposals remain" in err
    assert "  PP3: 2 brackets\n" in err and "  OP7: 2 alternative paragraphs" in err
    assert not out.exists()


def test_final_export_once_settled(tmp_path: Path, capsys):
    with deterministic():
        doc = france_in_negotiation()
        _settle(doc)
    path = tmp_path / "settled.unres.json"
    save_project(doc, path)
    out = tmp_path / "final.docx"
    assert main(["export", str(path), "--mode", "final", "-o", str(out)]) == 0
    assert main(["status", str(path)]) == 0
    assert "final text: ready" in capsys.readouterr().out
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(t.startswith("6.\tInvites States parties") for t in texts)


def test_bad_input_gets_a_clear_message(draft: Path, tmp_path: Path, capsys):
    assert main(["status", str(CORPUS_FILES["france_draft"])]) == 2
    assert "a negotiation is kept in a draft (.unres.json)" in capsys.readouterr().err
    plain = tmp_path / "plain.unres.json"
    from drafting_app.corpus.readers import read_document

    save_project(read_document(CORPUS_FILES["france_draft"]), plain)
    assert main(["export", str(plain), "--mode", "clean", "-o", str(tmp_path / "x.docx")]) == 2
    assert "is not in negotiation" in capsys.readouterr().err
    assert main(["status", str(tmp_path / "missing.unres.json")]) == 2
    assert "does not exist" in capsys.readouterr().err
    out = tmp_path / "c.docx"
    assert main(["export", str(draft), "--mode", "clean", "--pdf", "-o", str(out)]) == 2
    assert "save it as PDF" in capsys.readouterr().err
