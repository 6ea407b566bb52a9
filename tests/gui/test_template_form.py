"""Issue 20 item 10, the clause templates as a drafter meets them: the picker's preview of
a template is the clause filled as its form would insert it (never the raw ``{{ … }}``;
what is still to choose named in brackets); the form shows the clause as filled so far;
a plural parameter ("General Assembly resolutions") takes several choices; a long name is
cut in its field but whole in its tooltip and wraps in the list; rows that read alike
("resolution 5/2" of two Conferences) say whose they are, with their date, and the one
chosen is the one rendered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListView
from pytestqt.qtbot import QtBot

from drafting_app.clauses.collection import Collection
from drafting_app.clauses.index import ClauseIndex
from drafting_app.clauses.library import open_clause_index
from drafting_app.clauses.templates import TemplateCatalog
from drafting_app.corpus.readers import read_document, read_text
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.picker.clause_form import ChoiceList, ClauseForm
from drafting_app.gui.picker.picker_dock import PickerDock
from tests.conftest import CORPUS, CORPUS_FILES

pytestmark = pytest.mark.gui

# A resolution 5/2 of another Conference (UNCAC's, 2013) beside the corpus's own (2010).
UNCAC_5_2 = """Resolution 5/2

Preventive measures

The Conference of the States Parties to the United Nations Convention against Corruption,

Recalling its resolution 4/3 of 28 October 2011,

1. *Decides* to continue its work.

1st plenary meeting
29 November 2013
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClauseIndex]:
    root = tmp_path_factory.mktemp("templates")
    with CorpusStore.open(root / "corpus.sqlite3", [CORPUS], user_dir=root / "user") as store:
        found = open_clause_index(store)
        yield found
        found.close()


@pytest.fixture(scope="module")
def registry() -> Registry:
    docs = [(key, read_document(path)) for key, path in CORPUS_FILES.items()]
    return Registry.from_documents([*docs, ("uncac", read_text(UNCAC_5_2))])


def _dock(qtbot: QtBot, index: ClauseIndex, registry: Registry | None) -> PickerDock:
    dock = PickerDock(index, TemplateCatalog.load(), registry, Collection.load())
    qtbot.addWidget(dock)
    dock.show()
    return dock


def _template_rows(dock: PickerDock) -> dict[str, object]:
    tree = dock.tree
    top = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "Templates"
    )
    return {
        top.child(i).data(0, Qt.ItemDataRole.UserRole)[1]: top.child(i)
        for i in range(top.childCount())
    }


@pytest.mark.parametrize("loaded", [True, False])
def test_the_preview_of_every_template_is_a_filled_clause(
    qtbot: QtBot, index: ClauseIndex, registry: Registry, loaded: bool
) -> None:
    dock = _dock(qtbot, index, registry if loaded else None)
    rows = _template_rows(dock)
    assert len(rows) == len(TemplateCatalog.load())
    for key, item in rows.items():
        dock.tree.setCurrentItem(item)  # type: ignore[arg-type]
        shown = dock.preview.toPlainText()
        assert "{{" not in shown and "{%" not in shown and "}}" not in shown, key
        assert "could not" not in shown, (key, shown)
    dock.tree.setCurrentItem(rows["recall-decision"])  # type: ignore[arg-type]
    shown = dock.preview.toPlainText()
    if loaded:  # what the form would insert untouched: the registry's first decision
        assert "Recalling its decision 3/3 of 18 October 2006," in shown
    else:  # the registry is not built yet: the gap is named
        assert "Recalling its decision [Decision of the Conference] of [date]," in shown


def _form(qtbot: QtBot, registry: Registry, key: str) -> ClauseForm:
    form = ClauseForm(TemplateCatalog.load().get(key), registry)
    qtbot.addWidget(form)
    form.show()
    return form


def _check(qtbot: QtBot, choices: ChoiceList, number: str) -> None:
    """Check the row of ``number`` as a user does: go to it, press Space."""
    row = next(i for i, it in enumerate(choices.items()) if number in it.text())
    choices.list.setFocus()
    choices.list.setCurrentRow(row)
    qtbot.keyClick(choices.list, Qt.Key.Key_Space)


def test_a_plural_parameter_takes_several_texts(qtbot: QtBot, registry: Registry) -> None:
    form = _form(qtbot, registry, "recall-ga-resolutions")
    choices = form.fields["resolutions"]
    assert isinstance(choices, ChoiceList)
    assert "[General Assembly resolutions]" in form.preview.toPlainText()
    _check(qtbot, choices, "63/194")
    _check(qtbot, choices, "55/25 ")
    choices.others.setFocus()
    qtbot.keyClicks(choices.others, "61/144")
    expected = (
        "Recalling General Assembly resolutions 55/25 of 15 November 2000, 61/144 of "
        "19 December 2006 and 63/194 of 18 December 2008,"
    )  # date order, as UN texts list them
    qtbot.waitUntil(lambda: expected in form.preview.toPlainText(), timeout=3000)
    form.try_accept()
    assert form.result_clause is not None
    assert form.result_clause.paragraph.text == expected
    # Nothing chosen is said in words, in the form.
    empty = _form(qtbot, registry, "recall-ga-resolutions")
    empty.try_accept()
    assert empty.result_clause is None and "at least one" in empty.error.text()


def test_long_names_have_their_tooltip_and_wrap(qtbot: QtBot, registry: Registry) -> None:
    form = _form(qtbot, registry, "recall-instrument")
    combo = form.fields["instrument"]
    assert isinstance(combo, QComboBox)
    full = {
        combo.itemText(i): combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        for i in range(combo.count())
    }
    assert full["Trafficking in Persons Protocol"].startswith(
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women"
    )
    combo.setCurrentIndex(combo.findText("Firearms Protocol"))
    assert combo.toolTip().startswith("Protocol against the Illicit Manufacturing of")
    assert isinstance(combo.view(), QListView) and combo.view().wordWrap()
    assert combo.width() < form.width()  # the field does not stretch the form


def test_rows_that_read_alike_say_whose_and_render_the_chosen(
    qtbot: QtBot, registry: Registry
) -> None:
    form = _form(qtbot, registry, "recall-resolution")
    combo = form.fields["resolution"]
    assert isinstance(combo, QComboBox)
    rows = [combo.itemText(i) for i in range(combo.count())]
    alike = [r for r in rows if r.startswith("resolution 5/2 ")]
    assert sorted(alike) == [
        "resolution 5/2 of 22 October 2010 — Conference of the Parties to the United Nations "
        "Convention against Transnational Organized Crime",
        "resolution 5/2 of 29 November 2013 — Conference of the States Parties to the United "
        "Nations Convention against Corruption",
    ]
    assert "resolution 9/1 of 19 October 2018" in rows  # a number of one body only: plain
    combo.setCurrentIndex(combo.findText(next(r for r in alike if "2013" in r)))
    form.try_accept()
    assert form.result_clause is not None
    assert form.result_clause.paragraph.text.startswith(
        "Recalling its resolution 5/2 of 29 November 2013"
    )
