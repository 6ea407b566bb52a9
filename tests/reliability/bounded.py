"""Readers run in a child process, each input measured (issue 22 §4, §12): the limits a
drafter has — at most 10 s of CPU and 500 MB resident for any input the readers accept by
size — checked from outside the reader. See bounded_child.py for what is measured."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MAX_CPU_S = 10.0
MAX_PEAK_MB = 500.0


def run_child(job: dict[str, Any], home: Path, timeout_s: float = 900.0) -> list[dict[str, Any]]:
    """Run ``job`` in a child (see bounded_child.py); its results, one per input. A child
    that died (killed by its memory cap, a segfault) gives a last result saying so."""
    proc = subprocess.run(
        [sys.executable, "-m", "tests.reliability.bounded_child", str(home)],
        input=json.dumps(job), capture_output=True, text=True, timeout=timeout_s, cwd=ROOT,
    )  # fmt: skip
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0:
        results.append({"outcome": "crash", "message": f"the child died ({proc.returncode}): "
                        f"{proc.stderr[-800:]}", "index": len(results)})  # fmt: skip
    return results


def over_limits(result: dict[str, Any]) -> list[str]:
    """What of a result breaks the drafter's limits."""
    out = []
    if result.get("cpu_s", 0) > MAX_CPU_S:
        out.append(f"{result['cpu_s']} s of CPU")
    if result.get("peak_mb", 0) > MAX_PEAK_MB:
        out.append(f"{result['peak_mb']} MB")
    if result.get("outcome") == "crash":
        out.append(result.get("message", "crash"))
    return out
