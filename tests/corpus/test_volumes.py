"""A file holding several texts (a UNFCCC report volume with every decision adopted at the
session) is indexed as all of them: one document per text, ids stable across rebuilds,
and changing or removing the file takes every text (and its words, footnotes, citations)
with it. Real Word files, a real SQLite index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.errors import CorpusError
from tests.conftest import CORPUS, REALDOCS
from tests.corpus.test_store_search import assert_vocabulary_is_fresh

VOLUME = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"
SINGLE_DOCX = REALDOCS / "mun-docx" / "MUN_Eddy12597_test1.docx"
FIRST_ID = "user/FCCC-PA-CMA-2021-10-Add.3"
# INDEX.md: "the UNFCCC report volume with decisions 6/CMA.3 onwards" — decisions 6 to 24
# of the session, then the resolution of thanks that closes it (20 texts).
HEADINGS = [f"Decision {n}/CMA.3" for n in range(6, 25)] + ["Resolution 1/CMA.3"]
IDS = [FIRST_ID] + [f"{FIRST_ID}#{n}" for n in range(2, 21)]
BUNDLED = 5


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    bundled = tmp_path / "bundled"
    shutil.copytree(CORPUS, bundled)
    return {"bundled": bundled, "user": tmp_path / "user", "db": tmp_path / "c.sqlite"}


def open_store(f: dict[str, Path], db: Path | None = None) -> CorpusStore:
    return CorpusStore.open(db or f["db"], [f["bundled"], f["user"]], user_dir=f["user"])


def _volume_rows(store: CorpusStore) -> dict[str, int]:
    """Rows left in each table for the volume's later texts (ids "<first>#n")."""
    sql = {
        "documents": "SELECT count(*) FROM documents WHERE doc_id LIKE ?",
        "paragraphs": "SELECT count(*) FROM paragraphs p JOIN documents d ON d.doc = p.doc"
        " WHERE d.doc_id LIKE ?",
        "clauses": "SELECT count(*) FROM clauses c JOIN paragraphs p ON p.id = c.id"
        " JOIN documents d ON d.doc = p.doc WHERE d.doc_id LIKE ?",
        "citations": "SELECT count(*) FROM citations c JOIN paragraphs p ON p.id = c.row"
        " JOIN documents d ON d.doc = p.doc WHERE d.doc_id LIKE ?",
    }
    return {
        table: store._conn.execute(query, (FIRST_ID + "#%",)).fetchone()[0]
        for table, query in sql.items()
    }


def test_adding_the_word_volume_indexes_every_text_with_its_heading(
    folders: dict[str, Path],
) -> None:
    with open_store(folders) as store:
        texts = store.add_document(VOLUME)
        assert [t.heading for t in texts] == HEADINGS
        assert [t.doc_id for t in texts] == IDS
        assert {t.path for t in texts} == {str(folders["user"] / VOLUME.name)}
        assert [p.name for p in folders["user"].iterdir()] == [VOLUME.name]
        assert store.document_count() == BUNDLED + 20
        # Listed in the volume's order (not "#10" before "#2"), page by page as well.
        assert store.documents()[BUNDLED:] == texts
        assert [d.heading for d in store.documents(BUNDLED + 8, 3)] == HEADINGS[8:11]
        # Each text has its own paragraphs, footnotes and citations.
        thirteenth = store.info(f"{FIRST_ID}#8")
        assert thirteenth.heading == "Decision 13/CMA.3"
        assert thirteenth.title == "Matters relating to the Adaptation Fund"
        rows = store.paragraphs(thirteenth.doc_id)
        assert len(rows) == thirteenth.paragraphs > 10
        assert len(store.footnotes(thirteenth.doc_id)) == thirteenth.footnotes == 8
        assert sum(t.paragraphs for t in texts) == sum(
            len(store.paragraphs(t.doc_id)) for t in texts
        )
        # Read again from the file: the text asked for, with the ids the index holds.
        doc = store.document(thirteenth.doc_id)
        assert doc.heading == "Decision 13/CMA.3"
        assert [p.id for p in doc.all_paragraphs()] == [r.paragraph_id for r in rows]
        doc.operative.clear()  # the caller's copy: the next reader gets the text whole
        assert store.document(thirteenth.doc_id).operative
        assert store.document(FIRST_ID).heading == "Decision 6/CMA.3"
        assert store.document(IDS[-1]).heading == "Resolution 1/CMA.3"
        # Search finds a later decision's paragraphs under its own heading.
        hits = store.search('"Adaptation Fund Board"', limit=50)
        assert hits and {h.heading for h in hits} <= set(HEADINGS)
        assert "Decision 13/CMA.3" in {h.heading for h in hits}
        assert all(h.doc_id == IDS[HEADINGS.index(h.heading)] for h in hits)
        # The registry sees each of them as a text in the corpus.
        in_corpus = {t.doc_id: t.number for t in Registry.from_store(store).texts() if t.doc_id}
        assert {d: in_corpus.get(d) for d in IDS} == {
            d: h.split()[1] for d, h in zip(IDS, HEADINGS, strict=True)
        }
        assert_vocabulary_is_fresh(store)

        again = store.add_document(VOLUME)  # the same content: not copied a second time
        assert again == texts
        assert [p.name for p in folders["user"].iterdir()] == [VOLUME.name]


def test_volume_ids_are_stable_across_rebuilds_and_new_indexes(
    folders: dict[str, Path], tmp_path: Path
) -> None:
    with open_store(folders) as store:
        store.add_document(VOLUME)
        before = [(d.doc_id, d.heading, d.paragraphs) for d in store.documents()]
        first_rows = store.paragraphs(IDS[5])
        report = store.rebuild()
        assert [(d.doc_id, d.heading, d.paragraphs) for d in store.documents()] == before
        assert store.paragraphs(IDS[5]) == first_rows
        assert len(report.added) == BUNDLED + 1  # files, not texts
    with open_store(folders, tmp_path / "other.sqlite") as fresh:
        assert [(d.doc_id, d.heading, d.paragraphs) for d in fresh.documents()] == before
        assert not fresh.sync().changed


def test_changing_the_volume_replaces_all_its_texts_and_removing_it_drops_them(
    folders: dict[str, Path],
) -> None:
    with open_store(folders) as store:
        store.add_document(VOLUME)
        copied = folders["user"] / VOLUME.name
        # The file now holds one text (another Word draft saved over it).
        shutil.copyfile(SINGLE_DOCX, copied)
        report = store.sync()
        assert [i.doc_id for i in report.updated] == [FIRST_ID]
        assert [d.doc_id for d in store.documents()[BUNDLED:]] == [FIRST_ID]
        assert store.info(FIRST_ID).heading != HEADINGS[0]
        assert _volume_rows(store) == dict.fromkeys(_volume_rows(store), 0)
        with pytest.raises(CorpusError):
            store.info(IDS[1])
        assert_vocabulary_is_fresh(store)
        assert not store.search("Sharm")  # words only the volume held are gone

        shutil.copyfile(VOLUME, copied)  # the volume again: its twenty texts come back
        assert [i.doc_id for i in store.sync().updated] == [FIRST_ID]
        assert [d.doc_id for d in store.documents()[BUNDLED:]] == IDS
        assert_vocabulary_is_fresh(store)

        copied.unlink()
        report = store.sync()
        assert [i.doc_id for i in report.removed] == [FIRST_ID]
        assert store.document_count() == BUNDLED
        assert _volume_rows(store) == dict.fromkeys(_volume_rows(store), 0)
        orphans = {
            "paragraphs": "SELECT count(*) FROM paragraphs"
            " WHERE doc NOT IN (SELECT doc FROM documents)",
            "clauses": "SELECT count(*) FROM clauses WHERE id NOT IN (SELECT id FROM paragraphs)",
            "citations": "SELECT count(*) FROM citations"
            " WHERE row NOT IN (SELECT id FROM paragraphs)",
            "groups": "SELECT count(*) FROM groups"
            " WHERE group_id NOT IN (SELECT group_id FROM clauses)",
        }
        for table, sql in orphans.items():
            assert store._conn.execute(sql).fetchone()[0] == 0, table
        assert_vocabulary_is_fresh(store)
        assert not store.search("Sharm")


def test_a_file_holding_one_text_keeps_its_id(folders: dict[str, Path], tmp_path: Path) -> None:
    with open_store(folders) as store:
        bundled = [d.doc_id for d in store.documents()]
        assert bundled == [f"bundled/{p.stem}" for p in sorted(CORPUS.glob("0*.txt"))]
        [single] = store.add_document(SINGLE_DOCX)
        assert single.doc_id == f"user/{SINGLE_DOCX.stem}"
        # A file whose name looks like a volume's second text keeps its suffix in its id,
        # so it never takes the id of the volume's text.
        odd = tmp_path / "FCCC-PA-CMA-2021-10-Add.3#2.txt"
        odd.write_bytes((CORPUS / "002_ecb4862eedf5f58e.txt").read_bytes() + b"\n")
        [odd_info] = store.add_document(odd)
        volume = store.add_document(VOLUME)
        assert odd_info.doc_id == f"user/{odd.name}"
        assert [t.doc_id for t in volume] == IDS
        assert store.info(IDS[1]).heading == HEADINGS[1]
        assert store.document_count() == BUNDLED + 2 + 20
