"""Speed of the checks and footnotes panels after an edit: the 200-paragraph, 100-footnote
draft of benchmarks/check_speed.py open in the real window (offscreen), a keystroke's edit
applied through the controller, then the debounced work the panels do — checks plus the
findings list rebuilt and laid out, footnotes re-rendered with Ibid. and listed. This runs
off the typing path (300 ms after the last change), but a run still blocks the window while
it lasts, so it should stay well under a frame budget of ~50 ms.

    python -m benchmarks.checks_panel [--n 2000] [--runs 30] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DRAFTING_APP_HOME", tempfile.mkdtemp(prefix="bench-home-"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.check_speed import build_draft, synthetic_corpus  # noqa: E402
from drafting_app.corpus.registry import Registry  # noqa: E402
from drafting_app.corpus.store import CorpusStore  # noqa: E402
from drafting_app.gui.citation_tools import install_citation_tools  # noqa: E402
from drafting_app.gui.main_window import MainWindow  # noqa: E402
from drafting_app.model.text_edits import SetText  # noqa: E402


def _timed(action: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        QApplication.processEvents()
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    registry = Registry.from_documents(synthetic_corpus(args.n, args.seed))
    with CorpusStore.open() as store:
        window = MainWindow(store)
        window.resize(1400, 900)
        tools = install_citation_tools(window, lambda: registry)
        window.show()
        draft = window.drafts.add(build_draft(args.seed + 1), None, None, None)
        app.processEvents()
        controller = draft.controller
        p = controller.doc.operative[3]

        def keystroke() -> None:
            controller.type_text(SetText(p.id, p.text + "x", p.italics, p.anchors))

        typing = _timed(keystroke, args.runs)
        checks = _timed(tools.checks.run_now, args.runs)

        def rebuild() -> None:
            tools.checks._shown = []  # as after an edit that changes what is found
            tools.checks.run_now()

        rebuilt = _timed(rebuild, args.runs)
        notes = _timed(tools.footnotes.refresh, args.runs)
        print(
            f"draft: {sum(1 for _ in controller.doc.all_paragraphs())} paragraphs, "
            f"{len(controller.doc.footnotes)} footnotes, {len(tools.checks.findings)} findings; "
            f"registry of {args.n} synthetic documents"
        )
        print(f"{'step':<44} {'runs':>5} {'median ms':>10} {'max ms':>8}")
        for name, series in (
            ("keystroke (panels only scheduled)", typing),
            ("checks panel: run, same findings (typing)", checks),
            ("checks panel: run + list rebuilt", rebuilt),
            ("footnotes panel: render + list rebuilt", notes),
        ):
            median = statistics.median(series)
            print(f"{name:<44} {len(series):>5} {median:>10.2f} {series[-1]:>8.2f}")
        window.drafts.close_all = lambda: True  # type: ignore[method-assign]
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
