"""The draft editor's annex commands: Paragraph › Add Annex, Delete Annex, and the
outline's context menu that offers them. A GA resolution often annexes the text it adopts
(a political declaration, a plan of action), and drafters negotiate that text too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from drafting_app.model.annex_edits import DeleteAnnex, annex_name, new_annex
from drafting_app.model.document import Part
from drafting_app.model.tree import annex_of

if TYPE_CHECKING:  # the editor calls these; no import cycle at runtime
    from drafting_app.gui.draft_editor import DraftEditor


def add_annex(editor: DraftEditor) -> None:
    """A new annex at the end ("Annex", or "Annex II" with the first renamed "Annex I"),
    chosen in the outline with the caret in its title lines."""
    edit, annex = new_annex(editor.controller.doc)
    if editor.controller.apply(edit, fixes=False):
        editor.select(annex.id)
        editor.tabs.setCurrentIndex(0)
        editor.annex_form.lines.setFocus()


def delete_annex(editor: DraftEditor) -> None:
    """Delete the current annex with its paragraphs (Ctrl+Z brings it back)."""
    annex = editor.current_annex()
    if not annex:
        editor.message.emit("Choose an annex in the outline first.")
        return
    doc = editor.controller.doc
    name = annex_name(doc, annex_of(doc, annex))
    if editor.controller.apply(DeleteAnnex(annex), fixes=False):
        editor.outline.setCurrentIndex(editor.model.group_index(Part.OPERATIVE))
        editor.message.emit(f"{name} deleted (Ctrl+Z brings it back).")


def outline_menu(editor: DraftEditor) -> QMenu:
    """The outline's context menu for the current row."""
    menu = QMenu(editor)
    menu.addAction("New Paragraph", editor.new_paragraph)
    if editor.current_pid():
        menu.addAction("Delete Paragraph", editor.delete_paragraph)
    menu.addSeparator()
    menu.addAction("Add Annex", editor.add_annex)
    if editor.current_annex():
        menu.addAction("Delete Annex", editor.delete_annex)
    return menu
