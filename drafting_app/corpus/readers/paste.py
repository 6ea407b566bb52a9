"""Paste into a draft: clipboard content → model paragraphs ready to insert.

A drafter copies agreed language from wherever it is — a Word draft of another delegation,
a LibreOffice file, an official PDF, the app's own corpus reader — and pastes it into the
draft. :func:`read_paste` turns what the clipboard holds (its plain text and, when the
source offered one, its HTML) into :class:`~drafting_app.model.document.Paragraph` trees:

- **paragraphs**: one per ``<p>`` / list item of the HTML; in plain text one per line when
  every line is a whole paragraph (Word, LibreOffice and Qt write it so), and for the text
  layer of a PDF — which breaks every printed line — the wrapped lines are joined again
  (a paragraph ends at closing punctuation before a short line, a typed number, an opening
  phrase or an indented line; a hyphen at a line end stays, as UN texts are not hyphenated);
- **numbers**: typed "1.", "(a)", "(i)" — and Word or LibreOffice automatic numbering — are
  taken off the text and become structure: "(a)" items are children of the paragraph whose
  colon opens them, as the model derives numbers and never stores them;
- **openers**: the opening phrase is in italics as the model expects ("Recalling also",
  "Requests"), even when the source lost its italics (PDF text); other italics of rich text
  (*Treaty Series*) are kept;
- **footnotes**: Word and LibreOffice footnote references, superscript digits and the bare
  digits the PDF text layer glues to words ("Crime,2") become anchors; footnote texts
  present in the paste (Word/LibreOffice notes, the lines under a PDF page's rule) are
  attached; a mark whose text was not copied gets an empty footnote to fill in, and is
  named in :attr:`Paste.missing_notes`;
- **part**: each top-level paragraph says whether it is preambular or operative when the
  text tells (a preambular opener and a closing comma, a number "1.", an operative verb);
  otherwise ``None`` and the draft decides by where it is pasted.

The rules of UN structure are those of the corpus readers (:mod:`.structure`,
:mod:`.marks`, :mod:`.text`): a pasted text is read exactly as an added document would be.
Pure Python, no Qt: the document view calls this with ``QMimeData.text()`` and ``.html()``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from drafting_app.corpus.readers.blocks import TERMINAL, Block, FootnoteDef, Mark
from drafting_app.corpus.readers.clipboard_html import HtmlBlock, read_clipboard_html
from drafting_app.corpus.readers.forms import NOTE_RE, RULE_RE, is_pdf_text
from drafting_app.corpus.readers.marks import find_marks
from drafting_app.corpus.readers.pdftext import PdfTextReader, join_line
from drafting_app.corpus.readers.structure import StructureBuilder
from drafting_app.corpus.readers.text import FUNCTION_WORD_RE, continues, parse_inline
from drafting_app.errors import FormatError
from drafting_app.model.characters import unligated
from drafting_app.model.document import (
    MAX_PARAGRAPH_CHARS,
    Document,
    Footnote,
    Paragraph,
    Part,
    Span,
)
from drafting_app.model.numbering import letters, roman
from drafting_app.phrases import PhraseBook, default_phrasebook

# A paste is a few pages at most; a clipboard holding more is not drafting text (and must
# not stall the UI thread that asked).
MAX_PASTE_CHARS = 2_000_000

_LABEL_START_RE = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,5}\)|[a-z]{1,4}\))(?:\s|$)")
_LABEL_ONLY_RE = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,5}\)|[a-z]{1,4}[.)])$")
_TRAILING_MARK_RE = re.compile(r"(?<=[,;:.”’)])\s?(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")
_BARE_LABEL_RE = re.compile(r"^\d{1,3}$")
_SPACES_RE = re.compile(r"[ \u00a0]{2,}")
# What the printer adds to a page of an issued document (see readers/pdf.py): job number
# "18-18142 (E)", barcode "*1818142*", date code "021118", page "2/5" with or without the
# job number, and the running header's symbol "A/RES/73/7".
_FURNITURE_RES = (
    re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$"),
    re.compile(r"^\*\d{5,}\*$"),
    re.compile(r"^\d{6}$"),
    # the page number is in the footer, below the notes: it does not end them
    re.compile(r"^(?:\d{2}-\d{5}\s+)?\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5})?$"),
)
# The adoption lines under the last paragraph ("30th plenary meeting" / "1 November 2018")
# are not part of it.
_PLENARY_RE = re.compile(r"^\d{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting$", re.IGNORECASE)
_DATE_LINE_RE = re.compile(
    r"^\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+\d{4}$"
)
# the running header of the next page (its symbol) ends a page's notes
_PAGE_HEADER_RES = (
    # a symbol alone on its line, without the full stop a footnote citing it ends with
    re.compile(r"^[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9.\-]+){2,}(?<!\.)$"),
)
# The authoring formula starts a paragraph of its own even after a title that does not close
# ("… against Cuba" / "The General Assembly,"): the whole text is then read as one.
AUTHORING_START_RE = re.compile(
    r"^The (?:General Assembly|Conference of the Parties|Conference of the States Parties"
    r"|Economic and Social Council|Security Council|Human Rights Council|Commission on"
    r"|Meeting of the States Parties)\b"
)
_GLUED_MARK_RE = re.compile(r"(?:(?<=[^\W\d_])|(?<=[,;:”’)])\s?)(\d{1,2})(?=\s|$)")
_SUPERSCRIPT_DEF_RE = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s")


@dataclass
class Paste:
    """What a paste inserts.

    ``paragraphs`` are the top-level paragraphs in order, each a tree (its sub-paragraphs
    are its ``children``); ``parts[i]`` is the part of a resolution ``paragraphs[i]``
    belongs to — preambular or operative — or ``None`` when the text does not say (the
    draft decides by where it is pasted). ``footnotes`` are those the paragraphs' anchors
    call, in the order of their first mark. ``fragment`` is True when the clipboard holds
    part of one paragraph (no paragraph break, no number): the view inserts it at the caret
    as text rather than as a new paragraph. ``skipped`` lists text that is not a body
    paragraph (a pasted title, masthead or authoring formula: the draft has its own);
    ``missing_notes`` the labels of marks whose footnote text was not in the paste (their
    footnotes are empty, to fill in); ``unplaced`` what the reader could not place.
    ``source`` names the form read: "word", "libreoffice", "qt", "html", "pdf-text" or
    "text".
    """

    paragraphs: list[Paragraph] = field(default_factory=list)
    parts: list[Part | None] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    fragment: bool = False
    skipped: list[str] = field(default_factory=list)
    missing_notes: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    source: str = "text"

    def add(self, paragraph: Paragraph, part: Part | None) -> None:
        self.paragraphs.append(paragraph)
        self.parts.append(part)

    def all_paragraphs(self) -> list[Paragraph]:
        """Every pasted paragraph, sub-paragraphs included, in document order."""
        return [q for p in self.paragraphs for q in p.walk()]


def read_paste(text: str, html: str | None = None, *, phrases: PhraseBook | None = None) -> Paste:
    """The paragraphs of clipboard content: ``text`` is its plain text
    (``QMimeData.text()``), ``html`` its HTML when the source offered one
    (``QMimeData.html()``; Word, LibreOffice and Qt always do, PDF viewers seldom).
    The HTML is read when it holds any paragraph; else the plain text.

    Raises :class:`~drafting_app.errors.FormatError` for content too large to be a paste.
    Empty or blank content gives an empty :class:`Paste`.
    """
    if len(text) > MAX_PASTE_CHARS or (html is not None and len(html) > 5 * MAX_PASTE_CHARS):
        raise FormatError(
            "The clipboard holds more than 2 million characters; that is not text to paste "
            "into a draft. Add the document to the corpus instead (Corpus › Add Documents…)."
        )
    # Copied from a PDF viewer, words may hold ligatures ("Traﬃcking"): spelt out.
    text, html = unligated(text), (unligated(html) if html is not None else None)
    builder = StructureBuilder(phrases or default_phrasebook())
    blocks: list[Block] = []
    notes: list[FootnoteDef] = []
    source = "text"
    if html and html.strip():
        parsed = read_clipboard_html(html)
        blocks = _labelled(parsed.blocks)
        notes = parsed.notes
        source = parsed.producer
    if not blocks:
        blocks, notes, source = _plain_blocks(text, builder.phrases)
    if not blocks:
        return Paste(source=source)
    missing = _complete_notes(blocks, notes)
    for b in blocks:
        if len(b.text) > MAX_PARAGRAPH_CHARS:
            raise FormatError(
                f"The pasted text has a paragraph of more than {MAX_PARAGRAPH_CHARS:,} "
                "characters; it is not drafting text."
            )
    doc = builder.build_fragment(blocks, notes, "clipboard")
    paste = _assemble(doc, builder.phrases, source)
    paste.missing_notes = missing
    paste.fragment = _is_fragment(paste, text, blocks)
    return paste


# -- HTML -----------------------------------------------------------------------------------
def _labelled(blocks: list[HtmlBlock]) -> list[Block]:
    """Blocks with the numbers of automatic lists typed in front ("(a) "), so that
    numbering read from HTML lists and typed numbers take one path into structure."""
    out: list[Block] = []
    for hb in blocks:
        b = hb.block.strip()
        label = _list_label(hb)
        if label and not _LABEL_START_RE.match(b.text):
            shift = len(label) + 1
            b = Block(
                f"{label} {b.text}",
                [Span(s.start + shift, s.end + shift) for s in b.italics],
                [Mark(m.offset + shift, m.label, m.key) for m in b.marks],
            )
        out.append(b)
    return out


def _list_label(hb: HtmlBlock) -> str:
    """The number an automatic list shows: "1.", "(a)", "(i)" by the list's type, or by its
    depth when the list says nothing (the UN ladder: 1., (a), (i))."""
    if hb.level is None or hb.list_type is None or hb.list_type == "bullet":
        return ""
    n = max(1, hb.list_number)
    kind = hb.list_type
    if kind in ("a", "A"):
        return f"({letters(n)})"
    if kind in ("i", "I"):
        return f"({roman(n)})"
    return f"{n}."


# -- plain text -------------------------------------------------------------------------------
def printed_line_paragraphs(
    lines: list[str], phrases: PhraseBook
) -> tuple[list[str], list[FootnoteDef]]:
    """The paragraphs (their printed lines joined) and the footnotes of a PDF's text layer,
    read as a paste is: page furniture and running titles dropped, each page's notes
    matched to their numbers, the adoption lines kept (for a text layer saved as a file,
    :mod:`.textlayer`)."""
    body, regions, _ = _separate_notes(lines, phrases, adoption=True)
    return _paragraphs(body, phrases), _page_notes(regions)


def _plain_blocks(text: str, phrases: PhraseBook) -> tuple[list[Block], list[FootnoteDef], str]:
    if not text.strip():
        return [], [], "text"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    if not _wrapped(lines) and is_pdf_text(text):
        # the PDF-text form of the corpus (a paragraph a line, notes after the rule, or
        # inline "(Footnote: …)"): its own reader, exactly as an added document
        _, pdf_blocks, pdf_notes = PdfTextReader().blocks(text)
        return pdf_blocks, pdf_notes, "pdf-text"
    lines, trailing = _trailing_notes(lines)
    body, note_regions, pdf_like = _separate_notes(lines, phrases)
    if trailing:
        note_regions.append(trailing)
        pdf_like = True
    notes = _page_notes(note_regions)
    paragraphs = _paragraphs(body, phrases)
    blocks: list[Block] = []
    for para in paragraphs:
        if _SUPERSCRIPT_DEF_RE.match(para):
            inner = parse_inline(para)
            label = inner.marks[0].label if inner.marks else "?"
            notes.append(FootnoteDef(label, inner.text.strip(), inner.italics))
            continue
        blocks.append(parse_inline(para))
    if not any(b.marks for b in blocks):
        # the marks of the footnotes copied with the text, then those of footnotes whose
        # text was not copied (a repeat of an earlier note, a note on the next page)
        blocks = _take_marks(blocks, [n.label for n in notes], repeats=pdf_like)
        if pdf_like:
            blocks = take_spaced_repeats(blocks, [n.label for n in notes])
        known = {n.label for n in notes}
        guessed = _guessed_labels([b.text for b in blocks])
        blocks = _take_marks(blocks, [x for x in guessed if x not in known])
    return blocks, notes, "pdf-text" if pdf_like else "text"


def _take_marks(
    blocks: list[Block], labels: list[str], first: int = 0, repeats: bool = False
) -> list[Block]:
    """``blocks`` with the bare-digit marks ``labels`` (in order) taken out of the text of
    ``blocks[first:]`` (``repeats``: glued repeats of a placed mark too, as older PDFs
    print them — see :func:`find_marks`)."""
    if not labels:
        return blocks
    texts, marks = find_marks([b.text for b in blocks], labels, first=first, repeats=repeats)
    return [
        b
        if t == b.text  # untouched: its printed lines and place kept (a masthead group)
        else Block(t, _shift_spans(b, t, mk), sorted([*b.marks, *mk], key=lambda m: m.offset), [t])
        for b, t, mk in zip(blocks, texts, marks, strict=True)
    ]


def take_spaced_repeats(blocks: list[Block], labels: list[str]) -> list[Block]:
    """Older PDFs repeat a note's mark at a later mention; poppler spaces it ("Goals 2
    for", "Development, 2 taking"). Looked for in the paragraphs after the mark's first
    place only, under the rules of :mod:`.marks`."""
    for label in labels:
        where = [i for i, b in enumerate(blocks) if any(m.label == label for m in b.marks)]
        start = where[0] + 1 if where else len(blocks)
        while start < len(blocks):
            before = [len(b.marks) for b in blocks]
            blocks = _take_marks(blocks, [label], first=start)
            found = [i for i, b in enumerate(blocks) if len(b.marks) > before[i]]
            if not found:
                break
            start = found[0] + 1
    return blocks


def _shift_spans(old: Block, new_text: str, marks: list[Mark]) -> list[Span]:
    """Italic spans of ``old`` after the mark digits were cut out of its text (``new_text``
    is ``old.text`` less some characters: each old offset maps to the next kept one)."""
    del marks
    if not old.italics or old.text == new_text:
        return list(old.italics)
    where: list[int] = []
    j = 0
    for ch in old.text:
        where.append(j)
        if j < len(new_text) and new_text[j] == ch:
            j += 1
    where.append(j)
    return [Span(where[s.start], where[s.end]) for s in old.italics]


def _wrapped(lines: list[str]) -> bool:
    """Whether the text's lines are printed lines (a PDF viewer's copy): many lines stop
    without punctuation and the next line goes on — in lower case, or after a full
    printed line ("… Rights, 1 the" / "International Covenant …": names wrap in capitals).
    A paragraph a line (the corpus's PDF-text form) has long lines of every length and
    short unclosed lines only in its masthead."""
    body = [ln.strip() for ln in lines]
    filled = sorted(len(ln) for ln in body if ln)
    if not filled:
        return False
    width = filled[int(0.8 * (len(filled) - 1))]
    runs_on = sum(
        1
        for a, b in itertools.pairwise(body)
        if a
        and b
        and not _closed(a)
        and not RULE_RE.match(b)
        and not _LABEL_START_RE.match(b)
        and (b[:1].islower() or (len(a) >= 0.75 * width and len(a) <= 130))
    )
    return runs_on >= max(2, len(filled) // 10)


def _furniture(line: str) -> bool:
    return any(r.match(line) for r in _FURNITURE_RES)


def _page_header(line: str) -> bool:
    return any(r.match(line) for r in _PAGE_HEADER_RES)


def _separate_notes(
    lines: list[str], phrases: PhraseBook, adoption: bool = False
) -> tuple[list[str | None], list[list[str]], bool]:
    """Body lines (None for a blank line) and the footnote lines under each page's rule.
    A region of notes ends at the next page's running header or at a line that is body
    text again (a typed number, an opening phrase). The adoption lines ("30th plenary
    meeting" / "1 November 2018") are left out of a paste; with ``adoption`` they are kept,
    each a paragraph of its own (a document read from its text layer ends with them, and
    an annex follows them)."""
    body: list[str | None] = []
    regions: list[list[str]] = []
    running = _running_title(lines)
    in_notes = False
    pdf_like = False
    after_plenary = False
    after_footer = 0  # lines of the notes region before the page's footer (job, "2/5")
    for k, raw in enumerate(lines):
        line = raw.strip()
        if RULE_RE.match(line):
            in_notes = True
            pdf_like = True
            regions.append([])
            after_footer = 0
            continue
        if _PLENARY_RE.match(line) or (after_plenary and _DATE_LINE_RE.match(line)):
            after_plenary = bool(_PLENARY_RE.match(line))
            if adoption:
                in_notes = False
                body.extend((None, line, None))
            continue
        if line:
            after_plenary = False
        if line in running and _near_header(lines, k):
            continue
        if _furniture(line) or _page_header(line):
            if _page_header(line) and pdf_like:
                _drop_running_title(body)
                if in_notes:
                    # the next page's running title printed over its symbol, after this
                    # page's footer: not the text of a note (A/RES/73/3, pages 2–10)
                    title = regions[-1][after_footer:]
                    if 0 < len(title) <= 3 and not any(_closed(t) for t in title):
                        del regions[-1][after_footer:]
            pdf_like = True
            if _page_header(line):
                in_notes = False
            elif in_notes:
                after_footer = len(regions[-1])
            continue
        if in_notes and line:
            if _LABEL_START_RE.match(line) or (
                len(line) > 40 and phrases.split(line) is not None and line[0].isupper()
            ):
                in_notes = False
            else:
                regions[-1].append(line)
                continue
        body.append(raw.rstrip() if line else None)
    return body, regions, pdf_like


# How near a page's symbol its running title is printed (in lines, blank lines counted)
_HEADER_REACH = 4


def _near_header(lines: list[str], k: int) -> bool:
    """Whether line ``k`` stands within a few lines of a page's symbol ("A/RES/73/3")."""
    lo, hi = max(0, k - _HEADER_REACH), min(len(lines), k + _HEADER_REACH + 1)
    return any(_page_header(lines[j].strip()) for j in range(lo, hi) if j != k)


def _running_title(lines: list[str]) -> set[str]:
    """The lines of the running title a document prints by its symbol on every page after
    the first — over it on some pages, under it on others (A/RES/73/3): a line found by
    the symbol on two pages or more. Only there is it dropped."""
    seen: dict[str, int] = {}
    for k, raw in enumerate(lines):
        line = raw.strip()
        if line and not _page_header(line) and not _furniture(line) and _near_header(lines, k):
            seen[line] = seen.get(line, 0) + 1
    return {line for line, n in seen.items() if n >= 2 and not _closed(line)}


def _drop_running_title(body: list[str | None]) -> None:
    """The running title a page prints over its symbol ("Necessity of ending the …
    embargo" / "imposed by … against Cuba" / "A/RES/73/8"), after the previous page's
    furniture: up to three unclosed lines after a blank line, just before the symbol,
    are not body text (they were cutting a recital in two)."""
    end = len(body)
    while end and body[end - 1] is None:
        end -= 1
    start = end
    while start and body[start - 1] is not None and end - start < 3:
        start -= 1
    title = [ln for ln in body[start:end] if ln is not None]
    if not title or start == 0 or body[start - 1] is not None:
        return
    if any(_closed(ln) for ln in title):
        return
    del body[start:end]


def _trailing_notes(lines: list[str]) -> tuple[list[str], list[str]]:
    """Footnote texts at the end of a paste copied without the page's rule (PDF viewers
    often drop it): a last run of "N text" lines numbered one after the other ("1 See
    resolution 2200 A (XXI), annex." / "2 Ibid."), each number standing as a mark in the
    text above ("Rights, 1", "Discrimination,3"). Returns the lines before them and them
    (lines that run on from a note's text stay with it)."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    labels: list[int] = []
    i = end - 1
    while i >= 0:
        line = lines[i].strip()
        if not line:
            break
        m = NOTE_RE.match(line)
        if m is not None and not RULE_RE.match(line):
            n = int(m.group("label"))
            if labels and n != labels[-1] - 1:
                break
            labels.append(n)
            start = i
        elif _LABEL_START_RE.match(line) or (not labels and _closed(line)):
            break
        i -= 1
    if not labels or start == 0:
        return lines, []
    head = lines[:start]
    # each number a mark in the body ("Rights, 1"); else these are numbered lines of text
    guessed = set(_guessed_labels([ln.strip() for ln in head]))
    if not all(str(n) in guessed for n in labels):
        return lines, []
    return head, [ln.strip() for ln in lines[start:end] if ln.strip()]


# How a footnote's text ends (a comma or a semicolon goes on: a list of symbols)
_NOTE_END = (".", "!", "?", "”", "’", '"')


def _page_notes(regions: list[list[str]]) -> list[FootnoteDef]:
    """The footnotes of every page in order. A note the page did not hold to its end goes
    on under the next page's rule, before that page's own notes: the lines there that no
    number takes, while the last note does not close, are the rest of it (A/RES/73/6,
    note 6, a list of 19 symbols over two pages)."""
    out: list[FootnoteDef] = []
    for region in regions:
        lines = region
        if out and not out[-1].text.rstrip().endswith(_NOTE_END):
            numbers = sum(1 for ln in region if _BARE_LABEL_RE.match(ln) or NOTE_RE.match(ln))
            texts = [ln for ln in region if not _BARE_LABEL_RE.match(ln)]
            spare = len(texts) - numbers
            while spare > 0 and lines:
                if _BARE_LABEL_RE.match(lines[0]) or NOTE_RE.match(lines[0]):
                    break
                out[-1].text = join_line(out[-1].text, lines[0])
                closed = lines[0].endswith(_NOTE_END)
                lines = lines[1:]
                spare -= 1
                if closed:
                    break
        out += _notes(lines)
    return out


def _notes(region: list[str]) -> list[FootnoteDef]:
    """The footnotes of one page: "N text" lines (pypdf, Acrobat), or — as poppler gives
    the text layer — the numbers and the texts as separate lines, the numbers out of
    order: the texts are in order, so the k-th smallest number takes the k-th text."""
    defs: list[FootnoteDef] = []
    labels: list[int] = []
    loose: list[str] = []
    for line in region:
        if _BARE_LABEL_RE.match(line):
            labels.append(int(line))
            continue
        m = NOTE_RE.match(line)
        if m and not labels and not loose:
            defs.append(FootnoteDef(m.group("label"), m.group("text").strip()))
        elif defs and not labels and not loose:
            defs[-1].text = join_line(defs[-1].text, line)
        elif loose and not loose[-1].endswith(TERMINAL):
            loose[-1] = join_line(loose[-1], line)
        else:
            loose.append(line)
    labels.sort()
    for label, body in zip(labels, loose, strict=False):
        defs.append(FootnoteDef(str(label), body))
    if loose[len(labels) :] and defs:
        defs[-1].text = " ".join([defs[-1].text, *loose[len(labels) :]])
    return defs


def _closed(line: str) -> bool:
    """The line ends a sentence or clause (a footnote mark after the stop is allowed)."""
    s = _TRAILING_MARK_RE.sub("", line.rstrip())
    return s.endswith(TERMINAL)


def _paragraphs(body: list[str | None], phrases: PhraseBook) -> list[str]:
    """Paragraphs from lines: whole lines when every line closes (Word, LibreOffice and
    Qt write a paragraph per line), else wrapped lines joined again (a PDF's text layer)."""
    lines = [ln for ln in body if ln is not None and ln.strip()]
    if not lines:
        return []
    # a paragraph a line: every line closes, or no line runs on to the next one (blank
    # lines between all of them, as in a text file or Markdown)
    closes = all(_closed(ln) or _LABEL_ONLY_RE.match(ln.strip()) for ln in lines)
    runs_on = any(a and b and a.strip() and b.strip() for a, b in itertools.pairwise(body))
    whole_lines = closes or not runs_on
    lengths = sorted(len(ln.strip()) for ln in lines)
    layout = _Layout(
        whole_lines,
        lengths[int(0.8 * (len(lengths) - 1))],
        len({ln[:1].isspace() for ln in lines}) == 2,
        phrases,
    )
    out: list[str] = []
    last_line = ""
    blank_before = False
    for raw in body:
        if raw is None or not raw.strip():
            blank_before = bool(out)
            continue
        line = raw.strip()
        if not whole_lines:  # a PDF's text layer pads some glyph gaps ("Agreement, 3  which")
            line = _SPACES_RE.sub(" ", line)
        if not out:
            out.append(line)
        elif _LABEL_ONLY_RE.match(out[-1]):
            out[-1] = f"{out[-1]} {line}"  # "1." alone on its line, the text on the next
        elif layout.starts(out[-1], last_line, raw, blank_before):
            out.append(line)
        else:
            out[-1] = join_line(out[-1], line)
        last_line = line
        blank_before = False
    return _reorder_tails(out)


_SHORT_TAIL_RE = re.compile(
    r"^(?P<label>\d{1,3}\.|\([a-z]{1,5}\))\s(?P<tail>\S+(?:\s\S+){0,2}[,;:.])$"
)


def _reorder_tails(paragraphs: list[str]) -> list[str]:
    """Poppler sometimes gives a numbered paragraph's last line before its first ("(g)",
    "countries;", then "Strengthen … developing"): a label with a few closing words, then
    an unnumbered paragraph that does not close, is one paragraph in the printed order."""
    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        m = _SHORT_TAIL_RE.match(paragraphs[i])
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if m and nxt and not _LABEL_START_RE.match(nxt) and not _closed(nxt):
            out.append(f"{m.group('label')} {join_line(nxt, m.group('tail'))}")
            i += 2
            continue
        out.append(paragraphs[i])
        i += 1
    return out


@dataclass
class _Layout:
    """What the lines of a plain-text paste look like: a paragraph per line
    (``whole_lines``), or printed lines of about ``width`` characters, the first line of a
    paragraph indented when ``uses_indent`` (pypdf keeps the indent, poppler drops it)."""

    whole_lines: bool
    width: int
    uses_indent: bool
    phrases: PhraseBook

    def starts(self, prev: str, last_line: str, raw: str, blank_before: bool) -> bool:
        """Whether line ``raw`` starts a new paragraph after the paragraph ``prev``
        whose last printed line was ``last_line``."""
        line = raw.strip()
        if _LABEL_START_RE.match(line) and (blank_before or _closed(prev)):
            return True
        if _SUPERSCRIPT_DEF_RE.match(line) or AUTHORING_START_RE.match(line):
            return True
        if AUTHORING_START_RE.match(prev) and self.phrases.split(line) is not None:
            return True  # "The General Assembly" (no comma, A/RES/73/3), then "Adopts …"
        if blank_before:
            # a page break may cut a sentence: a full printed line that does not close goes
            # on after it; a short one that does not close is a title or heading
            if (
                prev.endswith(",")
                and not self.whole_lines
                and len(last_line) >= 0.75 * self.width
                and not _LABEL_START_RE.match(line)
                and self.phrases.split(line) is None
            ):
                # "… the heavy burden of tuberculosis," / page 3 / "HIV and AIDS, and …":
                # after a comma only an opening phrase or a number starts a paragraph
                return False
            if _closed(prev):
                return True
            if continues(Block(prev), Block(line), after_notes=False):
                return False
            return self.whole_lines or len(last_line) < 0.75 * self.width
        if self.whole_lines:
            return True
        if not _closed(prev):
            # a short line that does not close ends a heading or a title ("… of the" /
            # "General Assembly on the fight against tuberculosis" / "United to end …"):
            # a paragraph's lines run to the margin, its last one closes
            return (
                len(prev) <= 200
                and len(last_line) < 0.75 * self.width
                and line[:1].isupper()
                and not last_line.endswith("-")
                and FUNCTION_WORD_RE.search(last_line) is None
            )
        if self.uses_indent and raw[:1].isspace():
            return True
        if not line[:1].isupper():
            return False
        if self.phrases.split(line) is not None:
            return True
        return len(last_line) < 0.75 * self.width


def _guessed_labels(texts: list[str]) -> list[str]:
    """Footnote numbers to look for when no footnote text was copied: the numbers glued to a
    word or punctuation ("Crime,2", "Court, 5"); :func:`find_marks` decides which are marks."""
    found = [m.group(1) for t in texts for m in _GLUED_MARK_RE.finditer(t)]
    # in the order they stand: a note repeated later ("Court, 1" after mark 4) is found too
    return list(dict.fromkeys(x for x in found if x != "0"))


def _complete_notes(blocks: list[Block], notes: list[FootnoteDef]) -> list[str]:
    """Empty footnotes for marks whose text the paste does not hold; their labels."""
    keys = {n.key for n in notes if n.key is not None}
    labels = {n.label for n in notes if n.key is None}
    missing: list[str] = []
    for b in blocks:
        for m in b.marks:
            if m.key is not None and m.key not in keys:
                notes.append(FootnoteDef(m.label, "", key=m.key))
                keys.add(m.key)
                missing.append(m.label)
            elif m.key is None and m.label not in labels and m.label != "*":
                notes.append(FootnoteDef(m.label, ""))
                labels.add(m.label)
                missing.append(m.label)
    return missing


# -- result -----------------------------------------------------------------------------------
def _assemble(doc: Document, phrases: PhraseBook, source: str) -> Paste:
    paste = Paste(source=source)
    for line in [*doc.front_matter, doc.heading, doc.title, doc.authoring_body]:
        if line:
            paste.skipped.append(line)
    bodies = [(doc.chapeau, doc.preamble, doc.operative)]
    bodies += [(p.chapeau, p.preamble, p.operative) for p in doc.parts]
    for chapeau, preamble, operative in bodies:
        if chapeau is not None:  # a decision's opening ("The Conference …, decides:")
            paste.add(chapeau, None)
        for p in preamble:
            paste.add(p, _preambular(p, phrases))
        for p in _lift(operative):
            paste.add(p, Part.OPERATIVE)
    for annex in doc.annexes:
        if annex.title:
            paste.skipped.append(annex.title)
        paste.skipped.extend(annex.lines)
        for block in annex.blocks:
            if isinstance(block, Paragraph):
                paste.add(block, Part.OPERATIVE)
            else:
                paste.skipped.append(block.text)
    for q in paste.all_paragraphs():
        q.italics = _clean_spans(q.text, q.italics)
    order: dict[str, int] = {}
    for q in paste.all_paragraphs():
        for a in sorted(q.anchors, key=lambda a: a.offset):
            order.setdefault(a.footnote_id, len(order))
    paste.footnotes = sorted((f for f in doc.footnotes if f.id in order), key=lambda f: order[f.id])
    paste.unplaced = [u for u in doc.unplaced if "has no footnote text" not in u]
    return paste


def _lift(roots: list[Paragraph]) -> list[Paragraph]:
    """A selection that starts inside a numbered list ("Invites …;" then "6.", "7."):
    numbered paragraphs are siblings of the unnumbered one before them, not its
    sub-paragraphs, unless its colon opens them."""
    out: list[Paragraph] = []
    for p in roots:
        out.append(p)
        if p.source_label is None and not p.text.rstrip().endswith(":") and p.children:
            lifted = [c for c in p.children if (c.source_label or "")[:1].isdigit()]
            if lifted and len(lifted) == len(p.children):
                p.children = []
                out.extend(lifted)
    return out


def _preambular(p: Paragraph, phrases: PhraseBook) -> Part | None:
    """A preambular paragraph is one when it says so: a preambular opener, or a comma at
    the end; anything else could go either way."""
    opener = phrases.split(p.text, Part.PREAMBLE)
    if opener is not None and opener.part is Part.PREAMBLE:
        return Part.PREAMBLE
    return Part.PREAMBLE if p.text.rstrip().endswith(",") else None


def _clean_spans(text: str, spans: list[Span]) -> list[Span]:
    """Italic spans within the text, without the spaces at their edges, merged."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: s.start):
        start, end = max(0, s.start), min(len(text), s.end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if out and start <= out[-1].end + 1 and not text[out[-1].end : start].strip():
            out[-1] = Span(out[-1].start, max(out[-1].end, end))
        else:
            out.append(Span(start, end))
    return out


def _is_fragment(paste: Paste, text: str, blocks: list[Block]) -> bool:
    if len(paste.paragraphs) != 1 or len(blocks) != 1:
        return False
    p = paste.paragraphs[0]
    if p.children or p.source_label:
        return False
    # Word ends a copied paragraph with its paragraph mark; part of one has no line break
    return "\n" not in text and "\r" not in text
