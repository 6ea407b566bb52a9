"""The draft editor driven by keys and clicks (issue 3), typed on the page: one undo history
with typing bursts, the verb ladder and closing punctuation kept after moves, opener italics
and completion, drag and drop through the outline model, the masthead form, the close
prompt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.common.segment_delegate import SEGMENTS_ROLE
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.outline_model import OutlineModel
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Part, Span
from tests.conftest import CORPUS_FILES, REALDOCS
from tests.gui.draft_driver import (
    ALT,
    CTRL,
    SHIFT,
    click_group,
    click_index,
    click_paragraph,
    fill_field,
    new_from_template,
    reading,
    type_paragraph,
)

Z = Qt.Key.Key_Z


def _start(qtbot: QtBot, window: MainWindow, part: Part = Part.OPERATIVE) -> OpenDraft:
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    click_group(qtbot, draft.editor, part)
    qtbot.keyClick(draft.editor.outline, Qt.Key.Key_Return, CTRL)
    return draft


def _texts(draft: OpenDraft, part: Part = Part.OPERATIVE) -> list[str]:
    doc = draft.controller.doc
    return [p.text for p in (doc.operative if part is Part.OPERATIVE else doc.preamble)]


def test_typing_is_one_undo_step_and_undo_redo_round_trip(qtbot: QtBot, window: MainWindow) -> None:
    draft = _start(qtbot, window)
    editor, doc = draft.editor, draft.controller.doc
    type_paragraph(qtbot, editor, "Urges all States to act;")
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    type_paragraph(qtbot, editor, "Requests the secretariat to report:")
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    qtbot.keyClick(editor.page, Qt.Key.Key_Tab)
    type_paragraph(qtbot, editor, "On progress made.")
    qtbot.keyClick(editor.outline, Qt.Key.Key_Up, ALT)  # nothing above (a): refused
    done = reading(doc)
    assert [r[1] for r in done] == ["1.", "2.", "(a)"]
    assert window.isWindowModified() and "[*]" in window.windowTitle()

    # One Ctrl+Z takes back the whole last typing burst, not one character.
    qtbot.keyClick(editor.page, Z, CTRL)
    assert doc.operative[1].children[0].text == ""
    steps = draft.controller.stack.index()
    for _ in range(steps):
        qtbot.keyClick(editor.outline, Z, CTRL)
    assert reading(doc) == [] and not window.isWindowModified()
    assert not window.undo_action.isEnabled()
    for _ in range(draft.controller.stack.count()):
        qtbot.keyClick(editor.outline, Z, CTRL | SHIFT)
    assert reading(doc) == done and window.isWindowModified()
    assert not window.redo_action.isEnabled()


def test_ladder_and_punctuation_follow_a_move_and_undo_with_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = _start(qtbot, window)
    editor = draft.editor
    type_paragraph(qtbot, editor, "Requests the Secretariat to report;")
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    type_paragraph(qtbot, editor, "Requests States to act.")
    # Moving ends the typing burst (the repeated verb climbs to "Also requests") and
    # then moves: the ladder and the closing punctuation are recomputed for the new order.
    qtbot.keyClick(editor.page, Qt.Key.Key_Up, ALT)
    assert _texts(draft) == ["Requests States to act;", "Also requests the Secretariat to report."]
    first, second = draft.controller.doc.operative
    assert first.italics == [Span(0, 8)] and second.italics == [Span(0, 13)]
    assert editor.model.index(0, 0, editor.model.group_index(Part.OPERATIVE)).data() == (
        "1. Requests States to act;"
    )
    qtbot.keyClick(editor.outline, Z, CTRL)  # the move and its fixes are one step
    assert _texts(draft) == ["Requests the Secretariat to report;", "Also requests States to act."]


def test_last_preambular_paragraph_moves_down_into_the_operative_part(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = _start(qtbot, window, Part.PREAMBLE)
    editor = draft.editor
    type_paragraph(qtbot, editor, "Recalling its resolution 5/2,")
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    type_paragraph(qtbot, editor, "Urges States parties to act,")
    qtbot.keyClick(editor.page, Qt.Key.Key_Down, ALT)
    assert _texts(draft, Part.PREAMBLE) == ["Recalling its resolution 5/2,"]
    assert _texts(draft) == ["Urges States parties to act."]  # a lone paragraph: full stop
    assert editor.place.text() == "<b>Operative paragraph</b>"  # a lone one is unnumbered


def test_opener_completion_italics_and_unknown_openers(qtbot: QtBot, window: MainWindow) -> None:
    draft = _start(qtbot, window, Part.PREAMBLE)
    editor = draft.editor
    qtbot.keyClicks(editor.page, "Taking into acc")
    popup = editor.page.completion.popup()
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    p = draft.controller.doc.preamble[0]
    assert p.text == "Taking into account "
    assert p.italics == [Span(0, 19)]
    assert "Opening phrase: “Taking into account”" in editor.hint.text()
    qtbot.keyClicks(editor.page, " the report")  # the space typed by habit is not doubled
    assert p.text == "Taking into account the report"
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.page, "Recall")  # the preamble's own openers only (user trial 13)
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert offered == ["Recalling"]
    qtbot.keyClick(editor.page, Qt.Key.Key_Escape)
    editor.page.completion.hide()
    qtbot.keyClicks(editor.page, "ing  its resolution,")  # a space typed later is kept
    assert draft.controller.doc.preamble[1].text == "Recalling  its resolution,"

    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    type_paragraph(qtbot, editor, "Pondering the question,")
    q = draft.controller.doc.preamble[2]
    assert q.italics == []  # allowed, not guessed
    assert "not a known preamble opening phrase" in editor.hint.text()
    qtbot.keyClick(editor.page, Qt.Key.Key_Home)
    for _ in range(len("Pondering")):
        qtbot.keyClick(editor.page, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(editor.page, Qt.Key.Key_I, CTRL)
    assert q.italics == [Span(0, 9)]
    assert "Opening phrase: “Pondering”" in editor.hint.text()


def test_masthead_form_pushes_edits_that_undo(qtbot: QtBot, window: MainWindow) -> None:
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    form = draft.editor.masthead
    fill_field(qtbot, form.fields["symbol"], "CTOC/COP/2008/L.4")
    fill_field(qtbot, form.fields["sponsors"], "France, Italy and Spain")
    mh = draft.controller.doc.masthead
    assert mh is not None and mh.symbol == "CTOC/COP/2008/L.4"
    assert mh.sponsors == ["France", "Italy", "Spain"]
    assert window.windowTitle().startswith("CTOC/COP/2008/L.4[*]")
    window.preview.refresh()  # the preview follows the current draft
    assert "France, Italy and Spain: draft resolution" in window.preview.toPlainText()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert mh.symbol == "" and form.fields["symbol"].text() == ""


def test_drag_and_drop_moves_through_the_controller(qtbot: QtBot, window: MainWindow) -> None:
    draft = _start(qtbot, window)
    editor = draft.editor
    for i, text in enumerate(["Urges A;", "Invites B;", "Decides C."]):
        if i:
            qtbot.keyClick(editor.page, Qt.Key.Key_Return)
        type_paragraph(qtbot, editor, text)
    model = editor.model
    group = model.group_index(Part.OPERATIVE)
    last = model.index(2, 0, group)
    data = model.mimeData([last])
    # Dropped before the first paragraph: it becomes paragraph 1.
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, group)
    assert _texts(draft) == ["Decides C;", "Urges A;", "Invites B."]
    # Dropped onto paragraph 1: it becomes its sub-paragraph (a).
    data = model.mimeData([model.index(2, 0, group)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(0, 0, group))
    top = draft.controller.doc.operative
    assert [p.text for p in top] == ["Decides C:", "Urges A."]
    # The last sub-paragraph takes its parent's closing punctuation (";", not last).
    assert [p.text for p in top[0].children] == ["Invites B;"]
    assert model.index(0, 0, model.index(0, 0, group)).data() == "(a) Invites B;"


def test_outline_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    controller = DocumentController(read_document(CORPUS_FILES["france_draft"]))
    model = OutlineModel(controller)
    qtmodeltester.check(model)
    operative = model.group_index(Part.OPERATIVE)
    assert model.rowCount(operative) == 9
    assert model.index(8, 0, operative).data().startswith("9. With regard to")
    assert model.rowCount(model.index(8, 0, operative)) == 4


def test_closing_asks_before_losing_unsaved_changes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = _start(qtbot, window)
    type_paragraph(qtbot, draft.editor, "Urges all States to act.")
    answers = iter(["Cancel", "Discard"])
    asked: list[str] = []

    def answer(self: object, name: str) -> QMessageBox.StandardButton:
        asked.append(name)
        return getattr(QMessageBox.StandardButton, next(answers))

    monkeypatch.setattr(type(window.drafts), "ask_unsaved", answer)
    qtbot.keyClick(draft.editor.outline, Qt.Key.Key_W, CTRL)
    assert window.drafts.open == [draft] and asked == ["Untitled draft"]
    qtbot.keyClick(draft.editor.outline, Qt.Key.Key_W, CTRL)
    assert window.drafts.open == [] and len(asked) == 2


def test_agreed_language_from_the_corpus_goes_into_the_draft(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = _start(qtbot, window)
    type_paragraph(qtbot, draft.editor, "Urges States to act.")
    window.search.box.setFocus()
    qtbot.keyClicks(window.search.box, "not yet done so to become parties")
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=2000)
    row = next(
        r for r in range(model.rowCount()) if model.hit(r).doc_id.endswith("001_6176a258725bf941")
    )
    click_index(qtbot, window.search.results, model.index(row, 0))
    assert window.tabs.currentWidget() is window.reading
    qtbot.keyClick(window.reading, Qt.Key.Key_I, CTRL | SHIFT)
    assert window.tabs.currentWidget() is draft.editor
    doc = draft.controller.doc
    first, second = doc.operative
    assert first.text == "Urges States to act;"
    # The repeated verb climbs the ladder; the last paragraph takes the full stop.
    assert second.text.startswith("Also urges all States that have not yet done so")
    assert second.text.endswith("Transnational Organized Crime.")
    assert second.italics == [Span(0, len("Also urges"))]
    assert [f.text for f in doc.footnotes] == [
        "Ibid., vol. 2237, No. 39574.",
        "Ibid., vol. 2241, No. 39574.",
    ]
    assert draft.editor.current_pid() == second.id
    window.undo_action.trigger()  # one step: the paragraph, its notes and the fixes
    assert [p.text for p in doc.operative] == ["Urges States to act."] and doc.footnotes == []


def test_footnote_added_at_the_caret_typed_and_undone(qtbot: QtBot, window: MainWindow) -> None:
    draft = _start(qtbot, window, Part.PREAMBLE)
    editor = draft.editor
    type_paragraph(qtbot, editor, "Recalling the United Nations Convention against Corruption,")
    qtbot.keyClick(editor.page, Qt.Key.Key_F, CTRL | ALT)  # Insert Footnote, as in Word
    doc = draft.controller.doc
    p = doc.preamble[0]
    (note,) = doc.footnotes
    assert editor.page.caret() == (("note", note.id), 0)  # the note is written under the page
    qtbot.keyClicks(editor.page, "United Nations, Treaty Series, vol. 2349, No. 42146.")
    assert [f.text for f in doc.footnotes] == [
        "United Nations, Treaty Series, vol. 2349, No. 42146."
    ]
    # the series title turns italic as it is completed, as the citation tool prints it
    assert doc.footnotes[0].italics == [Span(16, 29)]
    assert [(a.offset, a.footnote_id) for a in p.anchors] == [(len(p.text), doc.footnotes[0].id)]
    qtbot.waitUntil(lambda: editor.footnotes.texts()[0].startswith("1  United Nations"))
    row = editor.model.index_of(p.id).data(SEGMENTS_ROLE)[0]
    assert row[-1] == ("¹", "plain")  # the mark after the comma, as the UN prints it
    window.undo_action.trigger()  # the text of the note
    assert doc.footnotes[0].text == ""
    window.undo_action.trigger()  # the note itself
    assert doc.footnotes == [] and p.anchors == []
    assert editor.footnotes.texts() == []


def test_import_a_draft_from_another_delegation(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = REALDOCS / "ga" / "A-RES-80-2_article-19-exemptions-2025.txt"
    before = source.read_bytes()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)  # File › Open… takes text, PDF and Word too
    draft = window.drafts.current()
    assert draft is not None
    doc = draft.controller.doc
    assert (len(doc.preamble), len(doc.operative)) == (2, 6)
    assert draft.controller.modified  # not saved as a draft yet: closing will ask
    tab = window.tabs.tabText(window.tabs.currentIndex())
    assert tab == f"{source.name} (imported) •"  # named after the file it came from
    assert source.read_bytes() == before

    broken = tmp_path / "from-delegation.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word file")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL | SHIFT)
    warning = window.drafts.last_warning
    assert warning is not None and warning.isVisible()
    assert "from-delegation.docx" in warning.text()
    assert len(window.drafts.open) == 1


def test_decision_form_chapeau_then_lettered_paragraphs(qtbot: QtBot, window: MainWindow) -> None:
    draft = new_from_template(qtbot, window, "cop-decision")
    editor, doc = draft.editor, draft.controller.doc
    assert doc.chapeau is not None
    click_paragraph(qtbot, editor, doc.chapeau.id)
    assert editor.place.text() == "<b>Chapeau</b>" and editor.page.isEnabled()
    qtbot.keyClick(editor.outline, Qt.Key.Key_Return, CTRL)
    type_paragraph(qtbot, editor, "Welcomed the report of the Secretariat;")
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    type_paragraph(qtbot, editor, "Requested the Secretariat to continue its work.")
    # As decision 4/4 prints them: lettered, the past-tense verb in italics.
    assert reading(doc)[1:] == [
        ("operative", "(a)", "Welcomed", "Welcomed the report of the Secretariat;", [(0, 8)]),
        ("operative", "(b)", "Requested", "Requested the Secretariat to continue its work.",
         [(0, 9)]),
    ]  # fmt: skip


def test_the_first_letter_of_a_paragraph_is_capitalized_as_word_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Word's "Capitalize first letter of sentences" for the paragraphs that UN style
    begins with a capital (the opener then recognised and italic); a sub-paragraph keeps
    its lower case, and a small letter typed over a selected capital stays small."""
    draft = _start(qtbot, window)
    editor = draft.editor
    qtbot.keyClicks(editor.page, "requests the Secretariat to report")
    op = draft.controller.doc.operative[0]
    assert op.text == "Requests the Secretariat to report"
    assert op.italics == [Span(0, len("Requests"))]
    qtbot.keyClick(editor.page, Qt.Key.Key_Return)
    qtbot.keyClick(editor.page, Qt.Key.Key_Tab)  # (a) under it
    qtbot.keyClicks(editor.page, "on progress")
    assert draft.controller.doc.operative[0].children[0].text == "on progress"
    qtbot.keyClick(editor.page, Qt.Key.Key_Up)
    qtbot.keyClick(editor.page, Qt.Key.Key_Home)
    qtbot.keyClick(editor.page, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClicks(editor.page, "r")
    assert op.text.startswith("requests the Secretariat")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert draft.controller.doc.operative[0].text.startswith("Requests the Secretariat")


def test_straight_quotes_typed_become_the_curly_ones_un_texts_print(
    qtbot: QtBot, window: MainWindow
) -> None:
    """User trial 16: "World's" stayed straight; the base texts print ’ and “ ”, as Word's
    AutoFormat sets them while typing."""
    draft = _start(qtbot, window)
    editor = draft.editor
    qtbot.keyClicks(editor.page, "Welcomes the Secretary-General's report entitled \"Our")
    qtbot.keyClicks(editor.page, " world\" and the States' ('core') commitments;")
    assert _texts(draft) == [
        "Welcomes the Secretary-General’s report entitled “Our world” and the States’"
        " (‘core’) commitments;"
    ]
    window.undo_action.trigger()
    assert _texts(draft) == [""]  # typed in one burst: one undo step, as without the quotes
