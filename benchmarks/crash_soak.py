"""Crash soak (issue 11 §1): many sessions of the real app, each killed with SIGKILL at a
random moment (or from inside a save or snapshot write), each restart checked.

    python benchmarks/crash_soak.py --sessions 200 [--seed 1] [--die-share 0.25]

Prints kills, saves, snapshots, restores, kills that fell inside a save or snapshot,
drafts lost and torn files (both must be 0), and the temporary files kills left (hidden
names the app never offers as documents; later saves sweep them).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.crash_harness import CrashSoak  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--die-share", type=float, default=0.25)
    ap.add_argument("--max-delay", type=float, default=2.5, help="seconds before a kill")
    args = ap.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="crash-soak-") as folder:
        soak = CrashSoak(Path(folder), seed=args.seed)
        report = soak.run(args.sessions, args.max_delay, args.die_share)
    rows = [
        ("sessions started", report.sessions),
        ("kills (SIGKILL)", report.kills),
        ("  inside a save", report.killed_in_save),
        ("  inside a snapshot write", report.killed_in_snapshot),
        ("saves completed", report.saves),
        ("snapshots written", report.snapshots),
        ("drafts restored via the offer", report.restores),
        ("drafts lost", report.drafts_lost),
        ("torn or unloadable saves", report.torn_files),
        ("stray files looking like documents", len(report.stray_files)),
        ("hidden temporary files left", len(report.temp_files_left)),
        ("seconds", round(time.monotonic() - started, 1)),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:>8}")
    for problem in report.problems:
        print("PROBLEM:", problem)
    return 1 if report.problems or report.drafts_lost or report.torn_files else 0


if __name__ == "__main__":
    sys.exit(main())
