"""SPACING: the slips a paste or a quick edit leaves that a reader sees at once and no other
check names (user trial: "Recalling  its" after a completion, "matter.Decides" after a
paste, two empty preambular paragraphs): a double space, a sentence run into the next
without its space, an empty paragraph the export would silently leave out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from drafting_app.checks.context import CheckContext
from drafting_app.checks.findings import Finding, Fix, Location, Severity

# Two or more spaces between words (a tab or the space before a line's end is layout).
_DOUBLE = re.compile(r"(?<=\S) {2,}(?=\S)")
# A full stop or semicolon closing a word of two or more small letters, followed at once by
# a capitalized word: "matter.Decides". Symbols ("E/CN.15", "FCCC/PA/CMA.3", "No.14668")
# and abbreviations ("i.e.", "U.N.") never have that shape.
_RUN_ON = re.compile(r"(?<![\w./])[a-z]{2,}[.;](?=[A-Z][a-z]{2,}\b)")


def _texts(ctx: CheckContext) -> Iterator[tuple[str, Location, str, bool]]:
    """(text, where, target id, is a footnote) of every paragraph and footnote."""
    for e in ctx.entries:
        yield e.paragraph.text, ctx.at(e.paragraph), e.paragraph.id, False
    for f in ctx.footnotes:
        yield f.text, ctx.at_note(f), f.id, True


def check_spacing(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for e in ctx.entries:
        p = e.paragraph
        if not p.text.strip() and not p.children and not p.anchors:
            where = ctx.describe(p)
            out.append(
                ctx.finding(
                    "SPACING",
                    Severity.WARNING,
                    f"{where[:1].upper()}{where[1:]} is empty: the export "
                    "leaves it out and the numbers after it close up. Write it or delete it.",
                    ctx.at(p),
                )
            )
    for text, base, target, footnote in _texts(ctx):
        for m in _DOUBLE.finditer(text):
            out.append(
                ctx.finding(
                    "SPACING",
                    Severity.SUGGESTION,
                    f"Two spaces after “{text[max(0, m.start() - 20) : m.start()].split(' ')[-1]}”"
                    ": UN texts put one space between words and after a full stop.",
                    replace(base, start=m.start(), end=m.end()),
                    fix=Fix(target, m.start(), m.end(), " ", footnote, description="One space"),
                )
            )
        for m in _RUN_ON.finditer(text):
            stop = m.end()
            following = text[stop:].split(" ")[0]
            out.append(
                ctx.finding(
                    "SPACING",
                    Severity.WARNING,
                    f"“{m.group()}{following}” runs two sentences together: a space is "
                    f"missing after the “{text[stop - 1]}”.",
                    replace(base, start=m.start(), end=stop + len(following)),
                    fix=Fix(
                        target,
                        stop,
                        stop,
                        " ",
                        footnote,
                        description=f"Insert a space after “{m.group()}”",
                    ),
                )
            )
    return out
