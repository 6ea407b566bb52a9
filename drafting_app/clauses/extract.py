"""Mining agreed language: every preambular and operative paragraph (and sub-paragraph)
of a corpus document as a :class:`Clause`.

The chapeau of a decision ("The Conference …, recalling …:") is not a clause: it carries
the authoring body and cannot stand as a paragraph of another text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from drafting_app.clauses.category import categorize
from drafting_app.clauses.clause import Clause, ClauseFootnote, Provenance
from drafting_app.model.document import Document, Footnote, Paragraph, Part, Span
from drafting_app.model.numbering import paragraph_labels
from drafting_app.model.places import heading_label
from drafting_app.phrases import PhraseBook, default_phrasebook

_TREATY_SERIES = "United Nations, Treaty Series, "
_UNTS_IBID = re.compile(r"^\*?Ibid\.?\*?,\s*(vols?\..*No\.\s*\d+.*)$")


def doc_label(doc: Document, fallback: str) -> str:
    """How a drafter names a text: "Resolution 5/2", "Decision 4/4", "France: draft resolution"."""
    if doc.heading.strip():
        return heading_label(doc.heading, str(doc.kind))
    mh = doc.masthead
    if mh is not None and mh.symbol:
        return mh.symbol
    if mh is not None and mh.sponsors:
        return f"{', '.join(mh.sponsors)}: {mh.document_type or 'draft'}"
    return doc.title.strip()[:60] or fallback


def opener_base(p: Paragraph, part: Part, book: PhraseBook | None = None) -> str:
    """The base opening phrase ("Requests" for "Also requests"); "" if none is recognisable.

    A paragraph such as "With regard to the report …, *welcomes*:" has its verb in the
    middle: the first italic span that is a known phrase is taken.
    """
    head = p.text[:_REACH]
    spans = tuple((s.start == 0, p.text[s.start : s.end]) for s in p.italics)
    if book is None or book is default_phrasebook():
        # Agreed language repeats: what decides the base (the text's start, the italic
        # phrases) is remembered, bounded; most clauses of a large corpus hit.
        return _default_base(head, spans, part)
    return _opener_base(head, spans, part, book)


# A phrase of the phrase book is at most a few words: the base is read from the start.
_REACH = 160


@lru_cache(maxsize=32768)
def _default_base(head: str, spans: tuple[tuple[bool, str], ...], part: Part) -> str:
    return _opener_base(head, spans, part, default_phrasebook())


@lru_cache(maxsize=32768)
def category_of(opener: str, text: str) -> str:
    """:func:`categorize`, remembered by text (agreed language repeats)."""
    return categorize(opener, text)


def _opener_base(
    text: str, spans: tuple[tuple[bool, str], ...], part: Part, book: PhraseBook
) -> str:
    first = next((t for at_start, t in spans if at_start), "")
    candidates = [first, text] + [t for _, t in spans]
    for candidate in candidates:
        found = book.split(candidate[:1].upper() + candidate[1:], part) if candidate else None
        if found is not None:
            return found.base
    guessed = book.guess(text, part)
    return guessed.base if guessed else ""


def resolve_ibid(notes: list[Footnote]) -> dict[str, tuple[str, tuple[Span, ...]]]:
    """Each footnote's text made self-standing (a clause leaves its Ibid. chain behind).

    "Ibid., vol. 2237, No. 39574." is a United Nations Treaty Series citation — the only
    source cited by volume and registration number — even when it dangles (resolution 5/2
    was cut from a larger report); a bare "Ibid." repeats the preceding source.
    """
    out: dict[str, tuple[str, tuple[Span, ...]]] = {}
    previous: tuple[str, tuple[Span, ...]] | None = None
    for note in notes:
        text = note.text.strip()
        resolved = (text, tuple(note.italics))
        unts = _UNTS_IBID.match(text)
        if unts:
            full = _TREATY_SERIES + unts.group(1)
            start = full.index("Treaty Series")
            resolved = (full, (Span(start, start + len("Treaty Series")),))
        elif re.match(r"^\*?Ibid\.?\*?\.?$", text) and previous is not None:
            resolved = previous
        out[note.id] = resolved
        previous = resolved
    return out


def clauses_of(doc_id: str, doc: Document, label: str | None = None) -> Iterator[Clause]:
    """The clauses of one document, in document order."""
    for _pid, clause in paragraph_clauses(doc_id, doc, label):
        yield clause


def paragraph_clauses(
    doc_id: str, doc: Document, label: str | None = None, labels: dict[str, str] | None = None
) -> Iterator[tuple[str, Clause]]:
    """(paragraph id, clause) for every clause of one document, in document order
    (``labels``: its :func:`paragraph_labels` when the caller has them already)."""
    label = label or doc_label(doc, doc_id)
    notes = resolve_ibid(doc.anchored_footnotes())
    labels = paragraph_labels(doc) if labels is None else labels
    book = default_phrasebook()
    for n, p in enumerate(doc.preamble, start=1):
        yield from _walk(doc_id, label, Part.PREAMBLE, p, f"PP{n}", notes, labels, book)
    for p in doc.operative:
        number = labels.get(p.id) or p.source_label or ""
        yield from _walk(doc_id, label, Part.OPERATIVE, p, number, notes, labels, book)


def _walk(
    doc_id: str,
    label: str,
    part: Part,
    p: Paragraph,
    number: str,
    notes: dict[str, tuple[str, tuple[Span, ...]]],
    labels: dict[str, str],
    book: PhraseBook,
) -> Iterator[tuple[str, Clause]]:
    child_numbers = [
        f"{number.rstrip('.')} {labels.get(c.id) or c.source_label or ''}".strip()
        for c in p.children
    ]
    footnotes = tuple(
        ClauseFootnote(a.offset, *notes[a.footnote_id])
        for a in sorted(p.anchors, key=lambda a: a.offset)
        if a.footnote_id in notes
    )
    opener = opener_base(p, part, book)
    yield (
        p.id,
        Clause(
            clause_id=f"{doc_id}:{part.value}:{number}",
            text=p.text,
            italics=tuple(p.italics),
            footnotes=footnotes,
            provenance=Provenance(doc_id, label, part, number),
            opener=opener,
            category=category_of(opener, p.text),
            children=tuple(f"{doc_id}:{part.value}:{n}" for n in child_numbers),
        ),
    )
    for child, child_number in zip(p.children, child_numbers, strict=True):
        yield from _walk(doc_id, label, part, child, child_number, notes, labels, book)
