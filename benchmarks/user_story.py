"""The drafter's story at scale (issue 21 item 7), in the real window as one process:
start, add 20 PDFs, search for a phrase from one of them, open the clause picker on it.

    python -m benchmarks.user_story --home DIR [--pdfs 20]

``DIR`` holds the corpus (``DIR/corpus``) and its index, as :mod:`benchmarks.scale` left
them. The app is started as ``python -m drafting_app`` would start it (gui.app.run), offscreen;
once its start-up work is done the story goes on in the same process, each step timed, and
the process's peak resident memory (VmHWM) and its memory once settled are printed.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PDFS = ROOT / "tests" / "data" / "realdocs" / "pdf"
# A phrase of A/RES/73/8 (the Cuba embargo resolution of 2018), one of the PDFs added.
PHRASE = "freedom of international trade and navigation"


def make_pdfs(folder: Path, count: int) -> list[Path]:
    """``count`` distinct PDF files: the official UN PDFs of tests/data/realdocs/pdf, each
    copy with its own document information (another file to the corpus, the same text)."""
    from pypdf import PdfReader, PdfWriter

    folder.mkdir(parents=True, exist_ok=True)
    # The resolution holding PHRASE first: even two PDFs bring it.
    sources = sorted(PDFS.glob("*.pdf"), key=lambda p: (p.name != "A_RES_73_8-EN.pdf", p.name))
    out: list[Path] = []
    for i in range(count):
        src = sources[i % len(sources)]
        writer = PdfWriter(clone_from=PdfReader(src))
        # A new file each run (the time in its information): never "already in the corpus".
        writer.add_metadata({"/Title": f"{src.stem} copy {i}", "/Subject": f"{time.time_ns()}"})
        path = folder / f"{src.stem}-{i:02d}.pdf"
        with path.open("wb") as fh:
            writer.write(fh)
        out.append(path)
    return out


def _rss_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def story(pdfs: list[Path]) -> None:
    """Run the app; after its start-up work, the story (printed as ``step <name> <ms>``)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import drafting_app.gui.app as app_module

    original = app_module.trace_first_paint

    def traced(app, window, done, out=None, after=None):  # type: ignore[no-untyped-def]
        def go_on() -> None:
            print(f"start-up-work-done {time.monotonic_ns()}", flush=True)
            QTimer.singleShot(0, lambda: _guarded(app, window, pdfs))

        return original(app, window, go_on, out, after)

    app_module.trace_first_paint = traced
    os.environ["DRAFTING_APP_TRACE_STARTUP"] = "1"
    code = app_module.run([])
    assert isinstance(QApplication.instance(), QApplication)
    sys.exit(code)


def _wait(app, until, timeout: float = 600.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the step did not finish")
        app.processEvents()
        time.sleep(0.002)


def _guarded(app, window, pdfs: list[Path]) -> None:  # type: ignore[no-untyped-def]
    try:
        _steps(app, window, pdfs)
    except BaseException:  # the story failed: say why and end the process, never hang
        import traceback

        traceback.print_exc()
        app.exit(3)


def _steps(app, window, pdfs: list[Path]) -> None:  # type: ignore[no-untyped-def]
    actions = window.corpus_actions
    before = window.corpus.document_count()
    t = time.perf_counter()
    assert actions.add_paths(pdfs)
    _wait(app, lambda: not actions.importer.busy and not window.background.busy)
    added = window.corpus.document_count() - before
    print(f"step add-{len(pdfs)}-pdfs {(time.perf_counter() - t) * 1000:.0f} ({added} texts)")
    window.search.box.setText(PHRASE)
    t = time.perf_counter()
    window.search.run_search()
    found = window.search.model.rowCount()
    print(f"step search-phrase {(time.perf_counter() - t) * 1000:.1f} ({found} hits)")
    picker = window.picker
    t = time.perf_counter()
    picker.search.setText(PHRASE)
    picker.refresh()
    shown = picker.tree.topLevelItemCount()
    print(f"step picker-on-it {(time.perf_counter() - t) * 1000:.1f} ({shown} results)")
    assert found and shown, "the new text is not found"
    gc.collect()
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:  # settle: the event loop idles a moment
        app.processEvents()
        time.sleep(0.01)
    print(f"peak-rss-mb {_rss_kb('VmHWM') / 1024:.0f}")
    print(f"settled-rss-mb {_rss_kb('VmRSS') / 1024:.0f}")
    app.quit()


def measure(home: Path, count: int) -> dict[str, str]:
    """Run the story as its own process on ``home``; step → value."""
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = make_pdfs(Path(tmp), count)
        env = {
            **os.environ,
            "DRAFTING_APP_HOME": str(home),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
        }
        started = time.monotonic_ns()
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.user_story", "--run", *map(str, pdfs)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    out: dict[str, str] = {}
    for line in done.stdout.splitlines():
        if line.startswith(("first-paint ", "start-up-work-done ")):
            key, stamp = line.split()
            out[key] = f"{(int(stamp) - started) / 1e6:.0f} ms after the process started"
        elif line.startswith("step "):
            _, name, value = line.split(" ", 2)
            out[name] = value
        elif line.startswith(("peak-rss-mb ", "settled-rss-mb ")):
            key, value = line.split()
            out[key] = value
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path)
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--run", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run is not None:
        story([Path(p) for p in args.run])
        return 0
    if args.home is None:
        parser.error("--home DIR is needed (a corpus and its index)")
    for key, value in measure(args.home, args.pdfs).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
