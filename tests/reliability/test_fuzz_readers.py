"""Fuzzing the text readers (issue 11 §3, CI-sized subset; the full run is
benchmarks/fuzz.py): mutated real documents never crash a reader."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting_app.corpus.readers import decode_text, read_text
from drafting_app.errors import DraftingError
from tests.conftest import CORPUS_FILES, REALDOCS
from tests.reliability.fuzzing import fuzz


def read_bytes(data: bytes) -> object:
    return read_text(decode_text(data, "fuzzed.txt"), "fuzzed.txt")


def seeds() -> list[bytes]:
    files = list(CORPUS_FILES.values()) + sorted((REALDOCS / "ga").glob("*.txt"))
    return [p.read_bytes() for p in files]


def test_mutated_documents_never_crash_the_text_readers():
    report = fuzz(seeds(), read_bytes, runs=300, seed=7)
    assert report.crashes == []
    assert report.documents > 100  # most mutations still read as documents


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_arbitrary_text_never_crashes(text):
    with contextlib.suppress(DraftingError):
        read_text(text, "random.txt")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1. ",
                "(a) ",
                "(i) ",
                "¹",
                "<sup>2</sup>",
                "*",
                "Recalling ",
                "Requests ",
                "The Conference of the Parties,",
                ":",
                ";",
                ",",
                ".",
                "\n\n",
                "\n",
                "---",
                "## ",
                "² Ibid., vol. 2237, No. 39574.",
                "word ",
                "Distr.: Limited",
            ]
        ),
        max_size=60,
    )
)
def test_structure_like_noise_never_crashes(parts):
    with contextlib.suppress(DraftingError):
        read_text("".join(parts), "noise.txt")


@pytest.mark.parametrize("size", [0, 1, 10])
def test_tiny_inputs(size):
    with contextlib.suppress(DraftingError):
        read_bytes(b"x" * size)
