"""What a drafter types in the corpus search box → a safe SQLite FTS5 query.

Search as you type: every bare word is a prefix ("traff pers" finds "trafficking in
persons"); a "quoted phrase" must occur as written. English stop words are dropped unless
the query has nothing else (then they are searched as a phrase, the last word a prefix).
User text never reaches FTS5 syntax unquoted, so quotes, brackets, AND/OR/NOT/NEAR, ``*``,
``:`` or ``^`` typed by a user can never raise.

With the index's vocabulary, a typed word is expanded into the words it completes to (see
:mod:`drafting_app.fulltext.vocabulary`), and each part of the query becomes a *needle*
for ranking: what to count in a candidate's folded words, with the number of paragraphs
holding it (an upper bound for a prefix or a phrase) for its BM25 weight.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafting_app.fulltext.vocabulary import TableVocabulary, expand
from drafting_app.fulltext.words import plain

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

# The prefix lengths paragraphs_fts keeps lists for (prefix='3' in corpus/schema.py).
NATIVE_PREFIXES = range(3, 4)
# An OR of this many words is still walked lazily by FTS5 (a few milliseconds at most).
MAX_EXPANSION = 64

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_PHRASE_RE = re.compile(r'"([^"]*)"?')


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN_RE.findall(text)]


def _quoted(tokens: Sequence[str]) -> str:
    # Tokens hold letters and digits only, so wrapping them in double quotes is always a
    # valid FTS5 string.
    return '"' + " ".join(tokens) + '"'


@dataclass(frozen=True)
class Needle:
    """One part of a query as ranking sees it: ``text`` is counted after a space in a
    candidate's folded words (a trailing space: whole words only); ``docs`` paragraphs
    hold it at most."""

    text: str
    docs: int


@dataclass(frozen=True)
class Query:
    """What was typed, split: quoted ``phrases`` (exact), bare ``words`` (prefixes), or —
    when there is nothing but stop words — one ``typing`` phrase whose last word is a
    prefix."""

    phrases: tuple[tuple[str, ...], ...] = ()
    words: tuple[str, ...] = ()
    typing: tuple[str, ...] = ()

    @staticmethod
    def parse(text: str) -> Query:
        """Split what was typed into phrases and words (see module doc)."""
        return _parse(text)

    def match(self, vocabulary: TableVocabulary | None = None) -> str:
        """The FTS5 MATCH expression; "" when nothing can match. The index keeps no word
        positions, so a phrase is asked as its words (:meth:`phrases_folded` checks the
        phrase on the candidates)."""
        terms = [_quoted([w]) for p in self.phrases for w in dict.fromkeys(p)]
        if self.typing:
            *whole, last = self.typing
            terms += [_quoted([w]) for w in dict.fromkeys(whole)]
            term = _prefix(last, vocabulary)
            if term is None:
                return ""
            terms.append(term)
        for word in self.words:
            term = _prefix(word, vocabulary)
            if term is None:
                return ""  # a word no paragraph has: no result, without asking FTS5
            terms.append(term)
        return " AND ".join(dict.fromkeys(terms))

    def prefixes_folded(self) -> list[str]:
        """Each bare word as a prefix a candidate's folded words must hold (" traff"): the
        index may have matched a wider prefix (see :func:`~drafting_app.fulltext.
        vocabulary.expand`)."""
        return [" " + plain(w) for w in self.words if plain(w).isalnum()]

    def phrases_folded(self) -> list[str]:
        """Each phrase as it must appear in a candidate's folded words (single spaces,
        a space in front): whole words, the last of a phrase being typed a prefix."""
        out = [" " + " ".join(map(plain, p)) + " " for p in self.phrases if len(p) > 1]
        if len(self.typing) > 1:
            out.append(" " + " ".join(map(plain, self.typing)))
        return out

    def needles(self, vocabulary: TableVocabulary) -> list[Needle]:
        """The parts to rank by, with their document frequencies from ``vocabulary``."""
        found = [
            Needle(" ".join(map(plain, p)) + " ", min(vocabulary.rows_with(plain(w)) for w in p))
            for p in self.phrases
        ]
        if self.typing:
            *whole, last = map(plain, self.typing)
            docs = [vocabulary.rows_with(w) for w in whole]
            found.append(
                Needle(" ".join([*whole, last]), min([*docs, vocabulary.rows_with_prefix(last)]))
            )
        found += [Needle(plain(w), vocabulary.rows_with_prefix(plain(w))) for w in self.words]
        return found


def _prefix(word: str, vocabulary: TableVocabulary | None) -> str | None:
    folded = plain(word)
    if not folded.isalnum():  # decomposes into more than one token: let FTS5 split it
        return _quoted([word]) + "*"
    term = expand(folded, vocabulary, NATIVE_PREFIXES, MAX_EXPANSION)
    if term is None and not word.isascii():
        # Beyond ASCII our folding may differ from the tokenizer's: ask FTS5 itself.
        return _quoted([word]) + "*"
    return term


def _parse(text: str) -> Query:
    phrases: list[tuple[str, ...]] = []
    words: list[str] = []
    last = 0
    for m in _PHRASE_RE.finditer(text):
        words += _tokens(text[last : m.start()])
        tokens = _tokens(m.group(1))
        if tokens:
            phrases.append(tuple(tokens))
        last = m.end()
    words += _tokens(text[last:])
    content = [w for w in words if w not in STOP_WORDS]
    if not content and not phrases:
        # Only stop words ("of the"): search them as a phrase being typed — as separate
        # words they would match nearly every paragraph.
        return Query(typing=tuple(words))
    return Query(tuple(phrases), tuple(dict.fromkeys(content)))


def fts_query(text: str, vocabulary: TableVocabulary | None = None) -> str:
    """The FTS5 MATCH expression for ``text``; "" when there is nothing to search for.
    Without a vocabulary every bare word is FTS5's own prefix query."""
    return Query.parse(text).match(vocabulary)
