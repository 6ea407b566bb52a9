"""One shipped dictionary for the spelling tests (reading it takes about a second)."""

from __future__ import annotations

import pytest

from drafting_app.spelling.dictionary import HunspellDictionary


@pytest.fixture(scope="session")
def dictionary() -> HunspellDictionary:
    d = HunspellDictionary()
    d.load()
    return d
