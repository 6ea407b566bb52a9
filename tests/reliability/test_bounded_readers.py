"""Every reader runs in bounded time and memory (issue 22 §3, §4, §9): the hostile files a
tester sent and more of their kind (tests/reliability/hostile_inputs.py), each read in a
child process and measured — at most 10 s of CPU and 500 MB resident, read or refused with
a message that says why, never a crash. Before issue 22 the Word custom XML case took
7 GB, 700,000 empty paragraphs more than two minutes, a list start of 2**64 an OOM kill,
the shared PDF stream 12 s a page and the 100,000-line text a minute."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.reliability.bounded import over_limits, run_child
from tests.reliability.hostile_inputs import CASES


@pytest.mark.slow
def test_every_hostile_input_is_read_or_refused_within_the_limits(tmp_path: Path) -> None:
    names = sorted(CASES)
    inputs = []
    for n, name in enumerate(names):
        path = tmp_path / f"case-{n}"
        path.write_bytes(CASES[name].make())
        inputs.append({"target": CASES[name].reader, "path": str(path)})
    results = run_child({"inputs": inputs}, tmp_path / "home")
    problems = []
    for result in results:
        index = result["index"]
        name = names[index] if index < len(names) else "the child"
        case = CASES.get(name)
        problems += [f"{name}: {p}" for p in over_limits(result)]
        if case is None:
            continue
        if case.expect != "either" and result["outcome"] != case.expect:
            problems.append(f"{name}: {result['outcome']} ({result['message'][:200]})")
        if case.match and not re.search(case.match, result["message"]):
            problems.append(f"{name}: the message {result['message'][:200]!r} lacks {case.match!r}")
        if result["outcome"] == "refused" and not result["message"].strip():
            problems.append(f"{name}: refused without a reason")
    assert len(results) == len(names), problems
    assert problems == []
