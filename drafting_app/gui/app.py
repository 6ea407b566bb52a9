"""The composition root: the Qt application, the corpus store, the main window.

The only place that knows the concrete corpus class; the window only sees the
:class:`~drafting_app.gui.corpus.corpus_port.Corpus` protocol.
"""

from __future__ import annotations

import gc
import importlib
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from drafting_app.errors import DraftingError
from drafting_app.gui.common.fonts import times_family
from drafting_app.gui.files.drafts import IMPORTED_SUFFIXES
from drafting_app.gui.main_window import APP_TITLE, MainWindow
from drafting_app.gui.picker_wiring import install_picker, load_picker
from drafting_app.gui.startup_trace import on_first_paint, trace_first_paint
from drafting_app.storage.project import SUFFIX
from drafting_app.yielding import aside, checkpoint

if TYPE_CHECKING:
    from drafting_app.gui.citation_tools import CitationTools

# How long a thread holding Python's interpreter lock keeps it once another thread asks
# for it (Python's default: 5 ms). Each Qt call of the window's thread that lets go of the
# lock (PySide does, around C++ calls) hands it to a busy worker — the spelling dictionary
# being read, a draft's first check, a corpus sync — and the window's thread then waited
# up to 5 ms to get it back: a page slice of ~10 ms of work took 150 ms while the
# dictionary was read (the first open of a long draft, issue 21 item 6). At 1 ms it waited
# up to 1 ms per hand-over, and a turn of the open makes dozens: opening the 800-paragraph
# draft with the preview in front, the longest stall was 47-60 ms (median of 5 opens, three
# rounds), at 0.25 ms 40-50 ms, the work's total time the same (benchmarks.page_view).
# Busy threads switch more often; the workers' throughput did not change measurably.
SWITCH_INTERVAL_S = 0.00025
SETTLE_TIMEOUT_S = 120.0  # the start-up trace waits this long at most for the drafts


def share_interpreter_lock() -> None:
    """The window's thread gets the interpreter lock back within ~0.25 ms of asking."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


# What the first open of a draft imports: its spelling underline, the Word-file test of
# File › Open, the checks and the corpus registry they read. Imported on the window's
# thread they made the first open's turn ~10 ms longer than any later open, and the
# checks' 30 ms came with the first check (issue 21 item 6); they are imported on a
# thread of their own once the start-up work is done.
WARM_MODULES = (
    "drafting_app.gui.document.spelling",
    "drafting_app.gui.files.word_import",
    "drafting_app.corpus.stored_registry",
    "drafting_app.checks.profile",
    "drafting_app.checks.runner",
    "drafting_app.checks.memo",  # the first check's memo (7 ms to import, its turn's)
    # The preview's exporter and jinja2 (60 ms of imports, unmarshalling with the lock
    # held): imported by the preview's worker of the first long draft, they kept the
    # window from its turns for 25-50 ms at a time (issue 21 item 6).
    "drafting_app.export.html",
    "jinja2.sandbox",
    # The page's paste splitter (37 ms): no longer imported with the draft editor.
    "drafting_app.corpus.readers.paste",
)


def freeze_the_start(app: QApplication, window: MainWindow) -> None:
    """At the first paint, put what the start made out of the collector's sight.

    It (modules, the window, its widgets) lives as long as the app: out of the collector's
    sight, as the registry is (drafting_app.collector), each full collection no longer
    walks it — 12 ms with the interpreter lock held, a stall of the window, every few
    hundred thousand allocations (opening a long draft, a sync of a large corpus). One
    function for the app and its benchmarks: benchmarks.page_view did not freeze, and its
    first open of a long draft had the start's 60,000 objects in every full pass (17-37 ms
    each, issue 21 item 6)."""
    on_first_paint(app, window, lambda _ns: gc.freeze())


def warm_up_after_start(app: QApplication, window: MainWindow) -> None:
    """Once ``window`` has painted and its start-up jobs are done, import
    :data:`WARM_MODULES` on a worker thread."""
    on_first_paint(app, window, lambda _ns: window.background.when_idle(_start_warm_up))


def _start_warm_up() -> None:
    # Each module imported while the window waits for events: an import holds the
    # interpreter lock while it unmarshals, and one begun in a turn of the window held it
    # up (gaps of 40-85 ms at `drafting-app FILE` on a loaded machine, issue 21 §6).
    threading.Thread(target=aside(_warm_up), name="warm-up", daemon=True).start()


def _warm_up() -> None:
    for name in WARM_MODULES:
        checkpoint()
        importlib.import_module(name)


def _application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else "drafting-app", *argv])
    app.setApplicationName("drafting-app")
    app.setApplicationDisplayName(APP_TITLE)
    times_family()  # before the first page is laid out in it
    return app


def open_drafts(window: MainWindow, argv: list[str]) -> list[str]:
    """``drafting-app DRAFT.unres.json …`` (also with ``--gui``): open the drafts named on
    the command line; a Word, PDF or text file named there is imported as a new draft, as
    File › Open does. Returns what could not be opened, each with its reason (also shown
    in the status bar and written to stderr)."""
    problems: list[str] = []
    for arg in argv:
        if arg.startswith("-"):
            continue
        path = Path(arg)
        known = arg.lower().endswith(SUFFIX) or path.suffix.lower() in (
            *IMPORTED_SUFFIXES,
            ".docx",
        )
        if not path.is_file():
            problems.append(f"{arg} was not opened: there is no such file.")
        elif not known:
            problems.append(
                f"{path.name} was not opened: drafts ({SUFFIX}) and .docx, .pdf, .txt and "
                ".md files open here."
            )
        else:
            window.drafts.open_path(path)
    for problem in problems:
        print(f"drafting-app: {problem}", file=sys.stderr)
    if problems:
        window.statusBar().showMessage(" ".join(problems), 15000)
    return problems


def drafts_settled(window: MainWindow, tools: CitationTools) -> bool:
    """Whether what opening the drafts set going is done: every page written and
    restyled, the checks of the draft in front shown, the dictionary read and the corpus's
    terms mined."""
    for draft in window.drafts.open:
        if draft.editor.page.building or draft.editor.page.restyling:
            return False
    checks = tools.checks
    if checks.controller is not None and (checks.stale or checks.checked_for is None):
        return False
    spelling = window.spelling
    return spelling is None or (spelling.is_ready and spelling.wait(0))


def when_settled(
    window: MainWindow,
    tools: CitationTools,
    callback: Callable[[], object],
    opening: Callable[[], bool] = lambda: False,
) -> None:
    """``callback()`` once the drafts opened at the start (``opening()`` while they are
    still being read) have settled — at once without any: the start-up trace of
    ``drafting-app FILE`` counts the stalls until then. Two looks in a row, 10 ms apart
    (a worker's last signal queues one more restyle)."""
    if not window.drafts.open and not opening():
        callback()
        return
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    seen = [False]

    def look() -> None:
        now = not opening() and drafts_settled(window, tools)
        if (now and seen[0]) or time.monotonic() > deadline:
            callback()
            return
        seen[0] = now
        QTimer.singleShot(10, window, look)

    look()


class FileOpenEvents(QObject):
    """macOS sends the file of a double-click (or a drop on the Dock icon) as an event,
    not as an argument: it is opened like one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            open_drafts(self.window, [event.file()])
            return True
        return super().eventFilter(watched, event)


def run(argv: list[str]) -> int:
    """Start the window; returns the process exit code."""
    share_interpreter_lock()
    app = _application(argv)
    from drafting_app.corpus.store import CorpusStore
    from drafting_app.gui.citation_tools import install_citation_tools
    from drafting_app.gui.corpus.registry_cache import RegistryCache
    from drafting_app.gui.negotiation_tools import install_negotiation_tools
    from drafting_app.gui.revision_tools import install_revision_tools

    try:
        # The files are compared with the index after the window first paints: a scan of
        # a large corpus must not delay the window.
        store = CorpusStore.open(sync=False)
    except DraftingError as exc:
        QMessageBox.critical(None, APP_TITLE, f"The corpus could not be opened.\n\n{exc}")
        return 2
    window: MainWindow | None = None
    try:
        window = MainWindow(store)
        # One registry for the picker and the citation tools, dropped when the corpus
        # changes (connected first, so the others rebuild from a fresh one).
        registries = RegistryCache(store, window.background, window)
        window.corpus_actions.changed.connect(registries.invalidate)
        tools = install_citation_tools(window, registries.get, registries)
        install_revision_tools(window)
        install_negotiation_tools(window)
        background = window.background
        picker = install_picker(window, store, load_now=False, background=background)
        window.corpus_actions.changed.connect(lambda: setattr(picker, "registry", None))
        freeze_the_start(app, window)
        # After the first paint, on a worker thread: the sync with the corpus folders, then
        # the clause index (checked against the corpus listing, mined again if it changed).
        on_first_paint(app, window, lambda _ns: window.corpus_actions.start_up())
        on_first_paint(
            app, window, lambda _ns: load_picker(picker, store, registries.get, background)
        )
        warm_up_after_start(app, window)
        trace_first_paint(
            app,
            window,
            app.quit,
            after=lambda done: background.when_idle(
                lambda: when_settled(window, tools, done, lambda: bool(opening))
            ),
        )
        window.startup()
        if sys.platform == "darwin":
            # An application-wide filter sees every event of every widget: a Python call
            # for each paint, key and timer, each waiting for the interpreter lock while a
            # worker thread holds it. Only macOS sends files as events.
            app.installEventFilter(FileOpenEvents(window))
        opening = [arg for arg in argv if not arg.startswith("-")]
        open_drafts(window, argv)
        opening.clear()
        return app.exec()
    finally:
        if window is not None:
            window.background.wait()  # a worker must not outlive the window
        store.close()
