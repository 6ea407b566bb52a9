"""The cyclic collector is paused while a large structure is built (issue 10: a worker
thread building the registry froze the window in full collections of up to 270 ms)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from drafting_app import collector


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_enabled_after_and_the_build_frozen() -> None:
    gc.enable()
    gc.unfreeze()
    with collector.paused():
        assert not gc.isenabled()
        built = [{"n": i} for i in range(10_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(built)  # out of the collector's sight
    del built  # frozen objects are still freed by their reference counts


def test_nested_and_concurrent_blocks_enable_once_the_last_ends() -> None:
    gc.enable()
    inside = threading.Event()
    release = threading.Event()

    def other() -> None:
        with collector.paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=other)
    worker.start()
    inside.wait(5)
    with collector.paused():
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled()  # the worker's block is still open
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()


def test_an_error_in_the_block_still_enables_it() -> None:
    gc.enable()
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("bad file")
    assert gc.isenabled()


def test_a_block_without_freeze_freezes_nothing_unless_another_asked() -> None:
    gc.enable()
    gc.unfreeze()
    with collector.paused(freeze=False):
        kept = [{"n": i} for i in range(1_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    with collector.paused(), collector.paused(freeze=False):
        built = [{"n": i} for i in range(1_000)]
    assert gc.get_freeze_count() >= len(built)  # the outer block's build is frozen
    del kept, built
