"""The outline follows the draft row by row: a Return, a paste, a deletion and Alt+Up /
Alt+Down insert, remove or move rows (the view keeps its expanded rows, selection and
scroll) and everything else resets the model; after every edit and undo its rows read as
those of an outline built afresh, and Qt's model tester watches every signal."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.outline_model import OutlineModel
from drafting_app.model.document import Paragraph, Part
from drafting_app.model.edits import DeleteParagraph, Indent, MoveParagraph
from drafting_app.model.range_edits import ReplaceRange, SplitParagraph, TextPoint
from tests.conftest import CORPUS_FILES


def rows(model: OutlineModel, parent: QModelIndex | None = None) -> list[object]:
    parent = parent or QModelIndex()
    out: list[object] = []
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        assert index.row() == r and model.parent(index) == parent
        out.append((index.data(), rows(model, index)))
    return out


def test_edits_and_undo_keep_the_outline_as_built_afresh(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    controller = DocumentController(read_document(CORPUS_FILES["france_draft"]))
    model = OutlineModel(controller)
    qtmodeltester.check(model)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    doc = controller.doc
    op2, op9 = doc.operative[1], doc.operative[8]
    pasted = [Paragraph("Notes the report;"), Paragraph("Decides to continue;")]
    pasted[1].children = [Paragraph("In 2027;")]
    in_place = [  # each changes one list: rows come, go or move, no reset
        SplitParagraph(op2.id, len(op2.text)),
        ReplaceRange(
            TextPoint(op2.id, len(op2.text)),
            TextPoint(op2.id, len(op2.text)),
            [Paragraph(""), *pasted],
        ),
        DeleteParagraph(doc.operative[0].id),
        MoveParagraph(op2.id, Part.OPERATIVE, None, 5),
        DeleteParagraph(op9.children[1].id),
    ]
    for edit in in_place:
        assert controller.apply(edit, fixes=False)
        assert rows(model) == rows(OutlineModel(controller))
    assert resets == []
    assert controller.apply(Indent(doc.operative[3].id), fixes=False)  # two lists: a reset
    assert resets == [1] and rows(model) == rows(OutlineModel(controller))
    while controller.stack.canUndo():
        controller.stack.undo()
        assert rows(model) == rows(OutlineModel(controller))
    assert resets == [1, 1]  # the Indent undone; the others row by row
