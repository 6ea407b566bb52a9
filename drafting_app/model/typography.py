"""Typographic quotation marks, as UN documents print them ("the Secretary-General’s
report", “Transforming our world”) and as Word's AutoFormat As You Type sets them: a
straight quote typed on the page becomes the curly one its place calls for."""

from __future__ import annotations

__all__ = ["smart_quote"]

# After these (or at the start of a text) a quote opens; after anything else it closes
# ("States’", "1990s’", “word”).
_OPENS_AFTER = frozenset(" \t\n\u00a0([{‘“-–—/")
_CURLY = {"'": ("‘", "’"), '"': ("“", "”")}


def smart_quote(before: str, quote: str) -> str:
    """The curly form of the straight ``quote`` typed after the text ``before``; any other
    character is returned as it is."""
    if quote not in _CURLY:
        return quote
    opening, closing = _CURLY[quote]
    return opening if not before or before[-1] in _OPENS_AFTER else closing
