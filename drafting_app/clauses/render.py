"""Rendering a clause template into a model paragraph with its footnotes.

Templates run in Jinja's ImmutableSandboxedEnvironment with StrictUndefined and no loader:
a template (the user may write their own) cannot reach Python internals (``__class__``,
``__globals__``), the file system (include, import, extends are refused before rendering)
or any global but the few below. Every failure is a :class:`TemplateError`.

In a template, ``{{ footnote(text) }}`` places a footnote mark (English: after the
punctuation, so write it after the comma); ``*…*`` sets a title in italics, in the text
and in footnotes ("United Nations, *Treaty Series*, …"). The opening phrase is set in
italics automatically. A blank line starts a sub-paragraph ((a), (b) … of the first).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafting_app.clauses.clause import ClauseFootnote, build_paragraph
from drafting_app.clauses.params import ParameterResolver, RegistryLike, cited_list, ordinal
from drafting_app.clauses.templates import ClauseTemplate
from drafting_app.errors import TemplateError
from drafting_app.model.document import Footnote, Paragraph, Span
from drafting_app.phrases import default_phrasebook

MAX_OUTPUT = 20_000
_MARK = "\ue000{}\ue001"
_MARK_RE = re.compile("\ue000(\\d+)\ue001")
_ITALIC_RE = re.compile(r"\*([^*\n]+)\*")
_REFUSED_NODES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


@dataclass
class RenderedClause:
    """A rendered template: the paragraph (with sub-paragraphs) and its footnotes."""

    paragraph: Paragraph
    footnotes: list[Footnote]


class _ClauseSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, also refusing arithmetic that could exhaust memory ("a" * 10**10)."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and (abs(_number(left)) > 1000 or abs(_number(right)) > 32):
            raise SecurityError("a power this large is not allowed in a clause template")
        if operator == "*" and (isinstance(left, str | list) or isinstance(right, str | list)):
            count = right if isinstance(left, str | list) else left
            size = len(left if isinstance(left, str | list) else right)
            if _number(count) * max(size, 1) > MAX_OUTPUT:
                raise SecurityError("a repetition this long is not allowed in a clause template")
        return super().call_binop(context, operator, left, right)


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _environment() -> ImmutableSandboxedEnvironment:
    env = _ClauseSandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.globals.clear()  # no cycler, joiner, namespace, lipsum, range, dict
    env.filters["ordinal"] = ordinal
    env.filters["cited_list"] = cited_list
    return env


_ENV = _environment()


def check_source(source: str, name: str = "template") -> None:
    """Refuse what a clause template may not do, before anything runs."""
    try:
        tree = _ENV.parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{name} line {exc.lineno}: {str(exc.message).rstrip('.')}.") from exc
    for node in tree.find_all(_REFUSED_NODES):
        what = type(node).__name__.lower()
        raise TemplateError(
            f"{name} uses {{% {what} %}}: clause templates may not load other files."
        )


def render_text(template: ClauseTemplate, values: Mapping[str, Any]) -> tuple[str, list[str]]:
    """The template's text with footnote marks in place, and the footnote texts."""
    check_source(template.body, template.key)
    notes: list[str] = []

    def footnote(text: object) -> str:
        notes.append(" ".join(str(text).split()))
        return _MARK.format(len(notes) - 1)

    try:
        out = _ENV.from_string(template.body).render(**values, footnote=footnote)
    except SecurityError as exc:
        raise TemplateError(f"{template.key}: refused — {str(exc).rstrip('.')}.") from exc
    except UndefinedError as exc:
        raise TemplateError(f"{template.key}: {str(exc.message).rstrip('.')}.") from exc
    except TemplateError:
        raise
    except Exception as exc:  # a user template's own error (bad filter, type error …)
        raise TemplateError(f"{template.key} could not be rendered: {exc}.") from exc
    if len(out) > MAX_OUTPUT:
        raise TemplateError(f"{template.key} produced more than {MAX_OUTPUT} characters.")
    return out, notes


def _markup(text: str) -> tuple[str, list[Span]]:
    """Text without ``*…*`` markers, and the italic spans they marked."""
    spans: list[Span] = []
    out: list[str] = []
    pos = 0
    for m in _ITALIC_RE.finditer(text):
        out.append(text[pos : m.start()])
        start = sum(map(len, out))
        out.append(m.group(1))
        spans.append(Span(start, start + len(m.group(1))))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def _piece(
    raw: str, notes: list[str], part_opener: bool
) -> tuple[str, list[Span], list[ClauseFootnote]]:
    text = " ".join(raw.split())
    marks: list[tuple[int, int]] = []
    clean: list[str] = []
    pos = 0
    for m in _MARK_RE.finditer(text):
        clean.append(text[pos : m.start()])
        marks.append((len("".join(clean)), int(m.group(1))))
        pos = m.end()
    clean.append(text[pos:])
    plain, italics = _markup("".join(clean))
    removed = _marker_shift("".join(clean))
    footnotes = []
    for offset, n in marks:
        note_text, note_italics = _markup(notes[n])
        footnotes.append(ClauseFootnote(offset - removed(offset), note_text, tuple(note_italics)))
    if part_opener and not any(s.start == 0 for s in italics):
        found = default_phrasebook().split(plain)
        if found is not None:
            italics.insert(0, Span(0, len(found.text)))
    return plain, italics, footnotes


def _marker_shift(text: str) -> Callable[[int], int]:
    """offset in text with ``*`` markers → how many markers stand before it."""
    stars = [i for i, ch in enumerate(text) if ch == "*"]
    pairs = {i for m in _ITALIC_RE.finditer(text) for i in (m.start(), m.end() - 1)}
    counted = [i for i in stars if i in pairs]
    return lambda offset: sum(1 for i in counted if i < offset)


def render(
    template: ClauseTemplate, params: Mapping[str, Any], registry: RegistryLike
) -> RenderedClause:
    """The clause ``template`` with ``params`` (checked and filled from ``registry``)."""
    values = ParameterResolver(registry).resolve(template, params)
    text, notes = render_text(template, values)
    pieces = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    if not pieces:
        raise TemplateError(f"{template.key} produced no text.")
    record = {
        "template": template.key,
        "label": template.source or template.title,
        "part": template.part.value,
    }
    paragraphs: list[Paragraph] = []
    footnotes: list[Footnote] = []
    for n, raw in enumerate(pieces):
        plain, italics, clause_notes = _piece(raw, notes, part_opener=n == 0)
        paragraph, notes_out = build_paragraph(plain, italics, clause_notes, None)
        paragraphs.append(paragraph)
        footnotes += notes_out
    head = paragraphs[0]
    head.children = paragraphs[1:]
    head.provenance = record
    return RenderedClause(head, footnotes)
