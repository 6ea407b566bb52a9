"""Curated facts the corpus cannot tell by itself: the four instruments of the Organized
Crime Convention family, the sessions of its Conference of the Parties, and the canonical
names of the bodies whose texts are cited (UN_FORMAT.md §3, §5).

The facts live in ``resources/registry/*.json`` so they can be corrected without code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafting_app.errors import CorpusError
from drafting_app.model.opening import meeting_opening
from drafting_app.paths import resources_dir

COP = (
    "Conference of the Parties to the United Nations Convention against "
    "Transnational Organized Crime"
)
GA = "General Assembly"
CCPCJ = "Commission on Crime Prevention and Criminal Justice"
ECOSOC = "Economic and Social Council"
SECURITY_COUNCIL = "Security Council"

# How a text names a body → the body in full. "its" is the authoring body and is resolved
# by the caller; these are the names that stand on their own.
_BODY_NAMES = {
    "conference": COP,
    "conference of the parties": COP,
    COP.lower(): COP,
    "assembly": GA,
    "general assembly": GA,
    "commission": CCPCJ,
    CCPCJ.lower(): CCPCJ,
    "council": ECOSOC,
    ECOSOC.lower(): ECOSOC,
    "security council": SECURITY_COUNCIL,
}

_CONFERENCE = ("conference", "conference of the parties")

_AUTHOR_RE = re.compile(r"^(?:The\s+)?(?P<body>.+?)(?:,.*)?$", re.DOTALL)


@dataclass(frozen=True)
class Instrument:
    """A treaty with its UN Treaty Series registration (UN_FORMAT.md §5)."""

    key: str
    full_title: str
    short_titles: tuple[str, ...]
    unts_volume: str
    unts_number: str
    articles: int
    adopted_by: str
    entry_into_force: str
    adopted_on: str = ""

    @property
    def short_title(self) -> str:
        """The usual short title after a full first mention ("Trafficking in Persons Protocol")."""
        return self.short_titles[0] if self.short_titles else self.full_title


@dataclass(frozen=True)
class Session:
    """A session of the Conference of the Parties; its texts carry the closing date."""

    number: int
    ordinal: str
    place: str
    dates: str
    closing_date: str

    @property
    def name(self) -> str:
        return f"{self.ordinal} session"


@lru_cache(maxsize=1024)
def canonical_body(name: str, authoring_body: str = "") -> str:
    """The body in full: "Assembly" → "General Assembly"; "its" → ``authoring_body``;
    "Conference" → the Conference of the Parties (unless another body is the author).

    An unknown name is returned as written (it may be a body not in the table).
    Remembered: every registry look-up asks it, with a handful of names per draft.
    """
    name = re.sub(r"^the\s+", "", " ".join(name.split()).strip(",:; "), flags=re.IGNORECASE)
    if name.lower() == "its":
        return canonical_body(authoring_body) if authoring_body else ""
    if name.lower() in _CONFERENCE and authoring_body and canonical_body(authoring_body) != COP:
        return name  # another body's "Conference" is not this Conference of the Parties
    return _BODY_NAMES.get(name.lower(), name)


def body_of_line(line: str) -> str:
    """The body named by an authoring-body line or a decision chapeau
    ("The Conference of the Parties to …, recalling …:" → COP; "At its 43rd plenary
    meeting, on 2 December 2024, the General Assembly, …" → the General Assembly)."""
    opening = meeting_opening(line)
    if opening is not None:
        return canonical_body(opening.body)
    m = _AUTHOR_RE.match(line.strip())
    if not m:
        return ""
    return canonical_body(m.group("body").strip().rstrip(",:"))


def _load_json(name: str, folder: Path | None) -> dict[str, Any]:
    path = (folder or resources_dir() / "registry") / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"The registry file {path.name} could not be read: {exc}") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"The registry file {path.name} is not a JSON object.")
    return data


def load_instruments(folder: Path | None = None) -> list[Instrument]:
    """The curated instruments from ``instruments.json``."""
    rows = _load_json("instruments.json", folder).get("instruments", [])
    try:
        return [
            Instrument(
                key=r["key"],
                full_title=r["full_title"],
                short_titles=tuple(r.get("short_titles", ())),
                unts_volume=str(r["unts_volume"]),
                unts_number=str(r["unts_number"]),
                articles=int(r["articles"]),
                adopted_by=r["adopted_by"],
                entry_into_force=r["entry_into_force"],
                adopted_on=r.get("adopted_on", ""),
            )
            for r in rows
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise CorpusError(f"instruments.json has a malformed entry: {exc!r}") from exc


def load_sessions(folder: Path | None = None) -> list[Session]:
    """The curated sessions of the Conference of the Parties from ``sessions.json``."""
    rows = _load_json("sessions.json", folder).get("sessions", [])
    try:
        return [
            Session(
                number=int(r["number"]),
                ordinal=r["ordinal"],
                place=r["place"],
                dates=r["dates"],
                closing_date=r["closing_date"],
            )
            for r in rows
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise CorpusError(f"sessions.json has a malformed entry: {exc!r}") from exc


@lru_cache(maxsize=1)
def sessions_by_number() -> dict[int, Session]:
    return {s.number: s for s in load_sessions()}


_COP_NUMBER = re.compile(r"^(\d+)/\d+$")  # compiled once: asked by every registry look-up


def cop_text_date(number: str) -> str:
    """The date of a Conference text from its number: "5/2" → closing day of session 5."""
    m = _COP_NUMBER.match(number.strip())
    if not m:
        return ""
    session = sessions_by_number().get(int(m.group(1)))
    return session.closing_date if session else ""
