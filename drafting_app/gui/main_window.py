"""The main window: menus with shortcuts, the corpus browser and search docks, the central
tabs (the corpus reading view, then one tab per open draft), the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QWidget,
)

from drafting_app import __version__
from drafting_app.errors import DraftingError
from drafting_app.gui.common.dialog_focus import DialogFocus
from drafting_app.gui.common.reading_view import ReadingView
from drafting_app.gui.common.step_aside import install as step_aside
from drafting_app.gui.common.step_aside import waiting_outside_the_loop
from drafting_app.gui.common.window_support import (
    fit_to_screen,
    restore_layout,
    save_layout,
    shortcut_table,
    show_shortcuts,
)
from drafting_app.gui.common.word_keys import word_keys
from drafting_app.gui.corpus.background import Background
from drafting_app.gui.corpus.corpus_actions import CorpusActions
from drafting_app.gui.corpus.corpus_browser import CorpusBrowser
from drafting_app.gui.corpus.corpus_port import Corpus
from drafting_app.gui.corpus.search_panel import SearchPanel
from drafting_app.gui.document.conventions_menu import build_conventions_menu
from drafting_app.gui.document.page_format import OPENING_ZOOM
from drafting_app.gui.document.preview import PreviewPanel
from drafting_app.gui.document.word_count_label import WordCountLabel, show_word_count
from drafting_app.gui.files.drafts import Drafts
from drafting_app.gui.files.export_actions import ExportActions
from drafting_app.gui.files.file_guard import title_for
from drafting_app.gui.files.recovery_offer import RecoveryOffer
from drafting_app.model.document import Document
from drafting_app.model.fix_mode import FixMode
from drafting_app.storage.recovery import RecoveryStore
from drafting_app.storage.settings import AppSettings, load_settings, save_settings

if TYPE_CHECKING:  # the editor and the templates load with the first draft
    from drafting_app.gui.document.draft_editor import DraftEditor
    from drafting_app.gui.document.spelling import SpellingService
    from drafting_app.gui.document.spelling_dialog import SpellingDialog
    from drafting_app.gui.files.printing import PrintActions

APP_TITLE = "UN Drafting Assistant"
ZOOM_KEY = "page_zoom"  # in the settings' extra keys
Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class MainWindow(QMainWindow):
    """Reading view and drafts (centre); the corpus browser, search and preview tabbed in
    one column on the right, so a draft's page has the room of a printed page."""

    def __init__(
        self,
        corpus: Corpus,
        settings: AppSettings | None = None,
        recovery: RecoveryStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # The preview's render and a draft's first check pause while a turn of this
        # window runs (drafting_app.yielding): they shared the lock with it (issue 21 §6).
        step_aside()
        self.corpus = corpus
        self.settings = settings or load_settings()
        self.recovery = recovery or RecoveryStore()
        self.recovery.start()  # this window's snapshots are never offered to another
        self.setWindowTitle(APP_TITLE)
        fit_to_screen(self)
        self.reading = ReadingView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("centralTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.addTab(self.reading, "Corpus reading")
        self.tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        self.setCentralWidget(self.tabs)
        self.browser = CorpusBrowser(corpus, self)
        self.search = SearchPanel(corpus, self)
        self.preview = PreviewPanel(self)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.search_dock = self._dock("Search", "searchDock", self.search, right)
        self.corpus_dock = self._dock("Corpus", "corpusDock", self.browser, right)
        self.preview_dock = self._dock("Preview", "previewDock", self.preview, right)
        # One column of panels (as Word's task panes), not one each side: with a column
        # either side the page was cut to half its printed width at 1440 pixels.
        self.tabifyDockWidget(self.search_dock, self.corpus_dock)
        self.tabifyDockWidget(self.search_dock, self.preview_dock)
        self.preview_dock.visibilityChanged.connect(self.preview.set_in_front)
        self.corpus_dock.raise_()  # the documents first; the search a tab away (Ctrl+Shift+F)
        self.drafts = Drafts(self, self.tabs, self.settings, self.recovery)
        self.background = Background(corpus, self)
        # What a feature must finish before the window goes (the checks' memo write): run
        # once the drafts are closed, before the background work is waited for.
        self.closing_hooks: list[Callable[[], object]] = []
        self.corpus_actions = CorpusActions(self, corpus, self.background)
        self.corpus_actions.accept_drops(self.corpus_dock)
        self.recovery_offer = RecoveryOffer(self, self.recovery, self.drafts)
        self.exports = ExportActions(self, self.export_source)
        self.activity = QLabel(self)  # what the worker thread is doing, while it is
        self.activity.setObjectName("backgroundActivity")
        self.activity.hide()
        self.statusBar().addPermanentWidget(self.activity)
        self.word_count = WordCountLabel(self)  # the draft in front's, as Word shows it
        self.statusBar().addPermanentWidget(self.word_count)
        self.word_count.clicked.connect(self.show_word_count)
        self.corpus_size = QLabel(self)
        self.statusBar().addPermanentWidget(self.corpus_size)
        self._draft_actions: list[QAction] = []
        self._printing: PrintActions | None = None
        self.spelling: SpellingService | None = None
        self.spelling_dialog: SpellingDialog | None = None
        self._balanced = self._restored = restore_layout(self, self.settings)
        self.dialog_focus = DialogFocus(self, self._page_in_front)
        zoom = self.settings.extra.get(ZOOM_KEY)
        OPENING_ZOOM.zoom = float(zoom) if isinstance(zoom, int | float) else 1.0
        self._connect()
        self._build_menus()
        self._update_corpus_size()
        self._on_current_changed()

    def _connect(self) -> None:
        self.corpus_actions.changed.connect(self._corpus_changed)
        self.browser.selected.connect(self.show_paragraph)
        self.search.hit_activated.connect(self.reveal)
        self.search.searched.connect(
            lambda q, n: self.statusBar().showMessage(f"Search “{q}”: {n} paragraphs", 4000)
        )
        self.drafts.current_changed.connect(self._on_current_changed)
        self.drafts.current_changed.connect(self._attach_spelling)
        self.drafts.recent_changed.connect(self._fill_recent)
        self.drafts.message.connect(lambda m: self.statusBar().showMessage(m, 6000))
        self.exports.message.connect(lambda m: self.statusBar().showMessage(m, 10000))
        self.background.message.connect(lambda m: self.statusBar().showMessage(m, 10000))
        self.background.started.connect(self._show_activity)
        self.background.busy_changed.connect(lambda busy: self.activity.setVisible(busy))

    # -- layout ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for bar in self.findChildren(QTabBar):
            if bar.parent() is self:  # the tabs of the docks stacked in one column
                # Whole names, with scroll arrows when they do not fit ("Se…", "C…",
                # "Pr…" said nothing).
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)
        if not self._balanced:
            self._balanced = True
            # The centre (reading view, or outline + page + properties) gets three
            # quarters of the width: the page at its printed width on a 1440-pixel screen.
            self.resizeDocks(
                [self.search_dock], [max(260, int(self.width() * 0.23))], Qt.Orientation.Horizontal
            )

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
        shortcut: Shortcut,
        slot: Callable[[], object],
        *,
        draft: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(word_keys(shortcut))  # Word's key, then the platform's
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        if draft:
            self._draft_actions.append(action)
        return action

    def _on_editor(self, method: str) -> Callable[[], None]:
        def run() -> None:
            editor = self.current_editor()
            if editor is not None:
                getattr(editor, method)()

        return run

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_action = self._action(file_menu, "&New from Template…", keys.New, self.new_draft)
        open_action = self._action(file_menu, "&Open…", keys.Open, self.drafts.open_file)
        # One entry point for drafts and Word/PDF/text files; Ctrl+Shift+O was "Import".
        open_action.setShortcuts([*open_action.shortcuts(), QKeySequence("Ctrl+Shift+O")])
        open_action.setToolTip("Open a draft, or import a Word, PDF or text file")
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self._fill_recent()
        file_menu.addSeparator()
        self.save_action = self._action(file_menu, "&Save", keys.Save, self.drafts.save, draft=True)
        self._action(file_menu, "Save &As…", keys.SaveAs, self.drafts.save_as, draft=True)
        self._action(file_menu, "&Close Draft", "Ctrl+W", self.drafts.close_current, draft=True)
        file_menu.addSeparator()
        self.export_word_action = self._action(
            file_menu, "&Export as Word…", "Ctrl+E", self.exports.export_word
        )
        self.export_pdf_action = self._action(
            file_menu, "Export as &PDF…", "Ctrl+Shift+E", self.exports.export_pdf
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Print…", keys.Print, lambda: self.printing().preview())
        self._action(
            file_menu, "Print Without Pre&view…", "Ctrl+Alt+P", lambda: self.printing().print_now()
        )
        file_menu.addSeparator()
        # StandardKey.Quit is empty on some Linux desktops and on Windows.
        quit_action = self._action(file_menu, "&Quit", "Ctrl+Q", self.close)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = bar.addMenu("&Edit")
        self.undo_action = self.drafts.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(word_keys(keys.Undo))
        self.redo_action = self.drafts.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(word_keys(keys.Redo))  # Ctrl+Y as in Word, Ctrl+Shift+Z
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        # Word's Edit menu: they act on the page (its own cut and paste, which go through
        # the controller) or on the field that has the focus.
        self._action(edit, "Cu&t", keys.Cut, lambda: self._clipboard("cut"))
        self._action(edit, "&Copy", keys.Copy, lambda: self._clipboard("copy"))
        self._action(edit, "&Paste", keys.Paste, lambda: self._clipboard("paste"))
        self._action(edit, "Select &All", keys.SelectAll, lambda: self._clipboard("selectAll"))
        edit.addSeparator()
        self.find_action = self._action(edit, "&Find…", keys.Find, self.find_in_front)
        self._action(edit, "&Replace…", keys.Replace, self._on_draft("open_replace"), draft=True)
        self._action(edit, "Find &Next", keys.FindNext, self._on_draft("find_next"), draft=True)
        self._action(
            edit, "Find Pre&vious", keys.FindPrevious, self._on_draft("find_previous"), draft=True
        )

        para = bar.addMenu("&Paragraph")
        for text, key, method in (
            ("&New Paragraph", "Ctrl+Return", "new_paragraph"),
            ("&Delete Paragraph", "Ctrl+Shift+Delete", "delete_paragraph"),
            ("Move &Up", "Alt+Up", "move_up"),
            ("Move Do&wn", "Alt+Down", "move_down"),
            ("&Indent (Tab)", "Ctrl+]", "indent"),
            ("&Outdent (Shift+Tab)", "Ctrl+[", "outdent"),
            ("&Convert Preambular ⇄ Operative", "Ctrl+Shift+P", "convert"),
            ("&Italics", keys.Italic, "toggle_italics"),
            ("Edit &Masthead and Title", "Ctrl+Shift+M", "show_masthead"),
            ("Add A&nnex", "Ctrl+Alt+N", "add_annex"),
            ("Delete Anne&x", "Ctrl+Alt+Shift+N", "delete_annex"),
            ("Add &Heading", "Ctrl+Alt+H", "add_heading"),
            ("Delete Headin&g", "Ctrl+Alt+Shift+H", "delete_heading"),
        ):
            self._action(para, text, key, self._on_editor(method), draft=True)
        para.addSeparator()
        self.insert_corpus_action = self._action(
            para, "Insert Corpus Paragraph into Draft", "Ctrl+Shift+I", self.insert_from_corpus
        )
        para.addSeparator()
        self.convention_actions = build_conventions_menu(
            self,
            para,
            {"ladder": self.settings.ladder, "punctuation": self.settings.punctuation},
            self.set_convention,
        )

        view = bar.addMenu("&View")
        for dock, key in (
            (self.corpus_dock, "Ctrl+1"),
            (self.search_dock, "Ctrl+2"),
            (self.preview_dock, "Ctrl+3"),
        ):
            toggle = dock.toggleViewAction()
            toggle.setText(f"{dock.windowTitle()} Panel")
            toggle.setShortcut(QKeySequence(key))
            view.addAction(toggle)
        self._action(view, "Corpus &Reading", "Ctrl+Shift+0", self.show_reading)
        view.addSeparator()
        zoom_in = self._action(view, "Zoom &In", keys.ZoomIn, lambda: self.zoom(1))
        zoom_in.setShortcuts([*zoom_in.shortcuts(), QKeySequence("Ctrl+=")])
        self._action(view, "Zoom &Out", keys.ZoomOut, lambda: self.zoom(-1))
        self._action(view, "&Actual Size", "Ctrl+0", lambda: self.zoom(0))
        view.addSeparator()
        self._action(view, "&Full Screen", keys.FullScreen, self._toggle_full_screen)

        corpus = bar.addMenu("&Corpus")
        self.add_action = self._action(
            corpus, "&Add Documents…", "Ctrl+Shift+A", self.corpus_actions.add_documents
        )
        self.rebuild_action = self._action(
            corpus, "&Rebuild Index", "Ctrl+Shift+R", self.corpus_actions.rebuild_index
        )
        corpus.addSeparator()
        self._action(corpus, "&Search Corpus…", "Ctrl+Shift+F", self.focus_search)

        tools = bar.addMenu("&Tools")
        self._action(tools, "&Spelling…", "F7", self.check_spelling, draft=True)
        # Word's key, unless the platform gives it to Find Previous (Linux desktops do).
        count_key = QKeySequence("Ctrl+Shift+G")
        taken = count_key in QKeySequence.keyBindings(keys.FindPrevious)
        self.word_count_action = self._action(
            tools, "&Word Count…", None if taken else count_key, self.show_word_count, draft=True
        )

        self.references_menu = bar.addMenu("&References")  # the citation tools add theirs
        self._action(
            self.references_menu,
            "Insert &Footnote",
            "Ctrl+Alt+F",  # Word's key
            self._on_editor("add_footnote"),
            draft=True,
        )

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard Shortcuts", keys.HelpContents, self.show_shortcuts)
        about = self._action(help_menu, f"&About {APP_TITLE}", None, self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def printing(self) -> PrintActions:
        """File › Print: made on first use (the print support stays out of the start-up)."""
        if self._printing is None:
            from drafting_app.gui.files.printing import PrintActions

            self._printing = PrintActions(self, self.export_source)
            self._printing.message.connect(lambda m: self.statusBar().showMessage(m, 6000))
        return self._printing

    def find_in_front(self) -> None:
        """Edit › Find (Ctrl+F): in the draft in front, as in Word; in the corpus when the
        reading view is in front (the corpus search is also Corpus › Search, Ctrl+Shift+F)."""
        editor = self.current_editor()
        if editor is not None and self.tabs.currentWidget() is editor:
            editor.open_find()
        else:
            self.focus_search()

    def _on_draft(self, method: str) -> Callable[[], None]:
        """A draft command that needs the draft's tab in front."""

        def run() -> None:
            editor = self.current_editor()
            if editor is not None:
                self.tabs.setCurrentWidget(editor)
                getattr(editor, method)()

        return run

    def zoom(self, steps: int) -> None:
        """View › Zoom: the draft's page when a draft is in front, else the reading view."""
        editor = self.current_editor()
        if editor is not None and self.tabs.currentWidget() is editor:
            editor.page.zoom_by(steps)
        else:
            self.reading.zoom(steps)

    def set_convention(self, name: str, mode: FixMode) -> None:
        """Paragraph › Conventions › Verb Ladder / Closing Punctuation: Automatic, Suggest
        Only or Off, for every open draft, remembered in the settings."""
        self.convention_actions[name][mode].setChecked(True)
        setattr(self.settings, name, mode)
        for draft in self.drafts.open:
            draft.controller.set_mode(name, mode)
        try:
            save_settings(self.settings)
        except DraftingError as exc:
            self.statusBar().showMessage(str(exc), 6000)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for name in self.settings.recent_files:
            path = Path(name)
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.drafts.open_path(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def startup(self) -> None:
        """Show the window, then offer the drafts a crashed session left unsaved."""
        if not self._restored:
            # Docks added by the tools (clauses, agreed language) stack on the search; on
            # a first start the corpus browser is in front, not the last dock added.
            self.corpus_dock.raise_()
        self.show()
        if self.settings.notice:
            self.drafts.warn("Settings reset", self.settings.notice)
        self.recovery_offer.offer()

    # -- spelling ----------------------------------------------------------------------------
    def _attach_spelling(self) -> None:
        """Underline misspellings in the current draft's page; the dictionary is read on a
        worker thread the first time a draft is shown (never before the first paint)."""
        editor = self.current_editor()
        if editor is None:
            return
        from drafting_app.gui.document.spelling import SpellingService, SpellingUnderline

        if self.spelling is None:
            reopen = getattr(self.corpus, "reopen", None)
            self.spelling = SpellingService(reopen, self)
            self.spelling.message.connect(lambda m: self.statusBar().showMessage(m, 10000))
        if editor.page.findChild(SpellingUnderline) is None:
            SpellingUnderline(editor.page, self.spelling)

    def show_word_count(self) -> QMessageBox | None:
        """Tools › Word Count… (Ctrl+Shift+G as in Word, where the platform leaves it free)."""
        editor = self.current_editor()
        if editor is None:
            return None
        return show_word_count(self, editor.controller.doc)

    def check_spelling(self) -> None:
        """Tools › Spelling… (F7): walk through the draft's misspellings, as Word does."""
        editor = self.current_editor()
        if editor is None:
            return
        self._attach_spelling()
        assert self.spelling is not None
        if not self.spelling.is_ready:
            self.statusBar().showMessage("The spelling dictionary is still loading…", 4000)
            return
        from drafting_app.gui.document.spelling_dialog import SpellingDialog

        self.spelling_dialog = SpellingDialog(editor.page, self.spelling, self)
        self.spelling_dialog.show()

    # -- drafts ------------------------------------------------------------------------------
    def current_editor(self) -> DraftEditor | None:
        draft = self.drafts.current()
        return draft.editor if draft is not None else None

    def new_draft(self) -> None:
        """File › New from Template…: the template dialog, then a new draft tab."""
        from drafting_app.gui.files.template_dialog import TemplateDialog

        dialog = TemplateDialog(self)
        self.template_dialog = dialog
        dialog.accepted.connect(lambda: self.drafts.create_from_template(dialog.chosen()))
        dialog.open()

    def export_source(self) -> tuple[Document, Path, str] | None:
        """What File › Export writes: the current draft (suggested beside its file), else
        the corpus document in the reading tab."""
        draft = self.drafts.current()
        if draft is not None:
            controller = draft.controller
            controller.end_typing()
            folder = controller.path.parent if controller.path else Path(self.drafts.folder())
            return controller.doc, folder, controller.display_name()
        if self.tabs.currentWidget() is self.reading and self.reading.doc_id:
            try:
                doc = self.corpus.document(self.reading.doc_id)
            except DraftingError as exc:
                self.statusBar().showMessage(str(exc), 6000)
                return None
            return doc, Path(self.drafts.folder()), self.reading.title
        return None

    def insert_from_corpus(self) -> None:
        """Paragraph › Insert Corpus Paragraph: the paragraph shaded in the reading view
        (chosen in the browser or the search) goes into the draft, footnotes included."""
        draft = self.drafts.target()
        if draft is None:
            self.statusBar().showMessage("Open or create a draft first (Ctrl+N).", 6000)
            return
        if not (self.reading.doc_id and self.reading.paragraph_id):
            self.statusBar().showMessage(
                "Choose a corpus paragraph first: in the Corpus panel or the search results.",
                6000,
            )
            return
        try:
            source = self.corpus.document(self.reading.doc_id)
        except DraftingError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return
        self.tabs.setCurrentWidget(draft.editor)
        if draft.editor.insert_copy(source, self.reading.paragraph_id):
            self.statusBar().showMessage(f"Inserted from {self.reading.title}.", 6000)

    def _on_current_changed(self) -> None:
        self.insert_corpus_action.setEnabled(bool(self.drafts.open))
        draft = self.drafts.current()
        for action in self._draft_actions:
            action.setEnabled(draft is not None)
        self.word_count.follow(draft.editor if draft is not None else None)
        if draft is None:
            self.setWindowModified(False)
            self.setWindowTitle(self._reading_title())
            self.preview.follow(None)
            return
        controller = draft.controller
        name = title_for(controller.display_name(), draft.read_only)
        self.setWindowTitle(f"{name}[*] — {APP_TITLE}")
        self.setWindowModified(controller.modified)
        self.preview.follow(controller)

    def _reading_title(self) -> str:
        name = self.reading.title
        return f"{name} — {APP_TITLE}" if name else APP_TITLE

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.drafts.close_all():
            event.ignore()
            return
        waiting_outside_the_loop()  # the writes and workers joined below need not wait for it
        self.drafts.shutdown()  # the snapshot writes asked for are done before they go
        for hook in self.closing_hooks:
            hook()
        self.recovery.close()
        self.settings.extra[ZOOM_KEY] = OPENING_ZOOM.zoom  # the next start opens at it
        save_layout(self, self.settings)
        self.background.wait()  # a sync in progress commits; nothing else is started
        event.accept()

    # -- corpus ------------------------------------------------------------------------------
    def show_paragraph(self, doc_id: str, paragraph_id: str = "") -> None:
        """Show a corpus document in the reading view, shading ``paragraph_id``."""
        try:
            doc = self.corpus.document(doc_id)
        except DraftingError as exc:
            QMessageBox.warning(self, APP_TITLE, str(exc))
            return
        self.reading.show_document(doc_id, doc, paragraph_id)
        self.show_reading()

    def show_reading(self) -> None:
        self.tabs.setCurrentWidget(self.reading)
        self.setWindowTitle(self._reading_title())

    def reveal(self, doc_id: str, paragraph_id: str) -> None:
        """Jump to a paragraph: select it in the browser (which shows it) and read it."""
        self.corpus_dock.show()
        self.corpus_dock.raise_()
        if not self.browser.select(doc_id, paragraph_id):
            self.show_paragraph(doc_id, paragraph_id)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus_search()

    def _corpus_changed(self) -> None:
        self.browser.reload()
        self.reading.clear_document()
        self.search.corpus_changed()
        self._update_corpus_size()

    def _show_activity(self, name: str) -> None:
        self.activity.setText(f"{name}…")
        self.activity.show()

    def _update_corpus_size(self) -> None:
        n = self.browser.model.document_count()
        self.corpus_size.setText(f"Corpus: {n} document{'s' if n != 1 else ''}")

    # -- misc --------------------------------------------------------------------------------
    def _page_in_front(self) -> QWidget | None:
        """The page of the draft in front (where the keyboard goes back after a dialog)."""
        editor = self.current_editor()
        return editor.page if editor is not None and self.tabs.currentWidget() is editor else None

    def _clipboard(self, method: str) -> None:
        """Edit › Cut / Copy / Paste / Select All: on the page of the draft in front (its
        cut and paste are model edits), else on the focused field, else the reading view."""
        widget = QApplication.focusWidget()
        editor = self.current_editor()
        page = editor.page if editor is not None else None
        on_page = widget is page or not callable(getattr(widget, method, None))
        if page is not None and on_page and self.tabs.currentWidget() is editor:
            target = getattr(page.typing, method, None) or getattr(page, method)
            target()
            page.setFocus()
            return
        target = getattr(widget, method, None) if widget is not None else None
        (target if callable(target) else getattr(self.reading, method))()

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def shortcut_table(self) -> list[tuple[str, str]]:
        return shortcut_table(self.menuBar())

    def show_shortcuts(self) -> None:
        show_shortcuts(self, self.shortcut_table())

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<b>{APP_TITLE}</b> {__version__}<br/>Compose, check and export United Nations "
            "draft resolutions offline.<br/>The corpus and your drafts stay on this "
            "computer; nothing is sent over the network.",
        )
