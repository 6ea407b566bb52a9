"""The questions that protect a drafter's files (issue 11 §2): a draft changed on disk by
someone else since it was opened (overwrite, save under another name, or cancel), and a
damaged draft whose ``.bak`` from the previous save can be opened instead."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from drafting_app.errors import DraftingError
from drafting_app.storage.project import CorruptProjectError, Project, load_project

READ_ONLY_MARK = " (read-only)"
Role = QMessageBox.ButtonRole


class ChangedChoice(Enum):
    """What to do with a draft whose file another program changed."""

    OVERWRITE = "overwrite"
    SAVE_AS = "save-as"
    CANCEL = "cancel"


def ask_changed_on_disk(parent: QWidget, name: str, reason: str) -> ChangedChoice:
    """Modal question: overwrite the other changes, save as, or cancel (the default: a
    colleague's work is never lost by pressing Enter)."""
    box = QMessageBox(parent)
    box.setObjectName("changedOnDisk")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The file changed on disk")
    box.setText(f"“{name}” was changed by another program since you opened it.")
    box.setInformativeText(
        f"{reason}\n\nOverwrite replaces those changes with yours (the other version is "
        "kept as a .bak beside the file)."
    )
    overwrite = box.addButton("Overwrite", Role.DestructiveRole)
    save_as = box.addButton("Save As…", Role.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is overwrite:
        return ChangedChoice.OVERWRITE
    if clicked is save_as:
        return ChangedChoice.SAVE_AS
    return ChangedChoice.CANCEL


def offer_backup(parent: QWidget, error: CorruptProjectError) -> Project | None:
    """A damaged draft: explain, and when a ``.bak`` exists offer to open it. Returns the
    backup's project (with ``path`` set to the damaged file it stands in for) or None."""
    box = QMessageBox(parent)
    box.setObjectName("damagedDraft")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The draft could not be opened")
    box.setText(str(error))
    open_backup = None
    if error.backup is not None:
        box.setInformativeText(
            "Open the backup instead? It is the version before the last save; it opens "
            "as unsaved changes, and saving it replaces the damaged file (which is then "
            "kept as the .bak)."
        )
        open_backup = box.addButton("Open Backup", Role.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if open_backup is None or box.clickedButton() is not open_backup or error.backup is None:
        return None
    return _load_backup(parent, error.backup)


def _load_backup(parent: QWidget, backup: Path) -> Project | None:
    try:
        project = load_project(backup)
    except DraftingError as exc:
        QMessageBox.warning(parent, "The backup could not be opened", str(exc))
        return None
    original = backup.with_name(backup.name.removesuffix(".bak"))
    project.path = original
    project.fingerprint = None  # the damaged file may be replaced
    return project


def title_for(name: str, read_only: bool) -> str:
    """The draft's name in the title bar and tab, marked when it is open read-only."""
    return name + (READ_ONLY_MARK if read_only else "")
