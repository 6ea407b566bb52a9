"""Footnote text in UN style, with Ibid. recomputed from the sources on every call
(UN_FORMAT.md §4): a note whose source is that of the immediately preceding note reads
"Ibid." (or "Ibid., vol. 2237, No. 39574." when only the volume differs); a full citation
reappears as soon as the chain breaks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from drafting_app.citations.parse import citations_of
from drafting_app.model.citation import (
    Citation,
    DocumentSymbols,
    FreeText,
    OfficialRecords,
    TextCitation,
    TreatyCitation,
    UNPublication,
)
from drafting_app.model.document import Document, Span
from drafting_app.model.numbering import footnote_numbers


class RepeatRule(StrEnum):
    """When a source is footnoted again.

    ``FIRST_MENTION`` (current UN practice): once, at first mention; a needed repeat gets a
    new note with identical text. ``FIRST_OPERATIVE`` (older practice): also at the first
    operative mention.
    """

    FIRST_MENTION = "first-mention"
    FIRST_OPERATIVE = "first-operative"


@dataclass(frozen=True)
class CitationRule:
    """A body's footnoting settings."""

    use_ibid: bool = True
    repeat: RepeatRule = RepeatRule.FIRST_MENTION


@dataclass(frozen=True)
class RenderedFootnote:
    """The text of one note as printed, its italic spans, and its derived number."""

    number: int
    text: str
    italics: tuple[Span, ...] = ()
    footnote_id: str = ""


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.italics: list[Span] = []
        self.length = 0

    def add(self, text: str, italic: bool = False) -> _Builder:
        if italic and text:
            self.italics.append(Span(self.length, self.length + len(text)))
        self.parts.append(text)
        self.length += len(text)
        return self

    def result(self) -> tuple[str, tuple[Span, ...]]:
        return "".join(self.parts), tuple(self.italics)


def join_list(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" (UN lists: no serial comma)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _volumes(c: TreatyCitation) -> str:
    word = "vol." if len(c.volumes) == 1 else "vols."
    return f"{word} {join_list(c.volumes)}, No. {c.number}."


def _sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."


def full_text(c: Citation) -> tuple[str, tuple[Span, ...]]:
    """The complete citation, as at first mention."""
    b = _Builder()
    if isinstance(c, TreatyCitation):
        b.add("United Nations, ").add("Treaty Series", True).add(", " + _volumes(c))
    elif isinstance(c, UNPublication):
        if c.title:
            b.add(c.title, True).add(f" (United Nations publication, Sales No. {c.sales_no}).")
        else:
            b.add(f"United Nations publication, Sales No. {c.sales_no}.")
    elif isinstance(c, OfficialRecords):
        b.add(f"Official Records of the {c.body}, {c.session}, Supplement No. {c.supplement}", True)
        b.add(f" ({c.symbol})." if c.symbol else ".")
    elif isinstance(c, DocumentSymbols):
        b.add(join_list(c.symbols) + ".")
    elif isinstance(c, TextCitation):
        head = f"{c.body} {c.kind}" if c.body else c.kind.capitalize()
        date = f" of {c.date}" if c.date else ""
        part = f", {c.part}" if c.part else ""
        b.add(f"{head} {c.number}{date}{part}.")
    else:
        return _free_text(c)
    return b.result()


def _free_text(c: FreeText) -> tuple[str, tuple[Span, ...]]:
    return c.text, tuple(Span(s, e) for s, e in c.italics)


def same_source(a: Citation, b: Citation) -> bool:
    """Whether ``b`` may be cited as Ibid. after ``a``: the same source, or (treaties) the
    same *Treaty Series*, where Ibid. carries the differing volume."""
    if isinstance(a, TreatyCitation) and isinstance(b, TreatyCitation):
        return True
    if isinstance(a, FreeText) and a.text.startswith("Ibid"):
        return False
    return a == b


def ibid_text(previous: Citation, c: Citation) -> tuple[str, tuple[Span, ...]]:
    """ "Ibid." or "Ibid., vol. 2237, No. 39574." for ``c`` following ``previous``."""
    if isinstance(c, TreatyCitation) and isinstance(previous, TreatyCitation):
        if c.same_source(previous):
            return "Ibid.", ()
        return "Ibid., " + _volumes(c), ()
    return "Ibid.", ()


def render(
    citations: Sequence[Citation], rule: CitationRule | None = None
) -> list[RenderedFootnote]:
    """Notes numbered 1, 2, … in document order, with Ibid. where the rule allows it."""
    rule = rule or CitationRule()
    out: list[RenderedFootnote] = []
    previous: Citation | None = None
    for number, c in enumerate(citations, start=1):
        if rule.use_ibid and previous is not None and same_source(previous, c):
            text, italics = ibid_text(previous, c)
        else:
            text, italics = full_text(c)
        out.append(RenderedFootnote(number, text, italics))
        previous = c
    return out


def render_footnotes(doc: Document, rule: CitationRule | None = None) -> list[RenderedFootnote]:
    """The document's notes in their current order (first mark in the text), each rendered
    from its source; call again after any insert, delete, move or paste."""
    sources = citations_of(doc)
    numbers = footnote_numbers(doc)
    ordered = sorted(doc.footnotes, key=lambda f: numbers[f.id])
    rendered = render([sources[f.id] for f in ordered], rule)
    return [
        RenderedFootnote(r.number, r.text, r.italics, f.id)
        for r, f in zip(rendered, ordered, strict=True)
    ]
