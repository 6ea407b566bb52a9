"""Issue 3: the France draft (corpus 001) composed from the COP draft-resolution template BY
TYPING and moving paragraphs with key presses and clicks, saved, reopened and compared with
the corpus reading: same paragraphs, numbers, openers and italics, same masthead."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.conventions import FixMode
from drafting_app.model.document import Document, Part
from tests.conftest import CORPUS_FILES
from tests.gui.draft_driver import (
    ALT,
    CTRL,
    SHIFT,
    click_group,
    click_paragraph,
    fill_field,
    new_from_template,
    pid_by_text,
    reading,
    select_text,
    type_paragraph,
)

MASTHEAD = ("date", "session", "place_and_dates", "agenda_item", "agenda_title", "sponsor_note")


@pytest.fixture
def france() -> Document:
    return read_document(CORPUS_FILES["france_draft"])


@pytest.mark.slow
def test_compose_the_france_draft_by_typing_save_and_reopen(
    qtbot: QtBot,
    window: MainWindow,
    france: Document,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The France draft repeats "Urges" without Also/Further, as issued: the drafter turns
    # the automatic verb ladder off (Paragraph menu).
    window.convention_actions["ladder"][FixMode.OFF].trigger()
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    editor, doc = draft.editor, draft.controller.doc
    assert editor.tabs.currentWidget() is editor.masthead

    # -- masthead and title, typed into the form
    mh = france.masthead
    assert mh is not None
    fill_field(qtbot, editor.masthead.fields["title"], france.title)
    for name in MASTHEAD:
        fill_field(qtbot, editor.masthead.fields[name], getattr(mh, name))
    fill_field(qtbot, editor.masthead.fields["sponsors"], "France")

    # -- operative part: "Welcoming …" typed there by mistake, op 8 typed before op 7
    pre, op = france.preamble, france.operative
    click_group(qtbot, editor, Part.OPERATIVE)
    qtbot.keyClick(editor.outline, Qt.Key.Key_Return, CTRL)
    type_paragraph(qtbot, editor, pre[3].text)
    for p in [*op[:6], op[7], op[6], op[8]]:
        qtbot.keyClick(editor.page, Qt.Key.Key_Return)
        type_paragraph(qtbot, editor, p.text)
    for i, sub in enumerate(op[8].children):
        qtbot.keyClick(editor.page, Qt.Key.Key_Return)
        if i == 0:
            qtbot.keyClick(editor.page, Qt.Key.Key_Tab)  # (a) under paragraph 9
        type_paragraph(qtbot, editor, sub.text)
    assert [p.text for p in doc.operative[-1].children] == [c.text for c in op[8].children]

    # -- "Welcoming …" belongs to the preamble: convert it (Ctrl+Shift+P)
    welcoming = pid_by_text(doc, "Welcoming")
    click_paragraph(qtbot, editor, welcoming)
    qtbot.keyClick(editor.outline, Qt.Key.Key_P, CTRL | SHIFT)
    assert [p.id for p in doc.preamble] == [welcoming]

    # -- the first three preambular paragraphs, typed after it, then it moves down 3 places
    qtbot.keyClick(editor.outline, Qt.Key.Key_Return, CTRL)
    for i, p in enumerate(pre[:3]):
        if i:
            qtbot.keyClick(editor.page, Qt.Key.Key_Return)
        type_paragraph(qtbot, editor, p.text)
    click_paragraph(qtbot, editor, welcoming)
    for _ in range(3):
        qtbot.keyClick(editor.outline, Qt.Key.Key_Down, ALT)
    assert doc.preamble[-1].id == welcoming and len(doc.preamble) == 4

    # -- op 8 was typed before op 7: Alt+Down puts it back
    click_paragraph(qtbot, editor, pid_by_text(doc, op[7].text[:30]))
    qtbot.keyClick(editor.outline, Qt.Key.Key_Down, ALT)

    # -- italics the opener rule cannot guess: "Takes note with appreciation" without
    # "of", and "welcomes" at the end of paragraph 9 (select, Ctrl+I)
    click_paragraph(qtbot, editor, doc.operative[7].id)
    select_text(editor, 28, 31)
    qtbot.keyClick(editor.page, Qt.Key.Key_I, CTRL)
    click_paragraph(qtbot, editor, doc.operative[8].id)
    start = op[8].italics[0].start
    select_text(editor, start, start + len("welcomes"))
    qtbot.keyClick(editor.page, Qt.Key.Key_I, CTRL)

    assert reading(doc) == reading(france)
    assert window.isWindowModified()
    assert window.windowTitle().startswith("Untitled draft[*]")

    # -- save (Ctrl+S asks for a name: a new draft), close, reopen
    target = tmp_path / "france-draft"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(editor.outline, Qt.Key.Key_S, CTRL)
    saved = tmp_path / "france-draft.unres.json"
    assert saved.is_file() and not window.isWindowModified()
    assert window.windowTitle().startswith("france-draft.unres.json[*]")
    qtbot.keyClick(editor.outline, Qt.Key.Key_W, CTRL)
    assert window.drafts.open == []

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    reopened = window.drafts.current()
    assert reopened is not None and not reopened.controller.modified
    again = reopened.controller.doc
    assert reading(again) == reading(france)
    assert again.title == france.title
    assert again.masthead is not None
    for name in (*MASTHEAD, "sponsors", "body", "distribution", "original_language"):
        assert getattr(again.masthead, name) == getattr(mh, name), name
    assert again.authoring_body == france.authoring_body
    assert window.settings.recent_files[0] == str(saved.resolve())
