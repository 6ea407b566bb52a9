"""The bytes of a text file (.txt, .md) → its text, every repair said.

Texts arrive as UTF-8, sometimes with a byte or two from elsewhere: a curly apostrophe
pasted from a Windows program (0x92 in Windows-1252) into an otherwise UTF-8 file. Reading
the whole file as Windows-1252 then turns every real UTF-8 character into two or three
("Organizationâ€™s"), silently. Instead the file is read as UTF-8 and only the bytes that
are not UTF-8 are read as Windows-1252 (the encoding they almost always come from; a file
wholly in Windows-1252 is read right the same way), each counted with the line it stands
on. Characters XML cannot hold (:mod:`drafting_app.model.characters`) are repaired too.
What was repaired goes into the current reading's notes (:mod:`.limits`), which the
import report shows.
"""

from __future__ import annotations

import re

from drafting_app.corpus.readers.limits import MAX_TEXT_LINES, check_count
from drafting_app.corpus.readers.limits import note as _note
from drafting_app.errors import FormatError
from drafting_app.model.characters import xml_legal

MAX_TEXT_BYTES = 20 * 1024 * 1024
# surrogateescape decodes byte 0xNN that is not UTF-8 to the lone surrogate U+DCNN.
_ESCAPED_RE = re.compile("[\udc80-\udcff]")


def _windows_1252(m: re.Match[str]) -> str:
    byte = bytes([ord(m.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: unused in Windows-1252
        return "\ufffd"


def _repaired(data: bytes, name: str) -> str:
    text = data.decode("utf-8", errors="surrogateescape")
    bad = list(_ESCAPED_RE.finditer(text))
    lines = sorted({text.count("\n", 0, m.start()) + 1 for m in bad[:20]})
    fixed = _ESCAPED_RE.sub(_windows_1252, text)
    shown = ", ".join(str(n) for n in lines[:5]) + (" …" if len(lines) > 5 else "")
    many = len(bad) != 1
    wholly = len(bad) == sum(1 for b in data if b >= 0x80)
    how = (
        "the file is in Windows-1252, not UTF-8"
        if wholly and many
        else f"{'they were' if many else 'it was'} read as Windows-1252"
    )
    where = f"line{'s' if len(lines) != 1 else ''} {shown}"
    _note(
        f"{name}: {len(bad)} byte{'s' if many else ''} not in UTF-8 ({where}); {how}. "
        "Check the characters there."
    )
    return fixed


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text (with or without BOM), any non-UTF-8 byte repaired and noted; a clear
    error for empty, binary, oversized or far too many lines."""
    if not data.strip():
        raise FormatError(f"{name} is empty: there is no text to read.")
    if len(data) > MAX_TEXT_BYTES:
        raise FormatError(
            f"{name} is larger than {MAX_TEXT_BYTES // 2**20} MB; it is not a resolution text."
        )
    if b"\x00" in data[:65536]:
        raise FormatError(f"{name} is a binary file, not a text document.")
    check_count(name, data.count(b"\n"), MAX_TEXT_LINES, "lines")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _repaired(data, name)
    # a form feed is a page break (pdftotext writes one between pages): a new line, not
    # a control character to repair
    text, illegal = xml_legal(text.replace("\f", "\n"))
    if illegal:
        _note(
            f"{name}: {illegal} control character{'s' if illegal != 1 else ''} that a Word "
            "document cannot hold replaced by a space or �."
        )
    return text
