"""The workers' gate (drafting_app.yielding, issue 21 §6), without Qt: a worker that steps
aside waits at its checkpoints while the window says it is busy, resumes when it is free,
and is never starved by a window that stays busy; other threads never wait."""

from __future__ import annotations

import builtins
import importlib
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafting_app import yielding
from drafting_app.yielding import (
    aside,
    checkpoint,
    pause_between_imports,
    stepping_aside,
    window_busy,
    window_free,
)


@pytest.fixture(autouse=True)
def _free_after() -> Iterator[None]:
    yield
    window_free()


def _worker(pieces: int, done: list[int], began: threading.Event) -> threading.Thread:
    def work() -> None:
        began.set()
        for i in range(pieces):
            checkpoint()
            done.append(i)

    return threading.Thread(target=aside(work), daemon=True)


def test_a_worker_waits_while_the_window_is_busy_and_resumes_when_it_is_free(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in (("WAIT_S", 60.0), ("LONGEST_S", 60.0), ("IDLE_SHARE", 0.0)):
        monkeypatch.setattr(yielding, name, value)  # only the window going free lets it on
    window_busy()
    done: list[int] = []
    began = threading.Event()
    worker = _worker(3, done, began)
    worker.start()
    worker.join(0.2)
    # Held before its first piece: a worker started in a turn of the window begins after it.
    assert worker.is_alive() and not began.is_set() and done == []
    window_free()
    worker.join(10)
    assert not worker.is_alive() and began.is_set() and done == [0, 1, 2]


def test_a_window_that_stays_busy_cannot_starve_a_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window's thread busy running (its CPU counted) and never free again."""
    monkeypatch.setattr(yielding, "WAIT_S", 0.002)
    monkeypatch.setattr(yielding, "LONGEST_S", 60.0)  # only the window's CPU bounds a wait
    window_busy()
    done: list[int] = []
    worker = _worker(200, done, threading.Event())
    worker.start()
    end = time.monotonic() + 60
    while worker.is_alive() and time.monotonic() < end:
        sum(range(1000))  # the window at work, holding the interpreter lock by turns
    assert not worker.is_alive() and done == list(range(200))
    assert not yielding.is_window_free()


def test_a_window_blocked_outside_its_loop_does_not_hold_a_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Busy, but neither running nor ready to run (a join, a sleep): not in a turn."""
    monkeypatch.setattr(yielding, "WAIT_S", 60.0)
    monkeypatch.setattr(yielding, "LONGEST_S", 60.0)
    window_busy()
    done: list[int] = []
    worker = _worker(50, done, threading.Event())
    worker.start()
    worker.join(30)
    assert not worker.is_alive() and done == list(range(50))


def test_threads_that_do_not_step_aside_never_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yielding, "WAIT_S", 60.0)
    window_busy()
    for _ in range(1000):
        checkpoint()  # this thread (the window's own checks, the command line) goes on
    with stepping_aside():
        pass
    checkpoint()  # the block is over: not stepping aside any more
    done: list[int] = []
    plain = threading.Thread(target=lambda: (checkpoint(), done.append(1)), daemon=True)
    plain.start()
    plain.join(10)
    assert done == [1]


def test_aside_gives_back_what_the_work_returns_and_raises() -> None:
    assert aside(lambda a, b=2: a + b)(1, b=5) == 6

    def fails() -> None:
        raise ValueError("half-edited draft")

    with pytest.raises(ValueError, match="half-edited"):
        aside(fails)()
    assert not getattr(yielding._worker, "on", False)


def test_a_worker_stepping_aside_begins_each_import_at_a_checkpoint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name, value in (("WAIT_S", 60.0), ("LONGEST_S", 60.0), ("IDLE_SHARE", 0.0)):
        monkeypatch.setattr(yielding, name, value)
    # A module whose body imports another: the submodule's import is a checkpoint too.
    (tmp_path / "outer_for_the_gate.py").write_text("import inner_for_the_gate\n", "utf-8")
    (tmp_path / "inner_for_the_gate.py").write_text("VALUE = 7\n", encoding="utf-8")
    (tmp_path / "plain_for_the_gate.py").write_text("VALUE = 8\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(builtins, "__import__", builtins.__import__)
    pause_between_imports()
    real = builtins.__import__
    pause_between_imports()  # once
    assert builtins.__import__ is real
    got: list[str] = []

    def work() -> None:
        with stepping_aside():  # no checkpoint of its own
            importlib.import_module("outer_for_the_gate")  # not a checkpoint: the inner is
            got.append("outer")

    try:
        window_busy()
        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(0.2)
        assert worker.is_alive() and got == [] and "inner_for_the_gate" not in sys.modules
        import plain_for_the_gate  # this thread's imports go on at once

        assert plain_for_the_gate.VALUE == 8
        window_free()
        worker.join(10)
        assert got == ["outer"] and sys.modules["inner_for_the_gate"].VALUE == 7
    finally:
        for name in ("outer_for_the_gate", "inner_for_the_gate", "plain_for_the_gate"):
            sys.modules.pop(name, None)
