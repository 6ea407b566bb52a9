"""Issue 20 item 3 as the drafter meets it: "urges …" typed in lower case, Fix in the
checks panel gives "*Urges*" in italics and the opener hint names it; selecting "Urges "
with the space after it and pressing Ctrl+I sets the word in italics, not the space."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.citation_tools import install_citation_tools
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Part, Span
from tests.gui.draft_driver import CTRL, checks_done, click_group, select_text, type_paragraph

TYPED = "urges States parties to implement the Convention."


def italic_words(text: str, spans: list[Span]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_fix_then_ctrl_i(qtbot: QtBot, window: MainWindow, store: CorpusStore) -> None:
    tools = install_citation_tools(window, lambda: Registry.from_store(store))
    draft = window.drafts.create_from_template("cop-draft-resolution")
    assert draft is not None
    editor = draft.editor
    editor.tabs.setCurrentIndex(0)
    click_group(qtbot, editor, Part.OPERATIVE)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    type_paragraph(qtbot, editor, "U" + TYPED[1:])  # Word's capital at the start…
    select_text(editor, 0, 1)
    qtbot.keyClicks(editor.page, "u")  # …undone by a small letter typed over it
    p = draft.controller.doc.operative[0]
    assert p.text == TYPED
    tools.check_document()
    checks_done(qtbot, tools.checks)
    # A lone operative paragraph is unnumbered: the panel calls it "operative".
    (item,) = [
        i for i in tools.checks.finding_items() if (i.text(0), i.text(1)) == ("OPENER", "operative")
    ]
    tree = tools.checks.tree
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    qtbot.mouseClick(tools.checks.fix_button, Qt.MouseButton.LeftButton)
    assert p.text == "Urges States parties to implement the Convention."
    assert italic_words(p.text, p.italics) == ["Urges"]
    assert editor.hint.text() == "Opening phrase: “Urges”"
    assert not [f for f in tools.checks.findings if f.code == "OPENER"]

    # The drafter sets it upright again, then selects "Urges " and presses Ctrl+I.
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert p.text == TYPED
    editor.page.setFocus()
    select_text(editor, 0, 1)
    qtbot.keyClicks(editor.page, "U")
    assert p.text.startswith("Urges ")
    if p.italics:  # typing the capital made it a known opener, set in italics
        select_text(editor, 0, 6)
        qtbot.keyClick(window, Qt.Key.Key_I, CTRL)  # roman again
    assert p.italics == []
    select_text(editor, 0, len("Urges "))
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    assert italic_words(p.text, p.italics) == ["Urges"]
