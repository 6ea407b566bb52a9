"""The citation finder's fast scan (``cite_matches``: the pattern tried only at kind words
and the bodies before them) finds exactly the matches of ``_CITE_RE.finditer``: on every
paragraph and footnote of the real texts, on snippets where a body, a list or a word
boundary decides, and on random splices of real text."""

from __future__ import annotations

import random
import re

import pytest

from drafting_app.corpus.readers import read_documents
from drafting_app.errors import FormatError
from drafting_app.model.references import _CITE_RE, cite_matches, find_citations
from tests.conftest import CORPUS, REALDOCS


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


def _same(text: str) -> None:
    assert _spans(cite_matches(text)) == _spans(list(_CITE_RE.finditer(text))), text[:120]


def real_texts() -> list[str]:
    out: list[str] = []
    for path in sorted([*REALDOCS.rglob("*"), *CORPUS.glob("*.txt")]):
        if path.suffix.lower() not in (".txt", ".docx", ".pdf"):
            continue
        try:
            docs = read_documents(path)
        except FormatError:
            continue
        for doc in docs:
            out += [p.text for p in doc.all_paragraphs()] + [f.text for f in doc.footnotes]
    return out


def test_every_real_text() -> None:
    texts = real_texts()
    cited = 0
    for text in texts:
        _same(text)
        cited += bool(cite_matches(text))
    assert len(texts) > 2000 and cited > 200


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A body before the kind word starts the match: without it the body would be lost.
        ("Recalling General Assembly resolution 61/144 of 19 December 2006,", 1),
        ("Recalling Economic and Social Council resolution 2013/41,", 1),
        ("Recalling its decision 4/4 of 17 October 2008,", 1),
        ("Commission on Crime Prevention and Criminal Justice resolution 20/1", 1),
        # The body ends at the word before "resolution", separated by a no-break space.
        ("Security Council\u00a0resolution 2331 (2016)", 1),
        # "its" inside a word is a body for the pattern (no word boundary), as before.
        ("Commits resolution 5/1", 1),
        # The kind word at the very start, in capitals, in the plural, in a list.
        ("Resolution 5/1 and decision 3/2", 2),
        ("resolutions 27/2, 27/3 and 27/4 of 18 May 2018", 1),
        ("Decisions S-10/2 and 6/CMA.3", 1),
        # Inside another word the kind still matches (no boundary in the pattern).
        ("irresolution 5/1", 1),
        # No number after the kind word: nothing.
        ("the resolution adopted by the General Assembly", 0),
        ("RESOLUTION 5/1", 0),
        ("", 0),
        ("r", 0),
    ],
)
def test_snippets(text: str, found: int) -> None:
    _same(text)
    assert len(cite_matches(text)) == found


def test_bodies_kept_in_references() -> None:
    refs = find_citations("Recalling General Assembly resolutions 61/144 and 61/180,")
    assert [(r.body, r.number) for r in refs] == [
        ("General Assembly", "61/144"),
        ("General Assembly", "61/180"),
    ]


def test_random_splices_of_real_text() -> None:
    """Pieces of cited real text glued at random places: bodies cut, kinds doubled."""
    texts = [t for t in real_texts() if "resolution" in t or "decision" in t]
    rng = random.Random(7)
    for _ in range(3000):
        a, b = rng.choice(texts), rng.choice(texts)
        i, j = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
        _same(a[:i] + b[j:])
        _same(a[i : i + 60] + " " + b[j : j + 60])
