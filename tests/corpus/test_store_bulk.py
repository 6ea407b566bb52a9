"""A large first build reads files in worker processes and fills the full-text index in one
pass; the index it makes is the one a file-by-file build makes (same ids, same hits), and
later updates go through the usual triggers."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafting_app.corpus import schema
from drafting_app.corpus import store as store_module
from drafting_app.corpus import sync as sync_module
from drafting_app.corpus.store import CorpusStore
from tests.conftest import CORPUS, REALDOCS, ROOT

QUERIES = ("traff pers", "Member States", "the of", "smuggling migrants")


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    for path in sorted((REALDOCS / "ga").glob("*.txt"))[:4]:
        shutil.copy(path, folder / path.name)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    shutil.copy(CORPUS / "000_fcca33238787d02e.txt", folder / "000_fcca33238787d02e.md")
    return folder


def _snapshot(db: Path, folder: Path) -> tuple[object, ...]:
    with CorpusStore.open(db, [folder], user_dir=folder.parent / "user") as s:
        docs = s.documents()
        paragraphs = [s.paragraphs(d.doc_id) for d in docs]
        hits = [s.search(q, 1000) for q in QUERIES]
        return docs, paragraphs, hits, [f.path for f in s.failures()]


@pytest.mark.slow
def test_parallel_bulk_build_equals_file_by_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus(tmp_path)
    one_by_one = _snapshot(tmp_path / "a.sqlite", folder)
    monkeypatch.setattr(sync_module, "PARALLEL_MIN", 2)
    monkeypatch.setattr(store_module, "BULK_MIN", 2)
    bulk = _snapshot(tmp_path / "b.sqlite", folder)
    assert bulk == one_by_one
    assert len(bulk[0]) == 10 and len(bulk[3]) == 1  # type: ignore[arg-type]
    with CorpusStore.open(tmp_path / "b.sqlite", [folder], user_dir=tmp_path / "user") as s:
        text = (CORPUS / "002_ecb4862eedf5f58e.txt").read_text(encoding="utf-8")
        (folder / "new.txt").write_text(text.replace("Member States", "zeppelin States", 1))
        s.sync()
        assert [h.doc_id for h in s.search("zeppelin")] == ["bundled/new"]
        ids = [d.doc_id for d in s.documents()]
        paragraphs = s.paragraphs(ids[0])
        assert [p.paragraph_id for p in paragraphs] == [
            p.id for p in s.document(ids[0]).all_paragraphs()
        ][: len(paragraphs)]


def _bulk(monkeypatch: pytest.MonkeyPatch, batch: int = 3) -> None:
    """Small thresholds: a handful of files is built as a large corpus is (workers,
    batches each committed, the indexes made at the end)."""
    monkeypatch.setattr(sync_module, "PARALLEL_MIN", 2)
    monkeypatch.setattr(store_module, "BULK_MIN", 2)
    monkeypatch.setattr(store_module, "BATCH_FILES", batch)


def _tables(db: Path) -> dict[str, tuple[int, str]]:
    from benchmarks.index_digest import digests

    return {k: v for k, v in digests(db).items() if k != "files"}  # paths differ by folder


def _built_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The test corpus, the bulk thresholds set, and the index a build not stopped makes
    (what a stopped or crashed build must come to)."""
    folder = _corpus(tmp_path)
    _bulk(monkeypatch)
    whole = tmp_path / "whole.sqlite"
    with CorpusStore.open(whole, [folder], user_dir=tmp_path / "user"):
        pass
    return folder, whole


def _indexes(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    finally:
        conn.close()


@pytest.mark.slow
def test_a_bulk_build_reports_progress_and_stops_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, whole = _built_whole(tmp_path, monkeypatch)
    seen: list[tuple[int, int]] = []
    db = tmp_path / "stopped.sqlite"
    with CorpusStore.open(db, [folder], user_dir=tmp_path / "user", sync=False) as s:
        report = s.sync(lambda done, total: seen.append((done, total)), lambda: len(seen) >= 2)
        assert report.stopped
        assert seen == [(3, 11), (6, 11)]
        # What was written is there, with its indexes, as after any sync.
        assert len(s.documents()) == 6
        assert set(schema.BULK_INDEXES) <= _indexes(db)
        assert s.paragraphs(s.documents()[5].doc_id)
        seen.clear()
        rest = s.sync(lambda done, total: seen.append((done, total)))
        assert not rest.stopped and len(rest.added) == 4 and len(rest.failed) == 1
        assert seen[:2] == [(3, 5), (5, 5)] and set(seen[2:]) <= {(5, 5)}  # and at the end
    assert _tables(db) == _tables(whole)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


_CRASHING_BUILD = """
import os, sys
from pathlib import Path
from drafting_app.corpus import store, sync, writer
sync.PARALLEL_MIN = store.BULK_MIN = 2
store.BATCH_FILES = 3
calls = 0
index_text = writer.IndexWriter.index_text
def crash_in_the_third_batch(self):
    global calls
    calls += 1
    if calls == 3:
        import multiprocessing
        workers = [str(p.pid) for p in multiprocessing.active_children()]
        Path(sys.argv[4]).write_text(" ".join(workers))
        os._exit(9)  # no rollback, no close: as if the power went
    index_text(self)
writer.IndexWriter.index_text = crash_in_the_third_batch
store.CorpusStore.open(Path(sys.argv[1]), [Path(sys.argv[2])], user_dir=Path(sys.argv[3]))
"""


@pytest.mark.slow
def test_a_crash_in_a_bulk_build_leaves_a_usable_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, whole = _built_whole(tmp_path, monkeypatch)
    db = tmp_path / "crashed.sqlite"
    pids = tmp_path / "workers"
    args = [str(db), str(folder), str(tmp_path / "user"), str(pids)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _CRASHING_BUILD, *args], env=env, check=False)
    assert done.returncode == 9
    # Its worker processes end with it (they waited on their pipe forever).
    workers = [int(p) for p in pids.read_text().split()]
    assert workers
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in workers if _alive(p)]
    for pid in left:  # this test's own processes: none left behind when it fails
        os.kill(pid, 9)
    assert not left
    with CorpusStore.open(db, [folder], user_dir=tmp_path / "user", sync=False) as s:
        # The two batches committed before the crash are there and can be read.
        assert len(s.documents()) == 6
        assert s.paragraphs(s.documents()[5].doc_id)
        report = s.sync()
        assert len(report.added) == 4 and len(report.failed) == 1
    assert set(schema.BULK_INDEXES) <= _indexes(db)
    assert _tables(db) == _tables(whole)
