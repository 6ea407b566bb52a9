"""SYMBOL: UN document symbols are components separated by "/" (A/RES/64/293,
CTOC/COP/2010/L.4, E/CN.15/2006/10); "L.", "Rev.", "Add.", "Corr.", "CRP." take a full stop
before their number (UN_FORMAT.md §6)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from drafting_app.checks.context import _CLEAR_HOOKS, CheckContext
from drafting_app.checks.findings import Finding, Fix, Location, Severity
from drafting_app.model.document import Footnote, Paragraph
from drafting_app.model.references import matches_at

# Series that open UN symbols (enough to recognise a symbol-shaped token in running text).
_SERIES_NAMES = ("A", "E", "S", "CTOC", "CAC", "UNEP", "FCCC", "CRC", "CEDAW", "HRC", "TD",
                 "DP", "UNW", "ICCD", "CCPR", "CERD", "ST", "SG")  # fmt: skip
_SERIES = "(?:" + "|".join(_SERIES_NAMES) + ")"
_CANDIDATE = re.compile(rf"(?<![\w/.])(?:{_SERIES})(?:\s?/\s?/?[A-Za-z0-9.\-]+)+")
# The series by their last letter. A candidate is a series right before a "/" or before
# the one space ("\s" is str.isspace) before it: the pattern is tried only there
# (matches_at) instead of at every character of every text.
_SERIES_BY_END = {
    end: tuple(series for series in _SERIES_NAMES if series[-1] == end)
    for end in {series[-1] for series in _SERIES_NAMES}
}


def candidates(text: str) -> list[re.Match[str]]:
    """``_CANDIDATE.finditer(text)``, tried only where a series ends before a "/"."""
    starts: list[int] = []
    at = text.find("/")
    while at >= 0:
        for end in (at, at - 1) if at > 1 and text[at - 1].isspace() else (at,):
            for series in _SERIES_BY_END.get(text[end - 1], ()) if end else ():
                if text.endswith(series, 0, end):
                    starts.append(end - len(series))
        at = text.find("/", at + 1)
    return matches_at(_CANDIDATE, text, starts)


_NEEDS_DOT = re.compile(r"^(L|Rev|Add|Corr|CRP|CN|C|WG|CONF|PV|SR)(\d+)$")
_LOWER_SUFFIX = re.compile(r"^(l|rev|add|corr|crp)\.?(\d+)$")


def _correct(symbol: str) -> str:
    body = symbol.rstrip(".")
    parts = [s.strip() for s in body.split("/")]
    fixed: list[str] = []
    for part in parts:
        if not part:
            continue
        if m := _NEEDS_DOT.match(part):
            part = f"{m.group(1)}.{m.group(2)}"
        elif m := _LOWER_SUFFIX.match(part):
            word = m.group(1)
            word = "L" if word == "l" else ("CRP" if word == "crp" else word.capitalize())
            part = f"{word}.{m.group(2)}"
        fixed.append(part)
    return "/".join(fixed)


@lru_cache(maxsize=16384)
def _problems(text: str) -> tuple[tuple[int, int, str, str], ...]:
    if "/" not in text:
        return ()
    out = []
    for m in candidates(text):
        raw = m.group(0).rstrip(".")
        if raw.count("/") < 1:
            continue
        good = _correct(raw)
        if good != raw:
            out.append((m.start(), m.start() + len(raw), raw, good))
    return tuple(out)


def symbols_in_paragraph(ctx: CheckContext, p: Paragraph) -> list[Finding]:
    return _symbols(ctx, p.text, p.id, False, lambda s, e: ctx.at(p, s, e))


def symbols_in_note(ctx: CheckContext, f: Footnote) -> list[Finding]:
    return _symbols(ctx, f.text, f.id, True, lambda s, e: ctx.at_note(f, s, e))


def _symbols(
    ctx: CheckContext, text: str, item_id: str, in_note: bool, at: Callable[[int, int], Location]
) -> list[Finding]:
    """The SYMBOL findings of one paragraph's or footnote's text."""
    return [
        ctx.finding(
            "SYMBOL",
            Severity.ERROR,
            f"“{raw}” is not a well-formed document symbol; it reads “{good}”.",
            at(start, end),
            fix=Fix(item_id, start, end, good, in_note, description=f"Write “{good}”"),
        )
        for start, end, raw, good in _problems(text)
    ]


_CLEAR_HOOKS.append(_problems.cache_clear)
