"""Crash recovery (issue 3): a snapshot is written a moment after edits; a window dropped
without saving leaves it behind; the next window offers it and restores the draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Part
from drafting_app.storage.recovery import RecoveryStore, recovery_dir
from tests.gui.conftest import show_active
from tests.gui.draft_driver import (
    CTRL,
    click_group,
    fill_field,
    new_from_template,
    reading,
    type_paragraph,
)


def _crashed_session(
    qtbot: QtBot, store: CorpusStore
) -> list[tuple[str, str, str, str, list[tuple[int, int]]]]:
    """A window with an unsaved draft that disappears without closing (a crash)."""
    first = MainWindow(store, recovery=RecoveryStore(session="crashed"))
    first.resize(1400, 900)
    show_active(qtbot, first)
    draft = new_from_template(qtbot, first, "cop-draft-resolution")
    fill_field(qtbot, draft.editor.masthead.fields["sponsors"], "France")
    click_group(qtbot, draft.editor, Part.OPERATIVE)
    qtbot.keyClick(draft.editor.outline, Qt.Key.Key_Return, CTRL)
    type_paragraph(qtbot, draft.editor, "Urges all States to become parties;")
    qtbot.keyClick(draft.editor.page, Qt.Key.Key_Return)
    type_paragraph(qtbot, draft.editor, "Requests the secretariat to report.")
    snapshot = recovery_dir() / f"crashed--{draft.key}.json"
    qtbot.waitUntil(snapshot.is_file, timeout=5000)
    qtbot.waitUntil(lambda: "Requests the secretariat" in snapshot.read_text("utf-8"), timeout=5000)
    expected = reading(draft.controller.doc)
    first.hide()
    first.deleteLater()  # no closeEvent: nothing saved, the session never ends cleanly
    first.recovery.lock.release()  # … and its process is gone: the system drops its lock
    return expected


@pytest.fixture
def second(qtbot: QtBot, store: CorpusStore) -> MainWindow:
    window = MainWindow(store, recovery=RecoveryStore())
    qtbot.addWidget(window)
    window.resize(1400, 900)
    return window


def test_a_crashed_draft_is_offered_and_restored(
    qtbot: QtBot,
    store: CorpusStore,
    second: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = _crashed_session(qtbot, store)
    show_active(qtbot, second)
    second.startup()
    offer = second.recovery_offer
    assert offer.box is not None and offer.box.isVisible()
    assert "1 draft was not saved" in offer.box.text()
    assert offer.restore_button is not None
    qtbot.mouseClick(offer.restore_button, Qt.MouseButton.LeftButton)
    restored = second.drafts.current()
    assert restored is not None
    assert reading(restored.controller.doc) == expected
    assert restored.controller.doc.masthead is not None
    assert restored.controller.doc.masthead.sponsors == ["France"]
    assert restored.controller.modified and second.isWindowModified()
    assert not list(recovery_dir().glob("crashed--*.json"))  # taken over by this session
    # Saving ends the need for a recovery copy.
    target = tmp_path / "recovered.unres.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(restored.editor.outline, Qt.Key.Key_S, CTRL)
    assert target.is_file() and not restored.controller.modified
    assert not list(recovery_dir().glob(f"{second.recovery.session}--*.json"))


def test_declined_recovery_is_discarded(
    qtbot: QtBot, store: CorpusStore, second: MainWindow
) -> None:
    _crashed_session(qtbot, store)
    second.startup()
    offer = second.recovery_offer
    assert offer.discard_button is not None
    qtbot.mouseClick(offer.discard_button, Qt.MouseButton.LeftButton)
    assert second.drafts.open == []
    assert not list(recovery_dir().glob("*.json"))
    third = MainWindow(store, recovery=RecoveryStore())
    qtbot.addWidget(third)
    assert third.recovery_offer.offer() is False  # nothing left to offer


def test_a_clean_exit_leaves_no_snapshot(qtbot: QtBot, window: MainWindow) -> None:
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    fill_field(qtbot, draft.editor.masthead.fields["symbol"], "CTOC/COP/2024/L.1")
    qtbot.waitUntil(lambda: bool(list(recovery_dir().glob("*.json"))), timeout=5000)
    window.close()  # the test answers Discard to the unsaved-changes question
    assert not window.isVisible()
    assert not list(recovery_dir().glob("*.json"))
