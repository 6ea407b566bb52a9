"""One footnote experience: the side panel lists a paragraph's notes as the Footnotes panel
does (numbered, Ibid. recomputed); the notes are written under the page in rich text (the
source in full, italics as italics, never *markup*, with what the note prints as when the
order of the notes makes it "Ibid."); Insert Footnote (Ctrl+Alt+F, Word's key) puts the
caret in a new note; Insert Citation offers the registry's sources or free text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from drafting_app.gui.citation_tools import CitationTools
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from tests.gui.draft_driver import ALT, CTRL, activate, click_paragraph
from tests.gui.test_footnotes_dock import FRANCE_NOTES, france, put_caret, tools  # noqa: F401

REPORT = "Report of the Secretary-General (A/80/100)."


def _panel_rows(draft: OpenDraft) -> list[str]:
    return draft.editor.footnotes.texts()


def test_both_lists_show_the_notes_as_printed_and_the_page_the_source(
    qtbot: QtBot,
    tools: CitationTools,  # noqa: F811
    france: OpenDraft,  # noqa: F811
) -> None:
    op1 = france.controller.doc.operative[0]
    click_paragraph(qtbot, france.editor, op1.id)
    dock = {n: t for n, t, _ in tools.footnotes.rows()}
    assert _panel_rows(france) == [f"2  {dock[2]}", f"3  {dock[3]}"]
    assert dock[2].startswith("Ibid.")
    # Under the page the note is its source in full (Ibid. is derived, never typed), its
    # title in italics, and it says what it prints as.
    page = france.editor.page
    fid = op1.anchors[0].footnote_id
    n = page.block_number(("note", fid))
    assert n is not None
    block = page.block_of(n)
    source = "United Nations, Treaty Series, vol. 2237, No. 39574."
    assert block.text() == f"{source}  prints as “{dock[2]}”"
    assert "*" not in block.text()
    assert page.specs[n].text == source  # what the drafter writes; the rest is derived
    cursor = QTextCursor(page.document())
    cursor.setPosition(block.position() + source.index("Treaty") + 2)
    assert cursor.charFormat().fontItalic()
    cursor.setPosition(block.position() + 3)
    assert not cursor.charFormat().fontItalic()
    # The caret can go to the end of the source, never into what it prints as.
    page.setFocus()
    page.set_caret(("note", fid), len(source))
    qtbot.keyClick(page, Qt.Key.Key_End)
    assert page.caret() == (("note", fid), len(source))


def test_insert_footnote_and_insert_citation_with_free_text(
    qtbot: QtBot,
    window: MainWindow,
    tools: CitationTools,  # noqa: F811
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    pp2 = doc.preamble[1]
    page = france.editor.page
    put_caret(qtbot, france, pp2.id, len(pp2.text))
    qtbot.keyClick(page, Qt.Key.Key_C, CTRL | ALT)  # References › Insert Citation…
    dialog = tools.citation_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.free_text_button, Qt.MouseButton.LeftButton)
    (mark,) = doc.paragraph(pp2.id).anchors
    assert page.caret() == (("note", mark.footnote_id), 0) and page.hasFocus()
    qtbot.keyClicks(page, REPORT)  # written in the note, under the page
    assert tools.footnotes.rows()[1] == (2, REPORT, "preamble 2")
    qtbot.waitUntil(lambda: _panel_rows(france) == [f"2  {REPORT}"], timeout=2000)

    # Ctrl+Alt+F, Word's Insert Footnote: a new empty note at the caret, the caret in it.
    activate(qtbot, window)
    put_caret(qtbot, france, pp2.id, len(pp2.text))
    qtbot.keyClick(page, Qt.Key.Key_F, CTRL | ALT)
    second = doc.paragraph(pp2.id).anchors[1].footnote_id
    assert page.caret() == (("note", second), 0)
    assert doc.footnote(second).text == ""
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the empty note goes
    assert len(doc.paragraph(pp2.id).anchors) == 1

    # Insert Citation again at the same caret: a source of the registry this time.
    put_caret(qtbot, france, pp2.id, len(pp2.text))
    qtbot.keyClick(page, Qt.Key.Key_C, CTRL | ALT)
    dialog = tools.citation_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.search, "2010/5")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert [r[1] for r in tools.footnotes.rows()[1:3]] == [REPORT, "CTOC/COP/2010/5."]
    assert _panel_rows(france) == [f"2  {REPORT}", "3  CTOC/COP/2010/5."]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the note's text, typed in one burst
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the note
    assert tools.footnotes.rows() == FRANCE_NOTES
