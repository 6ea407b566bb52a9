"""Atomic writes (issue 11): all or nothing, one .bak, no temporary files left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafting_app.errors import ProjectError
from drafting_app.storage import atomic
from drafting_app.storage.atomic import atomic_write, backup_for


def test_write_replace_and_keep_one_backup(tmp_path: Path):
    f = tmp_path / "draft.unres.json"
    atomic_write(f, b"one")
    assert f.read_bytes() == b"one" and backup_for(f) is None
    atomic_write(f, b"two")
    atomic_write(f, b"three")
    assert f.read_bytes() == b"three"
    bak = backup_for(f)
    assert bak is not None and bak.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f.name, f.name + ".bak"]


def test_failure_mid_write_leaves_the_old_file_intact(tmp_path: Path, monkeypatch):
    f = tmp_path / "draft.unres.json"
    atomic_write(f, b"old version")
    real_fsync = os.fsync

    def broken_fsync(fd: int) -> None:  # the disk fills up while flushing the new bytes
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(ProjectError, match=r"No space left on device.*untouched"):
        atomic_write(f, b"new version " * 1000)
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert f.read_bytes() == b"old version"
    assert [p.name for p in tmp_path.iterdir()] == [f.name]  # no temp file, no .bak


def test_failure_in_replace_leaves_old_file(tmp_path: Path, monkeypatch):
    f = tmp_path / "draft.unres.json"
    atomic_write(f, b"old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ProjectError, match="Permission denied"):
        atomic_write(f, b"new", backup=False)
    assert f.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [f.name]


def test_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ProjectError, match="cannot be written"):
        atomic_write(tmp_path / "nope" / "x.json", b"x")


def test_an_interrupt_cleans_up_too(tmp_path: Path, monkeypatch):
    f = tmp_path / "x.json"

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(f, b"x")
    assert list(tmp_path.iterdir()) == []
