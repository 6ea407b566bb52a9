"""Spelling in the document view (issue 18), driven as a drafter would: misspellings
underlined in red as the page shows them and as one types, the context menu's suggestions,
Add to Dictionary and Ignore All, Tools › Spelling… (F7) walking through the draft and its
footnotes, every correction undone by Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_text
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.gui.document.spelling import SpellingUnderline
from drafting_app.gui.document.spelling_dialog import SpellingDialog
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.paths import user_data_dir
from tests.gui.draft_driver import CTRL

TEXT = (
    "The Conference of the Parties to the United Nations Convention against "
    "Transnational Organized Crime,\n\n"
    "Recalling its resoluton 5/2 on the implementation of the Convention,¹\n\n"
    "1. Requests the secretariat to strenghten its cooperation with Türkiye and "
    "Côte d’Ivoire on document CTOC/COP/2010/5;\n\n"
    "2. Invites States parties to strenghten their organization of such work.\n\n"
    "¹ See the reprot of the Secretary-General.\n"
)


def open_draft(qtbot: QtBot, window: MainWindow) -> OpenDraft:
    draft = window.drafts.add(read_text(TEXT, "typos.txt"), None, None, None)
    qtbot.waitUntil(lambda: window.spelling is not None and window.spelling.is_ready, timeout=20000)
    pp1 = ("p", draft.controller.doc.preamble[0].id)
    qtbot.waitUntil(lambda: wavy_words(draft.editor.page, pp1) != [])  # drawn once loaded
    return draft


def wavy_words(view: DocumentView, key: tuple[str, ...]) -> list[str]:
    """The words the page draws with the red wavy underline in block ``key``."""
    block = view.document().findBlockByNumber(view._index[key])
    text = block.text()
    return [
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]


def word_point(view: DocumentView, key: tuple[str, ...], offset: int) -> QPoint:
    return view.viewport_point(key, offset)


def test_misspellings_are_underlined_and_un_terms_are_not(qtbot: QtBot, window: MainWindow) -> None:
    draft = open_draft(qtbot, window)
    view = draft.editor.page
    doc = draft.controller.doc
    assert wavy_words(view, ("p", doc.preamble[0].id)) == ["resoluton"]
    assert wavy_words(view, ("p", doc.operative[0].id)) == ["strenghten"]
    assert wavy_words(view, ("note", doc.footnotes[0].id)) == ["reprot"]
    assert wavy_words(view, ("authoring",)) == []


def test_typing_a_misspelling_underlines_it_and_fixing_it_clears_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = open_draft(qtbot, window)
    view = draft.editor.page
    doc = draft.controller.doc
    op2 = doc.operative[1]
    view.setFocus()
    assert view.set_caret(("p", op2.id), len(op2.text) - 1)  # before the full stop
    qtbot.keyClicks(view, " and recieve")
    assert op2.text.endswith("such work and recieve.")
    qtbot.waitUntil(lambda: "recieve" in wavy_words(view, ("p", op2.id)))
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Backspace)
    qtbot.keyClicks(view, "eive")  # "recieve" → "receive"
    assert op2.text.endswith("such work and receive.")
    qtbot.waitUntil(lambda: "recieve" not in wavy_words(view, ("p", op2.id)))
    assert wavy_words(view, ("p", op2.id)) == ["strenghten"]


def test_context_menu_offers_suggestions_and_a_choice_is_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    draft = open_draft(qtbot, window)
    view = draft.editor.page
    doc = draft.controller.doc
    pp1 = doc.preamble[0]
    start = pp1.text.index("resoluton")
    seen: list[list[str]] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([a.text() for a in menu.actions()])
        chosen = next(a for a in menu.actions() if a.text() == "resolution")
        menu.close()
        chosen.trigger()

    QTimer.singleShot(200, pick)
    point = word_point(view, ("p", pp1.id), start + 3)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][0] == "resolution"
    assert "&Ignore All" in seen[0] and "&Add to Dictionary" in seen[0]
    assert pp1.text == "Recalling its resolution 5/2 on the implementation of the Convention,"
    assert pp1.italics and pp1.text[: pp1.italics[0].end] == "Recalling"
    assert len(pp1.anchors) == 1 and pp1.anchors[0].offset == len(pp1.text)
    qtbot.waitUntil(lambda: wavy_words(view, ("p", pp1.id)) == [])
    window.activateWindow()  # the popup was the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert pp1.text.startswith("Recalling its resoluton 5/2")


def test_add_to_dictionary_and_ignore_all_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    draft = open_draft(qtbot, window)
    view = draft.editor.page
    doc = draft.controller.doc
    underline = view.findChild(SpellingUnderline)
    assert underline is not None
    op1 = doc.operative[0]
    found = underline.word_at(word_point(view, ("p", op1.id), op1.text.index("strenghten") + 2))
    assert found is not None and found.misspelling.word == "strenghten"
    menu = QMenu(view)
    menu.addAction("Copy")
    actions = {a.text(): a for a in underline.add_actions(menu, found)}
    assert menu.actions()[0].text() == "strengthen"
    actions["&Ignore All"].trigger()
    qtbot.waitUntil(lambda: wavy_words(view, ("p", op1.id)) == [])
    assert wavy_words(view, ("p", doc.operative[1].id)) == []  # every occurrence
    pp1 = doc.preamble[0]
    found = underline.word_at(word_point(view, ("p", pp1.id), pp1.text.index("resoluton") + 1))
    assert found is not None
    actions = {a.text(): a for a in underline.add_actions(QMenu(view), found)}
    actions["&Add to Dictionary"].trigger()
    qtbot.waitUntil(lambda: wavy_words(view, ("p", pp1.id)) == [])
    saved = user_data_dir() / "spelling-dictionary.txt"
    assert saved.read_text(encoding="utf-8") == "resoluton\n"


def test_f7_walks_through_the_draft_and_its_footnotes(qtbot: QtBot, window: MainWindow) -> None:
    draft = open_draft(qtbot, window)
    view = draft.editor.page
    doc = draft.controller.doc
    pp1, op1, op2 = doc.preamble[0], doc.operative[0], doc.operative[1]
    view.setFocus()
    view.set_caret(("p", pp1.id), 0)
    qtbot.keyClick(window, Qt.Key.Key_F7)  # Tools › Spelling…
    dialog = window.spelling_dialog
    assert isinstance(dialog, SpellingDialog) and dialog.isVisible()
    assert dialog.current is not None and dialog.current.misspelling.word == "resoluton"
    assert view.textCursor().selectedText() == "resoluton"  # shown in the page
    assert dialog.suggestions.currentItem().text() == "resolution"
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert pp1.text.startswith("Recalling its resolution 5/2")
    assert dialog.current is not None and dialog.current.misspelling.word == "strenghten"
    assert dialog.suggestions.currentItem().text() == "strengthen"
    qtbot.mouseClick(dialog.change_all_button, Qt.MouseButton.LeftButton)  # both paragraphs
    assert "to strengthen its cooperation" in op1.text
    assert "to strengthen their organization" in op2.text
    assert dialog.current is not None and dialog.current.place.kind == "footnote"
    assert dialog.current.misspelling.word == "reprot"
    qtbot.mouseClick(dialog.ignore_once, Qt.MouseButton.LeftButton)
    assert dialog.current is None
    assert dialog.status.text() == "The spelling check is complete."
    assert doc.footnotes[0].text == "See the reprot of the Secretary-General."
    dialog.close()
    # Change All was one step of the draft's undo history, Change another
    view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert "strenghten" in op1.text and "strenghten" in op2.text
    assert pp1.text.startswith("Recalling its resolution")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert pp1.text.startswith("Recalling its resoluton")


def test_f7_changes_a_footnote_in_place(qtbot: QtBot, window: MainWindow) -> None:
    draft = open_draft(qtbot, window)
    doc = draft.controller.doc
    draft.editor.page.set_caret(("note", doc.footnotes[0].id), 0)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    dialog = window.spelling_dialog
    assert dialog is not None and dialog.current is not None
    assert dialog.current.misspelling.word == "reprot"  # the walk starts at the caret
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert doc.footnotes[0].text == "See the report of the Secretary-General."
    assert dialog.current is not None and dialog.current.misspelling.word == "resoluton"
    dialog.close()


FRONT = (
    "Strenghtening cooperation against transnational organized crime\n\n"
    "The United Nations General Assembly (unga),\n\n"
    "Recalling its resoluton 5/2,\n\n"
    "1. Decides to remain seized of the matter.\n"
)


def test_f7_offers_every_word_the_page_underlines(qtbot: QtBot, window: MainWindow) -> None:
    """User trial finding 8: "unga" in the authoring formula had the red underline but F7
    went past it; the title and the formula are walked too, in page order, and a change
    there is one undo step."""
    draft = window.drafts.add(read_text(FRONT, "front.txt"), None, None, None)
    qtbot.waitUntil(lambda: window.spelling is not None and window.spelling.is_ready, timeout=20000)
    view, doc = draft.editor.page, draft.controller.doc
    qtbot.waitUntil(lambda: wavy_words(view, ("authoring",)) != [])
    underlined = [
        w for s in view.specs if s.key[0] not in ("p", "note") for w in wavy_words(view, s.key)
    ]
    assert {"Strenghtening", "unga"} <= set(underlined)
    view.setFocus()
    view.set_caret(("title",), 0)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    dialog = window.spelling_dialog
    assert dialog is not None and dialog.current is not None
    offered: list[str] = []
    while dialog.current is not None:
        offered.append(dialog.current.misspelling.word)
        if dialog.current.misspelling.word == "Strenghtening":
            assert view.textCursor().selectedText() == "Strenghtening"
            assert dialog.suggestions.currentItem().text() == "Strengthening"
            qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
            continue
        qtbot.mouseClick(dialog.ignore_once, Qt.MouseButton.LeftButton)
    assert offered == [*underlined, "resoluton"]  # in page order, nothing underlined skipped
    assert doc.title.startswith("Strengthening cooperation")
    dialog.close()
    view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert doc.title.startswith("Strenghtening cooperation")
