"""The window with a damaged corpus index (issue 22 item 6): it starts, says so in one
sentence, rebuilds on its worker, and its browser, search and picker work again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.corpus.index_health import HEALED
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.picker_wiring import install_picker
from tests.conftest import ROOT
from tests.corpus.test_healing import damage


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A data folder whose index (the bundled corpus) has its document list and its
    full-text pages overwritten with random bytes."""
    with CorpusStore.open(tmp_path / "corpus.sqlite", user_dir=tmp_path / "corpus") as store:
        assert store.document_count() == 5
    damage(tmp_path / "corpus.sqlite", "documents", share=1.0)
    damage(tmp_path / "corpus.sqlite", "paragraphs_fts_data", seed=2)
    return tmp_path


def test_the_app_starts_on_a_damaged_index_and_heals_it(damaged: Path) -> None:
    env = {
        **os.environ,
        "DRAFTING_APP_HOME": str(damaged),
        "DRAFTING_APP_TRACE_STARTUP": "1",  # quits once the start-up work is done
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "drafting_app"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "first-paint" in done.stdout  # a window, not an exit
    assert "Traceback" not in done.stderr
    assert list(damaged.glob("corpus.sqlite.broken-*"))
    with CorpusStore.open(damaged / "corpus.sqlite", sync=False) as store:
        assert store.document_count() == 5
        assert store.search("trafficking")
        assert store.verify() == "ok"


def test_the_window_heals_and_its_views_work_again(qtbot: QtBot, damaged: Path) -> None:
    store = CorpusStore.open(damaged / "corpus.sqlite", user_dir=damaged / "corpus", sync=False)
    window = MainWindow(store)
    qtbot.addWidget(window)
    picker = install_picker(window, store, background=window.background)
    health = window.corpus_actions.health
    assert health is not None
    assert window.browser.model.rowCount() == 0  # empty while damaged, no traceback
    with qtbot.waitSignal(health.healed, timeout=60000) as healed:
        pass
    assert healed.args == [HEALED]
    qtbot.waitUntil(lambda: window.browser.model.rowCount() == 5, timeout=10000)
    assert store.search("trafficking")
    assert picker.index is not None and picker.index.search("extrabudgetary")
    assert window.statusBar().currentMessage() == HEALED
    window.background.wait()
    window.close()
    store.close()
