"""The first document read in a fresh process gets the same paragraph ids as any later read:
the store's index (built in worker processes) must match ``document()`` re-reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS_FILES

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from pathlib import Path
from drafting_app.corpus.sync import parse
path = Path(sys.argv[1])
first = [p.id for p in parse(path).all_paragraphs()]
again = [p.id for p in parse(path).all_paragraphs()]
print(first == again, first[:2])
"""


def test_first_read_in_a_fresh_process_has_the_usual_ids() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(CORPUS_FILES["resolution_5_2"])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("True ['p-1', 'p-2']"), out
