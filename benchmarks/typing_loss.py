"""What a SIGKILL costs a drafter who types without pausing (issue 22 §1).

    python benchmarks/typing_loss.py [--runs 3] [--seconds 60] [--seed 1]

Each run: the real app in a process of its own (tests/reliability/crash_driver.py, its real
snapshot timers), a typist pressing 5–10 keys a second with real key events for
``--seconds`` (plus up to 5 s, at random), then SIGKILL; the next start restores through
the recovery offer, and the seconds typed after the restored state are lost. Target: at
most 10 s lost at any kill (the snapshot comes at the latest 5 s after the first change
not yet in one). Exit status 1 when a run loses more or restores nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.crash_harness import typing_loss  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print(f"{'run':>4}{'typed s':>9}{'keys':>7}{'keys/s':>8}{'longest pause s':>17}{'lost s':>8}")
    lost = []
    bad = 0
    for n in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="typing-") as tmp:
            r = typing_loss(Path(tmp), args.seconds, args.seed + n)
        rate = r.keys / r.typed_s if r.typed_s else 0.0
        print(f"{n + 1:>4}{r.typed_s:>9.1f}{r.keys:>7}{rate:>8.1f}{r.longest_pause_s:>17.2f}"
              f"{r.lost_s:>8.1f}  {'; '.join(r.problems)}", flush=True)  # fmt: skip
        lost.append(r.lost_s)
        bad += bool(r.problems) or r.lost_s > 10 or r.restored_key == 0
    print(f"lost: median {statistics.median(lost):.1f} s, worst {max(lost):.1f} s (target ≤ 10 s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
