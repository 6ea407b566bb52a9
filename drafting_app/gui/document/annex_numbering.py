"""The page's commands for the numbering of an annex: a paragraph printed without a number
(a convention's preamble, an article of one paragraph, the testimonium "In witness
whereof") and an annex numbered within each article (an annexed convention, statute or
rules of procedure: "Article 3 / 1. … 2. …"). Both are checkable entries of the page's
context menu on a paragraph of an annex; each is one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from drafting_app.errors import EditError
from drafting_app.model.annex_edits import SetAnnexRestarts, SetNumbered
from drafting_app.model.changes import Edit
from drafting_app.model.tree import annex_of, locate

if TYPE_CHECKING:  # the page calls these; no import cycle at runtime
    from drafting_app.gui.document.page_view import DocumentView

NUMBERED = "&Numbered Paragraph"
RESTARTS = "Number Within Each &Article"


def add_numbering_menu(view: DocumentView, menu: QMenu) -> None:
    """On a paragraph of an annex: Numbered Paragraph (top level only) and Number Within
    Each Article, each ticked as it stands."""
    where = view.caret()
    if where is None or where[0][0] != "p":
        return
    pid = where[0][1]
    doc = view.controller.doc
    try:
        loc = locate(doc, pid)
    except EditError:  # a paragraph of a lettered part: not in an annex
        return
    if loc.annex is None:
        return
    annex = annex_of(doc, loc.annex)
    menu.addSeparator()
    if loc.parent_id is None:
        numbered = menu.addAction(NUMBERED)
        numbered.setCheckable(True)
        numbered.setChecked(not doc.paragraph(pid).unnumbered)
        numbered.toggled.connect(lambda on: set_numbered(view, pid, on))
    restarts = menu.addAction(RESTARTS)
    restarts.setCheckable(True)
    restarts.setChecked(annex.restarts)
    restarts.toggled.connect(lambda on: set_restarts(view, annex.id, on))


def set_numbered(view: DocumentView, pid: str, numbered: bool) -> bool:
    """Paragraph ``pid`` of an annex numbered or printed without a number."""
    said = "Paragraph numbered" if numbered else "Paragraph printed without a number"
    return _apply(view, SetNumbered(pid, numbered), said)


def set_restarts(view: DocumentView, annex_id: str, restarts: bool) -> bool:
    """The annex numbered within each article, or on through its headings."""
    said = "Numbered from 1 after each heading" if restarts else "Numbered on through the annex"
    return _apply(view, SetAnnexRestarts(annex_id, restarts), said)


def _apply(view: DocumentView, edit: Edit, said: str) -> bool:
    if not view.controller.apply(edit, fixes=False):
        return False
    view.message.emit(f"{said} (Ctrl+Z undoes it).")
    return True
