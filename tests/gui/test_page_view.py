"""The document view (the draft as one page, issue 18): the France draft laid out as the
export prints it, typed on with real key events, each keystroke a model edit on the one
undo stack; numbers the caret cannot enter; footnote marks after the punctuation that
move with the text; Return splits and Backspace joins; the decoration API other features
draw with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.gui.document.page_blocks import Role
from drafting_app.gui.document.page_decorations import InlineSegment, Overlay
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.gui.files.drafts import OpenDraft
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.numbering import paragraph_labels
from tests.conftest import REALDOCS
from tests.gui.draft_driver import CTRL, SHIFT
from tests.gui.test_footnotes_dock import france, tools  # noqa: F401

Z = Qt.Key.Key_Z


def page_of(draft: OpenDraft) -> DocumentView:
    return draft.editor.page


def block_text(view: DocumentView, key: tuple[str, ...]) -> str:
    """The line as printed: the painted number and its tab, then the page's characters."""
    n = view._index[key]
    text = view.document().findBlockByNumber(n).text()
    label = view.specs[n].label
    return f"{label}\t{text}" if label else text


def unmarked(view: DocumentView, key: tuple[str, ...]) -> str:
    """The line as printed without its footnote figures."""
    spec = view.specs[view._index[key]]
    shown = "".join(p.text for p in spec.pieces if p.role is not Role.MARK)
    assert view.document().findBlockByNumber(view._index[key]).text() == "".join(
        p.text for p in spec.pieces
    )
    return f"{spec.label}\t{shown}" if spec.label else shown


def caret_at(qtbot: QtBot, view: DocumentView, pid: str, offset: int) -> None:
    view.setFocus()
    assert view.set_caret(("p", pid), offset)
    assert view.caret() == (("p", pid), offset)


def test_the_france_draft_is_laid_out_as_a_page(france: OpenDraft) -> None:  # noqa: F811
    view = page_of(france)
    doc = france.controller.doc
    kinds = [s.kind for s in view.specs]
    # Masthead, sponsor line, title, authoring formula, then the paragraphs, then the notes.
    assert kinds.index("mh_org") < kinds.index("sponsors") < kinds.index("title")
    assert kinds.index("title") < kinds.index("authoring") < kinds.index("preambular")
    assert kinds.index("preambular") < kinds.index("operative") < kinds.index("note")
    assert block_text(view, ("sponsors",)) == "France:* draft resolution"
    labels = paragraph_labels(doc)
    op9 = doc.operative[8]
    assert block_text(view, ("p", op9.id)).startswith(f"{labels[op9.id]}\t")
    sub = op9.children[0]
    assert block_text(view, ("p", sub.id)).startswith("(a)\t")
    # The italic opener is italic on the page, the rest roman; Times New Roman throughout.
    pp1 = doc.preamble[0]
    block = view.document().findBlockByNumber(view._index[("p", pp1.id)])
    opener = pp1.italics[0]
    spec = view.specs[view._index[("p", pp1.id)]]
    fmt_in = _char_format(view, block.position() + spec.view_pos(opener.start) + 1)
    fmt_out = _char_format(view, block.position() + spec.view_pos(opener.end) + 2)
    assert fmt_in.fontItalic() and not fmt_out.fontItalic()
    assert fmt_in.font().family() == "Times New Roman"
    # The mark of note 1 is a superscript "1" just after "Crime," (after the punctuation).
    mark = next(p for p in spec.pieces if p.role is Role.MARK)
    assert mark.text == "1"
    assert pp1.text[: mark.offset].endswith("Crime,")
    at = block.position() + spec.view_pos(mark.offset, after_marks=False)
    assert _char_format(view, at + 1).verticalAlignment() == (
        QTextCharFormat.VerticalAlignment.AlignSuperScript
    )
    # The footnotes under the page, numbered, in rich text (no *markup*).
    first_note = doc.anchored_footnotes()[0]
    assert block_text(view, ("note", first_note.id)) == f"1\t{first_note.text}"
    assert "*" not in block_text(view, ("note", first_note.id))


def _char_format(view: DocumentView, position: int) -> QTextCharFormat:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return cursor.charFormat()  # the format of the character before ``position``


def test_typing_on_the_page_is_one_undo_step_and_numbers_are_not_editable(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    view = page_of(france)
    doc = france.controller.doc
    op2 = doc.operative[1]
    original = op2.text
    caret_at(qtbot, view, op2.id, 0)
    # Home goes to the start of the text, not into the number "2.".
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.caret() == (("p", op2.id), 0)
    # Left from the start of the text skips the number into the paragraph before.
    qtbot.keyClick(view, Qt.Key.Key_Left)
    op1 = doc.operative[0]
    assert view.caret() == (("p", op1.id), len(op1.text))
    # Word's Ctrl+Down / Ctrl+Up: the start of the next paragraph, of this one, of the one
    # before.
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)
    assert view.caret() == (("p", op2.id), 0)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL)
    assert view.caret() == (("p", op2.id), 0)
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL)
    assert view.caret() == (("p", op1.id), 0)
    caret_at(qtbot, view, op2.id, 0)
    qtbot.keyClicks(view, "Also ")
    assert doc.paragraph(op2.id).text == "Also " + original
    assert block_text(view, ("p", op2.id)) == "2.\tAlso " + original
    assert view.caret() == (("p", op2.id), 5)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert doc.paragraph(op2.id).text == "Also" + original
    qtbot.keyClick(window, Z, CTRL)  # the burst is one step
    assert doc.paragraph(op2.id).text == original
    assert block_text(view, ("p", op2.id)) == "2.\t" + original
    qtbot.keyClick(window, Z, CTRL | SHIFT)
    assert doc.paragraph(op2.id).text == "Also" + original


def test_marks_move_with_typing_before_and_after_them_and_with_undo(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    """Ported from the paragraph editor: typing before a mark moves it on; at the mark's
    offset the caret stands after the figure, so what is typed follows it."""
    view = page_of(france)
    doc = france.controller.doc
    op1 = doc.operative[0]
    first, second = (a.offset for a in op1.anchors)
    original = op1.text
    caret_at(qtbot, view, op1.id, first - len("Crime,"))
    qtbot.keyClicks(view, "Serious ")
    first, second = first + 8, second + 8
    p = doc.paragraph(op1.id)
    assert p.text[first - 14 : first] == "Serious Crime,"
    assert [a.offset for a in p.anchors] == [first, second]
    text = block_text(view, ("p", op1.id))
    assert "Serious Crime,2" in text  # the figure right after the comma on the page
    caret_at(qtbot, view, op1.id, first)
    qtbot.keyClicks(view, " in particular")
    p = doc.paragraph(op1.id)
    assert [a.offset for a in p.anchors] == [first, second + 14]
    assert p.text[first - 1 : first + 14] == ", in particular"
    assert "Crime,2 in particular" in block_text(view, ("p", op1.id))
    qtbot.keyClick(window, Z, CTRL)
    qtbot.keyClick(window, Z, CTRL)
    assert doc.paragraph(op1.id).text == original
    assert "Crime,2" in block_text(view, ("p", op1.id))


def test_return_splits_and_backspace_joins_with_undo(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    view = page_of(france)
    doc = france.controller.doc
    op4 = doc.operative[3]
    text, count = op4.text, len(doc.operative)
    cut = text.index(" to fulfil")
    caret_at(qtbot, view, op4.id, cut)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(doc.operative) == count + 1
    # The conventions close the shortened paragraph as an operative one (";").
    assert doc.operative[3].text == text[:cut] + ";"
    new = doc.operative[4]
    assert new.text == text[cut:]
    assert view.caret() == (("p", new.id), 0)
    assert block_text(view, ("p", new.id)).startswith("5.\t")  # numbers follow at once
    assert block_text(view, ("p", doc.operative[5].id)).startswith("6.\t")
    qtbot.keyClick(view, Qt.Key.Key_Backspace)  # at the start: joins again
    assert len(doc.operative) == count
    assert doc.operative[3].text == text
    assert view.caret() == (("p", op4.id), cut)
    qtbot.keyClick(window, Z, CTRL)
    assert len(doc.operative) == count + 1
    qtbot.keyClick(window, Z, CTRL)
    assert len(doc.operative) == count and doc.operative[3].text == text
    assert doc.operative[3] is op4  # the same paragraph (id, history) as before


def test_decorations_margin_labels_badges_overlays_inline_and_filter(
    qtbot: QtBot,
    france: OpenDraft,  # noqa: F811
) -> None:
    view = page_of(france)
    doc = france.controller.doc
    op1, op2, op3 = doc.operative[:3]
    deco = view.decorations
    deco.set_margin_label(op1.id, "OP1")
    deco.set_badge(op1.id, "Open", QColor("#c0392b"))
    deco.set_background(op2.id, QColor("#fff3cd"))
    assert deco.margin_labels == {op1.id: "OP1"}
    assert deco.badges[op1.id].text == "Open"
    view.grab()  # paints labels, badges and the tint without error

    # An overlay over a model range lands on those characters, past the number.
    under = QTextCharFormat()
    under.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    under.setUnderlineColor(QColor("#1565c0"))
    deco.set_overlays("revisions", {op2.id: [Overlay(0, 7, under)]})
    block = view.document().findBlockByNumber(view._index[("p", op2.id)])
    ranges = block.layout().formats()
    assert [(r.start, r.length) for r in ranges] == [(0, 7)]  # the number is not text
    assert ranges[0].format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline

    # A derived inline segment (deleted text) is shown but is not in the model, and the
    # caret skips it.
    op3_text = op3.text
    struck = QTextCharFormat()
    struck.setFontStrikeOut(True)
    deco.set_inline("revisions", {op3.id: [InlineSegment(0, "formerly ", struck, "deleted")]})
    assert unmarked(view, ("p", op3.id)) == "3.\tformerly " + op3.text
    assert doc.paragraph(op3.id).text == op3.text
    view.set_caret(("p", op3.id), 0)
    pos = view.textCursor().position() - block_start(view, op3.id)
    assert pos == len("formerly ")
    qtbot.keyClicks(view, "X")
    assert doc.paragraph(op3.id).text == "X" + op3_text
    assert unmarked(view, ("p", op3.id)) == "3.\tformerly X" + op3_text
    deco.set_inline("revisions", {})
    assert unmarked(view, ("p", op3.id)) == "3.\t" + doc.paragraph(op3.id).text

    # Show only these paragraphs; jump to one.
    deco.show_only({op2.id})
    assert not view.document().findBlockByNumber(view._index[("p", op1.id)]).isVisible()
    assert view.document().findBlockByNumber(view._index[("p", op2.id)]).isVisible()
    deco.show_only(None)
    assert view.document().findBlockByNumber(view._index[("p", op1.id)]).isVisible()
    assert view.select_paragraph(op2.id)
    assert view.textCursor().selectedText() == op2.text
    assert view.scroll_to(op3.id)
    assert view.current_pid() == op3.id


def block_start(view: DocumentView, pid: str) -> int:
    return view.document().findBlockByNumber(view._index[("p", pid)]).position()


def test_a_resolution_copied_from_the_reading_view_pastes_as_paragraphs(
    qtbot: QtBot,
    window: MainWindow,
    france: OpenDraft,  # noqa: F811
) -> None:
    """Ctrl+C in the corpus reader (Qt's HTML and text), Ctrl+V on the page: the pasted
    resolution's paragraphs, openers in italics, "(a)" items as sub-paragraphs, its
    footnote, in one undo step; its title is left out, and the status bar says so."""
    source = read_document(REALDOCS / "ga" / "A-RES-80-1_palestine-participation-2025.txt")
    reader = window.reading
    reader.show_document("a-res-80-1", source)
    window.show_reading()
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(reader, Qt.Key.Key_C, CTRL)
    window.tabs.setCurrentWidget(france.editor)
    view = page_of(france)
    doc = france.controller.doc
    op8 = doc.operative[7]
    caret_at(qtbot, view, op8.id, len(op8.text))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    count, notes, steps = len(doc.operative), len(doc.footnotes), france.controller.stack.count()
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert france.controller.stack.count() == steps + 1  # one undo step
    assert len(doc.operative) == count + 7  # eight paragraphs, the first in the empty one
    pasted = doc.operative[8 : 8 + 8]
    assert pasted[0].text.startswith("Expressing concern")
    assert pasted[0].text[: pasted[0].italics[0].end] == "Expressing concern"
    decides = next(p for p in pasted if p.text.startswith("Decides, without setting"))
    assert len(decides.children) == 3
    assert block_text(view, ("p", decides.children[0].id)).startswith("(a)\t")
    assert len(doc.footnotes) == notes + 1
    assert [f.text for f in doc.footnotes][-1] == "See resolution 169 (II)."
    told = window.statusBar().currentMessage()
    assert told.startswith("Not pasted (the draft has its own): “Resolution adopted by the")
    qtbot.keyClick(window, Z, CTRL)
    assert len(doc.operative) == count and len(doc.footnotes) == notes


def test_the_outline_navigates_the_page(
    qtbot: QtBot,
    france: OpenDraft,  # noqa: F811
) -> None:
    """Click a row: the page goes there, caret at the paragraph's text; hover a row: its
    full text (the row itself is cut to the outline's width)."""
    editor = france.editor
    op9 = france.controller.doc.operative[8]
    sub = op9.children[2]
    index = editor.model.index_of(sub.id)
    editor.outline.scrollTo(index)
    rect = editor.outline.visualRect(index)
    qtbot.mouseClick(editor.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = editor.page
    assert view.caret() == (("p", sub.id), 0)
    cursor_rect = view.cursorRect()
    assert 0 <= cursor_rect.top() <= view.viewport().height()  # in view
    assert index.data(Qt.ItemDataRole.ToolTipRole) == sub.text
    # And the other way: the caret moved on the page chooses the row.
    view.set_caret(("p", op9.id), 3)
    assert editor.current_pid() == op9.id


def test_distr_and_original_stand_beside_their_right_aligned_values(
    france: OpenDraft,  # noqa: F811
) -> None:
    """The "Distr.: Limited" and "Original: English" lines are one right-aligned line each, as in
    the export, not a label at the left margin and its value at the right (user trial 14)."""
    view = page_of(france)
    view.resize(900, 700)
    view.grab()  # lay the page out
    for kind, label in (("mh_distribution", "Distr.: "), ("mh_original", "Original: ")):
        n = next(i for i, s in enumerate(view.specs) if s.kind == kind)
        assert view.specs[n].label == label
        at = view.number_origin(n)
        assert at is not None
        block = view.document().findBlockByNumber(n)
        text_left = view.cursorRect(_cursor_at(view, block.position())).left()
        width = view._label_metrics(view.specs[n]).horizontalAdvance(label)
        # The label ends where the value begins (within a pixel), right of the middle.
        assert abs(at.x() + width - text_left) <= 2
        assert at.x() > view.viewport().width() / 2


def _cursor_at(view: DocumentView, pos: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    return cursor


def _paste_text(qtbot: QtBot, view: DocumentView, text: str) -> None:
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)


PASTED = (
    "Requests the Executive Director to report on the implementation of the present "
    "resolution;\n\nDecides to remain seized of the matter."
)


def test_whole_paragraphs_pasted_at_the_end_of_one_follow_it(
    qtbot: QtBot,
    france: OpenDraft,  # noqa: F811
) -> None:
    """Two paragraphs pasted with the caret at the end of operative 8: operative 8 keeps
    its text, and they become operative 9 and 10 (not "…matter.Requests …", as Word
    would glue them); one undo step takes them back."""
    view = page_of(france)
    doc = france.controller.doc
    op8 = doc.operative[7]
    before, count, steps = op8.text, len(doc.operative), france.controller.stack.count()
    caret_at(qtbot, view, op8.id, len(op8.text))
    _paste_text(qtbot, view, PASTED)
    assert france.controller.stack.count() == steps + 1
    assert len(doc.operative) == count + 2
    assert doc.operative[7].id == op8.id
    assert doc.operative[7].text.rstrip(";.,") == before.rstrip(";.,")
    assert "equests the Executive Director to report" in doc.operative[8].text
    assert doc.operative[9].text.startswith("Decides to remain seized")
    assert view.caret() is not None and view.caret()[0] == ("p", doc.operative[9].id)
    qtbot.keyClick(view, Z, CTRL)
    assert len(doc.operative) == count and doc.operative[7].text == before


def test_whole_paragraphs_pasted_inside_one_stand_between_its_halves(
    qtbot: QtBot,
    france: OpenDraft,  # noqa: F811
) -> None:
    """In the middle of a paragraph: the words before the caret stay a paragraph, the
    pasted ones follow, and the words after the caret start the next."""
    view = page_of(france)
    doc = france.controller.doc
    op8 = doc.operative[7]
    cut = op8.text.index(" ", len(op8.text) // 2)
    head, tail = op8.text[:cut], op8.text[cut:].lstrip()
    count = len(doc.operative)
    caret_at(qtbot, view, op8.id, cut)
    _paste_text(qtbot, view, PASTED)
    assert len(doc.operative) == count + 3
    assert doc.operative[7].text.rstrip(";.,") == head.rstrip(";.,")
    assert "equests the Executive Director to report" in doc.operative[8].text
    assert doc.operative[9].text.startswith("Decides to remain seized")
    assert doc.operative[10].text.lstrip().startswith(tail[:20])


def test_a_security_council_resolution_is_laid_out_as_the_council_prints_it(qtbot: QtBot) -> None:
    """Its heading "Resolution 2719 (2023)" comes first and the adoption line under it in
    roman; it has no title, so the page asks for none (no "Type the title" prompt). A
    General Assembly resolution keeps its front matter above the heading and its title."""
    from drafting_app.gui.document.page_blocks import Derivation, build_specs
    from tests.conftest import ROOT

    shapes = ROOT / "tests" / "data" / "shapes"
    council = build_specs(
        Derivation(read_document(shapes / "security-council_resolution-form.txt"))
    )
    front = [s for s in council if s.key[0] in ("front", "heading", "title", "authoring")]
    assert [(s.key[0], "".join(p.text for p in s.pieces)) for s in front] == [
        ("heading", "Resolution 2719 (2023)"),
        ("front", "Adopted by the Security Council at its 9518th meeting, on 21 December 2023"),
        ("authoring", "The Security Council,"),
    ]
    assert not any(p.bold for p in front[1].pieces)
    assembly = build_specs(
        Derivation(read_document(REALDOCS / "ga" / "A-RES-80-6_icc-report-2025.txt"))
    )
    keys = [s.key[0] for s in assembly if s.key[0] in ("front", "heading", "title", "authoring")]
    assert keys == ["front", "front", "front", "title", "authoring"]


def test_a_resolution_in_parts_shows_each_part_and_its_paragraphs_are_typed_in(
    qtbot: QtBot,
    window: MainWindow,
    tools,  # noqa: F811
) -> None:
    """A/RES/78/122 A–B on the page: the title of the whole, then each part's letter, title
    and "The General Assembly," (as read, not typed in) above its own paragraphs, numbered
    from 1 in each part. Before, the parts' letters and titles were not on the page at all;
    typing in part B is one undo step, as anywhere else."""
    from tests.conftest import ROOT

    shapes = ROOT / "tests" / "data" / "shapes"
    path = shapes / "resolution-in-parts_questions-relating-to-information.txt"
    draft = window.drafts.add(read_document(path), None, None, None)
    view = page_of(draft)
    doc = draft.controller.doc
    a, b = doc.parts
    lines = [block_text(view, s.key) for s in view.specs if s.key[0].startswith("part")]
    assert lines == [
        "A",
        "Information in the service of humanity",
        "The General Assembly,",
        "B",
        "United Nations global communications policies and activities",
        "The General Assembly,",
    ]
    order = [s.key for s in view.specs]
    assert ("authoring",) not in order  # no "The authoring body, e.g. …" prompt above "A"
    assert order.index(("part", "B")) < order.index(("p", b.preamble[0].id))
    assert order.index(("p", a.operative[0].id)) < order.index(("part", "B"))
    assert not view.specs[view._index[("part", "A")]].editable
    op1 = b.operative[0]
    assert block_text(view, ("p", op1.id)) == "1.\t" + op1.text
    original = op1.text
    caret_at(qtbot, view, op1.id, 0)
    qtbot.keyClicks(view, "Also ")
    assert doc.paragraph(op1.id).text == "Also " + original
    qtbot.keyClick(window, Z, CTRL)
    assert doc.paragraph(op1.id).text == original


def test_the_section_headings_of_the_operative_part_stand_above_their_paragraphs(
    qtbot: QtBot,
    window: MainWindow,
    tools,  # noqa: F811
) -> None:
    """A/RES/78/69's "II" / "Capacity-building" on the page, above paragraph 3, as blocks
    of their own (tests/gui/test_section_headings.py retypes them); the numbering runs on
    through them, and deleting the text of the paragraph under a heading leaves the
    heading where it is; deleting that paragraph hands its headings to the next one, and
    undo gives them back."""
    from tests.conftest import ROOT

    path = ROOT / "tests" / "data" / "shapes" / "sectioned-operative_oceans-law-of-the-sea.txt"
    draft = window.drafts.add(read_document(path), None, None, None)
    view = page_of(draft)
    doc = draft.controller.doc
    op3 = doc.operative[2]
    keys = [s.key for s in view.specs]
    at = keys.index(("p", op3.id))
    assert keys[at - 2 : at] == [("section", op3.id, "0"), ("section", op3.id, "1")]
    assert [block_text(view, k) for k in keys[at - 2 : at + 1]] == [
        "II",
        "Capacity-building",
        "3.\t" + op3.text,
    ]
    caret_at(qtbot, view, op3.id, 0)
    qtbot.keyClicks(view, "Also ")
    assert doc.paragraph(op3.id).text.startswith("Also Emphasizes")
    assert block_text(view, ("section", op3.id, "1")) == "Capacity-building"
    from drafting_app.model.edits import DeleteParagraph

    op4 = doc.operative[3]
    assert draft.controller.apply(DeleteParagraph(op3.id), fixes=False)
    assert op4.headings == ["II", "Capacity-building"]
    assert [block_text(view, ("section", op4.id, str(i))) for i in (0, 1)] == [
        "II",
        "Capacity-building",
    ]
    assert block_text(view, ("p", op4.id)).startswith("3.\tEncourages")
    draft.controller.stack.undo()
    assert op4.headings == [] and doc.operative[2].headings == ["II", "Capacity-building"]
    assert ("section", op4.id, "0") not in view._index
    assert block_text(view, ("section", op3.id, "1")) == "Capacity-building"
