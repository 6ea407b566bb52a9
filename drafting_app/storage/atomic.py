"""Atomic writes: a save either happens completely or not at all.

The bytes go to a temporary file in the same folder (so the final rename never crosses
file systems), are flushed and fsync'ed, then ``os.replace`` swaps them in and the folder
is fsync'ed so the rename itself survives a power cut. The previous version is kept as ONE
``name.bak`` beside the file (python-docx and json both write straight to their target,
hence this layer; UN_FORMAT.md §8).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from drafting_app.errors import ProjectError

BACKUP_SUFFIX = ".bak"


def backup_for(path: str | Path) -> Path | None:
    """The ``.bak`` copy of the previous version of ``path``, if there is one."""
    bak = _backup_path(Path(path))
    return bak if bak.is_file() else None


def _backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # Windows cannot open a folder for fsync; NTFS journals it
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_backup(path: Path) -> None:
    """Make ``name.bak`` the current version without ever leaving ``path`` missing: a hard
    link to the old file replaces the old .bak (a copy where links are not possible)."""
    bak = _backup_path(path)
    staging = path.with_name(f".{path.name}.bak-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(path, staging)
    except OSError:
        staging.write_bytes(path.read_bytes())
    os.replace(staging, bak)


def atomic_write(path: str | Path, data: bytes, *, backup: bool = True) -> None:
    """Write ``data`` to ``path`` atomically, keeping the previous version as ``.bak``.

    On any failure the old file is untouched, no temporary file is left behind, and a
    :class:`ProjectError` says what went wrong.
    """
    target = Path(path)
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ProjectError(f"{target.name} cannot be saved in {folder}: {exc.strerror}.") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if backup and target.is_file():
            _keep_backup(target)
        os.replace(tmp, target)
        _fsync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        reason = exc.strerror or str(exc)
        raise ProjectError(
            f"{target.name} could not be saved ({reason}); the previous version is untouched."
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
