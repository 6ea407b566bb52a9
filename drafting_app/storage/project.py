"""Project files (``.unres.json``): one draft with its settings, as versioned JSON.

Saving is atomic with one ``.bak`` (:mod:`drafting_app.storage.atomic`). Opening
remembers the file's fingerprint; saving with ``expected_hash`` refuses to overwrite a
file that changed on disk since (another program, a colleague on a shared folder). A file
from a newer version of the app opens read-only; a damaged file raises a ProjectError
that says so and points to the ``.bak``. The format is documented in
docs/PROJECT_FORMAT.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting_app import __version__
from drafting_app.errors import ProjectError
from drafting_app.model.characters import repair_values
from drafting_app.model.document import Document
from drafting_app.storage.atomic import atomic_write, backup_for
from drafting_app.storage.codec import document_from_json, document_to_json
from drafting_app.storage.data_files import MAX_JSON_VALUES
from drafting_app.storage.migrations import CURRENT_VERSION, upgrade
from drafting_app.storage.validate import check_document

FORMAT_NAME = "drafting-app-project"
SUFFIX = ".unres.json"
# A draft is a few hundred kilobytes; at this size a file reads in a few hundred megabytes
# at most (every string may take four bytes a character once decoded).
MAX_PROJECT_BYTES = 32 * 1024 * 1024


class ProjectChangedError(ProjectError):
    """The file on disk is not the one that was opened: saving would overwrite someone
    else's changes."""


class CorruptProjectError(ProjectError):
    """The file is not a readable project; ``backup`` is the ``.bak`` to offer, if any."""

    def __init__(self, message: str, backup: Path | None) -> None:
        super().__init__(message)
        self.backup = backup

    def __reduce__(self) -> tuple[type[CorruptProjectError], tuple[str, Path | None]]:
        # Raised in the reading process and handed to the window (pickled) as it is.
        return (CorruptProjectError, (str(self), self.backup))


@dataclass(frozen=True)
class Fingerprint:
    """What the file on disk looked like when it was opened or saved."""

    sha256: str
    size: int
    mtime_ns: int


@dataclass
class Project:
    """An opened project: the document, its settings (body profile, ladder mode …) and
    how it was opened. ``read_only`` with a ``notice`` when written by a newer version."""

    document: Document
    settings: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    fingerprint: Fingerprint | None = None
    format_version: int = CURRENT_VERSION
    read_only: bool = False
    notice: str = ""
    # Said to the drafter when the loader repaired what no writer could write back.
    repairs: str = ""


def fingerprint_of(data: bytes, path: Path) -> Fingerprint:
    st = path.stat()
    return Fingerprint(hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns)


def changed_since(path: str | Path, seen: Fingerprint) -> bool:
    """Whether the file differs from what was opened or saved (size and time first, the
    hash only when they moved): the GUI can ask when its window regains focus."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return True
    if (st.st_size, st.st_mtime_ns) == (seen.size, seen.mtime_ns):
        return False
    try:
        return hashlib.sha256(p.read_bytes()).hexdigest() != seen.sha256
    except OSError:
        return True


def project_json(document: dict[str, Any], settings: dict[str, Any] | None) -> dict[str, Any]:
    """The project file's JSON values around a document's (``document_to_json``)."""
    return {
        "format": FORMAT_NAME,
        "format_version": CURRENT_VERSION,
        "app_version": __version__,
        "settings": dict(settings or {}),
        "document": document,
    }


def encode_project(doc: Document, settings: dict[str, Any] | None = None) -> bytes:
    """The project file's bytes: UTF-8 JSON, keys in a fixed order, one trailing newline."""
    data = project_json(document_to_json(doc), settings)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # Half of a character pair (a lone surrogate) has no UTF-8 form: repaired as the
        # loader repairs it, so that a save never fails on it.
        fixed, _ = repair_values(data)
        return (json.dumps(fixed, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _damaged(path: Path, why: str) -> CorruptProjectError:
    bak = backup_for(path)
    offer = f" A backup of the previous save exists: {bak.name}." if bak else ""
    return CorruptProjectError(f"{path.name} is not a readable project file: {why}.{offer}", bak)


def _parse(raw: bytes, path: Path) -> dict[str, Any]:
    if not raw.strip():
        raise _damaged(path, "it is empty (an interrupted copy?)")
    values = raw.count(b",") + raw.count(b"[") + raw.count(b"{")
    if values > MAX_JSON_VALUES:  # counted before parsing: each value is a Python object
        raise _damaged(path, f"it holds more than {MAX_JSON_VALUES:,} values")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _damaged(path, "it is not text") from None
    except json.JSONDecodeError as exc:
        raise _damaged(path, f"it is cut off or damaged near line {exc.lineno}") from None
    except RecursionError:
        raise _damaged(path, "its parts are nested far too deeply") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise _damaged(path, "it is not a drafting-app project")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _damaged(path, "its format version is missing")
    return data


def decode_project(raw: bytes, path: Path) -> Project:
    """A project from the bytes of ``path`` (migrated when older, read-only when newer)."""
    data, repaired = repair_values(_parse(raw, path))
    version = data["format_version"]
    notice = ""
    if version > CURRENT_VERSION:
        notice = (
            f"{path.name} was saved by a newer version of the app (project format {version}; "
            f"this version writes format {CURRENT_VERSION}). It is open read-only so that "
            "nothing the newer version stored is lost; use Save As to keep a copy."
        )
    try:
        if version < CURRENT_VERSION:
            data = upgrade(data)
        doc = document_from_json(data["document"])
        settings = data.get("settings", {})
        if not isinstance(settings, dict):
            raise ProjectError("settings are not a table")
        check_document(doc)
    except RecursionError:
        raise _damaged(path, "its parts are nested far too deeply") from None
    except (ProjectError, KeyError, ValueError, TypeError, AttributeError) as exc:
        if notice:  # not damaged: laid out in a way this version does not know
            raise ProjectError(
                f"{path.name} was saved by a newer version of the app (project format "
                f"{version}) in a form this version cannot read. Update the app to open it."
            ) from None
        if isinstance(exc, ProjectError):
            raise _damaged(path, str(exc).rstrip(".")) from None
        raise _damaged(path, f"a required part is missing or wrong ({exc})") from None
    _check_ids(doc, path)
    project = Project(doc, settings, path, None, version, bool(notice), notice)
    if repaired:
        project.repairs = (
            f"{path.name} held {repaired} character{'s' if repaired != 1 else ''} that no "
            "Word document or project file can hold (a control character, or half of a "
            "character pair): each was replaced by a space or �. Check the text before "
            "saving."
        )
    return project


def _check_ids(doc: Document, path: Path) -> None:
    ids = [p.id for p in doc.all_paragraphs()] + [f.id for f in doc.footnotes]
    if len(ids) != len(set(ids)):
        raise _damaged(path, "two paragraphs or footnotes share an id")
    if doc.revision_base is not None:  # the base's ids are its own (it may share the draft's)
        _check_ids(doc.revision_base.document, path)


def _read(path: Path) -> bytes:
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a project file.")
    try:
        if path.stat().st_size > MAX_PROJECT_BYTES:
            raise _damaged(path, "it is far larger than any project")
        return path.read_bytes()
    except FileNotFoundError:
        raise ProjectError(f"{path} does not exist.") from None
    except OSError as exc:
        raise ProjectError(f"{path.name} could not be read: {exc.strerror}.") from exc


def load_project(path: str | Path) -> Project:
    """Open a project file; the result remembers the file's fingerprint for the save
    guard."""
    p = Path(path)
    raw = _read(p)
    project = decode_project(raw, p)
    project.fingerprint = fingerprint_of(raw, p)
    return project


def save_project(
    doc: Document,
    path: str | Path,
    settings: dict[str, Any] | None = None,
    *,
    expected_hash: str | None = None,
) -> Fingerprint:
    """Save atomically (one ``.bak`` kept) and return the new fingerprint.

    ``expected_hash``: the sha256 the file had when opened or last saved; when the file on
    disk differs, :class:`ProjectChangedError` is raised and nothing is written. A file
    written by a newer version is never overwritten.
    """
    p = Path(path)
    try:
        check_document(doc)  # never write a file that would not open again
    except ProjectError as exc:
        raise ProjectError(f"{p.name} was not saved: {exc}") from None
    if p.is_file():
        current = _read(p)
        if expected_hash is not None and hashlib.sha256(current).hexdigest() != expected_hash:
            raise ProjectChangedError(
                f"{p.name} was changed on disk by another program since you opened it. "
                "Save under another name, or reopen it to see the other changes."
            )
        _refuse_newer(current, p)
    data = encode_project(doc, settings)
    atomic_write(p, data)
    return fingerprint_of(data, p)


def _refuse_newer(current: bytes, path: Path) -> None:
    try:
        version = json.loads(current.decode("utf-8")).get("format_version")
    except (ValueError, AttributeError):
        return  # a damaged file may be replaced; its .bak keeps the old bytes
    if isinstance(version, int) and version > CURRENT_VERSION:
        raise ProjectError(
            f"{path.name} was saved by a newer version of the app; saving here would lose "
            "what that version stored. Save under another name."
        )
