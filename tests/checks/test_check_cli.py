"""``drafting-app check FILE [--json]``: exit 1 on errors, 0 otherwise, 2 for unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting_app.cli import main
from tests.conftest import CORPUS_FILES


def test_check_reports_the_dangling_ibid_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CORPUS_FILES["resolution_5_2"])]) == 1
    out = capsys.readouterr().out
    assert "IBID" in out and "footnote 1" in out
    assert "1 error" in out


def test_check_clean_draft_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CORPUS_FILES["france_draft"])]) == 0
    assert capsys.readouterr().out.split(": ")[-1].startswith("No errors; ")


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(CORPUS_FILES["decision_4_4"])]) == 1
    findings = json.loads(capsys.readouterr().out)
    errors = [f for f in findings if f["severity"] == "error"]
    assert [(f["code"], f["location"]["footnote_number"]) for f in errors] == [("IBID", 1)]
    assert errors[0]["fix"]["new_text"] == "United Nations, Treaty Series, vol. 2225, No. 39574."


def test_check_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["check", str(empty)]) == 2
    assert "empty" in capsys.readouterr().err


def test_check_a_project_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from drafting_app.corpus.readers import read_document
    from drafting_app.storage.project import save_project

    path = tmp_path / "draft.unres.json"
    save_project(read_document(CORPUS_FILES["decision_4_4"]), path)
    assert main(["check", "--json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in findings if f["severity"] == "error"] == ["IBID"]
