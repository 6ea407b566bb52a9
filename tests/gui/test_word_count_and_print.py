"""The word count in the status bar and Print (issue 18 item 3), on the France draft:
the count follows typing and the selection; File › Print (Ctrl+P) previews the pages the
PDF export makes — the same number of pages, the same text — and prints them."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from drafting_app.gui.document.word_count_label import word_count_rows
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.files.pdf_export import pdf_bytes
from drafting_app.gui.files.printing import print_document
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.word_count import count_words, statistics
from tests.gui.draft_driver import CTRL
from tests.gui.test_footnotes_dock import france, tools  # noqa: F401


def test_the_status_bar_counts_the_words_and_the_selection(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    label = window.word_count
    total = count_words(france.controller.doc).total
    qtbot.waitUntil(lambda: label.text() == f"{total:,} words")
    assert label.isVisible() and "footnotes" in label.toolTip()
    view = france.editor.page
    op3 = france.controller.doc.operative[2]
    view.setFocus()
    view.set_caret(("p", op3.id), 0)
    qtbot.keyClicks(view, "Again ")
    qtbot.waitUntil(lambda: label.text() == f"{total + 1:,} words")
    view.select_paragraph(op3.id, 0, len("Again Urges States"))
    qtbot.waitUntil(lambda: label.text() == f"3 of {total + 1:,} words")


def test_word_count_box_from_the_menu_and_the_status_bar(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    """Tools › Word Count… and a click on the status bar's count open Word's box: words,
    characters, paragraphs and notes of the draft."""
    doc = france.controller.doc
    got = statistics(doc)
    window.word_count_action.trigger()
    box = window.findChild(QMessageBox, "wordCountBox")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    assert f"{got.words.total:,}" in text and f"{got.characters:,}" in text
    rows = dict(word_count_rows(doc))
    assert rows["Words"] == f"{count_words(doc).total:,}"
    assert rows["Footnotes"] == str(len(doc.footnotes)) != "0"
    assert rows["Preambular paragraphs"] == str(len(doc.preamble))
    assert int(rows["Characters (no spaces)"].replace(",", "")) < got.characters
    box.done(0)
    qtbot.waitUntil(lambda: not box.isVisible())
    qtbot.waitUntil(window.word_count.isVisible)
    qtbot.mouseClick(window.word_count, Qt.MouseButton.LeftButton)
    boxes = [b for b in window.findChildren(QMessageBox, "wordCountBox") if b.isVisible()]
    assert len(boxes) == 1
    boxes[0].done(0)


def test_print_gives_the_pages_of_the_pdf_export(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
    tmp_path: Path,
) -> None:
    doc = france.controller.doc
    exported = tmp_path / "export.pdf"
    exported.write_bytes(pdf_bytes(doc))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = print_document(doc, printer)
    expected, got = PdfReader(exported), PdfReader(printed)
    assert pages == len(expected.pages) == len(got.pages) >= 2
    for a, b in zip(expected.pages, got.pages, strict=True):
        assert " ".join(a.extract_text().split()) == " ".join(b.extract_text().split())
    first = " ".join(got.pages[0].extract_text().split())
    assert "France: * draft resolution" in first or "France:* draft resolution" in first

    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)  # File › Print: the preview first
    dialog = window.printing().preview_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert window.statusBar().currentMessage() == f"{pages} pages."
    dialog.reject()
