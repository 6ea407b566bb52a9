"""Writing an exported file without ever leaving a half-written one behind.

The bytes are made in memory first; they go to a temporary file in the target's folder, are
flushed to disk (fsync) and then renamed over the target in one step (os.replace), so a crash,
a full disk or a locked file leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from drafting_app.errors import ExportError


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; a clear ExportError on any failure."""
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"{path} is a folder; choose a file name to export to.")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"Cannot write in {folder}: {exc.strerror}.") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ExportError(f"{path.name} could not be written: {exc.strerror}.") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
