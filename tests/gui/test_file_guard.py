"""Issue 11 §2 through the window: a draft changed on disk by someone else is never
overwritten without asking; a draft from a newer version opens read-only and saves
elsewhere; a damaged draft opens nothing, explains, and offers its .bak. The modal
questions are answered by clicking their real buttons."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from drafting_app.clauses.document_templates import new_document
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Paragraph
from drafting_app.storage.project import SUFFIX, encode_project, load_project, save_project
from drafting_app.storage.recovery import RecoveryStore
from tests.gui.draft_driver import CTRL, activate, click_group

TEMPLATE = "cop-draft-resolution"


def answer_modal(qtbot: QtBot, name: str, button: str, seen: list[str]) -> None:
    """When the modal box ``name`` shows, note its text and click ``button``."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != name:
            QTimer.singleShot(10, click)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        labels = {b.text(): b for b in box.buttons()}
        seen.append("|".join(sorted(labels)))
        qtbot.mouseClick(labels[button], Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def saved_draft(qtbot: QtBot, window: MainWindow, path: Path) -> OpenDraft:
    draft = window.drafts.create_from_template(TEMPLATE)
    assert draft is not None and window.drafts.save_to(draft, path)
    return draft


def type_a_paragraph(qtbot: QtBot, draft: OpenDraft, text: str) -> None:
    """A new paragraph (Ctrl+Return) typed on the page. The window is made active first:
    after a modal box the offscreen platform leaves no window active, and the keys of
    the menus (Ctrl+Return, Ctrl+S) would go nowhere."""
    editor = draft.editor
    activate(qtbot, editor.window())
    count = len(draft.controller.doc.operative)
    editor.tabs.setCurrentIndex(0)
    click_group(qtbot, editor, draft.controller.doc.operative and editor.current_part())
    qtbot.keyClick(editor.outline, Qt.Key.Key_Return, CTRL)
    assert len(draft.controller.doc.operative) == count + 1
    qtbot.keyClicks(editor.page, text)
    assert text in [p.text for p in draft.controller.doc.operative]


def someone_else_saves(path: Path, text: str) -> bytes:
    doc = new_document(TEMPLATE)
    doc.operative.append(Paragraph(text))
    data = encode_project(doc, {})
    path.write_bytes(data)
    return data


@pytest.fixture
def save_as_target(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    asked: list[Path] = []
    target = tmp_path / f"copy{SUFFIX}"

    def dialog(*_a: object, **_k: object) -> tuple[str, str]:
        asked.append(target)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return asked


def press_save(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)


@pytest.mark.parametrize("button", ["Cancel", "Save As…", "Overwrite"])
def test_save_asks_before_overwriting_a_file_changed_on_disk(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, button: str, save_as_target: list[Path]
) -> None:
    path = tmp_path / f"draft{SUFFIX}"
    draft = saved_draft(qtbot, window, path)
    type_a_paragraph(qtbot, draft, "Requests the secretariat to report")
    theirs = someone_else_saves(path, "Decides to remain seized of the matter.")
    seen: list[str] = []
    answer_modal(qtbot, "changedOnDisk", button, seen)
    press_save(qtbot, window)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert "changed by another program" in seen[0]
    assert seen[1] == "Cancel|Overwrite|Save As…"
    ours = [p.text for p in draft.controller.doc.operative]
    if button == "Cancel":
        assert path.read_bytes() == theirs and draft.controller.modified
        assert save_as_target == []
    elif button == "Save As…":
        assert path.read_bytes() == theirs and save_as_target
        assert [p.text for p in load_project(save_as_target[0]).document.operative] == ours
        assert draft.controller.path == save_as_target[0] and not draft.controller.modified
    else:
        assert [p.text for p in load_project(path).document.operative] == ours
        assert Path(str(path) + ".bak").read_bytes() == theirs  # their version is kept
        assert not draft.controller.modified


def test_a_second_save_after_overwrite_does_not_ask_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / f"draft{SUFFIX}"
    draft = saved_draft(qtbot, window, path)
    someone_else_saves(path, "Decides to remain seized of the matter.")
    seen: list[str] = []
    answer_modal(qtbot, "changedOnDisk", "Overwrite", seen)
    type_a_paragraph(qtbot, draft, "Requests")
    press_save(qtbot, window)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    type_a_paragraph(qtbot, draft, "Invites")
    assert draft.controller.modified
    press_save(qtbot, window)  # the fingerprint is the new file's: no question
    assert not draft.controller.modified and len(seen) == 2  # one box: its text, its buttons
    assert "Invites" in [p.text for p in load_project(path).document.operative]


def _newer_project(path: Path) -> None:
    data = json.loads(encode_project(new_document(TEMPLATE), {}))
    data["format_version"] = 99
    data["new_feature"] = {"kept": True}
    path.write_text(json.dumps(data), encoding="utf-8")


def test_newer_format_opens_read_only_and_save_goes_to_save_as(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, save_as_target: list[Path]
) -> None:
    path = tmp_path / f"newer{SUFFIX}"
    _newer_project(path)
    before = path.read_bytes()
    draft = window.drafts.open_path(path)
    assert draft is not None and draft.read_only
    assert "(read-only)" in window.windowTitle()
    box = window.drafts.last_warning
    assert box is not None and "newer version" in box.text() and "Save As" in box.text()
    box.close()
    type_a_paragraph(qtbot, draft, "Requests")
    press_save(qtbot, window)
    assert save_as_target, "Save on a read-only draft must ask for another file"
    assert path.read_bytes() == before
    assert load_project(save_as_target[0]).format_version < 99
    assert not draft.read_only and "(read-only)" not in window.windowTitle()


def _damage(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def test_damaged_draft_offers_its_backup(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / f"draft{SUFFIX}"
    draft = saved_draft(qtbot, window, path)
    type_a_paragraph(qtbot, draft, "Requests the secretariat to report")
    assert window.drafts.save(draft)  # the first version is now the .bak
    backup_text = [p.text for p in load_project(str(path) + ".bak").document.operative]
    window.drafts.close(draft)
    _damage(path)
    seen: list[str] = []
    answer_modal(qtbot, "damagedDraft", "Open Backup", seen)
    opened = window.drafts.open_path(path)
    assert "not a readable project file" in seen[0] and "draft.unres.json.bak" in seen[0]
    assert opened is not None and opened.controller.modified
    assert [p.text for p in opened.controller.doc.operative] == backup_text
    assert opened.controller.path == path


@pytest.mark.parametrize("with_backup", [False, True])
def test_damaged_draft_opens_nothing_when_declined(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, with_backup: bool
) -> None:
    path = tmp_path / f"draft{SUFFIX}"
    draft = saved_draft(qtbot, window, path)
    if with_backup:
        window.drafts.save_to(draft, path)
    window.drafts.close(draft)
    _damage(path)
    damaged = path.read_bytes()
    seen: list[str] = []
    answer_modal(qtbot, "damagedDraft", "Cancel", seen)
    assert window.drafts.open_path(path) is None
    assert window.drafts.open == [] and path.read_bytes() == damaged
    assert ("Open Backup" in seen[1]) is with_backup
    assert "cut off or damaged" in seen[0]


def test_restoring_writes_the_new_snapshot_before_removing_the_old(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = RecoveryStore(session="crashed")
    crashed.write("k", new_document(TEMPLATE))
    snapshot = window.recovery.left_behind()[0]
    on_disk_at_removal: list[list[str]] = []
    real_remove: Callable[..., None] = RecoveryStore.remove

    def remove(s: object) -> None:
        on_disk_at_removal.append(sorted(p.name for p in crashed.folder.iterdir()))
        real_remove(s)

    monkeypatch.setattr(RecoveryStore, "remove", staticmethod(remove))
    assert window.drafts.restore(snapshot) is not None
    mine = [n for n in on_disk_at_removal[0]
            if n.startswith(window.recovery.session) and "--claimed-" not in n]  # fmt: skip
    assert mine, "a crash during restore would have lost the draft"


def test_a_restored_draft_asks_before_saving_over_a_file_changed_since_its_snapshot(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # A crash between a save and the removal of the snapshot leaves a snapshot older than
    # the file: restoring it and pressing Save must not silently undo the saved work.
    path = tmp_path / f"draft{SUFFIX}"
    doc = new_document(TEMPLATE)
    crashed = RecoveryStore(session="crashed")
    opened = save_project(doc, path)
    crashed.write("k", doc, path, {}, opened.sha256)
    saved_later = someone_else_saves(path, "Decides to remain seized of the matter.")
    draft = window.drafts.restore(window.recovery.left_behind()[0])
    assert draft is not None and draft.controller.path == path
    seen: list[str] = []
    answer_modal(qtbot, "changedOnDisk", "Cancel", seen)
    press_save(qtbot, window)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert path.read_bytes() == saved_later and draft.controller.modified


def test_a_restored_draft_whose_file_is_unchanged_saves_without_asking(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / f"draft{SUFFIX}"
    doc = new_document(TEMPLATE)
    opened = save_project(doc, path)
    doc.operative.append(Paragraph("Requests the secretariat to report;"))
    RecoveryStore(session="crashed").write("k", doc, path, {}, opened.sha256)
    draft = window.drafts.restore(window.recovery.left_behind()[0])
    assert draft is not None
    press_save(qtbot, window)
    assert not draft.controller.modified
    assert load_project(path).document.operative[-1].text == "Requests the secretariat to report;"


def test_an_unknown_body_profile_opens_with_the_default_and_is_kept_on_save(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # Issue 22 §11: a profile written by a newer version ("unep-unea") blocked opening.
    path = tmp_path / f"future{SUFFIX}"
    settings = {"profile": "unep-unea", "template": "unea-draft", "layout": {"kept": [1, 2]}}
    save_project(new_document(TEMPLATE), path, settings)
    draft = window.drafts.open_path(path)
    assert draft is not None and not draft.read_only
    box = window.drafts.last_warning
    assert box is not None and "'unep-unea'" in box.text() and "does not know" in box.text()
    assert draft.controller.profile.key == window.settings.default_profile
    box.accept()
    type_a_paragraph(qtbot, draft, "Requests the secretariat to report")
    press_save(qtbot, window)
    assert not draft.controller.modified
    assert load_project(path).settings == settings  # the newer version finds its own
