"""Reader for the text layer of an issued UN PDF saved as plain text, every printed line a
line: what ``pdftotext`` (poppler) writes and PDF viewers save as text.

Unlike the cleaned PDF-text form of the corpus (a paragraph a line) and the page-by-page
extracts of public collections (paragraphs between blank lines, :mod:`.pdfextract`), this
text keeps nothing of the paragraphs but the printed lines: no blank line between
paragraphs, "1." on a line of its own, pages split by form feeds, the footnotes of a page
under its rule with their numbers out of order, the job number, barcode, page number and
running header among them. Read as the first of those forms it lost most paragraphs
(A/RES/73/8: 6 of 8 preambular and none of 5 operative paragraphs).

The body is the paste splitter's reading of printed lines (:mod:`.paste`: wrapped lines
joined, page furniture and running titles dropped, a page's notes matched to their
numbers), the same a drafter gets pasting the text copied from a PDF viewer; the masthead
keeps its printed lines, and the title its number ("73/8." and the title lines under it).
Everything then goes through :class:`~drafting_app.corpus.readers.structure.StructureBuilder`
as for every other reader.
"""

from __future__ import annotations

import re

from drafting_app.corpus.readers.limits import check_blocks
from drafting_app.corpus.readers.paste import (
    AUTHORING_START_RE,
    printed_line_paragraphs,
    take_spaced_repeats,
)
from drafting_app.corpus.readers.pdfextract import front_matter, is_pdf_extract
from drafting_app.corpus.readers.pdftext import PdfTextReader
from drafting_app.corpus.readers.structure import StructureBuilder
from drafting_app.model.document import Document
from drafting_app.phrases import PhraseBook, default_phrasebook

# "73/8." or "79/537 A." alone on its line (the title under it), or with the title after it
_NUMBER_RE = re.compile(r"^(?:S-)?\d+/\d+(?:\s[A-H](?:,\s[A-H])*(?:\sand\s[A-H])?)?\.(?:\s|$)")
# What the printer adds to page 1 (see readers/pdf.py): job number, barcode, date code.
_FURNITURE_RE = re.compile(r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?|\*\d{5,}\*|\d{6})$")
# "Resolution adopted by the General Assembly" printed over two lines, the date on the second
_ADOPTED_RE = re.compile(r"^(?:Resolution|Decision)s? adopted by\b")
_DATED_RE = re.compile(r"\b\d{4}\]?$")
# How far the masthead and title of page 1 may run before the body must have begun.
_FRONT_LINES = 60


def is_text_layer(text: str) -> bool:
    """Whether ``text`` is an issued UN document's PDF text layer, printed line by printed
    line: the job number and barcode of page 1, no front matter, and lines without the
    trailing space the page-by-page extracts of :mod:`.pdfextract` end each line with."""
    meta, body, _ = front_matter(text.lstrip("\ufeff"))
    if meta or body.lstrip().startswith("SOURCE:") or not is_pdf_extract(body):
        return False
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    filled = [ln for ln in lines if ln.strip()]
    spaced = sum(1 for ln in filled if ln.endswith(" "))
    return spaced <= len(filled) // 20 and _front_end(lines) is not None


def _front_end(lines: list[str]) -> int | None:
    """Where the body starts: the line of the title's number ("73/8."), else the authoring
    formula; within the first lines of page 1."""
    for i, raw in enumerate(lines[:_FRONT_LINES]):
        line = raw.strip().lstrip("\f")
        if _NUMBER_RE.match(line) or AUTHORING_START_RE.match(line):
            return i
    return None


class TextLayerReader:
    """Reads a PDF text layer saved line by line (module docstring)."""

    def __init__(self, phrases: PhraseBook | None = None) -> None:
        self.phrases = phrases or default_phrasebook()

    def read(self, text: str, source: str = "") -> Document:
        reader = PdfTextReader(StructureBuilder(self.phrases), repeat_marks=True)
        _, blocks, notes = reader.blocks(self.pdf_text(text))
        # a 2018 PDF repeats a note's mark at a later mention, and poppler spaces it from
        # its word ("Goals 2 for", "Court, 1 and"), as in a paste from a PDF viewer
        blocks = take_spaced_repeats(blocks, [n.label for n in notes])
        check_blocks(source, blocks, notes)
        return reader.builder.build(blocks, notes, source)

    def pdf_text(self, text: str) -> str:
        """The text in the corpus's PDF-text form (:mod:`.pdftext`), as the PDF reader
        makes it from the pages of an issued PDF: masthead lines, "73/8. Title", a
        paragraph a line, the adoption lines, the notes after a rule as "N text"."""
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        lines = text.replace("\f", "\n").split("\n")
        start = _front_end(lines) or 0
        front: list[str] = []
        for raw in lines[:start]:
            line = raw.strip()
            if _FURNITURE_RE.match(line):
                continue
            if front and _ADOPTED_RE.match(front[-1]) and not _DATED_RE.search(front[-1]):
                # "Resolution adopted by the General Assembly on" / "26 October 2018"
                front[-1] = f"{front[-1]} {line}"
            elif line or (front and front[-1]):
                front.append(line)
        rest = lines[start:]
        if rest and _NUMBER_RE.match(rest[0].strip()):
            # "73/8." and the title's printed lines, up to the authoring formula
            formula = (k for k, ln in enumerate(rest[:12]) if AUTHORING_START_RE.match(ln.strip()))
            end = next(formula, 1)
            words = " ".join(ln.strip() for ln in rest[:end] if ln.strip())
            front += ["", re.sub(r"\s+", " ", words)]
            rest = rest[end:]
        paragraphs, notes = printed_line_paragraphs(rest, self.phrases)
        texts = mend_glyph_gaps([*paragraphs, *(n.text for n in notes)])
        out = [*front, ""]
        for para in texts[: len(paragraphs)]:
            out += [para, ""]
        if notes:
            out.append("_" * 18)
            out += [f"{n.label} {t}" for n, t in zip(notes, texts[len(paragraphs) :], strict=True)]
        return "\n".join(out) + "\n"


# Poppler spaces a justified line's glyphs apart where the PDF positioned them one by one:
# before a hyphen ("high -level"), before a closing quote or apostrophe ("Countries ”,",
# "Women ’s") and inside words ("Confere nce", "o n").
_GAP_BEFORE_RE = re.compile(r"(?<=[^\W\d_]) (?=-[^\W\d_])|(?<=\S) (?=[”’](?:s\b|[\s,;:.)]|$))")
_WORD_RE = re.compile(r"[^\W\d_]+")
# The short words of English a piece of one or two letters may be ("a", "of"): any other
# ("o", "th", "ng") is a piece of a word
_SHORT_WORDS = frozenset(
    [
        "a",
        "i",
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "oh",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
    ]
)


def mend_glyph_gaps(texts: list[str]) -> list[str]:
    """``texts`` without the spaces poppler puts inside words and before hyphens and
    closing quotes. A space inside a word is known by the document itself: the two pieces
    make a word it prints elsewhere ("Conference"), and one of them is no word — a letter
    or two that is not a short English word ("o n", "th e"), or a piece found nowhere else
    ("Confere nce"); two words that each stand elsewhere are left ("in to", "per cent")."""
    texts = [_GAP_BEFORE_RE.sub("", t) for t in texts]
    counts: dict[str, int] = {}
    for t in texts:
        for w in _WORD_RE.findall(t):
            counts[w] = counts.get(w, 0) + 1

    def piece(w: str) -> bool:
        if len(w) <= 2:
            return w.lower() not in _SHORT_WORDS
        return counts.get(w, 0) <= 1

    def joins(a: str, b: str) -> bool:
        return (
            a.isalpha()
            and b.isalpha()
            and b[:1].islower()
            and counts.get(a + b, 0) > 0
            and (piece(a) or piece(b))
        )

    out = []
    for t in texts:
        parts = t.split(" ")
        merged: list[str] = []
        for word in parts:
            prev = merged[-1] if merged else ""
            # the word before may end in punctuation, the piece after may carry it
            head = prev.lstrip('(“‘"')
            tail = word.rstrip(',;:.)”’"')
            if merged and head and tail and joins(head, tail):
                merged[-1] = prev + word
            else:
                merged.append(word)
        out.append(" ".join(merged))
    return out
