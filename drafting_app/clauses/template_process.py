"""The drafter's own clause templates rendered in a process of their own, bounded in time
and memory (issue 22 §10).

The sandbox (:mod:`drafting_app.clauses.render`) keeps a template away from Python's
internals and the file system, and refuses the arithmetic and calls that would allocate
far more than a clause; but a 300-byte template can still loop for hours (an integer
squared in a loop, loops nested in loops) or double a text until it fills the memory
(``{% set s = s ~ s %}``), and no check inside one process can stop a single long
operation. A user's template is therefore rendered by a worker process, started once and
kept: it limits its own address space (RLIMIT_AS), and the app waits for its answer at
most ``RENDER_SECONDS``; a worker that runs past that is killed (and started again for
the next render) and the template refused with a message that names it and the limit.
The bundled templates are the app's own and render in the app's process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Mapping
from multiprocessing.connection import Connection
from typing import Any

from drafting_app.clauses.templates import ClauseTemplate
from drafting_app.errors import TemplateError

RENDER_SECONDS = 2.0
RENDER_MEMORY = 512 * 2**20
_START_SECONDS = 60.0  # the worker's own start (imports) is not the template's time


def _serve(conn: Connection, memory: int) -> None:
    """The worker: render what it is sent, one template at a time, until the pipe closes."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource  # POSIX; on Windows only the time limit applies

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    from drafting_app.clauses.render import render_in_process

    conn.send(("ready", None))
    while True:
        try:
            template, values = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", render_in_process(template, values)))
        except TemplateError as exc:
            conn.send(("error", str(exc)))
        except MemoryError:
            conn.send(("memory", None))
        except BaseException as exc:  # whatever a template did: said, never fatal
            conn.send(("error", f"{template.key} could not be rendered: {exc!r}."))


class TemplateProcess:
    """The worker process rendering user templates (started on first use, then kept)."""

    def __init__(self, seconds: float = RENDER_SECONDS, memory: int = RENDER_MEMORY) -> None:
        self.seconds = seconds
        self.memory = memory
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Connection | None = None

    def start(self) -> None:
        """Start the worker now (it takes a moment to import what it needs)."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        proc = context.Process(target=_serve, args=(child, self.memory), daemon=True)
        proc.start()
        child.close()
        if not parent.poll(_START_SECONDS) or parent.recv()[0] != "ready":
            proc.kill()
            raise TemplateError("The process that renders your own templates did not start.")
        self._proc, self._conn = proc, parent

    def _stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def render(self, template: ClauseTemplate, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        """``render_text`` of ``template`` in the worker, within the limits."""
        with self._lock:
            self._start()
            assert self._conn is not None
            value: Any = None
            try:
                self._conn.send((template, dict(values)))
                answered = self._conn.poll(self.seconds)
                kind, value = self._conn.recv() if answered else ("time", None)
            except (EOFError, OSError, BrokenPipeError):  # the worker died: out of memory
                kind, value = "memory", None
            if kind in ("time", "memory"):
                self._stop()  # killed while it runs; a new one for the next render
        if kind == "ok":
            text, notes = value
            return str(text), [str(n) for n in notes]
        if kind == "time":
            raise TemplateError(
                f"{template.key}: refused — it did not finish within {self.seconds:g} s "
                "(a loop that never ends, or far more work than a clause needs)."
            )
        if kind == "memory":
            raise TemplateError(
                f"{template.key}: refused — it needed more than {self.memory // 2**20} MB "
                "to render (a text or number that grows without bound)."
            )
        raise TemplateError(str(value))

    def close(self) -> None:
        with self._lock:
            self._stop()


_PROCESS = TemplateProcess()


def render_user_template(
    template: ClauseTemplate, values: Mapping[str, Any]
) -> tuple[str, list[str]]:
    """Render a drafter's own template in the shared worker process."""
    return _PROCESS.render(template, values)
