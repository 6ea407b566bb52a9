"""The picker in the main window: a picked clause lands in the current draft as one
undoable edit, with its footnotes, in the right part."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.picker.picker_dock import PickerDock
from drafting_app.gui.picker_wiring import install_picker, load_picker
from drafting_app.model.conventions import make_paragraph
from drafting_app.model.document import Part
from drafting_app.model.paragraph_edits import InsertParagraph
from tests.gui.draft_driver import new_from_template

pytestmark = pytest.mark.gui


@pytest.fixture
def picker(window: MainWindow, store: CorpusStore) -> PickerDock:
    return install_picker(window, store)


def test_enter_in_the_picker_inserts_into_the_draft_undoably(
    qtbot: QtBot, window: MainWindow, picker: PickerDock
) -> None:
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    controller = draft.editor.controller
    before = len(controller.doc.operative)
    notes_before = len(controller.doc.footnotes)
    with qtbot.waitSignal(picker.resultsShown, timeout=3000):
        qtbot.keyClicks(picker.search, "consider ratifying acceding priority")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    doc = controller.doc
    assert len(doc.operative) == before + 1
    inserted = next(p for p in doc.operative if p.provenance)
    assert inserted.provenance is not None
    assert inserted.provenance["label"] == "Resolution 5/2, op 1"
    assert len(doc.footnotes) == notes_before + 1
    (anchor,) = inserted.anchors
    assert doc.footnote(anchor.footnote_id).text == (
        "United Nations, Treaty Series, vol. 2237, No. 39574."
    )
    assert draft.editor.current_pid() == inserted.id
    controller.stack.undo()
    assert len(controller.doc.operative) == before
    assert len(controller.doc.footnotes) == notes_before
    controller.stack.redo()
    assert any(p.id == inserted.id for p in controller.doc.operative)


def test_preambular_clause_goes_to_the_preamble(
    qtbot: QtBot, window: MainWindow, picker: PickerDock
) -> None:
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    doc = draft.editor.controller.doc
    before = len(doc.preamble)
    clause = picker.index.clause("bundled/002_ecb4862eedf5f58e:preamble:PP4")  # type: ignore[union-attr]
    paragraph, notes = clause.to_paragraph()
    picker.insertRequested.emit(paragraph, notes)
    assert len(doc.preamble) == before + 1
    assert doc.preamble[-1].text.startswith("Recalling the Trafficking in Persons Protocol")
    assert draft.editor.current_part() is Part.PREAMBLE


def test_without_a_draft_nothing_happens(window: MainWindow, picker: PickerDock) -> None:
    clause = picker.index.clause("bundled/002_ecb4862eedf5f58e:operative:18.")  # type: ignore[union-attr]
    paragraph, notes = clause.to_paragraph()
    picker.insertRequested.emit(paragraph, notes)
    assert "Open or create a draft" in window.statusBar().currentMessage()


def test_ctrl_shift_k_saves_the_current_paragraph_to_my_clauses(
    qtbot: QtBot, window: MainWindow, picker: PickerDock
) -> None:
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    clause = picker.index.clause("bundled/002_ecb4862eedf5f58e:operative:1.")  # type: ignore[union-attr]
    paragraph, notes = clause.to_paragraph()
    picker.insertRequested.emit(paragraph, notes)
    assert draft.editor.current_pid() == paragraph.id
    qtbot.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert picker.collection is not None
    assert window.statusBar().currentMessage() == "Saved to My clauses."
    (saved,) = picker.collection.clauses
    assert saved.part is Part.OPERATIVE
    assert [f.text for f in saved.footnotes] == [
        "United Nations, Treaty Series, vol. 2237, No. 39574."
    ]
    assert saved.provenance is not None and saved.provenance["label"] == "Resolution 5/2, op 1"


def test_import_and_export_through_the_dock(picker: PickerDock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clause = picker.index.clause("bundled/003_8415577429e917a7:operative:17.")  # type: ignore[union-attr]
    paragraph, notes = clause.to_paragraph()
    picker.save_to_collection(paragraph, notes, Part.OPERATIVE, "Resources")
    shared = tmp_path / "shared.json"
    assert picker.export_collection(shared) == "1 clauses written to shared.json."
    (tmp_path / "junk.json").write_text("{nope", encoding="utf-8")
    message = picker.import_collection(tmp_path / "junk.json")
    assert "not a clause collection" in message
    assert len(picker.collection or []) == 1
    assert (
        picker.import_collection(shared) == "0 clauses added to My clauses (1 were already there)."
    )


def test_a_clause_with_sub_paragraphs_is_inserted_whole(
    qtbot: QtBot, window: MainWindow, picker: PickerDock
) -> None:
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    with qtbot.waitSignal(picker.resultsShown, timeout=3000):
        qtbot.keyClicks(picker.search, "encourages states to consider")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    doc = draft.editor.controller.doc
    inserted = next(p for p in doc.operative if p.provenance)
    assert inserted.text.startswith("Encourages States to consider:")
    assert len(inserted.children) == 5
    draft.editor.controller.stack.undo()
    assert not any(p.provenance for p in doc.operative)


def test_agreed_language_view_shows_where_the_text_departs(
    qtbot: QtBot, window: MainWindow, picker: PickerDock
) -> None:
    from drafting_app.model.text_edits import SetText

    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    view = window.deviation_view  # type: ignore[attr-defined]
    clause = picker.index.clause("bundled/002_ecb4862eedf5f58e:operative:18.")  # type: ignore[union-attr]
    paragraph, notes = clause.to_paragraph()
    picker.insertRequested.emit(paragraph, notes)
    qtbot.waitUntil(lambda: "Resolution 5/2, op 18" in view.toPlainText(), timeout=3000)
    controller = draft.editor.controller
    current = controller.doc.paragraph(paragraph.id)
    assert "unchanged" in view.toPlainText()
    text = current.text.replace("other donors", "other interested donors")
    controller.apply(SetText(paragraph.id, text, list(current.italics), list(current.anchors)))
    qtbot.waitUntil(lambda: "Departs from agreed language" in view.toPlainText(), timeout=3000)
    assert "1 change" in view.toPlainText()
    assert "interested" in view.toPlainText()


def test_picker_loads_its_registry_and_index_when_asked(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    picker = install_picker(window, store, load_now=False)
    assert picker.index is None and picker.registry is None
    load_picker(picker, store)
    assert picker.index is not None and picker.registry is not None
    with qtbot.waitSignal(picker.resultsShown, timeout=3000):
        qtbot.keyClicks(picker.search, "consider ratifying")


def test_a_clause_dragged_onto_the_outline_lands_where_it_is_dropped(
    qtbot: QtBot, window: MainWindow, picker: PickerDock
) -> None:
    """Drag from the picker, drop in the outline between two operative paragraphs: the
    clause is inserted there, footnote included, as one undo step."""
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    controller = draft.editor.controller
    for text in ("Urges States to act;", "Requests the secretariat to report."):
        controller.apply(
            InsertParagraph(
                Part.OPERATIVE,
                None,
                len(controller.doc.operative),
                make_paragraph(text, Part.OPERATIVE),
            )
        )
    with qtbot.waitSignal(picker.resultsShown, timeout=3000):
        qtbot.keyClicks(picker.search, "consider ratifying acceding priority")
    data = picker.tree.mimeData([picker.tree.topLevelItem(0)])
    model = draft.editor.model
    operative_group = model.index(1, 0)
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, 1, 0, operative_group)
    model.dropMimeData(data, Qt.DropAction.CopyAction, 1, 0, operative_group)
    doc = controller.doc
    # the verb ladder follows the drop: the second "Urges" becomes "Also urges"
    assert [p.text[:14] for p in doc.operative] == [
        "Urges States t",
        "Also urges Mem",
        "Requests the s",
    ]
    dropped = doc.operative[1]
    assert dropped.provenance and dropped.provenance["label"] == "Resolution 5/2, op 1"
    assert len(dropped.anchors) == 1
    controller.stack.undo()
    assert [p.text[:8] for p in controller.doc.operative] == ["Urges St", "Requests"]
