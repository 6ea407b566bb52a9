"""``python -m drafting_app`` / ``drafting-app``: the command line, or the GUI when no
command is given."""

from __future__ import annotations

import sys


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
    if not args or args[0].startswith("--gui") or (args and args[0] in ("--corpus-home",)):
        from drafting_app.gui.app import run

        return run(args)
    from drafting_app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
