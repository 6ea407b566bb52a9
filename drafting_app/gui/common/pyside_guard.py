"""Guard against a reference-counting bug of PySide6 6.12.0 on CPython 3.11.

That release drops one reference to ``None`` on every call of a C++ method that returns void
(and to ``True`` on bool results of Python overrides). CPython 3.12 made these objects
immortal, so nothing shows there; on 3.11 their count reaches zero after some thousands of
calls and the interpreter aborts ("deallocating None"). Laying out a long document makes that
many calls. pyproject.toml keeps PySide6 below 6.12; this guard protects a machine that has
6.12.0 anyway: it measures the leak once and, only if there is one, gives ``None``, ``True``
and ``False`` enough references never to reach zero (which is what 3.12 does).
"""

from __future__ import annotations

import ctypes
import sys

_PROBE_CALLS = 64
_RESERVE = 1 << 40
_checked = False


def _leaks() -> bool:
    from PySide6.QtGui import QTextBlockFormat

    fmt = QTextBlockFormat()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        fmt.setLeftMargin(0)
    return sys.getrefcount(None) < before - _PROBE_CALLS // 2


def protect_none() -> None:
    """Apply the guard once per process if this PySide6 leaks references to None."""
    global _checked
    if _checked or sys.version_info >= (3, 12):
        return
    _checked = True
    if _leaks():
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
