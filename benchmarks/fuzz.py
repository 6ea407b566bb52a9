"""Fuzzing every reader and the project loader (issue 11 §3) with mutated real files.

    python benchmarks/fuzz.py [--scale 1.0] [--seed 0] [--timeout 10]

Per target: inputs run, documents read, typed errors (DraftingError with a message),
crashes (any other exception), hangs (past the per-input timeout), time, slowest input.
At --scale 1 the targets get 10,000 inputs together. Exit status 1 on any crash or hang.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DRAFTING_APP_HOME", tempfile.mkdtemp(prefix="fuzz-home-"))

from tests.reliability.fuzz_targets import TARGETS  # noqa: E402
from tests.reliability.fuzzing import fuzz  # noqa: E402

RUNS = {
    "text (corpus, Markdown, PDF text)": 3500,
    "docx bytes": 1200,
    "docx members/XML": 1400,
    "docx silent loss": 1000,
    "pdf bytes": 400,
    "project JSON": 3500,
    "clause collection": 1500,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per input")
    args = ap.parse_args()
    header = f"{'target':<34}{'runs':>7}{'docs':>7}{'typed':>7}{'crash':>7}{'hang':>6}"
    print(header + f"{'seconds':>9}{'slowest':>9}")
    failures = []
    total = 0
    for target in TARGETS:
        runs = max(1, round(RUNS[target.name] * args.scale))
        r = fuzz(target.seeds(), target.reader, runs, args.seed, target.mutator, args.timeout)
        total += r.runs
        print(
            f"{target.name:<34}{r.runs:>7}{r.documents:>7}{r.typed_errors:>7}"
            f"{len(r.crashes):>7}{len(r.hangs):>6}{r.seconds:>9.1f}{r.slowest:>9.2f}",
            flush=True,
        )
        failures += [f"{target.name}: {c[0]}" for c in r.crashes]
        failures += [f"{target.name}: hang on input starting {h[:60]}" for h in r.hangs]
    print(f"{'total inputs':<34}{total:>7}")
    for failure in failures[:40]:
        print("FAILURE:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
