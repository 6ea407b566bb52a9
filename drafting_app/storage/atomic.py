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
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

from drafting_app.errors import DraftingError, ProjectError

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
# A temporary file this old beside its target was left by a killed process (a save takes
# milliseconds); younger ones may belong to another window saving right now.
STALE_TEMP_S = 60.0


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
    with contextlib.suppress(OSError):
        if os.path.samefile(path, bak):
            # A save killed between this step and its rename left .bak a link to the
            # current file: it already is the previous version. (Renaming a link onto
            # another link of the same file does nothing and would leave the staging
            # name behind.)
            return
    staging = path.with_name(f".{path.name}.bak-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(path, staging)
    except OSError:
        staging.write_bytes(path.read_bytes())
    os.replace(staging, bak)


def _mode_for(target: Path) -> int:
    """The permissions the saved file keeps: those of the file it replaces, else what a
    plain ``open(..., "w")`` would give (mkstemp's 0600 would hide a draft on a shared
    folder from the colleagues who could read it before)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def _current_umask() -> int:
    # Read once at import (os.umask can only be read by setting it, which would race with
    # other threads creating files).
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK = _current_umask()


def sweep_stale_temps(target: Path, older_than_s: float = STALE_TEMP_S) -> int:
    """Remove the temporary and staging files a killed save of ``target`` left behind;
    returns how many."""
    cutoff = time.time() - older_than_s
    removed = 0
    for pattern in (f".{target.name}.*{TEMP_SUFFIX}", f".{target.name}{BACKUP_SUFFIX}-*"):
        for f in target.parent.glob(pattern):
            with contextlib.suppress(OSError):
                if f.stat().st_mtime < cutoff:
                    f.unlink()
                    removed += 1
    return removed


def _temp_copy(target: Path, data: bytes, error: type[DraftingError]) -> Path:
    """``data`` in a hidden temporary file beside ``target``, on disk (fsync'ed), with the
    permissions ``target`` has or would get."""
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
    except OSError as exc:
        raise error(f"{target.name} cannot be written in {target.parent}: {exc.strerror}.") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), _mode_for(target))
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _failed(target, exc, error) from exc
        raise
    return tmp


def _failed(target: Path, exc: OSError, error: type[DraftingError]) -> DraftingError:
    reason = exc.strerror or str(exc)
    return error(
        f"{target.name} could not be written ({reason}); the previous version is untouched."
    )


def atomic_write(
    path: str | Path,
    data: bytes,
    *,
    backup: bool = True,
    error: type[DraftingError] = ProjectError,
) -> None:
    """Write ``data`` to ``path`` atomically, keeping the previous version as ``.bak``.

    On any failure the old file is untouched, no temporary file is left behind, and an
    ``error`` (a :class:`ProjectError` unless the caller names its own) says what went
    wrong. Every file the app writes goes through here (projects, snapshots, settings,
    exports) or through :func:`atomic_create` (documents added to the corpus).
    """
    target = Path(path)
    tmp = _temp_copy(target, data, error)
    try:
        if backup and target.is_file():
            _keep_backup(target)
        os.replace(tmp, target)
        _fsync_folder(target.parent)
        sweep_stale_temps(target)
    except OSError as exc:
        raise _failed(target, exc, error) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()  # already renamed away unless something failed


def atomic_create(
    path: str | Path, data: bytes, *, error: type[DraftingError] = ProjectError
) -> bool:
    """Create ``path`` with ``data``, whole or not at all, never replacing an existing file;
    False when ``path`` exists. The finished temporary file is hard-linked to its name (an
    exclusive, atomic step), so a crash never leaves a half-written file under it."""
    target = Path(path)
    if target.exists():
        return False
    tmp = _temp_copy(target, data, error)
    try:
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        except OSError:  # no hard links here (FAT, some network shares)
            if target.exists():
                return False
            os.replace(tmp, target)
        _fsync_folder(target.parent)
        return True
    except OSError as exc:
        raise _failed(target, exc, error) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def move_aside(path: Path, target: Path) -> bool:
    """Rename ``path`` to ``target`` in one step (a damaged file set aside, a recovery
    snapshot claimed by a window), never replacing an existing ``target``; False when
    ``path`` is gone (another process moved it first) or cannot be moved."""
    if target.exists():
        return False
    try:
        os.link(path, target)  # exclusive: fails when target exists
    except FileExistsError:
        return False
    except OSError:
        if not path.exists() or target.exists():
            return False
        try:
            os.rename(path, target)  # no hard links here (FAT, some network shares)
        except OSError:
            return False
        return True
    try:
        os.unlink(path)
    except FileNotFoundError:
        # Another process moved ``path`` at the same moment: only one of us may have it.
        with contextlib.suppress(OSError):
            os.unlink(target)
        return False
    except OSError:
        return True  # both names now; the target is ours, the original is left to sweep
    _fsync_folder(target.parent)
    return True


def open_lock_file(path: Path) -> IO[bytes]:
    """The session lock file ``path``, opened for reading and writing (created when
    missing), never truncated by the opening: another process's lock is only tested."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666 & ~_UMASK)
    return os.fdopen(fd, "rb+")


def rewrite_locked(handle: IO[bytes], data: bytes) -> None:
    """Replace the content of a lock file this process holds (in place: a new file would
    not be the one locked)."""
    handle.seek(0)
    handle.truncate()
    handle.write(data)
    handle.flush()
