"""Places in an open draft as a drafter names them ("operative 9 (a)", "preamble 2",
"footnote 3") and going there: the paragraph chosen in the outline, the span selected on
the page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting_app.model.document import Document, Paragraph, Part
from drafting_app.model.numbering import paragraph_labels

if TYPE_CHECKING:  # the editor's footnote list uses the names: no import cycle at runtime
    from drafting_app.gui.document.draft_editor import DraftEditor


def paragraph_names(doc: Document) -> dict[str, str]:
    """Paragraph id → "preamble 2", "operative 3", "operative 9 (a)", "annex I 4"."""
    labels = paragraph_labels(doc)
    names: dict[str, str] = {}
    if doc.chapeau is not None:
        names[doc.chapeau.id] = "chapeau"
    for i, top in enumerate(doc.preamble, start=1):
        _name_tree(top, f"preamble {i}", labels, names)
    for top in doc.operative:
        _name_tree(top, f"operative {labels.get(top.id, '').rstrip('.')}".rstrip(), labels, names)
    for n, annex in enumerate(doc.annexes, start=1):
        for p in annex.paragraphs():
            _name_tree(p, f"annex {n} {labels.get(p.id, '').rstrip('.')}".rstrip(), labels, names)
    return names


def _name_tree(p: Paragraph, name: str, labels: dict[str, str], out: dict[str, str]) -> None:
    out[p.id] = name
    for c in p.children:
        _name_tree(c, f"{name} {labels.get(c.id, '')}".rstrip(), labels, out)


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
