"""Body profiles: what differs between the bodies a delegation drafts for — the
authoring-body line, the verb-ladder convention, the footnote rule, paper size (Vienna and
Geneva print on A4, New York on US Letter; UN_FORMAT.md §7) and the usual place.

Exporters read ``page_size``; the ladder reads ``ladder``; the citation checks read
``footnote_rule``. Profiles are data, chosen per document (settings remember the choice
per body).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from drafting_app.errors import DraftingError


class Position(StrEnum):
    """Where the ladder adverb stands: "Also requests" (before), "Recalling also" (after)."""

    BEFORE = "before"
    AFTER = "after"


@dataclass(frozen=True)
class LadderConvention:
    """The verb ladder of a body (UN_FORMAT.md §2). GA practice, followed by CTOC/COP and
    CCPCJ: operative adverb before ("Also requests"), preambular after ("Recalling also").
    UNFCCC puts it before in both parts ("Also recalling")."""

    operative: Position = Position.BEFORE
    preamble: Position = Position.AFTER


GA_LADDER = LadderConvention()
UNFCCC_LADDER = LadderConvention(Position.BEFORE, Position.BEFORE)

# Footnote practice (UN_FORMAT.md §4): "first-mention" = a source is footnoted once, at its
# first mention, a needed repeat gets a new note with identical text, Ibid. only after the
# same source; "first-operative" = older practice repeating the note at the first operative
# mention too (the values of drafting_app.citations.render.RepeatRule).
FIRST_MENTION = "first-mention"
FIRST_OPERATIVE = "first-operative"
FOOTNOTE_RULES = (FIRST_MENTION, FIRST_OPERATIVE)


@dataclass(frozen=True)
class BodyProfile:
    """One body's drafting conventions. ``name`` is the body in full as it heads the
    masthead; ``authoring_body`` the line that opens the text; ``short_name`` the
    masthead's short form and ``symbol_prefix`` the root of its document symbols."""

    key: str
    name: str
    authoring_body: str
    short_name: str
    symbol_prefix: str
    ladder: LadderConvention = GA_LADDER
    footnote_rule: str = FIRST_MENTION
    page_size: str = "A4"
    place: str = "Vienna"

    def __post_init__(self) -> None:
        if self.page_size not in ("A4", "Letter"):
            raise ValueError(f"page size {self.page_size!r} is not A4 or Letter")


_COP_NAME = (
    "Conference of the Parties to the United Nations Convention against Transnational "
    "Organized Crime"
)

PROFILES: dict[str, BodyProfile] = {
    p.key: p
    for p in (
        BodyProfile(
            key="ctoc-cop",
            name=_COP_NAME,
            authoring_body=f"The {_COP_NAME},",
            short_name="CTOC/COP",
            symbol_prefix="CTOC/COP",
        ),
        BodyProfile(
            key="ga-main-committee",
            name="General Assembly",
            authoring_body="The General Assembly,",
            short_name="General Assembly",
            symbol_prefix="A/C.3",
            page_size="Letter",
            place="New York",
        ),
        BodyProfile(
            key="ccpcj-ecosoc",
            name="Commission on Crime Prevention and Criminal Justice",
            authoring_body="The Economic and Social Council,",
            short_name="Economic and Social Council",
            symbol_prefix="E/CN.15",
        ),
        BodyProfile(
            key="unfccc-cma",
            name=(
                "Conference of the Parties serving as the meeting of the Parties to the "
                "Paris Agreement"
            ),
            authoring_body=(
                "The Conference of the Parties serving as the meeting of the Parties to the "
                "Paris Agreement,"
            ),
            short_name="FCCC/PA/CMA",
            symbol_prefix="FCCC/PA/CMA",
            ladder=UNFCCC_LADDER,
            place="Glasgow",
        ),
    )
}

DEFAULT_PROFILE = "ctoc-cop"


def profile(key: str) -> BodyProfile:
    """The profile ``key`` (a DraftingError naming the known ones otherwise)."""
    try:
        return PROFILES[key]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise DraftingError(f"No body profile {key!r}; known profiles: {known}.") from None
