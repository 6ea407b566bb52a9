"""File › Export as Word… / Export as PDF… (issue 7 §3): the dialog's suggested name and
folder, the file written and opened again, a refused export reported with nothing
half-written, and the corpus document of the reading tab exported too."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Document
from drafting_app.storage.project import save_project
from tests.conftest import CORPUS_FILES

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _answer(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> list[str]:
    """The save dialog answers ``path``; returns the names it suggested."""
    asked: list[str] = []

    def get(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get)
    return asked


def _open_france(window: MainWindow, tmp_path: Path) -> Document:
    doc = read_document(CORPUS_FILES["france_draft"])
    saved = tmp_path / "drafts" / "france.unres.json"
    saved.parent.mkdir()
    save_project(doc, saved, {})
    draft = window.drafts.open_path(saved)
    assert draft is not None
    return draft.controller.doc


def _body_texts(doc: Document) -> list[str]:
    return [p.text for p in doc.preamble + doc.operative]


def test_export_word_writes_the_draft_and_names_it_from_the_symbol(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = _open_france(window, tmp_path)
    out = tmp_path / "out" / "exported"  # no suffix typed: .docx is added
    out.parent.mkdir()
    asked = _answer(monkeypatch, out)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    suggested = Path(asked[0])
    assert suggested.parent == tmp_path / "drafts" and suggested.suffix == ".docx"
    symbol = doc.masthead.symbol if doc.masthead else ""
    if symbol:
        assert suggested.stem == symbol.replace("/", "-")
    written = out.with_name("exported.docx")
    assert written.is_file()
    word = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    for text in _body_texts(doc):
        assert text.split(" ", 3)[-1][:40] in word.replace("\t", " ")
    assert str(written) in window.statusBar().currentMessage()


def test_export_pdf_of_the_corpus_reading_tab(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = window.corpus.documents()[0].doc_id
    window.show_paragraph(doc_id)
    out = tmp_path / "reading.pdf"
    _answer(monkeypatch, out)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | SHIFT)
    assert out.read_bytes().startswith(b"%PDF")
    pages = pypdf.PdfReader(out).pages
    doc = window.corpus.document(doc_id)
    first = doc.operative[0].text if doc.operative else doc.preamble[0].text
    assert first.split()[1] in pages[0].extract_text() + "".join(
        p.extract_text() for p in pages[1:]
    )


def test_a_refused_export_is_reported_and_leaves_the_old_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_france(window, tmp_path)
    old = tmp_path / "old.docx"
    old.write_bytes(b"the earlier export")
    _answer(monkeypatch, tmp_path / "missing-folder" / "x.docx")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    box = window.exports.last_warning
    assert box is not None and box.isVisible()
    assert "does not exist" in box.text()
    assert not (tmp_path / "missing-folder").exists()
    box.close()

    # A folder chosen as the file name: refused, the folder untouched.
    (tmp_path / "folder.docx").mkdir()
    _answer(monkeypatch, tmp_path / "folder.docx")
    assert window.exports.export_word() is None
    assert (tmp_path / "folder.docx").is_dir() and "folder" in window.exports.last_warning.text()
    assert old.read_bytes() == b"the earlier export"
    assert not list(tmp_path.glob("*.tmp"))
