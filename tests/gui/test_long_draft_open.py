"""Opening a long draft (issue 21 §6): the page is written in slices, the first screen at
once and the rest from a zero-timer, so the window never freezes. Real widgets offscreen:
when the slices are done the page holds the whole draft as the model has it; keys typed
and edits made before they are done land in the right paragraph and undo exactly;
closing or opening another draft meanwhile mixes nothing. The draft: the paragraphs of
the Doha declaration (A/RES/80/5) repeated, each with a footnote, as a long draft is."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.draft_editor import DraftEditor
from drafting_app.gui.document.page_blocks import Derivation, build_specs
from drafting_app.gui.document.page_view import FIRST_SCREEN, DocumentView
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.document import Anchor, Document, Footnote, Paragraph
from drafting_app.model.ids import new_id
from drafting_app.model.text_edits import splice
from tests.conftest import REALDOCS

DOHA = REALDOCS / "ga" / "A-RES-80-5_doha-social-summit-declaration-2025.txt"


def _fresh(p: Paragraph) -> Paragraph:
    q = copy.deepcopy(p)
    for r in q.walk():
        r.id = new_id("p")
        r.anchors = []
    return q


def long_draft(paragraphs: int = 300, notes: int = 150) -> Document:
    """The declaration's paragraphs repeated to ``paragraphs`` top-level paragraphs, a
    footnote at the end of each of the first ``notes``."""
    src = read_document(DOHA)
    pool = [p for a in src.annexes for p in a.paragraphs()] or src.operative
    doc = Document(title=src.title, authoring_body="The General Assembly,")
    doc.operative = [_fresh(pool[i % len(pool)]) for i in range(paragraphs)]
    for i, p in enumerate(doc.operative[:notes]):
        note = Footnote(f"See A/RES/80/{i + 1}, para. {i + 2}.")
        doc.footnotes.append(note)
        p.anchors.append(Anchor(len(p.text), note.id))
    return doc


def page_lines(view: DocumentView) -> list[str]:
    doc = view.document()
    return [doc.findBlockByNumber(n).text() for n in range(doc.blockCount())]


def model_lines(doc: Document) -> list[str]:
    """The page a draft should show, derived afresh from the model (no view involved)."""
    specs = build_specs(Derivation(doc))
    return ["".join(piece.text for piece in s.pieces).replace("\n", " ") for s in specs]


def assert_page_is(view: DocumentView, doc: Document) -> None:
    assert not view.building
    assert page_lines(view) == model_lines(doc)
    texts = {s.key: s.text for s in view.specs}
    for p in doc.all_paragraphs():
        assert texts[("p", p.id)] == p.text
    assert len(view.specs) == view.document().blockCount()


def open_editor(qtbot: QtBot, doc: Document) -> DraftEditor:
    editor = DraftEditor(DocumentController(doc))
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    return editor


def test_a_long_draft_is_written_in_slices_and_ends_equal_to_the_model(qtbot: QtBot) -> None:
    doc = long_draft()
    editor = open_editor(qtbot, doc)
    page = editor.page
    assert page.building  # the draft is long enough to be sliced: else this proves nothing
    assert len(page.specs) == FIRST_SCREEN  # the first screen is there at once
    layout = page.document().documentLayout()
    last = page.document().lastBlock()
    assert layout.blockBoundingRect(last).bottom() > page.viewport().height()  # a screenful
    assert page.caret() == (("p", doc.operative[0].id), 0)
    with qtbot.waitSignal(page.built, timeout=20000):
        pass
    assert_page_is(page, doc)
    # The outline opened out on a later turn: every paragraph has its row.
    qtbot.waitUntil(lambda: editor.outline.currentIndex().isValid())
    assert editor.model.rowCount(editor.model.index_of(doc.operative[0].id).parent()) == 300


def test_typing_before_the_slices_are_done_lands_in_place_and_undoes(qtbot: QtBot) -> None:
    doc = long_draft()
    before = [p.text for p in doc.all_paragraphs()]
    editor = open_editor(qtbot, doc)
    page = editor.page
    page.setFocus()
    first = doc.operative[0]
    assert page.set_caret(("p", first.id), 0)
    assert page.building
    QTest.keyClicks(page, "New ")
    assert page.building  # typed while the rest of the page was still to come
    assert first.text.startswith("New ") and first.text[4:] == before[0]
    assert page.caret() == (("p", first.id), 4)
    qtbot.waitUntil(lambda: not page.building, timeout=20000)
    assert_page_is(page, doc)
    assert page.caret() == (("p", first.id), 4)
    while editor.controller.stack.canUndo():
        editor.controller.stack.undo()
    assert [p.text for p in doc.all_paragraphs()] == before
    assert_page_is(page, doc)


def test_edits_to_paragraphs_not_written_yet_show_when_they_are(qtbot: QtBot) -> None:
    doc = long_draft()
    before = [p.text for p in doc.all_paragraphs()]
    editor = open_editor(qtbot, doc)
    page, controller = editor.page, editor.controller
    assert page.building
    last = doc.operative[-1]
    assert ("p", last.id) not in page._index  # not on the page yet
    assert controller.apply(splice(last, 0, 0, "Also ", "Type"), fixes=False)
    assert page.building  # a retyped paragraph does not hold up the slices
    # Return in the first paragraph: a new paragraph, every number after it moves.
    page.setFocus()
    first = doc.operative[0]
    assert page.set_caret(("p", first.id), 10)
    QTest.keyClick(page, Qt.Key.Key_Return)
    assert len(doc.operative) == 301
    QTest.keyClicks(page, "x")
    qtbot.waitUntil(lambda: not page.building, timeout=20000)
    assert_page_is(page, doc)
    assert doc.operative[1].text.startswith("x")
    assert doc.operative[-1].text.startswith("Also ")
    while controller.stack.canUndo():
        controller.stack.undo()
    assert [p.text for p in doc.all_paragraphs()] == before
    assert_page_is(page, doc)


def test_going_to_a_paragraph_not_written_yet_writes_the_page_first(qtbot: QtBot) -> None:
    doc = long_draft()
    editor = open_editor(qtbot, doc)
    page = editor.page
    target = doc.operative[250]
    assert page.building
    assert page.scroll_to(target.id)
    assert not page.building
    assert page.caret() == (("p", target.id), 0)
    assert_page_is(page, doc)


def test_closing_or_opening_another_draft_while_slices_are_pending(
    qtbot: QtBot, window: MainWindow
) -> None:
    one, two, three = long_draft(), long_draft(280, 100), long_draft(260, 50)
    two.operative[0].text = "Second draft. " + two.operative[0].text
    three.operative[0].text = "Third draft. " + three.operative[0].text
    first = window.drafts.add(one, None, None, None)
    assert first.editor.page.building
    window.drafts.close(first)  # unmodified: closes at once, slices pending
    second = window.drafts.add(two, None, None, None)
    third = window.drafts.add(three, None, None, None)  # while the second is still written
    assert second.editor.page.building and third.editor.page.building
    qtbot.waitUntil(
        lambda: not second.editor.page.building and not third.editor.page.building,
        timeout=30000,
    )
    assert_page_is(second.editor.page, two)
    assert_page_is(third.editor.page, three)
    assert first not in window.drafts.open
    qtbot.wait(50)  # the closed draft's editor goes; nothing of it is left to run


def test_the_preview_of_a_long_draft_in_front_follows_it(qtbot: QtBot, window: MainWindow) -> None:
    """In front, the preview of a long draft is made on the turns after the page's first
    paint; it shows the draft as it is, also after a key typed meanwhile."""
    window.preview_dock.raise_()
    qtbot.waitUntil(lambda: not window.preview.visibleRegion().isEmpty())
    doc = long_draft()
    doc.operative[-1].text = "Decides to remain seized of the matter."
    draft = window.drafts.add(doc, None, None, None)
    assert "remain seized" not in window.preview.toPlainText()  # not in the open's turn
    page = draft.editor.page
    page.setFocus()
    assert page.set_caret(("p", doc.operative[0].id), 0)
    QTest.keyClicks(page, "Firmly ")
    qtbot.waitUntil(lambda: "remain seized" in window.preview.toPlainText(), timeout=20000)
    qtbot.waitUntil(lambda: "Firmly" in window.preview.toPlainText(), timeout=20000)
