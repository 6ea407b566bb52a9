"""Fuzzing the text readers (issue 11 §3, CI-sized subset; the full run is
benchmarks/fuzz.py): mutated real documents never crash a reader."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting_app.corpus.readers import decode_text, read_text
from drafting_app.errors import DraftingError
from tests.conftest import CORPUS_FILES, REALDOCS
from tests.reliability.bounded import over_limits, run_child
from tests.reliability.fuzz_targets import TARGETS, Target, load_and_use_project, project_seeds
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


# -- every target of benchmarks/fuzz.py, CI-sized ------------------------------------------
CI_RUNS = {
    "docx bytes": 80,
    "docx members/XML": 80,
    "project JSON": 400,
}


@pytest.mark.parametrize("target", [t for t in TARGETS if t.name in CI_RUNS], ids=lambda t: t.name)
def test_mutated_inputs_never_crash_or_hang(target: Target) -> None:
    report = fuzz(target.seeds(), target.reader, CI_RUNS[target.name], 5, target.mutator, 10.0)
    assert report.crashes == [] and report.hangs == []
    assert report.typed_errors > 0  # the mutations do reach the refusals


@pytest.mark.slow
def test_mutated_pdfs_never_crash_or_hang() -> None:
    target = next(t for t in TARGETS if t.name == "pdf bytes")
    report = fuzz(target.seeds(), target.reader, 12, 3, target.mutator, 20.0)
    assert report.crashes == [] and report.hangs == []


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["document", "settings", "format_version", "preamble", "operative"]),
    _json,
)
def test_project_with_any_json_in_any_place_loads_or_is_refused(key: str, value: object) -> None:
    data = json.loads(project_seeds()[0])
    if key in ("preamble", "operative"):
        data["document"][key] = value
    else:
        data[key] = value
    with contextlib.suppress(DraftingError):
        load_and_use_project(json.dumps(data).encode())


# -- found by fuzzing ------------------------------------------------------------------------
def test_a_label_no_numbering_style_reads_is_a_paragraph_not_a_crash() -> None:
    # "(ab)" is neither a letter ((a)…(z), (aa)…) nor a roman numeral: it used to raise
    # IndexError in the structure builder.
    text = (
        "The General Assembly,\n\nRecalling its resolution;\n\n1. Decides to act:\n\n"
        "(a) first;\n\n(ab) second.\n"
    )
    doc = read_text(text, "x.txt")
    assert [p.text for p in doc.operative] == ["Decides to act:", "second."]
    assert [c.text for c in doc.operative[0].children] == ["first;"]


# -- issue 22 §12: every reader fuzzed in a child, each input's time and memory measured ---
BOUNDED_RUNS = {
    "text (corpus, Markdown, PDF text)": 120,
    "docx bytes": 40,
    "docx members/XML": 40,
    "docx silent loss": 60,
    "pdf bytes": 10,
    "project JSON": 120,
    "clause collection": 120,
}


@pytest.mark.slow
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_each_reader_fuzzed_stays_within_ten_seconds_and_500_mb(
    target: Target, tmp_path: Path
) -> None:
    runs = BOUNDED_RUNS[target.name]
    results = run_child({"fuzz": target.name, "runs": runs, "seed": 22}, tmp_path)
    problems = [f"input {r['index']}: {p}" for r in results for p in over_limits(r)]
    assert problems == [] and len(results) == runs
    assert {r["outcome"] for r in results} <= {"document", "refused"}
