"""File › Print (Ctrl+P) and Print Preview: the draft in front (or the corpus document of
the reading tab) printed in the layout of issued UN documents — the same pages as
File › Export as PDF, footnotes at the foot of the page where their mark is, the symbol
and the page number running from page 2 (:class:`~drafting_app.gui.files.pdf_export.
PagePainter` paints both). Ctrl+P opens the preview, as Word's Print does, with its
Print button; *Print Without Preview* goes straight to the printer dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QSizeF, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from drafting_app.errors import DraftingError
from drafting_app.model.document import Document

Source = Callable[[], "tuple[Document, Path, str] | None"]


def print_document(doc: Document, printer: QPrinter) -> int:
    """Print ``doc`` on ``printer`` (its chosen page range); the pages printed."""
    from drafting_app.export.blocks import build_blocks
    from drafting_app.export.page import profile_for
    from drafting_app.gui.files.pdf_export import DPI, PagePainter

    layout = build_blocks(doc)
    profile = profile_for(layout)
    size = QPageSize(QSizeF(profile.width / 20, profile.height / 20), QPageSize.Unit.Point)
    printer.setFullPage(True)  # the UN margins are the layout's own
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF()))
    pages = PagePainter(layout, profile)
    wanted: list[int] = []
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage():
        wanted = list(range(printer.fromPage(), (printer.toPage() or len(pages.pages)) + 1))
    painter = QPainter()
    if not painter.begin(printer):
        raise DraftingError("The printer could not start (is one set up on this computer?).")
    try:
        scale = printer.resolution() / DPI  # the layout is in twips
        painter.scale(scale, scale)
        return pages.paint(painter, printer.newPage, wanted)
    finally:
        painter.end()


class PrintActions(QObject):
    """The print commands of a window; ``source()`` is what File › Export would write."""

    message = Signal(str)

    def __init__(self, window: QWidget, source: Source) -> None:
        super().__init__(window)
        self.window = window
        self.source = source
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview_dialog: QPrintPreviewDialog | None = None

    def _document(self) -> tuple[Document, str] | None:
        found = self.source()
        if found is None:
            self.message.emit("Open a draft or a corpus document to print it.")
            return None
        return found[0], found[2]

    def _paint(self, doc: Document, printer: QPrinter) -> None:
        try:
            n = print_document(doc, printer)
        except DraftingError as exc:
            self.message.emit(str(exc))
            return
        self.message.emit(f"{n} page{'s' if n != 1 else ''}.")

    def preview(self) -> QPrintPreviewDialog | None:
        """File › Print (Ctrl+P): the pages as they will print, with a Print button."""
        found = self._document()
        if found is None:
            return None
        doc, name = found
        dialog = QPrintPreviewDialog(self.printer, self.window)
        dialog.setWindowTitle(f"Print {name}")
        dialog.paintRequested.connect(lambda printer: self._paint(doc, printer))
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def print_now(self) -> None:
        """File › Print Without Preview: the printer dialog, then the pages."""
        found = self._document()
        if found is None:
            return
        dialog = QPrintDialog(self.printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._paint(found[0], self.printer)
