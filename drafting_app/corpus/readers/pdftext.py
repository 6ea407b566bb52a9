"""Reader for General Assembly texts as plain text from the official PDFs (tests/data/realdocs/ga).

The form: an optional ``SOURCE: …`` provenance line; masthead lines in blank-line groups
(United Nations, symbol, General Assembly, Distr.: General, date, session, agenda item and
title); "Resolution adopted by the General Assembly on …"; "[without reference to a Main
Committee (A/80/L.2/Rev.1)]"; "80/1. Title"; then one paragraph per line; the adoption line
("3rd plenary meeting" + date); annexes; and the footnotes moved to the end after a line of
underscores, one per line as ``N text``. In the body the footnote marks are bare digits
(see :mod:`drafting_app.corpus.readers.marks`).

GA decisions from the UN iGov records use another layout: no masthead, one paragraph per
line, tabs after the labels, footnotes inline as ``(Footnote: …)``, an opening "At its 43rd
plenary meeting, on 2 December 2024, the General Assembly, …", possibly in parts A, B, C.
"""

from __future__ import annotations

import re

from drafting_app.corpus.readers.blocks import Block, FootnoteDef, Mark
from drafting_app.corpus.readers.forms import INLINE_NOTE, NOTE_RE, RULE_RE
from drafting_app.corpus.readers.limits import check_blocks
from drafting_app.corpus.readers.marks import find_marks
from drafting_app.corpus.readers.structure import StructureBuilder
from drafting_app.model.document import Document

# An asterisk note at the foot of page 1: the symbol's ("* Reissued for technical reasons
# on …") or the sponsors' ("* On behalf of the States Members …").
_STAR_NOTE_RE = re.compile(r"^\s*(?P<label>\*{1,3})\s+(?P<text>\S.*)$")

_SOURCE_RE = re.compile(r"^SOURCE:\s*(?P<source>.*)$")
_TITLE_LINE_RE = re.compile(r"^(?:S-)?\d+/\d+(?:\s[A-H](?:,\s[A-H])*(?:\sand\s[A-H])?)?\.\s+\S")


def _clean(line: str) -> str:
    """One line with its tabs made spaces (labels are followed by a tab in the decision
    records). Other spacing is kept: a double space is a fault a check may report."""
    return line.replace("\t", " ").strip()


class PdfTextReader:
    """Reads the PDF-text form of GA resolutions and decisions into a :class:`Document`.

    ``repeat_marks``: older PDFs (2018) repeat a note's mark at a later mention of the same
    source; the PDF reader turns that on.
    """

    def __init__(self, builder: StructureBuilder | None = None, repeat_marks: bool = False) -> None:
        self.builder = builder or StructureBuilder()
        self.repeat_marks = repeat_marks

    def read(self, text: str, source: str = "") -> Document:
        provenance, blocks, notes = self.blocks(text)
        check_blocks(source or provenance, blocks, notes)
        return self.builder.build(blocks, notes, source or provenance)

    # -- splitting -------------------------------------------------------------------------
    def blocks(self, text: str) -> tuple[str, list[Block], list[FootnoteDef]]:
        """The provenance line, the body blocks with their marks, and the footnotes."""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
        provenance = ""
        offset = 1  # line number of lines[0]
        first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
        if first is not None and (m := _SOURCE_RE.match(lines[first].strip())):
            provenance = m.group("source")
            lines = lines[first + 1 :]
            offset += first + 1
        body_lines, note_lines = self._split_notes(lines)
        numbered = self._groups(body_lines, offset)
        groups = [g for g, _ in numbered]
        notes = self._notes(note_lines)
        if any(INLINE_NOTE in ln for ln in body_lines):
            blocks = [self._inline_notes(g, notes) for g in groups]
            for block, (_, line) in zip(blocks, numbered, strict=True):
                block.line = line
            return provenance, blocks, notes
        start = self._body_start(groups)
        texts, marks = find_marks(
            [" ".join(g) for g in groups],
            [n.label for n in notes],
            first=start,
            repeats=self.repeat_marks,
        )
        blocks = [
            Block(t, marks=mk, lines=g if len(g) > 1 else [t], line=line)
            for t, mk, (g, line) in zip(texts, marks, numbered, strict=True)
        ]
        return provenance, blocks, notes

    @staticmethod
    def _split_notes(lines: list[str]) -> tuple[list[str], list[str]]:
        """Body lines and footnote lines (after the last rule of underscores)."""
        rules = [i for i, ln in enumerate(lines) if RULE_RE.match(ln)]
        if not rules:
            return lines, []
        return lines[: rules[-1]], lines[rules[-1] + 1 :]

    @staticmethod
    def _groups(lines: list[str], offset: int = 1) -> list[tuple[list[str], int]]:
        """Blocks of lines with the line number of their first line: front matter keeps its
        blank-line groups (masthead, "Resolution adopted by … / on …"); from the numbered
        title on, every line is a paragraph."""
        groups: list[tuple[list[str], int]] = []
        current: list[str] = []
        start = offset
        in_body = False
        for number, raw in enumerate(lines, start=offset):
            line = _clean(raw)
            if not in_body and _TITLE_LINE_RE.match(line):
                in_body = True
                if current:
                    groups.append((current, start))
                    current = []
            if not line:
                if current:
                    groups.append((current, start))
                    current = []
                continue
            if in_body:
                groups.append(([line], number))
            else:
                if not current:
                    start = number
                current.append(line)
        if current:
            groups.append((current, start))
        if not in_body:  # no numbered title: treat each front group line as its own block
            return _split_front_only(groups)
        return groups

    @staticmethod
    def _body_start(groups: list[list[str]]) -> int:
        """Index of the first block where footnote marks may stand (the title line)."""
        for i, g in enumerate(groups):
            if len(g) == 1 and _TITLE_LINE_RE.match(g[0]):
                return i
        return 0

    @staticmethod
    def _notes(lines: list[str]) -> list[FootnoteDef]:
        """ "N text" lines; a line that does not start with the next number continues the
        previous note (a note broken across lines)."""
        notes: list[FootnoteDef] = []
        lines_of: list[list[str]] = []  # each note's lines, joined once at the end
        for raw in lines:
            line = _clean(raw)
            if not line:
                continue
            m = NOTE_RE.match(line)
            last = notes[-1].label if notes else ""
            expected = str(int(last) + 1) if last.isdigit() and len(last) < 8 else None
            star = _STAR_NOTE_RE.match(line) if not notes or not last.isdigit() else None
            if star:
                # "* Reissued for technical reasons on …" (the symbol's), "* On behalf of …"
                # (the sponsors'): the asterisk notes of page 1, before the numbered ones
                notes.append(FootnoteDef(star.group("label"), ""))
                lines_of.append([star.group("text").strip()])
            elif m and (expected is None or m.group("label") == expected):
                notes.append(FootnoteDef(m.group("label"), ""))
                lines_of.append([m.group("text").strip()])
            elif notes:
                lines_of[-1].append(line)
            else:
                notes.append(FootnoteDef("?", ""))
                lines_of.append([line])
        for note, pieces in zip(notes, lines_of, strict=True):
            note.text = join_lines(pieces)
        return notes

    @staticmethod
    def _inline_notes(group: list[str], notes: list[FootnoteDef]) -> Block:
        """A decision-record line: ``(Footnote: …)`` taken out as a mark and a note."""
        text = " ".join(group)
        out: list[str] = []
        marks: list[Mark] = []
        pos = 0
        while (at := text.find(INLINE_NOTE, pos)) >= 0:
            end = _closing_paren(text, at)
            if end < 0:
                break
            out.append(text[pos:at].rstrip())
            label = str(len(notes) + 1)
            notes.append(FootnoteDef(label, text[at + len(INLINE_NOTE) : end].strip()))
            marks.append(Mark(sum(len(p) for p in out), label))
            pos = end + 1
            if pos < len(text) and text[pos] == " ":
                out.append(" ")
                pos = len(text) - len(text[pos:].lstrip())
        out.append(text[pos:])
        joined = "".join(out)
        return Block(joined.strip(), marks=marks, lines=[joined.strip()])


def join_line(head: str, tail: str) -> str:
    """A line continued by the next. UN documents are not hyphenated, so a line ending in a
    hyphen ends inside a compound ("post-" + "conflict"); the text layer of a PDF may put a
    space before that hyphen ("drug -" + "resistant")."""
    if head.endswith("-"):
        return head.removesuffix(" -").removesuffix("-") + "-" + tail
    return f"{head} {tail}"


def _last(pieces: list[str], n: int) -> str:
    out = ""
    for piece in reversed(pieces):
        out = piece + out
        if len(out) >= n:
            break
    return out[-n:]


def _drop(pieces: list[str], n: int) -> None:
    while n and pieces:
        piece = pieces.pop()
        if len(piece) > n:
            pieces.append(piece[:-n])
            return
        n -= len(piece)


def join_lines(lines: list[str]) -> str:
    """``join_line`` over many lines at once, in time linear in their length (joining a
    note or paragraph of 300,000 lines one line at a time copied the text so far at every
    line)."""
    pieces: list[str] = []
    for line in lines:
        if pieces:
            if _last(pieces, 1) == "-":
                if _last(pieces, 2) == " -":
                    _drop(pieces, 2)
                if _last(pieces, 1) == "-":
                    _drop(pieces, 1)
                pieces.append("-")
            else:
                pieces.append(" ")
        pieces.append(line)
    return "".join(pieces)


def _closing_paren(text: str, at: int) -> int:
    """Index of the parenthesis closing the one at ``at`` (notes hold "(A/80/1)")."""
    depth = 0
    for i in range(at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _split_front_only(groups: list[tuple[list[str], int]]) -> list[tuple[list[str], int]]:
    """Without a numbered title every line after the masthead is a paragraph."""
    out: list[tuple[list[str], int]] = []
    for g, start in groups:
        if any(ln.startswith("Distr.") for ln in g) or len(g) == 1:
            out.append((g, start))
        else:
            out.extend(([ln], start + i) for i, ln in enumerate(g))
    return out
