"""Grouping identical and near-identical agreed language.

The same clause is adopted again and again with small changes (a comma, a number, "Also"),
so "Invites Member States and other donors to provide extrabudgetary resources…" of
resolution 5/2 (op 18) and resolution 10/3 (op 17) are one clause with two sources.

Texts are normalised (case, punctuation, digits → "0", ladder adverbs dropped) and compared
as token sets (Jaccard similarity). Candidates are texts sharing two of their three rarest
tokens (near-identical texts almost always do), so the work stays near-linear on a corpus of
hundreds of thousands of paragraphs.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

SIMILARITY = 0.85
_RARE_KEYS = 3
_MAX_BUCKET = 400
_WORD = re.compile(r"\w+", re.UNICODE)
_DIGITS = re.compile(r"\d+")
_LADDER = {"also", "further"}


# The fast path of normalise for a text in ASCII (most of the corpus, once its curly
# quotes, dashes and no-break spaces are read as the separators they are): bytes.translate
# turns every byte that is not a word character into a space and every digit into "0",
# at C speed (the two regex passes over each clause were a sixth of a worker's reading of
# a document). The same tokens as the regexes: \w on ASCII is [A-Za-z0-9_].
_ASCII_WORDS = bytes(
    48 if chr(c) in "0123456789" else c if chr(c).isascii() and (chr(c).isalnum() or c == 95)
    else 32
    for c in range(256)
)  # fmt: skip
# Punctuation of UN texts outside ASCII (no-break space, dashes, curly quotes, ellipsis).
_SEPARATORS = str.maketrans(dict.fromkeys("\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026", " "))


def _tokens(low: str) -> list[str]:
    """The word tokens of lower-cased ``low``, digit runs folded to "0"."""
    if not low.isascii():
        low = low.translate(_SEPARATORS)
    if not low.isascii():
        # Folded before splitting (one regex pass, "0" being a word character).
        return _WORD.findall(_DIGITS.sub("0", low))
    folded = low.encode().translate(_ASCII_WORDS)
    while b"00" in folded:  # a run of digits is one "0"
        folded = folded.replace(b"00", b"0")
    return folded.decode().split()


def normalise(text: str) -> tuple[str, ...]:
    """Lower-case word tokens, each run of digits folded to "0" (a number is not what makes
    language agreed), leading ladder adverb dropped."""
    tokens = _tokens(text.lower())
    if tokens and tokens[0] in _LADDER:
        tokens = tokens[1:]
    elif len(tokens) > 1 and tokens[1] in _LADDER:
        del tokens[1]
    return tuple(tokens)


def text_key(tokens: Sequence[str]) -> int:
    """A stable 63-bit key of normalised tokens: exact duplicates share it (the same in
    every process, unlike hash())."""
    digest = hashlib.blake2b("\x1f".join(tokens).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def group_texts(texts: Sequence[str], threshold: float = SIMILARITY) -> list[list[int]]:
    """Indexes of ``texts`` grouped by near-identity, each group in input order.

    Groups come in order of their first member; a text alone is a group of one.
    """
    keys = [normalise(t) for t in texts]
    union = _Union(len(texts))
    exact: dict[tuple[str, ...], int] = {}
    distinct: list[int] = []
    for i, key in enumerate(keys):
        first = exact.setdefault(key, i)
        if first == i:
            distinct.append(i)
        else:
            union.join(first, i)
    _join_near(distinct, [frozenset(keys[i]) for i in distinct], union, threshold)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[union.find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _join_near(ids: list[int], sets: list[frozenset[str]], union: _Union, threshold: float) -> None:
    frequency: Counter[str] = Counter()
    for s in sets:
        frequency.update(s)
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, s in enumerate(sets):
        rare = sorted(s, key=lambda t: (frequency[t], t))[:_RARE_KEYS]
        for pair in itertools.combinations(rare, 2):
            buckets[pair].append(n)
    for members in buckets.values():
        if len(members) < 2 or len(members) > _MAX_BUCKET:
            continue
        members.sort(key=lambda m: len(sets[m]))
        for x, a in enumerate(members):
            limit = len(sets[a]) / threshold
            for b in members[x + 1 :]:
                if len(sets[b]) > limit:
                    break  # sorted by size: no later member can be close enough
                if union.find(ids[a]) != union.find(ids[b]) and _close(sets[a], sets[b], threshold):
                    union.join(ids[a], ids[b])


def _close(a: frozenset[str], b: frozenset[str], threshold: float) -> bool:
    small, large = sorted((len(a), len(b)))
    if not large or small / large < threshold:
        return False
    return jaccard(a, b) >= threshold
