"""The ladder's reading of verbs after "and" ("…, and requests the Secretary-General …"):
the scan by ``str.find`` ends where the pattern's matches end, and skipping the words no
opening phrase starts with finds the same verbs, on every real text in both parts."""

from __future__ import annotations

import random

import pytest

from drafting_app.checks.openers import _AND_VERB_RE, _after_and, embedded_verbs
from drafting_app.model.document import Part
from drafting_app.phrases import default_phrasebook
from tests.model.test_cite_matches import real_texts


def _ends(text: str) -> list[int]:
    return [m.end() for m in _AND_VERB_RE.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "and requests the Secretary-General",
        "Notes, and also requests, and further urges",
        "and also Requests and further 12 and",
        "and and and x",
        "band requests, brand new, _and x, 1and y, éand z",
        "and also also requests",
        "and further",
        "and ",
        "",
    ],
)
def test_snippets(text: str) -> None:
    assert _after_and(text) == _ends(text)


def test_every_real_text_and_splices() -> None:
    texts = real_texts()
    rng = random.Random(5)
    verbs = 0
    book = default_phrasebook()
    for text in texts:
        assert _after_and(text) == _ends(text), text[:100]
        for part in (Part.PREAMBLE, Part.OPERATIVE):
            every = embedded_verbs(book.split, text, part)
            assert embedded_verbs(book.split, text, part, book.first_words(part)) == every
            verbs += len(every)
    for _ in range(2000):
        a, b = rng.choice(texts), rng.choice(texts)
        spliced = a[: rng.randrange(len(a) + 1)] + " and " + b[rng.randrange(len(b) + 1) :]
        assert _after_and(spliced) == _ends(spliced)
    assert verbs > 100  # verbs after "and" are found, not skipped
