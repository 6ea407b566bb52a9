"""Reader for resolutions as text extracted from issued documents: plain text with Unicode
superscript marks (¹²³) and *italics*, or Markdown (## headings, <sup>n</sup> marks, ---
rules, [64/293](#) links).

Footnote blocks sit where a page ended; a paragraph they split in two is rejoined, and each
footnote is attached to its mark.
"""

from __future__ import annotations

import html
import re

from drafting_app.corpus.readers.blocks import Block, FootnoteDef, Mark, join_all, normalise_spaces
from drafting_app.corpus.readers.limits import cancelled, check_blocks
from drafting_app.corpus.readers.structure import StructureBuilder
from drafting_app.model.document import Document, Span

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(_SUPERSCRIPTS, "0123456789")
# No "[" inside the link text: "[[[[…" fails at once at every bracket instead of scanning
# the rest of the line from each (quadratic on a hostile line).
_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\((?:#|[^)\s]*)\)")
_TOKEN_RE = re.compile(
    r"<sup>\s*(?P<sup>[^<]{1,12}?)\s*</sup>"
    rf"|(?P<uni>[{_SUPERSCRIPTS}]+)"
    r"|(?<![*\w])\*(?=[^\s*])(?P<ital>[^*\n]+?)(?<=[^\s*])\*(?![*\w])"
)
_TOKEN_START_RE = re.compile(rf"[<*{_SUPERSCRIPTS}]")
_DEF_START_RE = re.compile(
    rf"^(?:<sup>\s*(?P<sup>[^<]+?)\s*</sup>|(?P<uni>[{_SUPERSCRIPTS}]+)|(?P<star>\*{{1,3}}))\s+(?=\S)"
)
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
_RULE_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


_MARKDOWN_RE = re.compile(r"<sup>|^#{1,6}\s|^---\s*$|\]\(#\)", re.M)


def is_markdown(text: str) -> bool:
    """Whether ``text`` is in the Markdown form: a <sup> mark, a # heading, a --- rule or
    a [link](#). The pattern tries its four alternatives at every character (a sixteenth
    of a corpus build's reading of a plain text): it runs only when the text holds what
    one of them starts with."""
    if "<sup>" in text or "](#)" in text:
        return True
    starts = text.startswith(("#", "---")) or "\n#" in text or "\n---" in text
    return starts and _MARKDOWN_RE.search(text) is not None


def parse_inline(raw: str) -> Block:
    """Text of one line with marks and italics separated from the characters."""
    # Most lines of a corpus hold no mark and no italics, and the token pattern tries its
    # alternatives at every character: it starts at the first character a token can begin
    # with (a corpus build reads millions of lines).
    first = _TOKEN_START_RE.search(raw)
    if first is None:
        return Block(raw, [], [], [raw])
    out: list[str] = []
    italics: list[Span] = []
    marks: list[Mark] = []
    pos = 0
    length = 0
    for m in _TOKEN_RE.finditer(raw, first.start()):
        plain = raw[pos : m.start()]
        out.append(plain)
        length += len(plain)
        pos = m.end()
        if m.group("sup") is not None:
            for label in re.split(r"\s*,\s*", m.group("sup").strip()):
                if label:
                    marks.append(Mark(length, label))
        elif m.group("uni") is not None:
            marks.append(Mark(length, m.group("uni").translate(_SUP_TO_DIGIT)))
        else:
            inner = parse_inline(m.group("ital"))
            out.append(inner.text)
            italics.append(Span(length, length + len(inner.text)))
            marks.extend(Mark(length + mk.offset, mk.label) for mk in inner.marks)
            length += len(inner.text)
    tail = raw[pos:]
    out.append(tail)
    return Block("".join(out), italics, marks, [raw])


def _clean_markdown_line(line: str) -> str:
    return html.unescape(_LINK_RE.sub(r"\1", line))


def _merge_lines(blocks: list[Block]) -> Block:
    merged = join_all(blocks)
    merged.lines = [ln for b in blocks for ln in b.lines]
    return normalise_spaces(merged)


# A line that ends in one of these words goes on: no title or paragraph ends there.
FUNCTION_WORD_RE = re.compile(
    r"\b(?:the|of|to|and|or|against|for|in|on|by|with|a|an|its|their|that|from|as|at)$"
)


def continues(prev: Block, nxt: Block, after_notes: bool) -> bool:
    """Whether ``nxt`` continues ``prev`` across a page break: ``prev`` stops without closing
    punctuation and either a footnote block stood between them, ``nxt`` starts in lower case,
    or ``prev`` ends on a word that cannot end a heading ("of", "the", "against")."""
    if not prev.ends_open() or not nxt.text:
        return False
    if re.match(r"^(?:\d{1,3}\.|\([a-z]{1,5}\))\s", nxt.text):
        return False
    return after_notes or nxt.text[0].islower() or bool(FUNCTION_WORD_RE.search(prev.text))


class TextReader:
    """Reads the plain-text and Markdown forms of the bundled corpus."""

    def __init__(self, builder: StructureBuilder | None = None) -> None:
        self.builder = builder or StructureBuilder()

    def read(self, text: str, source: str = "") -> Document:
        blocks, notes = self.blocks(text)
        check_blocks(source, blocks, notes)
        return self.builder.build(blocks, notes, source)

    def blocks(self, text: str) -> tuple[list[Block], list[FootnoteDef]]:
        text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        markdown = is_markdown(text)
        raw_blocks = self._raw_blocks(text, markdown)
        body: list[Block | None] = []  # None marks where a footnote block stood
        notes: list[FootnoteDef] = []
        for n, (lines, heading, line) in enumerate(raw_blocks):
            if n % 256 == 0:
                cancelled()
            defs = self._definitions(lines)
            if defs is not None:
                notes.extend(defs)
                if body and body[-1] is not None:
                    body.append(None)
                continue
            parsed = [parse_inline(ln) for ln in lines]
            block = _merge_lines(parsed)
            block.heading = heading
            block.line = line
            body.append(block)
        return self._rejoin(body), notes

    def _raw_blocks(self, text: str, markdown: bool) -> list[tuple[list[str], int, int]]:
        """(lines, heading level, 1-based line number of the first line) per block."""
        out: list[tuple[list[str], int, int]] = []
        current: list[str] = []
        start = 0
        for number, line in enumerate(text.split("\n"), start=1):
            if markdown:
                line = _clean_markdown_line(line)
            if _RULE_RE.match(line):
                if current:
                    out.append((current, 0, start))
                    current = []
                continue
            h = _HEADING_RE.match(line) if markdown else None
            if h:
                if current:
                    out.append((current, 0, start))
                    current = []
                out.append(([h.group(2)], len(h.group(1)), number))
                continue
            if not line.strip():
                if current:
                    out.append((current, 0, start))
                    current = []
                continue
            if not current:
                start = number
            current.append(line)
        if current:
            out.append((current, 0, start))
        return out

    def _definitions(self, lines: list[str]) -> list[FootnoteDef] | None:
        """The footnote definitions of a block, or None when it is body text."""
        if not _DEF_START_RE.match(lines[0]):
            return None
        if lines[0].startswith("*") and re.match(r"^\*[^\s*]", lines[0]):
            return None  # "*Italic* text" is body text
        defs: list[FootnoteDef] = []
        pieces: list[list[str]] = []  # each note's text, joined once at the end
        size = 0
        for line in lines:
            m = _DEF_START_RE.match(line)
            if m:
                label = m.group("sup") or (m.group("uni") or "").translate(_SUP_TO_DIGIT)
                label = label or m.group("star")
                inner = parse_inline(line[m.end() :])
                defs.append(FootnoteDef(label.strip(), "", inner.italics))
                pieces.append([inner.text.strip()])
                size = len(pieces[-1][0])
            elif defs:
                inner = parse_inline(line)
                base = size + 1
                pieces[-1].append(inner.text.strip())
                size = base + len(pieces[-1][-1])
                defs[-1].italics += [Span(s.start + base, s.end + base) for s in inner.italics]
        for d, texts in zip(defs, pieces, strict=True):
            d.text = " ".join(texts)
        return defs

    @staticmethod
    def _rejoin(body: list[Block | None]) -> list[Block]:
        """Rejoin paragraphs split by a footnote block (no closing punctuation before it).
        The pieces of one paragraph are joined once (whether the next piece continues
        depends only on the end of the text so far: the last piece's)."""
        runs: list[list[Block]] = []
        after_notes = False
        for b in body:
            if b is None:
                after_notes = True
                continue
            last = runs[-1][-1] if runs else None
            if (
                last
                and not runs[-1][0].heading
                and not b.heading
                and continues(last, b, after_notes)
            ):
                runs[-1].append(b)
            else:
                runs.append([b])
            after_notes = False
        return [join_all(run) for run in runs]
