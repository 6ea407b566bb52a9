"""Rendering a clause template into a model paragraph with its footnotes.

Templates run in Jinja's ImmutableSandboxedEnvironment with StrictUndefined and no loader:
a template (the user may write their own) cannot reach Python internals (``__class__``,
``__globals__``), the file system (include, import, extends are refused before rendering)
or any global but the few below, nor ask for far more than a clause: numbers, repetitions,
widths and counts past MAX_OUTPUT are refused as they are asked for. A drafter's own
template is rendered in a process of its own, bounded in time and memory
(:mod:`drafting_app.clauses.template_process`). Every failure is a :class:`TemplateError`
that names the template and says why.

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
    """The sandbox, also refusing arithmetic and calls that ask for far more than a clause
    ("a" * 10**10, a number squared again and again, "%999999999s", center(10**9))."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and (abs(_number(left)) > 1000 or abs(_number(right)) > 32):
            raise SecurityError("a power this large is not allowed in a clause template")
        if operator == "*" and (isinstance(left, str | list) or isinstance(right, str | list)):
            count = right if isinstance(left, str | list) else left
            size = len(left if isinstance(left, str | list) else right)
            if _number(count) * max(size, 1) > MAX_OUTPUT:
                raise SecurityError("a repetition this long is not allowed in a clause template")
        if operator in ("*", "+") and _digits(left) + _digits(right) > MAX_DIGITS:
            raise SecurityError("a number this large is not allowed in a clause template")
        if operator == "+" and _size(left) + _size(right) > MAX_OUTPUT:
            raise SecurityError("a text this long is not allowed in a clause template")
        if operator == "%" and isinstance(left, str) and _widest(left) > MAX_OUTPUT:
            raise SecurityError("a width this large is not allowed in a clause template")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        # "{:>999999999}".format(x): the width is in the string the method is bound to
        bound = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(bound, str) and _widest(bound) > MAX_OUTPUT:
            raise SecurityError("a width this large is not allowed in a clause template")
        return super().call(__context, __obj, *args, **kwargs)


MAX_DIGITS = 1000
_WIDTH_RE = re.compile(r"[%{:][^a-zA-Z%{}]*?(\d{4,})")


def _digits(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() * 3 // 10  # decimal digits, about
    return 0


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple) else 0


def _widest(text: str) -> int:
    """The largest width or precision a format string asks for ("%999999999s")."""
    return max((int(m.group(1)) for m in _WIDTH_RE.finditer(text)), default=0)


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """No call may ask for a width, count or size past MAX_OUTPUT (center(10**9),
    indent(10**9), "x".zfill(10**9), "{:>999999999}".format(1))."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT:
            raise SecurityError("a number this large is not allowed in a clause template")
        if isinstance(value, str) and _widest(value) > MAX_OUTPUT:
            raise SecurityError("a width this large is not allowed in a clause template")


def _bounded(f: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses too large an argument and too long a result."""

    def checked(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args[1:], kwargs)
        out = f(*args, **kwargs)
        if _size(out) > MAX_OUTPUT:
            raise SecurityError("a text this long is not allowed in a clause template")
        return out

    checked.__name__ = getattr(f, "__name__", "filter")
    for mark in ("jinja_pass_arg",):  # pass_context / pass_environment flags
        if hasattr(f, mark):
            setattr(checked, mark, getattr(f, mark))
    return checked


_DERIVED = {"date", "dates", "place"}


class Blank:
    """A parameter not given yet, as a preview shows it: "[Decision of the Conference]"
    wherever the template uses it (its fields, the filters, a list of it), so the drafter
    reads the clause with the gap named, never the template's ``{{ … }}``."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __str__(self) -> str:
        return f"[{self.label}]"

    def __getattr__(self, name: str) -> Blank:
        if name.startswith("_"):
            raise AttributeError(name)
        # What the registry gives with the choice is named as such ("decision [Decision
        # of the Conference] of [date]"); the rest stands for the choice itself.
        return Blank(name.replace("_", " ")) if name in _DERIVED else self

    def __iter__(self) -> Any:
        return iter((self,))

    def __len__(self) -> int:
        return 1


def _lenient(f: Callable[[Any], str]) -> Callable[[Any], str]:
    """A filter that passes a :class:`Blank` (or a list holding one) through as its text."""

    def apply(value: Any) -> str:
        if isinstance(value, Blank):
            return str(value)
        if isinstance(value, list) and value and isinstance(value[0], Blank):
            return str(value[0])
        return f(value)

    apply.__name__ = getattr(f, "__name__", "filter")
    return apply


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _environment() -> ImmutableSandboxedEnvironment:
    env = _ClauseSandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.globals.clear()  # no cycler, joiner, namespace, lipsum, range, dict
    env.filters["ordinal"] = _lenient(ordinal)
    env.filters["cited_list"] = _lenient(cited_list)
    env.filters = {name: _bounded(f) for name, f in env.filters.items()}
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
    """The template's text with footnote marks in place, and the footnote texts (a
    drafter's own template rendered in the bounded worker process)."""
    check_source(template.body, template.key)
    if template.origin == "user":
        from drafting_app.clauses.template_process import render_user_template

        return render_user_template(template, values)
    return render_in_process(template, values)


def render_in_process(template: ClauseTemplate, values: Mapping[str, Any]) -> tuple[str, list[str]]:
    """``render_text`` here, in this process (the bundled templates; the worker)."""
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
    except RecursionError:
        raise TemplateError(f"{template.key}: refused — it calls itself too deeply.") from None
    except MemoryError:
        raise  # the worker process says which limit it was
    except Exception as exc:  # a user template's own error (bad filter, type error …)
        reason = str(exc).rstrip(".") or type(exc).__name__  # never an empty reason
        raise TemplateError(f"{template.key} could not be rendered: {reason}.") from exc
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
    return _clause(template, *render_text(template, values))


def preview(
    template: ClauseTemplate, params: Mapping[str, Any], registry: RegistryLike | None
) -> RenderedClause:
    """The clause as it will read with what is given so far (defaults for the rest): a
    parameter missing or not valid yet, or needing a registry not loaded yet, reads as its
    label in brackets (:class:`Blank`). A broken template still raises TemplateError."""
    resolver = ParameterResolver(registry) if registry is not None else None
    values: dict[str, Any] = {}
    for var in sorted(template.variables, key=lambda v: v.type == "article"):
        raw = params.get(var.name, var.default)
        empty = raw is None or (isinstance(raw, str | list) and not raw)
        try:
            if resolver is None or empty or (isinstance(raw, str) and not raw.strip()):
                raise TemplateError(var.label)
            values[var.name] = resolver.resolve_one(var, raw, values)
        except (TemplateError, AttributeError, TypeError, ValueError):
            values[var.name] = Blank(var.label)
    return _clause(template, *render_text(template, values))


def _clause(template: ClauseTemplate, text: str, notes: list[str]) -> RenderedClause:
    """The rendered text as a paragraph (blank-line pieces its sub-paragraphs) and notes."""
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
