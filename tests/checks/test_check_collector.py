"""A check pauses the cyclic collector (issue 21 item 6: its passes over the check's own
objects were 2-4 ms of a cold check of a long draft) and leaves nothing for it: the
checks make no reference cycles, nothing is frozen, and the collector runs again after."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from drafting_app.checks import runner
from drafting_app.checks.context import CheckContext, clear_text_caches
from drafting_app.checks.findings import Finding
from drafting_app.checks.runner import Checker, run_checks
from drafting_app.corpus.readers import read_document, read_documents
from drafting_app.corpus.registry import Registry
from tests.conftest import CORPUS_FILES, REALDOCS


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_paused_during_a_check_enabled_after_nothing_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def spy(ctx: CheckContext) -> list[Finding]:
        seen.append(gc.isenabled())
        return []

    monkeypatch.setitem(runner.WHOLE_TEXT, "SPY", spy)
    registry = Registry.from_documents([])
    doc = read_document(CORPUS_FILES["resolution_10_3"])
    gc.enable()
    frozen = gc.get_freeze_count()
    run_checks(doc, registry)
    assert seen == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    run_checks(read_document(CORPUS_FILES["resolution_10_3"]), Registry.from_documents([]))
    assert not gc.isenabled()


def test_checks_leave_no_cycles_for_the_collector() -> None:
    """Cold and kept checks of real texts, the text caches dropped after: a collection
    then finds nothing unreachable (a cycle made by a check would wait for the collector
    the check pauses)."""
    registry = Registry.from_documents([(p.stem, read_document(p)) for p in CORPUS_FILES.values()])
    docs = [d for p in sorted((REALDOCS / "ga").glob("*.txt")) for d in read_documents(p)]
    assert len(docs) >= 5
    gc.collect()
    gc.disable()
    for doc in docs:
        clear_text_caches()
        run_checks(doc, registry)
        checker = Checker()
        checker.run(doc, registry)
        checker.run(doc, registry)
    clear_text_caches()
    assert gc.collect() == 0
