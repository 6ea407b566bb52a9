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

# Series that open UN symbols (enough to recognise a symbol-shaped token in running text).
_SERIES = r"(?:A|E|S|CTOC|CAC|UNEP|FCCC|CRC|CEDAW|HRC|TD|DP|UNW|ICCD|CCPR|CERD|ST|SG)"
_CANDIDATE = re.compile(rf"(?<![\w/.])(?:{_SERIES})(?:\s?/\s?/?[A-Za-z0-9.\-]+)+")
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
    for m in _CANDIDATE.finditer(text):
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
