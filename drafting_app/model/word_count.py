"""The word count of a draft, as the General Assembly and ECOSOC count words for their
documentation limits (the word limits on documents the secretariat processes): every
word of the text that is printed and translated — the title, the authoring formula, the
preambular and operative paragraphs with their sub-paragraphs, the annexes (their title
lines and headings too) and the footnotes. Not counted: the masthead (symbol,
distribution, date, session lines), the sponsor line and the derived numbers ("1.",
"(a)", footnote figures), which are layout, not text.

A word is a run of characters between spaces holding at least one letter or digit, as
Word counts: "States parties" is two words, "A/RES/80/1" one, "61/144" one, a dash alone
none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafting_app.model.document import Document, Heading, Part

_WORD = re.compile(r"\S*[^\W_]\S*")


@lru_cache(maxsize=16384)
def words_in(text: str) -> int:
    """Words in one text (texts are counted again only when they change)."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class WordCount:
    """Words of the body (title, formula, paragraphs, annexes) and of the footnotes."""

    body: int
    notes: int

    @property
    def total(self) -> int:
        return self.body + self.notes


def count_words(doc: Document) -> WordCount:
    """The draft's word count (see the module's note on what is counted)."""
    body = words_in(doc.title) + words_in(doc.authoring_body)
    body += sum(words_in(p.text) for p in doc.all_paragraphs())
    for annex in doc.annexes:
        body += words_in(annex.title) + sum(words_in(line) for line in annex.lines)
        body += sum(words_in(b.text) for b in annex.blocks if isinstance(b, Heading))
    notes = sum(words_in(f.text) for f in doc.footnotes)
    return WordCount(body, notes)


@dataclass(frozen=True)
class Statistics:
    """Word's "Word Count" box for a draft: the counted words, the characters of the same
    text with and without spaces, the paragraphs and the footnotes."""

    words: WordCount
    characters: int
    characters_no_spaces: int
    preambular: int
    operative: int
    annex: int
    footnotes: int


_SPACE = re.compile(r"\s")


def _counted_texts(doc: Document) -> list[str]:
    texts = [doc.title, doc.authoring_body]
    texts += [p.text for p in doc.all_paragraphs()]
    for annex in doc.annexes:
        texts += [annex.title, *annex.lines]
        texts += [b.text for b in annex.blocks if isinstance(b, Heading)]
    return texts + [f.text for f in doc.footnotes]


def statistics(doc: Document) -> Statistics:
    """The figures of Tools › Word Count, of the same text the word count counts."""
    texts = [t for t in _counted_texts(doc) if t]
    characters = sum(len(t) for t in texts)
    spaces = sum(len(_SPACE.findall(t)) for t in texts)
    parts = [part for part, _ in doc.body_paragraphs()]
    preambular = sum(1 for part in parts if part is Part.PREAMBLE)
    return Statistics(
        words=count_words(doc),
        characters=characters,
        characters_no_spaces=characters - spaces,
        preambular=preambular,
        operative=len(parts) - preambular,  # with their sub-paragraphs (and a chapeau)
        annex=sum(1 for _ in doc.all_paragraphs()) - len(parts),
        footnotes=len(doc.footnotes),
    )
