"""Derived numbering per UN style: operative "1.", sub-paragraphs "(a)", "(i)", "a.", "i.";
decision form "(a)", "(i)"; footnotes 1, 2, 3 in order of their marks.

Numbers are computed from position on every call; nothing here is stored in the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drafting_app.model.document import Annex, Document, Form, Paragraph

_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip


def roman(n: int) -> str:
    """Lower-case roman numeral: 4 → "iv"."""
    if n <= 0:
        raise ValueError("roman numerals start at 1")
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """a, b, … z, aa, bb … (UN style doubles the letter after z)."""
    if n <= 0:
        raise ValueError("letters start at 1")
    q, r = divmod(n - 1, 26)
    return chr(ord("a") + r) * (q + 1)


def from_roman(s: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    s = s.lower()
    if not s or any(c not in values for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = values[c]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total if roman(total) == s else None


def from_letters(s: str) -> int | None:
    s = s.lower()
    if not s or not s.isalpha() or not s.isascii() or len(set(s)) != 1:
        return None
    return (ord(s[0]) - ord("a") + 1) + 26 * (len(s) - 1)


# Label styles per depth. Resolution form: 1. (a) (i) a. i.; decision form: (a) (i) a. i.
_RESOLUTION_STYLES = ("arabic", "paren_alpha", "paren_roman", "alpha_dot", "roman_dot")
_DECISION_STYLES = ("paren_alpha", "paren_roman", "alpha_dot", "roman_dot", "arabic")


def format_label(style: str, n: int) -> str:
    if style == "arabic":
        return f"{n}."
    if style == "paren_alpha":
        return f"({letters(n)})"
    if style == "paren_roman":
        return f"({roman(n)})"
    if style == "alpha_dot":
        return f"{letters(n)}."
    if style == "roman_dot":
        return f"{roman(n)}."
    raise ValueError(style)


def style_for(form: Form, depth: int) -> str:
    styles = _DECISION_STYLES if form is Form.DECISION else _RESOLUTION_STYLES
    return styles[min(depth, len(styles) - 1)]


@dataclass(frozen=True)
class Numbered:
    """An operative paragraph with its derived label and position path (0-based)."""

    paragraph: Paragraph
    label: str
    path: tuple[int, ...]

    @property
    def depth(self) -> int:
        return len(self.path) - 1


def _walk(
    paras: list[Paragraph], form: Form, prefix: tuple[int, ...], lone: bool
) -> Iterator[Numbered]:
    depth = len(prefix)
    for i, p in enumerate(paras):
        path = (*prefix, i)
        label = "" if lone and depth == 0 else format_label(style_for(form, depth), i + 1)
        yield Numbered(p, label, path)
        yield from _walk(p.children, form, path, False)


def number_operative(paras: list[Paragraph], form: Form = Form.RESOLUTION) -> Iterator[Numbered]:
    """Operative paragraphs with labels. A lone resolution-form paragraph is unnumbered."""
    lone = form is Form.RESOLUTION and len(paras) == 1
    yield from _walk(paras, form, (), lone)


def preamble_subparagraphs(paras: list[Paragraph]) -> Iterator[Numbered]:
    """Preambular paragraphs are unnumbered; their sub-paragraphs take (a), then (i) — the
    styles of an operative sub-paragraph, one level below an unnumbered paragraph
    ("Reaffirming that the Global Plan of Action was developed:" then "(a) To promote …,",
    A/RES/70/179)."""
    for i, p in enumerate(paras):
        yield Numbered(p, "", (i,))
        yield from _walk(p.children, Form.RESOLUTION, (i,), False)


def operative_labels(doc: Document) -> dict[str, str]:
    """Paragraph id → derived label ("3.", "(b)") for the operative part of ``doc``."""
    return {n.paragraph.id: n.label for n in number_operative(doc.operative, doc.form)}


def paragraph_labels(doc: Document) -> dict[str, str]:
    """Paragraph id → label for every numbered paragraph (body and annexes)."""
    labels = operative_labels(doc)
    for n in preamble_subparagraphs(doc.preamble):
        if n.label:
            labels[n.paragraph.id] = n.label
    for annex in doc.annexes:
        labels.update(annex_labels(annex))
    for part in doc.parts:
        for n in number_operative(part.operative, part.form):
            labels[n.paragraph.id] = n.label
        for n in preamble_subparagraphs(part.preamble):
            if n.label:
                labels[n.paragraph.id] = n.label
    return labels


def annex_labels(annex: Annex) -> dict[str, str]:
    """Paragraph id → label in an annex: "1." on for its numbered paragraphs, from 1 again
    after each heading where the annex's numbering restarts (articles of a convention); an
    unnumbered paragraph has "" and its sub-paragraphs still (a), (b). A lone paragraph is
    unnumbered, as in the operative part."""
    labels: dict[str, str] = {}
    count = 0
    lone = len(annex.paragraphs()) == 1
    for block in annex.blocks:
        if not isinstance(block, Paragraph):
            count = 0 if annex.restarts else count
            continue
        if block.unnumbered or lone:
            labels[block.id] = ""
        else:
            count += 1
            labels[block.id] = format_label("arabic", count)
        for n in _walk(block.children, Form.RESOLUTION, (count,), False):
            labels[n.paragraph.id] = n.label
    return labels


def footnote_numbers(doc: Document) -> dict[str, int]:
    """Footnote id → number, in order of first mark in the text (UN: arabic, document order).

    Footnotes with no mark in the text are numbered after the anchored ones, in list order,
    so that nothing disappears from a rendering.
    """
    numbers: dict[str, int] = {}
    for f in doc.anchored_footnotes():
        numbers[f.id] = len(numbers) + 1
    for f in doc.footnotes:
        if f.id not in numbers:
            numbers[f.id] = len(numbers) + 1
    return numbers
