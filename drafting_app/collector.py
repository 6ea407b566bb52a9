"""Pausing Python's cyclic garbage collector while a large structure is built in memory.

Reading the registry of a 10,000-document corpus creates a few million objects; every
full pass of the collector meanwhile scans the whole, growing heap while holding the
interpreter lock — passes of 20 to 270 ms, a second in all, during which the window (on
another thread) could not paint. Nothing built here is garbage until it is dropped whole,
so the collector is paused for the build; after it, what was built is moved out of the
collector's sight (``gc.freeze``): with the collector paused every new object stays in the
youngest generation, whose next pass would scan them all at once (240 ms), and the
structure, long-lived, would only slow every later full pass. Frozen objects are still
freed when the last reference to them goes (the registry dropped after a corpus change):
they hold no reference cycles.

A check of a long draft (``freeze=False``) pauses it too: it makes tens of thousands of
objects that hold no cycles (texts' findings and references, freed by their reference
counts) and the collector's passes over them were a tenth of a cold check; what the check
keeps is not frozen (its caches are dropped and replaced).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True
_freeze = False


@contextmanager
def paused(freeze: bool = True) -> Iterator[None]:
    """No cyclic collection inside the block (nested and concurrent blocks are fine: the
    collector is enabled again, if it was, when the last one ends, and what was built is
    frozen then if any of the blocks asked for it)."""
    global _depth, _was_enabled, _freeze
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            _freeze = False
            gc.disable()
        _depth += 1
        _freeze = _freeze or freeze
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                if _freeze:
                    gc.freeze()
                gc.enable()
