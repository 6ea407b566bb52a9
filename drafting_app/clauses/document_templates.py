"""Document templates: a new draft for a body and kind of text (COP draft resolution as an
L. document, COP resolution, COP decision in the lettered form, GA Main Committee draft,
CCPCJ draft recommended to the Economic and Social Council).

Each template is a jinja2 text in templates/documents/ that renders the document as it
reads in the corpus text form, with its metadata (name, kind, form, body profile, masthead
defaults) in ``catalogue.json``. The text goes through the corpus :class:`TextReader`, the
same road as every imported document; the front of the document (masthead, heading,
title) is then set from the values given, so no reader heuristic can misplace them.
Rendering is sandboxed, and an unknown or missing value is an error, never a blank.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting_app.corpus.readers.text import TextReader
from drafting_app.errors import TemplateError
from drafting_app.model.document import Document, DocumentKind, Form, Masthead, Paragraph
from drafting_app.model.profiles import BodyProfile, profile
from drafting_app.model.text_edits import MASTHEAD_FIELDS
from drafting_app.paths import templates_dir

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment


@dataclass(frozen=True)
class DocumentTemplate:
    """One template's metadata. ``masthead`` holds the masthead defaults (None: the text
    has no masthead, as an adopted resolution); ``params`` the other values it takes
    (title, number …) with their defaults; ``heading`` and ``front_matter`` are jinja
    strings rendered with the same values."""

    key: str
    name: str
    kind: DocumentKind
    form: Form
    profile: str
    file: str
    heading: str = ""
    front_matter: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)
    masthead: dict[str, Any] | None = None

    @property
    def body_profile(self) -> BodyProfile:
        return profile(self.profile)

    def parameters(self) -> list[str]:
        """Every value ``new_document`` accepts for this template."""
        names = list(self.params)
        return names + (list(MASTHEAD_FIELDS) if self.masthead is not None else [])


def _folder() -> Path:
    return templates_dir() / "documents"


def _and_join(names: list[str]) -> str:
    """ "Austria, France and Italy" — the sponsor line's list."""
    names = [str(n) for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@lru_cache(maxsize=4)
def _environment(folder: Path) -> SandboxedEnvironment:
    # jinja2 is imported when a template is first rendered, not when the app starts (the
    # template dialog only lists the catalogue).
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["and_join"] = _and_join
    return env


def _entry(raw: dict[str, Any]) -> DocumentTemplate:
    try:
        return DocumentTemplate(
            key=raw["key"],
            name=raw["name"],
            kind=DocumentKind(raw["kind"]),
            form=Form(raw["form"]),
            profile=raw["profile"],
            file=raw["file"],
            heading=raw.get("heading", ""),
            front_matter=tuple(raw.get("front_matter", ())),
            params=dict(raw.get("params", {})),
            masthead=raw.get("masthead"),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise TemplateError(f"The template catalogue has a bad entry ({exc}).") from exc


def list_templates(folder: Path | None = None) -> list[DocumentTemplate]:
    """The document templates, in catalogue order."""
    path = (folder or _folder()) / "catalogue.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["templates"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TemplateError(f"The template catalogue {path} cannot be read ({exc}).") from exc
    return [_entry(e) for e in entries]


def template(key: str, folder: Path | None = None) -> DocumentTemplate:
    for t in list_templates(folder):
        if t.key == key:
            return t
    known = ", ".join(t.key for t in list_templates(folder))
    raise TemplateError(f"No document template {key!r}; the templates are: {known}.")


def _values(t: DocumentTemplate, given: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(given) - set(t.parameters()))
    if unknown:
        raise TemplateError(
            f"The template {t.key!r} takes no value {', '.join(unknown)}; "
            f"it takes: {', '.join(t.parameters())}."
        )
    values: dict[str, Any] = dict(t.params)
    if t.masthead is not None:
        values.update({name: [] if name == "sponsors" else "" for name in MASTHEAD_FIELDS})
        values.update(t.masthead)
    values.update(given)
    for name, value in values.items():
        ok = (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
            if name == "sponsors"
            else isinstance(value, str)
        )
        if not ok:
            kind = "a list of names" if name == "sponsors" else "text"
            raise TemplateError(f"The value {name!r} must be {kind}.")
    values["authoring_body"] = t.body_profile.authoring_body
    return values


def _render(folder: Path, source: str, values: dict[str, Any], from_string: bool) -> str:
    import jinja2

    env = _environment(folder)
    try:
        tpl = env.from_string(source) if from_string else env.get_template(source)
        return tpl.render(**values)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"The template file {exc.name} is missing.") from exc
    except jinja2.TemplateError as exc:  # syntax, undefined value, sandbox refusal
        raise TemplateError(f"The template {source!r} failed: {exc}.") from exc


def render_text(key: str, folder: Path | None = None, **given: Any) -> str:
    """The template's text (corpus text form) with the given values."""
    folder = folder or _folder()
    t = template(key, folder)
    return _render(folder, t.file, _values(t, given), from_string=False)


def new_document(template_key: str, folder: Path | None = None, **given: Any) -> Document:
    """A new document from a template: ``new_document("cop-draft-resolution",
    session="Fourth session", sponsors=["France"], title="…")``."""
    folder = folder or _folder()
    t = template(template_key, folder)
    values = _values(t, given)
    text = _render(folder, t.file, values, from_string=False)
    doc = TextReader().read(text, f"template:{t.key}")
    doc.kind, doc.form = t.kind, t.form
    doc.heading = _render(folder, t.heading, values, from_string=True).strip()
    doc.title = values.get("title", "")
    doc.front_matter = [_render(folder, s, values, True) for s in t.front_matter]
    doc.masthead = None
    if t.masthead is not None:
        doc.masthead = Masthead(**{k: values[k] for k in MASTHEAD_FIELDS})
    if t.form is Form.DECISION and doc.chapeau is None and doc.authoring_body:
        doc.chapeau = Paragraph(doc.authoring_body.rstrip(",") + ":")
        doc.authoring_body = ""
    if doc.unplaced or doc.preamble or doc.operative:
        raise TemplateError(f"The template {t.key!r} renders text the reader cannot place.")
    return doc
