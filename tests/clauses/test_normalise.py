"""The clause key's words (grouping.normalise) read by bytes.translate on ASCII text give
the very tokens of the regex reading it replaced: on every paragraph and footnote of the
bundled corpus and the real texts, and on random text mixing ASCII with the punctuation,
letters, digits and superscripts of UN texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting_app.clauses.grouping import normalise
from drafting_app.corpus.sync import parse_texts
from drafting_app.errors import DraftingError
from tests.conftest import CORPUS, REALDOCS

_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")


def regex_normalise(text: str) -> tuple[str, ...]:
    """The reading before the fast path, as it was written."""
    tokens = _WORD.findall(_DIGITS.sub("0", text.lower()))
    if tokens and tokens[0] in {"also", "further"}:
        tokens = tokens[1:]
    elif len(tokens) > 1 and tokens[1] in {"also", "further"}:
        del tokens[1]
    return tuple(tokens)


def _real_texts() -> list[str]:
    shared = Path(__file__).resolve().parents[2].parent / "shared" / "realdocs"
    files = [
        p
        for root in (CORPUS, REALDOCS, shared)
        if root.is_dir()
        for p in sorted(root.rglob("*"))
        if p.suffix.lower() in {".txt", ".md", ".docx", ".pdf"}
    ]
    texts: list[str] = []
    for path in files:
        try:
            docs = parse_texts(path)
        except DraftingError:
            continue
        for doc in docs:
            texts += [p.text for p in doc.all_paragraphs()] + [f.text for f in doc.footnotes]
    return texts


def test_real_texts_give_the_regex_tokens() -> None:
    texts = _real_texts()
    assert len(texts) > 500  # the bundled corpus and the real texts were read
    assert any(not t.isascii() for t in texts)  # both paths are taken
    for text in texts:
        assert normalise(text) == regex_normalise(text), text


_ALPHABET = st.sampled_from(
    list("aZ09_ .,;:-()/'\"\n\t") + list("\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026")
    + list("éÇßİ²¹٣\u212a\u0301") + ["also ", "Further ", "00", "19 ", "Also, "]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_random_text_gives_the_regex_tokens(text: str) -> None:
    assert normalise(text) == regex_normalise(text)


@pytest.mark.parametrize(
    "text",
    ["Also requests 100 000 and 2015–2030", "Recalling further its resolution 70/1,", "0 00 a00b",
     "  leading and trailing  ", "", "also", "Kelvin \u212a", "Côte d’Ivoire ²³"],
)  # fmt: skip
def test_edges_give_the_regex_tokens(text: str) -> None:
    assert normalise(text) == regex_normalise(text)
