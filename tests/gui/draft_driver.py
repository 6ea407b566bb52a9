"""Driving the draft editor as a drafter does: clicks on the outline, keys on the page,
menu shortcuts on the window. Shared by the draft editor tests."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from drafting_app.gui.document.draft_editor import DraftEditor
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.files.template_dialog import KEY_ROLE
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.describe import opener_of
from drafting_app.model.document import Document, Part
from drafting_app.model.numbering import paragraph_labels

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make the window active again: after a dialog the offscreen platform leaves no
    window active, and the menus' keys would go nowhere."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def click_index(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "the row is not visible"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def new_from_template(qtbot: QtBot, window: MainWindow, key: str) -> OpenDraft:
    """File › New from Template (Ctrl+N), click the template, click Create Draft."""
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = window.template_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    row = next(r for r in range(dialog.list.count()) if dialog.list.item(r).data(KEY_ROLE) == key)
    click_index(qtbot, dialog.list, dialog.list.model().index(row, 0))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    draft = window.drafts.current()
    assert draft is not None
    return draft


def fill_field(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Click a masthead field, replace its text by typing, leave it with Tab."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    if isinstance(field, QLineEdit):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Tab)


def click_paragraph(qtbot: QtBot, editor: DraftEditor, pid: str) -> None:
    click_index(qtbot, editor.outline, editor.model.index_of(pid))
    assert editor.current_pid() == pid


def click_group(qtbot: QtBot, editor: DraftEditor, part: Part) -> None:
    click_index(qtbot, editor.outline, editor.model.group_index(part))


def current_text(editor: DraftEditor) -> str:
    """The text of the paragraph the caret is in on the page."""
    pid = editor.page.current_pid()
    assert pid, "the caret is not in a paragraph"
    return editor.controller.doc.paragraph(pid).text


def type_paragraph(qtbot: QtBot, editor: DraftEditor, text: str) -> None:
    """Type on the page into the empty paragraph the caret is in (after Ctrl+Return or
    Return): the paragraph holds what was typed."""
    assert editor.page.hasFocus() or editor.page.current_pid()
    qtbot.keyClicks(editor.page, text)
    assert current_text(editor) == text


def select_text(editor: DraftEditor, start: int, end: int) -> None:
    """Select ``[start, end)`` of the caret's paragraph on the page."""
    pid = editor.page.current_pid()
    assert pid and editor.page.select_paragraph(pid, start, end)


def pid_by_text(doc: Document, prefix: str) -> str:
    return next(p.id for p in doc.all_paragraphs() if p.text.startswith(prefix))


def reading(doc: Document) -> list[tuple[str, str, str, str, list[tuple[int, int]]]]:
    """What a reader sees of the body: part, derived number, italic spans, text."""
    labels = paragraph_labels(doc)
    return [
        (str(part), labels.get(p.id, ""), opener_of(p), p.text,
         [(s.start, s.end) for s in p.italics])
        for part, p in doc.body_paragraphs()
    ]  # fmt: skip


def checks_done(qtbot: QtBot, panel: QWidget, timeout: int = 10000) -> None:
    """Wait for the checks panel's check of the draft in front: a draft's first check runs
    on a worker thread and its findings arrive through the event loop."""
    qtbot.waitUntil(
        lambda: (
            getattr(panel, "controller", None) is not None
            and getattr(panel, "checked_for", None) is getattr(panel, "controller", None)
            and not getattr(panel, "stale", True)
        ),
        timeout=timeout,
    )
