"""Shared measuring helpers for the benchmark scripts: repeated timings, percentiles, and
fresh processes timed from their start to a stamp they print (with their peak memory)."""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` (0–1) percentile by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed_ms(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock milliseconds of ``runs`` calls."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


@dataclass(frozen=True)
class Series:
    """Repeated measurements in one unit."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        return percentile(self.values, 0.95)


@dataclass(frozen=True)
class ProcessRun:
    """A fresh process: milliseconds from its start to the stamp it printed, and the peak
    resident memory (VmHWM) it reported."""

    to_stamp_ms: float
    peak_rss_mb: float
    longest_stall_ms: float | None = None


def run_to_stamp(cmd: list[str], stamp: str, env: dict[str, str], cwd: Path) -> ProcessRun:
    """Start ``cmd`` and wait for it; the child prints ``<stamp> <CLOCK_MONOTONIC ns>``.

    CLOCK_MONOTONIC is one clock for the whole machine, so the child's stamp minus the
    moment just before fork is the time from process start to that event. The child also
    prints ``peak-rss-kb <KiB>`` (its VmHWM): the rusage of a child forked from a large
    parent counts the parent's pages from before the exec."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.monotonic_ns()
        code = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=err).returncode
        out.seek(0)
        err.seek(0)
        lines, errors = out.read().splitlines(), err.read()
    stamps = [int(line.split()[1]) for line in lines if line.startswith(stamp + " ")]
    peaks = [int(line.split()[1]) for line in lines if line.startswith("peak-rss-kb ")]
    if code != 0 or not stamps or not peaks:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {errors.strip()[-800:]}")
    stalls = [float(line.split()[1]) for line in lines if line.startswith("longest-stall-ms ")]
    return ProcessRun((stamps[0] - started) / 1e6, peaks[0] / 1024, stalls[0] if stalls else None)
