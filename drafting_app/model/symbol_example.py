"""An example document symbol for a draft's masthead, in the series of its body: the
placeholder a drafter sees before the secretariat gives the symbol (an L. document of a GA
Main Committee is "A/C.3/80/L.12", never the Conference's "CTOC/COP/2024/L.4")."""

from __future__ import annotations

import re

from drafting_app.model.document import Masthead

_MAIN_COMMITTEE = re.compile(r"\b(First|Second|Third|Fourth|Fifth|Sixth) Committee\b")
_ORDINAL = {"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5, "Sixth": 6}

# (words of the body or committee, example), the first that matches wins.
_SERIES = (
    ("Human Rights Council", "A/HRC/60/L.12"),
    ("Commission on Crime Prevention", "E/CN.15/2025/L.4"),
    ("Commission on Narcotic Drugs", "E/CN.7/2025/L.4"),
    ("Commission on the Status of Women", "E/CN.6/2025/L.4"),
    ("Economic and Social Council", "E/2025/L.10"),
    ("Security Council", "S/2025/120"),
    ("General Assembly", "A/80/L.12"),
    ("Framework Convention on Climate Change", "FCCC/CP/2025/L.4"),
    ("Paris Agreement", "FCCC/PA/CMA/2025/L.4"),
    ("Transnational Organized Crime", "CTOC/COP/2024/L.4"),
    ("Corruption", "CAC/COSP/2025/L.4"),
)
DEFAULT = "CTOC/COP/2024/L.4"


def example_symbol(masthead: Masthead | None) -> str:
    """A symbol of the form the masthead's body issues its L. documents under."""
    if masthead is None:
        return DEFAULT
    where = f"{masthead.committee} {masthead.body}"
    m = _MAIN_COMMITTEE.search(masthead.committee)
    if m is not None and "General Assembly" in where:
        return f"A/C.{_ORDINAL[m.group(1)]}/80/L.12"
    for words, example in _SERIES:
        if words in where:
            return example
    return DEFAULT
