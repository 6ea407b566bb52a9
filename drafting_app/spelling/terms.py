"""UN English a general dictionary does not know: the shipped list (Member States, bodies,
instruments, Latin of the Editorial Manual — resources/spelling/un_terms.txt), the names of
instruments in the registry, and the names and terms found in the corpus. Agreed language
is UN English by definition, so a word the corpus uses is never flagged in a draft.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

from drafting_app.paths import resources_dir
from drafting_app.spelling.words import base_form, words

_TERM_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-‑][^\W\d_]+)*")
# A word the corpus uses this often is taken as UN English: names (capitalised) twice, other
# words three times — once is not enough, as the text layer of a PDF splits words
# ("cooperat ion", "Confere nce") and those pieces must stay flagged.
NAME_MIN_COUNT = 2
WORD_MIN_COUNT = 3
CACHE_VERSION = 1


def fold(word: str) -> str:
    """A word as the full-text index keeps it: lower case, without diacritics."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Terms:
    """Accepted words: a term given in lower case in any case ("cybercrime",
    "Cybercrime", "CYBERCRIME"), a capitalised one as written or in capitals ("Türkiye").
    ``index_words`` are words as the corpus index keeps them (see :func:`fold`), accepted
    in any case and with or without their accents."""

    def __init__(self, terms: Iterable[str] = (), index_words: Iterable[str] = ()) -> None:
        self.exact: set[str] = set()
        self.folded: set[str] = set()
        self.index_words: set[str] = set(index_words)
        for t in terms:
            self.add(t)

    def add(self, term: str) -> None:
        """Every word of ``term`` (and each part of a hyphenated one)."""
        for m in _TERM_WORD_RE.finditer(term):
            word = m.group(0)
            pieces = [word, *re.split(r"[\-‑]", word)] if re.search(r"[\-‑]", word) else [word]
            for piece in pieces:
                if piece[:1].islower():
                    self.folded.add(piece.lower())
                else:
                    self.exact.add(piece)

    def update(self, other: Terms) -> None:
        self.exact |= other.exact
        self.folded |= other.folded
        self.index_words |= other.index_words

    def accepts(self, word: str) -> bool:
        if word in self.exact or word.lower() in self.folded:
            return True
        if self.index_words and fold(word) in self.index_words:
            return True
        return word.isupper() and word.capitalize() in self.exact  # "TÜRKIYE" in a heading

    def __len__(self) -> int:
        return len(self.exact) + len(self.folded) + len(self.index_words)


def read_term_list(path: Path) -> list[str]:
    """The terms of a list file: one a line, "#" comments and blank lines left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def un_terms(path: Path | None = None) -> Terms:
    """The shipped UN word list."""
    return Terms(read_term_list(path or resources_dir() / "spelling" / "un_terms.txt"))


def mine_terms(texts: Iterable[str], known: Callable[[str], bool]) -> set[str]:
    """The words of ``texts`` that ``known`` rejects but the corpus uses often enough to be
    UN English (see NAME_MIN_COUNT, WORD_MIN_COUNT)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(base_form(w.text) for w in words(text))
    out: set[str] = set()
    for word, n in counts.items():
        need = NAME_MIN_COUNT if word[:1].isupper() else WORD_MIN_COUNT
        if n >= need and not known(word):
            out.add(word)
    return out


class _Instrument(Protocol):
    @property
    def full_title(self) -> str: ...

    @property
    def short_titles(self) -> tuple[str, ...]: ...


def instrument_names(instruments: Iterable[_Instrument]) -> list[str]:
    """The titles and short titles of the registry's instruments."""
    return [name for i in instruments for name in (i.full_title, *i.short_titles)]


class CorpusTexts(Protocol):
    """What spelling reads of the corpus (a CorpusStore)."""

    def documents(self, start: int = 0, limit: int | None = None) -> list[_Info]: ...

    def paragraphs(self, doc_id: str) -> list[_Row]: ...


class _Info(Protocol):
    doc_id: str
    path: str
    title: str


class _Row(Protocol):
    text: str


def corpus_fingerprint(store: CorpusTexts) -> str:
    """A digest of which documents the corpus holds: the mined terms are mined again when
    it changes."""
    h = hashlib.sha256()
    for info in store.documents():
        h.update(f"{info.doc_id}\0{info.path}\n".encode())
    return h.hexdigest()


def corpus_texts(store: CorpusTexts) -> Iterator[str]:
    """Every title and paragraph of the corpus, one document at a time."""
    for info in store.documents():
        yield info.title
        for row in store.paragraphs(info.doc_id):
            yield row.text


class TermCache:
    """Mined corpus terms kept in the data folder (spelling-terms.json) with the corpus
    fingerprint they were mined from; a damaged or foreign file is mined again."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, fingerprint: str) -> set[str] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (
            not isinstance(data, dict)
            or data.get("version") != CACHE_VERSION
            or data.get("fingerprint") != fingerprint
            or not isinstance(data.get("terms"), list)
        ):
            return None
        return {t for t in data["terms"] if isinstance(t, str)}

    def save(self, fingerprint: str, terms: set[str]) -> None:
        from drafting_app.errors import DraftingError
        from drafting_app.storage.atomic import atomic_write

        payload = {"version": CACHE_VERSION, "fingerprint": fingerprint, "terms": sorted(terms)}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(payload).encode(), backup=False)
        except (OSError, DraftingError):
            pass  # a cache: mined again next time


def corpus_terms(
    store: CorpusTexts, known: Callable[[str], bool], cache: TermCache | None = None
) -> set[str]:
    """The corpus's UN terms, from the cache when the corpus has not changed (read from
    every paragraph: for a corpus without an index vocabulary, see :func:`corpus_terms_of`)."""
    fingerprint = corpus_fingerprint(store)
    if cache is not None and (found := cache.load(fingerprint)) is not None:
        return found
    terms = mine_terms(corpus_texts(store), known)
    if cache is not None:
        cache.save(fingerprint, terms)
    return terms


class IndexedCorpus(CorpusTexts, Protocol):
    """A corpus whose full-text index counts its words (the CorpusStore)."""

    def vocabulary_words(self, min_rows: int = 1) -> list[tuple[str, int]]: ...


def corpus_terms_of(
    store: CorpusTexts, known: Callable[[str], bool], cache: TermCache | None = None
) -> Terms:
    """The corpus's words as accepted terms. A store with an index vocabulary answers at
    once at any size (10,000 documents: one query), its words folded as the index keeps
    them; otherwise the paragraphs are read (:func:`corpus_terms`, cached in ``cache``).
    Either way a British -ise spelling whose -ize form the dictionary has ("organisation")
    is never taken from the corpus: UN English is Oxford spelling even where a text in the
    corpus is not."""
    vocabulary = getattr(store, "vocabulary_words", None)
    if vocabulary is None:
        return Terms(w for w in corpus_terms(store, known, cache) if not ise_variant(w, known))
    words = {
        w
        for w, _ in vocabulary(WORD_MIN_COUNT)
        if w.isalpha() and len(w) > 1 and not ise_variant(w, known)
    }
    return Terms(index_words=words)


def ise_variant(word: str, known: Callable[[str], bool]) -> bool:
    """``word`` is the -ise spelling of a word the dictionary spells -ize."""
    m = re.search(r"is(e|ed|es|ing|er|ers|ation|ations|ational)$", word)
    return m is not None and known(word[: m.start()] + "iz" + m.group(1))
