"""The workers' gate (drafting_app.yielding, issue 21 §6), without Qt: a worker that steps
aside waits at its checkpoints while the window says it is busy, resumes when it is free,
and is never starved by a window that stays busy; other threads never wait."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from drafting_app import yielding
from drafting_app.yielding import aside, checkpoint, stepping_aside, window_busy, window_free


@pytest.fixture(autouse=True)
def _free_after() -> Iterator[None]:
    yield
    window_free()


def _worker(pieces: int, done: list[int], at_gate: threading.Event) -> threading.Thread:
    def work() -> None:
        at_gate.set()
        for i in range(pieces):
            checkpoint()
            done.append(i)

    return threading.Thread(target=aside(work), daemon=True)


def test_a_worker_waits_while_the_window_is_busy_and_resumes_when_it_is_free(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yielding, "WAIT_S", 60.0)  # only the window going free lets it on
    window_busy()
    done: list[int] = []
    at_gate = threading.Event()
    worker = _worker(3, done, at_gate)
    worker.start()
    assert at_gate.wait(10)
    worker.join(0.2)
    assert worker.is_alive() and done == []  # held at its first checkpoint
    window_free()
    worker.join(10)
    assert not worker.is_alive() and done == [0, 1, 2]


def test_a_window_that_stays_busy_cannot_starve_a_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yielding, "WAIT_S", 0.002)
    monkeypatch.setattr(yielding, "RUN_S", 0.002)
    window_busy()  # and never free again
    done: list[int] = []
    worker = _worker(500, done, threading.Event())
    worker.start()
    worker.join(30)
    assert not worker.is_alive() and done == list(range(500))
    assert not yielding.is_window_free()


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
