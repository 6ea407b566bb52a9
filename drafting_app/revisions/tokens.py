"""Words of a paragraph as a drafter reads a change: each word with its punctuation, its
footnote marks ("Crime,¹" is one word) and the space before it (" report"), and the
italics of each word — so that a comparison marks whole words, never half a word, and a
moved mark or a word set in italics counts as a change of that word. (Spaces as tokens of
their own would match one another everywhere and make the comparison quadratic; carried
by the word after them, inserting or deleting a word is one token, its space with it.)

A paragraph becomes tokens and tokens become a paragraph again without loss
(:func:`tokenize`, :func:`rebuild`): accepting or rejecting part of a change rebuilds the
paragraph from the tokens of both sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from drafting_app.model.document import Anchor, Span

_WORDS = re.compile(r"\s*\S+|\s+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word (with the spaces before it and its punctuation), or the spaces ending a
    paragraph. ``italic`` are spans relative to
    the token; ``notes`` are ``(offset, footnote_id)`` of marks after the token's
    ``offset - 1``-th character (a mark at 0 opens the paragraph)."""

    text: str
    italic: tuple[tuple[int, int], ...] = ()
    notes: tuple[tuple[int, str], ...] = ()

    @property
    def space(self) -> bool:
        return self.text.isspace()

    def key(self, notes: Mapping[str, str] | None = None) -> object:
        """What two tokens must share to be the same word: text, italics, and footnote
        marks at the same place; ``notes`` maps footnote ids to the id of the footnote
        they correspond to on the other side (the base's note for a draft's)."""
        if not self.italic and not self.notes:
            return self.text
        marks = tuple((o, (notes or {}).get(f, f)) for o, f in self.notes)
        return (self.text, self.italic, marks)


def tokenize(
    text: str, italics: Sequence[Span] = (), anchors: Sequence[Anchor] = ()
) -> list[Token]:
    """The tokens of a paragraph's text with its italic spans and footnote marks."""
    pieces = [(m.start(), m.end()) for m in _WORDS.finditer(text)]
    if not italics and not anchors:
        return [Token(text[a:b]) for a, b in pieces]
    if not pieces:
        notes = tuple((0, a.footnote_id) for a in anchors)
        return [Token("", (), notes)] if notes else []
    marks: dict[int, list[tuple[int, str]]] = {}
    for anchor in sorted(anchors, key=lambda x: x.offset):
        # The mark follows character offset - 1: it belongs to the token holding that
        # character (the first token for a mark at 0).
        i = _piece_at(pieces, max(anchor.offset - 1, 0))
        marks.setdefault(i, []).append((anchor.offset - pieces[i][0], anchor.footnote_id))
    out: list[Token] = []
    for i, (a, b) in enumerate(pieces):
        spans = tuple(
            (max(s.start, a) - a, min(s.end, b) - a) for s in italics if s.start < b and s.end > a
        )
        out.append(Token(text[a:b], spans, tuple(marks.get(i, ()))))
    return out


def _piece_at(pieces: list[tuple[int, int]], offset: int) -> int:
    lo, hi = 0, len(pieces) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pieces[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def rebuild(
    tokens: Iterable[Token], notes: Mapping[str, str] | None = None
) -> tuple[str, list[Span], list[Anchor]]:
    """Text, italic spans (adjacent ones joined) and footnote marks of ``tokens``;
    ``notes`` renames footnote ids (a draft's notes to the base's)."""
    parts: list[str] = []
    spans: list[Span] = []
    anchors: list[Anchor] = []
    size = 0
    for t in tokens:
        for s, e in t.italic:
            start, end = size + s, size + e
            if spans and spans[-1].end == start:
                spans[-1] = Span(spans[-1].start, end)
            elif end > start:
                spans.append(Span(start, end))
        for o, f in t.notes:
            anchors.append(Anchor(size + o, (notes or {}).get(f, f)))
        parts.append(t.text)
        size += len(t.text)
    return "".join(parts), spans, anchors


def text_of(tokens: Iterable[Token]) -> str:
    return "".join(t.text for t in tokens)
