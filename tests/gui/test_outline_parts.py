"""A text in lettered parts in the outline (A/RES/78/122 A–B): a row for each part,
"A — Information in the service of humanity", over its paragraphs with their numbers
from 1.; a click on one goes to it on the page, the caret on the page selects its row,
and the rows are not dragged (no edit moves a paragraph into or out of a part)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.common.roles import PARAGRAPH_ID_ROLE
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.outline_model import OutlineModel
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.text_edits import SetText
from tests.conftest import ROOT
from tests.gui.test_footnotes_dock import tools  # noqa: F401
from tests.gui.test_outline_follow import rows
from tests.gui.test_page_view import caret_at, page_of

SHAPE = (
    ROOT / "tests" / "data" / "shapes" / "resolution-in-parts_questions-relating-to-information.txt"
)


def test_each_part_has_a_row_over_its_paragraphs(qtmodeltester: ModelTester) -> None:
    doc = read_document(SHAPE)
    controller = DocumentController(doc)
    model = OutlineModel(controller)
    qtmodeltester.check(model)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles == [
        "Preamble",
        "Operative part",
        "A — Information in the service of humanity",
        "B — United Nations global communications policies and activities",
    ]
    b = model.index(3, 0)
    b_part = doc.parts[1]
    ids = [model.index(r, 0, b).data(PARAGRAPH_ID_ROLE) for r in range(model.rowCount(b))]
    assert ids == [p.id for p in (*b_part.preamble, *b_part.operative)]
    first_operative = model.index(len(b_part.preamble), 0, b)
    assert first_operative.data().startswith("1. ")  # numbered from 1. in each part
    assert not model.flags(first_operative) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(first_operative) & Qt.ItemFlag.ItemIsDropEnabled

    # A retyped paragraph of a part reads anew in its row; the rows stay as built afresh.
    op = b_part.operative[0]
    retyped = SetText(op.id, "Requests the Department to go on;", [], [])
    assert controller.apply(retyped, fixes=False)
    assert model.index(len(b_part.preamble), 0, b).data() == "1. Requests the Department to go on;"
    assert rows(model) == rows(OutlineModel(controller))
    controller.stack.undo()
    assert rows(model) == rows(OutlineModel(controller))


def test_the_outline_and_the_page_follow_each_other_in_a_part(
    qtbot: QtBot,
    window: MainWindow,
    tools,  # noqa: F811
) -> None:
    draft = window.drafts.add(read_document(SHAPE), None, None, None)
    editor, view, doc = draft.editor, page_of(draft), draft.controller.doc
    target = doc.parts[1].operative[2]
    index = editor.model.index_of(target.id)
    assert index.isValid() and index.parent().data().startswith("B — ")
    editor.outline.clicked.emit(index)
    assert view.caret() == (("p", target.id), 0)
    other = doc.parts[0].preamble[1]
    caret_at(qtbot, view, other.id, 4)
    qtbot.waitUntil(lambda: editor.current_pid() == other.id)
    assert editor.outline.currentIndex().parent() != QModelIndex()
