"""READING (issue 16 item 1): printed numbers with a gap or a duplicate are a finding of
``drafting-app check FILE`` at the paragraph where the count breaks, never renumbered
silently; the reader's other doubts are information with their line. No clean real text
has printed numbers that disagree with the count."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from drafting_app import cli
from drafting_app.checks.findings import Severity
from drafting_app.checks.reading import reading_findings
from drafting_app.corpus.readers import read_documents
from tests.conftest import REALDOCS, ROOT

GAP = """SOURCE: written for the test

The General Assembly,

Recalling its resolution 78/13 of 4 December 2023,

1. Takes note of the report of the Ad Hoc Committee on the Indian Ocean;

2. Requests the Chair of the Ad Hoc Committee to continue his informal consultations;

4. Requests the Secretary-General to continue to render all necessary assistance;

4. Decides to include the item in the provisional agenda of its eighty-second session;

5. Decides to remain seized of the matter, and in particular:

(a) To consider the report of the Committee;

(c) To review the work of the Committee.
"""


def check_json(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    cli.main(["check", str(path), "--json"])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return [f for f in found if f["code"] == "READING"]


def test_a_gap_and_a_duplicate_are_warnings_where_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gap.txt"
    path.write_text(GAP, encoding="utf-8")
    found = check_json(path, capsys)
    # the paragraphs keep their place (3, 4, 5 (b)); the printed "4.", "4." and "(c)"
    # are said, with the line of the file
    assert [
        (f["severity"], f["location"]["part"], f["location"]["paragraph_label"]) for f in found
    ] == [
        ("warning", "operative", "3."),
        ("warning", "operative", "4."),
        ("warning", "operative", "(b)"),
    ]
    assert found[0]["message"].startswith(
        "The printed operative paragraph numbers jump to “4.” where “3.” was expected"
    )
    assert (
        found[1]["message"]
        == "The printed operative paragraph number “4.” repeats the one before it."
    )
    assert "“(c)” where “(b)” was expected" in found[2]["message"]
    assert [f["evidence"].split(":")[0] for f in found] == [
        f"As printed at line {n} of {path}" for n in (11, 13, 19)
    ]
    cli.main(["check", str(path)])
    out = capsys.readouterr().out
    assert "warning    READING     operative 3: The printed operative paragraph numbers jump" in out


def test_a_word_file_whose_numbering_restarts(capsys: pytest.CaptureFixture[str]) -> None:
    """The Model UN file with three Word lists in one: operative 2 (b) printed "a." again
    (paragraph 18 of the file), operative 3 printed "1." (paragraph 22)."""
    path = REALDOCS / "mun-docx" / "MUN_Eddy12597_test_problematic.docx"
    found = check_json(path, capsys)
    assert [
        (f["severity"], f["location"]["paragraph_label"], f["evidence"][:15]) for f in found
    ] == [
        ("warning", "(b)", "As printed at l"),
        ("warning", "3.", "As printed at l"),
    ]
    assert "line 18 of" in found[0]["evidence"] and "line 22 of" in found[1]["evidence"]


def test_a_doubt_of_the_reader_is_information(capsys: pytest.CaptureFixture[str]) -> None:
    path = REALDOCS / "ga-more" / "A-RES-80-11_peacebuilding-review-2025.txt"
    found = check_json(path, capsys)
    assert [(f["severity"], f["location"]["part"]) for f in found] == [("info", "document")] * 3
    assert "line 55 of" in found[0]["evidence"]


CLEAN = [
    *sorted((REALDOCS / "ga").glob("*.txt")),
    *sorted((REALDOCS / "ga-more").glob("*.txt")),
    *sorted((REALDOCS / "railcar").glob("A_RES_80_*")),
    *sorted((REALDOCS / "pdf").glob("*.pdf")),
    *sorted((REALDOCS / "un-docx").glob("*.docx")),
    *sorted((ROOT / "tests" / "data" / "shapes").glob("*.txt")),
]


@pytest.mark.slow
def test_no_clean_text_has_printed_numbers_out_of_count() -> None:
    warned = [
        (path.name, f.location.paragraph_label, f.message)
        for path in CLEAN
        for doc in read_documents(path)
        for f in reading_findings(doc)
        if f.severity is not Severity.INFO
    ]
    assert len(CLEAN) == 102 and warned == []


def test_parse_json_says_a_gap_is_a_numbering_fault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gap.txt"
    path.write_text(GAP, encoding="utf-8")
    assert cli.main(["parse", str(path), "--json"]) == 0
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert [(w["line"], w["kind"]) for w in warnings] == [
        (11, "numbering"),
        (13, "numbering"),
        (19, "numbering"),
    ]
