"""Command line: ``drafting-app import-report FILE.docx`` — what a Word import left out.

Exit 0 when everything was imported as the file shows it (the running header with the
symbol and the page numbers, which the export writes again, are no loss), 1 when the report
lists elements that were not mapped (tables, comments, tracked changes, formatting the model
does not keep …) or changes the import made (numbers repaired), 2 when the file cannot be
read or is not a resolution (the reason ``check`` gives too).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from drafting_app.cli import add_text_option
from drafting_app.errors import FormatError


def _read(path: Path) -> bytes:
    if not path.exists():
        raise FormatError(f"{path} does not exist.")
    if path.suffix.lower() != ".docx":
        raise FormatError(f"{path.name}: import-report reads Word .docx files.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FormatError(f"{path.name} could not be read: {exc.strerror}.") from exc


def _cmd_import_report(args: argparse.Namespace) -> int:
    from drafting_app.corpus.readers.acceptance import choose_text, texts_listing
    from drafting_app.corpus.readers.docx import import_docx_texts
    from drafting_app.corpus.readers.import_report import Element
    from drafting_app.model.describe import describe, document_text

    path = Path(args.file)
    docs, report = import_docx_texts(_read(path), path.name)
    doc = choose_text(docs, args.text, path.name)
    for other in docs:
        if other is not doc:
            where = other.heading or other.title
            report.add(Element.FURTHER_TEXT, document_text(other), where)
    if args.json:
        payload = {"report": report.as_dict(), "document": describe(doc)}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(texts_listing(docs, path.name, doc, "import-report"))
        sys.stdout.write(
            f"{doc.heading or doc.kind} {doc.title[:80]}\n"
            f"  preamble: {len(doc.preamble)}, operative: {len(doc.operative)}, "
            f"footnotes: {len(doc.footnotes)}\n"
        )
        sys.stdout.write(report.render())
    return 0 if report.faithful() else 1


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import-report",
        help="import a Word draft and list everything that was not mapped (exit 1 if any)",
    )
    p.add_argument("file", help="a .docx file")
    p.add_argument("--json", action="store_true", help="report and structure as JSON")
    add_text_option(p)
    p.set_defaults(handler=_cmd_import_report)
