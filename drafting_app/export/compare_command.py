"""``drafting-app compare BASE NEW -o OUT.docx [--author NAME] [--json]``: the draft NEW
against BASE (last session's adopted text, an earlier revision) as a Word file with tracked
changes, and the list of changes — paragraphs added, deleted, reworded or moved (by their
PP/OP in each text), footnotes reworded, the front changed.

BASE and NEW are any file the app reads (.txt, .md, .docx, .pdf, a project file). Exit 0
on success, 2 with a message when a file cannot be read or written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from drafting_app.errors import ExportError


def _author(given: str | None) -> str:
    if given is not None and given.strip():
        return given.strip()
    from drafting_app.storage.settings import load_settings

    return load_settings().user_name


def _cmd_compare(args: argparse.Namespace) -> int:
    from drafting_app.export.commands import load_exportable
    from drafting_app.revisions.compare import compare

    out = Path(args.output) if args.output else None
    if out is None and not args.json:
        raise ExportError("Say where to write the Word file (-o OUT.docx), or ask for --json.")
    if out is not None:
        if out.suffix.lower() != ".docx":
            raise ExportError(f"{out.name}: the Word file must end in .docx.")
        for given in (args.base, args.new):
            if out.exists() and Path(given).exists() and out.resolve() == Path(given).resolve():
                raise ExportError(f"{out.name} is one of the texts compared; choose another name.")
    base = load_exportable(args.base)
    new = load_exportable(args.new)
    attributions = new.revision_base.attributions if new.revision_base is not None else []
    comparison = compare(base, new, attributions)
    if out is not None:
        from drafting_app.export.tracked_docx import write_tracked_docx

        write_tracked_docx(comparison, out, author=_author(args.author))
    if args.json:
        report: dict[str, Any] = {
            "base": str(args.base),
            "new": str(args.new),
            "output": str(out) if out is not None else None,
            "changes": [c.as_dict() for c in comparison.changes],
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for c in comparison.changes:
        print(f"{c.label}: {c.description}")
    n = len(comparison.changes)
    print(f"{n} change{'s' if n != 1 else ''}; Word: {out}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "compare",
        help="compare a draft with its base and write Word tracked changes",
        description="Compare NEW with BASE (any readable text: .txt, .md, .docx, .pdf, a "
        "project file) paragraph by paragraph across renumbering and moves, and write NEW "
        "as a Word file whose tracked changes turn BASE into NEW (Accept All gives NEW, "
        "Reject All gives BASE).",
    )
    p.add_argument("base", help="the earlier text (e.g. last session's adopted resolution)")
    p.add_argument("new", help="the new text (the draft)")
    p.add_argument("-o", "--output", help="the .docx with tracked changes to write")
    p.add_argument(
        "--author", help="the name the changes are signed with (default: the settings' user name)"
    )
    p.add_argument("--json", action="store_true", help="print the list of changes as JSON")
    p.set_defaults(handler=_cmd_compare)
