"""Issue 21 item 6: a draft opened again unchanged in a new window shows at once the
findings its last check left on disk (drafting_app.checks.memo), read on the first
check's worker, written on a worker once the checks have been quiet for a moment; the
first check still runs for the checker the next checks start from, seeded from the memo
(it judges again only what changed since). The findings shown are those of a check
without a memo; a draft changed since shows only its check's."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from drafting_app.checks import memo
from drafting_app.checks.findings import Finding
from drafting_app.checks.profile import profile_for
from drafting_app.checks.runner import Checker
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.citation_tools import install_citation_tools
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.text_edits import SetText
from drafting_app.storage.project import SUFFIX, load_project, save_project
from tests.conftest import REALDOCS
from tests.gui.draft_driver import checks_done

TEXT = REALDOCS / "ga" / "A-RES-80-6_icc-report-2025.txt"


def _open(qtbot: QtBot, store: CorpusStore, path: Path, edit: bool = False):
    window = MainWindow(store)
    qtbot.addWidget(window)
    tools = install_citation_tools(window, lambda: Registry.from_store(store))
    shown: list[tuple[bool, list[Finding]]] = []  # (from the memo, findings) of each run
    tools.checks.checked.connect(
        lambda _n: shown.append((tools.checks.from_memo, list(tools.checks.findings)))
    )
    doc = load_project(path).document
    if edit:  # changed since the last session
        p = doc.operative[2]
        SetText(p.id, p.text + " 17 Oct. 2008", p.italics, p.anchors).apply(doc)
    draft = window.drafts.add(doc, path, None, None)
    checks_done(qtbot, tools.checks)
    return window, tools, draft, shown


def test_a_reopened_draft_shows_its_memo_at_once(
    qtbot: QtBot, store: CorpusStore, tmp_path: Path
) -> None:
    path = tmp_path / f"draft{SUFFIX}"
    save_project(read_document(TEXT), path)
    window, tools, draft, shown = _open(qtbot, store, path)
    assert [memo for memo, _ in shown] == [False]  # no memo yet: the check ran
    # written a moment after the check, on a worker
    qtbot.waitUntil(lambda: memo.memo_path(memo.draft_identity(path)).is_file(), timeout=10000)
    assert tools.checks.wait(10)
    window.close()

    for edit in (False, True):
        window, tools, draft, shown = _open(qtbot, store, path, edit)
        doc = draft.controller.doc
        facts = tools.facts()
        assert facts is not None
        fresh = Checker().run(doc, facts, profile_for(doc))
        # unchanged: the memo's findings first, then the check's (the same); changed
        # since: the check's only
        assert [memo for memo, _ in shown] == ([True, False] if not edit else [False])
        assert all(found == fresh for _, found in shown)
        assert tools.checks.findings == fresh
        # the draft keeps the first check's checker: the next check is incremental; it
        # was seeded from the memo: it judged again only the paragraph changed since
        checker = tools.checks._checkers[draft.controller]
        assert checker.recomputed == ((1, 0) if edit else (0, 0))
        assert tools.checks.wait(10)
        window.close()


def test_a_draft_never_saved_leaves_no_memo(qtbot: QtBot, store: CorpusStore) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    tools = install_citation_tools(window, lambda: Registry.from_store(store))
    window.drafts.add(read_document(TEXT), None, None, None)
    checks_done(qtbot, tools.checks)
    tools.checks.save_memo()
    assert tools.checks.wait(10)
    assert not memo.memo_folder().exists() or not list(memo.memo_folder().iterdir())


def test_a_memo_waiting_for_its_moment_is_written_when_the_window_closes(
    qtbot: QtBot, store: CorpusStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memo is written 3 s after a check; a drafter who closes the window before then
    still leaves it (written and waited for on the way out: its writer is a daemon thread
    a quit would cut short, here on a disk slow to write), so the next session's first
    check of the draft is the memo's."""
    save = memo.save

    def slow_save(snap: memo.Snapshot, folder: Path | None = None) -> Path | None:
        time.sleep(0.5)
        return save(snap, folder)

    monkeypatch.setattr(memo, "save", slow_save)
    path = tmp_path / f"draft{SUFFIX}"
    save_project(read_document(TEXT), path)
    window, tools, _draft, shown = _open(qtbot, store, path)
    target = memo.memo_path(memo.draft_identity(path))
    assert shown and tools.checks._memo_timer.isActive() and not target.exists()
    window.close()
    assert target.is_file()  # at once: nothing left for a thread the quit would cut short
    window, tools, _draft, shown = _open(qtbot, store, path)
    assert [m for m, _ in shown] == [True, False]
    assert tools.checks.wait(10)
    window.close()
