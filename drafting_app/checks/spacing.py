"""SPACING: the slips a paste or a quick edit leaves that a reader sees at once and no other
check names (user trial: "Recalling  its" after a completion, "matter.Decides" after a
paste, two empty preambular paragraphs): a double space, a sentence run into the next
without its space, an empty paragraph the export would silently leave out."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from drafting_app.checks.context import _CLEAR_HOOKS, CheckContext
from drafting_app.checks.findings import Finding, Fix, Location, Severity
from drafting_app.model.document import Paragraph

# Two or more spaces between words (a tab or the space before a line's end is layout).
_DOUBLE = re.compile(r"(?<=\S) {2,}(?=\S)")
# A full stop or semicolon closing a word of two or more small letters, followed at once by
# a capitalized word: "matter.Decides". Symbols ("E/CN.15", "FCCC/PA/CMA.3", "No.14668")
# and abbreviations ("i.e.", "U.N.") never have that shape.
_RUN_ON = re.compile(r"(?<![\w./])[a-z]{2,}[.;](?=[A-Z][a-z]{2,}\b)")


# Cheap tests before the patterns (most texts have neither slip): the patterns test every
# position of a text, a substring search or a pattern opening with a character set does not.
_RUN_ON_HINT = re.compile(r"[.;][A-Z]")

# (severity, start, end, message, fix at, fix end, fix description) of each slip in a text.
Slip = tuple[Severity, int, int, str, int, int, str]


@lru_cache(maxsize=16384)
def _slips(text: str) -> tuple[Slip, ...]:
    """Double spaces and run-on sentences in ``text``, in that order (remembered by text)."""
    out: list[Slip] = []
    if "  " in text:
        for m in _DOUBLE.finditer(text):
            out.append(
                (
                    Severity.SUGGESTION,
                    m.start(),
                    m.end(),
                    f"Two spaces after “{text[max(0, m.start() - 20) : m.start()].split(' ')[-1]}”"
                    ": UN texts put one space between words and after a full stop.",
                    m.start(),
                    m.end(),
                    "One space",
                )
            )
    if _RUN_ON_HINT.search(text):
        for m in _RUN_ON.finditer(text):
            stop = m.end()
            following = text[stop:].split(" ")[0]
            out.append(
                (
                    Severity.WARNING,
                    m.start(),
                    stop + len(following),
                    f"“{m.group()}{following}” runs two sentences together: a space is "
                    f"missing after the “{text[stop - 1]}”.",
                    stop,
                    stop,
                    f"Insert a space after “{m.group()}”",
                )
            )
    return tuple(out)


def empty_paragraph(ctx: CheckContext, p: Paragraph) -> Finding | None:
    """An empty paragraph the export would leave out."""
    if p.text.strip() or p.children or p.anchors:
        return None
    where = ctx.describe(p)
    return ctx.finding(
        "SPACING",
        Severity.WARNING,
        f"{where[:1].upper()}{where[1:]} is empty: the export "
        "leaves it out and the numbers after it close up. Write it or delete it.",
        ctx.at(p),
    )


def spacing_in(
    ctx: CheckContext,
    text: str,
    place: Callable[[int, int], Location],
    target: str,
    footnote: bool,
) -> list[Finding]:
    """The slips of one paragraph's or footnote's text, each at ``place(start, end)`` (a
    location is made only for a slip: most texts have none)."""
    return [
        ctx.finding(
            "SPACING",
            severity,
            message,
            place(start, end),
            fix=Fix(target, at, at_end, " ", footnote, description=how),
        )
        for severity, start, end, message, at, at_end, how in _slips(text)
    ]


_CLEAR_HOOKS.append(_slips.cache_clear)
