"""After the window first paints, what the start made (modules, the window and its
widgets: tens of thousands of objects that live as long as the app) is out of the garbage
collector's sight: each full collection walked it all with the interpreter lock held,
12 ms during which the window could not paint. Run in a fresh interpreter: this test
session's own objects would hide what the app does."""

from __future__ import annotations

from pathlib import Path

from tests.gui.test_lazy_start import run_window_script

# After the app's own first-paint work has run: how many objects are frozen, and how many
# a full collection would still walk; then quit.
_SCRIPT = """
import gc, sys
from drafting_app.gui import app, startup_trace

def trace(qapp, window, done, out=None, after=None):
    def painted(_ns):
        print("frozen", gc.get_freeze_count())
        print("walked", len(gc.get_objects(generation=2)))
        qapp.quit()
    return startup_trace.on_first_paint(qapp, window, painted)

app.trace_first_paint = trace
sys.exit(app.run([]))
"""


def test_the_start_is_out_of_the_collectors_sight_after_the_first_paint(tmp_path: Path) -> None:
    done = run_window_script(_SCRIPT, tmp_path)
    counts = dict(line.split() for line in done.stdout.splitlines() if line[:1].isalpha())
    frozen, walked = int(counts["frozen"]), int(counts["walked"])
    assert frozen > 10_000, counts  # the window and the modules it imported
    assert walked < frozen // 10, counts
