"""Opening a negotiated draft for the command line: a project file (``.unres.json``) with
its body profile, refused with a clear message when the draft is not in negotiation."""

from __future__ import annotations

from pathlib import Path

from drafting_app.errors import DraftingError
from drafting_app.model.document import Document
from drafting_app.model.profiles import DEFAULT_PROFILE, BodyProfile, profile

PROJECT_SUFFIX = ".unres.json"


def load_negotiated(path: str | Path) -> tuple[Document, BodyProfile]:
    """The negotiated draft in ``path`` and the body profile it was saved with."""
    p = Path(path)
    if not p.name.lower().endswith(PROJECT_SUFFIX):
        raise DraftingError(
            f"{p.name}: a negotiation is kept in a draft ({PROJECT_SUFFIX}); open the "
            "compilation in the app (or `drafting-app negotiate`) and save it as a draft."
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
