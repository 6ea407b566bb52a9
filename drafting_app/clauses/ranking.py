"""Okapi BM25 for the picker, computed over a bounded set of candidates.

FTS5's own bm25() first counts, for every query term, all the rows that contain it — a
full pass over the term's list, tens of milliseconds for a common word over a large
corpus. The index already knows each word's row count (its vocabulary), so the score is
computed here, from the candidates' own words: the same formula (k1 = 1.2, b = 0.75),
with a typed prefix standing for every word it completes to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from drafting_app.clauses.query import plain

K1 = 1.2
B = 0.75
_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """The words of ``text`` as the index counts them."""
    return [w for part in _WORD.findall(plain(text)) for w in part.split("_") if w]


def idf(rows: int, containing: int) -> float:
    """BM25 inverse document frequency (never negative, as in FTS5)."""
    containing = min(max(containing, 0), rows)
    return math.log((rows - containing + 0.5) / (containing + 0.5) + 1.0)


def word_string(text: str) -> str:
    """The text's words between single spaces, with a space at each end: " invites member "
    — so that counting " " + prefix counts the words starting with it, in C."""
    return " " + " ".join(tokens(text)) + " "


def score(
    words: str,
    length: int,
    prefixes: Sequence[str],
    weights: Sequence[float],
    average_length: float,
) -> float:
    """BM25 of one text (its :func:`word_string`, ``length`` words) for the query prefixes."""
    norm = K1 * (1 - B + B * length / max(average_length, 1.0))
    total = 0.0
    for prefix, weight in zip(prefixes, weights, strict=True):
        tf = words.count(" " + prefix)
        if tf:
            total += weight * tf * (K1 + 1) / (tf + norm)
    return total
