"""What the drafter types in the picker → an FTS5 query that cannot fail.

Every term is a prefix ("extrab" finds "extrabudgetary"), because the picker searches as
you type; English function words are dropped ("resources for the purposes" → resources,
purposes) unless the query has nothing else. Terms are quoted, so FTS5 syntax in the input
(AND, NEAR, quotes, *, column filters) is taken as plain words, never as an operator.
"""

from __future__ import annotations

import re
import unicodedata

MAX_TERMS = 8
MAX_TERM_LENGTH = 64

_STOP_LIST = """a an and are as at be been being but by for from had has have he her his i if in
    into
    is it its no nor not of on or our shall she should so such than that the their them then
    there these they this those to upon was we were which who whom will with would"""
STOP_WORDS = frozenset(_STOP_LIST.split())

_WORD = re.compile(r"\w+", re.UNICODE)


def terms(text: str) -> list[str]:
    """The search terms of the input, lower-cased, stop words dropped (see module doc)."""
    normal = unicodedata.normalize("NFKC", text or "").lower()
    words = [w[:MAX_TERM_LENGTH] for w in _WORD.findall(normal) if w.strip("_")]
    content = [w for w in words if w not in STOP_WORDS]
    chosen = content or words
    unique = list(dict.fromkeys(chosen))
    return unique[:MAX_TERMS]


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression (every term a quoted prefix), or None for an empty query."""
    found = terms(text)
    if not found:
        return None
    return " ".join(f'"{t}"*' for t in found)
