"""Writing an exported file without ever leaving a half-written one behind: through the
one atomic-write path of :mod:`drafting_app.storage.atomic` (temporary file, fsync,
rename, folder fsync, the file's permissions kept), with export's own errors. A crash, a
full disk or a locked file leaves the previous file as it was. An export keeps no
``.bak``: it can always be made again from the draft.
"""

from __future__ import annotations

from pathlib import Path

from drafting_app.errors import ExportError
from drafting_app.model.document import Document
from drafting_app.storage.atomic import atomic_write


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; a clear ExportError on any failure."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder; choose a file name to export to.")
    if not path.parent.is_dir():
        raise ExportError(f"The folder {path.parent} does not exist.")
    atomic_write(path, data, backup=False, error=ExportError)


_REFUSED = set('<>:"/\\|?*')  # characters Windows (and "/" everywhere) refuses in a name
MAX_STEM = 60


def file_stem(doc: Document, fallback: str = "draft") -> str:
    """The name an export is proposed under: the document symbol (A/C.3/80/L.12 →
    A-C.3-80-L.12), else its title cut at a word, else ``fallback``; characters a file
    system refuses become hyphens. File › Export and ``drafting-app export`` propose it."""
    base = (doc.masthead.symbol if doc.masthead else "") or doc.title or fallback
    safe = "".join("-" if c in _REFUSED or ord(c) < 32 else c for c in " ".join(base.split()))
    if len(safe) > MAX_STEM:
        cut = safe[:MAX_STEM]
        safe = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return safe.strip(" .,;-") or fallback
