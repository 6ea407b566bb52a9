"""``drafting-app export FILE -o OUT.docx [--pdf] [--mode …]``: a UN-formatted Word file
(and a PDF); for a draft in negotiation also its compilation, clean or final text.

python-docx is imported only when the command runs, so start-up stays fast. The PDF writer is
Qt's, and the core never imports Qt: ``--pdf`` runs it in a child process
(``python -m drafting_app.gui.files.pdf_export``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from drafting_app.cli import add_text_option
from drafting_app.errors import ExportError
from drafting_app.model.document import Document

PROJECT_SUFFIXES = (".unres.json", ".unproj", ".json")
_PAPERS = ("auto", "a4", "letter")
MODES = ("document", "compilation", "clean", "final")


def load_exportable(path: str | Path, text: int | None = None) -> Document:
    """A document from any file ``read_documents`` reads (text ``text`` of a file holding
    several), or from a project file."""
    from drafting_app.corpus.readers.acceptance import choose_text

    p = Path(path)
    if p.name.lower().endswith(PROJECT_SUFFIXES):
        return choose_text([_load_project(p)], text, p.name)
    from drafting_app.corpus.readers import read_documents

    return choose_text(read_documents(p), text, p.name)


def _load_project(p: Path) -> Document:
    from drafting_app.storage.project import load_project

    return load_project(p).document


def _profile(paper: str) -> Any:
    from drafting_app.export.page import A4, LETTER

    return {"a4": A4, "letter": LETTER}.get(paper)


def _cmd_export(args: argparse.Namespace) -> int:
    from drafting_app.export.docx_writer import write_docx

    source = Path(args.file)
    if args.mode != "document":
        out = Path(args.output) if args.output else source.with_suffix(".docx")
        return _export_negotiation(source, _checked_output(out, source), args)
    doc = load_exportable(source, args.text)
    out = Path(args.output) if args.output else _proposed(source, doc)
    write_docx(doc, _checked_output(out, source), _profile(args.paper))
    print(f"Word: {out}")
    if args.pdf:
        pdf = out.with_suffix(".pdf")
        _run_pdf(source, pdf, args.paper)
        print(f"PDF: {pdf}")
    return 0


def _checked_output(out: Path, source: Path) -> Path:
    if out.suffix.lower() != ".docx":
        raise ExportError(f"{out.name}: the Word file must end in .docx.")
    if out.exists() and source.exists() and out.resolve() == source.resolve():
        raise ExportError(f"{out.name} is the file being exported; choose another output name.")
    return out


def _proposed(source: Path, doc: Document) -> Path:
    """Where an export without ``-o`` goes: beside the source, named as File › Export
    proposes (the symbol, else the title). A file already there is never overwritten
    unasked: it may be the delegation's own Word file of the same symbol."""
    from drafting_app.export.files import file_stem

    stem = source.name.removesuffix(".unres.json").rsplit(".", 1)[0] or "draft"
    out = source.parent / (file_stem(doc, stem) + ".docx")
    if out.exists():
        raise ExportError(
            f"{out} exists already; name the Word file with -o (a file named there is replaced)."
        )
    return out


def _export_negotiation(source: Path, out: Path, args: argparse.Namespace) -> int:
    """The compilation, clean or final text of a negotiated draft. The final text is
    refused (exit 1, nothing written) with the list of what remains to settle."""
    from drafting_app.export.compilation_docx import write_negotiation
    from drafting_app.model.negotiation_final import UnresolvedError
    from drafting_app.negotiation.files import load_negotiated

    if args.pdf:
        raise ExportError(
            f"--pdf goes with the issued-document export; for the {args.mode} text open "
            f"{out.name} in Word or LibreOffice and save it as PDF."
        )
    doc, body = load_negotiated(source)
    try:
        write_negotiation(doc, out, args.mode, body, _profile(args.paper))
    except UnresolvedError as exc:
        print(f"drafting-app: {exc}", file=sys.stderr)
        return 1
    print(f"Word ({args.mode} text): {out}")
    return 0


def _run_pdf(source: Path, pdf: Path, paper: str) -> None:
    import subprocess

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cmd = [sys.executable, "-m", "drafting_app.gui.files.pdf_export", str(source), str(pdf)]
    cmd += ["--paper", paper]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ExportError(f"The PDF could not be made: {detail}")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="export a document as a UN-formatted Word file (and PDF)",
        description="Write FILE (.txt, .md, .docx, .pdf or a project file) as a Word document "
        "in the layout of issued UN documents.",
    )
    p.add_argument("file", help="the document or project file to export")
    p.add_argument(
        "-o",
        "--output",
        help="the .docx to write (default: beside FILE, named after the document symbol "
        "or title, as File › Export proposes; never over an existing file)",
    )
    add_text_option(p)
    p.add_argument("--pdf", action="store_true", help="also write a PDF beside the .docx")
    p.add_argument(
        "--paper",
        choices=_PAPERS,
        default="auto",
        help="paper size (auto: US Letter for New York bodies, A4 otherwise)",
    )
    p.add_argument(
        "--mode",
        choices=MODES,
        default="document",
        help="document: the issued-document layout (default); for a draft in negotiation: "
        "compilation (labels, brackets, proposals by delegation, statuses), clean (the text "
        "for the next round) or final (numbers, ladder and punctuation recomputed; refused "
        "while brackets, alternatives or open proposals remain)",
    )
    p.set_defaults(handler=_cmd_export)
