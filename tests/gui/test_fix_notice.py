"""The conventions say what they changed (user trial finding 3): the ladder and the closing
punctuation are derived by design, but when an edit changes the printed text of
paragraphs the drafter did not touch, or adjusts pasted words, the status bar says so,
and one Ctrl+Z undoes it all with the edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document, read_text
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.describe import describe
from drafting_app.model.fix_report import fix_report
from drafting_app.model.ladder import LADDER
from drafting_app.model.punctuation import PUNCTUATION
from drafting_app.model.text_edits import Splice
from tests.gui.draft_driver import CTRL
from tests.model.test_join_keeps_levels import MUN


def test_fix_report_in_words() -> None:
    assert fix_report([]) == ""
    fixes = [
        Splice("a", 0, "Decides", "Also decides", kind=LADDER),
        Splice("b", 1, ",", ";", from_end=True, kind=PUNCTUATION),
        Splice("c", 1, ",", ";", from_end=True, kind=PUNCTUATION),
    ]
    assert fix_report(fixes) == (
        "Verb ladder: “Decides” → “Also decides”; endings of 2 paragraphs follow the "
        "punctuation rule; Ctrl+Z undoes."
    )
    assert fix_report(fixes[1:2]) == (
        "The ending of 1 paragraph follows the punctuation rule; Ctrl+Z undoes."
    )


def test_a_new_recital_that_changes_the_operative_endings_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The trial's steps: in the MUN Word resolution, Return at the end of the last
    preambular paragraph and a new "Recalling …": the sub-paragraph endings of the
    operative part change from "," to ";" (the punctuation rule) — said in the status bar."""
    draft = window.drafts.add(read_document(MUN), None, None, None)
    page, doc = draft.editor.page, draft.controller.doc
    before = describe(doc)
    last = doc.preamble[-1]
    page.setFocus()
    page.set_caret(("p", last.id), len(last.text))
    qtbot.keyClick(page, Qt.Key.Key_Return)
    said = window.statusBar().currentMessage()
    assert "follow the punctuation rule" in said and said.endswith("Ctrl+Z undoes.")
    qtbot.keyClick(page, Qt.Key.Key_Z, CTRL)
    assert describe(doc) == before


def test_a_pasted_opener_adjusted_by_the_ladder_is_named(qtbot: QtBot, window: MainWindow) -> None:
    """Pasted "Decides …" after an operative "Decides" becomes "Also decides": said."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 70/1,\n\n"
        "1. Decides to convene a meeting;\n\n2. Requests the Secretary-General to report.\n"
    )
    draft = window.drafts.add(read_text(text, "t.txt"), None, None, None)
    page, doc = draft.editor.page, draft.controller.doc
    op2 = doc.operative[1]
    page.setFocus()
    page.set_caret(("p", op2.id), len(op2.text))
    qtbot.keyClick(page, Qt.Key.Key_Return)  # a new, empty operative paragraph
    QGuiApplication.clipboard().setText(
        "3. Decides to remain seized of the matter.\n", QClipboard.Mode.Clipboard
    )
    qtbot.keyClick(page, Qt.Key.Key_V, CTRL)
    assert any(p.text.startswith("Also decides to remain seized") for p in doc.operative)
    said = window.statusBar().currentMessage()
    assert "“Decides” → “Also decides”" in said and said.endswith("Ctrl+Z undoes.")
