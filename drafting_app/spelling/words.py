"""The words of a text that spelling looks at, with their places.

Not words to check: document symbols (A/RES/78/1, CTOC/COP/2010/5, E/CN.15/2006/10),
web and mail addresses, anything with a digit (5/2, 2030, COVID-19, 21st), abbreviations in
capitals (UNODC, CTOC, NGOs) — as Word ignores words in upper case — and single letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word: letters, with inner apostrophes and hyphens ("Court’s", "capacity-building").
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-‑][^\W\d_]+)*")
# What is skipped is skipped whole, from one space to the next: a run holding a digit, a
# slash or an @ (5/2, 2030, A/RES/78/1, CTOC/COP, someone@un.org) or a web address. Matched
# only from the start of a run, so the search stays linear.
_SKIP_RE = re.compile(r"(?<!\S)(?:\S*[\d/@]|https?:|www\.)\S*")
_MAY_SKIP_RE = re.compile(r"[\d/@]|https?:|www\.")
_POSSESSIVE_RE = re.compile(r"['’]s$")
# capitals, with a plural or possessive ending: UNODC, CTOC, NGOs, UNODC’s
_ABBREVIATION_RE = re.compile(r"[^\W\d_a-z]{2,12}(?:s|['’]s)?")


@dataclass(frozen=True, slots=True)
class Word:
    """A word at ``[start, end)`` of a text."""

    start: int
    end: int
    text: str


def words(text: str) -> list[Word]:
    """The words of ``text`` to check, in order."""
    skipped = (
        [(m.start(), m.end()) for m in _SKIP_RE.finditer(text)] if _MAY_SKIP_RE.search(text) else []
    )
    out: list[Word] = []
    k = 0
    for m in _WORD_RE.finditer(text):
        while k < len(skipped) and skipped[k][1] <= m.start():
            k += 1
        if k < len(skipped) and skipped[k][0] < m.end():
            continue  # inside a symbol, address or number
        word = m.group(0)
        if len(word) < 2 or _ABBREVIATION_RE.fullmatch(word):
            continue
        out.append(Word(m.start(), m.end(), word))
    return out


def base_form(word: str) -> str:
    """The word without a possessive ending ("Court’s" → "Court")."""
    return _POSSESSIVE_RE.sub("", word)
