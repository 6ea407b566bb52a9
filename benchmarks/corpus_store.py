"""Corpus store benchmark: build, incremental sync and search latency over a synthetic corpus.

The corpus comes from :mod:`benchmarks.synth` (the bundled documents recombined into N
resolutions, deterministic for a seed), written as corpus text files. Run from the
repository root::

    python benchmarks/corpus_store.py 1000
    python benchmarks/corpus_store.py 10000 --seed 7 --clock cpu
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import percentile
from benchmarks.synth import generate
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore, SyncReport

QUERIES = [
    "traff pers",
    "smuggling migrants",
    "decision 4/4",
    "recalling also",
    "technical assistance",
    "victims",
    '"trafficking in persons"',
    "extrabud resources",
    "working group",
    "the of",
    "organ removal",
    "Member States ratify",
    "secretariat",
    "regional organizations cooperation",
    "Global Plan Action",
    "capacity-building",
]


# Wall time by default; --clock cpu counts this process's CPU time only, which a busy
# machine disturbs far less (SQLite runs in-process, so it is counted).
_clock: Callable[[], float] = time.perf_counter


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    t = _clock()
    out = fn()
    return _clock() - t, out


def _timed_sync(store: CorpusStore) -> tuple[float, SyncReport]:
    t = _clock()
    report = store.sync()
    return _clock() - t, report


def run(n: int, seed: int, repeats: int) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus, db, user = root / "corpus", root / "corpus.sqlite", root / "user"
        secs, _ = _timed(lambda: generate(corpus, n, seed))
        rows.append(("generate corpus files", f"{secs:8.2f} s"))

        def open_store() -> CorpusStore:
            return CorpusStore.open(db, [corpus], user_dir=user, sync=False)

        store = open_store()
        secs, rep = _timed_sync(store)
        rows.append((f"first build ({len(rep.added)} docs)", f"{secs:8.2f} s"))
        rows.append(("  per document", f"{secs / n * 1000:8.2f} ms"))
        paragraphs = sum(d.paragraphs for d in store.documents())
        rows.append(("  paragraphs indexed", f"{paragraphs:8d}"))
        store.close()  # checkpoints the WAL into the database file
        rows.append(("  database size", f"{db.stat().st_size / 2**20:8.1f} MB"))

        store = open_store()
        secs, _ = _timed(store.sync)
        rows.append(("re-open + sync, nothing changed", f"{secs * 1000:8.1f} ms"))

        files = sorted(corpus.iterdir())
        changed = files[:: max(1, n // 10)][:10]
        for f in changed:
            with f.open("a", encoding="utf-8") as fh:
                fh.write("\n\n99. *Decides* to remain seized of the zeppelin question.\n")
        touched = files[1 :: max(1, n // 10)][:10]
        for f in touched:
            st = f.stat()
            os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
        secs, rep = _timed_sync(store)
        rows.append(
            (
                f"sync: {len(changed)} edited + {len(touched)} touched",
                f"{secs * 1000:8.1f} ms  (hashed {rep.hashed}, parsed {rep.parsed})",
            )
        )

        latencies: dict[str, list[float]] = {q: [] for q in QUERIES}
        for _ in range(repeats):
            for q in QUERIES:
                secs, _ = _timed(partial(store.search, q, 50))
                latencies[q].append(secs * 1000)
        allv = [v for vs in latencies.values() for v in vs]
        rows.append(
            (
                f"search, {len(QUERIES)} queries × {repeats}, limit 50",
                f"p50 {statistics.median(allv):6.2f} ms  p95 {percentile(allv, 0.95):6.2f} ms",
            )
        )
        worst = max(latencies, key=lambda q: statistics.median(latencies[q]))
        rows.append(
            ("  slowest query (p50)", f"{worst!r} {statistics.median(latencies[worst]):.2f} ms")
        )

        ids = [d.doc_id for d in store.documents()][:: max(1, n // 50)]
        doc_times = [_timed(partial(store.document, d))[0] * 1000 for d in ids]
        rows.append(("document(id) re-read", f"p50 {statistics.median(doc_times):6.2f} ms"))
        secs, _ = _timed(lambda: Registry.from_store(store))
        rows.append(("Registry.from_store", f"{secs:8.2f} s"))
        store.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000, help="documents (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=20, help="runs of each search query")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args(argv)
    global _clock
    _clock = time.process_time if args.clock == "cpu" else time.perf_counter
    if args.n < 1:
        parser.error("N must be at least 1")
    rows = run(args.n, args.seed, args.repeats)
    width = max(len(k) for k, _ in rows)
    print(f"corpus store benchmark: N={args.n}, seed={args.seed}, {args.clock} clock")
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
