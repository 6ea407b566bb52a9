"""The page's commands for the section headings of the operative part ("I" /
"Implementation of the Convention", "Peacebuilding Commission"): Add Section Heading Above
an operative paragraph, Remove Section Heading, in the page's context menu. A heading is
retyped on the page like the title; these add and remove one (Ctrl+Z undoes either)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from drafting_app.errors import EditError
from drafting_app.model.document import Part
from drafting_app.model.section_edits import added_heading, removed_heading
from drafting_app.model.tree import locate

if TYPE_CHECKING:  # the page calls these; no import cycle at runtime
    from drafting_app.gui.document.page_view import DocumentView


def add_section_menu(view: DocumentView, menu: QMenu) -> None:
    """Offer Remove on a heading, Add on a top-level operative paragraph (a heading
    stands between numbered paragraphs, never inside a paragraph's (a), (b), nor in the
    preamble; an annex has its own headings, in the outline's menu)."""
    where = view.caret()
    if where is None:
        return
    key = where[0]
    if key[0] == "section":
        pid, index = key[1], int(key[2])
        menu.addSeparator()
        menu.addAction("Remove Section &Heading", lambda: remove_heading(view, pid, index))
    elif key[0] == "p":
        pid = key[1]
        try:
            loc = locate(view.controller.doc, pid)
        except EditError:  # a paragraph of a lettered part: its lists have no Location
            return
        if loc.parent_id is None and loc.annex is None and loc.part is Part.OPERATIVE:
            menu.addSeparator()
            menu.addAction("Add Section &Heading Above", lambda: add_heading(view, pid))


def add_heading(view: DocumentView, pid: str) -> bool:
    """A heading "New section heading" above ``pid``, selected so typing replaces it."""
    edit = added_heading(view.controller.doc, pid)
    if not view.controller.apply(edit, fixes=False):
        return False
    index = len(edit.headings) - 1
    view.set_caret(("section", pid, str(index)), len(edit.headings[index]), anchor=0)
    return True


def remove_heading(view: DocumentView, pid: str, index: int) -> bool:
    """Heading ``index`` above ``pid`` removed; the caret goes to the paragraph."""
    text = view.controller.doc.paragraph(pid).headings[index]
    if not view.controller.apply(removed_heading(view.controller.doc, pid, index), fixes=False):
        return False
    view.set_caret(("p", pid), 0)
    view.message.emit(f"Section heading \u201c{text}\u201d removed (Ctrl+Z brings it back).")
    return True
