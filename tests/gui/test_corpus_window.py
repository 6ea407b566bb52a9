"""The main window over the real bundled corpus, driven by clicks and keys (issue 2 §8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.common.reading_html import HIGHLIGHT
from drafting_app.gui.common.roles import DOC_ID_ROLE, PARAGRAPH_ID_ROLE
from drafting_app.gui.common.segment_delegate import SEGMENTS_ROLE
from drafting_app.gui.main_window import MainWindow
from tests.conftest import REALDOCS

RES_5_2 = "bundled/002_ecb4862eedf5f58e"


def _click(qtbot: QtBot, view: object, index: QModelIndex) -> None:
    rect = view.visualRect(index)  # type: ignore[attr-defined]
    assert rect.isValid(), "the item is not visible"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]


def _row_of(window: MainWindow, doc_id: str) -> QModelIndex:
    model = window.browser.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(DOC_ID_ROLE) == doc_id:
            return index
    raise AssertionError(f"{doc_id} not listed")


def test_window_has_the_menus_and_every_action_a_shortcut(window: MainWindow) -> None:
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "Paragraph", "View", "Corpus", "Tools", "References", "Help"]
    table = dict(window.shortcut_table())
    assert table["Corpus › Add Documents…"] == "Ctrl+Shift+A"
    assert table["Corpus › Rebuild Index"] == "Ctrl+Shift+R"
    assert table["Edit › Find…"] == "Ctrl+F"  # in the draft in front, else the corpus
    assert table["Edit › Replace…"] == "Ctrl+H"
    assert table["Corpus › Search Corpus…"] == "Ctrl+Shift+F"
    assert window.corpus_size.text() == "Corpus: 5 documents"
    for menu_action in window.menuBar().actions()[:3]:  # File, Edit, Paragraph
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if action.isSeparator() or action.menu() or action.isCheckable():
                continue
            assert not action.shortcut().isEmpty(), action.text()
    assert ("Outline / paragraph › Indent", "Tab") in window.shortcut_table()


def test_the_shortcuts_window_fits_the_screen_and_lists_every_key(
    qtbot: QtBot, window: MainWindow
) -> None:
    """User trial 17: Help › Keyboard Shortcuts was a message box taller than a 900 px
    screen, its top and bottom cut off."""
    rows = window.shortcut_table()
    assert len(rows) > 40  # enough rows to overflow a laptop screen in one column
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    (entry,) = [a for a in help_menu.actions() if a.text() == "&Keyboard Shortcuts"]
    entry.trigger()
    box = window.findChild(QDialog, "shortcutsDialog")
    assert box is not None
    qtbot.waitExposed(box)
    room = box.screen().availableGeometry()
    assert box.frameGeometry().height() <= room.height()
    table = box.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    shown = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert shown == rows
    box.close()


def test_browser_lists_the_five_corpus_documents(window: MainWindow) -> None:
    model = window.browser.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(names) == 5
    assert [n.split()[0:2] for n in names] == [
        ["Decision", "3/3"],
        ["Draft", "resolution"],
        ["Resolution", "5/2"],
        ["Resolution", "10/3"],
        ["Decision", "4/4"],
    ]
    lines = model.index(2, 0).data(SEGMENTS_ROLE)
    assert lines[0][0] == ("Resolution 5/2", "bold")
    assert "22 October 2010" in lines[0][1][0]
    assert lines[1][0][0].startswith("Implementation of the Protocol to Prevent")


def test_clicking_a_document_and_expanding_it_shows_numbered_paragraphs(
    qtbot: QtBot, window: MainWindow
) -> None:
    tree = window.browser.tree
    index = _row_of(window, RES_5_2)
    _click(qtbot, tree, index)
    assert window.reading.doc_id == RES_5_2
    assert "Resolution 5/2" in window.windowTitle()
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.isExpanded(index)
    model = window.browser.model
    rows = [model.index(r, 0, index) for r in range(model.rowCount(index))]
    labels = [r.data(SEGMENTS_ROLE)[0][0][0] for r in rows]
    assert labels[:11] == [""] * 11  # preambular paragraphs are not numbered
    assert labels[11:] == [f"{n}." for n in range(1, 19)]
    first_op = rows[11].data(SEGMENTS_ROLE)[0]
    assert first_op[1][1] == "italic"  # the opening verb is set in italics
    # Operative 7 has sub-paragraphs (a), (b): expanding it with the keyboard shows them.
    _click(qtbot, tree, rows[17])
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    subs = [model.index(r, 0, rows[17]).data(SEGMENTS_ROLE)[0][0][0] for r in range(2)]
    assert subs == ["(a)", "(b)"]
    assert window.reading.paragraph_id == rows[17].data(PARAGRAPH_ID_ROLE)


def test_typing_in_the_search_box_lists_hits_with_provenance(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = window.search.box
    assert box.hasFocus()
    qtbot.keyClicks(box, "information-gathering tool")
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=2000)
    first = model.index(0, 0)
    assert first.data().startswith("Draft resolution — operative 8: ")
    head, snippet = first.data(SEGMENTS_ROLE)
    assert head[:2] == [("Draft resolution", "bold"), ("  operative 8", "label")]
    matches = [text.lower() for text, style in snippet if style == "match"]
    assert "tool" in matches and "information" in matches
    n = model.rowCount()
    expected = "1 paragraph matches." if n == 1 else f"{n} paragraphs match."
    assert window.search.summary.text() == expected


def test_clicking_a_hit_selects_and_shows_the_paragraph(qtbot: QtBot, window: MainWindow) -> None:
    window.search.box.setFocus()
    qtbot.keyClicks(window.search.box, "dangling")  # nothing matches this
    qtbot.waitUntil(lambda: "No paragraph matches" in window.search.summary.text(), timeout=2000)
    window.search.box.clear()
    qtbot.keyClicks(window.search.box, "Voluntary Trust Fund")
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=2000)
    hit = model.hit(0)
    _click(qtbot, window.search.results, model.index(0, 0))
    current = window.browser.current()
    assert current.data(DOC_ID_ROLE) == hit.doc_id
    assert current.data(PARAGRAPH_ID_ROLE) == hit.paragraph_id
    assert window.reading.paragraph_id == hit.paragraph_id
    assert HIGHLIGHT in window.reading.toHtml()


def test_add_documents_reports_each_file(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    good = REALDOCS / "ga" / "A-RES-80-2_article-19-exemptions-2025.txt"
    junk = tmp_path / "broken.txt"
    junk.write_bytes(b"\x00\x01binary")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good), str(junk)], "")
    )
    with qtbot.waitSignal(window.corpus_actions.importer.finished, timeout=30000):
        window.add_action.trigger()  # the files are read on a worker thread
    dialog = window.corpus_actions.last_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.summary.text() == "1 of 2 files added; 1 refused."
    rows = dialog.lines()
    assert rows[0][0] == good.name and rows[0][1].startswith("Added: ")
    assert rows[1][0] == "broken.txt" and "binary" in rows[1][1]
    assert window.browser.model.rowCount() == 6
    assert window.corpus_size.text() == "Corpus: 6 documents"


def test_rebuild_index_keeps_the_corpus(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    window.rebuild_action.trigger()
    qtbot.waitUntil(lambda: "rebuilt" in window.statusBar().currentMessage(), timeout=30000)
    assert window.browser.model.rowCount() == 5
    assert len(store.search("trafficking")) > 0
    assert "rebuilt" in window.statusBar().currentMessage()


def test_zoom_shortcuts_change_the_reading_size(qtbot: QtBot, window: MainWindow) -> None:
    before = window.reading.point_size
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.reading.point_size == before + 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.reading.point_size == before


def test_files_changed_while_closed_are_picked_up_after_start(
    window: MainWindow, store: CorpusStore
) -> None:
    good = REALDOCS / "ga" / "A-RES-80-2_article-19-exemptions-2025.txt"
    store.user_dir.mkdir(parents=True, exist_ok=True)
    (store.user_dir / good.name).write_bytes(good.read_bytes())
    assert window.browser.model.rowCount() == 5
    window.corpus_actions.sync_files()
    assert window.browser.model.rowCount() == 6
    assert window.corpus_size.text() == "Corpus: 6 documents"
    window.corpus_actions.sync_files()  # nothing changed: nothing reloaded
    assert window.browser.model.rowCount() == 6


def test_window_layout_comes_back_at_the_next_start(
    qtbot: QtBot, window: MainWindow, store: CorpusStore
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # hide Corpus
    assert not window.corpus_dock.isVisible()
    window.close()
    again = MainWindow(store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert not again.corpus_dock.isVisible() and again.search_dock.isVisible()
    assert "window_layout" in again.settings.extra
