"""Work left for the window's next turns runs one piece per turn (issue 21 §6): jobs due
together on 1-ms timers of their own could all run in one pass over Qt's timers — one long
stall a turn later. Real timers: a 0-ms sampler counts the turns between the jobs."""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from drafting_app.gui.common.turns import SliceTimer, Turns, busy, hold, later, release, when_free


def test_queued_jobs_run_in_order_one_per_turn(qtbot: QtBot) -> None:
    turns = Turns()
    owner = QObject()
    ticks = [0]
    sampler = QTimer()
    sampler.setInterval(0)
    sampler.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    ran: list[tuple[str, int]] = []
    for name in ("outline", "count", "open files", "settings"):
        turns.later(owner, lambda name=name: ran.append((name, ticks[0])))
    sampler.start()
    qtbot.waitUntil(lambda: len(ran) == 4, timeout=5000)
    sampler.stop()
    assert [name for name, _ in ran] == ["outline", "count", "open files", "settings"]
    at = [tick for _, tick in ran]
    assert all(a < b for a, b in itertools.pairwise(at))  # a turn between each two


def test_a_job_whose_owner_is_gone_is_dropped(qtbot: QtBot) -> None:
    kept, gone = QObject(), QObject()
    ran: list[str] = []
    later(gone, lambda: ran.append("gone"))
    later(kept, lambda: ran.append("kept"))
    gone.deleteLater()
    qtbot.waitUntil(lambda: ran == ["kept"], timeout=5000)
    qtbot.wait(20)
    assert ran == ["kept"]


def test_slice_timers_share_the_turns_one_slice_per_turn(qtbot: QtBot) -> None:
    """The page's slices and the preview's take turns: never two slices in one pass over
    Qt's timers (each a 0-ms timer of its own ran back to back, and a 0-ms timer could
    run again and again in one pass)."""
    page, preview = SliceTimer(), SliceTimer()
    turns = [0]
    sampler = QTimer()
    sampler.setInterval(0)  # due on every pass: counts them
    sampler.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    served: list[tuple[str, int]] = []

    def slice_of(name: str, timer: SliceTimer, slices: int) -> None:
        served.append((name, turns[0]))
        if sum(1 for n, _ in served if n == name) == slices:
            timer.stop()

    page.timeout.connect(lambda: slice_of("page", page, 6))
    preview.timeout.connect(lambda: slice_of("preview", preview, 3))
    sampler.start()
    page.start()
    preview.start()
    qtbot.waitUntil(lambda: len(served) == 9, timeout=5000)
    qtbot.wait(20)
    sampler.stop()
    assert len(served) == 9 and not page.isActive() and not preview.isActive()
    names = [n for n, _ in served]
    assert names[:6] == ["page", "preview"] * 3  # alternating while both work
    assert names[6:] == ["page"] * 3  # then the page alone, every turn
    at = [t for _, t in served]
    assert all(a < b for a, b in itertools.pairwise(at))  # a turn between each two


def test_jobs_and_slices_take_turns_never_two_in_one_pass(qtbot: QtBot) -> None:
    """A job queued while the page writes its slices runs on a turn of its own: on a 1-ms
    timer of its own it was due with the ring's and ran in the same pass over Qt's timers
    (the page's slice, the outline opening out, the next slice: 25 ms between two turns in
    the first open of a long draft)."""
    page = SliceTimer()
    turns = Turns()
    owner = QObject()
    passes = [0]
    sampler = QTimer()
    sampler.setInterval(0)  # due on every pass: counts them
    sampler.timeout.connect(lambda: passes.__setitem__(0, passes[0] + 1))
    served: list[tuple[str, int]] = []

    def page_slice() -> None:
        served.append(("page", passes[0]))
        busy_until = time.perf_counter() + 0.003  # a slice's work: the job's timer falls due
        while time.perf_counter() < busy_until:
            pass
        if sum(1 for n, _ in served if n == "page") == 6:
            page.stop()

    page.timeout.connect(page_slice)
    sampler.start()
    page.start()
    for name in ("outline", "open files", "settings"):
        turns.later(owner, lambda name=name: served.append((name, passes[0])))
    qtbot.waitUntil(lambda: len(served) == 9, timeout=5000)
    qtbot.wait(20)
    sampler.stop()
    assert [n for n, _ in served if n != "page"] == ["outline", "open files", "settings"]
    at = [t for _, t in served]
    assert all(a < b for a, b in itertools.pairwise(at)), served  # a turn between each two


def test_work_for_a_thread_waits_for_free_turns_and_held_work_keeps_them_busy(
    qtbot: QtBot,
) -> None:
    """A long draft's preview is made once the page's slices are written (made beside
    them, each slice waited for the interpreter lock), and the turns stay busy until the
    page it made comes back (else the dictionary's reading started beside it)."""
    page = SliceTimer()
    owner = QObject()
    order: list[str] = []

    def page_slice() -> None:
        order.append("page")
        if order.count("page") == 5:
            page.stop()

    page.timeout.connect(page_slice)
    page.start()
    when_free(owner, lambda: order.append("worker"))
    qtbot.waitUntil(lambda: "worker" in order, timeout=5000)
    assert order == ["page"] * 5 + ["worker"]
    qtbot.waitUntil(lambda: not busy(), timeout=5000)
    preview = QObject()
    hold(preview)
    assert busy()
    release(preview)
    assert not busy()
    gone = QObject()
    hold(gone)
    assert busy()
    gone.deleteLater()
    qtbot.waitUntil(lambda: not busy(), timeout=5000)  # its window closed before it came
