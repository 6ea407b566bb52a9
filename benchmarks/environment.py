"""The machine and versions a benchmark ran on, and the Markdown report of its rows."""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.suites import Row


def _field(path: str, prefix: str, sep: str) -> str:
    """The value of the first line of ``path`` starting with ``prefix`` ("" if none)."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(sep, 1)[1].strip()
    except OSError:
        pass
    return ""


def _cpu_model() -> str:
    return _field("/proc/cpuinfo", "model name", ":") or platform.processor() or "unknown"


def _ram_gb() -> str:
    total = _field("/proc/meminfo", "MemTotal:", ":")
    return f"{int(total.split()[0]) / 2**20:.1f} GB" if total else "unknown"


def _os_name() -> str:
    name = _field("/etc/os-release", "PRETTY_NAME=", "=").strip('"')
    return f"{name} ({platform.release()})" if name else platform.platform()


def _pandoc() -> str:
    exe = shutil.which("pandoc")
    if not exe:
        return "not installed"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else exe


def machine() -> list[tuple[str, str]]:
    import PySide6
    from PySide6 import QtCore

    return [
        ("Date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", f"{_cpu_model()}, {os.cpu_count()} cores"),
        ("RAM", _ram_gb()),
        ("OS", _os_name()),
        ("Python", sys.version.split()[0]),
        ("Qt / PySide6", f"{QtCore.qVersion()} / {PySide6.__version__}"),
        ("SQLite", sqlite3.sqlite_version),
        ("pandoc", _pandoc()),
        ("Load average at the end", " ".join(f"{x:.1f}" for x in os.getloadavg())),
    ]


def _num(value: float, unit: str) -> str:
    text = f"{value:.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"
    return f"{text} {unit}"


def _ratio(row: Row) -> str:
    r = row.ratio
    if r is None:
        return ""
    return f"{r:.2f}× ({1 / r:.0f}× faster)" if r < 0.5 else f"{r:.2f}×"


def table(rows: list[Row]) -> str:
    head = (
        "| benchmark | size | runs | median | p95 | cpu | peer | peer median | ratio | target | |"
    )
    lines = [head, "|" + "---|" * 11]
    for r in rows:
        peer = r.peer_series
        verdict = "" if r.ok is None else ("ok" if r.ok else "**MISS**")
        lines.append(
            f"| {r.name} | {r.size} | {len(r.ours.values)} | {_num(r.ours.median, r.unit)} "
            f"| {_num(r.ours.p95, r.unit)} | {_num(r.cpu.median, r.unit) if r.cpu else ''} "
            f"| {r.peer} "
            f"| {_num(peer.median, r.unit) if peer else ''} | {_ratio(r)} | {r.target} "
            f"| {verdict} |"
        )
    return "\n".join(lines)


def report(rows: list[Row], n: int, smoke: bool) -> str:
    kind = "SMOKE RUN (N=200; the times mean nothing)" if smoke else f"N={n}"
    facts = "\n".join(f"- {k}: {v}" for k, v in machine())
    return f"""# Benchmark results — {kind}

Command: `python -m benchmarks.run_all{" --smoke" if smoke else f" --n {n}"}` (all rows in one
run; the synthetic corpus comes from `benchmarks/synth.py`, seed 1).

{facts}

The machine was **shared**: other test suites ran on its two cores during the run, so
every time is a median of repeated runs and p95 shows the noise; "cpu" is the CPU time of
the process and its worker processes (wall-clock time on an idle machine is close to it
divided by the workers that ran in parallel). Start-up runs are fresh
processes, the app and the bare window alternating, timed from just before the process is
started to the first Paint event of a widget in the main window
(`DRAFTING_APP_TRACE_STARTUP=1`); peak RSS is the VmHWM each process reports once the
deferred start-up work (the corpus sync) is done. "ratio" is ours ÷ peer. pandoc comes from
Debian (`apt-get install -y pandoc`).

{table(rows)}
"""
