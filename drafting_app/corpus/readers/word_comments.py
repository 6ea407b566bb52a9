"""Reviewers' comments of a Word file (comments.xml): who wrote what, when, and the words
of the document each one marks (between ``w:commentRangeStart`` and ``w:commentRangeEnd``),
so that the import keeps each comment beside its paragraph."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from drafting_app.corpus.readers.word_numbering import W
from drafting_app.model.document import Document, Paragraph
from drafting_app.model.revision import Comment

_START, _END = W + "commentRangeStart", W + "commentRangeEnd"


@dataclass(frozen=True)
class WordComment:
    """One ``w:comment``: its id, author, initials, date and text."""

    id: str
    author: str
    initials: str
    date: str
    text: str


def _text(el: Any) -> str:
    lines = []
    for p in el.iter(W + "p"):
        words = "".join(
            " " if t.tag == W + "tab" else t.text or "" for t in p.iter(W + "t", W + "tab")
        )
        if words.strip():
            lines.append(" ".join(words.split()))
    return "\n".join(lines)


def read_comments(root: Any) -> Iterator[WordComment]:
    """The comments of comments.xml, in file order."""
    if root is None:
        return
    for c in root.iter(W + "comment"):
        yield WordComment(
            c.get(W + "id", ""),
            c.get(W + "author", "") or "unknown",
            c.get(W + "initials", ""),
            c.get(W + "date", ""),
            _text(c),
        )


def quoted_texts(root: Any) -> dict[str, str]:
    """Comment id → the words of the document it marks (a range Word never closed: the
    rest of the paragraph it opens in)."""
    if root is None:
        return {}
    pieces: dict[str, list[list[str]]] = {}
    closed: set[str] = set()
    for p in root.iter(W + "p"):
        for cid in pieces.keys() - closed:
            pieces[cid].append([])
        for el in p.iter(_START, _END, W + "t"):
            cid = el.get(W + "id", "")
            if el.tag == _START:
                pieces.setdefault(cid, [[]])
            elif el.tag == _END:
                closed.add(cid)
            else:
                for open_id in pieces.keys() - closed:
                    pieces[open_id][-1].append(el.text or "")
    out = {}
    for cid, paragraphs in pieces.items():
        taken = paragraphs if cid in closed else paragraphs[:1]
        out[cid] = " ".join(" ".join("".join(words) for words in taken).split())
    return out


def _normal(text: str) -> str:
    return " ".join(text.split())


def paragraph_for(docs: Iterable[Document], block_text: str) -> tuple[Document, Paragraph] | None:
    """The paragraph read from a Word paragraph of text ``block_text`` (its typed number
    aside): the longest paragraph whose text the Word paragraph holds."""
    wanted = _normal(block_text)
    if not wanted:
        return None
    best: tuple[Document, Paragraph] | None = None
    for doc in docs:
        for p in doc.all_paragraphs():
            text = _normal(p.text)
            if text and text in wanted and (best is None or len(text) > len(best[1].text)):
                best = (doc, p)
    return best


def attach_comments(
    docs: list[Document],
    comments: Iterable[WordComment],
    places: dict[str, str],
    quotes: dict[str, str],
) -> list[Comment]:
    """Each comment kept in the document holding its paragraph (the first one when its
    paragraph is not found: a comment is never dropped)."""
    kept: list[Comment] = []
    for c in comments:
        found = paragraph_for(docs, places.get(c.id, ""))
        doc, pid = (found[0], found[1].id) if found is not None else (docs[0], None)
        comment = Comment(c.author, c.text, c.date, pid, quotes.get(c.id, ""), c.initials)
        doc.comments.append(comment)
        kept.append(comment)
    return kept
