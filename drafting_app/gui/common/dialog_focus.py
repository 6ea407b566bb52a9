"""The keyboard back to the window after one of its dialogs, as in Word.

A window manager activates a dialog's parent again when the dialog closes; without one
(a bare X session, the offscreen platform) no window was active afterwards and Ctrl+W
and the other window keys went nowhere until the drafter clicked the page (user trial
finding 5). When a dialog of this window is hidden, the window is activated again and
the keyboard goes back to the widget ``home()`` names (the page of the draft in front)
unless a widget of the window already has it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid


class DialogFocus(QObject):
    """Watches the dialogs of ``window`` that take the keyboard; when one is hidden the
    keyboard comes back to the window's page."""

    def __init__(self, window: QWidget, home: Callable[[], QWidget | None]) -> None:
        super().__init__(window)
        self._window = window
        self._home = home
        self._watched: set[int] = set()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_window_changed)

    def _focus_window_changed(self, focused: QWindow | None) -> None:
        if focused is None:
            return
        widget = next(
            (w for w in QApplication.topLevelWidgets() if w.windowHandle() is focused), None
        )
        parent = widget.parentWidget() if isinstance(widget, QDialog) else None
        if widget is None or parent is None or parent.window() is not self._window:
            return
        key = id(widget)
        if key not in self._watched:
            self._watched.add(key)
            widget.installEventFilter(self)
            widget.destroyed.connect(lambda _=None: self._watched.discard(key))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:
            QTimer.singleShot(0, self.give_back)
        return False

    def give_back(self) -> None:
        """The window active again, the keyboard on its page (unless a modal dialog is
        still open or one of the window's widgets has it already)."""
        window = self._window
        if not isValid(window) or not window.isVisible():
            return  # the window closed with the dialog
        if QApplication.activeModalWidget() is not None:
            return
        active = QApplication.activeWindow()
        if active is None or (active is not window and not active.isVisible()):
            window.activateWindow()
        focus = QApplication.focusWidget()
        if focus is None or not window.isAncestorOf(focus):
            home = self._home()
            if home is not None and home.isVisible():
                home.setFocus()
