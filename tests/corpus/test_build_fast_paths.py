"""The corpus build's fast paths say what the slower readings they stand before said:
``is_markdown`` with its substring tests before the pattern, and the walk of a read
document's sizes without places (storage/validate._fits) before the walk that names the
place of what does not fit — on the real texts, on random text, and on documents with a
text or a list too large at each kind of place."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting_app.corpus.readers.text import is_markdown
from drafting_app.corpus.sync import parse_texts
from drafting_app.errors import ProjectError
from drafting_app.model.document import (
    Anchor,
    Document,
    Footnote,
    Masthead,
    Paragraph,
    Span,
)
from drafting_app.storage import validate
from drafting_app.storage.validate import MAX_LIST_ITEMS, MAX_PARAGRAPH_CHARS, check_sizes
from tests.conftest import CORPUS, REALDOCS

_MARKDOWN = re.compile(r"<sup>|^#{1,6}\s|^---\s*$|\]\(#\)", re.M)


def _files() -> list[Path]:
    return [
        p
        for root in (CORPUS, REALDOCS)
        for p in sorted(root.rglob("*"))
        if p.suffix.lower() in {".txt", ".md"}
    ]


def test_is_markdown_on_the_real_texts() -> None:
    files = _files()
    assert len(files) > 20
    found = [is_markdown(p.read_text(encoding="utf-8", errors="replace")) for p in files]
    assert found == [
        _MARKDOWN.search(p.read_text(encoding="utf-8", errors="replace")) is not None for p in files
    ]
    assert any(found) and not all(found)  # both forms are there


_PIECES = st.sampled_from(
    ["#", "##", "####### ", "# ", "#\n", "---", "--- ", "----", "-- -", "\n", " ", "a",
     "<sup>", "<sup", "](#)", "](#", "]", "(#)", "\t", "\u00a0"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_is_markdown_on_random_text(text: str) -> None:
    assert is_markdown(text) == (_MARKDOWN.search(text) is not None)


def _real_documents() -> list[Document]:
    return [d for p in sorted(CORPUS.glob("*.txt")) for d in parse_texts(p)]


def test_the_real_documents_fit() -> None:
    for doc in _real_documents():
        assert validate._fits(doc)
        check_sizes(doc)


_LONG = "x" * (MAX_PARAGRAPH_CHARS + 1)
_MANY = list(range(MAX_LIST_ITEMS + 1))


def _sub_paragraph(doc: Document) -> Paragraph:
    return next(p for p in doc.all_paragraphs() if p.children).children[0]


# Each puts one value past a size somewhere in the document read from the corpus.
_OVERSIZE: dict[str, Callable[[Document], None]] = {
    "title": lambda d: setattr(d, "title", _LONG),
    "a sponsor": lambda d: setattr(d, "masthead", Masthead(sponsors=["France", _LONG])),
    "too many sponsors": lambda d: setattr(d, "masthead", Masthead(sponsors=["F"] * len(_MANY))),
    "a sub-paragraph's text": lambda d: setattr(_sub_paragraph(d), "text", _LONG),
    "a footnote's italics": lambda d: d.footnotes.append(
        Footnote("Note.", italics=[Span(0, 1)] * len(_MANY))
    ),
    "a heading": lambda d: d.operative[0].headings.append(_LONG),
    "a provenance value": lambda d: setattr(d.operative[0], "provenance", {"cut": _LONG}),
    "a provenance key": lambda d: setattr(d.operative[0], "provenance", {_LONG: "end"}),
    "too many anchors": lambda d: setattr(d.operative[0], "anchors", [Anchor(0, "f")] * len(_MANY)),
}  # fmt: skip


@pytest.mark.parametrize("where", sorted(_OVERSIZE))
def test_oversize_found_by_both_walks(where: str) -> None:
    doc = next(d for d in _real_documents() if any(p.children for p in d.all_paragraphs()))
    _OVERSIZE[where](doc)
    assert not validate._fits(doc)
    with pytest.raises(ProjectError, match="more than"):
        check_sizes(doc)
