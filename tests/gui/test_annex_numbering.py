"""An annexed convention on the page (the shape of A/RES/79/243): its preamble and its
articles of one paragraph print without a number, its articles' paragraphs are numbered
from 1 in each article, and the page's context menu numbers a paragraph or the whole
annex otherwise — one undo step each, shown on the page at once and exported so."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.export.docx_writer import write_docx
from drafting_app.gui.document.annex_numbering import NUMBERED, RESTARTS
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from tests.conftest import ROOT
from tests.gui.draft_driver import CTRL
from tests.gui.test_page_view import block_text, caret_at, page_of

CONVENTION = ROOT / "tests" / "data" / "shapes" / "convention-annex_cybercrime.txt"


@pytest.fixture
def draft(window: MainWindow) -> OpenDraft:
    return window.drafts.add(read_document(CONVENTION), None, None, None)


def _menu_at(view, pid: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    menu: QMenu = view.createStandardContextMenu(view.viewport_point(("p", pid), 3))
    return {a.text(): a for a in menu.actions() if a.text()}


def test_the_page_numbers_a_convention_as_printed_and_the_menu_changes_it(
    qtbot: QtBot, window: MainWindow, draft: OpenDraft, tmp_path: Path
) -> None:
    view, doc = page_of(draft), draft.controller.doc
    paras = doc.annexes[0].paragraphs()
    states, art3_1, art8 = paras[0], paras[6], paras[10]
    assert block_text(view, ("p", states.id)) == "The States Parties to this Convention,"
    assert block_text(view, ("p", art3_1.id)).startswith("1.\tThis Convention shall apply")
    assert block_text(view, ("p", art8.id)).startswith("Each State Party")

    caret_at(qtbot, view, art8.id, 3)
    actions = _menu_at(view, art8.id)
    numbered, restarts = actions[NUMBERED], actions[RESTARTS]
    assert numbered.isCheckable() and not numbered.isChecked()  # type: ignore[attr-defined]
    assert restarts.isChecked()  # type: ignore[attr-defined]
    numbered.trigger()  # type: ignore[attr-defined]
    assert not art8.unnumbered
    assert block_text(view, ("p", art8.id)).startswith("1.\tEach State Party")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert art8.unnumbered
    assert block_text(view, ("p", art8.id)).startswith("Each State Party")

    # Numbered on through the annex: Article 7's paragraphs follow Article 3's.
    art7_1 = paras[8]
    caret_at(qtbot, view, art7_1.id, 3)
    _menu_at(view, art7_1.id)[RESTARTS].trigger()  # type: ignore[attr-defined]
    assert block_text(view, ("p", art7_1.id)).startswith("3.\tEach State Party")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert block_text(view, ("p", art7_1.id)).startswith("1.\tEach State Party")

    out = tmp_path / "c.docx"
    write_docx(doc, out)
    # As the body's unnumbered paragraphs are: a tab for the first line's indent.
    printed = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "\tThe States Parties to this Convention," in printed
    assert any(t.startswith("1.\tThis Convention shall apply") for t in printed)
    assert any(t.startswith("\tEach State Party shall adopt such") for t in printed)
    assert read_document(out).annexes[0].restarts


def test_the_menu_offers_no_numbering_outside_an_annex(
    qtbot: QtBot, window: MainWindow, draft: OpenDraft
) -> None:
    view, doc = page_of(draft), draft.controller.doc
    op1 = doc.operative[0]
    caret_at(qtbot, view, op1.id, 3)
    actions = _menu_at(view, op1.id)
    assert NUMBERED not in actions and RESTARTS not in actions
    sub = doc.annexes[0].paragraphs()[4].children[0]
    caret_at(qtbot, view, sub.id, 3)
    actions = _menu_at(view, sub.id)
    assert NUMBERED not in actions and RESTARTS in actions  # (a) keeps its letter
