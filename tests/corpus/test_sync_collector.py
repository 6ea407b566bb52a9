"""A sync of a large corpus holds a row for every file the index knows and every file the
folder holds. Held as objects the garbage collector tracks, each of Python's full
collections on the sync's thread walked them all with the interpreter lock held: at
100,000 documents the window stalled 45-55 ms, twice per start after a change. The rows
must be ones the collector stops tracking (plain tuples of strings and numbers)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from drafting_app.corpus.store import CorpusStore

FILES = 1500


def _grown_old_during(work: Callable[[], object]) -> int:
    """How many more objects Python's oldest generation (the one a full collection walks)
    held at most while ``work()`` ran than before it."""
    gc.collect()
    before = len(gc.get_objects(generation=2))
    most = [before]

    def watch(phase: str, _info: dict[str, int]) -> None:
        if phase == "stop":
            most[0] = max(most[0], len(gc.get_objects(generation=2)))

    # Young collections often, so that whatever the sync holds has time to grow old in a
    # corpus this small (at 100,000 documents it does with the usual thresholds).
    thresholds = gc.get_threshold()
    gc.set_threshold(100, 2, 10_000)
    gc.callbacks.append(watch)
    try:
        work()
    finally:
        gc.callbacks.remove(watch)
        gc.set_threshold(*thresholds)
    return most[0] - before


def test_a_sync_of_many_files_leaves_the_collector_nothing_per_file(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(FILES):
        (folder / f"{n:05d}.txt").write_text(
            f"Resolution {n}\n\nThe General Assembly,\n\n1. Decides to remain seized of "
            f"matter {n}.\n",
            encoding="utf-8",
        )
    with CorpusStore.open(tmp_path / "c.sqlite", [folder], user_dir=tmp_path / "user") as s:
        assert len(s.documents()) == FILES
        reports = []
        for name in ("first.txt", "second.txt"):  # the first also imports the readers
            (folder / name).write_text(
                f"Resolution {name}\n\nThe General Assembly,\n\n1. Decides to remain seized.\n",
                encoding="utf-8",
            )
            grown = _grown_old_during(lambda: reports.append(s.sync()))
        assert [i.path for i in reports[1].added] == [str(folder / "second.txt")]
        assert reports[1].unchanged == FILES + 1
    # A FileRow and a Source per file reached it: 3,000 objects. Plain tuples are let go
    # by the collector before they grow old.
    assert grown < FILES // 5, grown
