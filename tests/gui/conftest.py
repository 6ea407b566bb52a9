"""GUI fixtures: a real corpus store (SQLite in the test's private home) and a shown main
window driven by qtbot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.main_window import MainWindow


@pytest.fixture
def store() -> Iterator[CorpusStore]:
    with CorpusStore.open() as s:
        yield s


@pytest.fixture
def window(qtbot: QtBot, store: CorpusStore) -> MainWindow:
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
