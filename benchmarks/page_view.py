"""Latency of the document view (issue 18) on a long draft: opening it (the draft tab with
its page, outline and side panel, laid out and painted), one keystroke to repaint
(key event → model edit → undo stack → the one block redrawn → page painted), Return
(a split renumbers every paragraph after it), an undo, and a paste of 50 paragraphs.

The draft: the operative paragraphs of the Doha declaration (A/RES/80/5) repeated to
``--paragraphs`` top-level paragraphs (with their sub-paragraphs), ``--notes`` footnotes
marked at the ends of the first paragraphs. Runs offscreen by default; under Xvfb set
QT_QPA_PLATFORM=xcb and DISPLAY. With ``--window`` the draft is opened in the whole main
window (the corpus panels, the checks and footnotes panels, the word count and the
spelling underline listening to every edit, as a user has them) instead of the draft
editor alone.

    python -m benchmarks.page_view [--paragraphs 200] [--notes 100] [--keys 300] [--window]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DRAFTING_APP_HOME", tempfile.mkdtemp(prefix="bench-page-"))

from PySide6.QtCore import QMimeData, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.gui_editing import long_draft  # noqa: E402
from drafting_app.corpus.registry import Registry  # noqa: E402
from drafting_app.corpus.store import CorpusStore  # noqa: E402
from drafting_app.errors import DraftingError  # noqa: E402
from drafting_app.gui.citation_tools import install_citation_tools  # noqa: E402
from drafting_app.gui.document.document_controller import DocumentController  # noqa: E402
from drafting_app.gui.document.draft_editor import DraftEditor  # noqa: E402
from drafting_app.gui.main_window import MainWindow  # noqa: E402
from drafting_app.gui.revision_tools import install_revision_tools  # noqa: E402
from drafting_app.model.conventions import suggestions  # noqa: E402
from drafting_app.model.document import Anchor, Document, Footnote  # noqa: E402
from drafting_app.model.profiles import DEFAULT_PROFILE, profile  # noqa: E402


def noted_draft(paragraphs: int, notes: int) -> Document:
    doc = long_draft(paragraphs)
    for i, p in enumerate(doc.operative[:notes]):
        f = Footnote(f"See A/RES/80/{i + 1}, para. {i + 2}, and the *Official Records*.")
        doc.footnotes.append(f)
        p.anchors.append(Anchor(len(p.text), f.id))
    return kept_by_the_app(doc)


def kept_by_the_app(doc: Document) -> Document:
    """The draft as the app keeps it: the declaration's paragraphs, taken as operative
    paragraphs, end with ";" (the last with ".") and their verbs climb the ladder — the
    conventions a draft written in the app always has (else the first Return would fix
    all 200 endings at once, which no real draft asks for)."""
    body = profile(DEFAULT_PROFILE)
    for _ in range(3):
        fixes = suggestions(doc, body)
        if not fixes:
            break
        for fix in fixes:
            with contextlib.suppress(DraftingError):
                fix.apply(doc)
    return doc


def _time(action: Callable[[], object], app: QApplication, paint: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()
    paint()
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--notes", type=int, default=100)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--window", action="store_true", help="in the whole main window")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    doc = noted_draft(args.paragraphs, args.notes)
    holder: dict[str, DraftEditor] = {}
    window = _main_window(app) if args.window else None

    def open_draft() -> None:
        if window is not None:
            holder["editor"] = window.drafts.add(doc, None, None, None).editor
            return
        editor = DraftEditor(DocumentController(doc))
        editor.resize(1400, 900)
        editor.show()
        holder["editor"] = editor

    opening = _time(open_draft, app, lambda: None)
    editor = holder["editor"]
    if window is not None:
        _spelling_ready(window, app)
    page = editor.page
    page.viewport().repaint()
    controller = editor.controller

    def paint() -> None:
        page.viewport().repaint()  # synchronous: the keystroke is on screen

    middle = doc.operative[len(doc.operative) // 2]
    page.setFocus()
    page.set_caret(("p", middle.id), len(middle.text) // 2)
    page.ensureCursorVisible()
    rows: list[tuple[str, list[float]]] = [("open the draft (page, outline, panel)", [opening])]
    keys = [_time(lambda: QTest.keyClick(page, Qt.Key.Key_A), app, paint) for _ in range(args.keys)]
    rows.append(("keystroke to repaint", keys))
    backs = [_time(lambda: QTest.keyClick(page, Qt.Key.Key_Backspace), app, paint)
             for _ in range(50)]  # fmt: skip
    rows.append(("Backspace to repaint", backs))
    controller.end_typing()
    splits = [_time(lambda: QTest.keyClick(page, Qt.Key.Key_Return), app, paint)
              for _ in range(10)]  # fmt: skip
    rows.append(("Return (split, renumber after)", splits))
    undos = [_time(controller.stack.undo, app, paint) for _ in range(10)]
    rows.append(("undo a split", undos))
    lines = "\n".join(
        f"{i + 1}.\tRequests the Secretary-General to report on item {i}; " for i in range(50)
    )
    mime = QMimeData()
    mime.setText(lines)
    pastes = []
    for _ in range(5):
        pastes.append(_time(lambda: page.typing.paste(mime), app, paint))
        controller.stack.undo()
        app.processEvents()
    rows.append(("paste 50 paragraphs", pastes))
    total = sum(1 for _ in doc.all_paragraphs())
    where = "the main window" if window is not None else "the draft editor alone"
    print(
        f"draft: {len(doc.operative)} top-level paragraphs, {total} with sub-paragraphs, "
        f"{len(doc.footnotes)} footnotes; in {where}; platform {os.environ['QT_QPA_PLATFORM']}"
    )
    print(f"{'operation':40} {'runs':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for name, times in rows:
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        print(
            f"{name:40} {len(times):5d} {statistics.median(times):10.2f} {p95:8.2f} "
            f"{max(times):8.2f}"
        )
    if window is not None:
        window.drafts.close_all = lambda: True  # type: ignore[method-assign]
        window.close()
        window.background.wait()
    return 0


def _main_window(app: QApplication) -> MainWindow:
    """The window as the app builds it (an empty corpus in a fresh home), with the checks
    and footnotes panels and the revision tools."""
    store = CorpusStore.open(sync=False)
    window = MainWindow(store)
    window.resize(1440, 900)
    install_citation_tools(window, lambda: Registry.from_store(store))
    install_revision_tools(window)
    window.show()
    app.processEvents()
    return window


def _spelling_ready(window: MainWindow, app: QApplication) -> None:
    """Wait for the dictionary (read on a worker thread after the first paint) so that the
    keystrokes measured pay for the underline as a user's do."""
    deadline = time.perf_counter() + 60
    while (window.spelling is None or not window.spelling.is_ready) and (
        time.perf_counter() < deadline
    ):
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
