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


def test_the_first_draft_is_checked_at_once_with_the_stored_registry(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    """The registry is read from the corpus index a text at a time: opening the first
    draft checks it at once, without a worker job, whatever the size of the corpus."""
    from drafting_app.corpus.stored_registry import StoredRegistry
    from drafting_app.gui.checks.checks_dock import WAITING

    cache = RegistryCache(store, window.background, window)
    window.corpus_actions.changed.connect(cache.invalidate)
    tools = install_citation_tools(window, cache.get, cache)
    draft = window.drafts.create_from_template("cop-draft-resolution")
    assert draft is not None
    qtbot.waitUntil(lambda: tools.checks.runs >= 1, timeout=10000)
    assert tools.checks.summary.text() != WAITING
    assert isinstance(cache.get(), StoredRegistry) and cache.builds == 1
    assert tools.registry() is cache.get()  # the dialogs share it
    runs = tools.checks.runs
    window.corpus_actions.changed.emit()  # the corpus changed: opened again, checked again
    qtbot.waitUntil(lambda: tools.checks.runs > runs, timeout=10000)
    assert cache.builds == 2


def test_a_registry_that_cannot_be_opened_is_tried_again(
    store: CorpusStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafting_app.corpus.registry import Registry
    from drafting_app.errors import CorpusError

    def refuse(_s: CorpusStore) -> Registry:
        raise CorpusError("the index is locked")

    cache = RegistryCache(store)
    monkeypatch.setattr(Registry, "from_store", staticmethod(refuse))
    assert cache.ready() is None
    monkeypatch.undo()
    assert cache.ready() is not None and cache.builds == 1
