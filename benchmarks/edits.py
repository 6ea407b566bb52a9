"""Cost of one editing step in the draft editor's core: an edit with its ladder and
punctuation fixes (what the GUI does on every structural edit and opener change), undo,
and a project save/load, on the bundled resolution 10/3 and on a long synthetic draft.

    python -m benchmarks.edits [--repeat 200]

Prints a table of median milliseconds per operation.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting_app.corpus.readers import read_document  # noqa: E402
from drafting_app.model.conventions import make_paragraph, with_fixes  # noqa: E402
from drafting_app.model.document import Document, Part  # noqa: E402
from drafting_app.model.edits import InsertParagraph, MoveParagraph, retype  # noqa: E402
from drafting_app.model.ladder import ladder_fixes  # noqa: E402
from drafting_app.model.profiles import PROFILES  # noqa: E402
from drafting_app.model.punctuation import punctuation_fixes  # noqa: E402
from drafting_app.storage.project import load_project, save_project  # noqa: E402

COP = PROFILES["ctoc-cop"]


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _long_draft(base: Document, copies: int) -> Document:
    """Resolution 10/3's operative part repeated, punctuation and ladder put right: a long
    draft where every verb family is long."""
    doc = read_document(ROOT / "resources" / "corpus" / "003_8415577429e917a7.txt")
    for _ in range(copies - 1):
        for p in base.operative:
            doc.operative.append(make_paragraph(p.text, Part.OPERATIVE))
    for fix in punctuation_fixes(doc) + ladder_fixes(doc, COP, None):
        fix.apply(doc)
    return doc


def _rows(name: str, doc: Document, repeat: int, folder: Path) -> list[tuple[str, str, float]]:
    n = sum(1 for _ in doc.all_paragraphs())
    label = f"{name} ({n} paragraphs)"
    mid = len(doc.operative) // 2

    def insert_with_fixes() -> None:
        p = make_paragraph("Requests the secretariat to report;", Part.OPERATIVE)
        step = with_fixes(doc, InsertParagraph(Part.OPERATIVE, None, mid, p), COP)
        step.apply(doc)
        step.revert(doc)

    def move_with_fixes() -> None:
        step = with_fixes(doc, MoveParagraph(doc.operative[0].id, Part.OPERATIVE, None, mid), COP)
        step.apply(doc)
        step.revert(doc)

    def keystroke_with_fixes() -> None:
        p = doc.operative[mid]
        step = with_fixes(doc, retype(p, p.text[:40] + "x" + p.text[40:]), COP)
        step.apply(doc)
        step.revert(doc)

    path = folder / f"{name.replace('/', '-')}.unres.json"
    return [
        (label, "insert + ladder/punctuation fixes, undo", _median_ms(insert_with_fixes, repeat)),
        (label, "move + fixes, undo", _median_ms(move_with_fixes, repeat)),
        (label, "keystroke + fixes, undo", _median_ms(keystroke_with_fixes, repeat)),
        (label, "save project (atomic, .bak)", _median_ms(lambda: save_project(doc, path), 20)),
        (label, "load project", _median_ms(lambda: load_project(path), 20)),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    base = read_document(ROOT / "resources" / "corpus" / "003_8415577429e917a7.txt")
    with tempfile.TemporaryDirectory() as tmp:
        rows = _rows("resolution 10/3", base, args.repeat, Path(tmp))
        rows += _rows("long draft", _long_draft(base, 10), args.repeat // 4, Path(tmp))
    print(f"{'document':34} {'operation':42} {'median ms':>9}")
    for doc_name, op, ms in rows:
        print(f"{doc_name:34} {op:42} {ms:9.2f}")


if __name__ == "__main__":
    main()
