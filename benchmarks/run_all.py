"""Every benchmark in one run, each figure beside its peer where there is one, written as a
Markdown table to RESULTS.md with the machine and the versions measured on.

    python -m benchmarks.run_all [--n 10000] [--smoke] [--out benchmarks/RESULTS.md]

The synthetic corpus comes from :mod:`benchmarks.synth` (one generator for every script).
``--smoke`` (N=200, few repeats) only proves the scripts still work: it writes into a
temporary folder unless ``--out`` is given, and its times mean nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import environment, suites  # noqa: E402
from benchmarks.synth import generate  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"


@dataclass(frozen=True)
class Plan:
    """How big and how often: the full run or the smoke run."""

    n: int
    small: int
    starts: int
    searches: int
    greps: int
    checks: int
    exports: int
    incremental: int
    small_builds: int


def plan_for(n: int, smoke: bool) -> Plan:
    if smoke:
        return Plan(n, max(1, n // 10), 2, 30, 3, 5, 3, 2, 1)
    return Plan(n, min(1000, max(1, n // 10)), 7, 300, 30, 50, 30, 9, 3)


def run(plan: Plan, work: Path, log: Callable[[str], None]) -> list[suites.Row]:
    """Generate the corpus under ``work`` and run every suite; the rows of the table."""
    home = work / "home"
    corpus = home / "corpus"
    log(f"generating {plan.n} synthetic documents …")
    files = generate(corpus, plan.n, seed=1)
    small = work / "small"
    small.mkdir()
    for f in files[: plan.small]:
        os.link(f, small / f.name)
    rows: list[suites.Row] = []
    log("corpus build …")
    build = suites.corpus_build(work, small, home, plan.small_builds, plan.incremental)
    rows += build.rows
    try:
        log("search …")
        rows += suites.corpus_search(build.store, corpus, plan.searches, plan.greps)
        rows += suites.picker_search(build.store, work, corpus, plan.searches, plan.greps)
        log("checks …")
        rows += suites.full_check(build.store, plan.checks)
    finally:
        build.store.close()
    log("start-up …")
    rows += suites.startup(home, plan.starts)
    log("export …")
    rows += suites.export(work, plan.exports)
    log("compare and export with changes …")
    from benchmarks import revisions

    rows += revisions.suite(work, plan.exports)
    return rows


def at_scale(plan: Plan, work: Path, styles: list[str], log: Callable[[str], None]) -> str:
    """The corpus at scale (issue 21, benchmarks/scale.py) as Markdown: the corpus of the
    table above, then each other corpus style at the same size."""
    from benchmarks import scale

    sections = []
    pdfs = 2 if plan.n < 1000 else 20
    runs = 2 if plan.n < 1000 else 5
    for style in styles:
        log(f"at scale: {style} …")
        home = work / "home" if style == "recombined" else work / f"home-{style}"
        sections.append(scale.report(home, plan.n, style, runs, True, True, pdfs))
    return "\n".join(sections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="synthetic documents")
    parser.add_argument("--smoke", action="store_true", help="N=200, few repeats, temp output")
    parser.add_argument("--out", type=Path, help="where RESULTS.md goes")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--styles",
        default="recombined,varied,real",
        help="corpus styles measured at scale (benchmarks/synth.py), comma-separated",
    )
    args = parser.parse_args(argv)
    n = 200 if args.smoke else args.n
    if n < 10:
        parser.error("--n must be at least 10")
    plan = plan_for(n, args.smoke)
    work = Path(tempfile.mkdtemp(prefix="drafting-bench-"))
    out = args.out or (work / "RESULTS.md" if args.smoke else RESULTS)
    # Installed apps run compiled modules; time that, not the first compilation.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "drafting_app")])
    try:
        log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
        rows = run(plan, work, log)
        text = environment.report(rows, n, args.smoke)
        # The smoke run proves the scripts work: one corpus style is enough.
        styles = ["recombined"] if args.smoke else [s for s in args.styles.split(",") if s]
        text += "\n## The corpus at scale (issue 21)\n\n" + at_scale(plan, work, styles, log)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(text)
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
