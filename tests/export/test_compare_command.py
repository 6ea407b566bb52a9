"""``drafting-app compare BASE NEW -o OUT.docx [--author NAME] [--json]`` (issue 17 item 4):
any readable formats in, a tracked-changes .docx and the change list out; exit 2 with a
clear message on input that cannot be read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from drafting_app.cli import main
from drafting_app.export.docx_writer import write_docx
from drafting_app.storage.project import save_project
from drafting_app.storage.settings import AppSettings, save_settings
from tests.conftest import ROOT
from tests.export.tracked_helpers import W, decided, part, printed
from tests.revisions.pairs import REAL_ROLLOVERS, make_rollover

ICC_2018, ICC_2025 = REAL_ROLLOVERS["icc_2018_2025"]


def test_compare_writes_the_tracked_file_and_prints_the_changes(tmp_path: Path, capsys):
    out = tmp_path / "icc.docx"
    assert main(["compare", str(ICC_2018), str(ICC_2025), "-o", str(out), "--author", "EU"]) == 0
    printed_out = capsys.readouterr().out
    assert "OP9: added" in printed_out and "OP9 → OP10: reworded" in printed_out
    assert printed_out.strip().endswith(f"Word: {out}")
    root = etree.fromstring(part(out.read_bytes(), "word/document.xml"))
    assert {el.get(f"{W}author") for el in root.iter(f"{W}ins")} == {"EU"}


def test_json_lists_every_change(tmp_path: Path, capsys):
    assert main(["compare", str(ICC_2018), str(ICC_2025), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["output"] is None
    added = [(c["new"], c["inserted"][:40]) for c in report["changes"] if c["kind"] == "added"]
    assert added[1] == ("OP9", "Underlines that the International Crimin")
    notes = [c for c in report["changes"] if c["target"] == "footnote"]
    assert notes[0]["deleted"] == "A/73/334." and notes[0]["inserted"] == "A/80/342."


def test_any_readable_formats_compare(tmp_path: Path, capsys):
    """A project file against a Word file: the same changes as the texts themselves."""
    r = make_rollover("resolution_10_3")
    base = tmp_path / "base.docx"
    write_docx(r.base, base)
    new = tmp_path / "draft.unres.json"
    save_project(r.new, new)
    assert main(["compare", str(base), str(new), "--json", "-o", str(tmp_path / "o.docx")]) == 0
    changes = [
        (c["base"], c["new"], c["kind"]) for c in json.loads(capsys.readouterr().out)["changes"]
    ]
    paragraphs = [c for c in changes if c[0] != "Masthead" and "footnote" not in (c[1] or c[0])]
    assert ("OP5", None, "deleted") in paragraphs and (None, "OP3", "added") in paragraphs
    accepted = printed(decided((tmp_path / "o.docx").read_bytes(), accept=True))
    assert any(
        "Requests the Secretariat to continue to provide technical" in p[1] for p in accepted
    )


def test_the_settings_user_name_signs_the_changes(tmp_path: Path):
    save_settings(AppSettings(user_name="Delegation of Mexico"))
    out = tmp_path / "o.docx"
    assert main(["compare", str(ICC_2018), str(ICC_2025), "-o", str(out)]) == 0
    root = etree.fromstring(part(out.read_bytes(), "word/document.xml"))
    assert {el.get(f"{W}author") for el in root.iter(f"{W}del")} == {"Delegation of Mexico"}


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: d / "missing.txt", "does not exist"),
        (lambda d: _write(d / "empty.txt", b""), "is empty"),
        (lambda d: _write(d / "cut.docx", b"PK\x03\x04\x14\x00garbage"), "damaged or truncated"),
        (lambda d: _write(d / "list.md", b"- one\n- two\n"), "no resolution or decision"),
        (lambda d: _write(d / "bin.txt", b"\x00\x01\x02" * 100), "binary"),
    ],
    ids=["missing", "empty", "truncated-docx", "not-a-resolution", "binary"],
)
def test_unreadable_input_is_exit_2_with_a_message(tmp_path: Path, capsys, make, says):
    bad = make(tmp_path)
    out = tmp_path / "o.docx"
    assert main(["compare", str(bad), str(ICC_2025), "-o", str(out)]) == 2
    assert main(["compare", str(ICC_2025), str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert not out.exists()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_wrong_parameters_are_refused_clearly(tmp_path: Path, capsys):
    assert main(["compare", str(ICC_2018), str(ICC_2025)]) == 2
    assert "-o OUT.docx" in capsys.readouterr().err
    assert main(["compare", str(ICC_2018), str(ICC_2025), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "must end in .docx" in capsys.readouterr().err
    same = tmp_path / "same.docx"
    write_docx(make_rollover("france_draft").new, same)
    before = same.read_bytes()
    assert main(["compare", str(ICC_2018), str(same), "-o", str(same)]) == 2
    assert same.read_bytes() == before  # nothing of the user's is overwritten


def test_the_process_exits_0_and_2():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    ok = subprocess.run(
        [sys.executable, "-m", "drafting_app", "compare", str(ICC_2018), str(ICC_2025), "--json"],
        env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert ok.returncode == 0 and json.loads(ok.stdout)["changes"]
    bad = subprocess.run(
        [sys.executable, "-m", "drafting_app", "compare", "/no/such.txt", str(ICC_2025), "--json"],
        env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert bad.returncode == 2 and b"does not exist" in bad.stderr
