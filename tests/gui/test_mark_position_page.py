"""Issue 20 item 6 as the drafter meets it: the page shows a footnote mark where the
export prints it, after the punctuation ("Crime,¹", never "Crime¹,"). Insert Footnote with
the caret just before a comma puts the mark after it; a text that holds a mark before the
comma (read from a file) still shows "Crime,¹" on the page, the checks panel explains the
UN rule at that place (FN-MARK), and its Fix moves the mark in the text to where the page
and the export already put it — the page does not change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from drafting_app.export.blocks import build_blocks
from drafting_app.gui.citation_tools import CitationTools
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.numbering import footnote_numbers
from tests.checks.test_mark_position import marked_before_the_comma
from tests.gui.draft_driver import ALT, CTRL, activate, checks_done
from tests.gui.test_footnotes_dock import france, put_caret, tools  # noqa: F401


def _page_text(draft: OpenDraft, pid: str) -> str:
    page = draft.editor.page
    n = page.block_number(("p", pid))
    assert n is not None
    return page.block_of(n).text()


def _printed(draft: OpenDraft, start: str) -> str:
    """The export's text of the block that starts with ``start``, marks as printed."""
    for block in build_blocks(draft.controller.doc).blocks:
        text = "".join(r.text if r.footnote_ref is None else r.footnote_ref for r in block.runs)
        if text.startswith(start):
            return text
    raise AssertionError(start)


def test_insert_footnote_before_a_comma_marks_after_it(
    qtbot: QtBot,
    window: MainWindow,
    tools: CitationTools,  # noqa: F811
    france: OpenDraft,  # noqa: F811
) -> None:
    doc = france.controller.doc
    p = next(q for q in doc.preamble if q.text.endswith(",") and not q.anchors)
    comma = len(p.text) - 1
    activate(qtbot, window)
    put_caret(qtbot, france, p.id, comma)  # "…word|,"
    qtbot.keyClick(france.editor.page, Qt.Key.Key_F, CTRL | ALT)  # Insert Footnote
    qtbot.keyClicks(france.editor.page, "Report of the Secretary-General (A/80/100).")
    (anchor,) = doc.paragraph(p.id).anchors
    number = footnote_numbers(doc)[anchor.footnote_id]
    shown = _page_text(france, p.id)
    assert shown.endswith(f",{number}")
    assert shown.endswith(_printed(france, p.text[:20])[-20:])  # the page shows what prints
    tools.check_document()
    checks_done(qtbot, tools.checks)
    assert not [f for f in tools.checks.findings if f.code == "FN-MARK"]


def test_a_mark_before_the_comma_shows_as_printed_and_is_explained(
    qtbot: QtBot,
    window: MainWindow,
    tools: CitationTools,  # noqa: F811
) -> None:
    draft = window.drafts.add(marked_before_the_comma(), None, None, None)
    doc = draft.controller.doc
    p = doc.preamble[0]
    (anchor,) = p.anchors
    assert p.text[anchor.offset] == ","  # the text has "Crime¹,"
    shown = _page_text(draft, p.id)
    assert shown.endswith("Crime,1") and "Crime1," not in shown
    assert shown == _printed(draft, "Recalling")

    tools.check_document()
    checks_done(qtbot, tools.checks)
    (row,) = [f for f in tools.checks.findings if f.code == "FN-MARK"]
    assert "follows the punctuation (“Crime,¹”, not “Crime¹,”)" in row.message
    assert row.location.paragraph_id == p.id and row.fix is not None
    (item,) = [i for i in tools.checks.finding_items() if i.text(0) == "FN-MARK"]
    tree = tools.checks.tree
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    qtbot.mouseClick(tools.checks.fix_button, Qt.MouseButton.LeftButton)
    assert doc.preamble[0].anchors[0].offset == len(p.text)  # after the comma
    assert _page_text(draft, p.id) == shown
    assert not [f for f in tools.checks.findings if f.code == "FN-MARK"]
