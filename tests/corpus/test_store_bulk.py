"""A large first build reads files in worker processes and fills the full-text index in one
pass; the index it makes is the one a file-by-file build makes (same ids, same hits), and
later updates go through the usual triggers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafting_app.corpus import store as store_module
from drafting_app.corpus import sync as sync_module
from drafting_app.corpus.store import CorpusStore
from tests.conftest import CORPUS, REALDOCS

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
