"""Paragraph › Conventions (issue 3 §4): in Suggest Only mode a move changes no text; the
ladder and punctuation fixes wait in the checks panel and the editor's hint line, and the
panel's Fix applies one as one undo step. The mode is remembered in the settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.gui.citation_tools import CitationTools
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.conventions import FixMode
from drafting_app.model.document import Part
from drafting_app.storage.settings import load_settings
from tests.gui.draft_driver import ALT, CTRL, checks_done, click_group, type_paragraph
from tests.gui.test_checks_dock import click_item, items_with, tools  # noqa: F401

FIRST = "Requests the Secretariat to report;"
SECOND = "Also requests States to act."


def test_suggest_only_moves_change_no_text_and_the_fix_waits_in_the_checks_panel(
    qtbot: QtBot,
    window: MainWindow,
    tools: CitationTools,  # noqa: F811
) -> None:
    for name in ("ladder", "punctuation"):
        window.convention_actions[name][FixMode.SUGGEST].trigger()
        assert window.convention_actions[name][FixMode.SUGGEST].isChecked()
        assert not window.convention_actions[name][FixMode.AUTO].isChecked()
    saved = load_settings()
    assert saved.ladder is FixMode.SUGGEST and saved.punctuation is FixMode.SUGGEST

    draft = window.drafts.create_from_template("cop-draft-resolution")
    assert draft is not None
    editor, doc = draft.editor, draft.controller.doc
    assert draft.controller.ladder_mode is FixMode.SUGGEST
    click_group(qtbot, editor, Part.OPERATIVE)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    type_paragraph(qtbot, editor, FIRST)
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    type_paragraph(qtbot, editor, SECOND)
    qtbot.keyClick(editor.page, Qt.Key.Key_Up, ALT)
    assert [p.text for p in doc.operative] == [SECOND, FIRST]  # nothing rewritten

    # The editor says what is waiting, for the paragraph in front of the drafter.
    assert editor.suggestion.isVisible()
    assert "Also requests" in editor.suggestion.text()

    tools.check_document()
    checks_done(qtbot, tools.checks)
    ladder = items_with(tools, "LADDER")
    assert ladder, [f.code for f in tools.checks.findings]
    steps = draft.controller.stack.index()
    click_item(qtbot, tools, ladder[0])
    qtbot.mouseClick(tools.checks.fix_button, Qt.MouseButton.LeftButton)
    assert doc.operative[0].text.startswith("Requests States to act")
    assert draft.controller.stack.index() == steps + 1  # one undo step
    qtbot.keyClick(editor.outline, Qt.Key.Key_Z, CTRL)
    assert [p.text for p in doc.operative] == [SECOND, FIRST]


def test_automatic_and_off_still_do_what_they_say(qtbot: QtBot, window: MainWindow) -> None:
    window.convention_actions["ladder"][FixMode.OFF].trigger()
    draft = window.drafts.create_from_template("cop-draft-resolution")
    assert draft is not None
    editor, doc = draft.editor, draft.controller.doc
    click_group(qtbot, editor, Part.OPERATIVE)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    type_paragraph(qtbot, editor, FIRST)
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    type_paragraph(qtbot, editor, "Requests States to act.")
    qtbot.keyClick(editor.page, Qt.Key.Key_Up, ALT)
    # Off: the repeated verb is left; punctuation (Automatic) still follows the move.
    assert [p.text for p in doc.operative] == ["Requests States to act;", "Requests the "
                                               "Secretariat to report."]  # fmt: skip
    assert not editor.suggestion.isVisible()
    window.convention_actions["ladder"][FixMode.AUTO].trigger()
    assert load_settings().ladder is FixMode.AUTO
    assert draft.controller.ladder_mode is FixMode.AUTO
