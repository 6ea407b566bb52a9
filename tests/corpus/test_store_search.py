"""Corpus search as you type over the maintained vocabulary (issue 10): the vocabulary
stays equal to FTS5's own count through every kind of sync, expanded prefixes find what
FTS5's prefix queries find, BM25 ranks the candidates (odd input: test_store.py)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from drafting_app.corpus import store as store_module
from drafting_app.corpus.query import fts_query
from drafting_app.corpus.store import CorpusStore
from drafting_app.fulltext.vocabulary import TableVocabulary
from tests.conftest import CORPUS, REALDOCS

ZEPPELIN = """Resolution 12/9

Zeppelin registries

The Conference of the Parties,

1. *Requests* the secretariat to index zeppelin registries, zeppelin fleets and the \
zeppelin owners of every State;

2. *Invites* States to report on their zeppelin registries and on their ports;

3. *Decides* to remain seized of the matter.
"""


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    bundled = tmp_path / "bundled"
    shutil.copytree(CORPUS, bundled)
    for path in sorted((REALDOCS / "ga").glob("*.txt")):
        shutil.copy(path, bundled / path.name)
    return {"bundled": bundled, "user": tmp_path / "user", "db": tmp_path / "c.sqlite"}


def open_store(f: dict[str, Path]) -> CorpusStore:
    return CorpusStore.open(f["db"], [f["bundled"], f["user"]], user_dir=f["user"])


def assert_vocabulary_is_fresh(store: CorpusStore) -> None:
    """The maintained vocabulary and totals equal a fresh fts5vocab scan and row count."""
    conn: sqlite3.Connection = store._conn
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fresh USING fts5vocab(main, paragraphs_fts, row)"
    )
    fresh = conn.execute("SELECT term, doc FROM temp.fresh ORDER BY term").fetchall()
    kept = conn.execute("SELECT term, docs FROM vocabulary ORDER BY term").fetchall()
    assert kept == fresh
    totals = dict(conn.execute("SELECT key, value FROM vocabulary_totals"))
    sql = "SELECT count(*), coalesce(sum(length(text)), 0) FROM paragraphs"
    rows, chars = conn.execute(sql).fetchone()
    assert totals == {"rows": rows, "characters": chars}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_vocabulary_follows_adds_changes_and_removals(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        assert_vocabulary_is_fresh(store)  # first build, document by document
        assert len(store.documents()) == 15
        [added] = store.add_document(_write(folders["user"].parent / "z.txt", ZEPPELIN))
        assert_vocabulary_is_fresh(store)
        assert store._conn.execute("SELECT docs FROM vocabulary WHERE term = 'zeppelin'").fetchone()
        edit(Path(added.path), "zeppelin owners", "dirigible owners")
        edit(folders["bundled"] / "002_ecb4862eedf5f58e.txt", "Member States", "Zeppelin States")
        assert len(store.sync().updated) == 2
        assert_vocabulary_is_fresh(store)
        Path(added.path).unlink()
        (folders["bundled"] / "004_796db3f20302c02f.txt").unlink()
        assert len(store.sync().removed) == 2
        assert_vocabulary_is_fresh(store)
        assert (
            store._conn.execute("SELECT 1 FROM vocabulary WHERE term = 'dirigible'").fetchone()
            is None
        )
        for path in folders["bundled"].iterdir():
            path.unlink()
        store.sync()
        assert_vocabulary_is_fresh(store)
        assert store._conn.execute("SELECT count(*) FROM vocabulary").fetchone() == (0,)


def test_vocabulary_after_a_bulk_build_and_a_large_update(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BULK_MIN", 3)
    with open_store(folders) as store:
        assert_vocabulary_is_fresh(store)  # one FTS5 'rebuild', then a recount
        for name in ("002_ecb4862eedf5f58e.txt", "000_fcca33238787d02e.txt"):
            edit(folders["bundled"] / name, "States", "Zeppelin States")
        (folders["bundled"] / "004_796db3f20302c02f.txt").unlink()
        report = store.sync()  # three documents ≥ BULK_MIN: recounted
        assert len(report.updated) == 2 and len(report.removed) == 1
        assert_vocabulary_is_fresh(store)
    with open_store(folders) as store:
        assert_vocabulary_is_fresh(store)


def test_expanded_prefixes_find_what_fts5_prefix_queries_find(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        conn = store._conn
        vocabulary = TableVocabulary(conn, "vocabulary")
        words = [r[0] for r in conn.execute("SELECT term FROM vocabulary ORDER BY term")]
        queries = [w[:n] for w in words[::29] for n in (1, 2, 4, 5, 7)]
        queries += ["traff pers", "develop sust", "Member Stat", "t", "implem"]
        queries += ['"trafficking in persons" vict', "of th", "Développ", "Côte d’Iv"]

        def rows(match: str) -> set[int]:
            sql = "SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ?"
            return {r[0] for r in conn.execute(sql, (match,))}

        changed = 0
        for q in queries:
            native, expanded = fts_query(q), fts_query(q, vocabulary)
            changed += native != expanded
            assert rows(expanded) == rows(native), (q, expanded)
        assert changed > len(queries) // 3
        assert fts_query("zzzqx", vocabulary) == ""  # no word starts so: no FTS5 query at all


def test_search_with_expansion_returns_the_native_matches(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        for q in ("traff", "implem", "s", "Member Stat", "sustainable develo"):
            hits = store.search(q, limit=1000)
            sql = "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH ?"
            native = store._conn.execute(sql, (fts_query(q),)).fetchone()[0]
            assert len(hits) == min(native, max(store_module.CANDIDATES, 1000)), q


def test_more_hits_of_a_rare_word_rank_first(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        store.add_document(_write(folders["user"].parent / "z.txt", ZEPPELIN))
        hits = store.search("zeppelin")
        assert [h.label for h in hits] == ["1.", "2."]  # three hits, then one
        assert hits[0].rank < hits[1].rank < 0
        assert "\x02zeppelin\x03" in hits[0].snippet.lower()
        hits = store.search("zeppel registries")
        assert [h.label for h in hits] == ["1.", "2."]
        phrase = store.search('"zeppelin registries" ports')
        assert [h.label for h in phrase] == ["2."]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_widened_prefix_returns_only_rows_with_the_typed_prefix(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long prefix with too many completions is asked as its 3-letter prefix ("tra"*
    for "traff"): what comes back still starts a word with "traff"."""
    from drafting_app.corpus import query as query_module
    from drafting_app.fulltext.words import fold

    with open_store(folders) as store:
        native = {(h.doc_id, h.paragraph_id) for h in store.search("traff", limit=1000)}
        monkeypatch.setattr(query_module, "MAX_EXPANSION", 1)
        assert '"tra"*' in fts_query("traff", TableVocabulary(store._conn, "vocabulary"))
        widened = store.search("traff", limit=1000)
        assert widened and {(h.doc_id, h.paragraph_id) for h in widened} <= native
        texts = {
            (p.doc_id, p.paragraph_id): p.text
            for d in store.documents()
            for p in store.paragraphs(d.doc_id)
        }
        for h in widened:
            if (h.doc_id, h.paragraph_id) in texts:
                assert " traff" in " " + fold(texts[(h.doc_id, h.paragraph_id)])
