"""Typed clause-template parameters, filled and checked from the registry.

Choosing "decision 4/4" gives its date (17 October 2008); choosing a Protocol gives its
full title, short title and treaty footnote ("United Nations, *Treaty Series*, vol. 2237,
No. 39574."). What the template sees are small read-only views (no registry internals).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from drafting_app.clauses.templates import ClauseTemplate, Variable
from drafting_app.errors import TemplateError

MAX_TEXT = 2000
_DATE = re.compile(
    r"^(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|"
    r"November|December) (\d{4})$"
)
_SYMBOL = re.compile(r"^[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+$")
_NUMBER = re.compile(r"^(?:S-)?\d{1,4}/\d{1,4}(?: [A-H])?$|^\d{1,5} \(\d{4}\)$")
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]


class RegistryLike(Protocol):
    """What rendering needs of drafting_app.corpus.registry.Registry."""

    def cited_text(self, body: str, number: str, kind: str) -> Any: ...

    def instrument(self, key: str) -> Any: ...

    def instrument_by_name(self, text: str) -> Any: ...

    def session(self, number: int) -> Any: ...


@dataclass(frozen=True)
class CitedView:
    """A resolution or decision as a template sees it."""

    kind: str
    body: str
    number: str
    date: str

    @property
    def name(self) -> str:
        return f"{self.kind} {self.number} of {self.date}"


@dataclass(frozen=True)
class InstrumentView:
    """A treaty as a template sees it, with its UN Treaty Series footnote."""

    key: str
    full_title: str
    short_title: str
    articles: int
    adopted_by: str
    treaty_citation: str


@dataclass(frozen=True)
class SessionView:
    """A session of the Conference: ``ordinal`` is "sixth" as in "at its sixth session"."""

    number: int
    ordinal: str
    dates: str
    place: str


def ordinal(n: int) -> str:
    """1 → "first", 12 → "twelfth", 21 → "twenty-first" (session names, 1–99)."""
    if not 1 <= n <= 99:
        raise TemplateError(f"{n} is not a session number between 1 and 99.")
    if n < 10:
        return _UNITS[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    stem = _TENS[tens - 2]
    return f"{stem}ieth" if unit == 0 else f"{stem}y-{_UNITS[unit - 1]}"


def cited_list(items: list[CitedView]) -> str:
    """ "61/144 of 19 December 2006, 61/180 of 20 December 2006 and 63/194 of …" (date order)."""
    parts = [f"{c.number} of {c.date}" for c in items]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _date_key(c: CitedView) -> datetime:
    return datetime.strptime(c.date, "%d %B %Y")


class ParameterResolver:
    """Turns what the drafter chose (texts or registry objects) into template values."""

    def __init__(self, registry: RegistryLike) -> None:
        self.registry = registry

    def resolve(self, template: ClauseTemplate, given: Mapping[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(given) - {v.name for v in template.variables})
        if unknown:
            raise TemplateError(
                f"The template {template.key!r} has no parameter {', '.join(map(repr, unknown))}."
            )
        values: dict[str, Any] = {}
        for var in sorted(template.variables, key=lambda v: v.type == "article"):
            raw = given.get(var.name, var.default)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                raise TemplateError(f"Please give {var.label} ({var.name}, {var.type}).")
            values[var.name] = self._one(var, raw, values)
        return values

    def resolve_one(self, var: Variable, raw: Any, done: dict[str, Any]) -> Any:
        """One parameter's value (``done``: the parameters resolved before it)."""
        return self._one(var, raw, done)

    def _one(self, var: Variable, raw: Any, done: dict[str, Any]) -> Any:
        method = getattr(self, "_" + var.type.lower())
        return method(var, raw, done)

    def _citedtext(self, var: Variable, raw: Any, done: dict[str, Any]) -> CitedView:
        kind = var.kind or str(getattr(raw, "kind", "resolution"))
        body = var.body or "its"
        chosen: str = str(getattr(raw, "body", None) or "")
        if body == "its" and chosen:
            body = chosen  # a text chosen from the registry is that body's own
        number = str(getattr(raw, "number", raw)).strip()
        number = re.sub(rf"^(?:{kind}s?)\s+", "", number, flags=re.IGNORECASE)
        if not _NUMBER.match(number):
            raise TemplateError(f"{var.label}: {number!r} is not a {kind} number such as 4/4.")
        found = self.registry.cited_text(body, number, kind)
        if found is None or not getattr(found, "date", ""):
            raise TemplateError(
                f"{var.label}: {kind} {number} of the {_body_name(body)} is not known to the "
                "corpus (no date can be given); add the text to the corpus or check the number."
            )
        return CitedView(kind, str(found.body), str(found.number), str(found.date))

    def _citedtextlist(self, var: Variable, raw: Any, done: dict[str, Any]) -> list[CitedView]:
        items = re.split(r"\s*(?:,|\band\b)\s*", raw) if isinstance(raw, str) else list(raw)
        views = [self._citedtext(var, item, done) for item in items if str(item).strip()]
        if not views:
            raise TemplateError(f"Please give at least one {var.kind or 'text'} for {var.label}.")
        return sorted(views, key=_date_key)

    def _instrument(self, var: Variable, raw: Any, done: dict[str, Any]) -> InstrumentView:
        if hasattr(raw, "full_title"):
            found = raw
        else:
            text = str(raw).strip()
            found = self.registry.instrument(text) or self.registry.instrument_by_name(text)
        if found is None:
            raise TemplateError(f"{var.label}: {raw!r} is not an instrument the registry knows.")
        citation = (
            f"United Nations, *Treaty Series*, vol. {found.unts_volume}, No. {found.unts_number}."
        )
        short = found.short_titles[0] if found.short_titles else found.full_title
        return InstrumentView(
            found.key, found.full_title, short, int(found.articles), found.adopted_by, citation
        )

    def _session(self, var: Variable, raw: Any, done: dict[str, Any]) -> SessionView:
        number = self._int(var, raw, done)
        known = self.registry.session(number)
        return SessionView(
            number,
            ordinal(number),
            str(getattr(known, "dates", "")),
            str(getattr(known, "place", "")),
        )

    def _date(self, var: Variable, raw: Any, done: dict[str, Any]) -> str:
        text = " ".join(str(raw).split())
        m = _DATE.match(text)
        if not m:
            raise TemplateError(f"{var.label}: {text!r} is not a date like 17 October 2008.")
        try:
            datetime.strptime(text, "%d %B %Y")
        except ValueError:
            raise TemplateError(f"{var.label}: {text!r} is not a real date.") from None
        return text

    def _symbol(self, var: Variable, raw: Any, done: dict[str, Any]) -> str:
        text = str(raw).strip()
        if not _SYMBOL.match(text):
            raise TemplateError(
                f"{var.label}: {text!r} is not a document symbol such as CTOC/COP/2010/5."
            )
        return text

    def _article(self, var: Variable, raw: Any, done: dict[str, Any]) -> int:
        number = self._int(var, raw, done)
        target = done.get(var.instrument) if var.instrument else None
        if target is None and var.instrument:
            target = self._instrument(var, var.instrument, done)
        if isinstance(target, InstrumentView) and number > target.articles:
            raise TemplateError(
                f"{var.label}: the {target.short_title} has {target.articles} articles; "
                f"there is no article {number}."
            )
        return number

    def _int(self, var: Variable, raw: Any, done: dict[str, Any]) -> int:
        if isinstance(raw, bool):
            raise TemplateError(f"{var.label} must be a whole number.")
        try:
            number = int(str(raw).strip())
        except ValueError:
            raise TemplateError(f"{var.label} must be a whole number, not {raw!r}.") from None
        if not 1 <= number <= 9999:
            raise TemplateError(f"{var.label} must be between 1 and 9999.")
        return number

    def _text(self, var: Variable, raw: Any, done: dict[str, Any]) -> str:
        if not isinstance(raw, str):
            raise TemplateError(f"{var.label} must be text.")
        text = " ".join(raw.split())
        if len(text) > MAX_TEXT:
            raise TemplateError(f"{var.label} is longer than {MAX_TEXT} characters.")
        return text


def _body_name(body: str) -> str:
    return "Conference" if body.lower() in ("its", "conference") else body


__all__ = [
    "CitedView",
    "InstrumentView",
    "ParameterResolver",
    "SessionView",
    "cited_list",
    "ordinal",
]
