"""The negotiation entries of the page's context menu: the paragraph's status, Bracket
Selection / Remove Brackets, Add Alternative…, the selected delegation's proposals on the
words (delete, replace…, insert…, delete the paragraph) and, for each proposal on the
words under the caret, Accept and Drop — as a facilitator right-clicks in Word."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu

from drafting_app.gui.negotiation.commands import NegotiationCommands
from drafting_app.gui.negotiation.panel import STATUS_ORDER, NegotiationPanel
from drafting_app.model.negotiation import ProposalKind
from drafting_app.model.negotiation_view import proposal_note

Ask = Callable[[str, str], str | None]  # (title, prompt) → the words typed, None if cancelled


def ask_words(commands: NegotiationCommands) -> Ask:
    def ask(title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(commands.view, title, prompt)
        return text if ok and text.strip() else None

    return ask


def _act(menu: QMenu, text: str, slot: Callable[[], object], enabled: bool = True) -> QAction:
    action = QAction(text, menu)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _c=False: slot())
    menu.addAction(action)
    return action


def add_negotiation_section(panel: NegotiationPanel, menu: QMenu, ask: Ask | None = None) -> None:
    """Add the entries to ``menu`` when the caret is in a labelled paragraph."""
    c = panel.commands
    found = c.current()
    if found is None:
        return
    words, record = found
    ask = ask or ask_words(c)
    menu.addSeparator()
    status_menu = menu.addMenu("Paragraph &Status")
    status_menu.setObjectName("statusMenu")
    group = QActionGroup(status_menu)
    for s in STATUS_ORDER:
        action = _act(status_menu, s.words, partial(c.set_status, s))
        action.setCheckable(True)
        action.setChecked(record.status is s)
        group.addAction(action)
    selected = c.words() is not None and words.start < words.end
    _act(menu, "&Bracket Selection", c.bracket, selected)
    _act(menu, "Remove Brac&kets", c.remove_bracket, c.bracket_at() is not None)

    def alternative() -> None:
        text = ask("Add alternative", f"Another wording for “{_short(c)}”:")
        if text is not None:
            c.add_alternative(text)

    _act(menu, "Add Alter&native…", alternative, selected)
    who = c.delegation or "(choose a delegation in the Negotiation tab)"
    prop = menu.addMenu(f"Pro&posal by {who}")
    prop.setObjectName("proposalMenu")
    prop.setEnabled(bool(c.delegation))

    def replace() -> None:
        text = ask(f"{c.delegation}: replace", f"Replace “{_short(c)}” with:")
        if text is not None:
            c.propose(ProposalKind.REPLACE, text)

    def insert() -> None:
        text = ask(f"{c.delegation}: add", "Words to add at the caret:")
        if text is not None:
            c.propose(ProposalKind.INSERT, text)

    _act(prop, "&Delete the Selected Words", lambda: c.propose(ProposalKind.DELETE), selected)
    _act(prop, "&Replace the Selected Words…", replace, selected)
    _act(prop, "&Insert Words Here…", insert, not selected)
    _act(prop, "Delete the &Paragraph", lambda: c.propose(ProposalKind.DELETE_PARAGRAPH))
    text = c.controller.doc.paragraph(words.pid).text
    for pid, q in c.proposals_at():
        note = proposal_note(q, text)
        _act(menu, f"Accept — {_clip(note)}", partial(c.accept, pid, q.id))
        _act(menu, f"Drop — {_clip(note)}", partial(c.drop, pid, q.id))


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _short(c: NegotiationCommands) -> str:
    w = c.words()
    if w is None:
        return ""
    return _clip(c.controller.doc.paragraph(w.pid).text[w.start : w.end], 40)
