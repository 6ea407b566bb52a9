"""The readers of File › Open and import run in a process of their own (issue 22 §4, §5).

On a thread of the app's own process a reader competes with the window for Python's
interpreter lock: the lock passes between threads every few milliseconds, but with a
second worker running (the spelling dictionary loading) and a busy machine the window
waited up to half a second for its turn while a long PDF was read. A process of its own
shares nothing with the window, so the window paints whatever the reader does; it also
bounds what a reader may cost as no check inside one process can:

- its address space is capped (``READ_MEMORY``, POSIX): a file that would make a reader
  allocate without end is refused with a message instead of taking the app with it;
- Cancel kills it at once, wherever the reader is (the next reading starts a new one).

The process is spawned on the first reading and kept for the next ones (it imports the
readers once). The reading's notes (what the reader repaired) come back with the result;
an error the reader raised comes back as that error, raised in the app as if the reader
had run there.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from drafting_app.corpus.readers.limits import ReadingCancelled, reading
from drafting_app.errors import DraftingError, FormatError

# Far above what any reader needs for a file within the work limits (the hostile files of
# benchmarks/hostile_files.py peak under 200 MB resident), the interpreter's own mappings
# included: a backstop, not the limit a drafter meets (the work limits come first).
READ_MEMORY = 1024 * 2**20
_START_SECONDS = 60.0  # the process's own start (imports), not the file's time
_POLL_SECONDS = 0.05  # how often the waiting thread looks at Cancel


@dataclass
class Answer:
    """What the reading process sent back: the value, or the error the reader raised."""

    value: Any = None
    error: BaseException | None = None
    notes: list[str] = field(default_factory=list)
    pid: int = 0  # the process that read (tests check it was not the app's)


def _sendable(exc: BaseException, name: str) -> BaseException:
    """``exc`` if it crosses to the app intact, else a plain error with its words."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # an exception class that does not pickle
        if isinstance(exc, DraftingError):
            return DraftingError(str(exc))
        return RuntimeError(f"reading {name}: {exc!r}")
    return exc


def _serve(conn: Connection, memory: int) -> None:
    """The reading process: read what it is sent, one file at a time, until the pipe
    closes."""
    import os

    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource  # POSIX; elsewhere Cancel and the work limits bound a reader

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    conn.send(("ready", None))
    while True:
        try:
            work, args, name = conn.recv()
        except (EOFError, OSError):
            return
        answer = Answer(pid=os.getpid())
        try:
            with reading(name) as r:
                answer.value = work(*args)
                answer.notes = list(r.notes)
        except MemoryError:
            answer = Answer(error=_memory_error(name, memory), pid=os.getpid())
        except BaseException as exc:  # handed to the app, raised or shown there
            answer.error = _sendable(exc, name)
        try:
            conn.send(answer)
        except MemoryError:
            conn.send(Answer(error=_memory_error(name, memory), pid=os.getpid()))
        except Exception as exc:  # a value that does not pickle: a bug, said
            conn.send(Answer(error=RuntimeError(f"reading {name}: {exc!r}"), pid=os.getpid()))


def _memory_error(name: str, memory: int) -> FormatError:
    return FormatError(
        f"{name} was not read: reading it needed more than {memory // 2**20} MB of memory, "
        "far more than any resolution or decision (a damaged or hostile file)."
    )


def _died_error(name: str, memory: int) -> FormatError:
    return FormatError(
        f"{name} was not read: the reader stopped while reading it (it needed more than "
        f"{memory // 2**20} MB of memory, or the file broke it). Nothing was opened."
    )


class ReaderProcess:
    """The process that reads files for the window (spawned on first use, then kept)."""

    def __init__(self, memory: int = READ_MEMORY) -> None:
        self.memory = memory
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Connection | None = None

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else int(self._proc.pid)

    def _start(self, name: str, cancel: threading.Event) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        self._stop()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        proc = context.Process(
            target=_serve, args=(child, self.memory), daemon=True, name="drafting-app reader"
        )
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        waited = 0.0
        while not parent.poll(_POLL_SECONDS):
            waited += _POLL_SECONDS
            if cancel.is_set():
                self._stop()
                raise ReadingCancelled(f"Reading {name} was cancelled.")
            if waited > _START_SECONDS or not proc.is_alive():
                self._stop()
                raise DraftingError("The process that reads files did not start.")
        with contextlib.suppress(EOFError, OSError):
            if parent.recv()[0] == "ready":
                return
        self._stop()
        raise DraftingError("The process that reads files did not start.")

    def _stop(self) -> None:
        if self._proc is not None:
            with contextlib.suppress(OSError, ValueError):
                self._proc.kill()
                self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def read(
        self, name: str, work: Callable[..., Any], args: tuple[Any, ...], cancel: threading.Event
    ) -> Answer:
        """``work(*args)`` in the reading process (``work`` a module-level function, its
        arguments plain values); Cancel kills the process and raises ReadingCancelled.
        Called from a worker thread: it waits for the answer, never the window."""
        with self._lock:
            self._start(name, cancel)
            conn = self._conn
            assert conn is not None
            try:
                conn.send((work, args, name))
                while not conn.poll(_POLL_SECONDS):
                    if cancel.is_set():
                        self._stop()  # wherever the reader is; a new process next time
                        raise ReadingCancelled(f"Reading {name} was cancelled.")
                answer = conn.recv()
            except (EOFError, OSError):  # the process died: its memory cap, a crash
                self._stop()
                return Answer(error=_died_error(name, self.memory))
            if not isinstance(answer, Answer):
                self._stop()
                return Answer(error=DraftingError(f"{name}: the reader answered nonsense."))
            return answer

    def close(self) -> None:
        with self._lock:
            self._stop()


READER = ReaderProcess()
