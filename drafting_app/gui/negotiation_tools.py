"""Negotiation mode in the main window (issue 19): the Negotiation menu — Start
Negotiation (labels frozen), New Round, Delegations…, Next/Previous Open Paragraph, Show
Open Paragraphs Only, Bracket Selection, Export Compilation / Clean / Final Text…, Import
Compilation…, End Negotiation — and, on every draft in negotiation, the compilation marks
on its page, the Negotiation tab beside it and the negotiation entries of the page's
context menu. Installed by the composition root with :func:`install_negotiation_tools`;
every command is an edit through the draft's controller, one step of its undo history."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from drafting_app.errors import DraftingError

if TYPE_CHECKING:  # the negotiation widgets load with the first draft that needs them
    from drafting_app.gui.files.drafts import OpenDraft
    from drafting_app.gui.main_window import MainWindow
    from drafting_app.gui.negotiation.panel import NegotiationPanel

WORD_FILTER = "Word document (*.docx)"
MODES = {
    "compilation": ("Compilation Text", "compilation"),
    "clean": ("Clean Text for the Next Round", "clean"),
    "final": ("Final Text", "final"),
}


class NegotiationTools(QObject):
    """The negotiation commands of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_warning: QMessageBox | None = None
        self.last_export: Path | None = None
        self._in_negotiation: list[QAction] = []
        self._build_menu()
        window.drafts.current_changed.connect(self._follow)
        self._follow()

    # -- the menu ----------------------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], object], shortcut: str = "", *, negotiated: bool = True
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if negotiated:
            self._in_negotiation.append(action)
        self.menu.addAction(action)
        return action

    def _build_menu(self) -> None:
        w = self.window
        menu = QMenu("&Negotiation", w)
        menu.setObjectName("negotiationMenu")
        self.menu = menu
        self.start_action = self._action("&Start Negotiation", self.start, negotiated=False)
        self.start_action.setToolTip(
            "Freeze the PP/OP labels and open round 1 of the informal consultations"
        )
        self._action("New &Round", lambda: self._do(lambda p: p.commands.new_round()))
        self._action("&Delegations…", self.edit_delegations)
        menu.addSeparator()
        self._action(
            "&Next Open Paragraph", lambda: self._do(lambda p: p.commands.next_open()), "Ctrl+Alt+O"
        )
        self._action(
            "&Previous Open Paragraph",
            lambda: self._do(lambda p: p.commands.next_open(False)),
            "Ctrl+Alt+Shift+O",
        )
        self.open_only_action = self._action("Show &Open Paragraphs Only", self.toggle_open_only)
        self.open_only_action.setCheckable(True)
        self._action(
            "&Bracket Selection", lambda: self._do(lambda p: p.commands.bracket()), "Ctrl+Alt+B"
        )
        self._action(
            "Remove Brac&kets",
            lambda: self._do(lambda p: p.commands.remove_bracket()),
            "Ctrl+Alt+Shift+B",
        )
        menu.addSeparator()
        for mode, (name, _) in MODES.items():
            self._action(f"Export {name}…", partial(self.export, mode))
        self._action("&Import Compilation Text…", self.import_compilation, negotiated=False)
        menu.addSeparator()
        self._action("&End Negotiation", self.end)
        menu.aboutToShow.connect(self._follow)
        help_menu = next(
            (a for a in w.menuBar().actions() if a.text().replace("&", "") == "Help"), None
        )
        if help_menu is not None:
            w.menuBar().insertMenu(help_menu, menu)
        else:
            w.menuBar().addMenu(menu)

    def _follow(self) -> None:
        draft = self.window.drafts.current()
        negotiated = draft is not None and draft.controller.doc.negotiation is not None
        if negotiated and draft is not None and _panel(draft) is None:
            # a draft opened in negotiation: its Negotiation tab in front
            draft.editor.tabs.setCurrentWidget(self.panel_of(draft))
        for action in self._in_negotiation:
            action.setEnabled(negotiated)
        self.start_action.setEnabled(draft is not None and not negotiated)
        panel = self._current_panel()
        self.open_only_action.setChecked(panel is not None and panel.open_only.isChecked())

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("negotiationWarning")
        self.last_warning = box
        box.open()

    # -- the panel of a draft ----------------------------------------------------------------
    def panel_of(self, draft: OpenDraft) -> NegotiationPanel:
        """The draft's Negotiation tab (made, with the page's marks and context menu
        entries, the first time)."""
        from drafting_app.gui.negotiation.page_menu import add_negotiation_section
        from drafting_app.gui.negotiation.panel import NegotiationPanel

        editor = draft.editor
        found = _panel(draft)
        if found is not None:
            return found
        panel = NegotiationPanel(draft.controller, editor.page, editor.tabs)
        panel.message.connect(self._status)
        panel.open_only.toggled.connect(self.open_only_action.setChecked)
        editor.tabs.addTab(panel, "Negotiation")
        editor.page.menu_sections.append(lambda menu: add_negotiation_section(panel, menu))
        return panel

    def _current_panel(self) -> NegotiationPanel | None:
        draft = self.window.drafts.current()
        return _panel(draft) if draft is not None else None

    def _do(self, act: Callable[[NegotiationPanel], object]) -> None:
        panel = self._current_panel()
        draft = self.window.drafts.current()
        if panel is None or draft is None or draft.controller.doc.negotiation is None:
            self._status("The draft is not in negotiation: Negotiation › Start Negotiation.")
            return
        act(panel)

    # -- commands ----------------------------------------------------------------------------
    def start(self) -> NegotiationPanel | None:
        """Negotiation › Start Negotiation: labels frozen, round 1, every paragraph pending;
        the Negotiation tab opens."""
        draft = self.window.drafts.current()
        if draft is None:
            self._status("Open a draft to negotiate it.")
            return None
        from drafting_app.model.negotiation_edits import StartNegotiation

        user = self.window.settings.user_name
        if not draft.controller.apply(StartNegotiation(facilitator=user)):
            return None
        panel = self.panel_of(draft)
        draft.editor.tabs.setCurrentWidget(panel)
        self._follow()
        self._status(
            "Negotiation started: labels frozen (PP1…, OP1…); choose the delegation in the "
            "Negotiation tab, select words and record its proposals."
        )
        return panel

    def end(self) -> bool:
        draft = self.window.drafts.current()
        if draft is None or draft.controller.doc.negotiation is None:
            return False
        from drafting_app.model.negotiation_edits import EndNegotiation

        ok = draft.controller.apply(EndNegotiation())
        self._follow()
        return ok

    def edit_delegations(self, names: list[str] | None = None) -> bool:
        """Negotiation › Delegations…: the delegations and groups proposals are recorded
        for, one a line."""
        draft = self.window.drafts.current()
        if draft is None or draft.controller.doc.negotiation is None:
            return False
        if names is None:
            text, ok = QInputDialog.getMultiLineText(
                self.window,
                "Delegations",
                "Delegations and groups, one a line:",
                "\n".join(draft.controller.doc.negotiation.delegations),
            )
            if not ok:
                return False
            names = text.splitlines()
        from drafting_app.model.negotiation_edits import SetDelegations

        return draft.controller.apply(SetDelegations(names))

    def toggle_open_only(self) -> None:
        panel = self._current_panel()
        if panel is None:
            self.open_only_action.setChecked(False)
            return
        panel.open_only.setChecked(self.open_only_action.isChecked())

    def export(self, mode: str, path: Path | None = None) -> Path | None:
        """Negotiation › Export … Text: the compilation (labels, brackets, proposals by
        delegation, statuses), the clean text for the next round, or the final text (refused
        with the list of what remains while brackets, alternatives or proposals do)."""
        from drafting_app.export.compilation_docx import write_negotiation
        from drafting_app.export.files import file_stem
        from drafting_app.model.negotiation_final import UnresolvedError

        draft = self.window.drafts.current()
        if draft is None or draft.controller.doc.negotiation is None:
            self._status("The draft is not in negotiation: Negotiation › Start Negotiation.")
            return None
        controller = draft.controller
        controller.end_typing()
        name, word = MODES[mode]
        if path is None:
            folder = (
                controller.path.parent if controller.path else Path(self.window.drafts.folder())
            )
            suggested = folder / f"{file_stem(controller.doc)} ({word}).docx"
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, f"Export {name.lower()}", str(suggested), WORD_FILTER
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        try:
            write_negotiation(controller.doc, path, mode, controller.profile)
        except UnresolvedError as exc:
            self._warn("The final text cannot be made yet", f"{exc}\n\nNothing was written.")
            return None
        except (DraftingError, OSError) as exc:
            self._warn(
                "The Word file was not written", f"{exc}\n\nNothing was written to {path.name}."
            )
            return None
        self.last_export = path
        self._status(f"Exported the {name.lower()}: {path}")
        return path

    def import_compilation(self, path: Path | None = None) -> OpenDraft | None:
        """Negotiation › Import Compilation Text…: a compilation .docx (the app's or a
        hand-made one) opened as a new draft in negotiation; what could not be mapped is
        shown."""
        from drafting_app.negotiation.files import read_compilation

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, "Import a compilation text", self.window.drafts.folder(), WORD_FILTER
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            doc, report = read_compilation(path)
        except DraftingError as exc:
            self._warn("The compilation could not be read", str(exc))
            return None
        draft = self.window.drafts.add(doc, None, None, None)
        draft.controller.stack.resetClean()
        panel = self.panel_of(draft)
        draft.editor.tabs.setCurrentWidget(panel)
        self._follow()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Compilation imported",
            report.render(),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("compilationReport")
        self.last_warning = box
        box.open()
        return draft


def _panel(draft: OpenDraft) -> NegotiationPanel | None:
    """The draft's Negotiation tab, if it has one. Until a draft was negotiated the
    panel's module is not even loaded (the window starts without it)."""
    module = sys.modules.get("drafting_app.gui.negotiation.panel")
    if module is None:
        return None
    found = draft.editor.findChild(module.NegotiationPanel)
    return found if isinstance(found, module.NegotiationPanel) else None


def install_negotiation_tools(window: MainWindow) -> NegotiationTools:
    """Add the negotiation commands to ``window`` (once)."""
    tools = window.findChild(NegotiationTools)
    return tools if isinstance(tools, NegotiationTools) else NegotiationTools(window)
