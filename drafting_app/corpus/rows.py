"""A corpus document flattened into the rows the store indexes: one summary, one row per
paragraph (with its derived label and where it sits), one row per footnote and one per
citation found in them (what the registry is built from).

Labels are derived here, at indexing time, from the model's numbering rules; the model
itself never stores them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from drafting_app.corpus.facts import COP, body_of_line, cop_text_date
from drafting_app.model.describe import opener_of
from drafting_app.model.document import Document, Paragraph
from drafting_app.model.numbering import footnote_numbers, paragraph_labels
from drafting_app.model.opening import meeting_opening
from drafting_app.model.places import heading_label
from drafting_app.model.references import (
    DATE_RE,
    Reference,
    RefKind,
    find_citations,
    find_symbols,
    find_treaty_citations,
)

Origin = Literal["bundled", "user"]

ANNEX = "annex"
CHAPEAU_LABEL = "chapeau"
FOOTNOTE = "footnote"
# The references the registry collects (articles and internal references stay local).
INDEXED_REFS = (RefKind.RESOLUTION, RefKind.DECISION, RefKind.SYMBOL, RefKind.TREATY)

_NUMBER_RE = re.compile(r"(?P<kind>Resolution|Decision)\s+(?P<num>[\w\-/.]+(?:\s\(\d{4}\))?)\.?$")
_BARE_NUMBER_RE = re.compile(r"^(?P<num>\d{1,4}/\d{1,4})\.?$")
# A GA heading is a number and a full stop ("80/1.", "79/537 A, B and C."); labels drop it.
_DATE_RE = re.compile(DATE_RE)
# The first parent of a paragraph in a lettered part of a multi-part decision ("part A").
_PART_PREFIX = "part "


@dataclass(frozen=True)
class DocumentInfo:
    """A corpus document as listed: what it is, where it came from, how big it is.

    ``label`` names it in lists and citations: its heading ("Resolution 5/2"), else its
    symbol, else its sponsors' line ("France: draft resolution"), else its file name."""

    doc_id: str
    path: str
    kind: str
    form: str
    heading: str
    title: str
    symbol: str
    body: str
    date: str
    paragraphs: int
    footnotes: int
    origin: Origin
    label: str = ""

    @property
    def number(self) -> str:
        """The text's number from its heading ("Resolution 5/2" → "5/2"), or ""."""
        return heading_number(self.heading)[1]

    @property
    def text_kind(self) -> str:
        """ "resolution" or "decision" as the heading says; a bare GA number ("79/512.")
        is a decision when the text is one, else "" when there is no number."""
        kind, _ = heading_number(self.heading)
        if kind and _BARE_NUMBER_RE.match(self.heading.strip()) and self.kind == "decision":
            return "decision"
        return kind


@dataclass(frozen=True, slots=True)
class ParagraphRow:
    """One paragraph of a corpus document with its derived place.

    ``label`` is the derived number ("5.", "(a)"; "" for a preambular paragraph, "chapeau"
    for a decision's chapeau, "chapeau of part A" for a part's); ``parents`` the labels
    above it ("7.",; first "part A" in a part of a multi-part decision); ``position`` the
    1-based position of its top-level paragraph in its part (preambular paragraphs are cited
    by position: "preamble 2"); ``footnotes`` the numbers of the marks it carries.
    """

    doc_id: str
    paragraph_id: str
    part: str
    label: str
    parents: tuple[str, ...]
    opener: str
    text: str
    footnotes: tuple[int, ...]
    position: int = 0

    @property
    def place(self) -> str:
        """Where the paragraph is, as a drafter says it: "preamble 2", "operative 7 (a)"."""
        return place_of(self.part, self.label, self.parents, self.position)


def place_of(part: str, label: str, parents: tuple[str, ...], position: int) -> str:
    """ "preamble 2", "operative 7 (a)", "chapeau"; in a lettered part of a multi-part
    decision "chapeau of part A" (its label) and, under it (first parent "part A"),
    "operative (b) of part A" (see :attr:`ParagraphRow.place`)."""
    if label.startswith(CHAPEAU_LABEL):
        return label
    within = ""
    if parents and parents[0].startswith(_PART_PREFIX):
        within, parents = f" of {parents[0]}", parents[1:]
    path = [*parents, label] if label else [*parents]
    if part == "preamble" or not path:
        path = [str(position), *path]
    return f"{part} " + " ".join(x.rstrip(".") for x in path) + within


@dataclass(frozen=True, slots=True)
class FootnoteRow:
    """A footnote with its derived number and the paragraph that carries its mark."""

    doc_id: str
    number: int
    text: str
    paragraph_id: str = ""


@dataclass(frozen=True, slots=True)
class CitationRow:
    """A reference found in a paragraph or footnote, as written (the body is the raw word:
    "its", "Assembly"; the registry canonicalises it). ``label`` is the place within
    ``part`` ("2", "7 (a)", "chapeau"; the number of a footnote)."""

    doc_id: str
    part: str
    label: str
    paragraph_id: str
    kind: str
    text: str
    body: str = ""
    number: str = ""
    date: str = ""
    volumes: tuple[str, ...] = ()
    treaty_number: str = ""
    ibid: bool = False


@dataclass
class DocumentRows:
    info: DocumentInfo
    paragraphs: list[ParagraphRow] = field(default_factory=list)
    footnotes: list[FootnoteRow] = field(default_factory=list)
    citations: list[CitationRow] = field(default_factory=list)


def indexed_references(text: str) -> list[Reference]:
    """The resolutions, decisions, symbols and treaties cited in ``text`` (what
    find_references finds of :data:`INDEXED_REFS`), by position. A finder runs only when
    its pattern's indispensable word is there: most paragraphs cite no treaty and no
    symbol (a third of the time of indexing a document went to finders that found nothing).
    """
    low = text.lower()
    refs: list[Reference] = []
    if "resolution" in low or "decision" in low:
        refs += find_citations(text)
    if "vol" in low:
        refs += find_treaty_citations(text)
    if "/" in text:
        refs += find_symbols(text)
    return sorted(refs, key=lambda r: (r.start, r.end))


def citation_rows(
    doc_id: str, text: str, part: str, label: str, paragraph_id: str
) -> list[CitationRow]:
    """The resolutions, decisions, symbols and treaties cited in one paragraph or footnote."""
    return [
        CitationRow(
            doc_id, part, label, paragraph_id, str(r.kind), r.text, r.body, r.number, r.date,
            r.volumes, r.treaty_number, r.ibid,
        )
        for r in indexed_references(text)
    ]  # fmt: skip


def heading_number(heading: str) -> tuple[str, str]:
    """("resolution", "5/2") from "Resolution 5/2"; ("", "") when there is no number."""
    text = heading.strip()
    m = _NUMBER_RE.search(text)
    if m:
        return m.group("kind").lower(), m.group("num")
    m = _BARE_NUMBER_RE.match(text)
    if m:  # GA style heading "80/1."
        return "resolution", m.group("num")
    return "", ""


def document_body(doc: Document) -> str:
    """The authoring body in full, from the authoring line, the chapeau (a multi-part
    decision's first part's) or the masthead."""
    chapeaux = [c.text for c in (doc.chapeau, *(p.chapeau for p in doc.parts)) if c]
    for line in (
        doc.authoring_body,
        *chapeaux[:1],
        doc.masthead.body if doc.masthead else "",
    ):
        if line.strip():
            return body_of_line(line)
    return ""


def document_date(doc: Document, body: str) -> str:
    """The text's own date: adoption line, else the meeting of a decision's opening ("At
    its 43rd plenary meeting, on 2 December 2024, …"), else the Conference session's closing
    day (its texts carry it), else the masthead date of an issued draft."""
    m = _DATE_RE.search(doc.adoption)
    if m:
        return m.group(0)
    opening = meeting_opening(doc.chapeau.text) if doc.chapeau else None
    if opening is not None and opening.date:
        return opening.date
    kind, number = heading_number(doc.heading)
    if kind and body == COP:
        date = cop_text_date(number)
        if date:
            return date
    return doc.masthead.date if doc.masthead else ""


def _paragraph_rows(
    doc_id: str, doc: Document, fn: dict[str, int], labels: dict[str, str]
) -> list[ParagraphRow]:
    rows: list[ParagraphRow] = []

    def add(p: Paragraph, part: str, position: int, parents: tuple[str, ...]) -> None:
        label = labels.get(p.id, "")
        marks = tuple(fn[a.footnote_id] for a in p.anchors if a.footnote_id in fn)
        rows.append(
            ParagraphRow(doc_id, p.id, part, label, parents, opener_of(p), p.text, marks, position)
        )
        for child in p.children:
            add(child, part, position, (*parents, label) if label else parents)

    def body(
        chapeau: Paragraph | None, preamble: list[Paragraph], operative: list[Paragraph], part: str
    ) -> None:
        # A part's paragraphs sit under its chapeau ("part A" above them).
        within = (f"{_PART_PREFIX}{part}",) if part else ()
        if chapeau is not None:
            label = f"{CHAPEAU_LABEL} of {within[0]}" if within else CHAPEAU_LABEL
            marks = tuple(fn[a.footnote_id] for a in chapeau.anchors if a.footnote_id in fn)
            rows.append(
                ParagraphRow(
                    doc_id,
                    chapeau.id,
                    "preamble",
                    label,
                    (),
                    opener_of(chapeau),
                    chapeau.text,
                    marks,
                )
            )
        for i, p in enumerate(preamble, 1):
            add(p, "preamble", i, within)
        for i, p in enumerate(operative, 1):
            add(p, "operative", i, within)

    body(doc.chapeau, doc.preamble, doc.operative, "")
    for part in doc.parts:  # "79/537 A, B and C": each part is a decision of its own
        body(part.chapeau, part.preamble, part.operative, part.label)
    for annex in doc.annexes:
        for i, p in enumerate(annex.paragraphs(), 1):
            add(p, ANNEX, i, ())
    return rows


def document_label(doc: Document, path: str) -> str:
    if doc.heading:
        return heading_label(doc.heading, str(doc.kind))
    mh = doc.masthead
    if mh and mh.symbol:
        return mh.symbol
    if mh and mh.sponsors:
        what = "draft decision" if "decision" in mh.document_type.lower() else "draft resolution"
        return f"{', '.join(mh.sponsors)}: {what}"
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def document_rows(
    doc_id: str,
    path: str,
    origin: Origin,
    doc: Document,
    *,
    citations: bool = True,
    labels: dict[str, str] | None = None,
) -> DocumentRows:
    """Flatten ``doc`` for the index (without its citations when ``citations`` is False).
    ``labels``: its :func:`paragraph_labels` when the caller has them already."""
    fn = footnote_numbers(doc)
    paragraphs = _paragraph_rows(
        doc_id, doc, fn, paragraph_labels(doc) if labels is None else labels
    )
    anchored: dict[str, str] = {}
    for p in doc.all_paragraphs():
        for a in p.anchors:
            anchored.setdefault(a.footnote_id, p.id)
    footnotes = sorted(
        (FootnoteRow(doc_id, fn[f.id], f.text, anchored.get(f.id, "")) for f in doc.footnotes),
        key=lambda f: f.number,
    )
    body = document_body(doc)
    info = DocumentInfo(
        doc_id=doc_id,
        path=path,
        kind=str(doc.kind),
        form=str(doc.form),
        heading=doc.heading,
        title=doc.title,
        symbol=doc.masthead.symbol if doc.masthead else "",
        body=body,
        date=document_date(doc, body),
        paragraphs=len(paragraphs),
        footnotes=len(footnotes),
        origin=origin,
        label=document_label(doc, path),
    )
    found: list[CitationRow] = []
    for row in paragraphs if citations else ():
        where = row.place.removeprefix(row.part).strip()
        found += citation_rows(doc_id, row.text, row.part, where, row.paragraph_id)
    for f in footnotes if citations else ():
        found += citation_rows(doc_id, f.text, FOOTNOTE, str(f.number), f.paragraph_id)
    return DocumentRows(info, paragraphs, footnotes, found)
