"""Negotiation mode in the window (issue 19 item 2): labels in the margin, the status of
each paragraph as a tag with its words (set from the page's context menu), brackets put
round selected words, alternatives, a delegation's proposals shown like tracked changes
tagged with the delegation, accepted or dropped in the Negotiation tab, the counts, "Show
open paragraphs only" and Next Open — clicked on real widgets, each one undo step."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.negotiation.panel import NegotiationPanel
from drafting_app.gui.negotiation_tools import NegotiationTools, install_negotiation_tools
from drafting_app.model.document import Document
from drafting_app.model.negotiation import ProposalKind, Status
from drafting_app.storage.project import save_project
from tests.conftest import CORPUS_FILES
from tests.gui.draft_driver import CTRL
from tests.model.negotiation_setup import deterministic, france_in_negotiation

Z = Qt.Key.Key_Z


@pytest.fixture
def tools(window: MainWindow) -> NegotiationTools:
    return install_negotiation_tools(window)


def open_doc(window: MainWindow, doc: Document) -> OpenDraft:
    draft = window.drafts.add(doc, None, None, None)
    window.tabs.setCurrentWidget(draft.editor)
    return draft


@pytest.fixture
def negotiated(window: MainWindow, tools: NegotiationTools) -> OpenDraft:
    """The France draft after a first round (brackets, alternatives, proposals of five
    delegations, OP5 bis, one paragraph agreed, one deleted), opened in the window."""
    with deterministic():
        doc = france_in_negotiation()
    return open_doc(window, doc)


def panel_of(draft: OpenDraft) -> NegotiationPanel:
    panel = draft.editor.findChild(NegotiationPanel)
    assert isinstance(panel, NegotiationPanel)
    return panel


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def block_text(draft: OpenDraft, pid: str) -> str:
    """A paragraph as the page shows it (its words and the derived marks among them)."""
    view = draft.editor.page
    n = view.block_number(("p", pid))
    assert n is not None
    return view.block_of(n).text().replace("\u2028", "\n")


def click_row(qtbot: QtBot, widget: QListWidget, starts: str) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        if item.text().startswith(starts):
            rect = widget.visualItemRect(item)
            qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert widget.currentItem() is item
            return
    raise AssertionError(
        f"no row {starts!r}: {[widget.item(i).text() for i in range(widget.count())]}"
    )


def choose_delegation(qtbot: QtBot, panel: NegotiationPanel, name: str) -> None:
    box = panel.delegation_box
    edit = box.lineEdit()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    qtbot.keyClicks(edit, name)
    assert panel.commands.delegation == name


def type_words(qtbot: QtBot, panel: NegotiationPanel, words: str) -> None:
    """Type into the Words box (QTest types ASCII only: a curly quote is inserted as an
    input method would)."""
    edit = panel.words_edit
    edit.clear()
    for ch in words:
        if ch.isascii():
            qtbot.keyClicks(edit, ch)
        else:
            edit.insert(ch)
    assert edit.text() == words


def select_words(draft: OpenDraft, pid: str, words: str) -> tuple[int, int]:
    text = draft.controller.doc.paragraph(pid).text
    start = text.index(words)
    view = draft.editor.page
    view.setFocus()
    assert view.select_paragraph(pid, start, start + len(words))
    return start, start + len(words)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Z, CTRL)


# -- what the page shows ---------------------------------------------------------------------
def test_the_page_shows_labels_statuses_brackets_and_proposals(qtbot: QtBot, negotiated: OpenDraft):
    view = negotiated.editor.page
    deco = view.decorations
    doc = negotiated.controller.doc
    pre, op = doc.preamble, doc.operative
    panel = panel_of(negotiated)
    assert negotiated.editor.tabs.currentWidget() is panel  # opened in negotiation: in front
    # Labels in the margin, frozen: the new paragraph is "OP5 bis", OP6 keeps its label.
    assert [deco.margin_labels[p.id] for p in pre] == ["PP1", "PP2", "PP3", "PP4"]
    assert [deco.margin_labels[p.id] for p in op[:7]] == [
        "OP1", "OP2", "OP3", "OP4", "OP5", "OP5 bis", "OP6",
    ]  # fmt: skip
    assert deco.margin_labels[op[9].children[0].id] == "OP9 (a)"
    # The status tag: words and colour both.
    assert deco.badges[pre[0].id].text == "Agreed ad ref"
    assert deco.badges[pre[0].id].color.name() == "#2e7d32"
    assert deco.badges[op[3].id].text == "Under consultation"
    assert deco.badges[op[5].id].text == "New" and deco.badges[pre[1].id].text == "Pending"
    assert deco.badges[op[8].id].text == "Deleted"
    # Brackets (one nested) and alternatives where they stand; the text holds none.
    assert "[held in the Assembly [in June 2008]]" in block_text(negotiated, pre[2].id)
    assert "[" not in pre[2].text
    assert block_text(negotiated, op[0].id).startswith("[Urges][Calls upon] (EU) all States")
    assert "[Alt 1: to become parties to the Protocol] [Alt 2: to consider becoming" in (
        block_text(negotiated, op[0].id)
    )
    # Proposals like tracked changes tagged with the delegation: struck words, bold words.
    assert block_text(negotiated, op[2].id).startswith("UrgesEncourages (EU) States")
    overlays = deco.overlays_for(op[2].id, op[2].text)
    struck = [o for o in overlays if o.fmt.fontStrikeOut()]
    assert [(o.start, o.end) for o in struck] == [(0, len("Urges"))]
    assert "the fact that (G77 and China) " in block_text(negotiated, op[1].id)
    assert block_text(negotiated, op[4].id).endswith(
        " within existing resources (United States); (African Group: retain)"
    )
    assert block_text(negotiated, op[5].id).endswith("(African Group)")
    assert "agencies; [Alt 2: Requests the Secretariat to share information" in block_text(
        negotiated, op[7].id
    )
    # A deleted paragraph is struck through whole.
    gone = deco.overlays_for(op[8].id, op[8].text)
    assert [(o.start, o.end, o.fmt.fontStrikeOut()) for o in gone] == [(0, len(op[8].text), True)]
    # The counts.
    assert panel.counts.text().splitlines() == [
        "Agreed ad ref: 1 · Open: 16 · Deleted: 1",
        "Bracketed paragraphs: 2 (2 brackets, 3 alternative sets)",
        "Open proposals: 5",
    ]
    assert panel.by_author.text() == (
        "By delegation: African Group 1, CANZ 1, EU 1, G77 and China 1, United States 1"
    )


def test_start_negotiation_from_the_menu_and_undo_it(
    qtbot: QtBot, window: MainWindow, tools: NegotiationTools
):
    draft = open_doc(window, read_document(CORPUS_FILES["france_draft"]))
    deco = draft.editor.page.decorations
    assert not tools.start_action.menu() and tools.start_action.isEnabled()
    assert draft.editor.findChild(NegotiationPanel) is None
    tools.start_action.trigger()
    panel = panel_of(draft)
    assert draft.editor.tabs.currentWidget() is panel
    doc = draft.controller.doc
    assert doc.negotiation is not None and doc.negotiation.round == 1
    assert deco.margin_labels[doc.operative[0].id] == "OP1"
    assert deco.badges[doc.operative[0].id].text == "Pending"
    assert not tools.start_action.isEnabled()
    assert panel.counts.text().startswith("Agreed ad ref: 0 · Open: 17")
    click(qtbot, panel.findChild(QPushButton, "newRound"))
    assert doc.negotiation.round == 2 and panel.round_label.text() == "<b>Round 2</b>"
    undo(qtbot, window)
    undo(qtbot, window)
    assert doc.negotiation is None
    assert not deco.margin_labels and not deco.badges
    assert not panel.isEnabled()


# -- editing ---------------------------------------------------------------------------------
def test_bracket_selected_words_and_lift_them(
    qtbot: QtBot, window: MainWindow, negotiated: OpenDraft
):
    panel = panel_of(negotiated)
    doc = negotiated.controller.doc
    pp2 = doc.preamble[1]
    start, end = select_words(negotiated, pp2.id, "its decision 3/3")
    click(qtbot, panel.bracket_button)
    record = doc.negotiation.records[pp2.id]
    assert [(b.start, b.end) for b in record.brackets] == [(start, end)]
    assert "also [its decision 3/3]" in block_text(negotiated, pp2.id)
    assert "[" not in pp2.text
    # The caret inside: Unbracket lifts them.
    negotiated.editor.page.set_caret(("p", pp2.id), start + 3)
    click(qtbot, panel.unbracket_button)
    assert not doc.negotiation.records[pp2.id].brackets
    undo(qtbot, window)
    assert len(doc.negotiation.records[pp2.id].brackets) == 1
    undo(qtbot, window)
    assert not doc.negotiation.records[pp2.id].brackets
    assert "[" not in block_text(negotiated, pp2.id)


def test_a_delegations_proposal_recorded_accepted_and_dropped(
    qtbot: QtBot, window: MainWindow, negotiated: OpenDraft
):
    panel = panel_of(negotiated)
    doc = negotiated.controller.doc
    op7 = doc.operative[6]  # OP6 ("Reminds States parties …"), after OP5 bis
    assert doc.negotiation.records[op7.id].label == "OP6"
    before = op7.text
    choose_delegation(qtbot, panel, "Mexico")
    select_words(negotiated, op7.id, "Reminds")
    type_words(qtbot, panel, "Calls upon")
    click(qtbot, panel.replace_button)

    def mexico() -> list:
        return [q for q in doc.negotiation.records[op7.id].proposals if q.author == "Mexico"]

    # OP6 already has CANZ's proposal to delete the paragraph.
    (q,) = mexico()
    assert (q.kind, q.author, q.text, q.old, q.round) == (
        ProposalKind.REPLACE, "Mexico", "Calls upon", "Reminds", 1,
    )  # fmt: skip
    assert op7.text == before  # a proposal is not the text
    assert block_text(negotiated, op7.id).startswith("RemindsCalls upon (Mexico) States")
    assert panel.words_edit.text() == ""
    assert panel.by_author.text().endswith("Mexico 1, United States 1")
    # The panel lists it; Accept makes it the text.
    negotiated.editor.page.set_caret(("p", op7.id), 3)
    click_row(qtbot, panel.proposals, "Mexico: replace “Reminds” with “Calls upon” (round 1)")
    click(qtbot, panel.accept_button)
    assert op7.text == "Calls upon" + before[len("Reminds") :]
    assert not mexico()
    assert block_text(negotiated, op7.id).startswith("Calls upon States")
    undo(qtbot, window)
    assert op7.text == before and len(mexico()) == 1
    # Dropped instead: the text stays, the proposal goes.
    negotiated.editor.page.set_caret(("p", op7.id), 3)
    click_row(qtbot, panel.proposals, "Mexico: replace")
    click(qtbot, panel.drop_button)
    assert op7.text == before and not mexico()
    assert not block_text(negotiated, op7.id).startswith("RemindsCalls")
    # An insertion at the caret, a deletion of selected words.
    negotiated.editor.page.set_caret(("p", op7.id), len(op7.text) - 1)
    type_words(qtbot, panel, " and its Protocols")
    click(qtbot, panel.insert_button)
    select_words(negotiated, op7.id, "under article 18 of ")
    click(qtbot, panel.delete_button)
    kinds = [(q.kind, q.author) for q in mexico()]
    assert kinds == [(ProposalKind.INSERT, "Mexico"), (ProposalKind.DELETE, "Mexico")]
    assert block_text(negotiated, op7.id).endswith(
        "and under article 18 of (Mexico) the Migrants Protocol and its Protocols (Mexico);"
        " (CANZ: delete the paragraph)"
    )
    undo(qtbot, window)
    undo(qtbot, window)
    assert not mexico()


def test_alternatives_added_and_chosen(qtbot: QtBot, window: MainWindow, negotiated: OpenDraft):
    panel = panel_of(negotiated)
    doc = negotiated.controller.doc
    op2 = doc.operative[1]
    choose_delegation(qtbot, panel, "EU")
    select_words(negotiated, op2.id, "Welcomes")
    type_words(qtbot, panel, "Notes with appreciation")
    click(qtbot, panel.alternative_button)
    assert block_text(negotiated, op2.id).startswith("[Welcomes][Notes with appreciation] (EU)")
    negotiated.editor.page.set_caret(("p", op2.id), 2)
    rows = [panel.alternatives.item(i).text() for i in range(panel.alternatives.count())]
    assert rows == ["Alt 1: “Welcomes”", "Alt 2: “Notes with appreciation” (EU)"]
    click_row(qtbot, panel.alternatives, "Alt 2")
    click(qtbot, panel.choose_button)
    assert op2.text.startswith("Notes with appreciation the fact that")
    assert not doc.negotiation.records[op2.id].alternatives
    undo(qtbot, window)
    assert op2.text.startswith("Welcomes") and doc.negotiation.records[op2.id].alternatives
    # A whole alternative paragraph (OP7 in the set-up): choose Alt 2.
    op6 = doc.operative[7]
    negotiated.editor.page.set_caret(("p", op6.id), 2)
    click_row(qtbot, panel.alternatives, "Paragraph Alt 2")
    click(qtbot, panel.choose_button)
    # (the verb ladder follows: "Requests" a second time is "Also requests")
    assert op6.text == "Also requests the Secretariat to share information on successful practices;"


# -- status from the context menu ------------------------------------------------------------
def test_status_set_from_the_page_menu(qtbot: QtBot, window: MainWindow, negotiated: OpenDraft):
    view = negotiated.editor.page
    doc = negotiated.controller.doc
    pp2 = doc.preamble[1]
    view.setFocus()
    menu = view.createStandardContextMenu(view.viewport_point(("p", pp2.id), 3))
    status_menu = next(a.menu() for a in menu.actions() if a.text() == "Paragraph &Status")
    assert isinstance(status_menu, QMenu)
    entries = {a.text(): a for a in status_menu.actions()}
    assert list(entries) == ["Agreed ad ref", "Under consultation", "Pending", "New", "Deleted"]
    assert entries["Pending"].isChecked()
    entries["Agreed ad ref"].trigger()
    record = doc.negotiation.records[pp2.id]
    assert record.status is Status.AGREED and record.agreed is not None
    assert view.decorations.badges[pp2.id].text == "Agreed ad ref"
    assert panel_of(negotiated).label.text().endswith("Agreed ad ref</span>")
    # The menu records the selected delegation's proposals and accepts them.
    op3 = doc.operative[2]
    start, _ = select_words(negotiated, op3.id, "accumulated ")
    menu = view.createStandardContextMenu(view.viewport_point(("p", op3.id), start + 3))
    proposal = next(a.menu() for a in menu.actions() if a.text().startswith("Pro&posal by EU"))
    delete = next(a for a in proposal.actions() if a.text() == "&Delete the Selected Words")
    assert delete.isEnabled()
    delete.trigger()
    assert [q.author for q in doc.negotiation.records[op3.id].proposals] == ["EU", "EU"]
    view.set_caret(("p", op3.id), 2)
    menu = view.createStandardContextMenu(view.viewport_point(("p", op3.id), 2))
    accepts = [a for a in menu.actions() if a.text().startswith("Accept — EU: replace")]
    assert len(accepts) == 1
    accepts[0].trigger()
    assert op3.text.startswith("Encourages States")
    undo(qtbot, window)
    undo(qtbot, window)
    undo(qtbot, window)
    assert doc.negotiation.records[pp2.id].status is Status.PENDING
    assert view.decorations.badges[pp2.id].text == "Pending"


def test_open_paragraphs_only_and_next_open(
    qtbot: QtBot, window: MainWindow, negotiated: OpenDraft
):
    panel = panel_of(negotiated)
    view = negotiated.editor.page
    doc = negotiated.controller.doc
    pre, op = doc.preamble, doc.operative
    view.set_caret(("p", pre[0].id), 0)  # PP1, agreed
    click(qtbot, panel.next_button)
    assert view.current_pid() == pre[1].id
    # Mark PP2 to PP4 agreed: Next Open goes on to OP1.
    for p in pre[1:]:
        panel.commands.set_status(Status.AGREED, p.id)
    view.set_caret(("p", pre[0].id), 0)
    click(qtbot, panel.next_button)
    assert view.current_pid() == op[0].id
    click(qtbot, panel.previous_button)  # round the draft: the last open paragraph
    assert view.current_pid() == op[-1].children[-1].id
    qtbot.mouseClick(panel.open_only, Qt.MouseButton.LeftButton)
    assert panel.open_only.isChecked()

    def shown(pid: str) -> bool:
        n = view.block_number(("p", pid))
        return n is not None and view.block_of(n).isVisible()

    assert not any(shown(p.id) for p in pre)
    assert not shown(op[8].id)  # deleted
    assert shown(op[0].id) and shown(op[5].id)
    # Agreeing a paragraph hides it at once; undo shows it again.
    panel.commands.set_status(Status.AGREED, op[0].id)
    assert not shown(op[0].id)
    undo(qtbot, window)
    assert shown(op[0].id)
    qtbot.mouseClick(panel.open_only, Qt.MouseButton.LeftButton)
    assert all(shown(p.id) for p in pre)


def test_buttons_follow_the_selection(qtbot: QtBot, negotiated: OpenDraft):
    panel = panel_of(negotiated)
    doc = negotiated.controller.doc
    view = negotiated.editor.page
    view.set_caret(("p", doc.operative[1].id), 3)
    assert not panel.bracket_button.isEnabled() and not panel.delete_button.isEnabled()
    assert panel.insert_button.isEnabled()
    select_words(negotiated, doc.operative[1].id, "Welcomes")
    assert panel.bracket_button.isEnabled() and panel.delete_button.isEnabled()
    assert not panel.insert_button.isEnabled()
    view.set_caret(("title",), 0)
    assert panel.label.text().startswith("Put the caret")
    assert not panel.delete_paragraph_button.isEnabled()


def test_a_refused_proposal_says_why(qtbot: QtBot, window: MainWindow, negotiated: OpenDraft):
    """Words crossing an alternative set's edge cannot be struck: the edit is refused,
    the status bar says why, nothing changes."""
    panel = panel_of(negotiated)
    doc = negotiated.controller.doc
    op1 = doc.operative[0]
    count = negotiated.controller.stack.count()
    choose_delegation(qtbot, panel, "EU")
    select_words(negotiated, op1.id, "Urges all")
    messages: list[str] = []
    negotiated.controller.failed.connect(messages.append)
    click(qtbot, panel.delete_button)
    assert messages and "alternative set" in messages[0]
    assert negotiated.controller.stack.count() == count
    assert "alternative set" in window.statusBar().currentMessage()


# -- exports and import from the menu --------------------------------------------------------
def test_exports_from_the_menu(
    qtbot: QtBot, tmp_path: Path, negotiated: OpenDraft, tools: NegotiationTools
):
    out = tools.export("compilation", tmp_path / "compilation.docx")
    assert out is not None
    table = docx.Document(str(out)).tables[0]
    labels = [row.cells[0].text for row in table.rows]
    assert "OP5 bis" in labels and "PP1" in labels
    assert tools.export("final", tmp_path / "final.docx") is None
    box = tools.last_warning
    assert box is not None and box.isVisible()
    assert "cannot be made" in box.text() and "OP7: 2 alternative paragraphs" in box.text()
    assert not (tmp_path / "final.docx").exists()
    box.close()


def test_import_compilation_from_the_menu(
    qtbot: QtBot, tmp_path: Path, negotiated: OpenDraft, tools: NegotiationTools
):
    path = tools.export("compilation", tmp_path / "c.docx")
    assert path is not None
    draft = tools.import_compilation(path)
    assert draft is not None and draft is not negotiated
    doc = draft.controller.doc
    assert doc.negotiation is not None
    deco = draft.editor.page.decorations
    assert deco.margin_labels[doc.operative[5].id] == "OP5 bis"
    assert "[Urges][Calls upon] (EU)" in block_text(draft, doc.operative[0].id)
    assert tools.last_warning is not None and tools.last_warning.objectName() == "compilationReport"
    tools.last_warning.close()


def test_a_saved_negotiation_opens_with_its_tab(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, tools: NegotiationTools
):
    with deterministic():
        doc = france_in_negotiation()
    path = tmp_path / "france.unres.json"
    save_project(doc, path, {"profile": "ctoc-cop"})
    draft = window.drafts.open_path(path)
    assert draft is not None
    panel = panel_of(draft)
    assert draft.editor.tabs.currentWidget() is panel
    assert draft.editor.page.decorations.badges[draft.controller.doc.preamble[0].id].text == (
        "Agreed ad ref"
    )


def test_the_menus_keys(qtbot: QtBot, window: MainWindow, negotiated: OpenDraft):
    """Ctrl+Alt+B brackets the selection, Ctrl+Alt+Shift+B lifts the brackets, Ctrl+Alt+O
    goes to the next open paragraph (Word-like keys of the Negotiation menu)."""
    from tests.gui.draft_driver import ALT, SHIFT

    doc = negotiated.controller.doc
    view = negotiated.editor.page
    pp2 = doc.preamble[1]
    select_words(negotiated, pp2.id, "decision 3/3")
    qtbot.keyClick(view, Qt.Key.Key_B, CTRL | ALT)
    assert len(doc.negotiation.records[pp2.id].brackets) == 1
    qtbot.keyClick(view, Qt.Key.Key_B, CTRL | ALT | SHIFT)
    assert not doc.negotiation.records[pp2.id].brackets
    view.set_caret(("p", doc.preamble[0].id), 0)
    qtbot.keyClick(view, Qt.Key.Key_O, CTRL | ALT)
    assert view.current_pid() == pp2.id


def test_a_whole_alternative_paragraph(qtbot: QtBot, window: MainWindow, negotiated: OpenDraft):
    panel = panel_of(negotiated)
    doc = negotiated.controller.doc
    op2 = doc.operative[1]
    choose_delegation(qtbot, panel, "G77 and China")
    negotiated.editor.page.set_caret(("p", op2.id), 3)
    type_words(qtbot, panel, "Takes note of the information provided by States parties;")
    click(qtbot, panel.paragraph_alternative_button)
    (alt,) = doc.negotiation.records[op2.id].paragraph_alternatives
    assert (alt.author, alt.round) == ("G77 and China", 1)
    assert block_text(negotiated, op2.id).endswith(
        "[Alt 2: Takes note of the information provided by States parties;] (G77 and China)"
    )
    click_row(qtbot, panel.alternatives, "Paragraph Alt 2")
    click(qtbot, panel.drop_option_button)
    assert not doc.negotiation.records[op2.id].paragraph_alternatives
    undo(qtbot, window)
    assert len(doc.negotiation.records[op2.id].paragraph_alternatives) == 1
