"""Section headings of the operative part on the page (A/RES/78/69's "II" /
"Capacity-building"): retyped like the title, added above an operative paragraph and
removed from the page's context menu, each one undo step; a join that would lose a
heading is refused with a message, and the headings reach the saved project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.section_edits import added_heading
from drafting_app.storage.project import load_project, save_project
from tests.conftest import ROOT
from tests.gui.draft_driver import CTRL
from tests.gui.test_footnotes_dock import tools  # noqa: F401
from tests.gui.test_page_view import block_text, caret_at, page_of

SHAPE = ROOT / "tests" / "data" / "shapes" / "sectioned-operative_oceans-law-of-the-sea.txt"


@pytest.fixture
def draft(window: MainWindow, tools) -> OpenDraft:  # noqa: F811
    """The A/RES/78/69-shaped text opened in the window, with the citation tools."""
    return window.drafts.add(read_document(SHAPE), None, None, None)


def _actions(menu: QMenu) -> dict[str, object]:
    return {a.text().replace("&", ""): a for a in menu.actions() if a.text()}


def test_a_section_heading_is_retyped_on_the_page_and_undone_in_one_step(
    qtbot: QtBot,
    window: MainWindow,
    draft: OpenDraft,
) -> None:
    view, doc = page_of(draft), draft.controller.doc
    op3 = doc.operative[2]
    key = ("section", op3.id, "1")
    assert view.specs[view._index[key]].editable
    view.setFocus()
    assert view.set_caret(key, len("Capacity-building"))
    qtbot.keyClicks(view, " and technology")
    assert op3.headings == ["II", "Capacity-building and technology"]
    assert block_text(view, key) == "Capacity-building and technology"
    assert block_text(view, ("p", op3.id)).startswith("3.\t")  # the numbering is not touched
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert op3.headings == ["II", "Capacity-building"]
    assert block_text(view, key) == "Capacity-building"


def test_a_heading_added_above_a_paragraph_is_typed_over_and_removed_again(
    qtbot: QtBot,
    window: MainWindow,
    draft: OpenDraft,
    tmp_path: Path,
) -> None:
    view, doc = page_of(draft), draft.controller.doc
    op5 = doc.operative[1]
    assert op5.headings == []
    number = block_text(view, ("p", op5.id)).split("\t")[0]
    caret_at(qtbot, view, op5.id, 3)
    menu = view.createStandardContextMenu(view.viewport_point(("p", op5.id), 3))
    actions = _actions(menu)
    assert "Remove Section Heading" not in actions
    actions["Add Section Heading Above"].trigger()  # type: ignore[attr-defined]
    assert op5.headings == ["New section heading"]
    key = ("section", op5.id, "0")
    assert view.caret() == (key, len("New section heading"))
    assert view.textCursor().selectedText() == "New section heading"
    qtbot.keyClicks(view, "III")
    assert op5.headings == ["III"]
    assert block_text(view, key) == "III"
    assert block_text(view, ("p", op5.id)).split("\t")[0] == number

    # It is in the saved project, on the paragraph it stands over.
    saved = tmp_path / "sections.unres.json"
    save_project(doc, saved)
    assert load_project(saved).document.operative[1].headings == ["III"]

    menu = view.createStandardContextMenu(view.viewport_point(key, 1))
    actions = _actions(menu)
    assert "Add Section Heading Above" not in actions
    actions["Remove Section Heading"].trigger()  # type: ignore[attr-defined]
    assert op5.headings == []
    assert key not in view._index
    assert view.caret() == (("p", op5.id), 0)
    draft.controller.stack.undo()
    assert op5.headings == ["III"]
    draft.controller.stack.undo()  # the typing
    draft.controller.stack.undo()  # the heading added
    assert op5.headings == []


def test_no_heading_is_offered_in_the_preamble_or_inside_a_paragraph(
    qtbot: QtBot,
    window: MainWindow,
    draft: OpenDraft,
) -> None:
    view, doc = page_of(draft), draft.controller.doc
    pp1 = doc.preamble[0]
    caret_at(qtbot, view, pp1.id, 2)
    menu = view.createStandardContextMenu(view.viewport_point(("p", pp1.id), 2))
    assert "Add Section Heading Above" not in _actions(menu)
    sub = next(p for p in doc.operative if p.children).children[0]
    caret_at(qtbot, view, sub.id, 1)
    menu = view.createStandardContextMenu(view.viewport_point(("p", sub.id), 1))
    assert "Add Section Heading Above" not in _actions(menu)


def test_a_join_that_would_lose_a_heading_is_refused_and_says_why(
    qtbot: QtBot,
    window: MainWindow,
    draft: OpenDraft,
) -> None:
    """Backspace at the start of the last paragraph, under a heading of its own: the
    heading would have no paragraph to stand over, so nothing is joined and the status
    bar says what to do; under a heading with a paragraph after it, the join goes on and
    the heading stands over that paragraph."""
    view, doc = page_of(draft), draft.controller.doc
    last, before = doc.operative[-1], doc.operative[-2]
    assert draft.controller.apply(added_heading(doc, last.id, "IV"), fixes=False)
    texts = (before.text, last.text)
    messages: list[str] = []
    view.message.connect(messages.append)
    window.statusBar().messageChanged.connect(messages.append)
    caret_at(qtbot, view, last.id, 0)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert (doc.operative[-2].text, doc.operative[-1].text) == texts
    assert last.headings == ["IV"]
    assert any("IV" in m and "Remove the heading" in m for m in messages), messages

    op3, op4 = doc.operative[2], doc.operative[3]
    n = len(doc.operative)
    caret_at(qtbot, view, op3.id, 0)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert len(doc.operative) == n - 1
    assert op4.headings == ["II", "Capacity-building"]
    assert doc.operative[1].text.endswith(op3.text)
