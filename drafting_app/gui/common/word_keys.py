"""Word's keyboard shortcuts on every platform.

Qt's standard keys follow the desktop's scheme: on a Linux desktop (X11/GNOME/KDE scheme)
Replace has no key at all and Redo is only Ctrl+Shift+Z, so a drafter coming from Word
found Ctrl+H and Ctrl+Y doing nothing. Word's key comes first (the menu shows it), the
platform's own bindings are kept after it.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

_Std = QKeySequence.StandardKey

#: The keys Word gives these commands, whatever the desktop's scheme says.
WORD_KEYS: dict[QKeySequence.StandardKey, tuple[str, ...]] = {
    _Std.Replace: ("Ctrl+H",),
    _Std.Redo: ("Ctrl+Y", "Ctrl+Shift+Z"),
    _Std.Undo: ("Ctrl+Z",),
    _Std.Cut: ("Ctrl+X",),
    _Std.Copy: ("Ctrl+C",),
    _Std.Paste: ("Ctrl+V",),
    _Std.SelectAll: ("Ctrl+A",),
    _Std.Find: ("Ctrl+F",),
}


def word_keys(standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """Word's keys for ``standard`` first, then the platform's other bindings."""
    keys: list[QKeySequence] = []
    for key in [
        *(QKeySequence(k) for k in WORD_KEYS.get(standard, ())),
        *QKeySequence.keyBindings(standard),
    ]:
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys
