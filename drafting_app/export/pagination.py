"""Filling pages the UN way: every footnote prints at the foot of the page where its mark is.

Pure logic over measured lines (the Qt PDF writer measures them): a page takes lines while
those lines and all the notes their marks call still fit; a heading is kept with what follows
it, and a paragraph's first line is not left alone at the foot of a page nor its last line
alone at the top of the next.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Twips between the body text and the first footnote, the short rule between: what
# LibreOffice leaves under the text of the .docx (measured on the corpus and GA texts:
# 120–140 gives its page breaks; Word's separator paragraph is a little taller). 140: page
# 1 of A/RES/80/5 has room for 139 under its last full paragraph, and LibreOffice takes
# the next paragraph over whole.
NOTE_GAP = 140


@dataclass(frozen=True, slots=True)
class Line:
    """A laid-out line: its top and bottom (twips from the top of the body), the note marks
    it carries, and where it sits in its paragraph."""

    top: float
    bottom: float
    marks: tuple[str, ...] = ()
    first: bool = True
    last: bool = True
    keep_with_next: bool = False


@dataclass
class Page:
    """The stretch of body ``top``..``bottom`` and the notes printed at its foot, in order."""

    top: float
    bottom: float
    notes: list[str] = field(default_factory=list)


def notes_height(marks: list[str], heights: dict[str, float]) -> float:
    """Room the notes take at the foot of a page, rule included."""
    return NOTE_GAP + sum(heights[m] for m in marks) if marks else 0.0


def _marks(lines: list[Line]) -> list[str]:
    return list(dict.fromkeys(m for line in lines for m in line.marks))


def _break_before(
    lines: list[Line], start: int, end: int, heights: dict[str, float], room: float
) -> int:
    """Move the break up so a heading goes with what follows it, a paragraph's last line is
    not alone at the top of the next page and its first line not alone at the foot of this
    one (never emptying the page)."""
    cut = end
    if lines[cut].last and not lines[cut].first and cut - 1 > start:
        pair = lines[cut - 1 : cut + 1]
        if pair[1].bottom - pair[0].top + notes_height(_marks(pair), heights) <= room:
            cut -= 1  # widow: one more line goes over with it, when the two fit there
    while cut - 1 > start:
        prev = lines[cut - 1]
        if prev.keep_with_next or (prev.first and not prev.last):
            cut -= 1
        else:
            break
    return cut if cut > start else end


def paginate(
    lines: list[Line], heights: dict[str, float], room: float, first_room: float | None = None
) -> list[Page]:
    """Pages of ``room`` twips (the first of ``first_room``: under a masthead): body lines
    plus the notes their marks call."""
    pages: list[Page] = []
    start = 0
    full = room
    while start < len(lines):
        room = first_room if first_room is not None and not pages else full
        # The first page starts at the top of the body: the first paragraph's space before
        # ("Resolution 5/2" 18 pt down) is on it, as Word and LibreOffice print it.
        top = 0.0 if not pages else lines[start].top
        end = start + 1  # a page always takes at least one line
        while end < len(lines):
            notes = _marks(lines[start : end + 1])
            need = lines[end].bottom - top + notes_height(notes, heights)
            if need > room:
                break
            end += 1
        if end < len(lines):
            end = _break_before(lines, start, end, heights, room)
        taken = lines[start:end]
        pages.append(Page(min(top, taken[0].top), taken[-1].bottom, _marks(taken)))
        start = end
    return pages or [Page(0.0, 0.0)]
