"""My clauses: save, export, import, and bad files that change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting_app.clauses.collection import (
    FORMAT,
    MAX_FILE_BYTES,
    Collection,
    CollectionError,
    SavedClause,
    default_path,
)
from drafting_app.clauses.library import ClauseLibrary
from drafting_app.model.document import Part


@pytest.fixture
def saved(library: ClauseLibrary) -> SavedClause:
    clause = library.clause("bundled/002_ecb4862eedf5f58e:operative:1.")
    paragraph, notes = clause.to_paragraph()
    return SavedClause.from_paragraph(paragraph, notes, Part.OPERATIVE, note="EU line")


def test_save_and_reload_keeps_text_footnotes_provenance(saved: SavedClause) -> None:
    mine = Collection.load()
    assert len(mine) == 0
    mine.add(saved)
    assert default_path().is_file()
    again = Collection.load()
    (kept,) = again.clauses
    assert kept == saved
    paragraph, notes = kept.to_paragraph()
    assert notes[0].text == "United Nations, Treaty Series, vol. 2237, No. 39574."
    assert paragraph.anchors[0].footnote_id == notes[0].id
    assert paragraph.provenance and paragraph.provenance["label"] == "Resolution 5/2, op 1"
    assert paragraph.italics[0].end == len("Urges")


def test_export_then_import_in_another_collection(saved: SavedClause, tmp_path: Path) -> None:
    mine = Collection.load()
    mine.add(saved)
    shared = tmp_path / "delegation.json"
    assert mine.export(shared) == 1
    colleague = Collection.load(tmp_path / "colleague.json")
    assert colleague.import_file(shared) == (1, 0)
    assert colleague.import_file(shared) == (0, 1)  # already there
    assert Collection.load(tmp_path / "colleague.json").clauses[0].text == saved.text


def _good(saved: SavedClause) -> dict[str, object]:
    return {"format": FORMAT, "version": 1, "clauses": [saved.to_json()]}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(version=2), "newer version"),
        (lambda d: d.update(version="1"), "no valid version"),
        (lambda d: d.update(format="something-else"), "not a clause collection"),
        (lambda d: d["clauses"][0].update(text=5), "should be str"),
        (lambda d: d["clauses"][0].update(part="annex"), "part should be"),
        (lambda d: d["clauses"][0].update(italics=[[0, 99999]]), "outside the text"),
        (lambda d: d["clauses"][0]["footnotes"][0].update(offset=-1), "outside the text"),
        (lambda d: d["clauses"][0].update(provenance={"label": 3}), "should be str"),
        (lambda d: d["clauses"].append(dict(d["clauses"][0])), "same id"),
        (lambda d: d.update(clauses="all"), "should be list"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_lost(
    saved: SavedClause,
    tmp_path: Path,
    mutate,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    mine = Collection.load()
    mine.add(saved)
    before = default_path().read_bytes()
    doc = _good(saved)
    mutate(doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(CollectionError, match=message):
        mine.import_file(bad)
    assert default_path().read_bytes() == before
    assert len(Collection.load()) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a clause collection .it is cut off"),
        (b"\x00\x01PK", "not a clause collection .it is cut off"),
        (b'{"format": "drafting-app/clause-coll', "not a clause collection .it is cut off"),
        (b"[1, 2]", "not a clause collection"),
        (b" " * (MAX_FILE_BYTES + 1), "larger than"),
    ],
)
def test_malformed_and_oversized_files(tmp_path: Path, data: bytes, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    with pytest.raises(CollectionError, match=message):
        Collection.load().import_file(bad)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CollectionError, match="could not be read"):
        Collection.load().import_file(tmp_path / "nope.json")


def test_damaged_own_collection_is_reported_not_overwritten() -> None:
    default_path().parent.mkdir(parents=True, exist_ok=True)
    default_path().write_text("{broken", encoding="utf-8")
    collection = Collection.load()
    assert len(collection) == 0 and "could not be read" in collection.notice
    kept = list(default_path().parent.glob("my_clauses.json.damaged-*"))
    assert [k.read_text(encoding="utf-8") for k in kept] == ["{broken"]
