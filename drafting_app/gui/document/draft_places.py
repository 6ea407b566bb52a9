"""Places in an open draft as a drafter names them ("operative 9 (a)", "preamble 2",
"footnote 3") and going there: the paragraph chosen in the outline, the span selected on
the page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting_app.model.document import Document, Part
from drafting_app.model.places import paragraph_names

__all__ = ["anchor_places", "is_body_paragraph", "paragraph_names", "part_of", "reveal"]

if TYPE_CHECKING:  # the editor's footnote list uses the names: no import cycle at runtime
    from drafting_app.gui.document.draft_editor import DraftEditor


def anchor_places(doc: Document) -> dict[str, tuple[str, int]]:
    """Footnote id → (paragraph id, offset) of its first mark in the text."""
    out: dict[str, tuple[str, int]] = {}
    for p in doc.all_paragraphs():
        for a in p.anchors:
            out.setdefault(a.footnote_id, (p.id, a.offset))
    return out


def is_body_paragraph(doc: Document, pid: str) -> bool:
    return any(p.id == pid for _, p in doc.body_paragraphs())


def part_of(doc: Document, pid: str) -> Part | None:
    for part, p in doc.body_paragraphs():
        if p.id == pid:
            return part
    return None


def reveal(editor: DraftEditor, pid: str, start: int = 0, end: int = 0) -> bool:
    """Choose paragraph ``pid`` in the outline and select ``[start, end)`` of its text on
    the page, in view (the caret at ``start`` when the span is empty); False when the
    paragraph is not in the outline (deleted since, or the front matter)."""
    if not editor.model.index_of(pid).isValid():
        return False
    editor.select(pid)
    editor.tabs.setCurrentIndex(0)
    page = editor.page
    length = len(editor.controller.doc.paragraph(pid).text)
    start = min(start, length)
    if end > start:
        page.select_paragraph(pid, start, min(end, length))
    else:
        page.set_caret(("p", pid), start)
        page.ensureCursorVisible()
    page.setFocus()
    return True
