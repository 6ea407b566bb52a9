"""Paste from the app's own corpus reader: what Qt puts on the clipboard when a drafter
selects paragraphs of the reading view and copies (Ctrl+C) — its HTML and plain text — read
by the paste splitter into the same paragraphs, openers, numbers and footnotes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.readers.paste import read_paste
from drafting_app.gui.common.reading_view import ReadingView
from drafting_app.model.document import Part

GA = Path(__file__).resolve().parent.parent / "data" / "realdocs" / "ga"


def test_copy_of_a_whole_resolution_pastes_as_its_paragraphs(qtbot: QtBot) -> None:
    doc = read_document(GA / "A-RES-80-1_palestine-participation-2025.txt")
    view = ReadingView()
    qtbot.addWidget(view)
    view.show_document("a-res-80-1", doc)
    view.show()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QApplication.clipboard().mimeData()
    assert mime is not None and mime.hasHtml()
    paste = read_paste(mime.text(), mime.html())
    assert paste.source == "qt"
    assert paste.parts == [Part.PREAMBLE] * 5 + [Part.OPERATIVE] * 3
    decides = paste.paragraphs[5]
    assert decides.text.startswith("Decides, without setting a precedent")
    assert [c.source_label for c in decides.children] == ["(a)", "(b)", "(c)"]
    first = paste.paragraphs[0]
    assert first.text[: first.italics[0].end] == "Expressing concern"
    assert [f.text for f in paste.footnotes] == ["See resolution 169 (II)."]
    assert first.text[: first.anchors[0].offset].endswith("Headquarters of the United Nations")
    assert "Participation by the State of Palestine" in " ".join(paste.skipped)


def test_copy_of_two_paragraphs_of_the_reading_view(qtbot: QtBot) -> None:
    doc = read_document(GA / "A-RES-80-6_icc-report-2025.txt")
    view = ReadingView()
    qtbot.addWidget(view)
    view.show_document("a-res-80-6", doc)
    first, second = doc.operative[0].text, doc.operative[1].text
    cursor = view.document().find(first[:40])
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    end = view.document().find(second[-30:])
    cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    mime = view.createMimeDataFromSelection()
    paste = read_paste(mime.text(), mime.html())
    assert [p.text for p in paste.paragraphs] == [first, second]
    assert paste.parts == [Part.OPERATIVE, Part.OPERATIVE]
    assert [p.source_label for p in paste.paragraphs] == ["1.", "2."]
    assert not paste.fragment
