"""Official UN PDFs (General Assembly resolutions and decisions as issued) into the model.

pypdf gives the text layer page by page. Each page is cleaned of what the printer added —
the job number and barcode of page 1 ("18-17414 (E)    021118", "*1817414*"), the running
header of later pages (symbol, short title, "2/5 18-17414") — and split at the short rule
above the footnotes. Paragraphs are rebuilt from the layout: a paragraph's first line is
indented (the text layer starts it with a space), its other lines are flush, and a page
break does not end a paragraph. The footnotes of all pages are gathered after one rule, and
the result, in the PDF-text form, goes through :class:`PdfTextReader` like the texts of
tests/data/realdocs/ga.

The work is bounded (:mod:`.limits`), not only the bytes: a 94 KB PDF whose pages share
one content stream of 200,000 operations cost 12 s a page. pypdf's own limits are set
tighter for the reading (the parse of one content stream, the forms a page draws, how far
a stream may inflate), every operation pypdf runs is counted per page and for the file,
and the text a file gives is capped; past a limit the file is refused with a
WorkLimitError, and a drafter's Cancel stops the reading between pages and operations.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from drafting_app.corpus.readers import own_pdf
from drafting_app.corpus.readers.limits import (
    MAX_PAGE_OPERATIONS,
    MAX_PDF_OPERATIONS,
    cancelled,
    check_fits,
    note,
    reading,
    too_much,
)
from drafting_app.corpus.readers.pdftext import RULE_RE, PdfTextReader, join_lines
from drafting_app.corpus.readers.text import TextReader
from drafting_app.errors import DraftingError, FormatError
from drafting_app.model.characters import unligated, xml_legal
from drafting_app.model.document import Document
from drafting_app.model.references import DATE_RE

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PAGES = 400
# Characters of text the pages give together (an issued 10-page resolution: 40,000).
MAX_PDF_TEXT = 4_000_000
# pypdf's limits while a file is read: parsing work of one content stream (operands and
# operators; a real page needs about 10,000), forms drawn per page, inflated stream size.
_PYPDF_LIMITS: dict[str, Any] = {
    "stream_parsing_work_maximum_count": 4 * MAX_PAGE_OPERATIONS,
    "xform_maximum_invocations_per_extraction": 200,
    "zlib_maximum_output_length": 16 * 2**20,
    "lzw_maximum_output_length": 16 * 2**20,
    "run_length_maximum_output_length": 16 * 2**20,
    "brotli_maximum_output_length": 16 * 2**20,
    "image_maximum_buffer_size": 16 * 2**20,
}

_JOB_RE = re.compile(r"^\d{2}-\d{5}\s*\([A-Z]\)")
_BARCODE_RE = re.compile(r"^\*\d{5,}\*$")
_PAGE_LINE_RE = re.compile(r"^(?:\d{2}-\d{5}\s+\d+/\d+|\d+/\d+\s+\d{2}-\d{5})$")
_FRONT_END_RE = re.compile(
    r"^(?:(?:Resolution|Decision) adopted by|\[|(?:S-)?\d+/\d+(?:\s[A-H])?\.\s"
    r"|The General Assembly)"
)
_ADOPTION_RE = re.compile(rf"^(\d+(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting) ({DATE_RE})$")
_SPACES_RE = re.compile(r"[ \u00a0]{2,}")
_LABEL_START_RE = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,5}\))\s")
_CLOSED_RE = re.compile(r"[,;:.”)]\s?\d{0,3}$")  # closing punctuation, maybe a footnote mark
# pypdf puts a space before a hyphen at some glyph gaps: "drug -resistant", "people -centred"
_HYPHEN_GAP_RE = re.compile(r"(?<=\w) -(?=\w)")


def read_pdf_bytes(data: bytes, name: str) -> Document:
    """A :class:`Document` from the bytes of an official UN PDF; FormatError for bytes that
    are empty, not a PDF, truncated, encrypted, unreadable, without a text layer or past
    a work limit."""
    with reading(name):
        pages = _page_texts(data, name)
        own = isinstance(pages, str)
        text, illegal = xml_legal(pages if isinstance(pages, str) else pdf_pages_to_text(pages))
        if illegal:
            note(f"{name}: {illegal} control characters of the text layer replaced by a space.")
        if own:  # the app's own export, rebuilt by position (own_pdf)
            doc = check_fits(TextReader().read(text, name), name)
        else:
            doc = check_fits(PdfTextReader(repeat_marks=True).read(text, name), name)
    if not (doc.preamble or doc.operative or doc.chapeau or doc.annexes or doc.parts):
        raise FormatError(
            f"{name} holds no resolution or decision text "
            "(no preambular or operative paragraphs were found in its text layer)."
        )
    return doc


def _page_texts(data: bytes, name: str) -> list[str] | str:
    """The text of each page of an issued PDF; the app's own PDF as one Markdown text."""
    if not data.strip():
        raise FormatError(f"{name} is empty: there is no PDF to read.")
    if len(data) > MAX_PDF_BYTES:
        raise FormatError(f"{name} is larger than {MAX_PDF_BYTES // 2**20} MB.")
    if b"%PDF-" not in data[:1024]:
        raise FormatError(f"{name} is not a PDF file (it has no %PDF header).")
    if b"%%EOF" not in data[-2048:]:
        raise FormatError(
            f"{name} is truncated: the PDF has no end-of-file marker (the download or copy "
            "was cut off)."
        )
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken files log noise, we report
    try:
        with apply_configuration(**_PYPDF_LIMITS):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise FormatError(
                    f"{name} is password-protected; open it and save a copy without a password."
                )
            if len(reader.pages) > MAX_PAGES:
                raise FormatError(
                    f"{name} has {len(reader.pages)} pages; that is not a resolution."
                )
            info = reader.metadata
            own = info is not None and str(info.get("/Creator", "")) == own_pdf.CREATOR
            pages = _Pages(name, own)
            texts = pages.texts(reader.pages)
            return own_pdf.markdown(pages.runs) if own else texts
    except DraftingError:  # refusals, work limits, the drafter's Cancel
        raise
    except LimitReachedError as exc:
        # pypdf's own limits, set above: a content stream, a page's forms, an inflated stream
        raise too_much(name, f"more content in one place than any page has ({exc})") from exc
    except (FileNotDecryptedError, DependencyError) as exc:
        raise FormatError(f"{name} is encrypted and cannot be read ({exc}).") from exc
    except Exception as exc:
        # A damaged PDF can make pypdf fail anywhere in its parser with any exception type;
        # the drafter needs one clear message, not a traceback.
        raise FormatError(f"{name} is a damaged PDF that cannot be read ({exc}).") from exc


class _Pages:
    """The text of each page, every operation pypdf runs counted against the limits."""

    def __init__(self, name: str, own: bool = False) -> None:
        self.name = name
        self.page_ops = 0
        self.total_ops = 0
        self.chars = 0
        # The app's own PDF: its runs placed by position (own_pdf), in the same reading.
        self.own = own
        self.runs: list[list[own_pdf.Run]] = []

    def _count(self, *_args: object) -> None:
        self.page_ops += 1
        self.total_ops += 1
        if self.page_ops > MAX_PAGE_OPERATIONS:
            raise too_much(self.name, f"a page of more than {MAX_PAGE_OPERATIONS:,} operations")
        if self.total_ops > MAX_PDF_OPERATIONS:
            raise too_much(self.name, f"more than {MAX_PDF_OPERATIONS:,} operations in its pages")
        if self.total_ops % 1024 == 0:
            cancelled()

    def texts(self, pages: object) -> list[str]:
        out = []
        runs = self.runs
        for page in pages:  # type: ignore[attr-defined]
            cancelled()
            self.page_ops = 0
            collect = own_pdf.RunCollector() if self.own else None
            text = page.extract_text(visitor_operand_before=self._count, visitor_text=collect)
            text = unligated(text or "")
            self.chars += len(text)
            if self.chars > MAX_PDF_TEXT:
                raise too_much(self.name, f"more than {MAX_PDF_TEXT:,} characters of text")
            out.append(text)
            if collect is not None:
                runs.append(collect.runs)
        return out


@dataclass
class _Assembly:
    """Paragraphs and footnotes rebuilt from the cleaned lines of every page."""

    front: list[list[str]] = field(default_factory=list)
    # Each paragraph's lines, joined once at the end (joining line by line copied the text
    # so far at every line: quadratic on a PDF of one paragraph of short lines).
    paragraphs: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    in_front: bool = True
    open_paragraph: bool = False

    def front_line(self, line: str, blank: bool) -> None:
        if blank:
            if self.front and self.front[-1]:
                self.front.append([])
            return
        if not self.front:
            self.front.append([])
        # "United Nations  A/RES/73/7": the organization and the symbol share a line
        self.front[-1].extend(part for part in _SPACES_RE.split(line.strip()) if part)

    def body_line(self, raw: str) -> None:
        if not raw.strip():
            self.open_paragraph = False
            return
        line = _SPACES_RE.sub(" ", raw.strip())
        if raw[:1].isspace() or not self.open_paragraph or self._numbered_start(line):
            self.paragraphs.append([line])
            self.open_paragraph = True
        else:
            self.paragraphs[-1].append(line)

    def _numbered_start(self, line: str) -> bool:
        """A line "3. Requests …" or "(b) …" after a closed sentence starts a paragraph even
        where the text layer lost the indent."""
        # The end of the paragraph so far is the end of its last lines joined.
        end = join_lines(self.paragraphs[-1][-6:])[-8:]
        return bool(_LABEL_START_RE.match(line)) and bool(_CLOSED_RE.search(end))

    def note_line(self, raw: str) -> None:
        """Footnote lines of every page in order; a note that runs on to the next line or
        page is rejoined by the PDF-text reader (the next line lacks the next number)."""
        line = _SPACES_RE.sub(" ", raw.strip())
        if line:
            self.notes.append(_HYPHEN_GAP_RE.sub("-", line))

    def text(self) -> str:
        blocks = ["\n".join(g) for g in self.front if g]
        for p in map(join_lines, self.paragraphs):
            p = _HYPHEN_GAP_RE.sub("-", p)
            m = _ADOPTION_RE.match(p)
            blocks.append(f"{m.group(1)}\n{m.group(2)}" if m else p)
        out = "\n\n".join(blocks)
        if self.notes:
            out += "\n\n__________________\n" + "\n".join(self.notes)
        return out + "\n"


def pdf_pages_to_text(pages: list[str]) -> str:
    """The PDF-text form (see :mod:`drafting_app.corpus.readers.pdftext`) of the page texts
    of an issued UN document."""
    asm = _Assembly()
    for index, page in enumerate(pages):
        lines = page.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines = _strip_page_furniture(lines, first=index == 0)
        in_notes = False
        for raw in lines:
            stripped = raw.strip()
            if RULE_RE.match(stripped):
                in_notes = True
                asm.in_front = False
                continue
            if in_notes:
                asm.note_line(raw)
            elif asm.in_front and not _FRONT_END_RE.match(stripped):
                asm.front_line(raw, blank=not stripped)
            else:
                asm.in_front = False
                asm.body_line(raw)
    return asm.text()


def _strip_page_furniture(lines: list[str], first: bool) -> list[str]:
    """Page 1 without its job number and barcode; later pages without the running header
    (symbol, short title, page number and job number)."""
    if first:
        return [
            ln for ln in lines if not (_JOB_RE.match(ln.strip()) or _BARCODE_RE.match(ln.strip()))
        ]
    for i, ln in enumerate(lines[:8]):
        if _PAGE_LINE_RE.match(_SPACES_RE.sub(" ", ln.strip())):
            rest = lines[i + 1 :]
            while rest and not rest[0].strip():
                rest = rest[1:]
            return rest
    return lines
