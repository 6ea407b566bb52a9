"""Corpus store benchmark: build, incremental sync and search latency over a synthetic corpus.

The corpus is made by recombining the paragraphs of the five bundled documents into N
resolutions (deterministic for a seed), written as corpus text files. Run from the
repository root::

    python benchmarks/corpus_store.py 1000
    python benchmarks/corpus_store.py 10000 --seed 7 --clock cpu
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore, SyncReport
from drafting_app.model.describe import opener_of
from drafting_app.model.document import Paragraph
from drafting_app.paths import bundled_corpus_dir

AUTHOR = (
    "The Conference of the Parties to the United Nations Convention against Transnational "
    "Organized Crime,"
)
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


def _styled(p: Paragraph) -> str:
    opener = opener_of(p)
    return f"*{opener}*{p.text[len(opener) :]}" if opener else p.text


def _pools() -> tuple[list[str], list[str], list[str]]:
    pre: list[str] = []
    op: list[str] = []
    titles: list[str] = []
    for path in sorted(bundled_corpus_dir().glob("0*.txt")):
        doc = read_document(path)
        titles.append(doc.title)
        pre += [_styled(p) for p in doc.preamble if not p.children]
        op += [_styled(p) for p in doc.operative if not p.children]
    return pre, op, titles


def make_corpus(folder: Path, n: int, seed: int) -> None:
    """N resolutions of 3–12 preambular and 4–18 operative recombined paragraphs."""
    rng = random.Random(seed)
    pre, op, titles = _pools()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        session, number = 1 + i % 12, 1 + i // 12
        parts = [f"Resolution {session}/{number}", rng.choice(titles), AUTHOR]
        parts += [p.rstrip(";.") + "," for p in rng.sample(pre, rng.randint(3, 12))]
        ops = rng.sample(op, rng.randint(4, 18))
        parts += [f"{k}. {p.rstrip(';.')};" for k, p in enumerate(ops, 1)]
        parts[-1] = parts[-1][:-1] + "."
        (folder / f"syn_{i:06d}.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")


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


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(n: int, seed: int, repeats: int) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus, db, user = root / "corpus", root / "corpus.sqlite", root / "user"
        secs, _ = _timed(lambda: make_corpus(corpus, n, seed))
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
                f"p50 {statistics.median(allv):6.2f} ms  p95 {_percentile(allv, 0.95):6.2f} ms",
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
