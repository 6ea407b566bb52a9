"""What a drafter types in the corpus search box → a safe SQLite FTS5 query.

Search as you type: every bare word is a prefix ("traff pers" finds "trafficking in
persons"); a "quoted phrase" must occur as written. English stop words are dropped unless
the query has nothing else (then they are searched as a phrase, the last word a prefix).
User text never reaches FTS5 syntax unquoted, so quotes, brackets, AND/OR/NOT/NEAR, ``*``,
``:`` or ``^`` typed by a user can never raise.
"""

from __future__ import annotations

import re

# Words too common in resolutions to rank by (the classic English list, trimmed to words
# that carry no meaning in UN text; "not", "no" are kept out of the list on purpose:
# "not yet done so" is a real search).
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself nor now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves""".split()  # noqa: SIM905
)

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_PHRASE_RE = re.compile(r'"([^"]*)"?')


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN_RE.findall(text)]


def _quoted(tokens: list[str]) -> str:
    # Tokens hold letters and digits only, so wrapping them in double quotes is always a
    # valid FTS5 string.
    return '"' + " ".join(tokens) + '"'


def fts_query(text: str) -> str:
    """The FTS5 MATCH expression for ``text``; "" when there is nothing to search for."""
    phrases: list[list[str]] = []
    words: list[str] = []
    last = 0
    for m in _PHRASE_RE.finditer(text):
        words += _tokens(text[last : m.start()])
        tokens = _tokens(m.group(1))
        if tokens:
            phrases.append(tokens)
        last = m.end()
    words += _tokens(text[last:])
    content = [w for w in words if w not in STOP_WORDS]
    if not content and not phrases:
        # Only stop words ("of the"): search them as a phrase being typed — as separate
        # words they would match nearly every paragraph.
        return _quoted(words) + "*" if words else ""
    terms = [_quoted(p) for p in phrases]
    terms += [_quoted([w]) + "*" for w in dict.fromkeys(content)]
    return " ".join(terms)
