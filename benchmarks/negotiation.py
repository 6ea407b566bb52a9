"""Negotiation mode (issue 19): the page of a long draft in negotiation — every other
paragraph with a bracket and a delegation's proposal drawn on it — opened with its
Negotiation tab, a keystroke in a bracketed paragraph with a proposal (the marks follow
the text), a proposal accepted from the tab and undone; and the A/RES/80/6 negotiation
(three rounds, 109 steps, 25 proposals) replayed in-app and as ``drafting-app negotiate``
processes.

    python -m benchmarks.negotiation [--paragraphs 200] [--keys 200]

Targets: a keystroke to repaint ≤ 50 ms (median), accepting a proposal ≤ 100 ms, the
replay of the three rounds in-app ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DRAFTING_APP_HOME", tempfile.mkdtemp(prefix="bench-nego-"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.gui_editing import long_draft  # noqa: E402
from benchmarks.page_view import kept_by_the_app  # noqa: E402
from drafting_app.corpus.readers import read_document  # noqa: E402
from drafting_app.gui.document.document_controller import DocumentController  # noqa: E402
from drafting_app.gui.document.draft_editor import DraftEditor  # noqa: E402
from drafting_app.gui.negotiation.panel import NegotiationPanel  # noqa: E402
from drafting_app.model.document import Document  # noqa: E402
from drafting_app.model.negotiation import ProposalKind  # noqa: E402
from drafting_app.model.negotiation_edits import AddBracket, Propose, StartNegotiation  # noqa: E402
from drafting_app.model.profiles import DEFAULT_PROFILE, profile  # noqa: E402
from drafting_app.negotiation.replay import read_steps, replay  # noqa: E402

DATA = ROOT / "tests" / "data" / "negotiation" / "icc"
ICC = ROOT / "tests" / "data" / "realdocs" / "ga" / "A-RES-80-6_icc-report-2025.txt"
DELEGATIONS = ("EU", "G77 and China", "United States", "African Group", "CANZ", "Mexico")


def negotiated_draft(paragraphs: int) -> Document:
    """A long draft in negotiation: every other operative paragraph has its second word in
    brackets and a delegation's proposal to replace its third."""
    doc = kept_by_the_app(long_draft(paragraphs))
    StartNegotiation(list(DELEGATIONS)).apply(doc)
    for i, p in enumerate(doc.operative[::2]):
        words = p.text.split(" ")
        a = len(words[0]) + 1
        b = a + len(words[1])
        AddBracket(p.id, a, b).apply(doc)
        c = b + 1
        d = c + len(words[2])
        Propose(p.id, ProposalKind.REPLACE, DELEGATIONS[i % 6], c, d, "further").apply(doc)
    return doc


def _time(action: Callable[[], object], app: QApplication, paint: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()
    paint()
    return (time.perf_counter() - start) * 1000


def _steps() -> list[dict[str, object]]:
    return [dict(s) for n in (1, 2, 3) for s in read_steps(DATA / f"round{n}.json")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    doc = negotiated_draft(args.paragraphs)
    holder: dict[str, object] = {}

    def open_draft() -> None:
        editor = DraftEditor(DocumentController(doc))
        panel = NegotiationPanel(editor.controller, editor.page, editor.tabs)
        editor.tabs.addTab(panel, "Negotiation")
        editor.tabs.setCurrentWidget(panel)
        editor.resize(1400, 900)
        editor.show()
        holder.update(editor=editor, panel=panel)

    opening = _time(open_draft, app, lambda: None)
    editor = holder["editor"]
    panel = holder["panel"]
    assert isinstance(editor, DraftEditor) and isinstance(panel, NegotiationPanel)
    page, controller = editor.page, editor.controller

    def paint() -> None:
        page.viewport().repaint()

    middle = doc.operative[len(doc.operative) // 2]  # bracketed, with a proposal
    assert doc.negotiation is not None and doc.negotiation.records[middle.id].proposals
    page.setFocus()
    page.set_caret(("p", middle.id), len(middle.text) - 1)
    page.ensureCursorVisible()
    rows: list[tuple[str, list[float]]] = [("open the draft with its Negotiation tab", [opening])]
    keys = [_time(lambda: QTest.keyClick(page, Qt.Key.Key_A), app, paint) for _ in range(args.keys)]
    rows.append(("keystroke in a bracketed paragraph to repaint", keys))
    controller.end_typing()
    accepts = []
    for _ in range(10):
        q = doc.negotiation.records[middle.id].proposals[0]
        accepts.append(_time(lambda q=q: panel.commands.accept(middle.id, q.id), app, paint))
        controller.stack.undo()
        app.processEvents()
    rows.append(("accept a proposal (then undone)", accepts))
    undos = []
    for _ in range(10):
        q = doc.negotiation.records[middle.id].proposals[0]
        panel.commands.accept(middle.id, q.id)
        app.processEvents()
        undos.append(_time(controller.stack.undo, app, paint))
    rows.append(("undo an accepted proposal", undos))
    steps = _steps()
    body = profile(DEFAULT_PROFILE)
    replays = []
    for _ in range(5):
        icc = read_document(ICC)
        start = time.perf_counter()
        replay(icc, steps, body)
        replays.append((time.perf_counter() - start) * 1000)
    rows.append((f"replay 3 rounds, {len(steps)} steps, in-app", replays))
    work = Path(tempfile.mkdtemp(prefix="bench-nego-cli-"))
    processes = []
    for _ in range(3):
        start = time.perf_counter()
        source = ICC
        for n in (1, 2, 3):
            out = work / f"r{n}.unres.json"
            cli = [sys.executable, "-m", "drafting_app", "negotiate", str(source),
                   str(DATA / f"round{n}.json"), "-o", str(out)]  # fmt: skip
            subprocess.run(cli, check=True, capture_output=True, cwd=ROOT)
            source = out
        processes.append((time.perf_counter() - start) * 1000)
    rows.append(("3 × drafting-app negotiate (whole processes)", processes))
    print(
        f"draft: {len(doc.operative)} operative paragraphs, "
        f"{len(doc.operative[::2])} with a bracket and a proposal; "
        f"platform {os.environ['QT_QPA_PLATFORM']}; load {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs"
    )
    print(f"{'operation':48} {'runs':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for name, times in rows:
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        print(
            f"{name:48} {len(times):5d} {statistics.median(times):10.2f} {p95:8.2f} "
            f"{max(times):8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
