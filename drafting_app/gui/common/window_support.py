"""Around the main window: its size on this screen, the panel layout kept between sessions,
and Help › Keyboard Shortcuts (built from the menus themselves, so it never goes stale)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting_app.errors import DraftingError
from drafting_app.storage.settings import AppSettings, save_settings

LAYOUT_KEY = "window_layout"
# Keys the outline and the page handle themselves, listed beside the menus'.
WIDGET_KEYS = (
    ("Outline / paragraph › Indent", "Tab"),
    ("Outline / paragraph › Outdent", "Shift+Tab"),
    ("Page › Split the paragraph at the caret", "Return"),
    ("Page › Join with the paragraph before", "Backspace at its start"),
    ("Page › Join with the paragraph after", "Delete at its end"),
    ("Page › Previous / next paragraph", "Ctrl+Up / Ctrl+Down"),
    ("Page › Zoom", "Ctrl+wheel"),
    ("Page › Go to the note of a footnote mark", "Double-click"),
    ("Outline › Delete paragraph", "Delete"),
)


def fit_to_screen(window: QMainWindow) -> None:
    """A laptop screen (1366×768) shows the whole window, a large one not a huge one."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    width = min(1400, int(area.width() * 0.94))
    height = min(900, int(area.height() * 0.94))
    window.resize(width, height)
    window.move(area.center().x() - width // 2, area.center().y() - height // 2)


def save_layout(window: QMainWindow, settings: AppSettings) -> None:
    """Window size and panel arrangement, into our own settings file (not the registry)."""
    settings.extra[LAYOUT_KEY] = {
        "geometry": bytes(window.saveGeometry().toBase64().data()).decode("ascii"),
        "state": bytes(window.saveState().toBase64().data()).decode("ascii"),
    }
    with contextlib.suppress(DraftingError):  # a layout is not worth a message on exit
        save_settings(settings)


def restore_layout(window: QMainWindow, settings: AppSettings) -> bool:
    saved = settings.extra.get(LAYOUT_KEY)
    if not isinstance(saved, dict):
        return False
    try:
        geometry = QByteArray.fromBase64(str(saved["geometry"]).encode("ascii"))
        state = QByteArray.fromBase64(str(saved["state"]).encode("ascii"))
    except (KeyError, UnicodeEncodeError):
        return False
    return window.restoreGeometry(geometry) and window.restoreState(state)


def shortcut_table(bar: QMenuBar) -> list[tuple[str, str]]:
    """(menu › entry, shortcut) for every menu action with a shortcut, then the keys the
    outline and the page handle themselves."""
    rows: list[tuple[str, str]] = []
    for menu_action in bar.actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if key and not action.isSeparator():
                entry = action.text().replace("&", "").split(" (")[0]
                rows.append((f"{menu_action.text().replace('&', '')} › {entry}", key))
    return rows + list(WIDGET_KEYS)


def show_shortcuts(parent: QWidget, rows: list[tuple[str, str]]) -> QDialog:
    """Help › Keyboard Shortcuts: a two-column table that scrolls, no taller than the
    screen (a message box with 60 rows was cut off at 900 pixels), modeless so the drafter
    can try a key while it is open."""
    box = QDialog(parent)
    box.setObjectName("shortcutsDialog")
    box.setWindowTitle("Keyboard Shortcuts")
    table = QTableWidget(len(rows), 2, box)
    table.setObjectName("shortcutsTable")
    table.setHorizontalHeaderLabels(["Command", "Keys"])
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for i, (name, key) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(name))
        table.setItem(i, 1, QTableWidgetItem(key))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, box)
    close.rejected.connect(box.reject)
    layout = QVBoxLayout(box)
    layout.addWidget(table)
    layout.addWidget(close)
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    width = table.horizontalHeader().length() + 60
    height = table.verticalHeader().length() + 120
    if room is not None:
        width, height = min(width, room.width() * 9 // 10), min(height, room.height() * 8 // 10)
    box.resize(width, height)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
