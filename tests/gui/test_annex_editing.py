"""Annexes in the draft editor, driven as a drafter does: A/RES/80/3 (the Awaza Political
Declaration annexed, headings I–III) imported as a draft shows its annex as a part of the
outline numbered again from 1; an annex paragraph is typed into, reaches the preview and the
exported Word file, and Ctrl+Z takes it back; paragraphs are added, moved, indented and
deleted inside the annex; annexes are added, retitled and deleted — one undo history."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from drafting_app.gui.common.segment_delegate import SEGMENTS_ROLE
from drafting_app.gui.document.annex_commands import outline_menu
from drafting_app.gui.document.outline_model import ANNEX_ROLE, OutlineModel
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.describe import describe
from drafting_app.model.document import Heading, Paragraph
from drafting_app.model.numbering import paragraph_labels
from tests.conftest import REALDOCS
from tests.gui.draft_driver import ALT, CTRL, SHIFT, click_index, click_paragraph

AWAZA = REALDOCS / "ga" / "A-RES-80-3_awaza-political-declaration-2025.txt"
TIP = REALDOCS / "ga" / "A-RES-80-9_tip-political-declaration-2025.txt"
Z = Qt.Key.Key_Z


def _import(window: MainWindow, path: Path) -> OpenDraft:
    draft = window.drafts.open_path(path)  # a .txt is imported as a new unsaved draft
    assert draft is not None and draft.controller.imported_from == path
    return draft


def _annex_rows(model: OutlineModel, n: int = 0) -> tuple[QModelIndex, list[str]]:
    group = model.index(2 + n, 0)
    return group, [model.index(r, 0, group).data() for r in range(model.rowCount(group))]


def _annex_paragraph(draft: OpenDraft, block: int) -> Paragraph:
    b = draft.controller.doc.annexes[0].blocks[block]
    assert isinstance(b, Paragraph)
    return b


def _undo_all(qtbot: QtBot, window: MainWindow, draft: OpenDraft) -> None:
    while draft.controller.stack.canUndo():
        qtbot.keyClick(window, Z, CTRL)


def _export_word(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, out: Path
) -> list[str]:
    """File › Export as Word (Ctrl+E) to ``out``; the file opened again with python-docx."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(out), ""))
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert out.is_file()
    return [p.text for p in docx.Document(str(out)).paragraphs]


def test_outline_shows_each_annex_as_a_part_numbered_from_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = _import(window, AWAZA)
    model = draft.editor.model
    ModelTester(None).check(model)
    assert model.rowCount() == 3  # preamble, operative part, the annex
    op = model.index(1, 0)
    assert [model.index(r, 0, op).data()[:10] for r in range(2)] == ["1. Endorse", "2. Express"]
    group, rows = _annex_rows(model)
    assert group.data() == "Annex — Awaza Political Declaration"
    segments = group.data(SEGMENTS_ROLE)[0]
    assert segments[0] == ("Annex", "bold") and segments[-1][0].strip() == "25 paragraphs"
    assert len(rows) == 30  # 25 paragraphs and 5 headings, in the order printed
    assert rows[0].startswith("1. We, the Heads of State")
    assert rows[2] == "I. Global context and shared commitments"
    assert rows[3].startswith("3. We gather at a critical juncture")
    assert rows[14].startswith("13. We strongly commit")
    assert rows[29].startswith("25. We express our deepest appreciation")
    heading = model.index(2, 0, group)
    assert heading.data(SEGMENTS_ROLE) == [[(rows[2], "bold")]]
    assert not heading.flags() & Qt.ItemFlag.ItemIsDragEnabled
    thirteen = model.index(14, 0, group)
    subs = [model.index(r, 0, thirteen).data()[:4] for r in range(model.rowCount(thirteen))]
    assert subs == ["(a) ", "(b) ", "(c) ", "(d) ", "(e) "]
    # Choosing the annex row opens its form in the side panel instead of the paragraph's.
    click_index(qtbot, draft.editor.outline, group)
    form = draft.editor.annex_form
    assert form.isVisible() and not draft.editor.footnotes.isVisible()
    assert (form.title.text(), form.lines.lines()) == ("Annex", ["Awaza Political Declaration"])
    assert draft.editor.place.text() == "<b>Annex</b>"


def test_a_text_adopted_with_its_declaration_shows_the_declaration_title(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = _import(window, TIP)
    group, rows = _annex_rows(draft.editor.model)
    assert group.data().startswith("Annex — 2025 Political Declaration on the Implementation")
    assert len(rows) == 31 and rows[30].startswith("31. ")
    assert group.data(ANNEX_ROLE) == draft.controller.doc.annexes[0].id


def test_typing_in_an_annex_paragraph_reaches_preview_and_word_and_undo_restores(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    draft = _import(window, AWAZA)
    editor, doc = draft.editor, draft.controller.doc
    before = describe(doc)
    third = _annex_paragraph(draft, 3)
    original = third.text
    click_paragraph(qtbot, editor, third.id)
    assert editor.place.text() == "<b>Annex, paragraph 3.</b>"
    assert editor.hint.text() == "Annex paragraph: its lead words stay in roman type."
    page = editor.page
    assert page.caret() == (("p", third.id), 0)  # the outline put the caret there
    page.setFocus()
    qtbot.keyClicks(page, "Today ")
    qtbot.keyClick(page, Qt.Key.Key_Delete)  # "W" of "We"
    qtbot.keyClicks(page, "w")
    draft.controller.end_typing()
    assert third.text == "Today we gather" + original[len("We gather") :]
    assert third.italics == []  # no opening phrase is set in italics in an annex
    body = describe(doc)
    assert (body["preamble"], body["operative"]) == (before["preamble"], before["operative"])
    assert draft.controller.stack.count() == 1  # one burst, no ladder or punctuation step
    window.preview.follow(draft.controller)
    window.preview.refresh()
    assert "Today we gather at a critical juncture" in window.preview.toPlainText()
    word = _export_word(qtbot, window, monkeypatch, tmp_path / "awaza.docx")
    edited = [i for i, w in enumerate(word) if w.startswith("3.\tToday we gather at a")]
    assert len(edited) == 1 and word.index("Awaza Political Declaration") < edited[0]
    qtbot.keyClick(window, Z, CTRL)
    assert third.text == original
    n = page.block_number(("p", third.id))
    assert n is not None and page.block_of(n).text() == original
    assert describe(doc) == before
    word = _export_word(qtbot, window, monkeypatch, tmp_path / "awaza-undone.docx")
    assert "3.\t" + original in word


def test_paragraph_commands_inside_an_annex(qtbot: QtBot, window: MainWindow) -> None:
    draft = _import(window, AWAZA)
    editor, doc = draft.editor, draft.controller.doc
    annex = doc.annexes[0]
    before = describe(doc)
    second = _annex_paragraph(draft, 1)
    click_paragraph(qtbot, editor, second.id)
    page = editor.page
    page.setFocus()
    page.set_caret(("p", second.id), len(second.text))  # at the end of paragraph 2.
    qtbot.keyClick(page, Qt.Key.Key_Return)  # a new paragraph after 2., in the annex
    new = doc.paragraph(page.current_pid())
    assert new is not None and annex.blocks[2] is new
    qtbot.keyClicks(page, "We act together")
    draft.controller.end_typing()
    assert new.text == "We act together"  # no closing punctuation forced in an annex
    labels = paragraph_labels(doc)
    assert labels[new.id] == "3." and labels[_annex_paragraph(draft, 4).id] == "4."
    _, rows = _annex_rows(editor.model)
    assert rows[2] == "3. We act together" and rows[3].startswith("I. Global context")
    # Alt+Down: past the heading, first paragraph of section I (still 3.)
    qtbot.keyClick(editor.outline, Qt.Key.Key_Down, ALT)
    assert annex.blocks.index(new) == 3 and isinstance(annex.blocks[2], Heading)
    assert editor.current_pid() == new.id
    # Tab: a heading is above it, so there is no paragraph to go under.
    qtbot.keyClick(editor.outline, Qt.Key.Key_Tab)
    assert annex.blocks.index(new) == 3 and "heading" in window.statusBar().currentMessage()
    qtbot.keyClick(editor.outline, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(editor.outline, Qt.Key.Key_Tab)
    assert second.children == [new] and paragraph_labels(doc)[new.id] == "(a)"
    qtbot.keyClick(editor.outline, Qt.Key.Key_Backtab)
    assert annex.blocks[2] is new
    # Preambular ⇄ operative does not apply to an annexed text.
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    assert annex.blocks[2] is new and "annex" in window.statusBar().currentMessage()
    # Alt+Up at the top of the annex stays in the annex.
    first = _annex_paragraph(draft, 0)
    click_paragraph(qtbot, editor, first.id)
    qtbot.keyClick(editor.outline, Qt.Key.Key_Up, ALT)
    assert annex.blocks[0] is first and len(doc.operative) == 2
    click_paragraph(qtbot, editor, new.id)
    qtbot.keyClick(editor.outline, Qt.Key.Key_Delete)
    assert new not in annex.blocks and editor.current_heading() == annex.blocks[2].id
    _undo_all(qtbot, window, draft)
    assert describe(doc) == before


def test_add_annex_edit_its_title_and_heading_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    draft = _import(window, AWAZA)
    editor, doc = draft.editor, draft.controller.doc
    before = describe(doc)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.AltModifier)  # Add Annex
    assert [a.title for a in doc.annexes] == ["Annex I", "Annex II"]
    form = editor.annex_form
    assert form.isVisible() and editor.current_annex() == doc.annexes[1].id
    assert form.lines.hasFocus()
    qtbot.keyClicks(form.lines, "Terms of reference of the review")
    qtbot.keyClick(form.lines, Qt.Key.Key_Tab)  # leaving the field pushes the title
    assert doc.annexes[1].lines == ["Terms of reference of the review"]
    model = editor.model
    assert model.index(2, 0).data() == "Annex I — Awaza Political Declaration"
    group, rows = _annex_rows(model, 1)
    assert group.data() == "Annex II — Terms of reference of the review"
    assert rows == [""]  # a lone paragraph is unnumbered; the row asks for its text
    empty = model.index(0, 0, group).data(SEGMENTS_ROLE)[0]
    assert empty[-1] == ("(empty paragraph — type its text)", "muted")
    click_index(qtbot, editor.outline, model.index(0, 0, group))
    editor.page.setFocus()
    qtbot.keyClicks(editor.page, "The review covers")
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.page, "It reports in 2030")
    draft.controller.end_typing()
    assert [p.text for p in doc.annexes[1].paragraphs()] == [
        "The review covers",
        "It reports in 2030",
    ]
    _, rows = _annex_rows(model, 1)
    assert rows == ["1. The review covers", "2. It reports in 2030"]
    # A heading of the first annex, retyped in the form.
    annex_group = model.index(2, 0)
    click_index(qtbot, editor.outline, model.index(2, 0, annex_group))
    assert form.heading.isVisible() and not form.lines.isVisible()
    assert editor.place.text() == "<b>Heading in Annex I</b>"
    form.heading.setFocus()
    form.heading.selectAll()
    qtbot.keyClicks(form.heading, "I. Context")
    qtbot.keyClick(form.heading, Qt.Key.Key_Return)
    assert model.index(2, 0, annex_group).data() == "I. Context"
    _undo_all(qtbot, window, draft)
    assert describe(doc) == before
    assert model.rowCount() == 3 and model.index(2, 0).data().startswith("Annex — Awaza")


def test_delete_annex_from_the_outline_menu_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    draft = _import(window, AWAZA)
    editor, doc = draft.editor, draft.controller.doc
    before = describe(doc)
    click_index(qtbot, editor.outline, editor.model.index(2, 0))
    menu = outline_menu(editor)
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert set(actions) == {"New Paragraph", "Add Annex", "Delete Annex", "Add Heading"}
    actions["Delete Annex"].trigger()
    assert doc.annexes == [] and editor.model.rowCount() == 2
    assert len(doc.footnotes) < len(before["footnotes"])
    qtbot.keyClick(window, Z, CTRL)
    assert describe(doc) == before and editor.model.rowCount() == 3


def test_drag_and_drop_inside_an_annex_and_onto_a_heading(qtbot: QtBot, window: MainWindow) -> None:
    draft = _import(window, AWAZA)
    model, doc = draft.editor.model, draft.controller.doc
    annex = doc.annexes[0]
    before = describe(doc)
    group = model.index(2, 0)
    first = _annex_paragraph(draft, 0)
    move = Qt.DropAction.MoveAction
    # Dropped after "3. We gather" (row 3): the paragraph is now 3., under heading I.
    data = model.mimeData([model.index_of(first.id)])
    assert model.dropMimeData(data, move, 4, 0, group) is False  # the reset shows the move
    assert annex.blocks.index(first) == 3 and paragraph_labels(doc)[first.id] == "3."
    assert isinstance(annex.blocks[1], Heading)
    # Onto heading II: it becomes the first paragraph under it.
    heading = annex.blocks[13]
    assert isinstance(heading, Heading)
    data = model.mimeData([model.index_of(first.id)])
    model.dropMimeData(data, move, -1, 0, model.index_of(heading.id))
    assert annex.blocks.index(first) == annex.blocks.index(heading) + 1
    assert paragraph_labels(doc)[first.id] == "12."
    qtbot.keyClick(window, Z, CTRL)
    qtbot.keyClick(window, Z, CTRL)
    assert describe(doc) == before


def test_add_heading_type_it_export_then_delete_and_undo(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    draft = _import(window, AWAZA)
    editor, doc = draft.editor, draft.controller.doc
    annex, model = doc.annexes[0], editor.model
    before = describe(doc)
    sixth = _annex_paragraph(draft, 6)  # annex 6., under heading I
    click_paragraph(qtbot, editor, sixth.id)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | ALT)  # Paragraph › Add Heading
    heading = annex.blocks[6]
    assert isinstance(heading, Heading) and annex.blocks[7] is sixth
    group, rows = _annex_rows(model)
    assert rows[6] == "New heading" and rows[7].startswith("6. ")
    assert rows[5].startswith("5. ") and len(rows) == 31
    form = editor.annex_form
    assert editor.current_heading() == heading.id and form.heading.hasFocus()
    assert editor.place.text() == "<b>Heading in Annex</b>"
    qtbot.keyClicks(form.heading, "A. Financing for development")  # types over the text
    qtbot.keyClick(form.heading, Qt.Key.Key_Return)
    assert heading.text == "A. Financing for development"
    assert model.index(6, 0, group).data() == "A. Financing for development"
    assert paragraph_labels(doc)[sixth.id] == "6."  # numbered on across the new heading
    word = _export_word(qtbot, window, monkeypatch, tmp_path / "heading.docx")
    at = word.index("A. Financing for development")
    assert word[at - 1].startswith("5.\t") and word[at + 1].startswith("6.\t")
    qtbot.keyClick(editor.outline, Qt.Key.Key_Delete)  # a heading is not a paragraph
    assert heading in annex.blocks and "Delete Heading" in window.statusBar().currentMessage()
    # Delete Heading from the outline's menu: its paragraphs stay, under heading I again.
    menu = outline_menu(editor)
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert {"Add Heading", "Delete Heading"} <= set(actions)
    actions["Delete Heading"].trigger()
    assert heading not in annex.blocks and annex.blocks[6] is sixth
    assert editor.current_pid() == sixth.id
    _, rows = _annex_rows(model)
    assert len(rows) == 30 and rows[6].startswith("6. ")
    qtbot.keyClick(window, Z, CTRL)  # the heading comes back, as typed
    assert annex.blocks[6] is heading and heading.text == "A. Financing for development"
    _, rows = _annex_rows(model)
    assert rows[6] == "A. Financing for development"
    _undo_all(qtbot, window, draft)
    assert describe(doc) == before


def test_add_heading_after_a_heading_and_on_a_sub_paragraph(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = _import(window, AWAZA)
    editor, doc = draft.editor, draft.controller.doc
    annex, model = doc.annexes[0], editor.model
    first_heading = annex.blocks[2]
    click_index(qtbot, editor.outline, model.index_of(first_heading.id))
    assert "Add Heading" in {a.text() for a in outline_menu(editor).actions()}
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | ALT)
    assert annex.blocks[2] is first_heading and isinstance(annex.blocks[3], Heading)
    assert annex.blocks[3].text == "New heading"
    # On sub-paragraph (b) of 13.: above 13. itself, never between its (a) and (b).
    thirteen = _annex_paragraph(draft, 15)
    assert paragraph_labels(doc)[thirteen.id] == "13."
    click_paragraph(qtbot, editor, thirteen.children[1].id)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | ALT)
    assert isinstance(annex.blocks[15], Heading) and annex.blocks[16] is thirteen
    # Delete Heading (Ctrl+Alt+Shift+H) asks for a heading when a paragraph is chosen.
    click_paragraph(qtbot, editor, thirteen.id)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | ALT | SHIFT)
    assert "heading" in window.statusBar().currentMessage()
    assert isinstance(annex.blocks[15], Heading)
    # Outside an annex there is nowhere to put a heading.
    click_paragraph(qtbot, editor, doc.operative[0].id)
    count = draft.controller.stack.count()
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | ALT)
    assert draft.controller.stack.count() == count
    assert "annex" in window.statusBar().currentMessage()
