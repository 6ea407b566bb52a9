"""The references of a text are built by an __init__ that sets their slots directly
(model.references.slots_set_directly, for the speed of a cold check), not the frozen
dataclass's own: every reference found in
every real text, and in random splices of them, must be the one Reference(...) makes of
the same arguments — every field, its type, its hash."""

from __future__ import annotations

import dataclasses
import random

import pytest

from drafting_app.model import references
from drafting_app.model.references import Reference, find_references
from tests.model.test_cite_matches import real_texts


def _texts() -> list[str]:
    texts = real_texts()
    rng = random.Random(13)
    for _ in range(1500):
        a, b = rng.choice(texts), rng.choice(texts)
        texts.append(a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1) :])
    return texts


def test_every_reference_as_the_dataclass_makes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [find_references(t) for t in texts]
    monkeypatch.setattr(Reference, "__init__", references.PLAIN_INITS[Reference])
    plain = [find_references(t) for t in texts]
    assert fast == plain
    monkeypatch.undo()
    names = [f.name for f in dataclasses.fields(Reference)]
    found = 0
    for ours, theirs in zip(fast, plain, strict=True):
        for a, b in zip(ours, theirs, strict=True):
            assert type(a) is Reference
            assert [getattr(a, n) for n in names] == [getattr(b, n) for n in names]
            assert hash(a) == hash(b)
            found += 1
    # every kind of reference and every field is exercised
    assert found > 1000
    kinds = {r.kind for refs in fast for r in refs}
    assert kinds == set(references.RefKind)
    blank = Reference(references.RefKind.SYMBOL, 0, 0, "")
    for n in names[1:]:  # each field is set (not left at its default) in some reference
        assert any(getattr(r, n) != getattr(blank, n) for refs in fast for r in refs), n


def test_a_reference_stays_frozen() -> None:
    r = find_references("General Assembly resolution 61/144 of 19 December 2006")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.number = "1/1"  # type: ignore[misc]
