"""Latency of the draft editor on a long text: one keystroke in the paragraph editor (edit,
undo stack, outline row, opener italics), the end of a typing burst (verb ladder), a move
with Alt+Down (edit + ladder + punctuation + outline rebuild), an undo, and one refresh of
the live preview. Offscreen Qt, real widgets.

The draft is a synthetic one: the operative paragraphs of the Doha declaration (A/RES/80/5,
44 paragraphs, 122 sub-paragraphs) repeated to ``--paragraphs`` top-level paragraphs.

    python -m benchmarks.gui_editing [--paragraphs 200] [--keys 300]
"""

from __future__ import annotations

import argparse
import copy
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
os.environ.setdefault("DRAFTING_APP_HOME", tempfile.mkdtemp(prefix="bench-gui-"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from drafting_app.corpus.readers import read_document  # noqa: E402
from drafting_app.gui.document.document_controller import DocumentController  # noqa: E402
from drafting_app.gui.document.draft_editor import DraftEditor  # noqa: E402
from drafting_app.gui.document.preview import PreviewPanel  # noqa: E402
from drafting_app.model.document import Document, Paragraph  # noqa: E402
from drafting_app.model.ids import new_id  # noqa: E402

SOURCE = (
    ROOT
    / "tests"
    / "data"
    / "realdocs"
    / "ga"
    / "A-RES-80-5_doha-social-summit-declaration-2025.txt"
)


def _fresh(p: Paragraph) -> Paragraph:
    q = copy.deepcopy(p)
    for r in q.walk():
        r.id = new_id("p")
        r.anchors = []
    return q


def long_draft(paragraphs: int) -> Document:
    src = read_document(SOURCE)
    pool = [p for a in src.annexes for p in a.paragraphs()] or src.operative
    doc = Document(title=src.title, authoring_body="The General Assembly,")
    doc.operative = [_fresh(pool[i % len(pool)]) for i in range(paragraphs)]
    return doc


def _time(action: Callable[[], object], app: QApplication) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--keys", type=int, default=300)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    doc = long_draft(args.paragraphs)
    controller = DocumentController(doc)
    editor = DraftEditor(controller)
    editor.resize(1000, 700)
    editor.show()
    preview = PreviewPanel()
    preview.follow(controller)
    middle = doc.operative[len(doc.operative) // 2]
    editor.select(middle.id)
    rows: list[tuple[str, list[float]]] = []
    keys = [_time(lambda: QTest.keyClick(editor.page, Qt.Key.Key_A), app) for _ in range(args.keys)]
    rows.append(("keystroke on the page", keys))
    rows.append(("end of typing burst (ladder)", [_time(controller.end_typing, app)]))
    moves = [_time(lambda: editor.move_by(1), app) for _ in range(20)]
    rows.append(("move paragraph (Alt+Down)", moves))
    undos = [_time(controller.stack.undo, app) for _ in range(20)]
    rows.append(("undo a move", undos))
    rows.append(("preview refresh (whole draft)", [_time(preview.refresh, app) for _ in range(5)]))
    total = sum(1 for _ in doc.all_paragraphs())
    print(f"draft: {len(doc.operative)} top-level paragraphs, {total} with sub-paragraphs")
    print(f"{'operation':38} {'runs':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for name, times in rows:
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        print(
            f"{name:38} {len(times):5d} {statistics.median(times):10.2f} {p95:8.2f} "
            f"{max(times):8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
