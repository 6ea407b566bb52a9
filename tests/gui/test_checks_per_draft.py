"""Issue 20 item 1: the checks panel shows the findings of the draft in front, never
another's. Three drafts are open (two Word imports and one from a template); switching
between them with a finding selected must not raise, must show exactly the current
draft's findings, and Fix and Go to act on that draft only."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.checks.profile import profile_for, with_repeat_rule
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.checks.checks_dock import ChecksPanel, finding_key
from drafting_app.gui.citation_tools import CitationTools, install_citation_tools
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.storage.codec import document_to_json
from tests.conftest import REALDOCS
from tests.gui.draft_driver import checks_done, new_from_template

MUN = REALDOCS / "mun-docx"


@pytest.fixture
def tools(window: MainWindow, store: CorpusStore) -> CitationTools:
    return install_citation_tools(window, lambda: Registry.from_store(store))


def import_word(qtbot: QtBot, window: MainWindow, path: Path) -> OpenDraft:
    """File › Open of a Word file: the import report, then Open as Draft."""
    dialog = window.drafts.word_import.open(path)
    assert dialog is not None
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    draft = window.drafts.current()
    assert draft is not None and draft.controller.imported_from == path
    checks_done(qtbot, window.findChild(ChecksPanel))
    return draft


def switch_to(qtbot: QtBot, window: MainWindow, draft: OpenDraft) -> None:
    """Click the draft's tab."""
    bar = window.tabs.tabBar()
    index = window.tabs.indexOf(draft.editor)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.drafts.current() is draft
    checks_done(qtbot, window.findChild(ChecksPanel))


def expected_keys(tools: CitationTools, draft: OpenDraft) -> list[tuple[str, str, str, str]]:
    doc = draft.controller.doc
    profile = profile_for(doc)
    if tools.checks.repeat_rule:
        profile = with_repeat_rule(profile, tools.checks.repeat_rule)
    facts = tools.facts()
    assert facts is not None
    return [finding_key(f) for f in run_checks(doc, facts, profile)]


def snapshot(draft: OpenDraft) -> str:
    return json.dumps(document_to_json(draft.controller.doc), sort_keys=True)


def select_some_finding(qtbot: QtBot, tools: CitationTools, rng: random.Random) -> None:
    items = tools.checks.finding_items()
    if not items:
        return
    item = rng.choice(items)
    tree = tools.checks.tree
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert tools.checks.selected_finding() is not None


def test_a_new_draft_after_a_selected_finding_shows_its_own_findings(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    """The reproduced walk: a Word draft, a finding clicked (the last one, past the end of
    the new draft's list), then Ctrl+N › Create Draft."""
    word = import_word(qtbot, window, MUN / "MUN_Eddy12597_test_reso.docx")
    panel = tools.checks
    assert len(panel.findings) > 3
    items = panel.finding_items()
    select_some_finding(qtbot, tools, random.Random(0))
    panel.tree.setCurrentItem(items[-1])

    fresh = new_from_template(qtbot, window, "cop-draft-resolution")
    checks_done(qtbot, tools.checks)
    assert [finding_key(f) for f in panel.findings] == expected_keys(tools, fresh)
    assert len(panel.finding_items()) == len(panel.findings)
    assert panel.selected_finding() is None
    assert not panel.fix_button.isEnabled()
    assert "10 errors" not in panel.summary.text()
    # Check (Shift+F7) refreshes it and Fix does nothing to the Word draft.
    before = snapshot(word)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert [finding_key(f) for f in panel.findings] == expected_keys(tools, fresh)
    assert panel.fix_selected() is False
    assert snapshot(word) == before


@pytest.mark.slow
def test_three_drafts_switched_at_random_with_findings_selected(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    drafts = [
        import_word(qtbot, window, MUN / "MUN_Eddy12597_test_reso.docx"),
        new_from_template(qtbot, window, "cop-draft-resolution"),
        import_word(qtbot, window, MUN / "MUN_Eddy12597_test_problematic.docx"),
    ]
    panel = tools.checks
    rng = random.Random(20)
    fixes = 0
    selected: dict[int, tuple[str, str, str, str]] = {}
    for _step in range(40):
        select_some_finding(qtbot, tools, rng)
        left = window.drafts.current()
        assert left is not None
        if (f := panel.selected_finding()) is not None:
            selected[id(left)] = finding_key(f)
        target = rng.choice(drafts)
        others = {id(d): snapshot(d) for d in drafts if d is not target}
        switch_to(qtbot, window, target)
        # Exactly this draft's findings, every row standing for one of them.
        keys = expected_keys(tools, target)
        assert [finding_key(f) for f in panel.findings] == keys
        assert len(panel.finding_items()) == len(panel.findings)
        assert panel.controller is target.controller
        # The finding selected when the drafter left this draft is selected again.
        if selected.get(id(target)) in keys:
            now = panel.selected_finding()
            assert now is not None and finding_key(now) == selected[id(target)]
        action = rng.choice(("fix", "go", "check", "none"))
        select_some_finding(qtbot, tools, rng)
        chosen = panel.selected_finding()
        if action == "fix" and chosen is not None and chosen.fix is not None:
            undo_steps = target.controller.stack.count()
            assert panel.fix_selected()
            assert target.controller.stack.count() == undo_steps + 1
            fixes += 1
        elif action == "go" and chosen is not None:
            panel.go_to_selected()
            assert window.drafts.current() is target
        elif action == "check":
            qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
            checks_done(qtbot, panel)
        # Nothing done on this draft reached another.
        assert {id(d): snapshot(d) for d in drafts if d is not target} == others
    assert fixes > 0, "the walk never applied a fix"


def test_an_empty_draft_says_what_is_missing(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    """Issue 20 item 2: Ctrl+N › Create Draft gives a draft with no title, no paragraph and
    no symbol; the panel says so (never "passes every check"), and the title finding goes
    to the form where the title is written."""
    draft = new_from_template(qtbot, window, "cop-draft-resolution")
    panel = tools.checks
    checks_done(qtbot, panel)
    assert "passes" not in panel.summary.text()
    assert panel.summary.text().startswith("2 errors")
    rows = {(i.text(0), i.text(1)) for i in panel.finding_items()}
    assert rows == {("MISSING", "title"), ("MISSING", "operative"), ("MISSING", "masthead")}
    (title,) = [i for i in panel.finding_items() if i.text(1) == "title"]
    draft.editor.tabs.setCurrentIndex(0)
    tree = panel.tree
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(title).center()
    )
    assert draft.editor.tabs.currentWidget() is draft.editor.masthead
    assert not panel.fix_button.isEnabled()  # only the drafter can write the title
