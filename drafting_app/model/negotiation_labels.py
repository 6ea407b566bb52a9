"""Paragraph labels of a compilation text: PP1…, OP1… fixed when the negotiation starts,
"OP5 bis", "OP5 ter" … for paragraphs slotted in later, "(a)", "(a bis)" for
sub-paragraphs (shown with their parent: "OP5 (a bis)").

A label, once given, never changes: not when paragraphs are inserted before it, moved or
deleted. A paragraph added since the last freeze has a provisional label computed from the
paragraph before it; :class:`~drafting_app.model.negotiation_edits.LabelNewParagraphs`
freezes it (the controller does so after every structural edit).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from drafting_app.model.document import Document, Paragraph, Part
from drafting_app.model.negotiation import Negotiation
from drafting_app.model.numbering import paragraph_labels
from drafting_app.model.tree import body_locations

# Latin ordinals of inserted paragraphs (UN practice: bis, ter, quater …).
LATIN = (
    "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
    "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies",
    "septdecies", "octodecies", "novodecies", "vicies",
)  # fmt: skip
PREFIX = {Part.PREAMBLE: "PP", Part.OPERATIVE: "OP"}
_TOP_RE = re.compile(r"^(?P<base>(?:PP|OP)\d+)(?: (?P<suffix>[a-z]+|\d+))?$")
_SUB_RE = re.compile(r"^\((?P<base>[a-z]+|\d+)(?: (?P<suffix>[a-z]+|\d+))?\)$")
_ORDINAL = {word: i + 1 for i, word in enumerate(LATIN)}


def ordinal(n: int) -> str:
    """1 → "bis", 2 → "ter" …; past the Latin ordinals a number ("21")."""
    return LATIN[n - 1] if n <= len(LATIN) else str(n + 1)


def suffix_number(word: str) -> int | None:
    """ "bis" → 1, "ter" → 2 …, "21" → 20; None for a word that is not an ordinal."""
    if word.isdigit():
        return int(word) - 1 if int(word) > len(LATIN) else None
    return _ORDINAL.get(word)


def split_label(label: str) -> tuple[str, int, bool] | None:
    """``(base, suffix, sub)``: "OP5 ter" → ("OP5", 2, False), "(a bis)" → ("a", 1, True);
    None for a label of another shape (read from a hand-made compilation)."""
    for pattern, sub in ((_TOP_RE, False), (_SUB_RE, True)):
        m = pattern.match(label)
        if m is None:
            continue
        word = m.group("suffix")
        if word is None:
            return m.group("base"), 0, sub
        n = suffix_number(word)
        return (m.group("base"), n, sub) if n is not None else None
    return None


def join_label(base: str, suffix: int, sub: bool) -> str:
    tail = f" {ordinal(suffix)}" if suffix else ""
    return f"({base}{tail})" if sub else f"{base}{tail}"


def is_inserted(label: str) -> bool:
    """A bis/ter label: the paragraph was slotted in during the negotiation."""
    parts = split_label(label)
    return parts is not None and parts[1] > 0


def _candidates(base: str, suffix: int, sub: bool) -> Iterator[str]:
    n = suffix
    while True:
        n += 1
        yield join_label(base, n, sub)


def next_label(previous: str | None, used: set[str], first: str) -> str:
    """The label of a paragraph slotted in after the one labelled ``previous`` (at the
    head of its list when None): the first free ordinal after it ("OP5" → "OP5 bis", or
    "OP5 ter" when "OP5 bis" is taken). At the head of a list: ``first`` ("PP0", "(a)")
    itself when free, else its first free ordinal. A label of an unknown shape gets
    " bis" appended, then " ter" …"""
    if previous is None:
        if first not in used:
            return first
        previous = first
    parts = split_label(previous)
    if parts is None:
        n = 0
        while True:
            n += 1
            candidate = f"{previous} {ordinal(n)}"
            if candidate not in used:
                return candidate
    base, suffix, sub = parts
    for candidate in _candidates(base, suffix, sub):
        if candidate not in used:
            return candidate
    raise AssertionError  # pragma: no cover - the candidates never end


# -- labels of a document ----------------------------------------------------------------
def frozen_labels(doc: Document) -> dict[str, str]:
    """The labels given when the negotiation starts: PP1…, OP1… in order, sub-paragraphs
    by their printed letter ("(a)", "(i)")."""
    derived = paragraph_labels(doc)
    out: dict[str, str] = {}
    for part, paras in ((Part.PREAMBLE, doc.preamble), (Part.OPERATIVE, doc.operative)):
        for i, p in enumerate(paras):
            out[p.id] = f"{PREFIX[part]}{i + 1}"
            for child in p.children:
                _freeze_children(child, derived, out)
    return out


def _freeze_children(p: Paragraph, derived: dict[str, str], out: dict[str, str]) -> None:
    label = derived.get(p.id, "")
    out[p.id] = label if label.startswith("(") else f"({label.rstrip('.') or 'a'})"
    for child in p.children:
        _freeze_children(child, derived, out)


def local_labels(doc: Document, negotiation: Negotiation) -> dict[str, str]:
    """Every body paragraph's own label: the frozen one, or the provisional one a
    paragraph added since would get (computed in document order, so several new ones in a
    row are "bis", "ter")."""
    records = negotiation.records
    out = {pid: r.label for pid, r in records.items()}
    derived = paragraph_labels(doc)
    # Top-level labels are unique over the whole body (a PP moved into the operative part
    # keeps "PP3"); those of paragraphs out of the text (undo can bring them back) count.
    used_top = {r.label for r in records.values() if _TOP_RE.match(r.label)}
    for part, paras in ((Part.PREAMBLE, doc.preamble), (Part.OPERATIVE, doc.operative)):
        _label_list(paras, out, used_top, f"{PREFIX[part]}0", derived, top=PREFIX[part])
    return out


def _label_list(
    paras: Iterable[Paragraph],
    out: dict[str, str],
    used: set[str],
    first: str,
    derived: dict[str, str],
    *,
    top: str = "",
) -> None:
    previous: str | None = None
    items = list(paras)
    for i, p in enumerate(items):
        label = out.get(p.id)
        if label is None:
            head = first if top else _sub_first(p, derived)
            # A sub-paragraph added at the end of its list takes the next letter: "(b)".
            last = not top and i == len(items) - 1
            label = head if last and head not in used else next_label(previous, used, head)
            out[p.id] = label
            used.add(label)
        previous = label
        children_used = {out[c.id] for c in p.children if c.id in out}
        if p.children:
            _label_list(p.children, out, children_used, "", derived)


def _sub_first(p: Paragraph, derived: dict[str, str]) -> str:
    label = derived.get(p.id, "(a)")
    return label if label.startswith("(") else f"({label.rstrip('.')})"


def new_paragraph_ids(doc: Document, negotiation: Negotiation) -> list[str]:
    """Body paragraphs without a frozen label, in document order."""
    return [p.id for _, p in body_locations(doc) if p.id not in negotiation.records]


def full_labels(doc: Document, negotiation: Negotiation) -> dict[str, str]:
    """Labels as a compilation prints them: "PP3", "OP5 bis", "OP5 (a bis)"."""
    local = local_labels(doc, negotiation)
    out: dict[str, str] = {}

    def walk(p: Paragraph, prefix: str) -> None:
        own = local.get(p.id, "")
        label = f"{prefix} {own}".strip()
        out[p.id] = label
        for child in p.children:
            walk(child, label)

    for p in (*doc.preamble, *doc.operative):
        walk(p, "")
    return out
