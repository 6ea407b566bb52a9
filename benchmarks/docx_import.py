"""Word import timings: each real .docx of tests/data/realdocs, and how fast hostile files
are refused (a zip bomb must be refused before it is inflated).

    python -m benchmarks.docx_import [--repeat 5]

Prints a table: file, size, texts, paragraphs, footnotes, report items, best time.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting_app.corpus.readers.docx import import_docx_texts  # noqa: E402
from drafting_app.corpus.readers.word_package import MAX_PART_BYTES  # noqa: E402
from drafting_app.errors import DraftingError  # noqa: E402

REALDOCS = ROOT / "tests" / "data" / "realdocs"


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b" " * (MAX_PART_BYTES * 4))
    return buf.getvalue()


def _best(data: bytes, name: str, repeat: int) -> tuple[float, str]:
    best = float("inf")
    outcome = ""
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            docs, report = import_docx_texts(data, name)
            paras = sum(len(list(d.all_paragraphs())) for d in docs)
            notes = sum(len(d.footnotes) for d in docs)
            outcome = f"{len(docs):>5} {paras:>6} {notes:>5} {len(report.items):>6}"
        except DraftingError as exc:
            outcome = f"refused: {str(exc)[:60]}"
        best = min(best, time.perf_counter() - start)
    return best, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cases = [(p.name, p.read_bytes()) for p in sorted(REALDOCS.rglob("*.docx"))]
    cases.append(("zip bomb (128 MB of spaces)", _bomb()))
    print(f"{'file':<42} {'KB':>6} {'texts':>5} {'paras':>6} {'notes':>5} {'report':>6} {'ms':>8}")
    for name, data in cases:
        seconds, outcome = _best(data, name, args.repeat)
        print(f"{name[:42]:<42} {len(data) // 1024:>6} {outcome} {seconds * 1000:>8.1f}")


if __name__ == "__main__":
    main()
