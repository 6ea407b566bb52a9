"""The corpus store on real SQLite files: first build, incremental sync, adding documents,
recovery from unusable databases, full-text search (issue 2 §5–6)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from drafting_app.corpus import schema
from drafting_app.corpus.query import fts_query
from drafting_app.corpus.store import MARK_END, MARK_START, CorpusStore
from drafting_app.errors import CorpusError, FormatError
from tests.conftest import CORPUS, CORPUS_FILES

IDS = [f"bundled/{p.stem}" for p in sorted(CORPUS_FILES.values())]
RES_5_2 = "bundled/002_ecb4862eedf5f58e"
DEC_4_4 = "bundled/004_796db3f20302c02f"

SMALL = """Resolution 12/9

Keeping the corpus current

The Conference of the Parties to the United Nations Convention against Transnational \
Organized Crime,

Recalling its resolution 5/2 of 22 October 2010,

1. *Requests* the secretariat to index zeppelin registries;

2. *Decides* to remain seized of the matter.
"""


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    bundled = tmp_path / "bundled"
    shutil.copytree(CORPUS, bundled)
    return {"bundled": bundled, "user": tmp_path / "user", "db": tmp_path / "db" / "c.sqlite"}


def open_store(f: dict[str, Path]) -> CorpusStore:
    return CorpusStore.open(f["db"], [f["bundled"], f["user"]], user_dir=f["user"])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- build and sync ----------------------------------------------------------------------
def test_first_build_indexes_the_five_documents(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        docs = store.documents()
        assert [d.doc_id for d in docs] == IDS
        assert {d.origin for d in docs} == {"bundled"}
        by_id = {d.doc_id: d for d in docs}
        assert by_id[RES_5_2].heading == "Resolution 5/2"
        assert by_id[RES_5_2].date == "22 October 2010"
        assert by_id[DEC_4_4].date == "17 October 2008"
        assert by_id["bundled/001_6176a258725bf941"].kind == "draft"
        assert by_id["bundled/001_6176a258725bf941"].date == "9 October 2008"
        assert by_id[RES_5_2].footnotes == 7
        assert store.failures() == []  # README.md is not a document
    assert folders["db"].exists()
    assert sqlite3.connect(folders["db"]).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_reads_nothing(folders: dict[str, Path]) -> None:
    open_store(folders).close()
    with CorpusStore.open(folders["db"], [folders["bundled"]], user_dir=folders["user"]) as s:
        report = s.sync()
        assert (report.unchanged, report.hashed, report.parsed) == (5, 0, 0)
        assert not report.changed


def test_touch_rehashes_one_file_and_edit_rereads_only_it(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        before = {d: [r.paragraph_id for r in store.paragraphs(d)] for d in IDS}
        target = folders["bundled"] / "002_ecb4862eedf5f58e.txt"
        st = target.stat()
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
        report = store.sync()
        assert (report.hashed, report.parsed, report.unchanged) == (1, 0, 5)
        assert not report.changed

        with target.open("a", encoding="utf-8") as fh:
            fh.write("\n\n19. *Decides* to remain seized of the zeppelin question.\n")
        report = store.sync()
        assert (report.hashed, report.parsed, report.unchanged) == (1, 1, 4)
        assert [i.doc_id for i in report.updated] == [RES_5_2]
        assert report.added == report.removed == report.failed == []
        rows = store.paragraphs(RES_5_2)
        assert rows[-1].label == "19." and "zeppelin" in rows[-1].text
        assert [r.paragraph_id for r in rows[:-1]] == before[RES_5_2]
        assert [h.doc_id for h in store.search("zeppelin")] == [RES_5_2]
        for doc_id in IDS:
            if doc_id != RES_5_2:
                assert [r.paragraph_id for r in store.paragraphs(doc_id)] == before[doc_id]


def test_removed_file_is_dropped(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        (folders["bundled"] / "004_796db3f20302c02f.txt").unlink()
        report = store.sync()
        assert [i.doc_id for i in report.removed] == [DEC_4_4]
        assert DEC_4_4 not in [d.doc_id for d in store.documents()]
        assert store.search("human beings") == [] or all(
            h.doc_id != DEC_4_4 for h in store.search("human beings")
        )
        with pytest.raises(CorpusError):
            store.paragraphs(DEC_4_4)


def test_unreadable_file_is_reported_not_fatal(folders: dict[str, Path]) -> None:
    bad = write(folders["user"] / "notes.txt", "just a shopping list\n")
    with open_store(folders) as store:
        assert len(store.documents()) == 5
        assert [f.path for f in store.failures()] == [str(bad)]
        assert "no resolution" in store.failures()[0].message
        write(bad, SMALL)
        report = store.sync()
        assert [i.doc_id for i in report.added] == ["user/notes"]
        assert store.failures() == []


def test_doc_ids_and_paragraph_ids_are_stable_across_builds(
    folders: dict[str, Path], tmp_path: Path
) -> None:
    with open_store(folders) as a:
        first = {d: [r.paragraph_id for r in a.paragraphs(d)] for d in IDS}
    other = dict(folders, db=tmp_path / "other.sqlite")
    with open_store(other) as b:
        assert {d: [r.paragraph_id for r in b.paragraphs(d)] for d in IDS} == first
        doc = b.document(DEC_4_4)
        assert [p.id for p in doc.all_paragraphs()] == first[DEC_4_4]


def test_paragraph_rows_carry_labels_places_and_footnotes(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        rows = store.paragraphs(RES_5_2)
        assert rows[1].place == "preamble 2" and rows[1].footnotes == (3,)
        assert rows[0].footnotes == (1, 2)
        op7 = next(r for r in rows if r.part == "operative" and r.label == "7.")
        subs = [r for r in rows if r.parents == ("7.",)]
        assert subs and subs[0].label == "(a)" and subs[0].place == "operative 7 (a)"
        assert op7.opener == "Reaffirms"
        dec = store.paragraphs(DEC_4_4)
        assert dec[0].place == "chapeau"
        assert [r.label for r in dec if r.part == "operative" and not r.parents][:3] == [
            "(a)",
            "(b)",
            "(c)",
        ]
        assert [f.number for f in store.footnotes(RES_5_2)] == list(range(1, 8))


def test_the_store_lists_documents_by_page(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        every = store.documents()
        assert store.document_count() == len(every) == 5
        assert store.documents(1, 2) == every[1:3]
        assert store.documents(3) == every[3:]
        assert store.documents(0, 0) == [] and store.documents(9, 2) == []


def test_reopen_hands_the_first_sync_over(folders: dict[str, Path]) -> None:
    store = CorpusStore.open(
        folders["db"], [folders["bundled"], folders["user"]], user_dir=folders["user"], sync=False
    )
    other = store.reopen(take_first_sync=True)
    try:
        assert other is not store and other.db_path == store.db_path
        assert other._first_sync and not store._first_sync
        assert other.document_count() == store.document_count()
    finally:
        other.close()
    plain = store.reopen()
    try:
        assert not plain._first_sync
    finally:
        plain.close()
        store.close()


def test_unknown_document_is_a_corpus_error(folders: dict[str, Path]) -> None:
    with open_store(folders) as store, pytest.raises(CorpusError, match="no document"):
        store.document("bundled/nope")


# -- adding --------------------------------------------------------------------------------
def test_add_document_copies_indexes_and_never_overwrites(
    folders: dict[str, Path], tmp_path: Path
) -> None:
    src = write(tmp_path / "in" / "zeppelin.md", SMALL)
    with open_store(folders) as store:
        [info] = store.add_document(src)
        assert (info.doc_id, info.origin, info.heading) == (
            "user/zeppelin",
            "user",
            "Resolution 12/9",
        )
        assert (folders["user"] / "zeppelin.md").read_text(encoding="utf-8") == SMALL
        assert store.search("zeppelin registries")[0].doc_id == "user/zeppelin"

        other = write(tmp_path / "in2" / "zeppelin.txt", SMALL.replace("12/9", "12/10"))
        [info2] = store.add_document(other)
        assert info2.doc_id == "user/zeppelin-2"
        assert (folders["user"] / "zeppelin.md").read_text(encoding="utf-8") == SMALL

        [again] = store.add_document(src)  # same content: not copied twice
        assert again.doc_id == "user/zeppelin"
        assert sorted(p.name for p in folders["user"].iterdir()) == [
            "zeppelin-2.txt",
            "zeppelin.md",
        ]


def test_an_added_file_never_takes_the_id_of_a_file_the_index_still_holds(
    folders: dict[str, Path], tmp_path: Path
) -> None:
    # The add reads only its own file's row: the ids the other files hold are asked of
    # the index. A file removed while the app was closed still holds its id until the
    # next full sync, so a new "zeppelin.txt" must not become "user/zeppelin" too.
    write(folders["user"] / "zeppelin.md", SMALL)
    with open_store(folders) as store:
        assert store.info("user/zeppelin").heading == "Resolution 12/9"
    (folders["user"] / "zeppelin.md").unlink()
    src = write(tmp_path / "in" / "zeppelin.txt", SMALL.replace("12/9", "12/11"))
    with CorpusStore.open(
        folders["db"], [folders["bundled"], folders["user"]], user_dir=folders["user"], sync=False
    ) as store:
        [info] = store.add_document(src)
        assert (info.doc_id, info.heading) == ("user/zeppelin.txt", "Resolution 12/11")
        assert store.info("user/zeppelin").heading == "Resolution 12/9"  # until the sync
        store.sync()
        assert [d.doc_id for d in store.documents() if d.origin == "user"] == ["user/zeppelin.txt"]


@pytest.mark.parametrize(
    "name, data",
    [
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02garbage" * 10),
        ("prose.md", b"Nothing here looks like a resolution.\n"),
        ("fake.docx", b"not a zip at all"),
        ("sheet.xlsx", b"PK\x03\x04"),
    ],
)
def test_bad_file_is_refused_and_nothing_is_written(
    folders: dict[str, Path], tmp_path: Path, name: str, data: bytes
) -> None:
    src = tmp_path / name
    src.write_bytes(data)
    with open_store(folders) as store:
        with pytest.raises(FormatError):
            store.add_document(src)
        assert not folders["user"].exists() or list(folders["user"].iterdir()) == []
        assert len(store.documents()) == 5


def test_missing_file_is_refused(folders: dict[str, Path], tmp_path: Path) -> None:
    with open_store(folders) as store, pytest.raises(FormatError, match="does not exist"):
        store.add_document(tmp_path / "nowhere.txt")


# -- recovery --------------------------------------------------------------------------------
def _broken(db: Path) -> list[Path]:
    return sorted(p for p in db.parent.iterdir() if ".broken-" in p.name)


def _assert_rebuilt(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        assert [d.doc_id for d in store.documents()] == [*IDS, "user/mine"]
        assert store.search("trafficking")
    aside = [p for p in _broken(folders["db"]) if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1


def _with_user_doc(folders: dict[str, Path]) -> None:
    write(folders["user"] / "mine.txt", SMALL)
    open_store(folders).close()


def test_garbage_database_is_moved_aside_and_rebuilt(folders: dict[str, Path]) -> None:
    _with_user_doc(folders)
    garbage = os.urandom(8192)
    folders["db"].write_bytes(garbage)
    _assert_rebuilt(folders)
    assert _broken(folders["db"])[0].read_bytes() == garbage


def test_truncated_database_is_moved_aside_and_rebuilt(folders: dict[str, Path]) -> None:
    _with_user_doc(folders)
    data = folders["db"].read_bytes()
    assert len(data) > 8192
    folders["db"].write_bytes(data[: len(data) // 2])
    _assert_rebuilt(folders)


def test_newer_database_is_kept_aside_and_rebuilt(folders: dict[str, Path]) -> None:
    _with_user_doc(folders)
    conn = sqlite3.connect(folders["db"])
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    _assert_rebuilt(folders)
    kept = sqlite3.connect(_broken(folders["db"])[0])
    assert kept.execute("PRAGMA user_version").fetchone()[0] == 99
    kept.close()


def test_older_database_is_rebuilt_in_place(folders: dict[str, Path]) -> None:
    folders["db"].parent.mkdir(parents=True)
    conn = sqlite3.connect(folders["db"])
    conn.execute("CREATE TABLE legacy (x)")
    conn.close()
    with open_store(folders) as store:
        assert len(store.documents()) == 5
    assert _broken(folders["db"]) == []
    conn = sqlite3.connect(folders["db"])
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "legacy" not in tables and "documents" in tables


SCHEMA_6 = Path(__file__).parent.parent / "data" / "corpus_index" / "schema6.sqlite"


def test_schema_6_index_is_upgraded_keeping_the_users_added_document(
    folders: dict[str, Path],
) -> None:
    """An index written by the previous version (schema 6: prefix lists of 2 and 3
    letters, passages naming their document by doc_id) is rebuilt from the documents:
    the one the user added is still listed and found."""
    write(folders["user"] / "mine.txt", SMALL)
    folders["db"].parent.mkdir(parents=True)
    shutil.copyfile(SCHEMA_6, folders["db"])
    old = sqlite3.connect(folders["db"])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 6
    assert [r[0] for r in old.execute("SELECT doc_id FROM documents")] == ["user/mine"]
    old.close()
    with open_store(folders) as store:
        assert [d.doc_id for d in store.documents()] == [*IDS, "user/mine"]
        [hit] = store.search("zeppelin")
        assert (hit.doc_id, hit.part) == ("user/mine", "operative")
        assert store.search("ze") and store.search("z")  # prefixes shorter than the lists'
        conn = store.connection()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert "doc" in {r[1] for r in conn.execute("PRAGMA table_info(paragraphs)")}
        fts = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'paragraphs_fts'")
        assert "prefix='3'" in fts.fetchone()[0]
    assert _broken(folders["db"]) == []  # an older index is not damage: nothing kept aside


def test_rebuild_gives_the_same_index(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        before = store.documents()
        report = store.rebuild()
        assert len(report.added) == 5
        assert store.documents() == before


# -- search ------------------------------------------------------------------------------------
def test_prefix_search_as_you_type(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        hits = store.search("traff pers", limit=500)
        assert len(hits) > 20
        for h in hits:
            text = next(
                r.text for r in store.paragraphs(h.doc_id) if r.paragraph_id == h.paragraph_id
            )
            words = text.lower().split()
            assert any(w.startswith("traff") for w in words)
            assert any(w.strip("(,;").startswith("pers") for w in words)
        assert all(MARK_START in h.snippet and MARK_END in h.snippet for h in hits)
        assert [h.rank for h in hits] == sorted(h.rank for h in hits)


def test_search_ranks_and_gives_provenance(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        hits = store.search("decision 4/4 functions")
        top = hits[0]
        assert (top.doc_id, top.part, top.label, top.heading) == (
            RES_5_2,
            "operative",
            "14.",
            "Resolution 5/2",
        )
        row = next(r for r in store.paragraphs(RES_5_2) if r.paragraph_id == top.paragraph_id)
        assert "decision 4/4" in row.text and top.opener == row.opener
        assert f"{MARK_START}functions{MARK_END}" in top.snippet


def test_stop_words_are_dropped_unless_alone(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        plain = [(h.doc_id, h.paragraph_id) for h in store.search("smuggling migrants", 500)]
        wordy = [(h.doc_id, h.paragraph_id) for h in store.search("the smuggling of migrants", 500)]
        assert plain and plain == wordy
        # nothing but stop words: searched as a phrase being typed
        hits = store.search("of the", 500)
        assert hits
        for h in hits:
            text = next(
                r.text for r in store.paragraphs(h.doc_id) if r.paragraph_id == h.paragraph_id
            )
            assert re.search(r"\bof the", text.lower())


def test_quoted_phrase_must_match_exactly(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        phrase = store.search('"trafficking in human beings"', 500)
        assert phrase
        loose = store.search("trafficking human beings", 500)
        assert len(phrase) <= len(loose)
        for h in phrase:
            text = next(
                r.text for r in store.paragraphs(h.doc_id) if r.paragraph_id == h.paragraph_id
            )
            assert "trafficking in human beings" in text.lower()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'traff"',
        "AND",
        "OR NOT",
        "NEAR(",
        "*",
        "a:b",
        "'; DROP TABLE paragraphs; --",
        "(((",
        "^x",
        "",
        # odd input for the vocabulary's prefix expansion and ranking
        "t",
        "ø",
        "½",
        "Développ",
        "\U0010ffff",
        "a\U0010ffff",
        "\ud7ff",
        "x" * 5000,
        "traff " * 200,
        '"of the',
        "the",
        "traff*",
        "__init__",
        "crime¹",
        "ﬁnance",
    ],
)
def test_hostile_queries_never_raise(folders: dict[str, Path], query: str) -> None:
    with open_store(folders) as store:
        hits = store.search(query, limit=20)
        assert isinstance(hits, list) and len(hits) <= 20
        assert isinstance(store.search(query, limit=5, part="operative"), list)
        assert len(store.documents()) == 5


def test_search_by_part(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        hits = store.search("recalling", part="preamble", limit=500)
        assert hits and {h.part for h in hits} == {"preamble"}
        assert {h.part for h in store.search("requests", part="operative")} == {"operative"}
        with pytest.raises(CorpusError, match="Unknown part"):
            store.search("x", part="annexe")


def test_first_sync_after_recovery_says_where_the_old_file_went(folders: dict[str, Path]) -> None:
    folders["db"].parent.mkdir(parents=True)
    folders["db"].write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    store = CorpusStore.open(
        folders["db"], [folders["bundled"]], user_dir=folders["user"], sync=False
    )
    with store:
        assert store.recovered_from is not None and store.recovered_from.exists()
        first = store.sync()
        assert first.recovered_from == str(store.recovered_from)
        assert len(first.added) == 5
        assert store.sync().recovered_from == ""


def test_new_reader_version_rereads_every_file_keeping_ids(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        before = store.documents()
    conn = sqlite3.connect(folders["db"])
    conn.execute("UPDATE meta SET value = '0.0.0' WHERE key = 'reader'")
    conn.commit()
    conn.close()
    with CorpusStore.open(
        folders["db"], [folders["bundled"]], user_dir=folders["user"], sync=False
    ) as store:
        report = store.sync()
        assert (report.parsed, len(report.updated), report.added) == (5, 5, [])
        assert store.documents() == before
        assert store.sync().parsed == 0


def test_failed_files_are_retried_once_per_session(folders: dict[str, Path]) -> None:
    write(folders["user"] / "notes.txt", "just a shopping list\n")
    open_store(folders).close()
    with CorpusStore.open(
        folders["db"], [folders["bundled"]], user_dir=folders["user"], sync=False
    ) as store:
        first = store.sync()
        assert first.parsed == 1 and [f.path for f in first.failed] == [
            str(folders["user"] / "notes.txt")
        ]
        second = store.sync()
        assert (second.parsed, second.failed) == (0, [])
        assert len(store.failures()) == 1


def test_citations_are_indexed_with_their_place(folders: dict[str, Path]) -> None:
    with open_store(folders) as store:
        cites = store.citations(RES_5_2)
        first = cites[0]
        assert (first.part, first.label, first.kind, first.body, first.number, first.date) == (
            "preamble",
            "2",
            "decision",
            "its",
            "4/4",
            "17 October 2008",
        )
        treaty = next(c for c in cites if c.kind == "treaty")
        assert (treaty.part, treaty.label, treaty.volumes, treaty.ibid) == (
            "footnote",
            "1",
            ("2225",),
            True,
        )
        assert {c.doc_id for c in store.citations()} == set(IDS)
        assert len(store.citations()) == sum(len(store.citations(d)) for d in IDS)
        (folders["bundled"] / "002_ecb4862eedf5f58e.txt").unlink()
        store.sync()
        assert all(c.doc_id != RES_5_2 for c in store.citations())


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("traff pers", '"traff"* AND "pers"*'),
        ("the smuggling of migrants", '"smuggling"* AND "migrants"*'),
        ("of the", '"of" AND "the"*'),
        ('"trafficking in persons" vict', '"trafficking" AND "in" AND "persons" AND "vict"*'),
        ("AND OR NOT NEAR(x", '"not"* AND "near"* AND "x"*'),
        ('"unbalanced quote', '"unbalanced" AND "quote"'),
        ("***", ""),
        ("", ""),
    ],
)
def test_fts_query_is_always_well_formed(typed: str, expected: str) -> None:
    assert fts_query(typed) == expected


def test_opening_never_reads_the_whole_file(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write-ahead log left behind (a crash, or the window still open) is SQLite's own
    recovery: opening does not check every page before the window or a command."""
    _with_user_doc(folders)
    db = folders["db"]
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"")
    seen: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(seen.append)
        return conn

    monkeypatch.setattr(schema.sqlite3, "connect", traced)
    with open_store(folders) as store:
        assert len(store.documents()) == 6
    assert seen  # the trace saw the opening
    assert not any("quick_check" in sql or "integrity" in sql for sql in seen)


def test_broad_search_ranks_the_first_candidates_only(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafting_app.corpus import store as store_module

    with open_store(folders) as store:
        everything = store.search("traff", limit=1000)
        assert len(everything) > 20
        monkeypatch.setattr(store_module, "CANDIDATES", 8)
        first = store._conn.execute(
            "SELECT d.doc_id, p.paragraph_id FROM paragraphs_fts"
            " JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
            " JOIN documents d ON d.doc = p.doc"
            " WHERE paragraphs_fts MATCH ? ORDER BY paragraphs_fts.rowid LIMIT 8",
            (fts_query("traff"),),
        ).fetchall()
        hits = store.search("traff", limit=3)
        assert len(hits) == 3
        assert {(h.doc_id, h.paragraph_id) for h in hits} <= set(first)
        ranks = [h.rank for h in hits]
        assert ranks == sorted(ranks)
        best_of_first = sorted(
            (h for h in everything if (h.doc_id, h.paragraph_id) in set(first)),
            key=lambda h: h.rank,
        )[:3]
        assert hits == best_of_first
        assert len(store.search("traff", limit=20)) == 20  # never fewer than asked for


def test_renamed_suffix_keeps_the_doc_id_and_a_broken_edit_drops_the_document(
    folders: dict[str, Path],
) -> None:
    user = folders["user"]
    write(user / "mine.txt", SMALL)
    write(user / "other.txt", SMALL.replace("12/9", "12/8"))
    with open_store(folders) as store:
        (user / "mine.txt").rename(user / "mine.md")
        report = store.sync()
        assert [i.doc_id for i in report.removed] == ["user/mine"]
        assert [i.doc_id for i in report.added] == ["user/mine"]
        write(user / "other.txt", "now just a shopping list\n")
        report = store.sync()
        assert [(i.doc_id, "no resolution" in i.message) for i in report.failed] == [
            ("user/other", True)
        ]
        assert "user/other" not in [d.doc_id for d in store.documents()]
        assert [f.path for f in store.failures()] == [str(user / "other.txt")]
