"""Where a bulk build of the corpus index spends its time, stage by stage (issue 21).

    python -m benchmarks.build_stages --home DIR

Rebuilds the index of DIR's corpus in this process (as ``corpus rebuild`` does) with a
timer around each stage of the main process — scanning, waiting for the workers' records,
writing the rows, the full-text inserts, each commit, the recount of the vocabulary, the
regrouping, the packing at the end — and prints the wall and CPU seconds of each, with the
CPU of the worker processes that read the files. Per-stage timers, not a profiler: cProfile
inflates the many small calls of the reading.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WALL: dict[str, float] = defaultdict(float)
CPU: dict[str, float] = defaultdict(float)


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        w, c = time.perf_counter(), time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            WALL[name] += time.perf_counter() - w
            CPU[name] += time.thread_time() - c

    return wrapper


def _timed_iter(name: str, fn: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = fn(*args, **kwargs)
        while True:
            w, c = time.perf_counter(), time.thread_time()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                WALL[name] += time.perf_counter() - w
                CPU[name] += time.thread_time() - c
            yield item

    return wrapper


def instrument() -> None:
    from drafting_app.clauses import regroup
    from drafting_app.corpus import schema, store, sync, writer

    store.scan = _timed("scan", store.scan)
    store.plan_sync = _timed("plan", store.plan_sync)
    sync._Planner.read = _timed_iter("wait for records (workers)", sync._Planner.read)
    rows = "write rows (documents, passages, clauses, citations)"
    store.CorpusStore._write_file = staticmethod(_timed(rows, store.CorpusStore._write_file))
    writer.IndexWriter.index_text = _timed("full-text insert", writer.IndexWriter.index_text)
    store.recount_words = _timed("recount vocabulary", store.recount_words)
    regroup.regroup_all = _timed("regroup all", regroup.regroup_all)
    schema.give_back_free_pages = _timed("reindex + vacuum", schema.give_back_free_pages)
    schema.make_indexes = _timed("make indexes", schema.make_indexes)
    regroup.settle = _timed("settle (regroup all included)", regroup.settle)
    writer.IndexWriter.__init__ = _timed("writer start", writer.IndexWriter.__init__)
    store.CorpusStore.close = _timed("close (last checkpoint)", store.CorpusStore.close)
    schema.connect = _timed("connect", schema.connect)
    original = store.CorpusStore._transaction

    def transaction(self: Any) -> Any:
        # The commit is the context manager's exit: timed as the time after the body.
        from contextlib import contextmanager

        @contextmanager
        def wrapped() -> Iterator[Any]:
            with original(self) as conn:
                yield conn
                WALL["_commit_mark"] = time.perf_counter()
                CPU["_commit_mark"] = time.thread_time()
            WALL["commit"] += time.perf_counter() - WALL["_commit_mark"]
            CPU["commit"] += time.thread_time() - CPU["_commit_mark"]

        return wrapped()

    store.CorpusStore._transaction = transaction


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    args = parser.parse_args(argv)
    os.environ["DRAFTING_APP_HOME"] = str(args.home.resolve())
    instrument()
    from drafting_app.corpus.store import CorpusStore

    start_w, start_c = time.perf_counter(), time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with CorpusStore.open(sync=False) as store:
        report = store.rebuild()
    wall, cpu = time.perf_counter() - start_w, time.process_time() - start_c
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    load = os.getloadavg()[0]
    print(f"{len(report.added)} files added, {len(report.failed)} failed; load {load:.1f}")
    print("| stage (main process) | wall s | cpu s |\n|---|---|---|")
    named = sum(v for k, v in WALL.items() if not k.startswith("_"))
    for name in WALL:
        if not name.startswith("_"):
            print(f"| {name} | {WALL[name]:.2f} | {CPU[name]:.2f} |")
    print(f"| rest (outside the stages) | {wall - named:.2f} | |")
    both = f"main {cpu:.2f} + workers {workers:.2f} = {cpu + workers:.2f}"
    print(f"| **whole build** | {wall:.2f} | {both} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
