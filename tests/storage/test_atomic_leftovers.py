"""Atomic writes after a crash (issue 11 §1): a killed save leaves a hidden temporary file
that later saves clean up, and a save keeps the permissions the file had."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from drafting_app.storage.atomic import STALE_TEMP_S, atomic_write, sweep_stale_temps


def _age(path: Path, seconds: float) -> None:
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_save_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path):
    f = tmp_path / "draft.unres.json"
    f.write_bytes(b"old")
    f.chmod(0o664)  # a draft on a shared folder, readable by the delegation
    atomic_write(f, b"new")
    assert stat.S_IMODE(f.stat().st_mode) == 0o664


def test_new_file_gets_the_usual_permissions_not_owner_only(tmp_path: Path):
    f = tmp_path / "draft.unres.json"
    atomic_write(f, b"new")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(f.stat().st_mode) == 0o666 & ~umask


def test_stale_temporaries_of_a_killed_save_are_swept(tmp_path: Path):
    f = tmp_path / "draft.unres.json"
    atomic_write(f, b"one")
    stale_tmp = tmp_path / f".{f.name}.k1ll3d.tmp"
    stale_stage = tmp_path / f".{f.name}.bak-4242"
    fresh_tmp = tmp_path / f".{f.name}.s4v1ng.tmp"  # another window saving right now
    other = tmp_path / ".other.unres.json.x.tmp"
    for p in (stale_tmp, stale_stage, fresh_tmp, other):
        p.write_bytes(b"partial")
    for p in (stale_tmp, stale_stage, other):
        _age(p, STALE_TEMP_S + 5)
    atomic_write(f, b"two")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([f.name, f.name + ".bak", fresh_tmp.name, other.name])
    assert sweep_stale_temps(tmp_path / "other.unres.json") == 1


def test_save_after_a_save_killed_before_its_rename_leaves_nothing_behind(tmp_path: Path):
    f = tmp_path / "draft.unres.json"
    atomic_write(f, b"one")
    atomic_write(f, b"two")
    # What a save killed just before its final rename leaves: .bak hard-linked to the
    # current file, and the new version in a temporary file.
    bak = tmp_path / (f.name + ".bak")
    bak.unlink()
    os.link(f, bak)
    (tmp_path / f".{f.name}.dead.tmp").write_bytes(b"three")
    atomic_write(f, b"three")
    assert f.read_bytes() == b"three" and bak.read_bytes() == b"two"
    assert not list(tmp_path.glob(f".{f.name}.bak-*"))


def test_start_up_sweeps_snapshot_temporaries_a_crash_left(tmp_path: Path):
    from drafting_app.clauses.document_templates import new_document
    from drafting_app.storage.recovery import RecoveryStore

    crashed = RecoveryStore(tmp_path, "crashed")
    crashed.write("k", new_document("cop-draft-resolution"))
    stale = tmp_path / ".crashed--k.json.d34d.tmp"
    fresh = tmp_path / ".other--k.json.l1ve.tmp"  # another window writing right now
    stale.write_bytes(b"{")
    fresh.write_bytes(b"{")
    _age(stale, STALE_TEMP_S + 5)
    offered = RecoveryStore(tmp_path, "next").left_behind()
    assert [s.session for s in offered] == ["crashed"]
    assert not stale.exists() and fresh.exists()
