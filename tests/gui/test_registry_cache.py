"""One registry per window: the picker and the citation tools share it (at 10,000
documents a registry holds about a hundred megabytes)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.citation_tools import install_citation_tools
from drafting_app.gui.corpus.registry_cache import RegistryCache
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.picker_wiring import install_picker, load_picker

pytestmark = pytest.mark.gui


def test_picker_and_checks_share_one_registry(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    cache = RegistryCache(store)
    window.corpus_actions.changed.connect(cache.invalidate)
    tools = install_citation_tools(window, cache.get)
    picker = install_picker(window, store, load_now=False)
    load_picker(picker, store, cache.get)
    assert picker.registry is None and cache.builds == 0  # built on first need only
    picker.template_form("recall-also-decision")
    assert tools.registry() is picker.registry
    assert cache.builds == 1
    assert (
        picker.registry.cited_text(  # type: ignore[union-attr]
            "Conference of the Parties to the United Nations Convention against Transnational "
            "Organized Crime",
            "4/4",
            "decision",
        ).date
        == "17 October 2008"
    )


def test_a_corpus_change_drops_the_shared_registry(store: CorpusStore) -> None:
    cache = RegistryCache(store)
    first = cache.get()
    assert cache.get() is first
    cache.invalidate()
    assert cache.get() is not first
    assert cache.builds == 2


def test_the_first_draft_is_checked_once_the_registry_is_read_on_the_worker(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    """Opening the first draft does not wait for the corpus references (seconds at 10,000
    documents): the checks say they are waiting, and run when the worker has read them."""
    import threading

    from drafting_app.corpus.registry import Registry
    from drafting_app.gui.checks.checks_dock import WAITING

    threads: list[int] = []
    real = Registry.from_store

    def spy(s: CorpusStore) -> Registry:
        threads.append(threading.get_ident())
        return real(s)

    cache = RegistryCache(store, window.background, window)
    window.corpus_actions.changed.connect(cache.invalidate)
    tools = install_citation_tools(window, cache.get, cache)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Registry, "from_store", staticmethod(spy))
        draft = window.drafts.create_from_template("cop-draft-resolution")
        assert draft is not None
        assert tools.checks.summary.text() == WAITING and tools.checks.runs == 0
        qtbot.waitUntil(lambda: tools.checks.runs == 1, timeout=10000)
    assert threads and threads[0] != threading.get_ident() and cache.builds == 1
    assert tools.checks.summary.text() != WAITING
    assert tools.registry() is cache.get()  # the dialogs share it
    # The corpus changes: the registry is read again, on the worker, and the draft checked.
    cache.invalidate()
    assert tools.facts() is tools.registry()  # the tools' own copy until told otherwise
    window.corpus_actions.changed.emit()
    qtbot.waitUntil(lambda: tools.checks.runs == 2, timeout=10000)
    assert cache.builds == 2


def test_a_failed_read_on_the_worker_is_built_here_next_time(
    qtbot: QtBot, window: MainWindow, store: CorpusStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafting_app.corpus.registry import Registry
    from drafting_app.errors import CorpusError

    calls: list[str] = []

    def refuse(_s: CorpusStore) -> Registry:
        calls.append("worker")
        raise CorpusError("the index is locked")

    cache = RegistryCache(store, window.background, window)
    monkeypatch.setattr(Registry, "from_store", staticmethod(refuse))
    assert cache.ready() is None
    with qtbot.waitSignal(cache.built, timeout=5000):
        pass
    monkeypatch.undo()
    registry = cache.ready()  # built on this thread now, not sent to the worker again
    assert registry is not None and calls == ["worker"] and cache.builds == 1
