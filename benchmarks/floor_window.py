"""The floor for the start-up benchmark: a bare QApplication and an empty QMainWindow of the
app's size, traced to its first paint by the same hook the app uses.

    DRAFTING_APP_TRACE_STARTUP=1 QT_QPA_PLATFORM=offscreen python -m benchmarks.floor_window
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from drafting_app.gui.startup_trace import trace_first_paint


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 900)
    trace_first_paint(app, window, app.quit)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
