"""Opening a negotiated draft for the command line: a project file (``.unres.json``) with
its body profile, or a compilation text (.docx) read back; refused with a clear message
when the draft is not in negotiation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafting_app.errors import DraftingError
from drafting_app.model.document import Document
from drafting_app.model.profiles import DEFAULT_PROFILE, BodyProfile, profile

if TYPE_CHECKING:
    from drafting_app.negotiation.compilation_import import LossReport

PROJECT_SUFFIX = ".unres.json"


def load_negotiated(path: str | Path) -> tuple[Document, BodyProfile]:
    """The negotiated draft in ``path`` and the body profile it was saved with."""
    p = Path(path)
    if p.suffix.lower() == ".docx":
        doc, _ = read_compilation(p)
        return doc, profile(DEFAULT_PROFILE)
    if not p.name.lower().endswith(PROJECT_SUFFIX):
        raise DraftingError(
            f"{p.name}: a negotiation is kept in a draft ({PROJECT_SUFFIX}) or read from a "
            "compilation text (.docx)."
        )
    from drafting_app.storage.project import load_project

    project = load_project(p)
    doc = project.document
    if doc.negotiation is None:
        raise DraftingError(
            f"{p.name} is not in negotiation: open it in the app and choose "
            "Negotiation › Start negotiation."
        )
    return doc, profile(str(project.settings.get("profile", DEFAULT_PROFILE)))


def read_compilation(path: Path) -> tuple[Document, LossReport]:
    """A compilation .docx read back (with what could not be mapped)."""
    from drafting_app.negotiation.compilation_import import import_compilation

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DraftingError(f"{path} does not exist.") from None
    except OSError as exc:
        raise DraftingError(f"{path.name} could not be read: {exc.strerror}.") from None
    return import_compilation(data, path.name)
