"""The window opens without loading what only a draft needs: the checker, the clause
index and its miner, the draft editor, the exporters, the citation engine (issue 10: cold
start at 10,000 documents within 3× a bare window). Run in a fresh interpreter, since this
test session has loaded everything already."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Prints the package modules loaded when the main window first paints, then quits (the
# work deferred until after the paint is not run: it is not what this test is about).
_SCRIPT = """
import sys
from drafting_app.gui import app, startup_trace

def trace(qapp, window, done, out=None, after=None):
    def painted(_ns):
        roots = ("drafting_app", "jinja2", "docx", "pypdf", "spylls")
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in roots)
        print("\\n".join(loaded))
        qapp.quit()
    return startup_trace.on_first_paint(qapp, window, painted)

app.trace_first_paint = trace
app.on_first_paint = lambda *args: None
sys.exit(app.run([]))
"""

DRAFT_ONLY = (
    "drafting_app.checks.runner",
    "drafting_app.citations.render",
    "drafting_app.clauses.index",
    "drafting_app.clauses.library",
    "drafting_app.clauses.document_templates",
    "drafting_app.corpus.registry",
    "drafting_app.export.html",
    "drafting_app.gui.document.document_controller",
    "drafting_app.gui.document.draft_editor",
    "drafting_app.gui.files.word_import",
    "drafting_app.model.conventions",
    "drafting_app.model.edits",
    "drafting_app.gui.document.spelling",
    "drafting_app.spelling.checker",
    "spylls",
    "docx",
    "jinja2",
    "pypdf",
)


def run_window_script(script: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``script`` (which starts the window) in a fresh interpreter, offscreen, with its
    own app home; its output as text, its exit checked."""
    env = {**os.environ, "DRAFTING_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_first_paint_loads_nothing_only_a_draft_needs(tmp_path: Path) -> None:
    done = run_window_script(_SCRIPT, tmp_path)
    loaded = set(done.stdout.split())
    assert {"drafting_app.gui.main_window", "drafting_app.corpus.store"} <= loaded
    assert sorted(loaded & set(DRAFT_ONLY)) == []
