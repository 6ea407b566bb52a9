"""Hostile files against every reader (issue 22 §3, §4, §9): each case of
tests/reliability/hostile_inputs.py read in a child process and measured.

    python benchmarks/hostile_files.py [--only SUBSTRING]

Per case: what came of it (document, refused, crash), CPU and wall seconds, peak resident
MB of the reading process, and the start of the refusal. The limits a drafter has: 10 s
of CPU and 500 MB for any input. Exit status 1 when a case breaks them or crashes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.bounded import over_limits, run_child  # noqa: E402
from tests.reliability.hostile_inputs import CASES  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="run the cases whose name holds this")
    args = ap.parse_args()
    names = sorted(n for n in CASES if args.only in n)
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp)
        inputs = []
        for n, name in enumerate(names):
            path = folder / f"case-{n}"
            path.write_bytes(CASES[name].make())
            inputs.append({"target": CASES[name].reader, "path": str(path)})
        results = run_child({"inputs": inputs}, folder / "home")
    print(f"{'case':<58}{'outcome':>9}{'cpu s':>7}{'wall s':>7}{'MB':>7}  message")
    bad = 0
    for r in results:
        name = names[r["index"]] if r["index"] < len(names) else "(child)"
        problems = over_limits(r)
        bad += bool(problems)
        print(
            f"{name[:57]:<58}{r['outcome']:>9}{r.get('cpu_s', 0):>7.2f}{r.get('wall_s', 0):>7.2f}"
            f"{r.get('peak_mb', 0):>7.0f}  {r['message'][:90]}",
            flush=True,
        )
    print(f"{len(results)} cases, {bad} over the limits or crashed")
    return 1 if bad or len(results) != len(names) else 0


if __name__ == "__main__":
    sys.exit(main())
