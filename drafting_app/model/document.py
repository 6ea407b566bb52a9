"""The resolution model: a UN resolution, decision or draft (L. document) as structure.

Pure Python: no Qt, no I/O. Display numbers ("1.", "(a)", footnote 3) are never stored;
they are derived from position by :mod:`drafting_app.model.numbering`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from drafting_app.model.citation import Citation
from drafting_app.model.ids import new_id
from drafting_app.model.place_index import PlaceIndex

if TYPE_CHECKING:
    from drafting_app.model.negotiation import Negotiation
    from drafting_app.model.revision import Comment, RevisionBase

# The longest paragraph of an issued resolution is a few thousand characters; anything
# past this is not drafting text. Every reader and the project loader refuse it, so what
# one accepts the others can open again.
MAX_PARAGRAPH_CHARS = 200_000
# A key of ``Paragraph.provenance``: the source the paragraph was read from lost part of it
# (value "end": the text layer of a PDF dropped its last line), so its closing punctuation
# is not the adopted text's.
SOURCE_CUT = "source_cut"


class DocumentKind(StrEnum):
    """What the text is: an adopted resolution, an adopted decision, or a draft (L. document)."""

    RESOLUTION = "resolution"
    DECISION = "decision"
    DRAFT = "draft"


class Form(StrEnum):
    """Layout of the operative part.

    ``RESOLUTION``: numbered paragraphs 1., 2. with (a), (i) sub-paragraphs.
    ``DECISION``: a chapeau paragraph then lettered sub-paragraphs (a)…(t) with (i) inside,
    as Conference decisions 3/3 and 4/4.
    """

    RESOLUTION = "resolution"
    DECISION = "decision"


class Part(StrEnum):
    """The two parts of a resolution body (UN Editorial Manual)."""

    PREAMBLE = "preamble"
    OPERATIVE = "operative"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in a paragraph's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A footnote reference mark placed *after* character ``offset - 1`` of the text.

    In English the mark follows punctuation ("Crime,¹"), so the offset usually points
    just past a comma or semicolon.
    """

    offset: int
    footnote_id: str


@dataclass(frozen=True)
class BrokenRef:
    """An internal reference ("paragraph 12 above") at ``[start, end)`` of a paragraph's
    text whose target paragraph was deleted (or left the operative part): the number now
    names another paragraph, so the INTERNAL check reports it until the drafter retypes
    the span or undoes the deletion. ``target_label`` is the number the text gives."""

    start: int
    end: int
    target_label: str


@dataclass(eq=False)
class Footnote:
    """A footnote: its text (with italic spans, e.g. *Treaty Series*).

    ``source_number`` is the number the footnote carried in the text it was read from
    (provenance for the FN-NUMBER check); the displayed number is always derived.
    """

    text: str
    italics: list[Span] = field(default_factory=list)
    id: str = field(default_factory=lambda: new_id("fn"))
    source_number: str | None = None
    citation: Citation | None = None


@dataclass(eq=False)
class Paragraph:
    """A preambular or operative paragraph (or sub-paragraph) with a stable id.

    ``italics`` are the spans set in italics (the opening phrase, titles of publications);
    ``anchors`` are footnote marks; ``children`` are sub-paragraphs (a), (i)...
    ``source_label`` is the label the paragraph carried where it was read ("5.", "(f)"),
    kept for diagnostics only. ``headings`` are the section headings printed above an
    operative paragraph, one per line ("I", "Implementation of the Convention …" above
    paragraph 1 of A/RES/78/69; "Peacebuilding Commission" in A/RES/80/11): the operative
    part's numbering runs on through them. ``unnumbered`` marks a top-level paragraph of an
    annex printed without a number (a convention's preamble, "Have agreed as follows:", an
    article of one paragraph, the testimonium): it takes no number and is not counted.
    """

    text: str
    italics: list[Span] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    children: list[Paragraph] = field(default_factory=list)
    id: str = field(default_factory=lambda: new_id("p"))
    source_label: str | None = None
    provenance: dict[str, str] | None = None
    broken_refs: list[BrokenRef] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    unnumbered: bool = False

    def walk(self) -> Iterator[Paragraph]:
        """This paragraph then its sub-paragraphs, depth first (document order)."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Masthead:
    """First-page masthead of an issued document (UN_FORMAT.md §7).

    ``sponsors`` and ``sponsor_note`` give the line "France:* draft resolution" with its
    asterisk note ("On behalf of the States Members ... European Union.").
    ``organization`` is the "United Nations" line of issued GA documents.
    ``committee`` is the organ's subsidiary body that meets on the text, printed under the
    session line ("Third Committee"; "Commission on Crime Prevention and Criminal Justice"
    under "Economic and Social Council").
    """

    body: str = ""
    symbol: str = ""
    distribution: str = ""
    date: str = ""
    original_language: str = ""
    session: str = ""
    place_and_dates: str = ""
    agenda_item: str = ""
    agenda_title: str = ""
    agenda_note: str = ""
    sponsors: list[str] = field(default_factory=list)
    sponsor_note: str = ""
    document_type: str = ""
    organization: str = ""
    committee: str = ""
    # The note of a reissued document's symbol ("A/RES/80/4*" / "* Reissued for technical
    # reasons on 5 November 2025."): kept with the draft and shown in the masthead form;
    # not printed, as a draft made from the text is a document of its own.
    symbol_note: str = ""

    def submitted_line(self) -> str:
        """The line of a draft submitted by an officer, with no sponsors: "Draft resolution
        submitted by the President of the General Assembly" (A/79/L.39), else ""."""
        kind = self.document_type.strip()
        return kind if not self.sponsors and " submitted by " in kind.lower() else ""


@dataclass
class Heading:
    """A heading inside an annex ("I. Commitments", or an unnumbered sub-heading)."""

    text: str
    id: str = field(default_factory=lambda: new_id("h"))


@dataclass
class Annex:
    """An annex (e.g. a political declaration annexed to a GA resolution), or a text adopted
    inline ("Adopts the following political declaration:" then the declaration), which has
    no "Annex" line: ``title`` is then empty and ``lines`` holds the text's own title.

    ``lines`` are the lines under the annex heading (the annexed text's title) and any
    unnumbered opening before its first numbered paragraph; ``blocks`` are headings and
    numbered paragraphs in order; numbering restarts in an annex. ``restarts``: the
    numbering starts again at 1 after every heading — an annexed convention, statute or
    rules of procedure, whose paragraphs are numbered within each article or rule
    (A/RES/58/4, "Article 3 / 1. … 2. …"); otherwise it runs on through the headings, as in
    a declaration in sections. ``id`` names the annex while the draft is open (edits and
    the outline refer to it); it is not saved.
    """

    title: str = ""
    lines: list[str] = field(default_factory=list)
    blocks: list[Heading | Paragraph] = field(default_factory=list)
    restarts: bool = False
    id: str = field(default_factory=lambda: new_id("ax"), compare=False)

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


def _walk_body(
    chapeau: Paragraph | None, preamble: list[Paragraph], operative: list[Paragraph]
) -> Iterator[tuple[Part, Paragraph]]:
    if chapeau is not None:
        yield Part.PREAMBLE, chapeau
    for p in preamble:
        for q in p.walk():
            yield Part.PREAMBLE, q
    for p in operative:
        for q in p.walk():
            yield Part.OPERATIVE, q


@dataclass
class DocumentPart:
    """One lettered part of a multi-part text: GA decision 79/537 A, B and C holds three
    decisions taken at different meetings, each with its own opening paragraph ("At its 48th
    plenary meeting, …, decided:") and, in the decision form, lettered sub-paragraphs. A
    multi-part resolution ("Questions relating to information", A and B) gives each part
    its own ``title`` under the letter ("Information in the service of humanity") and its
    own ``authoring_body`` ("The General Assembly,"), preamble and operative paragraphs
    numbered from 1.
    """

    label: str
    form: Form = Form.DECISION
    chapeau: Paragraph | None = None
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    adoption: str = ""
    title: str = ""
    authoring_body: str = ""

    def paragraphs(self) -> Iterator[tuple[Part, Paragraph]]:
        """Chapeau, preambular then operative paragraphs (with sub-paragraphs), in order."""
        yield from _walk_body(self.chapeau, self.preamble, self.operative)


@dataclass(frozen=True)
class ReadWarning:
    """Where the reader of a source text was unsure: two readings were possible and it took
    one (a lettered item after a paragraph without a colon), or the printed text disagrees
    with itself (operative numbers with a gap or a duplicate). ``line`` is where it is in
    the source (a line of a text file, the paragraph number of a Word file; 0 when
    unknown). Said, never guessed silently; not kept in the project file (it is about that
    one reading). ``paragraph_id`` is the paragraph it concerns, when there is one;
    ``numbering`` says the printed numbers disagree with the reader's count (a gap or a
    duplicate: a fault of the text, not a doubt of the reader)."""

    line: int
    message: str
    paragraph_id: str = ""
    numbering: bool = False

    def as_dict(self) -> dict[str, object]:
        kind = "numbering" if self.numbering else "reading"
        return {"line": self.line, "message": self.message, "kind": kind}


@dataclass
class Document:
    """A UN resolution, decision or draft.

    ``heading`` is the number line ("Resolution 5/2", "Decision 4/4", "80/1."), ``title``
    the title, ``authoring_body`` the line "The Conference of the Parties ...,".
    In the decision form, ``chapeau`` holds the opening paragraph ("The Conference ...,
    recalling ...:") and ``operative`` its lettered sub-paragraphs.
    ``parts`` are the lettered parts of a multi-part decision ("79/537 A, B and C"); the
    document's own chapeau, preamble and operative part are then empty.
    ``unplaced`` lists source text the reader could not place — never silently dropped;
    ``warnings`` what the reader was unsure of (:class:`ReadWarning`).
    ``revision_base`` is the text this draft revises (a rollover's adopted resolution, or
    a Word file's text before its tracked changes); ``comments`` are reviewers' comments
    (:mod:`drafting_app.model.revision`).
    ``negotiation`` is the compilation-text state while the draft is negotiated (labels,
    statuses, brackets, proposals: :mod:`drafting_app.model.negotiation`), else None.
    """

    kind: DocumentKind = DocumentKind.RESOLUTION
    form: Form = Form.RESOLUTION
    heading: str = ""
    title: str = ""
    authoring_body: str = ""
    chapeau: Paragraph | None = None
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    masthead: Masthead | None = None
    annexes: list[Annex] = field(default_factory=list)
    parts: list[DocumentPart] = field(default_factory=list)
    adoption: str = ""
    front_matter: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    source: str = ""
    revision_base: RevisionBase | None = None
    comments: list[Comment] = field(default_factory=list)
    negotiation: Negotiation | None = None
    warnings: list[ReadWarning] = field(default_factory=list)

    # -- traversal -------------------------------------------------------------------------
    def body_paragraphs(self) -> Iterator[tuple[Part, Paragraph]]:
        """Chapeau, preambular then operative paragraphs (with sub-paragraphs), in order;
        then those of each part."""
        yield from _walk_body(self.chapeau, self.preamble, self.operative)
        for part in self.parts:
            yield from part.paragraphs()

    def all_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in document order, annex paragraphs included."""
        for _, p in self.body_paragraphs():
            yield p
        for annex in self.annexes:
            for p in annex.paragraphs():
                yield from p.walk()

    def paragraph(self, pid: str) -> Paragraph:
        place = self.places.get(self, pid)
        if place is None:
            raise KeyError(pid)
        return place.paragraph

    @property
    def places(self) -> PlaceIndex:
        """Where each paragraph is, by id (:mod:`drafting_app.model.place_index`): built on first
        use, checked on every use, so no edit has to keep it."""
        index = self.__dict__.get("_places")
        if index is None:
            index = self.__dict__["_places"] = PlaceIndex()
        return index

    def footnote(self, fid: str) -> Footnote:
        for f in self.footnotes:
            if f.id == fid:
                return f
        raise KeyError(fid)

    def anchored_footnotes(self) -> list[Footnote]:
        """Footnotes in the order of their first mark in the text (the UN numbering order)."""
        by_id = {f.id: f for f in self.footnotes}
        seen: list[Footnote] = []
        done: set[str] = set()
        for p in self.all_paragraphs():
            for a in sorted(p.anchors, key=lambda a: a.offset):
                if a.footnote_id in by_id and a.footnote_id not in done:
                    done.add(a.footnote_id)
                    seen.append(by_id[a.footnote_id])
        return seen

    @property
    def is_draft(self) -> bool:
        return self.kind is DocumentKind.DRAFT
