"""``drafting-app corpus add`` with Word and PDF files, and ``parse FILE.docx --json`` on the
real UN volume (issue 8 §4): one line per file, non-zero exit when any file failed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting_app.cli import main
from drafting_app.paths import user_corpus_dir
from tests.conftest import REALDOCS

PDF = REALDOCS / "pdf" / "A_RES_73_8-EN.pdf"
MUN_DOCX = REALDOCS / "mun-docx" / "MUN_Eddy12597_test1.docx"
UN_DOCX = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"


def test_corpus_add_reads_docx_and_pdf_and_reports_each_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"")
    code = main(["corpus", "add", str(PDF), str(MUN_DOCX), str(bad)])
    out, err = capsys.readouterr()
    assert code == 2  # one file failed
    lines = out.splitlines()
    where = user_corpus_dir() / PDF.name
    assert lines[0] == f"{PDF}: user/A_RES_73_8-EN (Resolution 73/8) at {where}"
    assert lines[1].startswith(f"{MUN_DOCX}: user/MUN_Eddy12597_test1 (")
    assert len(lines) == 2
    assert err.startswith(f"drafting-app: {bad}: not added: ") and "empty" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in user_corpus_dir().iterdir()) == sorted([PDF.name, MUN_DOCX.name])
    # The same files again: already there, nothing failed, exit 0.
    assert main(["corpus", "add", str(PDF), str(MUN_DOCX)]) == 0
    out, _ = capsys.readouterr()
    again = f"{PDF}: already in the corpus as user/A_RES_73_8-EN (Resolution 73/8)"
    assert out.splitlines()[0] == again
    assert main(["corpus", "list"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "7 documents"


def test_parse_the_un_volume_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(UN_DOCX), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["heading"] == "Decision 6/CMA.3"
    assert out["masthead"]["symbol"] == "FCCC/PA/CMA/2021/10/Add.3"
    assert [p["opener"] for p in out["operative"]] == ["Reaffirms", "Encourages"]
    assert [p["opener"] for p in out["preamble"]] == ["Recalling", "Also recalling"]


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", "empty"), (b"not a zip at all", "not a Word .docx file")],
)
def test_parse_a_broken_docx_exits_2_with_the_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, words: str
) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    assert main(["parse", str(path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and words in err and "Traceback" not in err
