"""One registry for the whole window.

The picker (template parameters) and the citation tools (checks, citation dialog) both need
the registry of the corpus; at 10,000 documents it holds about a hundred megabytes and takes
seconds to read, so it is built once, shared, and dropped when the corpus changes (connect
:meth:`RegistryCache.invalidate` to the corpus-changed signal before anything that rebuilds
from it).

The checks ask without waiting (:meth:`RegistryCache.ready`): the first time, the registry
is read on a worker thread and ``built`` is emitted when it is there, so opening the first
draft on a large corpus never freezes the window. A dialog that cannot do without it asks
with :meth:`RegistryCache.get`, which builds it at once if it is not there yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from drafting_app.errors import DraftingError

if TYPE_CHECKING:  # built on first need: its module loads then too
    from drafting_app.corpus.registry import Registry
    from drafting_app.corpus.store import CorpusStore
    from drafting_app.gui.corpus.background import Background


def _build(store: Any) -> Registry:
    from drafting_app.corpus.registry import Registry

    registry = Registry.from_store(store)
    # A look-up that finds the index damaged has the window rebuild it.
    registry.on_damage = getattr(store, "on_damage", None)  # type: ignore[attr-defined]
    return registry


class RegistryCache(QObject):
    """Builds the registry of ``store`` on first use and keeps it until invalidated;
    ``built`` when a registry read on the worker thread is ready."""

    built = Signal()

    def __init__(
        self,
        store: CorpusStore,
        background: Background | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.background = background
        self._registry: Registry | None = None
        self._generation = 0  # a build started before the corpus changed is not used
        self._reading = False
        self._build_here = False  # after a failed read on the worker: build it here
        self.builds = 0

    def get(self) -> Registry:
        """The registry, opened now if it is not there yet."""
        if self._registry is None:
            self._registry = _build(self.store)
            self.builds += 1
        return self._registry

    def ready(self) -> Registry | None:
        """The registry: read from the corpus index a text at a time, so it is there at
        once (a connection, nothing built). None only when it cannot be opened."""
        try:
            return self.get()
        except DraftingError:
            return None

    def _built(self, registry: Registry, generation: int) -> None:
        if generation != self._generation:
            return  # the corpus changed meanwhile: the next ready() reads it again
        self._reading = False
        if self._registry is None:
            self._registry = registry
            self.builds += 1
        self.built.emit()

    def _failed(self, message: str, generation: int) -> None:
        if generation == self._generation:
            self._reading = False
            # Asked again, it is built on the window's own connection: the error, if it is
            # the corpus's, then reaches the user where the registry was needed.
            self._build_here = True
            self.built.emit()

    def invalidate(self) -> None:
        self._registry = None
        self._generation += 1
        self._reading = self._build_here = False
