"""Stable paragraph and footnote ids.

Ids are opaque and never shown; display numbers are derived. One seam (``set_id_factory``)
lets tests and readers make ids deterministic.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

IdFactory = Callable[[str], str]


def _uuid_ids(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


_factory: IdFactory = _uuid_ids


def new_id(prefix: str) -> str:
    """A fresh id such as ``p-3f2a...``; unique within a process."""
    return _factory(prefix)


def set_id_factory(factory: IdFactory | None) -> None:
    global _factory
    _factory = factory or _uuid_ids


def counter_ids() -> IdFactory:
    """Deterministic ids ``p-1``, ``p-2``, ``fn-1`` … (per prefix)."""
    counters: dict[str, Iterator[int]] = {}

    def make(prefix: str) -> str:
        it = counters.setdefault(prefix, itertools.count(1))
        return f"{prefix}-{next(it)}"

    return make


@contextmanager
def deterministic_ids() -> Iterator[None]:
    """Within the block, ids are ``p-1``, ``p-2``… (golden files, tests)."""
    global _factory
    old = _factory
    _factory = counter_ids()
    try:
        yield
    finally:
        _factory = old
