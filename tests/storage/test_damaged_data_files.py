"""Damaged files in the data folder (issue 22 §7): settings, a recovery snapshot or the My
clauses collection nested 100,000 levels deep (Python's JSON parser raises RecursionError,
which stopped the app from starting), cut off, binary, huge or of the wrong shape. Each is
set aside under a dated name — never deleted — and reported; the app goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting_app.clauses.collection import Collection, default_path
from drafting_app.clauses.document_templates import new_document
from drafting_app.storage.data_files import MAX_JSON_VALUES, DamagedFile, parse_json
from drafting_app.storage.recovery import RecoveryStore
from drafting_app.storage.settings import (
    MAX_SETTINGS_BYTES,
    AppSettings,
    load_settings,
    save_settings,
    settings_path,
)

DEEP = b"[" * 100_000 + b"]" * 100_000
DAMAGE = {
    "nested 100k deep": DEEP,
    "objects nested 100k deep": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "cut off": b'{"recent_files": ["/a/b.unres.json", "/c',
    "binary": bytes(range(256)) * 4,
    "not UTF-8": '{"x": "Organization’s"}'.encode("cp1252"),
    "a huge number": b'{"x": 1' + b"0" * 5000 + b"}",
    "millions of values": b"[" + b"{}," * (MAX_JSON_VALUES // 2) + b"{}]",
    "not a table": b"[1, 2, 3]",
}


def _aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_settings_are_set_aside_and_the_defaults_used(case: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(DAMAGE[case])
    settings = load_settings()
    assert settings == AppSettings()
    assert "settings file was damaged" in settings.notice
    kept = _aside(path)
    assert len(kept) == 1 and kept[0].read_bytes() == DAMAGE[case]  # nothing lost
    assert kept[0].name in settings.notice
    save_settings(settings)  # the next save writes a good file; the damaged one stays
    assert load_settings().notice == "" and _aside(path) == kept


def test_an_oversized_settings_file_is_not_read(tmp_path: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        f.truncate(MAX_SETTINGS_BYTES * 1000)  # sparse: a gigabyte costs no disk
    assert "far larger" in load_settings().notice


def test_settings_of_a_newer_app_too_deep_to_write_back_do_not_stop_a_save() -> None:
    settings = AppSettings()
    value: object = 1
    for _ in range(5000):
        value = [value]
    settings.extra["from a newer app"] = value
    save_settings(settings)
    assert "from a newer app" not in json.loads(settings_path().read_text("utf-8"))


@pytest.mark.parametrize("case", ["nested 100k deep", "cut off", "binary", "not a table"])
def test_a_damaged_snapshot_is_set_aside_and_reported_and_the_others_offered(case: str) -> None:
    crashed = RecoveryStore(session="crashed")
    crashed.write("good", new_document("cop-draft-resolution"))
    bad = crashed.folder / "crashed--bad.json"
    bad.write_bytes(DAMAGE[case])
    now = RecoveryStore(session="now")
    assert [s.key for s in now.left_behind()] == ["good"]
    assert now.damaged == _aside(bad) and now.damaged[0].read_bytes() == DAMAGE[case]
    assert not bad.exists()
    assert now.left_behind() == [s for s in now.left_behind()]  # asked again: said once
    assert now.damaged == []


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_a_damaged_clause_collection_is_set_aside_and_an_empty_one_used(case: str) -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(DAMAGE[case])
    collection = Collection.load()
    assert len(collection) == 0 and "My clauses could not be read" in collection.notice
    kept = _aside(path)
    assert len(kept) == 1 and kept[0].read_bytes() == DAMAGE[case]
    assert Collection.load().notice == ""  # set aside once; the next start is clean


def test_the_json_reader_refuses_by_counting_before_parsing() -> None:
    with pytest.raises(DamagedFile, match="more than 2,000,000 values"):
        parse_json(DAMAGE["millions of values"])
    with pytest.raises(DamagedFile, match="nested far too deeply"):
        parse_json(DEEP)
    assert parse_json('\ufeff{"a": [1, {"b": null}]}'.encode()) == {"a": [1, {"b": None}]}
