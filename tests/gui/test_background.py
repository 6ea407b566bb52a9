"""Corpus work off the GUI thread (issue 10: the window stays responsive at 10,000
documents): the start-up sync and the clause index run on a worker thread with their own
connection to the corpus database; adding documents waits for them; closing waits for
the job in progress."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.errors import CorpusError
from drafting_app.gui.corpus.background import Background
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.picker_wiring import install_picker, load_picker
from tests.conftest import REALDOCS

GOOD = REALDOCS / "ga" / "A-RES-80-2_article-19-exemptions-2025.txt"


def test_a_job_runs_on_a_worker_with_its_own_connection(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    seen: dict[str, Any] = {}

    def work(corpus: CorpusStore) -> int:
        seen["thread"] = threading.get_ident()
        seen["corpus"] = corpus
        return corpus.document_count()

    done: list[int] = []
    busy: list[bool] = []
    background = window.background
    background.busy_changed.connect(busy.append)
    background.run("count", work, done.append)
    assert background.busy and busy == [True]
    qtbot.waitUntil(lambda: busy == [True, False], timeout=5000)
    assert done == [5]
    assert seen["thread"] != threading.get_ident()  # not the GUI thread
    assert seen["corpus"] is not store
    with pytest.raises(CorpusError):
        seen["corpus"].document_count()  # the worker's connection was closed after it


def test_the_status_bar_says_what_the_worker_is_doing(qtbot: QtBot, window: MainWindow) -> None:
    gate = threading.Event()
    window.background.run("Indexing agreed language", lambda _c: gate.wait(5), lambda _r: None)
    assert window.activity.isVisible()
    assert window.activity.text() == "Indexing agreed language…"
    gate.set()
    qtbot.waitUntil(lambda: not window.activity.isVisible(), timeout=5000)


def test_failures_are_reported_not_raised(qtbot: QtBot, window: MainWindow) -> None:
    def refused(_corpus: CorpusStore) -> None:
        raise CorpusError("no corpus today")

    def bug(_corpus: CorpusStore) -> None:
        raise RuntimeError("boom")

    failed: list[str] = []
    background = window.background
    background.run("refused", refused, lambda _r: None, failed.append)
    with qtbot.waitSignal(background.message, timeout=5000) as message:
        background.run("Indexing", bug, lambda _r: None)
    assert failed == ["no corpus today"]
    assert message.args == ["Indexing failed: boom"]
    assert "Indexing failed" in window.statusBar().currentMessage()


def test_jobs_run_in_order_and_when_idle_waits_for_the_last(
    qtbot: QtBot, window: MainWindow
) -> None:
    order: list[str] = []
    gate = threading.Event()

    def slow(_corpus: CorpusStore) -> str:
        gate.wait(5)
        return "first"

    background = window.background
    background.run("slow", slow, order.append)
    background.run("fast", lambda _c: "second", order.append)
    background.when_idle(lambda: order.append("idle"))
    assert order == []
    gate.set()
    qtbot.waitUntil(lambda: order == ["first", "second", "idle"], timeout=5000)
    background.when_idle(lambda: order.append("now"))
    assert order[-1] == "now"  # nothing running: at once


def test_wait_finishes_the_running_job_and_drops_the_queue(window: MainWindow) -> None:
    gate = threading.Event()
    ran: list[str] = []

    def slow(_corpus: CorpusStore) -> str:
        gate.wait(0.3)
        ran.append("slow")
        return "slow"

    background = window.background
    background.run("slow", slow, lambda _r: ran.append("shown"))
    background.run("never", lambda _c: ran.append("never"), lambda _r: None)
    background.wait()
    assert ran == ["slow"] and not background.busy
    background.run("after close", lambda _c: ran.append("late"), lambda _r: None)
    assert ran == ["slow"]  # a closing window starts nothing


def test_files_changed_while_closed_are_synced_on_a_worker(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    store.user_dir.mkdir(parents=True, exist_ok=True)
    (store.user_dir / GOOD.name).write_bytes(GOOD.read_bytes())
    window.corpus_actions.sync_in_background()
    assert window.background.busy
    qtbot.waitUntil(lambda: window.browser.model.rowCount() == 6, timeout=10000)
    assert window.corpus_size.text() == "Corpus: 6 documents"
    assert store.document_count() == 6  # the window's own connection sees the commit


def test_documents_dropped_during_the_sync_are_added_after_it(
    qtbot: QtBot, window: MainWindow, store: CorpusStore, tmp_path: Path
) -> None:
    gate = threading.Event()
    window.background.run("hold", lambda _c: gate.wait(5), lambda _r: None)
    src = tmp_path / GOOD.name
    src.write_bytes(GOOD.read_bytes())
    assert window.corpus_actions.add_paths([src])
    assert not window.corpus_actions.importer.busy  # waiting for the worker
    assert "added after it" in window.statusBar().currentMessage()
    gate.set()
    with qtbot.waitSignal(window.corpus_actions.importer.finished, timeout=10000) as done:
        pass
    assert [r.ok for r in done.args[0]] == [True]
    assert window.browser.model.rowCount() == 6


def test_the_clause_index_follows_the_corpus_without_mining_it(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    picker = install_picker(window, store, load_now=False, background=window.background)
    load_picker(picker, store, None, window.background)
    assert picker.index is not None  # part of the corpus index: nothing to build
    assert picker.index.search("consider ratifying")
    index, clauses = picker.index, picker.index.count()[0]
    store.user_dir.mkdir(parents=True, exist_ok=True)
    (store.user_dir / GOOD.name).write_bytes(GOOD.read_bytes())
    window.corpus_actions.sync_in_background()
    # the sync writes the new text's clauses with it: the same index sees them
    qtbot.waitUntil(lambda: index.count()[0] > clauses, timeout=30000)
    assert picker.index is index


def test_the_background_is_idle_without_jobs(window: MainWindow) -> None:
    background = Background(window.corpus, window)
    called: list[int] = []
    background.when_idle(lambda: called.append(1))
    assert called == [1] and not background.busy


def test_a_start_with_no_folder_changed_does_no_corpus_work_until_later(
    qtbot: QtBot, window: MainWindow, store: CorpusStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 21: a no-op start scans nothing; a file edited in place while the app was
    closed (its folder's time unchanged) is still found by the check a little later."""
    import os

    from drafting_app.gui.corpus import corpus_actions

    monkeypatch.setattr(corpus_actions, "CHECK_LATER_MS", 300)
    user = store.user_dir
    user.mkdir(parents=True, exist_ok=True)
    copy = user / GOOD.name
    copy.write_bytes(GOOD.read_bytes())
    store.sync()
    folder = os.stat(user)
    with copy.open("a", encoding="utf-8") as fh:  # edited in place: the folder keeps its time
        fh.write("\n9. *Decides* to consider the zeppelinoid question.\n")
    os.utime(user, ns=(folder.st_atime_ns, folder.st_mtime_ns))
    assert not store.folders_changed()
    started: list[str] = []
    window.background.started.connect(started.append)
    window.corpus_actions.start_up()
    assert not window.background.busy and started == []  # nothing at the start
    qtbot.waitUntil(lambda: "Checking the corpus index" in started, timeout=10000)
    qtbot.waitUntil(lambda: not window.background.busy, timeout=10000)
    assert started == ["Updating the corpus index", "Checking the corpus index"]
    assert store.search("zeppelinoid")  # the edit was found by the later check


def test_a_start_after_a_file_was_added_syncs_at_once(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    store.user_dir.mkdir(parents=True, exist_ok=True)
    (store.user_dir / GOOD.name).write_bytes(GOOD.read_bytes())  # the folder's time moves
    window.corpus_actions.start_up()
    assert window.background.busy
    qtbot.waitUntil(lambda: window.browser.model.rowCount() == 6, timeout=10000)
