"""The preview's render and a draft's first check step aside while a turn of the window
runs (drafting_app.yielding, hooked to the window's event loop by
gui/common/step_aside.py; issue 21 §6). Real window, real timers, real threads: a worker
held at its checkpoint goes on when the window's loop waits for events; a window that
never goes idle still gets its checks and its preview; closing the tab or the window while
a worker waits loses nothing and leaves no thread behind."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drafting_app import yielding
from drafting_app.checks.profile import profile_for
from drafting_app.checks.runner import Checker
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.export.html import render_html
from drafting_app.gui.citation_tools import CitationTools, install_citation_tools
from drafting_app.gui.main_window import MainWindow
from drafting_app.storage.project import load_project, save_project
from tests.gui.draft_driver import checks_done
from tests.gui.test_long_draft_open import long_draft

M = pytest.MonkeyPatch


class NeverFree(threading.Event):
    """The gate of a window that never goes idle: "free" is never said."""

    def set(self) -> None:
        pass


class Passed(QObject):
    passed = Signal()


@pytest.fixture
def tools(window: MainWindow, store: CorpusStore) -> CitationTools:
    return install_citation_tools(window, lambda: Registry.from_store(store))


@pytest.fixture(autouse=True)
def _gate_free_after() -> object:
    yield
    yielding.window_free()


def _poll_until(done: Callable[[], bool], seconds: float = 10.0) -> None:
    """The window's turns taken without its loop ever waiting for events (a busy window)."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.002)


def _held_until_free(monkeypatch: M) -> None:
    """A worker waits at its gate until the window says "free", however long, and even
    while the window's thread is blocked (a test's join, its sleeps between polls)."""
    for name, value in (("WAIT_S", 60.0), ("LONGEST_S", 60.0), ("IDLE_SHARE", 0.0)):
        monkeypatch.setattr(yielding, name, value)


@pytest.fixture
def long_path(tmp_path: Path) -> Path:
    path = tmp_path / "long.unres.json"
    save_project(long_draft(300, 150), path)
    return path


def test_a_worker_held_at_the_gate_goes_on_when_the_window_waits_for_events(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _held_until_free(monkeypatch)  # only the window's loop waiting for events lets it on
    QApplication.processEvents()  # a turn of the window: its loop woke, it is busy
    assert not yielding.is_window_free()
    signal = Passed()
    pieces: list[int] = []

    def work() -> None:
        for i in range(3):
            pieces.append(i)
            yielding.checkpoint()
        signal.passed.emit()

    worker = threading.Thread(target=yielding.aside(work), daemon=True)
    worker.start()
    worker.join(0.2)  # the window's thread blocked outside its loop says nothing
    assert worker.is_alive() and pieces == []  # started in a turn: held before its first
    with qtbot.waitSignal(signal.passed, timeout=10000):
        pass  # the event loop runs, waits for events: "free", and the worker goes on
    worker.join(10)
    assert not worker.is_alive() and pieces == [0, 1, 2]


def test_a_window_that_never_goes_idle_still_gets_its_checks_and_preview(
    qtbot: QtBot, window: MainWindow, tools: CitationTools, long_path: Path, monkeypatch: M
) -> None:
    gate = NeverFree()
    monkeypatch.setattr(yielding, "_free", gate)
    window.preview_dock.raise_()
    draft = window.drafts.open_path(long_path)
    assert draft is not None
    qtbot.waitUntil(lambda: draft.shown, timeout=10000)
    checks_done(qtbot, tools.checks, timeout=60000)
    doc, facts = draft.controller.doc, tools.facts()
    assert facts is not None
    assert tools.checks.findings == Checker().run(doc, facts, profile_for(doc))  # all of them
    preview = window.preview
    qtbot.waitUntil(lambda: not preview._stale and not preview.building, timeout=60000)
    whole = QTextDocument()
    whole.setDefaultFont(preview.document().defaultFont())
    whole.setHtml(render_html(doc))
    assert preview.toPlainText() == whole.toPlainText()  # the whole page, every slice laid
    spelling = window.spelling
    assert spelling is not None
    qtbot.waitUntil(lambda: spelling.is_ready, timeout=60000)  # its texts checked there too
    assert not gate.is_set()  # the window never said it was free: the bound let them on


def test_closing_the_tab_then_the_window_while_the_first_check_waits(
    window: MainWindow, tools: CitationTools, long_path: Path, monkeypatch: M
) -> None:
    _held_until_free(monkeypatch)
    path = long_path
    before = path.read_text(encoding="utf-8")
    draft = window.drafts.open_path(path)
    assert draft is not None
    # Turns taken by polling, the window busy all along: its loop never waits for events.
    _poll_until(lambda: draft.shown and draft.controller in tools.checks._first)
    held = [t for t in tools.checks._threads if t.is_alive()]
    _poll_until(lambda: False, 0.3)
    assert held and all(t.is_alive() for t in held)  # the first check, held at its gate
    assert draft.controller in tools.checks._first
    window.drafts.close(draft)
    assert draft not in window.drafts.open
    window.close()  # the window's own waits free the gate: the worker ends
    for thread in held:
        thread.join(30)
        assert not thread.is_alive()
    assert path.read_text(encoding="utf-8") == before  # unchanged, and reads back whole
    assert len(list(load_project(path).document.all_paragraphs())) == len(
        list(long_draft(300, 150).all_paragraphs())
    )
