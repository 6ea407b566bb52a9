"""One registry for the whole window.

The picker (template parameters) and the citation tools (checks, citation dialog) both need
the registry of the corpus; at 10,000 documents it holds about a hundred megabytes, so it is
built once, shared, and dropped when the corpus changes (connect :meth:`invalidate` to the
corpus-changed signal before anything that rebuilds from it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # built on first need: its module loads then too
    from drafting_app.corpus.registry import Registry
    from drafting_app.corpus.store import CorpusStore


class RegistryCache:
    """Builds the registry of ``store`` on first use and keeps it until invalidated."""

    def __init__(self, store: CorpusStore) -> None:
        self.store = store
        self._registry: Registry | None = None
        self.builds = 0

    def get(self) -> Registry:
        if self._registry is None:
            from drafting_app.corpus.registry import Registry

            self._registry = Registry.from_store(self.store)
            self.builds += 1
        return self._registry

    def invalidate(self) -> None:
        self._registry = None
