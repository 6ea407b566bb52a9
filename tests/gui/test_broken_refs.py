"""Deleting the paragraph an internal reference names (issue 5 §4): the status bar says so
at once, the checks panel lists it as an error, Ctrl+Z restores the paragraph and clears it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.citation_tools import CitationTools
from drafting_app.gui.main_window import MainWindow
from tests.conftest import CORPUS_FILES
from tests.gui.draft_driver import CTRL, checks_done, click_paragraph
from tests.gui.test_checks_dock import items_with, tools  # noqa: F401


def _deleted_lines(tools: CitationTools) -> list[str]:  # noqa: F811
    return [i.text(2) for i in items_with(tools, "INTERNAL") if "was deleted" in i.text(2)]


def test_deleting_a_referenced_paragraph_is_reported_and_undo_clears_it(
    qtbot: QtBot,
    window: MainWindow,
    tools: CitationTools,  # noqa: F811
) -> None:
    doc = read_document(CORPUS_FILES["resolution_5_2"])
    draft = window.drafts.add(doc, None, None, None)
    editor = draft.editor
    source, target = doc.operative[12], doc.operative[11]
    assert "paragraph 12 above" in source.text
    tools.check_document()
    checks_done(qtbot, tools.checks)
    assert _deleted_lines(tools) == []

    click_paragraph(qtbot, editor, target.id)
    qtbot.keyClick(editor.outline, Qt.Key.Key_Delete)
    assert target not in doc.operative
    assert "“paragraph 12 above” referred to the deleted paragraph" in (
        window.statusBar().currentMessage()
    )
    tools.check_document()
    checks_done(qtbot, tools.checks)
    lines = _deleted_lines(tools)
    assert len(lines) == 1 and "paragraph 12 above" in lines[0]
    item = next(i for i in items_with(tools, "INTERNAL") if "was deleted" in i.text(2))
    assert item.parent().text(0).startswith("Errors")

    qtbot.keyClick(editor.outline, Qt.Key.Key_Z, CTRL)
    assert doc.operative[11] is target and source.broken_refs == []
    tools.check_document()
    checks_done(qtbot, tools.checks)
    assert _deleted_lines(tools) == []
