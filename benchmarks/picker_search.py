"""Picker search latency over a synthetic corpus: FTS5 clause index vs grep.

10,000 documents of ~40 paragraphs (~400,000 clauses) are made by deterministically
recombining the bundled corpus's paragraphs (seeded): each synthetic paragraph keeps the
opening segment of one real paragraph and appends comma-separated segments of others,
with numbers redrawn, so nearly every text is distinct. The documents are also written
as text files so that ``grep -ril`` can search the same words.

Run: python benchmarks/picker_search.py [--docs 10000] [--paras 40] [--queries 300]
     [--keep DIR]   (build once into DIR, then re-measure without rebuilding)
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafting_app.clauses.clause import Clause, Provenance
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


def synthesize(seeds: list[Clause], docs: int, paras: int, seed: int) -> list[list[Clause]]:
    rng = random.Random(seed)
    segments = [s for c in seeds for s in c.text.split(", ")[1:] if len(s) > 3]
    corpus: list[list[Clause]] = []
    for d in range(docs):
        doc_id = f"syn{d:05d}"
        label = f"Resolution {rng.randint(1, 12)}/{rng.randint(1, 9)}"
        doc: list[Clause] = []
        for n in range(paras):
            base = rng.choice(seeds)
            head = base.text.split(", ")[0]
            tail = [rng.choice(segments) for _ in range(rng.randint(1, 4))]
            text = ", ".join([head, *tail]).rstrip(",;.") + ";"
            text = re.sub(r"\d+", lambda _m: str(rng.randint(1, 2999)), text)
            prov = Provenance(doc_id, label, base.part, f"{n + 1}.")
            doc.append(
                Clause(f"{doc_id}:{n}", text, base.italics, (), prov, base.opener, base.category)
            )
        corpus.append(doc)
    return corpus


def write_files(corpus: list[list[Clause]], folder: Path) -> None:
    for doc in corpus:
        body = "\n\n".join(c.text for c in doc)
        (folder / f"{doc[0].provenance.doc_id}.txt").write_text(body, encoding="utf-8")


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


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_fts(
    index: ClauseIndex, queries: list[tuple[int, str]]
) -> tuple[dict[int, list[float]], list[float]]:
    """Wall-clock ms per query by word count, and CPU ms of every query (the CPU figure
    is what the query costs even when other processes share the machine)."""
    times: dict[int, list[float]] = {1: [], 2: [], 3: []}
    cpu: list[float] = []
    for n, q in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        index.search(q, limit=30)
        times[n].append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return times, cpu


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
    ap.add_argument("--paras", type=int, default=40)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--grep-queries", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="build into this folder and reuse it next time")
    args = ap.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(args, Path(tmp))


def run(args: argparse.Namespace, root: Path) -> None:

    seeds = seed_clauses()
    t0 = time.perf_counter()
    folder = root / "docs"
    db = root / "clauses.sqlite3"
    corpus = synthesize(seeds, args.docs, args.paras, args.seed)
    t1 = t2 = time.perf_counter()
    if not folder.is_dir() or not db.is_file():
        folder.mkdir(exist_ok=True)
        write_files(corpus, folder)
        library = ClauseLibrary(c for doc in corpus for c in doc)
        t2 = time.perf_counter()
        library.index(db).close()
    t3 = time.perf_counter()
    index = ClauseIndex.open(db)
    clauses, groups = index.count()
    size = db.stat().st_size / 2**20
    queries = make_queries(seeds, args.queries, args.seed)
    time_fts(index, queries[:20])  # warm the page cache
    fts, cpu = time_fts(index, queries)
    grep = time_grep(folder, queries, args.grep_queries)
    index.close()

    print(f"synthetic corpus: {args.docs} documents, {clauses} clauses, {groups} groups")
    print(
        f"synthesis {t1 - t0:.1f} s; grouping {t2 - t1:.1f} s; FTS5 build {t3 - t2:.1f} s; "
        f"index file {size:.0f} MiB; load average {os.getloadavg()[0]:.1f}"
    )
    print()
    print(f"{'method':<28}{'queries':>8}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    rows = [(f"FTS5 {n}-word prefix", fts[n]) for n in (1, 2, 3)]
    rows.append(("FTS5 all", [t for n in (1, 2, 3) for t in fts[n]]))
    rows.append(("FTS5 all, CPU time", cpu))
    rows.append(("grep -ril (1st word)", grep))
    for name, values in rows:
        print(
            f"{name:<28}{len(values):>8}{statistics.median(values):>10.2f}"
            f"{percentile(values, 95):>10.2f}{max(values):>10.2f}"
        )


if __name__ == "__main__":
    main()
