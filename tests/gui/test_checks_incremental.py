"""Issue 21 item 6 in the window: the checks panel re-checks a long real text after typing
through its draft's incremental checker (only the paragraphs the typing touched are
recomputed), and what it shows is what a fresh full check of the draft finds."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from drafting_app.checks.profile import profile_for
from drafting_app.checks.runner import Checker
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.citation_tools import CitationTools, install_citation_tools
from drafting_app.gui.main_window import MainWindow
from tests.conftest import REALDOCS
from tests.gui.draft_driver import click_paragraph, select_text


@pytest.fixture
def tools(window: MainWindow, store: CorpusStore) -> CitationTools:
    return install_citation_tools(window, lambda: Registry.from_store(store))


def test_typing_rechecks_incrementally_as_a_fresh_check(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    doc = read_document(REALDOCS / "ga" / "A-RES-80-6_icc-report-2025.txt")
    draft = window.drafts.add(doc, None, None, None)
    panel = tools.checks
    controller = draft.controller
    # a long draft's panels follow it once its page is written
    qtbot.waitUntil(lambda: panel.checked_for is controller, timeout=5000)
    first = list(panel.findings)
    assert first

    # Type a date in UN-wrong style and a double space into one operative paragraph.
    p = controller.doc.operative[3]
    click_paragraph(qtbot, draft.editor, p.id)
    draft.editor.page.setFocus()
    before = p.text
    end = len(before.rstrip(";,."))
    select_text(draft.editor, end, end)
    runs = panel.runs
    qtbot.keyClicks(draft.editor.page, " of 17 Oct. 2008  and")
    qtbot.waitUntil(lambda: panel.runs > runs and not panel.stale, timeout=5000)
    typed = before[:end] + " of 17 Oct. 2008  and" + before[end:]
    assert controller.doc.paragraph(p.id).text == typed

    checker = panel._checkers[controller]
    # one paragraph typed in: that paragraph alone was judged again
    assert checker.recomputed == (1, 0)
    facts = panel.facts()
    assert facts is not None
    fresh = Checker().run(controller.doc, facts, profile_for(controller.doc))
    assert panel.findings == fresh
    codes = {f.code for f in panel.findings if f.location.paragraph_id == p.id}
    assert {"DATE", "SPACING"} <= codes
    assert len(panel.findings) > len(first)
