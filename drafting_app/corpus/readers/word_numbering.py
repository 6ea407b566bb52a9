"""Word automatic numbering (numbering.xml) resolved to the labels a reader sees.

Drafts that come back from delegations often number operative paragraphs with Word's list
feature instead of typed "1." text. The label is then not in the text at all: it is computed
by Word from the paragraph's ``w:numPr`` (or its style's), the abstract list definition's
level (start, numFmt, lvlText such as "%1." or "(%2)") and counters that run through the
document. This module replays those counters so the importer can put "1.", "(a)", "i." back
in front of the text and let the structure builder nest the paragraphs as usual.

Word semantics followed here (as Word and LibreOffice render them):
- numbering instances (``w:num``) that share an abstract definition share its counters, so a
  list "broken" into several numIds keeps counting; ``w:lvlOverride/w:startOverride``
  restarts a level the first time its numId is used;
- numbering a level resets all deeper levels; a jump over a level leaves it at its start;
- ``w:numId`` 0 switches numbering off (it overrides a numbered style);
- a style may carry the numbering (``w:pStyle`` → style ``w:numPr``, with ``basedOn``);
- a start value is at most 32,767 (Word's own limit: its dialog refuses more, and it reads
  a larger ``w:start`` as that) and at least 0; the file's value is reported when it was
  out of range (``18446744073709551616`` in a 16 KB file once asked for a 24 GB label);
- a level's text is at most 255 characters, and a number Word would write as a long run
  of letters or roman numerals is written in figures past 16 characters, so that no label
  grows without bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafting_app.model.numbering import letters, roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_LEVELS = 9
MAX_START = 32_767
MAX_LEVEL_TEXT = 255
MAX_NUMBER_CHARS = 16
MAX_STYLE_CHAIN = 32


def wval(el: Any, tag: str) -> str | None:
    """The ``w:val`` of child ``w:tag`` of ``el`` (None when absent)."""
    if el is None:
        return None
    child = el.find(W + tag)
    return None if child is None else child.get(W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class Level:
    """One level of an abstract list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    style: str | None = None


@dataclass
class _Abstract:
    levels: dict[int, Level] = field(default_factory=dict)
    style_link: str | None = None


def format_number(fmt: str, n: int) -> str:
    """A counter value in a Word number format (unknown formats fall back to decimal;
    letters or roman numerals longer than MAX_NUMBER_CHARS are written in figures)."""
    if fmt == "none":
        return ""
    if n <= 0:
        return "0" if fmt.startswith("decimal") else ""
    if fmt in ("lowerLetter", "upperLetter") and (n - 1) // 26 < MAX_NUMBER_CHARS:
        return letters(n).upper() if fmt == "upperLetter" else letters(n)
    if fmt in ("lowerRoman", "upperRoman") and n < 4000 * MAX_NUMBER_CHARS // 4:
        numeral = roman(n)
        if len(numeral) <= MAX_NUMBER_CHARS:
            return numeral.upper() if fmt == "upperRoman" else numeral
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _start(value: str | None, default: int, out_of_range: list[str]) -> int:
    """A start value as Word takes it: 0 to MAX_START (the file's own noted when not)."""
    n = _int(value, default)
    if 0 <= n <= MAX_START:
        return n
    out_of_range.append(str(value)[:40])
    return min(max(n, 0), MAX_START)


class Styles:
    """Paragraph styles: the numbering a style carries, through ``w:basedOn`` (at most
    MAX_STYLE_CHAIN styles deep: Word's own templates go four or five; each paragraph
    asks, so a chain of 100,000 styles would cost every paragraph that much)."""

    def __init__(self, root: Any | None) -> None:
        self._styles: dict[str, Any] = {}
        self._chains: dict[str, list[Any]] = {}
        if root is not None:
            for s in root.iter(W + "style"):
                sid = s.get(W + "styleId")
                if sid:
                    self._styles[sid] = s

    def chain(self, style_id: str | None) -> list[Any]:
        if not style_id:
            return []
        known = self._chains.get(style_id)
        if known is not None:
            return known
        out: list[Any] = []
        seen: set[str] = set()
        sid: str | None = style_id
        while sid and sid in self._styles and sid not in seen and len(out) < MAX_STYLE_CHAIN:
            seen.add(sid)
            s = self._styles[sid]
            out.append(s)
            sid = wval(s, "basedOn")
        self._chains[style_id] = out
        return out

    def num_pr(self, style_id: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph of this style inherits."""
        num_id: str | None = None
        ilvl: str | None = None
        for s in self.chain(style_id):
            npr = s.find(f"{W}pPr/{W}numPr")
            if npr is None:
                continue
            num_id = num_id if num_id is not None else wval(npr, "numId")
            ilvl = ilvl if ilvl is not None else wval(npr, "ilvl")
        return num_id, ilvl

    def is_italic(self, style_id: str | None) -> bool:
        for s in self.chain(style_id):
            i = s.find(f"{W}rPr/{W}i")
            if i is not None:
                return i.get(W + "val", "true") not in ("0", "false", "off")
        return False


class Numbering:
    """Replays Word's list counters paragraph by paragraph."""

    def __init__(self, root: Any | None, styles: Styles) -> None:
        self.styles = styles
        self._abstract: dict[str, _Abstract] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        # Start values out of Word's range, as the file has them (for the import report).
        self.out_of_range: list[str] = []
        if root is None:
            return
        for a in root.iter(W + "abstractNum"):
            ab = _Abstract(style_link=wval(a, "numStyleLink"))
            for lvl in a.iter(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0)
                if not 0 <= ilvl < MAX_LEVELS:
                    continue  # Word has nine levels; another is never shown
                ab.levels[ilvl] = Level(
                    start=_start(wval(lvl, "start"), 1, self.out_of_range),
                    fmt=wval(lvl, "numFmt") or "decimal",
                    text=(wval(lvl, "lvlText") or "")[:MAX_LEVEL_TEXT],
                    style=wval(lvl, "pStyle"),
                )
            self._abstract[a.get(W + "abstractNumId", "")] = ab
        for n in root.iter(W + "num"):
            overrides: dict[int, int] = {}
            for o in n.iter(W + "lvlOverride"):
                start = wval(o, "startOverride")
                ilvl = _int(o.get(W + "ilvl"), 0)
                if start is not None and 0 <= ilvl < MAX_LEVELS:
                    overrides[ilvl] = _start(start, 1, self.out_of_range)
            self._nums[n.get(W + "numId", "")] = (wval(n, "abstractNumId") or "", overrides)

    def _abstract_of(self, num_id: str) -> tuple[str, _Abstract] | None:
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        for _ in range(3):  # numStyleLink → numbering style → its numId → abstractNum
            ab = self._abstract.get(aid)
            if ab is None:
                return None
            if not ab.style_link or ab.levels:
                return aid, ab
            linked, _ = self.styles.num_pr(ab.style_link)
            if linked is None or linked not in self._nums:
                return None
            aid = self._nums[linked][0]
        return None

    def label(self, ppr: Any | None) -> str | None:
        """The label Word shows before this paragraph ("1.", "(a)"), "" for a bullet or an
        empty format, None when the paragraph is not in a list. Advances the counters."""
        style = wval(ppr, "pStyle")
        npr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = wval(npr, "numId")
        ilvl_s = wval(npr, "ilvl")
        s_num, s_ilvl = self.styles.num_pr(style)
        num_id = num_id if num_id is not None else s_num
        if num_id is None or num_id == "0":
            return None
        found = self._abstract_of(num_id)
        if found is None:
            return None
        aid, ab = found
        ilvl_s = ilvl_s if ilvl_s is not None else s_ilvl
        if ilvl_s is None and style:
            ilvl_s = next((str(k) for k, lv in ab.levels.items() if lv.style == style), None)
        ilvl = min(max(_int(ilvl_s, 0), 0), MAX_LEVELS - 1)
        level = ab.levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(aid, {})
        overrides = self._nums[num_id][1]
        if num_id not in self._started:
            self._started.add(num_id)
            for lv, start in overrides.items():
                counters[lv] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return ""
        text = level.text
        for k in range(MAX_LEVELS, 0, -1):
            token = f"%{k}"
            if token in text:
                other = ab.levels.get(k - 1, Level())
                text = text.replace(
                    token, format_number(other.fmt, counters.get(k - 1, other.start))
                )
        return text.strip()
