"""Crash recovery: snapshots of open documents in the user's data folder (``recovery/``).

The GUI writes a snapshot a moment after edits (the debounce is its job), deletes it when
the document is saved or closed cleanly, and at start offers the snapshots a crashed
session left behind. Snapshots are project files with a ``recovery`` block saying which
file (if any) they belong to; each is written atomically.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting_app.errors import ProjectError
from drafting_app.model.document import Document
from drafting_app.paths import user_data_dir
from drafting_app.storage.atomic import STALE_TEMP_S, TEMP_SUFFIX, atomic_write
from drafting_app.storage.project import Fingerprint, Project, decode_project, encode_project

_SAFE_RE = re.compile(r"[^A-Za-z0-9_.-]+")


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


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


class RecoveryStore:
    """The recovery snapshots of this session, and those left by others."""

    def __init__(self, folder: Path | None = None, session: str | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.session = session or uuid.uuid4().hex[:12]

    def _file(self, key: str) -> Path:
        return self.folder / f"{self.session}--{_SAFE_RE.sub('_', key)}.json"

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
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.loads(encode_project(doc, settings))
        data["recovery"] = {
            "session": self.session,
            "key": key,
            "source": None if source is None else str(source),
            "source_sha256": source_sha256,
        }
        target = self._file(key)
        payload = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        atomic_write(target, payload.encode("utf-8"), backup=False)
        return target

    def discard(self, key: str) -> None:
        """The document was saved or closed cleanly: its snapshot is no longer needed."""
        self._file(key).unlink(missing_ok=True)

    def close(self) -> None:
        """Clean end of the session: remove every snapshot it wrote."""
        for f in self.folder.glob(f"{self.session}--*.json"):
            f.unlink(missing_ok=True)

    def left_behind(self) -> list[Snapshot]:
        """Snapshots written by other sessions that never closed (a crash), newest first.
        Unreadable files are skipped here; :meth:`restore` explains them."""
        self._sweep_temps()
        out = []
        for f in self.folder.glob("*--*.json") if self.folder.is_dir() else []:
            snap = self._describe(f)
            if snap is not None and snap.session != self.session:
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
            data = json.loads(f.read_text(encoding="utf-8"))
            rec = data["recovery"]
            title = str(data["document"].get("title", ""))
            source = rec.get("source")
            return Snapshot(
                f,
                str(rec["session"]),
                str(rec["key"]),
                None if source is None else Path(source),
                title,
                f.stat().st_mtime_ns,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    @staticmethod
    def restore(snapshot: Snapshot) -> Project:
        """The snapshot as an unsaved project (``path`` is the file it belongs to)."""
        try:
            raw = snapshot.path.read_bytes()
        except OSError as exc:
            raise ProjectError(f"The recovery file cannot be read: {exc.strerror}.") from exc
        project = decode_project(raw, snapshot.path)
        project.path = snapshot.source
        sha = json.loads(raw).get("recovery", {}).get("source_sha256")
        if snapshot.source is not None and isinstance(sha, str):
            project.fingerprint = Fingerprint(sha, 0, 0)
        return project

    @staticmethod
    def remove(snapshot: Snapshot) -> None:
        """The user restored or declined the snapshot."""
        snapshot.path.unlink(missing_ok=True)
