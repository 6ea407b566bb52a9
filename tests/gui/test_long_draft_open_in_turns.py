"""A long draft opened from a file comes in turns (issue 21 §6): its editor and the page's
first screen in the open's own turn, its side panels on the next, its tab — in front, the
page focused, painted at the top of its first page — on the one after. Until then the keys,
Undo and Close stay with the draft in front; a draft closed or opened again meanwhile
loses nothing and breaks nothing. Real files written and read, real widgets, real turns."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drafting_app.gui.document.page_view import FIRST_SCREEN
from drafting_app.gui.files.drafts import Answer, OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Document, Paragraph
from drafting_app.storage.project import load_project, save_project
from tests.gui.test_long_draft_open import assert_page_is, long_draft


def _saved(tmp_path: Path, name: str, doc: Document) -> Path:
    path = tmp_path / f"{name}.unres.json"
    save_project(doc, path)
    return path


def _short(tmp_path: Path) -> Path:
    doc = Document(title="Short draft", operative=[Paragraph("Decides to remain seized;")])
    return _saved(tmp_path, "short", doc)


def _open_short(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> OpenDraft:
    draft = window.drafts.open_path(_short(tmp_path))
    assert draft is not None and draft.shown  # a short draft's tab is there at once
    assert window.drafts.current() is draft
    draft.editor.page.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is draft.editor.page)
    return draft


def test_a_long_draft_comes_in_turns_and_ends_whole(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = _saved(tmp_path, "long", long_draft(300, 150))
    seen: list[tuple[bool, bool]] = []  # (side panels made, tab in front) at each change
    draft = window.drafts.open_path(path)
    assert draft is not None
    editor, page = draft.editor, draft.editor.page
    window.drafts.current_changed.connect(
        lambda: seen.append((editor.complete, window.drafts.current() is draft))
    )
    assert page.building and len(page.specs) == FIRST_SCREEN  # the first screen is written
    assert not editor.complete and not draft.shown  # the rest on the turns after
    assert window.tabs.indexOf(editor) == -1 and window.drafts.current() is None
    assert draft in window.drafts.open  # the window knows it (Close All, recovery)
    qtbot.waitUntil(lambda: draft.shown, timeout=5000)
    assert seen[0] == (True, True)  # the side panels were there before the tab was shown
    assert window.drafts.current() is draft and window.tabs.currentWidget() is editor
    assert window.drafts.undo_group.activeStack() is draft.controller.stack
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page)
    qtbot.waitUntil(lambda: page._painted, timeout=5000)
    assert page.verticalScrollBar().value() == 0  # the top of the first page
    qtbot.waitUntil(lambda: not page.building, timeout=20000)
    assert_page_is(page, draft.controller.doc)
    qtbot.waitUntil(lambda: editor.outline.currentIndex().isValid(), timeout=5000)
    assert editor.footnotes.isVisibleTo(editor)


def test_keys_and_undo_before_the_tab_comes_stay_with_the_draft_in_front(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    front = _open_short(qtbot, window, tmp_path)
    first = front.controller.doc.operative[0]
    assert front.editor.page.set_caret(("p", first.id), 0)
    long_doc = long_draft(300, 150)
    path = _saved(tmp_path, "long", long_doc)
    draft = window.drafts.open_path(path)
    assert draft is not None and not draft.shown
    before = [p.text for p in draft.controller.doc.all_paragraphs()]
    typed_into = QApplication.focusWidget()
    assert typed_into is front.editor.page
    QTest.keyClicks(typed_into, "Firmly ")
    assert first.text == "Firmly Decides to remain seized;"
    front.controller.end_typing()
    window.drafts.undo_group.undo()  # Edit › Undo: the draft in front's stack
    assert first.text == "Decides to remain seized;"
    assert [p.text for p in draft.controller.doc.all_paragraphs()] == before
    qtbot.waitUntil(lambda: draft.shown, timeout=5000)
    # The long draft is in front now; typed into before its page is all written.
    page = draft.editor.page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page)
    assert page.building
    QTest.keyClicks(QApplication.focusWidget(), "Also ")
    opening = draft.controller.doc.operative[0]
    assert opening.text == "Also " + before[0]
    draft.controller.end_typing()
    window.drafts.undo_group.undo()
    assert [p.text for p in draft.controller.doc.all_paragraphs()] == before
    qtbot.waitUntil(lambda: not page.building, timeout=20000)
    assert_page_is(page, draft.controller.doc)
    assert first.text == "Decides to remain seized;"  # the short draft was not touched again
    assert load_project(path).document.operative[0].text == before[0]


def test_a_long_draft_closed_before_its_tab_comes_leaves_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    front = _open_short(qtbot, window, tmp_path)
    path = _saved(tmp_path, "long", long_draft(300, 150))
    draft = window.drafts.open_path(path)
    assert draft is not None and not draft.shown
    assert window.drafts.close(draft)  # unmodified: closes at once
    qtbot.wait(300)  # the turns the open had queued come and go
    assert not draft.shown and draft not in window.drafts.open
    assert not _alive(draft) or window.tabs.indexOf(draft.editor) == -1
    assert window.drafts.current() is front and window.tabs.currentWidget() is front.editor
    again = window.drafts.open_path(path)  # and it opens again, whole
    assert again is not None and again is not draft
    qtbot.waitUntil(lambda: again.shown and not again.editor.page.building, timeout=20000)
    assert_page_is(again.editor.page, again.controller.doc)


def test_a_long_draft_closed_by_its_tab_while_the_open_is_finishing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = _saved(tmp_path, "long", long_draft(300, 150))
    draft = window.drafts.open_path(path)
    assert draft is not None
    qtbot.waitUntil(lambda: draft.shown, timeout=5000)
    page = draft.editor.page
    assert page.building  # the slices, the outline and the panels still to come
    QTest.keyClicks(page, "Firmly ")  # changed: closing asks
    window.drafts.ask_unsaved = lambda _name: Answer.Save  # type: ignore[method-assign]
    window.tabs.tabCloseRequested.emit(window.tabs.indexOf(draft.editor))  # the tab's ×
    assert draft not in window.drafts.open
    qtbot.wait(300)
    saved = load_project(path).document
    assert saved.operative[0].text.startswith("Firmly ")  # saved on the way out: nothing lost
    assert window.drafts.current() is None


def test_opening_the_same_file_again_before_its_tab_comes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = _saved(tmp_path, "long", long_draft(300, 150))
    draft = window.drafts.open_path(path)
    assert draft is not None and not draft.shown
    again = window.drafts.open_path(path)
    assert again is draft and draft.shown  # the one tab, in front at once
    assert [window.tabs.widget(i) for i in range(window.tabs.count())].count(draft.editor) == 1
    assert window.drafts.current() is draft
    qtbot.wait(200)  # the tab's own turn comes and does nothing more
    assert [window.tabs.widget(i) for i in range(window.tabs.count())].count(draft.editor) == 1


def _alive(draft: OpenDraft) -> bool:
    from shiboken6 import isValid

    return isValid(draft.editor)
