"""Word's tracked changes (WordprocessingML revisions): Accept All and Reject All as Word
does them, on the XML, and the list of the revisions with their authors and dates.

What Word writes (ECMA-376 §17.13.5): inserted runs inside ``w:ins``, deleted runs inside
``w:del`` with their text in ``w:delText``; moves as ``w:moveFrom`` / ``w:moveTo`` with
named ranges; a whole inserted or deleted paragraph also marks its paragraph mark
(``w:pPr/w:rPr/w:ins`` or ``w:del``): accepting a deleted mark (or rejecting an inserted
one) joins the paragraph to the next, which keeps its own properties. Formatting changes
keep the old properties in ``w:rPrChange`` / ``w:pPrChange``; table rows are inserted or
deleted through ``w:trPr``.

Reading a Word file with tracked changes gives two texts — every change accepted (what the
author proposes) and every change rejected (the text they started from) — and the import
keeps both, so that no change is silently accepted or dropped.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from drafting_app.corpus.readers.word_numbering import W

_INS, _DEL = W + "ins", W + "del"
_MOVE_FROM, _MOVE_TO = W + "moveFrom", W + "moveTo"
_RPR, _PPR, _TRPR = W + "rPr", W + "pPr", W + "trPr"
_PROPERTY_CHANGES = tuple(
    W + n
    for n in (
        "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
        "tblGridChange", "trPrChange", "tcPrChange", "numberingChange",
    )
)  # fmt: skip
_RANGES = tuple(
    W + n for n in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
)
_CELL_MARKS = (W + "cellIns", W + "cellDel", W + "cellMerge")
REVISION_TAGS = (_INS, _DEL, _MOVE_FROM, _MOVE_TO, *_PROPERTY_CHANGES)


def has_revisions(root: Any) -> bool:
    """Whether a part holds any tracked change."""
    return root is not None and next(root.iter(*REVISION_TAGS), None) is not None


def _remove(el: Any) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _unwrap(el: Any) -> None:
    """Replace ``el`` by its children."""
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    for child in list(el):
        parent.insert(at, child)
        at += 1
    parent.remove(el)


def _is_mark(el: Any) -> bool:
    """A revision of a paragraph mark, of a run's properties or of a table row."""
    parent = el.getparent()
    return parent is not None and parent.tag in (_RPR, _TRPR)


def _restore_text(el: Any) -> None:
    for t in el.iter(W + "delText"):
        t.tag = W + "t"
    for t in el.iter(W + "delInstrText"):
        t.tag = W + "instrText"


def _old_properties(change: Any) -> None:
    """Reject a formatting change: the properties become those ``change`` kept."""
    props = change.getparent()
    if props is None:
        return
    old = next(iter(change), None)
    keep = [c for c in props if c.tag in (_RPR, W + "sectPr")] if props.tag == _PPR else []
    for c in list(props):
        props.remove(c)
    if old is not None:
        for c in list(old):
            if c.tag != _RPR or props.tag != _PPR:
                props.append(c)
    for c in keep:  # the paragraph mark's own properties are not part of pPrChange
        props.append(c)


def _join_next(p: Any) -> None:
    """A paragraph whose mark goes: its content joins the next paragraph, which keeps its
    own properties (a cell's or the body's last paragraph keeps its mark)."""
    nxt = p.getnext()
    while nxt is not None and nxt.tag in (*_RANGES, W + "bookmarkStart", W + "bookmarkEnd"):
        nxt = nxt.getnext()
    if nxt is None or nxt.tag != W + "p":
        return
    content = [c for c in p if c.tag != _PPR]
    at = 1 if nxt.find(_PPR) is not None else 0
    for c in content:
        nxt.insert(at, c)
        at += 1
    _remove(p)


def resolve(root: Any, accept: bool) -> Any:
    """A copy of a part (document, footnotes, comments, header) with every tracked change
    accepted (``accept``) or rejected."""
    root = copy.deepcopy(root)
    gone, kept = (
        ((_DEL, _MOVE_FROM), (_INS, _MOVE_TO)) if accept else ((_INS, _MOVE_TO), (_DEL, _MOVE_FROM))
    )
    joining: list[Any] = []
    for el in list(root.iter(*gone)):
        if not _is_mark(el):
            _remove(el)
            continue
        owner = el.getparent().getparent()
        if owner is None:
            continue
        if owner.tag == _PPR and owner.getparent() is not None:
            joining.append(owner.getparent())
            _remove(el)
        elif owner.tag in (W + "tr", W + "r"):  # a row, or a run, marked as a whole
            _remove(owner)
        else:
            _remove(el)
    for el in list(root.iter(*kept)):
        if _is_mark(el):
            _remove(el)
        else:
            _unwrap(el)
    if not accept:
        _restore_text(root)
    for change in list(root.iter(*_PROPERTY_CHANGES)):
        if accept:
            _remove(change)
        else:
            _old_properties(change)
    for el in list(root.iter(*_RANGES, *_CELL_MARKS)):
        _remove(el)
    for p in joining:
        _join_next(p)
    return root


@dataclass(frozen=True)
class Revision:
    """One tracked change found in a part: what it did, who, when, its words, and the
    paragraph it is in (its text with every change accepted, or rejected for a deletion)."""

    kind: str  # "insertion", "deletion", "move", "formatting"
    author: str
    date: str
    text: str
    context: str
    part: str


def _plain(el: Any) -> str:
    out = []
    for t in el.iter(W + "t", W + "delText", W + "tab"):
        out.append(" " if t.tag == W + "tab" else t.text or "")
    return " ".join("".join(out).split())


def revisions(root: Any, part: str) -> Iterator[Revision]:
    """Every tracked change of a part in document order (a paragraph mark counts with its
    paragraph)."""
    if root is None:
        return
    for p in root.iter(W + "p"):
        after = _plain(resolve(p, True))
        before = _plain(resolve(p, False))
        for el in p.iter(*REVISION_TAGS):
            author = el.get(W + "author", "") or "unknown"
            date = el.get(W + "date", "")
            tag = el.tag
            if tag in (_INS, _MOVE_TO):
                kind = "move" if tag == _MOVE_TO else "insertion"
                text = after if _is_mark(el) else _plain(el)
                yield Revision(kind, author, date, text, after, part)
            elif tag in (_DEL, _MOVE_FROM):
                kind = "move" if tag == _MOVE_FROM else "deletion"
                text = before if _is_mark(el) else _plain(el)
                yield Revision(kind, author, date, text, before, part)
            elif el.getparent() is not None and el.getparent().tag == _RPR:
                run = el.getparent().getparent()
                text = _plain(run) if run is not None and run.tag == W + "r" else after
                yield Revision("formatting", author, date, text, after, part)
            else:
                yield Revision("formatting", author, date, "", after, part)
