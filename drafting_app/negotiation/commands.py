"""``drafting-app status FILE [--json]``: where a negotiation stands — counts by status, the
open paragraphs, the brackets, alternatives and proposals left (by delegation), and
whether the final text can be made (and what stops it).

``drafting-app import-compilation FILE.docx [-o DRAFT.unres.json] [--json]``: a
compilation text read back into a draft in negotiation, with its loss report.

``drafting-app negotiate FILE STEPS.json -o DRAFT.unres.json [--json]``: a negotiation
written down as steps (:mod:`drafting_app.negotiation.replay`) replayed on a draft — a
project file, a compilation text or any text the app reads — and saved; the state after
it, as ``status`` prints it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from drafting_app.model.negotiation_final import Summary, summary
from drafting_app.negotiation.files import load_negotiated


def _cmd_status(args: argparse.Namespace) -> int:
    doc, _ = load_negotiated(args.file)
    state = summary(doc)
    if args.json:
        data = {"title": doc.title, **state.as_dict()}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    write_summary(sys.stdout, doc.title or doc.heading, state)
    return 0


def _listed(items: list[str], limit: int = 30) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" … (+{len(items) - limit})" if len(items) > limit else "") or "none"


def write_summary(out: TextIO, title: str, s: Summary) -> None:
    """The summary as a few lines of text."""
    out.write(f"{title or 'Draft'} — round {s.round}\n")
    counts = "; ".join(f"{words}: {n}" for words, n in s.by_status.items())
    out.write(f"  paragraphs: {counts}\n")
    out.write(f"  open paragraphs ({len(s.open_paragraphs)}): {_listed(s.open_paragraphs)}\n")
    out.write(
        f"  brackets left: {s.brackets}; alternative sets left: {s.alternatives} "
        f"(bracketed text in {_listed(s.bracketed)})\n"
    )
    authors = ", ".join(f"{a} {n}" for a, n in s.proposals_by_author.items())
    out.write(f"  open proposals: {s.proposals}{f' ({authors})' if authors else ''}\n")
    if s.final_ready:
        out.write("  final text: ready (drafting-app export FILE --mode final)\n")
    else:
        out.write("  final text: not yet; still to settle:\n")
        for b in s.blockers:
            out.write(f"    {b}\n")


def _cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from drafting_app.errors import DraftingError
    from drafting_app.negotiation.files import PROJECT_SUFFIX, read_compilation
    from drafting_app.storage.project import save_project

    source = Path(args.file)
    doc, report = read_compilation(source)
    if args.output:
        out = Path(args.output)
        if not out.name.lower().endswith(PROJECT_SUFFIX):
            raise DraftingError(f"{out.name}: a draft is saved as {PROJECT_SUFFIX}.")
        save_project(doc, out, {"profile": args.profile})
    if args.json:
        json.dump(report.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report.render())
        if args.output:
            sys.stdout.write(f"Draft: {args.output}\n")
    return 0


def _cmd_negotiate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from drafting_app.errors import DraftingError
    from drafting_app.export.commands import load_exportable
    from drafting_app.model.profiles import profile
    from drafting_app.negotiation.files import PROJECT_SUFFIX
    from drafting_app.negotiation.replay import read_steps, replay
    from drafting_app.storage.project import load_project, save_project

    source, out = Path(args.file), Path(args.output)
    if not out.name.lower().endswith(PROJECT_SUFFIX):
        raise DraftingError(f"{out.name}: a draft is saved as {PROJECT_SUFFIX}.")
    steps = read_steps(Path(args.steps))
    name = args.profile
    if source.name.lower().endswith(PROJECT_SUFFIX):
        project = load_project(source)
        doc = project.document
        name = str(project.settings.get("profile", name))
    else:
        doc = _compilation(source) or load_exportable(source)
    replay(doc, steps, profile(name))  # a step that fails stops here: nothing is saved
    save_project(doc, out, {"profile": name})
    state = summary(doc)
    if args.json:
        json.dump({"title": doc.title, **state.as_dict()}, sys.stdout, ensure_ascii=False,
                  indent=2)  # fmt: skip
        sys.stdout.write("\n")
    else:
        write_summary(sys.stdout, doc.title or doc.heading, state)
        sys.stdout.write(f"{len(steps)} steps replayed. Draft: {out}\n")
    return 0


def _compilation(path: Any) -> Any:
    """A Word file read as a compilation text (labels in a column or at the start of the
    paragraphs), or None when it is not one (an issued draft is read as such then)."""
    from drafting_app.errors import DraftingError
    from drafting_app.negotiation.files import read_compilation

    if path.suffix.lower() != ".docx":
        return None
    try:
        doc, _ = read_compilation(path)
    except DraftingError:
        return None
    return doc if doc.negotiation is not None and doc.negotiation.records else None


def register(sub: Any) -> None:
    p = sub.add_parser(
        "status",
        help="where a negotiation stands (statuses, open paragraphs, brackets, proposals)",
        description="Show the state of a negotiated draft (.unres.json): paragraphs by "
        "status, the open ones, brackets, alternatives and proposals left by delegation, "
        "and what still stands in the way of the final text.",
    )
    p.add_argument("file", help="the negotiated draft (.unres.json)")
    p.add_argument("--json", action="store_true", help="the state as JSON")
    p.set_defaults(handler=_cmd_status)
    p = sub.add_parser(
        "import-compilation",
        help="read a compilation text (.docx) back into a draft in negotiation",
        description="Read a compilation text — the app's own or a hand-made one with labels "
        "in a first table column or at the start of each paragraph, square brackets, "
        "statuses and proposals by delegation — and report what could not be mapped.",
    )
    p.add_argument("file", help="the compilation text (.docx)")
    p.add_argument("-o", "--output", help="save the draft here (.unres.json)")
    p.add_argument("--profile", default="ctoc-cop", help="body profile saved with the draft")
    p.add_argument("--json", action="store_true", help="the loss report as JSON")
    p.set_defaults(handler=_cmd_import)
    p = sub.add_parser(
        "negotiate",
        help="replay a negotiation written down as steps (.json) on a draft",
        description="Apply the steps of a negotiation — start, rounds, brackets, "
        "alternatives, proposals by delegation and their acceptance, statuses — to a draft "
        "(.unres.json, a compilation .docx or any readable text) and save the result.",
    )
    p.add_argument("file", help="the draft (.unres.json), a compilation .docx or a text")
    p.add_argument("steps", help="the steps (.json): see drafting_app/negotiation/replay.py")
    p.add_argument("-o", "--output", required=True, help="save the draft here (.unres.json)")
    p.add_argument("--profile", default="ctoc-cop", help="body profile saved with the draft")
    p.add_argument("--json", action="store_true", help="the state afterwards as JSON")
    p.set_defaults(handler=_cmd_negotiate)
