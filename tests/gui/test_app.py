"""``drafting-app`` without arguments: the composition root opens the corpus and the window
and returns the event loop's exit code when the window is closed."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drafting_app.__main__ import main
from drafting_app.gui.main_window import MainWindow


def test_no_arguments_opens_the_window_on_the_corpus(qtbot: QtBot) -> None:
    seen: list[int] = []
    started = time.monotonic()

    def close_it() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in windows if w.isVisible()]
        counts = [w.browser.model.document_count() for w in shown]
        # The corpus comes in from a worker after the first paint: on a loaded machine
        # that takes longer than half a second, so wait for it (up to a limit).
        if shown and counts != [5] and time.monotonic() - started < 20:
            QTimer.singleShot(100, close_it)
            return
        seen.extend(counts)
        for w in shown:
            w.close()

    QTimer.singleShot(500, close_it)
    assert main([]) == 0
    assert seen == [5]
