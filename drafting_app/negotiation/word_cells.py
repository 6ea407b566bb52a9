"""A compilation .docx read as labelled paragraphs of formatted characters.

The two layouts facilitators circulate: a table whose first column holds the labels (PP1,
OP5 bis, OP9 (a), OP7 Alt 2; a third column may hold the status or notes), or paragraphs
that begin with their label ("OP5 bis<tab>Requests …", "PP 3. Recalling …"). Each
character keeps what the compilation's meaning hangs on: bold (words to add), italics
(openers, delegation names), strikethrough (words to delete); footnote marks are cells of
their own. Everything else of the file (paragraphs without a label, other tables, tracked
deletions, Word comments, pictures) is listed for the loss report.

The package is opened by the corpus readers' hardened loader (no DTD, no entities, size
limits), so a hostile file is refused as it is there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from drafting_app.corpus.readers.word_package import WordPackage, open_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The character styles of the app's compilation (export/compilation.py).
ADDITION, DELETION, DELEGATION = "UNProposedAddition", "UNProposedDeletion", "UNDelegation"
_FALSE = ("0", "false", "off", "none")
_LATIN = (
    "bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|undecies|duodecies|"
    "terdecies|quaterdecies|quindecies|sexdecies|septdecies|octodecies|novodecies|vicies"
)
# "PP1", "OP 5 bis", "OP.5", "op5bis", "OP5 (a)", "OP5 (a bis)", "OP7 Alt 2", "PP3 alt.2".
LABEL_RE = re.compile(
    rf"(?P<part>PP|OP)\s?\.?\s?(?P<num>\d{{1,3}})(?:\s?(?P<suffix>{_LATIN}))?"
    rf"(?:\s?\((?P<sub>[a-z]{{1,4}}|[ivxl]{{1,6}})(?:\s(?P<subsuffix>{_LATIN}))?\))?"
    r"(?:\s(?:Alt|alt)\.?\s?(?P<alt>\d{1,2}))?",
    re.IGNORECASE,
)
_LEAD_RE = re.compile(rf"^\s*(?:{LABEL_RE.pattern})(?P<sep>\s*[.:)]?\s+|\t)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Label:
    """A label as read: "OP5 bis (a) Alt 2" → OP, 5, "bis", "a", "", 2."""

    part: str
    number: int
    suffix: str = ""
    sub: str = ""
    sub_suffix: str = ""
    alt: int = 0

    @property
    def own(self) -> str:
        """The paragraph's own label as the model keeps it ("OP5 bis", "(a bis)")."""
        if self.sub:
            return f"({self.sub}{f' {self.sub_suffix}' if self.sub_suffix else ''})"
        return f"{self.part}{self.number}{f' {self.suffix}' if self.suffix else ''}"

    @property
    def top(self) -> str:
        return f"{self.part}{self.number}{f' {self.suffix}' if self.suffix else ''}"

    @property
    def full(self) -> str:
        own = f"{self.top} {self.own}" if self.sub else self.top
        return f"{own} Alt {self.alt}" if self.alt else own


def read_label(text: str, *, whole: bool) -> tuple[Label, int] | None:
    """The label at the start of ``text`` and where the paragraph's words begin; with
    ``whole`` the text must be the label alone (a label cell)."""
    if whole:
        m = LABEL_RE.fullmatch(text.strip())
        end = len(text)
    else:
        m = _LEAD_RE.match(text)
        end = m.end() if m else 0
    if m is None:
        return None
    label = Label(
        m.group("part").upper(),
        int(m.group("num")),
        (m.group("suffix") or "").lower(),
        (m.group("sub") or "").lower(),
        (m.group("subsuffix") or "").lower(),
        int(m.group("alt") or 0),
    )
    return label, end


# A footnote mark stands in the characters as one object character, so text positions and
# cells stay one to one.
MARK = "\ufffc"


@dataclass(slots=True)
class Cell:
    """One character of a paragraph with its formatting, or a footnote mark (``note``, the
    character :data:`MARK`)."""

    ch: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    note: str = ""
    style: str = ""


@dataclass
class Item:
    """A labelled paragraph of the compilation (``extra``: a third table column)."""

    label: Label
    cells: list[Cell]
    extra: str = ""
    where: str = ""


@dataclass
class Sheet:
    """The compilation as read: front lines, labelled items, footnote texts by Word id,
    and what the file holds that is not a compilation paragraph."""

    front: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    unread: list[tuple[str, str]] = field(default_factory=list)


def _on(rpr: Any, tag: str) -> bool:
    if rpr is None:
        return False
    el = rpr.find(W + tag)
    return el is not None and (el.get(W + "val") or "true").lower() not in _FALSE


def _has(rpr: Any, tag: str) -> bool:
    return rpr is not None and rpr.find(W + tag) is not None


def _runs(p: Any) -> Iterator[Any]:
    """Runs of a paragraph in order, inside hyperlinks, fields and accepted insertions;
    never those of tracked deletions."""
    for child in p:
        if child.tag == W + "r":
            yield child
        elif child.tag in (W + "hyperlink", W + "ins", W + "smartTag", W + "fldSimple"):
            yield from _runs(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _runs(content)


def paragraph_cells(p: Any) -> list[Cell]:
    out: list[Cell] = []
    for r in _runs(p):
        rpr = r.find(W + "rPr")
        style = (rpr.find(W + "rStyle").get(W + "val") or "") if _has(rpr, "rStyle") else ""
        fmt = (
            _on(rpr, "b") or style == ADDITION,
            _on(rpr, "i") or style == DELEGATION,
            _on(rpr, "strike") or _on(rpr, "dstrike") or style == DELETION,
        )
        for node in r:
            if node.tag == W + "t":
                out += [Cell(c, *fmt, style=style) for c in node.text or ""]
            elif node.tag in (W + "tab", W + "br", W + "cr"):
                out.append(Cell(" " if node.tag != W + "tab" else "\t", *fmt, style=style))
            elif node.tag == W + "noBreakHyphen":
                out.append(Cell("\u2011", *fmt, style=style))
            elif node.tag == W + "footnoteReference":
                out.append(Cell(MARK, note=node.get(W + "id") or ""))
    return out


def text_of(cells: list[Cell]) -> str:
    """The words of ``cells`` (footnote marks left out)."""
    return "".join(c.ch for c in cells if not c.note)


def _footnotes(pkg: WordPackage) -> dict[str, str]:
    root = pkg.tree("word/footnotes.xml")
    out: dict[str, str] = {}
    if root is None:
        return out
    for fn in root.iter(W + "footnote"):
        if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in fn.iter(W + "t")).split())
        out[fn.get(W + "id") or ""] = text
    return out


def _table_items(tbl: Any, sheet: Sheet, index: int) -> None:
    for r, tr in enumerate(tbl.iter(W + "tr")):
        cells = tr.findall(W + "tc")
        if len(cells) < 2:
            continue
        head = " ".join(
            text_of([c for p in cells[0].iter(W + "p") for c in paragraph_cells(p)]).split()
        )
        found = read_label(head, whole=True)
        paras = list(cells[1].iter(W + "p"))
        body: list[Cell] = []
        for i, p in enumerate(paras):
            if i:
                body.append(Cell(" "))
            body += paragraph_cells(p)
        extra = "\n".join(
            text_of(paragraph_cells(p)) for tc in cells[2:] for p in tc.iter(W + "p")
        ).strip()
        where = f"table {index + 1}, row {r + 1}"
        if found is not None:
            sheet.items.append(Item(found[0], body, extra, where))
        elif text_of(body).strip() and r > 0:
            sheet.unread.append((where, f"{head} | {text_of(body).strip()}"))


def read_sheet(data: bytes, name: str) -> Sheet:
    """Read the compilation layout of a .docx (WordFileError for a damaged or unsafe one)."""
    pkg = open_package(data, name)
    root = pkg.tree(pkg.main)
    body = root.find(W + "body") if root is not None else None
    sheet = Sheet(notes=_footnotes(pkg))
    if body is None:
        return sheet
    tables = 0
    for child in body:
        if child.tag == W + "tbl":
            before = len(sheet.items)
            _table_items(child, sheet, tables)
            if len(sheet.items) == before:
                sheet.unread.append((f"table {tables + 1}", "a table without labels"))
            tables += 1
        elif child.tag == W + "p":
            cells = paragraph_cells(child)
            text = text_of(cells)
            found = read_label(text, whole=False)
            if found is not None:
                label, start = found
                sheet.items.append(Item(label, cells[start:], "", f"paragraph {label.full}"))
            elif text.strip():
                if sheet.items:
                    sheet.unread.append((f"after {sheet.items[-1].label.full}", text.strip()))
                else:
                    sheet.front.append(" ".join(text.split()))
        _unread_parts(child, sheet)
    return sheet


def _unread_parts(el: Any, sheet: Sheet) -> None:
    """Tracked deletions, Word comments and pictures: not part of the compilation text."""
    for d in el.iter(W + "del"):
        words = " ".join("".join(t.text or "" for t in d.iter(W + "delText")).split())
        if words:
            sheet.unread.append(("tracked deletion (not imported)", words))
    if any(True for _ in el.iter(W + "commentReference")):
        sheet.unread.append(("Word comment", "a comment anchored here is not imported"))
    if any(True for _ in el.iter(W + "drawing")):
        sheet.unread.append(("picture", "a picture is not imported"))
