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
    # The corpus is listed once the start-up sync has run on its worker; on a loaded
    # machine that can take longer than a fixed delay, so look every 100 ms (up to 30 s)
    # and close the window as soon as it shows the bundled corpus.
    seen: list[int] = []
    started = time.monotonic()

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in windows if w.isVisible()]
        counts = [w.browser.model.document_count() for w in shown]
        if shown and (counts != [5] and time.monotonic() - started < 30):
            QTimer.singleShot(100, look)
            return
        seen.extend(counts)
        for w in shown:
            w.close()
        if not shown:
            if time.monotonic() - started < 30:
                QTimer.singleShot(100, look)
            else:
                QApplication.quit()  # no window ever appeared: fail, do not hang

    QTimer.singleShot(100, look)
    assert main([]) == 0
    assert seen == [5]
