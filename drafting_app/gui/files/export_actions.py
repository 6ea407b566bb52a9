"""File › Export as Word… (Ctrl+E) and Export as PDF… (Ctrl+Shift+E): the current draft, or
the corpus document shown in the reading tab, as a UN-formatted file.

The file is made in memory and written atomically (export/files.py), so a refused export
leaves no half-written file and never touches an existing one; the reason is shown in a
message box, the path of a written file in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from drafting_app.errors import DraftingError
from drafting_app.export.files import file_stem
from drafting_app.model.document import Document

Writer = Callable[[Document, Path], object]


def write_docx(doc: Document, path: Path) -> object:
    """The Word writer, imported on first export: python-docx and lxml stay out of the
    app's start-up."""
    from drafting_app.export.docx_writer import write_docx as write

    return write(doc, path)


def export_pdf(doc: Document, path: Path) -> object:
    """The Qt PDF writer, imported on first export."""
    from drafting_app.gui.files.pdf_export import export_pdf as write

    return write(doc, path)


FORMATS: dict[str, tuple[str, str, str, Writer]] = {
    # key: (name in messages, suffix, file-dialog filter, writer)
    "docx": ("Word", ".docx", "Word document (*.docx)", write_docx),
    "pdf": ("PDF", ".pdf", "PDF document (*.pdf)", export_pdf),
}


class ExportActions(QObject):
    """Asks where, writes, reports. ``source()`` gives what to export: (document, folder
    to suggest, name for messages) or None when there is nothing to export."""

    message = Signal(str)

    def __init__(
        self,
        window: QWidget,
        source: Callable[[], tuple[Document, Path, str] | None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.source = source
        self.last_warning: QMessageBox | None = None
        self.last_path: Path | None = None

    def export_word(self) -> Path | None:
        return self.export("docx")

    def export_pdf(self) -> Path | None:
        return self.export("pdf")

    def export(self, key: str) -> Path | None:
        """Ask for a file name, write the file; the path written, or None."""
        kind, suffix, file_filter, writer = FORMATS[key]
        found = self.source()
        if found is None:
            self.message.emit("Open a draft or a corpus document to export it.")
            return None
        doc, folder, name = found
        suggested = folder / (file_stem(doc) + suffix)
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, f"Export {name} as {kind}", str(suggested), file_filter
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            writer(doc, path)
        except (DraftingError, OSError) as exc:
            self._warn(f"The {kind} file was not written", _reason(exc, path))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.last_path = path
        self.message.emit(f"Exported {name} as {kind}: {path}")
        return path

    def _warn(self, title: str, text: str) -> None:
        # Window-modal, not blocking: the reason stays on screen until read.
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("exportWarning")
        self.last_warning = box
        box.open()


def _reason(exc: Exception, path: Path) -> str:
    if isinstance(exc, PermissionError):
        return (
            f"You may not write to {path}: choose another folder, or close the file if "
            "another program has it open."
        )
    text = str(exc) or type(exc).__name__
    return f"{text}\n\nNothing was written to {path.name}; any earlier file is unchanged."
