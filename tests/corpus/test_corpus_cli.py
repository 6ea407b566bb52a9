"""``drafting-app corpus …`` end to end through cli.main, with a private user-data folder
(conftest) holding a real SQLite index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafting_app.cli import main
from drafting_app.paths import user_corpus_dir, user_data_dir
from tests.conftest import REALDOCS

GOOD = """Resolution 12/7

Keeping zeppelins in the corpus

The Conference of the Parties to the United Nations Convention against Transnational \
Organized Crime,

Recalling its decision 4/4 of 17 October 2008,

1. *Requests* the secretariat to index zeppelin registries;

2. *Decides* to remain seized of the matter.
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["corpus", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert out.splitlines()[-1] == "5 documents"
    assert "bundled/002_ecb4862eedf5f58e" in out and "Resolution 5/2" in out
    assert (user_data_dir() / "corpus.sqlite").exists()


def test_show_gives_the_structure_with_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "bundled/002_ecb4862eedf5f58e")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Resolution 5/2"
    assert any(ln.strip().startswith("14 ") and "decision 4/4" in ln for ln in lines)
    assert any(ln.strip().startswith("7 (a)") for ln in lines)
    assert "  footnotes" in lines


def test_show_unknown_document_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "bundled/nope")
    assert code == 2 and out == ""
    assert "no document 'bundled/nope'" in err


def test_refs_for_a_number_lists_date_and_places(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "refs", "4/4")
    assert code == 0
    assert "decision 4/4 of 17 October 2008" in out
    assert "Resolution 5/2, preamble 2:" in out
    assert "Resolution 5/2, operative 14:" in out
    assert "Resolution 10/3, preamble 2:" in out
    code, out, err = run(capsys, "refs", "99/999")
    assert code == 1 and "no cited text numbered '99/999'" in err


def test_refs_lists_every_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "refs")
    assert code == 0
    assert "General Assembly resolution 64/293 of 30 July 2010" in out
    assert "Security Council resolution 2331 (2016) of date unknown" in out


def test_add_reports_each_file_and_fails_if_any_failed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "zeppelin.md"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, out, err = run(capsys, "add", str(good), str(bad), str(tmp_path / "missing.md"))
    assert code == 2
    assert f"{good}: user/zeppelin (Resolution 12/7)" in out
    assert f"{bad}: not added:" in err and "empty" in err
    assert "missing.md: not added:" in err
    assert sorted(p.name for p in user_corpus_dir().iterdir()) == ["zeppelin.md"]
    code, out, _ = run(capsys, "list")
    assert out.splitlines()[-1] == "6 documents"
    code, out, _ = run(capsys, "search", "zeppelin")
    assert code == 0 and out.startswith("user/zeppelin Resolution 12/7, operative 1:")


def test_add_good_file_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "zeppelin.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, _, _ = run(capsys, "add", str(good))
    assert code == 0
    code, out, _ = run(capsys, "add", str(good))
    assert (
        code == 0
        and out.strip() == f"{good}: already in the corpus as user/zeppelin (Resolution 12/7)"
    )
    assert [p.name for p in user_corpus_dir().iterdir()] == ["zeppelin.txt"]


def test_search(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "traff pers", "--limit", "3")
    assert code == 0 and len(out.splitlines()) == 3
    assert "[Trafficking]" in out
    code, out, _ = run(capsys, "search", "recalling", "--part", "preamble")
    assert code == 0 and all(", preamble " in ln or ", chapeau" in ln for ln in out.splitlines())
    code, out, err = run(capsys, "search", "xylophonist")
    assert code == 1 and out == "" and "nothing in the corpus matches" in err
    code, _, _ = run(capsys, "search", 'NEAR( "AND OR * :')
    assert code in (0, 1)


@pytest.mark.parametrize(
    "argv",
    [
        ("search", "x", "--limit", "0"),
        ("search", "x", "--limit", "many"),
        ("search", "x", "--part", "annexe"),
        ("show",),
        ("add",),
        ("frobnicate",),
        (),
    ],
)
def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["corpus", *argv])
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


def test_rebuild_and_recovery_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rebuild")
    assert code == 0 and out.strip() == "5 added, 0 updated, 0 removed, 0 failed"
    db = user_data_dir() / "corpus.sqlite"
    for side in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        side.unlink(missing_ok=True)
    db.write_bytes(os.urandom(4096))
    code, out, err = run(capsys, "list")
    assert code == 0 and out.splitlines()[-1] == "5 documents"
    assert "moved to" in err and ".broken-" in err


def test_rebuild_reports_unreadable_files(capsys: pytest.CaptureFixture[str]) -> None:
    folder = user_corpus_dir()
    folder.mkdir(parents=True)
    (folder / "junk.txt").write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "rebuild")
    assert code == 1
    assert out.strip() == "5 added, 0 updated, 0 removed, 1 failed"
    assert "junk.txt" in err and "binary" in err


def test_add_a_report_volume_lists_each_of_its_texts(capsys: pytest.CaptureFixture[str]) -> None:
    volume = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"
    code, out, _ = run(capsys, "add", str(volume))
    assert code == 0
    lines = out.splitlines()
    copied = user_corpus_dir() / volume.name
    assert lines[0] == f"{volume}: added at {copied} as 20 texts:"
    assert lines[1].split() == ["user/FCCC-PA-CMA-2021-10-Add.3", "Decision", "6/CMA.3"]
    assert lines[-1].split() == ["user/FCCC-PA-CMA-2021-10-Add.3#20", "Resolution", "1/CMA.3"]
    code, out, _ = run(capsys, "add", str(volume))
    assert out.splitlines()[0] == f"{volume}: already in the corpus as 20 texts:"
    code, out, _ = run(capsys, "list")
    assert out.splitlines()[-1] == "25 documents"
    code, out, _ = run(capsys, "show", "user/FCCC-PA-CMA-2021-10-Add.3#8")
    assert code == 0 and out.splitlines()[0] == "Decision 13/CMA.3"
