"""The corpus index as a command-line command opens it: without an O(N) pass, with a
progress bar on a terminal when it must be built, and healed when it is found damaged.

A command compares the corpus folders' times with those of the last sync (a few stat()
calls) and syncs only when a folder changed — never a scan of every file. A damaged index
(SQLite finds a malformed page) is set aside and rebuilt from the documents, the user is
told in one sentence on stderr, and the command runs again.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO, TypeVar

from drafting_app.errors import IndexDamaged

if TYPE_CHECKING:
    from drafting_app.corpus.store import CorpusStore

T = TypeVar("T")


def _err(message: str) -> None:
    print(f"drafting-app: {message}", file=sys.stderr)


class TerminalProgress:
    """A one-line progress bar on stderr when it is a terminal (silent otherwise), at
    most ten redraws a second."""

    def __init__(self, what: str, out: TextIO | None = None) -> None:
        self.what = what
        self.out = out or sys.stderr
        self.shown = False
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.out.isatty() or total <= 0:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = width * done // total
        bar = "=" * filled + (">" if filled < width else "") + " " * (width - filled - 1)
        self.out.write(f"\r{self.what}: [{bar[:width]}] {done:,} of {total:,} files")
        self.out.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.out.write("\n")
            self.out.flush()
            self.shown = False


def _healed(moved: object) -> None:
    _err(
        f"the corpus index was damaged; it was moved to {moved} and rebuilt from the "
        "documents (nothing of yours was lost)"
    )


@contextmanager
def command_store() -> Iterator[CorpusStore]:
    """The corpus store for one command: synced only if a corpus folder changed."""
    from drafting_app.corpus.store import CorpusStore

    store = CorpusStore.open(sync=False)
    try:
        if store.recovered_from is not None:
            _err(f"the corpus index was unusable; it was moved to {store.recovered_from}")
        changed = True
        try:
            changed = store.folders_changed()
        except IndexDamaged:
            heal(store)
            changed = False
        if changed:
            progress = TerminalProgress("Indexing the corpus")
            try:
                store.sync(progress)
            except IndexDamaged:
                progress.close()
                heal(store)
            finally:
                progress.close()
        yield store
    finally:
        store.close()


def heal(store: CorpusStore) -> None:
    """Set the damaged index aside and build it again (progress on a terminal)."""
    progress = TerminalProgress("Rebuilding the damaged corpus index")
    try:
        store.heal(progress)
    finally:
        progress.close()
    _healed(store.recovered_from)


def healing(store: CorpusStore, work: Callable[[CorpusStore], T]) -> T:
    """``work(store)``; when it finds the index damaged, heal and run it once more."""
    try:
        return work(store)
    except IndexDamaged:
        heal(store)
        return work(store)
