"""Mutation fuzzing shared by the CI-sized tests and benchmarks/fuzz.py: real documents are
mutated (byte flips, truncation, duplicated and deleted spans, injected markup) and fed to
a reader, which must either return a Document or raise a DraftingError — never anything
else, never hang."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

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


@dataclass
class FuzzReport:
    runs: int = 0
    documents: int = 0
    typed_errors: int = 0
    crashes: list[tuple[str, str]] = field(default_factory=list)


def fuzz(
    seeds: list[bytes], reader: Callable[[bytes], object], runs: int, seed: int = 0
) -> FuzzReport:
    """Feed ``runs`` mutated inputs to ``reader``; collect anything that is not a typed error."""
    rng = random.Random(seed)
    report = FuzzReport()
    for data in _inputs(seeds, rng, runs):
        report.runs += 1
        try:
            reader(data)
            report.documents += 1
        except DraftingError:
            report.typed_errors += 1
        except Exception as exc:
            report.crashes.append((type(exc).__name__ + ": " + str(exc)[:200], data[:300].hex()))
    return report


def _inputs(seeds: list[bytes], rng: random.Random, runs: int) -> Iterator[bytes]:
    for _ in range(runs):
        data = rng.choice(seeds)
        for _ in range(rng.randint(1, 4)):
            data = mutate(data, rng)
        yield data
