"""Time to first painted window: the packaged bundle vs ``python -m drafting_app`` (issue 9).

    packaging/build                      # makes build/packaging/dist/drafting-app/
    python -m benchmarks.bundle_startup [BUNDLE_DIR] [--runs 9]

Both start offscreen on the bundled corpus (indexed once before timing) with
DRAFTING_APP_TRACE_STARTUP=1, alternating, each in a fresh process; prints a table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import run_to_stamp  # noqa: E402

TRACE = "DRAFTING_APP_TRACE_STARTUP"


def _env(home: Path, source: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update({TRACE: "1", "QT_QPA_PLATFORM": "offscreen", "DRAFTING_APP_HOME": str(home)})
    if source:
        env["PYTHONPATH"] = str(ROOT)
    return env


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "bundle",
        nargs="?",
        type=Path,
        default=ROOT / "build" / "packaging" / "dist" / "drafting-app",
    )
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    exe = args.bundle / ("drafting-app.exe" if sys.platform == "win32" else "drafting-app")
    if not exe.exists():
        print(f"no bundle at {exe}: run packaging/build first", file=sys.stderr)
        return 2
    home = Path(tempfile.mkdtemp(prefix="bundle-startup-"))
    commands = {
        "bundle (PyInstaller onedir)": ([str(exe)], _env(home / "b", False)),
        "python -m drafting_app": ([sys.executable, "-m", "drafting_app"], _env(home / "s", True)),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    rss: dict[str, list[float]] = {name: [] for name in commands}
    for cmd, env in commands.values():  # index the corpus and warm the file cache once
        run_to_stamp(cmd, "first-paint", env, home)
    for _ in range(args.runs):
        for name, (cmd, env) in commands.items():
            run = run_to_stamp(cmd, "first-paint", env, home)
            times[name].append(run.to_stamp_ms)
            rss[name].append(run.peak_rss_mb)
    print(f"{'start-up to first paint':<30}{'median ms':>12}{'p95 ms':>10}{'peak RSS MB':>14}")
    for name in commands:
        print(
            f"{name:<30}{statistics.median(times[name]):>12.0f}{_p95(times[name]):>10.0f}"
            f"{statistics.median(rss[name]):>14.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
