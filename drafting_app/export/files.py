"""Writing an exported file without ever leaving a half-written one behind.

The bytes are made in memory first, then written by the project's atomic write
(:func:`drafting_app.storage.atomic.atomic_write`: temporary file in the target's folder,
fsync, os.replace), so a crash, a full disk or a locked file leaves the previous file as it
was. An export keeps no ``.bak``: it can always be made again from the draft.
"""

from __future__ import annotations

from pathlib import Path

from drafting_app.errors import ExportError, ProjectError
from drafting_app.storage.atomic import atomic_write


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; a clear ExportError on any failure."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder; choose a file name to export to.")
    if not path.parent.is_dir():
        raise ExportError(f"The folder {path.parent} does not exist.")
    try:
        atomic_write(path, data, backup=False)
    except ProjectError as exc:
        raise ExportError(str(exc).replace("could not be saved", "could not be written")) from exc
