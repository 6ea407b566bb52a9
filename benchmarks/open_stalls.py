"""The longest event-loop stall while File › Open reads a file (issue 22 §5).

    QT_QPA_PLATFORM=offscreen python benchmarks/open_stalls.py [--runs 3]

The real window offscreen; a timer asks the event loop for a turn every 5 ms
(drafting_app.gui.startup_trace.StallMeter) while ``Drafts.open_path`` has the file read
in the reading process, and the longest gap is what the drafter would see frozen. Files:
the 60-page UNFCCC report volume (.docx: the import report is shown), an issued GA
resolution PDF, a text and two hostile files at the readers' limits (refused). Two stalls
per file: while the file is read (the reading process at work, the window waiting for its
answer: target ≤ 100 ms), and over the whole open, which adds what the window does on its
own thread once the text is read — the draft's editor and preview built (gui/document).
The first run of each file also pays the start of the reading process where it had none.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="stalls-"))
    os.environ["DRAFTING_APP_HOME"] = str(home)
    from PySide6.QtWidgets import QApplication

    import drafting_app.gui.files.drafts as drafts_module
    import drafting_app.gui.files.word_import as word_import_module
    from drafting_app.corpus.store import CorpusStore
    from drafting_app.gui.main_window import MainWindow
    from drafting_app.gui.startup_trace import StallMeter
    from tests.reliability.hostile_inputs import CASES

    real = ROOT / "tests" / "data" / "realdocs"
    files = {
        "UN report volume (.docx, 60 pages)": real / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx",
        "GA resolution (.pdf, 10 pages)": real / "pdf" / "A_RES_73_3-EN.pdf",
        "GA resolution (.txt)": real / "ga" / "A-RES-80-5_doha-social-summit-declaration-2025.txt",
    }
    hostile = {
        "hostile: 700,000 empty paragraphs (.docx)": "docx: 700,000 empty paragraphs",
        "hostile: 400 pages of 29,000 operations (.pdf)": "pdf: 400 pages of 29,000 operations",
    }
    for name, key in hostile.items():
        path = home / ("h.docx" if key.startswith("docx") else "h.pdf")
        path.write_bytes(CASES[key].make())
        files[name] = path
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = CorpusStore.open(sync=False)
    window = MainWindow(store)
    window.resize(1400, 900)
    window.show()
    reading_stalls: list[float] = []
    real_read = drafts_module.read_in_worker

    def measured_read(*a: object, **k: object) -> object:
        meter = StallMeter(window)
        meter.start()
        try:
            return real_read(*a, **k)  # type: ignore[arg-type]
        finally:
            meter.stop()
            reading_stalls.append(meter.longest_ms)

    drafts_module.read_in_worker = measured_read  # type: ignore[assignment]
    word_import_module.read_in_worker = measured_read  # type: ignore[assignment]
    print(f"{'file':<48}{'runs':>5}{'open s':>8}{'stall reading ms':>18}{'stall whole ms':>16}")
    worst = 0.0
    for name, path in files.items():
        stalls, times = [], []
        reading_stalls.clear()
        for _ in range(args.runs):
            meter = StallMeter(window)
            meter.start()
            t0 = time.monotonic()
            window.drafts.open_path(path)
            times.append(time.monotonic() - t0)
            meter.stop()
            stalls.append(meter.longest_ms)
            for d in list(window.drafts.open):
                d.controller.stack.setClean()
                window.drafts.close(d)
            dialog = window.drafts.word_import.dialog
            if dialog is not None:
                with contextlib.suppress(RuntimeError):  # deleted when closed
                    dialog.reject()
            box = window.drafts.last_warning
            if box is not None:
                box.accept()
            app.processEvents()
        worst = max(worst, statistics.median(reading_stalls))
        print(f"{name:<48}{args.runs:>5}{statistics.median(times):>8.2f}"
              f"{statistics.median(reading_stalls):>18.1f}{statistics.median(stalls):>16.1f}",
              flush=True)  # fmt: skip
    store.close()
    print(f"worst median stall while reading {worst:.1f} ms (target ≤ 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
