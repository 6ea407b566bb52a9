"""A damaged corpus index heals itself (issue 22 item 6): random bytes over the pages of a
table, half-overwritten full-text pages — found by the command or the search that reads
them, set aside, rebuilt from the documents, said in one sentence; never a traceback."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from drafting_app import cli
from drafting_app.corpus.store import CorpusStore
from drafting_app.paths import bundled_corpus_dir
from tests.conftest import REALDOCS

GA = REALDOCS / "ga"


def damage(db: Path, table: str, seed: int = 1, share: float = 0.5, *, whole: bool = False) -> int:
    """Overwrite the second half (``whole``: all) of ``share`` of the leaf pages of
    ``table`` with random bytes, as a disk or a program gone wrong would; the number of
    pages damaged."""
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        int(p)
        for (p,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
        )
    ]
    conn.close()
    rng = random.Random(seed)
    hit = rng.sample(pages, max(1, int(len(pages) * share)))
    data = bytearray(db.read_bytes())
    size = page_size if whole else page_size // 2
    for page in hit:
        start = page * page_size - size
        data[start : start + size] = rng.randbytes(size)
    db.write_bytes(bytes(data))
    return len(hit)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder whose index holds the bundled corpus and two GA resolutions."""
    monkeypatch.setenv("DRAFTING_APP_HOME", str(tmp_path))
    user = tmp_path / "corpus"
    user.mkdir()
    for name in ("A-RES-80-1_palestine-participation-2025.txt", "A-RES-80-4_cuba-embargo-2025.txt"):
        (user / name).write_bytes((GA / name).read_bytes())
    with CorpusStore.open() as store:
        assert store.document_count() == 7
    return tmp_path


def _broken(home: Path) -> list[Path]:
    return sorted(home.glob("corpus.sqlite.broken-*"))


def _one_sentence(err: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "damaged" in lines[0] and "rebuilt from the documents" in lines[0]
    assert "Traceback" not in err


def test_search_heals_half_overwritten_full_text_pages(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert damage(home / "corpus.sqlite", "paragraphs_fts_data") > 0
    assert cli.main(["corpus", "search", "trafficking in persons"]) == 0
    out, err = capsys.readouterr()
    assert "trafficking" in out.lower()
    _one_sentence(err)
    assert len(_broken(home)) == 1
    assert cli.main(["corpus", "search", "embargo"]) == 0  # healed for good: said once
    out, err = capsys.readouterr()
    assert "embargo" in out.lower() and err == ""


def test_showing_a_document_heals_random_bytes_in_the_paragraphs(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(home / "corpus.sqlite", "paragraphs", share=1.0)
    assert cli.main(["corpus", "show", "bundled/002_ecb4862eedf5f58e"]) == 0
    out, err = capsys.readouterr()
    assert "Resolution 5/2" in out and "Invites Member States and other donors" in out
    _one_sentence(err)


def test_listing_heals_a_damaged_document_table(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(home / "corpus.sqlite", "documents", share=1.0)
    assert cli.main(["corpus", "list"]) == 0
    out, err = capsys.readouterr()
    assert "7 documents" in out
    _one_sentence(err)


def test_check_heals_damaged_citations_and_finds_the_same(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = bundled_corpus_dir() / "002_ecb4862eedf5f58e.txt"
    code = cli.main(["check", str(draft)])
    before, _ = capsys.readouterr()
    damage(home / "corpus.sqlite", "citations", share=1.0)
    damage(home / "corpus.sqlite", "citations_text", share=1.0, seed=2)
    assert cli.main(["check", str(draft)]) == code
    after, err = capsys.readouterr()
    assert after == before
    _one_sentence(err)


def test_the_clause_picker_heals_through_the_store(home: Path) -> None:
    from drafting_app.clauses.library import open_clause_index

    damage(home / "corpus.sqlite", "clauses", share=1.0, whole=True)
    reported: list[str] = []
    with CorpusStore.open(sync=False) as store:
        index = open_clause_index(store)
        index.on_damage = reported.append
        assert index.search("extrabudgetary") == []  # no traceback, no result
        assert reported  # the window is told: it rebuilds
        report = store.heal()
        assert report.recovered_from and Path(report.recovered_from).exists()
        index.refresh()
        assert index.search("extrabudgetary")  # not an empty picker for ever
        index.close()


def test_a_header_that_is_not_a_database_is_set_aside_at_opening(home: Path) -> None:
    db = home / "corpus.sqlite"
    db.write_bytes(random.Random(3).randbytes(db.stat().st_size))
    with CorpusStore.open() as store:
        assert store.recovered_from is not None
        assert store.document_count() == 7
    assert len(_broken(home)) == 1
