"""Rollover and revisions in the window (issue 17 items 1, 3, 5): File › New Revision of an
adopted text, the page showing what changed against the base as Word does (insertions
underlined in colour, deletions struck through), the Changes tab listing each change by
its PP/OP, accept and reject clicked there (one undo history with the typing), the clean
text, per-author changes and comments of a Word file, Export with Changes."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.readers.docx import import_docx
from drafting_app.export.tracked_docx import tracked_docx_bytes
from drafting_app.gui.document.changes_panel import ChangesPanel
from drafting_app.gui.document.page_blocks import Role
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.gui.revision_tools import RevisionTools, install_revision_tools
from drafting_app.model.revision import RevisionBase
from drafting_app.revisions.compare import compare
from tests.gui.draft_driver import CTRL
from tests.revisions.pairs import REAL_ROLLOVERS, make_rollover

ICC_2018, ICC_2025 = REAL_ROLLOVERS["icc_2018_2025"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def tools(window: MainWindow) -> RevisionTools:
    return install_revision_tools(window)


def panel_of(draft: OpenDraft) -> ChangesPanel:
    panel = draft.editor.changes
    assert panel is not None
    return panel


def rows(panel: ChangesPanel) -> list[tuple[str, str]]:
    out = []
    for i in range(panel.list.topLevelItemCount()):
        item = panel.list.topLevelItem(i)
        assert item is not None
        out.append((item.text(0), item.text(1)))
    return out


def select_row(qtbot: QtBot, panel: ChangesPanel, label: str) -> None:
    """Click the row of change ``label`` in the Changes tab (brought to the front)."""
    tabs = panel.parentWidget().parentWidget()  # the side panel's tab widget
    tabs.setCurrentWidget(panel)
    for i in range(panel.list.topLevelItemCount()):
        item = panel.list.topLevelItem(i)
        if item is not None and item.text(0) == label:
            panel.list.scrollToItem(item)
            rect = panel.list.visualItemRect(item)
            qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert panel.current_key() == item.data(0, Qt.ItemDataRole.UserRole)
            return
    raise AssertionError(f"no row {label}: {rows(panel)}")


def click(qtbot: QtBot, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_revision(window: MainWindow, base, new) -> OpenDraft:
    doc = copy.deepcopy(new)
    doc.revision_base = RevisionBase(copy.deepcopy(base), "A/RES/73/7")
    draft = window.drafts.add(doc, None, None, None)
    window.tabs.setCurrentWidget(draft.editor)
    return draft


def test_new_revision_of_an_adopted_text(qtbot: QtBot, window: MainWindow, tools: RevisionTools):
    """File › New Revision from the 2018 PDF: a draft for the next session that remembers
    its base; writing in it shows the change on the page and in the list; accept it."""
    draft = tools.new_revision(ICC_2018)
    assert draft is not None
    doc = draft.controller.doc
    assert doc.is_draft and doc.revision_base is not None
    assert doc.revision_base.label == "A/RES/73/7"
    mh = doc.masthead
    assert mh is not None and (mh.symbol, mh.session, mh.date) == ("", "", "")
    assert mh.distribution == "Limited" and mh.agenda_item == "Agenda item 77"
    assert doc.heading == "" and doc.front_matter == [] and doc.adoption == ""
    panel = panel_of(draft)
    # Only the front differs at first: the paragraphs are the adopted ones.
    assert [label for label, _ in rows(panel)] == [
        "Masthead", "Front matter", "Heading", "Adoption line",
    ]  # fmt: skip
    # Type a word into OP2 on the page: the change is listed and underlined.
    op2 = doc.operative[1]
    view = draft.editor.page
    view.setFocus()
    end = op2.text.index(" the Rome Statute")
    assert view.set_caret(("p", op2.id), end)
    qtbot.keyClicks(view, " recently")
    qtbot.waitUntil(lambda: ("OP2", "reworded") in rows(panel), timeout=3000)
    overlays = view.decorations.overlays_for(op2.id, op2.text)
    assert [(o.start, o.end) for o in overlays if o.fmt.fontUnderline()] == [(end, end + 9)]
    # Accept it: the base takes the new words; undo brings the change back.
    select_row(qtbot, panel, "OP2")
    click(qtbot, panel.accept_button)
    assert ("OP2", "reworded") not in rows(panel)
    assert "recently" in doc.revision_base.document.operative[1].text
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: ("OP2", "reworded") in rows(panel), timeout=3000)
    assert "recently" not in doc.revision_base.document.operative[1].text
    assert "recently" in doc.operative[1].text  # the typing is still there


def test_the_page_shows_deletions_struck_through_and_the_clean_text(
    qtbot: QtBot, window: MainWindow, tools: RevisionTools
):
    draft = open_revision(window, read_document(ICC_2018), read_document(ICC_2025))
    panel = panel_of(draft)
    view = draft.editor.page
    doc = draft.controller.doc
    # OP10 (2018's OP9): "States parties" → "States Parties", both words on the page.
    op10 = doc.operative[9]
    spec = view.specs[view._index[("p", op10.id)]]
    struck = [p.text for p in spec.pieces if p.role is Role.INLINE and p.fmt.fontStrikeOut()]
    assert struck == [" parties", " parties"]
    shown = view.document().findBlockByNumber(view._index[("p", op10.id)]).text()
    assert "Parties parties" in shown
    assert ("OP9", "added") in rows(panel)
    badge = view.decorations.badges[doc.operative[8].id]
    assert badge.text == "Added"
    # The clean text: no marks, nothing struck through.
    panel.show_box.setChecked(False)
    spec = view.specs[view._index[("p", op10.id)]]
    assert not [p for p in spec.pieces if p.role is Role.INLINE]
    assert not view.decorations.overlays_for(op10.id, op10.text)
    assert doc.operative[8].id not in view.decorations.badges
    tools.show_action.trigger()  # Review › Show Changes again
    assert panel.show_box.isChecked()
    assert view.decorations.badges[doc.operative[8].id].text == "Added"


def test_reject_and_accept_in_the_editor_are_undone_like_typing(
    qtbot: QtBot, window: MainWindow, tools: RevisionTools
):
    """The qtbot test of issue 17 item 6: reject an added paragraph, accept a reworded
    footnote, Reject All; each one undo step, undone with Ctrl+Z."""
    base, new = read_document(ICC_2018), read_document(ICC_2025)
    draft = open_revision(window, base, new)
    panel = panel_of(draft)
    doc = draft.controller.doc
    view = draft.editor.page
    n_changes = len(rows(panel))
    select_row(qtbot, panel, "OP9")
    click(qtbot, panel.reject_button)
    assert len(doc.operative) == 31
    assert ("OP9", "added") not in rows(panel) and len(rows(panel)) == n_changes - 1
    select_row(qtbot, panel, "footnote 4")
    click(qtbot, panel.accept_button)
    assert any(f.text == "A/80/342." for f in doc.revision_base.document.footnotes)
    assert len(rows(panel)) == n_changes - 2
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: len(rows(panel)) == n_changes, timeout=3000)
    assert len(doc.operative) == 32
    assert not any(f.text == "A/80/342." for f in doc.revision_base.document.footnotes)
    # Reject All: the draft is the 2018 text again, in one step.
    click(qtbot, panel.reject_all_button)
    assert rows(panel) == []
    assert [p.text for p in doc.operative] == [p.text for p in base.operative]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: len(rows(panel)) == n_changes, timeout=3000)
    assert [p.text for p in doc.operative] == [p.text for p in new.operative]


def test_a_word_file_with_two_reviewers_is_decided_per_author(
    qtbot: QtBot, window: MainWindow, tools: RevisionTools
):
    r = make_rollover("resolution_10_3")
    data = tracked_docx_bytes(compare(r.base, r.new), author="EU")
    # The G77's changes: those of the paragraph moved to the end.
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(blob)
                for el in root.iter(f"{W}moveFrom", f"{W}moveTo"):
                    el.set(f"{W}author", "G77 and China")
                blob = etree.tostring(root)
            z.writestr(info.filename, blob)
    doc, _ = import_docx(out.getvalue(), "reply.docx")
    draft = window.drafts.add(doc, None, None, None)
    panel = panel_of(draft)
    authors = [panel.authors.itemText(i) for i in range(panel.authors.count())]
    assert authors == ["All changes", "EU", "G77 and China"]
    panel.authors.setCurrentIndex(2)
    assert rows(panel) == [("OP6 → OP17", "moved")]
    click(qtbot, panel.accept_all_button)  # accept the G77's only
    panel.authors.setCurrentIndex(0)
    assert ("OP6 → OP17", "moved") not in rows(panel)
    assert ("OP3", "added") in rows(panel)


def test_comments_are_shown_beside_their_paragraph(
    qtbot: QtBot, window: MainWindow, tools: RevisionTools
):
    from drafting_app.model.revision import Comment

    base, new = read_document(ICC_2018), read_document(ICC_2025)
    draft = open_revision(window, base, new)
    doc = draft.controller.doc
    target = doc.operative[20]
    doc.comments.append(Comment("G77 and China", "Keep 2013.", "", target.id))
    draft.editor.revision_marks.refresh()
    panel = panel_of(draft)
    item = panel.comments.item(0)
    assert item.text() == "G77 and China on 21.: Keep 2013."
    panel.comments.setCurrentItem(item)
    assert draft.editor.page.current_pid() == target.id


def test_export_with_changes_signs_them_with_the_user_name(
    qtbot: QtBot, window: MainWindow, tools: RevisionTools, tmp_path: Path
):
    tools.set_user_name("  Delegation of   Mexico ")
    draft = tools.new_revision(ICC_2018)
    assert draft is not None
    out = tools.export_with_changes(tmp_path / "zero draft")
    assert out == tmp_path / "zero draft.docx" and out.exists()
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    assert {el.get(f"{W}author") for el in root.iter(f"{W}del")} == {"Delegation of Mexico"}
    # A draft that revises nothing has nothing to track: it says so.
    plain = window.drafts.add(read_document(ICC_2025), None, None, None)
    window.tabs.setCurrentWidget(plain.editor)
    assert tools.export_with_changes(tmp_path / "x.docx") is None
    assert tools.last_warning is not None and "New Revision" in tools.last_warning.text()
    assert not (tmp_path / "x.docx").exists()


def test_the_menus_are_where_word_users_look(window: MainWindow, tools: RevisionTools):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("Re&view") == titles.index("&Help") - 1
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("New &Revision of an Adopted Text…") == 1
    assert texts.index("Export with &Changes…") == texts.index("&Export as Word…") + 1


def test_the_changes_list_goes_to_each_change_and_marks_it(
    qtbot: QtBot, window: MainWindow, tools: RevisionTools
):
    """A rollover made from resolution 10/3 (PP2, OP2 reworded; OP3 added; OP5 deleted;
    OP6 moved to the end; a note reworded): clicking a row puts the page on the change,
    each drawn as Word shows it; Review › Next Change (Alt+F8) steps through them."""
    r = make_rollover("resolution_10_3")
    draft = open_revision(window, r.base, r.new)
    panel = panel_of(draft)
    view = draft.editor.page
    doc = draft.controller.doc
    moved_name = r.moved[1]
    labels = [label for label, _ in rows(panel)]
    assert f"OP6 → {moved_name}" in labels and r.footnote in labels
    # The moved paragraph: the caret goes there; green, dashed, "Moved from OP6".
    moved = doc.operative[-1]
    select_row(qtbot, panel, f"OP6 → {moved_name}")
    assert view.current_pid() == moved.id
    assert view.decorations.badges[moved.id].text == "Moved from OP6"
    dashed = [
        o
        for o in view.decorations.overlays_for(moved.id, moved.text)
        if o.fmt.underlineStyle() == o.fmt.UnderlineStyle.DashUnderline
    ]
    assert [(o.start, o.end) for o in dashed] == [(0, len(moved.text))]
    # The reworded note: the caret goes into it; its new words underlined, "Note changed".
    (note,) = [f for f in doc.footnotes if f.text.endswith(" and Corr.1.")]
    select_row(qtbot, panel, r.footnote)
    where = view.caret()
    assert where is not None and where[0] == ("note", note.id)
    assert view.decorations.badges[note.id].text.startswith("Note changed — was “")
    inserted = [
        note.text[o.start : o.end]
        for o in view.decorations.overlays_for(note.id, note.text)
        if o.fmt.fontUnderline()
    ]
    assert "".join(inserted).strip().endswith("and Corr.1.")
    # The deleted OP5 is struck through after the base's OP4 (the draft's OP5 now).
    (op4,) = [p for p in doc.operative if p.id == r.base.operative[3].id]
    spec = view.specs[view._index[("p", op4.id)]]
    gone = [p.text for p in spec.pieces if p.role is Role.INLINE and p.fmt.fontStrikeOut()]
    assert len(gone) == 1 and gone[0].startswith("\u2028OP5 deleted: ")
    assert " ".join(r.base.operative[4].text.split())[:40] in " ".join(gone[0].split())
    # Review › Next Change (Alt+F8) goes to the next row and the page with it, round.
    (step,) = [a for a in window.findChildren(QAction) if a.text() == "&Next Change"]
    assert step.shortcut() == QKeySequence("Alt+F8")
    select_row(qtbot, panel, labels[0])
    for label in [*labels[1:], labels[0]]:
        step.trigger()
        assert panel.list.currentItem().text(0) == label
        if label == f"OP6 → {moved_name}":
            assert view.current_pid() == moved.id
