"""DATE: dates in UN style — "17 October 2008": day, month name, four-digit year, no commas,
no ordinals, no abbreviations (UN_FORMAT.md §3); and dates that cannot exist."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from drafting_app.checks.context import _CLEAR_HOOKS, CheckContext
from drafting_app.checks.findings import Finding, Fix, Severity
from drafting_app.model.document import Footnote, Paragraph
from drafting_app.model.references import MONTHS, matches_at

_MONTH_INDEX = {m.lower(): i for i, m in enumerate(MONTHS, start=1)}
_ABBREVIATIONS = {m[:3].lower(): m for m in MONTHS} | {"sept": "September"}
_MONTH = (
    r"(?P<month>" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
)
_DAY_FIRST = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?P<ord>st|nd|rd|th)?(?P<sep1>\s(?:of\s)?){_MONTH}(?P<sep2>,?\s)(?P<year>\d{{4}})\b"
)
_MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\s(?P<day>\d{{1,2}})(?P<ord>st|nd|rd|th)?(?P<sep2>,?\s)(?P<year>\d{{4}})\b"
)


def _month(name: str) -> str:
    key = name.rstrip(".").lower()
    return MONTHS[_MONTH_INDEX[key] - 1] if key in _MONTH_INDEX else _ABBREVIATIONS[key]


Problem = tuple[int, int, str, str | None]


@lru_cache(maxsize=16384)
def _problems(text: str) -> tuple[Problem, ...]:
    """(start, end, message, corrected text or None) for each bad date in ``text``."""
    # Both patterns need a month (each name and abbreviation starts with one of these
    # twelve) and a year; a plain scan for the month's first letters rules most texts out
    # sooner than the year's digit class.
    months = [m.start() for m in _MONTH_START.finditer(text)]
    if not months or not _DIGITS.search(text):
        return ()
    # The patterns are tried only where a date can start (matches_at: the same matches as
    # a scan of every character): a month-first date at a month, a day-first one at a digit
    # 2 to 8 characters before a month ("3 May", "31st of May").
    day_starts = [q - k for q in months for k in range(2, 9) if q >= k and text[q - k].isdigit()]
    out: list[Problem] = []
    for rx, starts in ((_DAY_FIRST, day_starts), (_MONTH_FIRST, months)):
        for m in matches_at(rx, text, starts):
            month = _month(m.group("month"))
            day, year = int(m.group("day")), int(m.group("year"))
            days = calendar.monthrange(year, _MONTH_INDEX[month.lower()])[1]
            good = f"{day} {month} {year}"
            if not 1 <= day <= days:
                message = f"“{m.group(0)}” is not a date: {month} {year} has {days} days."
                out.append((m.start(), m.end(), message, None))
            elif " ".join(m.group(0).split()) != good:  # a no-break space is right
                message = (
                    f"“{m.group(0)}” is written “{good}” in UN texts "
                    "(day, month, year; no comma or abbreviation)."
                )
                out.append((m.start(), m.end(), message, good))
    return tuple(out)


_DIGITS = re.compile(r"\d{4}")
_MONTH_START = re.compile(r"Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec")


def dates_in_paragraph(ctx: CheckContext, p: Paragraph) -> list[Finding]:
    out: list[Finding] = []
    for start, end, message, good in _problems(p.text):
        fix = None if good is None else Fix(p.id, start, end, good, description=f"Write “{good}”")
        out.append(ctx.finding("DATE", Severity.ERROR, message, ctx.at(p, start, end), fix=fix))
    return out


def dates_in_note(ctx: CheckContext, f: Footnote) -> list[Finding]:
    out: list[Finding] = []
    for start, end, message, good in _problems(f.text):
        fix = (
            None
            if good is None
            else Fix(f.id, start, end, good, True, description=f"Write “{good}”")
        )
        out.append(
            ctx.finding("DATE", Severity.ERROR, message, ctx.at_note(f, start, end), fix=fix)
        )
    return out


_CLEAR_HOOKS.append(_problems.cache_clear)
