"""SYMBOL tries its candidate pattern only where a series ends before a "/" (or before
the one space before it): it must find what scanning the pattern over the whole text
finds, on every real text, on random splices of them and on snippets where a series, a
space or a word boundary decides."""

from __future__ import annotations

import random
import re

import pytest

from drafting_app.checks.symbols import _CANDIDATE, candidates
from tests.model.test_cite_matches import real_texts


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


def _same(text: str) -> int:
    found = candidates(text)
    assert _spans(found) == _spans(list(_CANDIDATE.finditer(text))), text[:120]
    return len(found)


def test_every_real_text_and_splices() -> None:
    texts = real_texts()
    found = sum(_same(t) for t in texts)
    rng = random.Random(11)
    cited = [t for t in texts if "/" in t]
    for _ in range(2000):
        a, b = rng.choice(cited), rng.choice(cited)
        _same(a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1) :])
    assert found > 200


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("A/RES/80/1, E/CN.15/2006/10 and CTOC/COP/2010/5", 3),
        ("CTOC /COP/2010/5, A /C.3/80/L.20, A\u00a0/RES/1, A  /RES/1", 3),
        ("UNEP/EA.5/Res.1 XUNEP/1 ST/SGB/2019/1 SG/1 CAC/COP/9/15", 4),
        ("a/res/1, .A/RES/1, /A/RES/1, A/", 0),
        ("A//1 and S/ /RES/2", 2),
        ("/", 0),
        ("", 0),
    ],
)
def test_snippets(text: str, count: int) -> None:
    assert _same(text) == count
