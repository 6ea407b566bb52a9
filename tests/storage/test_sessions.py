"""Two windows of the app at once (issue 22 §2): a session is live while its process runs
— even a window that only looks idle — and stale once the process is killed, by SIGKILL
too; a live session's snapshots are never offered, and a snapshot two windows want is
claimed by one of them only. The other process here is a real one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafting_app.clauses.document_templates import new_document
from drafting_app.storage.recovery import RecoveryStore
from drafting_app.storage.sessions import Session, process_start_time, session_is_live

ROOT = Path(__file__).resolve().parents[2]

_OTHER_WINDOW = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from drafting_app.clauses.document_templates import new_document
    from drafting_app.storage.recovery import RecoveryStore
    store = RecoveryStore(Path(sys.argv[1]), "other")
    store.start()
    store.write("draft", new_document("cop-draft-resolution"))
    store.lock.set_open([Path(sys.argv[2])])
    print("ready", flush=True)
    time.sleep(120)
    """
)


@pytest.fixture
def other_window(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with a live session that wrote a snapshot and has a draft open."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _OTHER_WINDOW, str(tmp_path / "rec"), str(tmp_path / "d.json")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_a_live_windows_snapshot_is_never_offered_and_a_killed_ones_is(
    tmp_path: Path, other_window: subprocess.Popen[str]
) -> None:
    mine = RecoveryStore(tmp_path / "rec")
    mine.start()
    assert session_is_live(mine.folder, "other")
    assert mine.left_behind() == []  # before issue 22: offered as a crash leftover
    os.kill(other_window.pid, signal.SIGKILL)
    other_window.wait()
    assert not session_is_live(mine.folder, "other")
    assert [s.key for s in mine.left_behind()] == ["draft"]


def test_a_draft_open_in_a_live_window_is_known_to_be_and_no_longer_once_it_dies(
    tmp_path: Path, other_window: subprocess.Popen[str]
) -> None:
    mine = Session(tmp_path / "rec")
    mine.start()
    holder = mine.editing_elsewhere(tmp_path / "d.json")
    assert holder is not None and holder.pid == other_window.pid
    assert holder.started == process_start_time(other_window.pid)
    assert mine.editing_elsewhere(tmp_path / "other.json") is None
    os.kill(other_window.pid, signal.SIGKILL)
    other_window.wait()
    assert mine.editing_elsewhere(tmp_path / "d.json") is None


def test_a_window_in_this_process_is_live_until_it_ends(tmp_path: Path) -> None:
    folder = tmp_path / "rec"
    first = RecoveryStore(folder, "first")
    first.start()
    first.write("k", new_document("cop-draft-resolution"))
    second = RecoveryStore(folder)
    second.start()
    assert second.left_behind() == []
    first.lock.release()  # what the system does when the process dies
    assert [s.session for s in second.left_behind()] == ["first"]
    second.close()  # a clean end removes its snapshots and its lock
    assert not (folder / f"{second.session}.lock").exists()


def test_a_snapshot_is_claimed_by_one_window_only(tmp_path: Path) -> None:
    folder = tmp_path / "rec"
    RecoveryStore(folder, "crashed").write("k", new_document("cop-draft-resolution"))
    a, b = RecoveryStore(folder, "a"), RecoveryStore(folder, "b")
    a.start()
    b.start()
    snap_a, snap_b = a.left_behind()[0], b.left_behind()[0]  # both were offered it
    claimed = a.claim(snap_a)
    assert claimed is not None and claimed.session == "a"
    assert b.claim(snap_b) is None  # the second window gets nothing, not a copy
    assert b.left_behind() == []  # a, live, holds it now
    a.lock.release()  # a dies before restoring it: its claim is offered again
    assert [s.key for s in b.left_behind()] == ["k"]


def test_stale_session_files_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    folder = tmp_path / "rec"
    dead, live = Session(folder, "dead"), Session(folder, "live")
    dead.start()
    dead.set_open([tmp_path / "x.json"])
    dead.release()
    live.start()
    me = Session(folder)
    me.start()
    me.sweep(older_than_s=0.0)
    assert sorted(p.name for p in folder.iterdir()) == sorted(["live.lock", f"{me.id}.lock"])
