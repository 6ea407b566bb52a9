"""Which windows of the app are running: one session per process, known to the others.

A drafter may start the app twice (a second window from the menu, a double-click on a
draft). Each process holds a session: a lock file ``<session>.lock`` in the recovery
folder, locked by the operating system for as long as the process lives, with its pid and
start time written in it, and a list of the drafts it has open (``<session>.open.json``).

- Another process tells a live session from a dead one by trying the lock: the system
  releases it when its holder dies, even by SIGKILL or a power cut, so a crash leaves a
  stale session and a live one is never taken for a crash leftover. Where the file system
  offers no locks (some network shares), the pid and start time decide: the pid must run
  and have started when the lock file says.
- The open-drafts list lets a second window open a draft the first is editing read-only
  instead of editing it twice.

The lock uses ``fcntl.flock`` (POSIX) or ``msvcrt.locking`` (Windows) directly: a library
lock (filelock) truncates the lock file when it only tests it, which would erase the pid
this module needs to keep in it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from drafting_app.storage.atomic import atomic_write, open_lock_file, rewrite_locked
from drafting_app.storage.data_files import DamagedFile, read_json

LOCK_SUFFIX = ".lock"
OPEN_SUFFIX = ".open.json"
_MAX_INFO_BYTES = 1024 * 1024


def process_start_time(pid: int) -> str:
    """When process ``pid`` started, as the system counts it ("" when unknown): with the
    pid, it tells a process from a later one that reused its number."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    # Field 22 (start time in clock ticks since boot) after the parenthesised command name.
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def _pid_runs(pid: int) -> bool:
    if sys.platform == "win32":  # no signal 0 there; the lock itself is reliable on NTFS
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _try_lock(handle: IO[bytes]) -> bool:
    """Take an exclusive lock on ``handle`` without waiting; False when someone holds it.
    OSError when the file system does not lock at all."""
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@dataclass(frozen=True)
class SessionInfo:
    """What a session's lock file says about its process."""

    session: str
    pid: int
    started: str


def _read_info(lock: Path) -> SessionInfo | None:
    try:
        data = read_json(lock, _MAX_INFO_BYTES)
        return SessionInfo(str(data["session"]), int(data["pid"]), str(data.get("started", "")))
    except (OSError, DamagedFile, KeyError, TypeError, ValueError):
        return None


def session_is_live(folder: Path, session: str) -> bool:
    """Whether the process that holds ``session`` still runs. A session with no lock file
    (written by an older version, or its lock removed at a clean exit) is not live."""
    lock = folder / f"{session}{LOCK_SUFFIX}"
    try:
        handle = open(lock, "rb")  # noqa: SIM115 — kept open only while tested
    except OSError:
        return False
    try:
        try:
            free = _try_lock(handle)
        except OSError:  # no locks on this file system: the pid and its start time decide
            info = _read_info(lock)
            if info is None:
                return False
            started = process_start_time(info.pid)
            return _pid_runs(info.pid) and (not info.started or started in ("", info.started))
        return not free  # the lock we just took goes when the handle closes
    finally:
        handle.close()


class Session:
    """This process's session: created, locked and described on :meth:`start`, released
    on :meth:`end` (and by the system if the process dies)."""

    def __init__(self, folder: Path, session: str | None = None) -> None:
        self.folder = folder
        self.id = session or uuid.uuid4().hex[:12]
        self._handle: IO[bytes] | None = None
        self._open: list[str] = []

    @property
    def lock_path(self) -> Path:
        return self.folder / f"{self.id}{LOCK_SUFFIX}"

    @property
    def open_path(self) -> Path:
        return self.folder / f"{self.id}{OPEN_SUFFIX}"

    @property
    def started(self) -> bool:
        return self._handle is not None

    def start(self) -> None:
        """Take the session's lock (once). Failing to (a read-only folder) leaves the
        session unlocked: the app runs, other windows just cannot see it."""
        if self._handle is not None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle = open_lock_file(self.lock_path)
        except OSError:
            return
        try:
            locked = _try_lock(handle)
        except OSError:
            locked = True  # no locks here: the pid and start time written below decide
        if not locked:  # a session id is random: someone else holding it cannot happen
            handle.close()
            return
        info = {"session": self.id, "pid": os.getpid(), "started": process_start_time(os.getpid())}
        with contextlib.suppress(OSError):
            rewrite_locked(handle, json.dumps(info).encode("utf-8"))
        self._handle = handle

    def release(self) -> None:
        """Let go of the lock, leaving the files (what the system does when the process
        dies: the session is then stale for every other window)."""
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()

    def end(self) -> None:
        """Clean end: the lock and the open-drafts list go."""
        held = self._handle is not None
        self.release()
        if held:
            with contextlib.suppress(OSError):
                self.lock_path.unlink()
        with contextlib.suppress(OSError):
            self.open_path.unlink()

    # -- drafts open in this session -------------------------------------------------------
    def set_open(self, paths: list[Path]) -> None:
        """The project files this session has open for editing, for other windows to see."""
        names = sorted({_key(p) for p in paths})
        if names == self._open or self._handle is None:
            return
        self._open = names
        with contextlib.suppress(OSError):
            atomic_write(self.open_path, json.dumps(names).encode("utf-8"), backup=False)

    def editing_elsewhere(self, path: Path) -> SessionInfo | None:
        """The live session of another window that has ``path`` open for editing, if any."""
        wanted = _key(path)
        for f in sorted(self.folder.glob(f"*{OPEN_SUFFIX}")) if self.folder.is_dir() else []:
            other = f.name[: -len(OPEN_SUFFIX)]
            if other == self.id:
                continue
            try:
                names = read_json(f, _MAX_INFO_BYTES)
            except (OSError, DamagedFile):
                continue
            if isinstance(names, list) and wanted in names and session_is_live(self.folder, other):
                return _read_info(self.folder / f"{other}{LOCK_SUFFIX}") or SessionInfo(
                    other, 0, ""
                )
        return None

    def sweep(self, older_than_s: float = 60.0) -> None:
        """Remove the lock and open-drafts files of dead sessions (their snapshots stay
        until offered). Young files are spared: a window starting now may not hold its
        lock yet."""
        cutoff = time.time() - older_than_s
        for f in list(self.folder.glob(f"*{OPEN_SUFFIX}")) + list(self.folder.glob("*.lock")):
            other = f.name.split(".", 1)[0]
            if other == self.id:
                continue
            with contextlib.suppress(OSError):
                if f.stat().st_mtime < cutoff and not session_is_live(self.folder, other):
                    f.unlink()


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def describe(info: SessionInfo) -> str:
    """How the drafter is told which window holds a draft."""
    return f"another window of the app (process {info.pid})" if info.pid else "another window"


__all__ = ["Session", "SessionInfo", "describe", "process_start_time", "session_is_live"]
