"""Words as FTS5's ``unicode61 remove_diacritics 2`` tokenizer sees them, cut in Python.

The index does the matching; these functions only serve ranking (counting a candidate's
hits of each typed word) and looking words up in the vocabulary, so a rare character the
tokenizer classes differently costs a little ranking precision, never a result.
"""

from __future__ import annotations

import unicodedata

# Punctuation common in English UN text outside ASCII (typographic quotes, apostrophes,
# dashes, the non-breaking space): replaced first so that most paragraphs take the fast,
# all-ASCII path below.
_COMMON_PUNCTUATION = (
    "\u2010\u2011\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00ab\u00bb\u2022"
)
_ASCII = str.maketrans({chr(i): chr(i).lower() if chr(i).isalnum() else " " for i in range(128)})


class _Separators(dict[int, str]):
    """Any character → itself when the tokenizer keeps it in words, else a space."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = ch if ch.isalnum() else " "
        self[code] = value
        return value


_SEPARATORS = _Separators()


def plain(text: str) -> str:
    """Lower case without accents, as FTS5's unicode61 tokenizer (remove_diacritics) sees it:
    canonical decomposition only ("é" → "e", but "¹" stays, as in the index)."""
    lower = text.lower()
    if lower.isascii():
        return lower
    decomposed = unicodedata.normalize("NFD", lower)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """``text`` lower-cased, without accents, every character that separates words a space
    (the length changes only where a character decomposes). Cheap for ASCII text: ranking
    folds a thousand candidate paragraphs per keystroke."""
    if text.isascii():
        return text.translate(_ASCII)
    for ch in _COMMON_PUNCTUATION:
        text = text.replace(ch, " ")
    if text.isascii():
        return text.translate(_ASCII)
    return plain(text).translate(_SEPARATORS)


def tokens(text: str) -> list[str]:
    """The words of ``text`` as the index counts them."""
    return fold(text).split()


def word_string(text: str) -> str:
    """The text's words between single spaces, with a space at each end: " invites member "
    — so that counting " " + prefix counts the words starting with it, in C."""
    return " " + " ".join(tokens(text)) + " "
