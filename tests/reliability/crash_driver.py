"""A drafter at the keyboard, in a process of its own, to be killed (issue 11 §1, issue 22
§1).

Run as ``python -m tests.reliability.crash_driver --home H --project P --log L --seed N
[--mode type|save-loop|unsaved|typist]``. It builds the real :class:`MainWindow` offscreen with the
real recovery store and the real snapshot timers, accepts the recovery offer when a
crashed session left drafts (clicking the dialog's Restore button), otherwise opens the
project file or starts a new draft, and then types, inserts and moves paragraphs with key
clicks, pressing Ctrl+S now and then (``save-loop``: after every keystroke or two). The
``typist`` types one key at a time at a human speed (5 to 10 keys a second) without ever
pausing and never saves: the run that a snapshot timer restarted at every key would never
protect. Every save and every snapshot is logged, one JSON line each, fsync'ed, BEFORE and
AFTER it happens — so whoever kills the process knows which versions may be on disk:

- ``save-begin``/``save-done`` with the sha256 of the exact bytes the save writes;
- ``snap-begin``/``snap-done`` and ``discard-begin``/``discard-done`` with the sha256 of
  the document JSON the snapshot holds (``key`` names the draft);
- ``restored`` with the hashes of the drafts restored from the offer, ``ready`` once the
  session is editing;
- ``key`` after each key the typist pressed, with the time (``time.monotonic``, one clock
  for every process of the machine) and the hash of the draft it made.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

import drafting_app.gui.files.drafts as drafts_module
from drafting_app.gui.files.file_guard import ChangedChoice
from drafting_app.model.document import Document
from drafting_app.storage.codec import document_to_json
from drafting_app.storage.project import encode_project
from drafting_app.storage.recovery import RecoveryStore, SnapshotJob

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
PHRASES = (
    "Recalling its resolution 64/293 of 30 July 2010, ",
    "Requests the Secretary-General to report; ",
    'Welcomes the efforts of Member States & "partners" <to> ',
    "strengthen cooperation ",
    "Decides to remain seized of the matter. ",
)


def json_hash(document: dict[str, Any]) -> str:
    """The sha256 of a document's JSON values, keys sorted."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_hash(doc: Document) -> str:
    """The sha256 of a document's JSON (what a snapshot holds and a restore gives back)."""
    return json_hash(document_to_json(doc))


class Log:
    """Append-only JSON lines, each on disk before the driver goes on."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def __call__(self, event: str, **fields: Any) -> None:
        line = json.dumps({"ev": event, **fields}) + "\n"
        os.write(self.fd, line.encode("utf-8"))
        os.fsync(self.fd)


class LoggingRecovery(RecoveryStore):
    """The real recovery store, telling the log what it is about to write and wrote (on
    the snapshot writer's thread, where the writes happen)."""

    def __init__(self, log: Log) -> None:
        super().__init__()
        self.log = log

    def write_prepared(self, job: SnapshotJob) -> Path:
        h = json_hash(job.document)
        self.log("snap-begin", key=job.key, hash=h, session=self.session)
        target = super().write_prepared(job)
        self.log("snap-done", key=job.key, hash=h, session=self.session)
        return target

    def discard(self, key: str) -> None:
        self.log("discard-begin", key=key, session=self.session)
        super().discard(key)
        self.log("discard-done", key=key, session=self.session)


def _log_saves(log: Log) -> None:
    """Wrap the save the Drafts object calls so each save is logged around the write."""
    real = drafts_module.save_project

    def logged(doc: Document, path: Any, settings: Any = None, **kw: Any) -> Any:
        h = hashlib.sha256(encode_project(doc, settings)).hexdigest()
        log("save-begin", hash=h)
        result = real(doc, path, settings, **kw)
        log("save-done", hash=h)
        return result

    drafts_module.save_project = logged  # type: ignore[assignment]


def _die_inside_writes(project: Path, point: str, after: int) -> None:
    """Kill this process from inside the atomic write of the ``after``-th save of the
    project (``save-*``) or snapshot (``snap-*``): just before or just after the rename
    that publishes the new version — the moments a random kill rarely hits."""
    import drafting_app.storage.atomic as atomic

    real_replace = os.replace
    seen = {"n": 0}
    kind, when = point.split("-", 1)

    def replace(src: Any, dst: Any) -> None:
        dst_path = Path(dst)
        snapshot = dst_path.parent.name == "recovery" and "--" in dst_path.name
        ours = dst_path == project if kind == "save" else snapshot
        if ours and str(dst_path).endswith(".json"):
            seen["n"] += 1
            if seen["n"] > after and when == "before":
                os.kill(os.getpid(), signal.SIGKILL)
            real_replace(src, dst)
            if seen["n"] > after and when == "after":
                os.kill(os.getpid(), signal.SIGKILL)
            return
        real_replace(src, dst)

    atomic.os.replace = replace  # type: ignore[assignment]


def _overwrite(log: Log) -> ChangedChoice:
    log("asked-changed-on-disk")
    return ChangedChoice.OVERWRITE


def _start(window: Any, project: Path, log: Log) -> Any:
    """Restore what a crash left (through the offer dialog), else open or create."""
    window.startup()
    QTest.qWait(50)
    offer = window.recovery_offer
    if offer.box is not None and offer.restore_button is not None:
        QTest.mouseClick(offer.restore_button, Qt.MouseButton.LeftButton)
        QTest.qWait(20)
        restored = [document_hash(d.controller.doc) for d in window.drafts.open]
        log("restored", hashes=restored, paths=[str(d.controller.path) for d in window.drafts.open])
    else:
        log("restored", hashes=[], paths=[])
        if project.is_file():
            opened = window.drafts.open_path(project)
            if opened is not None:  # a long draft's tab comes a few turns later: now
                window.drafts.show_now(opened)
        else:
            window.drafts.create_from_template("cop-draft-resolution")
        box = window.drafts.last_warning
        if box is not None:  # e.g. a damaged file: the run cannot go on
            log("warning", text=box.text())
    draft = window.drafts.current()
    if draft is None:
        log("no-draft")
        sys.exit(3)
    return draft


def _act(window: Any, draft: Any, rng: random.Random, save_every: int, step: int) -> None:
    editor = draft.editor
    choice = rng.random()
    if choice < 0.12 or not editor.current_pid():
        QTest.keyClick(editor.outline if not editor.current_pid() else editor.page,
                       Qt.Key.Key_Return, CTRL)  # fmt: skip
    elif choice < 0.2:
        QTest.keyClick(editor.page, rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down]), ALT)
    elif choice < 0.24:
        QTest.keyClick(editor.page, Qt.Key.Key_Backspace)
    else:
        editor.page.setFocus()
        QTest.keyClicks(editor.page, rng.choice(PHRASES))
    if step % save_every == save_every - 1:
        QTest.keyClick(window, Qt.Key.Key_S, CTRL)


def _typist(draft: Any, rng: random.Random, log: Log, steps: int) -> None:
    """Type at 5–10 keys a second, one key event at a time, a new paragraph now and then,
    never stopping: each key logged with the state of the draft it made."""
    editor = draft.editor
    if not editor.current_pid():
        QTest.keyClick(editor.outline, Qt.Key.Key_Return, CTRL)
    editor.page.setFocus()
    typed = 0
    for step in range(steps):
        phrase = PHRASES[step % len(PHRASES)]
        for ch in phrase:
            QTest.keyClick(editor.page, ch)
            typed += 1
            log("key", t=time.monotonic(), n=typed, hash=document_hash(draft.controller.doc))
            QTest.qWait(rng.randint(100, 200))
        if step % 3 == 2:
            QTest.keyClick(editor.page, Qt.Key.Key_Return)
            log("key", t=time.monotonic(), n=typed, hash=document_hash(draft.controller.doc))
            QTest.qWait(rng.randint(100, 200))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", required=True, type=Path)
    ap.add_argument("--project", required=True, type=Path)
    ap.add_argument("--log", required=True, type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--mode", choices=["type", "save-loop", "unsaved", "typist"], default="type")
    ap.add_argument("--steps", type=int, default=100_000)
    ap.add_argument("--die", default="", help="save-before, save-after, snap-before, snap-after")
    ap.add_argument("--die-after", type=int, default=2)
    args = ap.parse_args(argv)
    os.environ["DRAFTING_APP_HOME"] = str(args.home)
    log = Log(args.log)
    log("start", pid=os.getpid())
    _log_saves(log)
    # Save As on a new draft: the file dialog answers with the project path.
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(args.project), ""))  # type: ignore[method-assign]
    # A prompt would block the run; the test of prompts is elsewhere (tests/gui).
    drafts_module.Drafts.ask_unsaved = lambda self, name: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    # A draft restored from a snapshot older than the file's last save (killed between the
    # save and the snapshot's removal) asks before saving over it; the drafter overwrites.
    drafts_module.ask_changed_on_disk = lambda *a: _overwrite(log)  # type: ignore[assignment]

    from drafting_app.corpus.store import CorpusStore
    from drafting_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["crash-driver"])
    store = CorpusStore.open(sync=False)
    window = MainWindow(store, recovery=LoggingRecovery(log))
    window.resize(1200, 800)
    draft = _start(window, args.project, log)
    if args.die:
        _die_inside_writes(args.project, args.die, args.die_after)
    log("ready", key=draft.key, session=window.recovery.session)
    rng = random.Random(args.seed)
    if args.mode == "typist":
        _typist(draft, rng, log, args.steps)
    save_every = {"save-loop": rng.randint(1, 2), "unsaved": 10**9}.get(
        args.mode, rng.randint(6, 20)
    )
    # Pauses as a drafter makes them: none, short, and now and then long enough for the
    # snapshot taken after a pause in typing (the app's own timer).
    pause = drafts_module.RECOVERY_DELAY_MS + 30
    for step in range(args.steps if args.mode != "typist" else 0):
        _act(window, draft, rng, save_every, step)
        QTest.qWait(rng.choice([0, 0, 5, 20, pause]))
    log("finished")
    window.close()
    store.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
