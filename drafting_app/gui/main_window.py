"""The main window: menus with shortcuts, the corpus browser and search docks around the
central reading view, and the status bar with the size of the corpus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from drafting_app import __version__
from drafting_app.errors import DraftingError
from drafting_app.gui.corpus_actions import CorpusActions
from drafting_app.gui.corpus_browser import CorpusBrowser
from drafting_app.gui.corpus_port import Corpus
from drafting_app.gui.reading_view import ReadingView
from drafting_app.gui.search_panel import SearchPanel

APP_TITLE = "UN Drafting Assistant"


class MainWindow(QMainWindow):
    """Corpus browser (left), corpus search (right), reading view (centre)."""

    def __init__(self, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self.setWindowTitle(APP_TITLE)
        self._fit_to_screen()
        self.reading = ReadingView(self)
        self.setCentralWidget(self.reading)
        self.browser = CorpusBrowser(corpus, self)
        self.search = SearchPanel(corpus, self)
        self.corpus_dock = self._dock(
            "Corpus", "corpusDock", self.browser, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.search_dock = self._dock(
            "Search", "searchDock", self.search, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.resizeDocks(
            [self.corpus_dock, self.search_dock], [430, 400], Qt.Orientation.Horizontal
        )
        self.corpus_actions = CorpusActions(self, corpus)
        self.corpus_actions.changed.connect(self._corpus_changed)
        self.corpus_size = QLabel(self)
        self.statusBar().addPermanentWidget(self.corpus_size)
        self.browser.selected.connect(self.show_paragraph)
        self.search.hit_activated.connect(self.reveal)
        self.search.searched.connect(
            lambda q, n: self.statusBar().showMessage(f"Search “{q}”: {n} paragraphs", 4000)
        )
        self._build_menus()
        self._update_corpus_size()

    # -- layout ------------------------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        # A laptop screen (1366×768) must show the whole window, a large one not a huge one.
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        width = min(1400, int(area.width() * 0.94))
        height = min(900, int(area.height() * 0.94))
        self.resize(width, height)
        self.move(area.center().x() - width // 2, area.center().y() - height // 2)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        menu: QMenu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.quit_action = self._action(
            file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = bar.addMenu("&Edit")
        self._action(edit, "&Copy", QKeySequence.StandardKey.Copy, self.reading.copy)
        self._action(
            edit, "Select &All", QKeySequence.StandardKey.SelectAll, self.reading.selectAll
        )
        edit.addSeparator()
        self.find_action = self._action(
            edit, "&Find in Corpus…", QKeySequence.StandardKey.Find, self.focus_search
        )

        view = bar.addMenu("&View")
        for dock, key in ((self.corpus_dock, "Ctrl+1"), (self.search_dock, "Ctrl+2")):
            toggle = dock.toggleViewAction()
            toggle.setText(f"{dock.windowTitle()} Panel")
            toggle.setShortcut(QKeySequence(key))
            view.addAction(toggle)
        view.addSeparator()
        self._action(
            view, "Zoom &In", QKeySequence.StandardKey.ZoomIn, lambda: self.reading.zoom(1)
        )
        self._action(
            view, "Zoom &Out", QKeySequence.StandardKey.ZoomOut, lambda: self.reading.zoom(-1)
        )
        self._action(view, "&Actual Size", "Ctrl+0", lambda: self.reading.zoom(0))
        view.addSeparator()
        self._action(
            view, "&Full Screen", QKeySequence.StandardKey.FullScreen, self._toggle_full_screen
        )

        corpus = bar.addMenu("&Corpus")
        self.add_action = self._action(
            corpus, "&Add Documents…", "Ctrl+Shift+A", self.corpus_actions.add_documents
        )
        self.rebuild_action = self._action(
            corpus, "&Rebuild Index", "Ctrl+Shift+R", self.corpus_actions.rebuild_index
        )
        corpus.addSeparator()
        self._action(corpus, "&Search Corpus…", "Ctrl+Shift+F", self.focus_search)

        help_menu = bar.addMenu("&Help")
        self._action(
            help_menu,
            "&Keyboard Shortcuts",
            QKeySequence.StandardKey.HelpContents,
            self.show_shortcuts,
        )
        about = self._action(help_menu, f"&About {APP_TITLE}", None, self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    # -- behaviour ---------------------------------------------------------------------------
    def show_paragraph(self, doc_id: str, paragraph_id: str = "") -> None:
        """Show a corpus document in the reading view, shading ``paragraph_id``."""
        try:
            doc = self.corpus.document(doc_id)
        except DraftingError as exc:
            QMessageBox.warning(self, APP_TITLE, str(exc))
            return
        self.reading.show_document(doc_id, doc, paragraph_id)
        title = " ".join(x for x in (doc.heading, doc.title) if x) or "Corpus document"
        self.setWindowTitle(f"{title} — {APP_TITLE}")

    def reveal(self, doc_id: str, paragraph_id: str) -> None:
        """Jump to a paragraph: select it in the browser (which shows it) and read it."""
        self.corpus_dock.show()
        if not self.browser.select(doc_id, paragraph_id):
            self.show_paragraph(doc_id, paragraph_id)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus_search()

    def _corpus_changed(self) -> None:
        self.browser.reload()
        self.reading.clear_document()
        self.setWindowTitle(APP_TITLE)
        self.search.corpus_changed()
        self._update_corpus_size()

    def _update_corpus_size(self) -> None:
        n = self.browser.model.document_count()
        self.corpus_size.setText(f"Corpus: {n} document{'s' if n != 1 else ''}")

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(menu entry, shortcut) for every menu action that has a shortcut."""
        rows: list[tuple[str, str]] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            for action in menu.actions():
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if key and not action.isSeparator():
                    name = (
                        menu_action.text().replace("&", "") + " › " + action.text().replace("&", "")
                    )
                    rows.append((name, key))
        return rows

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{name}</td><td>&nbsp;&nbsp;<b>{key}</b></td></tr>"
            for name, key in self.shortcut_table()
        )
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard Shortcuts", "", parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{rows}</table>")
        box.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<b>{APP_TITLE}</b> {__version__}<br/>Compose, check and export United Nations "
            "draft resolutions offline.<br/>The corpus stays on this computer; "
            "nothing is sent over the network.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
