"""The opening verb the corpus gives a clause: an operative paragraph of a draft that lost
or never had its verb ("6. The States Parties to the Convention to …") is, when the corpus
adopted the same words after a verb ("Urges the States Parties to the Convention to …"),
missing that verb.

Two paragraphs are "the same clause" when the first :data:`KEY_WORDS` words after the
opening phrase agree (folded to lower case, punctuation aside): enough to tell one clause
from another, few enough that a clause amended later in its sentence still matches. A
clause shorter than :data:`MIN_WORDS` words after its verb ("Decides to remain seized")
matches only whole.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from drafting_app.model.document import Part
from drafting_app.phrases import PhraseBook, default_phrasebook

KEY_WORDS = 8
MIN_WORDS = 5
_WORD_RE = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")


@dataclass(frozen=True)
class AdoptedOpener:
    """An adopted operative clause: its opening verb (the base form, "Urges" for "Also
    urges"), where it was adopted ("Resolution 80/6, op 12") and its text."""

    opener: str
    source: str
    text: str

    @property
    def rest(self) -> str:
        """The clause's words after its opening phrase, as the corpus writes them."""
        found = default_phrasebook().split(self.text, Part.OPERATIVE)
        return self.text[len(found.text) :].lstrip() if found is not None else self.text


def clause_key(words_after_verb: str) -> tuple[str, ...] | None:
    """The words that name a clause, or None for too short a text."""
    words = tuple(w.lower() for w in _WORD_RE.findall(words_after_verb)[:KEY_WORDS])
    return words if len(words) >= MIN_WORDS else None


def split_clause(text: str, phrases: PhraseBook) -> tuple[str, str] | None:
    """(base opening verb, the words after it) of an operative clause, or None when it does
    not open with a known operative verb."""
    found = phrases.split(text, Part.OPERATIVE)
    if found is None or found.part is not Part.OPERATIVE:
        return None
    return found.base, text[len(found.text) :].lstrip()


class OpenerIndex:
    """The clauses of documents held in memory, by :func:`clause_key` (the most frequent
    verb of a key wins; on a tie, the first seen)."""

    def __init__(self) -> None:
        self._verbs: dict[tuple[str, ...], Counter[str]] = {}
        self._first: dict[tuple[tuple[str, ...], str], AdoptedOpener] = {}
        self._phrases = default_phrasebook()

    def add(self, clauses: Iterable[tuple[str, str]]) -> None:
        """``clauses``: (text, where) of adopted operative paragraphs."""
        for text, where in clauses:
            split = split_clause(text, self._phrases)
            if split is None:
                continue
            verb, rest = split
            key = clause_key(rest)
            if key is None:
                continue
            self._verbs.setdefault(key, Counter())[verb] += 1
            self._first.setdefault((key, verb), AdoptedOpener(verb, where, text))

    def find(self, text: str) -> AdoptedOpener | None:
        key = clause_key(text)
        verbs = self._verbs.get(key) if key is not None else None
        if key is None or not verbs:
            return None
        verb = verbs.most_common(1)[0][0]
        return self._first[(key, verb)]


def stored_opener(conn: sqlite3.Connection, text: str) -> AdoptedOpener | None:
    """The same look-up in the clause index of a corpus database: the clause groups whose
    words match the key words, of which those with the same key."""
    from drafting_app.clauses.index import ClauseIndex

    key = clause_key(text)
    if key is None:
        return None
    phrases = default_phrasebook()
    verbs: Counter[str] = Counter()
    first: dict[str, AdoptedOpener] = {}
    for hit in ClauseIndex(conn).search(" ".join(key), limit=20, part=Part.OPERATIVE):
        split = split_clause(hit.clause.text, phrases)
        if split is None or clause_key(split[1]) != key:
            continue
        verbs[split[0]] += hit.size
        first.setdefault(
            split[0], AdoptedOpener(split[0], hit.clause.provenance.label(), hit.clause.text)
        )
    if not verbs:
        return None
    return first[verbs.most_common(1)[0][0]]
