"""Readers for tests of the reading process (tests/gui/test_file_reading.py): module-level
functions, so that the app can send them to the process that reads files, each leaving a
trace of where it ran next to the file it is given."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any


def _note_pid(path: Path) -> None:
    Path(f"{path}.pid").write_text(str(os.getpid()), encoding="ascii")


def load_project_noting_pid(path: Path) -> Any:
    from drafting_app.storage.project import load_project

    _note_pid(path)
    return load_project(path)


def read_word_texts_noting_pid(path: Path) -> Any:
    from drafting_app.gui.files.word_import import read_word_texts

    _note_pid(path)
    return read_word_texts(path)


def read_for_ever(path: Path) -> Any:
    """A reader that never comes back by itself (30 s) and checks no Cancel flag: only
    killing its process stops it."""
    _note_pid(path)
    time.sleep(30)
    raise AssertionError("the reading was never cancelled")


def read_without_end(path: Path) -> Any:
    """A reader that allocates without bound, as a hostile file could make one."""
    _note_pid(path)
    return len(bytearray(4 * 2**30))  # 4 GB at once


def read_and_die(path: Path) -> Any:
    """A reader whose process dies under it (a crash in a C library)."""
    _note_pid(path)
    os._exit(70)
