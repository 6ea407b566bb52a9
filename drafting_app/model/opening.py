"""The opening of a decision as the Official Records print it: "At its 43rd plenary meeting,
on 2 December 2024, the General Assembly, …" (General Assembly, Supplement No. 49, vol. II;
the Economic and Social Council records its decisions the same way).

The body named there is the authoring body: a decision's "its resolution 78/20" is that
body's text, and the date is the day the decision was taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting_app.model.references import DATE_RE

# "At its 43rd plenary meeting, on 2 December 2024, the " — up to the body's name. Shared
# with the reader, which recognises the opening by it.
MEETING_PREFIX = r"At its\s[^,]{1,60}?\bmeeting\b[^.]{0,80}?,\s(?:the\s)?"
# A body's name: capitalised words joined by the small words of UN body names
# ("Economic and Social Council", "Commission on the Status of Women"); it ends at the
# comma or at the verb ("the General Assembly decided to …").
_NAME = r"[A-Z][\w'’-]*(?:\s(?:(?:of|on|and|the|for|to|against)\s)*[A-Z][\w'’-]*)*"
_OPENING_RE = re.compile(rf"^(?P<prefix>{MEETING_PREFIX})(?P<body>{_NAME})")
_DATE_RE = re.compile(DATE_RE)


@dataclass(frozen=True)
class MeetingOpening:
    """``body`` as written ("General Assembly"); ``date`` the meeting's date, "" if none."""

    body: str
    date: str


def meeting_opening(text: str) -> MeetingOpening | None:
    """The body and date of an "At its … meeting, …, the <body>" opening, else None."""
    m = _OPENING_RE.match(text.strip())
    if m is None:
        return None
    date = _DATE_RE.search(m.group("prefix"))
    return MeetingOpening(m.group("body"), date.group(0) if date else "")
