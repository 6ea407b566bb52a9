"""One footnote experience: the paragraph's footnote list shows the notes as the Footnotes
panel does (numbered, Ibid. recomputed), its field edits the full citation with *italics*,
and Paragraph › Add Footnote at Caret offers the registry's sources or free text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.gui.citation_tools import CitationTools
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from tests.gui.draft_driver import ALT, CTRL, click_paragraph
from tests.gui.test_footnotes_dock import FRANCE_NOTES, france, put_caret, tools  # noqa: F401

REPORT = "Report of the Secretary-General (A/80/100)."


def _panel_rows(draft: OpenDraft) -> list[str]:
    box = draft.editor.footnotes.list
    return [box.item(i).text() for i in range(box.count())]


def test_both_lists_show_the_notes_as_printed(
    qtbot: QtBot,
    tools: CitationTools,  # noqa: F811
    france: OpenDraft,  # noqa: F811
) -> None:
    op1 = france.controller.doc.operative[0]
    click_paragraph(qtbot, france.editor, op1.id)
    dock = {n: t for n, t, _ in tools.footnotes.rows()}
    assert _panel_rows(france) == [f"2  {dock[2]}", f"3  {dock[3]}"]
    assert dock[2].startswith("Ibid.")
    # The field edits the source in full (Ibid. is derived, never typed), italics marked.
    panel = france.editor.footnotes
    panel.list.setCurrentRow(0)
    assert panel.text.text() == "United Nations, *Treaty Series*, vol. 2237, No. 39574."


def test_add_footnote_at_caret_offers_the_registry_or_free_text(
    qtbot: QtBot,
    window: MainWindow,
    tools: CitationTools,  # noqa: F811
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    pp2 = doc.preamble[1]
    put_caret(qtbot, france, pp2.id, len(pp2.text))
    qtbot.keyClick(france.editor.editor, Qt.Key.Key_F, CTRL | ALT)
    dialog = tools.citation_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.free_text_button, Qt.MouseButton.LeftButton)
    field = france.editor.footnotes.text
    assert field.isEnabled() and field.hasFocus()
    qtbot.keyClicks(field, REPORT)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert tools.footnotes.rows()[1] == (2, REPORT, "preamble 2")
    assert _panel_rows(france) == [f"2  {REPORT}"]

    # Again at the same caret: a source of the registry this time.
    put_caret(qtbot, france, pp2.id, len(pp2.text))
    qtbot.keyClick(france.editor.editor, Qt.Key.Key_F, CTRL | ALT)
    dialog = tools.citation_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.search, "2010/5")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert [r[1] for r in tools.footnotes.rows()[1:3]] == [REPORT, "CTOC/COP/2010/5."]
    assert _panel_rows(france) == [f"2  {REPORT}", "3  CTOC/COP/2010/5."]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the note's text
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the note
    assert tools.footnotes.rows() == FRANCE_NOTES
