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

With ``--stall`` (issue 21 item 6) a saved draft of ``--paragraphs`` paragraphs (sub-
paragraphs counted) and ``--notes`` footnotes recombined from the synthetic corpus
(benchmarks/check_speed.py) is opened with File › Open in the whole window as the app
builds it (checks, footnotes, revision and negotiation tools), the spelling dictionary
read; a timer asks the event loop for a turn every 5 ms (StallMeter) from the open until
everything the open set going is done — the page, the outline, the footnotes panel, the
spelling underline, the checks and (``--preview``) the preview in front — and for a
second after. Printed per run: the first paint of the opened draft's page (its tab comes
two turns after File › Open returns: the editor, its side panels, then the tab), the
longest stall with the window thread's CPU in it and its time ready to run without a core
(other processes had both: what a loaded machine adds; the rest of the stall is waiting,
for the interpreter lock above all), when each part was done, the total. Between its
looks the benchmark waits for events as ``app.exec()`` does (the window's loop then says
it is idle, which the workers' gate of drafting_app.yielding listens to).

    python -m benchmarks.page_view [--paragraphs 200] [--notes 100] [--keys 300] [--window]
    python -m benchmarks.page_view --stall [--paragraphs 800] [--notes 400] [--runs 3]
        [--preview] [--profile] [--switch-5ms]
    python -m benchmarks.page_view --at-start [--paragraphs 800] [--notes 400] [--runs 3]

With ``--at-start`` the same saved draft is given to ``drafting-app FILE`` as a whole
process (the window started with it): the longest stall after the first paint until the
draft has settled and the start-up work is done, the process time, its CPU and peak RSS;
and the window started without it, for comparison.
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

from PySide6.QtCore import QEvent, QEventLoop, QMimeData, QObject, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from benchmarks.gui_editing import long_draft  # noqa: E402
from drafting_app.corpus.registry import Registry  # noqa: E402
from drafting_app.corpus.store import CorpusStore  # noqa: E402
from drafting_app.errors import DraftingError  # noqa: E402
from drafting_app.gui.citation_tools import CitationTools, install_citation_tools  # noqa: E402
from drafting_app.gui.document.document_controller import DocumentController  # noqa: E402
from drafting_app.gui.document.draft_editor import DraftEditor  # noqa: E402
from drafting_app.gui.main_window import MainWindow  # noqa: E402
from drafting_app.gui.revision_tools import install_revision_tools  # noqa: E402
from drafting_app.gui.startup_trace import StallMeter  # noqa: E402
from drafting_app.model.conventions import suggestions  # noqa: E402
from drafting_app.model.document import Anchor, Document, Footnote, Part  # noqa: E402
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
    parser.add_argument("--stall", action="store_true", help="the stalls of opening a draft")
    parser.add_argument("--runs", type=int, default=3, help="opens measured (--stall)")
    parser.add_argument("--seed", type=int, default=1, help="the draft recombined (--stall)")
    parser.add_argument("--preview", action="store_true", help="the preview in front (--stall)")
    parser.add_argument("--profile", action="store_true", help="cProfile the last open (--stall)")
    parser.add_argument(
        "--at-start", action="store_true", help="drafting-app FILE as a whole process"
    )
    parser.add_argument(
        "--switch-5ms", action="store_true", help="Python's default switch interval (--stall)"
    )
    args = parser.parse_args(argv)
    if args.at_start:
        return at_start(args)
    if args.stall:
        return open_stalls(args)
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


def open_stalls(args: argparse.Namespace) -> int:
    """Open a saved long draft in the whole window, ``--runs`` times (closed in between);
    one row per open."""
    import cProfile
    import pstats

    from benchmarks.check_speed import build_draft
    from drafting_app.gui.app import (
        freeze_the_start,
        share_interpreter_lock,
        warm_up_after_start,
    )
    from drafting_app.gui.corpus.registry_cache import RegistryCache
    from drafting_app.gui.negotiation_tools import install_negotiation_tools
    from drafting_app.storage.project import save_project

    if not args.switch_5ms:
        share_interpreter_lock()  # as drafting_app.gui.app.run does
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    doc = build_draft(args.seed, args.paragraphs, args.notes)
    path = Path(os.environ["DRAFTING_APP_HOME"]) / "long-draft.unres.json"
    save_project(doc, path)
    store = CorpusStore.open(sync=False)
    window = MainWindow(store)
    window.resize(1440, 900)
    registries = RegistryCache(store, window.background, window)
    tools = install_citation_tools(window, registries.get, registries)
    install_revision_tools(window)
    install_negotiation_tools(window)
    freeze_the_start(app, window)  # as drafting_app.gui.app.run does
    warm_up_after_start(app, window)
    if args.preview:
        window.preview_dock.raise_()
    window.show()
    app.processEvents()
    total = sum(1 for _ in doc.all_paragraphs())
    print(
        f"draft: {total} paragraphs (sub-paragraphs counted), {len(doc.footnotes)} footnotes, "
        f"opened from a saved file in the whole window; preview "
        f"{'in front' if args.preview else 'a tab behind'}; switch interval "
        f"{sys.getswitchinterval() * 1000:g} ms; platform "
        f"{os.environ['QT_QPA_PLATFORM']}; load average {os.getloadavg()[0]:.1f}"
    )
    parts = ("page", "outline", "footnotes", "spelling", "checks", "preview")
    print(f"{'run':>4} {'first paint ms':>15} {'longest stall ms':>17} {'(cpu ms)':>9} "
          f"{'(no core ms)':>13}"
          + "".join(f"{p + ' ms':>13}" for p in parts) + f"{'total ms':>10}")  # fmt: skip
    stalls: list[float] = []
    cpus: list[float] = []
    paints: list[float] = []
    totals: list[float] = []
    profiler = cProfile.Profile() if args.profile else None
    for run in range(1, args.runs + 1):
        painted: list[float] = []
        meter = _CpuStallMeter(window)
        start = time.perf_counter()
        hook = _FirstPagePaint(painted)
        app.installEventFilter(hook)
        meter.start()
        if profiler is not None and run == args.runs:
            profiler.enable()
        draft = window.drafts.open_path(path)
        assert draft is not None
        editor = draft.editor
        done: dict[str, float] = {}
        checks = _parts_done(editor, tools, window, args.preview)
        deadline = start + 120
        while len(done) < len(parts) and time.perf_counter() < deadline:
            # Waits for the next event as app.exec() does (the stall meter's 5-ms timer
            # wakes it at least that often): a loop that polls and sleeps never tells the
            # event dispatcher it is idle (aboutToBlock, drafting_app.yielding).
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            now = (time.perf_counter() - start) * 1000
            for name, ready in zip(parts, checks, strict=True):
                if name not in done and painted and ready():
                    done[name] = now
        total_ms = (time.perf_counter() - start) * 1000
        settle = time.perf_counter() + 1.0  # anything scheduled after counts too
        while time.perf_counter() < settle:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        if profiler is not None and run == args.runs:
            profiler.disable()
        meter.stop()
        app.removeEventFilter(hook)
        first = (painted[0] - start) * 1000 if painted else float("nan")
        stalls.append(meter.longest_ms)
        paints.append(first)
        totals.append(total_ms)
        cpus.append(meter.longest_cpu_ms)
        print(f"{run:>4} {first:15.1f} {meter.longest_ms:17.1f} {meter.longest_cpu_ms:9.1f}"
              f"{meter.longest_queued_ms:13.1f}"
              + "".join(f"{done.get(p, float('nan')):13.1f}" for p in parts)
              + f"{total_ms:10.1f}", flush=True)  # fmt: skip
        draft.controller.stack.setClean()
        window.drafts.close(draft)
        app.processEvents()
    if len(stalls) > 1:
        warm = stalls[1:]
        print(f"warm opens (runs 2–{args.runs}): median first paint "
              f"{statistics.median(paints[1:]):.1f} ms, median longest stall "
              f"{statistics.median(warm):.1f} ms (target ≤ 50 ms; CPU of the thread in it "
              f"{statistics.median(cpus[1:]):.1f} ms), worst {max(warm):.1f} ms, "
              f"median total {statistics.median(totals[1:]):.1f} ms")  # fmt: skip
    if profiler is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(45)
        # The open's turns: the editor and its page's first screen (add), its side panels
        # (finish), its tab shown in front (show_now), the tab's change (_on_tab).
        stats.print_callees(r"\(add\)|\(finish\)|\(show_now\)|\(_on_tab\)")
    window.drafts.close_all = lambda: True  # type: ignore[method-assign]
    window.close()
    window.background.wait()
    store.close()
    return 0


def at_start(args: argparse.Namespace) -> int:
    """``drafting-app FILE`` (the draft of ``--stall`` saved, given on the command line) as
    a whole process, ``--runs`` times, and the window started without it: the start-up
    trace (DRAFTING_APP_TRACE_STARTUP) prints the first paint, then the longest event-loop
    stall after it until the opened draft has settled (page written and restyled, checks
    shown, dictionary read, corpus terms mined) and the start-up jobs are done; the
    process then quits."""
    import resource

    from benchmarks.check_speed import build_draft
    from benchmarks.measure import run_to_stamp
    from drafting_app.storage.project import save_project

    home = Path(tempfile.mkdtemp(prefix="bench-at-start-"))
    path = home / "long-draft.unres.json"
    doc = build_draft(args.seed, args.paragraphs, args.notes)
    save_project(doc, path)
    env = {**os.environ, "DRAFTING_APP_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.update(DRAFTING_APP_TRACE_STARTUP="1", QT_QPA_PLATFORM="offscreen")
    total = sum(1 for _ in doc.all_paragraphs())
    print(f"drafting-app FILE: {total} paragraphs (sub-paragraphs counted), "
          f"{len(doc.footnotes)} footnotes; platform offscreen; load average "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"{'start':22} {'run':>4} {'first paint ms':>15} {'longest stall ms':>17} "
          f"{'process ms':>11} {'cpu ms':>8} {'peak RSS MB':>12}")  # fmt: skip
    for label, extra in (("no draft", []), ("with the long draft", [str(path)])):
        stalls: list[float] = []
        for run in range(1, args.runs + 1):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            r = run_to_stamp([sys.executable, "-m", "drafting_app", *extra], "first-paint",
                             env, ROOT)  # fmt: skip
            wall = (time.perf_counter() - start) * 1000
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
            stall = r.longest_stall_ms or 0.0
            stalls.append(stall)
            print(f"{label:22} {run:>4} {r.to_stamp_ms:15.1f} {stall:17.1f} {wall:11.1f} "
                  f"{cpu:8.0f} {r.peak_rss_mb:12.0f}", flush=True)  # fmt: skip
        print(f"{label}: median longest stall {statistics.median(stalls):.1f} ms "
              f"(target ≤ 50 ms), worst {max(stalls):.1f} ms")  # fmt: skip
    return 0


def _parts_done(
    editor: DraftEditor, tools: CitationTools, window: MainWindow, preview: bool
) -> list[Callable[[], bool]]:
    """Is it done yet, for each part the open sets going (page, outline, footnotes panel,
    spelling underline, checks, preview)."""
    page = editor.page
    return [
        lambda: not _page_building(page),
        lambda: editor.outline.isExpanded(editor.model.group_index(Part.OPERATIVE)),
        lambda: tools.footnotes.controller is editor.controller,
        lambda: (
            window.spelling is not None
            and window.spelling.is_ready
            and "spelling" in page.decorations._sources
            and not _page_restyling(page)
        ),
        lambda: tools.checks.checked_for is editor.controller and not tools.checks.stale,
        lambda: not preview or (not window.preview._stale and not _preview_building(window)),
    ]


def _page_building(page: object) -> bool:
    return bool(getattr(page, "building", False))


def _preview_building(window: MainWindow) -> bool:
    return bool(getattr(window.preview, "building", False))  # its slices still to lay out


def _page_restyling(page: object) -> bool:
    return bool(getattr(page, "restyling", False))


class _CpuStallMeter(StallMeter):
    """StallMeter, and in the longest stall: this thread's CPU time, and (Linux) the time
    it was ready to run but had no core ("no core": other processes had both — what a
    loaded machine adds; the rest of the stall beyond CPU and no core is the thread
    waiting, for the interpreter lock above all)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._cpu = 0.0
        self._queued = 0.0
        self.longest_cpu_ms = 0.0
        self.longest_queued_ms = float("nan")

    def start(self) -> None:
        self._cpu = time.thread_time()
        self._queued = _queued_s()
        super().start()

    def _tick(self) -> None:
        now, queued = time.thread_time(), _queued_s()
        gap = (time.perf_counter() - self._last) * 1000
        if gap > self.longest_ms:  # the longest stall so far: what it was made of
            self.longest_cpu_ms = (now - self._cpu) * 1000
            self.longest_queued_ms = (queued - self._queued) * 1000
        self._cpu, self._queued = now, queued
        super()._tick()


def _queued_s() -> float:
    """Seconds this thread has waited on a run queue (/proc/thread-self/schedstat; NaN
    elsewhere)."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return float("nan")


class _FirstPagePaint(QObject):
    """Notes the moment the page of a newly opened draft first paints."""

    def __init__(self, painted: list[float]) -> None:
        super().__init__()
        self.painted = painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.objectName() == "qt_scrollarea_viewport"
            and watched.parent() is not None
            and watched.parent().objectName() == "documentView"
        ):
            self.painted.append(time.perf_counter())
        return False


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
