"""The benchmark scripts keep working: ``run_all --smoke`` (N=200) writes a table with every
row into the folder it is given, never over benchmarks/RESULTS.md. Times are not asserted
(performance numbers belong in benchmarks/RESULTS.md, not in tests)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from benchmarks import run_all

ROWS = (
    "cold start to first painted window",
    "peak RSS of the GUI process",
    "corpus build from files",
    "corpus database size",
    "incremental update, 1 file changed",
    "corpus search, 1–3 word prefixes",
    "clause picker search, 1–3 word prefixes",
    "full check, 200 paras / 100 notes",
    "export to Word, in-app",
    "export to Word, whole process",
    "compare + export with changes, in-app",
    "compare + export with changes, whole process",
)


SCALE_ROWS = (
    "index build from files (corpus rebuild), whole process",
    "peak RSS while indexing",
    "index on disk ÷ text of the documents",
    "corpus work of a no-op command, in-process",
    "drafting-app check FILE (200 paras / 100 notes), whole process",
    "corpus add of one document, whole process",
    "add of one document until search and picker find it (in-process)",
    "window start, after a file was added: first paint",
    "story: add 2 PDFs (read, indexed, listed)",
    "story: the clause picker on it",
    "story: RSS settled at the end",
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


@pytest.mark.slow
def test_smoke_run_writes_every_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(run_all.RESULTS)
    out = tmp_path / "RESULTS.md"
    assert run_all.main(["--smoke", "--out", str(out)]) == 0
    assert _digest(run_all.RESULTS) == before
    text = out.read_text(encoding="utf-8")
    assert "SMOKE RUN" in text and "SQLite" in text and "PySide6" in text
    main, _, scale = text.partition("## The corpus at scale (issue 21)")
    table = [line for line in main.splitlines() if line.startswith("| ")][1:]
    names = [line.split(" | ")[0].lstrip("| ") for line in table]
    for row in ROWS:
        assert row in names, f"missing row {row!r}"
    assert names.count("corpus build from files") == 2
    for line in table:
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert cells[3] and cells[3].split()[0].replace(".", "").isdigit(), line
    assert "bare QApplication+QMainWindow" in text and "grep -ril" in text
    for row in SCALE_ROWS:
        assert row in scale, f"missing row {row!r} at scale"
    assert text in capsys.readouterr().out


def test_smoke_and_full_plans() -> None:
    plan = run_all.plan_for(200, smoke=True)
    assert plan.n == 200 and plan.small == 20
    full = run_all.plan_for(10_000, smoke=False)
    assert full.small == 1000 and full.starts >= 5


def test_the_rollover_pair_of_the_benchmark_is_what_it_says() -> None:
    """20 reworded, 5 inserted, 5 deleted, 3 moved, 10 notes changed (one moved paragraph
    is also a reworded one)."""
    from collections import Counter

    from benchmarks.revisions import rollover_pair
    from drafting_app.corpus.readers import read_text
    from drafting_app.revisions.compare import compare

    base, new = (read_text(t) for t in rollover_pair())
    kinds = Counter((str(c.target), c.description) for c in compare(base, new).changes)
    assert kinds == {
        ("paragraph", "reworded"): 19,
        ("paragraph", "moved and reworded"): 1,
        ("paragraph", "moved"): 2,
        ("paragraph", "added"): 5,
        ("paragraph", "deleted"): 5,
        ("footnote", "reworded"): 10,
    }
