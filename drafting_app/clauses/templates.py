"""Clause templates: parameterised agreed language (templates/clauses/*.j2).

Each template starts with a JSON header inside a Jinja comment::

    {#---
    {"key": "recall-decision", "title": "Recalling a decision of the Conference",
     "part": "preamble", "opener": "Recalling", "source": "Resolution 5/2, preamble 2",
     "variables": {"decision": {"type": "CitedText", "kind": "decision",
                                "label": "Decision of the Conference"}}}
    ---#}
    Recalling its decision {{ decision.number }} of {{ decision.date }},

Variable types (resolved by :mod:`drafting_app.clauses.params`): ``CitedText`` (a
resolution or decision known to the registry; ``kind`` and ``body`` say which),
``CitedTextList`` (several, listed in date order), ``Instrument`` (a treaty of the
registry), ``session`` (a session of the Conference, a number), ``date``, ``symbol``
(a document symbol), ``article`` (an article number, checked against ``instrument``), ``int``
and ``text``. Bundled templates live in templates/clauses/; the user's own in
``paths.user_data_dir()/clauses/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting_app.errors import TemplateError
from drafting_app.model.document import Part
from drafting_app.paths import templates_dir, user_data_dir

MAX_TEMPLATE_BYTES = 64 * 1024
TYPES = (
    "CitedText",
    "CitedTextList",
    "Instrument",
    "session",
    "date",
    "symbol",
    "article",
    "int",
    "text",
)
_OPEN, _CLOSE = "{#---", "---#}"


@dataclass(frozen=True)
class Variable:
    """One parameter of a clause template: its name, type and how the form labels it."""

    name: str
    type: str
    label: str
    kind: str = ""
    body: str = ""
    default: str = ""
    instrument: str = ""


@dataclass(frozen=True)
class ClauseTemplate:
    """A parameterised clause: metadata and the Jinja source of its text."""

    key: str
    title: str
    part: Part
    opener: str
    source: str
    variables: tuple[Variable, ...]
    body: str
    origin: str = "bundled"
    path: str = ""
    description: str = field(default="", compare=False)

    def variable(self, name: str) -> Variable:
        for v in self.variables:
            if v.name == name:
                return v
        raise KeyError(name)


def bundled_dir() -> Path:
    return templates_dir() / "clauses"


def user_dir() -> Path:
    return user_data_dir() / "clauses"


def parse_template(text: str, origin: str = "user", path: str = "") -> ClauseTemplate:
    """A template from its file text (header + body); TemplateError says what is wrong."""
    name = path.rsplit("/", 1)[-1] or "the template"
    if len(text.encode("utf-8")) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"{name} is larger than {MAX_TEMPLATE_BYTES // 1024} KB.")
    stripped = text.lstrip()
    if not stripped.startswith(_OPEN) or _CLOSE not in stripped:
        raise TemplateError(f"{name} has no header: it must start with {_OPEN} … {_CLOSE}.")
    header, body = stripped[len(_OPEN) :].split(_CLOSE, 1)
    try:
        meta = json.loads(header)
    except ValueError as exc:
        raise TemplateError(f"The header of {name} is not valid JSON: {exc}.") from exc
    return _from_meta(meta, body.strip(), origin, path, name)


def _from_meta(meta: Any, body: str, origin: str, path: str, name: str) -> ClauseTemplate:
    if not isinstance(meta, dict):
        raise TemplateError(f"The header of {name} must be a JSON object.")
    for key in ("key", "title", "part"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise TemplateError(f"The header of {name} needs a text value for {key!r}.")
    if meta["part"] not in ("preamble", "operative"):
        raise TemplateError(f"In {name}, part must be 'preamble' or 'operative'.")
    raw_vars = meta.get("variables", {})
    if not isinstance(raw_vars, dict):
        raise TemplateError(f"In {name}, variables must be a JSON object.")
    variables = tuple(_variable(n, spec, name) for n, spec in raw_vars.items())
    if not body:
        raise TemplateError(f"{name} has no text after its header.")
    return ClauseTemplate(
        key=meta["key"].strip(),
        title=meta["title"].strip(),
        part=Part(meta["part"]),
        opener=str(meta.get("opener", "")),
        source=str(meta.get("source", "")),
        variables=variables,
        body=body,
        origin=origin,
        path=path,
        description=str(meta.get("description", "")),
    )


def _variable(name: str, spec: Any, where: str) -> Variable:
    if not name.isidentifier() or name.startswith("_"):
        raise TemplateError(f"In {where}, {name!r} is not a usable variable name.")
    if not isinstance(spec, dict) or spec.get("type") not in TYPES:
        raise TemplateError(
            f"In {where}, variable {name!r} needs a type, one of: {', '.join(TYPES)}."
        )
    values = {k: spec.get(k, "") for k in ("label", "kind", "body", "default", "instrument")}
    if not all(isinstance(v, str) for v in values.values()):
        raise TemplateError(f"In {where}, the settings of variable {name!r} must be texts.")
    return Variable(name, spec["type"], values.pop("label") or name.replace("_", " "), **values)


class TemplateCatalog:
    """The bundled clause templates and the user's own (a broken user file is reported in
    ``errors``, never fatal; a user template may not replace a bundled key)."""

    def __init__(self, templates: list[ClauseTemplate], errors: list[str]) -> None:
        self.templates = templates
        self.errors = errors
        self._by_key = {t.key: t for t in templates}

    @classmethod
    def load(cls, folders: list[tuple[Path, str]] | None = None) -> TemplateCatalog:
        folders = folders or [(bundled_dir(), "bundled"), (user_dir(), "user")]
        found: list[ClauseTemplate] = []
        errors: list[str] = []
        keys: set[str] = set()
        for folder, origin in folders:
            for path in sorted(folder.glob("*.j2")) if folder.is_dir() else []:
                try:
                    template = parse_template(path.read_text(encoding="utf-8"), origin, str(path))
                except (OSError, UnicodeDecodeError, TemplateError) as exc:
                    errors.append(f"{path.name}: {exc}")
                    continue
                if template.key in keys:
                    errors.append(f"{path.name}: the key {template.key!r} is already used.")
                    continue
                keys.add(template.key)
                found.append(template)
        return cls(found, errors)

    def __len__(self) -> int:
        return len(self.templates)

    def get(self, key: str) -> ClauseTemplate:
        try:
            return self._by_key[key]
        except KeyError:
            raise TemplateError(f"There is no clause template {key!r}.") from None
