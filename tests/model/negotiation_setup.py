"""Shared set-up for negotiation tests: the real 46-paragraph resolution A/RES/80/6 (14 PP,
32 OP) started in negotiation with deterministic ids and a fixed clock, and the state of a
draft as plain JSON (text and negotiation) to compare before and after."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from drafting_app.corpus.readers import read_document
from drafting_app.model.document import Document
from drafting_app.model.ids import deterministic_ids
from drafting_app.model.negotiation import set_clock
from drafting_app.model.negotiation_edits import StartNegotiation
from drafting_app.storage.codec import document_to_json
from tests.conftest import REALDOCS

ICC = REALDOCS / "ga" / "A-RES-80-6_icc-report-2025.txt"


@contextmanager
def fixed_time() -> Iterator[None]:
    """Times "2025-10-01T10:00:01Z", "…:02Z" … in the order they are asked for."""
    seconds = itertools.count(1)
    set_clock(lambda: f"2025-10-01T10:{next(seconds) // 60:02d}:{next(seconds) % 60:02d}Z")
    try:
        yield
    finally:
        set_clock(None)


def icc_in_negotiation() -> Document:
    doc = read_document(ICC)
    StartNegotiation().apply(doc)
    return doc


def state(doc: Document) -> dict[str, Any]:
    """Everything of the draft that an edit may change (text, marks, negotiation)."""
    return document_to_json(doc)


@contextmanager
def deterministic() -> Iterator[None]:
    with deterministic_ids(), fixed_time():
        yield
