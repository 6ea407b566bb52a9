"""The one intermediate form of an issued UN document: masthead, title lines, preambular and
operative paragraphs with their derived labels, runs of text and footnote marks.

Every writer (Word, HTML preview, PDF) consumes only these blocks, so the UN rules of the
printed text (italic openers, "1." / "(a)" / "(i)" labels, marks after punctuation, footnotes
numbered in document order, asterisk notes in the masthead) live in one place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from drafting_app.model.adoption import adoption_lines, annexes_before
from drafting_app.model.document import (
    Anchor,
    Annex,
    Document,
    Footnote,
    Form,
    Heading,
    Masthead,
    Paragraph,
    Span,
)
from drafting_app.model.numbering import paragraph_labels

ORGANIZATION = "United Nations"

# In English the footnote mark follows the punctuation ("Crime,¹"); a mark a reader left just
# before one of these is moved after it.
_TRAILING_PUNCTUATION = ",;:."
_ROMAN_HEADING_RE = re.compile(r"^[IVXLC]+\.\s")
_GA_NUMBER_RE = re.compile(r"^(?:S-)?\d+/\d+(?:\s[A-C])?\.$")
# Characters XML cannot hold are dropped; tabs and line breaks become spaces.
_CLEAN = str.maketrans(
    {**{c: None for c in range(32)}, 9: " ", 10: " ", 13: " ", 0xFFFE: None, 0xFFFF: None}
)


class Kind(StrEnum):
    """What a block is in the printed layout (each maps to one named style)."""

    FRONT_MATTER = "front_matter"
    HEADING = "heading"  # "Resolution 5/2", "Decision 4/4"
    SPONSORS = "sponsors"  # "France:* draft resolution"
    TITLE = "title"
    AUTHORING_BODY = "authoring_body"
    CHAPEAU = "chapeau"  # decision form: "The Conference …, recalling …:"
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"  # level 0: "1." + tab; level 1: "(a)"; level 2+: "(i)"
    PART_HEADING = "part_heading"  # "A", "B" of a multi-part decision (79/537 A, B and C)
    ANNEX_TITLE = "annex_title"
    # level 2 ("I. Commitments") or 3 (unnumbered): an annex's, or a section heading of the
    # operative part
    ANNEX_HEADING = "annex_heading"
    ADOPTION = "adoption"  # level 0: the meeting line; level 1: the lines under it (its date)
    VOTE_RECORD = "vote_record"  # "[Adopted by a recorded vote …", "In favour:" … (roman)


class Run(NamedTuple):
    """A stretch of text with one formatting; ``footnote_ref`` is a note mark ("1", "*").

    A named tuple rather than a dataclass: documents have thousands of runs and a tuple is
    made several times faster, immutable all the same.
    """

    text: str = ""
    italic: bool = False
    bold: bool = False
    footnote_ref: str | None = None
    superscript: bool = False  # the comma between two marks at one place ("reports,1,2")
    strike: bool = False  # words a delegation proposes to delete (compilation texts)
    style: str = ""  # a character style of the compilation texts ("UNDelegation")


@dataclass(frozen=True, slots=True)
class Block:
    """A printed paragraph: its kind, typed label ("1.", "(a)") and runs.

    ``level`` is the indentation level of operative paragraphs (0 = "1.", 1 = "(a)",
    2 = "(i)" and deeper) and the heading level of annex headings. ``key`` names the block
    across two versions of a text (the tracked-changes export pairs them): the paragraph's
    or heading's id, else its kind and its rank among blocks of that kind ("title:0").
    """

    kind: Kind
    runs: tuple[Run, ...]
    label: str = ""
    level: int = 0
    key: str = ""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs if r.footnote_ref is None)


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: ``mark`` is its number ("3") or, for masthead notes, an asterisk."""

    mark: str
    runs: tuple[Run, ...]

    @property
    def custom(self) -> bool:
        """Asterisk notes keep their own mark; Word numbers only the others (1, 2, 3)."""
        return not self.mark.isdigit()

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True)
class MastheadBlock:
    """First-page masthead of an L. document (UN_FORMAT.md §7), top to bottom."""

    organization: str
    body_short: str
    symbol: str
    distribution: str
    date: str
    original: str
    body: str
    session: str
    committee: str
    place_and_dates: str
    agenda_item: tuple[Run, ...]
    agenda_title: str


@dataclass(frozen=True, slots=True)
class Layout:
    """The whole printed document: what every writer renders."""

    title: str
    symbol: str
    body: str
    authoring_body: str
    heading: str
    masthead: MastheadBlock | None
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]

    def note(self, mark: str) -> Note:
        for n in self.notes:
            if n.mark == mark:
                return n
        raise KeyError(mark)


def clean(text: str) -> str:
    """Text a writer can put in XML: control characters dropped, tabs and breaks as spaces."""
    return text.translate(_CLEAN)


def printed_mark_offset(text: str, offset: int) -> int:
    """Where a footnote mark anchored at ``offset`` is printed: after the punctuation that
    follows it ("Crime,¹", UN_FORMAT.md §4). The document view puts the mark there too."""
    n = len(text)
    off = min(max(offset, 0), n)
    while off < n and text[off] in _TRAILING_PUNCTUATION and off > 0 and text[off - 1] != " ":
        off += 1
    return off


def runs_of(
    text: str,
    italics: Sequence[Span] = (),
    anchors: Sequence[Anchor] = (),
    marks: dict[str, str] | None = None,
) -> tuple[Run, ...]:
    """Split ``text`` into runs at italic-span edges, with a mark run at each anchor.

    Offsets refer to the model's text, so characters unfit for a file are dropped per run.
    """
    n = len(text)
    if not italics and not anchors:
        piece = clean(text)
        return (Run(piece),) if piece else ()
    at: dict[int, list[str]] = {}
    for a in sorted(anchors, key=lambda a: a.offset):
        mark = (marks or {}).get(a.footnote_id)
        if mark is None:
            continue
        at.setdefault(printed_mark_offset(text, a.offset), []).append(mark)
    cuts = {0, n, *at}
    for s in italics:
        cuts.update((min(s.start, n), min(s.end, n)))
    edges = sorted(cuts)
    runs: list[Run] = _marks(at.get(0, []))
    for start, end in itertools.pairwise(edges):
        italic = any(s.start <= start and end <= s.end for s in italics)
        piece = clean(text[start:end])
        if piece:
            runs.append(Run(piece, italic=italic))
        runs.extend(_marks(at.get(end, [])))
    return tuple(runs)


def _marks(marks: list[str]) -> list[Run]:
    out: list[Run] = []
    for i, m in enumerate(marks):
        if i:
            out.append(Run(",", superscript=True))
        out.append(Run(footnote_ref=m))
    return out


def _plain(text: str, *, italic: bool = False, bold: bool = False) -> tuple[Run, ...]:
    text = clean(text)
    return (Run(text, italic=italic, bold=bold),) if text else ()


def _with_note(text: str, mark: str | None) -> tuple[Run, ...]:
    runs = _plain(text)
    return (*runs, Run(footnote_ref=mark)) if mark else runs


def _joined(names: Sequence[str]) -> str:
    names = [n.strip() for n in names if n.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def under_heading(doc: Document) -> list[str]:
    """The front matter printed under the heading, in roman: the Security Council's
    adoption line ("Resolution 2719 (2023)" / "Adopted by the Security Council at its
    9518th meeting, on 21 December 2023"); the rest is printed above it."""
    return [line for line in doc.front_matter if line.lstrip().startswith("Adopted by the ")]


def has_no_title(doc: Document) -> bool:
    """A Security Council resolution has no title: it is cited by its number and year."""
    mh = doc.masthead
    return not doc.title.strip() and mh is not None and mh.body.strip() == "Security Council"


def body_short_name(body: str, symbol: str) -> str:
    """The principal organ printed large in the masthead ("General Assembly"), if any."""
    if symbol.startswith("A/") or "General Assembly" in body:
        return "General Assembly"
    if symbol.startswith("S/") or body == "Security Council":
        return "Security Council"
    if symbol.startswith("E/") or "Economic and Social Council" in body:
        return "Economic and Social Council"
    return ""


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.notes_by_id = {f.id: f for f in doc.footnotes}
        # Marks are numbered as printed: a note marked again further on is printed again,
        # as a new note with its text and the next number (UN_FORMAT.md §4: numbers are
        # never reused) — Word and LibreOffice give every reference a footnote of its own.
        self.printed: list[tuple[str, Footnote]] = []
        self.labels = paragraph_labels(doc)
        self.blocks: list[Block] = []
        self.star_notes: list[Note] = []
        self._ranks: dict[Kind, int] = {}

    def star(self, text: str) -> str | None:
        if not text.strip():
            return None
        mark = "*" * (len(self.star_notes) + 1)
        self.star_notes.append(Note(mark, _plain(text)))
        return mark

    def add(
        self, kind: Kind, runs: tuple[Run, ...], label: str = "", level: int = 0, key: str = ""
    ) -> None:
        if runs or label:
            if not key:
                rank = self._ranks.get(kind, 0)
                self._ranks[kind] = rank + 1
                key = f"{kind}:{rank}"
            self.blocks.append(Block(kind, runs, label, level, key))

    def marks_of(self, p: Paragraph) -> dict[str, str]:
        """The numbers of ``p``'s marks, the next ones in print order."""
        out: dict[str, str] = {}
        for a in sorted(p.anchors, key=lambda a: a.offset):
            note = self.notes_by_id.get(a.footnote_id)
            if note is not None and a.footnote_id not in out:
                out[a.footnote_id] = str(len(self.printed) + 1)
                self.printed.append((out[a.footnote_id], note))
        return out

    def notes(self) -> tuple[Note, ...]:
        """Every note as printed; notes no mark calls come last, so nothing is lost."""
        marked = {note.id for _, note in self.printed}
        rest = [f for f in self.doc.footnotes if f.id not in marked]
        printed = [*self.printed]
        printed += [(str(len(printed) + i), f) for i, f in enumerate(rest, start=1)]
        return tuple(self.star_notes) + tuple(
            Note(mark, runs_of(f.text, f.italics)) for mark, f in printed
        )

    def paragraph(self, p: Paragraph, kind: Kind, level: int) -> None:
        runs = runs_of(p.text, p.italics, p.anchors, self.marks_of(p))
        label = self.labels.get(p.id, "")
        self.add(kind if level == 0 else Kind.OPERATIVE, runs, label, level, p.id)
        for child in p.children:
            self.paragraph(child, kind, level + 1)

    def masthead(self, mh: Masthead) -> MastheadBlock:
        agenda_mark = self.star(mh.agenda_note)
        short = body_short_name(mh.body, mh.symbol)
        return MastheadBlock(
            organization=clean(mh.organization) or ORGANIZATION,
            body_short=short,
            symbol=clean(mh.symbol),
            distribution=f"Distr.: {clean(mh.distribution)}" if mh.distribution else "",
            date=clean(mh.date),
            original=f"Original: {clean(mh.original_language)}" if mh.original_language else "",
            # "General Assembly" printed large in the masthead is not repeated below it.
            body="" if clean(mh.body) == short else clean(mh.body),
            session=clean(mh.session),
            committee=clean(mh.committee),
            place_and_dates=clean(mh.place_and_dates),
            agenda_item=_with_note(mh.agenda_item, agenda_mark),
            agenda_title=clean(mh.agenda_title),
        )

    def sponsor_line(self, mh: Masthead) -> None:
        sponsors = _joined(mh.sponsors)
        kind = mh.document_type or ("draft decision" if self.doc.form is Form.DECISION else "")
        kind = kind or "draft resolution"
        if not sponsors:
            submitted = mh.submitted_line()
            if submitted:
                self.add(Kind.SPONSORS, _with_note(submitted, self.star(mh.sponsor_note)))
            return
        mark = self.star(mh.sponsor_note)
        runs = (*_with_note(f"{sponsors}:", mark), *_plain(f" {kind}"))
        self.add(Kind.SPONSORS, runs)

    def body(
        self,
        chapeau: Paragraph | None,
        preamble: list[Paragraph],
        operative: list[Paragraph],
        form: Form,
    ) -> None:
        if chapeau is not None:
            self.paragraph(chapeau, Kind.CHAPEAU, 0)
        for p in preamble:
            self.paragraph(p, Kind.PREAMBULAR, 0)
        # Decision form: the chapeau's sub-paragraphs (a), (b) sit one level in.
        top = 1 if form is Form.DECISION else 0
        for p in operative:
            for heading in p.headings:
                # a section of the operative part ("I" / "Capacity-building"), printed as
                # an annex's headings are
                level = 2 if _ROMAN_HEADING_RE.match(heading) else 3
                self.add(Kind.ANNEX_HEADING, _plain(heading, bold=True), level=level)
            self.paragraph(p, Kind.OPERATIVE, top)

    def parts(self) -> None:
        """The lettered parts of a multi-part text: each its letter, a resolution's part its
        title and authoring line, a decision's part its own adoption line."""
        for part in self.doc.parts:
            self.add(Kind.PART_HEADING, _plain(part.label, bold=True))
            self.add(Kind.PART_HEADING, _plain(part.title, bold=True))
            self.add(Kind.AUTHORING_BODY, _authoring_runs(part.authoring_body))
            self.body(part.chapeau, part.preamble, part.operative, part.form)
            self.adoption(part.adoption)

    def adoption(self, text: str) -> None:
        """The meeting and its date, one printed line each, then the vote's record."""
        meeting, record = adoption_lines(text)
        for i, line in enumerate(meeting):
            self.add(Kind.ADOPTION, _plain(line, italic=True), level=min(i, 1))
        for line in record:
            self.add(Kind.VOTE_RECORD, _plain(line))

    def annexes(self, annexes: Sequence[Annex]) -> None:
        for annex in annexes:
            self.add(Kind.ANNEX_TITLE, _plain(annex.title, bold=True))
            for line in annex.lines:
                self.add(Kind.ANNEX_TITLE, _plain(line, bold=True))
            for b in annex.blocks:
                if isinstance(b, Heading):
                    level = 2 if _ROMAN_HEADING_RE.match(b.text) else 3
                    self.add(Kind.ANNEX_HEADING, _plain(b.text, bold=True), level=level, key=b.id)
                else:
                    self.paragraph(b, Kind.OPERATIVE, 0)


def _authoring_runs(text: str) -> tuple[Run, ...]:
    """The authoring-body line is italic; its closing comma is roman."""
    text = clean(text).strip()
    if text.endswith(","):
        return (*_plain(text[:-1], italic=True), Run(","))
    return _plain(text, italic=True)


def build_blocks(doc: Document) -> Layout:
    """The printed form of ``doc``: derived labels and footnote numbers, nothing stored."""
    b = _Builder(doc)
    mh = doc.masthead
    masthead = b.masthead(mh) if mh is not None else None
    council = under_heading(doc)
    for line in doc.front_matter:
        # "Resolution adopted by the General Assembly on …" is bold; "[without reference to
        # a Main Committee (A/80/L.4)]" is not.
        if line not in council:
            b.add(Kind.FRONT_MATTER, _plain(line, bold=not line.lstrip().startswith("[")))
    # The General Assembly prints "80/3.<tab>Awaza Political Declaration" as one heading
    # with the number in the hanging indent; other bodies put "Resolution 5/2" on its own.
    ga_number = bool(_GA_NUMBER_RE.match(doc.heading)) and bool(doc.title)
    if not ga_number:
        b.add(Kind.HEADING, _plain(doc.heading, bold=True))
    for line in council:
        b.add(Kind.FRONT_MATTER, _plain(line))
    if mh is not None:
        b.sponsor_line(mh)
    b.add(Kind.TITLE, _plain(doc.title, bold=True), clean(doc.heading) if ga_number else "")
    b.add(Kind.AUTHORING_BODY, _authoring_runs(doc.authoring_body))
    b.body(doc.chapeau, doc.preamble, doc.operative, doc.form)
    b.parts()
    # Under the last operative paragraph, before the annexes (A/RES/80/3: "18th plenary
    # meeting" / "14 October 2025", then "Annex"), after a text adopted inline.
    inline = annexes_before(doc.annexes)
    b.annexes(doc.annexes[:inline])
    b.adoption(doc.adoption)
    b.annexes(doc.annexes[inline:])
    notes = b.notes()
    symbol = clean(mh.symbol) if mh is not None else ""
    title = clean(doc.title or doc.heading) or "Draft resolution"
    return Layout(
        title=title,
        symbol=symbol,
        body=clean(mh.body) if mh is not None else "",
        authoring_body=clean(doc.authoring_body),
        heading=clean(doc.heading),
        masthead=masthead,
        blocks=tuple(b.blocks),
        notes=notes,
    )
