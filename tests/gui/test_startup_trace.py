"""The start-up trace used by the benchmarks: first paint of the main window, printed once."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from drafting_app.gui.startup_trace import ENV_VAR, on_first_paint, trace_first_paint

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QLabel("corpus"))
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("value", ["", "0"])
def test_no_trace_unless_asked(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(ENV_VAR, value)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert trace_first_paint(app, _window(qtbot), lambda: None) is None


def test_first_paint_printed_once_then_done(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "1")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = _window(qtbot)
    out = io.StringIO()
    done: list[int] = []
    before = time.monotonic_ns()
    trace = trace_first_paint(app, window, lambda: done.append(1), out)
    assert trace is not None and trace.painted_ns == 0
    window.show()
    qtbot.waitUntil(lambda: bool(done))
    window.update()
    qtbot.wait(50)
    app.removeEventFilter(trace)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and lines[0] == f"first-paint {trace.painted_ns}"
    assert lines[1].startswith("longest-stall-ms ")
    label, kib = lines[2].split()
    assert label == "peak-rss-kb" and 10_000 < int(kib) < 10_000_000
    assert before < trace.painted_ns <= time.monotonic_ns()
    assert done == [1]


def test_deferred_work_runs_after_the_paint_before_the_trace_ends(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, "1")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = _window(qtbot)
    calls: list[str] = []
    hook = on_first_paint(app, window, lambda ns: calls.append(f"sync {ns}"))
    assert trace_first_paint(app, window, lambda: calls.append("done"), io.StringIO()) is hook
    assert calls == []
    window.show()
    qtbot.waitUntil(lambda: "done" in calls)
    assert calls == [f"sync {hook.painted_ns}", "done"]


def test_the_trace_waits_for_the_workers_and_measures_stalls(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``after`` holds the end of the trace until the worker threads are idle; a block of
    the event loop meanwhile shows in ``longest-stall-ms``."""
    monkeypatch.setenv(ENV_VAR, "1")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = _window(qtbot)
    out = io.StringIO()
    waiting: list[Callable[[], object]] = []
    done: list[int] = []
    trace = trace_first_paint(app, window, lambda: done.append(1), out, after=waiting.append)
    assert trace is not None
    window.show()
    qtbot.waitUntil(lambda: bool(waiting))
    assert out.getvalue().startswith("first-paint ") and not done
    qtbot.wait(30)
    time.sleep(0.08)  # the GUI thread blocked: a click would have waited this long
    qtbot.wait(30)
    waiting[0]()
    app.removeEventFilter(trace)
    lines = dict(line.split() for line in out.getvalue().splitlines())
    assert done == [1] and set(lines) == {"first-paint", "longest-stall-ms", "peak-rss-kb"}
    assert 75 <= float(lines["longest-stall-ms"]) < 1000


@pytest.mark.slow
def test_the_app_prints_its_first_paint_and_exits(tmp_path: Path) -> None:
    env = {**os.environ, ENV_VAR: "1", "DRAFTING_APP_HOME": str(tmp_path)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.monotonic_ns()
    proc = subprocess.run(
        [sys.executable, "-m", "drafting_app"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    stamps = [
        line.split()[1] for line in proc.stdout.splitlines() if line.startswith("first-paint")
    ]
    assert len(stamps) == 1
    assert started < int(stamps[0]) < time.monotonic_ns()
    assert "longest-stall-ms " in proc.stdout and "peak-rss-kb " in proc.stdout
