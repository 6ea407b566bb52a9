"""Page profiles of issued UN documents (UN_FORMAT.md §7, measured in twips; 567 ≈ 1 cm).

Vienna and Geneva issue on A4; New York (the General Assembly, its Main Committees and the
Economic and Social Council itself) on US Letter. Margins are the measured UN template's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting_app.export.blocks import Layout

TWIPS_PER_POINT = 20


@dataclass(frozen=True, slots=True)
class PageProfile:
    """Paper size and margins in twips."""

    name: str
    width: int
    height: int
    top: int = 1417
    bottom: int = 1134
    left: int = 1134
    right: int = 1134
    header: int = 850
    footer: int = 567

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> int:
        return self.height - self.top - self.bottom


A4 = PageProfile("A4", 11906, 16838)
LETTER = PageProfile("Letter", 12240, 15840)

_NEW_YORK_BODIES = ("General Assembly", "Economic and Social Council")
# General Assembly numbering: "80/3.", "79/537 A, B and C." (session/number).
_GA_NUMBER_RE = re.compile(r"^(?:S-)?\d{1,3}/\d+\b")


def is_new_york(symbol: str, body: str, authoring_body: str, heading: str = "") -> bool:
    """Texts of the General Assembly and of ECOSOC itself (not its Vienna/Geneva commissions)."""
    if symbol.startswith("A/") or (symbol.startswith("E/") and not symbol.startswith("E/CN.")):
        return True
    if body in _NEW_YORK_BODIES:
        return True
    if body or symbol:
        return False
    opener = authoring_body.removeprefix("The ").rstrip(", ")
    return opener in _NEW_YORK_BODIES or bool(_GA_NUMBER_RE.match(heading))


def profile_for(layout: Layout) -> PageProfile:
    """US Letter for New York bodies, A4 for every other body."""
    ny = is_new_york(layout.symbol, layout.body, layout.authoring_body, layout.heading)
    return LETTER if ny else A4
