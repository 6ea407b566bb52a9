"""Mutation fuzzing shared by the CI-sized tests and benchmarks/fuzz.py: real documents are
mutated (byte flips, truncation, duplicated and deleted spans, injected markup; Word
packages also member by member and element by element) and fed to a reader, which must
either return a Document or raise a DraftingError — never anything else, never hang (each
input runs under a timer)."""

from __future__ import annotations

import io
import random
import signal
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from lxml import etree

from drafting_app.errors import DraftingError

INJECTIONS = [
    b"\n\n\xc2\xb9 ",
    b"<sup>",
    b"</sup>",
    b"<sup>99</sup>",
    b"*",
    b"**",
    b"\n---\n",
    b"\n## ",
    b"(a) ",
    b"1. ",
    b"\n\n(i) ",
    b"\x00",
    b"\xff\xfe",
    b"\t",
    b"\r\n",
    b"Ibid.",
    b"[64/293](#)",
    b"\n__________________\n1 ",
    b"\n\nThe General Assembly,\n\n",
    b"Distr.: Limited\n",
    b"France:* draft resolution\n",
    "\u202e".encode(),
    b"&amp;",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random mutation of ``data``."""
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 64)))
    op = rng.randrange(6)
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, 400))
    if op == 0:
        return data[:i]
    if op == 1:
        return data[:i] + data[j:]
    if op == 2:
        return data[:j] + data[i:j] + data[j:]
    if op == 3:
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            k = rng.randrange(len(flipped))
            flipped[k] = rng.randrange(256)
        return bytes(flipped)
    if op == 4:
        return data[:i] + rng.choice(INJECTIONS) + data[i:]
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


_NUMBERS = ["-1", "0", "1", "3", "8", "99", "x", ""]


def mutate_xml(xml: bytes, rng: random.Random) -> bytes:
    """Elements of a Word part deleted, duplicated, moved, attributes scrambled."""
    root = etree.fromstring(xml)
    nodes = [e for e in root.iter() if e is not root and e.getparent() is not None]
    for _ in range(rng.randint(1, 6)):
        node = rng.choice(nodes)
        parent = node.getparent()
        if parent is None:
            continue
        action = rng.randrange(4)
        if action == 0:
            parent.remove(node)
        elif action == 1:
            parent.insert(rng.randrange(len(parent) + 1), etree.fromstring(etree.tostring(node)))
        elif action == 2:
            target = rng.choice(nodes)
            if node not in target.iterancestors() and target is not node:
                target.append(node)
        else:
            for attr in list(node.attrib):
                node.set(attr, rng.choice(_NUMBERS))
    return etree.tostring(root)


_DTD = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">'
    b'<!ENTITY x SYSTEM "file:///etc/passwd">]>'
)
_HOSTILE_NAMES = ["../../evil.xml", "/abs/word/document.xml", "word/../../x.xml", "C:\\x.xml"]


def mutate_package(data: bytes, rng: random.Random) -> bytes:
    """A Word package changed member by member: an XML part mutated, dropped, renamed,
    duplicated, given a DTD with entities, byte-flipped or cut; a hostile name added."""
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        members = [(i.filename, src.read(i)) for i in src.infolist()]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return mutate(data, rng)
    xml = [k for k, (name, _) in enumerate(members) if name.endswith(".xml")]
    k = rng.choice(xml) if xml else rng.randrange(len(members))
    name, blob = members[k]
    op = rng.randrange(8)
    if op <= 1 and blob.lstrip().startswith(b"<"):
        try:
            members[k] = (name, mutate_xml(blob, rng))
        except (etree.XMLSyntaxError, IndexError, ValueError):  # nothing left to move
            members[k] = (name, mutate(blob, rng))
    elif op == 2:
        del members[k]
    elif op == 3:
        members[k] = (rng.choice([*_HOSTILE_NAMES, name.upper(), name + "x"]), blob)
    elif op == 4:
        members.insert(rng.randrange(len(members) + 1), (name, mutate(blob, rng)))
    elif op == 5:
        body = blob.split(b"?>", 1)[-1]
        members[k] = (name, _DTD + body.replace(b">", b">&b;&x;", rng.randint(0, 3)))
    else:
        members[k] = (name, mutate(blob, rng))
    out = io.BytesIO()
    with (
        warnings.catch_warnings(),  # a repeated member name is one of the mutations
        zipfile.ZipFile(out, "w", rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])) as zf,
    ):
        warnings.simplefilter("ignore", UserWarning)
        for member, content in members:
            zf.writestr(member, content)
    return out.getvalue()


class Hang(BaseException):  # not an Exception: readers catch those
    """An input ran past its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in the running code after ``seconds`` (main thread, POSIX)."""

    def expire(_signum: int, _frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class FuzzReport:
    runs: int = 0
    documents: int = 0
    typed_errors: int = 0
    crashes: list[tuple[str, str]] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    slowest: float = 0.0
    messages: dict[str, int] = field(default_factory=dict)


def run_inputs(
    inputs: Iterator[bytes], reader: Callable[[bytes], object], timeout_s: float = 10.0
) -> FuzzReport:
    """Feed every input to ``reader``; anything but a result or a DraftingError is a crash,
    anything past ``timeout_s`` a hang."""
    report = FuzzReport()
    started = time.monotonic()
    for data in inputs:
        report.runs += 1
        t0 = time.monotonic()
        try:
            with time_limit(timeout_s):
                reader(data)
            report.documents += 1
        except DraftingError as exc:
            report.typed_errors += 1
            _count_message(report, str(exc))
        except Hang:
            report.hangs.append(data[:300].hex())
        except Exception as exc:
            report.crashes.append((type(exc).__name__ + ": " + str(exc)[:200], data[:300].hex()))
        report.slowest = max(report.slowest, time.monotonic() - t0)
    report.seconds = time.monotonic() - started
    return report


def _count_message(report: FuzzReport, message: str) -> None:
    if not message.strip():
        report.crashes.append(("DraftingError without a message", ""))
    key = message.split(":", 1)[-1].strip()[:40]
    report.messages[key] = report.messages.get(key, 0) + 1


def fuzz(
    seeds: list[bytes],
    reader: Callable[[bytes], object],
    runs: int,
    seed: int = 0,
    mutator: Callable[[bytes, random.Random], bytes] | None = None,
    timeout_s: float = 10.0,
) -> FuzzReport:
    """Feed ``runs`` mutated inputs to ``reader``; collect anything that is not a typed error."""
    rng = random.Random(seed)
    return run_inputs(inputs(seeds, rng, runs, mutator or mutate), reader, timeout_s)


def inputs(
    seeds: list[bytes],
    rng: random.Random,
    runs: int,
    mutator: Callable[[bytes, random.Random], bytes],
) -> Iterator[bytes]:
    for _ in range(runs):
        data = rng.choice(seeds)
        for _ in range(rng.randint(1, 4)):
            data = mutator(data, rng)
        yield data
