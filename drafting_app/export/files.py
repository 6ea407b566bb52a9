"""Writing an exported file without ever leaving a half-written one behind: through the
one atomic-write path of :mod:`drafting_app.storage.atomic` (temporary file, fsync,
rename, folder fsync, the file's permissions kept), with export's own errors. A crash, a
full disk or a locked file leaves the previous file as it was. An export keeps no
``.bak``: it can always be made again from the draft.
"""

from __future__ import annotations

from pathlib import Path

from drafting_app.errors import ExportError
from drafting_app.storage.atomic import atomic_write


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; a clear ExportError on any failure."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder; choose a file name to export to.")
    if not path.parent.is_dir():
        raise ExportError(f"The folder {path.parent} does not exist.")
    atomic_write(path, data, backup=False, error=ExportError)
