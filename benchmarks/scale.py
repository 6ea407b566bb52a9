"""The corpus at scale (issue 21), measured from the outside as whole processes.

    python -m benchmarks.scale --n 10000 [--style recombined|varied|real] [--home DIR]

With ``--home`` the corpus and its index are kept in (or reused from) DIR, so that a large
corpus is generated and built once; without it a temporary folder is used. Every row is a
fresh ``drafting-app`` process (as a drafter runs it) unless it says "in-process"; peak RSS
is the largest resident size of the process and of each worker process it started.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import Series  # noqa: E402
from benchmarks.synth import STYLES, generate  # noqa: E402

APP = [sys.executable, "-m", "drafting_app"]


@dataclass(frozen=True)
class Run:
    """One finished process: wall seconds, CPU seconds (with its children), peak RSS MB."""

    wall: float
    cpu: float
    rss_mb: float
    code: int
    out: str
    err: str


def run(cmd: list[str], home: Path, **env: str) -> Run:
    """Run ``cmd`` with ``home`` as the app's data folder; its wall and CPU time and the
    peak RSS of the largest process of its tree (wait4 on the child: its ru_maxrss is the
    largest of itself and the children it waited for)."""
    environment = {**os.environ, "DRAFTING_APP_HOME": str(home), "PYTHONPATH": str(ROOT), **env}
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=environment, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
            proc.returncode,
            out.read(),
            err.read(),
        )


def text_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def table_sizes(db: Path) -> list[tuple[str, float]]:
    """MB per table and index of the corpus database (SQLite's dbstat)."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
        ).fetchall()
    finally:
        conn.close()
    return [(str(n), s / 2**20) for n, s in rows if s >= 2**20 / 10]


# The full-text index's options (corpus/schema.py keeps detail=none, columnsize=0,
# prefix='2 3'), each built on the same sample of passages: what each option costs.
FTS_OPTIONS = (
    "detail=none, columnsize=0, prefix='2 3'",
    "detail=none, columnsize=0, prefix='3'",
    "detail=none, columnsize=0",
    "detail=column, columnsize=0, prefix='2 3'",
    "detail=full, columnsize=1, prefix='2 3'",
)


def fts_costs(db: Path, sample: int = 50_000) -> list[tuple[str, float, float]]:
    """(options, MB of the full-text index, that ÷ the sample's text) for every option of
    :data:`FTS_OPTIONS`, built in memory from every n-th passage (about ``sample``)."""
    from drafting_app.corpus.schema import TOKENIZE

    conn = sqlite3.connect(db)
    try:
        total = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        step = max(1, total // sample)
        rows = conn.execute("SELECT id, text FROM paragraphs WHERE id % ? = 0", (step,)).fetchall()
    finally:
        conn.close()
    text = sum(len(t.encode()) for _, t in rows) or 1
    out = []
    for options in FTS_OPTIONS:
        mem = sqlite3.connect(":memory:")
        mem.execute(
            f"CREATE VIRTUAL TABLE f USING fts5(text, content='', tokenize='{TOKENIZE}', {options})"
        )
        mem.executemany("INSERT INTO f(rowid, text) VALUES (?, ?)", rows)
        mem.execute("INSERT INTO f(f) VALUES ('optimize')")
        size = mem.execute("SELECT sum(length(block)) FROM f_data").fetchone()[0] or 0
        mem.close()
        out.append((options, size / 2**20, size / text))
    return out


@dataclass(frozen=True)
class Row:
    name: str
    size: str
    value: str
    target: str = ""
    ok: bool | None = None
    note: str = ""


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def prepare(home: Path, n: int, style: str, log: bool = True) -> tuple[Path, bool]:
    """The corpus of ``n`` documents under ``home/corpus`` (generated unless it is there);
    True when it was generated now."""
    corpus = home / "corpus"
    if corpus.is_dir() and len(list(corpus.glob("synth_*.txt"))) == n:
        return corpus, False  # the documents added by a run before stay: they are few
    shutil.rmtree(corpus, ignore_errors=True)
    if log:
        print(f"generating {n} {style} documents …", file=sys.stderr, flush=True)
    generate(corpus, n, seed=1, style=style)
    return corpus, True


def build_rows(home: Path, n: int, rebuild: bool) -> list[Row]:
    corpus, db = home / "corpus", home / "corpus.sqlite"
    rows: list[Row] = []
    if rebuild or not db.exists():
        print("building the index …", file=sys.stderr, flush=True)
        r = run([*APP, "corpus", "rebuild"], home)
        assert r.code == 0, r.err
        limit = 30 if n <= 10_000 else 300
        rows.append(
            Row(
                "index build from files (corpus rebuild), whole process",
                f"{n} docs",
                f"{r.wall:.1f} s (cpu {r.cpu:.1f} s)",
                f"≤ {limit} s",
                r.wall <= limit * n / max(n, 10_000) if n >= 10_000 else None,
            )
        )
        rows.append(
            Row("peak RSS while indexing", f"{n} docs", f"{r.rss_mb:.0f} MB", "≤ 300 MB",
                r.rss_mb <= 300)
        )  # fmt: skip
    size, text = db.stat().st_size, text_bytes(corpus)
    rows.append(
        Row(
            "index on disk ÷ text of the documents",
            f"{text / 2**20:.0f} MB text",
            f"{size / 2**20:.0f} MB = {size / text:.2f}×",
            "≤ 2×",
            size <= 2 * text,
        )
    )
    return rows


def _median(values: list[float]) -> float:
    return Series(tuple(values)).median


def _both(runs: list[Run]) -> str:
    """Median wall time with the median CPU time (what a loaded machine disturbs less)."""
    return f"{_ms(_median([r.wall for r in runs]))} (cpu {_ms(_median([r.cpu for r in runs]))})"


def command_rows(home: Path, n: int, runs: int) -> list[Row]:
    """No-op commands: nothing changed, so no corpus work beyond opening the index."""
    rows: list[Row] = []
    search = [run([*APP, "corpus", "search", "technical assistance"], home) for _ in range(runs)]
    assert all(r.code == 0 for r in search), search[0].err
    rows.append(Row("corpus search, whole process (nothing changed)", f"{n} docs", _both(search)))
    floor = [run([sys.executable, "-c", "import drafting_app.cli"], home) for _ in range(runs)]
    rows.append(Row("  python + the CLI's imports alone (floor)", "", _both(floor)))
    work = [_corpus_work(home) for _ in range(runs)]
    rows.append(
        Row("corpus work of a no-op command, in-process", f"{n} docs", _ms(_median(work)),
            "≤ 50 ms", _median(work) <= 0.05)
    )  # fmt: skip
    registry = [_registry_open(home) for _ in range(runs)]
    rows.append(
        Row("registry opened + 50 look-ups, in-process", f"{n} docs", _ms(_median(registry)),
            "≤ 50 ms", _median(registry) <= 0.05)
    )  # fmt: skip
    typed = [_typed_search(home) for _ in range(runs)]
    corpus, picker, parted = (_median([t[i] for t in typed]) for i in range(3))
    rows.append(
        Row("search as you type: every prefix of 14 queries, p95 (in-process)", f"{n} docs",
            f"corpus {_ms(corpus)}, picker {_ms(picker)}, picker with its part filter "
            f"{_ms(parted)}", "≤ 10 ms", max(corpus, picker) <= 0.01)
    )  # fmt: skip
    draft = home / "draft.md"
    from benchmarks.export import draft_markdown

    draft.write_text(draft_markdown()[0], encoding="utf-8")
    checks = [run([*APP, "check", str(draft)], home) for _ in range(runs)]
    assert all(r.code in (0, 1) for r in checks), checks[0].err
    wall = _median([r.wall for r in checks])
    cpu = _median([r.cpu for r in checks])
    rows.append(
        Row("drafting-app check FILE (200 paras / 100 notes), whole process", f"{n} docs",
            f"{_ms(wall)} (cpu {_ms(cpu)})", "≤ 500 ms", wall <= 0.5)
    )  # fmt: skip
    return rows


# Typed a letter at a time: one-letter prefixes ("t", "a"), the index's own 3-letter
# lists, longer prefixes spelt out through the vocabulary, a word after a whole one.
TYPED = [
    "trafficking in persons", "technical assistance", "member states", "smuggling migrants",
    "victims", "secretariat", "organ removal", "capacity building", "united nations",
    "recalling also", "international cooperation", "decides", "zeppelin", "e",
]  # fmt: skip


def _typed_search(home: Path) -> tuple[float, float, float]:
    """In-process: the corpus search (50 hits, snippets), the clause picker's search and
    the picker's search with its part filter (each part in turn: the operative part, the
    preamble) for every prefix of :data:`TYPED` as it is typed; the p95 of each, in
    seconds."""
    code = (
        "import time, json, sys\n"
        "from drafting_app.corpus.store import CorpusStore\n"
        "from drafting_app.clauses.library import open_clause_index\n"
        "from drafting_app.model.document import Part\n"
        "s = CorpusStore.open(sync=False)\n"
        "idx = open_clause_index(s)\n"
        "typed = [w[:i] for w in json.loads(sys.argv[1]) for i in range(1, len(w) + 1)]\n"
        "typed = [t for t in typed if not t.endswith(' ')]\n"
        "searches = [\n"
        "    [lambda t=t: s.search(t, 50) for t in typed],\n"
        "    [lambda t=t: idx.search(t) for t in typed],\n"
        "    [lambda t=t, p=p: idx.search(t, 40, part=p) for t in typed for p in Part],\n"
        "]\n"
        "out = []\n"
        "for calls in searches:\n"
        "    ms = []\n"
        "    for f in calls:\n"
        "        a = time.perf_counter(); f(); ms.append(time.perf_counter() - a)\n"
        "    ms.sort()\n"
        "    out.append(ms[int(len(ms) * 0.95)])\n"
        "print(*out)\n"
    )
    r = run([sys.executable, "-c", code, json.dumps(TYPED)], home)
    assert r.code == 0, r.err
    corpus, picker, parted = r.out.strip().splitlines()[-1].split()
    return float(corpus), float(picker), float(parted)


def _corpus_work(home: Path) -> float:
    """What a command does with the corpus before its own work: open the index, compare
    the folders' times with the last sync."""
    code = (
        "import time, os\n"
        "from drafting_app.corpus.store import CorpusStore\n"
        "t = time.perf_counter()\n"
        "s = CorpusStore.open(sync=False)\n"
        "assert not s.folders_changed()\n"
        "print(time.perf_counter() - t)\n"
        "s.close()\n"
    )
    r = run([sys.executable, "-c", code], home)
    assert r.code == 0, r.err
    return float(r.out.strip().splitlines()[-1])


def _registry_open(home: Path) -> float:
    code = (
        "import time\n"
        "from drafting_app.corpus.store import CorpusStore\n"
        "from drafting_app.corpus.registry import Registry\n"
        "s = CorpusStore.open(sync=False)\n"
        "t = time.perf_counter()\n"
        "r = Registry.from_store(s)\n"
        "for i in range(1, 51):\n"
        "    r.cited_text('General Assembly', f'{i}/{i + 100}', 'resolution')\n"
        "print(time.perf_counter() - t)\n"
    )
    r = run([sys.executable, "-c", code], home)
    assert r.code == 0, r.err
    return float(r.out.strip().splitlines()[-1])


_UNIQUE = "zeppelinoid mooring masts"


def add_rows(home: Path, n: int, runs: int) -> list[Row]:
    """``corpus add`` of one new document, then a search and the picker for its phrase."""
    source = home / "incoming"
    source.mkdir(exist_ok=True)
    base = (ROOT / "resources" / "corpus" / "002_ecb4862eedf5f58e.txt").read_text("utf-8")
    adds, found, picker = [], [], []
    for i in range(runs):
        word = f"{_UNIQUE} {random.Random(i).randrange(10**9)}q"
        path = source / f"new_{time.time_ns()}.txt"
        path.write_text(
            base.replace(
                "Member States and other donors", f"Member States, the {word} and other donors"
            ),
            encoding="utf-8",
        )
        r = run([*APP, "corpus", "add", str(path)], home)
        assert r.code == 0, r.err
        adds.append(r.wall)
        search = run([*APP, "corpus", "search", f'"{word}"'], home)
        assert search.code == 0 and word.split()[0] in search.out.lower(), search.err
        found.append(_searchable_after(home, word))
        clause = run([*APP, "clauses", "search", word], home)
        assert clause.code == 0, clause.err
        picker.append(clause.wall)
    latency = _median(found)
    return [
        Row("corpus add of one document, whole process", f"{n} docs", _ms(_median(adds)),
            "", None, "includes reading it"),
        Row("  add of one document until search and picker find it (in-process)",
            f"{n} docs", _ms(latency), "≤ 0.5 s", latency <= 0.5),
        Row("  clauses search for it, whole process", f"{n} docs", _ms(_median(picker))),
    ]  # fmt: skip


def _searchable_after(home: Path, word: str) -> float:
    """In-process: add a document like the one just added and time from the start of the
    add (the file read, indexed, its clause groups put right) until both the search and
    the clause index return it."""
    code = (
        "import time, sys\n"
        "from pathlib import Path\n"
        "from drafting_app.corpus.store import CorpusStore\n"
        "from drafting_app.clauses.library import open_clause_index\n"
        "s = CorpusStore.open(sync=False)\n"
        "idx = open_clause_index(s)\n"
        "src = Path(sys.argv[1])\n"
        "word = sys.argv[2] + 'x'\n"
        "src.write_text(src.read_text().replace(sys.argv[2], word))\n"
        "t = time.perf_counter()\n"
        "s.add_document(src)\n"
        "assert s.search(f'\"{word}\"') and idx.search(word)\n"
        "print(time.perf_counter() - t)\n"
    )
    src = home / "incoming" / f"again_{time.time_ns()}.txt"
    base = (ROOT / "resources" / "corpus" / "002_ecb4862eedf5f58e.txt").read_text("utf-8")
    src.write_text(
        base.replace(
            "Member States and other donors", f"Member States, the {word} and other donors"
        )
    )
    r = run([sys.executable, "-c", code, str(src), word], home)
    assert r.code == 0, r.err
    return float(r.out.strip().splitlines()[-1])


def start_rows(home: Path, n: int, runs: int) -> list[Row]:
    """The window started on the indexed corpus: nothing changed, and after a file was
    added to the corpus folder while it was closed (the start after a change)."""
    from benchmarks.measure import run_to_stamp

    env = {**os.environ, "DRAFTING_APP_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.update(DRAFTING_APP_TRACE_STARTUP="1", QT_QPA_PLATFORM="offscreen")
    rows: list[Row] = []
    for label, change in (("nothing changed", False), ("after a file was added", True)):
        paints, done, rss, stalls = [], [], [], []
        for i in range(runs):
            if change:
                base = (ROOT / "resources" / "corpus" / "004_796db3f20302c02f.txt").read_text()
                (home / "corpus" / f"changed_{time.time_ns()}_{i}.txt").write_text(
                    base.replace("human beings", f"human beings {time.time_ns()}q"),
                    encoding="utf-8",
                )
            start = time.perf_counter()
            r = run_to_stamp([*APP], "first-paint", env, ROOT)
            done.append(time.perf_counter() - start)
            paints.append(r.to_stamp_ms / 1000)
            rss.append(r.peak_rss_mb)
            stalls.append(r.longest_stall_ms or 0.0)
        rows += [
            Row(f"window start, {label}: first paint", f"{n} docs",
                f"{_ms(_median(paints))} (the first of the runs: {_ms(paints[0])})"),
            Row("  start-up work done (sync, checks) — the process ends", "",
                f"{_ms(_median(done))} (the first of the runs: {_ms(done[0])})"),
            Row("  longest event-loop stall after the first paint", "",
                f"{_median(stalls):.0f} ms", "≤ 50 ms", _median(stalls) <= 50),
            Row("  peak RSS of the window process", "", f"{_median(rss):.0f} MB", "≤ 250 MB",
                _median(rss) <= 250),
        ]  # fmt: skip
    return rows


def story_rows(home: Path, n: int, pdfs: int = 20) -> list[Row]:
    """The user story of issue 21 item 7, one window process (benchmarks/user_story.py)."""
    from benchmarks import user_story

    found = user_story.measure(home, pdfs)
    return [
        Row("story: start, to the first paint", f"{n} docs", found["first-paint"]),
        Row("story: start-up work done", "", found["start-up-work-done"]),
        Row(f"story: add {pdfs} PDFs (read, indexed, listed)", "",
            f"{found[f'add-{pdfs}-pdfs']} ms"),
        Row(f'story: search "{user_story.PHRASE}"', "", f"{found['search-phrase']} ms"),
        Row("story: the clause picker on it", "", f"{found['picker-on-it']} ms"),
        Row("story: peak RSS of the process", "", f"{found['peak-rss-mb']} MB", "≤ 250 MB",
            float(found["peak-rss-mb"]) <= 250),
        Row("story: RSS settled at the end", "", f"{found['settled-rss-mb']} MB", "≤ 250 MB",
            float(found["settled-rss-mb"]) <= 250),
    ]  # fmt: skip


def report(
    home: Path, n: int, style: str, runs: int, rebuild: bool, gui: bool = True, pdfs: int = 20
) -> str:
    """Every measure above on the corpus in ``home`` as Markdown tables."""
    _, generated = prepare(home, n, style)
    rows = build_rows(home, n, rebuild or generated)
    rows += command_rows(home, n, runs)
    rows += add_rows(home, n, runs)
    if gui:
        rows += start_rows(home, n, max(3, runs // 2))
        rows += story_rows(home, n, pdfs)
    lines = [
        f"### N={n}, corpus style {style}",
        "",
        "| measure | size | value | target | |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        mark = "" if r.ok is None else ("ok" if r.ok else "**missed**")
        value = f"{r.value} ({r.note})" if r.note else r.value
        lines.append(f"| {r.name} | {r.size} | {value} | {r.target} | {mark} |")
    lines += ["", "What the index holds (MB; SQLite's dbstat):", "", "| table or index | MB |"]
    lines.append("|---|---|")
    lines += [f"| {name} | {mb:.1f} |" for name, mb in table_sizes(home / "corpus.sqlite")]
    lines += ["", "The full-text index built with other options, on a sample of the passages:"]
    lines += ["", "| FTS5 options | MB | ÷ the sample's text |", "|---|---|---|"]
    lines += [f"| {o} | {mb:.1f} | {r:.2f}× |" for o, mb, r in fts_costs(home / "corpus.sqlite")]
    load = os.getloadavg()
    lines += ["", f"Load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--style", choices=STYLES, default="recombined")
    parser.add_argument("--home", type=Path, help="keep (or reuse) the corpus and index here")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="build the index even if reused")
    parser.add_argument("--no-gui", action="store_true", help="only the command-line rows")
    args = parser.parse_args(argv)
    home = args.home or Path(tempfile.mkdtemp(prefix="drafting-scale-"))
    home.mkdir(parents=True, exist_ok=True)
    try:
        print(report(home, args.n, args.style, args.runs, args.rebuild, not args.no_gui))
    finally:
        if args.home is None:
            shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
