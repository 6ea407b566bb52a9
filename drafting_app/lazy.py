"""Package exports loaded on first use (PEP 562 ``__getattr__``).

A package's ``__init__`` names what it offers without importing it: the window opens
without paying for the checker, the citation engine or the edit commands, and the first
``from package import name`` (or ``package.name``) imports the one module that holds it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def exports(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``homes`` maps each exported name to the
    submodule that defines it."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{home}"), name)

    return __getattr__
