"""Issue 21 item 6: a draft's first check runs on a worker thread, and what the checks
panel shows is never the finding of a text that has changed since. The worker is held at
its first corpus look-up (the registry's own lock, taken by the test) while the drafter
types, so the typing falls inside the run every time; real widgets, real timers."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from drafting_app.checks.findings import Finding
from drafting_app.checks.profile import profile_for
from drafting_app.checks.runner import Checker
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.corpus.stored_registry import StoredRegistry
from drafting_app.gui.citation_tools import CitationTools, install_citation_tools
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from tests.conftest import REALDOCS
from tests.gui.draft_driver import checks_done, click_paragraph, select_text

TEXT = REALDOCS / "ga" / "A-RES-80-6_icc-report-2025.txt"
TYPED = " of 17 Oct. 2008  and"


@pytest.fixture
def tools(window: MainWindow, store: CorpusStore) -> CitationTools:
    return install_citation_tools(window, lambda: Registry.from_store(store))


def fresh(tools: CitationTools, draft: OpenDraft) -> list[Finding]:
    facts = tools.facts()
    assert facts is not None
    doc = draft.controller.doc
    return Checker().run(doc, facts, profile_for(doc))


def shown_findings_are_fresh(tools: CitationTools, draft: OpenDraft) -> list[bool]:
    """Each time the panel shows findings: were they those of the text as it is then?"""
    verdicts: list[bool] = []
    tools.checks.checked.connect(
        lambda _n: verdicts.append(tools.checks.findings == fresh(tools, draft))
    )
    return verdicts


def held_registry(tools: CitationTools) -> threading.RLock:
    facts = tools.facts()
    assert isinstance(facts, StoredRegistry)
    return facts._lock


def test_typing_during_the_first_check_never_shows_its_findings(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    lock = held_registry(tools)
    lock.acquire()  # the worker stops at its first look-up of the corpus
    try:
        draft = window.drafts.add(read_document(TEXT), None, None, None)
        panel = tools.checks
        verdicts = shown_findings_are_fresh(tools, draft)
        controller = draft.controller
        qtbot.waitUntil(lambda: panel.controller is controller, timeout=5000)
        assert panel.stale and panel.checked_for is None
        assert panel.summary.text() == "Checking the draft…"
        p = controller.doc.operative[3]
        click_paragraph(qtbot, draft.editor, p.id)
        draft.editor.page.setFocus()
        end = len(p.text.rstrip(";,."))
        select_text(draft.editor, end, end)
        before = p.text
        qtbot.keyClicks(draft.editor.page, TYPED)
        assert controller.doc.paragraph(p.id).text == before[:end] + TYPED + before[end:]
        assert panel.checked_for is None  # nothing shown while the run is held
    finally:
        lock.release()
    checks_done(qtbot, panel)
    # The held run read the draft before the typing: thrown away, checked again.
    assert verdicts and all(verdicts)
    codes = {f.code for f in panel.findings if f.location.paragraph_id == p.id}
    assert {"DATE", "SPACING"} <= codes
    # The draft now keeps its checker: the next check after typing is incremental.
    runs = panel.runs
    qtbot.keyClicks(draft.editor.page, " x")
    qtbot.waitUntil(lambda: panel.runs > runs and not panel.stale, timeout=5000)
    assert panel._checkers[controller].recomputed == (1, 0)
    assert all(verdicts) and panel.findings == fresh(tools, draft)


def test_an_unchanged_draft_shows_its_first_check(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    draft = window.drafts.add(read_document(TEXT), None, None, None)
    verdicts = shown_findings_are_fresh(tools, draft)
    checks_done(qtbot, tools.checks)
    assert verdicts == [True] and tools.checks.findings
    assert tools.checks.summary.text() != "Checking the draft…"


def test_a_draft_left_during_its_first_check_keeps_it_for_its_return(
    qtbot: QtBot, window: MainWindow, tools: CitationTools
) -> None:
    lock = held_registry(tools)
    lock.acquire()
    try:
        first = window.drafts.add(read_document(TEXT), None, None, None)
        qtbot.waitUntil(lambda: tools.checks.controller is first.controller, timeout=5000)
        second = window.drafts.create_from_template("cop-draft-resolution")
        assert second is not None
        qtbot.waitUntil(lambda: tools.checks.controller is second.controller, timeout=5000)
    finally:
        lock.release()
    checks_done(qtbot, tools.checks)
    assert tools.checks.findings == fresh(tools, second)
    assert tools.checks.wait(10)
    qtbot.wait(50)  # the first draft's run arrives; it is not shown over the second's
    assert tools.checks.findings == fresh(tools, second)
    window.tabs.setCurrentWidget(first.editor)
    checks_done(qtbot, tools.checks)
    assert tools.checks.findings == fresh(tools, first)
    # kept from the run made while it was behind: no first check again
    assert tools.checks._checkers[first.controller].recomputed == (0, 0)
