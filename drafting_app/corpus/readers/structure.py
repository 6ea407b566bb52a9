"""From logical blocks to the resolution model: masthead, heading, title, authoring-body line,
preamble, operative tree (1. → (a) → (i)), decision chapeau, annexes, adoption line,
footnotes attached to their marks.

Every reader (text, Markdown, PDF text, Word) ends here, so the rules of UN structure live in
one place. Nothing is dropped: what cannot be placed goes to ``Document.unplaced``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from drafting_app.corpus.readers.blocks import TERMINAL, Block, FootnoteDef, Mark
from drafting_app.errors import FormatError
from drafting_app.model.adoption import split_meeting
from drafting_app.model.document import (
    MAX_PARAGRAPH_CHARS,
    SOURCE_CUT,
    Anchor,
    Annex,
    Document,
    DocumentKind,
    DocumentPart,
    Footnote,
    Form,
    Heading,
    Masthead,
    Paragraph,
    Part,
    ReadWarning,
    Span,
)
from drafting_app.model.numbering import from_letters, from_roman, letters, roman
from drafting_app.model.opening import MEETING_PREFIX
from drafting_app.model.references import DATE_RE
from drafting_app.model.series_titles import with_series_titles
from drafting_app.phrases import Opener, PhraseBook, default_phrasebook

# Paragraph styles of the app's own export (export/word_styles.py).
_OWN_MASTHEAD_STYLES = frozenset({"UNMasthead", "UNMastheadBody"})
_OWN_BODY_STYLES = frozenset({"UNPreambular", "UNOperative", "UNAuthoringBody"})
_AUTHOR_RE = re.compile(
    r"^(?:The\s)?(?:United Nations\s)?"
    r"(?:Conference of the Parties|General Assembly|Economic and Social Council|"
    r"Commission on|Security Council|Human Rights Council|Conference|Assembly|Council|"
    r"Meeting of the States Parties|Conference of the States Parties)"
)
_HEADING_RE = re.compile(
    r"^(?:(?:Draft\s)?(?:Resolution|Decision)\s[\w./-]+|[\dS-]+/\d+(?:\s[A-C])?\.)"
)
_NUMBERED_TITLE_RE = re.compile(
    r"^(?P<num>(?:S-)?\d+/\d+(?:\s[A-C](?:,\s[A-C])*(?:\sand\s[A-C])?)?)\.\s+(?P<title>.+)$"
)
_LABEL_RE = re.compile(
    r"^(?:(?P<arabic>\d{1,3})\.|\((?P<paren>[a-z]{1,5})\)|(?P<half>[a-z]{1,5})\)"
    r"|(?P<dot>[a-z]{1,4})\.)(?:\s+|\t)(?=\S)"
)
_SPONSOR_RE = re.compile(
    r"^(?P<sponsors>.+?):(?P<star>\*?)\s+(?P<type>(?:revised\s)?draft\s(?:resolution|decision)s?)\s*$",
    re.I,
)
_SUBMITTED_RE = re.compile(
    r"^(?P<line>(?:revised\s)?draft\s(?:resolution|decision)s?\ssubmitted\sby\s.+?)(?P<star>\*?)$",
    re.I,
)
# Lines after "Agenda item N" that are not its title (an agenda item printed without one).
_NOT_AGENDA_TITLE = ("The ", "Draft ", "Resolution adopted by", "Decision adopted by", "[")
# "Seventy-third session", "Tenth special session", the Economic and Social Council's "2023
# session" (E/RES/2023/1).
_SESSION_RE = re.compile(r"^(?:[A-Z][a-z\-]+(?:-[a-z]+)?|\d{4})\s(?:special\s)?session$")
_PLACE_DATES_RE = re.compile(r"^[A-Z][\w .'-]+,\s.*\d{4}$")
_ADOPTION_RE = re.compile(r"^\d+(?:st|nd|rd|th)\s(?:\(resumed\)\s)?(?:plenary\s)?meeting\b", re.I)
_DATE_LINE_RE = re.compile(rf"^{DATE_RE}$")
# The headings of an annex in articles or rules (a convention, rules of procedure), and the
# headings that may stand above its first paragraph, under the annexed text's title.
_ARTICLE_HEADING_RE = re.compile(r"^(?:Article|Rule|Regulation|Guideline|Principle)\s+\d+\b")
_STRUCTURE_HEADING_RE = re.compile(
    r"^(?:[IVXLC]+\.\s+\S|(?:Chapter|Part|Article|Rule|Regulation|Section)\s+(?:[IVXLC]+|\d+)\b"
    r"|Preamble$)"
)
# The record of the vote under a Human Rights Council resolution's meeting and date lines.
_VOTE_RECORD_RE = re.compile(r"^\[(?:Adopted|The voting)\b")
# The dates of a session printed without its place, under the session line: "26 February–
# 5 April 2024" (Human Rights Council), "3–7 June 2024".
_DATES_RE = re.compile(r"^\d{1,2}(?: [A-Z][a-z]+)?(?: \d{4})?\s?[–-]\s?\d{1,2} [A-Z][a-z]+ \d{4}$")
# The line under the session of a Main Committee's document (A/C.3/80/L.21).
_MAIN_COMMITTEE_RE = re.compile(
    r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|"
    r"Special Political and Decolonization Committee(?: \(Fourth Committee\))?)$"
)
_PRINCIPAL_ORGANS = ("General Assembly", "Economic and Social Council")
# Bodies that print their name under the Distr. block of their principal organ's masthead.
_SUBSIDIARY_BODIES = ("Human Rights Council",)
# "Annex", "Annex II", and the lettered or numbered annexes of Security Council and treaty
# texts ("Annex A", "Annex B" of S/RES/2231 (2015); "Annex 1").
ANNEX_LINE_RE = re.compile(r"^Annex(?:\s(?:[IVXLC]+|[A-Z]|\d{1,2}))?$")
_ANNEX_RE = ANNEX_LINE_RE
_ROMAN_HEADING_RE = re.compile(r"^[IVX]+\.\s+\S")
# A GA decision as recorded: "At its 43rd plenary meeting, on 2 December 2024, the General
# Assembly, …" (Official Records, Supplement No. 49, vol. II).
_DECISION_OPENING_RE = re.compile(
    rf"^{MEETING_PREFIX}(?:General Assembly|"
    r"Economic and Social Council|Security Council|Conference|Commission|Council)\b"
)
# The letter line of a multi-part decision ("79/537 A, B and C": parts A, B, C).
_PART_RE = re.compile(r"^[A-H]$")
# A document symbol alone on its line; a Security Council resolution's carries its year
# ("S/RES/2719 (2023)").
_SYMBOL_LINE_RE = re.compile(r"^[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\))?$")
_STARRED_SYMBOL_RE = re.compile(
    r"^(?P<symbol>[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\))?)(?P<star>\*{1,3})$"
)
# The adoption line of a Security Council resolution, under its heading ("Resolution 2719
# (2023)"): front matter, as "Resolution adopted by the General Assembly on …" is.
_COUNCIL_ADOPTION_RE = re.compile(
    r"^Adopted by the [A-Z][\w ]+ at its \d+(?:st|nd|rd|th) meeting, on \d{1,2} [A-Z][a-z]+ \d{4}$"
)
# Model UN drafts carry labelled header fields instead of a UN masthead
_HEADER_FIELD_RE = re.compile(
    r"^(?P<key>Committee|Topic|Main Submitters?|Co-Submitters?|Submitted by|Sponsors?|"
    r"Co-Sponsors?)\s*:\s*(?P<value>\S.*)$",
    re.I,
)


@dataclass
class _Label:
    kind: str  # arabic | paren | half | dot
    value: str
    # the one reading of a label the reader inferred (none was printed): (style, ordinal)
    reading: tuple[str, int] | None = None

    def candidates(self) -> list[tuple[str, int]]:
        """(style, ordinal) readings: "(i)" is letter 9 or roman 1."""
        if self.reading is not None:
            return [self.reading]
        if self.kind == "arabic":
            return [("arabic", int(self.value))]
        out = []
        prefix = {"paren": "paren", "half": "half", "dot": "dot"}[self.kind]
        n = from_letters(self.value)
        if n is not None:
            out.append((prefix + "_alpha", n))
        r = from_roman(self.value)
        if r is not None:
            out.append((prefix + "_roman", r))
        return out


def split_label(block: Block) -> tuple[_Label | None, Block]:
    m = _LABEL_RE.match(block.text)
    if not m:
        return None, block
    kind = next(k for k in ("arabic", "paren", "half", "dot") if m.group(k))
    return _Label(kind, m.group(kind)), block.slice(m.end())


class _Level:
    def __init__(self, style: str, last: int, para: Paragraph) -> None:
        self.style, self.last, self.para = style, last, para


class _Tree:
    """Rebuilds the nesting of labelled paragraphs: a colon opens a level; a label that
    continues an enclosing level's sequence closes the inner ones; "(i)" after "(h)" is a
    letter, "(i)" after a colon is a roman numeral."""

    def __init__(self) -> None:
        self.roots: list[Paragraph] = []
        self.stack: list[_Level] = []

    def add(self, label: _Label | None, para: Paragraph) -> None:
        cands = label.candidates() if label else []
        prev = self.stack[-1].para if self.stack else None
        opens = prev is not None and prev.text.rstrip().endswith(":")
        if not cands:  # no label, or one no numbering style reads ("(ab)"): a new root
            self._attach(0, para)
            self.stack = [_Level("none", 0, para)]
            return
        # continue an existing level whose next number this is
        for depth in range(len(self.stack) - 1, -1, -1):
            level = self.stack[depth]
            for style, n in cands:
                if (
                    style == level.style
                    and n == level.last + 1
                    and not (opens and depth == len(self.stack) - 1 and len(cands) > 1)
                ):
                    del self.stack[depth:]
                    self._attach(depth, para)
                    self.stack.append(_Level(style, n, para))
                    return
        if opens or (
            self.stack and cands and all(s != lv.style for s, _ in cands for lv in self.stack)
        ):
            style, n = self._pick_new(cands)
            depth = len(self.stack)
            self._attach(depth, para)
            self.stack.append(_Level(style, n, para))
            return
        # broken numbering: same style as an open level → sibling there; else a new root
        for depth in range(len(self.stack) - 1, -1, -1):
            if any(s == self.stack[depth].style for s, _ in cands):
                style, n = next((s, n) for s, n in cands if s == self.stack[depth].style)
                del self.stack[depth:]
                self._attach(depth, para)
                self.stack.append(_Level(style, n, para))
                return
        style, n = cands[0]
        self.stack = []
        self._attach(0, para)
        self.stack.append(_Level(style, n, para))

    def continues(self, label: _Label) -> bool:
        """Whether ``label`` is the next number of an open level ("(b)" after "(a)")."""
        return any(
            style == level.style and n == level.last + 1
            for level in self.stack
            for style, n in label.candidates()
        )

    def _pick_new(self, cands: list[tuple[str, int]]) -> tuple[str, int]:
        outer = {lv.style for lv in self.stack}
        for style, n in cands:
            if style not in outer and n == 1:
                return style, n
        for style, n in cands:
            if style not in outer:
                return style, n
        return cands[0]

    def _attach(self, depth: int, para: Paragraph) -> None:
        if depth == 0 or not self.stack:
            self.roots.append(para)
        else:
            self.stack[depth - 1].para.children.append(para)


def text_starts(blocks: list[Block]) -> list[int]:
    """Where each text of a volume starts: a report of a session holds several decisions,
    each a number line ("Decision 7/CMA.3") followed within a few blocks by its
    authoring-body line. A single text gives ``[0]``."""
    starts = [0]
    for i, b in enumerate(blocks):
        text = b.text.strip()
        if not (_HEADING_RE.match(text) and len(text) < 40):
            continue
        if any(_AUTHOR_RE.match(n.text.strip()) for n in blocks[i + 1 : i + 5]):
            starts.append(i)
    if len(starts) <= 2:
        return [0]
    return [0, *starts[2:]]


class StructureBuilder:
    """Builds a :class:`Document` from body blocks and footnote definitions."""

    def __init__(self, phrases: PhraseBook | None = None) -> None:
        self.phrases = phrases or default_phrasebook()
        self.mapped_fields: list[tuple[str, str]] = []
        self._warnings: list[ReadWarning] = []
        self._lines: dict[str, int] = {}
        self._inferred: dict[str, str] = {}
        self._openers: dict[tuple[str, Part | None], Opener | None] = {}

    def _split(self, text: str, part: Part | None) -> Opener | None:
        """The phrase book's opener of ``text``, found once per text read: the builder asks
        of most paragraphs more than once (whether a label was lost, which part it opens,
        its italic opening), and asking was a tenth of reading a text."""
        key = (text, part)
        if key not in self._openers:
            self._openers[key] = self.phrases.split(text, part)
        return self._openers[key]

    # -- entry point ------------------------------------------------------------------------
    def build(self, blocks: list[Block], notes: list[FootnoteDef], source: str = "") -> Document:
        self._check_sizes(blocks, source)
        doc = Document(source=source)
        self.mapped_fields = []
        self._warnings = []
        self._lines = {}
        self._inferred = {}
        self._openers = {}
        self._notes = _NoteBinder(notes)
        author_at = self._find_authoring(blocks)
        if author_at is None:
            front, body = self._split_front_without_author(blocks)
        else:
            front, body = blocks[:author_at], blocks[author_at:]
        self._front(doc, front)
        if body:
            self._body(doc, body, has_author=author_at is not None)
        doc.footnotes = self._notes.footnotes()
        doc.unplaced.extend(self._notes.unplaced())
        doc.warnings = sorted(self._warnings, key=lambda w: w.line)
        mh = doc.masthead
        if mh is not None and mh.document_type.lower().startswith(("draft", "revised draft")):
            doc.kind = DocumentKind.DRAFT
        return doc

    def build_fragment(
        self, blocks: list[Block], notes: list[FootnoteDef], source: str = ""
    ) -> Document:
        """A piece of a text (pasted paragraphs): read as a whole text when it holds the
        authoring formula ("The General Assembly,"); otherwise every block is a body
        paragraph — no masthead or title is looked for, so a pasted recital is never taken
        for a title. Preamble and operative part are told apart as in :meth:`build`."""
        if self._find_authoring(blocks) is not None:
            return self.build(blocks, notes, source)
        self._check_sizes(blocks, source)
        doc = Document(source=source)
        self.mapped_fields = []
        self._warnings = []
        self._lines = {}
        self._inferred = {}
        self._openers = {}
        self._notes = _NoteBinder(notes)
        self._parts(doc, [b for b in blocks if b.text.strip()])
        doc.footnotes = self._notes.footnotes()
        doc.unplaced.extend(self._notes.unplaced())
        doc.warnings = sorted(self._warnings, key=lambda w: w.line)
        return doc

    @staticmethod
    def _check_sizes(blocks: list[Block], source: str) -> None:
        for b in blocks:
            if len(b.text) > MAX_PARAGRAPH_CHARS:
                raise FormatError(
                    f"{source or 'The text'} has a paragraph of more than "
                    f"{MAX_PARAGRAPH_CHARS:,} characters; it is not a resolution text."
                )

    # -- front matter -----------------------------------------------------------------------
    def _find_authoring(self, blocks: list[Block]) -> int | None:
        for i, b in enumerate(blocks):
            text = b.text.strip()
            if not b.heading and _DECISION_OPENING_RE.match(text):
                prev = blocks[i - 1].text.strip() if i else ""
                return i - 1 if _PART_RE.match(prev) else i
            if b.heading or not _AUTHOR_RE.match(text):
                continue
            if _is_author_line(text):
                # A resolution in parts: "A", its title, then "The General Assembly,".
                first = _first_part_at(blocks, i)
                return i if first is None else first
            if text.endswith(":") and (", " in text or b.style in _OWN_BODY_STYLES):
                return i  # decision chapeau ("The Conference …:" as the app writes it)
            if len(text) < 60 and text.startswith("The ") and not text.endswith("."):
                return i  # "The General Assembly" without comma (A/RES/80/9)
        return None

    def _split_front_without_author(self, blocks: list[Block]) -> tuple[list[Block], list[Block]]:
        for i, b in enumerate(blocks):
            label, _ = split_label(b)
            if label is not None or (not b.heading and len(b.text) > 200):
                return blocks[:i], blocks[i:]
            if self._preambular(b):  # a draft without its opening formula
                return blocks[:i], blocks[i:]
        return blocks, []

    def _preambular(self, b: Block) -> bool:
        """A preambular paragraph: a known opening phrase and a closing comma."""
        opener = self._split(b.text, Part.PREAMBLE)
        return (
            opener is not None
            and opener.part is Part.PREAMBLE
            and b.text.rstrip().endswith(",")
            and not b.heading
        )

    def _front(self, doc: Document, front: list[Block]) -> None:
        lines: list[tuple[str, Block]] = []
        for b in front:
            if b.heading or len(b.lines) <= 1:
                lines.append((b.text.strip(), b))
            else:
                for ln in b.lines:
                    if ln.strip():
                        lines.append((ln.strip(), b))
        # The app's own export names its masthead lines by style: a masthead with no
        # "Distr." line (a Model UN draft) is still one.
        has_masthead = any(
            t.startswith("Distr.") or b.style in _OWN_MASTHEAD_STYLES for t, b in lines
        )
        has_fields = any(_HEADER_FIELD_RE.match(t) for t, _ in lines)
        mh = Masthead() if has_masthead or has_fields else None
        title_parts: list[str] = []
        expect_agenda_title = False
        saw_distr = False
        i = 0
        while i < len(lines):
            text, block = lines[i]
            i += 1
            if self._own_front_line(doc, mh, text, block.style):
                continue
            field = _HEADER_FIELD_RE.match(text) if mh is not None else None
            if mh is not None and field:
                self._header_field(mh, field.group("key"), field.group("value"), title_parts)
                continue
            if (
                mh is not None
                and has_masthead
                and self._masthead_line(mh, text, saw_distr, expect_agenda_title)
            ):
                if text.startswith("Distr."):
                    saw_distr = True
                if text.lower().startswith("agenda item"):
                    expect_agenda_title = True
                elif expect_agenda_title and mh.agenda_title:
                    expect_agenda_title = bool(
                        i < len(lines) and lines[i][1] is block and len(block.lines) > 1
                    )
                continue
            expect_agenda_title = False
            if mh is not None and block.style == "UNMasthead":
                # A masthead line of the app's export no rule above places: the committee
                # ("Third Committee", "Commission on Crime Prevention and Criminal Justice").
                if mh.committee:
                    mh.agenda_title = (mh.agenda_title + " " + text).strip()
                else:
                    mh.committee = text
                continue
            m = _NUMBERED_TITLE_RE.match(text)
            if not doc.heading and m and not title_parts:
                doc.heading = m.group("num") + "."
                title_parts.append(m.group("title"))
                continue
            if not doc.heading and _HEADING_RE.match(text) and len(text) < 40:
                # lines above the number line belong to the volume (a report), not the title
                doc.front_matter.extend(title_parts)
                title_parts = []
                doc.heading = text
                if text.lower().startswith("decision") or text.lower().startswith("draft decision"):
                    doc.kind = DocumentKind.DECISION
                continue
            if (
                text.startswith("Resolution adopted by")
                or text.startswith("Decision adopted by")
                or _COUNCIL_ADOPTION_RE.match(text)
            ):
                doc.front_matter.append(text)
                continue
            if text.startswith("on ") and doc.front_matter and _DATE_LINE_RE.match(text[3:]):
                doc.front_matter.append(text)
                continue
            if text.startswith("[") and text.endswith("]"):
                doc.front_matter.append(text)
                continue
            title_parts.append(text)
            for m2 in block.marks:
                self._notes.orphan_mark(m2, "title")
        doc.title = " ".join(title_parts).strip()
        doc.masthead = mh

    def _own_front_line(self, doc: Document, mh: Masthead | None, text: str, style: str) -> bool:
        """A front line of the app's own export, known by its style (export/word_styles):
        the body's name in full under the masthead table (the organ printed large in the
        table, "Economic and Social Council", is only its principal organ), the front
        matter, the heading. (A masthead line no other rule places is its committee.)"""
        if mh is not None and style == "UNMastheadBody":
            mh.body = text
            return True
        if style == "UNFrontMatter":
            doc.front_matter.append(text)
            return True
        if style == "UNHeading1" and not doc.heading:
            doc.heading = text
            if text.lower().startswith(("decision", "draft decision")):
                doc.kind = DocumentKind.DECISION
            return True
        return False

    def _header_field(self, mh: Masthead, key: str, value: str, title: list[str]) -> None:
        """A Model UN header field ("Main Submitter: Germany") mapped to the masthead."""
        k = key.lower()
        if k == "topic":
            title.append(value)
            target = "title"
        elif k == "committee":
            mh.body = value
            target = "masthead body"
        elif k.startswith("co-"):
            mh.sponsors.extend(_split_names(value))
            target = "co-sponsors"
        else:
            mh.sponsors[:0] = _split_names(value)
            target = "main sponsor"
        mh.document_type = mh.document_type or "draft resolution"
        self.mapped_fields.append((key, target))

    def _masthead_line(self, mh: Masthead, text: str, saw_distr: bool, agenda: bool) -> bool:
        if text == "United Nations" and not mh.organization:
            mh.organization = text
            self.mapped_fields.append((text, "organization line of the masthead"))
            return True
        if text.startswith("Distr.:"):
            mh.distribution = text.split(":", 1)[1].strip()
            return True
        if saw_distr and not mh.date and _DATE_LINE_RE.match(text):
            mh.date = text
            return True
        if text.startswith("Original:"):
            mh.original_language = text.split(":", 1)[1].strip()
            return True
        if not mh.symbol and _SYMBOL_LINE_RE.match(text):
            mh.symbol = text
            return True
        starred = _STARRED_SYMBOL_RE.match(text) if not mh.symbol else None
        if starred:  # "A/RES/80/4*", reissued: "* Reissued for technical reasons on …"
            mh.symbol = starred.group("symbol")
            mh.symbol_note = self._notes.take(starred.group("star")) or ""
            return True
        if not mh.session and _SESSION_RE.match(text):
            mh.session = text
            return True
        if (
            mh.session
            and not mh.place_and_dates
            and (_PLACE_DATES_RE.match(text) or _DATES_RE.match(text))
            and len(text) < 60
        ):
            mh.place_and_dates = text
            return True
        if mh.session and not mh.committee and _MAIN_COMMITTEE_RE.match(text):
            mh.committee = text  # a Main Committee's draft: "Eightieth session" / "Third Committee"
            return True
        if text.lower().startswith(("agenda item", "agenda items")):
            mh.agenda_item = text.rstrip("*").rstrip()
            return True
        m = _SUBMITTED_RE.match(text)
        if m:  # a plenary draft: "Draft resolution submitted by the President of …"
            mh.document_type = m.group("line")
            if m.group("star"):
                mh.sponsor_note = self._notes.take("*") or ""
            return True
        m = _SPONSOR_RE.match(text)
        if m:
            mh.sponsors = _split_names(m.group("sponsors"))
            mh.document_type = m.group("type")
            if m.group("star"):
                mh.sponsor_note = self._notes.take("*") or ""
            return True
        if agenda and not text.startswith(_NOT_AGENDA_TITLE) and not _NUMBERED_TITLE_RE.match(text):
            mh.agenda_title = (mh.agenda_title + " " + text).strip()
            return True
        if not mh.body and not saw_distr and not mh.symbol:
            mh.body = text
            return True
        if not mh.body and not mh.session and _AUTHOR_RE.match(text) and text[-1:] not in ",:":
            mh.body = text  # the body in full, below the Distr. block (UN_FORMAT.md §7)
            return True
        if (
            saw_distr
            and mh.body in _PRINCIPAL_ORGANS
            and text not in _PRINCIPAL_ORGANS
            and not mh.session
            and text in _SUBSIDIARY_BODIES
        ):
            # The body in full under the Distr. block when the organ printed large is its
            # principal organ: "General Assembly" … "Human Rights Council" (A/HRC/RES/55/1).
            mh.body = text
            return True
        if not mh.body and text in (
            "General Assembly",
            "Economic and Social Council",
            "Security Council",
        ):
            mh.body = text
            return True
        return False

    # -- body -------------------------------------------------------------------------------
    def _body(self, doc: Document, body: list[Block], has_author: bool) -> None:
        rest = body
        if has_author and _part_letter(body, 0) is not None:
            self._lettered_parts(doc, body)
            return
        if has_author:
            first = body[0]
            text = first.text.strip()
            if _DECISION_OPENING_RE.match(text):
                # The opening of a GA decision: "…, the General Assembly, …, decided:" opens
                # lettered sub-paragraphs, "…, the General Assembly, …," recitals and numbered
                # paragraphs, "…, decided to … ." is the whole decision.
                doc.kind = DocumentKind.DECISION
                doc.form = Form.RESOLUTION if text.endswith(",") else Form.DECISION
                doc.chapeau = self._paragraph(first, Part.PREAMBLE, None)
            elif (
                text.endswith(":")
                and len(text) > 80
                and (", " in text or first.style in _OWN_BODY_STYLES)
            ):
                doc.form = Form.DECISION
                if doc.kind is DocumentKind.RESOLUTION:
                    doc.kind = DocumentKind.DECISION
                doc.chapeau = self._paragraph(first, Part.PREAMBLE, None)
            else:
                doc.authoring_body = text
                for m in first.marks:
                    self._notes.orphan_mark(m, "authoring-body line")
            rest = body[1:]
        record: list[str] = []
        span = _vote_record(rest)
        if span is not None:
            # "[Adopted by a recorded vote of 28 to 6, … The voting was as follows:", "In
            # favour:", the names, … "Abstaining:" … "]" under a Human Rights Council
            # resolution's meeting line: the adoption's record, not paragraphs or an annex
            record = [b.text.strip() for b in rest[span[0] : span[1]]]
            rest = rest[: span[0]] + rest[span[1] :]
        annex_at = next((i for i, b in enumerate(rest) if _ANNEX_RE.match(b.text.strip())), None)
        if annex_at is None:
            annex_at = _inline_text_at(rest)
        main, annex_blocks = (rest, []) if annex_at is None else (rest[:annex_at], rest[annex_at:])
        self._parts(doc, main)
        if record:
            doc.adoption = "\n".join([doc.adoption, *record]).strip()
        if annex_blocks:
            self._annexes(doc, annex_blocks)

    def _lettered_parts(self, doc: Document, body: list[Block]) -> None:
        """A multi-part text: each letter line starts a part. A part that opens with "At
        its … meeting, the General Assembly …" is built like a decision (79/537 A, B and
        C); one whose letter is followed by its title and "The General Assembly," like a
        resolution of its own, numbered from 1 ("Questions relating to information", A
        and B)."""
        kind = doc.kind
        groups: list[tuple[str, list[Block]]] = []
        for i, b in enumerate(body):
            letter = _part_letter(body, i)
            if letter is not None:
                label, title = letter
                groups.append((label, [Block(title, line=b.line)] if title else []))
            else:
                groups[-1][1].append(b)
        for label, blocks in groups:
            sub = Document(kind=DocumentKind.DECISION)
            opening = bool(blocks) and bool(_DECISION_OPENING_RE.match(blocks[0].text.strip()))
            author_at = None if opening else _part_author_at(blocks)
            title = ""
            if author_at is not None:
                title = " ".join(b.text.strip() for b in blocks[:author_at])
                for b in blocks[:author_at]:
                    for m in b.marks:
                        self._notes.orphan_mark(m, f"title of part {label}")
                sub.kind, sub.form = kind, Form.RESOLUTION
                self._body(sub, blocks[author_at:], has_author=True)
            elif blocks:
                self._body(sub, blocks, has_author=opening)
                if sub.authoring_body:
                    doc.unplaced.append(f"part {label}: {sub.authoring_body}")
                    sub.authoring_body = ""
            doc.parts.append(
                DocumentPart(
                    label,
                    sub.form,
                    sub.chapeau,
                    sub.preamble,
                    sub.operative,
                    sub.adoption,
                    title=title,
                    authoring_body=sub.authoring_body,
                )
            )
            doc.annexes.extend(sub.annexes)
            doc.unplaced.extend(sub.unplaced)  # a part's headings, as the whole text's
        if any(part.authoring_body for part in doc.parts):
            doc.kind = kind  # a resolution (or its draft) in parts
        else:
            doc.kind = DocumentKind.DECISION
            if all(part.form is Form.DECISION for part in doc.parts):
                doc.form = Form.DECISION

    def _parts(self, doc: Document, blocks: list[Block]) -> None:
        """The preamble and the operative part. When the text numbers its operative
        paragraphs, the operative part starts at the first numbered one ("1."), whatever
        the paragraphs before it open with; otherwise at the first paragraph that opens
        with an operative verb (a lone "Adopts …", an unnumbered decision). A lettered or
        roman item belongs to the paragraph it follows, in the preamble as in the operative
        part (A/RES/70/179: "Reaffirming that the Global Plan of Action was developed:"
        then "(a) To promote …," … before more preambular paragraphs)."""
        blocks = [b for b in blocks if b.text.strip()]
        tree = _Tree()
        pre_tree = _Tree()
        first_numbered = self._operative_start(blocks)
        operative_started = doc.form is Form.DECISION
        prev: Paragraph | None = None
        headings: list[str] = []  # the section headings above the next operative paragraph
        for i, b in enumerate(blocks):
            text = b.text.strip()
            if _ADOPTION_RE.match(text) or (doc.adoption and _DATE_LINE_RE.match(text)):
                doc.adoption = "\n".join([doc.adoption, *split_meeting(text)]).strip()
                continue
            if doc.title and text == doc.title and not b.marks:
                continue  # the running header of a page repeats the title (PDF text layer)
            label, rest = split_label(b)
            if label is None and prev is not None and text[:1].islower():
                self._continuation(prev, b)
                continue
            if not operative_started:
                if first_numbered is not None:
                    operative_started = i >= first_numbered
                else:
                    operative_started = self._opens_operative(b, label, text, prev, pre_tree)
            if (
                label is None
                and _heading_like(text)
                and _heads_numbered(blocks, i)
                and (operative_started or i < (first_numbered or 0))
            ):
                # "Peacebuilding Commission" (A/RES/80/11), "VI. Outreach services": a
                # heading of the operative part (headings, then a numbered paragraph), kept
                # above the paragraph it heads
                # A section's number ("II", "VI. Outreach services", "A. Follow-up") or the
                # title under a bare one is a heading beyond doubt; an unnumbered line
                # ("Peacebuilding Commission") might be a paragraph that lost its stop.
                numbered = bool(_SECTION_NUMBER_RE.match(text)) or (
                    bool(headings) and bool(_SECTION_NUMBER_RE.match(headings[-1]))
                )
                headings.append(text)
                if not numbered:
                    self._warn(
                        b,
                        f"“{_short(text)}” read as a heading of the operative part (it has "
                        "no number and no closing punctuation).",
                    )
                continue
            inferred = None
            if label is None and prev is not None and first_numbered is not None:
                inferred = self._infer_label(
                    blocks, i, tree if operative_started else pre_tree, prev, operative_started
                )
            if operative_started:
                para = self._paragraph(rest, Part.OPERATIVE, label)
                tree.add(inferred or label, para)
                para.headings, headings = headings, []
            else:
                para = self._paragraph(rest, Part.PREAMBLE, label)
                if label is not None:
                    self._preamble_item(b, label, prev, pre_tree, first_numbered is not None)
                elif first_numbered is not None and self._operative_opener(text):
                    self._warn(
                        b,
                        f"“{_short(text)}” opens with an operative verb but stands before the "
                        "first numbered paragraph; read as a preambular paragraph.",
                    )
                pre_tree.add(inferred or label, para)
                doc.preamble = pre_tree.roots
            if inferred is not None:
                self._inferred[para.id] = _label_text(inferred) or ""
            self._lines[para.id] = b.line
            prev = para
        doc.preamble = pre_tree.roots
        doc.operative = tree.roots
        # headings with no paragraph after them (the text ends on one)
        doc.unplaced += [f"heading in the operative part: {h}" for h in headings]
        self._check_printed_numbers(doc.operative)
        self._check_printed_numbers(doc.preamble, top=False)

    def _continuation(self, prev: Paragraph, b: Block) -> None:
        """The rest of a paragraph the source split (a page break or a footnote block)."""
        if prev.text.rstrip().endswith(TERMINAL):
            self._warn(
                b,
                f"“{_short(b.text.strip())}” starts in lower case after a paragraph that ends "
                f"with “{prev.text.rstrip()[-1:]}”; read as the rest of that "
                "paragraph, not as a paragraph of its own.",
            )
        self._extend(prev, b)

    def _infer_label(
        self, blocks: list[Block], at: int, tree: _Tree, prev: Paragraph, operative: bool
    ) -> _Label | None:
        """:meth:`_lost_label`, with a warning at the first of a run of them."""
        inferred = self._lost_label(blocks, at, tree, prev, operative)
        if inferred is not None and prev.id not in self._inferred:
            self._warn(
                blocks[at],
                f"“{_short(blocks[at].text.strip())}” has no printed label; read as item "
                f"{_label_text(inferred)} of the list before it, and the unlabelled "
                "paragraphs after it as its next items (the labels printed in the "
                "margin of a PDF are lost in its text layer).",
            )
        return inferred

    def _lost_label(
        self, blocks: list[Block], at: int, tree: _Tree, prev: Paragraph, operative: bool
    ) -> _Label | None:
        """The label of an item whose printed label the text lost (the margin labels of a
        PDF are not in its text layer: A/RES/80/11, 80/12, 80/34). In a text that numbers
        its operative paragraphs every paragraph of the operative part carries a number or
        a label, so an unlabelled one after a colon is the first item of a list, and one
        after an item is the next item; in the preamble the same holds for a paragraph
        that does not open with a preambular phrase. The next printed label decides the
        level of a run of them ("(e)" after "(ii)" and two unlabelled items: (c), (d))."""
        text = blocks[at].text.strip()
        if not operative:
            opener = self._split(text, Part.PREAMBLE)
            if opener is not None:
                return None
        if not tree.stack:
            return None
        levels = [(lv.style, lv.last) for lv in tree.stack]
        lost_end = (prev.provenance or {}).get(SOURCE_CUT) and len(levels) == 1
        if _opens(prev) or lost_end:
            # a numbered paragraph whose last words are lost ("…To this end, we") may have
            # ended "commit to:" — the unlabelled paragraphs after it are its items
            parent = levels[-1][0]
            style = "paren_roman" if parent.endswith("_alpha") else "paren_alpha"
            levels.append((style, 0))
        elif len(levels) < 2:
            return None
        run, nested, end = _unlabelled_run(blocks, at)
        nxt = split_label(blocks[end])[0] if end < len(blocks) else None
        depth = len(levels) - 1
        if nxt is not None and not nested and nxt.kind != "arabic":
            cands = nxt.candidates()
            inner_style, inner_last = levels[-1]
            if not any(s == inner_style and n == inner_last + run + 1 for s, n in cands):
                for d in range(len(levels) - 2, 0, -1):
                    style, last = levels[d]
                    need = next((n - last - 1 for s, n in cands if s == style), None)
                    if need is not None and 0 <= need <= run:
                        if need == run:
                            depth = d
                        break
        style, last = levels[depth]
        n = last + 1
        value = roman(n) if style.endswith("_roman") else letters(n)
        return _Label("paren", value, reading=(style, n))

    def _operative_start(self, blocks: list[Block]) -> int | None:
        """Where a numbered operative part starts: at its first numbered paragraph, or
        before it when the numbers do not start at 1 and the paragraphs just before open
        with operative verbs (a selection that begins at the text of paragraph 5, its
        number not selected: decision 7/CMA.3 pasted from its PDF)."""
        at = _first_numbered(blocks)
        if at is None or split_label(blocks[at])[0] == _Label("arabic", "1"):
            return at
        while (
            at > 0
            and split_label(blocks[at - 1])[0] is None
            and self._operative_opener(blocks[at - 1].text.strip())
        ):
            at -= 1
        return at

    def _opens_operative(
        self, b: Block, label: _Label | None, text: str, prev: Paragraph | None, pre: _Tree
    ) -> bool:
        """In a text without numbered paragraphs: whether ``b`` starts the operative part."""
        if label is None:
            return self._operative_opener(text) and (prev is None or not _opens(prev))
        if prev is None or _opens(prev) or pre.continues(label):
            return False
        self._warn(
            b,
            f"“{_label_text(label)}” follows a preambular paragraph that does not end with a "
            "colon and the text has no numbered paragraphs; read as the start of the "
            "operative part (it could also be an item of the paragraph before).",
        )
        return True

    def _operative_opener(self, text: str) -> bool:
        opener = self._split(text, None)
        return opener is not None and opener.part is Part.OPERATIVE

    def _preamble_item(
        self, b: Block, label: _Label, prev: Paragraph | None, pre: _Tree, numbered: bool
    ) -> None:
        """Say so when a lettered item of the preamble has no colon before it."""
        if prev is None:
            self._warn(
                b,
                f"“{_label_text(label)}” opens the preamble; read as a preambular paragraph.",
            )
        elif not _opens(prev) and not pre.continues(label):
            where = "before the first numbered paragraph" if numbered else "in the preamble"
            self._warn(
                b,
                f"“{_label_text(label)}” stands {where} after a paragraph that does not end "
                "with a colon; read as an item of that preambular paragraph.",
            )

    def _check_printed_numbers(self, paras: list[Paragraph], top: bool = True) -> None:
        """The printed numbers and letters against the reader's own count: a gap or a
        duplicate is reported where it is, never renumbered silently (the model numbers
        by position; the source's label is kept as ``source_label``)."""
        if top:
            self._sequence(paras, "operative paragraph")
        for p in paras:
            for q in p.walk():
                if q.children:
                    self._sequence(q.children, "sub-paragraph")

    def _sequence(self, paras: list[Paragraph], what: str) -> None:
        labelled = [p for p in paras if p.source_label or p.id in self._inferred]
        if not labelled:
            return
        first = labelled[0]
        style = _label_style(first.source_label or self._inferred.get(first.id, ""))
        previous: int | None = None
        for p in labelled:
            label = p.source_label or self._inferred.get(p.id, "")
            n = _label_value(label, style)
            if n is None:
                continue
            if previous is not None and n == previous:
                self._warn_at(p, f"The printed {what} number “{label}” repeats the one before it.")
            elif previous is not None and n != previous + 1:
                expected = _format_label(previous + 1, style, label)
                self._warn_at(
                    p,
                    f"The printed {what} numbers jump to “{label}” where “{expected}” was "
                    "expected; the paragraphs are numbered by their position, as printed "
                    "numbers are not kept.",
                )
            elif previous is None and n != 1:
                expected = _format_label(1, style, label)
                self._warn_at(
                    p, f"The printed {what} numbers start at “{label}”, not “{expected}”."
                )
            previous = n

    def _warn(self, b: Block, message: str) -> None:
        self._warnings.append(ReadWarning(b.line, message))

    def _warn_at(self, p: Paragraph, message: str) -> None:
        """A printed number that disagrees with the count, at its paragraph."""
        self._warnings.append(ReadWarning(self._lines.get(p.id, 0), message, p.id, True))

    def _annexes(self, doc: Document, blocks: list[Block]) -> None:
        """Annexes, or a text adopted inline ("Adopts the following political declaration:"
        then its title and paragraphs): an annex without the word "Annex"."""
        annex: Annex | None = None
        tree = _Tree()
        prev: Paragraph | None = None
        last_top = 0  # the printed number of the annex's last numbered paragraph
        for i, b in enumerate(blocks):
            text = b.text.strip()
            if _ANNEX_RE.match(text) or annex is None:
                prev, last_top = None, 0
                if annex is not None:
                    annex.blocks = self._annex_blocks(annex, tree)
                annex = Annex(title=text if _ANNEX_RE.match(text) else "")
                doc.annexes.append(annex)
                tree = _Tree()
                if annex.title:
                    continue
                if not (text[:1] in _OPENING_QUOTES and text.endswith(",")):
                    annex.lines.append(text)
                    continue
                # a quoted draft's "“The General Assembly,": its first paragraph, not a
                # title line (printed as the text's words, not as a heading)
            if _ADOPTION_RE.match(text) or (doc.adoption and _DATE_LINE_RE.match(text)):
                doc.adoption = "\n".join([doc.adoption, *split_meeting(text)]).strip()
                continue
            label, rest = split_label(b)
            if _numbered_heading(label, rest.text.strip(), last_top):
                # "1. Education" between paragraphs 17 and 18 (decision 6/CMA.3 …): a
                # heading numbered on its own, not a paragraph breaking the numbering
                annex.blocks.append(Heading(text))
                tree.roots.append(_HEADING_SENTINEL)
                tree.stack = []
                prev = None
                continue
            if label is None and not tree.roots and not annex.title and _opens_numbered(blocks, b):
                # "We, Heads of State …, and we therefore:" before "1. Reaffirm": the
                # unnumbered opening of an inline declaration, not a numbered paragraph
                annex.lines.append(text)
                for m in b.marks:
                    self._notes.orphan_mark(m, "opening of an inline text")
                continue
            before_any = not tree.roots and not annex.blocks
            if (
                label is None
                # a quoted text's last paragraph ends inside its quotation mark: "… session."”
                and not text.rstrip('"\u201d\u2019').endswith((".", ";", ":", ","))
                and (len(text) < 200 or (before_any and annex.title))
            ):
                # a line without closing punctuation is a heading; before the first
                # paragraph of an "Annex I" it is its title, however long ("Recommendations
                # forwarded by the forum pertaining to activity 1 …", decision 23/CMA.3)
                if before_any and not (annex.lines and _STRUCTURE_HEADING_RE.match(text)):
                    annex.lines.append(text)
                else:
                    annex.blocks.append(Heading(text))
                    tree.roots.append(_HEADING_SENTINEL)
                    tree.stack = []
                continue
            if label is None and prev is not None and text[:1].islower():
                self._continuation(prev, b)
                continue
            inferred = None
            if label is None and prev is not None and tree.stack and tree.stack[0].style != "none":
                # a numbered annex, like a numbered operative part, labels every paragraph
                inferred = self._infer_label(blocks, i, tree, prev, True)
            para = self._paragraph(rest, Part.OPERATIVE, label)
            tree.add(inferred or label, para)
            if inferred is not None:
                self._inferred[para.id] = _label_text(inferred) or ""
            if label is not None and label.kind == "arabic" and tree.roots[-1] is para:
                last_top = int(label.value)
            self._lines[para.id] = b.line
            prev = para
        if annex is not None:
            annex.blocks = self._annex_blocks(annex, tree)

    def _annex_blocks(self, annex: Annex, tree: _Tree) -> list[Heading | Paragraph]:
        headings = iter([b for b in annex.blocks if isinstance(b, Heading)])
        out: list[Heading | Paragraph] = []
        for root in tree.roots:
            out.append(next(headings) if root is _HEADING_SENTINEL else root)
        # Numbered as printed: a paragraph printed without a number (and not one whose
        # number the reader inferred) stays unnumbered, and numbers that start again at
        # 1 after the headings (the articles of a convention) start again.
        for b in out:
            if isinstance(b, Paragraph) and b.source_label is None and b.id not in self._inferred:
                b.unnumbered = True
        annex.restarts = _restarts(out, self._inferred)
        return out

    def _paragraph(self, block: Block, part: Part, label: _Label | None) -> Paragraph:
        block = block.strip()
        italics = list(block.italics)
        opener = self._split(block.text, part)
        if opener is not None and not any(s.start == 0 for s in italics):
            italics.insert(0, Span(0, len(opener.text)))
        para = Paragraph(block.text, italics=italics, source_label=_label_text(label))
        para.anchors = self._anchors(block.marks)
        if block.cut:
            para.provenance = {SOURCE_CUT: "end"}
        return para

    def _extend(self, para: Paragraph, block: Block) -> None:
        base = len(para.text) + 1
        para.text = para.text + " " + block.text.strip()
        para.italics += [Span(s.start + base, s.end + base) for s in block.strip().italics]
        para.anchors += self._anchors(
            [replace(m, offset=m.offset + base) for m in block.strip().marks]
        )

    def _anchors(self, marks: list[Mark]) -> list[Anchor]:
        out = []
        for m in marks:
            fid = self._notes.bind(m.label, m.key)
            if fid is not None:
                out.append(Anchor(m.offset, fid))
        return out


# A fixed id: this module may first be imported inside a ``deterministic_ids()`` block
# (the first document read in a process), where a drawn id would shift every paragraph id
# of that document by one and the index would no longer match a re-read.
_HEADING_SENTINEL = Paragraph("", id="heading-sentinel")


def _vote_record(blocks: list[Block]) -> tuple[int, int] | None:
    """Where the bracketed record of a vote stands (start, end), right under an adoption
    line ("49th meeting" / "4 April 2024"): from "[Adopted …" to the block that ends with
    "]" (or the last block, if it was cut)."""
    for i in range(1, len(blocks)):
        if not _VOTE_RECORD_RE.match(blocks[i].text.strip()):
            continue
        above = blocks[i - 1].text.strip()
        meeting = _ADOPTION_RE.match(above) or (
            i >= 2 and _DATE_LINE_RE.match(above) and _ADOPTION_RE.match(blocks[i - 2].text.strip())
        )
        if not meeting:
            continue
        end = next(
            (j for j in range(i, len(blocks)) if blocks[j].text.rstrip().endswith("]")), None
        )
        return i, (len(blocks) - 1 if end is None else end) + 1
    return None


def _inline_text_at(blocks: list[Block]) -> int | None:
    """Where a text adopted inline starts: a paragraph ending with a colon ("Adopts the
    following political declaration …:") followed by an unnumbered title line, or by the
    quoted text of a draft it recommends, each of its paragraphs opening with a quotation
    mark (the Economic and Social Council "Recommends to the General Assembly the
    adoption of the following draft resolution:" / "“The General Assembly," …)."""
    for i in range(1, len(blocks) - 1):
        text = blocks[i].text.strip()
        if not blocks[i - 1].text.rstrip().endswith(":"):
            continue
        if (
            split_label(blocks[i])[0] is None
            and text[:1].isupper()
            and not text.endswith(TERMINAL)
            and len(text) < 200
        ):
            return i
        if text[:1] in _OPENING_QUOTES and blocks[i + 1].text.strip()[:1] in _OPENING_QUOTES:
            return i
    return None


_OPENING_QUOTES = ('"', "\u201c")


def _opens_numbered(blocks: list[Block], block: Block) -> bool:
    """``block`` ends with a colon and the next block is numbered "1."."""
    at = next(i for i, b in enumerate(blocks) if b is block)
    if at + 1 >= len(blocks) or not block.text.rstrip().endswith(":"):
        return False
    label, _ = split_label(blocks[at + 1])
    return label is not None and label.kind == "arabic" and label.value == "1"


def _first_numbered(blocks: list[Block]) -> int | None:
    """Index of the first block numbered with an arabic number ("1."), if any."""
    for i, b in enumerate(blocks):
        label, _ = split_label(b)
        if label is not None and label.kind == "arabic":
            return i
    return None


def _unlabelled_run(blocks: list[Block], at: int) -> tuple[int, bool, int]:
    """How many unlabelled item paragraphs follow from ``at`` (continuations in lower case
    aside), whether one of them opens a list of its own, and where the run ends."""
    run = 0
    j = at
    while j < len(blocks):
        text = blocks[j].text.strip()
        if split_label(blocks[j])[0] is not None or _ADOPTION_RE.match(text):
            break
        if _heading_like(text) and _heads_numbered(blocks, j):
            break
        if not text[:1].islower():
            run += 1
            if text.endswith(":"):
                return run, True, j
        j += 1
    return max(run, 1), False, j


# The number of a section of the operative part: a roman numeral alone ("II") or before its
# title ("VI. Outreach services"), a capital letter before its title ("A. Follow-up").
_SECTION_NUMBER_RE = re.compile(r"^(?:[IVXL]+|[IVXL]+\.\s+\S.*|[A-H]\.\s+\S.*)$")

# The letter of a part with its title on the same line: "A. General" (a resolution in
# parts whose letter and title are printed as one heading).
_PART_TITLED_RE = re.compile(r"^(?P<label>[A-H])\.\s+(?P<title>\S.{0,118})$")


def _is_author_line(text: str) -> bool:
    return bool(_AUTHOR_RE.match(text)) and text.endswith(",") and len(text) < 250


def _part_author_at(blocks: list[Block]) -> int | None:
    """Where a part's "The General Assembly," stands: first, or after at most two title
    lines (short, capitalised, without closing punctuation)."""
    for k, b in enumerate(blocks[:3]):
        text = b.text.strip()
        if _is_author_line(text):
            return k
        if not _heading_like(text) or split_label(b)[0] is not None:
            return None
    return None


def _part_letter(blocks: list[Block], at: int) -> tuple[str, str] | None:
    """(label, title on the same line) when the block at ``at`` opens a lettered part: a
    letter alone on its line ("A": a decision's part, or a resolution's part when its
    title and authoring line follow), or "A. Title" right before "The General
    Assembly,"."""
    text = blocks[at].text.strip()
    if _PART_RE.match(text):
        return text, ""
    m = _PART_TITLED_RE.match(text)
    if (
        m
        and not m.group("title").endswith(TERMINAL)
        and at + 1 < len(blocks)
        and _is_author_line(blocks[at + 1].text.strip())
    ):
        return m.group("label"), m.group("title").strip()
    return None


def _first_part_at(blocks: list[Block], author_at: int) -> int | None:
    """Where part A of a resolution in parts starts, when the first authoring line at
    ``author_at`` is preceded by "A" and at most two title lines (or by "A. Title")."""
    for back in (1, 2, 3):
        at = author_at - back
        if at < 0:
            return None
        letter = _part_letter(blocks, at)
        if letter is not None:
            return at if letter[0] == "A" else None
        if not _heading_like(blocks[at].text.strip()):
            return None
    return None


def _heading_like(text: str) -> bool:
    """A line of the operative part that is a heading, not a paragraph: short, capitalised,
    without closing punctuation ("Peacebuilding Commission", "VI", "B. Follow-up")."""
    return (
        len(text) <= _HEADING_MAX
        and text[:1].isupper()
        and not text.endswith(TERMINAL)
        and not text.startswith(("Distr.", "["))
    )


def _heads_numbered(blocks: list[Block], at: int) -> bool:
    """Whether the heading-like block at ``at`` is followed, after at most one more
    heading line ("VI" then "Outreach services"), by a numbered paragraph."""
    for b in blocks[at + 1 : at + 3]:
        label, _ = split_label(b)
        if label is not None:
            return label.kind == "arabic"
        if not _heading_like(b.text.strip()):
            return False
    return False


_HEADING_MAX = 120


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _label_style(label: str) -> tuple[str, str]:
    """(shape, kind) of a printed label: ("dot", "arabic") for "1.", ("paren", "roman") for
    "(i)", ("paren", "alpha") for "(a)"; a first "(i)" of a sequence is roman."""
    core = label.strip("().")
    shape = "paren" if label.startswith("(") else "half" if label.endswith(")") else "dot"
    if core.isdigit():
        return shape, "arabic"
    return shape, "roman" if from_roman(core) == 1 or core in ("ii", "iii") else "alpha"


def _label_value(label: str, style: tuple[str, str]) -> int | None:
    core = label.strip("().")
    if style[1] == "arabic":
        return int(core) if core.isdigit() else None
    if style[1] == "roman":
        return from_roman(core)
    return from_letters(core)


def _format_label(n: int, style: tuple[str, str], like: str) -> str:
    core = str(n) if style[1] == "arabic" else roman(n) if style[1] == "roman" else letters(n)
    if like.startswith("("):
        return f"({core})"
    return f"{core})" if like.endswith(")") else f"{core}."


def _opens(p: Paragraph) -> bool:
    """A paragraph ending with a colon introduces sub-paragraphs."""
    return p.text.rstrip().endswith(":")


def _numbered_heading(label: _Label | None, rest: str, last: int) -> bool:
    """A numbered line of an annex that is a heading: short, without closing punctuation,
    and numbered in a sequence of its own — its number is not the next paragraph's after
    ``last``, the printed number of the last numbered paragraph ("1. Education" after
    paragraph 17, then "18. Parties are …")."""
    if label is None or label.kind != "arabic" or not rest or len(rest) > 150:
        return False
    if rest.endswith((".", ";", ":", ",")) or not rest[:1].isupper():
        return False
    return last > 0 and int(label.value) != last + 1


def _restarts(blocks: list[Heading | Paragraph], inferred: dict[str, str]) -> bool:
    """Whether an annex's printed numbers start again at 1 after its headings: every run of
    numbered paragraphs under a heading starts at 1, and one of them follows numbered
    paragraphs, or the annex is in articles or rules ("Rule 2" / "1. … 2. …" alone) — a
    declaration in sections that runs on is not read as restarting."""
    firsts: list[str] = []  # the printed number of the first numbered paragraph of a run
    seen_numbered = after_heading = again = articles = False
    for b in blocks:
        if isinstance(b, Heading):
            after_heading = True
            articles = articles or _ARTICLE_HEADING_RE.match(b.text) is not None
            continue
        if b.unnumbered:
            continue
        if after_heading:
            firsts.append(b.source_label or inferred.get(b.id, ""))
            again = again or seen_numbered
        seen_numbered, after_heading = True, False
    return bool(firsts) and all(f.strip() == "1." for f in firsts) and (again or articles)


def _label_text(label: _Label | None) -> str | None:
    if label is None:
        return None
    return {"arabic": "{}.", "paren": "({})", "half": "{})", "dot": "{}."}[label.kind].format(
        label.value
    )


def _split_names(text: str) -> list[str]:
    parts = re.split(r",\s*|\s+and\s+", text.strip())
    return [p.strip() for p in parts if p.strip()]


class _NoteBinder:
    """Binds marks to footnote definitions: exactly by key when the source names the note
    (Word), otherwise the k-th mark "3" takes the k-th note "3"."""

    def __init__(self, notes: list[FootnoteDef]) -> None:
        self._by_label: dict[str, list[Footnote]] = defaultdict(list)
        self._all: list[Footnote] = []
        self._used: set[str] = set()
        self._issues: list[str] = []
        self._notes_in_order: list[Footnote] = []
        for n in notes:
            # A plain-text or PDF note has no italics: the series titles UN style prints
            # in italics ("United Nations, *Treaty Series*") are set as the export prints them.
            italics = with_series_titles(n.text, n.italics)
            fn = Footnote(n.text, italics=italics, source_number=n.label)
            self._notes_in_order.append(fn)
            if n.key is None:
                self._by_label[n.label].append(fn)
            if n.label != "*":
                self._all.append(fn)
        self._cursor: dict[str, int] = defaultdict(int)
        self._by_key: dict[str, Footnote] = {}
        for n, fn in zip(notes, self._notes_in_order, strict=True):
            if n.key is not None:
                self._by_key[n.key] = fn

    def bind(self, label: str, key: str | None = None) -> str | None:
        if key is not None:
            exact = self._by_key.get(key)
            if exact is None:
                self._issues.append(f"footnote mark {label} has no footnote text")
                return None
            self._used.add(exact.id)
            return exact.id
        queue = self._by_label.get(label, [])
        k = self._cursor[label]
        if k < len(queue):
            self._cursor[label] += 1
            self._used.add(queue[k].id)
            return queue[k].id
        if queue:  # a second mark to the same note ("reports,1,2" patterns, or a repeat)
            self._used.add(queue[-1].id)
            return queue[-1].id
        self._issues.append(f"footnote mark {label} has no footnote text")
        return None

    def take(self, label: str) -> str | None:
        """The text of an asterisk note (masthead), consumed."""
        queue = self._by_label.get(label, [])
        k = self._cursor[label]
        if k < len(queue):
            self._cursor[label] += 1
            self._used.add(queue[k].id)
            return queue[k].text
        return None

    def orphan_mark(self, mark: Mark, where: str) -> None:
        label = mark.label
        fid = self.bind(label, mark.key) if label != "*" else None
        if label == "*":
            text = self.take("*")
            if text:
                self._issues.append(f"asterisk note of the {where}: {text}")
            return
        if fid:
            self._issues.append(f"footnote {label} is marked in the {where}")

    def footnotes(self) -> list[Footnote]:
        return list(self._all)

    def unplaced(self) -> list[str]:
        out = list(self._issues)
        for key, fn in self._by_key.items():
            if fn.id not in self._used:
                out.append(f"footnote {fn.source_number or key} has no mark in the text")
        for label, queue in self._by_label.items():
            for fn in queue:
                if fn.id not in self._used:
                    if label == "*":
                        out.append(f"asterisk note without a mark: {fn.text}")
                    else:
                        out.append(f"footnote {label} has no mark in the text")
        return out
