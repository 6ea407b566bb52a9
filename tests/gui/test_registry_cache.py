"""One registry per window: the picker and the citation tools share it (at 10,000
documents a registry holds about a hundred megabytes)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.citation_tools import install_citation_tools
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.picker_wiring import install_picker, load_picker
from drafting_app.gui.registry_cache import RegistryCache

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
