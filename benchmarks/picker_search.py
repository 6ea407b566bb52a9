"""Picker search latency over a synthetic corpus: FTS5 clause index vs grep.

10,000 documents of ~42 paragraphs (~420,000 clauses) come from :mod:`benchmarks.synth`
(the bundled corpus recombined, seeded), written as text files so that ``grep -ril`` can
search the same words; the clauses are read back from those files.

Run: python benchmarks/picker_search.py [--docs 10000] [--queries 300]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import percentile
from benchmarks.synth import generate
from drafting_app.clauses.clause import Clause
from drafting_app.clauses.extract import clauses_of
from drafting_app.clauses.index import ClauseIndex
from drafting_app.clauses.library import ClauseLibrary
from drafting_app.corpus.readers import read_document
from drafting_app.paths import bundled_corpus_dir


def seed_clauses() -> list[Clause]:
    out: list[Clause] = []
    for path in sorted(bundled_corpus_dir().glob("*.txt")):
        out += clauses_of(path.stem, read_document(path))
    return out


def corpus_clauses(folder: Path, docs: int, seed: int) -> list[Clause]:
    """The clauses of ``docs`` synthetic resolutions written into ``folder`` as text files."""
    out: list[Clause] = []
    for path in generate(folder, docs, seed):
        out += clauses_of(path.stem, read_document(path))
    return out


def make_queries(seeds: list[Clause], count: int, seed: int) -> list[tuple[int, str]]:
    """1–3 word queries as typed: each word a prefix of 2+ letters of a real corpus word."""
    rng = random.Random(seed + 1)
    words = [w for c in seeds for w in re.findall(r"[A-Za-z]{4,}", c.text)]
    out: list[tuple[int, str]] = []
    for i in range(count):
        n = 1 + i % 3
        picked = [rng.choice(words) for _ in range(n)]
        picked[-1] = picked[-1][: rng.randint(2, len(picked[-1]))]
        out.append((n, " ".join(picked)))
    return out


def time_fts(index: ClauseIndex, queries: list[tuple[int, str]]) -> dict[int, list[float]]:
    times: dict[int, list[float]] = {1: [], 2: [], 3: []}
    for n, q in queries:
        start = time.perf_counter()
        index.search(q, limit=30)
        times[n].append((time.perf_counter() - start) * 1000)
    return times


def time_grep(folder: Path, queries: list[tuple[int, str]], count: int) -> list[float]:
    times: list[float] = []
    for _, q in queries[:count]:
        word = q.split()[0]
        start = time.perf_counter()
        subprocess.run(["grep", "-ril", word, str(folder)], capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--grep-queries", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    seeds = seed_clauses()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        t0 = time.perf_counter()
        corpus = corpus_clauses(folder, args.docs, args.seed)
        t1 = time.perf_counter()
        library = ClauseLibrary(corpus)
        t2 = time.perf_counter()
        index = library.index(Path(tmp) / "clauses.sqlite3")
        t3 = time.perf_counter()
        clauses, groups = index.count()
        size = (Path(tmp) / "clauses.sqlite3").stat().st_size / 2**20
        queries = make_queries(seeds, args.queries, args.seed)
        time_fts(index, queries[:20])  # warm the page cache
        fts = time_fts(index, queries)
        grep = time_grep(folder, queries, args.grep_queries)
        index.close()

    print(f"synthetic corpus: {args.docs} documents, {clauses} clauses, {groups} groups")
    print(
        f"synthesis and reading {t1 - t0:.1f} s; grouping {t2 - t1:.1f} s; "
        f"FTS5 build {t3 - t2:.1f} s; index file {size:.0f} MiB"
    )
    print()
    print(f"{'method':<28}{'queries':>8}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    rows = [(f"FTS5 {n}-word prefix", fts[n]) for n in (1, 2, 3)]
    rows.append(("FTS5 all", [t for n in (1, 2, 3) for t in fts[n]]))
    rows.append(("grep -ril (1st word)", grep))
    for name, values in rows:
        print(
            f"{name:<28}{len(values):>8}{statistics.median(values):>10.2f}"
            f"{percentile(values, 0.95):>10.2f}{max(values):>10.2f}"
        )


if __name__ == "__main__":
    main()
