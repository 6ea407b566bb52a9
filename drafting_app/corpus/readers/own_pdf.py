"""The app's own PDFs (File › Export as PDF, ``export --pdf``: Qt's PDF writer, Creator
"drafting-app") read back as the text they were made from.

Qt writes one run of text per change of font, its words separated by tabs, a paragraph's
first line with no space before it, the notes' rule as a drawn line and the marks as small
raised runs. Read as text, every italic opening phrase and every mark broke its paragraph,
and no paragraph's start could be told from a wrapped line: the app refused its own PDFs.
The runs are placed by their position instead (pypdf's text visitor gives each its place,
size and font, within the same bounded reading as the text): lines by baseline; a mark
joined, as ``<sup>n</sup>``, to the line it is raised above; a paragraph's first line told
by its indent or the space above it; a line broken after a slash or a hyphen joined without
a space; the running header (the symbol) and the page number dropped; the notes, set
smaller at the foot of each page, gathered after a rule; italic runs kept as ``*…*``. The
result is the Markdown form of the bundled corpus, which the text reader reads.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from drafting_app.export.page import A4, PageProfile
from drafting_app.export.word_styles import BODY_INDENT
from drafting_app.model.characters import unligated

CREATOR = "drafting-app"

# A label printed before its text in a run of its own: "1.", "(a)", "80/6.".
_LABEL_RE = re.compile(r"^(?:\(?[0-9A-Za-z]{1,5}[.)]|\d+/\d+\.)$")
_SYMBOL_RE = re.compile(r"^[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\))?$")
_NUMBER_RE = re.compile(r"^\d{1,4}$")
# A line Qt broke after a slash or a hyphen, where no space was: "FCCC/CP/2015/10/" + "Add.1".
_UNBROKEN_RE = re.compile(r"\S[/\-‑]$")
# Front lines that are lines of their own, whatever the line above: "[without reference to
# a Main Committee (A/73/L.4)]", "on 10 October 2018".
_OWN_FRONT_LINES = ("[", "on ")
# A mark is set at most this size of the body text (Qt's export: 6 pt in the text, 7.2 pt
# before a note, for 10 pt text and 9 pt notes).
_MARK = 0.75


@dataclass(frozen=True, slots=True)
class Run:
    """A run of text as drawn: its left edge and baseline in points (y up), its size and
    whether its font is italic or bold."""

    x: float
    y: float
    size: float
    text: str
    italic: bool = False
    bold: bool = False


class RunCollector:
    """A pypdf ``visitor_text`` gathering the runs of one page."""

    def __init__(self) -> None:
        self.runs: list[Run] = []

    def __call__(
        self, text: str, cm: list[float], tm: list[float], font: object, size: float
    ) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (cm[0] ** 2 + cm[1] ** 2) ** 0.5 * ((tm[0] ** 2 + tm[1] ** 2) ** 0.5 or 1.0)
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        italic = "Italic" in name or "Oblique" in name
        bold = "Bold" in name
        run = Run(round(x, 2), round(y, 2), round(size * scale, 2), unligated(text), italic, bold)
        self.runs.append(run)


@dataclass
class _Line:
    y: float
    size: float  # of its largest run: a line of marks alone is a mark
    runs: list[Run] = field(default_factory=list)
    marks: list[Run] = field(default_factory=list)

    @property
    def x(self) -> float:
        return min(r.x for r in self.runs)

    @property
    def bold(self) -> bool:
        """Set in bold throughout: a heading (an annex's "Article 8", "Chapter III")."""
        return all(r.bold for r in self.runs if r.text.strip())

    @cached_property
    def columns(self) -> list[str]:
        """The line's text, split where a run stands a column away from the one before
        (the masthead's "United Nations" and its symbol). Made once the page's lines are
        complete, and asked again of the line above by the next one."""
        out: list[list[str]] = [[]]
        runs = sorted(self.runs + self.marks, key=lambda r: r.x)
        for i, run in enumerate(runs):
            piece = re.sub(r"\s+", " ", run.text.replace("\t", " "))
            if run in self.marks:
                out[-1].append(f"<sup>{piece.strip()}</sup>")
                continue
            if run.italic and piece.strip():
                lead, core, tail = _split_spaces(piece)
                piece = f"{lead}*{core}*{tail}"
            if i and runs[i - 1] in self.marks:
                # After a mark the next word's space is where it stands ("Crime,⁵ welcomes:"):
                # a mark is a digit or two, its width known to a point.
                before = runs[i - 1]
                end = before.x + 0.55 * before.size * len(before.text.strip())
                if not piece.startswith(" ") and run.x - end > 0.2 * run.size:
                    piece = " " + piece
            elif i:
                before = runs[i - 1]
                # Glyphs are about half an em wide: far beyond that is another column.
                if run.x - (before.x + 0.5 * before.size * len(before.text)) > 3 * run.size:
                    out.append([piece.lstrip()])
                    continue
                joined = "".join(out[-1])
                # A label and its text are two runs with the tab's room between them.
                spaced = joined.endswith(" ") or piece.startswith(" ")
                if joined and not spaced and _LABEL_RE.match(before.text.strip()):
                    out[-1].append(" ")
            if piece.lstrip()[:1] in (",", ";", ":", ".", ")") and out[-1]:
                # No space before punctuation: Qt may end the run before it with a tab.
                out[-1][-1] = out[-1][-1].rstrip()
                piece = piece.lstrip()
            out[-1].append(piece)
        return [c for c in (re.sub(r" {2,}", " ", "".join(p)).strip() for p in out) if c]

    def text(self) -> str:
        return " ".join(self.columns)


def _split_spaces(piece: str) -> tuple[str, str, str]:
    core = piece.strip()
    lead = piece[: len(piece) - len(piece.lstrip())]
    tail = piece[len(piece.rstrip()) :]
    return lead, core, tail


def _lines(runs: list[Run], body: float) -> list[_Line]:
    """The page's lines from the top; a mark (a run much smaller than the body text) joins
    the line whose baseline is just below it."""
    big = sorted((r for r in runs if r.size > _MARK * body), key=lambda r: (-r.y, r.x))
    lines: list[_Line] = []
    for run in big:
        if lines and abs(lines[-1].y - run.y) < 0.3 * max(run.size, lines[-1].size):
            lines[-1].runs.append(run)
            lines[-1].size = max(lines[-1].size, run.size)
        else:
            lines.append(_Line(run.y, run.size, [run]))
    # The baselines from the bottom up, to find the one just below each mark by bisection
    # (a page of many marks and lines must not cost their product: a hostile file).
    up = sorted(lines, key=lambda ln: ln.y)
    ys = [ln.y for ln in up]
    for mark in (r for r in runs if r.size <= _MARK * body):
        at = bisect.bisect_right(ys, mark.y) - 1
        if at >= 0 and mark.y - up[at].y <= 0.8 * up[at].size:
            up[at].marks.append(mark)
    lines.sort(key=lambda ln: -ln.y)
    return lines


# Four tenths of the text's width (A4, between the body's 2 cm indents), in points.
_FAR_IN = 0.4 * (A4.text_width - 2 * BODY_INDENT) / 20


def _left_edge() -> float:
    """Where the text's lines start, in points: the export sets the masthead, the headings
    and the running header at the page's left margin (the same on A4 and US Letter, every
    page) and the text :data:`BODY_INDENT` further in."""
    return (PageProfile("", 0, 0).left + BODY_INDENT) / 20


@dataclass
class _Text:
    # Each block's pieces, joined once at the end (adding line by line to a string copied
    # the paragraph so far at every line: quadratic on a hostile one of many lines).
    blocks: list[list[str]] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)
    front: bool = True  # the masthead and the lines above the text: a line stays a line
    last_size: float = 0.0  # of the text's last line so far (a page may end a paragraph)
    last_bold: bool = False  # and whether it was set in bold (a heading)

    def add(self, text: str, new: bool) -> None:
        """``text`` as a new block (a front line is a block of its own, as the corpus's
        texts write the masthead), or the rest of the last block's paragraph."""
        _append(self.blocks, text, new)

    def add_note(self, line: _Line, text: str) -> None:
        first = sorted(line.runs + line.marks, key=lambda r: r.x)[0]
        number = first.text.strip()
        label = _NUMBER_RE.match(number) or number in ("*", "**", "***")
        if label and (first in line.marks or len(line.runs) > 1):
            rest = text.removeprefix(f"<sup>{number}</sup>").removeprefix(number).strip()
            _append(self.notes, f"<sup>{number}</sup> {rest}", new=True)
        else:
            _append(self.notes, text, new=False)

    def markdown(self) -> str:
        out = "\n\n".join("".join(b) for b in self.blocks)
        if self.notes:
            out += "\n\n---\n\n" + "\n".join("".join(n) for n in self.notes)
        return out + "\n"


def _append(blocks: list[list[str]], text: str, new: bool) -> None:
    if new or not blocks:
        blocks.append([text])
    elif _UNBROKEN_RE.search(blocks[-1][-1]) and text[:1].isalnum():
        blocks[-1].append(text)  # broken after a slash or a hyphen: no space
    else:
        blocks[-1].append(" " + text)


def markdown(pages: list[list[Run]]) -> str:
    """The text of the app's own PDF in the corpus's Markdown form (see the module)."""
    sizes: Counter[float] = Counter()
    for runs in pages:
        for r in runs:
            sizes[r.size] += len(r.text)
    if not sizes:
        return ""
    body = sizes.most_common(1)[0][0]
    out = _Text()
    symbol = ""
    left = _left_edge()
    for index, runs in enumerate(pages):
        lines = _lines(runs, body)
        if index == 0:
            columns = (c for ln in lines[:6] for c in ln.columns)
            symbol = next((c for c in columns if _SYMBOL_RE.match(c)), "")
        else:
            # From page 2: the symbol over a rule at the head, the page number at the foot.
            if lines and symbol and lines[0].text() == symbol:
                lines = lines[1:]
            if lines and _NUMBER_RE.match(lines[-1].text()):
                lines = lines[:-1]
        _page(out, lines, body, left, first=index == 0)
    return out.markdown()


def _width(ln: _Line) -> float:
    """Where a line ends, about: glyphs are half an em wide on average."""
    last = max(ln.runs, key=lambda r: r.x)
    return last.x + 0.5 * last.size * len(last.text)


def _page(out: _Text, lines: list[_Line], body: float, left: float, first: bool) -> None:
    right = max((_width(ln) for ln in lines if abs(ln.size - body) < 0.05 * body), default=0.0)
    in_notes = False
    previous: _Line | None = None
    for ln in lines:
        columns = ln.columns
        if not columns:
            continue
        if ln.size < 0.95 * body and previous is not None and not out.front:
            in_notes = True  # the notes, set smaller, below the page's text
        if in_notes:
            out.add_note(ln, " ".join(columns))
            continue
        # A paragraph's first line is indented; a field of the masthead's right column
        # stands much further in.
        indented = left + 3 < ln.x < left + 0.35 * (right - left)
        gap = previous.y - ln.y if previous is not None else 0.0
        spaced = previous is not None and gap > 1.45 * max(ln.size, previous.size)
        if out.front and indented and first:
            out.front = False  # the authoring formula (or the first paragraph) is indented
        if out.front:
            # A front line stays a line (the masthead's fields, "Resolution adopted by …" /
            # "on …"), unless the line above was full and it wraps on (a long title).
            full = (
                previous is not None
                and len(previous.columns) == 1
                and abs(previous.x - ln.x) < 3
                and _width(previous) >= 0.85 * right
                and not columns[0].startswith(_OWN_FRONT_LINES)
            )
            for i, c in enumerate(columns):
                out.add(c, new=not (full and i == 0 and not spaced))
            previous = ln
            continue
        text = " ".join(columns)
        if previous is None:
            # A page's first line continues the last paragraph unless it starts one: it is
            # indented, labelled or set in another size (an annex's title on a new page).
            new = first or indented or _LABEL_RE.match(text.split(" ", 1)[0]) is not None
            new = new or abs(ln.size - out.last_size) > 0.05 * body
            # A line set far in (the adoption line, to the right) is no wrapped line: those
            # start at the text's edge or a sub-item's indent. Alone at the top of the last
            # page, it was read as the end of the last paragraph.
            new = new or ln.x > left + _FAR_IN
            # A heading in bold at the head of a page, after a paragraph in roman, starts a
            # block: "Article 8" at the left edge, like the paragraph's wrapped lines.
            new = new or (ln.bold and not out.last_bold)
        else:
            # A paragraph is spaced from the one before and its first line indented from
            # the line above; a sub-item's wrapped lines stand in line with each other.
            new = spaced or ln.x > previous.x + 3 or abs(ln.size - previous.size) > 0.05 * body
            # Under a line set far in (the adoption line's date, to the right) no line wraps
            # on: the record of the vote under it starts a block.
            new = new or previous.x > left + _FAR_IN
        out.add(text, new)
        out.last_size, out.last_bold = ln.size, ln.bold
        previous = ln
