"""Issue 19, where it is checked: a real negotiation of A/RES/80/6 (46 paragraphs), three
rounds, 25 proposals from six delegations, replayed through the command line —
``drafting-app negotiate`` round by round, ``status`` after each, the compilation and the
clean text of each round, and the final text, which must come out clean and identical to
the agreed wording (written by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from drafting_app.cli import main
from drafting_app.storage.project import load_project
from tests.negotiation.scenario import ICC, ROUNDS, agreed, final_paragraphs


def status(capsys: pytest.CaptureFixture[str], path: Path) -> dict:
    capsys.readouterr()
    assert main(["status", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_three_rounds_through_the_command_line(tmp_path: Path, capsys):
    drafts = [tmp_path / f"round{n}.unres.json" for n in (1, 2, 3)]
    # Round 1: the negotiation starts on the resolution as issued (a text file).
    assert main(["negotiate", str(ICC), str(ROUNDS[0]), "-o", str(drafts[0])]) == 0
    assert "43 steps replayed" in capsys.readouterr().out
    s = status(capsys, drafts[0])
    # 11 proposals made (one a new paragraph), EU's on OP6 accepted: 10 open. 23 paragraphs
    # agreed ad ref, 3 under consultation, OP24 bis new, the other 20 pending.
    assert s["round"] == 1 and s["open_proposals"] == 10
    assert s["by_status"] == {"Pending": 20, "Under consultation": 3, "Agreed ad ref": 23,
                              "Deleted": 0, "New": 1}  # fmt: skip
    assert s["proposals_by_author"] == {
        "African Group": 2, "EU": 2, "G77 and China": 2, "United States": 2, "CANZ": 1,
        "Mexico": 1,
    }  # fmt: skip
    assert s["brackets"] == 2 and s["alternatives"] == 1
    assert s["bracketed_paragraphs"] == ["PP10", "OP9", "OP21"]
    # The round's compilation: labels beside the text, proposals with their delegation.
    comp = tmp_path / "round1-compilation.docx"
    assert main(["export", str(drafts[0]), "--mode", "compilation", "-o", str(comp)]) == 0
    rows = {r.cells[0].text: r.cells[1].text for r in docx.Document(str(comp)).tables[0].rows}
    assert "OP24 bis" in rows and "(EU)" in rows["OP24 bis"]
    assert "strongly condemns (African Group)" in rows["OP9"]
    assert "[without intimidation, ]" in rows["OP9"]
    assert rows["OP6"].endswith("— Agreed ad ref")
    assert "[Encourages further dialogue][Welcomes the continued dialogue]" in rows["OP21"]
    # The clean text for the next round drops the proposals and keeps the brackets; read
    # back it is a draft in negotiation again.
    clean = tmp_path / "round1-clean.docx"
    assert main(["export", str(drafts[0]), "--mode", "clean", "-o", str(clean)]) == 0
    s = status(capsys, clean)
    assert s["open_proposals"] == 0 and s["brackets"] == 2 and s["alternatives"] == 1
    assert s["by_status"]["Agreed ad ref"] == 23
    # Round 2 goes on from the project file (the proposals of round 1 are still to decide).
    assert main(["negotiate", str(drafts[0]), str(ROUNDS[1]), "-o", str(drafts[1])]) == 0
    s = status(capsys, drafts[1])
    # 9 more proposals; 4 accepted, 4 dropped, 1 overtaken (US on OP9), OP24 bis taken in.
    assert s["round"] == 2 and s["open_proposals"] == 7
    assert s["by_status"]["Agreed ad ref"] == 32 and s["by_status"]["New"] == 0
    assert s["brackets"] == 1 and not s["final_ready"]
    # The final text is refused while anything is open, and nothing is written.
    final = tmp_path / "final.docx"
    assert main(["export", str(drafts[1]), "--mode", "final", "-o", str(final)]) == 1
    err = capsys.readouterr().err
    assert "OP21: 1 alternative set" in err and "PP10: 1 bracket" in err
    assert not final.exists()
    # Round 3 settles everything; OP28 deleted at the United States' proposal.
    assert main(["negotiate", str(drafts[1]), str(ROUNDS[2]), "-o", str(drafts[2])]) == 0
    s = status(capsys, drafts[2])
    assert s["round"] == 3 and s["final_ready"] and s["open_proposals"] == 0
    assert s["by_status"] == {"Pending": 0, "Under consultation": 0, "Agreed ad ref": 46,
                              "Deleted": 1, "New": 0}  # fmt: skip
    # Every proposal recorded in the file was one of the 25 (none left).
    doc = load_project(drafts[2]).document
    assert doc.negotiation is not None and doc.negotiation.round == 3
    assert main(["export", str(drafts[2]), "--mode", "final", "-o", str(final)]) == 0
    assert final_paragraphs(final) == agreed()
    body = "\n".join(text for _, text in final_paragraphs(final))
    for leftover in ("[", "]", " bis", "Agreed ad ref", "(EU)", "Alt 1"):
        assert leftover not in body


def test_a_step_that_cannot_be_made_stops_the_replay(tmp_path: Path, capsys):
    steps = tmp_path / "steps.json"
    steps.write_text(json.dumps([
        {"do": "start"},
        {"do": "propose", "at": "OP3", "by": "EU", "delete": "the States Parties "},
        {"do": "propose", "at": "OP3", "by": "EU", "delete": "Parties to"},
    ]), encoding="utf-8")  # fmt: skip
    out = tmp_path / "draft.unres.json"
    assert main(["negotiate", str(ICC), str(steps), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Step 3 (propose): “Parties to” occurs 3 times in OP3: say which" in err
    assert not out.exists()
    steps.write_text('[{"do": "start"}, {"do": "agree", "at": "OP1"}]', encoding="utf-8")
    assert main(["negotiate", str(ICC), str(steps), "-o", str(out)]) == 2
    assert "Unknown step “agree”" in capsys.readouterr().err
    steps.write_text('{"do": "start"}', encoding="utf-8")
    assert main(["negotiate", str(ICC), str(steps), "-o", str(out)]) == 2
    assert "a steps file is a list of objects" in capsys.readouterr().err
    assert not out.exists()
