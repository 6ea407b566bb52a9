"""Reader for resolutions as text extracted from the issued PDF page by page, as public text
collections hold them (A/RES/80/1–70 of the railcar collection, tests/data/realdocs/railcar).

What such a text keeps of the printed pages, and what this reader does with it:

- an optional YAML front matter (``symbol``, ``date``, ``source_pdf`` …): skipped, its symbol
  and date kept for the masthead when the text lost them;
- the masthead run together ("General Assembly Distr.: General 3 December 2025",
  "Eightieth session Agenda item 91 Implementation of …"): split into its lines again;
- the footnotes where each page ended ("1 United Nations, Treaty Series, vol. 610, No. 8843."),
  after a rule ("____", "---", a "---" glued to the last line) or none, or gathered at the end
  as Markdown definitions ("[^1]: …"): moved to the notes, numbered in sequence — a number
  that breaks the sequence is the text of the note before ("2270 (2016),\n[^2321]: (2016)");
- the running header of each page (the short title, the symbol, both, or in the layout form
  symbol, title, job number and "2/5"): dropped;
- a paragraph cut by a page break, with footnotes or the header in between ("…and of the" /
  notes / "threat or use of force …"): joined again;
- numbered paragraphs left in one block or on one line ("…Development.2 2. We
  acknowledge …"): split at the next paragraph number;
- a paragraph whose last line the text layer lost ("…the goals of disability-inclusive" /
  "Reaffirming the commitment …"): not joined to the next item, flagged as cut;
- the footnote marks as bare digits, glued or spaced ("2008,2", "2014, 3", "report4",
  "20233" = 2024 + 3, "Parties, 8and"), or as Markdown references ("report[^6]"): found by
  :func:`~drafting_app.corpus.readers.marks.find_marks` in the order of the notes;
- the layout form (a text layer kept line by line: labels on a line of their own "1. ",
  blank lines " " between paragraphs, an empty line between pages): its lines joined into
  paragraphs first.

The blocks then go through :class:`~drafting_app.corpus.readers.structure.StructureBuilder`
like those of every other reader; the labels the text layer lost ("(a)" printed in the margin)
are inferred there, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from drafting_app.corpus.readers.blocks import TERMINAL, Block, FootnoteDef, Mark, normalise_spaces
from drafting_app.corpus.readers.marks import find_marks
from drafting_app.corpus.readers.pdftext import join_line
from drafting_app.corpus.readers.structure import ANNEX_LINE_RE, StructureBuilder
from drafting_app.model.document import Document, Part, ReadWarning
from drafting_app.model.references import MONTHS
from drafting_app.phrases import PhraseBook, default_phrasebook

_YAML_RE = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n)*?)---[ \t]*(?:\n|\Z)")
_YAML_LINE_RE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):\s*(?P<value>.*)$")
_YAML_KEYS = ("source_pdf", "extract_version", "record_id")
_MERGED_MASTHEAD_RE = re.compile(
    r"^(?:General Assembly|Security Council|Economic and Social Council)\s+Distr\.:", re.M
)
_JOB_RE = re.compile(r"^\s*\d{2}-\d{5}(?:\s*\([A-Z]\))?\s*(?:\d{6})?\s*$")
_BARCODE_RE = re.compile(r"^\s*\*\d{6,}\*\s*$")
_PAGE_NUMBER_RE = re.compile(r"^\s*\d{1,3}/\d{1,3}\s*$")
_RULE_RE = re.compile(r"^\s*(?:_{5,}|-{3,})\s*$")
_GLUED_RULE_RE = re.compile(r"\s+-{3,}\s*$")
_TITLE_RE = re.compile(r"^(?:S-)?\d+/\d+(?:\s[A-H](?:,\s[A-H])*(?:\sand\s[A-H])?)?\.\s+\S")
_NOTE_RE = re.compile(r"^\s*(?P<label>\d{1,3})\s+(?P<text>\S.*)$")
_MD_NOTE_RE = re.compile(r"^\s*\[\^(?P<label>\d{1,5})\]:\s*(?P<text>.*)$")
_MD_REF_RE = re.compile(r"\[\^(?P<label>\d{1,5})\]")
_LABEL_ONLY_RE = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,5}\)|[IVX]{1,6}\.)$")
_LABEL_START_RE = re.compile(r"^(?P<label>\d{1,3}\.|\([a-z]{1,5}\))\s+\S")
_ANNEX_LINE_RE = ANNEX_LINE_RE
_ADOPTION_RE = re.compile(
    r"^(?P<meeting>\d+(?:st|nd|rd|th)\s(?:\(resumed\)\s)?plenary meeting)\s+"
    rf"(?P<date>\d{{1,2}}\s(?:{'|'.join(MONTHS)})\s\d{{4}})$"
)
_CLOSED_RE = re.compile(r"[,;:.”’\")]\s?\d{0,3}$")
_MASTHEAD_BODY_RE = re.compile(
    r"^(?P<body>General Assembly|Security Council|Economic and Social Council)\s+"
    r"(?P<distr>Distr\.:\s*\S+)(?:\s+(?P<date>\d{1,2}\s\w+\s\d{4}))?(?:\s+(?P<rest>.+))?$"
)
_MASTHEAD_ORG_RE = re.compile(r"^(?P<org>United Nations)\s+(?P<symbol>[A-Z][\w.]*(?:/[\w.\-]+)+)$")
_MASTHEAD_SESSION_RE = re.compile(
    r"^(?P<session>[A-Z][a-z\-]+(?:-[a-z]+)?\s(?:special\s)?session)\s+"
    r"(?P<item>Agenda items?\s\d+(?:\s\([a-z]{1,3}\))?"
    r"(?:(?:,\s|\sand\s)\d+(?:\s\([a-z]{1,3}\))?)*)(?:\s+(?P<title>\S.*))?$"
)
_FUNCTION_WORD_RE = re.compile(
    r"\b(?:the|of|to|and|or|against|for|in|on|by|with|a|an|its|their|that|from|as|at|"
    r"which|whose|under|between|into|upon|towards)$"
)
# A paragraph that runs on past a page break is long; a short unclosed line is a heading.
_RUN_ON_MIN = 100
# The operative verb of a numbered paragraph the extractor glued into a footnote text.
_GLUED_PARAGRAPH_RE = re.compile(r"\s(?P<number>\d{1,3})\.\s+(?P<word>[A-Z][a-z]+)\b")


def front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """The YAML front matter of ``text`` (keys and unquoted values), the text after it and
    the number of lines it took."""
    m = _YAML_RE.match(text)
    if not m:
        return {}, text, 0
    meta: dict[str, str] = {}
    for line in m.group("body").splitlines():
        kv = _YAML_LINE_RE.match(line.strip())
        if kv:
            value = kv.group("value").strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[kv.group("key")] = value
    return meta, text[m.end() :], text[: m.end()].count("\n")


def is_pdf_extract(text: str) -> bool:
    """Whether ``text`` is a resolution extracted from its PDF page by page: a front matter
    naming the source PDF, the masthead run together on one line, or the job number and
    barcode of page 1 kept by the text layer."""
    head = text.lstrip("\ufeff")
    meta, body, _ = front_matter(head)
    if any(k in meta for k in _YAML_KEYS):
        return True
    sample = body[:4000]
    if _MERGED_MASTHEAD_RE.search(sample):
        return True
    lines = sample.splitlines()
    return any(_BARCODE_RE.match(ln) for ln in lines) and any(_JOB_RE.match(ln) for ln in lines)


@dataclass
class _Raw:
    """A blank-line group of source lines: body text, a footnote definition, or a page
    break where notes, a rule or a running header stood."""

    lines: list[str]
    line: int
    kind: str = "body"  # body | break
    notes: list[tuple[str, str, int]] = field(default_factory=list)  # (label, text, line)
    cut: bool = False  # the text layer lost the end of this paragraph

    @property
    def text(self) -> str:
        out = ""
        for ln in self.lines:
            ln = ln.strip()
            if not ln:
                continue
            out = join_line(out, ln) if out else ln
        return out


class PdfExtractReader:
    """Reads a resolution extracted page by page from its PDF (module docstring)."""

    def __init__(
        self, builder: StructureBuilder | None = None, phrases: PhraseBook | None = None
    ) -> None:
        self.phrases = phrases or default_phrasebook()
        self.builder = builder or StructureBuilder(self.phrases)
        self.warnings: list[ReadWarning] = []
        self._layout = False

    def read(self, text: str, source: str = "") -> Document:
        meta, blocks, notes = self.blocks(text)
        doc = self.builder.build(blocks, notes, source)
        if self.warnings:
            doc.warnings = sorted([*doc.warnings, *self.warnings], key=lambda w: w.line)
        if doc.masthead is not None:
            if not doc.masthead.symbol and meta.get("symbol"):
                doc.masthead.symbol = meta["symbol"]
            if not doc.masthead.date and meta.get("date"):
                doc.masthead.date = _long_date(meta["date"])
        return doc

    # -- splitting --------------------------------------------------------------------------
    def blocks(self, text: str) -> tuple[dict[str, str], list[Block], list[FootnoteDef]]:
        """The front matter, the body blocks with their marks and the footnotes."""
        self.warnings = []
        text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        meta, body, skipped = front_matter(text)
        lines = body.split("\n")
        self._layout = any(_JOB_RE.match(ln) for ln in lines[:40]) or any(
            _PAGE_NUMBER_RE.match(ln) for ln in lines
        )
        if self._layout:
            raws = _layout_raws(lines, skipped + 1)
        else:
            raws = _flow_raws(lines, skipped + 1)
        title_at = next(
            (i for i, r in enumerate(raws) if r.kind == "body" and _TITLE_RE.match(r.text)), None
        )
        raws = _split_adoption(_split_numbered(self._notes_out(raws, title_at), title_at))
        title = _title_text(raws[title_at]) if title_at is not None else ""
        symbol = meta.get("symbol", "")
        notes = [FootnoteDef(label, txt) for r in raws for label, txt, _ in r.notes]
        body_raws = self._page_joins(raws, title_at, title, symbol)
        body_raws = self._split_preamble_lines(body_raws, title_at)
        self._cut_ends(body_raws)
        blocks, notes = self._marks(body_raws, notes, title_at)
        return meta, blocks, notes

    def _notes_out(self, raws: list[_Raw], title_at: int | None) -> list[_Raw]:
        """Footnote definitions out of the body, in sequence: a block whose first line is
        "N text" for the next note number N (or "[^N]: text") is a note; the other lines of
        the block continue it; a block after the title only."""
        out: list[_Raw] = []
        expected = 1
        start = (title_at or 0) + 1 if title_at is not None else 0
        body_so_far: list[str] = []
        last_number = 0
        for i, r in enumerate(raws):
            if i < start or r.kind != "body":
                out.append(r)
                continue
            first = r.lines[0].strip() if r.lines else ""
            md = _MD_NOTE_RE.match(first)
            plain = _NOTE_RE.match(first)
            is_note = bool(md and int(md.group("label")) == expected) or bool(
                plain
                and int(plain.group("label")) == expected
                and not _LABEL_START_RE.match(first)
                and _marked_before(str(expected), body_so_far)
            )
            if md and not is_note and out and out[-1].kind == "break" and out[-1].notes:
                # "[^2321]: (2016) and 2375 (2017)." — a wrapped line read as a definition
                last = out[-1].notes[-1]
                out[-1].notes[-1] = (
                    last[0],
                    f"{last[1]} {md.group('label')} {md.group('text')}",
                    last[2],
                )
                continue
            if not is_note:
                out.append(r)
                body_so_far.append(r.text)
                label = _LABEL_START_RE.match(first)
                if label and label.group("label").endswith("."):
                    last_number = int(label.group("label")[:-1])
                continue
            notes = _parse_notes(r.lines, r.line, expected)
            expected += len(notes)
            if out and out[-1].kind == "break":
                out[-1].notes.extend(notes)
            else:
                out.append(_Raw([], r.line, "break", notes))
            out.extend(self._glued_paragraphs(out[-1], last_number))
        return out

    def _glued_paragraphs(self, brk: _Raw, last_number: int) -> list[_Raw]:
        """A numbered paragraph the extractor put into the last footnote of a page
        ("…annex II, sect. III.A. 9. Decides to include …"): a note never holds the next
        paragraph of the text, so it is taken out again, with the adoption line after it."""
        if not brk.notes:
            return []
        label, text, line = brk.notes[-1]
        for m in _GLUED_PARAGRAPH_RE.finditer(text):
            if int(m.group("number")) != last_number + 1:
                continue
            opener = self.phrases.split(m.group("word") + text[m.end() :], Part.OPERATIVE)
            if opener is None or opener.part is not Part.OPERATIVE:
                continue
            brk.notes[-1] = (label, text[: m.start()].rstrip(), line)
            rest = text[m.start() :].strip()
            raws: list[_Raw] = []
            adoption = re.search(
                r"\s(\d+(?:st|nd|rd|th)\s(?:\(resumed\)\s)?plenary meeting\s.+)$", rest
            )
            if adoption:
                raws.append(_Raw([rest[: adoption.start()].strip()], line))
                raws.append(_Raw([adoption.group(1)], line))
            else:
                raws.append(_Raw([rest], line))
            self.warnings.append(
                ReadWarning(
                    line,
                    f"Footnote {label} ran on into paragraph {m.group('number')} of the text "
                    "(the page's text layer put them together); the paragraph was taken out "
                    "of the footnote.",
                )
            )
            return raws
        return []

    def _page_joins(
        self, raws: list[_Raw], title_at: int | None, title: str, symbol: str
    ) -> list[_Raw]:
        """Body blocks with the running headers dropped and the paragraphs a page break
        cut joined again."""
        headers = _header_texts(title, symbol)
        out: list[_Raw] = []
        after_break = False
        start = title_at if title_at is not None else len(raws)
        formula_seen = False
        numbered_seen = False
        for i, r in enumerate(raws):
            if r.kind == "break":
                after_break = True
                continue
            text = r.text
            if i <= start or not formula_seen:
                out.append(r)
                formula_seen = formula_seen or (i > start and _formula(text))
                continue
            prev = out[-1] if out else None
            after_annex = prev is not None and bool(_ANNEX_LINE_RE.match(prev.text))
            if not self._layout and not after_annex and _normal(text) in headers:
                # the running header of a page (in the layout form the page furniture is
                # gone already, and the title of an annex repeats the title on purpose)
                after_break = True
                continue
            if _LABEL_START_RE.match(text) and text[:1].isdigit():
                numbered_seen = True
            if prev is not None and self._continues(prev.text, text, after_break, numbered_seen):
                prev.lines.extend(r.lines)
            else:
                out.append(r)
            after_break = False
        return out

    def _continues(self, prev: str, nxt: str, after_break: bool, numbered: bool) -> bool:
        """Whether ``nxt`` is the rest of ``prev`` cut by a page break: ``prev`` stops
        mid-sentence and ``nxt`` carries no label and starts in lower case, or a page break
        was marked between them, or ``prev`` ends on a word that cannot end a paragraph,
        or ``prev`` runs long and ``nxt`` does not open like a preambular paragraph."""
        if not nxt or _LABEL_START_RE.match(nxt) or _LABEL_ONLY_RE.match(nxt.strip()):
            return False
        if _ADOPTION_RE.match(nxt) or _ANNEX_LINE_RE.match(nxt.strip()):
            return False
        if _closed(prev):
            # a comma ends no paragraph the next one starts in lower case ("…accessible,
            # safe," / "affordable, adequate housing …"): the page turned there
            return nxt[:1].islower() and (after_break or prev.rstrip().endswith(","))
        if nxt[:1].islower():
            return True
        if self._opens_item(nxt):
            # "…the goals of disability-inclusive" / "Reaffirming the commitment …": the
            # next item of a list; the last line of the one before is lost (_cut_ends)
            return False
        if after_break or _FUNCTION_WORD_RE.search(prev):
            return True
        if len(prev) < _RUN_ON_MIN:
            return False
        if numbered:
            return True
        opener = self.phrases.split(nxt, Part.PREAMBLE)
        return opener is None

    def _split_preamble_lines(self, raws: list[_Raw], title_at: int | None) -> list[_Raw]:
        """Two preambular paragraphs the extractor left in one block ("…multilateralism,\\n
        Convinced that …"): a line that opens with a preambular phrase followed by a word in
        lower case, after a line ending with a comma, starts a paragraph."""
        if title_at is None:
            return raws
        out: list[_Raw] = []
        in_preamble = False
        for i, r in enumerate(raws):
            text = r.text
            if i > title_at and _formula(text):
                in_preamble = True
            elif _LABEL_START_RE.match(text) and text[:1].isdigit():
                in_preamble = False
            if not in_preamble or len(r.lines) < 2:
                out.append(r)
                continue
            current = _Raw([r.lines[0]], r.line)
            out.append(current)
            for k, ln in enumerate(r.lines[1:], start=1):
                prev_line = r.lines[k - 1].rstrip()
                if prev_line.endswith(",") and self._opens_preamble(ln.strip()):
                    current = _Raw([ln], r.line + k)
                    out.append(current)
                else:
                    current.lines.append(ln)
        return out

    def _cut_ends(self, raws: list[_Raw]) -> None:
        """Paragraphs whose end the text layer lost: a printed paragraph always ends with
        punctuation, so one that stops mid-sentence right before the next label, the
        adoption line or the next item of a list lost its last line ("…arms limitation
        agreements to" / "4. Encourages"; "…the goals of disability-inclusive" /
        "Reaffirming the commitment …"): its closing punctuation is unknown, and the reader
        says so."""
        formula = next((i for i, r in enumerate(raws) if _formula(r.text)), None)
        if formula is None:
            return
        for r, nxt in zip(raws[formula + 1 :], raws[formula + 2 :], strict=False):
            text, after = r.text, nxt.text
            if _ANNEX_LINE_RE.match(text.strip()) or _ANNEX_LINE_RE.match(after.strip()):
                continue
            if len(text) < _RUN_ON_MIN or _closed(text):
                continue
            label = _LABEL_START_RE.match(text)
            if label is not None:
                if not (
                    _LABEL_START_RE.match(after)
                    or _ADOPTION_LINE_RE.match(after)
                    or self._opens_item(after)
                ):
                    continue
                which = f"Paragraph {label.group('label')}"
            elif self._opens_item(after):
                which = f"The paragraph “{text[:30].rstrip()}…”"
            else:
                continue
            r.cut = True
            self.warnings.append(
                ReadWarning(
                    r.line,
                    f"{which} stops mid-sentence (“…{text[-40:].lstrip()}”) before the "
                    "next paragraph: the end of its text is missing in the source; restore "
                    "it from the issued document.",
                )
            )

    def _opens_item(self, text: str) -> bool:
        """Whether ``text`` starts the next item of a list or the next paragraph, never the
        rest of a sentence: a participle in capitals then words in lower case, or a
        preambular phrase ("Recognizing that the social …")."""
        if _gerund_item(text):
            return True
        opener = self.phrases.split(text, Part.PREAMBLE)
        return opener is not None and opener.part is Part.PREAMBLE and text[:1].isupper()

    def _opens_preamble(self, line: str) -> bool:
        opener = self.phrases.split(line, Part.PREAMBLE)
        if opener is None or opener.part is not Part.PREAMBLE:
            return False
        rest = line[len(opener.text) :].lstrip()
        return rest[:1].islower()

    def _marks(
        self, raws: list[_Raw], notes: list[FootnoteDef], title_at: int | None
    ) -> tuple[list[Block], list[FootnoteDef]]:
        """Blocks with their footnote marks: Markdown references first, then the bare digits
        of the other notes in note order."""
        texts: list[str] = []
        inline: list[list[tuple[int, str]]] = []
        for r in raws:
            text, refs = _take_refs(rejoin_hyphens(r.text))
            texts.append(text)
            inline.append(refs)
        referenced = {label for refs in inline for _, label in refs}
        labels = [n.label for n in notes if n.label not in referenced]
        first = next(
            (i for i, r in enumerate(raws) if r.kind == "body" and _TITLE_RE.match(r.text)), 0
        )
        found_texts, found = find_marks(texts, labels, first=first)
        blocks: list[Block] = []
        for r, text, marks, refs in zip(raws, found_texts, found, inline, strict=True):
            text, marks = _place_refs(text, marks, refs)
            lines = [ln.strip() for ln in r.lines if ln.strip()]
            block = Block(
                text, marks=marks, lines=lines if len(lines) > 1 else [text], line=r.line, cut=r.cut
            )
            # the spaces of the page layout ("Court, 7  and"): one space between words
            blocks.append(normalise_spaces(block))
        notes = [replace(n, text=_normal(rejoin_hyphens(n.text))) for n in notes]
        return blocks, notes


# -- layout form ------------------------------------------------------------------------------


def _layout_raws(lines: list[str], first_line: int) -> list[_Raw]:
    """Blocks of the layout form: pages split at empty lines, page furniture and notes
    taken out, lines joined into paragraphs (a label on a line of its own starts one, as
    does the next paragraph number after a closed line)."""
    raws: list[_Raw] = []
    pages = _pages(lines, first_line)
    next_number = 1
    in_body = False
    for index, page in enumerate(pages):
        page = _strip_furniture(page, first=index == 0)
        if index > 0:
            raws.append(_Raw([], page[0][1] if page else first_line, "break"))
        rule = next((k for k, (ln, _) in enumerate(page) if _RULE_RE.match(ln)), None)
        body, notes = (page, []) if rule is None else (page[:rule], page[rule + 1 :])
        current: _Raw | None = None
        for raw_line, number in body:
            line = raw_line.strip()
            if not line:
                current = None
                continue
            if not in_body and _TITLE_RE.match(line):
                in_body = True
                current = None
            starts = current is None
            if in_body and current is not None:
                prev = current.lines[-1].strip()
                starts = not _LABEL_ONLY_RE.match(prev) and bool(
                    _LABEL_ONLY_RE.match(line)
                    or _ANNEX_LINE_RE.match(line)
                    or _ANNEX_LINE_RE.match(prev)
                    or _ADOPTION_LINE_RE.match(prev)
                    or line.startswith(f"{next_number}. ")
                    or (_LABEL_START_RE.match(line) and _CLOSED_RE.search(prev))
                )
            if in_body:
                label = re.match(r"^(\d{1,3})\.(?:\s|$)", line)
                if label:
                    value = int(label.group(1))
                    next_number = value + 1 if value in (next_number, 1) else next_number
                if _ANNEX_LINE_RE.match(line):
                    next_number = 1
            if starts:
                current = _Raw([line], number)
                raws.append(current)
            else:
                assert current is not None
                current.lines.append(line)
        if notes:
            parsed = _parse_layout_notes(notes)
            if parsed:
                raws.append(_Raw([], notes[0][1], "break", parsed))
    return [r for r in raws if r.kind == "break" or r.lines]


_ADOPTION_LINE_RE = re.compile(r"^\d+(?:st|nd|rd|th)\s(?:\(resumed\)\s)?plenary meeting$")


def _pages(lines: list[str], first_line: int) -> list[list[tuple[str, int]]]:
    pages: list[list[tuple[str, int]]] = [[]]
    for k, ln in enumerate(lines):
        if ln == "" and pages[-1] and any(x.strip() for x, _ in pages[-1]):
            pages.append([])
            continue
        pages[-1].append((ln.rstrip(), first_line + k))
    return [p for p in pages if any(x.strip() for x, _ in p)]


def _strip_furniture(page: list[tuple[str, int]], first: bool) -> list[tuple[str, int]]:
    """Page 1 without job number and barcode; a later page without its running header
    (symbol, short title, job number, "2/5")."""
    if first:
        return [(ln, n) for ln, n in page if not (_JOB_RE.match(ln) or _BARCODE_RE.match(ln))]
    last = None
    for k, (ln, _) in enumerate(page[:10]):
        if _PAGE_NUMBER_RE.match(ln) or _JOB_RE.match(ln):
            last = k
    return page if last is None else page[last + 1 :]


def _parse_layout_notes(notes: list[tuple[str, int]]) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    for ln, number in notes:
        line = ln.strip()
        if not line:
            continue
        m = _NOTE_RE.match(line)
        if m and (not out or int(m.group("label")) == int(out[-1][0]) + 1):
            out.append((m.group("label"), m.group("text").strip(), number))
        elif out:
            label, text, at = out[-1]
            out[-1] = (label, join_line(text, line), at)
    return out


# -- flowed form ------------------------------------------------------------------------------


def _flow_raws(lines: list[str], first_line: int) -> list[_Raw]:
    """Blank-line groups; a rule line or a rule glued to a line end marks a page break."""
    raws: list[_Raw] = []
    current: _Raw | None = None
    for k, raw_line in enumerate(lines):
        number = first_line + k
        line = raw_line.rstrip()
        if not line.strip():
            current = None
            continue
        if _RULE_RE.match(line):
            raws.append(_Raw([], number, "break"))
            current = None
            continue
        glued = _GLUED_RULE_RE.search(line)
        if glued:
            line = line[: glued.start()]
        if current is None:
            current = _Raw([line], number)
            raws.append(current)
        else:
            current.lines.append(line)
        if glued:
            raws.append(_Raw([], number, "break"))
            current = None
    return _split_front(raws)


def _split_front(raws: list[_Raw]) -> list[_Raw]:
    """The masthead lines run together on one line split again."""
    out: list[_Raw] = []
    for r in raws:
        if r.kind != "body" or _TITLE_RE.match(r.text):
            out.append(r)
            continue
        lines: list[str] = []
        changed = False
        for ln in r.lines:
            parts = _masthead_parts(ln.strip())
            changed = changed or len(parts) > 1
            lines.extend(parts)
        out.append(_Raw(lines, r.line) if changed else r)
    return out


def _masthead_parts(line: str) -> list[str]:
    m = _MASTHEAD_ORG_RE.match(line)
    if m:
        return [m.group("org"), m.group("symbol")]
    m = _MASTHEAD_BODY_RE.match(line)
    if m:
        parts = [m.group("body"), m.group("distr")]
        parts += [g for g in (m.group("date"), m.group("rest")) if g]
        return parts
    m = _MASTHEAD_SESSION_RE.match(line)
    if m:
        return [g for g in (m.group("session"), m.group("item"), m.group("title")) if g]
    return [line]


def _split_numbered(raws: list[_Raw], title_at: int | None) -> list[_Raw]:
    """Numbered paragraphs the extractor left in one block: a line that starts with the
    next paragraph number after a closed line ("…insecurity." / "3. We recognize …"), or
    the next number after the closing punctuation and mark of the one before, on the same
    line ("…for Sustainable Development.2 2. We acknowledge …"). Numbering starts again
    in an annex."""
    if title_at is None:
        return raws
    out: list[_Raw] = raws[: title_at + 1]
    last = 0
    for r in raws[title_at + 1 :]:
        if r.kind != "body":
            out.append(r)
            continue
        if _ANNEX_LINE_RE.match(r.text.strip()):
            last = 0
            out.append(r)
            continue
        current: _Raw | None = None
        for k, line in enumerate(r.lines):
            for n, (piece, number) in enumerate(_numbered_pieces(line, last)):
                if current is None or n > 0:
                    starts = True
                else:
                    starts = number == last + 1 and _closed(current.lines[-1])
                if number is not None and (starts or number == last + 1):
                    last = number
                if starts:
                    current = _Raw([piece], r.line + k, cut=r.cut)
                    out.append(current)
                else:
                    assert current is not None
                    current.lines.append(piece)
    return out


def _numbered_pieces(line: str, last: int) -> list[tuple[str, int | None]]:
    """``line`` cut where the next paragraph number follows closing punctuation (and the
    mark after it) on the same line; each piece with the number it starts with."""
    head = _LABEL_START_RE.match(line.strip())
    number = int(head.group("label")[:-1]) if head and head.group("label")[0].isdigit() else None
    expected = number if number is not None else last
    pieces: list[tuple[str, int | None]] = []
    start = 0
    for m in _GLUED_NUMBER_RE.finditer(line):
        if int(m.group("number")) != expected + 1 or m.start() < _RUN_ON_MIN:
            continue
        pieces.append((line[start : m.start("gap")].rstrip(), number if not pieces else expected))
        start = m.start("number")
        expected += 1
    if not pieces:
        return [(line, number)]
    pieces.append((line[start:], expected))
    return pieces


# "…Development.2 2. We acknowledge": closing punctuation, a mark, the next number.
_GLUED_NUMBER_RE = re.compile(
    r"[.;:”’)](?:\d{1,3}|\[\^\d{1,5}\])?(?P<gap>\s+)(?P<number>\d{1,3})\.\s+(?=[A-Z])"
)


def _split_adoption(raws: list[_Raw]) -> list[_Raw]:
    """ "52nd plenary meeting 1 December 2025" as the meeting line and the date line."""
    out: list[_Raw] = []
    for r in raws:
        m = _ADOPTION_RE.match(r.text) if r.kind == "body" else None
        if m:
            out.append(_Raw([m.group("meeting")], r.line))
            out.append(_Raw([m.group("date")], r.line))
        else:
            out.append(r)
    return out


def _parse_notes(lines: list[str], at: int, expected: int) -> list[tuple[str, str, int]]:
    """The notes of a definition block: "N text" or "[^N]: text" for the next numbers; any
    other line continues the note before it."""
    out: list[tuple[str, str, int]] = []
    for k, ln in enumerate(lines):
        line = ln.strip()
        if not line:
            continue
        nxt = expected + len(out)
        md = _MD_NOTE_RE.match(line)
        plain = _NOTE_RE.match(line)
        if md and int(md.group("label")) == nxt:
            out.append((md.group("label"), md.group("text").strip(), at + k))
        elif plain and int(plain.group("label")) == nxt and not md:
            out.append((plain.group("label"), plain.group("text").strip(), at + k))
        elif out:
            label, text, line_at = out[-1]
            extra = f"{md.group('label')} {md.group('text')}" if md else line
            out[-1] = (label, join_line(text, extra.strip()), line_at)
    return out


# -- helpers ----------------------------------------------------------------------------------


_BROKEN_HYPHEN_RE = re.compile(r"(?<=\w)([-\u2011]) (?!(?:and|or|nor|to)\b)(?=\w)")
# "2024– 2034": a range of years broken after its dash at a line end
_BROKEN_RANGE_RE = re.compile(r"(?<=\d{4})([\u2013-]) (?=\d{4})")


def rejoin_hyphens(text: str) -> str:
    """ "country- specific", "Secretary- General": a compound broken at a line end and its
    lines joined with a space by the extractor, whole again. A suspended hyphen stays
    ("confidence- and security-building measures")."""
    return _BROKEN_RANGE_RE.sub(r"\1", _BROKEN_HYPHEN_RE.sub(r"\1", text))


# A capitalised present participle followed by a word in lower case, and a word in lower
# case that is not a function word within two words: an item of a list starts ("Reaffirming
# the commitment", "Taking effective measures"); a title or a name does not ("Financing for
# Development", "Tracing Instrument, including", "Beijing in 1995").
_ITEM_START_RE = re.compile(r"^[A-Z][a-z]+ing\s+(?P<next>[a-z]\S*(?:\s+\S+)?)")


def _gerund_item(text: str) -> bool:
    m = _ITEM_START_RE.match(text)
    if m is None:
        return False
    words = [w.strip(",;:.()“”’") for w in m.group("next").split()]
    return any(w.isalpha() and w.islower() and not _FUNCTION_WORD_RE.fullmatch(w) for w in words)


def _marked_before(label: str, texts: list[str]) -> bool:
    """Whether the digits of footnote ``label`` occur in the text before its definition
    (a note is defined on the page of its mark, so its number was printed above it)."""
    pattern = re.compile(rf"(?<!\d){re.escape(label)}(?!\d)|\d{{4}}{re.escape(label)}(?!\d)")
    window = texts[-40:]
    return any(pattern.search(t) or f"[^{label}]" in t for t in window)


def _closed(text: str) -> bool:
    """The text ends with closing punctuation, a footnote mark after it allowed."""
    stripped = re.sub(r"(?<=[,;:.”’\")])\s?\d{1,3}$", "", text.rstrip())
    stripped = _MD_REF_RE.sub("", stripped).rstrip()
    return stripped.endswith(TERMINAL)


def _formula(text: str) -> bool:
    return bool(
        re.match(r"^The (?:General Assembly|Security Council|Economic and Social Council)\b", text)
    )


def _title_text(raw: _Raw) -> str:
    text = raw.text
    m = re.match(r"^(?:S-)?\d+/\d+(?:\s[A-H](?:,\s[A-H])*(?:\sand\s[A-H])?)?\.\s+", text)
    return text[m.end() :].strip() if m else text


def _header_texts(title: str, symbol: str) -> set[str]:
    """What the running header of a page may read: the short title, the symbol, both."""
    out = {_normal(title)} if title else set()
    if symbol:
        out |= {_normal(symbol)}
        if title:
            out |= {_normal(f"{symbol} {title}"), _normal(f"{title} {symbol}")}
    return out


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _take_refs(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with its Markdown note references ("report[^6]") replaced by a placeholder
    character, and their labels in order."""
    labels: list[tuple[int, str]] = []

    def repl(m: re.Match[str]) -> str:
        labels.append((m.start(), m.group("label")))
        return _PLACEHOLDER

    return _MD_REF_RE.sub(repl, text), labels


_PLACEHOLDER = "\ue000"


def _place_refs(
    text: str, marks: list[Mark], refs: list[tuple[int, str]]
) -> tuple[str, list[Mark]]:
    """The placeholders of :func:`_take_refs` turned into marks after :func:`find_marks`
    took its digits out."""
    if not refs:
        return text, marks
    out_marks = list(marks)
    labels = iter(label for _, label in refs)
    pieces: list[str] = []
    removed = 0
    for i, ch in enumerate(text):
        if ch == _PLACEHOLDER:
            offset = i - removed
            out_marks = [
                Mark(m.offset - 1 if m.offset > offset else m.offset, m.label, m.key)
                for m in out_marks
            ]
            out_marks.append(Mark(offset, next(labels)))
            removed += 1
        else:
            pieces.append(ch)
    return "".join(pieces), sorted(out_marks, key=lambda m: m.offset)


def _long_date(iso: str) -> str:
    """ "2025-12-03" as the masthead writes it: "3 December 2025"."""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", iso.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        return iso
    return f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
