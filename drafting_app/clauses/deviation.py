"""Deviation from agreed language: where a paragraph departs from the clause it came from.

A clause inserted from the corpus remembers its source and the agreed text
(``Paragraph.provenance``); the editor shows, word by word, what the drafter changed —
the question every negotiator asks of a proposal ("is this agreed language?").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from drafting_app.model.document import Paragraph

Op = Literal["equal", "insert", "delete", "replace"]
_TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*|[^\w\s]|\s+", re.UNICODE)


@dataclass(frozen=True)
class DiffOp:
    """One run of the word diff.

    ``agreed``/``current`` are the texts of the run on each side; ``start``/``end`` are
    character offsets in the current text (for "delete", an empty range where the agreed
    words were), so the editor can underline or strike through in place.
    """

    op: Op
    agreed: str
    current: str
    start: int
    end: int


def _tokens(text: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.start()) for m in _TOKEN.finditer(text)]


def word_diff(agreed: str, current: str) -> list[DiffOp]:
    """Word-level differences between agreed language and the current text (difflib)."""
    a = _tokens(agreed)
    b = _tokens(current)
    matcher = difflib.SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        start = b[j1][1] if j1 < len(b) else len(current)
        end = b[j2 - 1][1] + len(b[j2 - 1][0]) if j2 > j1 else start
        ops.append(
            DiffOp(
                tag,
                "".join(t for t, _ in a[i1:i2]),
                "".join(t for t, _ in b[j1:j2]),
                start,
                end,
            )
        )
    return ops


def changes(agreed: str, current: str) -> list[DiffOp]:
    """Only the runs that differ, ignoring changes of white space alone."""
    return [
        op
        for op in word_diff(agreed, current)
        if op.op != "equal" and (op.agreed.strip() or op.current.strip())
    ]


def is_agreed(agreed: str, current: str) -> bool:
    """True when the current text is the agreed language (white space aside)."""
    return " ".join(agreed.split()) == " ".join(current.split())


def paragraph_deviation(paragraph: Paragraph) -> list[DiffOp] | None:
    """The changes of a paragraph from its agreed text; None if it has no provenance."""
    record = paragraph.provenance or {}
    agreed = record.get("agreed_text")
    if agreed is None:
        return None
    return changes(agreed, paragraph.text)
