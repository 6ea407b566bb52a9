"""``drafting-app check FILE [--json]``: run every check against the corpus registry.

Exit 0 when there is no error (warnings, info and suggestions may remain), 1 when any finding
is an error, 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from drafting_app.cli import add_text_option

if TYPE_CHECKING:  # the checks and the registry load only when the command runs
    from drafting_app.checks.findings import Finding
    from drafting_app.model.document import Document


def _read(path: str, text: int | None = None) -> Document:
    """A project file (``.unres.json``) or any document the readers read (text ``text``
    of a file holding several)."""
    from pathlib import Path

    from drafting_app.corpus.readers.acceptance import choose_text
    from drafting_app.storage.project import SUFFIX, load_project

    if path.lower().endswith(SUFFIX):
        return choose_text([load_project(path).document], text, Path(path).name)
    from drafting_app.corpus.readers import read_documents

    return choose_text(read_documents(path), text, Path(path).name)


def _check(doc: Document) -> list[Finding]:
    """Every finding for ``doc`` against the corpus registry (read from the corpus index
    a text at a time: nothing is built); a damaged index is rebuilt, and checked again."""
    from drafting_app.checks.runner import run_checks
    from drafting_app.corpus.command_store import command_store, healing
    from drafting_app.corpus.registry import Registry

    with command_store() as store:
        return healing(store, lambda s: run_checks(doc, Registry.from_store(s)))


def format_finding(f: Finding, names: dict[str, str] | None = None) -> str:
    """One finding as a line (and its evidence and fix below), its place named as the
    checks panel names it ("preamble 3", "operative 1 (a)", "footnote 2")."""
    from drafting_app.checks.findings import place_of

    where = place_of(f, names or {})
    line = f"{f.severity:<10} {f.code:<11} {where}: {f.message}"
    if f.evidence:
        line += f"\n{'':22}{f.evidence}"
    if f.fix is not None:
        line += f"\n{'':22}fix: {f.fix.description or repr(f.fix.new_text)}"
    return line


def _cmd_check(args: argparse.Namespace) -> int:
    doc = _read(args.file, args.text)
    from drafting_app.checks.reading import reading_findings
    from drafting_app.checks.runner import has_errors

    # what the reader said of the file (printed numbers with a gap, two readings) first
    findings = [*reading_findings(doc), *_check(doc)]
    if args.json:
        json.dump([f.as_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from drafting_app.checks.findings import counts_of, summary
        from drafting_app.model.places import paragraph_names

        names = paragraph_names(doc)
        for f in findings:
            sys.stdout.write(format_finding(f, names) + "\n")
        sys.stdout.write(f"{args.file}: {summary(counts_of(findings))}\n")
    return 1 if has_errors(findings) else 0


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="check a document against the UN rules and the corpus")
    p.add_argument("file", help="a project (.unres.json) or a .txt, .md, .docx or .pdf document")
    p.add_argument("--json", action="store_true", help="findings as JSON")
    add_text_option(p)
    p.set_defaults(handler=_cmd_check)
