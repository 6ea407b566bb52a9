"""``drafting-app --self-test [OUT.docx]``: the smoke test of an installed or bundled app.

It exercises the real paths a drafter uses, offscreen: the main window opens on the corpus,
a draft is created from the COP draft-resolution template, paragraphs are added through the
document controller (one undo history), the cross-reference checks run against the registry,
the draft is exported as a UN-formatted .docx, and that file is imported again and compared.
Prints one line per step; exit 0 when every step passed.

Runs in a throw-away data folder unless DRAFTING_APP_HOME is set, so a user's corpus,
settings and recovery snapshots are never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RECALL = "Recalling its decision 4/4 of 18 October 2008 on trafficking in human beings,"
REQUEST = (
    "Requests the secretariat to report to the Conference of the Parties at its next session "
    "on the implementation of the present resolution."
)
DONORS = (
    "Invites Member States and other donors to provide extrabudgetary resources for these "
    "purposes in accordance with the rules and procedures of the United Nations."
)


class SelfTestFailure(Exception):
    """A step of the self-test did not give what it should."""


def _step(name: str, action: Callable[[], str]) -> None:
    start = time.perf_counter()
    detail = action()
    print(f"self-test: {name}: ok ({detail}; {1000 * (time.perf_counter() - start):.0f} ms)")


def _run(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from drafting_app.checks.runner import run_checks
    from drafting_app.corpus.readers.docx import import_docx
    from drafting_app.corpus.registry import Registry
    from drafting_app.corpus.store import CorpusStore
    from drafting_app.export.docx_writer import write_docx
    from drafting_app.gui.main_window import MainWindow
    from drafting_app.model.conventions import make_paragraph
    from drafting_app.model.document import Part
    from drafting_app.model.edits import InsertParagraph
    from drafting_app.storage.recovery import RecoveryStore

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    store = CorpusStore.open()
    state: dict[str, object] = {}
    try:
        window = MainWindow(store, recovery=RecoveryStore(Path(tempfile.mkdtemp()) / "rec"))

        def open_window() -> str:
            window.show()
            app.processEvents()
            if not window.isVisible():
                raise SelfTestFailure("the main window did not open")
            return f"{len(store.documents())} corpus documents"

        def compose() -> str:
            draft = window.drafts.create_from_template("cop-draft-resolution")
            if draft is None:
                raise SelfTestFailure("no draft was created from the template")
            ctl = draft.controller
            for part, index, text in (
                (Part.PREAMBLE, 0, RECALL),
                (Part.OPERATIVE, 0, REQUEST),
                (Part.OPERATIVE, 1, DONORS),
            ):
                ctl.apply(InsertParagraph(part, None, index, make_paragraph(text, part)))
            app.processEvents()
            doc = ctl.doc
            if (len(doc.preamble), len(doc.operative)) != (1, 2):
                raise SelfTestFailure("the draft does not hold the paragraphs added")
            if not doc.operative[0].text.endswith(";") or not doc.operative[1].text.endswith("."):
                raise SelfTestFailure("operative punctuation was not kept (; then .)")
            ctl.stack.undo()
            ctl.stack.redo()
            state["doc"] = doc
            return "1 preambular, 2 operative; undo/redo"

        def check() -> str:
            findings = run_checks(state["doc"], Registry.from_store(store))  # type: ignore[arg-type]
            dates = [f for f in findings if f.code == "REF-DATE"]
            if not dates or "17 October 2008" not in (dates[0].evidence + dates[0].message):
                raise SelfTestFailure("the wrong date of decision 4/4 was not reported")
            return f"{len(findings)} findings, REF-DATE for decision 4/4"

        def export() -> str:
            write_docx(state["doc"], out)  # type: ignore[arg-type]
            return f"{out} ({out.stat().st_size} bytes)"

        def reopen() -> str:
            back, report = import_docx(out.read_bytes(), out.name)
            doc = state["doc"]
            before = [p.text for p in doc.all_paragraphs()]  # type: ignore[attr-defined]
            after = [p.text for p in back.all_paragraphs()]
            if before != after:
                raise SelfTestFailure(f"the exported file reads back differently: {after!r}")
            return f"{len(after)} paragraphs read back, {len(report.items)} report items"

        for name, action in (
            ("main window", open_window),
            ("draft from template", compose),
            ("checks", check),
            ("export .docx", export),
            ("reopen .docx", reopen),
        ):
            _step(name, action)
        for draft in list(window.drafts.open):
            draft.controller.stack.setClean()
        window.close()
    finally:
        store.close()


def main(argv: list[str]) -> int:
    """Run the self-test; ``argv`` may name the .docx to write."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="drafting-app-selftest-"))
    os.environ.setdefault("DRAFTING_APP_HOME", str(scratch / "home"))
    out = Path(argv[0]) if argv else scratch / "self-test.docx"
    from drafting_app.errors import DraftingError

    try:
        _run(out)
    except (SelfTestFailure, DraftingError) as exc:
        print(f"self-test FAILED: {exc}", file=sys.stderr)
        return 1
    print("self-test passed")
    return 0
