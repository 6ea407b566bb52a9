"""Command line: ``drafting-app parse|corpus|…``. Without a subcommand the GUI starts.

Every command prints a clear message and exits non-zero on bad input (exit 2 for a file that
cannot be read, 1 for findings or failures the command reports).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from drafting_app import __version__
from drafting_app.errors import DraftingError

if TYPE_CHECKING:
    from drafting_app.model.document import Form, Paragraph

Handler = Callable[[argparse.Namespace], int]


def _cmd_parse(args: argparse.Namespace) -> int:
    from pathlib import Path

    from drafting_app.corpus.readers import read_documents
    from drafting_app.corpus.readers.acceptance import choose_text, texts_listing
    from drafting_app.model.describe import describe
    from drafting_app.model.numbering import footnote_numbers

    docs = read_documents(args.file)
    name = Path(args.file).name
    doc = choose_text(docs, args.text, name)
    if args.json:
        json.dump(describe(doc), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    out.write(texts_listing(docs, name, doc, "parse"))
    out.write(f"{doc.kind} ({doc.form} form) {doc.heading}\n{doc.title}\n")
    if doc.masthead is not None:
        mh = doc.masthead
        out.write(
            f"  masthead: {mh.symbol or '(no symbol)'}; Distr.: {mh.distribution}; "
            f"{mh.date}; {mh.session}; {mh.place_and_dates}; {mh.agenda_item}; "
            f"sponsors: {', '.join(mh.sponsors)}\n"
        )
    fn = footnote_numbers(doc)
    out.write(f"  preamble: {len(doc.preamble)} paragraphs\n")
    out.write(f"  operative: {len(doc.operative)} paragraphs\n")
    _write_operative(out, doc.operative, doc.form, fn)
    for part in doc.parts:
        out.write(f"  part {part.label} ({part.form} form): {len(part.operative)} paragraphs\n")
        if part.title or part.authoring_body:
            out.write(f"    {part.title} | {part.authoring_body} {len(part.preamble)} preambular\n")
        if part.chapeau is not None:
            marks = "".join(f"[{fn[a.footnote_id]}]" for a in part.chapeau.anchors)
            out.write(f"    {part.chapeau.text[:70]}{marks}\n")
        _write_operative(out, part.operative, part.form, fn)
    out.write(f"  footnotes: {len(doc.footnotes)}\n")
    for f in sorted(doc.footnotes, key=lambda f: fn[f.id]):
        out.write(f"    {fn[f.id]} {f.text}\n")
    for u in doc.unplaced:
        out.write(f"  unplaced: {u}\n")
    for w in doc.warnings:
        out.write(f"  warning (line {w.line}): {w.message}\n")
    return 0


def _write_operative(out: TextIO, paras: list[Paragraph], form: Form, fn: dict[str, int]) -> None:
    from drafting_app.model.numbering import number_operative

    for n in number_operative(paras, form):
        for heading in n.paragraph.headings:
            out.write(f"    {'  ' * n.depth}[heading] {heading[:70]}\n")
        marks = "".join(f"[{fn[a.footnote_id]}]" for a in n.paragraph.anchors)
        out.write(f"    {'  ' * n.depth}{n.label or '-'} {n.paragraph.text[:70]}{marks}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafting-app",
        description="Drafting assistant for UN draft resolutions. Without a command, "
        "the application window opens.",
    )
    parser.add_argument("--version", action="version", version=f"drafting-app {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("parse", help="read a document and show its structure")
    p.add_argument("file", help="a .txt, .md, .docx or .pdf document")
    p.add_argument("--json", action="store_true", help="structure as JSON")
    add_text_option(p)
    p.set_defaults(handler=_cmd_parse)
    _register_all(sub)
    return parser


def add_text_option(p: argparse.ArgumentParser) -> None:
    """``--text N``: which text of a file holding several (a session's report volume)."""
    p.add_argument(
        "--text",
        type=int,
        metavar="N",
        help="the Nth text of a file holding several (a report volume); default: the first",
    )


# Each command module has ``register(subparsers)``; imported on demand so that start-up
# stays light (python-docx, jinja2 and the store load only when their command runs).
COMMAND_MODULES = (
    "drafting_app.corpus.commands",
    "drafting_app.corpus.import_commands",
    "drafting_app.checks.commands",
    "drafting_app.export.commands",
    "drafting_app.export.compare_command",
    "drafting_app.clauses.commands",
    "drafting_app.negotiation.commands",
)


def _register_all(sub: Any) -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except DraftingError as exc:
        print(f"drafting-app: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # "drafting-app parse FILE | head": the reader went away; not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not complain.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
