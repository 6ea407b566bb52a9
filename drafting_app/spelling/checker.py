"""Spell checking of a draft in UN English: which words are misspelt, suggestions, "Ignore
All" and "Add to Dictionary".

A word's verdict is cached (a draft repeats its words: "the", "States", "Convention"), and a
text's misspellings are cached by the text itself, so checking a draft again after an edit
only looks at the paragraphs whose text changed.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from drafting_app.model.document import Document
from drafting_app.spelling.dictionary import HunspellDictionary
from drafting_app.spelling.terms import Terms
from drafting_app.spelling.user_dictionary import UserDictionary
from drafting_app.spelling.words import base_form, words

_HYPHENS_RE = re.compile(r"[\-‑]")
# word-forming prefixes written with a hyphen in UN texts ("pre-recorded", "socio-economic")
PREFIXES = frozenset(
    {"anti", "co", "counter", "cross", "inter", "intra", "macro", "micro", "mid", "multi"}
    | {"neo", "non", "post", "pre", "pro", "re", "self", "semi", "socio", "sub", "super"}
    | {"trans", "ultra", "un"}
)
# texts whose misspellings are kept: several drafts' worth of paragraphs and footnotes
MAX_TEXTS = 20_000


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A misspelt word at ``[start, end)`` of a text."""

    start: int
    end: int
    word: str


@dataclass(frozen=True, slots=True)
class Place:
    """Where a text of the draft is: ``kind`` "paragraph" or "footnote" and the id."""

    kind: str
    id: str


@dataclass(frozen=True, slots=True)
class Finding:
    """A misspelling in the draft, at its place (the order of Tools › Spelling)."""

    place: Place
    misspelling: Misspelling


class SpellChecker:
    """UN English: the Hunspell dictionary, the UN terms, the drafter's dictionary and the
    words ignored in this session."""

    def __init__(
        self,
        dictionary: HunspellDictionary,
        terms: Terms | None = None,
        user: UserDictionary | None = None,
    ) -> None:
        self.dictionary = dictionary
        self.terms = terms or Terms()
        self.user = user
        self.ignored: set[str] = set()
        self._verdicts: dict[str, bool] = {}
        self._texts: OrderedDict[str, tuple[Misspelling, ...]] = OrderedDict()
        self._lock = threading.RLock()  # the GUI checks on a worker thread too
        self.generation = 0  # bumped whenever a verdict may have changed

    # -- words -------------------------------------------------------------------------------
    def is_correct(self, word: str) -> bool:
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._judge(word)
            self._verdicts[word] = verdict
        return verdict

    def _judge(self, word: str) -> bool:
        base = base_form(word)
        for w in {word, base}:
            if w in self.ignored or self.terms.accepts(w):
                return True
            if self.user is not None and w in self.user:
                return True
        plain = word.replace("\u2011", "-")  # UN texts print a non-breaking hyphen
        if self.dictionary.check(plain) or (base != word and self.dictionary.check(base)):
            return True
        parts = _HYPHENS_RE.split(base)
        # "capacity-building", "pre-recorded", "non-refoulement": right when every part is
        return len(parts) > 1 and all(
            len(p) < 2 or p.lower() in PREFIXES or self.is_correct(p) for p in parts
        )

    def suggestions(self, word: str, limit: int = 8) -> list[str]:
        """Replacements for a misspelt word, best first (Hunspell's order)."""
        with self._lock:
            return self.dictionary.suggest(word, limit)

    def ignore_all(self, word: str) -> None:
        """Stop flagging ``word`` for the rest of the session (Word's Ignore All)."""
        with self._lock:
            self.ignored.add(word)
            self._changed()

    def add_to_dictionary(self, word: str) -> bool:
        """Add ``word`` to the drafter's dictionary (kept); False when it could not be saved
        (it is still accepted in this session)."""
        with self._lock:
            saved = self.user.add(word) if self.user is not None else False
            if self.user is None:
                self.ignored.add(word)
            self._changed()
            return saved

    def add_terms(self, terms: Terms) -> None:
        """More accepted words (the corpus's names, mined after start-up)."""
        with self._lock:
            self.terms.update(terms)
            self._changed()

    def _changed(self) -> None:
        self._verdicts = {w: v for w, v in self._verdicts.items() if v}
        self._texts.clear()
        self.generation += 1

    # -- texts -------------------------------------------------------------------------------
    def misspellings(self, text: str) -> tuple[Misspelling, ...]:
        """The misspelt words of ``text`` in order (cached by text)."""
        with self._lock:
            found = self._texts.get(text)
            if found is not None:
                self._texts.move_to_end(text)
                return found
            found = tuple(
                Misspelling(w.start, w.end, w.text)
                for w in words(text)
                if not self.is_correct(w.text)
            )
            self._texts[text] = found
            if len(self._texts) > MAX_TEXTS:
                self._texts.popitem(last=False)
            return found

    def check_document(self, doc: Document) -> list[Finding]:
        """Every misspelling of the draft: its paragraphs in document order (sub-paragraphs,
        annexes included), then its footnotes in number order — the order of Word's F7."""
        out: list[Finding] = []
        for p in doc.all_paragraphs():
            out += [Finding(Place("paragraph", p.id), m) for m in self.misspellings(p.text)]
        notes = doc.anchored_footnotes()
        seen = {f.id for f in notes}
        notes += [f for f in doc.footnotes if f.id not in seen]
        for f in notes:
            out += [Finding(Place("footnote", f.id), m) for m in self.misspellings(f.text)]
        return out
