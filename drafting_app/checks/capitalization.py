"""CAPITALS: the names of the United Nations, its organs and offices, and "Member States",
are capitalized (UN_FORMAT.md §3): "general assembly" → "General Assembly",
"secretary-general" → "Secretary-General", "member states" → "Member States". In "States
parties" only "States" takes a capital, as in GA texts.

Not flagged, because UN texts write them so on purpose: "member States" of another
organization ("member States of the European Union"), "States Parties" (the Rome Statute's
own term, kept by the GA in its ICC resolutions), a "national security council", and a
Conference's own "secretariat".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from drafting_app.checks.context import _CLEAR_HOOKS, CheckContext
from drafting_app.checks.findings import Finding, Fix, Location, Severity
from drafting_app.model.document import Footnote, Paragraph


@dataclass(frozen=True)
class _Name:
    """A name as a pattern (any case), the form UN texts write ("" when :func:`_correct`
    decides), and a word it cannot be without (a cheap test before the pattern); ``first``
    is the lower-case word every match starts with."""

    pattern: re.Pattern[str]
    written: str
    key: str
    first: str


def _name(words: str, written: str, key: str) -> _Name:
    first = re.match(r"[a-z]+", words)
    assert first is not None
    word = first.group(0)
    if words[len(word) : len(word) + 1] == "?":  # "states?": "state" is what is certain
        word = word[:-1]
    return _Name(re.compile(rf"\b{words}\b", re.IGNORECASE), written, key, word)


_NAMES = (
    _name(r"member\s+states?", "", "member"),
    _name(r"secretary[- ]general", "Secretary-General", "secretary"),
    _name(r"general\s+assembly", "General Assembly", "assembly"),
    _name(r"security\s+council", "Security Council", "security"),
    _name(r"economic\s+and\s+social\s+council", "Economic and Social Council", "economic"),
    _name(r"human\s+rights\s+council", "Human Rights Council", "rights"),
    _name(r"international\s+court\s+of\s+justice", "International Court of Justice", "court"),
    _name(r"united\s+nations", "United Nations", "united"),
    _name(r"states?\s+part(?:y|ies)", "", "part"),
)
# A national or regional body of the same name is not the UN organ.
_NOT_THE_ORGAN = re.compile(r"(?:national|regional|local|provincial|its own)\s+$", re.IGNORECASE)
_OTHER_ORGANIZATION = re.compile(r"\s+of\s+the\s+(?!United Nations)[A-Z]")


def _correct(found: str, name: _Name, after: str) -> str | None:
    """The form UN style writes for ``found``, or None when it is right (or meant so)."""
    if name.written:
        return None if found == name.written else name.written
    words = found.split()
    if words[0].lower() == "member":
        if words[0] == "member" and words[1][0] == "S":
            return None  # "member States" of another organization: as UN texts write it
        plural = words[1].lower().endswith("s")
        if words[0] == "member" and _OTHER_ORGANIZATION.match(after):
            return "member States" if plural else "member State"
        right = "Member States" if plural else "Member State"
        return None if found == right else right
    if words[0][0] == "S":
        return None  # "States parties", and the Rome Statute's "States Parties"
    return "State" + words[0][5:] + " " + words[1].lower()


# Letters that match an ASCII letter when case is ignored but whose lower case is not that
# letter: in a text with one of them, matches cannot be found by the lower-case words.
_FOLDS_APART = ("\u0130", "\u0131", "\u017f")  # İ ı ſ


@lru_cache(maxsize=16384)
def _problems(text: str) -> tuple[tuple[int, int, str, str], ...]:
    lower = text.lower()
    present = [name for name in _NAMES if name.key in lower]
    if not present:  # most texts name none of them
        return ()
    out: list[tuple[int, int, str, str]] = []
    exact_starts = len(lower) == len(text) and not any(c in text for c in _FOLDS_APART)
    for name in present:
        if not exact_starts:
            found: Iterable[re.Match[str]] = name.pattern.finditer(text)
        elif name.first in lower:
            found = _matches(name, text, lower)
        else:
            continue
        for m in found:
            # Most names are written right ("United Nations"): that is asked first, the
            # words before (a "national security council") only of a name written wrong.
            right = _correct(m.group(0), name, text[m.end() : m.end() + 40])
            if right is None or _NOT_THE_ORGAN.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            out.append((m.start(), m.end(), m.group(0), right))
    return tuple(out)


def _matches(name: _Name, text: str, lower: str) -> list[re.Match[str]]:
    """``name.pattern.finditer(text)``, the pattern tried only where its first word stands
    in the lower-case text (same places when lower-casing keeps every letter's place):
    a case-blind pattern scanned over every character of every text was most of the
    family's time on a cold check."""
    out: list[re.Match[str]] = []
    end = 0
    at = lower.find(name.first)
    while at >= 0:
        if at >= end:
            m = name.pattern.match(text, at)
            if m is not None:
                out.append(m)
                end = m.end()
        at = lower.find(name.first, at + 1)
    return out


def _finding(ctx: CheckContext, where: Location, raw: str, right: str, fix: Fix) -> Finding:
    return ctx.finding(
        "CAPITALS",
        Severity.ERROR,
        f"“{raw}” is written “{right}” in UN texts (names of the Organization, its organs "
        "and offices, and Member States, are capitalized).",
        where,
        "UN Editorial Manual, capitalization: Member States, General Assembly, "
        "Secretary-General; States parties.",
        fix,
    )


def capitals_in_paragraph(ctx: CheckContext, p: Paragraph) -> list[Finding]:
    return _capitals(ctx, p.text, p.id, False, lambda s, e: ctx.at(p, s, e))


def capitals_in_note(ctx: CheckContext, f: Footnote) -> list[Finding]:
    return _capitals(ctx, f.text, f.id, True, lambda s, e: ctx.at_note(f, s, e))


def _capitals(
    ctx: CheckContext, text: str, item_id: str, in_note: bool, at: Callable[[int, int], Location]
) -> list[Finding]:
    """The CAPITALS findings of one paragraph's or footnote's text."""
    return [
        _finding(
            ctx,
            at(start, end),
            raw,
            right,
            Fix(item_id, start, end, right, in_note, description=f"Write “{right}”"),
        )
        for start, end, raw, right in _problems(text)
    ]


_CLEAR_HOOKS.append(_problems.cache_clear)
