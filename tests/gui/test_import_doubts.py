"""The reader's warnings in the GUI (issue 16): the Word import report lists where the
reader took one of two readings, with the paragraph of the Word file; a text or PDF import
says so in its message, with the lines."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers.docx import import_docx_texts
from drafting_app.gui.files.import_dialog import ImportDialog
from drafting_app.gui.main_window import MainWindow
from tests.conftest import REALDOCS, ROOT

UN_DOCX = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"
PEACEBUILDING = (
    ROOT / "tests" / "data" / "realdocs" / "ga-more" / ("A-RES-80-11_peacebuilding-review-2025.txt")
)


def test_word_report_shows_the_doubts_of_the_chosen_text(qtbot: QtBot) -> None:
    texts, report = import_docx_texts(UN_DOCX.read_bytes(), UN_DOCX.name)
    dialog = ImportDialog(UN_DOCX.name, texts, report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.doubts_box.isHidden()  # decision 6/CMA.3 was read without a doubt
    at = next(i for i, d in enumerate(texts) if d.heading == "Decision 15/CMA.3")
    dialog.chooser.setCurrentIndex(at)
    assert dialog.doubts_box.isVisible()
    assert dialog.doubts_box.title() == "Read with a doubt (2)"
    shown = dialog.doubts_shown()
    assert [where for where, _ in shown] == ["paragraph 246", "paragraph 254"]
    assert shown[0][1].startswith("“I. Activities and performance of the Technology Executive")
    dialog.chooser.setCurrentIndex(0)
    assert dialog.doubts_box.isHidden() and dialog.doubts_shown() == []


def test_text_import_says_where_the_reader_was_unsure(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    draft = window.drafts.import_path(PEACEBUILDING)
    assert draft is not None
    box = window.drafts.last_warning
    assert box is not None and box.windowTitle() == "Imported with text to review"
    text = box.text()
    # the three headings are kept (above the paragraphs they head), nothing is left out
    assert "passage(s)" not in text
    assert "line 55: “Peacebuilding Commission” read as a heading" in text
    assert "line 135:" in text
    doc = draft.controller.doc
    assert len(doc.operative) == 30 and not doc.unplaced
    assert sum(len(p.headings) for p in doc.operative) == 3
