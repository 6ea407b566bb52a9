"""The preview of a long draft laid out in slices (issue 21 §6): the first screens at once,
the rest a few milliseconds per turn of the window, notes last. Real widgets offscreen, real
timers: when the slices are done the preview is the very document the whole page gives
(its HTML compared, on real texts with mastheads, annexes and footnotes); an edit, another
draft, hiding it or Select All while slices are pending mixes nothing and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.export.blocks import build_blocks
from drafting_app.export.html import render_layout_html, render_layout_slices
from drafting_app.gui.document.preview import FIRST_ITEMS, SLICE_ITEMS, PreviewPanel, append_page
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Document
from drafting_app.storage.project import load_project
from tests.conftest import REALDOCS
from tests.gui.test_long_draft_open import long_draft

PROJECTS = Path(__file__).resolve().parent.parent / "data" / "projects"
TEXTS = [
    REALDOCS / "ga" / "A-RES-80-5_doha-social-summit-declaration-2025.txt",  # annex, 15 notes
    REALDOCS / "ga" / "A-RES-80-1_palestine-participation-2025.txt",
    REALDOCS / "ga" / "GA-decision-79-537-ABC_lldc-conference-2024.txt",  # parts A, B, C
    REALDOCS / "pdf" / "A_RES_73_3-EN.pdf",
    REALDOCS / "mun-docx" / "MUN_Eddy12597_test_reso.docx",
]


def _document(font: QFont) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(font)
    return doc


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_slices_laid_one_after_another_are_the_whole_page(qtbot: QtBot, path: Path) -> None:
    _sliced_equals_whole(read_document(path))


@pytest.mark.parametrize("name", ["v1-france-draft", "v3-france-draft"])
def test_slices_of_a_saved_draft_with_masthead_and_sponsors(qtbot: QtBot, name: str) -> None:
    _sliced_equals_whole(load_project(PROJECTS / f"{name}.unres.json").document)


def _sliced_equals_whole(doc: Document) -> None:
    layout = build_blocks(doc)
    panel = PreviewPanel()
    font = panel.document().defaultFont()
    whole = _document(font)
    whole.setHtml(render_layout_html(layout))
    assert whole.blockCount() > 10
    for first, size in ((FIRST_ITEMS, SLICE_ITEMS), (1, 1), (3, 7)):
        slices = render_layout_slices(layout, first, size)
        sliced = _document(font)
        sliced.setHtml(slices[0])
        for page in slices[1:]:
            append_page(sliced, page)
        assert sliced.toPlainText() == whole.toPlainText()
        assert sliced.toHtml() == whole.toHtml()  # every block's and run's formats


def _in_front(qtbot: QtBot, window: MainWindow) -> PreviewPanel:
    window.preview_dock.raise_()
    qtbot.waitUntil(lambda: not window.preview.visibleRegion().isEmpty())
    return window.preview


def _settled(preview: PreviewPanel) -> bool:
    return not preview._stale and not preview._rendering and not preview.building


def _open_while_laid_out(qtbot: QtBot, window: MainWindow, doc: Document) -> PreviewPanel:
    """``doc`` opened with the preview in front, back once its slices are coming."""
    preview = _in_front(qtbot, window)
    window.drafts.add(doc, None, None, None)
    qtbot.waitUntil(lambda: preview.building, timeout=20000)
    return preview


def _as_whole(preview: PreviewPanel) -> str:
    """The preview made again in one piece from the model (the one-shot page)."""
    preview.refresh()
    return preview.toHtml()


def test_a_long_drafts_preview_comes_in_slices_and_ends_as_the_whole_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    preview = _in_front(qtbot, window)
    doc = long_draft(300, 150)
    seen: list[int] = []  # the preview's block count at each turn of the window
    sampler = QTimer()
    sampler.setInterval(0)
    sampler.timeout.connect(lambda: seen.append(preview.document().blockCount()))
    sampler.start()
    window.drafts.add(doc, None, None, None)
    qtbot.waitUntil(lambda: _settled(preview), timeout=30000)
    sampler.stop()
    sliced = preview.toHtml()
    total = preview.document().blockCount()
    partial = {n for n in seen if 1 < n < total}
    assert len(partial) >= 3  # laid over several turns, the window turning between them
    assert sliced == _as_whole(preview)


def test_a_long_drafts_preview_is_made_on_a_turn_after_the_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Its worker starts after the open's turn: a thread started in it takes the
    interpreter lock from the open every millisecond."""
    preview = _in_front(qtbot, window)
    window.drafts.add(long_draft(300, 150), None, None, None)
    assert preview._stale and not preview._rendering
    qtbot.waitUntil(lambda: preview._rendering or preview.building, timeout=5000)
    qtbot.waitUntil(lambda: _settled(preview), timeout=30000)
    assert "See A/RES/80/150, para. 151." in preview.toPlainText()


def test_typing_while_the_preview_is_laid_out_shows_the_draft_as_edited(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = long_draft(300, 150)
    doc.operative[-1].text = "Decides to remain seized of the matter."
    preview = _open_while_laid_out(qtbot, window, doc)
    page = window.current_editor().page
    page.setFocus()
    assert page.set_caret(("p", doc.operative[0].id), 0)
    QTest.keyClicks(page, "Firmly ")
    assert preview.building or preview._stale  # the edit came before the slices were done
    qtbot.waitUntil(lambda: _settled(preview) and "Firmly" in preview.toPlainText(), timeout=30000)
    text = preview.toPlainText()
    assert text.count("Firmly") == 1 and text.count("remain seized") == 1
    assert preview.toHtml() == _as_whole(preview)


def test_another_draft_opened_while_slices_are_pending_mixes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    one, two = long_draft(300, 150), long_draft(260, 100)
    one.operative[-1].text = "Decides to remain seized of the first draft."
    two.operative[-1].text = "Decides to remain seized of the second draft."
    preview = _open_while_laid_out(qtbot, window, one)
    window.drafts.add(two, None, None, None)
    qtbot.waitUntil(
        lambda: _settled(preview) and "second draft" in preview.toPlainText(), timeout=30000
    )
    assert "first draft" not in preview.toPlainText()
    assert preview.toPlainText().count("remain seized") == 1
    assert preview.toHtml() == _as_whole(preview)


def test_hidden_while_slices_are_pending_it_is_made_again_when_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    preview = _open_while_laid_out(qtbot, window, long_draft(300, 150))
    window.search_dock.raise_()  # the preview's tab goes behind
    assert not preview.building
    qtbot.wait(50)
    window.preview_dock.raise_()
    qtbot.waitUntil(lambda: _settled(preview), timeout=30000)
    assert preview.toHtml() == _as_whole(preview)


def test_select_all_while_slices_are_pending_takes_the_whole_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    preview = _open_while_laid_out(qtbot, window, long_draft(300, 150))
    preview.setFocus()
    QTest.keyClick(preview, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert not preview.building
    chosen = preview.textCursor().selectedText()
    assert "See A/RES/80/150, para. 151." in chosen  # the last note, laid last
    assert preview.toHtml() == _as_whole(preview)


def test_the_readers_place_is_kept_when_the_preview_is_made_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    preview = _in_front(qtbot, window)
    doc = long_draft(300, 150)
    draft = window.drafts.add(doc, None, None, None)
    qtbot.waitUntil(lambda: _settled(preview), timeout=30000)
    bar = preview.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    assert where > 1000
    page = draft.editor.page
    page.setFocus()
    assert page.set_caret(("p", doc.operative[0].id), 0)
    shown: list[int] = []  # where the preview's view was at each turn it could paint
    sampler = QTimer()
    sampler.setInterval(0)
    sampler.timeout.connect(
        lambda: preview.viewport().updatesEnabled() and shown.append(bar.value())
    )
    sampler.start()
    QTest.keyClicks(page, "Firmly ")
    qtbot.waitUntil(lambda: _settled(preview) and "Firmly" in preview.toPlainText(), timeout=30000)
    sampler.stop()
    assert bar.value() == where
    assert set(shown) == {where}  # never painted at the top while the slices came
