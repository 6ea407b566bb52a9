"""What the drafter types in the picker → an FTS5 query that cannot fail.

Every term is a prefix ("extrab" finds "extrabudgetary"), because the picker searches as
you type; English function words are dropped ("resources for the purposes" → resources,
purposes) unless the query has nothing else. Terms are quoted, so FTS5 syntax in the input
(AND, NEAR, quotes, *, column filters) is taken as plain words, never as an operator.

A prefix of four letters or more is expanded through the index's vocabulary into the few
words it can complete to ("extrab" → "extrabudgetary"): FTS5 then walks those words'
lists lazily instead of merging every list of the prefix up front, which keeps a keystroke
query within a few milliseconds on hundreds of thousands of clauses.
"""

from __future__ import annotations

import re
import unicodedata

from drafting_app.fulltext.vocabulary import Vocabulary, expand
from drafting_app.fulltext.words import plain

MAX_TERMS = 8
MAX_TERM_LENGTH = 64
MAX_EXPANSION = 24
NATIVE_PREFIXES = range(3, 4)  # the corpus index keeps prefix lists for 3 letters

_STOP_LIST = """a an and are as at be been being but by for from had has have he her his i if in
    into is it its no nor not of on or our shall she should so such than that the their them then
    there these they this those to upon was we were which who whom will with would"""
STOP_WORDS = frozenset(_STOP_LIST.split())

_WORD = re.compile(r"\w+", re.UNICODE)


def terms(text: str) -> list[str]:
    """The search terms of the input, lower-cased, stop words dropped (see module doc)."""
    normal = plain(unicodedata.normalize("NFKC", text or ""))
    words = [w[:MAX_TERM_LENGTH] for w in _WORD.findall(normal) if w.strip("_")]
    content = [w for w in words if w not in STOP_WORDS]
    chosen = content or words
    unique = list(dict.fromkeys(chosen))
    return unique[:MAX_TERMS]


def _term(term: str, vocabulary: Vocabulary | None) -> str | None:
    if "_" in term:  # two words to the tokenizer: FTS5's own prefix query
        return f'"{term}"*'
    return expand(term, vocabulary, NATIVE_PREFIXES, MAX_EXPANSION)


def fts_query(text: str, vocabulary: Vocabulary | None = None) -> str | None:
    """An FTS5 MATCH expression (every term a prefix), or None when nothing can match."""
    found = terms(text)
    if not found:
        return None
    parts = [_term(t, vocabulary) for t in found]
    if any(p is None for p in parts):
        return None  # a word no clause contains: no result, without asking FTS5
    return " AND ".join(p for p in parts if p)
