"""Characters a UN document can hold: those XML 1.0 allows, so that every text that opens
can be saved (UTF-8 JSON) and exported (Word's XML parts, the PDF's text).

XML 1.0 allows tab, line feed, carriage return and the characters from U+0020, except the
surrogate code points (U+D800–U+DFFF, which UTF-8 cannot encode when they stand alone) and
U+FFFE and U+FFFF. Text from outside — a Word paste carries U+000B for a line break, a PDF
text layer U+000C at page ends, a hand-edited project file ``\\ud800`` — is repaired the
same way everywhere: controls become a space, the rest U+FFFD (the replacement character
Word shows for what it cannot read), and the caller says how many it repaired.
"""

from __future__ import annotations

import re
from typing import Any

_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


# The typographic ligatures of Unicode's Alphabetic Presentation Forms. A PDF set in a
# font that has them (DejaVu Serif, where Times New Roman is missing; many issued UN PDFs)
# gives "Traﬃcking" with U+FB03 for "ffi": the word then matches nothing in the corpus,
# the spelling or a search. Their compatibility decompositions, as NFKC would give.
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")


def unligated(text: str) -> str:
    """``text`` with each ligature character spelt out in its letters ("ﬁ" → "fi")."""
    return text.translate(_LIGATURES) if _LIGATURE_RE.search(text) else text


def _replacement(m: re.Match[str]) -> str:
    return " " if m.group() < " " else REPLACEMENT


def illegal_count(text: str) -> int:
    """How many characters of ``text`` XML cannot hold."""
    return len(_ILLEGAL_RE.findall(text)) if _ILLEGAL_RE.search(text) else 0


def xml_legal(text: str) -> tuple[str, int]:
    """``text`` with every character XML cannot hold repaired, and how many there were."""
    if _ILLEGAL_RE.search(text) is None:
        return text, 0
    return _ILLEGAL_RE.subn(_replacement, text)


def repair_values(value: Any) -> tuple[Any, int]:
    """Every string inside a JSON value (lists, tables, their keys) made XML-legal, and how
    many characters were repaired. Walked with a stack, not recursion: the value may come
    from a damaged file nested deeper than Python recurses."""
    total = 0
    root = [value]
    stack: list[tuple[list[Any] | dict[Any, Any], Any]] = [(root, 0)]
    while stack:
        container, key = stack.pop()
        item = container[key]
        if isinstance(item, str):
            fixed, n = xml_legal(item)
            if n:
                container[key] = fixed
                total += n
        elif isinstance(item, list):
            stack.extend((item, i) for i in range(len(item)))
        elif isinstance(item, dict):
            for k in list(item):
                if isinstance(k, str):
                    fixed, n = xml_legal(k)
                    if n:
                        item[fixed] = item.pop(k)
                        total += n
                        k = fixed
                stack.append((item, k))
    return root[0], total
