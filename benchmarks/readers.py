"""Reading speed of the GA PDF-text reader and the PDF reader (issue 2 §4, issue 8 §3).

Run: ``python -m benchmarks.readers`` from the repository root. Prints a table: file, size,
milliseconds per read (best of 5), paragraphs and footnotes found; then the worst case of
the bare-mark search (a long text full of numbers and many footnotes, none of them marked).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from drafting_app.corpus.readers.marks import find_marks
from drafting_app.corpus.readers.pdf import read_pdf_bytes
from drafting_app.corpus.readers.pdftext import PdfTextReader
from drafting_app.model.document import Document

ROOT = Path(__file__).resolve().parent.parent
REALDOCS = ROOT / "tests" / "data" / "realdocs"


def best_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def row(name: str, size: int, ms: float, doc: Document) -> str:
    paras = sum(1 for _ in doc.all_paragraphs())
    return f"{name:<58} {size:>8} {ms:>8.1f} {paras:>6} {len(doc.footnotes):>5}"


def main() -> None:
    print(f"{'file':<58} {'bytes':>8} {'ms':>8} {'paras':>6} {'notes':>5}")
    for path in sorted((REALDOCS / "ga").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = PdfTextReader().read(text)
        print(
            row(path.name, len(text.encode()), best_ms(lambda t=text: PdfTextReader().read(t)), doc)
        )
    for path in sorted((REALDOCS / "pdf").glob("*.pdf")):
        data = path.read_bytes()
        doc = read_pdf_bytes(data, path.name)
        ms = best_ms(lambda d=data, n=path.name: read_pdf_bytes(d, n), repeat=3)
        print(row(path.name, len(data), ms, doc))
    texts = ["Recalling resolution 12/34 of 5 May 2001 and paragraph 7 and item 99, " * 40] * 2000
    labels = [str(i) for i in range(1, 300)]
    ms = best_ms(lambda: find_marks(list(texts), labels), repeat=1)
    size = sum(len(t) for t in texts)
    print(
        f"\nbare-mark search, worst case: {size} characters, {len(labels)} unmarked notes: "
        f"{ms:.0f} ms"
    )


if __name__ == "__main__":
    main()
