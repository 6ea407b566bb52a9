"""The clause picker driven as a drafter would: type, Enter, double-click, drag, templates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from drafting_app.clauses.collection import Collection, SavedClause
from drafting_app.clauses.index import ClauseIndex
from drafting_app.clauses.library import open_clause_index
from drafting_app.clauses.templates import TemplateCatalog
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.picker.clause_form import ClauseForm
from drafting_app.gui.picker.picker_dock import CLAUSE_MIME, PickerDock
from drafting_app.model.document import Part
from tests.conftest import CORPUS

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ClauseIndex, Registry]]:
    root = tmp_path_factory.mktemp("picker")
    with CorpusStore.open(root / "corpus.sqlite3", [CORPUS], user_dir=root / "user") as store:
        index = open_clause_index(store)
        yield index, Registry.from_store(store)
        index.close()


def type_query(qtbot: QtBot, dock: PickerDock, text: str) -> None:
    """Type as a drafter does and wait for the debounced search to show its results."""
    with qtbot.waitSignal(dock.resultsShown, timeout=3000):
        qtbot.keyClicks(dock.search, text)
    assert dock.tree.topLevelItemCount() > 0


def kind_of(item: QTreeWidgetItem) -> str:
    return str((item.data(0, Qt.ItemDataRole.UserRole) or ("",))[0])


@pytest.fixture
def dock(qtbot: QtBot, corpus: tuple[ClauseIndex, Registry]) -> PickerDock:
    index, registry = corpus
    widget = PickerDock(index, TemplateCatalog.load(), registry, Collection.load())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_type_and_enter_inserts_agreed_language(qtbot: QtBot, dock: PickerDock) -> None:
    type_query(qtbot, dock, "extrabudgetary res")
    assert "Resolution 5/2, op 18" in dock.tree.topLevelItem(0).text(1)
    assert "<i>Invites</i>" in dock.preview.toHtml() or "Invites" in dock.preview.toPlainText()
    with qtbot.waitSignal(dock.insertRequested, timeout=3000) as signal:
        qtbot.keyClick(dock.search, Qt.Key.Key_Return)
    paragraph, notes = signal.args
    assert paragraph.text.startswith("Invites Member States and other donors to provide")
    assert paragraph.provenance["label"] == "Resolution 5/2, op 18"
    assert paragraph.text[: paragraph.italics[0].end] == "Invites"
    assert notes == []


def test_enter_before_the_debounce_still_searches(qtbot: QtBot, dock: PickerDock) -> None:
    dock.search.setText("ratifying acceding")
    with qtbot.waitSignal(dock.insertRequested, timeout=3000) as signal:
        qtbot.keyClick(dock.search, Qt.Key.Key_Return)
    paragraph, notes = signal.args
    assert paragraph.provenance["label"] in {"Resolution 5/2, op 1", "Decision 4/4, op (f)"}
    if paragraph.provenance["label"] == "Resolution 5/2, op 1":
        assert [n.text for n in notes] == ["United Nations, Treaty Series, vol. 2237, No. 39574."]
        assert paragraph.anchors[0].footnote_id == notes[0].id


def test_double_click_and_keyboard_in_the_list(qtbot: QtBot, dock: PickerDock) -> None:
    type_query(qtbot, dock, "article 32")
    item = dock.tree.topLevelItem(0)
    rect = dock.tree.visualItemRect(item)
    viewport = dock.tree.viewport()
    with qtbot.waitSignal(dock.insertRequested, timeout=3000) as signal:
        # a real double-click is a press/release then a double-click event
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    paragraph, notes = signal.args
    assert "article 32" in paragraph.text
    assert [a.footnote_id for a in paragraph.anchors] == [n.id for n in notes]
    qtbot.keyClick(dock.search, Qt.Key.Key_Down)
    assert dock.tree.hasFocus()
    with qtbot.waitSignal(dock.insertRequested, timeout=3000):
        qtbot.keyClick(dock.tree, Qt.Key.Key_Return)


def test_part_filter(qtbot: QtBot, dock: PickerDock) -> None:
    dock.part.setCurrentIndex(dock.part.findData(Part.PREAMBLE))
    type_query(qtbot, dock, "recalling")
    for i in range(dock.tree.topLevelItemCount()):
        assert "preamble" in dock.tree.topLevelItem(i).text(
            1
        ) or "template" in dock.tree.topLevelItem(i).text(1)


def test_drag_carries_the_clause_id(qtbot: QtBot, dock: PickerDock) -> None:
    type_query(qtbot, dock, "extrabudgetary")
    data = dock.tree.mimeData([dock.tree.topLevelItem(0)])
    assert bytes(data.data(CLAUSE_MIME)).decode() == (
        "clause:bundled/002_ecb4862eedf5f58e:operative:18."
    )


def test_browse_tree_by_part_and_opener(qtbot: QtBot, dock: PickerDock) -> None:
    top = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
    assert top == ["Preamble", "Operative", "Templates", "My clauses"]
    operative = dock.tree.topLevelItem(1)
    invites = next(
        operative.child(i)
        for i in range(operative.childCount())
        if operative.child(i).text(0) == "Invites"
    )
    invites.setExpanded(True)
    assert any(
        "Resolution 5/2, op 18" in invites.child(i).text(1) for i in range(invites.childCount())
    )


def test_template_form_fills_from_the_registry(
    qtbot: QtBot, dock: PickerDock, corpus: tuple[ClauseIndex, Registry]
) -> None:
    form = dock.template_form("working-group-continue")
    qtbot.addWidget(form)
    decision = form.fields["decision"]
    assert isinstance(decision, QComboBox)
    shown = [decision.itemText(i) for i in range(decision.count())]
    assert "decision 4/4 of 17 October 2008" in shown
    decision.setCurrentIndex(shown.index("decision 4/4 of 17 October 2008"))
    form.try_accept()
    assert form.result_clause is not None
    assert form.result_clause.paragraph.text.endswith(
        "set forth in Conference decision 4/4 of 17 October 2008;"
    )
    session_form = dock.template_form("request-report-next-session")
    qtbot.addWidget(session_form)
    spin = session_form.fields["session"]
    assert isinstance(spin, QSpinBox)
    spin.setValue(13)
    session_form.try_accept()
    assert "thirteenth session" in session_form.result_clause.paragraph.text  # type: ignore[union-attr]


def test_template_form_shows_errors_in_words(qtbot: QtBot, dock: PickerDock) -> None:
    form = dock.template_form("remind-obligations")
    qtbot.addWidget(form)
    article = form.fields["article"]
    assert isinstance(article, QLineEdit)
    article.setText("45")
    form.try_accept()
    assert "there is no article 45" in form.error.text()
    assert form.result_clause is None


def test_enter_on_a_template_opens_its_form(qtbot: QtBot, dock: PickerDock) -> None:
    type_query(qtbot, dock, "extrabudgetary resources")
    items = [dock.tree.topLevelItem(i) for i in range(dock.tree.topLevelItemCount())]
    template = next(i for i in items if kind_of(i) == "template")

    def accept_form() -> None:
        form = dock.findChild(ClauseForm)
        assert form is not None
        form.try_accept()

    QTimer.singleShot(200, accept_form)
    with qtbot.waitSignal(dock.insertRequested, timeout=5000) as signal:
        dock.insert_item(template)
    assert signal.args[0].text.startswith("Invites Member States and other donors")


def test_save_to_my_clauses_and_insert_it(qtbot: QtBot, dock: PickerDock, tmp_path: Path) -> None:
    dock.collection = Collection.load(tmp_path / "mine.json")
    paragraph, notes = dock.index.clause("bundled/002_ecb4862eedf5f58e:operative:1.").to_paragraph()  # type: ignore[union-attr]
    saved = dock.save_to_collection(paragraph, notes, Part.OPERATIVE, "Ratification (EU line)")
    assert isinstance(saved, SavedClause)
    type_query(qtbot, dock, "matter of priority")
    items = [dock.tree.topLevelItem(i) for i in range(dock.tree.topLevelItemCount())]
    mine = next(i for i in items if kind_of(i) == "mine")
    with qtbot.waitSignal(dock.insertRequested, timeout=3000) as signal:
        dock.insert_item(mine)
    assert [n.text for n in signal.args[1]] == [
        "United Nations, Treaty Series, vol. 2237, No. 39574."
    ]
