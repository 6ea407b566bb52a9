"""Closing punctuation of paragraphs (UN_FORMAT.md §1): preambular paragraphs end with a
comma, operative ones with a semicolon and the last with a full stop; a paragraph that
introduces sub-paragraphs ends with a colon; sub-paragraphs end with a semicolon and the
last takes its parent's closing punctuation. Decision form: the chapeau ends with a colon,
the lettered items with semicolons, the last with a full stop.

Only the final punctuation character(s) change; footnote marks after the punctuation
("Crime;²") keep their place after it.
"""

from __future__ import annotations

from drafting_app.model.changes import Edit
from drafting_app.model.document import Document, Paragraph
from drafting_app.model.text_edits import Splice

_CLOSING = ",;:."
PUNCTUATION = "Punctuation"


def closing_range(text: str) -> tuple[int, int]:
    """The span of the closing punctuation run (and trailing spaces) at the end of text."""
    start = len(text.rstrip())
    while start > 0 and text[start - 1] in _CLOSING:
        start -= 1
    return start, len(text)


def expected_closing(p: Paragraph, own: str) -> str:
    """A paragraph closes with ``own`` unless it introduces sub-paragraphs (colon)."""
    return ":" if p.children else own


def _fix(p: Paragraph, want: str) -> Edit | None:
    if not p.text.strip():
        return None  # an empty new paragraph: nothing to punctuate yet
    start, end = closing_range(p.text)
    if p.text[start:end] == want:
        return None
    return Splice(p.id, len(p.text) - start, p.text[start:end], want, from_end=True,
                  kind=PUNCTUATION)  # fmt: skip


def _tree(paras: list[Paragraph], own: str, last: str, out: list[Edit]) -> None:
    """``own`` for every paragraph of the list but the last, which takes ``last``."""
    for i, p in enumerate(paras):
        closing = last if i == len(paras) - 1 else own
        fix = _fix(p, expected_closing(p, closing))
        if fix is not None:
            out.append(fix)
        _tree(p.children, ";", closing, out)


def punctuation_fixes(doc: Document) -> list[Edit]:
    """The edits that give every body paragraph its closing punctuation."""
    out: list[Edit] = []
    if doc.chapeau is not None:
        fix = _fix(doc.chapeau, ":")
        if fix is not None:
            out.append(fix)
    _tree(doc.preamble, ",", ",", out)
    _tree(doc.operative, ";", ".", out)
    return out
