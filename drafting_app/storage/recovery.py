"""Crash recovery: snapshots of open documents in the user's data folder (``recovery/``).

The GUI writes a snapshot of a draft with unsaved changes at most a few seconds after they
were made (the timing is its job; the writing is done here, on a thread of its own when it
asks: :class:`SnapshotWriter`), deletes it when the document is saved or closed cleanly,
and at start offers the snapshots a crashed session left behind. Snapshots are project
files with a ``recovery`` block saying which file (if any) they belong to; each is written
atomically.

Snapshots belong to a session (:mod:`drafting_app.storage.sessions`): those of a window
that is still running are never offered to, restored or deleted by another. Offering one
claims it first (an atomic rename into the claiming session's name), so two windows
starting together cannot both restore it. A damaged snapshot is set aside and reported,
never fatal.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting_app.errors import DraftingError, ProjectError
from drafting_app.model.document import Document
from drafting_app.paths import user_data_dir
from drafting_app.storage.atomic import STALE_TEMP_S, TEMP_SUFFIX, atomic_write, move_aside
from drafting_app.storage.codec import document_to_json
from drafting_app.storage.data_files import DamagedFile, read_json, set_aside
from drafting_app.storage.project import (
    MAX_PROJECT_BYTES,
    Fingerprint,
    Project,
    decode_project,
    project_json,
)
from drafting_app.storage.sessions import Session, session_is_live

_SAFE_RE = re.compile(r"[^A-Za-z0-9_.-]+")
_CLAIMED = "claimed-"


@dataclass(frozen=True)
class Snapshot:
    """A snapshot on disk: which session wrote it, for which document (``source`` is
    the project file it belongs to, None for a never-saved draft)."""

    path: Path
    session: str
    key: str
    source: Path | None
    title: str
    written_ns: int


@dataclass(frozen=True)
class SnapshotJob:
    """A snapshot made ready to write: the document as JSON values (taken on the thread
    that owns the document, so the writer never reads a model being edited)."""

    key: str
    document: dict[str, Any]
    settings: dict[str, Any]
    source: Path | None
    source_sha256: str | None


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


class RecoveryStore:
    """The recovery snapshots of this session, and those left by others."""

    def __init__(self, folder: Path | None = None, session: str | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.lock = Session(self.folder, session)
        self.session = self.lock.id
        # Snapshots found damaged by the last left_behind(): set aside, to be reported.
        self.damaged: list[Path] = []

    def start(self) -> None:
        """Mark this session live for other windows (the window does it as it opens)."""
        self.lock.start()
        self.lock.sweep()

    def _file(self, key: str) -> Path:
        return self.folder / f"{self.session}--{_SAFE_RE.sub('_', key)}.json"

    @staticmethod
    def prepare(
        key: str,
        doc: Document,
        source: Path | None = None,
        settings: dict[str, Any] | None = None,
        source_sha256: str | None = None,
    ) -> SnapshotJob:
        """The snapshot of ``doc`` ready to be written (from any thread)."""
        return SnapshotJob(key, document_to_json(doc), dict(settings or {}), source, source_sha256)

    def write(
        self,
        key: str,
        doc: Document,
        source: Path | None = None,
        settings: dict[str, Any] | None = None,
        source_sha256: str | None = None,
    ) -> Path:
        """Snapshot document ``key`` (any string the GUI uses for an open document).
        ``source_sha256``: what ``source`` held when the drafter last opened or saved it,
        so that a restored draft is not saved over changes made since (a later save of
        its own included) without asking."""
        return self.write_prepared(self.prepare(key, doc, source, settings, source_sha256))

    def write_prepared(self, job: SnapshotJob) -> Path:
        """Write a prepared snapshot atomically (the writer thread calls this)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = project_json(job.document, job.settings)
        data["recovery"] = {
            "session": self.session,
            "key": job.key,
            "source": None if job.source is None else str(job.source),
            "source_sha256": job.source_sha256,
        }
        target = self._file(job.key)
        payload = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        atomic_write(target, payload.encode("utf-8"), backup=False)
        return target

    def discard(self, key: str) -> None:
        """The document was saved or closed cleanly: its snapshot is no longer needed."""
        self._file(key).unlink(missing_ok=True)

    def close(self) -> None:
        """Clean end of the session: remove every snapshot it wrote, then its lock."""
        for f in self.folder.glob(f"{self.session}--*.json"):
            f.unlink(missing_ok=True)
        self.lock.end()

    def left_behind(self) -> list[Snapshot]:
        """Snapshots written by sessions that ended without closing (a crash), newest
        first — never those of a window still running. Damaged ones are set aside and
        listed in :attr:`damaged`."""
        self._sweep_temps()
        self.damaged = []
        out = []
        live: dict[str, bool] = {}
        for f in sorted(self.folder.glob("*--*.json")) if self.folder.is_dir() else []:
            session = f.name.split("--", 1)[0]
            if session == self.session:
                continue
            if session not in live:
                live[session] = session_is_live(self.folder, session)
            if live[session]:
                continue
            snap = self._describe(f)
            if snap is None:
                moved = set_aside(f)
                self.damaged.append(moved or f)
            else:
                out.append(snap)
        return sorted(out, key=lambda s: s.written_ns, reverse=True)

    def _sweep_temps(self) -> None:
        """Snapshot writes a crash interrupted leave hidden temporary files; each session
        writes under its own names, so nobody's next write would sweep them."""
        cutoff = time.time() - STALE_TEMP_S
        for f in self.folder.glob(f".*{TEMP_SUFFIX}") if self.folder.is_dir() else []:
            with contextlib.suppress(OSError):
                if f.stat().st_mtime < cutoff:
                    f.unlink()

    @staticmethod
    def _describe(f: Path) -> Snapshot | None:
        try:
            data = read_json(f, MAX_PROJECT_BYTES)
            rec = data["recovery"]
            title = str(data["document"].get("title", ""))
            source = rec.get("source")
            return Snapshot(
                f,
                str(f.name.split("--", 1)[0]),
                str(rec["key"]),
                None if source is None else Path(str(source)),
                title[:200],
                f.stat().st_mtime_ns,
            )
        except (OSError, DamagedFile, KeyError, TypeError, AttributeError):
            return None

    def claim(self, snapshot: Snapshot) -> Snapshot | None:
        """Take a left-behind snapshot for this session (None when another window took it
        first, or its session came back to life): an atomic rename, so only one window
        restores it. Until restored and removed, it is this session's (offered again
        after a crash of this one)."""
        if session_is_live(self.folder, snapshot.session):
            return None
        target = self.folder / f"{self.session}--{_CLAIMED}{snapshot.path.name}"
        if not move_aside(snapshot.path, target):
            return None
        return Snapshot(
            target, self.session, snapshot.key, snapshot.source, snapshot.title,
            snapshot.written_ns,
        )  # fmt: skip

    @staticmethod
    def restore(snapshot: Snapshot) -> Project:
        """The snapshot as an unsaved project (``path`` is the file it belongs to)."""
        try:
            raw = snapshot.path.read_bytes()
        except OSError as exc:
            raise ProjectError(f"The recovery file cannot be read: {exc.strerror}.") from exc
        project = decode_project(raw, snapshot.path)
        project.path = snapshot.source
        try:
            sha = json.loads(raw).get("recovery", {}).get("source_sha256")
        except (ValueError, RecursionError, AttributeError):
            sha = None
        if snapshot.source is not None and isinstance(sha, str):
            project.fingerprint = Fingerprint(sha, 0, 0)
        return project

    @staticmethod
    def remove(snapshot: Snapshot) -> None:
        """The user restored or declined the snapshot."""
        snapshot.path.unlink(missing_ok=True)


@dataclass
class _Queue:
    order: list[str] = field(default_factory=list)
    jobs: dict[str, SnapshotJob | None] = field(default_factory=dict)  # None: discard


class SnapshotWriter:
    """Writes snapshots on a thread of its own, so that the window never waits for a disk
    (an fsync on a busy laptop takes a tenth of a second and more).

    Operations on one draft keep their order (a discard after a save is never overtaken
    by an older write); a write still waiting when a newer one for the same draft comes
    is dropped — only the newest state matters. ``failed(message)`` is called on the
    writer's thread when a write fails.
    """

    def __init__(self, store: RecoveryStore, failed: Callable[[str], object] | None = None) -> None:
        self.store = store
        self.failed = failed
        self._queue = _Queue()
        self._busy = False
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    def write(self, job: SnapshotJob) -> None:
        self._put(job.key, job)

    def discard(self, key: str) -> None:
        self._put(key, None)

    def _put(self, key: str, job: SnapshotJob | None) -> None:
        with self._cond:
            if self._closed:
                return
            if key not in self._queue.jobs:
                self._queue.order.append(key)
            self._queue.jobs[key] = job
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="recovery-snapshots", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue.order and not self._closed:
                    self._cond.wait()
                if not self._queue.order:
                    return
                key = self._queue.order.pop(0)
                job = self._queue.jobs.pop(key)
                self._busy = True
            try:
                if job is None:
                    self.store.discard(key)
                else:
                    self.store.write_prepared(job)
            except (DraftingError, OSError, ValueError) as exc:
                if self.failed is not None:
                    self.failed(f"The recovery copy could not be written: {exc}")
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until every operation asked for is done; False on timeout."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while self._queue.order or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def close(self, timeout_s: float = 10.0) -> None:
        """Finish what was asked, then stop the thread."""
        self.flush(timeout_s)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout_s)
