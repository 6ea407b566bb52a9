"""``python -m drafting_app`` / ``drafting-app``: the command line, or the GUI when no
command is given."""

from __future__ import annotations

import os
import sys

# What the window opens: drafts, and the Word, PDF and text files File › Open imports.
OPENED_SUFFIXES = (".unres.json", ".docx", ".pdf", ".txt", ".md")


def is_file_argument(arg: str) -> bool:
    """A file to open rather than a command: a name the window opens, or a path (a
    command is a bare word: parse, check, export …)."""
    if arg.startswith("-"):
        return False
    return arg.lower().endswith(OPENED_SUFFIXES) or "/" in arg or os.sep in arg


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A packaged app started again as a corpus-reading worker process (the corpus
        # build reads files in "spawn" workers) must run the worker, not the app.
        import multiprocessing

        multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--self-test":
        from drafting_app.gui.selftest import main as self_test

        return self_test(args[1:])
    if (
        not args
        or args[0].startswith("--gui")
        or args[0] in ("--corpus-home",)
        or all(map(is_file_argument, args))
    ):
        # "drafting-app DRAFT.unres.json" (a double-click, "Open with"): the window opens
        # with the files named.
        from drafting_app.gui.app import run

        return run(args)
    from drafting_app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
