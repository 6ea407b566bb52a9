"""Issue 19, where it is checked, in the window: the three rounds of the A/RES/80/6
negotiation (46 paragraphs, 25 proposals from six delegations) replayed by a facilitator
clicking — the delegation typed in the Negotiation tab, words selected on the page, the
proposed words typed in the Words box, the panel's buttons and lists, the statuses from the
page's context menu — and the final text exported from the Negotiation menu: clean and
identical to the agreed wording (written by hand). Every step is one undo step; undoing
them all gives the resolution back as it was issued."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.negotiation.panel import NegotiationPanel
from drafting_app.gui.negotiation_tools import NegotiationTools, install_negotiation_tools
from drafting_app.model.negotiation import Status
from drafting_app.negotiation.replay import find_words, read_steps
from tests.gui.test_negotiation_gui import choose_delegation, click, click_row, type_words
from tests.negotiation.scenario import DELEGATIONS, ICC, ROUNDS, agreed, final_paragraphs


class Facilitator:
    """Does each step of a steps file with the window's widgets."""

    def __init__(self, qtbot: QtBot, tools: NegotiationTools, draft: OpenDraft) -> None:
        self.qtbot, self.tools, self.draft = qtbot, tools, draft
        self.view = draft.editor.page
        self.panel: NegotiationPanel | None = None

    @property
    def doc(self) -> Any:
        return self.draft.controller.doc

    def pid(self, label: str) -> str:
        assert self.panel is not None
        found = [pid for pid, name in self.panel.marks.labels.items() if name == label]
        assert len(found) == 1, f"no paragraph {label} in the margin"
        return found[0]

    def span(self, pid: str, label: str, step: dict[str, Any], key: str) -> tuple[int, int]:
        words = step[key]
        start = find_words(self.doc.paragraph(pid), label, words, step.get("occurrence"))
        return start, start + len(words)

    def caret(self, pid: str, offset: int = 0) -> None:
        self.view.setFocus()
        assert self.view.set_caret(("p", pid), offset)
        self.view.ensureCursorVisible()

    def select(self, pid: str, start: int, end: int) -> None:
        self.view.setFocus()
        assert self.view.select_paragraph(pid, start, end)

    def delegation(self, step: dict[str, Any]) -> None:
        assert self.panel is not None
        if self.panel.commands.delegation != step["by"]:
            choose_delegation(self.qtbot, self.panel, step["by"])

    def button(self, name: str) -> QPushButton:
        assert self.panel is not None
        found = self.panel.findChild(QPushButton, name)
        assert isinstance(found, QPushButton), name
        return found

    def do(self, step: dict[str, Any]) -> None:
        kind = step["do"]
        getattr(self, f"_{kind}")(step)

    # -- the steps ---------------------------------------------------------------------------
    def _start(self, step: dict[str, Any]) -> None:
        self.tools.start_action.trigger()  # Negotiation › Start Negotiation
        self.panel = self.draft.editor.findChild(NegotiationPanel)
        assert self.tools.edit_delegations(step["delegations"])  # Negotiation › Delegations…

    def _round(self, _step: dict[str, Any]) -> None:
        click(self.qtbot, self.button("newRound"))

    def _propose(self, step: dict[str, Any]) -> None:
        assert self.panel is not None
        label = step["at"]
        pid = self.pid(label)
        self.delegation(step)
        if step.get("delete_paragraph"):
            self.caret(pid)
            click(self.qtbot, self.panel.delete_paragraph_button)
        elif "replace" in step:
            self.select(pid, *self.span(pid, label, step, "replace"))
            type_words(self.qtbot, self.panel, step["with"])
            click(self.qtbot, self.panel.replace_button)
        elif "delete" in step:
            self.select(pid, *self.span(pid, label, step, "delete"))
            click(self.qtbot, self.panel.delete_button)
        else:
            start, end = self.span(pid, label, step, "after" if "after" in step else "before")
            self.caret(pid, end if "after" in step else start)
            type_words(self.qtbot, self.panel, step["insert"])
            click(self.qtbot, self.panel.insert_button)

    def _propose_paragraph(self, step: dict[str, Any]) -> None:
        assert self.panel is not None
        self.caret(self.pid(step["after"]))
        self.delegation(step)
        type_words(self.qtbot, self.panel, step["text"])
        click(self.qtbot, self.panel.new_paragraph_button)

    def _decide(self, step: dict[str, Any], accept: bool) -> None:
        assert self.panel is not None
        self.caret(self.pid(step["at"]))
        click_row(self.qtbot, self.panel.proposals, f"{step['by']}: ")
        click(self.qtbot, self.panel.accept_button if accept else self.panel.drop_button)

    def _accept(self, step: dict[str, Any]) -> None:
        self._decide(step, True)

    def _drop(self, step: dict[str, Any]) -> None:
        self._decide(step, False)

    def _accept_paragraph(self, step: dict[str, Any]) -> None:
        assert self.panel is not None
        self.caret(self.pid(step["at"]))
        self.panel.proposals.setCurrentRow(-1)
        rows = [self.panel.proposals.item(i).text() for i in range(self.panel.proposals.count())]
        row = next(r for r in rows if ": a new paragraph" in r)
        click_row(self.qtbot, self.panel.proposals, row)
        click(self.qtbot, self.panel.accept_button)

    def _bracket(self, step: dict[str, Any]) -> None:
        assert self.panel is not None
        pid = self.pid(step["at"])
        self.select(pid, *self.span(pid, step["at"], step, "words"))
        click(self.qtbot, self.panel.bracket_button)

    def _unbracket(self, step: dict[str, Any]) -> None:
        assert self.panel is not None
        pid = self.pid(step["at"])
        start, _ = self.span(pid, step["at"], step, "words")
        self.caret(pid, start + 1)
        click(self.qtbot, self.panel.unbracket_button)

    def _alternative(self, step: dict[str, Any]) -> None:
        assert self.panel is not None
        pid = self.pid(step["at"])
        self.select(pid, *self.span(pid, step["at"], step, "words"))
        self.delegation(step)
        type_words(self.qtbot, self.panel, step["with"])
        click(self.qtbot, self.panel.alternative_button)

    def _choose(self, step: dict[str, Any]) -> None:
        assert self.panel is not None
        self.caret(self.pid(step["at"]))
        click_row(self.qtbot, self.panel.alternatives, f"Alt {step['option']}: ")
        click(self.qtbot, self.panel.choose_button)

    def _comment(self, step: dict[str, Any]) -> None:
        assert self.panel is not None
        self.caret(self.pid(step["at"]))
        self.delegation(step)
        type_words(self.qtbot, self.panel, step["text"])
        click(self.qtbot, self.panel.comment_button)

    def _status(self, step: dict[str, Any]) -> None:
        """The page's context menu in the paragraph, Paragraph Status › the status."""
        pid = self.pid(step["at"])
        self.caret(pid, 2)
        # The menu key (Shift+F10): the page's menu where the caret is.
        menu = self.view.createStandardContextMenu(None)
        assert self.view.current_pid() == pid
        sub = next(a.menu() for a in menu.actions() if a.text() == "Paragraph &Status")
        assert isinstance(sub, QMenu)
        words = Status(step["status"]).words
        next(a for a in sub.actions() if a.text() == words).trigger()
        menu.deleteLater()


@pytest.mark.slow
def test_three_rounds_clicked_in_the_window(qtbot: QtBot, tmp_path: Path, window: MainWindow):
    tools = install_negotiation_tools(window)
    issued = read_document(ICC)
    draft = window.drafts.add(read_document(ICC), None, None, None)
    window.tabs.setCurrentWidget(draft.editor)
    failures: list[str] = []
    draft.controller.failed.connect(failures.append)
    me = Facilitator(qtbot, tools, draft)
    steps = [s for path in ROUNDS for s in read_steps(path)]
    for n, step in enumerate(steps, start=1):
        me.do(step)
        assert not failures, f"step {n} {step}: {failures}"
    doc = draft.controller.doc
    assert doc.negotiation is not None and doc.negotiation.round == 3
    assert doc.negotiation.delegations == DELEGATIONS
    panel = me.panel
    assert panel is not None
    assert panel.counts.text().splitlines() == [
        "Agreed ad ref: 46 · Open: 0 · Deleted: 1",
        "Bracketed paragraphs: 0 (0 brackets, 0 alternative sets)",
        "Open proposals: 0",
    ]
    # One undo step per step (Start Negotiation and Delegations… are two).
    assert draft.controller.stack.count() == len(steps) + 1
    final = tools.export("final", tmp_path / "final.docx")
    assert final is not None, tools.last_warning.text() if tools.last_warning else ""
    assert final_paragraphs(final) == agreed()
    # Undone to the start: the resolution as issued, not in negotiation.
    while draft.controller.stack.canUndo():
        window.undo_action.trigger()
    assert doc.negotiation is None
    assert [p.text for p in doc.all_paragraphs()] == [p.text for p in issued.all_paragraphs()]
    qtbot.keyClick(window, Qt.Key.Key_Escape)
