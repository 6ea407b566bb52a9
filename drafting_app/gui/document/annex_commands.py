"""The draft editor's annex commands: Paragraph › Add Annex, Delete Annex, Add Heading,
Delete Heading, and the outline's context menu that offers them. A GA resolution often
annexes the text it adopts (a political declaration, a plan of action), and drafters
negotiate that text too, headings ("II. Implementation") included."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QWidget

from drafting_app.model.annex_edits import (
    DeleteAnnex,
    DeleteHeading,
    InsertHeading,
    annex_name,
    new_annex,
)
from drafting_app.model.document import Heading, Part
from drafting_app.model.tree import annex_of, heading_of, locate

NEW_HEADING = "New heading"

if TYPE_CHECKING:  # the editor calls these; no import cycle at runtime
    from drafting_app.gui.document.draft_editor import DraftEditor


def _open_form(editor: DraftEditor, row: str, field: QWidget) -> None:
    """Choose the new annex or heading in the outline with the caret in ``field``."""
    editor.select(row)
    editor.tabs.setCurrentIndex(0)
    field.setFocus()


def add_annex(editor: DraftEditor) -> None:
    """A new annex at the end ("Annex", or "Annex II" with the first renamed "Annex I"),
    chosen in the outline with the caret in its title lines."""
    edit, annex = new_annex(editor.controller.doc)
    if editor.controller.apply(edit, fixes=False):
        _open_form(editor, annex.id, editor.annex_form.lines)


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


def after_current_block(editor: DraftEditor, annex: str) -> int:
    """The place among the blocks of ``annex`` just after the chosen heading, or at the
    annex's end when the annex row itself is chosen."""
    doc = editor.controller.doc
    blocks = annex_of(doc, annex).blocks
    heading = editor.current_heading()
    return blocks.index(heading_of(doc, heading)[1]) + 1 if heading else len(blocks)


def add_heading(editor: DraftEditor) -> None:
    """A heading ("New heading") above the chosen annex paragraph (above its top-level
    paragraph for a sub-paragraph), after the chosen heading, or at the end of the chosen
    annex; chosen in the outline with the Heading field ready to be typed over."""
    annex = editor.current_annex()
    if not annex:
        editor.message.emit("Choose a paragraph or heading of an annex first.")
        return
    doc = editor.controller.doc
    if pid := editor.current_pid():
        # A heading stands between top-level paragraphs, never inside a paragraph's (a), (b).
        while (up := locate(doc, pid).parent_id) is not None:
            pid = up
        index = locate(doc, pid).index
    else:
        index = after_current_block(editor, annex)
    heading = Heading(NEW_HEADING)
    if editor.controller.apply(InsertHeading(annex, index, heading), fixes=False):
        _open_form(editor, heading.id, editor.annex_form.heading)
        editor.annex_form.heading.selectAll()  # typing replaces "New heading"


def delete_heading(editor: DraftEditor) -> None:
    """Delete the chosen heading; its paragraphs stay, under the heading before it."""
    heading = editor.current_heading()
    if not heading:
        editor.message.emit("Choose a heading of an annex in the outline first.")
        return
    annex = editor.current_annex()
    blocks = annex_of(editor.controller.doc, annex).blocks
    index = after_current_block(editor, annex)
    following = blocks[index].id if index < len(blocks) else annex
    if editor.controller.apply(DeleteHeading(annex, heading), fixes=False):
        editor.select(following)
        editor.message.emit("Heading deleted (Ctrl+Z brings it back).")


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
        menu.addAction("Add Heading", editor.add_heading)
    if editor.current_heading():
        menu.addAction("Delete Heading", editor.delete_heading)
    return menu
