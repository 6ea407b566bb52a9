"""Logical blocks: the common currency between the format readers (text, Markdown, PDF text,
Word) and the structure builder.

A block is one paragraph of source text with its italic spans and footnote marks already
separated from the characters; a footnote definition is the text of one note with the mark
that introduced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from drafting_app.model.document import Span

TERMINAL = (",", ";", ":", ".", "!", "?", "”", "’", '"', ")")


@dataclass
class Mark:
    """A footnote mark as printed in the source ("1", "*") after character ``offset - 1``.

    ``key`` identifies the footnote exactly when the source says which note a mark refers
    to (a Word ``w:footnoteReference`` id); text sources leave it None and bind by label.
    """

    offset: int
    label: str
    key: str | None = None


@dataclass
class Block:
    """A paragraph of source text. ``lines`` keeps the physical lines (mastheads);
    ``heading`` is the Markdown heading level (0 when none); ``line`` is where the block
    starts in the source (1-based line of a text, paragraph number of a Word body; 0 when
    unknown), so that what the reader is unsure of can be shown where it is."""

    text: str
    italics: list[Span] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    heading: int = 0
    line: int = 0
    # the source lost the end of this paragraph (a PDF text layer that dropped its last
    # line): what it says about its closing punctuation is not the adopted text's
    cut: bool = False
    # the Word paragraph style's id ("UNSponsors"): the app's own named styles say what a
    # line of its export is, where the text alone does not (a masthead without "Distr.")
    style: str = ""

    def ends_open(self) -> bool:
        """True when the text stops mid-sentence (no closing punctuation): a page break
        or a footnote block split the paragraph."""
        stripped = self.text.rstrip()
        return bool(stripped) and not stripped.endswith(TERMINAL)

    def join(self, other: Block) -> Block:
        """This block continued by ``other`` (a paragraph split across a footnote block)."""
        sep = "" if self.text.endswith((" ", "-")) and self.text.endswith("-") else " "
        base = len(self.text) + len(sep)
        return Block(
            self.text + sep + other.text,
            self.italics + [Span(s.start + base, s.end + base) for s in other.italics],
            self.marks + [replace(m, offset=m.offset + base) for m in other.marks],
            self.lines + other.lines,
            self.heading,
            self.line,
            other.cut,
            self.style,
        )

    def slice(self, start: int, end: int | None = None) -> Block:
        """The block's text from ``start`` to ``end`` with spans and marks shifted."""
        end = len(self.text) if end is None else end
        italics = [
            Span(max(s.start, start) - start, min(s.end, end) - start)
            for s in self.italics
            if s.end > start and s.start < end
        ]
        marks = [
            replace(m, offset=m.offset - start) for m in self.marks if start <= m.offset <= end
        ]
        return Block(
            self.text[start:end],
            italics,
            marks,
            [self.text[start:end]],
            self.heading,
            self.line,
            self.cut and end == len(self.text),
            self.style,
        )

    def strip(self) -> Block:
        lead = len(self.text) - len(self.text.lstrip())
        tail = len(self.text.rstrip())
        return self.slice(lead, tail) if lead or tail != len(self.text) else self


def join_all(blocks: list[Block]) -> Block:
    """``blocks[0].join(blocks[1]).join(…)`` in one pass: joining one by one copies the
    text so far at every step (100,000 lines of one paragraph took a minute)."""
    if len(blocks) == 1:
        return blocks[0]
    texts: list[str] = []
    italics: list[Span] = []
    marks: list[Mark] = []
    lines: list[str] = []
    size = 0
    end = ""  # the last character of the text so far
    for n, b in enumerate(blocks):
        if n:
            sep = "" if end == "-" else " "
            texts.append(sep)
            size += len(sep)
            end = sep or end
        italics += [Span(s.start + size, s.end + size) for s in b.italics]
        marks += [replace(m, offset=m.offset + size) for m in b.marks]
        lines += b.lines
        texts.append(b.text)
        size += len(b.text)
        end = b.text[-1:] or end
    return Block("".join(texts), italics, marks, lines, blocks[0].heading)


@dataclass
class FootnoteDef:
    """A footnote as defined in the source: its mark label and its text (``key`` as in
    :class:`Mark`)."""

    label: str
    text: str
    italics: list[Span] = field(default_factory=list)
    key: str | None = None


_WS_RE = re.compile(r"[ \t]+")


def normalise_spaces(block: Block) -> Block:
    """Collapse runs of spaces/tabs to one space, keeping spans and marks aligned."""
    if not _WS_RE.search(block.text) or ("  " not in block.text and "\t" not in block.text):
        return block.strip()
    mapping: list[int] = []
    out: list[str] = []
    prev_space = False
    for ch in block.text:
        is_space = ch in " \t"
        if is_space and prev_space:
            mapping.append(len(out))
            continue
        mapping.append(len(out))
        out.append(" " if is_space else ch)
        prev_space = is_space
    mapping.append(len(out))
    new = Block(
        "".join(out),
        [Span(mapping[s.start], mapping[s.end]) for s in block.italics],
        [replace(m, offset=mapping[m.offset]) for m in block.marks],
        block.lines,
        block.heading,
        block.line,
        block.cut,
    )
    return new.strip()
