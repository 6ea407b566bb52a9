"""A reader in a process of its own, each input measured (issue 22 §4, §12).

Run as ``python -m tests.reliability.bounded_child`` with a JSON job on stdin:
``{"inputs": [{"target": "docx", "path": "…"}, …]}`` reads the given files, or
``{"fuzz": "docx members/XML", "runs": 80, "seed": 5}`` feeds that fuzz target's mutated
inputs. The process limits its own address space (RLIMIT_AS, so that a reader gone wild
fails here with a MemoryError instead of taking the machine), and for every input resets
the peak resident size the kernel keeps (``/proc/self/clear_refs``), runs the reader and
prints one JSON line: the outcome (``document``, ``refused`` with the message, or
``crash``), the CPU and wall seconds, and the peak resident megabytes of the whole process
while the input was read.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import os
import resource
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

ADDRESS_SPACE = 3 * 2**30  # far above the 500 MB a reader may use: a cap, not the measure


def reset_peak() -> None:
    """Give the memory the last input left back to the system (the collector, then glibc's
    malloc_trim), and make the kernel's peak resident size (VmHWM) start again from there:
    each input is measured from the same floor."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    Path("/proc/self/clear_refs").write_text("5")


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def readers() -> dict[str, Callable[[bytes], object]]:
    from drafting_app.corpus.readers.docx import import_docx_texts
    from drafting_app.corpus.readers.pdf import read_pdf_bytes
    from tests.reliability.fuzz_targets import (
        import_docx_checking_loss,
        load_and_use_collection,
        load_and_use_project,
        read_text_bytes,
    )

    return {
        "docx": lambda d: import_docx_texts(d, "hostile.docx"),
        "docx-oracle": import_docx_checking_loss,
        "pdf": lambda d: read_pdf_bytes(d, "hostile.pdf"),
        "text": read_text_bytes,
        "project": load_and_use_project,
        "collection": load_and_use_collection,
    }


def measure(reader: Callable[[bytes], object], data: bytes) -> dict[str, object]:
    from drafting_app.errors import DraftingError

    reset_peak()
    cpu0, wall0 = time.process_time(), time.monotonic()
    try:
        reader(data)
        outcome, message = "document", ""
    except DraftingError as exc:
        outcome, message = "refused", str(exc)
    except BaseException as exc:  # the bug hunted: anything but a document or a refusal
        outcome = "crash"
        message = f"{type(exc).__name__}: {str(exc)[:300]} {traceback.format_exc()[-600:]}"
    return {
        "outcome": outcome,
        "message": message[:1000],
        "cpu_s": round(time.process_time() - cpu0, 3),
        "wall_s": round(time.monotonic() - wall0, 3),
        "peak_mb": round(peak_mb(), 1),
    }


def _fuzz_inputs(name: str, runs: int, seed: int) -> Iterator[tuple[str, bytes]]:
    import random

    from tests.reliability.fuzz_targets import TARGETS
    from tests.reliability.fuzzing import inputs

    target = next(t for t in TARGETS if t.name == name)
    rng = random.Random(seed)
    for data in inputs(target.seeds(), rng, runs, target.mutator):
        yield target.kind, data


def main() -> int:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    os.environ.setdefault("DRAFTING_APP_HOME", sys.argv[1] if len(sys.argv) > 1 else "/tmp")
    job = json.loads(sys.stdin.read())
    table = readers()
    if "fuzz" in job:
        items: Iterator[tuple[str, bytes]] = _fuzz_inputs(job["fuzz"], job["runs"], job["seed"])
    else:
        items = ((i["target"], Path(i["path"]).read_bytes()) for i in job["inputs"])
    for n, (kind, data) in enumerate(items):
        result = measure(table[kind], data)
        result["index"] = n
        if result["outcome"] == "crash":
            result["input"] = data[:2000].hex()
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
