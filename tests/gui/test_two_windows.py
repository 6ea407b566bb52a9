"""Two windows of the app at once (issue 22 §2), as a drafter meets them: the second window
never offers the first one's live draft as a crash leftover (Discard deleted it, Restore
opened it twice), and a draft the first window is editing opens in the second read-only —
Save there goes to Save As, which refuses the first window's file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from drafting_app.clauses.document_templates import new_document
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.main_window import MainWindow
from drafting_app.storage.project import SUFFIX, save_project
from drafting_app.storage.recovery import RecoveryStore, recovery_dir
from tests.gui.conftest import show_active
from tests.gui.test_file_guard import TEMPLATE, press_save, type_a_paragraph


def _window(qtbot: QtBot, store: CorpusStore) -> MainWindow:
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    show_active(qtbot, w)
    return w


def test_a_second_window_never_offers_the_first_windows_live_draft(
    qtbot: QtBot, store: CorpusStore
) -> None:
    first = _window(qtbot, store)
    draft = first.drafts.create_from_template(TEMPLATE)
    assert draft is not None
    type_a_paragraph(qtbot, draft, "Requests the secretariat to report")
    first.drafts.write_snapshot(draft, wait=True)
    assert list(recovery_dir().glob(f"{first.recovery.session}--*.json"))
    second = _window(qtbot, store)
    second.startup()
    assert second.recovery_offer.box is None  # nothing to restore or discard
    assert list(recovery_dir().glob(f"{first.recovery.session}--*.json"))


def test_a_draft_open_in_another_window_opens_read_only_and_is_never_saved_over(
    qtbot: QtBot, store: CorpusStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"draft{SUFFIX}"
    save_project(new_document(TEMPLATE), path)
    first = _window(qtbot, store)
    assert first.drafts.open_path(path) is not None
    second = _window(qtbot, store)
    mine = second.drafts.open_path(path)
    assert mine is not None and mine.read_only
    box = second.drafts.last_warning
    assert box is not None and "open for editing in another window" in box.text()
    assert "(read-only)" in second.tabs.tabText(second.tabs.indexOf(mine.editor))
    box.accept()  # read, OK
    before = path.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    show_active(qtbot, second)
    type_a_paragraph(qtbot, mine, "Decides to remain seized of the matter.")
    assert mine.controller.modified
    press_save(qtbot, second)  # Save → Save As → the same file: refused
    assert path.read_bytes() == before and mine.controller.modified
    assert "open for editing in another window" in second.drafts.last_warning.text()
    first.close()  # once the first window lets go of it, the file may be opened to edit
    third = second.drafts.open_path(tmp_path / f"draft{SUFFIX}")
    assert third is mine  # already open here: switched to, not opened twice


def test_a_recovered_draft_whose_file_another_window_edits_comes_back_read_only(
    qtbot: QtBot, store: CorpusStore, tmp_path: Path
) -> None:
    path = tmp_path / f"draft{SUFFIX}"
    doc = new_document(TEMPLATE)
    opened = save_project(doc, path)
    RecoveryStore(session="crashed").write("k", doc, path, {}, opened.sha256)
    first = _window(qtbot, store)
    first.drafts.open_path(path)
    second = _window(qtbot, store)
    snapshot = second.recovery.left_behind()[0]
    restored = second.drafts.restore(snapshot)
    assert restored is not None and restored.read_only
    assert restored.controller.path == path
