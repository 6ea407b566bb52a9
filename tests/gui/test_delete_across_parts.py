"""On the page (user trial finding 10): a selection from the last preambular paragraph into
operative 1 of the MUN Word resolution, then Delete. The surviving paragraph keeps
operative 1's (a)–(c) with (i), (ii) under (c), and still introduces them with its colon;
Ctrl+Z gives everything back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.describe import describe
from tests.gui.draft_driver import CTRL
from tests.model.test_join_keeps_levels import MUN


def test_delete_from_the_preamble_into_operative_1_keeps_its_items(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = window.drafts.add(read_document(MUN), None, None, None)
    page, doc = draft.editor.page, draft.controller.doc
    before = describe(doc)
    last_pp, op1 = doc.preamble[-1], doc.operative[0]
    kids = [c.id for c in op1.children]
    grandkids = [c.id for c in op1.children[-1].children]
    closing = op1.text[-1]
    page.setFocus()
    cut = last_pp.text.index(" on small island")
    into = op1.text.index("implement")
    assert page.select_range(("p", last_pp.id), cut, ("p", op1.id), into)
    qtbot.keyClick(page, Qt.Key.Key_Delete)
    merged = doc.preamble[-1]
    assert merged.id == last_pp.id
    assert [c.id for c in merged.children] == kids
    assert [c.id for c in merged.children[-1].children] == grandkids
    assert merged.text.endswith(closing)  # it still introduces its items
    assert page.caret() == (("p", merged.id), cut)
    qtbot.keyClick(page, Qt.Key.Key_Z, CTRL)
    assert describe(doc) == before
