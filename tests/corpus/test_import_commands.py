"""``drafting-app parse FILE.docx`` and ``drafting-app import-report FILE.docx`` (issue 8 §4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting_app.cli import main
from tests.conftest import REALDOCS
from tests.corpus.wordbuild import make_docx, para, run

MUN = REALDOCS / "mun-docx"
UN_DOCX = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"


def test_parse_docx_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(MUN / "MUN_Eddy12597_test1.docx"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "draft"
    assert out["authoring_body"] == "The United Nations General Assembly,"
    assert [p["number"] for p in out["operative"]] == ["1.", "2.", "3."]
    assert [c["number"] for c in out["operative"][0]["children"]] == ["(a)", "(b)", "(c)"]
    assert [p["opener"] for p in out["preamble"]] == [
        "Alarmed by",
        "Recognizing that",
        "Noting with concern",
    ]


def test_import_report_of_the_un_volume(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-report", str(UN_DOCX)]) == 1  # tables, images … were left out
    out = capsys.readouterr().out
    # The volume's texts are listed first, the one reported marked (issue 20 item 8).
    assert out.startswith("FCCC-PA-CMA-2021-10-Add.3.docx holds 20 texts (import-report")
    assert " *  1. Decision 6/CMA.3 — Common time frames" in out
    assert "\nDecision 6/CMA.3 Common time frames" in out
    assert "Import report for FCCC-PA-CMA-2021-10-Add.3.docx" in out
    assert "  table: 1\n" in out and "  image: 2\n" in out and "  section break: 24\n" in out
    assert "Version | Description" in out
    assert "REF _Ref87466830" in out
    assert "further text in the file" in out and "Decision 24/CMA.3" in out


def test_import_report_json_and_clean_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "clean.docx"
    clean.write_bytes(
        make_docx(para(run("The General Assembly,")) + para(run("1. Urges States to act.")))
    )
    assert main(["import-report", str(clean), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["report"]["items"] == [] and out["report"]["blank_paragraphs_dropped"] == 0
    assert out["document"]["operative"][0]["text"] == "Urges States to act."
    assert main(["import-report", str(clean)]) == 0
    assert "Everything was imported; nothing was left out." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.docx", None, "does not exist"),
        ("empty.docx", b"", "is empty"),
        ("notes.txt", b"hello", "reads Word .docx files"),
    ],
)
def test_import_report_bad_files_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    assert main(["import-report", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
