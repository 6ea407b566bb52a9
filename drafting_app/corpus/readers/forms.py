"""Which text form a file is in, told without loading its reader: the corpus text and
Markdown forms (:mod:`.text`) or the text of an official GA PDF (:mod:`.pdftext`). Reading
a Markdown draft — ``drafting-app export draft.md`` — then never loads the PDF-text
reader and its mark finder."""

from __future__ import annotations

import re

RULE_RE = re.compile(r"^\s*_{5,}\s*$")
NOTE_RE = re.compile(r"^\s*(?P<label>\d{1,3})\s+(?P<text>\S.*)$")
INLINE_NOTE = "(Footnote:"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

__all__ = ["INLINE_NOTE", "NOTE_RE", "RULE_RE", "is_pdf_text"]


def is_pdf_text(text: str) -> bool:
    """Whether ``text`` is in the PDF-text form: a ``SOURCE:`` provenance line, inline
    ``(Footnote: …)`` notes, or footnotes as bare ``N text`` lines after a rule of
    underscores with no superscript or Markdown marks anywhere."""
    head = text.lstrip("\ufeff").lstrip()
    if head.startswith("SOURCE:") or INLINE_NOTE in text:
        return True
    if any(ch in text for ch in _SUPERSCRIPTS) or "<sup>" in text:
        return False
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if RULE_RE.match(line):
            rest = [ln for ln in lines[i + 1 :] if ln.strip()]
            return bool(rest) and all(NOTE_RE.match(ln) for ln in rest[:1])
    return False
