"""The page as the centre of the window (issue 18 items 1, 3, 4): at a laptop's 1440
pixels the sheet keeps its printed text column beside the outline and the corpus panels
(no sideways scrolling, no cut lines); zoom reaches the page from the wheel and the keys;
a paragraph chosen in the outline comes into view at the top of the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.document.page_format import OPENING_ZOOM
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from tests.conftest import CORPUS_FILES, REALDOCS
from tests.gui.draft_driver import CTRL
from tests.gui.test_footnotes_dock import france, tools  # noqa: F401

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def body_points(view: DocumentView, pid: str) -> float:
    """The point size the page writes a paragraph's words in."""
    block = view.document().findBlockByNumber(view._index[("p", pid)])
    return block.begin().fragment().charFormat().fontPointSize()


def test_the_sheet_keeps_its_printed_column_beside_the_panels(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1440, 900)
    doc = read_document(REALDOCS / "ga" / "A-RES-80-6_icc-report-2025.txt")
    assert len(doc.preamble) + len(doc.operative) == 46  # 14 + 32, INDEX.md
    draft = window.drafts.add(doc, None, None, None)
    qtbot.waitUntil(lambda: draft.editor.page.isVisible())
    view = draft.editor.page
    # The corpus panels share one column on the right; the outline and the paragraph's
    # properties one column on the left.
    for dock in (window.corpus_dock, window.search_dock, window.preview_dock):
        assert window.dockWidgetArea(dock) == RIGHT
    assert draft.editor.tabs.geometry().left() < view.mapTo(draft.editor, QPoint(0, 0)).x()
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)  # no sideways scroll
    assert view.viewport().width() >= view._column()
    # Opened at the top of the first page, as Word opens a document.
    assert view.verticalScrollBar().value() == 0
    # The export's margins stand either side of the column (not squeezed to millimetres).
    assert view._page_margin == view.metrics.margin


def test_zoom_reaches_the_page_from_the_wheel_and_the_keys(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    view = france.editor.page
    op2 = france.controller.doc.operative[1]
    view.setFocus()
    assert view.set_caret(("p", op2.id), 7)
    normal = body_points(view, op2.id)
    assert normal == 10.0  # the export's Times New Roman 10 (UN_FORMAT.md)

    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)  # Word's and Qt's Ctrl+= / Ctrl++
    assert view.zoom == 1.1 and body_points(view, op2.id) == pytest.approx(11.0)
    qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
    assert view.zoom == 1.25
    assert window.statusBar().currentMessage() == "Zoom 125 %"
    assert view.caret() == (("p", op2.id), 7)  # the caret stays where it was

    at = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        at, QPointF(view.viewport().mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == 1.1  # Ctrl+wheel towards you: smaller, as in Word
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert view.zoom == 0.9 and body_points(view, op2.id) == pytest.approx(9.0)
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert view.zoom == 1.0 and body_points(view, op2.id) == normal
    assert view.caret() == (("p", op2.id), 7)
    assert not france.controller.modified  # zoom is a view, not an edit


def test_a_paragraph_chosen_in_the_outline_comes_to_the_top_of_the_window(
    qtbot: QtBot,
    france: OpenDraft,  # noqa: F811
) -> None:
    editor = france.editor
    view = editor.page
    last = france.controller.doc.operative[-1]
    index = editor.model.index_of(last.id)
    editor.outline.scrollTo(index)
    rect = editor.outline.visualRect(index)
    qtbot.mouseClick(editor.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.caret() == (("p", last.id), 0)
    top = view.cursorRect().top()
    # Near the top, its whole text below it (not its first line at the foot of the window).
    assert 0 <= top <= view.viewport().height() // 4


def test_the_preview_renders_only_when_it_is_shown(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    """Behind the corpus browser's tab the preview makes no page (half a second on a long
    draft at every change); brought to the front it shows the draft as it is now."""
    preview = window.preview
    window.corpus_dock.raise_()
    qtbot.waitUntil(lambda: preview.visibleRegion().isEmpty())
    assert "France" not in preview.toPlainText()  # nothing rendered while hidden
    view = france.editor.page
    op1 = france.controller.doc.operative[0]
    view.setFocus()
    view.set_caret(("p", op1.id), 0)
    qtbot.keyClicks(view, "Firmly ")
    qtbot.wait(400)  # past the preview's pause after typing
    assert "Firmly" not in preview.toPlainText()
    window.preview_dock.raise_()
    qtbot.waitUntil(lambda: not preview.visibleRegion().isEmpty())
    assert "Firmly" in preview.toPlainText() and "France" in preview.toPlainText()


def test_a_new_page_opens_at_the_last_zoom_also_in_the_next_session(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
    store: CorpusStore,
) -> None:
    """As Word keeps its zoom: the next draft opened, and the next start, use the last."""
    try:
        view = france.editor.page
        view.setFocus()
        qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
        qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
        assert view.zoom == 1.25
        other = window.drafts.add(read_document(CORPUS_FILES["france_draft"]), None, None, None)
        assert other.editor.page.zoom == 1.25
        assert body_points(other.editor.page, other.controller.doc.operative[0].id) == 12.5
        window.drafts.close_all = lambda: True  # type: ignore[method-assign]
        window.close()  # the layout and the settings are saved
        again = MainWindow(store)
        qtbot.addWidget(again)
        third = again.drafts.add(read_document(CORPUS_FILES["france_draft"]), None, None, None)
        assert third.editor.page.zoom == 1.25
        third.editor.page.zoom_by(0)
        assert third.editor.page.zoom == 1.0 and OPENING_ZOOM.zoom == 1.0
    finally:
        OPENING_ZOOM.zoom = 1.0  # other tests' pages open at 100 %
