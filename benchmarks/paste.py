"""Speed of the paste splitter (issue 18: a paste of 50 paragraphs ≤ 200 ms, of which the
splitter is the part measured here; the view's insertion is measured with the view).

Clipboard contents of about 50 paragraphs, made as a drafter's copy makes them:
- the text layer of a whole official PDF as poppler gives it (A/RES/73/3, 10 pages);
- the HTML LibreOffice writes for a Word file: the app's own export of a 50-paragraph draft
  (benchmarks/check_speed.build_draft cut to 50), converted by ``soffice --convert-to html``;
- the HTML of the app's corpus reading view for the same draft.

    python -m benchmarks.paste [--runs 20]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.check_speed import build_draft  # noqa: E402
from benchmarks.measure import Series, timed_ms  # noqa: E402
from drafting_app.corpus.readers.paste import read_paste  # noqa: E402
from drafting_app.model.document import Document  # noqa: E402

TARGET_MS = 200.0
PDF = ROOT / "tests" / "data" / "realdocs" / "pdf" / "A_RES_73_3-EN.pdf"


def fifty(seed: int) -> Document:
    """The benchmark draft cut to 50 paragraphs (sub-paragraphs included)."""
    doc = build_draft(seed)
    kept = 0
    for part in (doc.preamble, doc.operative):
        keep = []
        for p in part:
            size = sum(1 for _ in p.walk())
            if kept + size <= 50:
                keep.append(p)
                kept += size
        part[:] = keep
    used = {a.footnote_id for p in doc.all_paragraphs() for a in p.anchors}
    doc.footnotes = [f for f in doc.footnotes if f.id in used]
    return doc


def poppler_text() -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    out = subprocess.run(["pdftotext", str(PDF), "-"], capture_output=True, text=True, check=True)
    return out.stdout.replace("\f", "\n")


def libreoffice_html(doc: Document) -> str | None:
    if shutil.which("soffice") is None:
        return None
    from drafting_app.export.docx_writer import write_docx

    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "draft.docx"
        write_docx(doc, docx)
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--convert-to",
                "html",
                "--outdir",
                tmp,
                str(docx),
            ],
            check=True,
            capture_output=True,
        )
        return (Path(tmp) / "draft.html").read_text(encoding="utf-8")


def reading_view_html(doc: Document) -> str:
    from drafting_app.gui.common.reading_html import document_html

    return document_html(doc)


def measure(runs: int, seed: int) -> list[tuple[str, str, Series]]:
    doc = fifty(seed)
    inputs: list[tuple[str, str, str | None]] = [
        ("PDF text layer (poppler), A/RES/73/3", "text", poppler_text()),
        ("LibreOffice HTML of a Word draft", "html", libreoffice_html(doc)),
        ("corpus reading view HTML", "html", reading_view_html(doc)),
    ]
    rows = []
    for name, form, content in inputs:
        if content is None:
            continue
        args = (content, None) if form == "text" else ("", content)
        paste = read_paste(*args)
        size = f"{len(paste.all_paragraphs())} paras, {len(paste.footnotes)} notes"
        rows.append((name, size, Series(tuple(timed_ms(lambda a=args: read_paste(*a), runs)))))
    return rows


def table(rows: list[tuple[str, str, Series]]) -> str:
    out = [
        "| paste splitter | size | runs | median | p95 | target | |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, size, s in rows:
        ok = "ok" if s.p95 <= TARGET_MS else "MISSED"
        out.append(
            f"| {name} | {size} | {len(s.values)} | {s.median:.1f} ms | {s.p95:.1f} ms "
            f"| ≤ 200 ms | {ok} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rows = measure(args.runs, args.seed)
    print(table(rows))
    return 0 if all(s.p95 <= TARGET_MS for _, _, s in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
