"""The window starts whatever state its data folder is in (issue 22 §7): settings, a
recovery snapshot and My clauses each nested 100,000 levels deep stopped the app with a
RecursionError before any window showed. Now each is set aside and the drafter told."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.clauses.collection import default_path
from drafting_app.clauses.document_templates import new_document
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.picker_wiring import install_picker
from drafting_app.storage.recovery import RecoveryStore, recovery_dir
from drafting_app.storage.settings import settings_path
from tests.gui.conftest import show_active

DEEP = b"[" * 100_000 + b"]" * 100_000


def test_the_window_starts_with_every_data_file_damaged(qtbot: QtBot, store: CorpusStore) -> None:
    for path in (settings_path(), default_path(), recovery_dir() / "crashed--a.json"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(DEEP)
    RecoveryStore(session="crashed").write("b", new_document("cop-draft-resolution"))
    window = MainWindow(store)
    qtbot.addWidget(window)
    picker = install_picker(window, store, load_now=False)
    assert picker.collection is not None and len(picker.collection) == 0
    assert "My clauses could not be read" in window.drafts.last_warning.text()
    show_active(qtbot, window)
    window.startup()
    offer = window.recovery_offer
    assert offer.box is not None and "could not be read (damaged)" in offer.box.text()
    assert "crashed--a.json.damaged-" in offer.box.text()
    assert offer.restore_button is not None  # the good snapshot is still offered
    qtbot.mouseClick(offer.restore_button, Qt.MouseButton.LeftButton)
    assert len(window.drafts.open) == 1
    assert "settings file was damaged" in window.settings.notice
