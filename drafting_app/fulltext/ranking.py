"""Okapi BM25 computed over a bounded set of candidate rows.

FTS5's own bm25() first counts, for every query term, all the rows that contain it — a
full pass over the term's list, tens of milliseconds for a common word over a large
corpus. The index's vocabulary already knows each word's row count, so the score is
computed here, from the candidates' own words: the same formula (k1 = 1.2, b = 0.75),
with a typed prefix standing for every word it completes to.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

K1 = 1.2
B = 0.75


def idf(rows: int, containing: int) -> float:
    """BM25 inverse document frequency (never negative, as in FTS5)."""
    containing = min(max(containing, 0), rows)
    return math.log((rows - containing + 0.5) / (containing + 0.5) + 1.0)


def scores(
    words: Sequence[str],
    lengths: Sequence[float],
    prefixes: Sequence[str],
    weights: Sequence[float],
    average_length: float,
) -> list[float]:
    """BM25 of each text for the query prefixes. ``words[i]`` is a text folded with a
    space in front (see :mod:`.words`), so counting " " + prefix counts the words starting
    with it; a prefix ending in a space stands for whole words only. ``lengths`` and
    ``average_length`` are in the same unit (words, or characters).

    One pass per prefix over all the texts: a keystroke ranks up to a thousand."""
    average = max(average_length, 1.0)
    norms = [K1 * (1 - B + B * n / average) for n in lengths]
    totals = [0.0] * len(words)
    for prefix, weight in zip(prefixes, weights, strict=True):
        needle, gain = " " + prefix, weight * (K1 + 1)
        for i, text in enumerate(words):
            tf = text.count(needle)
            if tf:
                totals[i] += gain * tf / (tf + norms[i])
    return totals
