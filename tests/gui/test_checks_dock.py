"""Issue 6, the GUI half: the checks panel runs on the open draft against the real corpus
registry, a moment after each change; a finding goes to its place when clicked, its fix is
one step of the draft's undo history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from drafting_app.checks.findings import Finding
from drafting_app.clauses.document_templates import new_document, template
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.checks.checks_dock import ChecksPanel
from drafting_app.gui.citation_tools import CitationTools, install_citation_tools
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Paragraph, Part, Span
from tests.conftest import CORPUS_FILES
from tests.gui.draft_driver import (
    CTRL,
    checks_done,
    click_group,
    click_paragraph,
    select_text,
    type_paragraph,
)

RECALLING = "Recalling its decision 4/4 of 18 October 2008,"
TITLE = "Strengthening the implementation of the Convention"
DECIDES = "Decides to continue its consideration of the matter at its next session."


@pytest.fixture
def tools(window: MainWindow, store: CorpusStore) -> CitationTools:
    # As the composition root (gui/app.py) does: the registry of the real corpus store.
    return install_citation_tools(window, lambda: Registry.from_store(store))


def click_item(qtbot: QtBot, tools: CitationTools, item: QTreeWidgetItem) -> None:
    tree = tools.checks.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    assert rect.isValid(), "the finding is not on screen"
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def items_with(tools: CitationTools, code: str) -> list[QTreeWidgetItem]:
    return [i for i in tools.checks.finding_items() if i.text(0) == code]


def codes(tools: CitationTools) -> list[str]:
    return [f.code for f in tools.checks.findings]


def draft_recalling(qtbot: QtBot, window: MainWindow) -> OpenDraft:
    """A COP draft (title, symbol and an operative paragraph: nothing MISSING) whose one
    preambular paragraph is typed into the editor."""
    doc = new_document("cop-draft-resolution", title=TITLE, symbol="CTOC/COP/2024/L.4")
    doc.operative.append(Paragraph(DECIDES, italics=[Span(0, len("Decides"))]))
    draft = window.drafts.add(doc, None, template("cop-draft-resolution").body_profile, None)
    editor = draft.editor
    click_group(qtbot, editor, Part.PREAMBLE)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    type_paragraph(qtbot, editor, RECALLING)
    checks_done(qtbot, window.findChild(ChecksPanel))
    return draft


def test_a_wrong_date_is_found_shown_fixed_and_undone(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    draft = draft_recalling(qtbot, window)
    editor, doc = draft.editor, draft.controller.doc
    pid = doc.preamble[0].id

    # Typing re-runs the checks a moment later, not on the keystroke.
    qtbot.waitUntil(lambda: "REF-DATE" in codes(tools), timeout=3000)
    (item,) = items_with(tools, "REF-DATE")
    assert item.parent().text(0) == "Errors (1)"
    assert item.text(1) == "preamble 1"
    message, evidence = item.text(2).split("\n")
    assert message == "Decision 4/4 is dated 17 October 2008, not 18 October 2008."
    assert "17 October 2008" in evidence and "Resolution 5/2" in evidence
    assert tools.checks.summary.text().startswith("1 error")

    # Clicking the finding selects the paragraph and the citation on the page.
    click_group(qtbot, editor, Part.OPERATIVE)
    assert editor.current_pid() != pid
    click_item(qtbot, tools, item)
    assert editor.current_pid() == pid
    assert editor.page.textCursor().selectedText() == "its decision 4/4 of 18 October 2008"

    # Fix rewrites the date, as one undo step; the panel is up to date at once.
    assert tools.checks.fix_button.isEnabled()
    qtbot.mouseClick(tools.checks.fix_button, Qt.MouseButton.LeftButton)
    assert doc.paragraph(pid).text == "Recalling its decision 4/4 of 17 October 2008,"
    assert [(s.start, s.end) for s in doc.paragraph(pid).italics] == [(0, 9)]
    assert "REF-DATE" not in codes(tools)
    assert window.undo_action.text() == "&Undo Fix REF-DATE"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert doc.paragraph(pid).text == RECALLING
    qtbot.waitUntil(lambda: "REF-DATE" in codes(tools), timeout=3000)

    # Typing the right date by hand: the finding goes once the checks have run again.
    runs = tools.checks.runs
    editor.page.setFocus()
    select_text(editor, RECALLING.index("18"), RECALLING.index("18") + 2)
    qtbot.keyClicks(editor.page, "17")
    assert tools.checks.stale and "REF-DATE" in codes(tools)  # not run on the keystroke
    qtbot.waitUntil(lambda: tools.checks.runs > runs and not tools.checks.stale, timeout=3000)
    assert "REF-DATE" not in codes(tools)


def test_check_document_menu_and_fix_shortcut(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    draft = draft_recalling(qtbot, window)
    doc = draft.controller.doc
    runs = tools.checks.runs
    qtbot.keyClick(window, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)  # Check Document
    assert tools.checks.runs == runs + 1 and not tools.checks.stale
    assert tools.checks_dock.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_F8)  # Next Finding: the first one, shown in place
    finding = tools.checks.selected_finding()
    assert isinstance(finding, Finding) and finding.code == "REF-DATE"
    assert draft.editor.page.textCursor().selectedText() == "its decision 4/4 of 18 October 2008"

    tools.checks.tree.setFocus()
    qtbot.keyClick(tools.checks.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert doc.preamble[0].text == "Recalling its decision 4/4 of 17 October 2008,"
    assert tools.checks.summary.text() == "No findings: the draft passes every check."


def test_view_menu_and_shortcut_table_list_the_panels(
    window: MainWindow, tools: CitationTools
) -> None:
    table = dict(window.shortcut_table())
    assert table["View › Checks Panel"] == "Ctrl+4"
    assert table["View › Footnotes Panel"] == "Ctrl+5"
    assert table["References › Check Document"] == "Shift+F7"
    assert table["Tools › Spelling…"] == "F7"  # Word's key
    assert table["References › Insert Citation"] == "Ctrl+Alt+C"
    assert table["References › Insert Internal Reference…"] == "Ctrl+Alt+R"
    # A key given to two actions fires neither: every shortcut names one action.
    keys = [key for _, key in window.shortcut_table()]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
    assert table["References › Apply Fix"] == "Alt+Return"
    # No draft open: the draft actions wait for one, the panel says what to do.
    assert not tools.check_action.isEnabled()
    assert tools.checks.summary.text() == "Open a draft to check it."
    tools.checks_dock.toggleViewAction().trigger()
    assert not tools.checks_dock.isVisible()


def test_a_hidden_panel_checks_when_shown_again(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    draft = draft_recalling(qtbot, window)
    qtbot.waitUntil(lambda: "REF-DATE" in codes(tools), timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # View › Checks Panel: hidden
    assert not tools.checks.isVisible()
    runs = tools.checks.runs
    select_text(draft.editor, RECALLING.index("18"), RECALLING.index("18") + 2)
    qtbot.keyClicks(draft.editor.page, "17")
    qtbot.wait(500)
    assert tools.checks.runs == runs and tools.checks.stale  # no work for a hidden panel
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    qtbot.waitUntil(lambda: not tools.checks.stale, timeout=3000)
    assert "REF-DATE" not in codes(tools)


def test_every_finding_row_carries_its_finding(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    draft = draft_recalling(qtbot, window)
    tools.check_document()
    checks_done(qtbot, tools.checks)
    shown = [tools.checks.finding_of(i) for i in tools.checks.finding_items()]
    assert sorted(map(id, shown)) == sorted(map(id, tools.checks.findings))
    # Typing that finds the same things keeps the rows; they stand for the new findings.
    items = tools.checks.finding_items()
    editor = draft.editor
    click_paragraph(qtbot, editor, draft.controller.doc.preamble[0].id)
    editor.page.set_caret(("p", draft.controller.doc.preamble[0].id), 0)
    before = tools.checks.findings[0].location.start
    qtbot.keyClicks(editor.page, "  ")
    tools.checks.run_now()
    assert tools.checks.finding_items() == items
    assert tools.checks.finding_of(items[0]).location.start == before + 2


def test_a_footnote_finding_shows_its_note_and_mark(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    doc.footnotes[0].text, doc.footnotes[0].italics = "Ibid.", []
    draft = window.drafts.add(doc, None, None, None)
    checks_done(qtbot, tools.checks)
    first, second = items_with(tools, "IBID")
    assert (first.text(1), second.text(1)) == ("footnote 1", "footnote 2")
    click_item(qtbot, tools, first)
    pp1 = doc.preamble[0]
    assert tools.footnotes.selected_id() == doc.footnotes[0].id
    assert draft.editor.current_pid() == pp1.id
    assert draft.editor.page.caret() == (("p", pp1.id), pp1.anchors[0].offset)
    assert not tools.checks.fix_button.isEnabled()  # only the drafter knows that source

    # Footnote 2 can no longer be "Ibid., vol. 2237": its fix gives the full citation.
    click_item(qtbot, tools, second)
    qtbot.mouseClick(tools.checks.fix_button, Qt.MouseButton.LeftButton)
    assert tools.footnotes.rows()[1][1] == "United Nations, Treaty Series, vol. 2237, No. 39574."
    assert [i.text(1) for i in items_with(tools, "IBID")] == ["footnote 1"]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert doc.footnotes[1].text == "Ibid., vol. 2237, No. 39574."
    qtbot.waitUntil(lambda: len(items_with(tools, "IBID")) == 2, timeout=3000)


def test_the_older_footnote_rule_is_chosen_in_the_references_menu(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    """References › Footnote Repeats: under the older practice, resolution 10/3 names the
    Protocol in operative 1 without repeating its preambular note; under the current rule
    that is right. The choice is kept for the next start."""
    from drafting_app.corpus.readers import read_document
    from drafting_app.model.profiles import FIRST_MENTION, FIRST_OPERATIVE
    from drafting_app.storage.settings import load_settings
    from tests.conftest import CORPUS_FILES

    window.drafts.add(read_document(CORPUS_FILES["resolution_10_3"]), None, None, None)
    checks_done(qtbot, tools.checks)
    codes = lambda: {f.code for f in tools.checks.findings}  # noqa: E731
    assert "FN-OPERATIVE" not in codes()
    assert tools.repeat_actions[FIRST_MENTION].isChecked()
    tools.repeat_actions[FIRST_OPERATIVE].trigger()
    checks_done(qtbot, tools.checks)
    assert "FN-OPERATIVE" in codes()
    assert load_settings().footnote_repeat == FIRST_OPERATIVE
    tools.repeat_actions[FIRST_MENTION].trigger()
    checks_done(qtbot, tools.checks)
    assert "FN-OPERATIVE" not in codes()
    assert load_settings().footnote_repeat == FIRST_MENTION


def test_a_finding_row_tells_its_finding_when_the_mouse_rests_on_it(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    """The tooltip is made when asked for (a long draft has a thousand rows)."""
    draft_recalling(qtbot, window)
    (item,) = items_with(tools, "REF-DATE")
    tree = tools.checks.tree
    tree.scrollToItem(item)
    pos = tree.visualItemRect(item).center()
    viewport = tree.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text().startswith("<b>REF-DATE</b> — ")
    assert "Fix: " in QToolTip.text()
    group = tree.visualItemRect(tree.topLevelItem(0)).center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, group, group))
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
