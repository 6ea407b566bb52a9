"""The measurements of :mod:`benchmarks.run_all`, one function per row group; each returns
table rows (median, p95, the peer's median and the ratio where there is a peer)."""

from __future__ import annotations

import os
import random
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.check_speed import build_draft
from benchmarks.export import draft_markdown
from benchmarks.measure import ProcessRun, Series, run_to_stamp, timed_ms
from benchmarks.picker_search import make_queries
from drafting_app.checks.context import clear_text_caches
from drafting_app.checks.runner import run_checks
from drafting_app.clauses.library import open_clause_index
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.export.docx_writer import write_docx
from drafting_app.paths import bundled_corpus_dir

ROOT = Path(__file__).resolve().parent.parent
TRACE = "DRAFTING_APP_TRACE_STARTUP"


@dataclass(frozen=True)
class Row:
    """One line of the results table. ``ratio`` is ours ÷ peer; ``ok`` None: no target."""

    name: str
    size: str
    ours: Series
    unit: str
    peer: str = ""
    peer_series: Series | None = None
    target: str = ""
    ok: bool | None = None
    cpu: Series | None = None  # CPU time of the process and its children, same unit

    @property
    def ratio(self) -> float | None:
        if self.peer_series is None or not self.peer_series.median:
            return None
        return self.ours.median / self.peer_series.median


def _series(values: list[float]) -> Series:
    return Series(tuple(values))


# -- corpus build and incremental update --------------------------------------------------
@dataclass
class Build:
    rows: list[Row]
    store: CorpusStore


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the build's worker processes):
    what a busy, shared machine disturbs far less than wall-clock time."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def _build_once(db: Path, sources: list[Path], user: Path) -> tuple[float, float, CorpusStore]:
    for side in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        side.unlink(missing_ok=True)
    store = CorpusStore.open(db, sources, user_dir=user, sync=False)
    start, cpu = time.perf_counter(), cpu_seconds()
    store.sync()
    return time.perf_counter() - start, cpu_seconds() - cpu, store


def corpus_build(work: Path, small: Path, home: Path, repeats: int, edits: int) -> Build:
    """Build from files at the small size (``repeats`` times) and the full size (once, into
    the app's data folder, so the start-up rows find it indexed); then one edited file."""
    n_small = len(list(small.iterdir()))
    small_s, small_cpu = [], []
    for _ in range(repeats):
        secs, cpu, store = _build_once(work / "small.sqlite", [small], work / "small-user")
        store.close()
        small_s.append(secs)
        small_cpu.append(cpu)
    corpus = home / "corpus"
    n = len(list(corpus.iterdir()))
    db = home / "corpus.sqlite"
    secs, cpu, store = _build_once(db, [bundled_corpus_dir(), corpus], corpus)
    store.close()  # checkpoints the WAL: the size is the file's
    size_mb = db.stat().st_size / 2**20
    store = CorpusStore.open(db, [bundled_corpus_dir(), corpus], user_dir=corpus, sync=False)
    store.sync()
    files = sorted(corpus.iterdir())
    rng = random.Random(3)
    update_ms = []
    for path in rng.sample(files, edits):
        with path.open("a", encoding="utf-8") as fh:
            fh.write("\n99. *Decides* to remain seized of the matter.\n")
        start = time.perf_counter()
        report = store.sync()
        update_ms.append((time.perf_counter() - start) * 1000)
        assert len(report.updated) == 1, report
    rows = [
        Row(
            "corpus build from files",
            f"{n_small} docs",
            _series(small_s),
            "s",
            cpu=_series(small_cpu),
        ),
        Row(
            "corpus build from files",
            f"{n} docs",
            _series([secs]),
            "s",
            target="≤ 60 s",
            ok=secs <= 60,
            cpu=_series([cpu]),
        ),
        Row("corpus database size", f"{n} docs", _series([size_mb]), "MB"),
        Row(
            "incremental update, 1 file changed",
            f"{n} docs",
            _series(update_ms),
            "ms",
            target="≤ 200 ms",
            ok=_series(update_ms).median <= 200,
        ),
    ]
    return Build(rows, store)


# -- search -------------------------------------------------------------------------------
def _queries(count: int) -> list[str]:
    from benchmarks.picker_search import seed_clauses

    return [q for _, q in make_queries(seed_clauses(), count, seed=7)]


def _grep_ms(folder: Path, queries: list[str]) -> list[float]:
    def grep(q: str) -> None:
        subprocess.run(["grep", "-ril", q.split()[0], str(folder)], capture_output=True)

    return [timed_ms(lambda q=q: grep(q), 1)[0] for q in queries]


def _search_rows(name: str, size: str, ours: list[float], grep: list[float]) -> list[Row]:
    s, g = _series(ours), _series(grep)
    return [
        Row(
            name,
            size,
            s,
            "ms",
            peer="grep -ril (1st word)",
            peer_series=g,
            target="p95 ≤ 10 ms; ≥ 50× faster",
            ok=s.p95 <= 10 and g.median / s.median >= 50,
        )
    ]


def corpus_search(store: CorpusStore, corpus: Path, count: int, greps: int) -> list[Row]:
    """Corpus search box: 1–3 word prefix queries against the paragraph index."""
    queries = _queries(count)
    for q in queries[:20]:
        store.search(q, 50)  # the page cache, as in a running app
    ours = [timed_ms(lambda q=q: store.search(q, 50), 1)[0] for q in queries]
    size = f"{len(store.documents())} docs"
    return _search_rows(
        "corpus search, 1–3 word prefixes", size, ours, _grep_ms(corpus, queries[:greps])
    )


def picker_search(
    store: CorpusStore, work: Path, corpus: Path, count: int, greps: int
) -> list[Row]:
    """Clause picker: the clause index built from the same corpus store."""
    index = open_clause_index(store)
    try:
        clauses, _groups = index.count()
        queries = _queries(count)
        for q in queries[:20]:
            index.search(q, 30)
        ours = [timed_ms(lambda q=q: index.search(q, 30), 1)[0] for q in queries]
    finally:
        index.close()
    grep = _grep_ms(corpus, queries[:greps])
    return _search_rows("clause picker search, 1–3 word prefixes", f"{clauses} clauses", ours, grep)


# -- checks -------------------------------------------------------------------------------
def full_check(store: CorpusStore, runs: int) -> list[Row]:
    """run_checks on a 200-paragraph, 100-footnote draft against the corpus's registry."""
    start = time.perf_counter()
    registry = Registry.from_store(store)
    registry_ms = (time.perf_counter() - start) * 1000
    draft = build_draft(seed=2)
    run_checks(draft, registry)  # compiles the instrument matcher once, as the app does
    warm = timed_ms(lambda: run_checks(draft, registry), runs)

    def cold() -> None:
        clear_text_caches()
        run_checks(draft, registry)

    cold_ms = timed_ms(cold, max(3, runs // 5))
    size = f"{len(registry.texts())} cited texts"
    return [
        Row("registry from the corpus store", size, _series([registry_ms]), "ms"),
        Row(
            "full check, 200 paras / 100 notes",
            size,
            _series(warm),
            "ms",
            target="≤ 20 ms",
            ok=_series(warm).median <= 20,
        ),
        Row("full check, text caches cleared", size, _series(cold_ms), "ms"),
    ]


# -- start-up and memory ------------------------------------------------------------------
def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, TRACE: "1", "QT_QPA_PLATFORM": "offscreen"}
    env["DRAFTING_APP_HOME"] = str(home)
    env["PYTHONPATH"] = str(ROOT)
    return env


def startup(home: Path, runs: int) -> list[Row]:
    """Fresh processes, alternating: the app on the indexed corpus, the bare window."""
    app_cmd = [sys.executable, "-m", "drafting_app"]
    floor_cmd = [sys.executable, "-m", "benchmarks.floor_window"]
    apps: list[ProcessRun] = []
    floors: list[ProcessRun] = []
    run_to_stamp(app_cmd, "first-paint", _env(home), ROOT)  # the file cache, once
    for _ in range(runs):
        apps.append(run_to_stamp(app_cmd, "first-paint", _env(home), ROOT))
        floors.append(run_to_stamp(floor_cmd, "first-paint", _env(home), ROOT))
    n = len(list((home / "corpus").iterdir()))
    start = _series([r.to_stamp_ms for r in apps])
    floor = _series([r.to_stamp_ms for r in floors])
    rss = _series([r.peak_rss_mb for r in apps])
    return [
        Row(
            "cold start to first painted window",
            f"{n} docs indexed",
            start,
            "ms",
            peer="bare QApplication+QMainWindow",
            peer_series=floor,
            target="≤ 3× floor",
            ok=start.median <= 3 * floor.median,
        ),
        Row(
            "longest event-loop stall, first paint to start-up work done",
            f"{n} docs indexed",
            _series([r.longest_stall_ms or 0.0 for r in apps]),
            "ms",
            target="≤ 50 ms",
            ok=max(r.longest_stall_ms or 0.0 for r in apps) <= 50,
        ),
        Row(
            "peak RSS of the GUI process",
            f"{n} docs indexed",
            rss,
            "MB",
            peer="bare QApplication+QMainWindow",
            peer_series=_series([r.peak_rss_mb for r in floors]),
            target="≤ 250 MB",
            ok=rss.median <= 250,
        ),
    ]


# -- export -------------------------------------------------------------------------------
def export(work: Path, runs: int) -> list[Row]:
    """The 200-paragraph, 100-footnote draft of benchmarks/export.py: in-app, whole
    process, and pandoc on the same content."""
    ours, theirs = draft_markdown()
    src, pandoc_src = work / "draft.md", work / "pandoc.md"
    src.write_text(ours, encoding="utf-8")
    pandoc_src.write_text(theirs, encoding="utf-8")
    doc = read_document(src)
    write_docx(doc, work / "warm.docx")
    in_app = _series(timed_ms(lambda: write_docx(doc, work / "a.docx"), runs))
    cli = [sys.executable, "-m", "drafting_app", "export", str(src), "-o", str(work / "p.docx")]
    proc_runs = max(3, runs // 3)
    process = _series(
        timed_ms(lambda: subprocess.run(cli, check=True, capture_output=True, cwd=ROOT), proc_runs)
    )
    pandoc = shutil.which("pandoc")
    peer = None
    if pandoc:
        cmd = [pandoc, str(pandoc_src), "-o", str(work / "pandoc.docx")]
        peer = _series(
            timed_ms(lambda: subprocess.run(cmd, check=True, capture_output=True), proc_runs)
        )
    size = "200 paras, 100 notes"
    return [
        Row("export to Word, in-app", size, in_app, "ms", target="≤ 50 ms", ok=in_app.median <= 50),
        Row(
            "export to Word, whole process",
            size,
            process,
            "ms",
            peer="pandoc draft.md -o draft.docx" if peer else "pandoc (not installed)",
            peer_series=peer,
            target="≤ pandoc",
            ok=None if peer is None else process.median <= peer.median,
        ),
    ]
