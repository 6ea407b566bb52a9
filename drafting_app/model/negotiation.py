"""A draft in negotiation: the facilitator's compilation text (WORKFLOWS.md §2).

When informal consultations start, every paragraph gets a label (PP1…, OP1…) that stays
fixed for the whole negotiation; a paragraph slotted in later is "OP5 bis", "OP5 ter"; a
deleted one keeps its label, struck, until the clean text. Each paragraph has a status
("agreed ad ref", "under consultation", "pending", "deleted", "new"), square brackets
around text without consensus (nested, always balanced: they are spans, never typed
characters), alternative sets ("[Requests][Invites]", or whole alternative paragraphs
"Alt 2"), proposals of the delegations and groups (insert, delete or replace words, delete
the paragraph, or a new paragraph), each with its author and the round it was made in, and
comments ("G77 and China: retain").

Pure data: every record is immutable, and an edit replaces a paragraph's record with a new
one (:mod:`drafting_app.model.negotiation_edits`), so revert puts the old record back
exactly. The paragraph's ``text`` stays the facilitator's text (option 1 of every
alternative set, without proposals), so numbering, checks and exports of the plain draft
keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum

# The groups that speak as groups in GA Main Committees, functional commissions and COPs
# (WORKFLOWS.md §2); the facilitator adds single delegations by name.
USUAL_GROUPS = (
    "EU",
    "G77 and China",
    "African Group",
    "Arab Group",
    "CANZ",
    "CARICOM",
    "LDCs",
    "AOSIS",
    "JUSCANZ",
    "OIC",
    "Non-Aligned Movement",
    "GRULAC",
)
FACILITATOR = "Facilitator"


class Status(StrEnum):
    """Where a paragraph stands in the consultations."""

    PENDING = "pending"
    CONSULTATION = "under-consultation"
    AGREED = "agreed-ad-ref"
    DELETED = "deleted"
    NEW = "new"

    @property
    def words(self) -> str:
        """The words a compilation text prints ("Agreed ad ref")."""
        return _WORDS[self]

    @property
    def is_open(self) -> bool:
        """Still to be settled: neither agreed nor deleted."""
        return self not in (Status.AGREED, Status.DELETED)


_WORDS = {
    Status.PENDING: "Pending",
    Status.CONSULTATION: "Under consultation",
    Status.AGREED: "Agreed ad ref",
    Status.DELETED: "Deleted",
    Status.NEW: "New",
}


class ProposalKind(StrEnum):
    """What a delegation proposes for a span of the text (or the whole paragraph)."""

    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"
    DELETE_PARAGRAPH = "delete-paragraph"


@dataclass(frozen=True, slots=True)
class Bracket:
    """Square brackets around ``text[start:end]``: words without consensus yet."""

    id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Option:
    """One alternative wording, with the delegation that put it forward ("" unknown)."""

    text: str
    author: str = ""
    round: int = 0


@dataclass(frozen=True, slots=True)
class AlternativeSet:
    """Alternatives for ``text[start:end]`` ("[Requests][Invites]"): the paragraph's own
    words are option 1 (``first_author`` put them forward, if known); ``options`` are
    options 2, 3 …. A set whose ``options`` are empty has one option left."""

    id: str
    start: int
    end: int
    options: tuple[Option, ...] = ()
    first_author: str = ""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A delegation's proposal: insert ``text`` at ``start`` (INSERT, ``start == end``),
    delete ``[start, end)`` (DELETE), replace it by ``text`` (REPLACE), or delete the
    paragraph (DELETE_PARAGRAPH, no span). ``old`` is the wording it was made on, kept so
    that a proposal whose words were changed meanwhile can say so."""

    id: str
    kind: ProposalKind
    start: int
    end: int
    text: str
    author: str
    round: int
    old: str = ""

    @property
    def is_span(self) -> bool:
        return self.kind is not ProposalKind.DELETE_PARAGRAPH


@dataclass(frozen=True, slots=True)
class Comment:
    """A note on a paragraph ("G77 and China: retain"), by a delegation or the facilitator."""

    id: str
    author: str
    text: str
    round: int


@dataclass(frozen=True, slots=True)
class Origin:
    """Who proposed a new paragraph, and in which round."""

    author: str
    round: int


@dataclass(frozen=True, slots=True)
class Agreement:
    """When a paragraph was agreed ad ref and on which wording."""

    round: int
    at: str
    text: str


@dataclass(frozen=True, slots=True)
class Change:
    """A change of an agreed paragraph's wording: who made it (the author of the accepted
    proposal, or the facilitator typing), in which round, when, and the text after it."""

    who: str
    round: int
    at: str
    text: str


@dataclass(frozen=True, slots=True)
class Record:
    """Everything negotiation knows of one paragraph, besides its text. ``base`` is its
    text when the negotiation started (None for a paragraph added since): the final text
    recomputes the verb ladder of the families whose openers the negotiation changed."""

    label: str
    status: Status = Status.PENDING
    brackets: tuple[Bracket, ...] = ()
    alternatives: tuple[AlternativeSet, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    comments: tuple[Comment, ...] = ()
    paragraph_alternatives: tuple[Option, ...] = ()
    origin: Origin | None = None
    agreed: Agreement | None = None
    changes: tuple[Change, ...] = ()
    base: str | None = None

    @property
    def open_new_paragraph(self) -> bool:
        """A new paragraph proposed by a delegation, not yet accepted or dropped."""
        return self.status is Status.NEW and self.origin is not None

    def open_proposals(self) -> int:
        """Proposals still to be accepted or dropped (a proposed new paragraph counts)."""
        return len(self.proposals) + (1 if self.open_new_paragraph else 0)

    def unresolved(self) -> bool:
        """Anything the final text cannot have: brackets, alternatives, open proposals."""
        return bool(
            self.brackets
            or self.alternatives
            or self.paragraph_alternatives
            or self.open_proposals()
        )

    def with_(self, **changes: object) -> Record:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass
class Negotiation:
    """The negotiation of a draft: the current round, the delegations and groups that
    speak, the facilitator's name, and one :class:`Record` per paragraph id. Records of
    paragraphs no longer in the text are kept while the draft is open (undo brings the
    paragraph back); saving writes those of the paragraphs present."""

    round: int = 1
    started: str = ""
    delegations: list[str] = field(default_factory=lambda: list(USUAL_GROUPS))
    facilitator: str = FACILITATOR
    records: dict[str, Record] = field(default_factory=dict)

    def record(self, pid: str) -> Record | None:
        return self.records.get(pid)


# -- the clock seam ------------------------------------------------------------------------
Clock = Callable[[], str]


def _utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


_clock: Clock = _utc_now


def now() -> str:
    """The time recorded with an agreement or a change (ISO 8601, UTC)."""
    return _clock()


def set_clock(clock: Clock | None) -> None:
    """Tests and scenario replays fix the time (``None`` restores the real clock)."""
    global _clock
    _clock = clock or _utc_now


# -- spans follow the text -------------------------------------------------------------------
Stretch = tuple[int, int, int]


def position_map(stretch: Stretch) -> Callable[[int], int]:
    """Where an offset goes when ``text[start:old_end]`` becomes ``new_end - start``
    characters: before stays, after shifts, inside goes to the start of the new words.

    One monotone map for every span edge, so nested brackets stay nested and adjacent
    ones stay adjacent (text typed at a boundary goes to the right of it: after a closing
    bracket, inside an opening one)."""
    start, old_end, new_end = stretch
    shift = new_end - old_end

    def at(pos: int) -> int:
        if pos <= start:
            return pos
        if pos >= old_end:
            return pos + shift
        return start

    return at


def follow_text(record: Record, stretch: Stretch) -> Record:
    """The record after its paragraph's text changed over ``stretch``. Brackets that lose
    every character go (an empty bracket means nothing); alternatives and proposals stay,
    even emptied, so nothing a delegation proposed disappears without the facilitator."""
    at = position_map(stretch)
    brackets = tuple(
        Bracket(b.id, at(b.start), at(b.end)) for b in record.brackets if at(b.start) < at(b.end)
    )
    alternatives = tuple(replace(a, start=at(a.start), end=at(a.end)) for a in record.alternatives)
    proposals = tuple(
        replace(p, start=at(p.start), end=at(p.end)) if p.is_span else p for p in record.proposals
    )
    return replace(record, brackets=brackets, alternatives=alternatives, proposals=proposals)


# -- what the text holds ---------------------------------------------------------------------
def nested(spans: list[tuple[int, int]]) -> bool:
    """Whether spans form a nesting (any two are disjoint or one holds the other): the
    condition for brackets to print balanced."""
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    stack: list[int] = []
    for start, end in ordered:
        while stack and stack[-1] <= start:
            stack.pop()
        if stack and end > stack[-1]:
            return False
        stack.append(end)
    return True


def bracket_like(record: Record) -> list[tuple[int, int]]:
    """The spans printed in square brackets: brackets and alternative sets."""
    return [(b.start, b.end) for b in record.brackets] + [
        (a.start, a.end) for a in record.alternatives
    ]


def problems(record: Record, text: str) -> list[str]:
    """What makes a record unfit for its text (a hand-edited or damaged file): spans
    outside the text, crossing brackets, an empty bracket, a proposal without a span."""
    out: list[str] = []
    n = len(text)
    for b in record.brackets:
        if not 0 <= b.start < b.end <= n:
            out.append(f"a bracket ({b.start}–{b.end}) outside its text or empty")
    for a in record.alternatives:
        if not 0 <= a.start <= a.end <= n:
            out.append(f"an alternative ({a.start}–{a.end}) outside its text")
    for p in record.proposals:
        if p.is_span and not 0 <= p.start <= p.end <= n:
            out.append(f"a proposal ({p.start}–{p.end}) outside its text")
        if p.kind is ProposalKind.INSERT and p.start != p.end:
            out.append("an insertion that covers words")
    if not nested(bracket_like(record)):
        out.append("brackets that cross each other")
    if any(not fits(a, (q.start, q.end)) for a in record.alternatives for q in record.proposals
           if q.is_span):  # fmt: skip
        out.append("a proposal across the edge of an alternative set")
    return out


def fits(a: AlternativeSet, span: tuple[int, int]) -> bool:
    """Whether a proposal over ``span`` and the alternative set ``a`` can print together:
    the proposal is on words of the set's first option, or outside the set (a compilation
    cannot show words struck across "][Invites]")."""
    start, end = span
    if start == end:
        return True
    return end <= a.start or a.end <= start or (a.start <= start and end <= a.end)


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a change over ``a`` and a proposal over ``b`` touch the same words (an
    insertion point strictly inside the other's span counts)."""
    (s1, e1), (s2, e2) = a, b
    if s1 == e1 and s2 == e2:
        return False
    if s1 == e1:
        return s2 < s1 < e2
    if s2 == e2:
        return s1 < s2 < e1
    return s1 < e2 and s2 < e1


def records_in_order(negotiation: Negotiation, pids: Iterator[str]) -> Iterator[tuple[str, Record]]:
    for pid in pids:
        record = negotiation.records.get(pid)
        if record is not None:
            yield pid, record


def after_text_change(
    negotiation: Negotiation, pid: str, old: str, new: str, stretch: Stretch, author: str
) -> Record | None:
    """The record of paragraph ``pid`` once its text went from ``old`` to ``new`` (None
    when it has none): spans follow the text, and a change of an agreed paragraph is
    written down with who made it, the round and the time. A typing burst by the same
    person in the same round is one change."""
    record = negotiation.records.get(pid)
    if record is None or old == new:
        return record
    out = follow_text(record, stretch)
    if record.status is Status.AGREED:
        change = Change(author or negotiation.facilitator, negotiation.round, now(), new)
        kept = record.changes
        if kept and (kept[-1].who, kept[-1].round) == (change.who, change.round):
            kept = kept[:-1]
        out = replace(out, changes=(*kept, change))
    return out
