"""The registry: what the corpus cites and where — resolutions and decisions with their
dates, the treaties (UN Treaty Series citations) and document symbols — joined with the
curated facts of ``resources/registry`` (the four instruments, the Conference sessions).

A text's date is, in order: the curated date (a Conference text carries its session's
closing day; an instrument's adopting resolution its adoption date), the date of the text
itself when it is in the corpus, else the date most corpus citations give. Every date seen
is kept with where it was seen, so a check can point at a citation that disagrees.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafting_app.corpus.facts import (
    COP,
    GA,
    Instrument,
    Session,
    canonical_body,
    cop_text_date,
    load_instruments,
    load_sessions,
)
from drafting_app.corpus.opening_verbs import AdoptedOpener, OpenerIndex
from drafting_app.corpus.rows import (
    CHAPEAU_LABEL,
    FOOTNOTE,
    CitationRow,
    DocumentInfo,
    FootnoteRow,
    document_rows,
)
from drafting_app.model.document import Document, Paragraph
from drafting_app.model.numbering import paragraph_labels
from drafting_app.model.references import RefKind

if TYPE_CHECKING:
    from drafting_app.corpus.store import CorpusStore

__all__ = [
    "COP",
    "Citation",
    "CitedText",
    "Instrument",
    "Registry",
    "Session",
    "TreatyCitation",
]

_SUPPLEMENTING_RE = re.compile(
    r",?\s+supplementing\s+the\s+(?:United Nations Convention against Transnational "
    r"Organized Crime|Convention)$"
)
_RES_NUMBER_RE = re.compile(r"resolution\s+(\S+)$")


@dataclass(frozen=True, slots=True)
class Citation:
    """Where something is cited: a paragraph (``part`` preamble/operative/annex, label as
    "2", "14", "7 (a)", "chapeau") or a footnote (``part`` "footnote", label its number;
    ``paragraph_id`` is then the paragraph carrying the mark). ``text`` is the citation as
    written, ``date`` the date it gives ("" when none)."""

    doc_id: str
    doc_label: str
    part: str
    paragraph_label: str
    paragraph_id: str
    text: str
    date: str = ""

    @property
    def where(self) -> str:
        """ "Resolution 5/2, preamble 2", "Decision 4/4, footnote 3"."""
        if self.paragraph_label.startswith(CHAPEAU_LABEL):  # "chapeau of part A"
            return f"{self.doc_label}, {self.paragraph_label}"
        return f"{self.doc_label}, {self.part} {self.paragraph_label}".rstrip()


@dataclass(slots=True)
class CitedText:
    """A resolution or decision: its canonical body, number, date and every citation.

    ``doc_id`` is set when the text itself is in the corpus; ``date_source`` says where the
    date came from ("curated", "corpus", "citations" or ""); ``dates_seen`` maps each date
    that citations give to those citations.
    """

    kind: str
    body: str
    number: str
    date: str
    citations: list[Citation] = field(default_factory=list)
    doc_id: str = ""
    date_source: str = ""
    dates_seen: dict[str, list[Citation]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """ "General Assembly resolution 64/293"."""
        return f"{self.body} {self.kind} {self.number}".strip()


@dataclass(frozen=True, slots=True)
class TreatyCitation:
    """A treaty cited in a footnote: by UN Treaty Series volume and number ("unts"), or by
    the General Assembly resolution that adopted it ("adoption"). ``instruments`` are the
    keys of the curated instruments it names."""

    form: str
    text: str
    volumes: tuple[str, ...]
    treaty_number: str
    ibid: bool
    instruments: tuple[str, ...]
    citation: Citation


_NO_DATES: dict[str, list[Citation]] = {}


def _compact(text: CitedText) -> None:
    """Share what repeats once the registry is built (read-only from then on): most texts
    are cited with one date by every citation, or with none (tens of thousands of texts
    in a large corpus)."""
    if not text.dates_seen:
        text.dates_seen = _NO_DATES
    elif len(text.dates_seen) == 1:
        ((date, seen),) = text.dates_seen.items()
        if seen == text.citations:
            text.dates_seen = {date: text.citations}


def _normal_title(text: str) -> str:
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.;:")
    text = _SUPPLEMENTING_RE.sub("", text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return text.lower()


def _number_key(number: str) -> tuple[object, ...]:
    return tuple(int(x) if x.isdigit() else x for x in re.split(r"(\d+)", number))


class Registry:
    """Cited texts, instruments, treaty citations, symbols and sessions (see module doc)."""

    def __init__(self, instruments: list[Instrument], sessions: list[Session]) -> None:
        self._instruments = {i.key: i for i in instruments}
        self._sessions = {s.number: s for s in sessions}
        self._texts: dict[tuple[str, str, str], CitedText] = {}
        self._treaties: list[TreatyCitation] = []
        self._symbols: dict[str, list[Citation]] = {}
        self._names = {
            _normal_title(t): i.key for i in instruments for t in (i.full_title, *i.short_titles)
        }
        self._adopting: dict[tuple[str, str], Instrument] = {}
        self._openers = OpenerIndex()
        for inst in instruments:
            m = _RES_NUMBER_RE.search(inst.adopted_by.split(",")[0])
            if m:
                self._adopting[(GA, m.group(1))] = inst

    # -- construction ------------------------------------------------------------------
    @classmethod
    def load_curated(cls) -> Registry:
        """The curated facts only (no corpus)."""
        return cls(load_instruments(), load_sessions())

    @classmethod
    def from_store(cls, store: CorpusStore) -> Registry:
        """The registry of everything the store indexes, read from its citation index a
        text at a time (:mod:`drafting_app.corpus.stored_registry`): nothing is built, on
        a connection of its own (it may be used on another thread than the store)."""
        from drafting_app.corpus import schema
        from drafting_app.corpus.stored_registry import StoredRegistry

        return StoredRegistry(schema.reconnect(store.db_path))

    @classmethod
    def from_documents(cls, docs: Iterable[tuple[str, Document]]) -> Registry:
        """The registry of documents given as (doc_id, document) pairs."""
        reg = cls.load_curated()
        for doc_id, doc in docs:
            rows = document_rows(doc_id, doc.source, "user", doc)
            reg._add(rows.info, rows.citations, rows.footnotes)
            reg._openers.add(_operative_clauses(rows.info.label, doc))
        reg._settle()
        return reg

    def _text(self, kind: str, body: str, number: str) -> CitedText:
        key = (kind, body, number)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = CitedText(kind, body, number, "")
        return text

    def _add(
        self, info: DocumentInfo, citations: list[CitationRow], footnotes: list[FootnoteRow]
    ) -> None:
        kind, number = info.text_kind, info.number
        if kind and info.body:
            own = self._text(kind, info.body, number)
            own.doc_id, own.date = info.doc_id, info.date
            own.date_source = "corpus" if info.date else ""
        for c in citations:
            # Interned: at 10,000 documents the same parts, labels, dates and citation
            # texts recur hundreds of thousands of times (the registry's memory).
            where = Citation(
                info.doc_id,
                info.label,
                sys.intern(c.part),
                sys.intern(c.label),
                sys.intern(c.paragraph_id),
                sys.intern(c.text),
                sys.intern(c.date),
            )
            if c.kind == RefKind.SYMBOL:
                self._symbols.setdefault(c.number, []).append(where)
            elif c.kind == RefKind.TREATY:
                keys = tuple(
                    i.key for v in c.volumes if (i := self.instrument_by_volume(v)) is not None
                )
                self._treaties.append(
                    TreatyCitation("unts", c.text, c.volumes, c.treaty_number, c.ibid, keys, where)
                )
            else:
                # A body citing its own text may omit its name ("resolution 70/1").
                body = canonical_body(c.body, info.body) if c.body else info.body
                if not body:
                    continue
                cited = self._text(c.kind, body, c.number)
                cited.citations.append(where)
                if c.date:
                    cited.dates_seen.setdefault(c.date, []).append(where)
        for fn in footnotes:
            self._adoptions(info, fn)

    def _adoptions(self, info: DocumentInfo, fn: FootnoteRow) -> None:
        """Footnotes citing an instrument by its adopting resolution ("General Assembly
        resolution 55/25, annex II")."""
        for inst in self._instruments.values():
            m = re.search(re.escape(inst.adopted_by) + r"(?![\w/])", fn.text)
            if m:
                where = Citation(
                    info.doc_id, info.label, FOOTNOTE, str(fn.number), fn.paragraph_id, m.group(0)
                )
                self._treaties.append(
                    TreatyCitation("adoption", m.group(0), (), "", False, (inst.key,), where)
                )

    def _curated_date(self, kind: str, body: str, number: str) -> str:
        if body == COP:
            return cop_text_date(number)
        inst = self._adopting.get((body, number))
        return inst.adopted_on if inst and kind == "resolution" else ""

    def _settle(self) -> None:
        for body, number in self._adopting:
            self._text("resolution", body, number)
        for text in self._texts.values():
            curated = self._curated_date(text.kind, text.body, text.number)
            if curated:
                text.date, text.date_source = curated, "curated"
            elif not text.date and text.dates_seen:
                # The date most citations give; on a tie, the first seen.
                text.date = max(text.dates_seen, key=lambda d: len(text.dates_seen[d]))
                text.date_source = "citations"
            _compact(text)

    # -- cited texts ---------------------------------------------------------------------
    def cited_text(
        self, body: str, number: str, kind: str, *, author: str = COP
    ) -> CitedText | None:
        """The text "``body`` ``kind`` ``number``" ("Conference", "4/4", "decision");
        "its" is ``author``, the body of the text that cites (by default the Conference)."""
        kind = kind.lower().rstrip("s")
        full = canonical_body(body, author)
        found = self._texts.get((kind, full, number))
        if found is not None:
            return found
        date = self._curated_date(kind, full, number)
        return CitedText(kind, full, number, date, date_source="curated") if date else None

    def clause_with_opener(self, text: str) -> AdoptedOpener | None:
        """The adopted operative clause whose words after its opening verb are the first
        words of ``text`` (a paragraph that does not open with a verb), or None."""
        return self._openers.find(text)

    def texts(self) -> list[CitedText]:
        """Every text known, by body then number."""
        return sorted(self._texts.values(), key=lambda t: (t.body, t.kind, _number_key(t.number)))

    # -- instruments, treaties, symbols, sessions ------------------------------------------
    def instruments(self) -> list[Instrument]:
        return list(self._instruments.values())

    def instrument(self, key: str) -> Instrument | None:
        return self._instruments.get(key.upper())

    def instrument_by_name(self, text: str) -> Instrument | None:
        """By full title, short title, or the long phrase with or without "supplementing …"
        ("the Protocol to Prevent, Suppress and Punish Trafficking in Persons, …")."""
        key = self._names.get(_normal_title(text))
        return self._instruments[key] if key else None

    def instrument_by_volume(self, volume: str) -> Instrument | None:
        """By United Nations *Treaty Series* volume ("2237" → Trafficking in Persons)."""
        for inst in self._instruments.values():
            if inst.unts_volume == volume.strip():
                return inst
        return None

    def treaty_citations(self) -> list[TreatyCitation]:
        """Every treaty citation in corpus footnotes, in corpus order."""
        return list(self._treaties)

    def symbols(self) -> dict[str, list[Citation]]:
        """Document symbols cited in the corpus ("CTOC/COP/2010/5") with where."""
        return dict(sorted(self._symbols.items()))

    def session(self, number: int) -> Session | None:
        return self._sessions.get(number)

    def sessions(self) -> list[Session]:
        return sorted(self._sessions.values(), key=lambda s: s.number)

    def __iter__(self) -> Iterator[CitedText]:
        return iter(self.texts())


def _operative_clauses(label: str, doc: Document) -> Iterator[tuple[str, str]]:
    """(text, where) of every operative paragraph of ``doc``, sub-paragraphs included."""
    labels = paragraph_labels(doc)

    def walk(p: Paragraph, where: str) -> Iterator[tuple[str, str]]:
        here = f"{where} {labels.get(p.id, '').rstrip('.')}".strip()
        yield p.text, f"{label}, op {here}"
        for child in p.children:
            yield from walk(child, here)

    for operative in [doc.operative, *(part.operative for part in doc.parts)]:
        for top in operative:
            yield from walk(top, "")
