"""Paragraph › Conventions: the verb ladder ("Also requests", "Further requests") and the
closing punctuation (preamble ",", operative ";", last "."), each Automatic (fixed with
the edit, one undo step), Suggest Only (nothing changes; the fixes wait in the checks
panel and the editor's hint line) or Off. Remembered in the settings for every draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from drafting_app.model.fix_mode import FixMode

if TYPE_CHECKING:  # the fixers load with the first draft, not with the menu
    from drafting_app.model.changes import Edit
    from drafting_app.model.document import Document
    from drafting_app.model.profiles import BodyProfile

CONVENTIONS = (("ladder", "Verb &Ladder (Also/Further)"), ("punctuation", "Closing &Punctuation"))
MODE_NAMES = {
    FixMode.AUTO: "&Automatic",
    FixMode.SUGGEST: "&Suggest Only",
    FixMode.OFF: "&Off",
}


def build_conventions_menu(
    parent: QWidget,
    menu: QMenu,
    modes: dict[str, FixMode],
    changed: Callable[[str, FixMode], None],
) -> dict[str, dict[FixMode, QAction]]:
    """The submenu with one exclusive radio group per convention; ``changed(name, mode)``
    when the user picks another mode. Returns the actions by convention and mode."""
    sub = menu.addMenu("C&onventions")
    out: dict[str, dict[FixMode, QAction]] = {}
    for name, title in CONVENTIONS:
        inner = sub.addMenu(title)
        group = QActionGroup(parent)
        group.setExclusive(True)
        actions: dict[FixMode, QAction] = {}
        for mode, text in MODE_NAMES.items():
            action = QAction(text, parent)
            action.setCheckable(True)
            action.setChecked(modes[name] is mode)
            action.triggered.connect(lambda _c=False, n=name, m=mode: changed(n, m))
            group.addAction(action)
            inner.addAction(action)
            actions[mode] = action
        out[name] = actions
    return out


def pending(doc: Document, body: BodyProfile, ladder: FixMode, punctuation: FixMode) -> list[Edit]:
    """The convention fixes waiting in Suggest Only mode (none for a convention that is
    Automatic or Off)."""
    if FixMode.SUGGEST not in (ladder, punctuation):
        return []
    from drafting_app.model.conventions import suggestions
    from drafting_app.model.ladder import LADDER

    wanted = {True: ladder is FixMode.SUGGEST, False: punctuation is FixMode.SUGGEST}
    return [e for e in suggestions(doc, body) if wanted[e.label == LADDER]]


def hint(fixes: list[Edit], pid: str) -> str:
    """The editor's line about waiting suggestions, this paragraph's first."""
    if not fixes:
        return ""
    mine = [e for e in fixes if getattr(e, "pid", "") == pid]
    where = "this paragraph" if mine else "the draft"
    first = mine[0] if mine else fixes[0]
    old, new = getattr(first, "old", ""), getattr(first, "new", "")
    change = f": “{old}” → “{new}”" if old or new else ""
    n = len(mine or fixes)
    return (
        f"Suggested ({first.label.lower()}) in {where}{change}"
        f"{f' and {n - 1} more' if n > 1 else ''} — Checks panel, Alt+Return applies."
    )
