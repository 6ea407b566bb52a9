"""The adoption line of an adopted text, as the UN prints it under the last operative
paragraph and before any annex (after a text adopted inline): the meeting and its date,
one per line, right-aligned in italics ("18th plenary meeting" / "14 October 2025"); under
a Human Rights Council resolution, the bracketed record of the vote, in roman ("[Adopted
by a recorded vote of 28 to 6, with 13 abstentions. The voting was as follows:", "In
favour:", the names, …)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafting_app.model.document import Annex
from drafting_app.model.references import DATE_RE

# A meeting line and its date read back as one line (a Word paragraph with a line break,
# a PDF's lines joined): "22nd plenary meeting 29 October 2025".
_JOINED = re.compile(
    rf"^(\d+(?:st|nd|rd|th)\s(?:\(resumed\)\s)?(?:plenary\s)?meeting)\s+({DATE_RE})$", re.I
)


def adoption_lines(adoption: str) -> tuple[list[str], list[str]]:
    """The meeting and date lines, and the lines of the vote's record (from its "[")."""
    lines = [ln.strip() for ln in adoption.splitlines() if ln.strip()]
    at = next((i for i, ln in enumerate(lines) if ln.startswith("[")), len(lines))
    meeting = [part for ln in lines[:at] for part in split_meeting(ln)]
    return meeting, lines[at:]


def split_meeting(line: str) -> list[str]:
    """ "22nd plenary meeting 29 October 2025" as its two printed lines."""
    m = _JOINED.match(line.strip())
    return [m.group(1), m.group(2)] if m else [line]


def annexes_before(annexes: Sequence[Annex]) -> int:
    """How many of the annexes the adoption line follows: a text adopted inline ("Adopts
    the following political declaration:" then the declaration, A/RES/73/3) comes before
    it, an annex under an "Annex" line after it."""
    return next((i for i, a in enumerate(annexes) if a.title.strip()), len(annexes))
