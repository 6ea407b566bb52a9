"""How a paragraph of a compilation text reads: its words with the square brackets,
alternatives, proposals (with the delegation after each), comments and status, as a
sequence of :class:`Piece` — the one rendering the Word compilation, the clean text and
the editor's decorations share.

A ``TEXT`` piece is a stretch ``[start, end)`` of the paragraph's own text (struck when a
delegation proposes to delete it); every other piece is derived text shown at ``start``
and never typed: "[", "]", the other options of an alternative set, the words a
delegation proposes to add, "(EU)", the notes and the status at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from drafting_app.model.negotiation import (
    AlternativeSet,
    Option,
    Proposal,
    ProposalKind,
    Record,
    Status,
    spans_overlap,
)

# An alternative set whose options are all this short prints "[Requests][Invites]"; a
# longer one "[Alt 1: …] [Alt 2: …]", as facilitators write them.
SHORT_OPTION = 40


class Role(StrEnum):
    TEXT = "text"  # the paragraph's own words
    BRACKET = "bracket"  # "[" or "]"
    OPTION = "option"  # another option of an alternative set, with its brackets
    OPTION_LABEL = "option-label"  # "Alt 1: "
    INSERTION = "insertion"  # words a delegation proposes to add (bold)
    AUTHOR = "author"  # "(EU)" after a proposal or an option
    NOTES = "notes"  # "(G77 and China: retain; EU: delete the paragraph)"
    STATUS = "status"  # " — Agreed ad ref"


@dataclass(frozen=True, slots=True)
class Piece:
    """One stretch of a compilation paragraph; ``start``/``end`` are offsets in the
    paragraph's text (a derived piece sits at ``start == end``)."""

    role: Role
    text: str
    start: int
    end: int
    struck: bool = False
    author: str = ""
    proposal_id: str = ""


@dataclass(frozen=True)
class ViewOptions:
    """What a rendering shows: the compilation shows everything (every status but
    "pending", the state of every paragraph at the start); the clean text for the next
    round drops proposals and comments and says only which paragraphs are agreed."""

    proposals: bool = True
    comments: bool = True
    statuses: frozenset[Status] = frozenset(s for s in Status if s is not Status.PENDING)


COMPILATION = ViewOptions()
CLEAN = ViewOptions(proposals=False, comments=False, statuses=frozenset({Status.AGREED}))


def _short(a: AlternativeSet, text: str) -> bool:
    first = text[a.start : a.end]
    return all(len(t) <= SHORT_OPTION for t in (first, *(o.text for o in a.options)))


def _author(name: str, at: int) -> list[Piece]:
    return [Piece(Role.AUTHOR, f" ({name})", at, at, author=name)] if name else []


def _option(a: AlternativeSet, i: int, o: Option, at: int, short: bool) -> list[Piece]:
    out = [Piece(Role.BRACKET, "[", at, at)]
    if not short:
        out.append(Piece(Role.OPTION_LABEL, f"Alt {i}: ", at, at))
    # An option typed with a space at its start or end ("[Alt 1:  also …]") prints as the
    # facilitator writes it, and so reads back the same from the compilation.
    out.append(Piece(Role.OPTION, o.text.strip(), at, at, author=o.author))
    out.append(Piece(Role.BRACKET, "]", at, at))
    return out + _author(o.author, at)


class _Events:
    """What happens at each offset: spans that close, insertions, spans that open."""

    def __init__(self, text: str, record: Record, options: ViewOptions) -> None:
        self.text, self.record = text, record
        spans = [(b.start, b.end, "b", b.id) for b in record.brackets]
        spans += [(a.start, a.end, "a", a.id) for a in record.alternatives]
        self.spans = spans
        self.sets = {a.id: a for a in record.alternatives}
        props = inline_proposals(record) if options.proposals else []
        self.inserts = [q for q in props if q.kind is ProposalKind.INSERT]
        self.struck = [q for q in props if q.kind is not ProposalKind.INSERT]
        self.void: list[Proposal] = []

    def cuts(self) -> list[int]:
        points = {0, len(self.text)}
        for s, e, _, _ in self.spans:
            points.update((s, e))
        for q in (*self.inserts, *self.struck):
            points.update((q.start, q.end))
        return sorted(points)

    def opening(self, at: int) -> list[Piece]:
        """Brackets opening at ``at``, the outermost first; an empty set prints whole."""
        out: list[Piece] = []
        here = sorted((s for s in self.spans if s[0] == at), key=lambda s: -s[1])
        for s, e, kind, sid in here:
            if kind == "a":
                a = self.sets[sid]
                short = _short(a, self.text)
                out.append(Piece(Role.BRACKET, "[", at, at))
                if not short:
                    out.append(Piece(Role.OPTION_LABEL, "Alt 1: ", at, at))
                if s == e:
                    out += self._close_set(a, at)
            else:
                out.append(Piece(Role.BRACKET, "[", at, at))
        return out

    def closing(self, at: int) -> list[Piece]:
        """Brackets closing at ``at`` (non-empty spans), the innermost first."""
        out: list[Piece] = []
        here = sorted((s for s in self.spans if s[1] == at and s[0] < at), key=lambda s: -s[0])
        for _, _, kind, sid in here:
            if kind == "a":
                out += self._close_set(self.sets[sid], at)
            else:
                out.append(Piece(Role.BRACKET, "]", at, at))
        return out

    def _close_set(self, a: AlternativeSet, at: int) -> list[Piece]:
        short = _short(a, self.text)
        out = [Piece(Role.BRACKET, "]", at, at), *_author(a.first_author, at)]
        for i, o in enumerate(a.options, start=2):
            if not short:
                out.append(Piece(Role.TEXT, " ", at, at))
            out += _option(a, i, o, at, short)
        return out

    def ends_of_struck(self, at: int) -> list[Piece]:
        out: list[Piece] = []
        for q in self.struck:
            if q.end == at:
                out += _replacement(q, at)
        return out

    def insertions(self, at: int) -> list[Piece]:
        out: list[Piece] = []
        for q in self.inserts:
            if q.start == at:
                out += _replacement(q, at)
        return out

    def struck_at(self, start: int, end: int) -> Proposal | None:
        for q in self.struck:
            if q.start <= start and end <= q.end:
                return q
        return None


def _replacement(q: Proposal, at: int) -> list[Piece]:
    out: list[Piece] = []
    if q.text:
        out.append(Piece(Role.INSERTION, q.text, at, at, author=q.author, proposal_id=q.id))
    return out + _author(q.author, at)


def pieces(text: str, record: Record, options: ViewOptions = COMPILATION) -> list[Piece]:
    """The paragraph as a compilation prints it (see the module docstring). A deleted
    paragraph shows no proposals: they went with it."""
    if record.status is Status.DELETED:
        options = replace(options, proposals=False)
    ev = _Events(text, record, options)
    out: list[Piece] = []
    cuts = ev.cuts()
    for i, at in enumerate(cuts):
        out += ev.ends_of_struck(at) if options.proposals else []
        out += ev.closing(at)
        out += ev.insertions(at)
        out += ev.opening(at)
        if i + 1 < len(cuts) and cuts[i + 1] > at:
            end = cuts[i + 1]
            q = ev.struck_at(at, end)
            out.append(Piece(Role.TEXT, text[at:end], at, end, struck=q is not None,
                             proposal_id=q.id if q else ""))  # fmt: skip
    out += tail(record, len(text), options, text)
    return _spaced(out)


def _spaced(out: list[Piece]) -> list[Piece]:
    """ "~~the fact that ~~(EU) the majority": a delegation's name in parentheses takes a
    space before it unless the text has one, and after it when a word follows; an option's
    label ("Alt 1: ") no second space before one the text begins with."""
    for i, piece in enumerate(out):
        if piece.role is Role.OPTION_LABEL:
            # "Alt 1: " before an option typed with a space at its start: one space, as
            # the facilitator writes it and as the compilation reads back.
            after = next((q.text for q in out[i + 1 :] if q.text), "")
            if after[:1].isspace():
                out[i] = replace(piece, text=piece.text.rstrip())
            continue
        if piece.role is not Role.AUTHOR:
            continue
        before = next((q.text for q in reversed(out[:i]) if q.text), "")
        after = next((q.text for q in out[i + 1 :] if q.text), "")
        name = piece.text.strip()
        lead = "" if not before or before[-1].isspace() else " "
        trail = " " if after[:1].isalnum() or after[:1] in "([“‘" else ""
        out[i] = replace(piece, text=f"{lead}{name}{trail}")
    return out


def inline_proposals(record: Record) -> list[Proposal]:
    """The proposals printed in the text (struck and bold words): each one whose words
    no proposal printed before it shares. The others — a second delegation striking some
    of the same words, words gone since — are printed in the notes."""
    struck: list[Proposal] = []
    inserts: list[Proposal] = []
    for q in record.proposals:
        if not q.is_span:
            continue
        if q.kind is ProposalKind.INSERT:
            if not any(p.start < q.start < p.end for p in struck):
                inserts.append(q)
        elif q.end > q.start and not any(
            spans_overlap((p.start, p.end), (q.start, q.end)) for p in (*struck, *inserts)
        ):
            struck.append(q)
    kept = {q.id for q in (*struck, *inserts)}
    return [q for q in record.proposals if q.id in kept]


def _around(text: str, at: int, *, forward: bool) -> str:
    """The fewest whole words just after (``forward``) or just before ``at`` that occur
    once in ``text``."""
    edge = at
    while True:
        if forward:
            nxt = text.find(" ", edge + 1)
            edge = len(text) if nxt < 0 else nxt
            words = text[at:edge]
        else:
            edge = text.rfind(" ", 0, max(edge - 1, 0)) + 1 if edge > 1 else 0
            words = text[edge:at]
        if text.count(words) == 1 or edge in (0, len(text)):
            return words


def proposal_note(q: Proposal, text: str) -> str:
    """A proposal as a note: "EU: delete “annually”", "US: add “ within existing
    resources” after “the Assembly”", with enough words around to be found again."""
    if q.kind is ProposalKind.DELETE_PARAGRAPH:
        return f"{q.author}: delete the paragraph"
    if q.kind is not ProposalKind.INSERT and q.end == q.start:
        return f"{q.author}: {q.kind.value} “{q.old}” — words no longer in the text"
    if q.kind is ProposalKind.INSERT:
        if q.start == 0:
            return f"{q.author}: add “{q.text}” before “{_around(text, 0, forward=True)}”"
        return f"{q.author}: add “{q.text}” after “{_around(text, q.start, forward=False)}”"
    words = text[q.start : q.end]
    where = ""
    if text.count(words) != 1:  # say where: after (or, at the start, before) unique words
        if q.start > 0:
            where = f" after “{_around(text, q.start, forward=False)}”"
        else:
            where = f" before “{_around(text, q.end, forward=True)}”"
    if q.kind is ProposalKind.DELETE:
        return f"{q.author}: delete “{words}”{where}"
    return f"{q.author}: replace “{words}”{where} with “{q.text}”"


def notes(record: Record, options: ViewOptions = COMPILATION, text: str = "") -> list[str]:
    """ "EU: delete the paragraph", "G77 and China: retain" — what the compilation puts in
    parentheses at the end of the paragraph (with the proposals not printed inline)."""
    out: list[str] = []
    if options.proposals:
        inline = {q.id for q in inline_proposals(record)}
        out += [proposal_note(q, text) for q in record.proposals if q.id not in inline]
    if options.comments:
        out += [f"{c.author}: {c.text}" for c in record.comments]
    return out


def tail(
    record: Record, at: int, options: ViewOptions = COMPILATION, text: str = ""
) -> list[Piece]:
    """Notes and status after the paragraph's last word."""
    out: list[Piece] = []
    if options.proposals and record.open_new_paragraph and record.origin is not None:
        out += _author(record.origin.author, at)
    said = notes(record, options, text)
    if said:
        out.append(Piece(Role.NOTES, f" ({'; '.join(said)})", at, at))
    if record.status in options.statuses:
        out.append(Piece(Role.STATUS, f" — {record.status.words}", at, at))
    return out


def plain(pieces_: list[Piece]) -> str:
    """The pieces as one line of text (struck words in ~~tildes~~, insertions in **stars**),
    for the command line and tests."""
    out: list[str] = []
    for p in pieces_:
        if p.role is Role.TEXT and p.struck:
            out.append(f"~~{p.text}~~")
        elif p.role is Role.INSERTION:
            out.append(f"**{p.text}**")
        else:
            out.append(p.text)
    return "".join(out)


def alternative_rows(record: Record) -> Iterator[tuple[int, Option]]:
    """Whole alternative paragraphs as printed after the paragraph: (2, Alt 2) …"""
    yield from enumerate(record.paragraph_alternatives, start=2)
