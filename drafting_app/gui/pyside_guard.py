"""Guard against a reference-counting bug of PySide6 6.12.0 on CPython 3.11.

That release drops one reference to ``None`` on every call of a C++ method that returns void.
CPython 3.12 made ``None`` immortal, so nothing shows there; on 3.11 ``None``'s count reaches
zero after some thousands of calls and the interpreter aborts ("deallocating None"). Laying out
a long document makes that many calls. pyproject.toml excludes 6.12.0; this guard protects a
machine that has it anyway: it measures the leak once and, only if there is one, gives ``None``
enough references never to reach zero (which is what 3.12 does).
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
        ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
