"""CAPITALS tries each name's case-blind pattern only where the name's first word stands in
the lower-case text: it must find what scanning the pattern over the whole text finds, on
every real text, on texts with their letters' case scrambled, and on the letters whose
lower case is not the letter they match (İ, ı, ſ), where it falls back to the scan."""

from __future__ import annotations

import random

import pytest

from drafting_app.checks.capitalization import _NAMES, _NOT_THE_ORGAN, _correct, _problems
from tests.model.test_cite_matches import real_texts


def scanned(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """The family as it was: every pattern scanned over the whole text that holds its
    key word."""
    out: list[tuple[int, int, str, str]] = []
    for name in _NAMES:
        if name.key not in text.lower():
            continue
        for m in name.pattern.finditer(text):
            if _NOT_THE_ORGAN.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            right = _correct(m.group(0), name, text[m.end() : m.end() + 40])
            if right is not None:
                out.append((m.start(), m.end(), m.group(0), right))
    return tuple(out)


def _same(text: str) -> None:
    assert _problems.__wrapped__(text) == scanned(text), text[:120]


def test_every_real_text() -> None:
    for text in real_texts():
        _same(text)


def test_real_texts_with_scrambled_case() -> None:
    rng = random.Random(3)
    texts = [t for t in real_texts() if any(n.first in t.lower() for n in _NAMES)]
    found = 0
    for text in texts[:600]:
        mixed = "".join(c.upper() if rng.random() < 0.3 else c.lower() for c in text)
        _same(mixed)
        found += len(scanned(mixed))
    assert found > 200  # the scrambled names are found, not skipped


@pytest.mark.parametrize(
    "text",
    [
        "the general assembly and the secretary-general",
        "requests the Secretary-General assembly",  # a name inside another's match
        "calls upon member states parties to the Convention",  # overlapping names
        "the  united\u00a0nations and the UNITED NATIONS",
        "xunited nations, unitednations, united  nations",
        "the İnternational court of justice",  # İ lowers to two characters
        "the ınternational court of justice",  # ı matches i when case is ignored
        "member ſtates and ſecurity council",  # ſ matches s when case is ignored
        "the national security council and the regional human rights council",
        "member States of the European Union; member states of the Organization",
        "states party and States Parties",
        "",
    ],
)
def test_snippets(text: str) -> None:
    _same(text)


def test_fallback_letters_are_found() -> None:
    assert [r for *_, r in _problems.__wrapped__("member ſtates")] == ["Member States"]
    assert [r for *_, r in _problems.__wrapped__("ſtates party")] == ["States party"]
    assert [r for *_, r in _problems.__wrapped__("the ınternational court of justice")] == [
        "International Court of Justice"
    ]
