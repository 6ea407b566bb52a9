"""Issue 5 §5, the GUI half: the footnote list of the France draft with Ibid. recomputed,
footnotes inserted from the registry at the caret, edited and deleted as undoable edits,
and an internal reference that follows its paragraph when paragraphs move."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTreeWidget
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.citation_tools import CitationTools, install_citation_tools
from drafting_app.gui.common.rich_text_delegate import RICH_ROLE
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from tests.conftest import CORPUS_FILES
from tests.gui.draft_driver import ALT, CTRL, SHIFT, click_index, click_paragraph

OK = QDialogButtonBox.StandardButton.Ok
FRANCE_NOTES = [
    (1, "United Nations, Treaty Series, vol. 2225, No. 39574.", "preamble 1"),
    (2, "Ibid., vol. 2237, No. 39574.", "operative 1"),
    (3, "Ibid., vol. 2241, No. 39574.", "operative 1"),
    (4, "Ibid., vols. 2225, 2237, 2241 and 2326, No. 39574.", "operative 3"),
    (5, "CTOC/COP/2008/8.", "operative 9"),
]


@pytest.fixture
def tools(window: MainWindow, store: CorpusStore) -> CitationTools:
    return install_citation_tools(window, lambda: Registry.from_store(store))


@pytest.fixture
def france(window: MainWindow, tools: CitationTools) -> OpenDraft:
    return window.drafts.add(read_document(CORPUS_FILES["france_draft"]), None, None, None)


def click_row(qtbot: QtBot, tree: QTreeWidget, row: int) -> None:
    click_index(qtbot, tree, tree.model().index(row, 0))


def put_caret(qtbot: QtBot, draft: OpenDraft, pid: str, position: int) -> None:
    """Click the paragraph in the outline, then put the caret at ``position`` of its text
    on the page."""
    editor = draft.editor
    click_paragraph(qtbot, editor, pid)
    editor.page.setFocus()
    assert editor.page.set_caret(("p", pid), position)
    assert editor.page.caret() == (("p", pid), position)


def test_the_france_footnotes_numbered_with_ibid(
    qtbot: QtBot, tools: CitationTools, france: OpenDraft
) -> None:
    assert tools.footnotes.rows() == FRANCE_NOTES
    first = tools.footnotes.tree.topLevelItem(0)
    assert "<i>Treaty Series</i>" in first.data(2, RICH_ROLE)  # printed in italics
    # Clicking a note shows the paragraph with the caret on its mark.
    click_row(qtbot, tools.footnotes.tree, 4)
    op9 = france.controller.doc.operative[8]
    assert france.editor.current_pid() == op9.id
    assert france.editor.page.caret() == (("p", op9.id), op9.anchors[0].offset)


def test_insert_citation_at_the_caret_renumbers_and_rechains_ibid(
    qtbot: QtBot, window: MainWindow, tools: CitationTools, france: OpenDraft
) -> None:
    doc = france.controller.doc
    pp2 = doc.preamble[1]
    assert pp2.text.endswith("20 December 2006,") and pp2.anchors == []
    put_caret(qtbot, france, pp2.id, len(pp2.text) - 1)  # before the closing comma

    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | ALT)  # References › Insert Citation…
    dialog = tools.citation_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    qtbot.keyClicks(dialog.search, "trafficking in persons")
    assert dialog.visible_names() == ["Trafficking in Persons Protocol"]
    assert dialog.preview.text() == (
        "Footnote: United Nations, <i>Treaty Series</i>, vol. 2237, No. 39574."
    )
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)

    # The mark follows the comma (English practice); the chain reads on from the new note.
    (mark,) = doc.paragraph(pp2.id).anchors
    assert mark.offset == len(pp2.text)
    assert tools.footnotes.rows() == [
        FRANCE_NOTES[0],
        (2, "Ibid., vol. 2237, No. 39574.", "preamble 2"),
        (3, "Ibid.", "operative 1"),
        (4, "Ibid., vol. 2241, No. 39574.", "operative 1"),
        (5, "Ibid., vols. 2225, 2237, 2241 and 2326, No. 39574.", "operative 3"),
        (6, "CTOC/COP/2008/8.", "operative 9"),
    ]
    assert tools.footnotes.selected_id() == mark.footnote_id

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert tools.footnotes.rows() == FRANCE_NOTES
    assert doc.paragraph(pp2.id).anchors == []


def test_a_document_symbol_breaks_the_chain(
    qtbot: QtBot, window: MainWindow, tools: CitationTools, france: OpenDraft
) -> None:
    pp2 = france.controller.doc.preamble[1]
    put_caret(qtbot, france, pp2.id, len(pp2.text))
    tools.insert_citation()
    dialog = tools.citation_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.search, "2010/5")
    assert dialog.visible_names() == ["CTOC/COP/2010/5"]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    rows = tools.footnotes.rows()
    assert rows[1] == (2, "CTOC/COP/2010/5.", "preamble 2")
    # After another source, the Trafficking Protocol is cited in full again.
    assert rows[2] == (3, "United Nations, Treaty Series, vol. 2237, No. 39574.", "operative 1")


def test_delete_renumbers_and_undo_restores(
    qtbot: QtBot, window: MainWindow, tools: CitationTools, france: OpenDraft
) -> None:
    click_row(qtbot, tools.footnotes.tree, 0)
    qtbot.mouseClick(tools.footnotes.delete_button, Qt.MouseButton.LeftButton)
    assert tools.footnotes.rows() == [
        (1, "United Nations, Treaty Series, vol. 2237, No. 39574.", "operative 1"),
        (2, "Ibid., vol. 2241, No. 39574.", "operative 1"),
        (3, "Ibid., vols. 2225, 2237, 2241 and 2326, No. 39574.", "operative 3"),
        (4, "CTOC/COP/2008/8.", "operative 9"),
    ]
    assert france.controller.doc.preamble[0].anchors == []
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert tools.footnotes.rows() == FRANCE_NOTES


def test_edit_a_footnote_on_the_page(
    qtbot: QtBot, window: MainWindow, tools: CitationTools, france: OpenDraft
) -> None:
    """Edit… in the Footnotes panel puts the caret in the note under the page: the source
    in full (never "Ibid.", which is derived from the order of the notes), retyped there;
    Ctrl+I sets a title in italics, as in the text."""
    click_row(qtbot, tools.footnotes.tree, 1)
    qtbot.mouseClick(tools.footnotes.edit_button, Qt.MouseButton.LeftButton)
    page = france.editor.page
    fid = france.controller.doc.footnotes[1].id
    source = "United Nations, Treaty Series, vol. 2237, No. 39574."
    assert page.caret() == (("note", fid), len(source)) and page.hasFocus()
    assert page.note_view(fid).text == source
    qtbot.keyClick(page, Qt.Key.Key_Home, SHIFT)  # the whole note (one line)
    qtbot.keyClicks(page, "See Trafficking in Persons Protocol, article 5.")
    note = france.controller.doc.footnotes[1]
    assert note.text == "See Trafficking in Persons Protocol, article 5."
    page.set_caret(("note", fid), 35, anchor=4)
    qtbot.keyClick(page, Qt.Key.Key_I, CTRL)
    assert [(s.start, s.end) for s in note.italics] == [(4, 35)]
    rows = tools.footnotes.rows()
    assert rows[1] == (2, "See Trafficking in Persons Protocol, article 5.", "operative 1")
    assert rows[2][1] == "United Nations, Treaty Series, vol. 2241, No. 39574."
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the italics
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the retyping, one burst
    assert tools.footnotes.rows() == FRANCE_NOTES


def test_an_internal_reference_follows_its_paragraph(
    qtbot: QtBot, window: MainWindow, tools: CitationTools, france: OpenDraft
) -> None:
    doc = france.controller.doc
    op3, op5 = doc.operative[2], doc.operative[4]
    assert op5.text.endswith("communications;")
    put_caret(qtbot, france, op5.id, len(op5.text) - 1)
    qtbot.keyClicks(france.editor.page, " as set out in ")

    qtbot.keyClick(window, Qt.Key.Key_R, CTRL | ALT)  # References › Insert Internal Reference…
    dialog = tools.reference_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    labels = [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]
    assert labels[:4] == ["1.", "2.", "3.", "4."] and "5." not in labels
    assert "9. (a)" in labels
    click_row(qtbot, dialog.list, 2)
    assert dialog.preview.text() == "Inserts: “paragraph 3 above”"
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    assert doc.paragraph(op5.id).text.endswith("communications as set out in paragraph 3 above;")

    # Paragraph 3 moves down twice (Alt+Down): it is now paragraph 5, after the reference.
    click_paragraph(qtbot, france.editor, op3.id)
    qtbot.keyClick(window, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(window, Qt.Key.Key_Down, ALT)
    assert doc.operative[4] is op3
    assert doc.paragraph(op5.id).text.endswith("as set out in paragraph 5 below;")
    tools.check_document()
    assert "INTERNAL" not in [f.code for f in tools.checks.findings]

    # One undo takes back one move together with its rewrite.
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert doc.operative[3] is op3
    assert doc.paragraph(op5.id).text.endswith("as set out in paragraph 4 above;")
    assert len(op3.anchors) == 1 and tools.footnotes.rows()[3][2] == "operative 4"
