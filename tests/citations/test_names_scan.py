"""The instrument names are found by a pattern written so that the engine scans for their
first letters (the boundary before a name asked after its first character): it must find
exactly what ``\\b(?:name|…)\\b`` finds — on every real text, on random splices of them and
on names written where a boundary decides — and match at a given place as that one does."""

from __future__ import annotations

import random
import re

from drafting_app.citations.short_titles import InstrumentNames, names_pattern
from drafting_app.corpus.registry import Registry
from tests.model.test_cite_matches import real_texts

NAMES = InstrumentNames(Registry.load_curated().instruments())
SORTED = sorted(NAMES._names, key=len, reverse=True)
WHOLE = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in SORTED) + r")\b")
ODD = ["(Rome) Statute", "-Protocol", "", "Paris Agreement", "Convention"]


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def test_every_real_text_splices_and_edges() -> None:
    assert NAMES.pattern is not None
    texts = real_texts()
    rng = random.Random(3)
    named = [t for t in texts if WHOLE.search(t)]
    for _ in range(2000):
        a, b = rng.choice(named), rng.choice(texts)
        texts.append(a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1) :])
    for name in SORTED[:8]:
        texts += [name, f"x{name}", f"{name}s", f"({name})", f"the {name}, and {name}x {name}"]
    found = 0
    for text in texts:
        spans = _spans(WHOLE, text)
        assert _spans(NAMES.pattern, text) == spans, text[:120]
        found += len(spans)
        for pos in {0, len(text) // 2, *(s for s, _ in spans), *(s + 1 for s, _ in spans)}:
            old, new = WHOLE.match(text, pos), NAMES.pattern.match(text, pos)
            assert (old and old.span()) == (new and new.span()), (text[:80], pos)
    assert len(named) > 50 and found > 1000


def test_names_that_open_with_other_characters() -> None:
    whole = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in ODD) + r")\b")
    odd = re.compile(names_pattern(ODD))
    for text in ["a(Rome) Statute", " (Rome) Statute", "x-Protocol", " -Protocol", "Convention",
                 "the Paris Agreement.", "aConvention", "", "word and word"]:  # fmt: skip
        assert _spans(odd, text) == _spans(whole, text), text
