"""Word-level difference of two paragraphs, with difflib's SequenceMatcher on the tokens of
:mod:`drafting_app.revisions.tokens`.

difflib (the standard library) rather than diff-match-patch: diff-match-patch diffs
characters and would need its words-to-characters trick and a clean-up pass to keep whole
words; SequenceMatcher compares any sequence of hashable items, so tokens are compared as
they are (a word with its punctuation, italics and footnote marks), and it is already in
every Python. A stretch of spaces alone between two changes is folded into one change, as
a reader sees "the report of the Secretary-General" → "a note by the President" as one
rewording, not five; so is a lone short word ("the", "of") left standing between two
changes (the clean-up diff-match-patch calls semantic).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from drafting_app.revisions.tokens import Token


@dataclass(frozen=True, slots=True)
class Hunk:
    """One stretch of change: base tokens ``[a0, a1)`` became draft tokens ``[b0, b1)``
    (an insertion when the first is empty, a deletion when the second is)."""

    a0: int
    a1: int
    b0: int
    b1: int

    @property
    def kind(self) -> str:
        if self.a0 == self.a1:
            return "insert"
        if self.b0 == self.b1:
            return "delete"
        return "replace"


@dataclass(frozen=True)
class WordDiff:
    """Base and draft tokens of one paragraph and the hunks between them."""

    base: tuple[Token, ...]
    new: tuple[Token, ...]
    hunks: tuple[Hunk, ...]

    @property
    def changed(self) -> bool:
        return bool(self.hunks)

    def segments(self) -> list[tuple[str, tuple[Token, ...], tuple[Token, ...]]]:
        """``("equal", tokens, tokens)`` and ``("change", deleted, inserted)`` in order."""
        out: list[tuple[str, tuple[Token, ...], tuple[Token, ...]]] = []
        i = j = 0
        for h in self.hunks:
            if h.a0 > i:
                out.append(("equal", self.base[i : h.a0], self.new[j : h.b0]))
            out.append(("change", self.base[h.a0 : h.a1], self.new[h.b0 : h.b1]))
            i, j = h.a1, h.b1
        if i < len(self.base) or j < len(self.new):
            out.append(("equal", self.base[i:], self.new[j:]))
        return out

    def inserted_text(self) -> str:
        return " ".join("".join(t.text for t in self.new[h.b0 : h.b1]).strip() for h in self.hunks)

    def deleted_text(self) -> str:
        return " ".join("".join(t.text for t in self.base[h.a0 : h.a1]).strip() for h in self.hunks)


def word_diff(
    base: Sequence[Token],
    new: Sequence[Token],
    notes: Mapping[str, str] | None = None,
    base_notes: Mapping[str, str] | None = None,
) -> WordDiff:
    """The hunks turning ``base`` into ``new``; ``notes`` and ``base_notes`` name the
    draft's and the base's footnotes alike (a mark is the same when it points to
    corresponding footnotes)."""
    a = [t.key(base_notes) for t in base]
    b = [t.key(notes) for t in new]
    if a == b:
        return WordDiff(tuple(base), tuple(new), ())
    hunks = fold_hunks(a, b, lambda i, j: _filler(base[i:j]))
    return WordDiff(tuple(base), tuple(new), tuple(hunks))


def fold_hunks(
    a: Sequence[Hashable], b: Sequence[Hashable], filler: Callable[[int, int], bool]
) -> list[Hunk]:
    """The changes between two sequences of word keys, a run of base items ``[i, j)`` for
    which ``filler(i, j)`` holds (spaces, a lone short word) between two changes folded
    into one change. The common start and end are set aside first: a rewording is
    usually a few words of a long paragraph, and SequenceMatcher need not see the rest."""
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    matcher = SequenceMatcher(
        None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False
    )
    hunks: list[Hunk] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a0, a1, b0, b1 = a0 + head, a1 + head, b0 + head, b1 + head
        last = hunks[-1] if hunks else None
        if last is not None and filler(last.a1, a0):
            hunks[-1] = Hunk(last.a0, a1, last.b0, b1)
        else:
            hunks.append(Hunk(a0, a1, b0, b1))
    return hunks


def is_filler(words: Sequence[str], marked: bool) -> bool:
    """Spaces, and at most one short word, without footnote marks."""
    texts = [w.strip() for w in words if not w.isspace()]
    if marked:
        return False
    return not texts or (len(texts) == 1 and len(texts[0]) <= _SHORT)


def _filler(tokens: Sequence[Token]) -> bool:
    return is_filler([t.text for t in tokens], any(t.notes for t in tokens))


_SHORT = 3


def select(diff: WordDiff, chosen: Sequence[int], *, from_new: bool) -> list[Token]:
    """The tokens after taking the hunks ``chosen`` (indexes into ``diff.hunks``) from
    one side: with ``from_new`` the base with those hunks accepted; otherwise the draft
    with those hunks rejected."""
    take = set(chosen)
    out: list[Token] = []
    i = j = 0
    for k, h in enumerate(diff.hunks):
        out.extend(diff.base[i : h.a0] if from_new else diff.new[j : h.b0])
        use_new = (k in take) == from_new
        out.extend(diff.new[h.b0 : h.b1] if use_new else diff.base[h.a0 : h.a1])
        i, j = h.a1, h.b1
    out.extend(diff.base[i:] if from_new else diff.new[j:])
    return out
