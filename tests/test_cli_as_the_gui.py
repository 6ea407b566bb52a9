"""Issue 20 item 8: the command line says what the window says — findings named by their
place ("operative 1 (c) (i)", never "operative 4.:"), counts with plurals, the texts of a
volume listed and chosen with --text N, a GA resolution listed as "Resolution 73/7", and
an export without -o named as File › Export proposes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from drafting_app.cli import main
from drafting_app.corpus.readers import read_document
from drafting_app.export.files import file_stem
from tests.conftest import CORPUS_FILES, REALDOCS

PROBLEMATIC = REALDOCS / "mun-docx" / "MUN_Eddy12597_test_problematic.docx"
VOLUME = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"


def test_findings_are_named_by_their_place_with_plural_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(PROBLEMATIC)]) == 1
    out = capsys.readouterr().out
    places = re.findall(r"^(?:error|warning|info|suggestion) +\S+ +(.+?): ", out, re.M)
    assert "operative 1 (c) (i)" in places and "operative 2 (b)" in places
    assert not [p for p in places if p.endswith(".") or p.startswith("operative (")]
    # the Word numbering restarts twice: two READING warnings (issue 16)
    assert out.rstrip().endswith(": 12 errors, 2 warnings, 1 note.")
    assert main(["check", str(CORPUS_FILES["resolution_5_2"])]) == 1
    assert capsys.readouterr().out.rstrip().endswith(": 1 error, 1 suggestion.")


def test_a_volume_lists_its_texts_and_takes_text_n(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(VOLUME), "--text", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("FCCC-PA-CMA-2021-10-Add.3.docx holds 20 texts")
    assert " *  2. Decision 7/CMA.3 — Glasgow–Sharm el-Sheikh work programme" in out
    assert "\n    1. Decision 6/CMA.3 — Common time frames" in out
    assert "\ndecision (resolution form) Decision 7/CMA.3\n" in out
    assert main(["import-report", str(VOLUME), "--text", "20", "--json"]) == 1
    assert '"heading": "Resolution 1/CMA.3"' in capsys.readouterr().out
    assert main(["check", str(VOLUME), "--text", "21"]) == 2
    assert "holds 20 texts; --text takes 1 to 20." in capsys.readouterr().err


def test_an_added_ga_pdf_is_listed_as_resolution_73_7(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "add", str(REALDOCS / "pdf" / "A_RES_73_7-EN.pdf")]) == 0
    assert "(Resolution 73/7)" in capsys.readouterr().out
    assert main(["corpus", "list"]) == 0
    (line,) = [ln for ln in capsys.readouterr().out.splitlines() if "A_RES_73_7" in ln]
    assert "Resolution 73/7 " in line and " 73/7." not in line


def test_export_without_o_is_named_as_the_window_proposes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.txt"
    shutil.copy(CORPUS_FILES["france_draft"], source)
    doc = read_document(source)
    expected = tmp_path / f"{file_stem(doc)}.docx"
    assert expected.name == "Implementation of the Protocol to Prevent, Suppress and.docx"
    assert main(["export", str(source)]) == 0
    assert expected.is_file()
    # Again: the file there is never replaced unasked (it may be someone's Word file).
    before = expected.read_bytes()
    assert main(["export", str(source)]) == 2
    assert "exists already; name the Word file with -o" in capsys.readouterr().err
    assert expected.read_bytes() == before


def test_a_symbol_names_the_export() -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    assert doc.masthead is not None
    doc.masthead.symbol = "CTOC/COP/2008/L.4"
    assert file_stem(doc) == "CTOC-COP-2008-L.4"
