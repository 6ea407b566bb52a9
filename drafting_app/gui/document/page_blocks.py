"""What the document view shows, block by block: the draft laid out as the export prints
it (masthead, sponsor line, title, authoring formula, preambular and operative paragraphs,
annexes, then the footnotes), each block a :class:`BlockSpec` of pieces.

A piece is model text (``TEXT``, at a model offset) or something derived that is shown
but never typed: a footnote ``MARK`` (its derived number, placed where the export prints
it: after the punctuation), or an ``INLINE`` segment another feature asks for (deleted
text struck through, a proposal). The caret skips inline segments; a mark is one unit the
caret goes round, as in Word. A paragraph's number ("1.", "(a)") is the spec's ``label``:
it is not a character of the page at all but painted in the indent before the text (as
Word draws its list numbers), so renumbering never touches the page's text. A spec is
plain data: the view compares specs to redraw only blocks that changed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from PySide6.QtGui import QColor, QTextCharFormat

from drafting_app.export.blocks import (
    body_short_name,
    has_no_title,
    printed_mark_offset,
    under_heading,
)
from drafting_app.model.adoption import adoption_lines, annexes_before
from drafting_app.model.document import Anchor, Annex, Document, Form, Heading, Paragraph, Span
from drafting_app.model.number_cache import NumberCache
from drafting_app.model.numbering import footnote_numbers, paragraph_labels

Key = tuple[str, ...]


class Role(Enum):
    TEXT = "text"
    MARK = "mark"
    INLINE = "inline"
    TRAILER = "trailer"  # derived words after a block's text, never passed by the caret


@dataclass(frozen=True)
class Piece:
    """A stretch of a block. ``offset`` is the model offset where it starts (TEXT) or
    stands (derived pieces); ``fids`` are the footnotes of a MARK; ``fmt`` the format an
    INLINE segment is drawn with."""

    text: str
    role: Role
    offset: int
    italic: bool = False
    bold: bool = False
    fids: tuple[str, ...] = ()
    fmt: QTextCharFormat | None = field(default=None, compare=False)
    fmt_key: str = ""  # stands for ``fmt`` in comparisons (QTextCharFormat is not hashable)


@dataclass(frozen=True)
class InlineSegment:
    """A derived, non-editable stretch shown at model ``offset`` of a paragraph (before
    the model character at that offset), drawn with ``fmt``; ``key`` names the look (two
    segments with the same key and text are the same on screen)."""

    offset: int
    text: str
    fmt: QTextCharFormat
    key: str = ""


@dataclass(frozen=True)
class BlockSpec:
    """One block of the page: ``key`` names the model element it shows ("p", pid),
    ("title",), ("note", fid) …; ``kind`` picks its format; ``label`` is the derived
    number painted before the text ("1.", "(a)", a footnote's number, "80/3."); ``editable``
    is False for lines only the side panel edits (the sponsor line)."""

    key: Key
    kind: str
    pieces: tuple[Piece, ...]
    level: int = 0
    editable: bool = True
    label: str = ""

    @cached_property
    def text(self) -> str:
        """The model text the block shows."""
        return "".join(p.text for p in self.pieces if p.role is Role.TEXT)

    @cached_property
    def length(self) -> int:
        """Characters of the block on the page (text, marks, inline segments)."""
        return sum(len(p.text) for p in self.pieces)

    def same_text(self, other: BlockSpec) -> bool:
        """The same characters and formats on the page (the number may differ)."""
        return self.pieces == other.pieces and self.kind == other.kind

    @cached_property
    def _stops(self) -> tuple[list[int], list[bool]]:
        """For each position 0..length in the block: the model offset there and whether
        the caret may stand there."""
        model: list[int] = []
        valid: list[bool] = []
        offset = 0
        for piece in self.pieces:
            n = len(piece.text)
            if piece.role is Role.TEXT:
                model.extend(range(offset, offset + n))
                valid.extend([True] * n)
                offset += n
                continue
            for k in range(n):
                model.append(offset)
                valid.append(k == 0)  # before a derived piece, never inside it
        model.append(offset)
        valid.append(not self.pieces or self.pieces[-1].role is not Role.TRAILER)
        return model, valid

    def model_offset(self, pos: int) -> int:
        model, _ = self._stops
        return model[max(0, min(pos, len(model) - 1))]

    def valid(self, pos: int) -> bool:
        _, valid = self._stops
        return 0 <= pos < len(valid) and valid[pos]

    def view_pos(self, offset: int, *, after_marks: bool = True) -> int:
        """The caret position for model ``offset``: after the marks standing there (where
        typing continues the text), or before them."""
        model, valid = self._stops
        if all(p.role is Role.TEXT for p in self.pieces):
            return max(0, min(offset, len(model) - 1))
        hits = [i for i, m in enumerate(model) if m == offset and valid[i]]
        if not hits:
            return len(model) - 1 if offset >= (model[-1] if model else 0) else 0
        return hits[-1] if after_marks else hits[0]

    def snap(self, pos: int, toward: int) -> int:
        """The nearest caret position to ``pos``, looking in the direction of ``toward``
        (-1 left, +1 right)."""
        _, valid = self._stops
        pos = max(0, min(pos, len(valid) - 1))
        step = -1 if toward < 0 else 1
        p = pos
        while 0 <= p < len(valid) and not valid[p]:
            p += step
        if 0 <= p < len(valid):
            return p
        p = pos
        while 0 <= p < len(valid) and not valid[p]:
            p -= step
        return max(0, min(p, len(valid) - 1))

    def marks_at(self, pos: int) -> tuple[str, ...]:
        """Footnotes of the mark that starts at view position ``pos`` (typing there goes
        before the mark, so the mark moves along)."""
        at = 0
        for piece in self.pieces:
            if at == pos and piece.role is Role.MARK:
                return piece.fids
            at += len(piece.text)
            if at > pos:
                break
        return ()

    def marks_within(self, start: int, end: int) -> tuple[str, ...]:
        """Footnotes whose mark lies wholly inside view range ``[start, end)``."""
        out: list[str] = []
        at = 0
        for piece in self.pieces:
            n = len(piece.text)
            if piece.role is Role.MARK and start <= at and at + n <= end:
                out.extend(piece.fids)
            at += n
        return tuple(out)

    def mark_ids(self) -> tuple[str, ...]:
        """Every footnote marked in the block, in order."""
        return tuple(f for p in self.pieces if p.role is Role.MARK for f in p.fids)


# -- building -------------------------------------------------------------------------------
InlineSource = Callable[[str], Sequence[InlineSegment]]


def _no_inline(_pid: str) -> Sequence[InlineSegment]:
    return ()


def text_pieces(
    text: str,
    italics: Sequence[Span] = (),
    anchors: Sequence[Anchor] = (),
    numbers: dict[str, int] | None = None,
    inline: Sequence[InlineSegment] = (),
    *,
    italic: bool = False,
    bold: bool = False,
) -> list[Piece]:
    """Model text split at italic edges, with marks where the export prints them and the
    inline segments at their offsets (before the character there, marks first)."""
    n = len(text)
    marks: dict[int, list[str]] = {}
    for a in sorted(anchors, key=lambda a: a.offset):
        if numbers is not None and a.footnote_id in numbers:
            marks.setdefault(printed_mark_offset(text, a.offset), []).append(a.footnote_id)
    extra: dict[int, list[InlineSegment]] = {}
    for seg in inline:
        extra.setdefault(min(max(seg.offset, 0), n), []).append(seg)
    cuts = {0, n, *marks, *extra}
    for s in italics:
        cuts.update((min(s.start, n), min(s.end, n)))
    edges = sorted(cuts)
    out: list[Piece] = []

    def derived(at: int) -> None:
        if at in marks:
            fids = tuple(marks[at])
            label = ",".join(str(numbers[f]) for f in fids) if numbers else ""
            out.append(Piece(label, Role.MARK, at, fids=fids))
        for seg in extra.get(at, ()):
            out.append(Piece(seg.text, Role.INLINE, at, fmt=seg.fmt, fmt_key=seg.key))

    for start, end in itertools.pairwise(edges):
        derived(start)
        slanted = italic or any(s.start <= start and end <= s.end for s in italics)
        out.append(Piece(text[start:end], Role.TEXT, start, italic=slanted, bold=bold))
    derived(n)
    return out


def _adoption(adoption: str) -> Iterator[BlockSpec]:
    """Under the last operative paragraph, before the annexes: the meeting and its date,
    a line each, then the record of the vote (as the export prints them)."""
    meeting, record = adoption_lines(adoption)
    for i, line in enumerate(meeting):
        key = ("adoption",) if i == 0 else ("adoption", str(i))
        yield _block(key, "adoption", "", text_pieces(line, italic=True), min(i, 1), False)
    for i, line in enumerate(record):
        yield _block(("vote_record", str(i)), "vote_record", "", text_pieces(line), 0, False)


def _block(
    key: Key, kind: str, label: str, pieces: list[Piece], level: int = 0, editable: bool = True
) -> BlockSpec:
    return BlockSpec(key, kind, tuple(pieces), level, editable, label)


_PieceKey = tuple[object, ...]


@dataclass
class Derivation:
    """What a whole-draft layout needs once: derived paragraph numbers and footnote
    numbers, and the inline segments other features ask for. A paragraph's pieces are
    kept while its text, italics, marks and their numbers stay the same, so laying out
    the page again after a split or a paste costs little for the paragraphs it left
    alone."""

    doc: Document
    inline: InlineSource = _no_inline
    cache: NumberCache | None = None  # the controller's, kept up to date by it
    labels: dict[str, str] = field(init=False)
    numbers: dict[str, int] = field(init=False)
    _memo: dict[str, tuple[_PieceKey, tuple[Piece, ...]]] = field(init=False, default_factory=dict)
    _notes: dict[str, NoteView] | None = field(init=False, default=None)
    _notes_key: tuple[object, ...] = field(init=False, default=())
    _note_specs: dict[str, BlockSpec] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.cache is not None:
            self.labels, self.numbers = self.cache.labels(), self.cache.footnotes()
        else:
            self.labels, self.numbers = paragraph_labels(self.doc), footnote_numbers(self.doc)
        # What the notes show follows their texts, sources and order only: a Return or a
        # paste without notes leaves them as they were.
        key = (
            self.doc.authoring_body,  # whose citation rule (Ibid. or not)
            tuple(self.numbers.items()),
            tuple((f.id, f.text, tuple(f.italics), f.citation) for f in self.doc.footnotes),
        )
        if key != self._notes_key:
            self._notes, self._notes_key = None, key
            self._note_specs.clear()

    # -- one paragraph ---------------------------------------------------------------------
    def pieces(self, p: Paragraph) -> tuple[Piece, ...]:
        inline = self.inline(p.id)
        numbers = self.numbers
        key: _PieceKey = (
            p.text,
            tuple(p.italics),
            tuple(p.anchors),
            tuple(numbers.get(a.footnote_id) for a in p.anchors),
            tuple((s.offset, s.text, s.key) for s in inline),
        )
        hit = self._memo.get(p.id)
        if hit is not None and hit[0] == key:
            return hit[1]
        pieces = tuple(text_pieces(p.text, p.italics, p.anchors, numbers, inline))
        self._memo[p.id] = (key, pieces)
        return pieces

    def paragraph(self, p: Paragraph, kind: str, level: int) -> BlockSpec:
        return BlockSpec(("p", p.id), kind, self.pieces(p), level, True, self.labels.get(p.id, ""))

    def note_view(self, fid: str) -> NoteView:
        """The note as the page shows it: its own text (an "Ibid." read from a file as
        the source it stands for), and what it prints as when that differs (the "Ibid."
        the order of the notes makes of it)."""
        if self._notes is None:
            self._notes = note_views(self.doc)
        return self._notes[fid]

    def note(self, fid: str) -> BlockSpec:
        spec = self._note_specs.get(fid)
        if spec is None:
            spec = self._note_specs[fid] = self._note(fid)
        return spec

    def _note(self, fid: str) -> BlockSpec:
        view = self.note_view(fid)
        number = self.numbers.get(fid)
        pieces = text_pieces(view.text, view.italics)
        if view.printed and view.printed != view.text:
            pieces.append(Piece(f"  prints as “{view.printed}”", Role.TRAILER, len(view.text),
                                fmt=_printed_format(), fmt_key="printed"))  # fmt: skip
        return _block(("note", fid), "note", str(number) if number else "", pieces)


@dataclass(frozen=True)
class NoteView:
    """A footnote on the page: ``text`` and ``italics`` of its full source, ``printed``
    the text the export prints for it."""

    text: str
    italics: tuple[Span, ...]
    printed: str


def note_views(doc: Document) -> dict[str, NoteView]:
    """Every footnote's source text and printed text (Ibid. recomputed from the order of
    the notes, as the export does)."""
    from drafting_app.checks.profile import profile_for
    from drafting_app.citations.parse import citations_of
    from drafting_app.citations.render import full_text, render_footnotes

    sources = citations_of(doc)
    printed = {r.footnote_id: r.text for r in render_footnotes(doc, profile_for(doc).citation)}
    out: dict[str, NoteView] = {}
    for f in doc.footnotes:
        text, italics = f.text, tuple(f.italics)
        source = sources.get(f.id)
        if source is not None and f.text.lstrip().startswith("Ibid"):
            # A note read as "Ibid." means the source before it: that is what is written
            # (the order of the notes decides what prints as Ibid., not the drafter).
            text, italics = full_text(source)
        out[f.id] = NoteView(text, tuple(italics), printed.get(f.id, ""))
    return out


def _printed_format() -> QTextCharFormat:
    """The quiet look of what a note prints as (not part of its text)."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor("#6b6f76"))
    fmt.setFontItalic(True)
    return fmt


def _kind(level: int, annex: bool, form: Form) -> str:
    depth = level - (1 if form is Form.DECISION and not annex else 0)
    if depth <= 0:
        return "annex_paragraph" if annex else "operative"
    return "sub1" if depth == 1 else "sub2"


def _body_kinds(
    chapeau: Paragraph | None, preamble: list[Paragraph], operative: list[Paragraph], form: Form
) -> Iterator[tuple[Paragraph, str, int]]:
    if chapeau is not None:
        yield chapeau, "chapeau", 0
    for p in preamble:
        yield p, "preambular", 0
        for c in p.children:
            for q, level in _descendants(c, 1):
                yield q, _kind(level, False, Form.RESOLUTION), level
    top = 1 if form is Form.DECISION else 0
    for p in operative:
        for q, level in _descendants(p, top):
            yield q, _kind(level, False, form), level


def _descendants(p: Paragraph, level: int) -> Iterator[tuple[Paragraph, int]]:
    yield p, level
    for c in p.children:
        yield from _descendants(c, level + 1)


_MASTHEAD_LINES = (
    ("organization", "mh_org", ""),
    ("symbol", "mh_symbol", ""),
    ("distribution", "mh_distribution", "Distr.: "),
    ("date", "mh_date", ""),
    ("original_language", "mh_original", "Original: "),
    ("body", "mh_body", ""),
    ("session", "mh_session", ""),
    ("committee", "mh_session", ""),
    ("place_and_dates", "mh_session", ""),
    ("agenda_item", "mh_session", ""),
    ("agenda_title", "mh_agenda", ""),
)


def _front(d: Derivation) -> Iterator[BlockSpec]:
    doc = d.doc
    mh = doc.masthead
    if mh is not None:
        short = body_short_name(mh.body, mh.symbol)
        yield _block(("mh", "organization"), "mh_org", "",
                     text_pieces(mh.organization or "United Nations"), editable=False)  # fmt: skip
        for name, kind, prefix in _MASTHEAD_LINES[1:]:
            value = getattr(mh, name)
            if name == "body" and (not value or value == short):
                if short:
                    yield _block(
                        ("mh", "short"), "mh_short", "", text_pieces(short), editable=False
                    )
                continue
            if value or name in ("symbol",):
                yield _block(("mh", name), kind, prefix, text_pieces(value))
        yield _block(("mh", "rule"), "mh_rule", "", [], editable=False)
    under = under_heading(doc)
    for i, line in enumerate(doc.front_matter):
        if line not in under:
            pieces = text_pieces(line, bold=True)
            yield _block(("front", str(i)), "front", "", pieces, editable=False)
    ga_number = bool(doc.title) and doc.heading.endswith(".") and "/" in doc.heading
    if doc.heading and not ga_number:
        yield _block(("heading",), "heading", "", text_pieces(doc.heading, bold=True))
    for i, line in enumerate(doc.front_matter):
        if line in under:  # the Security Council's adoption line, under its heading
            yield _block(("front", str(i)), "front", "", text_pieces(line), editable=False)
    if mh is not None and mh.sponsors:
        names = [n.strip() for n in mh.sponsors if n.strip()]
        joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        kind = mh.document_type or (
            "draft decision" if doc.form is Form.DECISION else "draft resolution"
        )
        star = "*" if mh.sponsor_note.strip() else ""
        pieces = [Piece(f"{joined}:", Role.TEXT, 0, bold=False)]
        if star:
            pieces.append(Piece(star, Role.MARK, 0))
        pieces.append(Piece(f" {kind}", Role.TEXT, len(joined) + 1))
        yield BlockSpec(("sponsors",), "sponsors", tuple(pieces), editable=False)
    elif mh is not None and mh.submitted_line():
        pieces = [Piece(mh.submitted_line(), Role.TEXT, 0, bold=False)]
        if mh.sponsor_note.strip():
            pieces.append(Piece("*", Role.MARK, 0))
        yield BlockSpec(("sponsors",), "sponsors", tuple(pieces), editable=False)
    label = doc.heading if ga_number else ""
    if not has_no_title(doc):  # no "Type the title" prompt on a Council resolution
        yield _block(
            ("title",), "title", label, text_pieces(doc.title, bold=True), level=int(ga_number)
        )
    if doc.authoring_body or not doc.parts:
        # a text in lettered parts has its authoring lines in its parts: no prompt for one
        yield _block(("authoring",), "authoring", "", text_pieces(doc.authoring_body, italic=True))


def _heading_level(text: str) -> int:
    """2 for a chapter heading numbered in Roman figures ("II. Commitments"), else 3."""
    return 2 if text[:1] in "IVXLC" and ". " in text[:8] else 3


def _annexes(d: Derivation, annexes: Sequence[Annex]) -> Iterator[BlockSpec]:
    for annex in annexes:
        yield _block(("annex", annex.id), "annex_title", "", text_pieces(annex.title, bold=True))
        for i, line in enumerate(annex.lines):
            key = ("annex_line", annex.id, str(i))
            yield _block(key, "annex_title", "", text_pieces(line, bold=True))
        for b in annex.blocks:
            if isinstance(b, Heading):
                pieces = text_pieces(b.text, bold=True)
                level = _heading_level(b.text)
                yield _block(("heading_a", b.id), "annex_heading", "", pieces, level)
            else:
                for q, level in _descendants(b, 0):
                    yield d.paragraph(q, _kind(level, True, Form.RESOLUTION), level)


def build_specs(d: Derivation) -> list[BlockSpec]:
    """The whole page, top to bottom."""
    return list(iter_specs(d))


def _with_headings(d: Derivation, p: Paragraph, kind: str, level: int) -> Iterator[BlockSpec]:
    """An operative paragraph with the section headings above it (retyped on the page)."""
    for i, heading in enumerate(p.headings):
        yield _block(("section", p.id, str(i)), "annex_heading", "",
                     text_pieces(heading, bold=True), _heading_level(heading))  # fmt: skip
    yield d.paragraph(p, kind, level)


def iter_specs(d: Derivation) -> Iterator[BlockSpec]:
    """The page's blocks top to bottom, each made when it is asked for (a long draft is
    written in slices: a paragraph retyped meanwhile is taken as it is then). Only for a
    draft whose structure does not change while it is iterated."""
    doc = d.doc
    yield from _front(d)
    for p, kind, level in _body_kinds(doc.chapeau, doc.preamble, doc.operative, doc.form):
        yield from _with_headings(d, p, kind, level)
    for part in doc.parts:
        # The letter of a part (and a resolution's part title and authoring line) as the
        # reader found them; the paragraphs under them are edited as any other.
        yield _block(("part", part.label), "part_heading", "",
                     text_pieces(part.label, bold=True), editable=False)  # fmt: skip
        if part.title:
            yield _block(("part_title", part.label), "part_heading", "",
                         text_pieces(part.title, bold=True), editable=False)  # fmt: skip
        if part.authoring_body:
            yield _block(("part_authoring", part.label), "authoring", "",
                         text_pieces(part.authoring_body, italic=True), editable=False)  # fmt: skip
        for p, kind, level in _body_kinds(part.chapeau, part.preamble, part.operative, part.form):
            yield from _with_headings(d, p, kind, level)
        if part.adoption:
            yield _block(("part_adoption", part.label), "adoption", "",
                         text_pieces(part.adoption, italic=True), editable=False)  # fmt: skip
    inline = annexes_before(doc.annexes)
    yield from _annexes(d, doc.annexes[:inline])
    yield from _adoption(doc.adoption)
    yield from _annexes(d, doc.annexes[inline:])
    notes = sorted((f for f in doc.footnotes if f.id in d.numbers), key=lambda f: d.numbers[f.id])
    if notes:
        yield _block(("notes_rule",), "notes_rule", "", [], editable=False)
        for f in notes:
            yield d.note(f.id)
